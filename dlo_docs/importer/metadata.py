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
_CODE_LINE = re.compile(
    r"(?<!\w)((?:ЛН|ДИ|ҚП|ҰС|ДП|СО|БЕ|ПП|П|Е)(?:\s+[^\W\d_]{1,8})?\s+\d(?:[\d.]|\s?["
    + _DASHES
    + r"]\s?)*\d(?:["
    + _DASHES
    + r"][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,2}(?!\w))?)(?!\w)"
)


def _plain_code(code: str) -> str:
    """A code as read from a title page, its dashes plain hyphens and its spaces plain ones."""
    code = re.sub(r"\s?[" + _DASHES + r"]\s?", "-", code)
    return " ".join(code.split())


_PLACEHOLDER_CODE = {
    "job_instruction": {"kk": "ЛН", "ru": "ДИ"},
    "unit_regulation": {"kk": "БЕ", "ru": "ПП"},
}


_JOB = re.compile(r"нұсқаулы|должностн", re.IGNORECASE)
_UNIT = re.compile(r"ереже|положени", re.IGNORECASE)
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


_KIND_NAME = re.compile(
    r"лауазымдық\s+нұсқаулы\w*|должностн\w*\s+инструкци\w*|ереже\w*|положени\w*", re.IGNORECASE
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
    with the line that says what about ("ЕРЕЖЕ" under "… туралы", "ПОЛОЖЕНИЕ" over "об …").
    A line that is the kind as dlo names it (``kind_label``: "Положение о подразделении") over
    a whole title is the kind's line, as dlo prints it."""
    lines = [line.text.strip() for line in page]
    for i, text in enumerate(lines):
        if not _KIND_NAME.search(text):
            continue
        after = lines[i + 1] if i + 1 < len(lines) else ""
        if _dlo_kind_line(text, after, kind_label):
            continue  # the title is the next line
        if _names_more(text):
            return _calm(text)
        kind = text.strip(" .:").lower()
        before = lines[i - 1] if i > 0 else ""
        for about in (before, after):
            if about.lower().endswith("туралы"):  # Kazakh: the kind comes last
                return f"{about} {kind}"
        if after:
            return f"{kind.capitalize()} {after}"
    return None


def _dlo_kind_line(text: str, after: str, kind_label: str) -> bool:
    """``text`` is the kind as dlo prints it over a whole title (``kind_label``, "Лауазымдық
    нұсқаулық", "Положение о подразделении"), ``after`` that title: it starts or ends with the
    kind's name ("Положение об отделе …", "… бастығының лауазымдық нұсқаулығы"), and is no code
    line. "ПОЛОЖЕНИЕ" over "о порядке разработки положений …" is not."""
    label = kind_label.strip(" .:").casefold()
    if not label or text.strip(" .:").casefold() != label or _CODE_LINE.search(after):
        return False
    names = list(_KIND_NAME.finditer(after))
    whole = bool(names) and (names[0].start() == 0 or names[-1].end() >= len(after.rstrip(" .")))
    return whole and _names_more(after)


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
            m = _CODE_LINE.search(line.text.replace("\u00ad", ""))  # (soft hyphens)
            if m:
                return _plain_code(m.group(1))
    if found is None:
        found = f"{_PLACEHOLDER_CODE[kind][lang]} ?"
        report.assumed(
            Msg("the source has no document code; code set to {found}", found=repr(found)),
            Msg("set code: to the registered code"),
        )
    return found
