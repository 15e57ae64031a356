"""The round-trip parser's reading of a YAML file, for what the fast reader of ``load.parse``
leaves to it (tags, anchors, syntax errors), with every refusal positioned; and the problems
both readers report. ruamel.yaml is imported here only when a file needs it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import Location, Problem, error
from .i18n import Msg
from .yaml_limits import LimitExceeded

if TYPE_CHECKING:
    from ruamel.yaml.error import MarkedYAMLError

    from .load import Source

_STANDARD_TAGS = {
    None,
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:omap",
}


def _tag_problems(node: Any, source_path: str) -> Iterable[Problem]:
    from ruamel.yaml.comments import CommentedBase, TaggedScalar

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


_NO_VALUE = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")  # what a plain << or = reads as


def _tagged_problem(where: Location, value: Any) -> Problem:
    """A scalar with a tag: one written (``!!binary``, ``!foo``), or one a plain ``<<`` or ``=``
    reads as (YAML's merge and value keys, no data)."""
    tag = value.tag.value if not isinstance(value, bytes) else "!!binary"
    if tag in _NO_VALUE:
        return error(
            where,
            "DLO004",
            Msg("{value} written plain is not a text in YAML", value=str(value.value)),
            Msg("quote it if it is a text: '{value}'", value=str(value.value)),
        )
    return error(
        where,
        "DLO004",
        Msg("explicit YAML tag {tag} is not allowed", tag=tag),
        Msg(
            "a text that starts with '!' goes in quotes ('{tag} …'); otherwise remove the tag: "
            "regulation files hold plain data only",
            tag=tag,
        ),
    )


def _locate_tagged_scalars(source: Source) -> list[Problem]:
    """Tagged scalars carry no position of their own: find them through their parent."""
    from ruamel.yaml.comments import TaggedScalar

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
                problems.append(_tagged_problem(source.at([*loc, k]), v))
            else:
                walk(v, [*loc, k])

    walk(source.data, [])
    return problems


def _line_col(text: str, at: int) -> tuple[int, int]:
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def parse_roundtrip(text: str, path: str) -> tuple[Source | None, list[Problem]]:
    """The round-trip parser's reading, for what the fast one leaves: tags, anchors, errors."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from .yaml_rt import roundtrip_yaml

    try:
        data = roundtrip_yaml().load(text)
    except LimitExceeded as exc:
        return None, [beyond_limit(path, exc)]
    except MarkedYAMLError as exc:
        return None, [_syntax_problem(path, exc, text)]
    except YAMLError as exc:  # a character no YAML text holds (ReaderError) says where it is
        at = getattr(exc, "position", None)
        line, col = (1, 1) if not isinstance(at, int) else _line_col(text, at)
        return None, [
            error(
                Location(path, line, col), "DLO001", Msg("YAML syntax: {message}", message=str(exc))
            )
        ]
    except AssertionError:  # ruamel.yaml's scanner lost its own thread (a hostile text)
        return None, [
            error(
                Location(path, 1, 1),
                "DLO001",
                Msg("YAML syntax: the parser cannot make sense of this text"),
                Msg(
                    "look for unusual characters (a line or paragraph separator, U+2028 or U+2029, "
                    "or U+0085, often pasted from a word processor) and type that part again"
                ),
            )
        ]
    except TypeError:  # a key that is a list or mapping holding a list or mapping: unhashable
        return None, [_collection_key(path, text)]
    except (ValueError, OverflowError, RecursionError) as exc:  # a value no check above foresaw
        return None, [
            error(
                Location(path, 1, 1), "DLO001", Msg("the file cannot be read: {error}", error=exc)
            )
        ]
    from .load import Source

    source = Source(path, text, data)
    if data is None:
        return None, [no_data(path)]
    tags = [p for p in _tag_problems(data, path) if p.location.line] + _locate_tagged_scalars(
        source
    )
    if tags:
        return None, sorted(set(tags))
    return source, []


def _collection_key(path: str, text: str) -> Problem:
    from .yaml_rt import collection_key

    line, col = collection_key(text) or (0, 0)
    return error(
        Location(path, line + 1, col + 1),
        "DLO001",
        Msg("YAML syntax: a key here is itself a list or a mapping"),
        Msg("a key is a word before ':'; write the list or mapping as the value of a key"),
    )


def beyond_limit(path: str, exc: LimitExceeded) -> Problem:
    return error(Location(path, exc.line + 1, exc.col + 1), exc.code, exc.message, exc.hint)


def no_data(path: str) -> Problem:
    return error(
        Location(path, 1, 1),
        "DLO003",
        Msg("the file holds no data"),
        Msg("fill it in or delete it"),
    )


def _syntax_problem(path: str, exc: MarkedYAMLError, text: str) -> Problem:
    """The parser's error in a clerk's words where ``yaml_syntax`` knows the case; else its own
    words (English) inside ours, at its mark."""
    from . import yaml_syntax

    said = yaml_syntax.explain(exc, text)
    if said is not None:
        line, col, message, hint = said
        return error(Location(path, line + 1, col + 1), "DLO001", message, hint)
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    words = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
    hint = (
        Msg("indent with spaces, not tabs")
        if "\t" in (exc.problem or "") or "'\\t'" in words
        else Msg("check the indentation and quoting on this line")
    )
    return error(
        Location(path, line, col), "DLO001", Msg("YAML syntax: {message}", message=words), hint
    )
