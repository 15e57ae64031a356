"""A read source → a validated ``Regulation`` and its YAML (nothing is written here)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .. import load
from ..chars import HIDDEN, one_line
from ..errors import DloError, Location, Problem, UsageError, error, warning
from ..i18n import Msg, join
from ..i18n import text as in_ui_language
from ..labels import labels as load_labels
from ..model import Position, Registry
from . import (
    agreed,
    boxes,
    facts,
    foreign,
    groups,
    metadata,
    org_name,
    signed_check,
    states,
    title_block,
)
from .assemble import chapters_data, counts, validated
from .ids import Ids
from .report import Report
from .route import Route, approval_form, read_route
from .source import NO_STRUCTURE, Read
from .structure import build
from .tree import Node, Tree, clauses
from .types import Imported, Options

_KK_LETTERS = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)


def detect_lang(tree: Tree) -> str:
    text = " ".join(c.text for c in tree.chapters[:3]) + " ".join(
        clause.text for _, clause in list(clauses(tree.chapters))[:5]
    )
    # a Russian text may hold a stray Kazakh letter ("ІТ-компетенции"); Kazakh has them often
    cyrillic = len(_CYRILLIC.findall(text))
    return "kk" if len(_KK_LETTERS.findall(text)) > max(1, cyrillic // 200) else "ru"


def recognise(read: Read, lang: str | None) -> tuple[Tree, str]:
    """The source's structure, and its language (detected when not given)."""
    lines, boxed = boxes.apart(read.lines, read.path)
    tree = build(lines, read.path, lang or "kk", read.ours)
    if not tree.chapters:
        raise DloError(
            error(
                Location(read.path),
                NO_STRUCTURE,
                Msg("no chapter or numbered clause was recognised: nothing to import"),
                Msg(
                    'a regulation has chapters ("1 тарау. …", "Глава 1. …") and numbered clauses ("1. …")'
                ),
            )
        )
    if lang is None:
        lang = detect_lang(tree)
        tree = build(lines, read.path, lang, read.ours)
    tree.problems += boxed + read.problems
    return tree, lang


def _proposals(
    tree: Tree, registry: Registry, lang: str, route: Route, link_new: bool
) -> list[facts.Proposal]:
    """Registry entries the text names: matched (ref set on the node) or proposed."""
    proposals = route.new_positions + facts.abbreviations(
        tree.chapters, registry, lang, Ids({a.id for a in registry.abbreviations}), link_new
    )
    proposals += facts.normative_documents(
        tree.chapters, registry, lang, Ids({d.id for d in registry.normative_documents}), link_new
    )
    return proposals


def _file_name(path: str | Path) -> str:
    """The source's file name as the opening comment quotes it: on the comment's line (a carriage
    return or a line separator in it, which YAML reads as a line's end, left the name's rest to
    be read as the file's keys), without a character the file may not hold (a byte of a name not
    in UTF-8) or that prints as nothing (a direction override turns round what follows it)."""
    name = os.fsencode(Path(path).name).decode("utf-8", "replace")
    return one_line(re.sub(HIDDEN, "", name))


def _comment(read: Read, block: title_block.Approval | None) -> str:
    """The file's opening comment, in the clerk's language (they read it first)."""
    imported = Msg(
        "Imported by `dlo import` from {file}. Numbers are computed: source_number\n"
        "keeps the source's own numbering (dlo check compares them); remove it once checked.\n"
        "Check id, code, title, position and the approvers before the draft goes for agreement.",
        file=_file_name(read.path),
    )
    return in_ui_language(imported) + (
        f"\n{in_ui_language(title_block.comment(block))}" if block else ""
    )


@dataclass
class _Who:
    """Whose regulation it is and its route, as registry ids."""

    organisation: str
    unit: str
    position: str | None
    route: Route
    proposals: list[facts.Proposal]
    title: str  # a title to fall back on: the position's, else the unit's


def _ours(
    tree: Tree,
    registry: Registry,
    options: Options,
    kind: str,
    lang: str,
    report: Report,
    block: title_block.Approval | None = None,
) -> _Who:
    """A regulation of the registry's organisation (or of the one whose unit or position the
    options name; ``registry`` is scoped to it): metadata from the registry and the text
    (who approves it: the clause that says so, else the approval block's official)."""
    signed = agreed.read(tree.preamble, tree.appendix)
    page = title_block.rest(tree.preamble, block)
    if signed is not None:  # the agreement block's lines are no title's
        page = [line for line in page if (line.text, line.where) not in signed.lines]
    position = metadata.position(tree, registry, options.position, kind, lang, report, page)
    unit = metadata.unit(registry, options.unit, position, tree, lang, page)
    authority = block.authority if block else None
    route = read_route(
        tree, registry, lang, position, options.update_registry, report, authority, signed
    )
    proposals = _proposals(tree, registry, lang, route, options.update_registry)
    title = registry.position(position).title.get(lang) if position else None
    title = title or registry.unit(unit).name.get(lang) or ""
    org_id = next((u.organisation for u in registry.units if u.id == unit), None)
    return _Who(org_id or registry.organisation.id, unit, position, route, proposals, title)


def _check_signed(
    tree: Tree,
    found: foreign.Foreign,
    registry: Registry,
    clause: Node | None,
    lang: str,
    report: Report,
) -> None:
    """Another organisation's agreement sheet or block against the approvers its clause names,
    read with that organisation's positions: those the registry has, those proposed (whose
    holders it names are proposed too)."""
    signed = agreed.read(tree.preamble, tree.appendix)
    if signed is None:
        return
    entries = [entry for section, entry in found.entries if section == "positions"]
    positions = [
        *foreign.scoped(registry, found.organisation["id"]).positions,
        *(Position.model_validate(entry) for entry in entries),
    ]
    expansions = facts.expansions(tree.chapters, registry, lang)
    signed_check.propose_holders(signed, entries, positions, expansions, lang, report)
    if clause is None or not found.approvers:
        return
    shown = tree.shown(tree.clause_numbers(), clause)
    for group, ids in found.grouped:
        groups.say(group, ids, signed, shown, True, report)
    approvers = [a["id"] for a in found.approvers]
    skip = {found.approval_by["id"], *([found.position["id"]] if found.position else [])}
    difference = signed_check.compare(signed, approvers, positions, skip, expansions, lang)
    signed_check.say(difference, signed, shown, report)


def _theirs(
    tree: Tree,
    org: org_name.Organisation,
    registry: Registry,
    options: Options,
    kind: str,
    lang: str,
    report: Report,
) -> _Who:
    """A regulation of another organisation: nothing from the registry, all from the text."""
    stated = states.mark_states(tree.chapters)
    found = foreign.propose(tree, org, registry, lang, kind, stated)
    org_name.say_named_otherwise(tree, org, report)
    position, unit, approvers, by, initiators = foreign.route(found, org, stated, lang, report)
    _check_signed(tree, found, registry, foreign.agreeing(stated), lang, report)
    route = Route(approvers, by, initiators, [])
    proposals = [facts.Proposal(section, entry, None) for section, entry in found.entries]
    if found.entries and not options.update_registry:
        shown = load.dumps_pretty(
            {s: [e for s2, e in found.entries if s2 == s] for s, _ in found.entries}
        )
        raise UsageError(
            Msg(
                "{path} is a regulation of another organisation ({name}); its "
                "organisation, unit and positions are not in the registry, and none of this "
                "project's are assumed; nothing was written. Proposed from the text:\n{shown}",
                path=report.path,
                name=org.name,
                shown=shown,
            ),
            Msg(
                "import again with --update-registry to add them (check them first); if the "
                "registry has this organisation already, under its name in another language, "
                "import with --unit ID of its unit instead"
            ),
        )
    proposals += _proposals(tree, registry, lang, route, True)
    title = (found.position or found.unit)["title" if found.position else "name"][lang]
    return _Who(found.organisation["id"], unit, position, route, proposals, title)


def _data(
    reg_id: str, kind: str, code: str, title: str, lang: str, who: _Who, form: str, tree: Tree
) -> dict:
    """The regulation's data, keys in the order a person reads them."""
    data: dict = {
        "id": reg_id,
        "kind": kind,
        "code": code,
        "title": {lang: title},
        "organisation": who.organisation,
        "unit": who.unit,
    }
    if who.position:
        data["position"] = who.position
    data |= {
        "languages": [lang],
        "edition": 1,
        **({"numbering": "chapter"} if tree.by_chapter else {}),
        "agreement": {"route": "sequential", "approvers": who.route.approvers},
        "approval": {"by": who.route.by, "form": form},
        "change_initiators": who.route.change_initiators,
    }
    if who.route.instructions_from:
        data["instructions_from"] = who.route.instructions_from
    data["chapters"] = chapters_data(tree)
    return data


TRACKED = "DLO508"  # the source's tracked changes and comments, read as if accepted


def _taken_as_accepted(read: Read) -> Problem:
    """The source's unresolved tracked changes and comments, named: its text is read as if every
    change were accepted (what ``--onto`` refuses unless ``--accept-changes``)."""
    shown = join("; ", [*read.revisions[:5], *(["…"] if len(read.revisions) > 5 else [])])
    return warning(
        Location(read.path),
        TRACKED,
        Msg(
            "the source has {n} unresolved tracked change(s) or comment(s), read as if every "
            "change were accepted: {shown}",
            n=len(read.revisions),
            shown=shown,
        ),
        Msg("check the text against them, or accept or reject them in Word and import again"),
    )


def convert(
    read: Read, registry: Registry, options: Options, templates: Path | None = None
) -> Imported:
    """Recognise ``read`` and build a validated regulation (nothing is written)."""
    tree, lang = recognise(read, options.lang)
    report = Report(read.path, list(tree.problems))
    if read.revisions:
        report.problems.append(_taken_as_accepted(read))
    kind = metadata.kind(tree, options.kind)
    labels = load_labels(lang, templates)
    block = None if read.ours else title_block.read(tree.preamble)
    org = org_name.named_organisation(tree)
    if (
        org is not None
        and not foreign.is_ours(org, registry)
        and options.position is None
        and options.unit is None
    ):
        who = _theirs(tree, org, registry, options, kind, lang, report)
    else:
        org_id = foreign.organisation_given(registry, options.unit, options.position)
        try:
            scoped = foreign.scoped(registry, org_id)
            who = _ours(tree, scoped, options, kind, lang, report, block)
        except UsageError as exc:  # what the text does not say: name the file it is about
            where = read.path if exc.line is None else f"{read.path}:{exc.line}"
            raise UsageError(join(": ", [where, exc.message]), exc.hint) from None
    reg_id = metadata.reg_id(read, options)
    page = title_block.rest(tree.preamble, block)
    code = metadata.code(read, options, page, kind, lang, report)
    title = metadata.title(read, options, page, labels.get("kind", {}).get(kind, ""), code)
    if title is None:
        title = metadata.fallback_title(who.title or reg_id, report)
    if block is not None:
        report.problems.append(title_block.problem(block, read.path, reg_id))
    order_words = labels.get("approval_form_words", {}).get("order", [])
    form = approval_form(tree, block.form if block else None, order_words, report)
    data = _data(reg_id, kind, code, title, lang, who, form, tree)
    yaml_text = load.dumps_pretty(data, comment=_comment(read, block))
    model = validated(yaml_text, data, read.path)
    problems = sorted(set(report.problems))
    return Imported(model, yaml_text, problems, who.proposals, read, counts(model))
