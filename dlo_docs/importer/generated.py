"""What ``dlo import --onto`` does not carry back from a DOCX ``dlo render`` made, said where a
Word user changed it: the parts printed from data and the formatting of the text.

The title page, the running header and footer and the sheets after the text (agreement,
acquaintance, change registration, review) are printed from regulation.yaml, the registry and
the journal; ``--onto`` imports the body only. So the file is compared with what ``dlo render``
prints for the same regulation now — in the file's language, the edition it names in its
properties (else the draft) — paragraph by paragraph and cell by cell, spaces normalised, page
numbers and other fields' results left out: a paragraph or cell of the file that is not in the
render (aligned as a sequence, so a line typed in between is found too) is said at its place
(DLO505), with where that data is changed instead. Text cleared from these parts is not said: a
record added since the file was rendered (one more reader on the acquaintance sheet) looks the
same. The text of regulation.yaml is plain, so bold, italic or underline put on the words of a
clause is said too (at the paragraph; not where the render itself set it).

A file whose properties name another edition than the one in force, or another language, is
not compared: only its title-page title is (``rendered.title_changed``).
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from .. import i18n
from ..errors import DloError, Location, Problem, warning
from ..i18n import Msg
from ..project import Project
from . import rendered
from .printed import Parts, Unit, parts
from .source import Read, normalise

if TYPE_CHECKING:  # the model is pydantic's
    from ..model import Registry

GENERATED = "DLO505"  # printed from the data, not imported
# edits said of one file: a header of 400,000 paragraphs (a 1 MB DOCX) is not 400,000 warnings
# (115 MB said in 19 s); the rest are counted
MAX_SAID = 100
_TITLE_HINT = Msg(
    "the title page is printed from regulation.yaml (title:, code:, edition:), the registry "
    "(the organisation, positions and names) and the journal (the approval): change them there"
)
_APPROVAL = Msg(
    "the approval block is printed from approval: in regulation.yaml, the approving official "
    "in the registry and the order the journal records (dlo approve)"
)
_TITLE_HINTS = {
    "dlo organisation": Msg("the organisation is printed from the registry: change it there"),
    "dlo approval heading": _APPROVAL,
    "dlo approval": _APPROVAL,
    "dlo document kind": Msg("the kind is printed from kind: in regulation.yaml"),
    "dlo document info": Msg(
        "the position or unit, the code and the edition are printed from regulation.yaml "
        "(position: or unit:, code:, edition:) and the registry: change them there"
    ),
}
_SHEET_HINT = Msg("the sheets are printed from the registry and the journal")
_SHEET_HINTS = {
    "agreement": Msg(
        "the agreement sheet is printed from the route in regulation.yaml, the approvers' names "
        "in the registry and their agreements in the journal (dlo agree)"
    ),
    "acquaintance": Msg(
        "who has read it is recorded with dlo acknowledge; the names and positions come from "
        "the registry"
    ),
    "changes": Msg(
        "the change registration sheet is printed from the journal's approvals (dlo approve, "
        "dlo register-paper)"
    ),
    "review": Msg("periodic reviews are recorded with dlo review"),
}


def _new(expected: list[Unit], found: list[Unit]) -> list[Unit]:
    """The units of ``found`` that are not in ``expected``, aligned as sequences of texts."""
    matcher = difflib.SequenceMatcher(
        None, [u.text for u in expected], [u.text for u in found], autojunk=False
    )
    return [
        found[j]
        for tag, _, _, j1, j2 in matcher.get_opcodes()
        if tag in ("replace", "insert")
        for j in range(j1, j2)
    ]


def _quoted(texts: list[str]) -> str:
    return rendered.quoted("; ".join(texts))


def _by_place(units: list[Unit]) -> list[list[Unit]]:
    """Units grouped by paragraph (a table row's cells together), in order."""
    groups: dict[int, list[Unit]] = {}
    for unit in units:
        groups.setdefault(unit.where, []).append(unit)
    return list(groups.values())


def _title_page(units: list[Unit], path: str) -> list[Problem]:
    said = []
    for group in _by_place(units):
        where = Location(path, group[0].where, 1)
        if group[0].style in rendered.TITLE:
            said += rendered.title_changed([], "", path, group[0].text, where)
            continue
        hint = _TITLE_HINTS.get(group[0].style, _TITLE_HINT)
        said.append(
            warning(
                where,
                GENERATED,
                Msg(
                    "the title page reads {text} here, not what is printed from the data; the "
                    "title page is not imported",
                    text=_quoted([u.text for u in group]),
                ),
                hint,
            )
        )
    return said


def _sheets(units: list[Unit], path: str, kinds: dict[str, str]) -> list[Problem]:
    said = []
    for group in _by_place(units):
        sheet = group[0].sheet
        said.append(
            warning(
                Location(path, group[0].where, 1),
                GENERATED,
                Msg(
                    "the sheet {sheet} reads {text} here, not what is printed from the data; "
                    "the sheets are not imported",
                    sheet=rendered.quoted(sheet),
                    text=_quoted([u.text for u in group]),
                ),
                _SHEET_HINTS.get(kinds.get(sheet, ""), _SHEET_HINT),
            )
        )
    return said


# a draft's text's control code (``canonical.control_code``): the text's when the file was
# rendered, another once the text changed, and printed, never typed (in groups of four: 8
# groups, 3 in a file rendered before the code was lengthened)
_CODE = re.compile(r"\b[0-9a-f]{4}(?: [0-9a-f]{4}){2,7}\b")


def _running(expected: list[str], found: list[str], path: str) -> list[Problem]:
    printed = {_CODE.sub("…", t) for t in expected}
    edited = [t for t in dict.fromkeys(found) if t and _CODE.sub("…", t) not in printed]
    return [
        warning(
            Location(path),
            GENERATED,
            Msg(
                "the page header or footer reads {text}, not what is printed from the data; it "
                "is not imported",
                text=rendered.quoted(text),
            ),
            Msg(
                "the header and footer are printed from the registry (the organisation) and "
                "regulation.yaml (kind:, code:, edition:): change them there"
            ),
        )
        for text in edited
    ]


_KINDS = {"bold": Msg("bold"), "italic": Msg("italic"), "underline": Msg("underline")}


def _formatting(
    expected: list[tuple[int, str, dict[str, list[str]]]],
    found: list[tuple[int, str, dict[str, list[str]]]],
    path: str,
) -> list[Problem]:
    """Bold, italic or underline on the words of the text that the render did not set."""
    printed = {mark: set(kinds) for _, mark, kinds in expected if mark}
    said = []
    for where, mark, kinds in found:
        new = [k for k in kinds if k not in printed.get(mark, set())]
        if not new:
            continue
        said.append(
            warning(
                Location(path, where, 1),
                GENERATED,
                Msg(
                    "{kinds} on {text} is not carried: the text in regulation.yaml is plain",
                    kinds=i18n.join(", ", [_KINDS[k] for k in new]),
                    text=_quoted([t for k in new for t in kinds[k]]),
                ),
                Msg(
                    "the DOCX is printed in the styles of the reference document; to stress "
                    "words, reword them"
                ),
            )
        )
    return said


def edits(found: Parts, expected: Parts, path: str, sheets: dict[str, str]) -> list[Problem]:
    """What in a DOCX (``found``) differs from the same regulation rendered now (``expected``)
    in the parts printed from data and in the text's formatting (see the module). ``sheets``:
    each sheet's heading → its kind. The first ``MAX_SAID`` are listed, the rest counted."""
    listed = [
        *_title_page(_new(expected.title, found.title), path),
        *_sheets(_new(expected.sheets, found.sheets), path, sheets),
        *_running(expected.running, found.running, path),
        *_formatting(expected.formats, found.formats, path),
    ]
    if len(listed) <= MAX_SAID:
        return listed
    more = warning(
        Location(path),
        GENERATED,
        Msg(
            "{n} more edits of what is printed from the data are not listed; none is imported",
            n=len(listed) - MAX_SAID,
        ),
        Msg("compare the file with the DOCX `dlo render` prints now to find them"),
    )
    return [*listed[:MAX_SAID], more]


def said(
    project: Project, registry: Registry, reg_id: str, raw: bytes, read: Read
) -> list[Problem] | None:
    """The edits of the DOCX ``raw`` (read as ``read``) that ``--onto`` does not carry, each at
    its place; None when the file is not one ``dlo render`` made of this regulation's edition in
    force or draft as it is now, in its language."""
    if not read.ours or not read.lang:
        return None
    found = parts(raw, read.path)
    # a draft's keywords are its id and its text's control code, an edition's its number too
    draft = not any(word.startswith("edition=") for word in found.keywords.split())
    made = _render(project, registry, reg_id, read.lang, draft)
    if made is None:
        return None
    printed, kinds = made
    expected = parts(printed, read.path)
    if _edition(expected.keywords) != _edition(found.keywords):
        return None  # another edition than the one in force now
    return edits(found, expected, read.path, kinds)


def _edition(keywords: str) -> list[str]:
    """What the keywords name of the edition, a draft's text's control code aside (a draft
    rendered before the text was last imported is still the draft)."""
    return [word for word in keywords.split() if not word.startswith("text=")]


def _render(
    project: Project, registry: Registry, reg_id: str, lang: str | None, draft: bool
) -> tuple[bytes, dict[str, str]] | None:
    """The DOCX of ``reg_id`` in ``lang`` as ``dlo render`` prints it now, and its sheets'
    headings → their kinds; None when it cannot be rendered."""
    from .. import subject
    from ..render import docx

    try:
        chosen = subject.select(project, registry, reg_id, draft)
        rd = chosen.context(registry, lang, project, kept=project.snapshots)
        printed = docx.render(rd, project.templates)
    except DloError:
        return None
    headings = {" ".join(normalise(rd.labels["sheet"][k]["title"]).split()): k for k in docx.SHEETS}
    return printed, headings
