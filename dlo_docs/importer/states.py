"""Which clause states which fact of the route: who agrees the document, who approves it, who
initiates changes, whom its holder reports to and takes instructions from. Each is found by its
verbs; a clause marked ``states:`` is read for the fact's positions (``route``) and kept in step
with the data by ``dlo check``.
"""

from __future__ import annotations

import itertools

from ..mentions import words
from .changes import by_memo
from .tree import Node, clauses, full_text


def _both(firsts: tuple[str, ...], seconds: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [(a, b) for a in firsts for b in seconds]


# Verbs by which a clause states a fact (word prefixes; Kazakh and Russian).
_STATES: list[tuple[str, list[tuple[str, ...]]]] = [
    (
        "approvers",
        [
            ("келісіледі",),
            ("келісілуге",),  # "… келісілуге тиіс": it is to be agreed with …
            ("согласовыва",),
            ("согласуется",),
            ("визируется",),
            ("визаланады",),
        ],
    ),
    ("approval", [("бекітіледі",), ("утверждается",)]),
    ("change_initiators", [("өзгеріс", "бастама"), ("изменени", "инициатив")]),
    ("reports_to", [("бағынады",), ("подчиняется",), ("подчинен",)]),
    (
        "instructions_from",
        _both(("тапсырмаларды", "нұсқауларды"), ("алады",))
        + _both(("получает",), ("задани", "указани", "поручени")),
    ),
]

_RULES = dict(_STATES)

# how a document names itself (word prefixes): a clause about its agreement or approval does
_SELF_NAMES = ("нұсқаулы", "ереже", "лн", "инструкци", "положени", "ди", "регламент")
_OF_ITSELF = ("approvers", "approval")
# the document naming itself as a clause's subject: "this" and its kind's name, in the nominative
_THIS = frozenset({"настоящее", "настоящая", "настоящий", "данное", "данная", "осы", "бұл"})
_ITSELF = frozenset({"положение", "инструкция", "регламент", "ереже", "нұсқаулық", "лн", "ди"})
# …, unless the clause is about documents made from it: "Настоящее Положение является основой
# для … инструкций, которые согласовываются …", "Осы Ереже негізінде …, олар … келісіледі"
_ABOUT_OTHERS = ("котор", "являет", "служит", "негіз", "олар", "сәйкес")
# … or as the object of an active verb, where the accusative tells it from the subject ("Осы
# Ережені … визалайды"; not "Осы Ереже … тәртібін бекітеді", which approves something else)
_THIS_OBJECT = frozenset({"настоящую", "данную", "осы", "бұл"})
_ITSELF_OBJECT = frozenset({"инструкцию", "ережені", "нұсқаулықты"})
# whole words saying the fact of the document named as the subject (done: "Настоящая инструкция
# согласована с …") or as the object (an active verb: "… бастығы келіседі", "… Ректор бекітеді")
_DONE: dict[str, dict[str, frozenset[str]]] = {
    "subject": {
        "approvers": frozenset({"согласована", "согласовано", "согласован"}),
        "approval": frozenset({"утверждена", "утверждено", "утвержден"}),
    },
    "object": {
        "approvers": frozenset(
            {"келіседі", "визалайды", "согласовывают", "согласуют", "визирует", "визируют"}
        ),
        "approval": frozenset({"бекітеді", "утверждает", "утверждают"}),
    },
}


def _says_any(text_words: list[str], prefixes: tuple[str, ...]) -> bool:
    # a short one ("ЛН", "ДИ") is a whole word: "директор" does not name the document
    return any(w.startswith(p) if len(p) > 2 else w == p for w in text_words for p in prefixes)


def _says(text_words: list[str], needles: tuple[str, ...]) -> bool:
    return all(any(w.startswith(n) for w in text_words) for n in needles)


def _itself_as(text_words: list[str]) -> str | None:
    """How a clause names the document as itself, named first: as its subject ("Настоящее
    Положение согласовывается", "Осы ЛН келісіледі", "Настоящая должностная инструкция"), as the
    object of an active verb ("Осы Ережені … визалайды", "Настоящую инструкцию согласовывают
    …"), or not at all (None): not a kind of documents ("Положения о секторах"), the document
    cited ("в соответствии с настоящим Положением", "Изменения в настоящую инструкцию", "осы
    Ережеге сәйкес") nor documents made from it."""
    if not text_words or any(w.startswith(_ABOUT_OTHERS) for w in text_words):
        return None
    named = set(text_words[1:3])
    if text_words[0] in _THIS and _ITSELF & named:
        return "subject"
    if text_words[0] in _THIS_OBJECT and _ITSELF_OBJECT & named:
        return "object"
    return None


def _said_of_itself(fact: str, text_words: list[str], itself_as: str) -> bool:
    """The clause says ``fact`` of the document named as ``itself_as``: as the subject, by a
    passive verb (``_STATES``) or as done ("согласована с …"); as the object, by an active verb."""
    done = bool(_DONE[itself_as][fact] & set(text_words))
    passive = any(_says(text_words, needles) for needles in _RULES[fact])
    return done or (passive and itself_as == "subject")


def _agreed_with(text_words: list[str]) -> bool:
    """ "… согласована с …": the document's kind named, said to be agreed with someone (not
    "должна быть заново утверждена в случаях …", a rule for later)."""
    done = _DONE["subject"]["approvers"]
    return any(w in done and nxt in ("с", "со") for w, nxt in itertools.pairwise(text_words))


def _first_stating(clause: Node, found: dict[str, Node], itself: bool) -> str | None:
    """The first fact not yet found that ``clause`` states (of the document's agreement and
    approval: only naming the document itself when ``itself``)."""
    own = words(clause.text)
    itself_as = _itself_as(own) if itself else None
    for fact, rules in _STATES:
        if fact in found or (itself and fact not in _OF_ITSELF):
            continue
        if itself:
            if itself_as is not None and _said_of_itself(fact, own, itself_as):
                return fact
            continue
        if fact in _OF_ITSELF and not _says_any(own, _SELF_NAMES):
            continue
        text_words = words(full_text(clause)) if fact == "instructions_from" else own
        if fact == "approvers" and _agreed_with(own):
            return fact
        if any(_says(text_words, needles) for needles in rules):
            return fact
    return None


def mark_states(chapters: list[Node]) -> dict[str, Node]:
    """Mark the first clause stating each fact; returns fact → clause. Who agrees and who
    approves are facts of the document itself: its clause names it ("Осы ЛН келісіледі",
    "Должностная инструкция утверждается"), as itself ("Настоящее Положение согласовывается")
    before a clause on a kind of documents ("Положения о секторах согласовываются"); "the
    structure is approved" states neither. With no clause naming an initiative, the best ranked
    clause on changes by a memo (``changes``)."""
    found: dict[str, Node] = {}
    for itself in (True, False):
        for _, clause in clauses(chapters):
            if clause.states is None and (fact := _first_stating(clause, found, itself)):
                clause.states = fact
                found[fact] = clause
    if "change_initiators" not in found and (memo := by_memo(chapters)) is not None:
        found["change_initiators"], memo.states = memo, "change_initiators"
    return found
