"""What the recognised text says about the registry and the structured facts.

- the positions a text names (through the registry's ``mentions``), in order, and the officials
  it names that the registry does not know: read from the clauses that state a fact (``states``)
  to become the data — approvers with a warning to confirm;
- the abbreviations chapter becomes abbreviation entries, the normative references chapter
  normative-document entries: an item that matches a registry entry (same short form; same
  code, or same number and date) gets its ``ref``; the others are proposed as new entries.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..mentions import without_parens, word_spans, words
from ..model import Registry
from .ids import Ids, slug
from .tree import Node, all_items, clauses


@dataclass
class Proposal:
    """A registry entry the import proposes."""

    section: str  # "abbreviations" | "normative_documents"
    entry: dict
    node: Node | None  # the item it comes from (None: the text as a whole)


# -- positions -------------------------------------------------------------------------------


def occurrences(text_words: list[str], phrase: str) -> list[tuple[int, int]]:
    want = words(phrase)
    if not want:
        return []
    return [
        (i, i + len(want))
        for i in range(len(text_words) - len(want) + 1)
        if all(text_words[i + k].startswith(w) for k, w in enumerate(want))
    ]


def named_in_order(text: str, registry: Registry, lang: str) -> tuple[list[str], set[int]]:
    """Positions the text names, in the order they are first named; and the word indexes they cover."""
    text_words = words(text)
    first: dict[str, int] = {}
    covered: set[int] = set()
    for pos in registry.positions:
        for mention in pos.mentions_in(lang):
            for start, end in occurrences(text_words, mention):
                first[pos.id] = min(first.get(pos.id, start), start)
                covered.update(range(start, end))
    return sorted(first, key=first.__getitem__), covered


_SEGMENTS = re.compile(r"[,;]|\s+(?:және|мен|и|а\s+также)\s+", re.IGNORECASE)
_KK_INSTRUMENTAL = re.compile(r"^([\w-]{3,}?)(мен|пен|бен)[.,;:]?$", re.IGNORECASE)
_RU_INSTRUMENTAL = re.compile(r"^([\w-]{3,}?)(ом|ем|ём)[.,;:]?$", re.IGNORECASE)
_KK_LEAD = re.compile(r"^(?:осы|бұл)\s+(?:лн|лауазымдық\s+нұсқаулық\w*|ереже\w*)\s+", re.IGNORECASE)


def stem(word: str, lang: str) -> str:
    """A word as a mention matches it with any case ending: "бастығы" → "бастығ"."""
    if lang == "kk" and len(word) > 4 and word[-1] in "ыі":
        return word[:-1]
    return word


def unknown_positions(text: str, registry: Registry, lang: str) -> list[tuple[str, str]]:
    """Positions an agreement clause names in the instrumental case ("…директорымен",
    "с начальником …") that match no registry mention: (title, mention) for each."""
    # blank out what registry mentions cover first: a known title may itself contain "және"/"и"
    clean = without_parens(text)
    spans = word_spans(clean)
    _, covered = named_in_order(clean, registry, lang)
    if len(spans) != len(words(clean)):  # word boundaries disagree (never for kk/ru): keep the text
        covered = set()
    for i in sorted(covered, reverse=True):
        start, end = spans[i]
        clean = clean[:start] + "," + " " * (end - start - 1) + clean[end:]
    found = []
    for segment in _SEGMENTS.split(clean):
        ws = segment.split()
        if lang == "kk":
            j = next((k for k, w in enumerate(ws) if _KK_INSTRUMENTAL.match(w)), None)
            if j is None:
                continue
            phrase = _KK_LEAD.sub("", " ".join(ws[: j + 1]))
            ws = phrase.split()
            instrumental = _KK_INSTRUMENTAL.match(ws[-1])
            assert instrumental is not None  # the phrase ends at the word it matched
            base = instrumental.group(1)
            title_words, mention_words = [*ws[:-1], base], [*ws[:-1], stem(base, lang)]
        else:
            start = next((k for k, w in enumerate(ws) if w.lower() in ("с", "со")), -1) + 1
            rest = ws[start:]
            instrumental = _RU_INSTRUMENTAL.match(rest[0]) if rest else None
            if instrumental is None:
                continue
            base = instrumental.group(1)
            tail = [w for w in rest[1:] if not w.lower().startswith(("согласов", "утвержда"))]
            title_words, mention_words = [base, *tail], [base, *tail]
        title = " ".join(title_words).strip(" .,;:")
        if not title or named_in_order(title, registry, lang)[0]:
            continue
        found.append(
            (title[:1].upper() + title[1:], " ".join(mention_words).strip(" .,;:").lower())
        )
    return found


# -- abbreviations and normative documents -------------------------------------------------------

_DASH = re.compile(r"\s+[–—-]\s+|\s*[–—]\s*")
_ABBR_LIKE = re.compile(
    r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһіa-z]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]+[\w-]*$"
)


def is_abbreviations(title: str) -> bool:
    t = title.lower()
    return any(k in t for k in ("қысқарт", "сокращен", "аббревиатур"))


def is_normative(title: str) -> bool:
    return "норматив" in title.lower()


def _clean(text: str) -> str:
    return text.strip().rstrip(";.,").strip()


def _defined(chapters: list[Node]) -> Iterator[tuple[Node, list[str], str]]:
    """Each item of the abbreviations chapter: (item, its short forms, the expansion)."""
    for chapter in chapters:
        if not is_abbreviations(chapter.text):
            continue
        for _, clause in clauses([chapter]):
            for item in all_items(clause.items):
                parts = _DASH.split(item.text, maxsplit=1)
                if len(parts) != 2:
                    continue
                shorts = [s.strip() for s in parts[0].split(",") if s.strip()]
                expansion = _clean(parts[1])
                if shorts and expansion:
                    yield item, shorts, expansion


def abbreviations(
    chapters: list[Node], registry: Registry, lang: str, ids: Ids, link_new: bool
) -> list[Proposal]:
    known = {a.short.get(lang): a.id for a in registry.abbreviations if a.short.get(lang)}
    proposals = []
    for item, shorts, expansion in _defined(chapters):
        match = next((known[s] for s in shorts if s in known), None)
        if match:
            item.ref = match
            continue
        likely = [s for s in shorts if _ABBR_LIKE.match(s)]
        short = min(likely, key=len) if likely else shorts[0]
        entry: dict[str, Any] = {
            "id": ids(slug(short, fallback="abbr")),
            "short": {lang: short},
            "expansion": {lang: expansion},
        }
        known[short] = entry["id"]
        if link_new:
            item.ref = entry["id"]
        proposals.append(Proposal("abbreviations", entry, item))
    return proposals


def expansions(chapters: list[Node], registry: Registry, lang: str) -> dict[str, str]:
    """The expansion of each abbreviation (a short form with a capital: "ВШ", "DSHR") the text's
    abbreviations chapter defines or the registry has, by its short form (the text's first)."""
    found = {
        a.short[lang]: a.expansion[lang]
        for a in registry.abbreviations
        if a.short.get(lang) and a.expansion.get(lang)
    }
    for _, shorts, expansion in _defined(chapters):
        found |= dict.fromkeys(shorts, expansion)
    return {s: e for s, e in found.items() if len(s) > 1 and s != s.lower()}


_CODE = re.compile(
    r"^(?P<code>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,6}(?:\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,6})*\s+\d+(?:[.\-–]\d+)*)"
    r"[\s.]+(?P<title>\S.*)$"
)
_NUMBER = re.compile(r"№\s*(?P<n>\d[\w\-/]*)")
_DOTTED_DATE = re.compile(r"(?<!\d)(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d)")
_KK_MONTHS = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
]
_RU_MONTHS = [
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
]
_KK_DATE = re.compile(
    r"(?P<y>\d{4})\s*жылғы\s+(?P<d>\d{1,2})\s+(?P<m>[а-яәғқңөұүһі]+)", re.IGNORECASE
)
_RU_DATE = re.compile(r"(?P<d>\d{1,2})\s+(?P<m>[а-яё]+)\s+(?P<y>\d{4})", re.IGNORECASE)


def _month(word: str, months: list[str]) -> int | None:
    word = word.lower()
    # longest stem first, so "март" is not taken for "ма(й)"
    for stem in sorted(months, key=len, reverse=True):
        if word.startswith(stem):
            return months.index(stem) + 1
    return None


def find_date(text: str) -> dt.date | None:
    """The first date in a text: "20.03.2015", "2015 жылғы 23 қарашадағы", "23 ноября 2015 года"."""
    found: list[tuple[int, dt.date]] = []
    for m in _DOTTED_DATE.finditer(text):
        try:
            found.append((m.start(), dt.date(int(m["y"]), int(m["m"]), int(m["d"]))))
        except ValueError:
            pass
    for pattern, months in ((_KK_DATE, _KK_MONTHS), (_RU_DATE, _RU_MONTHS)):
        for m in pattern.finditer(text):
            month = _month(m["m"], months)
            if month is None:
                continue
            try:
                found.append((m.start(), dt.date(int(m["y"]), month, int(m["d"]))))
            except ValueError:
                pass
    return min(found)[1] if found else None


def _norm_code(code: str) -> str:
    return " ".join(code.replace("–", "-").split()).lower()


def normative_documents(
    chapters: list[Node], registry: Registry, lang: str, ids: Ids, link_new: bool
) -> list[Proposal]:
    proposals = []
    for chapter in chapters:
        if not is_normative(chapter.text):
            continue
        for _, clause in clauses([chapter]):
            for item in all_items(clause.items):
                text = _clean(item.text)
                m = _CODE.match(text)
                code, title = (m["code"], _clean(m["title"])) if m else (None, text)
                number_m = _NUMBER.search(text)
                number = number_m["n"].rstrip(".,;") if number_m else None
                date = find_date(text)
                match = _known_document(registry, code, number, date)
                if match:
                    item.ref = match
                    continue
                entry = _new_document(ids, lang, code, title, number, date)
                if link_new:
                    item.ref = entry["id"]
                proposals.append(Proposal("normative_documents", entry, item))
    return proposals


def _known_document(
    registry: Registry, code: str | None, number: str | None, date: dt.date | None
) -> str | None:
    """The registry's normative document an item names: by its code, else by number and date."""
    for doc in registry.normative_documents:
        if code and doc.code and _norm_code(doc.code) == _norm_code(code):
            return doc.id
        if (
            not code
            and number
            and doc.number == number
            and (date is None or doc.date is None or doc.date == date)
        ):
            return doc.id
    return None


def _new_document(
    ids: Ids, lang: str, code: str | None, title: str, number: str | None, date: dt.date | None
) -> dict:
    """The registry entry proposed for a normative document the registry does not hold."""
    entry: dict = {"id": ids(slug(code, words=5) if code else slug(title, fallback="document"))}
    if code:
        entry["code"] = code
    entry["title"] = {lang: title}
    if number:
        entry["number"] = number
    if date:
        entry["date"] = date
    return entry
