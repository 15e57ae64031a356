"""The bookmark that carries an element's stable id through Word.

``dlo render`` wraps each body paragraph of the DOCX in a bookmark named after the element's id;
Word and LibreOffice keep bookmarks when a paragraph is edited, moved (cut and paste) or saved
again, and drop a copy's duplicate. ``dlo import --onto`` reads them back to keep the ids.

Word limits a bookmark name to 40 characters (letters, digits, underscores, starting with a
letter), and an id may be 80 characters of ``[a-z0-9._-]``, so the name is a digest of the id:
the import maps it back through the ids of the regulation it is imported onto.
"""

from __future__ import annotations

import hashlib

PREFIX = "dlo_"


def name(element_id: str) -> str:
    """The bookmark name for ``element_id``: "dlo_" and 16 hex digits of its SHA-256."""
    return PREFIX + hashlib.sha256(element_id.encode("utf-8")).hexdigest()[:16]


def ids_by_name(element_ids: list[str]) -> dict[str, str]:
    """Bookmark name → element id, for the ids of one regulation."""
    return {name(i): i for i in element_ids}
