"""The PDFs LibreOffice made, kept by what they were made from, so the same DOCX is converted once:
``dlo render --format pdf`` and then ``dlo site build`` (which converts the same DOCX bytes) run
LibreOffice once for each document, not twice.

An entry's key is the SHA-256 of the DOCX's bytes and of the recipe: the export filter, the
LibreOffice installation (its program's path, size and time, and its ``versionrc``/``version.ini``,
which name the build: read once per process, no LibreOffice run), the time of the system's font
cache (on Linux: fonts installed or removed by the package manager) and the code that runs
LibreOffice, gives it the DOCX and settles a PDF (``pdf``, ``pdf_input``, ``pdf_stable`` and
``stamp``, by their source's digest).
A new LibreOffice, another filter or a change of that code makes new keys; the old entries age
out.

Entries live in the user's cache folder (``usercache.folder("pdf")``), never in the project, so
a drafter cannot plant a PDF that a build would publish over an approved edition. An entry is
``MAGIC``, its own key, a space, the SHA-256 of the PDF, a newline, the PDF (an entry moved to
another key's name is a miss); written atomically into folders private to the user (0700); read
only when ``usercache.read_entry`` finds it the user's own (a regular file, through no link, owned
by the user and writable by nobody else, of bounded size) and its PDF starts with ``%PDF`` and
matches its SHA-256, else it is a miss (and converted again). The folder is kept under ``DLO_PDF_CACHE_MB`` (default 1024 MB):
after a run that added entries, the least recently used are removed first (a hit renews an
entry's time). ``dlo --no-cache``, ``DLO_NO_CACHE=1`` or ``DLO_CACHE_DIR=off`` bypasses it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from .. import usercache
from ..fsio import confine, default_mode
from . import pdf_stable, soffice, stamp

MAGIC = b"dlo-pdf-cache 2 "  # then the key, a space, the PDF's SHA-256 in hex, a newline, the PDF
LIMIT_MB = 1024  # the folder's default size limit (DLO_PDF_CACHE_MB overrides)
ENTRY_MAX = 64 * 1024 * 1024  # an entry larger than this is not read
FONT_CACHE = "/var/cache/fontconfig"  # the system's font cache (Linux)
_INSTALLATIONS: dict[tuple[str, int, int], str] = {}  # (real path, mtime, size) -> identity
_CODE: str | None = None


def _installation(exe: str) -> str:
    """What names this LibreOffice: its real path, size and time, and its version file's bytes
    (``soffice.version_files``). Worked out once per process."""
    real = os.path.realpath(exe)
    info = os.stat(real)
    memo = (real, info.st_mtime_ns, info.st_size)
    if memo not in _INSTALLATIONS:
        parts = [f"{real}:{info.st_size}:{info.st_mtime_ns}"]
        for name, data in soffice.version_files(real).items():
            parts.append(f"{name}:{hashlib.sha256(data).hexdigest()}")
        with contextlib.suppress(OSError):  # fonts installed or removed: fc-cache rewrites it
            parts.append(str(os.stat(FONT_CACHE).st_mtime_ns))
        _INSTALLATIONS[memo] = "|".join(parts)
    return _INSTALLATIONS[memo]


def _code() -> str:
    """The digest of the code that runs LibreOffice, gives it the DOCX and settles its PDF (times
    and identifier): ``pdf.py`` and ``pdf_input.py`` (read as files: ``pdf`` imports this module),
    ``soffice.py`` (its options and environment), ``pdf_stable``, ``stamp``."""
    global _CODE
    if _CODE is None:
        digest = hashlib.sha256(MAGIC)
        here = Path(__file__)
        for path in (
            here.with_name("pdf.py"),
            here.with_name("pdf_input.py"),
            here.with_name("soffice.py"),
            pdf_stable.__file__,
            stamp.__file__,
        ):
            with contextlib.suppress(OSError, TypeError):
                digest.update(Path(str(path)).read_bytes())
        _CODE = digest.hexdigest()
    return _CODE


def _write(path: Path, data: bytes, root: Path, mode: int = 0o600) -> None:
    """``data`` into ``path`` inside ``root`` (never through a link) by a rename, so no reader
    sees half a file. Not flushed to the disk: an entry lost to a power cut is a miss, and a PDF
    fetched goes into a caller's staging folder."""
    path = confine(path, root)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            os.fchmod(handle.fileno(), mode)
        os.replace(tmp, confine(path, root))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _limit() -> int:
    return usercache.megabytes("DLO_PDF_CACHE_MB", LIMIT_MB)


class Cache:
    """The PDF cache of one recipe (see the module's docstring)."""

    def __init__(self, folder: Path, recipe: str, limit: int) -> None:
        self.folder = folder
        self.recipe = hashlib.sha256(recipe.encode("utf-8")).hexdigest()
        self.limit = limit
        self.added = 0

    def key(self, docx: bytes) -> str:
        return hashlib.sha256(f"{self.recipe}\n".encode() + docx).hexdigest()

    def path(self, docx: bytes) -> Path:
        return self._at(self.key(docx))

    def _at(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pdf"

    def get(self, docx: bytes) -> bytes | None:
        """The PDF made from ``docx``, or None (none kept, the entry damaged, another key's or
        not the user's own)."""
        path = self.path(docx)
        data = usercache.read_entry(path, ENTRY_MAX, self.folder)
        if data is None:
            return None
        head, _, pdf = data.partition(b"\n")
        if head != seal_head(self.key(docx), pdf) or not pdf.startswith(b"%PDF"):
            return None
        with contextlib.suppress(OSError, NotImplementedError):
            os.utime(path, follow_symlinks=False)  # recently used: evicted last
        return pdf

    def put(self, docx: bytes, pdf: bytes) -> None:
        """Keep ``pdf`` as the PDF of ``docx``; a cache that cannot be written is left alone."""
        self.keep(self.key(docx), pdf)

    def keep(self, key: str, pdf: bytes) -> None:
        """``put`` by the DOCX's ``key`` (worked out as it was read, the bytes not held)."""
        if not pdf.startswith(b"%PDF") or len(pdf) + 200 > ENTRY_MAX:
            return
        entry = seal_head(key, pdf) + b"\n" + pdf
        with contextlib.suppress(Exception):
            path = self._at(key)
            usercache.make(path.parent, self.folder.parent)  # private to the user
            _write(path, entry, self.folder)
            self.added += 1

    def fetch(self, files: Iterable[Path], outdir: Path) -> dict[str, Path]:
        """The PDF of each DOCX in ``files`` that the cache holds, written to
        ``outdir/<stem>.pdf``: stem -> that path (none in a ``fresh`` block)."""
        found: dict[str, Path] = {}
        if _FRESH:
            return found
        for source in files:
            with contextlib.suppress(OSError):
                pdf = self.get(source.read_bytes())
                if pdf is not None:
                    target = outdir / f"{source.stem}.pdf"
                    _write(target, pdf, outdir, default_mode())  # as LibreOffice's
                    found[source.stem] = target
        return found

    def trim(self) -> None:
        """Remove the least recently used entries until the folder is within its limit (nothing
        to do when this process added none)."""
        if not self.added:
            return
        entries = [(info.st_mtime_ns, info.st_size, path) for path, info in _entries(self.folder)]
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.limit:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size


_FRESH = False  # set in a ``fresh`` block


@contextlib.contextmanager
def fresh() -> Iterator[None]:
    """A block whose PDFs are all converted anew, none taken from the cache (they are still
    kept in it). What an official signs is: a render into a folder others may write (build/)
    converts in a staging folder there, which a clerk can replace with one of their own and
    swap the PDF LibreOffice made before it is kept, under the key of the genuine DOCX."""
    global _FRESH
    was, _FRESH = _FRESH, True
    try:
        yield
    finally:
        _FRESH = was


def seal_head(key: str, pdf: bytes) -> bytes:
    """The first line of the entry of ``pdf`` under ``key`` (without its newline)."""
    return MAGIC + key.encode("ascii") + b" " + hashlib.sha256(pdf).hexdigest().encode("ascii")


def _entries(folder: Path) -> list[tuple[Path, os.stat_result]]:
    """The entries' files in the folders of ``folder`` (``*/*.pdf``) with their status; no link
    is followed, so nothing outside the cache is ever counted or removed."""
    found = []
    with contextlib.suppress(OSError), os.scandir(folder) as shards:
        for shard in shards:
            if not shard.is_dir(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError), os.scandir(shard.path) as files:
                for entry in files:
                    if entry.name.endswith(".pdf") and entry.is_file(follow_symlinks=False):
                        with contextlib.suppress(OSError):
                            found.append((Path(entry.path), entry.stat(follow_symlinks=False)))
    return found


def open_for(exe: str, export_filter: str, options: Sequence[str] = ()) -> Cache | None:
    """The cache for PDFs made by the LibreOffice ``exe`` started with ``options``, with
    ``export_filter``; None when caches are off (``dlo --no-cache``, ``DLO_NO_CACHE``) or the
    program cannot be read."""
    folder = usercache.folder("pdf")
    if not usercache.enabled() or folder.is_symlink():
        return None
    try:
        recipe = "\n".join([export_filter, *options, _installation(exe), _code()])
    except OSError:
        return None
    return Cache(folder, recipe, _limit())
