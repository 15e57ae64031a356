"""ruamel.yaml's round-trip YAML as dlo_docs uses it: the parser within the limits of
``yaml_limits``, the house style of written files, and how a plain scalar reads (which the fast
reader of ``yamlc`` asks about). ``load`` is the module the rest of the package reads YAML with.
"""

from __future__ import annotations

import contextlib
import functools
import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.parser import RoundTripParser
from ruamel.yaml.util import load_yaml_guess_indent

from . import yamlc
from .yaml_limits import Guard


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


def roundtrip_yaml() -> YAML:
    """A round-trip YAML reader and writer in the house style, its parser guarded."""
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


_RT = roundtrip_yaml()  # its resolver and constructor give plain scalars their round-trip values
_STR = "tag:yaml.org,2002:str"


def _resolve(value: str) -> Any:
    """A plain scalar as the round-trip loader reads it (int, float, bool, None, date...)."""
    tag = _RT.resolver.resolve(ScalarNode, value, (True, False))
    tag = getattr(tag, "value", tag)  # a Tag object in ruamel.yaml >= 0.18
    if tag == _STR:
        return value
    node = ScalarNode(tag, value)
    return _RT.constructor.yaml_constructors[tag](_RT.constructor, node)


RESOLVED = functools.lru_cache(maxsize=4096)(_resolve)  # dates, numbers repeat (immutable)
# the words that start with a letter and are not strings (YAML 1.2: true, null ... and their
# capitalised forms), found by asking the resolver about every candidate
_WORDS = frozenset(
    w
    for base in ("true", "false", "null", "yes", "no", "on", "off", "y", "n", "inf", "nan")
    for w in (base, base.capitalize(), base.upper())
    if _resolve(w) is not w
)
_STARTS = yamlc.plain_string_test("".join(_RT.resolver.versioned_resolver))


def is_string(value: str) -> bool:
    """A plain scalar that is a string whatever the resolver would say: it starts with a
    letter and is none of ``_WORDS``, or it starts with a character no implicit type starts
    with. (In YAML 1.2 only true/false/null and their capitalised forms start with a letter.)"""
    if value[:1].isalpha():
        return value not in _WORDS
    return _STARTS(value)


def reads_as_string(value: str) -> bool:
    """Whether ``value`` written as a plain scalar reads back as this string."""
    if is_string(value):
        return True
    tag = _RT.resolver.resolve(ScalarNode, value, (True, False))
    return bool(getattr(tag, "value", tag) == _STR)


def dumps_roundtrip(data: Any, like: str | None = None) -> str:
    """``dumps`` through ruamel.yaml's own emitter, whatever the data."""
    yaml = roundtrip_yaml()
    if like is not None:
        with contextlib.suppress(Exception):  # no guess: keep the house style
            _, indent, block_seq_indent = load_yaml_guess_indent(like)
            if indent:
                offset = block_seq_indent or 0
                yaml.indent(mapping=indent, sequence=indent + offset, offset=offset)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()
