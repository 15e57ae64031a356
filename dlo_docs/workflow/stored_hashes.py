"""The content hashes of regulation files kept in the user's cache folder (``usercache``), so
that checking a frozen edition against the hash its approval recorded costs one SHA-256 of its
bytes and one small read, not a parse and a validation, after the first command that checked it.

An entry's name is a digest of the file's bytes and of everything else the hash is worked out
from: the code of the package's top-level modules (the model, its types, the YAML parser and its
limits, the loader), ``events.py`` (the hash itself) and pydantic's version (its ``version.py``); a change of any of
them is another name. An entry holds the 64 hex digits of the hash and nothing else: anything else
read back is a miss. Entries are read only as ``usercache`` trusts them (the user's own, matching
their digest); with the caches off nothing is kept and every hash is worked out again."""

from __future__ import annotations

import functools
import re
from importlib import util
from pathlib import Path

from .. import usercache

KIND = "content_hash"
_HASH = re.compile(rb"[0-9a-f]{64}")


@functools.cache
def _code() -> str | None:
    """A digest of what decides a text's hash besides its bytes (None: it cannot be read, and
    nothing is kept)."""
    here = Path(__file__).resolve().parent
    spec = util.find_spec("pydantic")  # found, not imported (the model imports it)
    if spec is None or spec.origin is None:
        return None
    try:
        sources = [p.read_bytes() for p in sorted(here.parent.glob("*.py"))]
        pydantic = Path(spec.origin).with_name("version.py").read_bytes()
        return usercache.digest(*sources, (here / "events.py").read_bytes(), pydantic)
    except OSError:
        return None


def _name(raw: bytes) -> str | None:
    code = _code()
    return usercache.digest(KIND, code, raw) if code is not None else None


def find(raw: bytes) -> str | None:
    """The content hash kept for a file of exactly ``raw`` bytes, or None (a miss)."""
    name = _name(raw)
    kept = usercache.load(KIND, name) if name is not None else None
    return kept.decode("ascii") if kept is not None and _HASH.fullmatch(kept) else None


def keep(raw: bytes, content_hash: str) -> None:
    """Keep ``content_hash`` as the hash of a file of ``raw`` bytes (quietly nothing when the
    caches are off or cannot be written)."""
    name = _name(raw)
    if name is not None and _HASH.fullmatch(content_hash.encode("ascii")):
        usercache.store(KIND, name, content_hash.encode("ascii"))
