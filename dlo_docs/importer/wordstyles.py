"""Word's paragraph styles and automatic numbering, read from ``word/styles.xml`` and
``word/numbering.xml``: a style's name and the chain it is based on, and the label ("9.", "а)",
"IV.") a numbered paragraph shows, computed as Word computes it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from xml.etree import ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
# what Word writes: list levels 0-8, a list starting at most at 32767, a level's text of a few
# characters ("%1.%2."); a crafted numbering.xml beyond them would make every numbered paragraph
# spell a label of millions of characters (a start of 10**9 in Roman numerals or letters)
MAX_LEVEL = 8
MAX_START = 32767
MAX_LEVEL_TEXT = 255
# the longest label read: a level's text within MAX_LEVEL_TEXT may still repeat a placeholder
# (``%1`` 127 times) that spells a count in letters (1,261 of them from a start of 32767), a
# label of 160,000 characters for every numbered paragraph (gigabytes from a 10 KB file)
MAX_LABEL = MAX_LEVEL_TEXT


def child(el: ET.Element, name: str) -> ET.Element | None:
    """The ``w:name`` child of ``el``."""
    return el.find(W + name)


def val(el: ET.Element | None, attr: str = "val") -> str | None:
    """The ``w:attr`` of ``el`` (None when there is no element)."""
    return None if el is None else el.get(W + attr)


def number(text: str | None, lo: int, hi: int) -> int | None:
    """A number attribute as Word writes it (ASCII digits) within ``lo``..``hi``, else None: a
    crafted value never becomes an int of thousands of digits or a count a label is spelt from."""
    if text is None or not re.fullmatch(r"-?[0-9]{1,9}", text.strip()):
        return None
    n = int(text)
    return n if lo <= n <= hi else None


def bold(rpr: ET.Element | None) -> bool | None:
    """What run properties say of bold: on (``<w:b/>``), off (``w:val="0"``), or nothing."""
    b = None if rpr is None else child(rpr, "b")
    return None if b is None else val(b) not in ("0", "false", "off")


class Styles:
    def __init__(self, root: ET.Element | None) -> None:
        self.names: dict[str, str] = {}
        self.based: dict[str, str] = {}
        self.numpr: dict[str, ET.Element] = {}
        self.outline: dict[str, int] = {}
        self.bold: dict[str, bool] = {}  # paragraph styles that set bold on or off
        self.char_bold: dict[str, bool] = {}  # character styles that do
        self.default: str | None = None
        # styles that hide their text (w:vanish) or show it, and what each is based on, by type
        self.vanish: dict[str, dict[str, bool]] = {"character": {}, "paragraph": {}}
        self.bases: dict[str, dict[str, str]] = {"character": {}, "paragraph": {}}
        if root is None:
            return
        for style in root.iter(W + "style"):
            sid = style.get(W + "styleId") or ""
            self._vanish(style, sid)
            on = bold(child(style, "rPr"))
            if style.get(W + "type") == "character" and on is not None:
                self.char_bold[sid] = on
            if style.get(W + "type") == "paragraph":
                if on is not None:
                    self.bold[sid] = on
                self._paragraph(style, sid)

    def _vanish(self, style: ET.Element, sid: str) -> None:
        kind = style.get(W + "type") or ""
        if kind not in self.vanish:
            return
        if based := val(child(style, "basedOn")):
            self.bases[kind][sid] = based
        rpr = child(style, "rPr")
        vanish = None if rpr is None else child(rpr, "vanish")
        if vanish is not None:
            self.vanish[kind][sid] = val(vanish) not in ("0", "false", "off")

    def hides(self, kind: str, sid: str | None) -> bool | None:
        """Whether style ``sid`` of ``kind`` (or one it is based on) hides its text, or says
        nothing of it (None)."""
        seen: list[str] = []
        while sid and sid not in seen and len(seen) < 20:
            if sid in self.vanish[kind]:
                return self.vanish[kind][sid]
            seen.append(sid)
            sid = self.bases[kind].get(sid)
        return None

    def hide_styled(self, body: ET.Element, runs: Callable[[ET.Element], Iterable]) -> None:
        """Mark each run (of a paragraph's ``runs``) its character or paragraph style hides as
        hidden text itself (``w:vanish`` in its properties), as Word shows it: a run's own
        setting wins."""
        for p in body.iter(W + "p"):
            ppr = child(p, "pPr")
            by_paragraph = self.hides(
                "paragraph", val(child(ppr, "pStyle")) if ppr is not None else None
            )
            for run in runs(p):
                rpr = child(run, "rPr")
                if rpr is not None and child(rpr, "vanish") is not None:
                    continue
                style = val(child(rpr, "rStyle")) if rpr is not None else None
                if self.hides("character", style) or (
                    self.hides("character", style) is None and by_paragraph
                ):
                    if rpr is None:
                        rpr = ET.Element(W + "rPr")
                        run.insert(0, rpr)
                    ET.SubElement(rpr, W + "vanish")

    def _paragraph(self, style: ET.Element, sid: str) -> None:
        self.names[sid] = (val(child(style, "name")) or sid).lower()
        if style.get(W + "default") in ("1", "true"):
            self.default = sid
        based = val(child(style, "basedOn"))
        if based:
            self.based[sid] = based
        ppr = child(style, "pPr")
        if ppr is not None:
            numpr = child(ppr, "numPr")
            if numpr is not None:
                self.numpr[sid] = numpr
            lvl = number(val(child(ppr, "outlineLvl")), 0, 9)
            if lvl is not None:
                self.outline[sid] = lvl

    def chain(self, sid: str | None) -> list[str]:
        seen: list[str] = []
        while sid and sid not in seen and len(seen) < 20:
            seen.append(sid)
            sid = self.based.get(sid)
        return seen

    def name(self, sid: str | None) -> str:
        return self.names.get(sid or "", (sid or "").lower())

    def chain_bold(self, chain: list[str]) -> bool:
        """The paragraph style (``chain``: it and the styles it is based on) sets bold."""
        return next((self.bold[s] for s in chain if s in self.bold), False)


def _roman(n: int) -> str:
    out = ""
    for value, digits in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out, n = out + digits, n - value
    return out


def _letters(n: int, alphabet: str) -> str:
    k = len(alphabet)
    return alphabet[(n - 1) % k] * ((n - 1) // k + 1)


_LETTERS = ("lowerLetter", "upperLetter", "russianLower", "russianUpper")


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = _letters(n, "abcdefghijklmnopqrstuvwxyz")
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("russianLower", "russianUpper"):
        s = _letters(n, _RU_LETTERS)
        return s.upper() if fmt == "russianUpper" else s
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """Word's list numbering: counters per abstract list, levels restarting below a used level."""

    def __init__(self, root: ET.Element | None) -> None:
        self.levels: dict[
            str, dict[int, tuple[int, str, str]]
        ] = {}  # abstract → ilvl → (start, fmt, text)
        self.nums: dict[
            str, tuple[str, dict[int, int]]
        ] = {}  # numId → (abstract, {ilvl: start override})
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[tuple[str, int]] = set()
        self.links: dict[str, str] = {}  # abstractNum naming a list style → the style's own
        if root is None:
            return
        # a list defined through a list style: its abstractNum names the style (numStyleLink),
        # the levels are the abstractNum's that the style links (styleLink)
        linked: dict[str, str] = {}  # list style → the abstractNum holding its levels
        for absn in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in absn.iter(W + "lvl"):
                ilvl = number(lvl.get(W + "ilvl") or "0", 0, MAX_LEVEL)
                text = val(child(lvl, "lvlText")) or ""
                if ilvl is None or len(text) > MAX_LEVEL_TEXT:  # no level Word writes
                    continue
                start = number(val(child(lvl, "start")), 0, MAX_START)
                fmt = val(child(lvl, "numFmt")) or "decimal"
                levels[ilvl] = (1 if start is None else start, fmt, text)
            absn_id = absn.get(W + "abstractNumId") or ""
            self.levels[absn_id] = levels
            if (style := val(child(absn, "styleLink"))) is not None:
                linked[style] = absn_id
        self.links = {
            absn.get(W + "abstractNumId") or "": linked[style]
            for absn in root.iter(W + "abstractNum")
            if (style := val(child(absn, "numStyleLink"))) in linked
        }
        for num in root.iter(W + "num"):
            overrides = {}
            for ov in num.iter(W + "lvlOverride"):
                start = number(val(child(ov, "startOverride")), 0, MAX_START)
                ilvl = number(ov.get(W + "ilvl") or "0", 0, MAX_LEVEL)
                if start is not None and ilvl is not None:
                    overrides[ilvl] = start
            self.nums[num.get(W + "numId") or ""] = (
                val(child(num, "abstractNumId")) or "",
                overrides,
            )

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The next label of list ``num_id`` at level ``ilvl`` ("9.", "1)", "•"), or None."""
        if num_id in ("", "0") or num_id not in self.nums:
            return None
        absn, overrides = self.nums[num_id]
        absn = self.links.get(absn, absn)  # the same list as its style's: one counter
        levels = self.levels.get(absn, {})
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(absn, {})
        if ilvl in overrides and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))
            counters[ilvl] = overrides[ilvl] - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        start, fmt, text = levels[ilvl]
        if fmt == "bullet":
            return "•"
        return _spelt(text, levels, counters)


def _spelt(
    text: str, levels: dict[int, tuple[int, str, str]], counters: dict[int, int]
) -> str | None:
    """A level's ``text`` with each ``%N`` spelt from level N's counter; None (no label Word
    writes) as soon as it is longer than ``MAX_LABEL``, before the rest is spelt."""
    parts: list[str] = []
    size, at = 0, 0
    for match in re.finditer(r"%(\d)", text):
        k = int(match.group(1)) - 1
        value = ""
        if k in levels:
            count, fmt = counters.get(k, levels[k][0]), levels[k][1]
            if _letters_long(count, fmt):
                return None
            value = _format(count, fmt)
        parts += [text[at : match.start()], value]
        size += match.start() - at + len(value)
        at = match.end()
        if size > MAX_LABEL:
            return None
    parts.append(text[at:])
    return "".join(parts).strip()


def _letters_long(n: int, fmt: str) -> bool:
    """``n`` in letters (``fmt``) is longer than ``MAX_LABEL`` (the other formats of a count
    Word keeps are a few characters)."""
    k = 26 if fmt in ("lowerLetter", "upperLetter") else len(_RU_LETTERS)
    return fmt in _LETTERS and (n - 1) // k + 1 > MAX_LABEL


# -- paragraphs ----------------------------------------------------------------------------
