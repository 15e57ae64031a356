"""The persistent cache and the styled DOCX base kept in it: a cached render is the same bytes as
an uncached one, and an entry that is missing, truncated, altered or planted (a pickle, a link,
a FIFO, hostile names or values with a valid digest) is a miss: the base is made again, nothing
read from the cache is run, and the output is the uncached one."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from dlo_docs import api, usercache
from dlo_docs.project import Project
from dlo_docs.render.docx import package, prepare, stored


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    """An empty cache of this test's own, and no base remembered by this process."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("DLO_CACHE_DIR", str(folder))
    package._base_cached.cache_clear()
    yield folder
    package._base_cached.cache_clear()


def _render(root: Path, out: Path) -> bytes:
    package._base_cached.cache_clear()  # as a new process would: from the disk, or made
    result = api.render(Project(root), ["dlo-head"], ["docx"], out=out, draft=True)
    assert not result.problems, result.problems
    return (out / "dlo-head.kk.draft.docx").read_bytes()


def _entry(folder: Path) -> Path:
    entries = list((folder / stored.KIND).iterdir())
    assert len(entries) == 1, entries
    return entries[0]


def _sealed(data: bytes) -> bytes:
    """``data`` as the cache stores it: behind its SHA-256 (what a planter can compute too)."""
    return hashlib.sha256(data).hexdigest().encode() + b"\n" + data


def _no_prepare(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the base was made again, though it is in the cache")

    monkeypatch.setattr(prepare, "prepare", refuse)


@pytest.fixture(scope="module")
def _module_renders(tmp_path_factory) -> tuple[bytes, str, bytes]:
    """Made once for the module (each a render that prepares the base): the seed's DOCX
    rendered with the cache off, and the valid cache entry (its name and bytes) a render of
    the bundled project stores. The entry's name is a digest of the reference document's bytes
    and the code, not of a path, so a test plants it into its own empty cache as its render
    would have stored it (``test_a_cached_render_is_the_same_bytes_as_an_uncached_one`` checks
    that such an entry is used as it is)."""
    from conftest import _bundled_copy

    folder = tmp_path_factory.mktemp("cache-module")
    root = _bundled_copy(folder / "proj")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLO_NO_CACHE", "1")
        plain = _render(root, folder / "uncached")
        mp.delenv("DLO_NO_CACHE")
        mp.setenv("DLO_CACHE_DIR", str(folder / "cache"))
        assert _render(root, folder / "cached") == plain
        entry = _entry(folder / "cache")
        good = entry.read_bytes()
    package._base_cached.cache_clear()
    return plain, entry.name, good


@pytest.fixture
def uncached(_module_renders) -> bytes:
    """The seed's DOCX rendered with the cache off: what every render must give."""
    return _module_renders[0]


def test_a_cached_render_is_the_same_bytes_as_an_uncached_one(
    project, tmp_path, uncached, cache_dir, monkeypatch
):
    cold = _render(project, tmp_path / "cold")
    entry = _entry(cache_dir)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert not [p for p in entry.parent.iterdir() if p.name.endswith(".tmp")]
    _no_prepare(monkeypatch)
    warm = _render(project, tmp_path / "warm")
    assert cold == warm == uncached


def test_a_reference_document_has_its_own_entry(project, tmp_path, cache_dir, monkeypatch):
    """The entry is named by the reference document's bytes: a changed reference is a new base."""
    plain = _render(project, tmp_path / "plain")
    (project / "templates" / "reference.docx").write_bytes(_restyled(package.default_reference()))
    with_reference = _render(project, tmp_path / "ref")
    assert len(list((cache_dir / stored.KIND).iterdir())) == 2
    monkeypatch.setenv("DLO_NO_CACHE", "1")
    assert _render(project, tmp_path / "ref-uncached") == with_reference
    assert with_reference != plain
    assert b"Arial" in _docx_part(with_reference, "word/styles.xml")


def _docx_part(docx: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return z.read(name)


def _restyled(docx: bytes) -> bytes:
    """The DOCX with its fonts changed to Arial: an organisation's reference document."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as z, zipfile.ZipFile(out, "w") as w:
        for info in z.infolist():
            w.writestr(info, z.read(info).replace(b"Times New Roman", b"Arial"))
    return out.getvalue()


@pytest.fixture
def valid_entry(_module_renders, cache_dir) -> tuple[Path, dict]:
    """The valid entry a render stores, in this test's own cache, and its data."""
    _, name, good = _module_renders
    entry = cache_dir / stored.KIND / name
    entry.parent.mkdir(parents=True)
    entry.write_bytes(good)
    entry.chmod(0o600)
    return entry, json.loads(good.split(b"\n", 1)[1])


def _part(data: dict, name: str) -> bytes:
    import base64

    return base64.b64decode(dict(data["parts"])[name])


def _with_part(data: dict, name: str, content: bytes) -> dict:
    import base64

    parts = [[n, base64.b64encode(content).decode() if n == name else t] for n, t in data["parts"]]
    return {**data, "parts": parts}


def _hostile(data: dict, kind: str, tmp_path: Path) -> bytes | None:
    """The bytes planted in place of a valid entry ``data`` (None: the planting is done)."""
    body = json.dumps(data).encode()
    if kind == "truncated":
        return _sealed(body)[: len(body) // 2]
    if kind == "bit flipped":
        sealed = bytearray(_sealed(body))
        sealed[len(sealed) // 2] ^= 0x01
        return bytes(sealed)
    if kind == "empty":
        return b""
    if kind == "pickle":
        import pickle

        class Boom:
            def __reduce__(self):
                return (os.mkdir, (str(tmp_path / "pwned"),))

        return _sealed(pickle.dumps(Boom()))
    if kind == "not json":
        return _sealed(b"\xff\xfe{not json")
    if kind == "a list":
        return _sealed(b"[]")
    if kind == "deep":
        return _sealed(b"[" * 100_000 + b"]" * 100_000)
    changed = {
        "another key": lambda d: {**d, "key": "0" * 64},
        "another format": lambda d: {**d, "format": 2},
        "a part out of the package": lambda d: {**d, "parts": [*d["parts"], ["../../evil", ""]]},
        "an absolute part": lambda d: {**d, "parts": [*d["parts"], ["/etc/evil", ""]]},
        "a repeated part": lambda d: {**d, "parts": [*d["parts"], d["parts"][0]]},
        "no document part": lambda d: {
            **d,
            "parts": [p for p in d["parts"] if p[0] != "word/document.xml"],
        },
        "a part not base64": lambda d: {**d, "parts": [[d["parts"][0][0], "%%%"], *d["parts"][1:]]},
        "a part of another type": lambda d: {
            **d,
            "parts": [[d["parts"][0][0], 7], *d["parts"][1:]],
        },
        "a style id that breaks out of its attribute": lambda d: {
            **d,
            "ids": {**d["ids"], "clause": 'x"/><w:evil/><w:pStyle w:val="x'},
        },
        "a style missing": lambda d: {
            **d,
            "ids": {k: v for k, v in d["ids"].items() if k != "clause"},
        },
        "a width that is not a number": lambda d: {**d, "usable_mm": "170"},
        "a width that is not finite": lambda d: {**d, "usable_mm": float("nan")},
        "a width of no page": lambda d: {**d, "usable_mm": 1e9},
        "a slot removed": lambda d: _with_part(
            d,
            "word/document.xml",
            _part(d, "word/document.xml").replace(b"DLO-SLOT-body", b"DLO-SLOT-gone"),
        ),
    }[kind]
    return _sealed(json.dumps(changed(data)).encode())


HOSTILE = [
    "truncated",
    "bit flipped",
    "empty",
    "pickle",
    "not json",
    "a list",
    "deep",
    "another key",
    "another format",
    "a part out of the package",
    "an absolute part",
    "a repeated part",
    "no document part",
    "a part not base64",
    "a part of another type",
    "a style id that breaks out of its attribute",
    "a style missing",
    "a width that is not a number",
    "a width that is not finite",
    "a width of no page",
    "a slot removed",
]


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_entry_is_a_miss_and_is_made_again(
    project, tmp_path, uncached, valid_entry, kind
):
    entry, data = valid_entry
    entry.write_bytes(_hostile(data, kind, tmp_path))
    assert _render(project, tmp_path / "out") == uncached
    assert not (tmp_path / "pwned").exists()
    # the entry was replaced by a good one, which the next render uses
    assert stored.load(entry.name) is not None


@pytest.mark.parametrize("kind", ["directory", "fifo", "symlink", "oversized"])
def test_an_entry_that_is_not_a_plain_file_is_a_miss(
    project, tmp_path, uncached, valid_entry, monkeypatch, kind
):
    entry, data = valid_entry
    good = entry.read_bytes()
    entry.unlink()
    if kind == "directory":
        entry.mkdir()
    elif kind == "fifo":
        os.mkfifo(entry)  # a reader that blocked on it would hang the render
    elif kind == "symlink":
        outside = tmp_path / "elsewhere"
        outside.write_bytes(good)
        entry.symlink_to(outside)
    else:
        monkeypatch.setattr(usercache, "LIMIT", len(good) // 2)
        entry.write_bytes(good)
    assert _render(project, tmp_path / "out") == uncached


def test_a_cache_that_cannot_be_written_is_no_error(project, tmp_path, uncached, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DLO_CACHE_DIR", str(blocker / "cache"))
    assert _render(project, tmp_path / "out") == uncached


def test_no_cache_reads_and_keeps_nothing(cache_dir, monkeypatch):
    usercache.store("docx_base", "a" * 64, b"kept")
    assert usercache.load("docx_base", "a" * 64) == b"kept"
    monkeypatch.setenv("DLO_NO_CACHE", "1")
    assert usercache.load("docx_base", "a" * 64) is None
    usercache.store("docx_base", "b" * 64, b"not kept")
    assert not (cache_dir / "docx_base" / ("b" * 64)).exists()


def test_names_outside_the_cache_are_refused(cache_dir):
    usercache.store("docx_base", "../../escape", b"x")
    usercache.store("../kind", "a" * 64, b"x")
    assert not any(cache_dir.parent.glob("escape*"))
    assert usercache.load("docx_base", "../../escape") is None


def test_digest_parts_are_counted_with_their_lengths():
    assert usercache.digest("ab", "c") != usercache.digest("a", "bc")
    assert usercache.digest(b"x") == usercache.digest("x")


def test_a_cache_entry_is_not_flushed_to_the_disk_and_a_torn_one_is_a_miss(cache_dir, monkeypatch):
    """Keeping an entry costs no fsync (at 1,000 regulations, two each made the first listing
    after an upgrade seconds slower): an entry is checked against its digest line when read, so
    one a crash lost or tore is a miss, never wrong data. A project file is still flushed."""
    from dlo_docs import fsio

    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real(fd))
    usercache.store("content_hash", "abc123", b"0" * 64)
    assert synced == []
    assert usercache.load("content_hash", "abc123") == b"0" * 64
    entry = usercache.folder("content_hash") / "abc123"
    entry.write_bytes(entry.read_bytes()[:-10])  # torn by a crash before it reached the disk
    assert usercache.load("content_hash", "abc123") is None
    fsio.atomic_write(cache_dir / "file.txt", "text")
    assert len(synced) == 2  # the file and the rename


@pytest.mark.parametrize("value", ["1e999", "inf", "-inf", "nan", "junk", "", "  "])
def test_a_size_bound_that_is_no_number_of_megabytes_is_the_default(value, monkeypatch):
    """``DLO_SNAPSHOT_CACHE_MB`` and ``DLO_PDF_CACHE_MB`` set to something that is not a finite
    number (too large for one, infinite, text) give the default bound, not an internal error."""
    from dlo_docs import snapshots
    from dlo_docs.render import pdf_cache

    for variable, limit, default in [
        ("DLO_SNAPSHOT_CACHE_MB", snapshots._limit, snapshots.LIMIT_MB),
        ("DLO_PDF_CACHE_MB", pdf_cache._limit, pdf_cache.LIMIT_MB),
    ]:
        monkeypatch.setenv(variable, value)
        assert limit() == default * 1024 * 1024
        monkeypatch.setenv(variable, "-5")
        assert limit() == 0
