"""Outputs follow the state: what carries an order number is the frozen edition the journal
approved, never the working copy; the working draft renders only as a draft (ЖОБА / ПРОЕКТ on
every page, no approval filled in). Every assertion reads the written DOCX, PDF or HTML back."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from test_forms import add_bilingual, all_text, paragraphs, parts

from dlo_docs.render import pdf as pdf_render

SEED = "dlo-head"
ORDER_LINE = "26.11.2026 ж. № 0000-ҮЛГІ бұйрығымен"
EDITED = "құқылы ӨЗГЕРТІЛДІ:"
needs_soffice = pytest.mark.skipif(
    not pdf_render.available(), reason="LibreOffice (soffice) is not installed"
)


def edit_working_copy(root: Path) -> None:
    path = root / "regulations" / SEED / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("құқылы:") == 1
    path.write_text(text.replace("құқылы:", EDITED), encoding="utf-8")


def docx(root: Path, name: str) -> bytes:
    return (root / "build" / name).read_bytes()


def title_page(data: bytes) -> list[str]:
    texts = [t for _, t in paragraphs(parts(data)["word/document.xml"])]
    return texts[: texts.index("1 тарау. Қолдану саласы")]


def header_texts(data: bytes) -> dict[str, str]:
    """Every header part of the DOCX (the title page's and the running one) -> its text."""
    return {
        name: " ".join(t for _, t in paragraphs(root))
        for name, root in parts(data).items()
        if "header" in name
    }


def run(dlo, root: Path, *args: str):
    result = dlo(*args, cwd=root)
    assert result.code == 0, f"dlo {' '.join(args)}: {result.code}\n{result.out}\n{result.err}"
    assert "Traceback" not in result.err
    return result


def test_default_is_the_edition_in_force_not_the_edited_working_copy(bundled, dlo):
    edit_working_copy(bundled)
    run(dlo, bundled, "render", SEED)
    data = docx(bundled, "dlo-head.kk.docx")
    text = all_text(data)
    assert EDITED not in text and "құқылы:" in text
    assert title_page(data)[1:4] == ["БЕКІТІЛДІ", "Басқарма Төрағасы – Ректордың", ORDER_LINE]
    assert "ЖОБА" not in text
    html = (bundled / "build" / "dlo-head.kk.html").read_text(encoding="utf-8")
    # (the forms' no-break spaces and hyphens, as they read)
    html = html.replace("\u00a0", " ").replace("\u2011", "-")
    assert EDITED not in html and ORDER_LINE in html and "ЖОБА" not in html


def test_draft_is_marked_on_every_page_and_carries_no_approval(bundled, dlo):
    edit_working_copy(bundled)
    run(dlo, bundled, "render", SEED, "--draft")
    data = docx(bundled, "dlo-head.kk.draft.docx")
    text = all_text(data)
    assert EDITED in text
    headers = header_texts(data)
    assert len(headers) >= 2  # the title page's header and the running one
    assert all("ЖОБА" in h for h in headers.values()), headers
    # the approval block is blank: no order, no date
    assert title_page(data)[1:5] == [
        "БЕКІТІЛДІ",
        "Басқарма Төрағасы – Ректордың",
        "20___ ж. «___» ____________",
        "№ ______ бұйрығымен",
    ]
    assert "0000-ҮЛГІ" not in text and "26.11.2026" not in text
    html = (bundled / "build" / "dlo-head.kk.draft.html").read_text(encoding="utf-8")
    assert EDITED in html and 'class="draft-mark"' in html and "0000-ҮЛГІ" not in html
    # the notice says it once ("ЖОБА · Жоба: бекітілмеген …" said it twice)
    assert '<p class="draft-note">Жоба: бекітілмеген, қолданысқа енгізілмеген<br>' in html
    assert not (bundled / "build" / "dlo-head.kk.draft.comparison.docx").exists()
    assert not (bundled / "build" / "dlo-head.kk.comparison.docx").exists()


def _keywords(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        core = ET.fromstring(z.read("docProps/core.xml"))
    [found] = [e.text for e in core.iter() if e.tag.endswith("}keywords")]
    return found or ""


def test_an_approved_editions_outputs_name_it_and_a_drafts_do_not(bundled, dlo):
    """The keywords (carried into the PDF) name the edition shown and the content hash its
    approval recorded: what ``verify-pdf`` ties a signature to. A draft names its id and the
    control code its pages print, no edition; an imported DOCX of either keeps the id."""
    import re

    from dlo_docs import workflow
    from dlo_docs.project import Project
    from dlo_docs.records import Shown

    [approval] = workflow.history(Project(bundled), SEED).approvals.values()
    run(dlo, bundled, "render", SEED, "--format", "docx")
    named = _keywords(docx(bundled, "dlo-head.kk.docx"))
    assert named == f"{SEED}, edition=1, content={approval.content_hash}"
    assert Shown.parse(named) == Shown(SEED, 1, approval.content_hash)
    run(dlo, bundled, "render", SEED, "--format", "docx", "--draft")
    draft_named = _keywords(docx(bundled, "dlo-head.kk.draft.docx"))
    printed = re.search(
        r"((?:[0-9a-f]{4} ){7}[0-9a-f]{4})",
        " ".join(header_texts(docx(bundled, "dlo-head.kk.draft.docx")).values()),
    )
    assert printed and draft_named == f"{SEED}, text={printed[1].replace(' ', '')}"
    assert Shown.parse(draft_named).edition is None and Shown.parse(draft_named).id == SEED
    assert _keywords(docx(bundled, "dlo-head.kk.docx")) == named  # the edition's stays
    assert Shown.parse(SEED) == Shown(SEED)
    assert Shown.parse(f"{SEED}; edition=x; content=") == Shown(SEED)


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_draft_pdf_shows_the_mark_on_every_page(bundled, dlo):
    import pypdf

    edit_working_copy(bundled)
    run(dlo, bundled, "render", SEED, "--draft", "--format", "pdf")
    reader = pypdf.PdfReader(bundled / "build" / "dlo-head.kk.draft.pdf")
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) > 3
    assert all("ЖОБА" in page for page in pages)
    assert not any("0000-ҮЛГІ" in page for page in pages)


def test_open_revision_default_is_edition_in_force_draft_is_the_revision(bundled, dlo):
    run(dlo, bundled, "revise", SEED, "--by", "hr-head", "--reason", "Құқықтар нақтыланды")
    edit_working_copy(bundled)
    run(dlo, bundled, "render", SEED, "--format", "docx")
    data = docx(bundled, "dlo-head.kk.docx")
    assert "1-басылым" in all_text(data) and EDITED not in all_text(data)
    assert ORDER_LINE in title_page(data)
    assert not (bundled / "build" / "dlo-head.kk.comparison.docx").exists()

    run(dlo, bundled, "render", SEED, "--format", "docx", "--draft")
    data = docx(bundled, "dlo-head.kk.draft.docx")
    assert "2-басылым" in all_text(data) and EDITED in all_text(data)
    assert all("ЖОБА" in h for h in header_texts(data).values())
    assert ORDER_LINE not in title_page(data)
    # the approval package: the comparison table goes with the draft
    assert (bundled / "build" / "dlo-head.kk.draft.comparison.docx").is_file()
    assert not (bundled / "build" / "dlo-head.kk.comparison.docx").exists()
    # the change registration sheet of the draft lists edition 1, the edition it changes
    assert "0000-ҮЛГІ" in all_text(data)


def test_no_edition_in_force_renders_as_draft_and_says_so(bundled, dlo):
    add_bilingual(bundled)
    result = run(dlo, bundled, "render", "dlo-unit")
    assert "dlo-unit has no edition in force: rendered as a draft" in result.err
    kk, ru = docx(bundled, "dlo-unit.kk.draft.docx"), docx(bundled, "dlo-unit.ru.draft.docx")
    assert all("ЖОБА" in h for h in header_texts(kk).values())
    assert all("ПРОЕКТ" in h for h in header_texts(ru).values())
    assert "УТВЕРЖДЕНО" in all_text(ru) and "от «___»" in all_text(ru)
    html = (bundled / "build" / "dlo-unit.ru.draft.html").read_text(encoding="utf-8")
    assert "ПРОЕКТ" in html


def test_a_frozen_edition_edited_after_approval_is_not_rendered(bundled, dlo):
    frozen = bundled / "regulations" / SEED / "editions" / "1.yaml"
    approved = frozen.read_text(encoding="utf-8")
    frozen.write_text(approved.replace("құқылы:", EDITED), encoding="utf-8")
    for draft in ((), ("--draft",)):  # nor the draft, whose sheets list the editions before it
        result = dlo("render", SEED, *draft, cwd=bundled)
        assert result.code == 1
        assert "regulations/dlo-head/editions/1.yaml:1:1: error DLO606" in result.err
        assert not (bundled / "build").exists() or not list((bundled / "build").iterdir())
        # the hint sends no one to a render it refuses
        assert "dlo render --draft renders" not in result.err
    # restored as the hint says, both are rendered again
    frozen.write_text(approved, encoding="utf-8")
    run(dlo, bundled, "render", SEED, "--draft")
    run(dlo, bundled, "render", SEED)


def test_a_broken_draft_does_not_stop_rendering_the_edition_in_force(bundled, dlo):
    (bundled / "regulations" / SEED / "regulation.yaml").write_text(
        "id: dlo-head\n\tbroken\n", encoding="utf-8"
    )
    run(dlo, bundled, "render", SEED)
    assert ORDER_LINE in title_page(docx(bundled, "dlo-head.kk.docx"))
    result = dlo("render", SEED, "--draft", cwd=bundled)
    assert result.code == 1 and "regulations/dlo-head/regulation.yaml:2:1" in result.err


def test_sheets_follow_the_same_rule(bundled, dlo):
    edit_working_copy(bundled)
    run(dlo, bundled, "sheet", "changes", SEED)
    data = docx(bundled, "dlo-head.kk.changes.docx")
    assert "0000-ҮЛГІ" in all_text(data)
    assert not any("ЖОБА" in h for h in header_texts(data).values())
    run(dlo, bundled, "sheet", "agreement", SEED, "--draft")
    data = docx(bundled, "dlo-head.kk.draft.agreement.docx")
    assert all("ЖОБА" in h for h in header_texts(data).values())
    assert "26.11.2026" not in all_text(data)  # the agreements were given to edition 1
