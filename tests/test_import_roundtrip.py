"""Round trip: import → dlo render --format docx → import that DOCX gives the same model."""

from __future__ import annotations

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
    rendered = project / "build" / "first.kk.docx"
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
    result = dlo("import", project / "out" / "carried.kk.docx", cwd=project)
    assert result.code == 2 and "regulations/carried/regulation.yaml exists" in result.err
    result = dlo("import", project / "out" / "carried.kk.docx", "--force", cwd=project)
    assert result.code == 0, result.err
    assert "wrote regulations/carried/regulation.yaml" in result.out


def test_round_trip_of_the_bundled_regulation(project, dlo):
    """The hand-encoded regulation, rendered and imported, keeps its structure, texts and facts."""
    assert dlo("render", "dlo-head", "--format", "docx", cwd=project).code == 0
    result = dlo("import", project / "build" / "dlo-head.kk.docx", "--id", "again", cwd=project)
    assert result.code == 0, result.err
    bundled, again = load_model(project, "dlo-head"), load_model(project, "again")
    keep = ("id", "source_number")
    assert _without(again, *keep)["chapters"] == _without(bundled, *keep)["chapters"]
    assert again.title == bundled.title and again.code == bundled.code
    assert again.agreement == bundled.agreement and again.approval == bundled.approval
