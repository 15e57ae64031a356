"""The named styles of the official document, role by role (without python-docx: a render
that finds its styled base in the cache needs the names only; ``styles`` defines them)."""

from __future__ import annotations

# role -> style name. Body styles keep their names: the importer and the diff rely on them.
STYLE = {
    "chapter": "Heading 1",
    "paragraph": "Heading 2",
    "clause": "DLO Clause",
    "item": "DLO Item",
    "item2": "DLO Item 2",
    "organisation": "DLO Organisation",
    "approval_heading": "DLO Approval Heading",
    "approval": "DLO Approval",
    "kind": "DLO Document Kind",
    "title": "DLO Document Title",
    "name": "DLO Document Name",  # the title alone, in the kind's place: it names the kind
    "info": "DLO Document Info",
    "sheet_heading": "DLO Sheet Heading",
    "sheet_subtitle": "DLO Sheet Subtitle",
    "sheet_text": "DLO Sheet Text",
    "signature": "DLO Signature",
    "table_header": "DLO Table Header",
    "table_text": "DLO Table Text",
    "table_number": "DLO Table Number",
    "table_stamp": "DLO Table Stamp",
    "header": "Header",
    "footer": "Footer",
    "title_header": "DLO Title Header",
    "draft_mark": "DLO Draft Mark",
    "title_footer": "DLO Title Footer",
    "table": "DLO Table",
}
BODY_STYLES = frozenset(STYLE[k] for k in ("chapter", "paragraph", "clause", "item", "item2"))
