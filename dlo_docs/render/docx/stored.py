"""The styled base package kept in the user's cache folder (``usercache``, sub-folder
``docx_base``), so that a render whose base was made before neither imports python-docx nor
prepares the styles again.

The entry's name is a digest of everything the base is made from: the reference document's
bytes, this package's code that makes the base, and the versions of python-docx and lxml. The
entry is JSON (its parts in base64, the style ids, the usable width), read back as data and
checked part by part: a value of the wrong type, a part name that is not a plain name inside the
package, a style id that is not plain text, a width that is not a page's, anything that is not
what ``store`` writes, makes it a miss, and the base is made again.

The built-in base (no reference document) is also shipped with the package, as such an entry
(``builtin_base.json``, made by ``tools/builtin_base.py``; a test checks it is what ``prepare``
makes): a render whose cache is empty takes it instead of importing python-docx (~50 ms, ~7 MB)
and preparing the styles (~35 ms). It is used only when made by this code (its ``key`` is a
digest of the code of ``_CODE``) and when its bytes are exactly those the tool wrote (their
SHA-256 is ``builtin_digest.SHA256``, written with it): a name anyone can compute from the code
is no proof of the content, and a damaged or altered file would otherwise be used, and kept in
the user's cache. It is the same bytes whatever python-docx is installed."""

from __future__ import annotations

import base64
import binascii
import hashlib
import importlib.util
import json
import math
import re
from pathlib import Path

from ... import inputs, usercache
from . import builtin_digest
from .names import STYLE

KIND = "docx_base"
FORMAT = 1
# the modules whose code makes the base: a change to any of them is a new entry
_CODE = (
    "colours.py",
    "glyphs.py",
    "indents.py",
    "layers.py",
    "legible.py",
    "names.py",
    "package.py",
    "prepare.py",
    "reference.py",
    "styles.py",
    "stored.py",
    "table_style.py",
    "typefaces.py",
)
_PART = re.compile(r"[\w\-\[\].]+(?:/[\w\-\[\].]+)*", re.ASCII)
# a style id as an attribute value takes it: no markup, no quote, no control character
STYLE_ID = re.compile(r"[^\x00-\x1f<>&\"']{1,253}")
_REQUIRED = ("[Content_Types].xml", "word/document.xml", "word/styles.xml")

Entries = tuple[tuple[str, bytes], ...]


def _library(name: str) -> bytes:
    """What says which version of the library ``name`` is installed (its ``__init__``), read
    without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return b""
    return Path(spec.origin).read_bytes()


def key(source: bytes | None) -> str | None:
    """The entry's name for the reference document ``source`` (None: the built-in styles), or
    None when the code cannot be read to name it (the base is then made every time)."""
    here = Path(__file__).parent
    try:
        code = [(here / name).read_bytes() for name in _CODE]
        libraries = [_library("docx"), _library("lxml")]
    except (OSError, ImportError, ValueError):
        return None
    return usercache.digest(
        str(FORMAT), *code, *libraries, b"-" if source is None else b"+", source or b""
    )


def dumps(name: str, entries: Entries, ids: dict[str, str], usable_mm: float) -> bytes:
    """The JSON of an entry named ``name``: what ``load`` and ``builtin`` read back."""
    data = {
        "format": FORMAT,
        "key": name,
        "ids": ids,
        "usable_mm": usable_mm,
        "parts": [[part, base64.b64encode(content).decode("ascii")] for part, content in entries],
    }
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def store(name: str | None, entries: Entries, ids: dict[str, str], usable_mm: float) -> None:
    if name is None:
        return
    usercache.store(KIND, name, dumps(name, entries, ids, usable_mm))


def load(name: str | None) -> tuple[Entries, dict[str, str], float] | None:
    """The base stored under ``name`` as (parts, style ids, usable width), or None."""
    if name is None:
        return None
    data = usercache.load(KIND, name)
    return None if data is None else _read(data, name)


BUILTIN = Path(__file__).with_name("builtin_base.json")
_BUILTIN_LIMIT = 1024 * 1024  # the file is ~80 KB: a larger one is not read


def builtin_key() -> str | None:
    """The name the shipped built-in base must bear to be used: a digest of the code that makes
    it (None when that code cannot be read)."""
    here = Path(__file__).parent
    try:
        code = [(here / name).read_bytes() for name in _CODE]
    except OSError:
        return None
    return usercache.digest(str(FORMAT), "built-in", *code)


def builtin() -> tuple[Entries, dict[str, str], float] | None:
    """The built-in base shipped with the package, or None when it is missing, damaged, not the
    bytes the tool wrote, or was made by other code than this. Read as ``inputs`` reads: a
    regular file of bounded size only (never waiting on a FIFO, never reading a device)."""
    name = builtin_key()
    if name is None:
        return None
    try:
        data = inputs.read_bytes(BUILTIN, limit=_BUILTIN_LIMIT)
    except (OSError, inputs.InputRefused):
        return None
    if hashlib.sha256(data).hexdigest() != builtin_digest.SHA256:
        return None
    return _read(data, name)


def _read(data: bytes, name: str) -> tuple[Entries, dict[str, str], float] | None:
    try:
        entry = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != name:
        return None
    ids, usable, parts = (
        _ids(entry.get("ids")),
        _width(entry.get("usable_mm")),
        _parts(entry.get("parts")),
    )
    if ids is None or usable is None or parts is None:
        return None
    return parts, ids, usable


def _ids(value: object) -> dict[str, str] | None:
    if not isinstance(value, dict) or set(value) != set(STYLE):
        return None
    if not all(isinstance(v, str) and STYLE_ID.fullmatch(v) for v in value.values()):
        return None
    return {k: value[k] for k in STYLE}


def _width(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) and 10 <= value <= 2000 else None


def _parts(value: object) -> Entries | None:
    if not isinstance(value, list):
        return None
    parts: list[tuple[str, bytes]] = []
    for item in value:
        if not (
            isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)
        ):
            return None
        name, text = item
        if len(name) > 255 or not _PART.fullmatch(name) or {".", ".."} & set(name.split("/")):
            return None
        try:
            parts.append((name, base64.b64decode(text, validate=True)))
        except (binascii.Error, ValueError):
            return None
    names = [name for name, _ in parts]
    if len(set(names)) != len(names) or not all(r in names for r in _REQUIRED):
        return None
    return tuple(parts)
