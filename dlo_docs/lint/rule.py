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
    # whether some of its problems are errors although its default severity is not (a test
    # reads each rule's source: a rule that writes an error says so here)
    some_errors: bool = False

    @property
    def may_error(self) -> bool:
        """Whether the rule can report an error: a draft with none of these is not refused."""
        return self.severity == "error" or self.some_errors
