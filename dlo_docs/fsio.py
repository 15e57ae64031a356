"""Atomic file writes and an advisory lock. Nothing is ever half-written, nothing is written
through a symbolic link.

A write goes to a temporary file in the same folder, is flushed and fsynced, then renamed over
the target, so a reader sees the old file or the new one, never a mixture. The new file gets the
permissions the umask gives (0644 under umask 022), as any program's would.

Where a write belongs is confined: a file of the project (under ``regulations/``) or of a folder
given as ``root`` is written only when no folder between the root and the file, nor the file
itself, is a symbolic link, so a planted link cannot send it elsewhere. Lock files are opened
with ``O_NOFOLLOW``. The temporary files a killed writer left behind are removed by the next
holder of the lock of their folder.

Many files whose record is written last (the site's files, then its manifest) can be written
``durable=False`` and made durable together by one ``settle()`` before the record: a sync of
the file systems instead of two per file (on Windows, which has no sync, ``SETTLES`` is False:
write them durable).

The lock is ``flock`` on POSIX and ``msvcrt.locking`` on Windows (both from the standard
library; either way the operating system releases it when the process dies).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from .errors import UsageError, from_here
from .i18n import Msg

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        """Lock the file's first byte without waiting; False when another process holds it."""
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EDEADLK):
                raise
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        """Lock the whole file without waiting; False when another process holds it."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


TEMP = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")  # mkstemp(prefix=".NAME.", suffix=".tmp")
STALE_AFTER = 60.0  # seconds: older temporary files are a dead writer's
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


@lru_cache(maxsize=1)
def umask() -> int:
    """The process's umask (read once; a thread-safe read where /proc tells it)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def default_mode() -> int:
    """What the umask gives a new file: 0644 under umask 022."""
    return 0o666 & ~umask()


def owned(info: os.stat_result) -> bool:
    """Is the file of ``info`` the user's own (owned by the process's effective user)? Always,
    where there are no owners to compare (Windows)."""
    return not hasattr(os, "geteuid") or info.st_uid == os.geteuid()


def _root_of(path: str) -> str | None:
    """The project of the nearest ``regulations/`` folder above ``path`` (absolute, normal)."""
    parts = path.split(os.sep)
    for i in range(len(parts) - 2, 0, -1):
        if parts[i] == "regulations":
            return os.sep.join(parts[:i]) if i > 1 else parts[0] + os.sep
    return None


def confine(path: Path | str, root: Path | str | None = None) -> Path:
    """``path`` made absolute, refused (``UsageError``) when a folder between ``root`` (default:
    the project of its ``regulations/`` folder; none: nothing to check) and it, or the file
    itself, is a symbolic link, or when it lies outside ``root``. (On strings: every file
    written goes through it, twice.)"""
    text = os.path.abspath(path)
    base = os.path.abspath(root) if root is not None else _root_of(text)
    if base is None:
        return Path(text)
    prefix = base if base.endswith(os.sep) else base + os.sep
    if text != base and not os.path.normcase(text).startswith(os.path.normcase(prefix)):
        raise UsageError(
            Msg("{path} is outside {root}", path=Path(text), root=Path(base)),
            Msg("dlo writes only inside it"),
        )
    current = base
    for part in text[len(prefix) :].split(os.sep) if text != base else ():
        if part in ("", ".", ".."):
            raise UsageError(
                Msg("{path} is not a plain path inside {root}", path=Path(text), root=Path(base))
            )
        current = os.path.join(current, part)
        if os.path.islink(current):
            raise UsageError(
                Msg(
                    "{path} is a symbolic link: dlo does not write through links",
                    path=Path(current),
                ),
                Msg("replace the link with a real folder or file"),
            )
    return Path(text)


def output_folder(root: Path, given: Path | str | None, default: str) -> Path:
    """Where a command writes: ``given`` (any folder the user can write to, relative to the
    current folder; a link named there is the user's own choice, followed), else ``root /
    default`` (``build``, ``public``), refused (``UsageError``) when it is or passes through a
    symbolic link: a planted one would send the files out of ``root``, where no one asked."""
    if given is not None:
        named = Path.cwd() / given
        try:
            return named.resolve()
        except RuntimeError:  # (Python < 3.13) a link that leads back to itself
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(named)) from None
    folder = Path(root)
    for part in Path(default).parts:
        folder = folder / part
        if folder.is_symlink():
            raise UsageError(
                Msg(
                    "{path} is a symbolic link: dlo does not write through links",
                    path=folder.relative_to(root),
                ),
                Msg("replace the link with a real folder, or name the folder with --out"),
            )
    return folder


def sweep(folder: Path, recursive: bool = False) -> list[Path]:
    """Remove the temporary files of writes that never finished (older than ``STALE_AFTER``)
    in ``folder`` (``recursive``: and in its subfolders, not through a link); call it while
    holding the lock that guards the folder's writes. Returns what it left: temporary files
    too recent to be a dead writer's or that could not be removed, and folders it could not
    list."""
    left: list[Path] = []
    now = time.time()
    try:
        for path in _temporaries(folder, recursive, left):
            try:
                info = path.lstat()
                if stat.S_ISDIR(info.st_mode):
                    continue  # a folder so named is not a temporary file
                if now - info.st_mtime > STALE_AFTER:
                    path.unlink()
                    continue
            except FileNotFoundError:
                continue  # gone meanwhile
            except OSError:
                pass
            left.append(path)
    except OSError:
        left.append(folder)
    return left


def _temporaries(folder: Path, recursive: bool, unlisted: list[Path]) -> Iterator[Path]:
    """The names in ``folder`` (and with ``recursive`` its subfolders, not through a link) that
    a temporary file of ``atomic_write`` has (``TEMP``); a subfolder that cannot be listed is
    added to ``unlisted``."""
    if not recursive:
        yield from (path for path in folder.glob(".*.tmp") if TEMP.match(path.name))
        return

    def unlistable(error: OSError) -> None:
        unlisted.append(Path(error.filename) if error.filename else folder)

    # links to folders are listed, not entered
    for top, folders, files in os.walk(folder, onerror=unlistable):
        yield from (Path(top, name) for name in [*folders, *files] if TEMP.match(name))


def _hostname() -> str:
    """The host's name, as ``socket.gethostname`` gives it (POSIX: without importing socket)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def staging(kind: str, hidden: bool = True) -> str:
    """The name prefix of a staging folder of this process (``.dlo-<kind>-<host>-<pid>-``; not
    ``hidden``, without the dot): ``sweep_staging`` tells from it whether the process that made
    the folder still runs."""
    host = re.sub(r"[^A-Za-z0-9]+", "_", _hostname())[:40] or "host"
    return f"{'.' if hidden else ''}dlo-{kind}-{host}-{os.getpid()}-"


def sweep_staging(folder: Path, kind: str, hidden: bool = True) -> list[Path]:
    """Remove the staging folders (``staging(kind, hidden)``) in ``folder`` that a process of
    this host left when it was killed (SIGKILL, a power cut: no clean-up ran): its process no
    longer runs. Another host's, and a running process's, are left alone; a link is removed, not
    followed."""
    prefix = staging(kind, hidden).rsplit("-", 2)[0] + "-"  # [.]dlo-<kind>-<host>-
    removed = []
    with contextlib.suppress(OSError):
        for path in folder.glob(prefix + "*"):
            pid = path.name[len(prefix) :].split("-", 1)[0]
            if not pid.isdecimal() or _running(int(pid)):
                continue
            with contextlib.suppress(OSError):
                if path.is_symlink() or not path.is_dir():
                    path.unlink()
                else:
                    shutil.rmtree(path)
                removed.append(path)
    return removed


def _running(pid: int) -> bool:
    """Does process ``pid`` run? (On Windows, where ``os.kill`` would end it, always yes.)"""
    if pid == os.getpid() or os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: running
    return True


SETTLES = hasattr(os, "sync")  # ``settle`` makes durable what was written without ``fsync``


def settle() -> None:
    """Everything written so far made durable, at once (``os.sync``; nothing where there is
    none: see ``SETTLES``)."""
    if SETTLES:
        os.sync()


def write_bytes(path: Path, data: bytes) -> None:
    """``path.write_bytes(data)``, whose error names ``path``: a write refused by a full disk
    says only "No space left on device", and the user is told which disk to free."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(path)
        raise


def atomic_write(
    path: Path,
    data: bytes | str | Iterable[bytes],
    mode: int | None = None,
    *,
    root: Path | None = None,
    durable: bool = True,
) -> None:
    """``data``: the bytes, a text (UTF-8) or the bytes in chunks (a large file copied or
    written without being held whole). ``mode``: the new file's permission bits (default: what
    the umask gives, e.g. 0644). ``root``: the folder the file must stay in (see ``confine``).
    ``durable=False``: not flushed to the disk (no ``fsync``), for a cache whose entries are
    checked when read, so that one lost or torn by a crash is a miss. Without ``mode``, a file
    made read-only is refused, not replaced (``refuse_read_only``)."""
    path = confine(path, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    confine(path, root)  # the folders just made are real ones, not links planted meanwhile
    if mode is None:
        refuse_read_only(path)
    mode = default_mode() if mode is None else mode
    if isinstance(data, str):
        data = data.encode("utf-8")
    chunks = [data] if isinstance(data, bytes) else data
    tmp = ""  # none made yet (unlinking "" is FileNotFoundError): the error names the file meant
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            os.fchmod(handle.fileno(), mode)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and (exc.filename is None or not tmp):  # (disk full: which)
            exc.filename = str(path)
        raise
    if durable:
        sync_folder(path.parent)  # make the rename itself durable


def read_only(path: Path) -> bool:
    """Is ``path`` a regular file its owner may not write (``chmod a-w``, Windows' Read-only)?"""
    with contextlib.suppress(OSError):  # (none yet, or unreadable: the write says why)
        return stat.S_ISREG(mode := os.stat(path).st_mode) and not mode & stat.S_IWUSR
    return False


def refuse_read_only(path: Path) -> None:
    """Refused (``UsageError``) when ``read_only``: a rename would put a writable file there."""
    if read_only(path):
        raise UsageError(
            Msg("{path} is read-only: dlo does not write over it", path=from_here(path)),
            Msg(
                "make it writable if it is to change (chmod u+w; on Windows, untick Read-only "
                "in its Properties), then run the command again"
            ),
        )


def sync_folder(folder: Path) -> None:
    """Make the names just created in, renamed into or removed from ``folder`` durable (where
    the system can: a folder cannot be opened for ``fsync`` everywhere)."""
    with contextlib.suppress(OSError):
        dirfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dirfd)
        finally:
            os.close(dirfd)


class LockTimeout(Exception):
    pass


@contextlib.contextmanager
def locked(path: Path, timeout: float = 30.0, *, root: Path | None = None) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``path`` (a sidecar ``.lock`` file); wait up to ``timeout``."""
    lock_path = confine(Path(path).with_name(Path(path).name + ".lock"), root)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    confine(lock_path, root)
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | NOFOLLOW, 0o666)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UsageError(
                Msg("{path} is a symbolic link: dlo does not follow links", path=lock_path),
                Msg("delete the link; dlo creates the lock file itself"),
            ) from None
        if exc.errno == errno.EISDIR:
            raise UsageError(
                Msg("{path} is a folder where dlo's lock file goes", path=lock_path),
                Msg("move it away; dlo creates the lock file itself"),
            ) from None
        raise
    if not os.path.samestat(os.fstat(fd), os.lstat(lock_path)):  # pragma: no cover - a race
        os.close(fd)
        raise UsageError(
            Msg("{path} changed while it was opened", path=lock_path), Msg("try again")
        )
    deadline = time.monotonic() + timeout
    try:
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise LockTimeout(f"{path} is locked by another process") from None
            time.sleep(0.05)
        try:
            sweep(lock_path.parent)
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
