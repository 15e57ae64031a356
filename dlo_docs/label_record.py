"""The numbers a label prints: no date, order's number or number of its own, none the journal
does not hold.

A label is read as printed (``label_numbers.Reading``: each placeholder filled with a sample of
its kind, 7 for a number, 07.07.2007 for a date; letters drawn like digits read as the digits).
Then, the first that holds is DLO013, at the value or where the label writes the number:

- a label whose bundled text prints the journal's record (a ``RECORDED`` placeholder:
  ``{date}``, ``{number}``, ``{official}`` ...) keeps every placeholder of its bundled text, and
  any label each placeholder its bundled text fills with a number or a date (``NUMBERED``:
  ``{n}`` of a clause, ``{year}``, ``{page}`` ...): an edition prints the order the journal
  holds, and the body its own numbering;
- no placeholder is written more often than in the bundled text (``№ {number}{number}``);
- a ``strict`` label — its bundled text has a placeholder or a number, or it is a mark of what
  the text is or a heading of the approval block — prints the numbers of its bundled text and
  no other: none joined to a placeholder (``{number}О`` reads 70, ``1{n}`` 17), none of its own
  but the bundled text's own, as often at most and as there (the blanks' ``20___``);
- no label prints a date or an order's number of its own, in any written form
  (``label_dates``: ``26-11-2026``, ``26.XI.2026``, ``3 июня 2024 г.``, ``маусым {year}``,
  ``№ 45``, ``№ ІО``); a form code (``Ф-01``, ``ҚП 082-2022``) is none.

- ``problem(value, reference, loc, lang, strict) -> Found | None``.
"""

from __future__ import annotations

import re
from collections import Counter

from .i18n import Msg
from .label_numbers import NUMBERED, Number, Reading, sample
from .label_text import Found, name, placeholders
from .load import Loc

# the placeholders that print what the journal records of an approval or a signature: the
# order's date and number, the effective date, the approving official (the title in the
# genitive, the name), the signer, the certificate's serial, the signing time
RECORDED = frozenset(
    f"{{{field}}}"
    for field in ("date", "number", "effective", "official", "name", "signer", "serial", "time")
)
_PLACEHOLDER = re.compile(r"\{\w+\}")


def problem(value: str, reference: str, loc: Loc, lang: str, strict: bool) -> Found | None:
    """What ``value`` prints of a number its bundled ``reference`` does not."""
    wanted = placeholders(reference)
    return (
        _lacking(value, wanted, loc, lang)
        or _too_often(value, reference, loc, lang)
        or _numbers(value, reference, loc, lang, strict)
    )


def _lacking(value: str, wanted: set[str], loc: Loc, lang: str) -> Found | None:
    """A placeholder of the journal's record, or one filled with a number, left out."""
    record = bool(wanted & RECORDED)
    missing = sorted((wanted if record else wanted & NUMBERED) - placeholders(value))
    if not missing:
        return None
    if record:
        message = Msg(
            "label {name} prints the journal's record: it lacks {field}",
            name=name(loc),
            field=", ".join(missing),
        )
        hint = Msg(
            "write each of its placeholders ({names}): the outputs fill them from the journal",
            names=", ".join(sorted(wanted)),
        )
    else:
        message = Msg(
            "label {name} lacks {field}, which the outputs fill with a number or a date",
            name=name(loc),
            field=", ".join(missing),
        )
        hint = Msg("write it as the bundled templates/labels/{lang}.yaml does", lang=lang)
    return Found(loc, "DLO013", message, hint)


def _too_often(value: str, reference: str, loc: Loc, lang: str) -> Found | None:
    """A placeholder written more often than in the bundled text, at the one too many."""
    bundled = Counter(_PLACEHOLDER.findall(reference))
    seen: Counter[str] = Counter()
    for m in _PLACEHOLDER.finditer(value):
        seen[m.group()] += 1
        if m.group() in bundled and seen[m.group()] > bundled[m.group()]:
            message = Msg(
                "label {name}: {field} is written more often than in the bundled text ({n})",
                name=name(loc),
                field=m.group(),
                n=bundled[m.group()],
            )
            hint = Msg(
                "write each placeholder as often as the bundled templates/labels/{lang}.yaml "
                "does: written twice, or side by side, the journal's value prints as another "
                "(№ 4545 for the order № 45)",
                lang=lang,
            )
            return Found(loc, "DLO013", message, hint, offset=m.start())
    return None


def _numbers(value: str, reference: str, loc: Loc, lang: str, strict: bool) -> Found | None:
    """A number joined to a placeholder; else the first of a number of the label's own (a
    ``strict`` label's, or one whose bundled text has placeholders or numbers) and a date or an
    order's number of its own (the date when both start at one place: it says more)."""
    wanted = placeholders(reference)
    read = Reading(value, wanted)
    bundled = Reading(reference, wanted).numbers()
    own = _beyond(read.numbers(), bundled) if strict or wanted or bundled else []
    joined = next((number for number in own if number.joins is not None), None)
    if joined is not None:
        return _joined(loc, value, joined, lang)
    number = next(iter(own), None)
    date = next(iter(read.dates()), None)
    if date is not None and (number is None or date.at <= number.at):
        return _own_date(loc, value, date, lang)
    return None if number is None else _own_number(loc, value, number, lang)


def _beyond(numbers: list[Number], bundled: list[Number]) -> list[Number]:
    """The ``numbers`` a label prints that its ``bundled`` text's do not allow: joined to a
    placeholder, or of its own beyond the bundled text's own (as often at most, and as they
    are there: ``Number.own``)."""
    left = Counter(number.own for number in bundled if number.own)
    found = []
    for number in numbers:
        if number.own is not None and left[number.own] > 0:
            left[number.own] -= 1
        elif number.of is None:
            found.append(number)
    return found


def _joined(loc: Loc, value: str, number: Number, lang: str) -> Found:
    field = number.joins or ""
    message = Msg(
        "label {name}: {written} reads as {digits} when {field} is {sample}: what is written "
        "beside {field} joins its number, which would print as another than the journal's",
        name=name(loc),
        written=value[number.at : number.end],
        digits=number.digits,
        field=field,
        sample=sample(field),
    )
    hint = Msg(
        "keep a placeholder apart from digits and from letters drawn like digits (О, І, l, З, "
        "б, Ч): a space or a word between them, as the bundled templates/labels/{lang}.yaml has",
        lang=lang,
    )
    return Found(loc, "DLO013", message, hint, offset=number.at)


def _own_number(loc: Loc, value: str, number: Number, lang: str) -> Found:
    """A number of the label's own, in digits or in letters drawn like digits."""
    written = value[number.at : number.end]
    if written == number.digits:
        message = Msg(
            "label {name}: {digits} is a number of its own, which the label would print as "
            "an order's or a date's",
            name=name(loc),
            digits=number.digits,
        )
        hint = Msg(
            "an order's date and number come from the journal, and a draft's stay blank to "
            "fill in by hand: write no digits but those of the bundled "
            "templates/labels/{lang}.yaml",
            lang=lang,
        )
    else:
        message = Msg(
            "label {name}: {written} reads as {digits} (letters drawn like digits): a number of "
            "its own, which the label would print as an order's or a date's",
            name=name(loc),
            written=written,
            digits=number.digits,
        )
        hint = _drawn_hint(lang)
    return Found(loc, "DLO013", message, hint, offset=number.at)


def _own_date(loc: Loc, value: str, date: Number, lang: str) -> Found:
    """A date or an order's number of the label's own, in any written form."""
    written = value[date.at : date.end]
    if placeholders(written):
        message = Msg(
            "label {name}: {written}, read with its placeholders filled in ({digits}), is a date "
            "or an order's number of its own, which the label would print as if the journal "
            "held it",
            name=name(loc),
            written=written,
            digits=date.digits,
        )
        hint = Msg(
            "an order's date and number come from the journal: write no day, month or year of "
            "the label's own beside its placeholders, as the bundled "
            "templates/labels/{lang}.yaml does",
            lang=lang,
        )
    elif written == date.digits:
        message = Msg(
            "label {name}: {written} is a date or an order's number of its own, which the label "
            "would print as if the journal held it",
            name=name(loc),
            written=written,
        )
        hint = Msg(
            "an order's date and number come from the journal: write none in a label (a form "
            "code such as Ф-01 is none), as the bundled templates/labels/{lang}.yaml does",
            lang=lang,
        )
    else:
        message = Msg(
            "label {name}: {written} reads as {digits} (letters drawn like digits): a date or "
            "an order's number of its own, which the label would print as if the journal held "
            "it",
            name=name(loc),
            written=written,
            digits=date.digits,
        )
        hint = _drawn_hint(lang)
    return Found(loc, "DLO013", message, hint, offset=date.at)


def _drawn_hint(lang: str) -> Msg:
    return Msg(
        "an order's date and number come from the journal, and a draft's stay blank to "
        "fill in by hand: write no number but those of the bundled "
        "templates/labels/{lang}.yaml, in digits or in letters that look like them (О for "
        "0, І or l for 1, З for 3, Ч for 4, б for 6)",
        lang=lang,
    )
