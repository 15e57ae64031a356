"""A project's own label set, checked against the bundled set of its language and completed
from it.

A project may reword any label of ``templates/labels/<lang>.yaml``; it may not give one another
shape than the outputs expect, which would stop a render half-way. Against the bundled set of
the same language:

- a label the bundled set does not have is an unknown key (DLO011), at the key;
- a label of another type is DLO010: a text for a text, a list of texts for a list, a group
  (a mapping) for a group;
- a text holds only what ``label_text`` lets it (DLO013 at the character): the characters
  labels may hold (letters of the Kazakh, Russian and Latin alphabets, digits, common
  punctuation: a whitelist), no control character, and braces only as the placeholders of its
  bundled counterpart;
- a table's column headings (``columns``, ``history_columns`` ...) keep their count, and no
  list is empty or holds an empty entry (DLO013).
- a text prints no number its bundled counterpart does not (``label_record``, DLO013): read as
  printed, each placeholder filled with a sample of its kind and letters drawn like digits read
  as digits, it keeps the placeholders of the journal's record and those filled with a number,
  writes none more often, joins nothing to one (``{number}О``, ``1{n}``), holds no number of
  its own but the bundled text's when that has a placeholder or a number or it is a mark or a
  heading (``strict``), and no date or order's number of its own in any written form
  ("26.XI.2026", "3 июня 2024 г.", "№ ІО"; a form code "Ф-01" is none). So no label set prints
  an order, a date or a name the journal does not hold, nor a date or number on a draft;
- a mark of what the text is (``label_marks.MARKS``: the draft's mark and note, the original on
  paper, a corrected record, a removed clause) and a heading of the title page's approval block
  (``label_marks.heading``) say what they must (DLO013): the draft's mark the bundled mark's
  word (ЖОБА, ПРОЕКТ), its note a word beginning with it, the others a word of two letters or
  more; as ``strict`` labels they hold no number. No label set takes ЖОБА off a draft's pages,
  nor blanks a heading.

- a group of grammar (``GRAMMAR``: ``kind_named``, the phrases by which a title names the
  document's kind; ``approval_form_words``, the words by which a clause states the form of
  approval) is the bundled one: a project's set may leave it out, not change it
  (DLO013).

One problem per label, the first. A label the project's set lacks (one added to dlo after the
set was copied, or left out on purpose) is taken from the bundled set: ``completed``; but a
kind's word for the approval (``approved_kind``) the set lacks is the bundled one only while the
set keeps the bundled ``approved``: a set that rewords ``approved`` prints its own word for each
kind it does not word itself.

- ``problems(words, reference, source, lang) -> list[Problem]``: what is wrong with ``words``,
  each at its place in ``source()`` (called only when there is a problem).
- ``completed(words, reference) -> dict``: ``words`` with what they lack taken from
  ``reference``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import label_marks, label_record
from .errors import Problem
from .i18n import Msg
from .label_marks import MARKS, heading
from .label_text import Found, as_bundled, name, shape
from .load import Loc, Source

# the groups that are not wording but grammar: the phrases by which a title names the
# document's kind (``kind_named``: the title page then leaves the kind's heading out), which
# a project's set keeps as bundled ("[н]" would leave it out of every title with a word in н…)
# and the words by which a clause states the form of approval (``approval_form_words``: DLO101
# reads the clause stating approval with them; "[zzz]" would let a text approved by signature
# say an order approves it)
GRAMMAR = frozenset({"kind_named", "approval_form_words"})


def completed(words: dict[str, Any], reference: dict[str, Any]) -> dict[str, Any]:
    """``words`` with each label it lacks, at any depth, taken from ``reference``; a kind's word
    for the approval (``approved_kind``) that a set rewording ``approved`` lacks is its own
    ``approved``, not the bundled kind's word."""
    merged = _merged(words, reference)
    form, bundled = words.get("form"), reference.get("form")
    if not (isinstance(form, dict) and isinstance(bundled, dict)):
        return merged
    own = form.get("approved", bundled.get("approved"))
    if own == bundled.get("approved"):
        return merged
    kinds = form.get("approved_kind", {})
    each = {kind: kinds.get(kind, own) for kind in bundled.get("approved_kind", {})}
    return {**merged, "form": {**merged["form"], "approved_kind": each}}


def _merged(words: dict[str, Any], reference: dict[str, Any]) -> dict[str, Any]:
    merged = dict(reference)
    for key, value in words.items():
        ref = reference.get(key)
        merged[key] = (
            _merged(value, ref) if isinstance(value, dict) and isinstance(ref, dict) else value
        )
    return merged


def problems(
    words: Any, reference: dict[str, Any], source: Callable[[], Source], lang: str
) -> list[Problem]:
    """What in ``words`` does not have the shape of ``reference``, located in ``source()``."""
    found: list[Found] = []
    if isinstance(words, dict):
        _group(words, reference, (), found, lang)
    else:
        message = Msg("the label set must be a mapping of labels, as the bundled one is")
        found.append(Found((), "DLO010", message, as_bundled(lang)))
    if not found:
        return []
    src = source()
    return [f.at(src) for f in found]


def _group(value: Any, reference: dict[str, Any], loc: Loc, found: list[Found], lang: str) -> None:
    if not isinstance(value, dict):
        message = Msg("label {name} must be a group of labels", name=name(loc))
        found.append(Found(loc, "DLO010", message, as_bundled(lang)))
        return
    for key, item in value.items():
        here = (*loc, key)
        if key not in reference:
            hint = Msg(
                "correct its name or remove it; the labels are those of the bundled "
                "templates/labels/{lang}.yaml",
                lang=lang,
            )
            message = Msg("unknown label {name}", name=name(here))
            found.append(Found(here, "DLO011", message, hint, key=True))
        elif isinstance(reference[key], dict):
            _group(item, reference[key], here, found, lang)
        elif isinstance(reference[key], list):
            _texts(item, reference[key], here, found, lang)
        else:
            _text(item, reference[key], here, found, lang, reference)


def _texts(value: Any, reference: list[Any], loc: Loc, found: list[Found], lang: str) -> None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        message = Msg("label {name} must be a list of texts", name=name(loc))
        found.append(Found(loc, "DLO010", message, as_bundled(lang)))
        return
    if str(loc[-1]).endswith("columns") and len(value) != len(reference):
        message = Msg(
            "label {name} names {n} column(s); the table has {expected}",
            name=name(loc),
            n=len(value),
            expected=len(reference),
        )
        found.append(Found(loc, "DLO013", message, Msg("give one heading per column")))
        return
    if not value and reference:
        message = Msg("label {name} lists nothing", name=name(loc))
        found.append(Found(loc, "DLO013", message, Msg("give at least one entry")))
        return
    blank = next((i for i, item in enumerate(value) if not item.strip()), None)
    if blank is not None:  # a blank word matches every text; a blank heading names nothing
        message = Msg("label {name}: an empty entry", name=name((*loc, blank)))
        found.append(Found((*loc, blank), "DLO013", message, Msg("write it, or remove it")))
        return
    if (changed := _grammar(value, reference, loc)) is not None:
        found.append(changed)
        return
    for i, item in enumerate(value):
        _text(item, "", (*loc, i), found, lang)


def _grammar(value: list[str], reference: list[Any], loc: Loc) -> Found | None:
    """A group of grammar (``GRAMMAR``) changed from the bundled one."""
    if loc[0] not in GRAMMAR or value == reference:
        return None
    message = (
        Msg(
            "label {name} is not wording but how a title is read: a project's set may not "
            "change it",
            name=name(loc),
        )
        if loc[0] == "kind_named"
        else Msg(
            "label {name} is not wording but how the clause stating approval is read: a "
            "project's set may not change it",
            name=name(loc),
        )
    )
    hint = Msg(
        "remove it from the project's set, which then reads texts as dlo does: {value}",
        value="[" + ", ".join(reference) + "]",
    )
    return Found(loc, "DLO013", message, hint)


def _text(
    value: Any, reference: str, loc: Loc, found: list[Found], lang: str, group: Any = None
) -> None:
    """A text, ``reference`` its bundled counterpart, in the bundled ``group``."""
    problem = shape(value, reference, loc, lang)
    if problem is None and isinstance(value, str):
        strict = loc in MARKS or heading(loc)
        problem = label_marks.problem(
            value, loc, group if isinstance(group, dict) else {}
        ) or label_record.problem(value, reference, loc, lang, strict)
    if problem is not None:
        found.append(problem)
