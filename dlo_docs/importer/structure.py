"""Structure recognition: lines → chapters, paragraphs, clauses and items, in Kazakh and Russian.

Recognised (case-insensitive, leading spaces and any whitespace after the marker ignored):

==============  =====================================================================
chapter         "1 тарау. …", "1-тарау …", "Глава 1. …", "Раздел 1 …", "1. ОБЩИЕ ПОЛОЖЕНИЯ",
                "I. ЖАЛПЫ ЕРЕЖЕЛЕР" (a number and a title in capitals); a DOCX heading style
paragraph       "Параграф 1. …", "§ 1 …", "§1. …"; a DOCX "heading 2"
clause          "9. …", "1.1. …", "1.1 …"; a number alone on its line takes the next line's text
item            "1)", "а)", "a)", "-", "–", "•"; "1.1.1." under dotted clauses; nested items
                ("а)" under "1)", a bullet under a numbered item) become items of items
==============  =====================================================================

Everything that looked odd in the source is reported (``Problem`` values with the source line):
a repeated number, a gap or a step back, a number alone on its line, text that fitted no
structure, the lines before the first chapter. The number each element had in the source is
kept as ``source_number``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import Location, Problem, warning
from .appendix import Appendix
from .appendix import split as split_appendix
from .headings import numbered_by_chapter, promote_chapters
from .source import Line

REPEATED = "DLO501"
LONE_NUMBER = "DLO502"
SEQUENCE = "DLO503"
UNSTRUCTURED = "DLO504"
PREAMBLE = "DLO505"
APPENDIX = "DLO506"

_I = re.IGNORECASE
_CHAPTER = [
    re.compile(r"^(?P<n>\d+)\s*[.-]?\s*тарау(?![\w])[.:]?\s*(?P<t>.*)$", _I),
    re.compile(r"^тарау\s+(?P<n>\d+)(?![\w])[.:]?\s*(?P<t>.*)$", _I),
    re.compile(r"^(?:глава|раздел)\s+(?P<n>\d+|[IVXLC]+)(?![\w])[.:]?\s*(?P<t>.*)$", _I),
]
_PARAGRAPH = re.compile(r"^(?:параграф|§)\s*(?P<n>\d+)(?![\w])[.:]?\s*(?P<t>.*)$", _I)
_NUMBERED = re.compile(r"^(?P<n>\d{1,4}(?:\.\d{1,4})*)\.(?!\d)\s*(?P<t>.*)$")
_DOTTED = re.compile(r"^(?P<n>\d{1,4}(?:\.\d{1,4})+)\s+(?P<t>\S.*)$")
_ROMAN = re.compile(r"^(?P<n>[IVXLC]{1,6})\.\s*(?P<t>\S.*)$")
_ITEM_NUM = re.compile(r"^(?P<n>\d{1,3})\)\s*(?P<t>.*)$")
_ITEM_LETTER = re.compile(r"^(?P<n>[a-zа-яёәғқңөұүһі])\)\s*(?P<t>.*)$", _I)
_BULLET = re.compile(r"^(?:[-–—]\s+|[•·▪■●◦○➢✓*]\s*)(?P<t>.*)$")

KK_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
RU_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def upper_heading(text: str) -> bool:
    """A short line in capitals with no sentence punctuation at its end: "ОБЩИЕ ПОЛОЖЕНИЯ"."""
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 3
        and all(c.isupper() for c in letters)
        and len(text) <= 150
        and not text.rstrip().endswith((";", ",", ":"))
    )


@dataclass
class Cand:
    kind: str  # chapter | paragraph | clause | item | none
    number: str | None
    text: str
    style: str = ""  # items: num | letter | bullet | dotted | row


def _roman_value(s: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = values.get(ch)
        if v is None:
            return None
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total


def classify(line: Line) -> Cand:
    text, hint = line.text, line.hint
    if hint == "chapter":
        for pattern in _CHAPTER:
            m = pattern.match(text)
            if m:
                return Cand("chapter", m["n"], m["t"])
        m = _NUMBERED.match(text) or _ROMAN.match(text)
        return Cand("chapter", m["n"], m["t"]) if m else Cand("chapter", None, text)
    if hint == "paragraph":
        m = _PARAGRAPH.match(text) or _NUMBERED.match(text)
        return Cand("paragraph", m["n"], m["t"]) if m else Cand("paragraph", None, text)
    for pattern in _CHAPTER:
        m = pattern.match(text)
        if m and hint not in ("clause", "item", "row"):
            return Cand("chapter", m["n"], m["t"])
    m = _PARAGRAPH.match(text)
    if m and hint not in ("clause", "item", "row"):
        return Cand("paragraph", m["n"], m["t"])
    m = _NUMBERED.match(text) or _DOTTED.match(text)
    if m:
        number, rest = m["n"], m["t"]
        if (
            number.count(".") == 0
            and rest
            and upper_heading(rest)
            and hint not in ("clause", "item", "row")
        ):
            return Cand("chapter", number, rest)
        if number.count(".") >= 2 or hint == "item":
            return Cand("item", number, rest, "dotted")
        return Cand("clause", number, rest)
    m = _ROMAN.match(text)
    if m and upper_heading(m["t"]) and hint is None:
        return Cand("chapter", m["n"], m["t"])
    m = _ITEM_NUM.match(text)
    if m:
        return Cand("item", m["n"], m["t"], "num")
    m = _ITEM_LETTER.match(text)
    if m:
        return Cand("item", m["n"].lower(), m["t"], "letter")
    m = _BULLET.match(text)
    if m and m["t"]:
        return Cand("item", None, m["t"], "bullet")
    if hint == "clause":
        return Cand("clause", None, text)
    if hint in ("item", "row"):
        return Cand("item", None, text, hint)
    return Cand("none", None, text)


@dataclass
class Node:
    kind: str  # chapter | paragraph | clause | item
    text: str  # title for chapters and paragraphs
    number: str | None
    where: int
    clauses: list[Node] = field(default_factory=list)  # chapters and paragraphs
    paragraphs: list[Node] = field(default_factory=list)  # chapters
    items: list[Node] = field(default_factory=list)  # clauses and items
    states: str | None = None
    ref: str | None = None
    style: str = ""  # items: how the source marked them (num | letter | bullet | dotted | row)
    # computed while building: the element's own number in the output
    position: int = 0

    def label(self) -> str:
        return f"{self.kind} {self.position}" if self.position else self.kind


@dataclass
class Sequence:
    """The source numbers of one run of siblings, for the report."""

    what: str
    last: int = 0
    last_where: dict[int, int] = field(default_factory=dict)
    count: int = 0


@dataclass
class Tree:
    chapters: list[Node]
    preamble: list[Line]
    problems: list[Problem]
    by_chapter: bool = False  # the source numbers its clauses within each chapter
    appendix: Appendix | None = None  # the source's own sheets, not imported


def _value(number: str | None, style: str, lang: str) -> int | None:
    if number is None:
        return None
    if number.isdigit():
        return int(number)
    if "." in number:
        last = number.rsplit(".", 1)[-1]
        return int(last) if last.isdigit() else None
    if style == "letter":
        alphabet = KK_ALPHABET if lang == "kk" else RU_ALPHABET
        if number in alphabet:
            return None  # letters: only repeats are reported (alphabets differ in what they skip)
    return _roman_value(number)


class Builder:
    def __init__(self, path: str, lang: str, ours: bool = False, by_chapter: bool = False) -> None:
        self.path, self.lang, self.ours, self.by_chapter = path, lang, ours, by_chapter
        self.chapters: list[Node] = []
        self.preamble: list[Line] = []
        self.problems: list[Problem] = []
        self.chapter: Node | None = None
        self.paragraph: Node | None = None
        self.clause: Node | None = None
        self.stack: list[tuple[tuple, Node]] = []  # open items: (style key, node), outermost first
        self.pending: tuple[Node, Line, list] | None = (
            None  # an element whose text is on the next line
        )
        self.clause_count = 0
        self.seqs: dict[object, Sequence] = {}
        self.letters_seen: dict[object, dict[str, int]] = {}
        self.started = False

    # -- report ------------------------------------------------------------------------
    def at(self, line: Line) -> Location:
        return Location(self.path, line.where, 1)

    def warn(self, line: Line, code: str, message: str, hint: str | None = None) -> None:
        self.problems.append(warning(self.at(line), code, message, hint))

    def sequence(self, key: object, what: str, node: Node, cand: Cand, line: Line) -> None:
        seq = self.seqs.setdefault(key, Sequence(what))
        seq.count += 1
        shown = cand.number
        if cand.style == "letter" and shown is not None:
            seen = self.letters_seen.setdefault(key, {})
            if shown in seen:
                self.warn(
                    line,
                    REPEATED,
                    f"{what} {shown}) repeats (first at line {seen[shown]}); "
                    f"it is {node.label()} here",
                    "the numbers are computed now; nothing to do",
                )
            seen.setdefault(shown, line.where)
            return
        value = _value(cand.number, cand.style, self.lang)
        if value is None:
            return
        expected = seq.last + 1
        if value == expected or value == seq.count and value > seq.last:
            pass
        elif value == seq.last:
            first = seq.last_where.get(value, 0)
            self.warn(
                line,
                REPEATED,
                f'{what} number "{_shown(cand)}" repeats (first at line {first}); '
                f"it is {node.label()} here",
                "the numbers are computed now; check the references to it",
            )
        elif value > expected:
            missing = f"{expected}" if value == expected + 1 else f"{expected}–{value - 1}"
            self.warn(
                line,
                SEQUENCE,
                f'{what} numbering skips {missing}: "{_shown(cand)}" follows '
                f"{seq.last or 'the start'}; it is {node.label()} here",
                "the numbers are computed now; check the references to it",
            )
        else:
            self.warn(
                line,
                SEQUENCE,
                f'{what} number "{_shown(cand)}" goes back (after {seq.last}); '
                f"it is {node.label()} here",
                "the numbers are computed now; check the references to it",
            )
        seq.last = value
        seq.last_where.setdefault(value, line.where)

    # -- building ------------------------------------------------------------------------
    def _new_chapter(self, title: str, number: str | None, line: Line) -> Node:
        node = Node("chapter", title, number, line.where, position=len(self.chapters) + 1)
        self.chapters.append(node)
        self.chapter, self.paragraph, self.clause, self.stack = node, None, None, []
        return node

    def _implicit_chapter(self, line: Line) -> Node:
        title = "Жалпы ережелер" if self.lang == "kk" else "Общие положения"
        self.warn(
            line,
            UNSTRUCTURED,
            f"text before the first chapter heading: put into a chapter titled {title!r}",
            "give the chapter its real title",
        )
        return self._new_chapter(title, None, line)

    def _current_chapter(self, line: Line) -> Node:
        """The chapter being read; an implicit one when the text has none yet."""
        return self.chapter if self.chapter is not None else self._implicit_chapter(line)

    def _new_clause(self, text: str, number: str | None, line: Line, cand: Cand) -> Node:
        chapter = self._current_chapter(line)
        self.clause_count += 1
        node = Node("clause", text, number, line.where, position=self.clause_count)
        (self.paragraph or chapter).clauses.append(node)
        self.clause, self.stack = node, []
        if number is not None:
            prefix = number.rsplit(".", 1)[0] if "." in number else None
            within = id(self.chapter) if self.by_chapter and prefix is None else None
            self.sequence(("clause", prefix, within), "clause", node, cand, line)
            self._typed_twice(node, line)
        return node

    def _typed_twice(self, node: Node, line: Line) -> None:
        """A number typed twice ("13. 13. …"): the text is kept as the source has it."""
        m = re.match(r"^(\d{1,4}(?:\.\d{1,4})*)\.(?!\d)", node.text)
        if m and m.group(1) == node.number:
            self.warn(
                line,
                REPEATED,
                f'clause number "{node.number}." is typed twice: the text starts with it again',
                "delete the repeated number from the clause's text",
            )

    def add(self, line: Line, cand: Cand) -> None:
        if self.pending is not None:
            node, at, owner = self.pending
            self.pending = None
            if cand.kind == "none":
                node.text = cand.text
                self.warn(
                    at,
                    LONE_NUMBER,
                    f'{node.kind} number "{_shown_node(node)}" stands alone on its '
                    f"line; joined to the text on the next line",
                    "keep a number and its text on one line",
                )
                return
            owner.remove(node)
            if node.kind == "clause":
                self.clause_count -= 1
            self.warn(
                at, UNSTRUCTURED, f'{node.kind} number "{_shown_node(node)}" has no text; left out'
            )
        if self.ours and line.hint in ("chapter", "paragraph") and cand.number is None:
            return  # a heading of our own output that is not a body heading (a sheet title)
        if line.lone_number and cand.number is not None:
            self.warn(
                line,
                LONE_NUMBER,
                f'{cand.kind} number "{_shown(cand)}" stands alone before a line break; '
                "joined to the text after it",
                "keep a number and its text on one line",
            )
        kind = cand.kind
        if kind == "none" and self.chapter is None and self.clause is None:
            self.preamble.append(line)
            return
        if kind == "chapter":
            node = self._new_chapter(cand.text, cand.number, line)
            if cand.number is not None:
                self.sequence("chapter", "chapter", node, cand, line)
            if not cand.text:
                self.pending = (node, line, self.chapters)
            return
        if kind == "paragraph":
            chapter = self._current_chapter(line)
            node = Node(
                "paragraph",
                cand.text,
                cand.number,
                line.where,
                position=len(chapter.paragraphs) + 1,
            )
            chapter.paragraphs.append(node)
            self.paragraph, self.clause, self.stack = node, None, []
            if cand.number is not None:
                self.sequence(("paragraph", id(chapter)), "paragraph", node, cand, line)
            if not cand.text:
                self.pending = (node, line, chapter.paragraphs)
            return
        if kind == "clause":
            node = self._new_clause(cand.text, cand.number, line, cand)
            if not cand.text:
                self.pending = (node, line, (self.paragraph or self._current_chapter(line)).clauses)
            return
        if kind == "item":
            if self.clause is None:
                self.warn(
                    line,
                    UNSTRUCTURED,
                    "a list item outside any clause: imported as a clause",
                    "a list belongs to the clause that introduces it",
                )
                self._new_clause(cand.text, None, line, cand)
                return
            self._add_item(line, cand)
            return
        # text that fits no structure
        if self.chapter is not None and self.clause is None:
            if (
                upper_heading(cand.text)
                and not self.chapter.clauses
                and not self.chapter.paragraphs
            ):
                self.warn(
                    line,
                    UNSTRUCTURED,
                    "a line in capitals after a chapter heading: joined to the chapter's title",
                )
                self.chapter.text = f"{self.chapter.text} {cand.text}".strip()
                return
            self.warn(
                line,
                UNSTRUCTURED,
                "text that fits no structure: imported as an unnumbered clause",
                "number it, or join it to the clause it belongs to",
            )
            self._new_clause(cand.text, None, line, cand)
            return
        target = self.stack[-1][1] if self.stack else self.clause
        assert target is not None and self.clause is not None  # the text follows a clause
        target.text = f"{target.text} {cand.text}".strip()
        self.warn(
            line,
            UNSTRUCTURED,
            f"text that fits no structure: joined to {target.label()}"
            + (f" of clause {self.clause.position}" if target is not self.clause else ""),
            "check that it belongs there",
        )

    def _add_item(self, line: Line, cand: Cand) -> None:
        style = cand.style
        key: tuple[str, int | None]
        if style == "dotted":
            assert cand.number is not None  # a dotted item is numbered
            depth = max(1, cand.number.count(".") - 1)
            key = ("dotted", depth)
        else:
            key = (style, line.level)
        keys = [k for k, _ in self.stack]
        if style == "dotted":
            del self.stack[depth - 1 :]
            depth = min(depth, len(self.stack) + 1)
        else:
            if key in keys:
                del self.stack[keys.index(key) :]
            depth = len(self.stack) + 1
        parent = self.stack[-1][1] if self.stack else self.clause
        assert parent is not None  # items are read inside a clause
        node = Node(
            "item", cand.text, cand.number, line.where, position=len(parent.items) + 1, style=style
        )
        parent.items.append(node)
        self.stack.append((key, node))
        if cand.number is not None:
            what = "item" if depth == 1 else "sub-item"
            self.sequence(("item", id(parent)), what, node, cand, line)
        if not cand.text:
            self.pending = (node, line, parent.items)

    def finish(self) -> Tree:
        if self.pending is not None:
            node, at, owner = self.pending
            owner.remove(node)
            self.warn(
                at,
                UNSTRUCTURED,
                f'{node.kind} number "{_shown_node(node)}" at the end has no text; left out',
            )
        if self.preamble:
            first = self.preamble[0]
            shown = first.text if len(first.text) <= 60 else first.text[:57] + "…"
            self.warn(
                first,
                PREAMBLE,
                f"{len(self.preamble)} line(s) before the first chapter were not imported "
                f"as text (title page?): {shown!r}…",
                "check the title and code of the imported regulation",
            )
        for chapter in self.chapters:
            if not chapter.clauses and not chapter.paragraphs:
                self.problems.append(
                    warning(
                        Location(self.path, chapter.where, 1),
                        UNSTRUCTURED,
                        f"chapter {chapter.position} has no clauses; left out",
                        "an empty chapter cannot be kept",
                    )
                )
            for paragraph in chapter.paragraphs:
                if not paragraph.clauses:
                    self.problems.append(
                        warning(
                            Location(self.path, paragraph.where, 1),
                            UNSTRUCTURED,
                            f"paragraph {paragraph.position} of chapter {chapter.position} "
                            "has no clauses; left out",
                        )
                    )
            chapter.paragraphs = [p for p in chapter.paragraphs if p.clauses]
        chapters = [c for c in self.chapters if c.clauses or c.paragraphs]
        return Tree(chapters, self.preamble, self.problems)


def _shown(cand: Cand) -> str:
    if cand.style in ("num", "letter"):
        return f"{cand.number})"
    return f"{cand.number}."


def _shown_node(node: Node) -> str:
    if node.number is None:
        return "?"
    return f"{node.number})" if node.kind == "item" else f"{node.number}."


def build(lines: list[Line], path: str, lang: str, ours: bool = False) -> Tree:
    lines, appendix = split_appendix(lines)
    cands = [classify(line) for line in lines]
    marked_chapters = any(c.kind == "chapter" for c in cands)
    for i, cand in enumerate(cands):
        if (
            cand.kind == "none"
            and not marked_chapters
            and upper_heading(cand.text)
            and i + 1 < len(cands)
            and cands[i + 1].kind == "clause"
        ):
            cands[i] = Cand("chapter", None, cand.text)
    if not marked_chapters:
        cands = promote_chapters(cands)
    by_chapter = numbered_by_chapter(cands)
    builder = Builder(path, lang, ours, by_chapter)
    for line, cand in zip(lines, cands, strict=True):
        builder.add(line, cand)
    tree = builder.finish()
    tree.by_chapter, tree.appendix = by_chapter, appendix
    if appendix is not None:
        tree.problems.append(_appendix_problem(path, appendix))
    return tree


def _appendix_problem(path: str, appendix: Appendix) -> Problem:
    first = appendix.lines[0]
    titles = [line.text for _, line in appendix.sheets] or [first.text]
    return warning(
        Location(path, first.where, 1),
        APPENDIX,
        f"the source's own sheets ({len(appendix.lines)} line(s) from here) were not imported as "
        f"text: {'; '.join(titles)}",
        "dlo prints the agreement, acquaintance, change and review sheets from the data: "
        "check agreement.approvers against the source's agreement sheet",
    )
