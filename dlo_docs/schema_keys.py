"""A missing or an unknown key of a project file (pydantic's "missing", "extra_forbidden"), said
at its mapping or at the key; a misspelled key is offered the key of the model it is nearest to
(``spelling``), and a missing key the misspelled one that is most likely it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, get_args

from .chars import lookalike
from .errors import Problem, error
from .i18n import Msg
from .load import Source, node_at
from .spelling import closest, did_you_mean, glued, space_missing


def _models_in(annotation: Any) -> list[Any]:
    """The models a field's annotation holds (``list[Clause]``, ``Approval | None``, …)."""
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def keys_at(model: Any, loc: Sequence[str | int]) -> list[str]:
    """The keys ``model`` allows in the mapping at ``loc`` (an entry of a list: its item's)."""
    models = [model]
    for part in loc:
        if isinstance(part, str):
            fields = [m.model_fields.get(part) for m in models]
            models = [
                m for field in fields if field is not None for m in _models_in(field.annotation)
            ]
    return [name for m in models for name in m.model_fields]


def _add_id(data: Any, where: list[str | int]) -> Msg:
    """What an id is, and one made from the id of the element before (``duties-list.1`` gives
    ``duties-list.2``): a clerk adding an item copies the one above."""
    said = Msg(
        "add id: lower-case Latin letters, digits, '.', '_' or '-', not used by another element "
        "of the document"
    )
    siblings, at = node_at(data, where[:-1]), where[-1] if where else None
    before = siblings[at - 1] if isinstance(siblings, list) and isinstance(at, int) and at else None
    last = before.get("id") if isinstance(before, dict) else None
    if not isinstance(last, str) or not re.fullmatch(r"[a-z0-9._-]+", last):
        return said
    match = re.fullmatch(r"(.*?)(\d*)", last)
    stem, number = match.groups() if match else (last, "")
    example = f"{stem}{int(number) + 1}" if number else f"{last}-2"
    taken = {s.get("id") for s in siblings if isinstance(s, dict)}
    if example in taken:
        return said
    return Msg("{said}, e.g. id: {example}", said=said, example=example)


def _missing(model: Any, source: Source, loc: list[str | int]) -> Problem:
    """A required key not written: the unknown key beside it that is most likely it, misspelled."""
    where, field = loc[:-1], str(loc[-1])
    node, allowed = node_at(source.data, where), keys_at(model, where)
    keys = (
        [k for k in node if isinstance(k, str) and k not in allowed]
        if isinstance(node, dict)
        else []
    )
    meant = next((k for k in keys if closest(k, allowed) == field), None)
    hint = _add_id(source.data, where) if field == "id" else Msg("add the field")
    if meant is not None:
        hint = Msg(
            "the key {key} on line {line} is most likely it: spell it {field}",
            key=repr(meant),
            line=source.at([*where, meant], key=True).line,
            field=repr(field),
        )
    glue = next((k for k in keys if glued(k, [field]) == (field, ":")), None)
    if glue is not None:
        hint = Msg(
            "the key {key} on line {line} is most likely it: write a space after '{field}:'",
            key=repr(glue),
            line=source.at([*where, glue], key=True).line,
            field=field,
        )
    return error(
        source.at(where), "DLO012", Msg("missing required field {field}", field=repr(field)), hint
    )


def key_problem(model: Any, source: Source, err: Mapping[str, Any]) -> Problem | None:
    """A missing or an unknown key, pointed at its mapping or at the key (None: another error)."""
    loc = list(err["loc"])
    if err["type"] == "missing":
        return _missing(model, source, loc)
    if err["type"] != "extra_forbidden":
        return None
    field = repr(loc[-1] if loc else "")
    message = Msg("unknown key {field}", field=field)
    missing = space_missing(loc[-1] if loc else None, keys_at(model, loc[:-1]))
    if missing is not None:  # text:'…': …, read as the key "text:'…"
        why, hint = missing
        where = source.at(loc, key=True)
        return error(where, "DLO011", Msg("unknown key {field}: {why}", field=field, why=why), hint)
    found = lookalike(loc[-1] if loc else None)
    if found is not None:  # looks right on screen: name the letter, point at it
        where = source.text_at(loc, found.index, key=True)
        return error(where, "DLO011", found.after(message, where.col), found.hint())
    near = did_you_mean(loc[-1] if loc else None, keys_at(model, loc[:-1]))
    return error(
        source.at(loc, key=True), "DLO011", message, near or Msg("remove it or check its spelling")
    )
