"""The incremental build's memory: ``<out>/.dlo-site/manifest.json``.

It maps every output file of the site to the key (a hash) of everything it was made from, and
every published regulation to the key of its inputs (the code, the templates and labels, the
registry and the certificates it names, its journal and its frozen editions) with the list of its outputs and a cache of what
the index and the search need from it. A regulation whose key is unchanged is not loaded, let
alone rendered; a DOCX or PDF whose key is unchanged is not rendered again.

Only files the manifest lists are ever deleted (outputs of the previous build that this build
did not produce: a withdrawn regulation, a superseded edition's downloads); when there is a
manifest but it is not taken (damaged, of another format, not the build's), the files in the
site's own folders (``SITE_FOLDERS``) stand for the previous build's outputs instead; so they do
when the build before was killed (``UNLISTED``: it wrote files its manifest never listed).
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..folder_names import SITE_PAGES
from ..fsio import NOFOLLOW, atomic_write, owned, sync_folder
from ..i18n import Msg

FOLDER = ".dlo-site"
FILE = f"{FOLDER}/manifest.json"
FORMAT = 1
# in FOLDER: made, durably, before a build writes a file at a path its manifest does not list,
# removed once a manifest lists it; still there, the build that made it was killed (SIGKILL, a
# power cut: no handler ran) and its files are listed nowhere
UNLISTED = "unlisted"
SITE_FOLDERS = ("kk", "ru", "files", "static")  # what the build writes beside its top pages
# what a folder may hold before its first build, never touched by one: .well-known/ (ACME's
# challenges, put there by certbot before the site is built; docs/cli.md), a disk's lost+found/
NOT_OURS = frozenset({FOLDER, ".well-known", "lost+found"})
# its top pages (views: the Kazakh index and search pages, the page of a missing address, the
# search indexes): at the top of the site, a build writes these and nothing else
TOP_FILES = frozenset(
    {*SITE_PAGES, "404.html", *(f"search-index.{lang}.json" for lang in ("kk", "ru"))}
)


def digest(*parts: Any) -> str:
    """A stable hash of JSON-able parts (bytes are hashed as they are)."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            h.update(b"b" + len(part).to_bytes(8, "big") + part)
        else:
            text = json.dumps(part, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
            h.update(b"j" + len(text).to_bytes(8, "big") + text)
    return h.hexdigest()


CHUNK = 1 << 20  # files are read and compared a mebibyte at a time, never held whole


def chunks(path: Path) -> Iterator[bytes]:
    """The bytes of the file at ``path``, a mebibyte at a time."""
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def file_digest(path: Path) -> str:
    """``digest(path.read_bytes())``, reading the file in chunks."""
    h = hashlib.sha256()
    h.update(b"b" + path.stat().st_size.to_bytes(8, "big"))
    for chunk in chunks(path):
        h.update(chunk)
    return h.hexdigest()


def tree_digest(folders: Iterable[Path], pattern: str = "*", *, linked: bool = False) -> str:
    """The hash of every file's relative path and bytes under ``folders``; with ``linked``, a
    link to a folder inside the folder's parent (the project of a ``templates/``, which reads
    what such a link holds) is entered too, each real folder once."""
    h = hashlib.sha256()
    for folder in folders:
        if not folder.is_dir():
            continue
        found = [
            Path(top, name)
            for top, _, files in _walk(folder, linked)
            if "__pycache__" not in Path(top).parts
            for name in fnmatch.filter(files, pattern)
        ]
        for path in sorted(p for p in found if p.is_file()):
            h.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _walk(folder: Path, linked: bool) -> Iterator[tuple[str, list[str], list[str]]]:
    if not linked:
        yield from os.walk(folder)  # links to folders are not entered
        return
    within, seen = os.path.realpath(folder.parent), set()
    for top, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(top)
        if real in seen or not (real + os.sep).startswith(within + os.sep):
            dirs[:] = []  # a loop, or out of the project: not read
            continue
        seen.add(real)
        yield top, dirs, files


@lru_cache(maxsize=1)
def code_version() -> str:
    """The hash of the package's source: new code renders everything again. A new version is
    new source too (``entry.VERSION``, kept equal to the package's by a test), so its number is
    not asked of the installed package's metadata (importing ``importlib.metadata`` and finding
    the package cost more than the rest of an unchanged build's checks of its code)."""
    return digest("code", tree_digest([Path(__file__).resolve().parent.parent], "*.py"))


def plain_path(rel: object) -> bool:
    """A path the build itself writes: relative, inside the site folder, no ``..``, no empty,
    hidden or absolute part, no backslash or NUL; one of its top pages (``TOP_FILES``) or a
    file in its own folders (``SITE_FOLDERS``), never a file of the admin's beside them
    (``robots.txt``, a folder of their own); in the build's own folder only a regulation's
    cache entry (``.dlo-site/cache/<id>.json``), never its lock or manifest, which a listed
    output would have the next build remove."""
    if not isinstance(rel, str) or not rel or "\\" in rel or "\0" in rel:
        return False
    parts = rel.split("/")  # no empty part: not absolute ("/…") either
    if parts[0] == FOLDER:
        parts = parts[2:] if len(parts) == 3 and parts[1] == "cache" else [""]
    elif parts[0] not in SITE_FOLDERS if len(parts) > 1 else rel not in TOP_FILES:
        return False
    return all(part and part not in (".", "..") and part[0] != "." for part in parts)


def _as_written(path: Path) -> bool:
    """Could the file at ``path`` be one a build wrote: a regular file of the user's (as
    ``Manifest.fresh`` takes one), with no other name (a build replaces a file by renaming a new
    one into its place: a hard link to it is someone's doing)?"""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and owned(info) and info.st_nlink == 1


def found(out: Path) -> set[str]:
    """The files in the site's own folders of ``out`` that a build could have written
    (``_as_written``), reached through no link."""
    files = set()
    for top in SITE_FOLDERS:
        if os.path.islink(out / top):
            continue
        for folder, dirs, names in os.walk(out / top):  # (a linked folder is not entered)
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                rel = Path(folder, name).relative_to(out).as_posix()
                if plain_path(rel) and _as_written(out / rel):
                    files.add(rel)
    return files


def _well_formed(data: object) -> bool:
    """The manifest lists only files the build writes; anything else means it was not written
    by dlo (tampered with or damaged), and it is ignored: the site is built again from scratch."""
    if not isinstance(data, dict):
        return False
    outputs, regulations = data.get("outputs"), data.get("regulations")
    if not isinstance(outputs, dict) or not isinstance(regulations, dict):
        return False
    if not all(plain_path(rel) and isinstance(v, dict) for rel, v in outputs.items()):
        return False
    return all(
        isinstance(entry, dict)
        and isinstance(entry.get("outputs", []), list)
        and all(rel in outputs for rel in entry.get("outputs", []))
        and entry.get("cache", "") in [*entry.get("outputs", []), ""]
        for entry in regulations.values()
    )


class Manifest:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.path = out / FILE
        self.old: dict[str, Any] = {"outputs": {}, "regulations": {}}
        if self.path.is_file() and not self.path.is_symlink():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if data.get("format") == FORMAT and _well_formed(data):
                    self.old = data
            except (ValueError, OSError, RecursionError):
                pass  # unreadable or not ours: everything is rendered again
        # a manifest not taken, or listing nothing (a first build killed), or the build before
        # killed after writing files at paths it lists not (its mark left): what it wrote is
        # listed nowhere, so the files in the site's own folders stand for it (else a regulation
        # withdrawn, or an edition superseded, meanwhile would stay on the site for good)
        self.mark = out / FOLDER / UNLISTED
        killed = os.path.lexists(self.mark)
        listed = (bool(self.old["outputs"]) or not os.path.lexists(self.path)) and not killed
        self.left: set[str] = set() if listed else found(out)
        self.marked = killed  # the mark is there (``unlisted``)
        self.outputs: dict[str, dict[str, Any]] = {}
        self.regulations: dict[str, dict[str, Any]] = {}
        self.site: str | None = None  # the key of the index pages and search indexes
        self.served_at = "/"  # the path the site is served at (views.served_at), as recorded
        self.links: dict[str, bool] = {}  # folder (relative) -> is a symbolic link

    @staticmethod
    def guard(out: Path) -> None:
        """Refuse to build into a folder that holds other things than a site built by dlo."""
        if out.exists() and not out.is_dir():
            raise UsageError(
                Msg("{out} is a file, not a folder", out=out), Msg("choose another --out")
            )
        if (
            out.is_dir()
            and any(p.name not in NOT_OURS for p in out.iterdir())
            and not (out / FILE).is_file()
        ):
            raise UsageError(
                Msg(
                    "{out} is not empty and was not built by `dlo site build` (it has no {FILE})",
                    out=out,
                    FILE=FILE,
                ),
                Msg("choose an empty or new folder with --out, or empty this one"),
            )

    # -- outputs --------------------------------------------------------------------------
    def fresh(self, rel: str, key: str) -> bool:
        """True when ``rel`` was made from ``key`` and is still there as it was written: the
        regular file (not a link) the build wrote, its own, with the size and modification time
        it recorded (someone else who writes into it cannot set its time back)."""
        entry = self.old["outputs"].get(rel)
        if not entry or entry.get("key") != key or self._linked(rel):
            return False
        try:
            info = os.lstat(os.path.join(self.out, rel))  # (a plain path: see ``plain_path``)
        except OSError:
            return False
        return (
            stat.S_ISREG(info.st_mode)
            and owned(info)
            and info.st_size == entry.get("size")
            and info.st_mtime_ns == entry.get("mtime")
        )

    def _linked(self, rel: str) -> bool:
        """A folder between the site folder and ``rel`` is a symbolic link (files/ moved to
        another disk and linked): the web server follows none, so nothing there stands (each
        folder checked once a build)."""
        folder = rel.rpartition("/")[0]
        while folder:
            if folder not in self.links:
                self.links[folder] = os.path.islink(os.path.join(self.out, folder))
            if self.links[folder]:
                return True
            folder = folder.rpartition("/")[0]
        return False

    def unlisted(self, rel: str) -> None:
        """``rel`` is about to be written: at a path the manifest does not list, the mark
        (``UNLISTED``) is made first, durably, so that a build killed from here on is known."""
        if self.marked or rel in self.old["outputs"]:
            return
        self.mark.parent.mkdir(exist_ok=True)  # (the build's lock made it: a bare writer's)
        fd = os.open(self.mark, os.O_WRONLY | os.O_CREAT | NOFOLLOW, 0o600)
        os.close(fd)
        sync_folder(self.mark.parent)
        self.marked = True

    def _listed(self) -> None:
        """What this build wrote is listed by the manifest just saved: the mark removed (lost
        by a crash, it costs the next build a look at the site's folders)."""
        if self.marked:
            with contextlib.suppress(OSError):  # (a folder planted there: a look each build)
                os.unlink(self.mark)
            self.marked = False

    def keep(self, rel: str) -> None:
        self.outputs[rel] = dict(self.old["outputs"][rel])

    def record(self, rel: str, key: str, size: int, mtime: int) -> None:
        self.outputs[rel] = {"key": key, "size": size, "mtime": mtime}

    # -- regulations ----------------------------------------------------------------------
    def regulation(self, reg_id: str, key: str) -> dict[str, Any] | None:
        """The previous build's entry of ``reg_id`` when its key is ``key`` and every output it
        lists is intact; None otherwise (the regulation is built again)."""
        entry = self.old["regulations"].get(reg_id)
        if not entry or entry.get("key") != key:
            return None
        for rel in entry.get("outputs", []):
            old = self.old["outputs"].get(rel)
            if not old or not self.fresh(rel, old.get("key")):
                return None
        return entry

    def keep_regulation(self, reg_id: str, entry: dict[str, Any]) -> None:
        for rel in entry.get("outputs", []):
            self.keep(rel)
        self.regulations[reg_id] = entry

    def stale(self) -> list[str]:
        """Outputs of the previous build that this one did not produce."""
        return sorted((set(self.old["outputs"]) | self.left) - set(self.outputs))

    def claim(self) -> None:
        """Mark a new folder as the site's before anything else is written in it, so that a first
        build that is interrupted can be run again."""
        if not self.path.is_file():
            self.save()

    def save_unfinished(self) -> None:
        """The build stopped before its end (interrupted, failed): the previous manifest stays,
        with each file this build wrote at a path it does not list added, under no key (never
        taken as intact), so that the next build removes it unless it writes it again (a
        superseded edition's DOCX, a withdrawn regulation's page: else left in the site for
        good, unlisted)."""
        written = self.outputs.keys() | self.left
        new = {rel: {"key": None} for rel in written if rel not in self.old["outputs"]}
        if not new:
            self._listed()
            return
        data = self._served({"format": FORMAT, "site": None, **self.old})
        data["outputs"] = dict(sorted({**self.old["outputs"], **new}.items()))
        with contextlib.suppress(OSError):  # (a full disk: the build's error is its own)
            atomic_write(
                self.path,
                json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                0o600,
                root=self.out,
            )
            self._listed()

    def save(self) -> None:
        """Write the manifest (not when it would say what the file read at the start does)."""
        data = self._served(
            {
                "format": FORMAT,
                "outputs": dict(sorted(self.outputs.items())),
                "regulations": dict(sorted(self.regulations.items())),
                "site": self.site,
            }
        )
        if data != self.old:
            atomic_write(
                self.path,
                json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                0o600,  # the build's own: not for the web server
                root=self.out,
            )
        self._listed()

    def _served(self, data: dict[str, Any]) -> dict[str, Any]:
        """``data`` recording the path the site is served at (only when not "/"), for the
        builds after that are not given it."""
        data.pop("served_at", None)
        if self.served_at != "/":
            data["served_at"] = self.served_at
        return data
