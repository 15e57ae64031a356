"""README's "Your first regulation", run as written: every `dlo` line of its shell blocks, in
order, on a copy of the bundled project. The two steps the README leaves to the reader's editor
(write each [[...]] text; edit the draft of the second edition) are done here as a reader would:
each text left to write given words, one clause reworded. A command the README shows that fails,
or a step it does not say, fails this test."""

from __future__ import annotations

import re
import shlex

import pytest
from conftest import REPO, organisation_today

# the README's "today": `--date today`, the registry's day (+05:00), not this computer's (`date +%F`
# in UTC is the day before from 19:00, and the order was refused as dated before the agreements)
TODAY = "--date today"
pytestmark = pytest.mark.slow  # LibreOffice makes the PDFs the README asks for


def _commands() -> list[str]:
    """The `dlo` commands of the section's shell blocks, in order (a line's `# ...` comment and
    the `&&` between commands dropped)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Your first regulation", 1)[1].split("\n## ", 1)[0]
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", section, re.S):
        for line in block.splitlines():
            line = line.split("  #", 1)[0].strip()
            commands += [c.strip() for c in line.split("&&") if c.strip().startswith("dlo ")]
    return commands


def _write_the_texts(path) -> None:
    """What `dlo check` lists as left to write, written (the code, then every [[...]])."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"code: '\[\[[^\]]*\]\]'", "code: ЛН ПББ 01-2026", text)
    text = re.sub(r"(?<!# )\[\[[^\]]*?\]\]", "белгіленген тәртіппен", text, flags=re.S)
    path.write_text(text, encoding="utf-8")


def _edit(path) -> None:
    """The second edition's change: the qualification clause's education reworded (in both
    languages: a bilingual text changes in each)."""
    text = path.read_text(encoding="utf-8")
    for before in ("Білімі: белгіленген тәртіппен", "Образование: белгіленген тәртіппен"):
        assert before in text, before
        text = text.replace(before, before.replace("белгіленген", "жоғары", 1), 1)
    path.write_text(text, encoding="utf-8")


def test_the_quick_start_runs_as_written(project, dlo, monkeypatch):
    monkeypatch.delenv("DLO_TODAY", raising=False)
    commands = _commands()
    approvals = [c for c in commands if c.startswith("dlo approve")]
    assert approvals and all(c.endswith(TODAY) for c in approvals), approvals
    assert commands[0].startswith("dlo new hr-head") and "dlo revise hr-head" in " ".join(commands)
    regulation = project / "regulations" / "hr-head" / "regulation.yaml"
    for command in commands:
        args = shlex.split(command)[1:]
        if args[0] == "check" and "[[" in regulation.read_text(encoding="utf-8"):
            left = dlo(*args, cwd=project)  # lists each text left to write, as it says
            assert left.code == 1 and "DLO114" in left.out, left.out
            refused = dlo(
                "submit", "hr-head", cwd=project
            )  # "refused while dlo check finds errors"
            assert refused.code != 0
            _write_the_texts(regulation)  # "write them ... until it reports none"
        if args[0] == "diff":
            _edit(regulation)
        result = dlo(*args, cwd=project)
        assert result.code == 0, (command, result.out, result.err)
        if args[0] == "status":
            assert "in force" in result.out and "12-НҚ" in result.out
        if args[0] == "diff":
            assert "1 changed" in result.out, result.out
        if args[:3] == ["render", "hr-head", "--draft"] and "pdf" in args:
            assert (project / "build" / "hr-head.kk.draft.pdf").is_file()
        if args[:2] == ["render", "hr-head"] and "--draft" not in args:
            # edition 1 approved, no draft open: the draft's PDF is gone, and said
            assert not (project / "build" / "hr-head.kk.draft.pdf").exists()
            assert "removed build/hr-head.kk.draft.pdf: hr-head has no draft open" in result.out
    build = project / "build"
    # the edition in force under its own name, beside the second edition's draft
    assert (build / "hr-head.kk.pdf").is_file() and (build / "hr-head.kk.draft.docx").is_file()
    assert (build / "hr-head.kk.draft.comparison.docx").is_file()
    assert (project / "public" / "kk" / "hr-head" / "index.html").is_file()
    # the site publishes the edition in force, edition 2, not the first one left there
    assert (project / "public" / "kk" / "hr-head" / "compare-1-2.html").is_file()
    # `--date today`: the organisation's day, whatever this computer's is
    day = organisation_today().isoformat()
    assert (
        f"edition in force: 2 (order № 13-НҚ of {day}" in dlo("status", "hr-head", cwd=project).out
    )
