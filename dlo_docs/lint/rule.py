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
    # whether some of its problems are warnings although its default severity is error (a
    # silence of a rule that reports only errors is itself an error: an error is never silenced)
    some_warnings: bool = False

    @property
    def may_error(self) -> bool:
        """Whether the rule can report an error: a draft with none of these is not refused."""
        return self.severity == "error" or self.some_errors

    @property
    def only_errors(self) -> bool:
        """Whether every problem of the rule is an error: nothing of it can be silenced."""
        return self.severity == "error" and not self.some_warnings
