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
