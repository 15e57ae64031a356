"""``dlo import``: existing Word (.docx) and text (.txt) regulations into YAML.

The pipeline, one module per step::

    source.read_text / wordml.read_docx   bytes → Lines (normalised text + style/numbering hints)
    classify, structure.build             Lines → chapters / paragraphs / clauses / items + report
    facts                                 registry matches and proposals, facts stated in prose
    metadata, route                       what the text does not carry / states about its route
    assemble                              the tree as the regulation's data, read back to check
    convert                               → a validated ``Regulation`` and its YAML
    write.import_file                     checks, then writes registry (optional) and regulation

Metadata a text does not carry is decided in ``metadata`` and ``route``, and reported (DLO511)
so a person confirms it:

- ``id``: ``--id``; else the id a DOCX rendered by dlo carries; else the file name (transliterated).
- ``kind``: ``--kind``; else from the first clause ("лауазымдық нұсқаулық"/"должностная
  инструкция" → job instruction; "ереже"/"положение" → unit regulation).
- ``position``/``unit``: ``--position``/``--unit``; else the registry position the clauses name most
  often, and its unit. ``organisation``: the registry's; for another organisation's regulation
  (``foreign``), the one whose full name a clause states, else the first the text names
  (``org_name``), with its unit and positions proposed from the text (a name the source's
  agreement sheet gives beside an official proposed as a position: its holder).
- ``title``/``code``: ``--title``/``--code``; else what a DOCX rendered by dlo carries; else the
  lines before the first chapter (a title page); else the position's title and a code left to
  write (``[[ДИ ?]]``), which ``dlo check`` reports (DLO114) until the registered code is set.
- ``agreement.approvers``, ``approval.by``, ``change_initiators``, ``instructions_from``: the
  positions named in the clauses that state them (marked ``states:``), so ``dlo check`` keeps the
  text and the data in step. Approvers are always reported as proposals to confirm (DLO510).
"""

from __future__ import annotations

from .convert import convert, detect_lang
from .onto import import_onto
from .reading import read_source
from .types import ASSUMED, CONFIRM, Imported, Options, Result
from .write import import_file

__all__ = [
    "ASSUMED",
    "CONFIRM",
    "Imported",
    "Options",
    "Result",
    "convert",
    "detect_lang",
    "import_file",
    "import_onto",
    "read_source",
]
