"""Writing YAML: the house style of ruamel.yaml's round trip (comments, order and quoting kept),
the fast writer of ``yaml_emit`` for plain data, and the pleasant output of ``dlo import``.
``load`` exports these functions with the reading side."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import inputs, plain_scalars, yaml_emit, yamlc
from .errors import Location, Problem, error
from .fsio import atomic_write
from .i18n import Msg
from .yaml_rt import dumps_roundtrip, roundtrip_yaml

# what no YAML text holds as itself (C0 but tab and line breaks, DEL, C1 but NEL, the two
# non-characters): only a double-quoted escape writes it
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def dumps(data: Any, like: str | None = None) -> str:
    """YAML text of ``data``. With ``like`` (the text the data was read from) the source's own
    indentation is kept, so a round-trip changes only what was changed. Plain data (what the
    journal holds) is written by ``yaml_emit``: the bytes of ``dumps_roundtrip``, faster. Either
    way, where ruamel.yaml's own text would not read back as the data, it is written again without
    folding its lines, the strings holding a \\x85 in double quotes (``_mended``): a file
    rewritten round-trip (``dlo revise``, ``translate``, ``import --onto``) keeps every text."""
    if like is None:
        fast = yaml_emit.dumps_plain(data)
        if fast is not None:
            return fast
    return _checked(data, data, like)


def _checked(node: Any, data: Any, like: str | None = None) -> str:
    """``node`` written round-trip, as ruamel.yaml writes it where that reads back as ``data``
    (what ``node`` holds), else mended (``_mended``) and written without folding its lines."""
    text = dumps_roundtrip(node, like)
    if _reads_back(text, data):
        return text
    return dumps_roundtrip(_mended(node), like, width=UNFOLDED)


# ruamel.yaml misreads some of its own folded lines (a run of spaces where it folds a line is read
# back as one space, a long key is broken), and a \x85 it writes single-quoted (read as a space):
# with lines this long none is folded
UNFOLDED = 1_000_000_000


def _mended(data: Any) -> Any:
    """``data`` with each string (value or key) that holds a \\x85 made double-quoted (written
    as the escape \\N). Round-trip containers (a journal read back whole) are changed in place,
    with their comments; plain ones are copied (the journal's entries are shared)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(data, str):
        return DoubleQuotedScalarString(data) if "\x85" in data else data
    if isinstance(data, CommentedMap):
        for i, (key, value) in enumerate(list(data.items())):
            if _mended(key) is key:
                data[key] = _mended(value)
            else:  # the key in double quotes, in its place
                del data[key]
                data.insert(i, _mended(key), _mended(value))
        return data
    if isinstance(data, dict):
        return {_mended(key): _mended(value) for key, value in data.items()}
    if isinstance(data, list):
        items = [_mended(value) for value in data]
        if isinstance(data, CommentedSeq):
            data[:] = items
            return data
        return items
    return data


def _reads_back(text: str, data: Any) -> bool:
    """Whether ``text`` reads back as ``data``, as the fast reader reads it (else ruamel.yaml)."""
    try:
        read = yamlc.compose(text, plain_scalars.resolve, plain_scalars.is_string)
    except yamlc.Unusual:
        try:
            read = roundtrip_yaml().load(text)
        except Exception:  # whatever it fails with, the text does not read back
            return False
    return bool(read == data)


def write(path: Path, data: Any, like: str | None = None) -> None:
    """Write YAML round-trip (comments and key order kept), atomically; ``like``: see ``dumps``."""
    atomic_write(path, dumps(data, like))


def pretty(data: Any, fold: int = 80) -> Any:
    """Plain data (dicts, lists, scalars) as round-trip nodes that dump pleasantly for hand
    editing: keys in the order given, lists of short scalars in flow style (``[kk, ru]``), texts
    longer than ``fold`` characters as folded block scalars (``>-``)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

    if isinstance(data, dict):
        node = CommentedMap()
        for key, value in data.items():
            node[key] = pretty(value, fold)
        if (
            data
            and set(data) <= {"kk", "ru"}
            and all(isinstance(v, str) and len(v) <= 12 for v in data.values())
        ):
            node.fa.set_flow_style()
        return node
    if isinstance(data, list):
        seq = CommentedSeq(pretty(v, fold) for v in data)
        if (
            data
            and all(isinstance(v, str) and "\n" not in v for v in data)
            and sum(map(len, data)) <= 60
        ):
            seq.fa.set_flow_style()
        return seq
    if isinstance(data, str) and _UNPRINTABLE.search(data):
        return DoubleQuotedScalarString(data)  # only a double-quoted escape writes one
    if isinstance(data, str) and len(data) > fold and "\n" not in data and data == data.strip():
        if "  " not in data:
            return FoldedScalarString(data)
        # runs of spaces cannot be folded; double quotes wrap without trailing spaces
        return DoubleQuotedScalarString(data)
    return data


def dumps_pretty(data: Any, comment: str | None = None, fold: int = 80) -> str:
    """``pretty(data)`` as YAML text, with ``comment`` (lines) on top; checked to read back as
    ``data``, as ``dumps`` is (a text holding \\x85, which a Word document may bring)."""
    node = pretty(data, fold)
    if comment and isinstance(node, CommentedMap):
        node.yaml_set_start_comment(comment)
    return _checked(node, data)


def beyond_reading(text: str, where: Location, code: str, hint: Msg) -> Problem | None:
    """Why ``text``, a project file a command is about to write, is not written: it would be
    more than the ``inputs.MAX_YAML_BYTES`` every command reads of a file (a translation or a
    DOCX imported with long texts wrote a regulation.yaml that every command then refused,
    DLO009). Said at ``where``, what the text was made from; None when it is not so long."""
    size = len(text.encode("utf-8"))
    if size <= inputs.MAX_YAML_BYTES:
        return None
    return error(
        where,
        code,
        Msg(
            "the regulation written from it would be {size} bytes, more than the {limit} dlo "
            "reads of a file; nothing was written",
            size=size,
            limit=inputs.MAX_YAML_BYTES,
        ),
        hint,
    )
