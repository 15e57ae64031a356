"""Organisation-neutral import: a regulation of another organisation.

A source that names an organisation other than the registry's ("Акционерное общество
«Университет …»", "«…» коммуналдық мемлекеттік мекемесі") takes nothing from this project's
registry: its organisation, unit, position, approvers and approving official are read from what
the text states and proposed as registry entries (written with ``--update-registry``); what the
text does not state is proposed too and reported (DLO511), never borrowed from our registry.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..i18n import Msg
from ..mentions import agreement_said, contains, stating_part, words
from ..model import Registry
from . import agreed, facts, groups, named_titles, superior
from .ids import Ids, slug
from .org_name import Organisation
from .tree import Node, Tree, clauses, full_text

_KIND_RUN_WORDS = {
    "должностная",
    "настоящая",
    "настоящее",
    "изменения",
    "положение",
    "осы",
    "лауазымдық",
    "ереже",
}
_CITY = re.compile(r"(?:город|г\.)\s+(?P<ru>[А-ЯЁ][а-яё-]+)|(?P<kk>[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+)\s+қаласы")


@dataclass
class Foreign:
    """What the text states about another organisation, as registry entries."""

    organisation: dict
    unit: dict
    position: dict | None
    approvers: list[dict]
    approval_by: dict
    entries: list[tuple[str, dict]] = field(default_factory=list)  # (section, entry) to add
    # the groups the clause names in the plural, proposed a position per sheet row (their ids)
    grouped: list[tuple[groups.Group, list[str]]] = field(default_factory=list)

    def one_of(self, text: str) -> list[str]:
        """The positions proposed for the members of a group ``text`` names one of."""
        return [i for group, ids in self.grouped if groups.one_of(group, text) for i in ids]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def is_ours(org: Organisation, registry: Registry) -> bool:
    """Whether the organisation named is the registry's (by its quoted name or short name)."""
    ours = registry.organisation
    names = [*ours.name.values(), *ours.short.values()]
    want = _norm(org.quoted)
    for name in names:
        quoted = re.findall(r"«([^«»]+)»", name) or [name]
        if any(_norm(q) and (_norm(q) in want or want in _norm(q)) for q in quoted):
            return True
    return False


def known(org: Organisation, registry: Registry) -> str | None:
    """The id of the other organisation ``org`` is, if an earlier import added it to the
    registry's ``organisations:`` (by its quoted name)."""
    want = _norm(org.quoted)
    for other in registry.organisations:
        for name in other.name.values():
            if any(_norm(q) == want for q in re.findall(r"«([^«»]+)»", name) or [name]):
                return other.id
    return None


def organisation_given(registry: Registry, unit: str | None, position: str | None) -> str:
    """The organisation of the unit (or of the position's unit) given by ``--unit`` /
    ``--position``; the registry's own when neither names another organisation's."""
    ours = registry.organisation.id
    if position:
        unit = next((p.unit for p in registry.positions if p.id == position), unit)
    found = next((u for u in registry.units if u.id == unit), None)
    return (found.organisation if found is not None else None) or ours


def scoped(registry: Registry, org_id: str) -> Registry:
    """The registry as a regulation of organisation ``org_id`` reads it: that organisation's
    units and positions only, so no text of one organisation is read as naming another's
    (the registry's rector in a Jambyl office's regulation, its "Басшы" in ours)."""
    ours = registry.organisation.id
    units = [u for u in registry.units if (u.organisation or ours) == org_id]
    ids = {u.id for u in units}
    positions = [p for p in registry.positions if (p.unit in ids if p.unit else org_id == ours)]
    return registry.model_copy(update={"units": units, "positions": positions})


def _run(text: str) -> str | None:
    """The capitalised words a clause starts with: "Research Assistant (Ассистент …)"."""
    taken: list[str] = []
    depth = 0
    for token in text.split():
        if depth == 0 and not token.startswith("(") and not token[:1].isupper():
            break
        taken.append(token)
        depth += token.count("(") - token.count(")")
    phrase = " ".join(taken).strip(" ,;:.")
    if not phrase or (len(taken) == 1 and phrase.lower() in _KIND_RUN_WORDS):
        return None
    return phrase


def position_title(tree: Tree) -> str | None:
    """The position a foreign job instruction describes: the subject its clauses start with."""
    runs = Counter(r for _, c in clauses(tree.chapters) if (r := _run(c.text)))
    runs = Counter({r: n for r, n in runs.items() if r.split()[0].lower() not in _KIND_RUN_WORDS})
    if not runs:
        return None
    title, count = runs.most_common(1)[0]
    return title if count >= 2 else None


_RU_ENDING = re.compile(
    r"(?:ого|его|ому|ему|ыми|ими|ых|их|ый|ий|ой|ая|яя|ое|ее|ые|ие|ым|им|ей|ью|ам|ям|ах|ях|"
    r"[аяыиоеьуюй])$"
)


def _mention(word: str, lang: str) -> str:
    """A word as a mention that any case ending follows: "руководитель" → "руководител"."""
    word = word.lower().strip(".,;:")
    if lang == "kk":
        return facts.stem(word, lang)
    stem = _RU_ENDING.sub("", word)
    return stem if len(stem) >= 4 else word


def _title_mention(title: str, lang: str, whole: bool) -> str:
    """A proposed position's mention: its title's words (``whole``: all, a group's member's),
    else the three with the head, the first in Russian, the last in Kazakh, in any case."""
    words = re.sub(r"\([^)]*\)", " ", title).split()
    if not whole:
        words = words[-3:] if lang == "kk" else words[:3]
    return " ".join(_mention(w, lang) for w in words)


def agreeing(stated: dict[str, Node]) -> Node | None:
    """The clause naming the approvers: its own, else the clause on the approval that says whom
    it is agreed with ("… бас бухгалтермен келісім бойынша … бекітіледі", "утверждается … после
    согласования с …")."""
    approval = stated.get("approval")
    if "approvers" in stated or approval is None:
        return stated.get("approvers")
    return approval if agreement_said(full_text(approval)) else None


def _city(tree: Tree, lang: str) -> str | None:
    for _, clause in clauses(tree.chapters):
        m = _CITY.search(clause.text)
        if m:
            return m["ru"] or m["kk"]
    return None


def _existing(registry: Registry, org_id: str, lang: str) -> tuple[dict | None, dict[str, dict]]:
    """The unit and the positions (by title) the registry already has for organisation
    ``org_id``, as entries."""
    units = [u for u in registry.units if u.organisation == org_id]
    ids = {u.id for u in units}
    positions = {
        _norm(title): p.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        for p in registry.positions
        if p.unit in ids and (title := p.title.get(lang))
    }
    unit = None
    if units:
        unit = units[0].model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    return unit, positions


def _organisation(
    tree: Tree, org: Organisation, registry: Registry, lang: str, taken: Ids
) -> tuple[dict, dict, dict[str, dict], list[tuple[str, dict]]]:
    """The organisation and its unit as entries, the positions the registry already has for it
    (by title), and the entries to add (none for an organisation an earlier import added)."""
    org_id = known(org, registry)
    had_unit, had = _existing(registry, org_id, lang) if org_id else (None, {})
    entries: list[tuple[str, dict]] = []
    if org_id is None:
        org_id = taken(slug(org.quoted, words=4, limit=40, fallback="organisation"))
        organisation: dict = {"id": org_id, "name": {lang: org.name}}
        city = _city(tree, lang)
        if city:
            organisation["city"] = {lang: city}
        entries.append(("organisations", organisation))
    else:
        organisation = {"id": org_id, "name": {lang: org.name}}
    unit = had_unit or {"id": taken(f"{org_id}-unit"), "name": {lang: org.quoted}}
    unit = {**unit, "name": {lang: unit["name"].get(lang) or org.quoted}, "organisation": org_id}
    if had_unit is None:
        entries.append(("units", unit))
    return organisation, unit, had, entries


def propose(
    tree: Tree,
    org: Organisation,
    registry: Registry,
    lang: str,
    kind: str,
    stated: dict[str, Node],
) -> Foreign:
    """Registry entries for another organisation's regulation, from what its text states; what
    an earlier import of the same organisation added is used, not proposed again."""
    taken = Ids(
        {registry.organisation.id}
        | {o.id for o in registry.organisations}
        | {u.id for u in registry.units}
        | {p.id for p in registry.positions}
    )
    organisation, unit, had, entries = _organisation(tree, org, registry, lang, taken)

    def position(title: str, group: groups.Group | None = None) -> dict:
        """The title's entry; a group's member's named by all its words and the group's."""
        if _norm(title) in had:
            return had[_norm(title)]
        mention = _title_mention(title, lang, whole=group is not None)
        return {
            "id": taken(slug(title, words=5, limit=60, fallback="position")),
            "title": {lang: title},
            "unit": unit["id"],
            "mentions": {
                lang: [mention or title.lower(), *([groups.mention(group)] if group else [])]
            },
        }

    own_title = position_title(tree) if kind == "job_instruction" else None
    own = position(own_title) if own_title else None
    signed = agreed.read(tree.preamble, tree.appendix)
    expansions = facts.expansions(tree.chapters, registry, lang)
    approvers: list[dict] = []
    found_groups: list[tuple[groups.Group, list[str]]] = []
    for title, said in named_titles.stated(agreeing(stated), lang):
        group = groups.find(said, signed, expansions, lang) if said else None
        members = [position(row, group) for row in group.rows] if group else []
        approvers += members or [position(title)]
        if group is not None:
            found_groups.append((group, [m["id"] for m in members]))
    by_titles = [t for t, _ in named_titles.stated(stated.get("approval"), lang, approval=True)]
    head = "Басшы" if lang == "kk" else "Руководитель"
    by = next(
        (a for a in approvers if by_titles and a["title"][lang] == by_titles[0]), None
    ) or position(by_titles[0] if by_titles else head)
    if own is not None:
        superior.propose(own, stated.get("reports_to"), [*approvers, by], lang)
    new = [
        p for p in ([own] if own else []) + approvers + [by] if _norm(p["title"][lang]) not in had
    ]
    for p in new:
        if ("positions", p) not in entries:
            entries.append(("positions", p))
    return Foreign(organisation, unit, own, approvers, by, entries, found_groups)


def route(found: Foreign, org: Organisation, stated: dict[str, Node], lang: str, report) -> tuple:
    """(position, unit, approvers, approval.by, change_initiators) as ids of the proposals."""
    position = found.position["id"] if found.position else None
    approvers = [a["id"] for a in found.approvers]
    by = found.approval_by["id"]
    if approvers:
        clause = agreeing(stated)
        assert clause is not None  # (the approvers are read from it)
        report.confirm(
            clause.where,
            Msg(
                "agreement.approvers proposed from the text: {titles}",
                titles=", ".join(a["title"][lang] for a in found.approvers),
            ),
            Msg("confirm the approvers and their order (the route is sequential)"),
        )
    else:
        approvers = [by]
        report.assumed(
            Msg(
                "no clause names the approvers; agreement.approvers set to {by} ({value} of {name}, proposed)",
                by=by,
                value=found.approval_by["title"][lang],
                name=org.name,
            ),
            Msg("list the approvers in agreement.approvers"),
        )
    if stated.get("approval") is None:
        report.assumed(
            Msg("no clause names who approves; approval.by set to {by} (proposed)", by=by),
            Msg("set approval.by"),
        )
    superior.confirm(found.position, stated.get("reports_to"), lang, report, found.one_of)
    initiators = _initiators(found, stated.get("change_initiators"), lang)
    if initiators:
        report.confirm(
            stated["change_initiators"].where,
            Msg("change_initiators proposed from the text: {ids}", ids=", ".join(initiators)),
            Msg("confirm who initiates changes"),
        )
    else:
        initiators = [position or by]
        report.assumed(
            Msg("change_initiators set to {initiators} (proposed)", initiators=initiators[0]),
            Msg("set change_initiators"),
        )
    report.assumed(
        Msg(
            "the source names another organisation: {name}; its organisation, unit and positions are proposed from the text, nothing is taken from this project's registry",
            name=org.name,
        ),
        Msg("check the proposed registry entries"),
    )
    return position, found.unit["id"], approvers, by, initiators


def _initiators(found: Foreign, clause: Node | None, lang: str) -> list[str]:
    """The proposed positions the clause on changes names as writing the memo a change is made
    on (``mentions.initiating_part``); none (the clause then states no fact) when it names none
    of them."""
    if clause is None:
        return []
    said = words(stating_part("change_initiators", full_text(clause)))
    proposed = [*([found.position] if found.position else []), *found.approvers, found.approval_by]
    named = [
        p["id"]
        for p in proposed
        if any(contains(said, m) for m in p.get("mentions", {}).get(lang, []))
    ]
    if not named:
        clause.states = None
    return list(dict.fromkeys(named))
