"""`dlo import EDITED.docx --onto ID` changes in `regulation.yaml` only what the Word edit
changed: the file's comments (the schema line, the drafter's notes) and its layout stay, so the
file's history (git diff) shows the edit, not the whole file rewritten."""

from __future__ import annotations

import difflib
from pathlib import Path

from docx import Document

REG = "dlo-head"


def _edit_one_clause(docx: Path, out: Path) -> str:
    doc = Document(str(docx))
    for p in doc.paragraphs:
        if p.style.name == "DLO Clause" and "қашықтықтан" in p.text:
            for run in p.runs:
                if "қашықтықтан" in run.text:
                    run.text = run.text.replace("қашықтықтан", "онлайн", 1)
                    doc.save(str(out))
                    return p.text
    raise AssertionError("no clause to edit")


def test_a_word_edit_keeps_the_files_comments_and_layout(project, dlo, tmp_path):
    path = project / "regulations" / REG / "regulation.yaml"
    before = path.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments
    result = dlo("render", REG, "--format", "docx", "--draft", "--out", str(tmp_path), cwd=project)
    assert result.code == 0, result.err
    edited = tmp_path / "edited.docx"
    _edit_one_clause(tmp_path / f"{REG}.kk.draft.docx", edited)
    result = dlo("import", edited, "--onto", REG, cwd=project)
    assert result.code == 0, result.err
    after = path.read_text(encoding="utf-8")
    assert "онлайн" in after
    assert [line for line in after.splitlines() if line.lstrip().startswith("#")] == comments
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0)
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert 0 < len(changed) <= 8, "\n".join(changed)


def test_a_word_edit_of_the_edition_in_force_says_to_open_a_revision(in_force, dlo, tmp_path):
    """The edition in force rendered, edited in Word and imported onto it with no revision open:
    written (as an edit of the YAML would be), and the command says a revision must be opened
    before it can be submitted. With a revision open, no such note."""
    result = dlo("render", REG, "--format", "docx", "--out", str(tmp_path), cwd=in_force)
    assert result.code == 0, result.err
    edited = tmp_path / "edited.docx"
    _edit_one_clause(tmp_path / f"{REG}.kk.docx", edited)
    result = dlo("import", edited, "--onto", REG, cwd=in_force)
    assert result.code == 0, result.err
    note = f"no revision of {REG} is open: open one (dlo revise {REG} --by ROLE --reason TEXT)"
    assert note in result.err
    assert "1 changed" in dlo("diff", REG, cwd=in_force).out
    result = dlo("revise", REG, "--by", "hr-head", "--reason", "Word", cwd=in_force)
    assert result.code == 0, result.err
    result = dlo("import", edited, "--onto", REG, cwd=in_force)
    assert result.code == 0 and "no revision" not in result.err, result.err
