"""A DOCX's unresolved tracked changes and comments: named for the user, and read as accepted.

``revisions`` names each (what, which text, by whom) in the interface language; ``--onto``
refuses a file that has any unless ``--accept-changes``, the plain import reports them (DLO508).

The text itself is read as if every change were accepted: deleted text is left out by the
reader, inserted text is kept, and a paragraph whose mark was deleted with Track Changes on
(``w:pPr/w:rPr/w:del``: two paragraphs joined, Delete at the end of the first) is one paragraph
with the next (``joined``), as Word shows it once the change is accepted.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..i18n import N_, Msg
from .wordstyles import W

_CHANGES = {
    W + "ins": N_('tracked change: inserted "{text}" by {who}'),
    W + "del": N_('tracked change: deleted "{text}" by {who}'),
    W + "moveFrom": N_('tracked change: moved away "{text}" by {who}'),
    W + "moveTo": N_('tracked change: moved here "{text}" by {who}'),
}
_FORMAT_CHANGES = (W + "rPrChange", W + "pPrChange", W + "sectPrChange", W + "tblPrChange")
_GONE = (W + "del", W + "moveFrom")  # a paragraph mark deleted, or moved away
_COME = (W + "ins", W + "moveTo")  # a paragraph mark inserted (Enter), or moved here


def _text_of(el: ET.Element, enough: int | None = None) -> str:
    """``el``'s text, inserted and deleted; with ``enough``, only until it holds that many
    characters (a change is named by its first words: an insertion holding the 400,000 runs
    of 150 insertions nested in it was read whole for each of them)."""
    pieces: list[str] = []
    size = 0
    for t in el.iter():
        if t.tag in (W + "t", W + "delText") and t.text:
            pieces.append(t.text)
            size += len(t.text)
            if enough is not None and size >= enough:
                break
    return "".join(pieces)


def _shorten(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _who(el: ET.Element) -> str:
    return el.get(W + "author") or Msg("unknown author")


def mark_gone(p: ET.Element) -> ET.Element | None:
    """The tracked deletion (or move away) of paragraph ``p``'s own mark, if any."""
    rpr = p.find(f"{W}pPr/{W}rPr")
    if rpr is None:
        return None
    return next((el for el in rpr if el.tag in _GONE), None)


def _joined(document: ET.Element) -> list[str]:
    """Each paragraph mark deleted with text left before it: the paragraphs it joins."""
    found: list[str] = []
    for p in document.iter(W + "p"):
        gone = mark_gone(p)
        if gone is None:
            continue
        kept = "".join(t.text or "" for t in p.iter(W + "t"))  # not the deleted runs' delText
        if kept.strip():
            found.append(
                Msg(
                    'tracked change: paragraph mark deleted, "{text}" joined to the next '
                    "paragraph, by {who}",
                    text=_shorten(kept) if len(kept) <= 60 else "…" + kept[-59:].lstrip(),
                    who=_who(gone),
                )
            )
    return found


def _own_text(el: ET.Element) -> str:
    """``el``'s text that no tracked change inserted (the text it had before)."""
    return "".join(
        (t.text or "") if t.tag == W + "t" else _own_text(t) for t in el if t.tag not in _COME
    )


def _split(document: ET.Element) -> list[str]:
    """Each paragraph mark inserted inside a paragraph's text (Enter with Track Changes on): the
    paragraph before it and the next one both hold text of before. A mark inserted before a
    paragraph that was typed whole is said with its inserted text."""
    found: list[str] = []
    paragraphs = list(document.iter(W + "p"))
    for p, after in zip(paragraphs, paragraphs[1:], strict=False):
        rpr = p.find(f"{W}pPr/{W}rPr")
        come = next((el for el in rpr if el.tag in _COME), None) if rpr is not None else None
        kept = _own_text(p)
        if come is not None and kept.strip() and _own_text(after).strip():
            shown = _shorten(kept) if len(kept) <= 60 else "…" + kept.rstrip()[-59:].lstrip()
            found.append(
                Msg(
                    'tracked change: paragraph split after "{text}" by {who}',
                    text=shown,
                    who=_who(come),
                )
            )
    return found


def _formatted(change: ET.Element, parents: dict[ET.Element, ET.Element]) -> str:
    """The text whose formatting ``change`` changed: its run's, or its paragraph's when it
    changed the paragraph (or its mark); "" for a table's or a section's."""
    owner = parents.get(change)
    while owner is not None and owner.tag not in (W + "r", W + "p", W + "tbl", W + "body"):
        owner = parents.get(owner)
    return _text_of(owner) if owner is not None and owner.tag in (W + "r", W + "p") else ""


def _format_change(change: ET.Element, parents: dict[ET.Element, ET.Element]) -> str:
    text = _formatted(change, parents)
    if not text.strip():
        return Msg("tracked change: formatting changed by {who}", who=_who(change))
    return Msg(
        'tracked change: formatting of "{text}" changed by {who}',
        text=_shorten(text),
        who=_who(change),
    )


def _placed(change: str, el: ET.Element | None, parents: dict[ET.Element, ET.Element]) -> str:
    """``change`` with the paragraph it is in, by its first words as Word shows them once the
    changes are accepted (the same word changed in many paragraphs told apart); as it is when
    it is the paragraph's whole text, or in none."""
    own = " ".join(_text_of(el, enough=ENOUGH).split()) if el is not None else ""
    while el is not None and el.tag != W + "p":
        el = parents.get(el)
    if el is None:
        return change
    words = " ".join("".join(t.text or "" for t in el.iter(W + "t")).split())
    if not words or words == own:
        return change
    return Msg('{change} in the paragraph "{words}"', change=change, words=_shorten(words, 50))


def _commented(document: ET.Element | None) -> dict[str, ET.Element]:
    """Where each comment is anchored: its id -> the first element marking it in the text."""
    marks = (W + "commentRangeStart", W + "commentReference")
    found: dict[str, ET.Element] = {}
    for el in document.iter() if document is not None else ():
        if el.tag in marks:
            found.setdefault(el.get(W + "id") or "", el)
    return found


# the changes named (an import names its first five, --onto its first twelve, and counts the
# rest); naming one reads its text and its paragraph's, so naming each of 20,000 insertions in
# one paragraph took 36 s, 200,000 an hour, and nested insertions each read all they hold
NAMED = 12
UNNAMED = ""  # a change counted, not named
ENOUGH = 1_000  # characters of a change's text read to name it (by its first 60)


def _changes(document: ET.Element, parents: dict[ET.Element, ET.Element]) -> list[str]:
    """The tracked changes of ``document``: the first ``NAMED`` named, the others counted (a
    change of text that holds none is neither, as before)."""
    found: list[str] = []
    for el in document.iter():
        if el.tag not in _FORMAT_CHANGES and el.tag not in _CHANGES:
            continue
        if len(found) >= NAMED:
            found.append(UNNAMED)
        elif el.tag in _FORMAT_CHANGES:
            found.append(_format_change(el, parents))
        elif (text := _text_of(el, enough=ENOUGH)).strip():
            change = Msg(_CHANGES[el.tag], text=_shorten(text), who=_who(el))
            found.append(_placed(change, el, parents))
    return found


def revisions(document: ET.Element | None, comments: ET.Element | None) -> list[str]:
    """Unresolved tracked changes and comments, one line each, naming what, where and by whom
    (after the first ``NAMED`` changes, ``UNNAMED``: counted, never shown)."""
    found: list[str] = []
    parents = {c: p for p in document.iter() for c in p} if document is not None else {}
    if document is not None:
        found += _changes(document, parents) + _joined(document) + _split(document)
    if comments is not None:
        anchored = _commented(document)
        for c in comments.iter(W + "comment"):
            said = Msg('comment by {who}: "{text}"', who=_who(c), text=_shorten(_text_of(c)))
            found.append(_placed(said, anchored.get(c.get(W + "id") or ""), parents))
    return found
