"""Metadata a source may not carry: kind, position and unit, id, title and code.

Each is taken from the options first, then from what the source says; what neither gives is set
by the import and reported (DLO511) so a person confirms it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import UsageError
from ..i18n import Msg
from ..mentions import words
from ..model import Registry
from . import facts
from .ids import ID_RE, slug
from .report import Report
from .source import Line, Read
from .tree import Tree
from .types import Options

# a code's hyphens and dashes as typeset: dlo's own DOCX writes U+2011 (no break) into
# "ЛН ҮББИ 01‑2024"; Word turns " - " into an en dash as one types; a soft hyphen is invisible
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
_D = "[" + _DASHES + "]"
# the code's letters, then (after a space or a dash: "П-15-2024") its number: digits and dots
# joined by dashes or slashes ("01-2024", "12.3-2024", "12/2024"), else a number, a spaced dash
# and a year ("01 - 2024"), and perhaps a capital-letter suffix
_CODE_LINE = re.compile(
    r"(?<!\w)((?:ЛН|ДИ|ҚП|ҰС|ДП|СО|БЕ|ПП|П|Е)(?:\s+[^\W\d_]{1,8})?)(\s+|" + _D + r")"
    r"(\d(?:[\d.]|[/" + _DASHES + r"](?=\d))*\d|\d(?=\s*" + _D + r"))"
    r"(?:\s?" + _D + r"\s?(\d{4})(?![\d.]))?"
    r"(?:" + _D + r"([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,2}))?(?!\w)"
)


def _code_of(m: re.Match[str]) -> str | None:
    """The code a match of ``_CODE_LINE`` reads, its dashes plain hyphens and its spaces plain
    ones; a spaced dash joins only a number without one to its year ("ДИ 07-2024 – 2-издание" is
    ДИ 07-2024, "ДИ 01 - 2024" ДИ 01-2024); letters joined to the number by a dash stay so
    ("П-15-2024"); None when only a lone digit is left."""
    letters, joint, number, year, suffix = m.groups()
    number = re.sub(_D, "-", number)
    if year and "-" not in number:
        number += f"-{year}"
    if len(number) < 2:
        return None
    joint = " " if joint.isspace() else "-"
    return " ".join(letters.split()) + joint + number + (f"-{suffix}" if suffix else "")


_PLACEHOLDER_CODE = {
    "job_instruction": {"kk": "ЛН", "ru": "ДИ"},
    "unit_regulation": {"kk": "БЕ", "ru": "ПП"},
}


# at a word's start: "энергосбережения" holds "ереже"; not the Kazakh plural ("ережелерін")
_JOB = re.compile(r"(?<![^\W\d_])(?:нұсқаулы|должностн)", re.IGNORECASE)
_UNIT = re.compile(r"(?<![^\W\d_])(?:ереже(?!лер)|положени)", re.IGNORECASE)
# how a text calls itself: "настоящее Положение", "осы Ереже", "настоящая должностная инструкция"
_SELF = re.compile(
    r"(?:настоящ\w*|осы)\s+(должностн\w*\s+инструкци|лауазымдық|ереже|положени)", re.I
)


def kind(tree: Tree, given: str | None) -> str:
    """``--kind``; else what the title block says; else the first clause; else what the text
    calls itself most often; else a job instruction."""
    if given:
        return given
    first = next((c.text for _, c in facts.clauses(tree.chapters)), "")
    for text in [*(line.text for line in tree.preamble), first]:
        job, unit = _JOB.search(text), _UNIT.search(text)
        if job or unit:
            return (
                "job_instruction"
                if job and (not unit or job.start() < unit.start())
                else ("unit_regulation")
            )
    said = [
        m.group(1).lower() for _, c in facts.clauses(tree.chapters) for m in _SELF.finditer(c.text)
    ]
    units = sum(1 for s in said if s.startswith(("ереже", "положени")))
    return "unit_regulation" if units * 2 > len(said) else "job_instruction"


def position(
    tree: Tree, registry: Registry, given: str | None, kind: str, lang: str, report: Report
) -> str | None:
    """The registry position a job instruction describes."""
    if given is not None and given not in {p.id for p in registry.positions}:
        raise UsageError(
            Msg("unknown position {given}", given=repr(given)),
            Msg(
                "known positions: {value}",
                value=", ".join(p.id for p in registry.positions) or "none",
            ),
        )
    if given is not None or kind != "job_instruction":
        return given
    found = facts.main_position(tree.chapters, registry, lang)
    if found is None:
        raise UsageError(
            Msg(
                "cannot tell which position this job instruction describes: its clauses name "
                "no registry position twice"
            ),
            Msg("pass --position ID (add the position and its mentions to the registry first)"),
        )
    report.assumed(
        Msg("position: {found} (the position the clauses name most often)", found=found),
        Msg("check position: and unit:"),
    )
    return found


def _named_unit(registry: Registry, page: list[Line], tree: Tree, lang: str) -> str | None:
    """The registry unit the title page (``page``: without its approval block, whose "приказом
    ректора" names who approved it) names, else the one the first clause names (as word
    prefixes; of several, the most specific). A later clause ("подчиняется директору института
    …") names other units."""
    first = next((c.text for _, c in facts.clauses(tree.chapters)), "")
    for text in (" ".join(line.text for line in page[:3]), first):
        have = words(text)
        found: list[tuple[int, str]] = []
        for u in registry.units:
            want = [w[: max(4, len(w) - 3)] for w in words(u.name.get(lang) or "") if len(w) > 3]
            if want and all(any(h.startswith(w) for h in have) for w in want):
                found.append((len(want), u.id))
        if found:
            return max(found)[1]
    return None


def unit(
    registry: Registry,
    given: str | None,
    position: str | None,
    tree: Tree,
    lang: str,
    page: list[Line] | None = None,
) -> str:
    """``--unit``; else the position's unit; else the unit the title page (``page``, default
    the lines before the first chapter) or the first clause names."""
    found = given
    if found is None and position is not None:
        found = registry.position(position).unit
    if found is None:
        found = _named_unit(registry, tree.preamble if page is None else page, tree, lang)
    if found is None:
        raise UsageError(
            Msg(
                "cannot tell which unit this regulation belongs to: its text names no registry unit"
            ),
            Msg("pass --unit ID"),
        )
    if found not in {u.id for u in registry.units}:
        raise UsageError(
            Msg("unknown unit {found}", found=repr(found)),
            Msg("known units: {known}", known=", ".join(u.id for u in registry.units)),
        )
    return found


def reg_id(read: Read, options: Options) -> str:
    found = options.id or (read.id if read.id and ID_RE.match(read.id) else None)
    if found is None:
        stem = re.sub(r"\.(kk|ru)$", "", Path(read.path).stem)
        found = slug(stem, words=8, limit=60, fallback="imported")
    return found


_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$", re.IGNORECASE)
_CODE_WORD = re.compile(r"(?<![^\W\d_])код", re.IGNORECASE)
_KIND_NAME = re.compile(
    r"(?<![^\W\d_])(?:лауазымдық\s+нұсқаулы\w*|должностн\w*\s+инструкци\w*|ереже(?!лер)\w*"
    r"|положени\w*)",
    re.IGNORECASE,
)


def _calm(text: str) -> str:
    """The kind's name set in capitals in a title in its ordinary case ("… туралы ЕРЕЖЕ" →
    "… туралы ереже"): a title page's typography, not an abbreviation. A title all in
    capitals is left as it is (which of its words are names cannot be told)."""
    if text.isupper():
        return text

    def calm(m: re.Match) -> str:
        word = m.group(0)
        if not word.isupper():
            return word
        return word.capitalize() if m.start() == 0 else word.lower()

    return _KIND_NAME.sub(calm, text)


def _names_more(text: str) -> bool:
    """``text`` says more than the kind's name: a title."""
    return len(_KIND_NAME.sub("", text).strip(" .,:;–-")) > 3


def _title_from_page(page: list[Line], kind_label: str = "") -> str | None:
    """The title on the title page: the line naming the kind, or the kind set on its own line
    with the line that says what about ("ЕРЕЖЕ" under "… туралы", "ПОЛОЖЕНИЕ" over "об …"),
    or over its whole title ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ" over "Должностная инструкция …", dlo's
    "Лауазымдық нұсқаулық" over "… лауазымдық нұсқаулығы"). A code's line ("Ереже коды: …")
    is neither; ``kind_label``, the kind as dlo names it ("Положение о подразделении"), is a
    kind's line, not a title."""
    lines = [line.text.strip() for line in page]
    label = kind_label.strip(" .:").casefold()
    for i, text in enumerate(lines):
        if not _KIND_NAME.search(text) or _code_line(text):
            continue
        if _names_more(text) and text.strip(" .:").casefold() != label:
            return _calm(_without_last_code(text))
        # the lines around it, but a code's ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ" / "Код: ДИ 01-2024" / "…")
        after = next((t for t in lines[i + 1 :] if not _code_line(t)), "")
        if _whole_title(after):
            continue  # the kind over its whole title: the next line is the title
        kind = text.strip(" .:").lower()
        before = next((t for t in reversed(lines[:i]) if not _code_line(t)), "")
        for about in (before, after):
            if about.lower().endswith("туралы"):  # Kazakh: the kind comes last
                return f"{about} {kind}"
        if _GENITIVE.search(before):  # "… бөлімі бастығының" over "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ"
            return f"{before} {kind}"
        if after:
            return f"{kind.capitalize()} {after}"
    return None


def _without_code(text: str) -> str:
    """``text`` without the codes it holds and the punctuation around what is left."""
    return _CODE_LINE.sub("", text).strip(" .,;:()–-")


def _without_last_code(text: str) -> str:
    """A title without the code in brackets it ends with ("… обучения (ДИ 07-2024)"): the
    code is the regulation's ``code:``, printed apart."""
    last = next(reversed(list(_CODE_LINE.finditer(text))), None)
    if last is None or text[last.end() :].strip() != ")":
        return text
    before = text[: last.start()].rstrip()
    return before[:-1].rstrip() if before.endswith("(") and len(before) > 1 else text


def _code_line(text: str) -> bool:
    """``text`` gives the document's code, labelled ("Ереже коды: …", "Код должностной
    инструкции: …") or alone ("ЛН ҮББИ 01-2024"), not a title ("Әдеп коды туралы ереже")."""
    if _CODE_LINE.search(text) is None:
        return False
    return _CODE_WORD.search(text) is not None or len(_without_code(text)) <= 3


def _whole_title(text: str) -> bool:
    """``text`` is a whole title: it starts or ends with the kind's name ("Положение об отделе
    …", "… бастығының лауазымдық нұсқаулығы (ЛН 01-2024)") and says more; "о порядке
    разработки положений …" names it in passing."""
    core = _without_code(text)
    names = list(_KIND_NAME.finditer(core))
    if not names or not _names_more(core):
        return False
    return names[0].start() == 0 or names[-1].end() >= len(core)


def title(read: Read, options: Options, page: list[Line], kind_label: str) -> str | None:
    """The title the options, a DOCX rendered by dlo or the source's title page (its lines
    before the first chapter, without the approval block) give."""
    if options.title is not None:
        return options.title
    if read.title:
        found = read.title
        if kind_label and found.startswith(kind_label + ". "):
            found = found[len(kind_label) + 2 :]
        return found
    return _title_from_page(page, kind_label)


def fallback_title(title: str, report: Report) -> str:
    report.assumed(
        Msg("the source has no title; title set to {title}", title=repr(title)),
        Msg("write the regulation's real title"),
    )
    return title


def code(
    read: Read, options: Options, page: list[Line], kind: str, lang: str, report: Report
) -> str:
    found = options.code or (read.code if read.code and read.ours else None)
    if found is None:
        for line in page:
            text = line.text.replace("\u00ad", "")  # (soft hyphens)
            label = text.find(":") if _CODE_WORD.search(text) else -1
            # a labelled line's code is after its colon ("Код ПП-2024: П 15-2024")
            found_in = sorted(_CODE_LINE.finditer(text), key=lambda m: m.start() < label)
            for m in found_in:
                if read_code := _code_of(m):
                    return read_code
    if found is None:
        found = f"{_PLACEHOLDER_CODE[kind][lang]} ?"
        report.assumed(
            Msg("the source has no document code; code set to {found}", found=repr(found)),
            Msg("set code: to the registered code"),
        )
    return found
