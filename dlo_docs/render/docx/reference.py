"""What an organisation's reference document gives the documents rendered with it, and nothing
else: its styles (``styles.xml`` as a whole), its theme (the fonts and colours styles may name;
taken when it links to nothing) and its page settings (the size, orientation and margins of its
last section), put into python-docx's default template.

Anything else a reference may hold is not taken, so no rendered or published document carries
it: its text, headers and footers (even-page ones included), its settings (an attached template
on a server, a mail merge's data source, protection, compatibility options), macros, controls,
embedded objects, comments, custom XML, and links to other files or to the web.

- ``taken(source, reference) -> Document``: the clean document; ``unreadable`` (DLO303) when
  the reference cannot be read or its page settings are not numbers.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from .package import unreadable

_PAGE = ("w:pgSz", "w:pgMar")  # in this order in a section's properties
_SETTINGS = (
    "page_width",
    "page_height",
    "left_margin",
    "right_margin",
    "top_margin",
    "bottom_margin",
    "header_distance",
    "footer_distance",
    "orientation",
)
_THEME = "/relationships/theme"


def taken(source: bytes, reference: Path | None):
    """The default template with the reference's styles, theme and page settings."""
    try:
        ref = Document(io.BytesIO(source))
        doc = Document()
        _styles(ref, doc)
        _theme(ref, doc)
        _page(ref, doc)
        section = doc.sections[-1]
        for name in _SETTINGS:  # a value that is not a number is refused here, not later
            getattr(section, name)
    except Exception as exc:  # not a DOCX, a broken one, page settings that are not numbers
        raise unreadable(reference, exc) from None
    return doc


def _styles(ref, doc) -> None:
    part, theirs = doc.part._styles_part, ref.part._styles_part
    part._element = copy.deepcopy(theirs.element)


def _theme(ref, doc) -> None:
    ours = _related(doc.part, _THEME)
    theirs = _related(ref.part, _THEME)
    if ours is not None and theirs is not None and not theirs.rels:
        ours._blob = theirs.blob


def _related(part, reltype_end: str):
    for rel in part.rels.values():
        if not rel.is_external and rel.reltype.endswith(reltype_end):
            return rel.target_part
    return None


def _page(ref, doc) -> None:
    """The reference's page size and margins in place of the template's (US Letter); one it
    does not set is left out, for the form's to fill (``styles.setup``)."""
    theirs = ref.element.body.sectPr
    ours = doc.element.body.get_or_add_sectPr()
    for tag in _PAGE:
        old = ours.find(qn(tag))
        new = theirs.find(qn(tag)) if theirs is not None else None
        if new is not None:
            new = copy.deepcopy(new)
            if old is not None:
                old.addprevious(new)
            else:
                ours.insert(_position(ours, tag), new)
        if old is not None:
            ours.remove(old)


def _position(section, tag: str) -> int:
    """Where ``tag`` goes among a section's properties: after the header and footer references,
    the notes' properties and the section type, and after the page size for the margins."""
    before = {"w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type"}
    if tag == "w:pgMar":
        before.add("w:pgSz")
    names = {qn(t) for t in before}
    return sum(1 for child in section if child.tag in names)
