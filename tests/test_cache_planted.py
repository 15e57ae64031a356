"""Entries planted in the user's cache folder by someone else, or moved, linked or swapped there:
never taken for the user's own. A PDF another user (or anyone the folder lets write) put under
the right key, with the right digest, is converted again, not published; an entry of one DOCX
moved to another's name is a miss; a link below the cache's folder is neither read nor followed
when the folder is trimmed, so nothing outside the cache is ever read or removed; a FIFO or a
huge file is a miss, at once."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from dlo_docs import usercache
from dlo_docs.render import pdf_cache

ROOT_ONLY = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown to another user needs root"
)
NOBODY = 65534


@pytest.fixture
def cache(tmp_path, monkeypatch) -> pdf_cache.Cache:
    monkeypatch.setenv("DLO_CACHE_DIR", str(tmp_path / "cache"))
    return pdf_cache.Cache(usercache.folder("pdf"), "recipe", limit=10**9)


def _planted(cache: pdf_cache.Cache, docx: bytes, pdf: bytes) -> Path:
    """A perfect entry of ``pdf`` for ``docx`` (what anyone who can write there can compute)."""
    cache.put(docx, b"%PDF-1.7 the real one\n")
    path = cache.path(docx)
    path.write_bytes(pdf_cache.seal_head(cache.key(docx), pdf) + b"\n" + pdf)
    return path


FORGED = b"%PDF-1.7 forged: not the approved text\n"


def test_an_entry_writable_by_others_is_not_taken(cache):
    path = _planted(cache, b"docx", FORGED)
    assert cache.get(b"docx") == FORGED  # the user's own, 0600: taken
    for mode in (0o620, 0o602, 0o666):
        path.chmod(mode)
        assert cache.get(b"docx") is None, oct(mode)


@ROOT_ONLY
def test_an_entry_of_another_user_is_not_taken(cache):
    path = _planted(cache, b"docx", FORGED)
    os.chown(path, NOBODY, -1)
    assert cache.get(b"docx") is None
    usercache.store("docx_base", "a" * 64, b"kept")
    entry = usercache.folder("docx_base") / ("a" * 64)
    assert usercache.load("docx_base", "a" * 64) == b"kept"
    os.chown(entry, NOBODY, -1)
    assert usercache.load("docx_base", "a" * 64) is None


def test_a_base_entry_writable_by_others_is_not_taken(cache):
    usercache.store("docx_base", "b" * 64, b"kept")
    (usercache.folder("docx_base") / ("b" * 64)).chmod(0o666)
    assert usercache.load("docx_base", "b" * 64) is None


def test_an_entry_moved_to_another_documents_name_is_a_miss(cache):
    """Both entries the user's own, with their digests: the PDF of one DOCX renamed to the
    other's key (whoever can rename in the folder can do it) is not the other's PDF."""
    cache.put(b"docx one", b"%PDF-1.7 one\n")
    cache.put(b"docx two", b"%PDF-1.7 two\n")
    os.replace(cache.path(b"docx one"), cache.path(b"docx two"))
    assert cache.get(b"docx two") is None


def test_a_linked_folder_is_neither_read_nor_trimmed(cache, tmp_path):
    """A folder of the cache that is a link to elsewhere: its files are not read as entries,
    and trimming the cache (to nothing) removes nothing there."""
    cache.put(b"docx", b"%PDF-1.7 real\n")
    path = cache.path(b"docx")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / path.name).write_bytes(path.read_bytes())
    victim = outside / "report.pdf"
    victim.write_bytes(b"%PDF-1.7 a file of the user's, not of the cache\n")
    os.utime(victim, (1, 1))  # the oldest: trimmed first were it counted
    path.unlink()
    path.parent.rmdir()
    path.parent.symlink_to(outside)
    assert cache.get(b"docx") is None
    (cache.folder / "zz").symlink_to(outside)
    cache.put(b"another", b"%PDF-1.7 another\n")
    cache.limit = 0
    cache.trim()
    assert victim.exists() and (outside / path.name).exists()
    assert not cache.path(b"another").exists()  # the cache's own entry was trimmed


def test_a_linked_pdf_folder_turns_the_pdf_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("DLO_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "cache" / "pdf").symlink_to(tmp_path / "elsewhere")
    assert pdf_cache.open_for(sys.executable, "pdf") is None
    (tmp_path / "cache" / "pdf").unlink()
    assert pdf_cache.open_for(sys.executable, "pdf") is not None


@pytest.mark.parametrize("kind", ["fifo", "huge", "folder", "link to /etc/passwd"])
def test_an_entry_that_is_no_plain_file_is_a_miss_at_once(cache, kind):
    cache.put(b"docx", b"%PDF-1.7 real\n")
    path = cache.path(b"docx")
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "huge":
        with open(path, "wb") as handle:  # sparse: costs no disk
            handle.truncate(pdf_cache.ENTRY_MAX + 1)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/etc/passwd")
    found: list[object] = []
    reader = threading.Thread(target=lambda: found.append(cache.get(b"docx")), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert found == [None], "the read hung or took the entry"


def test_the_key_names_the_docx_and_the_recipe_unambiguously():
    one = pdf_cache.Cache(Path("c"), "recipe", limit=0)
    other = pdf_cache.Cache(Path("c"), "recipe\n", limit=0)
    assert one.key(b"a") != other.key(b"a") and one.key(b"a") != one.key(b"a ")
    assert one.key(b"\nx") != pdf_cache.Cache(Path("c"), "recipe\n", limit=0).key(b"x")
    assert len({one.key(bytes([i])) for i in range(256)}) == 256


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_the_cache_folders_it_makes_are_the_users_alone(tmp_path, monkeypatch):
    """The cache's root and every folder made on the way to an entry are 0700: nobody else can
    list which documents were converted or rendered (the entries themselves are 0600)."""
    monkeypatch.setenv("DLO_CACHE_DIR", str(tmp_path / "home" / "cache"))
    old = os.umask(0o022)
    try:
        usercache.store("snapshot", "abc123", b"data")
        cache = pdf_cache.Cache(usercache.folder("pdf"), "recipe", limit=10**9)
        cache.put(b"docx bytes", b"%PDF-1.7 made\n")
    finally:
        os.umask(old)
    root = tmp_path / "home" / "cache"
    made = [root, root / "snapshot", root / "pdf", cache.path(b"docx bytes").parent]
    assert all(p.is_dir() for p in made)
    assert {oct(p.stat().st_mode & 0o777) for p in made} == {oct(0o700)}
    assert usercache.load("snapshot", "abc123") == b"data"
    assert cache.get(b"docx bytes") == b"%PDF-1.7 made\n"
