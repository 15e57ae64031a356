"""Whom the position of another organisation's instruction reports to: proposed from the
clause that says so, and confirmed with the clause quoted, so that a second superior the
clause names is not lost silently."""

from __future__ import annotations

import pytest
from test_import_corpus import CORPUS, needs_corpus
from test_import_support import load_model

from dlo_docs.importer.superior import said
from dlo_docs.project import Project

MNU = "mnu-research-assistant.ru"
SECOND = "Руководителю научных школ"


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@needs_corpus
@pytest.mark.parametrize("fmt", ["txt", "lo.docx", "pandoc.docx"])
def test_both_superiors_of_the_real_instruction_are_shown(project, dlo, fmt):
    """MNU's assistant reports to "Директору (Декану) Высшей школы": one of the five schools'
    directors clause 8.1 agrees it with as a group and the sheet has a position each for (which
    school's, the text does not say). None is proposed: the note names the five to choose from
    and quotes the clause, both superiors; the clause states no fact dlo check could hold to
    any of them (it names none by its own words)."""
    source = CORPUS / f"{MNU}.{fmt}"
    result = dlo("import", source, "--id", "mnu", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    notes = [line for line in result.err.splitlines() if "reports to" in line]
    assert len(notes) == 1, result.err
    assert (
        "the clause on whom the position reports to names one of a group, proposed as positions "
        "direktor-dekan-vsh-prava, direktor-dekan-vsh-ekonomiki, "
        "direktor-dekan-vsh-tsifrovykh-tekhnologii, direktor-dekan-vsh-gumanitarnykh-nauk, "
        "direktor-dekan-vsh-obshchestvennogo-zdravookhraneniya (hint: set reports_to of "
        "research-assistant-assistent-issledovatelya in the registry to the one the holder "
        "reports to; the text says: «Research Assistant (Ассистент исследователя) подчиняется "
        "непосредственно Директору (Декану) Высшей школы, Руководителю научных школ"
    ) in notes[0]
    if fmt == "txt":
        n = line_of(source.read_text(encoding="utf-8"), "подчиняется непосредственно")
        assert notes[0].startswith(f"{source}:{n}:1: warning DLO510: ")
    registry = Project(project).load([]).registry
    assert registry.position("research-assistant-assistent-issledovatelya").reports_to is None
    assert not [c for _, _, c in load_model(project, "mnu").clauses() if c.states == "reports_to"]
    check = dlo("check", "regulations/mnu/regulation.yaml", cwd=project)
    assert "DLO101" not in check.out, check.out


@needs_corpus
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
