"""Reading and writing YAML. The only module that imports ruamel.yaml.

Loading is safe: the round-trip loader never constructs Python objects, and any explicit tag
(``!!python/object``, ``!foo`` ...) is reported as an error. Every syntax and schema error becomes
a ``Problem`` with the file, line and column it comes from.
"""

from __future__ import annotations

import contextlib
import functools
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase, CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.parser import RoundTripParser
from ruamel.yaml.util import load_yaml_guess_indent

from . import inputs, schema_errors, yaml_emit, yamlc
from .errors import Location, Problem, error
from .fsio import atomic_write
from .i18n import Msg
from .yaml_limits import Guard, LimitExceeded

M = TypeVar("M", bound=BaseModel)
Loc = Sequence[str | int]

_STANDARD_TAGS = {
    None,
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:omap",
}


class _GuardedParser(RoundTripParser):
    """The round-trip parser with the limits of ``yaml_limits`` checked on every event, before
    the composer builds anything from it."""

    def __init__(self, loader: Any) -> None:
        super().__init__(loader)
        self._guard = Guard()

    def get_event(self) -> Any:
        event = super().get_event()
        self._guard.see(event)
        return event


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Parser = _GuardedParser
    # data read at C speed is written like plain mappings and sequences (no comments to keep)
    yaml.representer.add_representer(yamlc.MarkedMap, type(yaml.representer).represent_dict)
    yaml.representer.add_representer(yamlc.MarkedSeq, type(yaml.representer).represent_list)
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    # the same object twice in the data is written out twice, never as an anchor and an alias
    # (which the loader refuses)
    yaml.representer.ignore_aliases = lambda data: True
    return yaml


_RT = _yaml()  # its resolver and constructor give plain scalars their round-trip values
_STR = "tag:yaml.org,2002:str"


def _resolve(value: str) -> Any:
    """A plain scalar as the round-trip loader reads it (int, float, bool, None, date...)."""
    tag = _RT.resolver.resolve(ScalarNode, value, (True, False))
    tag = getattr(tag, "value", tag)  # a Tag object in ruamel.yaml >= 0.18
    if tag == _STR:
        return value
    node = ScalarNode(tag, value)
    return _RT.constructor.yaml_constructors[tag](_RT.constructor, node)


_RESOLVED = functools.lru_cache(maxsize=4096)(_resolve)  # dates, numbers repeat (immutable)
# the words that start with a letter and are not strings (YAML 1.2: true, null ... and their
# capitalised forms), found by asking the resolver about every candidate
_WORDS = frozenset(
    w
    for base in ("true", "false", "null", "yes", "no", "on", "off", "y", "n", "inf", "nan")
    for w in (base, base.capitalize(), base.upper())
    if _resolve(w) is not w
)
_STARTS = yamlc.plain_string_test("".join(_RT.resolver.versioned_resolver))


def _is_string(value: str) -> bool:
    """A plain scalar that is a string whatever the resolver would say: it starts with a
    letter and is none of ``_WORDS``, or it starts with a character no implicit type starts
    with. (In YAML 1.2 only true/false/null and their capitalised forms start with a letter.)"""
    if value[:1].isalpha():
        return value not in _WORDS
    return _STARTS(value)


def _position(node: Any, part: Any, key: bool) -> tuple[int, int] | None:
    """The 0-based position of the value (or key) ``part`` of ``node``, if it has one."""
    if isinstance(node, yamlc.MarkedMap):
        if part in node:
            return node.keys_at[part] if key else node.values_at[part]
    elif isinstance(node, yamlc.MarkedSeq):
        if isinstance(part, int) and 0 <= part < len(node):
            return node.items_at[part]
    elif isinstance(node, CommentedMap):
        if part in node:
            return tuple(node.lc.key(part) if key else node.lc.value(part))
    elif isinstance(node, CommentedSeq):
        if isinstance(part, int) and 0 <= part < len(node):
            return tuple(node.lc.item(part))
    return None


_SPACE = " \t\r\n"
_ESCAPE_LENGTH = {"x": 4, "u": 6, "U": 10}  # \xXX, \uXXXX, \UXXXXXXXX; others: 2


def _value_at(data: Any, loc: Loc) -> str | None:
    """The string at ``loc`` in parsed data, or None."""
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node if isinstance(node, str) else None


@dataclass
class Source:
    """A parsed YAML file: the display path, the raw text and the data (mappings, sequences
    and scalars that know their positions). The data may be shared (a project parses each file
    once): to change and write a file back, change ``roundtrip()`` instead."""

    path: str
    text: str
    data: Any

    @functools.cached_property
    def _line_starts(self) -> list[int]:
        """Where each line of the text starts (lines as ``str.splitlines`` counts them)."""
        starts, at = [], 0
        for line in self.text.splitlines(keepends=True):
            starts.append(at)
            at += len(line)
        return starts

    def roundtrip(self) -> Any:
        """A fresh round-trip parse of the text: data to change and ``write`` back with its
        comments, order and quoting kept."""
        return _yaml().load(self.text)

    # -- positions ---------------------------------------------------------------------
    def at(self, loc: Loc, *, key: bool = False) -> Location:
        """The position of the value (or, with ``key``, of the key) at ``loc``; falls back to
        the nearest enclosing node that exists."""
        node: Any = self.data
        line, col = 0, 0
        if isinstance(node, (yamlc.MarkedMap, yamlc.MarkedSeq)):
            line, col = node.line, node.col
        elif isinstance(node, CommentedBase):
            line, col = node.lc.line, node.lc.col
        for i, part in enumerate(loc):
            pos = _position(node, part, key and i == len(loc) - 1)
            if pos is None:
                break
            line, col = pos
            node = node[part]
        return Location(self.path, line + 1, col + 1)

    def text_at(self, loc: Loc, offset: int) -> Location:
        """The position of character ``offset`` of the string scalar at ``loc``.

        Walks the value and its source together, so it is exact for every scalar style: plain or
        quoted over several lines (folded line breaks, trailing spaces, ``''`` and backslash
        escapes, escaped line breaks), folded and literal blocks. An offset inside a run of white
        space that spans lines gives the start of the run. Falls back to the scalar's start
        when the source does not spell the value as expected."""
        start = self.at(loc)
        value = _value_at(self.data, loc)
        text = self.text
        starts = self._line_starts
        if not start.line or start.line > len(starts) or value is None:
            return start
        j = starts[start.line - 1] + start.col - 1
        quote = text[j] if text[j : j + 1] in ("'", '"') else ""
        if quote:
            j += 1
        elif text[j : j + 1] in ("|", ">"):  # block scalar: the content starts on the next line
            j = text.find("\n", j) + 1 or len(text)
            while j < len(text) and text[j] in _SPACE:
                j += 1

        def escaped_break(k: int) -> int:
            """In a double-quoted scalar, the end of an escaped line break at ``k`` (else ``k``)."""
            if quote == '"' and text[k : k + 2] in ("\\\n", "\\\r"):
                k = text.find("\n", k) + 1
                while k < len(text) and text[k] in " \t":
                    k += 1
            return k

        offset = min(offset, len(value))
        i = 0
        while i < offset and j < len(text):
            ch = value[i]
            if quote == '"' and text[j] == "\\":
                after = escaped_break(j)
                if after != j:  # an escaped line break: no character of the value
                    j = after
                else:
                    i, j = i + 1, j + _ESCAPE_LENGTH.get(text[j + 1 : j + 2], 2)
            elif ch in _SPACE:  # a run of white space in the value matches one in the source
                vi = i
                while vi < len(value) and value[vi] in _SPACE:
                    vi += 1
                sj = j
                while sj < len(text) and (text[sj] in _SPACE or escaped_break(sj) != sj):
                    sj = escaped_break(sj) if escaped_break(sj) != sj else sj + 1
                if offset < vi:  # the target is inside the run: exact when it is on one line
                    k = offset - i
                    if text[j : j + k] == value[i:offset] and "\n" not in value[i:offset]:
                        j += k
                    break
                i, j = vi, sj
            elif text[j] == ch:
                i, j = i + 1, j + (2 if quote == "'" and ch == "'" else 1)
            else:
                return start
        j = escaped_break(j)
        return Location(self.path, text.count("\n", 0, j) + 1, j - (text.rfind("\n", 0, j) + 1) + 1)


def _decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [
            error(
                Location(path, line, col),
                "DLO002",
                Msg("the file is not UTF-8 (byte 0x{byte:02x})", byte=raw[exc.start]),
                Msg("save the file as UTF-8"),
            )
        ]
    if not text.strip():
        return None, [
            error(
                Location(path, 1, 1),
                "DLO003",
                Msg("the file is empty"),
                Msg("fill it in or delete it"),
            )
        ]
    return text, []


def _tag_problems(node: Any, source_path: str) -> Iterable[Problem]:
    stack = [node]
    while stack:
        node = stack.pop()
        tag = getattr(node, "tag", None)
        tag_value = getattr(tag, "value", tag) if tag is not None else None
        if (
            isinstance(node, CommentedBase)
            and not isinstance(node, TaggedScalar)
            and tag_value not in _STANDARD_TAGS
        ):
            line, col = node.lc.line or 0, node.lc.col or 0
            yield error(
                Location(source_path, line + 1, col + 1),
                "DLO004",
                Msg("explicit YAML tag {tag} is not allowed", tag=str(tag_value)),
                Msg("remove the tag: regulation files hold plain data only"),
            )
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _locate_tagged_scalars(source: Source) -> list[Problem]:
    """Tagged scalars carry no position of their own: find them through their parent."""
    problems: list[Problem] = []

    def walk(node: Any, loc: list[str | int]) -> None:
        items = (
            node.items()
            if isinstance(node, dict)
            else enumerate(node)
            if isinstance(node, list)
            else ()
        )
        for k, v in items:
            if isinstance(v, (TaggedScalar, bytes)):
                tag = v.tag.value if isinstance(v, TaggedScalar) else "!!binary"
                problems.append(
                    error(
                        source.at([*loc, k]),
                        "DLO004",
                        Msg("explicit YAML tag {tag} is not allowed", tag=tag),
                        Msg("remove the tag: regulation files hold plain data only"),
                    )
                )
            else:
                walk(v, [*loc, k])

    walk(source.data, [])
    return problems


def parse(raw: bytes, path: str) -> tuple[Source | None, list[Problem]]:
    """Decode and parse one YAML document; never raises on bad input."""
    text, problems = _decode(raw, path)
    if text is None:
        return None, problems
    try:  # plain data at C speed, within the limits; anything unusual: the round-trip parser
        data = yamlc.compose(text, _RESOLVED, _is_string, Guard().see)
    except yamlc.Unusual:
        pass
    except LimitExceeded as exc:
        return None, [
            error(Location(path, exc.line + 1, exc.col + 1), exc.code, exc.message, exc.hint)
        ]
    else:
        if data is None:
            return None, [
                error(
                    Location(path, 1, 1),
                    "DLO003",
                    Msg("the file holds no data"),
                    Msg("fill it in or delete it"),
                )
            ]
        return Source(path, text, data), []
    try:
        data = _yaml().load(text)
    except LimitExceeded as exc:
        return None, [
            error(Location(path, exc.line + 1, exc.col + 1), exc.code, exc.message, exc.hint)
        ]
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        # the parser's own words (English) inside ours
        message = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        hint = (
            Msg("indent with spaces, not tabs")
            if "\t" in (exc.problem or "") or "'\\t'" in message
            else Msg("check the indentation and quoting on this line")
        )
        if "duplicate key" in message:
            hint = Msg("each key may appear once in a mapping")
        return None, [
            error(
                Location(path, line, col),
                "DLO001",
                Msg("YAML syntax: {message}", message=message),
                hint,
            )
        ]
    except YAMLError as exc:
        return None, [
            error(Location(path, 1, 1), "DLO001", Msg("YAML syntax: {message}", message=str(exc)))
        ]
    except (ValueError, OverflowError, RecursionError) as exc:  # a value no check above foresaw
        return None, [
            error(
                Location(path, 1, 1), "DLO001", Msg("the file cannot be read: {error}", error=exc)
            )
        ]
    source = Source(path, text, data)
    if data is None:
        return None, [
            error(
                Location(path, 1, 1),
                "DLO003",
                Msg("the file holds no data"),
                Msg("fill it in or delete it"),
            )
        ]
    tags = [p for p in _tag_problems(data, path) if p.location.line] + _locate_tagged_scalars(
        source
    )
    if tags:
        return None, sorted(set(tags))
    return source, []


def read_raw(
    path: Path, display: str, *, root: Path | None = None
) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a project file, or why they cannot be read. Only a regular file is read, of
    at most ``inputs.MAX_YAML_BYTES``; a symlink only when it resolves inside ``root`` (default:
    the project the path's ``regulations/`` folder belongs to)."""
    return _refusals(path, display, root, inputs.read_bytes)


def check_raw(path: Path, display: str, *, root: Path | None = None) -> list[Problem]:
    """Why ``read_raw`` would refuse the file (none: it would read it), without reading it."""
    return _refusals(path, display, root, inputs.check)[1]


def _refusals(
    path: Path, display: str, root: Path | None, how: Callable[..., bytes | None]
) -> tuple[bytes | None, list[Problem]]:
    if root is None:
        root = inputs.project_root_of(path)
    try:
        return how(path, limit=inputs.MAX_YAML_BYTES, root=root), []
    except FileNotFoundError:
        return None, [error(Location(display), "DLO005", Msg("the file does not exist"))]
    except inputs.InputRefused as exc:
        return None, [error(Location(display, 1, 1), "DLO009", exc.reason, exc.hint)]
    except OSError as exc:
        return None, [
            error(
                Location(display),
                "DLO005",
                Msg("cannot read the file: {reason}", reason=exc.strerror),
            )
        ]


def read(
    path: Path, display: str, *, root: Path | None = None
) -> tuple[Source | None, list[Problem]]:
    """Read (``read_raw``) and parse a project file."""
    raw, problems = read_raw(path, display, root=root)
    if raw is None:
        return None, problems
    return parse(raw, display)


def _key_problem(source: Source, err: Mapping[str, Any]) -> Problem | None:
    """A missing or an unknown key, pointed at its mapping or at the key."""
    loc = list(err["loc"])
    field = repr(loc[-1] if loc else "")
    if err["type"] == "missing":
        return error(
            source.at(loc[:-1]),
            "DLO012",
            Msg("missing required field {field}", field=field),
            Msg("add the field"),
        )
    if err["type"] == "extra_forbidden":
        return error(
            source.at(loc, key=True),
            "DLO011",
            Msg("unknown key {field}", field=field),
            Msg("remove it or check its spelling"),
        )
    return None


def validate(model: type[M], source: Source) -> tuple[M | None, list[Problem]]:
    """Validate parsed data against a model; schema errors point at their line and column."""
    try:
        return model.model_validate(source.data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = _key_problem(source, err)
            if key is not None:
                problems.append(key)
                continue
            loc = list(err["loc"])
            code = (
                "DLO010"
                if "type" in err["type"] or err["type"] in ("dict_type", "list_type")
                else "DLO013"
            )
            where = ".".join(str(p) for p in loc)
            what = schema_errors.message(err)
            problems.append(
                error(source.at(loc), code, Msg("{where}: {what}", where=where, what=what))
            )
        return None, sorted(set(problems))


# -- writing ---------------------------------------------------------------------------


def reads_as_string(value: str) -> bool:
    """Whether ``value`` written as a plain scalar reads back as this string."""
    if _is_string(value):
        return True
    tag = _RT.resolver.resolve(ScalarNode, value, (True, False))
    return bool(getattr(tag, "value", tag) == _STR)


def dumps(data: Any, like: str | None = None) -> str:
    """YAML text of ``data``. With ``like`` (the text the data was read from) the source's own
    indentation is kept, so a round-trip changes only what was changed. Plain data (what the
    journal holds) is written by ``yaml_emit``: the bytes of ``dumps_roundtrip``, faster."""
    if like is None:
        with contextlib.suppress(yaml_emit.Unsupported):
            return yaml_emit.dumps(data, reads_as_string)
    return dumps_roundtrip(data, like)


def dumps_roundtrip(data: Any, like: str | None = None) -> str:
    """``dumps`` through ruamel.yaml's own emitter, whatever the data."""
    yaml = _yaml()
    if like is not None:
        with contextlib.suppress(Exception):  # no guess: keep the house style
            _, indent, block_seq_indent = load_yaml_guess_indent(like)
            if indent:
                offset = block_seq_indent or 0
                yaml.indent(mapping=indent, sequence=indent + offset, offset=offset)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def write(path: Path, data: Any, like: str | None = None) -> None:
    """Write YAML round-trip (comments and key order kept), atomically; ``like``: see ``dumps``."""
    atomic_write(path, dumps(data, like))


def plain(data: Any) -> Any:
    """Round-trip data as plain dicts, lists and scalars (for hashing and comparing)."""
    if isinstance(data, dict):
        return {str(k): plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    return data


# -- pleasant output (used by ``dlo import``) --------------------------------------------------


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
    if isinstance(data, str) and len(data) > fold and "\n" not in data and data == data.strip():
        if "  " not in data:
            return FoldedScalarString(data)
        # runs of spaces cannot be folded; double quotes wrap without trailing spaces
        return DoubleQuotedScalarString(data)
    return data


def dumps_pretty(data: Any, comment: str | None = None, fold: int = 80) -> str:
    """``pretty(data)`` as YAML text, with ``comment`` (lines) on top."""
    node = pretty(data, fold)
    if comment and isinstance(node, CommentedMap):
        node.yaml_set_start_comment(comment)
    return dumps(node)
