"""The site's first build holds one group of regulations at a time, not the whole corpus: a
regulation is loaded, rendered and written before the next group is loaded, and the folder it
builds is the same byte for byte whatever the size of the groups."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from site_support import SEED, UNIT
from test_site import _publish

from dlo_docs.project import Project
from dlo_docs.site.writer import Writer

# the module, not the function ``dlo_docs.site.build`` the package exports under that name
publishing = importlib.import_module("dlo_docs.site.publish")


@pytest.fixture
def published(prepared_copy):
    """The seed and the bilingual fixture in force (the second at edition 2), and a draft."""
    return prepared_copy("site-published", _publish)


def _build(project: Path, out: str) -> list[str]:
    from dlo_docs import site

    report = site.build(Project(project), project / out, pdf=False)
    assert not report.errors
    return report.published


def _files(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; the manifest's without the times it recorded of the files written
    (when each was written: the build's private memory, not what it publishes)."""
    files = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    manifest = json.loads(files[".dlo-site/manifest.json"])
    for entry in manifest["outputs"].values():
        assert isinstance(entry.pop("mtime"), int)
    files[".dlo-site/manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return files


def test_a_regulation_is_written_before_the_next_is_loaded(published, monkeypatch):
    events: list[str] = []
    collect, put = publishing.collect, Writer.put

    def collecting(project, reg_id, registry):
        events.append(f"load {reg_id}")
        return collect(project, reg_id, registry)

    def writing(self, rel, data, key=None):
        if rel.endswith("/index.html") and rel.startswith("kk/"):
            events.append(f"page {rel.split('/')[1]}")
        return put(self, rel, data, key)

    monkeypatch.setattr(publishing, "collect", collecting)
    monkeypatch.setattr(Writer, "put", writing)
    monkeypatch.setattr(publishing, "group_size", lambda: 1)
    assert _build(published, "public") == [SEED, UNIT]
    assert events == [f"load {SEED}", f"page {SEED}", f"load {UNIT}", f"page {UNIT}"]


def test_the_site_is_the_same_whatever_the_groups(published, monkeypatch):
    _build(published, "whole")
    monkeypatch.setattr(publishing, "group_size", lambda: 1)
    _build(published, "one-by-one")
    whole, one = _files(published / "whole"), _files(published / "one-by-one")
    assert len(whole) > 10
    assert whole == one


def test_the_indexes_made_again_from_the_caches_are_the_same(published):
    _build(published, "public")
    before = _files(published / "public")
    for name in ("search-index.kk.json", "search-index.ru.json", "index.html"):
        (published / "public" / name).unlink()
    _build(published, "public")  # nothing changed: the indexes from the cached entries
    assert _files(published / "public") == before
