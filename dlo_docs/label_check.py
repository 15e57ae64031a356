"""A project's own label set, checked against the bundled set of its language and completed
from it.

A project may reword any label of ``templates/labels/<lang>.yaml``; it may not give one another
shape than the outputs expect, which would stop a render half-way. Against the bundled set of
the same language:

- a label the bundled set does not have is an unknown key (DLO011), at the key;
- a label of another type is DLO010: a text for a text, a list of texts for a list, a group
  (a mapping) for a group;
- a text names only the placeholders its bundled counterpart names, each written ``{name}``
  (no position ``{}``, attribute, index, conversion or format): anything else, and a brace
  that does not pair (a brace itself is written ``{{`` or ``}}``), is DLO013 at that place;
- a table's column headings (``columns``, ``history_columns`` ...) keep their count (DLO013).

A label the project's set lacks (one added to dlo after the set was copied, or left out on
purpose) is taken from the bundled set: ``completed``.

- ``problems(words, reference, source) -> list[Problem]``: what is wrong with ``words``, each
  at its place in ``source()`` (called only when there is a problem).
- ``completed(words, reference) -> dict``: ``words`` with what they lack taken from
  ``reference``.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import Problem, error
from .i18n import Msg
from .load import Loc, Source

_FORMATTER = string.Formatter()
_BRACE = {"open": "{{", "close": "}}"}  # how a brace itself is written


def completed(words: dict[str, Any], reference: dict[str, Any]) -> dict[str, Any]:
    """``words`` with each label it lacks, at any depth, taken from ``reference``."""
    merged = dict(reference)
    for key, value in words.items():
        ref = reference.get(key)
        merged[key] = (
            completed(value, ref) if isinstance(value, dict) and isinstance(ref, dict) else value
        )
    return merged


def fields(text: str) -> list[str] | None:
    """The placeholders of a label's text as written (``"{kind}"``, ``"{}"``, ``"{code!r}"``),
    or None when its braces do not pair."""
    try:
        parsed = list(_FORMATTER.parse(text))
    except ValueError:
        return None
    return [
        "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
        for _, name, spec, conv in parsed
        if name is not None
    ]


@dataclass(frozen=True)
class _Found:
    loc: Loc
    code: str
    message: Msg
    hint: Msg
    key: bool = False  # at the key, not at the value
    field: str | None = None  # the placeholder as written, located in the text

    def at(self, src: Source) -> Problem:
        value = _at(src.data, self.loc)
        offset = value.find(self.field) if self.field and isinstance(value, str) else -1
        where = src.text_at(self.loc, offset) if offset >= 0 else src.at(self.loc, key=self.key)
        return error(where, self.code, self.message, self.hint)


def problems(
    words: dict[str, Any], reference: dict[str, Any], source: Callable[[], Source]
) -> list[Problem]:
    """What in ``words`` does not have the shape of ``reference``, located in ``source()``."""
    found: list[_Found] = []
    _group(words, reference, (), found)
    if not found:
        return []
    src = source()
    return [f.at(src) for f in found]


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _name(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


def _group(value: Any, reference: dict[str, Any], loc: Loc, found: list[_Found]) -> None:
    if not isinstance(value, dict):
        found.append(_wrong(loc, Msg("label {name} must be a group of labels", name=_name(loc))))
        return
    for key, item in value.items():
        here = (*loc, key)
        if key not in reference:
            hint = Msg(
                "correct its name or remove it; the labels are those of the bundled "
                "templates/labels/<lang>.yaml"
            )
            message = Msg("unknown label {name}", name=_name(here))
            found.append(_Found(here, "DLO011", message, hint, key=True))
        elif isinstance(reference[key], dict):
            _group(item, reference[key], here, found)
        elif isinstance(reference[key], list):
            _texts(item, reference[key], here, found)
        else:
            _text(item, reference[key], here, found)


def _wrong(loc: Loc, message: Msg) -> _Found:
    return _Found(
        loc, "DLO010", message, Msg("write it as the bundled templates/labels/<lang>.yaml does")
    )


def _texts(value: Any, reference: list[Any], loc: Loc, found: list[_Found]) -> None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        found.append(_wrong(loc, Msg("label {name} must be a list of texts", name=_name(loc))))
        return
    if str(loc[-1]).endswith("columns") and len(value) != len(reference):
        message = Msg(
            "label {name} names {n} column(s); the table has {expected}",
            name=_name(loc),
            n=len(value),
            expected=len(reference),
        )
        found.append(_Found(loc, "DLO013", message, Msg("give one heading per column")))
        return
    for i, item in enumerate(value):
        _text(item, "", (*loc, i), found)


def _text(value: Any, reference: str, loc: Loc, found: list[_Found]) -> None:
    if not isinstance(value, str):
        found.append(_wrong(loc, Msg("label {name} must be a text", name=_name(loc))))
        return
    written = fields(value)
    allowed = set(fields(reference) or ())
    if written is None:
        message = Msg("label {name}: a brace does not pair", name=_name(loc))
        hint = Msg("write {open} or {close} for a brace itself", **_BRACE)
        found.append(_Found(loc, "DLO013", message, hint))
        return
    for field in written:
        if field in allowed:
            continue
        message = Msg(
            "label {name}: {field} is not one of its placeholders", name=_name(loc), field=field
        )
        hint = (
            Msg("its placeholders: {names}", names=", ".join(sorted(allowed)))
            if allowed
            else Msg("it has no placeholders; write {open} or {close} for a brace itself", **_BRACE)
        )
        found.append(_Found(loc, "DLO013", message, hint, field=field))
