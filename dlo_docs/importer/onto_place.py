"""``dlo import FILE --onto ID`` with a DOCX in a language the regulation has no text in yet: its
text in that language brought beside the one it has (the Russian Word file of a regulation whose
Kazakh one was imported, or the other way round). Its paragraphs cannot be matched to the
regulation's elements by their text, which is in the other language, so they are matched by their
place: the DOCX must have the regulation's chapters, paragraphs, clauses and items, element for
element, each at the same level; where it has not, nothing is written (each of its elements would
be new, and the regulation's text would go with the old ones).

- ``language(read, lines, model) -> str``: the DOCX's language: the one its properties name (a DOCX
  ``dlo render`` made), else the one its text is written in, detected as ``dlo import`` does.
- ``fresh(model, lang) -> bool``: whether no element of ``model`` has a text in ``lang``.
- ``title(tree, read, model, lang) -> str | None``: the title the DOCX's title page gives, where
  the regulation has none in ``lang`` (as ``dlo import`` reads it).
- ``by_place(chapters, model, lang, path) -> dict[int, str]``: ``id(node)`` → the id of the element
  at its place; a ``UsageError`` naming the first difference where the two differ.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping

from ..errors import UsageError
from ..i18n import Msg
from ..labels import labels as load_labels
from ..model import Clause, Item, Regulation, text_in
from . import metadata, title_block
from .convert import detect_lang
from .source import Line, Read
from .structure import build
from .tree import Node, Tree
from .types import Options


def language(read: Read, lines: list[Line], model: Regulation) -> str:
    """The language of the DOCX's text (see the module)."""
    if read.lang is not None:
        return read.lang
    tree = build(lines, read.path, model.main_lang, read.ours)
    return detect_lang(tree) if tree.chapters else model.main_lang


_Entry = tuple[str, int, str, str | Mapping[str, str] | None]  # kind, level, id, text


def _old(model: Regulation) -> Iterator[_Entry]:
    """Each element of ``model`` in document order: its kind, level, id and title or text."""

    def items(entries: list[Item], level: int) -> Iterator[_Entry]:
        for item in entries:
            yield "item", level, item.id, item.text
            yield from items(item.items, level + 1)

    def clauses(entries: list[Clause], level: int) -> Iterator[_Entry]:
        for clause in entries:
            yield "clause", level, clause.id, clause.text
            yield from items(clause.items, level + 1)

    for chapter in model.chapters:
        yield "chapter", 0, chapter.id, chapter.title
        yield from clauses(chapter.clauses, 1)
        for paragraph in chapter.paragraphs:
            yield "paragraph", 1, paragraph.id, paragraph.title
            yield from clauses(paragraph.clauses, 2)


def _new(chapters: list[Node]) -> Iterator[tuple[str, int, Node]]:
    """Each element of the DOCX in document order, as ``_old`` walks the regulation."""

    def nested(node: Node, level: int) -> Iterator[tuple[str, int, Node]]:
        yield node.kind, level, node
        for item in node.items:
            yield from nested(item, level + 1)
        for clause in node.clauses:
            yield from nested(clause, level + 1)
        for paragraph in node.paragraphs:
            yield from nested(paragraph, level + 1)

    for chapter in chapters:
        yield from nested(chapter, 0)


def title(tree: Tree, read: Read, model: Regulation, lang: str) -> str | None:
    """The DOCX's title, where the regulation has none in ``lang`` (see the module)."""
    if text_in(model.title, lang, model.main_lang):
        return None
    block = None if read.ours else title_block.read(tree.preamble)
    page = title_block.rest(tree.preamble, block)
    kind = load_labels(lang).get("kind", {}).get(model.kind, "")
    return metadata.title(read, Options(), page, kind, model.code)


def fresh(model: Regulation, lang: str) -> bool:
    """No element of ``model`` has a text in ``lang``."""
    return not any(text_in(text, lang, model.main_lang) for *_, text in _old(model))


def _tally(kinds: list[str]) -> Msg:
    counted = Counter(kinds)
    return Msg(
        "{chapters} chapter(s), {paragraphs} paragraph(s), {clauses} clause(s), {items} item(s)",
        chapters=counted["chapter"],
        paragraphs=counted["paragraph"],
        clauses=counted["clause"],
        items=counted["item"],
    )


def by_place(chapters: list[Node], model: Regulation, lang: str, path: str) -> dict[int, str]:
    """The DOCX's elements matched to the regulation's by their place (see the module)."""
    old, new = list(_old(model)), list(_new(chapters))
    first = next(
        (
            n
            for n in range(max(len(old), len(new)))
            if n >= len(old) or n >= len(new) or old[n][:2] != new[n][:2]
        ),
        None,
    )
    if first is None:
        return {id(node): old[n][2] for n, (_, _, node) in enumerate(new)}
    where = f"{path}:{new[first][2].where}" if first < len(new) else path
    raise UsageError(
        Msg(
            "{path} is the regulation's text in {lang}, which it has no text in yet, and its "
            "elements are not the regulation's one for one ({new} in the DOCX, {old} in the "
            "regulation; the first that differs at {where}), so they cannot be put beside the "
            "regulation's: nothing was written",
            path=path,
            lang=lang,
            new=_tally([k for k, _, _ in new]),
            old=_tally([k for k, *_ in old]),
            where=where,
        ),
        Msg(
            "make the DOCX's chapters, clauses and items those of the regulation and import again, "
            "or translate through Word: dlo translate ID --to {lang} --out FILE.docx",
            lang=lang,
        ),
    )
