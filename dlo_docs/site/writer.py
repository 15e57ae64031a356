"""Writing the site's folder: each file atomically and only when its bytes change, recorded in
the manifest; and the report of a build."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import fsio
from ..errors import Problem, UsageError
from ..fsio import NOFOLLOW, LockTimeout, atomic_write, confine, default_mode, locked, owned
from ..i18n import Msg
from .manifest import FOLDER, Manifest, chunks, digest, file_digest


@dataclass
class Report:
    out: Path
    published: list[str] = field(default_factory=list)  # regulation ids on the site
    rebuilt: list[str] = field(default_factory=list)  # regulations loaded and rendered this time
    written: list[str] = field(default_factory=list)  # files written (new or changed)
    unchanged: int = 0  # files left as they were
    removed: list[str] = field(default_factory=list)  # files of the previous build deleted
    pdf: bool = True  # PDFs were made (False: LibreOffice missing or asked not to)
    pdfs: int = 0  # PDFs published (made now or kept: still those of their DOCX)
    served_at: str = "/"  # the path the site is served at (the links of 404.html start there)
    problems: list[Problem] = field(default_factory=list)  # warnings, and errors of `failed`
    failed: list[str] = field(default_factory=list)  # regulations that could not be published
    # of ``failed``, those whose pages of the previous build were removed: not as it left them
    unpublished: list[str] = field(default_factory=list)

    @property
    def pdfs_removed(self) -> int:
        """The PDFs of the previous build removed (superseded or out of date)."""
        return sum(rel.endswith(".pdf") for rel in self.removed)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


PRIVATE = 0o600  # the build's own files (.dlo-site/): not for the web server
READABLE = 0o444  # a published file: readable by the web server's user, whatever the umask
SEARCHABLE = 0o555  # a folder of the site: listed and entered by the web server's user


def open_folder(path: Path) -> None:
    """Give the folder ``path`` (the user's own; never through a link) r-x for everyone."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | NOFOLLOW)
    try:
        info = os.fstat(fd)
        if owned(info) and info.st_mode & SEARCHABLE != SEARCHABLE:
            os.fchmod(fd, stat.S_IMODE(info.st_mode) | SEARCHABLE)
    finally:
        os.close(fd)


def make_site_folder(out: Path) -> None:
    """``out`` made, with the folders missing above it, each readable and searchable by everyone
    (under umask 077 the web server could not reach the site); a folder that already exists is
    left as its owner set it."""
    missing = []
    folder = out.absolute()
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(exist_ok=True)
        open_folder(made)


def _in_the_way(message: Msg) -> UsageError:
    """What stands where the site's file or folder goes (made by someone, not by the build):
    said, and left as it is."""
    return UsageError(
        message,
        Msg("move it out of the site folder (nothing of it was changed), then build again"),
    )


@contextlib.contextmanager
def building(out: Path) -> Iterator[None]:
    """The site folder ``out`` held by this build (its lock, ``.dlo-site/build.lock``); another
    build of it that holds it longer than the lock waits is refused as that, not as a failure."""
    lock = out / FOLDER / "build"
    with contextlib.ExitStack() as stack:
        try:  # (only the lock's wait: what the build raises inside is its own)
            stack.enter_context(locked(lock, root=out))
        except LockTimeout:
            raise UsageError(
                Msg(
                    "{out} is being built by another `dlo site build` that is still running "
                    "(it holds {lock}.lock); nothing was written",
                    out=out,
                    lock=lock,
                ),
                Msg("wait for it to end, then build again: the next build publishes what changed"),
            ) from None
        yield


class Writer:
    """Each file is written atomically; where the system can make them durable all at once
    (``fsio.SETTLES``), without an fsync each: ``settle`` does, before the manifest that
    records them is saved (a crash before leaves the previous manifest, whose sizes and times
    these files no longer match: the next build writes them again)."""

    def __init__(self, out: Path, manifest: Manifest, report: Report) -> None:
        self.out, self.manifest, self.report = out, manifest, report
        self.mode = default_mode() | READABLE  # 0644 under umask 022, 027 or 077
        self.durable = not fsio.SETTLES
        self.reached: set[Path] = set()  # folders of the site made readable by everyone

    def put(self, rel: str, data: bytes, key: str | None = None) -> None:
        """Write ``rel`` unless it already holds exactly ``data`` (the user's own regular file);
        record it in the manifest. The build's own files (.dlo-site/) stay private to the user
        who builds; every file is written inside the site folder, never through a symbolic link:
        a link where a file of the site goes is removed (not followed) and the file written."""
        path = self._target(rel)
        mode = PRIVATE if rel.startswith(FOLDER + "/") else self.mode
        if self._holds(path, len(data), lambda: [data]):
            self._unchanged(path, mode)
        else:
            self.manifest.unlisted(rel)
            atomic_write(path, data, mode, root=self.out, durable=self.durable)
            self.report.written.append(rel)
        self.manifest.record(rel, key or digest(data), len(data), os.lstat(path).st_mtime_ns)

    def put_file(self, rel: str, source: Path, key: str | None = None) -> None:
        """``put`` of the bytes of the file ``source`` (one the build made, e.g. a PDF
        LibreOffice wrote or a search index), copied and compared a chunk at a time: a large
        file is never held in memory whole. The site gets a copy of its own, never a link."""
        path = self._target(rel)
        mode = PRIVATE if rel.startswith(FOLDER + "/") else self.mode
        size = source.stat().st_size
        if self._holds(path, size, lambda: chunks(source)):
            self._unchanged(path, mode)
        else:
            self.manifest.unlisted(rel)
            atomic_write(path, chunks(source), mode, root=self.out, durable=self.durable)
            self.report.written.append(rel)
        self.manifest.record(rel, key or file_digest(source), size, os.lstat(path).st_mtime_ns)

    def settle(self) -> None:
        """What was written made durable (see the class), when anything was."""
        if self.report.written or self.report.removed:
            fsio.settle()

    def _target(self, rel: str) -> Path:
        """Where ``rel`` goes, inside the site folder; a link there is removed, not followed."""
        path = self.out / rel
        confine(path.parent, self.out)
        if not rel.startswith(FOLDER + "/"):
            self._reach(path.parent)
        elif path.parent.exists() and not path.parent.is_dir():  # (the build's own folder)
            raise _in_the_way(
                Msg("{path} is a file where a folder of the site goes", path=path.parent)
            )
        if path.is_symlink():  # where a file of the site goes: removed, never followed
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        elif path.is_dir():
            raise _in_the_way(Msg("{path} is a folder where a file of the site goes", path=path))
        return confine(path, self.out)

    def _reach(self, folder: Path) -> None:
        """The folders between the site folder and ``folder`` made where missing, and readable
        and searchable by everyone (one an earlier build made under a stricter umask too)."""
        todo = []
        while folder != self.out and folder not in self.reached:
            todo.append(folder)
            folder = folder.parent
        for each in reversed(todo):
            with contextlib.suppress(FileExistsError):
                each.mkdir()
            if not each.is_dir():  # (a link was refused by ``confine``)
                raise _in_the_way(
                    Msg("{path} is a file where a folder of the site goes", path=each)
                )
            open_folder(each)
            self.reached.add(each)

    def _unchanged(self, path: Path, mode: int) -> None:
        self.report.unchanged += 1
        if path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)

    @staticmethod
    def _holds(path: Path, size: int, data: Callable[[], Iterable[bytes]]) -> bool:
        """``path`` is the user's own regular file of ``size`` bytes, the bytes of ``data()``
        (compared a chunk at a time)."""
        try:
            info = os.lstat(path)
        except OSError:
            return False
        if not (stat.S_ISREG(info.st_mode) and owned(info) and info.st_size == size):
            return False
        with path.open("rb") as handle:
            for chunk in data():
                if handle.read(len(chunk)) != chunk:
                    return False
            return not handle.read(1)

    def fresh(self, rel: str, key: str) -> bool:
        if self.manifest.fresh(rel, key):
            self.manifest.keep(rel)
            self.report.unchanged += 1
            return True
        return False
