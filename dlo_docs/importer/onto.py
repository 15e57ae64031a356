"""``dlo import FILE --onto ID``: a DOCX edited in Word, brought back onto its regulation.

Only the body changes: the regulation's metadata, edition, facts and everything an element carries
besides its text in the DOCX's language (its other language, note, silences, ``states``, ``ref``)
are kept. Each element of the DOCX takes the id of the element it was:

1. by the bookmark ``dlo render`` put around its paragraph (``bookmarks.name``), which Word and
   LibreOffice keep through edits, moves and saves;
2. else, when the bookmarks were lost (the text retyped or pasted into a new file), by its text:
   the same text, else the most similar text (≥ 75 %) of an element of the same kind not taken;
   a chapter whose title changed too is the old chapter most of its clauses come from.

A DOCX in a language no element has a text in yet (the regulation's other text, published
apart) is matched by place instead, element for element (``onto_place``), and its language added.

An element matched neither way is new and gets a new id; an old element nothing matched is gone.
A DOCX with tracked changes or comments is refused (they are named) unless asked to accept them:
then the text is read as if every change were accepted and the comments are ignored.
"""

from __future__ import annotations

import copy
import difflib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import bookmarks, i18n, load, refs
from ..errors import DloError, Location, Problem, UsageError, warning
from ..fsio import atomic_write
from ..i18n import Msg
from ..model import Clause, Item, Regulation, text_in
from ..project import Loaded, Project
from ..workflow import journal as _journal
from . import boxes, generated, onto_gone, onto_place, rendered
from .assemble import counts, items_style, within_reading
from .ids import Ids, slug
from .reading import read_source
from .source import Read
from .structure import build
from .tree import Node, Tree
from .types import ASSUMED, Imported, Result

SIMILAR = 0.75


@dataclass
class _Old:
    id: str
    kind: str
    text: str
    chapter: str | None  # the chapter a clause is in


@dataclass
class Alignment:
    ids: dict[int, str] = field(default_factory=dict)  # id(node) → element id
    by_bookmark: int = 0
    by_text: int = 0
    by_place: int = 0  # the DOCX brings a language the regulation has no text in (onto_place)


def _old_elements(model: Regulation, lang: str) -> list[_Old]:
    main = model.main_lang
    found: list[_Old] = []

    def items(entries: list[Item], chapter: str) -> None:
        for item in entries:
            found.append(_Old(item.id, "item", text_in(item.text, lang, main) or "", chapter))
            items(item.items, chapter)

    def clauses(entries: list[Clause], chapter: str) -> None:
        for clause in entries:
            found.append(_Old(clause.id, "clause", text_in(clause.text, lang, main) or "", chapter))
            items(clause.items, chapter)

    for chapter in model.chapters:
        found.append(_Old(chapter.id, "chapter", text_in(chapter.title, lang, main) or "", None))
        clauses(chapter.clauses, chapter.id)
        for paragraph in chapter.paragraphs:
            title = text_in(paragraph.title, lang, main) or ""
            found.append(_Old(paragraph.id, "paragraph", title, chapter.id))
            clauses(paragraph.clauses, chapter.id)
    return found


def _new_nodes(chapters: list[Node]) -> list[Node]:
    found: list[Node] = []

    def items(entries: list[Node]) -> None:
        for item in entries:
            found.append(item)
            items(item.items)

    def clauses(entries: list[Node]) -> None:
        for clause in entries:
            found.append(clause)
            items(clause.items)

    for chapter in chapters:
        found.append(chapter)
        clauses(chapter.clauses)
        for paragraph in chapter.paragraphs:
            found.append(paragraph)
            clauses(paragraph.clauses)
    return found


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def align(chapters: list[Node], read: Read, model: Regulation, lang: str) -> Alignment:
    """Which old element each element of the DOCX is (see the module's docstring)."""
    old = _old_elements(model, lang)
    nodes = _new_nodes(chapters)
    result = Alignment()
    used: set[str] = set()
    _by_bookmark(nodes, read, old, result, used)
    for exact in (True, False):  # the same text, then the most similar
        for node in nodes:
            if id(node) not in result.ids and node.kind != "chapter":
                _take(
                    node,
                    [o for o in old if o.kind == node.kind and o.id not in used],
                    exact,
                    result,
                    used,
                )
    for chapter in chapters:
        if id(chapter) not in result.ids:
            _chapter_by_text(chapter, old, result, used)
    return result


def _take(node: Node, free: list[_Old], exact: bool, result: Alignment, used: set[str]) -> None:
    match = _match(node.text, free, exact)
    if match is not None:
        result.ids[id(node)] = match.id
        used.add(match.id)
        result.by_text += 1


def _by_bookmark(
    nodes: list[Node], read: Read, old: list[_Old], result: Alignment, used: set[str]
) -> None:
    kinds = {o.id: o.kind for o in old}
    by_name = bookmarks.ids_by_name(list(kinds))
    marks: dict[int, tuple[str, ...]] = {}
    for line in read.lines:
        if line.marks:
            marks.setdefault(line.where, line.marks)
    for node in nodes:
        for mark in marks.get(node.where, ()):
            eid = by_name.get(mark)
            if eid is not None and eid not in used and kinds[eid] == node.kind:
                result.ids[id(node)] = eid
                used.add(eid)
                result.by_bookmark += 1
                break


def _chapter_by_text(chapter: Node, old: list[_Old], result: Alignment, used: set[str]) -> None:
    """A chapter by its title, else the old chapter most of its clauses and items come from."""
    free = [o for o in old if o.kind == "chapter" and o.id not in used]
    match = _match(chapter.text, free, True) or _match(chapter.text, free, False)
    if match is None:
        where = {o.id: o.chapter for o in old}
        came = Counter(
            where[result.ids[id(n)]]
            for n in _new_nodes([chapter])
            if n is not chapter and id(n) in result.ids
        )
        best = next((c for c, _ in came.most_common() if c is not None and c not in used), None)
        match = next((o for o in free if o.id == best), None)
    if match is not None:
        result.ids[id(chapter)] = match.id
        used.add(match.id)
        result.by_text += 1


def _match(text: str, free: list[_Old], exact: bool) -> _Old | None:
    if exact:
        return next((o for o in free if _same(o.text, text)), None)
    best, score = None, SIMILAR
    for o in free:
        ratio = difflib.SequenceMatcher(None, o.text, text, autojunk=False).ratio()
        if ratio >= score:
            best, score = o, ratio
    return best


class _Writer:
    """The new chapters as YAML data, each kept element from its old round-trip node."""

    def __init__(self, model: Regulation, data: Any, lang: str, found: Alignment):
        """``data``: the regulation's round-trip data (``Source.roundtrip``), whose elements
        keep their scalar styles and comments where they are kept."""
        self.lang, self.main, self.found = lang, model.main_lang, found
        self.old: dict[str, dict[str, Any]] = {}  # the old elements' mappings by id
        self._index(data.get("chapters") or [])
        self.ids = Ids(set(self.old))

    def _index(self, nodes: list) -> None:
        for node in nodes:
            if isinstance(node, dict) and node.get("id") is not None:
                self.old[str(node["id"])] = node
                for key in ("paragraphs", "clauses", "items"):
                    self._index(node.get(key) or [])

    def _base(self, node: Node, wanted: str) -> tuple[str, dict]:
        eid = self.found.ids.get(id(node))
        if eid is not None and eid in self.old:
            return eid, copy.deepcopy(self.old[eid])
        eid = self.ids(wanted)
        return eid, load.pretty({"id": eid})

    def _text(self, data: dict, key: str, text: str) -> None:
        old = data.get(key)
        if isinstance(old, str):
            if self.lang == self.main:
                if not _same(old, text):
                    data[key] = load.pretty(text)
            else:
                data[key] = load.pretty({self.main: old, self.lang: text})
        elif isinstance(old, dict):
            if not _same(str(old.get(self.lang) or ""), text):
                old[self.lang] = load.pretty(text)
        else:
            data[key] = load.pretty(text if self.lang == self.main else {self.lang: text})

    def _list(self, data: dict, key: str, values: list) -> None:
        if values:
            data[key] = values
        elif key in data:
            del data[key]

    def item(self, node: Node, wanted: str) -> dict:
        eid, data = self._base(node, wanted)
        self._text(data, "text", node.text)
        self._list(data, "items", [self.item(i, f"{eid}.{n}") for n, i in enumerate(node.items, 1)])
        return data

    def clause(self, node: Node, wanted: str, by_chapter: bool) -> dict:
        eid, data = self._base(node, wanted)
        self._text(data, "text", node.text)
        if "items_style" not in data and node.items:
            style = items_style(node, by_chapter)
            if style != "numbered":
                data["items_style"] = style
        self._list(data, "items", [self.item(i, f"{eid}.{n}") for n, i in enumerate(node.items, 1)])
        return data

    def section(self, node: Node, wanted: str, by_chapter: bool) -> dict:
        eid, data = self._base(node, wanted)
        self._text(data, "title", node.text)
        clauses = [self.clause(c, f"{eid}-{k}", by_chapter) for k, c in enumerate(node.clauses, 1)]
        self._list(data, "clauses", clauses)
        paragraphs = [
            self.section(p, slug(p.text, fallback=f"{eid}-p{k}"), by_chapter)
            for k, p in enumerate(node.paragraphs, 1)
        ]
        self._list(data, "paragraphs", paragraphs)
        return data


def _aligned(tree: Tree, read: Read, model: Regulation, lang: str) -> Alignment:
    """Which old element each element of the DOCX is: by bookmark and text (``align``), or by
    place when it brings a language no element has a text in yet and carries no bookmark."""
    if onto_place.fresh(model, lang) and not any(line.marks for line in read.lines):
        ids = onto_place.by_place(tree.chapters, model, lang, read.path)
        return Alignment(ids, by_place=len(ids))
    return align(tree.chapters, read, model, lang)


def _added(path: str, lang: str) -> Problem:
    return warning(
        Location(path),
        ASSUMED,
        Msg(
            "the DOCX is in {lang}, a language the regulation was not kept in: its text is put "
            "beside the regulation's, element by element, and {lang} is added to languages:",
            lang=lang,
        ),
        Msg(
            "check the title and each text in {lang} (dlo check reports what is missing)", lang=lang
        ),
    )


def _refuse_revisions(read: Read) -> None:
    if not read.revisions:
        return
    shown = read.revisions[:12]
    more = len(read.revisions) - len(shown)
    listed = i18n.join("\n  ", shown)
    if more > 0:
        listed = i18n.join("\n  ", [listed, Msg("… and {n} more", n=more)])
    raise UsageError(
        Msg(
            "{path} has unresolved tracked changes or comments; nothing was written:\n  {shown}",
            path=read.path,
            shown=listed,
        ),
        Msg(
            "accept or reject them in Word (Review → Accept/Reject, delete the comments), "
            "or import with --accept-changes to take the text as if every change were accepted"
        ),
    )


def _generated(
    project: Project, registry: Any, reg_id: str, path: Path, read: Read, model: Regulation
) -> list[Problem]:
    """The edits of what the DOCX prints from data (``generated``); where the file cannot be
    compared with a render, its title page's title alone."""
    if read.lang in model.languages:
        said = generated.said(project, registry, reg_id, path.read_bytes(), read)
        if said is not None:
            return said
    lang = read.lang if read.lang in model.languages else model.main_lang
    title = text_in(model.title, lang, model.main_lang) or ""
    return rendered.title_changed(read.page_title, title, read.path)


def import_onto(
    project: Project, path: Path | str, reg_id: str, accept_changes: bool = False
) -> Result:
    """Bring the body of an edited DOCX back onto regulation ``reg_id`` (see the module), under
    the regulation's own lock, the workflow's: a revision opened, cancelled or approved while the
    DOCX is read is not written over with the text read before it (DLO630 after 30 s of
    waiting)."""
    with _journal.lock(project, reg_id):
        return _onto(project, Path(path), reg_id, accept_changes)


def _onto(project: Project, path: Path, reg_id: str, accept_changes: bool) -> Result:
    target = project.regulation_path(reg_id)
    loaded = Loaded()
    project.load_registry(loaded)
    if loaded.registry is None or loaded.errors:
        raise DloError(loaded.errors or loaded.problems)
    document = project.load_file(target, loaded)
    if document is None or loaded.errors:
        raise DloError(loaded.errors or loaded.problems)
    display = project.display(path) if path.is_absolute() else path.as_posix()
    read = read_source(path, display)
    if not accept_changes:
        _refuse_revisions(read)
    model = document.model
    lines, boxed = boxes.apart(read.lines, read.path)  # a text box in the text: said, not a clause
    lang = onto_place.language(read, lines, model)
    tree = build(lines, read.path, lang, read.ours)
    tree.problems += boxed + _generated(project, loaded.registry, reg_id, path, read, model)
    if not tree.chapters:
        raise UsageError(
            Msg(
                "{display}: no chapter or clause was recognised; nothing was written",
                display=display,
            )
        )
    found = _aligned(tree, read, model, lang)
    data = document.source.roundtrip()  # comments and layout kept: only the body is new
    if lang not in model.languages:
        data["languages"].append(lang)
        tree.problems.append(_added(read.path, lang))
    writer = _Writer(model, data, lang, found)
    if found.by_place and (title := onto_place.title(tree, read, model, lang)):
        writer._text(data, "title", title)  # the title page's, where it has none in lang
    data["chapters"] = [
        writer.section(c, slug(c.text, fallback=f"chapter-{n}"), model.numbering == "chapter")
        for n, c in enumerate(tree.chapters, 1)
    ]
    text = within_reading(load.dumps(data, like=document.source.text), display)
    shown = project.display(target)
    source, problems = load.parse(text.encode("utf-8"), shown)
    new = None
    if source is not None:
        new, problems = load.validate(Regulation, source)
        if new is not None:
            problems += refs.regulation_problems(new, source, loaded.registry, reg_id)
    errors = [p for p in problems if p.severity == "error"]
    if errors or new is None:
        raise DloError(errors or problems)
    atomic_write(target, text)
    said = sorted({*tree.problems, *read.problems})  # each at its place in the file
    said += onto_gone.gone(model, lang, set(found.ids.values()), shown)
    imported = Imported(new, text, said, [], read, counts(new))
    imported.counts |= {
        "kept": len(found.ids),
        "by_bookmark": found.by_bookmark,
        "by_place": found.by_place,
    }
    return Result(imported, [target], [])
