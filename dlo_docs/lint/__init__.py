"""The rule engine: one module per rule, each exporting ``RULE``.

A rule has a code (``DLO1xx``), a default severity, a one-line description and a ``check`` that
yields positioned problems for one regulation.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Callable, Iterable

from ..errors import Problem, Severity
from ..model import Registry
from ..project import Document, Loaded


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    description: str
    check: Callable[[Document, Registry], Iterable[Problem]]


def rules() -> list[Rule]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "RULE"):
            found.append(module.RULE)
    return sorted(found, key=lambda r: r.code)


def run(loaded: Loaded) -> list[Problem]:
    """Every rule over every loaded regulation that has no errors of its own (rules read valid
    data only; errors are reported first)."""
    failed = {p.location.path for p in loaded.errors}
    if loaded.registry is None or loaded.registry_source is None or loaded.registry_source.path in failed:
        return []
    documents = [d for d in loaded.documents.values() if d.source.path not in failed]
    problems: list[Problem] = []
    for rule in rules():
        for document in documents:
            problems.extend(rule.check(document, loaded.registry))
    return sorted(set(problems))
