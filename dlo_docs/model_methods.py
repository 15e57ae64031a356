"""What the data model offers besides its fields, without pydantic: the bounds of its values
(languages, years, editions), a text in one language, and the methods of the registry, a
position and a regulation.

The methods are mixins that both the pydantic models (``model``) and the plain objects rebuilt
from a validated snapshot (``lite``) inherit, so each is defined once and works on either; a
mixin only reads the fields its model declares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .i18n import Msg

if TYPE_CHECKING:
    from .model import Chapter, Clause, Item, Organisation, Paragraph, Position, Unit

LANGS: tuple[str, ...] = ("kk", "ru")

# Dates a project file may hold: the years of real documents, so that a date plus a review period
# or a time zone is always a date (9999-12-31 + 3 years is not).
FIRST_YEAR, LAST_YEAR = 1900, 2199
MAX_EDITION = 10_000


def sane_date(day: dt.date) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(
            Msg(
                "the year {year} is outside {first}..{last}",
                year=day.year,
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        )
    return day


def text_in(text: str | Mapping[str, str] | None, lang: str, default_lang: str) -> str | None:
    """The text in ``lang``; a plain string counts as the document's first language."""
    if text is None:
        return None
    if isinstance(text, str):
        return text if lang == default_lang else None
    return text.get(lang)


def walk_items(items: list[Item], depth: int = 1) -> Iterator[tuple[int, Item]]:
    for item in items:
        yield depth, item
        yield from walk_items(item.items, depth + 1)


def own_position(
    registry: RegistryMethods | None, kind: str, position: str | None, unit: str | None
) -> str | None:
    """The position whose own document a regulation (of ``kind``, for ``position`` or ``unit``)
    is, whose holder therefore neither agrees to it nor approves it (DLO121): a job
    instruction's position; a unit regulation's unit's head as ``registry`` gives it (None: the
    registry names no head of it, no such unit, or no registry is given)."""
    if kind == "job_instruction":
        return position or None
    units = registry.units if registry is not None else []
    found = next((u for u in units if u.id == unit), None)
    return found.head if found is not None else None


class PositionMethods:
    if TYPE_CHECKING:
        mentions: Mapping[Any, list[str]]  # by language

    def mentions_in(self, lang: str) -> list[str]:
        """The position's mentions in ``lang`` (none in a language it has none for)."""
        return next((stems for code, stems in self.mentions.items() if code == lang), [])


class RegistryMethods:
    if TYPE_CHECKING:
        organisation: Organisation
        organisations: list[Organisation]
        units: list[Unit]
        positions: list[Position]

    def position(self, pid: str) -> Position:
        return next(p for p in self.positions if p.id == pid)

    def unit(self, uid: str) -> Unit:
        return next(u for u in self.units if u.id == uid)

    def readers(self, kind: str, position: str | None, unit: str) -> list[str]:
        """The positions whose holders have to read a regulation and sign its acquaintance
        sheet: a job instruction's position; for a unit regulation, every position of its unit,
        in the registry's order. Not its sub-units' (``parent:``): each has its own regulation,
        and the registry's root unit (the rectorate) would take in the whole organisation."""
        if kind == "job_instruction" and position:
            return [position]
        return [p.id for p in self.positions if p.unit == unit]

    def positions_of(self, oid: str) -> set[str]:
        """Ids of the positions of an organisation (by their unit; no unit: the registry's)."""
        units = {u.id: u.organisation or self.organisation.id for u in self.units}
        return {
            p.id
            for p in self.positions
            if (units.get(p.unit) if p.unit else self.organisation.id) == oid
        }

    def organisation_of(self, oid: str) -> Organisation:
        """The registry's organisation, or another one it lists, by id."""
        if oid == self.organisation.id:
            return self.organisation
        return next((o for o in self.organisations if o.id == oid), self.organisation)


class RegulationMethods:
    if TYPE_CHECKING:
        languages: Sequence[str]
        chapters: list[Chapter]

    @property
    def main_lang(self) -> str:
        return self.languages[0]

    def clauses(self) -> Iterator[tuple[Chapter, Paragraph | None, Clause]]:
        """Every clause in document order with its chapter and paragraph."""
        for chapter in self.chapters:
            for clause in chapter.clauses:
                yield chapter, None, clause
            for paragraph in chapter.paragraphs:
                for clause in paragraph.clauses:
                    yield chapter, paragraph, clause
