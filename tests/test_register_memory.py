"""The register at scale: each regulation's files are read once, made into its row and forgotten,
and the readers of the edition in force are the edition's, whichever text is read for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from desk_support import new_clean, ok, take_route

from dlo_docs import load, register
from dlo_docs.project import PARSED, Loaded, Project
from dlo_docs.workflow import acknowledgements, editions

ROUTE = ["ubbi-director", "vp-academic"]


@pytest.fixture
def in_force(project, dlo):
    """A unit regulation of dlo in force, and a job instruction in force then revised."""
    new_clean(dlo, project, "dlo-unit", "--kind", "unit_regulation", "--unit", "dlo")
    take_route(dlo, project, "dlo-unit", "approved", ROUTE)
    return project


def under(key: tuple, folder: Path) -> bool:
    return any(isinstance(part, Path) and part.is_relative_to(folder.resolve()) for part in key)


def rows(dlo, project) -> dict:
    result = ok(dlo, project, "list", "--format", "json")
    return {r["id"]: r for r in json.loads(result.out)["regulations"]}


def test_the_readers_are_the_edition_in_forces_when_the_working_text_changed(in_force, dlo):
    before = rows(dlo, in_force)["dlo-unit"]
    assert before["state"] == "in_force" and before["not_acknowledged"]
    working = in_force / "regulations/dlo-unit/regulation.yaml"
    text = working.read_text(encoding="utf-8")
    assert "\nunit: dlo\n" in text
    working.write_text(text.replace("\nunit: dlo\n", "\nunit: hr\n"), encoding="utf-8")
    after = rows(dlo, in_force)["dlo-unit"]
    assert after["unit"] != before["unit"]  # the working text is described as it is now
    assert after["not_acknowledged"] == before["not_acknowledged"]  # the edition's readers


def test_the_working_texts_model_stands_for_an_identical_edition_only(in_force):
    project = Project(in_force)
    loaded = Loaded()
    project.load_registry(loaded)
    working = project.load_file(project.regulation_path("dlo-unit"), loaded)
    assert working is not None
    frozen = editions.load_edition(project, "dlo-unit", 1).model
    assert editions.edition_model(project, "dlo-unit", 1, working) is working.model
    assert working.model == frozen
    file = editions.path(project, "dlo-unit", 1)
    file.write_bytes(file.read_bytes() + b"\n# one more line\n")  # not the working text's bytes
    assert editions.edition_model(project, "dlo-unit", 1, working) is not working.model
    with_text = acknowledgements.round_of(project, "dlo-unit", loaded.registry, working)
    assert with_text == acknowledgements.round_of(project, "dlo-unit", loaded.registry)


def test_each_file_is_parsed_at_most_once_and_forgotten(in_force, monkeypatch):
    project = Project(in_force)
    PARSED.clear()
    parsed: list[str] = []
    real = load.parse

    def counted(raw, display):
        parsed.append(display)
        return real(raw, display)

    monkeypatch.setattr(load, "parse", counted)
    found = register.entries(project)
    assert {e.id for e in found} == {"dlo-head", "dlo-unit"}
    # the frozen edition in force is parsed for its content hash only (with the user's cache
    # off, as in the tests), not again for its readers: it is its working text, byte for byte
    assert len(parsed) == len(set(parsed)), parsed
    for reg_id in ("dlo-head", "dlo-unit"):
        folder = project.folder(reg_id)
        assert not [k for k in project.cache._entries if under(k, folder)]
        shown = project.display(folder) + "/"
        assert not [k for k in PARSED._entries if str(k[1]).startswith(shown)]


def test_forget_drops_one_folder_only(in_force):
    project = Project(in_force)
    register.entries(project)  # forgets every regulation when done
    project.load()
    kept = len(project.cache._entries)
    project.forget(project.folder("dlo-unit"))
    left = list(project.cache._entries)
    assert 0 < len(left) < kept
    assert not [k for k in left if under(k, project.folder("dlo-unit"))]
    assert [k for k in left if under(k, project.folder("dlo-head"))]


def test_dlo_status_forgets_each_regulation_once_shown(in_force, dlo, monkeypatch):
    forgotten: list[str] = []
    real = Project.forget

    def recorded(self, folder):
        forgotten.append(Path(folder).name)
        real(self, folder)

    monkeypatch.setattr(Project, "forget", recorded)
    before = ok(dlo, in_force, "status", "--format", "json").out
    assert forgotten == ["dlo-head", "dlo-unit"]
    monkeypatch.setattr(Project, "forget", real)
    assert ok(dlo, in_force, "status", "--format", "json").out == before


def test_dlo_verify_keeps_one_regulation_in_memory_and_reads_each_journal_once(
    in_force, dlo, monkeypatch
):
    """``dlo verify`` over the whole project forgets each regulation once verified, as ``dlo
    status`` does (it kept up to 256 parsed files: ~20 MB a journal of 500 acknowledgements,
    491 MB for 41 such journals among 1,000), and counts a journal's events from the parse the
    verification made (it parsed every journal again for the count once the cache was full)."""
    before = ok(dlo, in_force, "verify").out
    forgotten: list[str] = []
    real_forget = Project.forget

    def recorded(self, folder):
        forgotten.append(Path(folder).name)
        real_forget(self, folder)

    parsed: list[str] = []
    real_parse = load.parse

    def counted(raw, display):
        parsed.append(display)
        return real_parse(raw, display)

    PARSED.clear()
    monkeypatch.setattr(Project, "forget", recorded)
    monkeypatch.setattr(load, "parse", counted)
    assert ok(dlo, in_force, "verify").out == before
    assert forgotten == ["dlo-head", "dlo-unit"]
    journals = [p for p in parsed if p.endswith("journal.yaml")]
    assert sorted(journals) == sorted(set(journals)), journals
    assert not [k for k in PARSED.keys() if "dlo-unit/" in repr(k) or "dlo-head/" in repr(k)]
