"""Finding which registry positions a text names, across Kazakh and Russian case endings.

A mention is a phrase whose every word must begin a word of the text, in order
("проректор" matches "проректормен", "бастығ" matches "бастығының"). Text in parentheses
("(одан әрі – ҮББИ)") is ignored, so a definition inside a name does not break it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .model import Registry

_WORD = re.compile(r"\w+", re.UNICODE)
_PARENS = re.compile(r"\([^()]*\)")
# agreeing, or endorsing with a visa ("визируется начальником …", "… бастығы визалайды",
# "согласуется с …", "… бастығы келіседі")
_AGREES = re.compile(
    r"\b(?:согласов|согласу|келісіл|келісед|келісу|келісім|визир|визалай)\w*", re.IGNORECASE
)
# approving, or bringing into force on approval ("вводится в действие приказом", "қолданысқа
# енгізіледі"): said apart from the agreement, an official named there does not agree the text
# (a verb or "на утверждение", "подлежит утверждению": not "утвержденными приказом", which
# cites another act)
_APPROVE_VERB_RU = r"(?:утвержда(?:ется|ются|ет|ют)|утверждени\w*|вводит(?:ся)?|вводятся)\b"
_APPROVES_RU = re.compile(r"[\s,;]+(?:и\s+|а\s+также\s+)?" + _APPROVE_VERB_RU, re.IGNORECASE)
_APPROVE_WORD_RU = re.compile(r"\b" + _APPROVE_VERB_RU, re.IGNORECASE)
# an order and whose it is, to the punctuation: "приказом Ректора", "в приказе о порядке …"
_CITED_ORDER_RU = re.compile(
    r"\bприказ\w*(?:(?!\s+(?:и\s+)?(?:согласов|утвержда|вводит)|\s-\s)[^,;:–—()])*", re.IGNORECASE
)
# a Russian agreement word its officials follow: a passive verb, a participle or a noun
# ("согласовывается с …", "согласованная с …", "по согласованию с …", "визируется …"); before
# an active one ("… визирует", "… согласовывают") they may stand
_FOLLOWED_RU = re.compile(
    r"(?:согласовыва|согласу)\w*ся|согласованн\w*|согласован[аоы]?|согласовани\w*|визиру\w*ся",
    re.IGNORECASE,
)
# a Russian predicate: a reflexive verb or a participle ("разрабатывается", "разработанное",
# "переведённый", "подготовленных"), not an adjective in -енн- ("государственной",
# "временной", "военной", "современной", "ценной", "особенной", "письменной", "сменной",
# "неизменной", "жизненной", "именной", "откровенной", "постепенной"...)
_ADJECTIVE_ENN = (
    r"(?<!ств)(?<!врем)(?<!\bво)(?<!\bц)(?<!\bособ)(?<!гнов)(?<!кнов)"
    r"(?<!исьм)(?<!\bсм)(?<!изм)(?<!жизн)(?<!\bим)(?<!кров)(?<!степ)"
)
_PREDICATE_RU = re.compile(
    rf"\w+(?:ся|(?:анн|{_ADJECTIVE_ENN}[её]нн)(?:ый|ое|ая|ого|ому|ой|ым|ыми|ом|ую|ые|ых))\b",
    re.IGNORECASE,
)
_NEXT_SENTENCE = re.compile(r"(?<!\b\w)\.\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")  # not "и. о. Ректора"
_APPROVES_KK = re.compile(r"\b(?:бекіт|енгізіл)\w*", re.IGNORECASE)
_ORDER_KK = re.compile(r"\bбұйры\w*", re.IGNORECASE)  # "… проректордың бұйрығымен"


def without_parens(text: str) -> str:
    """``text`` with every parenthesised part blanked out, as mentions are matched."""
    return _PARENS.sub(" ", text)


def word_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each word of ``text``, as ``words`` splits it."""
    return [m.span() for m in _WORD.finditer(text)]


def words(text: str) -> list[str]:
    return _WORD.findall(without_parens(text).lower())


def contains(text_words: list[str], phrase: str) -> bool:
    return _contains_words(text_words, _phrase_words(phrase))


@functools.lru_cache(maxsize=4096)
def _phrase_words(phrase: str) -> tuple[str, ...]:
    """The words of a phrase looked for (the vocabulary's few hundred: each split once)."""
    return tuple(words(phrase))


def _contains_words(text_words: list[str], want: Sequence[str]) -> bool:
    if not want:
        return False
    first, rest = want[0], want[1:]
    for i in range(len(text_words) - len(want) + 1):
        if text_words[i].startswith(first) and all(
            text_words[i + 1 + k].startswith(w) for k, w in enumerate(rest)
        ):
            return True
    return False


# In a Kazakh chain of possessors only the last takes the genitive: a title naming its unit in
# the genitive ("бөлімінің бастығы") names it bare where the whole title is a possessor ("…
# бөлімі бастығының бастамасы"). A mention's inner genitive of a possessive word ("бөлімінің",
# "институтының") is matched by its bare stem, which begins both.
_KK_CHAIN_GENITIVE = re.compile(r"^(\w+[ыі])н[ыі]ң$")


def mention_words(mention: str, lang: str) -> list[str]:
    """The words a position's mention is matched by: its words, in Kazakh every one but the last
    without the genitive of a chain (``_KK_CHAIN_GENITIVE``)."""
    found = words(mention)
    if lang != "kk":
        return found
    return [_KK_CHAIN_GENITIVE.sub(r"\1", word) for word in found[:-1]] + found[-1:]


# the mentions of a registry's positions by their first word, per (registry, language): a
# registry object is never changed in place (a changed registry is a copy), and is held here so
# that its id is not reused while the entry lives
_Index = dict[str, list[tuple[str, list[str]]]]
_INDEX: dict[tuple[int, str], tuple[Registry, list, _Index, int]] = {}
_INDEXED = 8  # entries kept


def _by_first_word(registry: Registry, lang: str) -> tuple[_Index, int]:
    """First word of a mention -> (position id, the mention's words), in registry order; and
    the length of the longest first word."""
    key = (id(registry), lang)
    hit = _INDEX.get(key)
    if hit is not None and hit[0] is registry and hit[1] is registry.positions:
        return hit[2], hit[3]
    index: _Index = {}
    for pos in registry.positions:
        for mention in pos.mentions_in(lang):
            want = mention_words(mention, lang)
            if want:
                index.setdefault(want[0], []).append((pos.id, want))
    if len(_INDEX) >= _INDEXED:
        _INDEX.clear()
    longest = max(map(len, index), default=0)
    _INDEX[key] = (registry, registry.positions, index, longest)
    return index, longest


def named_positions(text: str, registry: Registry, lang: str) -> set[str]:
    """Ids of the positions whose mentions appear in ``text``. A mention can only appear where
    its first word begins a word of the text: only those mentions are tried, so the work is
    the text's, not the registry's size."""
    index, longest = _by_first_word(registry, lang)
    if not index:
        return set()
    found: set[str] = set()
    text_words = words(text)
    for word in set(text_words):
        for end in range(1, min(len(word), longest) + 1):
            for pid, want in index.get(word[:end], ()):
                if pid not in found and _contains_words(text_words, want):
                    found.add(pid)
    return found


def _agreement_span(text: str, agree: re.Match[str]) -> tuple[int, int]:
    """Where the agreement verb ``agree`` says who agrees the text. In Russian from the start (from
    the verb when the approval is said before it, "утверждается приказом ректора и согласовывается
    с …"; where the officials follow the verb, from the part of the sentence it opens,
    "разрабатывается проректором …, согласовывается с …") to the approval said after it or the
    sentence's end. In Kazakh, whose officials precede their verbs, from the start (or the end of
    an approval or an order said before it: "… бұйрығымен бекітіледі және … бастығымен
    келісіледі", "… бұйрығымен ҮББИ директорының келісімі бойынша …") to the verb. Where no
    approval is said, to the text's end."""
    stop = _NEXT_SENTENCE.search(text, agree.end())
    end = stop.start() if stop else len(text)
    ru_before = _APPROVE_WORD_RU.search(text, 0, agree.start())
    ru_after = _APPROVES_RU.search(text, agree.end())
    # officials following the verb: from the part of the sentence it opens, after another
    # predicate's ("разрабатывается проректором …, согласовывается с …"; not "С начальником ОУП,
    # начальником ОПО согласовывается …", a list)
    followed = 0
    if _FOLLOWED_RU.fullmatch(agree.group()):
        comma = max(text.rfind(",", 0, agree.start()), text.rfind(";", 0, agree.start()))
        followed = comma + 1 if _PREDICATE_RU.search(text, 0, max(comma, 0)) else 0
    if ru_before is not None or ru_after is not None:
        start = agree.start() if ru_before else followed
        return (start, min(ru_after.start() if ru_after else end, end))
    kk_before = [m.end() for m in _APPROVES_KK.finditer(text, 0, agree.start())]
    if kk_before or _APPROVES_KK.search(text, agree.end()):
        orders = [m.end() for m in _ORDER_KK.finditer(text, 0, agree.start())]
        return (max(kk_before + orders, default=0), agree.end())
    return (followed, len(text))


def _agreement_spans(text: str) -> list[tuple[int, int]]:
    """Where a clause says who agrees it, one span for each agreement verb of the first sentence
    saying it (not "Изменения вносятся по согласованию с …" or "Подлинник согласованной
    инструкции хранится у …" after it), overlapping ones merged, an order it cites and its author left out ("в порядке, утвержденном приказом
    проректора, …", "по согласованию с … приказом Ректора")."""
    spans: list[tuple[int, int]] = []
    first = _AGREES.search(text)
    stop = _NEXT_SENTENCE.search(text, first.end()) if first else None
    for agree in _AGREES.finditer(text, 0, stop.start() if stop else len(text)):
        span = _agreement_span(text, agree)
        if spans and span[0] <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(span[1], spans[-1][1]))
        else:
            spans.append(span)
    for order in _CITED_ORDER_RU.finditer(text):
        a, b = order.span()
        spans = [
            piece
            for start, end in spans
            for piece in ((start, min(end, a)), (max(start, b), end))
            if piece[0] < piece[1]
        ]
    return spans


def agreement_part(text: str) -> str:
    """The part of a clause stating who agrees the text that names them (``_agreement_spans``;
    the whole text where it has no agreement verb): a clause that also says who approves it
    ("согласовывается с проректором … и утверждается приказом ректора", "… проректормен
    келісіледі және Ректордың бұйрығымен бекітіледі") names the approving official apart from
    those agreeing it, and he does not agree it."""
    spans = _agreement_spans(text)
    return " ; ".join(text[a:b] for a, b in spans) if spans else text


def agreement_said(text: str) -> str:
    """Where a clause says who agrees it (``_agreement_spans``), empty where it does not: a
    clause on the approval may say it too ("утверждается приказом Ректора после согласования с
    проректором …", "…, согласованная с начальником ОУП, утверждается …")."""
    return " ; ".join(text[a:b] for a, b in _agreement_spans(text))


def approval_part(text: str) -> str:
    """The part of a clause stating who approves it that names him: the text without where it
    says who agrees it ("Настоящее Положение, согласованное с начальником …, утверждается
    приказом проректора …": the approving official is the vice-rector)."""
    kept, at = [], 0
    for a, b in _agreement_spans(text):
        kept.append(text[at:a])
        at = b
    kept.append(text[at:])
    return " ".join(kept)


_SENTENCE_END = re.compile(r"(?<!\b\w)[.;:!?](?=\s|$)")  # not the "о." of "и. о."


def sentences(text: str) -> list[str]:
    """``text`` in sentences (at a full stop, semicolon, colon...; not the "о." of "и. о.")."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


# Who initiates a change is who writes the memo or the proposal it is made on: the position
# right after "служебной записке" / "представлению" (Russian) up to the punctuation or to what
# no longer names the writer ("на имя", "приказом", "согласованной"), right before "қызметтік
# жазбасы" / "ұсынысы" (Kazakh) after the punctuation or what names another ("Ректордың
# бұйрығымен", "атына", "келісілген"); not the official whose order makes the change.
_RU_MEMO = re.compile(r"(?:записк|представлени)\w*\s+([^,;.:]+)", re.IGNORECASE)
_RU_NOT_WRITER = re.compile(
    r"\s(?:(?:по|с|на)\s+)?(?:на\s+имя|приказ|согласованн|согласовани\w*\s+с\s|утвержд|подписанн"
    r"|направля)",
    re.IGNORECASE,
)
_KK_MEMO = re.compile(r"([^,;.:]+?)\s+(?:қызметтік\s+жазба|ұсыныс)\w*", re.IGNORECASE)
_KK_NOT_WRITER = re.compile(r".*\s(?:бұйрығ\w*|негізінде|атына|келісілген|сәйкес)\s", re.IGNORECASE)
_INITIATIVE = re.compile(r"инициатив|бастама", re.IGNORECASE)
_MEMO = re.compile(r"записк|представлени|қызметтік\s+жазба|ұсыныс", re.IGNORECASE)


def names_memo(text: str) -> bool:
    """Whether ``text`` names a memo or a proposal ("служебной записке", "ұсынысы")."""
    return _MEMO.search(text) is not None


def initiating_part(text: str) -> str:
    """The part of a clause on changes that names who initiates them: the whole text when it
    names an initiative ("по инициативе …", "… бастамасы бойынша") or no memo; else the writers
    of the memos and proposals it names (``_RU_MEMO``, ``_KK_MEMO``), "" when it names none."""
    if _INITIATIVE.search(text) or not names_memo(text):
        return text
    found = [_RU_NOT_WRITER.split(" " + m.group(1))[0] for m in _RU_MEMO.finditer(text)]
    found += [_KK_NOT_WRITER.sub(" ", " " + m.group(1)) for m in _KK_MEMO.finditer(text)]
    return "; ".join(f.strip() for f in found if f.strip())


def stating_part(fact: str, text: str) -> str:
    """The part of a clause stating ``fact`` that names its positions (the import and the lint
    read the same): who agrees (``agreement_part``), who approves (``approval_part``), who
    initiates changes (``initiating_part``), else the whole text."""
    if fact == "approvers":
        return agreement_part(text)
    if fact == "approval":
        return approval_part(text)
    if fact == "change_initiators":
        return initiating_part(text)
    return text
