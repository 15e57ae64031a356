"""Write the models' compiled schema shipped with the package (``dlo_docs/validator.json``):
pydantic's own core schema of the registry and of a regulation, as JSON that builds a
pydantic-core validator without importing pydantic (``dlo_docs/validator.py``). Run it after a
change to the models or an upgrade of pydantic (tests/test_validator.py says when):
``python tools/compile_validator.py``.

The schema is pydantic's, changed in three ways only, none of which changes what is accepted:

- a model becomes a ``typed-dict`` of the same fields (extra keys forbidden, as ``Strict``
  forbids them) whose dict is handed to the model's ``lite`` class, so the output is the plain
  objects a validated snapshot reads back as;
- a function the model declares (``model_checks``, ``model_methods``) is named by its module and
  name, a default factory by its name, a default by its ``lite.tagged`` form;
- what only serialising or the JSON Schema uses (``serialization``, ``metadata``) is left out,
  and a reference is named by its model (pydantic adds a memory address).

The form carries what it was made from (``made_with``: the models' code, pydantic's version) and
its own digest, so that a form made for other models or another pydantic, or changed since, is
not used.

Anything else in a model's schema (a model validator, ``__init__``, another config key) is
refused here, so that the models cannot gain a rule the compiled form would not apply. What the
models leave at their default, for the content hash, is listed beside each schema."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pydantic

from dlo_docs import lite, model, validator
from dlo_docs.fsio import atomic_write

_FACTORIES = {list: "list", dict: "dict"}
_MODEL_KEYS = {"type", "cls", "schema", "config", "ref", "metadata", "custom_init", "root_model"}
_CONFIG = {"extra_fields_behavior": "forbid"}  # besides "title"


class Uncompilable(ValueError):
    """The models use something the compiled form does not carry."""


def _ref(ref: str) -> str:
    return ref.split(":")[0].rsplit(".", 1)[-1]  # "dlo_docs.model.Item:1403..." -> "Item"


def _function(function: Any) -> dict[str, str]:
    name = f"{function.__module__}:{function.__qualname__}"
    if validator.function(name) is not function:
        raise Uncompilable(f"{name} is not a function validator may call")
    return {validator.FUNCTION: name}


def _model(schema: dict[str, Any]) -> dict[str, Any]:
    config = {k: v for k, v in schema.get("config", {}).items() if k != "title"}
    unknown = set(schema) - _MODEL_KEYS
    if unknown or config != _CONFIG or schema.get("custom_init") or schema.get("root_model"):
        raise Uncompilable(f"{schema['cls'].__name__}: {sorted(unknown)} {config}")
    inner = schema["schema"]
    if inner.get("type") != "model-fields" or inner.get("computed_fields"):
        raise Uncompilable(f"{schema['cls'].__name__}: {inner.get('type')}")
    fields = {
        name: {
            "type": "typed-dict-field",
            "schema": _convert(field["schema"]),
            "required": field["schema"].get("type") != "default",
        }
        for name, field in inner["fields"].items()
    }
    compiled = {
        "type": "function-after",
        "function": {"type": "no-info", "function": {validator.CLASS: schema["cls"].__name__}},
        "schema": {"type": "typed-dict", "fields": fields, "extra_behavior": "forbid"},
    }
    return compiled | ({"ref": _ref(schema["ref"])} if "ref" in schema else {})


def _entry(key: str, value: Any) -> Any:
    if key in ("ref", "schema_ref"):
        return _ref(value)
    if key == "default_factory":
        if value not in _FACTORIES:
            raise Uncompilable(f"default factory {value!r}")
        return {validator.FACTORY: _FACTORIES[value]}
    if key == "default":
        return {validator.DEFAULT: lite.tagged(value)}
    if key == "function" and isinstance(value, dict) and callable(value.get("function")):
        return value | {"function": _function(value["function"])}
    return _convert(value)


def _convert(schema: Any) -> Any:
    if isinstance(schema, list):
        return [_convert(v) for v in schema]
    if not isinstance(schema, dict):
        if callable(schema):
            raise Uncompilable(repr(schema))
        return schema
    if schema.get("type") == "model":
        return _model(schema)
    return {k: _entry(k, v) for k, v in schema.items() if k not in ("serialization", "metadata")}


def _defaults(cls: type[pydantic.BaseModel]) -> dict[str, Any]:
    """What each field of ``cls`` holds when left out: a default, or its factory's name."""
    found: dict[str, Any] = {}
    for name, field in cls.model_fields.items():
        if field.default_factory is not None:
            found[name] = {validator.FACTORY: _FACTORIES[field.default_factory]}  # type: ignore[index]
        elif not field.is_required():
            found[name] = {validator.DEFAULT: lite.tagged(field.default)}
    return found


def compiled() -> dict[str, Any]:
    """The compiled form of the models (see the module's documentation)."""
    schemas = {}
    for cls in (model.Registry, model.Regulation):
        cls.model_rebuild()
        schemas[cls.__name__] = _convert(cls.__pydantic_core_schema__)
    strict = [
        v
        for v in vars(model).values()
        if isinstance(v, type) and issubclass(v, model.Strict) and v is not model.Strict
    ]
    form = {"schemas": schemas, "defaults": {cls.__name__: _defaults(cls) for cls in strict}}
    # through JSON, as the validator reads it, for the digest of what it reads
    form = json.loads(json.dumps(form, ensure_ascii=False))
    made_with = validator.made_with() | {validator.FORM: validator.form_digest(form)}
    return {validator.MADE_WITH: made_with} | form


def dumps() -> str:
    # keys in the models' order, not sorted: a model's fields are its plain object's attributes
    # in the order written here, which is the order of pydantic's fields
    return json.dumps(compiled(), ensure_ascii=False, indent=1) + "\n"


def write(path: Path = validator.COMPILED) -> Path:
    atomic_write(path, dumps())
    return path


if __name__ == "__main__":
    print(write(), file=sys.stderr)
