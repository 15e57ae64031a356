"""Appending to a journal this process wrote itself reads back only the new events' text
(``appending.Written``). What that relies on: an event written alone by the plain writer is a
complete item of the top-level sequence, so the journal's whole text still reads back as every
event written. These tests check that claim on random and hostile events, that the quick way is
taken only where it holds, and that positions in such a journal are exact."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import on_day
from hypothesis import given
from hypothesis import strategies as st
from test_journal_emit import DATA, HOSTILE, event
from workflow_support import APPROVERS, REG, journal_path

from dlo_docs import load, workflow
from dlo_docs.project import Project
from dlo_docs.workflow import appending
from dlo_docs.workflow import journal as wj
from dlo_docs.workflow.journal import Journal


def whole(text: str) -> list:
    source, problems = load.parse(text.encode("utf-8"), "journal.yaml")
    assert not problems, problems
    return wj.normal(source.data)


def append_all(events: list[dict]) -> list[bool]:
    """Append ``events`` one at a time to a new journal, as ``flush`` does; after each append
    that leaves a ``Written`` journal, its whole text must read back as every event so far.
    For each append: whether it was the quick way (``Written`` before and after)."""
    journal = Journal(Path("journal.yaml"), "journal.yaml", None, [], [])
    quick = []
    for e in events:
        before = journal.source
        text, source, _ = appending._text(journal, REG, [e])
        journal.source = source
        journal.entries.append(e)
        if isinstance(source, appending.Written):
            assert whole(text) == journal.entries
        quick.append(
            isinstance(before, appending.Written) and isinstance(source, appending.Written)
        )
    return quick


@given(st.lists(st.one_of(DATA, st.sampled_from(HOSTILE)), min_size=1, max_size=6))
def test_events_appended_the_quick_way_read_back_whole(values):
    events = []
    for n, value in enumerate(values):
        e = event(value if isinstance(value, str) else "x", as_key=False)
        e["seq"] = n + 1
        if not isinstance(value, str):
            e["facts"] = {"data": value}
        events.append(wj.normal(e))
    append_all(events)


def test_hostile_strings_appended_read_back_whole():
    """Each hostile string in every place of an event, between plain events, appended: read
    back whole wherever the quick way was taken (the plain writer writes most of them)."""
    quick = 0
    for value in HOSTILE:
        events = [
            event("plain"),
            event(value, as_key=len(value) < 60),
            event("plain"),
            event(value),
        ]
        quick += sum(append_all([wj.normal(dict(e, seq=n + 1)) for n, e in enumerate(events)]))
    assert quick > len(HOSTILE)


def test_a_route_in_one_process_reads_back_only_the_new_events(project, monkeypatch):
    """submit, four agreements and the approval in one process: after the first append, each
    one reads back its own event's text, not the journal; the journal is still every event."""
    read_back: list[str] = []
    real = appending._read_back

    def spy(text, display, old, new):
        read_back.append(text)
        return real(text, display, old, new)

    monkeypatch.setattr(appending, "_read_back", spy)
    parsed: list[bytes] = []  # every journal text parsed, for whatever reason
    real_parse = load.parse

    def parse_spy(raw, display):
        if display.endswith("journal.yaml"):
            parsed.append(raw)
        return real_parse(raw, display)

    monkeypatch.setattr(load, "parse", parse_spy)
    p = Project(project)
    with on_day("2024-06-03"):
        workflow.submit(p, REG)
        for role in APPROVERS:
            workflow.agree(p, REG, role)
        workflow.approve(p, REG, "45-НҚ", dt.date(2024, 6, 3))
    text = journal_path(project).read_text(encoding="utf-8")
    assert read_back[0].startswith("# The journal of")  # the first: the whole new journal
    assert [t.startswith("  - seq: ") for t in read_back[1:]] == [True] * 5
    assert sum(map(len, read_back)) < len(text) * 1.5  # each event's text read back once
    assert sum(raw.startswith(b"# The journal") for raw in parsed) == 1  # the new journal only
    assert [e["event"] for e in whole(text)] == ["submitted", *["agreed"] * 4, "approved"]
    assert workflow.verify(p, [REG]) == {REG: []}


def test_positions_in_a_journal_written_the_quick_way_are_exact(project):
    p = Project(project)
    with on_day("2024-06-03"):
        workflow.submit(p, REG)
        for role in APPROVERS:
            workflow.agree(p, REG, role)
    journal = wj.read(p, REG)
    assert isinstance(journal.source, appending.Written)  # as this process wrote it
    fresh, _ = load.parse(journal_path(project).read_bytes(), journal.display)
    assert fresh is not None
    for index in range(5):
        for key in ("seq", "role", "hash"):
            assert journal.at(index, key) == fresh.at([index, key])
    lines = journal_path(project).read_text(encoding="utf-8").splitlines()
    where = journal.at(4, "role")
    assert lines[where.line - 1][where.col - 1 :] == "role: docs-head"[len("role: ") :]


def test_a_journal_edited_on_disk_is_read_again_not_taken_as_written(project):
    """Bytes that differ from what this process wrote are parsed again, and the next append
    reads the whole journal back (a comment added by hand stays, the events verify)."""
    p = Project(project)
    path = journal_path(project)
    with on_day("2024-06-03"):
        workflow.submit(p, REG)
        path.write_text(path.read_text(encoding="utf-8") + "# checked by hand\n", "utf-8")
        assert not isinstance(wj.read(p, REG).source, appending.Written)
        workflow.agree(p, REG, APPROVERS[0])
    text = path.read_text(encoding="utf-8")
    assert "# checked by hand\n" in text
    assert [e["event"] for e in whole(text)] == ["submitted", "agreed"]
    assert workflow.verify(p, [REG]) == {REG: []}


def test_an_event_the_plain_writer_does_not_write_ends_the_quick_way(project):
    """Remarks that need double quotes are written by ruamel.yaml: that journal is read back
    whole, and so is the one after it."""
    p = Project(project)
    with on_day("2024-06-03"):
        workflow.submit(p, REG)
        workflow.agree(p, REG, APPROVERS[0], remarks="it's: fine")
        assert not isinstance(wj.read(p, REG).source, appending.Written)
        workflow.agree(p, REG, APPROVERS[1])
    events = whole(journal_path(project).read_text(encoding="utf-8"))
    assert [e.get("remarks") for e in events] == [None, "it's: fine", None]
    assert workflow.verify(p, [REG]) == {REG: []}


def test_a_journal_text_that_would_not_read_back_is_refused_not_written(project, monkeypatch):
    """Were the writer ever to write text that reads back otherwise (a bug: every test above
    says it does not), the command is refused (DLO634) and the journal stays as it was, both for
    a new journal and for one written back whole."""
    from dlo_docs.errors import DloError

    real = load.dumps

    def wrong(data, like=None):  # the text of the data, the first event's number changed
        return re.sub(r"(seq\"?:) 1\b", r"\1 9", real(data, like))

    p = Project(project)
    path = journal_path(project)
    with on_day("2024-06-03"):
        monkeypatch.setattr(load, "dumps_plain", lambda data: None)
        monkeypatch.setattr(load, "dumps", wrong)
        with pytest.raises(DloError) as refused:
            workflow.submit(p, REG)  # by vp-academic: a new journal
        assert [x.code for x in refused.value.problems] == ["DLO634"]
        assert not path.exists()
        monkeypatch.undo()
        workflow.submit(p, REG)
        # laid out by hand as JSON (flow style): the next append writes it back whole
        events = whole(path.read_text(encoding="utf-8"))
        path.write_text("# by hand\n" + json.dumps(events, ensure_ascii=False), encoding="utf-8")
        written = path.read_bytes()
        monkeypatch.setattr(load, "dumps_plain", lambda data: None)
        monkeypatch.setattr(load, "dumps", wrong)
        with pytest.raises(DloError) as refused:
            workflow.agree(p, REG, APPROVERS[0])
        assert [x.code for x in refused.value.problems] == ["DLO634"]
        assert path.read_bytes() == written


@pytest.mark.parametrize("failure", ["refused", "disk"])
def test_a_revision_the_journal_does_not_record_leaves_the_draft_as_it_was(
    project, dlo, monkeypatch, failure
):
    """``revise`` writes the draft's new edition number before it appends its event: when the
    event is not written (refused, DLO634; or the disk fails), the draft is put back byte for
    byte, so nothing is changed (it was left at the new edition, with no revision recorded)."""
    from workflow_support import reg_path, to_in_force

    to_in_force(dlo, project)
    draft, journal = reg_path(project), journal_path(project)
    before = draft.read_bytes(), journal.read_bytes()
    if failure == "refused":
        monkeypatch.setattr(appending, "_read_back", lambda *args: None)
    else:

        def full(path, data, *args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(appending, "atomic_write", full)
    result = dlo("revise", REG, "--by", "hr-head", "--reason", "x", cwd=project)
    assert result.code != 0
    if failure == "refused":
        assert "DLO634" in result.err
    assert (draft.read_bytes(), journal.read_bytes()) == before
    monkeypatch.undo()
    assert dlo("revise", REG, "--by", "hr-head", "--reason", "x", cwd=project).code == 0
    assert b"edition: 2" in draft.read_bytes()
