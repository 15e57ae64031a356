"""Structure recognition: lines → chapters, paragraphs, clauses and items, in Kazakh and Russian.

Everything that looked odd in the source is reported (``Problem`` values with the source line):
a repeated number, a gap or a step back, a number alone on its line, text that fitted no
structure, the lines before the first chapter. The number each element had in the source is
kept as ``source_number``.
"""

from __future__ import annotations

import re

from ..errors import Location, Problem, warning
from ..i18n import Msg
from . import title_block, title_lines, title_rest
from .appendix import Appendix
from .appendix import split as split_appendix
from .classify import Cand, as_written, classify, first_chapter, kind_only, upper_heading
from .headings import numbered_by_chapter, promote_chapters, promote_roman, set_apart, unnumbered
from .numbers import REPEATED, Numbers
from .source import Line
from .tree import Node, Tree, word

LONE_NUMBER = "DLO502"
UNSTRUCTURED = "DLO504"
PREAMBLE = "DLO505"
APPENDIX = "DLO506"


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
        self.pending: tuple[Node, Line, list] | None = None  # a number whose text is next
        self.clause_count = 0
        self.numbers = Numbers(lang, self.warn)
        self.started = False

    # -- report ------------------------------------------------------------------------
    def at(self, line: Line) -> Location:
        return Location(self.path, line.where, 1)

    def warn(self, line: Line, code: str, message: str, hint: str | None = None) -> None:
        self.problems.append(warning(self.at(line), code, message, hint))

    def sequence(self, key: object, what: str, node: Node, cand: Cand, line: Line) -> None:
        self.numbers.see(key, what, node, cand, line)

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
            Msg(
                "text before the first chapter heading: put into a chapter titled {title}",
                title=repr(title),
            ),
            Msg("give the chapter its real title"),
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
                Msg(
                    'clause number "{number}." is typed twice: the text starts with it again',
                    number=node.number,
                ),
                Msg("delete the repeated number from the clause's text"),
            )

    def add(self, line: Line, cand: Cand) -> None:
        if self.pending is not None and self._complete_pending(cand):
            return
        if line.lone_number and cand.number is not None:
            self.warn(
                line,
                LONE_NUMBER,
                Msg(
                    '{kind} number "{number}" stands alone before a line break; joined to the text after it',
                    kind=word(cand.kind),
                    number=as_written(cand),
                ),
                Msg("keep a number and its text on one line"),
            )
        kind = cand.kind
        if (
            self.chapter is None
            and self.clause is None
            and (kind == "none" or title_lines.page_row(self.preamble, cand))
        ):
            self.preamble += line.at_breaks()  # a title page's lines, in a paragraph or a table
        elif kind == "chapter":
            self._add_chapter(line, cand)
        elif kind == "paragraph":
            self._add_paragraph(line, cand)
        elif kind == "clause":
            node = self._new_clause(cand.text, cand.number, line, cand)
            if not cand.text:
                self.pending = (node, line, (self.paragraph or self._current_chapter(line)).clauses)
        elif kind == "item":
            self._add_listed(line, cand)
        else:
            self._add_text(line, cand)

    def _complete_pending(self, cand: Cand) -> bool:
        """The element whose number stood alone takes this line's text (True: the line is
        used up), or is left out when this line starts an element of its own."""
        assert self.pending is not None
        node, at, owner = self.pending
        self.pending = None
        if cand.kind == "none":
            node.text = cand.text
            self.warn(
                at,
                LONE_NUMBER,
                Msg(
                    '{kind} number "{number}" stands alone on its line; joined to the text on the next line',
                    kind=word(node.kind),
                    number=_shown_node(node),
                ),
                Msg("keep a number and its text on one line"),
            )
            return True
        owner.remove(node)
        if node.kind == "clause":
            self.clause_count -= 1
        self.warn(
            at,
            UNSTRUCTURED,
            Msg(
                '{kind} number "{number}" has no text; left out',
                kind=word(node.kind),
                number=_shown_node(node),
            ),
        )
        return False

    def _add_chapter(self, line: Line, cand: Cand) -> None:
        node = self._new_chapter(cand.text, cand.number, line)
        if cand.number is not None:
            self.sequence("chapter", "chapter", node, cand, line)
        if not cand.text:
            self.pending = (node, line, self.chapters)

    def _add_paragraph(self, line: Line, cand: Cand) -> None:
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

    def _add_listed(self, line: Line, cand: Cand) -> None:
        if self.clause is not None:
            self._add_item(line, cand)
            return
        self.warn(
            line,
            UNSTRUCTURED,
            Msg("a list item outside any clause: imported as a clause"),
            Msg("a list belongs to the clause that introduces it"),
        )
        self._new_clause(cand.text, None, line, cand)

    def _add_text(self, line: Line, cand: Cand) -> None:
        """Text that fits no structure: part of a heading, a clause of its own, or joined to
        the element before it."""
        if self.chapter is not None and self.clause is None:
            if (
                set_apart(line, cand, bool(self.chapter.text))
                and not self.chapter.clauses
                and not self.chapter.paragraphs
            ):
                self.warn(
                    line,
                    UNSTRUCTURED,
                    Msg(
                        "a line set apart (in capitals or bold) after a chapter heading: joined to the chapter's title"
                    ),
                )
                self.chapter.text = f"{self.chapter.text} {cand.text}".strip()
                return
            self.warn(
                line,
                UNSTRUCTURED,
                Msg("text that fits no structure: imported as an unnumbered clause"),
                Msg("number it, or join it to the clause it belongs to"),
            )
            self._new_clause(cand.text, None, line, cand)
            return
        target = self.stack[-1][1] if self.stack else self.clause
        assert target is not None and self.clause is not None  # the text follows a clause
        target.text = f"{target.text} {cand.text}".strip()
        self.warn(
            line,
            UNSTRUCTURED,
            Msg("text that fits no structure: joined to {label}", label=target.label())
            if target is self.clause
            else Msg(
                "text that fits no structure: joined to {label} of clause {n}",
                label=target.label(),
                n=self.clause.position,
            ),
            Msg("check that it belongs there"),
        )

    def _depth(self, line: Line, cand: Cand) -> tuple[tuple[str, int | None], int]:
        """An item's list key and depth (1: the clause's own), deeper lists closed; in a DOCX dlo
        rendered, by its style (DLO Item, DLO Item 2), whatever its marker or none."""
        style = cand.style
        if self.ours and line.hint == "item" and line.level is not None:
            depth = min(line.level + 1, len(self.stack) + 1)
            del self.stack[depth - 1 :]
            return (style, line.level), depth
        if style == "dotted":
            assert cand.number is not None  # a dotted item is numbered
            depth = max(1, cand.number.count(".") - 1)
            del self.stack[depth - 1 :]
            return ("dotted", depth), min(depth, len(self.stack) + 1)
        key = (style, line.level)
        keys = [k for k, _ in self.stack]
        if key in keys:
            del self.stack[keys.index(key) :]
        return key, len(self.stack) + 1

    def _add_item(self, line: Line, cand: Cand) -> None:
        style = cand.style
        key, depth = self._depth(line, cand)
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
                Msg(
                    '{kind} number "{number}" at the end has no text; left out',
                    kind=word(node.kind),
                    number=_shown_node(node),
                ),
            )
        if self.preamble:
            first = self.preamble[0]
            shown = first.text if len(first.text) <= 60 else first.text[:57] + "…"
            self.warn(
                first,
                PREAMBLE,
                Msg(
                    "{n} line(s) before the first chapter were not imported as text (title page?): {shown}…",
                    n=len(self.preamble),
                    shown=repr(shown),
                ),
                Msg("check the title and code of the imported regulation"),
            )
        for chapter in self.chapters:
            if not chapter.clauses and not chapter.paragraphs:
                self.problems.append(
                    warning(
                        Location(self.path, chapter.where, 1),
                        UNSTRUCTURED,
                        Msg(
                            "chapter {position} has no clauses; left out", position=chapter.position
                        ),
                        Msg("an empty chapter cannot be kept"),
                    )
                )
            for paragraph in chapter.paragraphs:
                if not paragraph.clauses:
                    self.problems.append(
                        warning(
                            Location(self.path, paragraph.where, 1),
                            UNSTRUCTURED,
                            Msg(
                                "paragraph {position} of chapter {position2} has no clauses; left out",
                                position=paragraph.position,
                                position2=chapter.position,
                            ),
                        )
                    )
            chapter.paragraphs = [p for p in chapter.paragraphs if p.clauses]
        chapters = [c for c in self.chapters if c.clauses or c.paragraphs]
        return Tree(chapters, self.preamble, self.problems)


def _shown_node(node: Node) -> str:
    if node.number is None:
        return "?"
    return f"{node.number})" if node.kind == "item" else f"{node.number}."


def build(lines: list[Line], path: str, lang: str, ours: bool = False) -> Tree:
    lines, appendix = split_appendix(lines)
    cands = promote_roman(lines, [classify(line) for line in lines])
    body = [c.kind in ("clause", "item") or c.number is not None for c in cands]
    page = {*title_block.at_head(lines, body), *title_lines.headings(lines, cands, body)}
    for i in page:  # the title page's, however styled
        cands[i] = Cand("none", None, lines[i].text)
    marked_chapters = any(c.kind == "chapter" for c in cands)
    numbered = cands if marked_chapters else promote_chapters(cands)
    started = False  # the text has begun (the title page's lines are before it)
    for i, cand in enumerate(cands):
        if (
            cand.kind == "none"
            and not marked_chapters
            and (upper_heading(cand.text) or (not started and first_chapter(cand.text)))
            and not kind_only(cand.text)
            and i + 1 < len(cands)
            and cands[i + 1].kind == "clause"
            and (started or numbered[i + 1].kind != "chapter")  # a title's last line
            and (started or not title_rest.in_title(lines, i))  # the title itself
            and i not in page
        ):
            cands[i] = Cand("chapter", None, cand.text.strip().rstrip(".:"))
        started = started or cands[i].kind != "none"
    if not marked_chapters:
        cands = unnumbered(lines, promote_chapters(cands))
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
        Msg(
            "the source's own sheets ({n} line(s) from here) were not imported as text: {value}",
            n=len(appendix.lines),
            value="; ".join(titles),
        ),
        Msg(
            "dlo prints the agreement, acquaintance, change and review sheets from the data: "
            "check agreement.approvers against the source's agreement sheet"
        ),
    )
