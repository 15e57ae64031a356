"""What a lint rule is: a code, a name, a default severity, a one-line description and a check
over one regulation seen through a ``View``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import Problem, Severity
from .view import View


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    description: str
    check: Callable[[View], Iterable[Problem]]
