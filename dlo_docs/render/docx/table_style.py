"""The built-in table style ("DLO Table") as OOXML, without python-docx: ``styles`` defines it in
the base package, and ``render.pdf_input`` writes the same formatting on each table of a DOCX
given to LibreOffice (see there why)."""

from __future__ import annotations

_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
_MARGIN = 85  # a cell's left and right margin, in twentieths of a point (1.5 mm)
# the table's properties the style gives: thin black borders, narrow cell margins, and an indent
# of one cell margin: in Word 2010's layout (the documents' compatibility mode), which LibreOffice
# follows, the indent places a cell's text, not its border, so that the border stands at the
# text's margin, as the running header's rule does
TABLE_PR = (
    f'<w:tblInd w:w="{_MARGIN}" w:type="dxa"/><w:tblBorders>'
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for side in _SIDES
    )
    + "</w:tblBorders>"
)
CELL_MARGINS = (
    f'<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="{_MARGIN}" w:type="dxa"/>'
    f'<w:bottom w:w="28" w:type="dxa"/><w:right w:w="{_MARGIN}" w:type="dxa"/></w:tblCellMar>'
)
CELL_PR = '<w:vAlign w:val="center"/>'  # each cell's: its text centred vertically
PARAGRAPH_PR = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'


def definition(style_id: str, name: str, ns: str = "", based_on: str | None = "TableNormal") -> str:
    """The style's ``w:style`` element (``ns``: namespace declarations to put on it), based on
    the style with id ``based_on`` (the document's "Normal Table"), or on none."""
    parent = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style{" " + ns if ns else ""} w:type="table" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{parent}<w:uiPriority w:val="39"/>'
        f"<w:qFormat/><w:pPr>{PARAGRAPH_PR}</w:pPr>"
        f"<w:tblPr>{TABLE_PR}{CELL_MARGINS}</w:tblPr><w:tcPr>{CELL_PR}</w:tcPr></w:style>"
    )
