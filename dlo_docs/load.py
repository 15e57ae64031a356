"""Reading YAML, and the package's one door to YAML: ``parse``, ``read``, ``validate`` here,
``dumps``, ``write``, ``pretty`` from ``yaml_write`` (ruamel.yaml's round trip is set up in
``yaml_rt``; where a character of a scalar is in the text, in ``yaml_offsets``).

Loading is safe: the round-trip loader never constructs Python objects, and any explicit tag
(``!!python/object``, ``!foo`` ...) is reported as an error. Every syntax and schema error becomes
a ``Problem`` with the file, line and column it comes from.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import inputs, load_rt
from .chars import lookalike
from .errors import Location, Problem, error, os_reason
from .i18n import Msg
from .yaml_limits import Guard, LimitExceeded

if TYPE_CHECKING:
    from pydantic import BaseModel

# The YAML libraries (PyYAML for the fast reader, ruamel.yaml for the round trip and the writer;
# ``dumps_plain``, a journal append, is dlo's own emitter) and pydantic are imported where a file
# is parsed, written or validated: a command that reads only what it kept validated
# (``snapshots``) loads none of them. The writer's names are offered here as before, imported at
# their first use.
_WRITER = {
    "dumps": "yaml_write",
    "dumps_plain": "yaml_emit",  # without ruamel.yaml: what a journal append writes
    "dumps_pretty": "yaml_write",
    "beyond_reading": "yaml_write",  # a file to write longer than dlo reads
    "pretty": "yaml_write",
    "write": "yaml_write",
    "dumps_roundtrip": "yaml_rt",
    "_yaml": "yaml_rt",  # roundtrip_yaml, as this module offered it
}


def __getattr__(name: str) -> Any:
    module = _WRITER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(
        importlib.import_module(f".{module}", __package__),
        "roundtrip_yaml" if name == "_yaml" else name,
    )
    globals()[name] = value
    return value


def plain(data: Any) -> Any:
    """Parsed data as plain dicts, lists and scalars (for hashing and comparing)."""
    if isinstance(data, dict):
        return {str(k): plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    return data


M = TypeVar("M", bound="BaseModel")
Loc = Sequence[str | int]


def _position(node: Any, part: Any, key: bool) -> tuple[int, int] | None:
    """The 0-based position of the value (or key) ``part`` of ``node``, if it has one."""
    from . import yamlc

    if isinstance(node, yamlc.MarkedMap):
        if part in node:
            return node.keys_at[part] if key else node.values_at[part]
        return None
    if isinstance(node, yamlc.MarkedSeq):
        if isinstance(part, int) and 0 <= part < len(node):
            return node.items_at[part]
        return None
    if not isinstance(node, dict | list):  # a scalar: nothing inside
        return None
    from ruamel.yaml.comments import CommentedMap, CommentedSeq  # read by the round trip

    if isinstance(node, CommentedMap):
        if part in node:
            return tuple(node.lc.key(part) if key else node.lc.value(part))
    elif isinstance(node, CommentedSeq):
        if isinstance(part, int) and 0 <= part < len(node):
            return tuple(node.lc.item(part))
    return None


_DIGITS = re.compile(r"[0-9]+(?![^\s#])")  # a plain decimal, then a space, a comment or the end
_LINE_END = re.compile(r"\r\n|\r|\n")
_LONE_CR = re.compile(r"\r(?!\n)")  # a line ended by a carriage return alone


def node_at(data: Any, loc: Loc) -> Any:
    """What is at ``loc`` in parsed data, or None."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _value_at(data: Any, loc: Loc) -> str | None:
    """The string at ``loc`` in parsed data, or None."""
    node = node_at(data, loc)
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
        """Where each line of the text starts, lines as the parser counts them: ended by a line
        feed, a carriage return and line feed, or a carriage return alone — not by U+0085, U+2028
        or U+2029, which YAML 1.2 reads as characters of the text (``str.splitlines`` ends a
        line at each, and every position after one fell back to its value's start)."""
        return [0, *(m.end() for m in _LINE_END.finditer(self.text))]

    @functools.cached_property
    def _lf_text(self) -> str:
        """The text with each line ended by a carriage return alone (classic Mac line ends, a
        line break to YAML) ended by a line feed instead: the same offsets, for the walk through
        a scalar's lines (``yaml_offsets``), which knows line feeds."""
        return _LONE_CR.sub("\n", self.text) if "\r" in self.text else self.text

    def roundtrip(self) -> Any:
        """A fresh round-trip parse of the text: data to change and ``write`` back with its
        comments, order and quoting kept."""
        from .yaml_rt import roundtrip_yaml

        return roundtrip_yaml().load(self.text)

    def with_number(self, key: str, value: int) -> str | None:
        """The text with the number of the top-level ``key`` replaced by ``value``, its own
        characters only (comments, layout and every other byte kept), when the file writes it
        as a plain decimal and the new text reads as the data with that one change; else None
        (the caller writes the file round-trip)."""
        from . import yamlc

        data = self.data
        if not isinstance(data, yamlc.MarkedMap) or type(data.get(key)) is not int:
            return None
        line, col = data.values_at[key]
        start = self._line_starts[line] + col if line < len(self._line_starts) else -1
        digits = _DIGITS.match(self.text, start) if start >= 0 else None
        if digits is None or int(digits.group()) != data[key]:
            return None
        text = self.text[:start] + str(value) + self.text[digits.end() :]
        source, _ = parse(text.encode("utf-8"), self.path)
        if source is None or plain(source.data) != plain({**data, key: value}):
            return None
        return text

    # -- positions ---------------------------------------------------------------------
    def at(self, loc: Loc, *, key: bool = False) -> Location:
        """The position of the value (or, with ``key``, of the key) at ``loc``; falls back to
        the nearest enclosing node that exists."""
        from . import yamlc

        node: Any = self.data
        line, col = 0, 0
        if isinstance(node, (yamlc.MarkedMap, yamlc.MarkedSeq)):
            line, col = node.line, node.col
        elif isinstance(node, dict | list):  # read by the round trip
            from ruamel.yaml.comments import CommentedBase

            if isinstance(node, CommentedBase):
                line, col = node.lc.line, node.lc.col
        for i, part in enumerate(loc):
            pos = _position(node, part, key and i == len(loc) - 1)
            if pos is None:
                break
            line, col = pos
            node = node[part]
        return Location(self.path, line + 1, col + 1)

    def text_at(self, loc: Loc, offset: int, *, key: bool = False) -> Location:
        """The position of character ``offset`` of the string scalar at ``loc`` (with ``key``,
        of the key ``loc`` ends with), exact for every scalar style (see ``yaml_offsets``).
        Falls back to the scalar's start when the source does not spell the value as expected."""
        from . import yaml_offsets

        start = self.at(loc, key=key)
        if key:
            value = loc[-1] if loc and isinstance(loc[-1], str) else None
        else:
            value = _value_at(self.data, loc)
        starts = self._line_starts
        if not start.line or start.line > len(starts) or value is None:
            return start
        text = self._lf_text
        j = yaml_offsets.scalar_index(text, starts[start.line - 1] + start.col - 1, value, offset)
        if j is None:
            return start
        line = bisect.bisect_right(starts, j)  # lines as the parser counts them, "\r" ends one
        return Location(self.path, line, j - starts[line - 1] + 1)


class Unparsed(Source):
    """A file whose validated reading was kept (``snapshots``): its text, parsed only when a
    position or the data is asked for (to report a problem), as ``parse`` parses it."""

    def __init__(self, path: str, text: str) -> None:  # no data until asked for
        self.path, self.text = path, text

    @functools.cached_property
    def data(self) -> Any:  # parsed on demand
        source, _ = parse(self.text.encode("utf-8"), self.path)
        return source.data if source is not None else None


def unparsed(raw: bytes, path: str) -> Source:
    """The source of ``raw`` bytes (which ``parse`` read without a problem), not parsed yet."""
    text, _ = _decode(raw, path)
    return Unparsed(path, text or "")


def _decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        from . import codepages  # what the file may be instead: only when it is not UTF-8

        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [
            error(
                Location(path, line, col),
                "DLO002",
                Msg("the file is not UTF-8 (byte 0x{byte:02x})", byte=raw[exc.start]),
                codepages.save_as_utf8(raw),
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


def parse(raw: bytes, path: str) -> tuple[Source | None, list[Problem]]:
    """Decode and parse one YAML document; never raises on bad input."""
    text, problems = _decode(raw, path)
    if text is None:
        return None, problems
    from . import plain_scalars, yamlc

    try:  # plain data at C speed, within the limits; anything unusual: the round-trip parser
        data = yamlc.compose(text, plain_scalars.resolve, plain_scalars.is_string, Guard().see)
    except yamlc.Unusual:
        return load_rt.parse_roundtrip(text, path)
    except LimitExceeded as exc:
        return None, [load_rt.beyond_limit(path, exc)]
    if data is None:
        return None, [load_rt.no_data(path)]
    return Source(path, text, data), []


def read_raw(
    path: Path, display: str, *, root: Path | None = None, absent_ok: bool = False
) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a project file, or why they cannot be read. Only a regular file is read, of
    at most ``inputs.MAX_YAML_BYTES``; a symlink only when it resolves inside ``root`` (default:
    the project the path's ``regulations/`` folder belongs to). ``absent_ok``: no file there,
    not even a link (a link to nowhere is read, and refused), is ``(None, [])``."""
    if absent_ok and not os.path.lexists(path):
        return None, []
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
                Msg("cannot read the file: {reason}", reason=os_reason(exc)),
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


def validate_as(name: str, source: Source, *, plain: bool) -> tuple[Any, list[Problem]]:
    """Validate parsed data against the model called ``name`` ("Registry" or "Regulation"). With
    ``plain``: as the plain objects of ``lite`` (what a validated snapshot reads back as), by the
    compiled validator (``validator``) when it accepts the data, without importing pydantic;
    otherwise, and for the problems, as ``validate`` does."""
    from . import validator

    found = validator.validate(name, source.data) if plain else None
    if found is not None:
        return found, []
    from . import model

    return validate(getattr(model, name), source)


def validate(model: type[M], source: Source) -> tuple[M | None, list[Problem]]:
    """Validate parsed data against a model; schema errors point at their line and column."""
    from pydantic import ValidationError

    try:
        return model.model_validate(source.data), []
    except ValidationError as exc:
        from .numbering import element_names

        names = element_names(source.data)  # once: a file may hold many errors
        from .schema_errors import MAX_LISTED, unlisted
        from .schema_keys import key_problem

        errors = exc.errors(include_url=False)
        problems = [
            key_problem(model, source, err) or _schema_problem(source, err, names)
            for err in errors[:MAX_LISTED]
        ]
        return None, sorted(set(problems)) + unlisted(source.path, len(errors) - MAX_LISTED)


_LATIN = ("string_pattern_mismatch", "literal_error")  # an id, one of a list of words


def _schema_problem(
    source: Source, err: Mapping[str, Any], names: Mapping[tuple[str | int, ...], Msg]
) -> Problem:
    """A value of the wrong type (DLO010) or an invalid one (DLO013), at the value; ``names``:
    the elements of the file by their paths (``numbering.element_names``)."""
    from . import schema_errors

    loc = list(err["loc"])
    kind = err["type"]
    code = "DLO010" if "type" in kind or kind in ("dict_type", "list_type") else "DLO013"
    found = lookalike(err.get("input")) if kind in _LATIN else None
    if found is not None and not schema_errors.fixed_by_latin(err, found.fixed):
        found = None  # 'Обязанность 3': told what an id is, not a spelling still refused
    hint: Msg | None
    if found is not None:  # looks right on screen: name the letter, point at it
        at, hint = source.text_at(loc, found.index), found.hint()
        what = found.at_column(at.col)
    else:
        here, key = schema_errors.said_at(err)
        at, hint = source.at(here, key=key), schema_errors.hint(err)
        what = schema_errors.message(err)
    loc = loc[:-1] if kind == schema_errors.INVALID_KEY else loc  # said in the mapping it is in
    if loc:
        what = Msg("{where}: {what}", where=schema_errors.where(names, loc), what=what)
    return error(at, code, what, hint)
