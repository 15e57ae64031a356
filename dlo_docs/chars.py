"""The characters a text of dlo's may not hold: the one definition the label sets' check, the
lint (DLO118) and the terminal output share (a DOCX writer drops what XML forbids:
``render.docx.ooxml.INVALID_XML``; the YAML writer escapes what YAML cannot print).

``CONTROL``: C0 but tab and line feed, DEL, C1, and the two non-characters U+FFFE and U+FFFF.
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
