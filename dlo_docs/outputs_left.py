"""What a render leaves in its output folder beside what it wrote: no file under a name it writes
may show another text than the one it rendered.

A render writes only the formats asked for, so an earlier render's file of another format stays
under a name of the same regulation: edition 1's PDF beside edition 2's DOCX, a draft's PDF of
the text before its last edit beside the DOCX of the text now. Each output names the text it
shows (``records.Shown``: the DOCX's keywords, which LibreOffice carries into the PDF, and the
HTML page's ``<meta name="keywords">``), so such a file is told apart and removed.

- ``clear_other_texts(outputs) -> [(id, path)]``: for each regulation and language rendered, the
  files of the other formats under the same name (``<id>.<lang>[.draft].docx|html|pdf``) that
  dlo wrote for that regulation (their keywords name it first) and that name another text than
  the one written now, removed. A file whose keywords cannot be read (a project's own page
  without them, a file not made by dlo) or name something else (a scanned original's, another
  regulation's) is left as it is; so is a link.
- ``clear_names(out, rendered, names) -> [(id, path)]``: the files ``<id>.<lang>.<name>`` that
  dlo wrote for a regulation rendered: its keywords name it (an older dlo's page, without
  keywords, by its generator); a file of the user's own under that name (``--out`` may be any
  folder) is left. Called with the edition in force's names for a regulation rendered as a
  draft for want of one (withdrawn, or never approved), and with a draft's names for one whose
  edition in force was rendered with no draft open (``api.DRAFT_NAMES``).
"""

from __future__ import annotations

import lzma
import re
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from .fsio import read_only

FORMATS = ("docx", "html", "pdf")
READ_AT_MOST = 64 * 1024 * 1024  # a PDF longer than this is not read: left as it is
MAX_MEMBERS = 1000  # a DOCX listing more files is not read (dlo's list a dozen)
_END_SEARCHED = 22 + 0xFFFF  # a ZIP's end record, with the longest comment it may carry
# what reading a damaged file raises (a DOCX whose stream no decompressor takes: zlib, lzma;
# bz2's is an OSError, an unknown compression method a NotImplementedError, a RuntimeError)
_UNREADABLE = (
    OSError,
    KeyError,
    ValueError,
    EOFError,
    RuntimeError,
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
)
_DOCX = re.compile(rb"<cp:keywords>([^<]*)</cp:keywords>")
_HTML = re.compile(rb'<meta name="keywords" content="([^"]*)">')
_PDF = re.compile(rb"<pdf:Keywords>([^<]*)</pdf:Keywords>")
_GENERATOR = b'<meta name="generator" content="dlo_docs">'
Found = list[tuple[str, Path]]  # files removed or kept, each with its regulation's id


class Output(Protocol):
    """An output written (``api.Output``): what this module reads of it."""

    @property
    def id(self) -> str: ...
    @property
    def format(self) -> str: ...
    @property
    def path(self) -> Path: ...


def shown_by(path: Path) -> bytes | None:
    """The keywords the output at ``path`` names (None: none that can be read)."""
    try:
        if path.suffix == ".docx":
            found = _DOCX.search(_core_properties(path))
        elif path.suffix == ".html":
            with path.open("rb") as page:
                found = _HTML.search(page.read(8192))
        else:
            if path.stat().st_size > READ_AT_MOST:
                return None
            found = _PDF.search(path.read_bytes())
    except _UNREADABLE:
        return None
    # LibreOffice writes a PDF's keywords separated by commas, whatever separated them
    return b",".join(re.split(rb"[\s,;]+", found.group(1).strip())) if found else None


def _core_properties(path: Path) -> bytes:
    """A DOCX's ``docProps/core.xml`` (empty: too large, or a package too large to open: zipfile
    reads the whole list of its members, and a file of millions is read in seconds and hundreds
    of MB; the end record, which counts them, is read first)."""
    with path.open("rb") as package:
        end = package.seek(0, 2)
        package.seek(max(0, end - _END_SEARCHED))
        tail = package.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return b""
    members = int.from_bytes(tail[at + 10 : at + 12], "little")
    listing = int.from_bytes(tail[at + 12 : at + 16], "little")
    if members > MAX_MEMBERS or listing > 1024 * 1024:
        return b""  # a ZIP64's counts are 0xFFFF and 0xFFFFFFFF here: too many as well
    with zipfile.ZipFile(path) as package:
        info = package.getinfo("docProps/core.xml")
        return package.read(info) if info.file_size <= 1024 * 1024 else b""


def _names(shown: bytes, reg_id: str) -> bool:
    """Whether keywords ``shown`` (as ``shown_by`` gives them) name ``reg_id`` first, as every
    output dlo writes for it does."""
    return shown.split(b",")[0] == reg_id.encode()


def written_for(path: Path, reg_id: str) -> bool:
    """Whether the regular file at ``path`` is an output dlo wrote for ``reg_id``: its keywords
    name it first (every DOCX and PDF dlo ever wrote does), or, naming none, it is a page dlo
    generated (before pages had keywords)."""
    shown = shown_by(path)
    if shown is not None:
        return _names(shown, reg_id)
    if path.suffix != ".html":
        return False
    try:
        with path.open("rb") as page:
            return _GENERATOR in page.read(8192)
    except OSError:
        return False


def clear_other_texts(outputs: Sequence[Output], kept: Found | None = None) -> Found:
    """Remove the files of the formats not written that show another text (module doc); one
    made read-only is left, listed in ``kept``."""
    written: dict[Path, tuple[str, list[Path]]] = {}
    for output in outputs:
        if output.format in FORMATS:
            stem = output.path.with_suffix("")
            written.setdefault(stem, (output.id, []))[1].append(output.path)
    removed: Found = []
    for stem, (reg_id, paths) in sorted(written.items()):
        others = [
            other
            for fmt in FORMATS
            if (other := stem.with_name(f"{stem.name}.{fmt}")) not in paths
            and other.is_file()
            and not other.is_symlink()
        ]
        mine = shown_by(paths[0]) if others else None
        for other in others if mine is not None else []:
            theirs = shown_by(other)
            # only a file dlo wrote for the regulation: its keywords name it first (a file of
            # the user's own, keywords of its own or another regulation's, stays)
            if theirs is not None and theirs != mine and _names(theirs, reg_id):
                _remove(other, reg_id, removed, kept)
    return removed


def clear_names(
    out: Path,
    rendered: Iterable[tuple[str, str]],
    names: Iterable[str],
    kept: Found | None = None,
) -> Found:
    """Remove from ``out`` the files ``<id>.<lang>.<name>``, for each ``(id, lang)`` of
    ``rendered`` (``names``: ``docx``, ``html``, ``pdf``; a sheet's ``acquaintance.docx``; a
    draft's ``draft.pdf``…) that dlo wrote for the regulation: the edition in force's names of a
    regulation that has none (withdrawn, or a draft an older dlo wrote under that name), so that
    no file left there looks approved beside its draft, or a draft's of one that has no draft
    open, so that none looks in agreement; returns those removed, each with its id. Only a file
    dlo wrote for that regulation is removed (``written_for``): one of the user's own under that
    name stays, as does a folder, and one made read-only (listed in ``kept``); a link is removed,
    not what it points to."""
    removed: Found = []
    names = list(names)
    for reg_id, lang in sorted(set(rendered)):
        for name in names:
            path = out / f"{reg_id}.{lang}.{name}"
            if path.is_symlink() or (path.is_file() and written_for(path, reg_id)):
                _remove(path, reg_id, removed, kept)
    return removed


def _remove(path: Path, reg_id: str, removed: Found, kept: Found | None) -> None:
    """``path`` removed and listed in ``removed``; or, a file its owner made read-only, left
    as it is and listed in ``kept`` (dlo neither writes over nor removes a protected file)."""
    if not path.is_symlink() and read_only(path):
        if kept is not None:
            kept.append((reg_id, path))
        return
    path.unlink(missing_ok=True)
    removed.append((reg_id, path))
