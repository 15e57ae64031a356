"""Round trip: import → dlo render --format docx → import that DOCX gives the same model."""

from __future__ import annotations

from pathlib import Path

from conftest import SEED
from docx import Document
from test_import_support import load_model, source_numbers


def _without(model, *keys: str) -> dict:
    """The model as data without the given keys anywhere."""

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in keys}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(model.model_dump())


def test_import_render_import_gives_the_same_model(project, dlo):
    assert dlo("import", SEED, "--id", "first", cwd=project).code == 0
    assert dlo("render", "first", "--format", "docx", cwd=project).code == 0
    rendered = project / "build" / "first.kk.draft.docx"
    styles = {p.style.name for p in Document(str(rendered)).paragraphs}
    assert {"Heading 1", "Heading 2", "DLO Clause", "DLO Item"} <= styles
    result = dlo("import", rendered, "--id", "second", cwd=project)
    assert result.code == 0, result.err
    first, second = load_model(project, "first"), load_model(project, "second")
    assert _without(second, "id", "source_number") == _without(first, "id", "source_number")
    # element ids are made from the same titles and positions, so they match too
    assert [c.id for c in second.chapters] == [c.id for c in first.chapters]
    # the rendered DOCX is numbered correctly: its source numbers are the computed ones
    assert source_numbers(second) == [str(n) for n in range(1, 22)]
    assert "DLO501" not in result.err and "DLO502" not in result.err


def test_round_trip_without_id_takes_the_id_the_docx_carries(project, dlo):
    assert dlo("import", SEED, "--id", "carried", cwd=project).code == 0
    assert dlo("render", "carried", "--format", "docx", "--out", "out", cwd=project).code == 0
    # the same id is taken: without --force the existing file is kept
    result = dlo("import", project / "out" / "carried.kk.draft.docx", cwd=project)
    assert result.code == 2 and "regulations/carried/regulation.yaml exists" in result.err
    result = dlo("import", project / "out" / "carried.kk.draft.docx", "--force", cwd=project)
    assert result.code == 0, result.err
    assert "wrote regulations/carried/regulation.yaml" in result.out


def test_round_trip_of_the_bundled_regulation(project, dlo):
    """The hand-encoded regulation, rendered and imported, keeps its structure, texts and facts."""
    assert dlo("render", "dlo-head", "--format", "docx", cwd=project).code == 0
    result = dlo(
        "import", project / "build" / "dlo-head.kk.draft.docx", "--id", "again", cwd=project
    )
    assert result.code == 0, result.err
    bundled, again = load_model(project, "dlo-head"), load_model(project, "again")
    keep = ("id", "source_number")
    assert _without(again, *keep)["chapters"] == _without(bundled, *keep)["chapters"]
    assert again.title == bundled.title and again.code == bundled.code
    assert again.agreement == bundled.agreement and again.approval == bundled.approval


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _plain(paragraph) -> str:
    """A paragraph's text with its no-break hyphens as U+2011 (as pandoc and LibreOffice save
    them; python-docx's ``text`` gives "-")."""
    marks = {f"{_W}noBreakHyphen": "\u2011", f"{_W}tab": "\t", f"{_W}br": "\n"}
    return "".join(
        el.text or "" if el.tag == f"{_W}t" else marks.get(el.tag, "") for el in paragraph._p.iter()
    )


def _as_text(docx: Path, text: Path) -> Path:
    """The document's paragraphs as plain text, one per line, as a word processor saves it."""
    paragraphs = Document(str(docx)).paragraphs
    text.write_text("\n".join(_plain(p) for p in paragraphs), encoding="utf-8")
    return text


def test_the_text_of_an_approved_edition_imports_with_its_title_page(in_force, dlo):
    """dlo's own approved edition saved as plain text: its approval block (БЕКІТІЛДІ, the
    official, "03.06.2024 ж. № 45-НҚ бұйрығымен") is read whole, with the order's number and
    date; the kind, title, code (printed with no-break hyphens) and edition lines stay on the
    title page; the body is the bundled regulation's. The date line was read as item
    "03.06.2024", which took the title page into a first chapter of its own."""
    assert dlo("render", "dlo-head", "--format", "docx", cwd=in_force).code == 0
    source = _as_text(in_force / "build" / "dlo-head.kk.docx", in_force / "dlo-head.txt")
    assert "\u2011" in source.read_text(encoding="utf-8")  # ЛН ҮББИ 01‑2024, as printed
    result = dlo("import", source, "--id", "again", cwd=in_force)
    assert result.code == 0, result.err
    assert "№ 45-НҚ of 2024-06-03" in result.err and "--order 45-НҚ --date 2024-06-03" in result.err
    assert "DLO504" not in result.err and "no document code" not in result.err
    bundled, again = load_model(in_force, "dlo-head"), load_model(in_force, "again")
    keep = ("id", "source_number")
    assert _without(again, *keep)["chapters"] == _without(bundled, *keep)["chapters"]
    assert again.title == bundled.title and again.code == bundled.code


def test_the_russian_text_of_a_regulation_imports_with_its_code_and_title(project, dlo):
    from site_support import add_unit

    add_unit(project)
    assert dlo("render", "dlo-unit", "--format", "docx", "--lang", "ru", cwd=project).code == 0
    source = _as_text(project / "build" / "dlo-unit.ru.draft.docx", project / "dlo-unit.txt")
    result = dlo("import", source, "--id", "again", "--lang", "ru", cwd=project)
    assert result.code == 0, result.err
    unit, again = load_model(project, "dlo-unit"), load_model(project, "again")
    assert again.code == unit.code and again.title["ru"] == unit.title["ru"]
