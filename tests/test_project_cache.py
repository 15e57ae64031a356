"""Each file is read and parsed once per command, whoever asks for it; a changed file is
never served stale, and the cache stays bounded."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter

import pytest
from conftest import on_day

from dlo_docs import api, load, workflow
from dlo_docs.project import PARSED, FileCache, Project

APPROVERS = ["vp-academic", "legal-head", "hr-head", "docs-head"]


@pytest.fixture
def parses(monkeypatch) -> Counter:
    """Counts ``load.parse`` calls by display path."""
    counted: Counter = Counter()
    real = load.parse

    def counting(raw, path):
        counted[path] += 1
        return real(raw, path)

    monkeypatch.setattr(load, "parse", counting)
    return counted


def counted_from_now(parses: Counter) -> None:
    """Count from here, with nothing parsed before (the process keeps its parses: an earlier
    test, or the set-up, may have parsed the same bytes)."""
    parses.clear()
    PARSED.clear()


def in_force(project) -> Project:
    p = Project(project)
    with on_day("2024-06-03"):
        workflow.submit(p, "dlo-head")
        for role in APPROVERS:
            workflow.agree(p, "dlo-head", role)
        workflow.approve(p, "dlo-head", "1-НҚ", dt.date(2024, 6, 3))
    return Project(project)


def test_render_parses_each_file_once(project, parses, tmp_path):
    p = in_force(project)
    counted_from_now(parses)
    api.render(p, ["dlo-head"], ["docx", "html"], out=project / "build")
    assert parses, "nothing was parsed"
    assert max(parses.values()) == 1, parses


def test_check_and_status_parse_each_file_once(project, parses):
    p = in_force(project)
    counted_from_now(parses)
    api.check(p)
    workflow.status(p, "dlo-head")
    workflow.records(p, "dlo-head")
    assert max(parses.values()) == 1, parses


def test_another_project_with_the_same_files_parses_only_what_differs(project, parses, tmp_path):
    import shutil

    other = tmp_path / "other"
    shutil.copytree(project, other)
    counted_from_now(parses)
    assert Project(project).load(["dlo-head"]).documents
    first = dict(parses)
    assert first == {"regulations/registry.yaml": 1, "regulations/dlo-head/regulation.yaml": 1}
    assert Project(other).load(["dlo-head"]).documents  # the same bytes: nothing parsed again
    assert dict(parses) == first
    path = other / "regulations" / "dlo-head" / "regulation.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("ЛН ҮББИ 01-2024", "ЛН ҮББИ 02-2024"),
        encoding="utf-8",
    )
    loaded = Project(other).load(["dlo-head"])  # changed in the copy: parsed, and read as it is
    assert loaded.documents["dlo-head"].model.code == "ЛН ҮББИ 02-2024"
    assert parses["regulations/dlo-head/regulation.yaml"] == 2
    assert Project(project).load(["dlo-head"]).documents["dlo-head"].model.code == "ЛН ҮББИ 01-2024"


def test_a_file_changed_in_between_is_parsed_again(project):
    p = Project(project)
    path = p.regulation_path("dlo-head")
    first = p.load(["dlo-head"]).documents["dlo-head"].model
    text = path.read_text(encoding="utf-8")
    stat = path.stat()
    # same size, same modification time: only the content tells
    path.write_text(
        text.replace("id: dlo-head\nkind", "id: dlo-head\nkind", 1).replace(
            "code: ЛН ҮББИ 01-2024", "code: ЛН ҮББИ 02-2024"
        ),
        encoding="utf-8",
    )
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    second = p.load(["dlo-head"]).documents["dlo-head"].model
    assert (first.code, second.code) == ("ЛН ҮББИ 01-2024", "ЛН ҮББИ 02-2024")


def test_a_removed_file_is_missing_not_cached(project):
    p = Project(project)
    assert p.load(["dlo-head"]).documents
    (project / "regulations" / "registry.yaml").unlink()
    loaded = p.load(["dlo-head"])
    assert loaded.registry is None
    assert "DLO005" in {problem.code for problem in loaded.problems}


def test_the_cache_is_bounded_least_recently_used_first_out():
    cache = FileCache(size=2)
    made = []

    def make(name):
        made.append(name)
        return name

    for name in ("a", "b", "a", "c", "a", "b"):
        assert cache.get((name,), name.encode(), lambda n=name: make(n)) == name
    # a, b made; a hit; c made (b out); a hit; b made again
    assert made == ["a", "b", "c", "b"]


@pytest.fixture
def reads(monkeypatch) -> Counter:
    """Counts the reads of the project's files from the disk, by path under regulations/."""
    from dlo_docs import inputs

    counted: Counter = Counter()
    real = inputs.read_bytes

    def counting(path, **kwargs):
        if "regulations" in str(path):
            counted[str(path).split("regulations" + os.sep, 1)[1]] += 1
        return real(path, **kwargs)

    monkeypatch.setattr(inputs, "read_bytes", counting)
    return counted


def test_a_site_build_reads_each_file_of_a_regulation_once_to_render_it(project, reads):
    """The journal (asked for by the status, the history, the records and the chain's check),
    the frozen edition and the registry are read from the disk once for rendering: once more
    for the journal and the edition, as the build first sees what changed (a pass over every
    regulation, which keeps no bytes: its memory stays one regulation's). Read five, three and
    three times before."""
    from dlo_docs import site

    p = in_force(project)
    reads.clear()
    report = site.build(p, project / "public", pdf=False)
    assert report.published == ["dlo-head"] and not report.problems
    assert reads["registry.yaml"] == 1, reads
    assert reads[os.path.join("dlo-head", "journal.yaml")] == 2, reads
    assert reads[os.path.join("dlo-head", "editions", "1.yaml")] == 2, reads


def test_a_reading_command_sees_one_state_of_a_file_until_it_forgets_it(project):
    """Within a reading command a file changed on the disk is not read again (its first bytes
    are kept) until the command forgets the regulation's folder; outside, every read is new."""
    p = Project(project)
    journal = p.folder("dlo-head") / "journal.yaml"
    journal.write_bytes(b"- first\n")
    with p.reading_snapshots():
        assert p.read_raw(journal)[0] == b"- first\n"
        journal.write_bytes(b"- second\n")
        assert p.read_raw(journal)[0] == b"- first\n"
        p.forget(p.folder("dlo-head"))
        assert p.read_raw(journal)[0] == b"- second\n"
    journal.write_bytes(b"- third\n")
    assert p.read_raw(journal)[0] == b"- third\n"
    assert p.reads is None


def test_a_file_refused_is_refused_each_time_it_is_asked_for(project, tmp_path):
    """A link out of the project read within a reading command: refused, with the same
    problem, however often it is asked for (the refusal is what is kept)."""
    p = Project(project)
    outside = tmp_path / "outside.yaml"
    outside.write_text("- x\n", encoding="utf-8")
    link = p.folder("dlo-head") / "journal.yaml"
    link.symlink_to(outside)
    with p.reading_snapshots():
        first, second = p.read_raw(link), p.read_raw(link)
    assert first[0] is None and second[0] is None and first[1] == second[1] and first[1]


def test_a_write_within_a_reading_command_reads_the_journal_anew(project):
    """A library caller that records events inside ``reading_snapshots`` (where reads are kept):
    each event is written after the one before it, none is lost, and the journal verifies."""
    p = in_force(project)
    with p.reading_snapshots(), on_day("2025-06-03"):
        before = len(workflow.events(p, "dlo-head"))
        p.read_raw(p.folder("dlo-head") / "journal.yaml")  # kept, as a reading command would
        workflow.review(p, "dlo-head", "hr-head", "no changes needed")
        workflow.review(p, "dlo-head", "hr-head", "no changes needed, again")
        events = workflow.events(p, "dlo-head")
    assert [e.seq for e in events[before:]] == [before + 1, before + 2]
    assert Project(project).read_raw(p.folder("dlo-head") / "journal.yaml")[0].count(b"seq:") == (
        before + 2
    )
    workflow.intact(Project(project), "dlo-head")  # raises when the chain is broken


def test_a_journal_removed_within_a_reading_command_is_still_the_one_read(project):
    """The one state holds for a journal that goes away too: read within a reading command,
    then removed from the disk, it is still the journal read (not "no journal yet", which would
    show an approved regulation as a draft halfway through a site build) until the regulation
    is forgotten; a journal that appears meanwhile is not seen either."""
    p = in_force(project)
    path = p.folder("dlo-head") / "journal.yaml"
    with p.reading_snapshots():
        first = workflow.journal.read(p, "dlo-head")
        path.rename(path.with_suffix(".gone"))
        again = workflow.journal.read(p, "dlo-head")
        assert (again.entries, again.problems) == (first.entries, first.problems)
        assert again.entries and not again.problems
        p.forget(p.folder("dlo-head"))
        assert workflow.journal.read(p, "dlo-head").entries == []
        path.with_suffix(".gone").rename(path)
        assert workflow.journal.read(p, "dlo-head").entries == []  # absent is what was read
        p.forget(p.folder("dlo-head"))
        assert workflow.journal.read(p, "dlo-head").entries == first.entries
