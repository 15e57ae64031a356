"""Translation through Word: the texts of a regulation as a two-column table (source | target)
for a translator, and the translated table taken back into the draft.

``export`` writes one row per text (the title, every chapter and paragraph title, every clause
and item) with the element's id kept in the row, the existing translations filled in and the rows
still to translate highlighted. ``take_back`` reads the table and fills the target language of the
working ``regulation.yaml`` round-trip (comments, order and layout kept); a row whose source text
differs from the draft's (edited since the table was made) is refused and named, never applied
to a text it was not translated from. ``dlo check`` then reports what is still missing (DLO112).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import inputs, labels, load, workflow
from ..errors import DloError, Location, Problem, UsageError, error, os_reason
from ..fsio import atomic_write
from ..i18n import Msg
from ..model import LANGS, Regulation, Text, text_in
from ..numbering import clause_numbers, label, walk
from ..project import ID_RE, Loaded, Project
from ..refs import element_ids
from ..render import docx_translation as table
from ..unwritten import unwritten
from ..workflow import journal as _journal
from .rows import normal, refusal, repeated

# the regulation's own title's row: a key no element id can be (an id begins with a letter or a
# digit), so an element with the id "title" is a row of its own; element ids name the others
TITLE_KEY = ":title"
_OLD_TITLE_KEY = "title"  # the title row's key in tables made before: still taken back


@dataclass(frozen=True)
class Slot:
    """One translatable text: where it is in the file, its name, and its field."""

    key: str
    label: Msg  # "clause 10 item 3", as the document numbers it
    loc: tuple  # the element's location in the YAML; () for the regulation itself
    field: str  # "title" or "text"
    value: Text  # the model's text (str or mapping)


def slots(doc: Regulation) -> list[Slot]:
    """Every translatable text of ``doc`` in document order."""
    locs = dict(element_ids(doc))
    found = [Slot(TITLE_KEY, Msg("title"), (), "title", doc.title)]
    numbered = list(walk(doc))
    clauses = clause_numbers(doc, numbered)
    for n in numbered:
        field_name = "title" if n.kind in ("chapter", "paragraph") else "text"
        found.append(
            Slot(
                n.element.id,
                label(n, clauses),  # in the interface language where a message prints it
                tuple(locs[n.element.id]),
                field_name,
                getattr(n.element, field_name),
            )
        )
    return found


def _document(project: Project, reg_id: str):
    path = project.regulation_path(reg_id)
    source, problems = load.read(path, project.display(path))
    if source is None:
        raise DloError(problems)
    doc, problems = load.validate(Regulation, source)
    if doc is None:
        raise DloError(problems)
    return path, source, doc


def _langs(doc: Regulation, to: str) -> tuple[str, str]:
    if to not in LANGS:
        raise UsageError(
            Msg("unknown language {to}", to=repr(to)),
            Msg("use one of: {choices}", choices=", ".join(LANGS)),
        )
    if to == doc.main_lang:
        raise UsageError(
            Msg("{to} is the regulation's main language, the one translated from", to=to),
            Msg("translate into another language than {main_lang}", main_lang=doc.main_lang),
        )
    return doc.main_lang, to


def _organisation(project: Project, doc: Regulation, lang: str) -> str:
    """The name of the regulation's organisation in ``lang`` (its main language's where it has
    none), as the regulation's DOCX names its creator; "" when the registry cannot be read
    (the table is written all the same: ``dlo check`` reports the registry)."""
    loaded = Loaded()
    project.load_registry(loaded)
    if loaded.registry is None:
        return ""
    names = loaded.registry.organisation_of(doc.organisation).name
    return names.get(lang) or names.get(doc.main_lang) or ""


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int
    todo: int  # rows shaded: to translate, or to update
    source: str  # the language translated from
    stale: list[Msg]  # the rows whose source changed since ``in_force``, not their target
    in_force: int | None = None


def _in_force(
    project: Project, reg_id: str, src: str, dst: str
) -> tuple[int | None, dict[str, tuple[str, str]]]:
    """The edition in force and the (source, target) texts of each of its elements, where it
    has both languages; (None, {}) when there is none (or it cannot be read: ``dlo verify``
    says why). The journal alone tells which edition is in force (``workflow.history``): the
    working text, read already, is not loaded and validated again for it."""
    try:
        n = workflow.history(project, reg_id).in_force
        old = workflow.approved_edition(project, reg_id, n).model if n is not None else None
    except (DloError, UsageError):
        return None, {}
    if old is None or dst not in old.languages:
        return None, {}
    return n, {
        s.key: (
            normal(text_in(s.value, src, old.main_lang)),
            normal(text_in(s.value, dst, old.main_lang)),
        )
        for s in slots(old)
    }


def _is_stale(before: tuple[str, str] | None, source: str, target: str) -> bool:
    """A translation left as it was in the edition in force while its source text changed: the
    translator has to update it, though the row is not empty."""
    if before is None or not target:
        return False
    return normal(source) != before[0] and normal(target) == before[1]


def export(project: Project, reg_id: str, to: str, out: Path) -> Exported:
    """Write the translation table of ``reg_id`` into ``to`` as DOCX at ``out``. A row is
    shaded when its target text is missing or unwritten, or when its source text changed since
    the edition in force while its target text did not (the translation to update)."""
    out = project.output(out)
    if out.suffix.lower() != ".docx":
        raise UsageError(
            Msg("{name} is not a .docx file name", name=out.name), Msg("name the table FILE.docx")
        )
    _, _, doc = _document(project, reg_id)
    src, dst = _langs(doc, to)
    edition, in_force = _in_force(project, reg_id, src, dst)
    rows, stale = [], []
    for slot in slots(doc):
        source = text_in(slot.value, src, doc.main_lang) or ""
        target = text_in(slot.value, dst, doc.main_lang) or ""
        todo = not target or bool(unwritten(target)) or bool(unwritten(source))
        if _is_stale(in_force.get(slot.key), source, target):
            todo = True
            stale.append(slot.label)
        rows.append(table.Row(slot.key, slot.label, source, target, todo))
    title = text_in(doc.title, src, doc.main_lang) or reg_id
    words = labels.labels(dst, project.templates)["translation"]
    meta = table.Meta(
        reg_id, src, dst, doc.edition, title, doc.code, _organisation(project, doc, src)
    )
    data = table.write(meta, rows, words)
    atomic_write(out, data)
    return Exported(out, len(rows), sum(r.todo for r in rows), src, stale, edition)


@dataclass
class TakenBack:
    path: Path
    filled: list[Msg] = field(default_factory=list)  # labels of the texts written
    unchanged: int = 0
    empty: list[Msg] = field(default_factory=list)  # rows the translator left empty
    refused: list[Problem] = field(default_factory=list)
    added_language: bool = False


def _read_table(given: Path) -> tuple[table.Meta, list[table.Row]]:
    try:
        raw = inputs.read_bytes(given, limit=inputs.MAX_IMPORT_BYTES)
    except inputs.InputRefused as exc:
        raise DloError(error(Location(str(given)), "DLO704", exc.reason, exc.hint)) from None
    except OSError as exc:
        raise UsageError(
            Msg("cannot read {path}: {reason}", path=given, reason=os_reason(exc))
        ) from None
    return table.read(raw, str(given))


def _node(data, loc: tuple):
    node = data
    for part in loc:
        node = node[part]
    return node


def _set(data, slot: Slot, main: str, lang: str, text: str) -> None:
    holder = _node(data, slot.loc)
    current = holder[slot.field]
    new = load.pretty(text)
    if isinstance(current, str):
        # one level deeper: a folded text is folded again to the width (its old breaks would
        # leave short lines); a plain or quoted one keeps its style
        mapping = load.pretty({main: str(current), lang: text})
        if type(current) is not str and not hasattr(current, "fold_pos"):
            mapping[main] = current
        mapping.fa.set_block_style()
        holder[slot.field] = mapping
    else:
        current[lang] = new
        current.fa.set_block_style()


def take_back(project: Project, reg_id: str, given: Path) -> TakenBack:
    """Fill the target texts of the draft from a translated table (see the module's doc)."""
    meta, rows = _read_table(given)
    if not ID_RE.match(meta.id) or not {meta.source, meta.target} <= set(LANGS):
        # properties dlo never writes: their id, printed as a command to type, could carry a
        # bidi override or a C1 control (U+009B, a terminal's CSI) to the terminal
        raise UsageError(
            Msg("{name} is not a translation table made by dlo translate", name=str(given)),
            Msg("make one with: dlo translate ID --to ru --out FILE.docx"),
        )
    if meta.id != reg_id:
        raise UsageError(
            Msg(
                "{name} is the translation table of {id}, not of {reg_id}",
                name=str(given),
                id=repr(meta.id),
                reg_id=repr(reg_id),
            ),
            Msg("take it back with: dlo translate {id} --from {name}", id=meta.id, name=str(given)),
        )
    # the regulation's own lock, the workflow's: a revision opened, cancelled or approved while
    # the table is taken back is not written over with the text read before it (DLO630 after
    # 30 s of waiting)
    with _journal.lock(project, reg_id):
        return _take_back(project, reg_id, given, meta, rows)


def _take_back(project, reg_id, given, meta, rows) -> TakenBack:
    path, source, doc = _document(project, reg_id)
    data = source.roundtrip()  # the text to change and write back, comments and layout kept
    src, dst = _langs(doc, meta.target)
    if src != meta.source:
        raise UsageError(
            Msg(
                "{name} translates from {source}, but the regulation's main language is now {src}; nothing was written",
                name=str(given),
                source=meta.source,
                src=src,
            ),
            Msg(
                "make a new table: dlo translate {reg_id} --to {dst} --out FILE.docx",
                reg_id=reg_id,
                dst=dst,
            ),
        )
    by_key = {s.key: s for s in slots(doc)}
    if _OLD_TITLE_KEY not in by_key:  # a table made before the title's key changed
        by_key[_OLD_TITLE_KEY] = by_key[TITLE_KEY]
    result = TakenBack(path)
    where = Location(str(given))
    rows_of: dict[str, list[int]] = {}
    for row in rows:
        rows_of.setdefault(row.key, []).append(row.number)
    for row in rows:
        at = Location(str(given), row.number, 1)
        slot = by_key.get(row.key)
        refused = refusal(at, row, slot, (src, dst), reg_id, doc) or repeated(
            at, row, slot, rows_of[row.key]
        )
        if refused is not None or slot is None:
            result.refused += [refused] if refused is not None else []
            continue
        target = normal(row.target)
        if not target:
            result.empty.append(slot.label)
        elif target == normal(text_in(slot.value, dst, doc.main_lang)):
            result.unchanged += 1
        else:
            _set(data, slot, doc.main_lang, dst, target)
            result.filled.append(slot.label)
    if not result.filled:
        return result
    if dst not in doc.languages:
        data["languages"].append(dst)
        result.added_language = True
    _write_back(project, path, source.text, doc, data, where)
    return result


def _write_back(project, path, like: str, doc: Regulation, data, where: Location) -> None:
    """The translated draft written, once it reads back with the main texts untouched."""
    text = load.dumps(data, like=like)
    too_long = load.beyond_reading(
        text,
        where,
        "DLO705",
        Msg("check the right-hand column: its texts are far longer than the left-hand one's"),
    )
    if too_long is not None:
        raise DloError(too_long)
    checked, problems = load.parse(text.encode("utf-8"), project.display(path))
    model = load.validate(Regulation, checked)[0] if checked is not None else None
    if model is None or _main_texts(model) != _main_texts(doc):
        raise DloError(
            problems
            or [
                error(
                    where,
                    "DLO703",
                    Msg("the translated draft would not read back; nothing written"),
                )
            ]
        )
    atomic_write(path, text)


def _main_texts(doc: Regulation) -> list[str | None]:
    return [text_in(s.value, doc.main_lang, doc.main_lang) for s in slots(doc)]
