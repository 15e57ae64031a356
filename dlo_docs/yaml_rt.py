"""ruamel.yaml's round-trip YAML as dlo_docs uses it: the parser within the limits of
``yaml_limits``, the house style of written files, and how a plain scalar reads (which the fast
reader of ``yamlc`` asks about). ``load`` is the module the rest of the package reads YAML with.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
from collections import Counter
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
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


def tokens_before(text: str, line: int, col: int) -> list[Any]:
    """The scanner's tokens of ``text`` before (``line``, ``col``), both 0-based: what it read
    up to a syntax error there (to say where the value it stopped after began)."""
    tokens: list[Any] = []
    with contextlib.suppress(YAMLError, AssertionError, ValueError, RecursionError):
        for token in YAML(typ="rt").scan(text):
            if (token.start_mark.line, token.start_mark.column) >= (line, col):
                break
            tokens.append(token)
    return tokens


def read_or_none(text: str) -> Any:
    """The data of ``text`` as the round-trip parser reads it, or None when it is no YAML (what
    the words on a syntax error would show is read so before it is shown)."""
    with contextlib.suppress(YAMLError, AssertionError, ValueError, TypeError, RecursionError):
        return roundtrip_yaml().load(text)  # TypeError: a key that is a mapping or a list
    return None


def collection_key(text: str) -> tuple[int, int] | None:
    """Where ``text``'s first mapping key that is itself a list or a mapping starts (0-based line
    and column), read by the composer, which builds no Python value (None: it has none)."""
    with contextlib.suppress(YAMLError, AssertionError, ValueError, RecursionError):
        nodes = [roundtrip_yaml().compose(text)]
        while nodes:
            node = nodes.pop()
            if isinstance(node, MappingNode):
                for key, value in node.value:
                    if not isinstance(key, ScalarNode):
                        return key.start_mark.line, key.start_mark.column
                    nodes.append(value)
            elif isinstance(node, SequenceNode):
                nodes.extend(node.value)
    return None


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


_KEY_ALONE = re.compile(r"^( *)(- +)?([^\s#'\"-][^:#]*):\s*(#.*)?$")  # a key whose value is nested


def guess_indent(text: str) -> tuple[int, int, int]:
    """The (mapping, sequence, offset) indentation ``text`` is written with, as
    ``YAML.indent`` takes it: the most common step from a key standing alone on its line to the
    line after it (a nested mapping's key, or a sequence's dash and its content). ruamel.yaml's
    own guess takes a sequence's content column for the mapping step, so a file whose sequences
    are indented under their key (``  - id: …``) was written back indented deeper each time."""
    lines = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    mappings: Counter[int] = Counter()
    sequences: Counter[tuple[int, int]] = Counter()
    for line, after in zip(lines, lines[1:], strict=False):
        found = _KEY_ALONE.match(line)
        if found is None:
            continue
        key = len(found.group(1)) + len(found.group(2) or "")
        depth = len(after) - len(after.lstrip(" "))
        if depth <= key:
            continue
        rest = after[depth:]
        if rest.startswith("- "):
            content = depth + 1 + len(rest[1:]) - len(rest[1:].lstrip(" "))
            sequences[(content - key, depth - key)] += 1
        else:
            mappings[depth - key] += 1
    if not mappings and not sequences:
        _, indent, block_seq_indent = load_yaml_guess_indent(text)
        if not indent:
            raise ValueError("no indentation to follow")
        offset = block_seq_indent or 0
        return indent, indent + offset, offset
    mapping = mappings.most_common(1)[0][0] if mappings else 2
    sequence, offset = sequences.most_common(1)[0][0] if sequences else (mapping, 0)
    return mapping, sequence, offset


def dumps_roundtrip(data: Any, like: str | None = None, width: int | None = None) -> str:
    """``dumps`` through ruamel.yaml's own emitter, whatever the data; ``width``: the line width
    instead of the house style's."""
    yaml = roundtrip_yaml()
    if width is not None:
        yaml.width = width
    if like is not None:
        with contextlib.suppress(Exception):  # no guess: keep the house style
            mapping, sequence, offset = guess_indent(like)
            yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()
