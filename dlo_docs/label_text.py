"""What a label's text may hold, as characters: the shape ``label_check`` asks first of each
text of a project's label set, and the problem it reports, at its place in the file.

- A text, not a number, a list or a group (DLO010).
- No control character (``chars.CONTROL``: no DOCX, page or spreadsheet can hold one), no
  bidirectional control (``chars.BIDI``: it reorders what the label prints), no line or
  paragraph separator (``chars.SEPARATORS``: it breaks the line where the file shows none)
  (DLO013 at it, each said as what it is).
- Braces: a text whose bundled counterpart has placeholders (``{kind}``, ``{n}``) is filled in
  by the outputs, so its braces may only be those placeholders, each written ``{name}`` (no
  ``{}``, no attribute, index, conversion or format, no brace of its own: the outputs fill some
  labels by ``str.format``, others by replacing the placeholder, so no way of writing a brace
  itself prints the same everywhere); any other brace is DLO013 at it. A text without
  placeholders is printed as written, braces and all.
- Nothing but the characters labels may hold (``chars.NOT_IN_LABELS``, a whitelist): the
  letters of the Kazakh, Russian and Latin alphabets, ASCII digits, the space and the no-break
  space, the line break, ordinary punctuation and what the bundled sets use (DLO013 at the
  character). Labels are the organisation's words; a letter of another alphabet, one that
  prints as nothing, a zero-width or joining character, a soft hyphen, another form of a digit
  (⁴, ④, ５) or of a mark (．, º) is none of them, and would print a number or a word the checks
  of the text do not read as printed.

- ``Found``: a problem, located in the label set's source when it is reported.
- ``shape(value, reference, loc, lang) -> Found | None``; ``placeholders(text)``;
  ``name(loc)``: a label's name as the messages give it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .chars import BIDI, CONTROL, LABEL_PUNCTUATION, NOT_IN_LABELS, SEPARATORS
from .errors import Problem, error
from .i18n import Msg
from .load import Loc, Source, node_at

_BRACES = re.compile(r"\{[^{}]*\}|[{}]")  # a placeholder as written, or a brace on its own


def placeholders(text: str) -> set[str]:
    """The placeholders of a label's text, as written: ``{"{kind}", "{code}"}``."""
    return {m.group() for m in _BRACES.finditer(text) if len(m.group()) > 1}


@dataclass(frozen=True)
class Found:
    loc: Loc
    code: str
    message: Msg
    hint: Msg
    key: bool = False  # at the key, not at the value
    offset: int | None = None  # the character of the text it is at

    def at(self, src: Source) -> Problem:
        loc = _resolve(src.data, self.loc)
        if self.offset is not None:
            where = src.text_at(loc, self.offset)
        else:  # an empty value has no position of its own: its key's
            where = src.at(loc, key=self.key or node_at(src.data, loc) is None)
        return error(where, self.code, self.message, self.hint)


def _resolve(data: Any, loc: Loc) -> list[Any]:
    """``loc`` (keys as text, as the plain data has them) as the source's own keys: ``5: x``
    is the key 5."""
    resolved: list[Any] = []
    for part in loc:
        if isinstance(data, dict) and part not in data:
            part = next((k for k in data if str(k) == part), part)
        resolved.append(part)
        data = node_at(data, [part])
    return resolved


def name(loc: Loc) -> str:
    """``form.header``; a list's entry by its number from 1: ``diff.columns #4``."""
    shown = ""
    for part in loc:
        shown += f" #{part + 1}" if isinstance(part, int) else (f".{part}" if shown else str(part))
    return shown


def as_bundled(lang: str) -> Msg:
    return Msg("write it as the bundled templates/labels/{lang}.yaml does", lang=lang)


def shape(value: Any, reference: str, loc: Loc, lang: str) -> Found | None:
    """A text that is not one, holds a control character, a bidirectional control, a line or
    paragraph separator, a brace of its own, or a character labels may not hold."""
    if not isinstance(value, str):
        message = Msg("label {name} must be a text", name=name(loc))
        return Found(loc, "DLO010", message, as_bundled(lang))
    return _unprintable(value, loc) or _brace(value, reference, loc) or _outside(value, loc)


def _unprintable(value: str, loc: Loc) -> Found | None:
    """A control character, a bidirectional control or a line or paragraph separator."""
    if (control := re.search(CONTROL, value)) is not None:
        message = Msg(
            "label {name}: U+{code:04X} is a control character, which no document can hold",
            name=name(loc),
            code=ord(control.group()),
        )
        return Found(loc, "DLO013", message, Msg("remove it"), offset=control.start())
    if (bidi := re.search(BIDI, value)) is not None:
        message = Msg(
            "label {name}: U+{code:04X} is a bidirectional control character, which reorders "
            "what the label prints around it",
            name=name(loc),
            code=ord(bidi.group()),
        )
        return Found(loc, "DLO013", message, Msg("remove it"), offset=bidi.start())
    if (separator := re.search(SEPARATORS, value)) is not None:
        message = Msg(
            "label {name}: U+{code:04X} is a line or paragraph separator, which breaks the line "
            "the label prints where its file shows no break",
            name=name(loc),
            code=ord(separator.group()),
        )
        hint = Msg("remove it; to break the line, write \\n in a double-quoted text")
        return Found(loc, "DLO013", message, hint, offset=separator.start())
    return None


def _brace(value: str, reference: str, loc: Loc) -> Found | None:
    """A brace that is not one of the placeholders of a label that has some."""
    allowed = placeholders(reference)
    bad = next((m for m in _BRACES.finditer(value) if m.group() not in allowed), None)
    if not allowed or bad is None:
        return None  # without placeholders: printed as written
    message = (
        Msg(
            "label {name}: {field} is not one of its placeholders",
            name=name(loc),
            field=bad.group(),
        )
        if len(bad.group()) > 1
        else Msg("label {name}: a brace that is not one of its placeholders", name=name(loc))
    )
    hint = Msg(
        "its placeholders: {names}; the label holds no other brace",
        names=", ".join(sorted(allowed)),
    )
    return Found(loc, "DLO013", message, hint, offset=bad.start())


def _outside(value: str, loc: Loc) -> Found | None:
    """A character that is not in the labels' repertoire (``chars.NOT_IN_LABELS``)."""
    found = re.search(NOT_IN_LABELS, value)
    if found is None:
        return None
    message = Msg(
        "label {name}: U+{code:04X} {char} is not a character labels may hold: letters of the "
        "Kazakh, Russian and Latin alphabets, digits and common punctuation",
        name=name(loc),
        code=ord(found.group()),
        char=repr(found.group()),
    )
    hint = Msg(
        "type it again from a Kazakh, Russian or English keyboard, or remove it; a label holds "
        "letters, digits, spaces, line breaks (\\n) and {marks}",
        marks=" ".join(LABEL_PUNCTUATION),
    )
    return Found(loc, "DLO013", message, hint, offset=found.start())
