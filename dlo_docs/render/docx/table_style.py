"""The built-in table style ("DLO Table") as OOXML, without python-docx: ``styles`` defines it in
the base package, and ``render.pdf_input`` writes the same formatting on each table of a DOCX
given to LibreOffice (see there why)."""

from __future__ import annotations

_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
# the table's properties the style gives: no indent, thin black borders, narrow cell margins
TABLE_PR = (
    '<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>'
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for side in _SIDES
    )
    + "</w:tblBorders>"
)
CELL_MARGINS = (
    '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
    '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
)
CELL_PR = '<w:vAlign w:val="center"/>'  # each cell's: its text centred vertically
PARAGRAPH_PR = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'


def definition(style_id: str, name: str, ns: str = "") -> str:
    """The style's ``w:style`` element (``ns``: namespace declarations to put on it)."""
    return (
        f'<w:style{" " + ns if ns else ""} w:type="table" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>'
        f"<w:qFormat/><w:pPr>{PARAGRAPH_PR}</w:pPr>"
        f"<w:tblPr>{TABLE_PR}{CELL_MARGINS}</w:tblPr><w:tcPr>{CELL_PR}</w:tcPr></w:style>"
    )
