"""Validated data as plain objects, without pydantic: what a validated snapshot (``snapshots``)
is read back as.

A model is written as a tagged form of plain JSON (``tagged``): a model object as
``{"$": "ClassName", field: value, ...}`` with every field (defaults included), a date as
``{"$date": "2026-11-26"}``, everything else as it is. ``build`` reads that form back as objects
of the classes here: one per model class, of the same name, with the same fields as attributes
and the same methods (the mixins of ``model_methods``, which the pydantic models inherit too),
so that the code reading a regulation works on either. They answer ``model_dump`` as pydantic's
models do for the plain dump (``mode="python"`` or ``"json"``, nothing else); the content hash
of a regulation, which needs the pydantic dump without its defaults, is kept beside it
(``kept_hash``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .model_methods import PositionMethods, RegistryMethods, RegulationMethods

CLASS = "$"
DATE = "$date"
HASH = "$content_hash"  # the content hash kept with a regulation (not a field)


class Lite:
    """A validated model object's fields as attributes (read-only by convention, as the frozen
    models are)."""

    def __init__(self, fields: dict[str, Any]) -> None:
        self.__dict__.update(fields)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    __hash__ = object.__hash__  # by identity (the models' lists are not hashable either)

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items() if k != HASH)
        return f"{type(self).__name__}({fields})"

    def model_dump(self, *, mode: str = "python") -> dict[str, Any]:
        """The fields as plain data, as a pydantic model dumps them (dates as ISO text with
        ``mode="json"``)."""
        if mode not in ("python", "json"):
            raise ValueError(f"unknown mode {mode!r}")
        return {k: _dump(v, mode) for k, v in self.__dict__.items() if k != HASH}


def _dump(value: Any, mode: str) -> Any:
    if isinstance(value, Lite):
        return value.model_dump(mode=mode)
    if isinstance(value, list):
        return [_dump(v, mode) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v, mode) for k, v in value.items()}
    if isinstance(value, dt.date) and mode == "json":
        return value.isoformat()
    return value


def _class(name: str, *mixins: type) -> type[Lite]:
    return type(name, (*mixins, Lite), {"__module__": __name__})


# the classes of ``model``, by name (a test keeps them equal)
CLASSES: dict[str, type[Lite]] = {
    cls.__name__: cls
    for cls in (
        _class("Organisation"),
        _class("Unit"),
        _class("HolderCertificate"),
        _class("Signatures"),
        _class("Position", PositionMethods),
        _class("NormativeDocument"),
        _class("Abbreviation"),
        _class("Registry", RegistryMethods),
        _class("Silence"),
        _class("Item"),
        _class("Clause"),
        _class("Paragraph"),
        _class("Chapter"),
        _class("Agreement"),
        _class("Approval"),
        _class("Sheets"),
        _class("Regulation", RegulationMethods),
    )
}


class Unknown(ValueError):
    """The tagged form names a class this code does not have, or is not one it writes."""


def build(value: Any) -> Any:
    """The objects of a tagged form (raises ``Unknown`` on anything ``tagged`` does not write)."""
    if isinstance(value, list):
        return [build(v) for v in value]
    if not isinstance(value, dict):
        if value is None or isinstance(value, str | int | float | bool):
            return value
        raise Unknown(type(value).__name__)
    if DATE in value:
        if len(value) != 1 or not isinstance(value[DATE], str):
            raise Unknown(DATE)
        return dt.date.fromisoformat(value[DATE])
    name = value.get(CLASS)
    if name is None:
        return {k: build(v) for k, v in value.items()}
    cls = CLASSES.get(name) if isinstance(name, str) else None
    if cls is None:
        raise Unknown(str(name))
    return cls({k: v if k == HASH else build(v) for k, v in value.items() if k != CLASS})


_PLAIN = (str, int, float, bool, type(None))  # written as they are (exactly these types)


def tagged(value: Any) -> Any:
    """The tagged form of a validated model object (pydantic's or ``Lite``), and of what its
    fields hold; raises ``Unknown`` on a value it cannot write so that ``build`` reads it back
    as it was (a mapping with a key starting with ``$``, a datetime, a tuple...)."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list:
        return [tagged(v) for v in value]
    if kind is dict:
        if not all(type(k) is str and not k.startswith("$") for k in value):
            raise Unknown("a key")
        return {k: tagged(v) for k, v in value.items()}
    if kind is dt.date:
        return {DATE: value.isoformat()}
    fields = getattr(kind, "model_fields", None)
    if fields is None and not isinstance(value, Lite) or kind.__name__ not in CLASSES:
        raise Unknown(kind.__name__)
    names = list(fields) if fields is not None else [k for k in value.__dict__ if k != HASH]
    return {CLASS: kind.__name__} | {k: tagged(getattr(value, k)) for k in names}


def kept_hash(model: object) -> str | None:
    """The content hash kept with a regulation read back from its snapshot (None: another
    object, whose hash is worked out from its pydantic dump)."""
    found = model.__dict__.get(HASH) if isinstance(model, Lite) else None
    return found if isinstance(found, str) else None
