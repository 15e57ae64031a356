"""Validated snapshots: what a file of exactly these bytes read as, kept in the user's cache
folder (``usercache``) so that a later command reads it back with ``json`` instead of parsing
the YAML and validating it with pydantic (rendering one document does not import either).

Four kinds of entry, each named by a digest of its kind, of the code that made it (the
package's top-level modules and the journal's ``workflow/events.py``, ``chain.py`` and
``journal.py``: the model, the parser, the loader, the cross-check, the content hash, the shape
of an event; the versions of pydantic, PyYAML and ruamel.yaml, and of Python) and of everything its
verdict depended on:

- ``registry``: the validated registry (``lite.tagged``), kept only when it validated and its own
  cross-check (``refs.registry_problems``) found nothing; named by its bytes;
- ``regulation``: a validated regulation and its content hash; named by its bytes;
- ``checked``: the same, kept only when the regulation, checked against the registry in its
  folder (``refs.regulation_problems``), has no problem; named by its bytes, the registry's text
  and the folder's name (a regulation is rendered from this one, an earlier edition's text for
  the change sheet from ``regulation``);
- ``plain``: plain JSON data made from a file's bytes by a named reading (the journal's entries,
  a label set), kept only when the reading found nothing wrong.

An edited file has other bytes, so another name: an entry can only ever stand for the bytes that
name it. Entries are read as ``usercache`` trusts them (the user's own, matching their SHA-256);
anything that does not read back as what is written here is a miss, and a miss is worked out
from the file as before. Nothing is read or kept with the caches off (``--no-cache``).

The folder is bounded (``trim``): ``DLO_SNAPSHOT_CACHE_MB`` (default 256 MB), the least recently
used entries removed first (an entry read back is marked used).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from importlib import util
from pathlib import Path
from typing import Any

from . import lite, usercache, yaml_limits

KINDS = ("registry", "regulation", "checked", "plain")
_FOLDER = "snapshot"
LIMIT_MB = 256
_added = [0]  # entries this process kept (``trim`` does nothing without)
_JOURNAL = ("events", "chain", "journal")  # how a journal's entries are read and checked


def _libraries() -> list[Path]:
    """The files that hold the versions of pydantic, PyYAML and ruamel.yaml (found, not
    imported): an upgrade of any of them is other code."""
    found = []
    for name, file in [("pydantic", "version.py"), ("yaml", "__init__.py"), ("ruamel", "")]:
        spec = util.find_spec(name)
        folders = list(spec.submodule_search_locations or []) if spec is not None else []
        if not folders:
            raise OSError(f"{name} is not installed")
        found.append(Path(folders[0]) / (file or "yaml/__init__.py"))
    return found


@functools.cache
def _code() -> str | None:
    """A digest of the code a snapshot's verdict comes from (None: unreadable, nothing kept)."""
    here = Path(__file__).resolve().parent
    try:
        sources = [p.read_bytes() for p in sorted(here.glob("*.py"))]
        journal = [(here / "workflow" / f"{m}.py").read_bytes() for m in _JOURNAL]
        libraries = [p.read_bytes() for p in _libraries()]
        # the interpreter too: its YAML/JSON/str behaviour is part of what a file reads as
        return usercache.digest(sys.version, *sources, *journal, *libraries)
    except (OSError, ImportError, ValueError):
        return None


def _name(kind: str, *parts: bytes | str) -> str | None:
    if not usercache.enabled():
        return None
    code = _code()
    return usercache.digest(kind, code, *parts) if code is not None else None


def _load(kind: str, *parts: bytes | str) -> Any:
    name = _name(kind, *parts)
    kept = usercache.load(_FOLDER, name) if name is not None else None
    if kept is None:
        return None
    with contextlib.suppress(OSError, NotImplementedError):
        os.utime(usercache.folder(_FOLDER) / str(name), follow_symlinks=False)  # used: kept last
    try:
        return json.loads(kept)
    except (ValueError, RecursionError):  # as any entry that does not read back
        return None


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _keep(kind: str, data: Any, *parts: bytes | str, text: str | None = None) -> None:
    name = _name(kind, *parts)
    if name is not None:
        text = _dumps(data) if text is None else text
        usercache.store(_FOLDER, name, text.encode("utf-8"))
        _added[0] += 1


def _limit() -> int:
    return usercache.megabytes("DLO_SNAPSHOT_CACHE_MB", LIMIT_MB)


def trim() -> None:
    """Remove the least recently used entries until the folder is within its limit (nothing to
    do when this process kept none). Only regular files directly in the folder are counted or
    removed; no link is followed."""
    if not _added[0] or not usercache.enabled():
        return
    _added[0] = 0
    folder = usercache.folder(_FOLDER)
    entries = []
    with contextlib.suppress(OSError), os.scandir(folder) as found:
        for entry in found:
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False):
                    info = entry.stat(follow_symlinks=False)
                    entries.append((info.st_mtime_ns, info.st_size, entry.path))
    total, limit = sum(size for _, size, _ in entries), _limit()
    for _, size, path in sorted(entries):
        if total <= limit:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            total -= size


def _model(kind: str, cls: str, *parts: bytes | str) -> Any:
    found = _load(kind, *parts)
    if not isinstance(found, dict) or found.get(lite.CLASS) != cls:
        return None
    try:
        built = lite.build(found)
    except (lite.Unknown, ValueError, TypeError, RecursionError):
        return None
    return built if cls != "Regulation" or lite.kept_hash(built) is not None else None


def _keep_model(kind: str, model: Any, content_hash: str | None, *parts: bytes | str) -> None:
    try:
        form = lite.tagged(model)
    except lite.Unknown:
        return
    _keep(kind, form if content_hash is None else form | {lite.HASH: content_hash}, *parts)


def registry(raw: bytes) -> Any:
    """The registry of ``raw`` bytes as kept (a ``lite.Registry``), or None (a miss)."""
    return _model("registry", "Registry", raw)


def keep_registry(raw: bytes, model: Any) -> None:
    """Keep ``model`` as what a registry of ``raw`` bytes validated as, its cross-check clean."""
    _keep_model("registry", model, None, raw)


def regulation(raw: bytes) -> Any:
    """The regulation of ``raw`` bytes as kept (a ``lite.Regulation`` with its content hash),
    or None (a miss)."""
    return _model("regulation", "Regulation", raw)


def keep_regulation(raw: bytes, model: Any, content_hash: str) -> None:
    """Keep ``model`` as what a regulation of ``raw`` bytes validated as, with its content hash."""
    _keep_model("regulation", model, content_hash, raw)


def checked(raw: bytes, registry_text: str, folder: str | None) -> Any:
    """The regulation of ``raw`` bytes, in a folder named ``folder``, as kept when it validated
    and was checked against a registry of ``registry_text`` without a problem (a
    ``lite.Regulation`` with its content hash), or None (a miss)."""
    return _model("checked", "Regulation", raw, registry_text, folder or "")


def keep_checked(
    raw: bytes, registry_text: str, folder: str | None, model: Any, content_hash: str
) -> None:
    """Keep ``model`` as what a regulation of ``raw`` bytes in ``folder`` validated as, checked
    against the registry of ``registry_text`` without a problem."""
    _keep_model("checked", model, content_hash, raw, registry_text, folder or "")


def plain(reading: str, raw: bytes) -> Any:
    """The plain data ``reading`` made of ``raw`` bytes, as kept (None: a miss). Data nested
    deeper than a parsed file may be (``yaml_limits.MAX_DEPTH``) is a miss: no reading made it,
    and it would exhaust the recursion of what reads it."""
    found = _load("plain", reading, raw)
    data = found.get("data") if isinstance(found, dict) else None
    return data if _depth(data) <= yaml_limits.MAX_DEPTH else None


def _depth(value: Any) -> int:
    """How deep lists and mappings nest in ``value`` (0: neither), without recursion."""
    deepest, todo = 0, [(value, 0)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, dict | list):
            depth += 1
            deepest = max(deepest, depth)
            todo += [(v, depth) for v in (item.values() if isinstance(item, dict) else item)]
    return deepest


def keep_plain(reading: str, raw: bytes, data: Any) -> None:
    """Keep ``data`` (JSON: mappings with text keys, lists, text, numbers, booleans, null) as
    what ``reading`` made of ``raw`` bytes; quietly nothing when it is not JSON."""
    try:
        text = _dumps({"data": data})
        if json.loads(text)["data"] != data:
            return
    except (TypeError, ValueError):
        return
    _keep("plain", None, reading, raw, text=text)
