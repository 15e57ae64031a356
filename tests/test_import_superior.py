"""Whom the position of another organisation's instruction reports to: proposed from the
clause that says so, and confirmed with the clause quoted, so that a second superior the
clause names is not lost silently."""

from __future__ import annotations

import pytest
from test_import_corpus import CORPUS
from test_import_support import load_model

from dlo_docs.importer.superior import said

MNU = "mnu-research-assistant.ru"
SECOND = "Руководителю научных школ"


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize("fmt", ["txt", "lo.docx", "pandoc.docx"])
def test_both_superiors_of_the_real_instruction_are_shown(project, dlo, fmt):
    source = CORPUS / f"{MNU}.{fmt}"
    result = dlo("import", source, "--id", "mnu", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    notes = [line for line in result.err.splitlines() if "reports_to proposed" in line]
    assert len(notes) == 1, result.err
    assert "reports_to proposed from the text: direktor-dekan-vysshikh-shkol" in notes[0]
    assert "Директору (Декану) Высшей школы, Руководителю научных школ" in notes[0]
    if fmt == "txt":
        n = line_of(source.read_text(encoding="utf-8"), "подчиняется непосредственно")
        assert notes[0].startswith(f"{source}:{n}:1: warning DLO510: ")
    registry = (project / "regulations" / "registry.yaml").read_text(encoding="utf-8")
    assert "reports_to: direktor-dekan-vysshikh-shkol" in registry


def test_a_superior_the_import_does_not_propose_is_asked_for(project, dlo):
    text = (CORPUS / f"{MNU}.txt").read_text(encoding="utf-8")
    assert text.count("Директору (Декану) Высшей школы, ") == 1
    source = project / "mnu-one.ru.txt"
    source.write_text(text.replace("Директору (Декану) Высшей школы, ", ""), encoding="utf-8")
    result = dlo("import", source, "--id", "mnu", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    [note] = [line for line in result.err.splitlines() if "reports to names no position" in line]
    assert "set reports_to of research-assistant-assistent-issledovatelya" in note
    assert f"подчиняется непосредственно {SECOND}" in note
    assert load_model(project, "mnu") is not None


def test_the_sentence_quoted():
    assert said("Бөлім бастығы тағайындалады. Бөлім бастығы проректорға бағынады. Басқа.") == (
        "Бөлім бастығы проректорға бағынады"
    )
    long = "Он подчиняется " + ", ".join(["проректору"] * 30) + "."
    assert len(said(long)) <= 160 and said(long).endswith("…")
    assert said("Начальник руководствуется уставом.") == "Начальник руководствуется уставом"
