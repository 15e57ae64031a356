"""The import's findings about one source, collected while converting it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Location, Problem, warning
from .types import ASSUMED, CONFIRM


@dataclass
class Report:
    path: str
    problems: list[Problem] = field(default_factory=list)

    def assumed(self, message: str, hint: str, where: int | None = None) -> None:
        """Metadata the source does not carry, set by the import; ``where``: the source line it
        was inferred from, when one was."""
        at = Location(self.path) if where is None else Location(self.path, where, 1)
        self.problems.append(warning(at, ASSUMED, message, hint))

    def confirm(self, where: int, message: str, hint: str) -> None:
        """A fact taken from the text at source line ``where``: to be confirmed."""
        self.problems.append(warning(Location(self.path, where, 1), CONFIRM, message, hint))
