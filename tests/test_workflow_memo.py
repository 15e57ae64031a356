"""What one process does not do twice: the lint rules over a text and registry already linted
(``submit`` then ``approve``), parsing the journal a command has just written and hashing its
events again; while any change of a file on disk is read, linted and checked again."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from conftest import REPO, bundled_regulations, on_day
from workflow_support import APPROVERS, REG, journal_path, replace_text

from dlo_docs import lint, load, workflow
from dlo_docs.errors import DloError
from dlo_docs.project import Project
from dlo_docs.workflow import acknowledgements as acks
from dlo_docs.workflow import appending, editions
from dlo_docs.workflow import journal as wj

DAY = dt.date(2024, 6, 3)


@pytest.fixture
def runs(monkeypatch) -> list[str]:
    """The ids of the documents the rules ran over, in order."""
    seen: list[str] = []
    real = lint.check_document

    def counting(document, *args, **kwargs):
        seen.append(document.model.id)
        return real(document, *args, **kwargs)

    monkeypatch.setattr(lint, "check_document", counting)
    monkeypatch.setattr(lint, "_memo", type(lint._memo)())  # nothing remembered from before
    return seen


def agreed(project) -> Project:
    p = Project(project)
    workflow.submit(p, REG)
    for role in APPROVERS:
        workflow.agree(p, REG, role)
    return p


def test_approve_does_not_lint_again_what_submit_linted(project, runs):
    with on_day("2024-06-03"):
        p = agreed(project)
        assert runs == [REG]
        workflow.approve(p, REG, "45-НҚ", DAY)
    assert runs == [REG]


def test_a_text_changed_after_submit_is_linted_again(project, runs):
    with on_day("2024-06-03"):
        p = agreed(project)
        replace_text(project, "languages: [kk]", "languages: [kk, ru]")  # errors: no ru texts
        with pytest.raises(DloError) as refused:
            workflow.approve(p, REG, "45-НҚ", DAY)
    codes = {problem.code for problem in refused.value.problems}
    assert {"DLO631", "DLO112"} <= codes
    assert runs == [REG, REG]


def test_a_changed_registry_is_linted_again(project, runs):
    with on_day("2024-06-03"):
        p = agreed(project)
        registry = project / "regulations" / "registry.yaml"
        registry.write_text(registry.read_text(encoding="utf-8") + "# a comment\n", "utf-8")
        workflow.approve(p, REG, "45-НҚ", DAY)
    assert runs == [REG, REG]


def test_remembered_problems_are_the_rules_own(project, runs):
    p = Project(project)
    loaded = p.load([REG])
    first = lint.run(loaded, templates=p.templates)
    again = lint.run(loaded, templates=p.templates)
    assert runs == [REG]
    assert (
        first
        == again
        == lint.check_document(loaded.documents[REG], loaded.registry, None, p.templates)
    )
    assert any(problem.severity == "warning" for problem in first)  # the seed has warnings
    selected = lint.run(loaded, select=["DLO112"], templates=p.templates)
    assert runs[:2] == [REG, REG]  # another selection is another key
    assert selected == []


def test_the_memory_is_bounded(project, runs, monkeypatch):
    monkeypatch.setattr(lint, "MEMO_SIZE", 2)
    p = Project(project)
    path = project / "regulations" / REG / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    for n in range(4):
        path.write_text(text + f"# edit {n}\n", encoding="utf-8")
        lint.run(p.load([REG]), templates=p.templates)
    assert len(runs) == 4 and len(lint._memo) == 2


# -- the journal: read and verified once per content -----------------------------------------


@pytest.fixture
def hashes(monkeypatch) -> list[int]:
    """The seq of every event hashed (to write it, or to check the chain)."""
    seen: list[int] = []
    real = wj.event_hash

    def counting(entry):
        seen.append(entry["seq"])
        return real(entry)

    monkeypatch.setattr(wj, "event_hash", counting)
    return seen


def test_each_command_hashes_only_the_event_it_writes(project, hashes):
    with on_day("2024-06-03"):
        p = agreed(project)
        workflow.approve(p, REG, "45-НҚ", DAY)
    assert hashes == [1, 2, 3, 4, 5, 6]
    fresh = Project(project)  # another process: nothing known, the whole chain checked
    assert workflow.verify(fresh, [REG]) == {REG: []}
    assert hashes[6:] == [1, 2, 3, 4, 5, 6]


def test_what_a_command_remembers_is_what_a_fresh_read_gives(project):
    with on_day("2024-06-03"):
        p = agreed(project)
    mine, fresh = wj.read(p, REG), wj.read(Project(project), REG)
    assert mine.source is not None and fresh.source is not None
    assert mine.source.text == fresh.source.text == journal_path(project).read_text("utf-8")
    assert (mine.entries, mine.problems) == (fresh.entries, fresh.problems)
    for i, entry in enumerate(fresh.entries):
        for key in entry:
            assert mine.at(i, key) == fresh.at(i, key)
    assert wj.verified(p, mine) == wj.check_chain(fresh) == []


def test_a_journal_forged_between_two_commands_of_one_process_is_refused(project):
    """The journal is remembered by its bytes: an edit on disk is read and checked again."""
    with on_day("2024-06-03"):
        p = Project(project)
        workflow.submit(p, REG)
        workflow.agree(p, REG, APPROVERS[0])
        path = journal_path(project)
        text = path.read_text("utf-8")
        path.write_text(text.replace("event: agreed", "event: rejected", 1), "utf-8")
        with pytest.raises(DloError) as refused:
            workflow.agree(p, REG, APPROVERS[1])
    codes = [problem.code for problem in refused.value.problems]
    assert codes[0] == "DLO632" and "DLO601" in codes
    assert workflow.verify(p, [REG])[REG][0].code == "DLO601"


def test_a_journal_laid_out_by_hand_is_read_again_after_the_append(project, hashes):
    """A journal reformatted by hand (still intact) is written back whole; the next command
    reads and checks it again instead of trusting what the writer remembered."""
    with on_day("2024-06-03"):
        p = Project(project)
        workflow.submit(p, REG)
        path = journal_path(project)
        path.write_text(path.read_text("utf-8").replace("\n  - ", "\n-   "), "utf-8")
        workflow.agree(p, REG, APPROVERS[0])
        assert workflow.verify(p, [REG]) == {REG: []}
    assert hashes == [1, 1, 2, 1, 2]


def test_a_journal_laid_out_as_json_is_appended_to(project):
    """JSON is YAML: a journal laid out as JSON by a tool (intact) takes the next event, its
    comment and events kept, and verifies (it was an internal error)."""
    with on_day("2024-06-03"):
        workflow.submit(Project(project), REG)
        path = journal_path(project)
        events = load.plain(load.parse(path.read_bytes(), "j")[0].data)
        path.write_text("# exported\n" + json.dumps(events, ensure_ascii=False, indent=1), "utf-8")
        workflow.agree(Project(project), REG, APPROVERS[0])
    text = path.read_text("utf-8")
    assert text.startswith("# exported\n") and json.dumps(events[0]["facts"])[:40] in text
    assert [e.event for e in wj.read(Project(project), REG).events] == ["submitted", "agreed"]
    assert workflow.verify(Project(project), [REG]) == {REG: []}


def test_a_batch_is_read_back_and_written_once(in_force, monkeypatch):
    """An acquaintance list of many readers: the journal is read back once and written once
    for the whole batch (not once per reader), and verifies."""
    p = Project(in_force)
    before = len(wj.read(p, REG).entries)
    registry = p.load([REG]).registry
    readers = [(acks.named(registry, f"Адам {i:03d}", "Маман", "kk"), None) for i in range(40)]
    parsed, written = [], []
    real_parse, real_write = load.parse, appending.atomic_write
    monkeypatch.setattr(
        load, "parse", lambda raw, path: parsed.append(path) or real_parse(raw, path)
    )
    monkeypatch.setattr(
        appending, "atomic_write", lambda path, data: written.append(path) or real_write(path, data)
    )
    acks.acknowledge(p, REG, readers)
    assert written == [journal_path(in_force)]
    assert parsed.count("regulations/dlo-head/journal.yaml") == 1
    text = journal_path(in_force).read_text("utf-8")
    fresh = wj.read(Project(in_force), REG)
    assert len(fresh.entries) == before + 40 and not fresh.problems
    assert text.endswith("".join(load.dumps_roundtrip([e]) for e in fresh.entries[before:]))
    assert workflow.verify(Project(in_force), [REG]) == {REG: []}


def test_a_frozen_edition_is_hashed_once_per_content(tmp_path, monkeypatch):
    """Every command checks the frozen editions its journal approved: each is validated and
    hashed once per content in a process, and an edit on disk is still found (DLO606)."""
    root = tmp_path / "proj"
    shutil.copytree(REPO / "regulations", root / "regulations", ignore=bundled_regulations())
    shutil.copytree(REPO / "templates", root / "templates")
    hashed = []
    real = editions._hash
    monkeypatch.setattr(
        editions, "_hash", lambda source: hashed.append(source.path) or real(source)
    )
    p = Project(root)
    for _ in range(3):
        assert workflow.verify(p, [REG]) == {REG: []}
    assert hashed == ["regulations/dlo-head/editions/1.yaml"]
    frozen = root / "regulations" / REG / "editions" / "1.yaml"
    frozen.write_text(
        frozen.read_text("utf-8").replace("Осы лауазымдық", "Бұл лауазымдық", 1), "utf-8"
    )
    assert [problem.code for problem in workflow.verify(p, [REG])[REG]] == ["DLO606"]
