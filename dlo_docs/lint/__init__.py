"""The rule engine: one module per rule (yamllint style), each exporting ``RULE``, and listed in
``_RULE_MODULES`` below (a test checks that no rule module is left out).

A rule (``rule.Rule``) has a code (``DLO1xx``), a default severity, a one-line description and a
``check`` that yields positioned problems for one regulation, seen through a ``view.View``.
Modules without ``RULE`` (``rule``, ``view``, ``vocab``, ``abbrev``, ``output``) are helpers.

A document may silence a rule for one place, with a stated reason::

    - id: change-procedure
      silence:
      - rule: DLO108
        reason: the unit calls this text "Ереже" in its own order; kept as signed

A silence covers the element it is on and everything inside it (on the regulation: the whole
file). It silences warnings only: an error means the document cannot be approved as it is, so
it stays an error, silenced or not (the workflow's gate refuses it). The engine itself reports,
as DLO100, a silence without a reason (it then silences nothing), a silence naming an unknown
rule, one naming a rule that reports only errors or covering an error (errors), and a silence
that silences nothing (a warning).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import Location, Problem, error, warning
from ..i18n import Msg
from ..labels import template_dirs
from ..load import Source
from ..model import Registry, Regulation
from ..project import Document, Loaded
from . import (
    abbrev_definition,
    abbrev_not_listed,
    abbrev_undefined,
    approver_allowed,
    citations,
    city,
    comment_cut,
    control_chars,
    duplicates,
    facts,
    form_names,
    genitive,
    missing_part,
    mixed_script,
    parity,
    placeholder,
    renumbered_ref,
    repetition,
    required_parts,
    self_approval,
    self_name,
    source_numbers,
    spacing,
    typed_number,
)
from .rule import Rule
from .view import View

__all__ = ["ERRORS", "Rule", "check_document", "listing", "rules", "run"]

SILENCE = "DLO100"

_RULE_MODULES = (
    abbrev_definition,
    abbrev_not_listed,
    abbrev_undefined,
    approver_allowed,
    citations,
    city,
    comment_cut,
    control_chars,
    duplicates,
    facts,
    form_names,
    genitive,
    missing_part,
    mixed_script,
    parity,
    placeholder,
    renumbered_ref,
    repetition,
    required_parts,
    self_approval,
    self_name,
    source_numbers,
    spacing,
    typed_number,
)
_RULES = tuple(sorted((m.RULE for m in _RULE_MODULES), key=lambda r: r.code))


def rules() -> list[Rule]:
    """Every rule, by code."""
    return list(_RULES)


ENGINE_RULE = Rule(
    SILENCE,
    "silence",
    "error",
    "a silence must name a known rule, give a reason and silence a warning (never an error)",
    lambda view: (),
)


def listing() -> list[Rule]:
    """What ``dlo check --list-rules`` prints: the engine's own code, then every rule."""
    return [ENGINE_RULE, *rules()]


# the codes whose problems can be errors: the rules a draft must pass to move forward (the
# others only warn, and warnings never refuse it), and the engine's own (a silence without a
# reason or of an unknown rule)
ERRORS = tuple(r.code for r in listing() if r.may_error)


# -- silences ------------------------------------------------------------------------------


@dataclass
class _Silence:
    rule: str
    reason: str | None
    at: Location  # where the silence entry is written
    start: tuple[int, int]  # the span it covers: (line, col) from ...
    end: tuple[int, int] | None  # ... up to (not including); None: to the end of the file
    used: bool = False  # a warning silenced
    error: Problem | None = None  # the first error it covers, which it does not silence

    def covers(self, problem: Problem) -> bool:
        pos = (problem.location.line, problem.location.col)
        return (
            problem.code == self.rule and self.start <= pos and (self.end is None or pos < self.end)
        )


def _silences(view: View) -> list[_Silence]:
    source, model = view.source, view.model
    found = [
        _Silence(s.rule, s.reason, source.at(["silence", i]), (0, 0), None)
        for i, s in enumerate(model.silence)
    ]
    elements = list(view.locs.items())  # pre-order: the order of the file
    for index, (eid, loc) in enumerate(elements):
        element = view.by_id[eid].element
        if not element.silence:
            continue
        # up to the next element that is not inside this one (positions only where needed)
        after = next(
            (other for _, other in elements[index + 1 :] if other[: len(loc)] != loc), None
        )
        start, end = _start(source, loc), None if after is None else _start(source, after)
        for i, s in enumerate(element.silence):
            found.append(_Silence(s.rule, s.reason, source.at([*loc, "silence", i]), start, end))
    return found


def _start(source: Source, loc: tuple) -> tuple[int, int]:
    at = source.at(list(loc))
    return at.line, at.col


def _apply_silences(view: View, problems: list[Problem], ran: set[str]) -> list[Problem]:
    """``problems`` without the warnings a silence (with a reason) covers, and with what is
    wrong with each silence. An error is never silenced."""
    silences = _silences(view)
    if not silences:
        return problems
    kept: list[Problem] = []
    for problem in sorted(problems):
        covering = [s for s in silences if s.reason and s.reason.strip() and s.covers(problem)]
        for s in covering:
            if problem.severity != "error":
                s.used = True
            elif s.error is None:
                s.error = problem
        if not covering or problem.severity == "error":
            kept.append(problem)
    by_code = {r.code: r for r in rules()}
    kept.extend(p for s in silences if (p := _wrong(s, by_code.get(s.rule), ran)) is not None)
    return kept


def _wrong(s: _Silence, rule: Rule | None, ran: set[str]) -> Problem | None:
    """What is wrong with the silence ``s`` of ``rule`` (None: an unknown code), if anything."""
    if rule is None:
        return error(
            s.at,
            SILENCE,
            Msg("silence names an unknown rule {rule}", rule=s.rule),
            Msg("see dlo check --list-rules"),
        )
    if not (s.reason and s.reason.strip()):
        return error(
            s.at,
            SILENCE,
            Msg("silence of {rule} gives no reason, so it silences nothing", rule=s.rule),
            Msg("add reason: why this place is right as it is"),
        )
    if rule.only_errors:
        return error(
            s.at,
            SILENCE,
            Msg(
                "silence of {rule}: its problems are errors, which cannot be silenced", rule=s.rule
            ),
            Msg(
                "remove the silence and fix the text: with an error the document cannot be approved"
            ),
        )
    if s.error is not None:
        return error(
            s.at,
            SILENCE,
            Msg(
                "silence of {rule} cannot silence the error at line {line}: a silence silences "
                "warnings only",
                rule=s.rule,
                line=s.error.location.line,
            ),
            Msg("fix the text there: with an error the document cannot be approved"),
        )
    if not s.used and s.rule in ran:
        return warning(
            s.at,
            SILENCE,
            Msg("silence of {rule} silences nothing here", rule=s.rule),
            Msg("remove it: the problem it silenced is gone"),
        )
    return None


# -- running -------------------------------------------------------------------------------


def check_document(
    document: Document,
    registry: Registry,
    select: Iterable[str] | None = None,
    templates: Path | None = None,
    previous: Regulation | None = None,
) -> list[Problem]:
    """Every rule (or the ``select``-ed codes) over one valid regulation, silences applied.
    ``templates`` is the project's templates/ folder, whose label sets the rules read;
    ``previous``, the frozen edition the regulation's draft revises, if it is one."""
    view = View(document, registry, templates, previous)
    wanted = set(select) if select is not None else None
    problems: list[Problem] = []
    ran = set()
    for rule in rules():
        if wanted is None or rule.code in wanted:
            problems.extend(rule.check(view))
            ran.add(rule.code)
    problems = _apply_silences(view, problems, ran)
    if wanted is not None:
        problems = [p for p in problems if p.code in wanted]
    return sorted(set(problems))


def run(
    loaded: Loaded, select: Iterable[str] | None = None, templates: Path | None = None
) -> list[Problem]:
    """Every rule over every loaded regulation that has no errors of its own (rules read valid
    data only; errors are reported first). ``templates``: the project's templates/ folder."""
    failed = {p.location.path for p in loaded.errors}
    if (
        loaded.registry is None
        or loaded.registry_source is None
        or loaded.registry_source.path in failed
    ):
        return []
    problems: list[Problem] = []
    for document in loaded.documents.values():
        if document.source.path not in failed:
            problems.extend(
                _remembered(document, loaded.registry, loaded.registry_source, select, templates)
            )
    return sorted(set(problems))


# -- the same content, the same problems ----------------------------------------------------

MEMO_SIZE = 256  # documents whose problems are kept (least recently used out first)
_memo: OrderedDict[tuple, tuple[Problem, ...]] = OrderedDict()


@lru_cache(maxsize=64)
def _digest(text: str) -> str:
    """The sha256 of a text (the same text object is hashed once)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _remembered(
    document: Document,
    registry: Registry,
    registry_source: Source,
    select: Iterable[str] | None,
    templates: Path | None,
) -> list[Problem]:
    """``check_document``, remembered in this process by what decides its result: the
    regulation's text and where it is shown from, the registry's text, the label sets' folder
    (``labels`` reads each set once per process) and the rules selected. A command that lints
    a text another command of the same process linted unchanged (``submit`` then ``approve``)
    gets the same problems without running the rules again; any change of a byte of either file
    is another key."""
    key = (
        document.source.path,
        _digest(document.source.text),
        _digest(registry_source.text),
        tuple(map(str, template_dirs(templates))),
        None if select is None else tuple(sorted(set(select))),
    )
    found = _memo.get(key)
    if found is None:
        found = tuple(check_document(document, registry, select, templates))
        _memo[key] = found
        while len(_memo) > MEMO_SIZE:
            _memo.popitem(last=False)
    else:
        _memo.move_to_end(key)
    return list(found)
