"""JSON Schemas of the regulation and registry files, generated from the pydantic models, so an
editor (e.g. VS Code with the YAML extension) completes keys and marks errors as you type.

A YAML file opts in with its first line::

    # yaml-language-server: $schema=../../schemas/regulation.schema.json

The schemas describe the same data the loader validates (the models are the single source). They
are a little stricter in one place: a ``silence`` entry must give a ``reason`` (the loader
accepts it without one so that ``dlo check`` can report it as DLO100 and go on linting).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .fsio import atomic_write
from .model import Registry, Regulation

# Draft-07: the newest draft that yaml-language-server (VS Code's YAML extension) fully supports;
# it warns that 2020-12 schemas are "not yet fully supported".
DIALECT = "http://json-schema.org/draft-07/schema#"
SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "regulation.schema.json": (
        Regulation,
        "dlo_docs regulation",
        "regulations/<id>/regulation.yaml (and its frozen editions/<n>.yaml): one regulation",
    ),
    "registry.schema.json": (
        Registry,
        "dlo_docs registry",
        "regulations/registry.yaml: organisation, units, positions, normative documents, abbreviations",
    ),
}


def _drop_null_defaults(node: Any) -> Any:
    """``default: null`` on a field whose schema does not allow null only confuses editors."""
    if isinstance(node, dict):
        cleaned = {k: _drop_null_defaults(v) for k, v in node.items()}
        if cleaned.get("default", ...) is None and cleaned.get("type") not in (None, "null"):
            cleaned.pop("default")
        return cleaned
    if isinstance(node, list):
        return [_drop_null_defaults(v) for v in node]
    return node


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema called ``name`` (a key of ``SCHEMAS``)."""
    model, title, description = SCHEMAS[name]
    generated = _drop_null_defaults(
        model.model_json_schema(mode="validation", ref_template="#/definitions/{model}")
    )
    generated.pop("title", None)
    generated.pop("description", None)
    definitions = generated.pop("$defs", {})
    return {
        "$schema": DIALECT,
        "title": title,
        "description": description,
        **generated,
        "definitions": definitions,
    }


def dumps(name: str) -> str:
    return json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"


def write(out: Path) -> list[Path]:
    """Write every schema into ``out`` (created when missing), each atomically."""
    written = []
    for name in SCHEMAS:
        path = Path(out) / name
        atomic_write(path, dumps(name))
        written.append(path)
    return written
