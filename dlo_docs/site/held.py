"""What the site's build holds of a group of regulations until the group's PDFs are made (each
regulation's pages, linking its new PDFs, and its cache file): compressed into a
private file, not memory, and read back when the group is finished.

A group is 320 regulations at two LibreOffice runs of 160; what it holds is ~8 MB compressed,
and two groups are held at once (one converted while the next is rendered): kept in memory, they
were the difference between the build's memory and the goal (the file is in the page cache, not
the process). The file is unnamed (``tempfile.TemporaryFile``: removed however the build ends;
on Windows named ``held-*.tmp`` and removed when closed, or by the next build after a power cut)
and in the site's private folder.

- ``Held(folder)``; ``put(text) -> Ref``; ``get(ref) -> bytes``; ``close()``.
- ``Ready``: a regulation rendered, waiting for its PDFs; ``Group``: the regulations of a group.
"""

from __future__ import annotations

import contextlib
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .outputs import Conversion, Found, Job


class Ref(NamedTuple):
    """Where one held text is in the file: its offset and compressed length."""

    at: int
    size: int


class Held:
    """Texts held for a group, in one private file."""

    def __init__(self, folder: Path) -> None:
        self._file = tempfile.TemporaryFile(prefix="held-", suffix=".tmp", dir=folder)
        self._folder, self._end = folder, 0

    def put(self, text: str) -> Ref:
        """``text`` kept (compressed: a sixth of its size); its reference."""
        data = zlib.compress(text.encode("utf-8"), 1)
        try:
            self._file.seek(self._end)  # (which writes what the buffer held)
            self._file.write(data)
        except OSError as exc:  # (a full disk: the file has no name; its folder is said)
            exc.filename = exc.filename or str(self._folder)
            raise
        ref = Ref(self._end, len(data))
        self._end += len(data)
        return ref

    def get(self, ref: Ref) -> bytes:
        """The UTF-8 bytes of the text kept at ``ref``."""
        self._file.seek(ref.at)
        data = self._file.read(ref.size)
        if len(data) != ref.size:  # the file is this process's own: only a bug gets here
            raise OSError(f"held text at {ref.at} is short ({len(data)} of {ref.size} bytes)")
        return zlib.decompress(data)

    def close(self) -> None:
        """Closed, its texts discarded: bytes it could not write (a full disk) do not matter,
        and do not hide the error that stopped the build."""
        with contextlib.suppress(OSError):
            self._file.close()


@dataclass
class Ready:
    """A regulation rendered, waiting for its PDFs (``jobs``): its outputs so far, its downloads
    found or written (id -> lang -> format -> rel), the token standing for each PDF's size in
    ``pages`` (rel -> HTML held, linking every PDF), its comparisons and edition (number, content
    hash: to render its pages again should a PDF not be made), its cache file (held), and
    whether all of it was made."""

    id: str
    key: str
    outputs: list[str]
    found: Found
    jobs: dict[str, Job]
    tokens: dict[str, str]
    pages: dict[str, Ref]
    comparisons: dict[str, list[dict]]
    edition: tuple[int, str]
    cache: Ref
    complete: bool


@dataclass
class Group:
    """A group of regulations rendered, between the start of their PDFs and their finish
    (PDFs written, pages, cache and manifest entries)."""

    ready: list[Ready]
    held: Held  # what ``ready`` refers to
    conversion: Conversion = field(default_factory=lambda: Conversion({}))
