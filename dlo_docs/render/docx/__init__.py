"""DOCX output: the official document.

What a rendered regulation holds, in order:

1. the **title page**: organisation; the БЕКІТЕМІН / УТВЕРЖДАЮ block (the approving official's
   position and name, a signature line and a «__» ______ 20__ date line, or, once an edition is
   approved, the order's number and date); document kind and title; position (or unit); code;
   edition; city and year at the foot of the page;
2. the **body**: chapters, paragraphs, clauses and items with computed numbers;
3. the **sheets** the regulation switches on (``sheets:``), each on its own page: agreement,
   acquaintance, change registration, periodic review.

Every page after the title carries a running header (organisation; kind, code, edition) and a
footer "Бет X / Y" / "Стр. X из Y" made of Word fields (PAGE, NUMPAGES), so the numbers are right
in Word and in LibreOffice. The transfer act and each sheet can also be rendered on their own
(``render_sheet``).

**Styles, not direct formatting** (but a lead-in's w:keepNext, ``Writer.body``): every paragraph
and table uses a named style (``STYLE``), so an organisation can restyle everything by supplying
its own reference document, ``templates/reference.docx``: its styles and page set-up are used,
and styles it lacks are added with the defaults. ``dlo reference-docx`` writes the default one to start from.

The modules, one job each (this package is the one place, with ``render/docx_diff.py``, that
imports python-docx):

- ``names``: the named styles, role by role; ``styles``: their definitions and the page set-up;
- ``package``: the styled base package with its slots, and the one-pass filling of the slots
  (speed: the seed renders in ~6 ms, against 64 ms through python-docx's paragraph API);
  ``prepare`` makes the base with python-docx, once per reference document, and ``stored`` keeps
  it in the persistent cache, so that a render whose base is cached does not import python-docx;
- ``ooxml``: runs, fields, paragraphs and tables as escaped OOXML strings;
- ``writer``: the title page, body, sheets, header and footer of a document;
- here: ``render`` and ``render_sheet``, which put them together.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...context import RenderDoc
from ...errors import UsageError
from ...i18n import Msg
from .. import stamp
from .names import BODY_STYLES, STYLE
from .package import (
    LANG_TAGS,
    REFERENCE,
    base,
    default_reference,
    fill,
    new_document,
    plain_pages,
    reference_document,
    set_language,
)
from .writer import SHEETS, STANDALONE, Transfer, Writer

__all__ = [
    "BODY_STYLES",
    "REFERENCE",
    "SHEETS",
    "STANDALONE",
    "STYLE",
    "LANG_TAGS",
    "Transfer",
    "default_reference",
    "new_document",
    "plain_pages",
    "reference_document",
    "set_language",
    "render",
    "render_sheet",
]


def _assemble(
    rd: RenderDoc,
    project_templates: Path | None,
    build: Callable[[Writer], None],
    title_page: bool,
) -> bytes:
    package = base(project_templates)
    writer = Writer(package, rd)
    build(writer)
    paragraphs = {
        "body": "".join(writer.parts),
        "header": writer.header(),
        "footer": writer.footer(),
        # (a header or footer part must hold at least one paragraph, even when unused)
        "first_header": writer.title_header(),
        "first_footer": writer.title_footer() if title_page else writer.para("title_header"),
    }
    texts = {
        "title": rd.full_title,
        "subject": rd.code,
        "creator": rd.organisation,
        "keywords": rd.keywords,
        "language": rd.lang,
        "langtag": LANG_TAGS.get(rd.lang, rd.lang),
    }
    when = stamp.document_time(rd.records)
    return fill(package.entries, paragraphs, texts, title_page, when)


def render(rd: RenderDoc, project_templates: Path | None = None) -> bytes:
    """The whole official document: title page, body, and the sheets the regulation switches on."""

    def build(w: Writer) -> None:
        w.title_page()
        w.body()
        for key in SHEETS:
            if rd.sheets.get(key, True):
                w.sheet(key)

    return _assemble(rd, project_templates, build, title_page=True)


def render_sheet(
    rd: RenderDoc,
    kind: str,
    project_templates: Path | None = None,
    transfer: Transfer | None = None,
) -> bytes:
    """One sheet (or the transfer act) as a document of its own."""
    if kind not in STANDALONE:
        raise UsageError(
            Msg("unknown sheet {kind}", kind=repr(kind)),
            Msg("use one of: {choices}", choices=", ".join(STANDALONE)),
        )

    def build(w: Writer) -> None:
        w.sheet(kind, transfer)  # (a page break before the first paragraph makes no blank page)

    return _assemble(rd, project_templates, build, title_page=False)
