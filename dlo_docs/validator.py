"""Validating a registry or a regulation without importing pydantic: pydantic's validator
(pydantic-core) built from the models' compiled schema (``validator.json``, made from the models
by ``tools/compile_validator.py``), whose output is the plain objects of ``lite``.

Importing pydantic and building the models' validators takes about as long as pandoc takes to
convert a whole document; pydantic-core alone takes a fraction of it. ``validate`` answers the
data's plain objects when the compiled validator accepts it, and None otherwise: when it does
not accept the data, or is not there to ask (a file made for other models or another version
of pydantic, which ``made_with`` tells, or a form changed since it was made, which its digest
in ``made_with`` tells). On None the caller validates with pydantic, which
reports the problems (``load.validate``). A regulation comes with its content hash
(``lite.kept_hash``), worked out as pydantic's dump without defaults would give it
(``without_defaults``)."""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
import sys
from importlib import machinery, util
from pathlib import Path
from types import FunctionType
from typing import Any

from . import canonical, interrupts, lite

COMPILED = Path(__file__).with_name("validator.json")
CLASS, FUNCTION, FACTORY, DEFAULT = "$class", "$function", "$factory", "$default"
MADE_WITH = "made_with"
FORM = "form"  # in ``made_with``: the digest of the form itself (``form_digest``)
# the modules the compiled form names functions of: the models' checks, without pydantic
_CALLABLE = ("dlo_docs.model_checks", "dlo_docs.model_methods")
_FACTORIES: dict[str, Any] = {"list": list, "dict": dict}
# the code whose change is another compiled form: the models, what they call, what they make
_SOURCES = ("model", "model_types", "model_checks", "model_methods", "lite")


def function(name: str) -> Any:
    """The function called ``module:name`` defined in a module the compiled form may call
    (None: any other name)."""
    module, _, attribute = name.partition(":")
    if module not in _CALLABLE or not attribute.isidentifier():
        return None
    found = getattr(importlib.import_module(module), attribute, None)
    return found if isinstance(found, FunctionType) and found.__module__ == module else None


def _digest(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for file in files:
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def made_with() -> dict[str, str]:
    """What the compiled form is made from: digests of the models' code and of pydantic's version
    (its file found, not imported), and pydantic-core's version (which pydantic pins, but another
    may be installed beside it: its schemas could then be read otherwise)."""
    here = Path(__file__).resolve().parent
    spec = util.find_spec("pydantic")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    if not folders:
        raise OSError("pydantic is not installed")
    return {
        "models": _digest([here / f"{name}.py" for name in _SOURCES]),
        "pydantic": _digest([Path(folders[0]) / "version.py"]),
        "pydantic_core": str(_core().__version__),
    }


def form_digest(form: dict[str, Any]) -> str:
    """The digest of the schemas and defaults of a compiled form, as they are written."""
    parts = [form.get("schemas"), form.get("defaults")]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def _resolve(node: Any) -> Any:
    if isinstance(node, list):
        return [_resolve(v) for v in node]
    if not isinstance(node, dict):
        return node
    if CLASS in node:
        return lite.CLASSES[node[CLASS]]
    if FUNCTION in node:
        found = function(node[FUNCTION])
        if found is None:
            raise ValueError(f"cannot call {node[FUNCTION]}")
        return found
    if FACTORY in node:
        return _FACTORIES[node[FACTORY]]
    if DEFAULT in node:
        return lite.build(node[DEFAULT])
    return {k: _resolve(v) for k, v in node.items()}


@functools.cache
def _compiled() -> tuple[dict[str, Any], dict[str, dict[str, Any]]] | None:
    """The validators by model name and the defaults by class (None: no compiled form for
    these models and this pydantic)."""
    try:
        form = json.loads(COMPILED.read_text(encoding="utf-8"))
        if form.get(MADE_WITH) != made_with() | {FORM: form_digest(form)}:
            return None
        schema_validator = _core().SchemaValidator
        validators = {k: schema_validator(_resolve(s)) for k, s in form["schemas"].items()}
        return validators, _resolve(form["defaults"])
    except Exception:  # noqa: BLE001 - no compiled form is pydantic's validation, not an error
        interrupts.reraise()  # an interrupt pydantic-core made a SchemaError: not cached
        return None


_CORE = "pydantic_core._pydantic_core"  # pydantic-core's compiled module: its validators


def _core() -> Any:
    """pydantic-core's compiled module, where ``SchemaValidator`` and the version live: the
    package's once it is imported, else loaded alone (``_load_core``). The package's
    ``__init__`` first imports its typing helpers (``core_schema`` and typing_extensions, as
    long as the rest of a render's start-up), which a validator built from a compiled form never
    uses. Either way there is one module: the package, imported later, takes the one loaded
    here (but for the attribute ``pydantic_core._pydantic_core``, which Python sets only on a
    module it loads itself: pydantic reads the package's names). Which version it is is part of
    ``made_with``: another pydantic-core is not given the form."""
    core = sys.modules.get(_CORE)
    if core is None and "pydantic_core" not in sys.modules:
        core = _load_core()
    if core is None:
        import pydantic_core  # noqa: F401 - the package, which imports its compiled module

        core = sys.modules[_CORE]
    return core


def _load_core() -> Any:
    """pydantic-core's compiled module, loaded from its file without its package (None: not
    found)."""
    spec = util.find_spec("pydantic_core")  # found, not imported
    folders = (spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        for suffix in machinery.EXTENSION_SUFFIXES:
            path = Path(folder) / f"_pydantic_core{suffix}"
            if path.is_file():
                loader = machinery.ExtensionFileLoader(_CORE, str(path))
                found = util.spec_from_file_location(_CORE, path, loader=loader)
                if found is None:  # pragma: no cover - a file and its loader make a spec
                    return None
                module = util.module_from_spec(found)
                loader.exec_module(module)
                sys.modules[_CORE] = module
                return module
    return None


def available() -> bool:
    """Whether the compiled validator is there (the models, pydantic and pydantic-core it was
    made for)."""
    return _compiled() is not None


def validate(name: str, data: Any) -> Any:
    """The plain objects of ``data`` validated as the model ``name`` ("Registry" or
    "Regulation"), or None: not accepted, or no compiled validator (ask pydantic)."""
    compiled = _compiled()
    if compiled is None:
        return None
    try:
        found = compiled[0][name].validate_python(data)
    except Exception:  # noqa: BLE001 - pydantic validates it again and says what is wrong
        interrupts.reraise()
        return None
    if type(found) is not lite.CLASSES[name]:  # not what the models' form makes
        return None
    if name == "Regulation":
        found.__dict__[lite.HASH] = canonical.sha256(without_defaults(found))
    return found


def without_defaults(value: Any) -> Any:
    """``value`` as pydantic's ``model_dump(exclude_defaults=True)`` gives it: each model's
    fields that hold their default left out, at every depth."""
    if isinstance(value, list):
        return [without_defaults(v) for v in value]
    if isinstance(value, dict):
        return {k: without_defaults(v) for k, v in value.items()}
    if not isinstance(value, lite.Lite):
        return value
    compiled = _compiled()
    defaults = compiled[1].get(type(value).__name__, {}) if compiled is not None else {}
    kept = {}
    for key, field in value.__dict__.items():
        if key == lite.HASH:
            continue
        if key in defaults:
            default = defaults[key]
            if field == (default() if callable(default) else default):
                continue
        kept[key] = without_defaults(field)
    return kept
