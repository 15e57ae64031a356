"""Metadata a source may not carry: kind, position and unit, id, title and code.

Each is taken from the options first, then from what the source says; what neither gives is set
by the import and reported (DLO511) so a person confirms it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..chars import unknown
from ..errors import UsageError
from ..i18n import Msg
from ..mentions import words
from ..model import Registry
from ..spelling import known_positions
from . import doc_code, officials
from .ids import ID_RE, slug
from .report import Report
from .source import Line, Read
from .title_lines import EREJE, GENITIVE, KAZAKH_KIND, KIND_NAME, Lines, before_chapter, not_title
from .tree import Tree, clauses
from .types import Options

# the code of a source that has none: the kind's prefix, left to write as ``dlo new``'s
# ``[[код]]`` is, so that ``dlo check`` reports it (DLO114) until the registered code is set
_PLACEHOLDER_CODE = {
    "job_instruction": {"kk": "[[ЛН ?]]", "ru": "[[ДИ ?]]"},
    "unit_regulation": {"kk": "[[БЕ ?]]", "ru": "[[ПП ?]]"},
}


_JOB = re.compile(r"(?<![^\W\d_])(?:нұсқаулы|должностн)", re.IGNORECASE)
_UNIT = re.compile(r"(?<![^\W\d_])(?:" + EREJE + r"|положени)", re.IGNORECASE)
# how a text calls itself: "настоящее Положение", "осы Ереже", "настоящая должностная инструкция"
_SELF = re.compile(
    r"(?:настоящ\w*|осы)\s+(должностн\w*\s+инструкци|лауазымдық|ереже|положени)", re.I
)


def kind(tree: Tree, given: str | None) -> str:
    """``--kind``; else what the title block says; else the first clause; else what the text
    calls itself most often; else a job instruction."""
    if given:
        return given
    first = next((c.text for _, c in clauses(tree.chapters)), "")
    for text in [*(line.text for line in before_chapter(tree.preamble)), first]:
        job, unit = _JOB.search(text), _UNIT.search(text)
        if job or unit:
            return (
                "job_instruction"
                if job and (not unit or job.start() < unit.start())
                else ("unit_regulation")
            )
    said = [m.group(1).lower() for _, c in clauses(tree.chapters) for m in _SELF.finditer(c.text)]
    units = sum(1 for s in said if s.startswith(("ереже", "положени")))
    return "unit_regulation" if units * 2 > len(said) else "job_instruction"


def position(
    tree: Tree,
    registry: Registry,
    given: str | None,
    kind: str,
    lang: str,
    report: Report,
    page: list[Line] | None = None,
) -> str | None:
    """The registry position a job instruction describes: the one its title (on ``page``, the
    title page without its approval block, default the lines before the first chapter) names,
    else the one its clauses name most often."""
    ids = [p.id for p in registry.positions]
    if given is not None and given not in ids:
        raise UsageError(
            *unknown(
                given,
                Msg("unknown position {given}", given=repr(given)),
                known_positions(given, ids),
            )
        )
    if given is not None or kind != "job_instruction":
        return given
    titled = before_chapter(tree.preamble if page is None else page)
    title = " ".join(line.text for line in titled)
    found = officials.titled(title, registry, lang) or officials.titled_near(title, registry, lang)
    if found is not None:
        report.assumed(
            Msg("position: {found} (the position the title names)", found=found),
            Msg("check position: and unit:"),
        )
        return found
    found = officials.main_position(tree.chapters, registry, lang)
    if found is None:
        raise UsageError(
            Msg(
                "cannot tell which position this job instruction describes: its clauses name "
                "no registry position twice"
            ),
            Msg("pass --position ID (add the position and its mentions to the registry first)"),
        )
    _not_another_holder(title, titled, registry, found, lang)
    report.assumed(
        Msg("position: {found} (the position the clauses name most often)", found=found),
        Msg("check position: and unit:"),
    )
    return found


def _not_another_holder(
    title: str, titled: list[Line], registry: Registry, found: str, lang: str
) -> None:
    """Stop where the title names a holder other than ``found``, the position the clauses name
    most often (whom that holder reports to, on whose proposal he is appointed, …); ``titled``:
    the title's lines, for the one to name."""
    # the counted one's unit first: another holder there is its subordinate; then any other's
    counted = registry.position(found)
    ordered = [counted, *(p for p in registry.positions if p.id != found)]
    other = next((o for p in ordered if (o := officials.titled_other(title, p, lang))), None)
    other = other or officials.titled_holder(title, counted, lang)
    if other is not None:  # the boss, named as whom the holder reports to and so on
        raise UsageError(
            Msg(
                "cannot tell which position this job instruction describes: its title names "
                "{other}, a position the registry does not know (its clauses name {found} most "
                "often)",
                other=repr(other),
                found=found,
            ),
            Msg("pass --position ID (add the position and its mentions to the registry first)"),
            next((x.where for x in titled if other.split()[-1] in x.text.lower()), None),
        )


def _named_unit(registry: Registry, page: list[Line], tree: Tree, lang: str) -> str | None:
    """The registry unit the title page (``page``: without its approval block, whose "приказом
    ректора" names who approved it) names, else the one the first clause names (as word
    prefixes; of several, the most specific). A later clause ("подчиняется директору института
    …") names other units."""
    first = next((c.text for _, c in clauses(tree.chapters)), "")
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
            *unknown(
                found,
                Msg("unknown unit {found}", found=repr(found)),
                Msg("known units: {known}", known=", ".join(u.id for u in registry.units)),
            )
        )
    return found


def reg_id(read: Read, options: Options) -> str:
    found = options.id or (read.id if read.id and ID_RE.match(read.id) else None)
    if found is None:
        # "x.ru.docx", "x.ru.final.docx", "x.ru (1).docx": the language mark and what follows
        stem = re.sub(r"\.(kk|ru)(?:[.\s(].*)?$", "", Path(read.path).stem)
        found = slug(stem, words=8, limit=60, fallback="imported")
    return found


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

    return KIND_NAME.sub(calm, text)


def _names_more(text: str) -> bool:
    """``text`` says more than the kind's name and a code: a title ("ЕРЕЖЕЛЕРІ (БЕ 01-2024)"
    and "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ ДИ 07-2024" are the kind's line)."""
    return len(KIND_NAME.sub("", doc_code.without_code(text)).strip(" .,:;–-()")) > 3


def _title_from_page(page: list[Line], kind_label: str = "", code: str = "") -> str | None:
    """The title on the title page: the line naming the kind, or the kind set on its own line
    with the line that says what about ("ЕРЕЖЕ" under "… туралы", "ПОЛОЖЕНИЕ" over "об …"),
    or over its whole title ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ" over "Должностная инструкция …", dlo's
    "Лауазымдық нұсқаулық" over "… лауазымдық нұсқаулығы"). A code's line ("Ереже коды: …")
    is neither; ``kind_label``, the kind as dlo names it ("Положение о подразделении"), is a
    kind's line, not a title. The line after the kind's (and its code's) joins it unless it is
    no title's (``not_title``); a chapter's title ("Общие положения") ends the title page. A
    title set on several lines is read whole (``Lines.around``)."""
    lines = Lines(page).to_chapter()
    label = kind_label.strip(" .:").casefold()
    for i, text in enumerate(lines.texts):
        if not KIND_NAME.search(text) or lines.coded[i]:
            continue
        if _names_more(text) and text.strip(" .:").casefold() != label:
            core = doc_code.without_last_code(text, code)
            # a Kazakh title goes on above its kind, which ends it; a Russian one under it
            kazakh = KAZAKH_KIND.search(core) is not None
            ends = [m.end() for m in KIND_NAME.finditer(core)]
            down = not kazakh or not ends or ends[-1] < len(core.rstrip(" .:"))
            whole = lines.around(core, i, up=kazakh, down=down)
            if core.isupper() and not whole.isupper():  # "ТИПОВОЕ ПОЛОЖЕНИЕ" / "о кафедре …"
                whole = whole.replace(core, _one_case(core), 1)
            return _calm(whole)
        # the lines around it, but a code's ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ" / "Код: ДИ 01-2024" / "…")
        a = lines.next(i)
        after = lines.texts[a] if a is not None else ""
        if _whole_title(after):
            continue  # the kind over its whole title: the next line is the title
        if not_title(after):
            after = ""  # what is no title's ("Костанай, 2024", "Введена впервые")
        elif a is not None:
            after = lines.around(after, a, up=False, down=True)
        b = lines.previous(i)
        before = "" if b is None else lines.around(lines.texts[b], b, up=True, down=False)
        kind = doc_code.without_code(text).strip(" .:").lower()
        if found := _kind_with(kind, before, after):
            return found
    return None


def _one_case(text: str) -> str:
    """``text`` in capitals written as a sentence, a name in quotes kept («IT-ПАРК»)."""
    out = text.capitalize()
    for m in _QUOTED.finditer(text):
        out = out[: m.start()] + m.group() + out[m.end() :]
    return out


_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"")


def _kind_with(kind: str, before: str, after: str) -> str | None:
    """The kind's own line joined to the lines before or after it that say what about, in
    capitals when they are ("ОБ ОТДЕЛЕ КАДРОВ": "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ КАДРОВ")."""
    for about in (before, after):
        if about.lower().rstrip(" .,;:").endswith("туралы"):  # Kazakh: the kind comes last
            return f"{about.rstrip(' .,;:')} {_cased(kind, about)}"
    for about in (before, after):
        if GENITIVE.search(about):  # "… бөлімі бастығының" by "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ"
            return f"{about} {_cased(_possessive(kind), about)}"
    return f"{_cased(kind.capitalize(), after)} {after}" if after else None


def _cased(kind: str, about: str) -> str:
    return kind.upper() if about.isupper() else kind


# a Kazakh kind as a genitive before it has it: "… бастығының лауазымдық нұсқаулығы"
_POSSESSIVE = (("нұсқаулық", "нұсқаулығы"), ("ереже", "ережесі"))


def _possessive(kind: str) -> str:
    """``kind`` (in lower case) in the possessive form a genitive before it asks for: a source
    may set "ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҚ" over "… БАСТЫҒЫНЫҢ", as a heading."""
    for plain, owned in _POSSESSIVE:
        if kind.endswith(plain):
            return kind[: -len(plain)] + owned
    return kind


def _whole_title(text: str) -> bool:
    """``text`` is a whole title: it starts or ends with the kind's name ("Положение об отделе
    …", "… бастығының лауазымдық нұсқаулығы (ЛН 01-2024)") and says more; "о порядке
    разработки положений …" names it in passing."""
    core = doc_code.without_code(text)
    names = list(KIND_NAME.finditer(core))
    if not names or not _names_more(core):
        return False
    return names[0].start() == 0 or names[-1].end() >= len(core)


def title(read: Read, options: Options, page: list[Line], kind_label: str, code: str) -> str | None:
    """The title the options, a DOCX rendered by dlo or the source's title page (its lines
    before the first chapter, without the approval block) give; ``code`` is the regulation's."""
    if options.title is not None:
        return options.title
    if read.title:
        found = read.title
        if kind_label and found.startswith(kind_label + ". "):
            found = found[len(kind_label) + 2 :]
        return found
    return _title_from_page(page, kind_label, code)


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
        found = doc_code.page_code(page)
    if found is None:
        found = _PLACEHOLDER_CODE[kind][lang]
        report.assumed(
            Msg("the source has no document code; code set to {found}", found=repr(found)),
            Msg("set code: to the registered code"),
        )
    return found
