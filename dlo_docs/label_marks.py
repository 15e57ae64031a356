"""The labels that say what a text is — the draft's mark and note, the original on paper, a
corrected record, a removed clause (``MARKS``) — and the headings of the title page's approval
block (``heading``): what a project's words for them must say (DLO013, at the value).

- ``draft_mark``, on every page of a draft, begins with the bundled mark's word — ЖОБА, ПРОЕКТ —
  as a word of its own, in capitals or not, after an opening quote or bracket at most ("ЖОБА
  (талқылауға)", "Проект", "«ЖОБА»"; not "ЖОБАСЫЗ", nor "ЖOБA" typed with Latin O and A, nor
  line breaks or other text before it, which push it off the head of the page): a draft says
  it is a draft.
- ``draft_note`` holds a word beginning with that word, the stem of the words for a draft
  ("Жоба: …", "Құжат жобасы …", "Проект: …", "… проекта"): it says why the text is not in force.
- the other marks and the headings hold a word of two letters or more: none is left blank, nor
  a letter or a tick standing for a word.

Their numbers are ``label_record``'s (``strict``: none).

- ``problem(value, loc, bundled) -> Found | None``: ``bundled`` the bundled group the label is
  in (``form:``), where the draft's mark is.
"""

from __future__ import annotations

import re
from typing import Any

from .i18n import Msg
from .label_text import Found, name
from .load import Loc

# the labels that mark what a text is: a draft (every page of one), an original on paper, a
# corrected date or remark, a clause removed (its number may be another clause's now)
MARKS = frozenset(
    ("form", key)
    for key in ("draft_mark", "draft_note", "paper", "paper_short", "corrected", "removed")
)
_MARK = ("form", "draft_mark")
_NOTE = ("form", "draft_note")

# the headings of the title page's approval block: signed (БЕКІТЕМІН / УТВЕРЖДАЮ), by order
# (БЕКІТІЛДІ / УТВЕРЖДЕНО), by order for a kind of document (УТВЕРЖДЕНА a job instruction)
_HEADINGS = frozenset({("form", "approve"), ("form", "approved")})
_PER_KIND = ("form", "approved_kind")

_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more
_WORDS = re.compile(r"[^\W_]+")
_OPENING = "«„“\"'("  # what may open the draft's mark before its word


def heading(loc: Loc) -> bool:
    """``loc`` is a heading of the approval block."""
    return tuple(loc) in _HEADINGS or (len(loc) == 3 and tuple(loc[:2]) == _PER_KIND)


def _before_mark(value: str) -> str:
    """What ``draft_mark`` prints before its first word (an opening quote or bracket may)."""
    first = _WORDS.search(value)
    return (value[: first.start()] if first else value).lstrip(_OPENING)


def _draft_mark(value: str, words: list[str], draft: str, loc: Loc) -> Found | None:
    """The draft's mark says the bundled mark's word, first: a line break or any text before it
    would push the word down, off the head of every page (the mark's paragraph is the first of
    each page's header), and the page would print no mark at all."""
    before = _before_mark(value)
    if draft.casefold() in words[:1] and not before:
        return None
    message = (
        Msg(
            "label {name} does not say {word}: a draft's pages must say they are a draft",
            name=name(loc),
            word=draft,
        )
        if draft.casefold() not in words
        else Msg(
            "label {name} prints {before} before {word}: the word would be pushed off the head "
            "of every page of a draft",
            name=name(loc),
            before=repr(before),
            word=draft,
        )
    )
    hint = Msg(
        "begin it with the word {word}, in capitals or not, other words after it if you will "
        "({example})",
        word=draft,
        example=draft + " (…)",
    )
    return Found(loc, "DLO013", message, hint)


def problem(value: str, loc: Loc, bundled: dict[str, Any]) -> Found | None:
    """A mark or a heading that does not say what it must."""
    draft = str(bundled.get("draft_mark", ""))
    words = [word.casefold() for word in _WORDS.findall(value)]
    if tuple(loc) == _MARK and draft:
        return _draft_mark(value, words, draft, loc)
    if tuple(loc) == _NOTE and draft and not any(w.startswith(draft.casefold()) for w in words):
        message = Msg(
            "label {name} does not say the text is a draft: it must hold a word beginning with "
            "{word}",
            name=name(loc),
            word=draft.capitalize(),
        )
        return Found(loc, "DLO013", message, Msg("write the word, as the bundled label does"))
    if _WORD.search(value) or not (loc in MARKS or heading(loc)):
        return None
    message = (
        Msg(
            "label {name} is blank: it heads the title page's approval block and must say it in "
            "words",
            name=name(loc),
        )
        if heading(loc)
        else Msg(
            "label {name} is blank: it marks what the text is (a draft, an original on paper, a "
            "corrected record, a removed clause) and must say it in words",
            name=name(loc),
        )
    )
    return Found(loc, "DLO013", message, Msg("write the word, as the bundled label does"))
