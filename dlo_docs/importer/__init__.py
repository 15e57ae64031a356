"""``dlo import``: existing Word (.docx) and text (.txt) regulations into YAML.

The pipeline, one module per step::

    source.read_text / wordml.read_docx   bytes → Lines (normalised text + style/numbering hints)
    structure.build                       Lines → chapters / paragraphs / clauses / items + report
    facts                                 registry matches and proposals, facts stated in prose
    convert (here)                        → a validated ``Regulation`` and its YAML
    import_file (here)                    checks, then writes registry (optional) and regulation

Metadata a text does not carry is decided here, and reported (DLO511) so a person confirms it:

- ``id``: ``--id``; else the id a DOCX rendered by dlo carries; else the file name (transliterated).
- ``kind``: ``--kind``; else from the first clause ("лауазымдық нұсқаулық"/"должностная
  инструкция" → job instruction; "ереже"/"положение" → unit regulation).
- ``position``/``unit``: ``--position``/``--unit``; else the registry position the clauses name most
  often, and its unit. ``organisation``: the registry's.
- ``title``/``code``: ``--title``/``--code``; else what a DOCX rendered by dlo carries; else the
  lines before the first chapter (a title page); else the position's title and a placeholder code.
- ``agreement.approvers``, ``approval.by``, ``change_initiators``, ``instructions_from``: the
  positions named in the clauses that state them (marked ``states:``), so ``dlo check`` keeps the
  text and the data in step. Approvers are always reported as proposals to confirm (DLO510).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import load, refs
from ..errors import DloError, Location, Problem, UsageError, error, warning
from ..fsio import LockTimeout, atomic_write, locked
from ..labels import labels as load_labels
from ..model import Position, Registry, Regulation
from ..project import REGULATION, Loaded, Project
from . import facts
from .ids import ID_RE, Ids, slug
from .source import NO_STRUCTURE, NOT_READABLE, Read, fail, read_text
from .structure import Node, Tree, build
from .wordml import OLE_MAGIC, read_docx

CONFIRM = "DLO510"  # facts taken from the text: confirm them
ASSUMED = "DLO511"  # metadata the source does not carry: set by the import, check it

_KK_LETTERS = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
_CODE_LINE = re.compile(
    r"(?<!\w)((?:ЛН|ДИ|ҚП|ҰС|ДП|СО|БЕ|ПП|П|Е)(?:\s+[^\W\d_]{1,8})?\s+\d[\d.\-]*\d)(?!\w)"
)


@dataclass
class Options:
    id: str | None = None
    lang: str | None = None
    kind: str | None = None
    position: str | None = None
    unit: str | None = None
    title: str | None = None
    code: str | None = None
    force: bool = False
    update_registry: bool = False


@dataclass
class Imported:
    """The result of converting one source: the model, its YAML, the report and the proposals."""

    model: Regulation
    yaml: str
    problems: list[Problem]
    proposals: list[facts.Proposal]
    read: Read
    counts: dict[str, int] = field(default_factory=dict)

    def proposals_yaml(self) -> str:
        """The proposed registry entries as YAML, grouped by section."""
        sections: dict[str, list] = {}
        for p in self.proposals:
            sections.setdefault(p.section, []).append(p.entry)
        return load.dumps_pretty(sections) if sections else ""


@dataclass
class Result:
    imported: Imported
    written: list[Path]
    added: list[str]  # registry entries added: "abbreviations: kr"


# -- reading -------------------------------------------------------------------------------


def read_source(path: Path, display: str) -> Read:
    """A .docx or .txt file as lines; anything unreadable is a DloError naming the file."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise fail(display, NOT_READABLE, "the file does not exist") from None
    except IsADirectoryError:
        raise fail(display, NOT_READABLE, "this is a folder, not a file") from None
    except OSError as exc:
        raise fail(display, NOT_READABLE, f"cannot read the file: {exc.strerror}") from None
    suffix = Path(path).suffix.lower()
    if (
        suffix in (".docx", ".docm", ".dotx")
        or raw.startswith(b"PK\x03\x04")
        or raw.startswith(OLE_MAGIC)
    ):
        return read_docx(raw, display)
    if suffix == ".doc":
        return read_docx(raw, display)
    return read_text(raw, display)


def detect_lang(tree: Tree) -> str:
    text = " ".join(c.text for c in tree.chapters[:3]) + " ".join(
        clause.text for _, clause in list(facts.clauses(tree.chapters))[:5]
    )
    return "kk" if _KK_LETTERS.search(text) else "ru"


# -- converting ------------------------------------------------------------------------------


def _kind(tree: Tree, given: str | None) -> str:
    if given:
        return given
    first = next((c.text.lower() for _, c in facts.clauses(tree.chapters)), "")
    if "нұсқаулық" in first or "должностн" in first:
        return "job_instruction"
    if "ереже" in first or "положени" in first:
        return "unit_regulation"
    return "job_instruction"


def _title(registry: Registry, proposed: list[facts.Proposal], pid: str, lang: str) -> str:
    for p in proposed:
        if p.entry["id"] == pid:
            return p.entry["title"][lang]
    return registry.position(pid).title.get(lang, pid)


def _element_data(node: Node, ident: str, ids: Ids) -> dict:
    data: dict = {"id": ident}
    if node.number is not None:
        data["source_number"] = node.number
    if node.states:
        data["states"] = node.states
    data["text"] = node.text
    if node.ref:
        data["ref"] = node.ref
    if node.items:
        data["items"] = [
            _element_data(item, ids(f"{ident}.{n}"), ids) for n, item in enumerate(node.items, 1)
        ]
    return data


def _section_data(node: Node, ident: str, ids: Ids) -> dict:
    data: dict = {"id": ident}
    if node.number is not None:
        data["source_number"] = node.number
    data["title"] = node.text
    if node.clauses:
        data["clauses"] = [
            _element_data(c, ids(f"{ident}-{k}"), ids) for k, c in enumerate(node.clauses, 1)
        ]
    if node.paragraphs:
        data["paragraphs"] = [
            _section_data(p, ids(slug(p.text, fallback=f"{ident}-p{k}")), ids)
            for k, p in enumerate(node.paragraphs, 1)
        ]
    return data


def _chapters_data(tree: Tree) -> list[dict]:
    ids = Ids()
    # reserve every heading's id first, so clause ids ("<section>-<k>") never take one
    return [
        _section_data(c, ids(slug(c.text, fallback=f"chapter-{n}")), ids)
        for n, c in enumerate(tree.chapters, 1)
    ]


def _title_from_preamble(tree: Tree, kind_words: tuple[str, ...]) -> str | None:
    lines = [line.text for line in tree.preamble]
    for i, text in enumerate(lines):
        low = text.lower()
        if any(w in low for w in kind_words):
            rest = text
            for w in kind_words:
                rest = re.sub(w + r"\w*", "", rest, flags=re.IGNORECASE)
            rest = rest.strip(" .,:;–-")
            if len(rest) > 3:
                return text.strip()
            if i + 1 < len(lines):
                return lines[i + 1].strip()
    return None


def convert(
    read: Read, registry: Registry, options: Options, templates: Path | None = None
) -> Imported:
    """Recognise ``read`` and build a validated regulation (nothing is written)."""
    lang = options.lang or read.lang
    tree = build(read.lines, read.path, lang or "kk", read.ours)
    if not tree.chapters:
        raise DloError(
            error(
                Location(read.path),
                NO_STRUCTURE,
                "no chapter or numbered clause was recognised: nothing to import",
                'a regulation has chapters ("1 тарау. …", "Глава 1. …") and numbered clauses ("1. …")',
            )
        )
    if lang is None:
        lang = detect_lang(tree)
        tree = build(read.lines, read.path, lang, read.ours)
    problems = list(tree.problems)
    where = Location(read.path)

    def assumed(message: str, hint: str) -> None:
        problems.append(warning(where, ASSUMED, message, hint))

    kind = _kind(tree, options.kind)
    labels = load_labels(lang, templates)
    kind_label = labels.get("kind", {}).get(kind, "")

    # the position and unit
    position = options.position
    if position is not None and position not in {p.id for p in registry.positions}:
        raise UsageError(
            f"unknown position {position!r}",
            f"known positions: {', '.join(p.id for p in registry.positions) or 'none'}",
        )
    if position is None and kind == "job_instruction":
        position = facts.main_position(tree.chapters, registry, lang)
        if position is None:
            raise UsageError(
                "cannot tell which position this job instruction describes: its clauses name "
                "no registry position twice",
                "pass --position ID (add the position and its mentions to the registry first)",
            )
        assumed(
            f"position: {position} (the position the clauses name most often)",
            "check position: and unit:",
        )
    unit = options.unit
    if unit is None and position is not None:
        unit = registry.position(position).unit
    if unit is None:
        raise UsageError("cannot tell which unit this regulation belongs to", "pass --unit ID")
    if unit not in {u.id for u in registry.units}:
        raise UsageError(
            f"unknown unit {unit!r}", f"known units: {', '.join(u.id for u in registry.units)}"
        )

    # facts stated in prose
    stated = facts.mark_states(tree.chapters)
    numbers = {id(c): n for n, (_, c) in enumerate(facts.clauses(tree.chapters), 1)}
    reports_to = registry.position(position).reports_to if position else None

    def named(fact: str, keep_own: bool = False) -> tuple[list[str], Node | None]:
        clause = stated.get(fact)
        if clause is None:
            return [], None
        found, _ = facts.named_in_order(facts.full_text(clause), registry, lang)
        if not keep_own:
            found = [p for p in found if p != position]
        return found, clause

    approvers, clause = named("approvers")
    new_positions: list[facts.Proposal] = []
    if clause is not None:
        taken = Ids({p.id for p in registry.positions})
        for title_, mention in facts.unknown_positions(clause.text, registry, lang):
            entry = {
                "id": taken(slug(title_, words=6, limit=60, fallback="position")),
                "title": {lang: title_},
                "mentions": {lang: [mention]},
            }
            new_positions.append(facts.Proposal("positions", entry, clause))
            problems.append(
                warning(
                    Location(read.path, clause.where, 1),
                    CONFIRM,
                    f"clause {numbers[id(clause)]} names an approver the registry does not know: "
                    f"{title_!r} (proposed as position {entry['id']})",
                    "confirm it, give it a unit and reports_to in the registry"
                    + ("" if options.update_registry else ", or import with --update-registry"),
                )
            )
        if new_positions and options.update_registry:
            extended = registry.model_copy(
                update={
                    "positions": [
                        *registry.positions,
                        *(Position.model_validate(p.entry) for p in new_positions),
                    ]
                }
            )
            approvers = [
                p
                for p in facts.named_in_order(facts.full_text(clause), extended, lang)[0]
                if p != position
            ]
    if approvers:
        problems.append(
            warning(
                Location(read.path, clause.where, 1),
                CONFIRM,
                f"agreement.approvers proposed from clause {numbers[id(clause)]}: "
                f"{', '.join(_title(registry, new_positions, i, lang) for i in approvers)}",
                "confirm the approvers and their order (the route is sequential)",
            )
        )
    else:
        fallback = reports_to or next(
            (p.id for p in registry.positions if p.reports_to is None), position
        )
        approvers = [fallback]
        assumed(
            f"no clause names the approvers; agreement.approvers set to {fallback}",
            "list the approvers in agreement.approvers",
        )
    by, clause = named("approval")
    if by:
        by = by[:1]
    else:
        top = next((p.id for p in registry.positions if p.reports_to is None), approvers[0])
        by = [top]
        assumed(f"no clause names who approves; approval.by set to {top}", "set approval.by")
    initiators, clause = named("change_initiators", keep_own=True)
    if not initiators:
        initiators = [position] if position else approvers[:1]
        assumed(
            f"no clause names who initiates changes; change_initiators set to {initiators[0]}",
            "set change_initiators",
        )
    instructions, _ = named("instructions_from")
    if reports_to and instructions == [reports_to]:
        instructions = []

    # registry entries: matched (ref) or proposed
    link_new = options.update_registry
    proposals = new_positions + facts.abbreviations(
        tree.chapters, registry, lang, Ids({a.id for a in registry.abbreviations}), link_new
    )
    proposals += facts.normative_documents(
        tree.chapters, registry, lang, Ids({d.id for d in registry.normative_documents}), link_new
    )

    # identity
    reg_id = options.id or (read.id if read.id and ID_RE.match(read.id) else None)
    if reg_id is None:
        stem = re.sub(r"\.(kk|ru)$", "", Path(read.path).stem)
        reg_id = slug(stem, words=8, limit=60, fallback="imported")
    title = options.title
    if title is None and read.title:
        title = read.title
        if kind_label and title.startswith(kind_label + ". "):
            title = title[len(kind_label) + 2 :]
    if title is None:
        kind_words = ("лауазымдық нұсқаулы", "должностная инструкци", "ереже", "положени")
        title = _title_from_preamble(tree, kind_words)
    if title is None:
        title = registry.position(position).title.get(lang) if position else None
        title = title or (registry.unit(unit).name.get(lang) or reg_id)
        assumed(
            f"the source has no title; title set to {title!r}", "write the regulation's real title"
        )
    code = options.code or (read.code if read.code and read.ours else None)
    if code is None:
        for line in tree.preamble:
            m = _CODE_LINE.search(line.text)
            if m:
                code = m.group(1)
                break
    if code is None:
        abbr = {
            "job_instruction": {"kk": "ЛН", "ru": "ДИ"},
            "unit_regulation": {"kk": "БЕ", "ru": "ПП"},
        }
        code = f"{abbr[kind][lang]} ?"
        assumed(
            f"the source has no document code; code set to {code!r}",
            "set code: to the registered code",
        )

    data: dict = {
        "id": reg_id,
        "kind": kind,
        "code": code,
        "title": {lang: title},
        "organisation": registry.organisation.id,
        "unit": unit,
    }
    if position:
        data["position"] = position
    data |= {
        "languages": [lang],
        "edition": 1,
        "agreement": {"route": "sequential", "approvers": approvers},
        "approval": {"by": by[0], "form": "order"},
        "change_initiators": initiators,
    }
    if instructions:
        data["instructions_from"] = instructions
    data["chapters"] = _chapters_data(tree)

    comment = (
        f"Imported by `dlo import` from {Path(read.path).name}. Numbers are computed: source_number\n"
        "keeps the source's own numbering (dlo check compares them); remove it once checked.\n"
        "Check id, code, title, position and the approvers before the draft goes for agreement."
    )
    yaml_text = load.dumps_pretty(data, comment=comment)
    model = _validated(yaml_text, data, read.path)
    counts = _counts(model)
    return Imported(model, yaml_text, sorted(set(problems)), proposals, read, counts)


def _validated(yaml_text: str, data: dict, path: str) -> Regulation:
    """Parse the YAML back: it must give exactly the data it was made from."""
    source, problems = load.parse(yaml_text.encode("utf-8"), f"{path} (imported)")
    if source is None:
        raise DloError(problems)
    model, problems = load.validate(Regulation, source)
    if model is None:
        raise DloError(problems)
    expected = Regulation.model_validate(data)
    if model != expected:  # a writer bug: never write a file that does not say what was read
        raise DloError(
            error(
                Location(path),
                "DLO526",
                "the YAML written for this import does not read back as the same regulation",
                "report this as a bug",
            )
        )
    return model


def _counts(model: Regulation) -> dict[str, int]:
    from ..numbering import walk

    counts = {"chapter": 0, "paragraph": 0, "clause": 0, "item": 0}
    for n in walk(model):
        counts[n.kind] += 1
    return counts


# -- writing -------------------------------------------------------------------------------


def _registry_with(
    project: Project, loaded: Loaded, proposals: list[facts.Proposal]
) -> tuple[str, Registry, list[str]]:
    """The registry's text with the proposed entries appended (comments and layout kept)."""
    source = loaded.registry_source
    data = source.data
    added = []
    for p in proposals:
        section = data.get(p.section)
        if section is None:
            data[p.section] = section = load.pretty([])
        if any(entry.get("id") == p.entry["id"] for entry in section):
            continue
        section.append(load.pretty(p.entry))
        added.append(f"{p.section}: {p.entry['id']}")
    text = load.dumps(data, like=source.text)
    display = project.display(project.registry_path)
    parsed, problems = load.parse(text.encode("utf-8"), display)
    registry = None
    if parsed is not None:
        registry, problems = load.validate(Registry, parsed)
        if registry is not None:
            problems = refs.registry_problems(registry, parsed)
    errors = [p for p in problems if p.severity == "error"]
    if errors or registry is None:
        raise DloError(errors or problems)
    return text, registry, added


def import_file(project: Project, path: Path | str, options: Options) -> Result:
    """Import one file into ``regulations/<id>/regulation.yaml`` (and, with ``update_registry``,
    the proposed entries into the registry). Nothing is written unless everything is valid."""
    if options.id is not None:
        project.folder(options.id)  # a usage error for an invalid id, before any work
    path = Path(path)
    display = project.display(path) if path.is_absolute() else path.as_posix()
    read = read_source(path, display)
    loaded = Loaded()
    project.load_registry(loaded)
    if loaded.registry is None or loaded.errors:
        raise DloError(loaded.errors or loaded.problems)
    registry_before = loaded.registry_source.text
    imported = convert(read, loaded.registry, options, project.templates)
    target = project.folder(imported.model.id) / REGULATION
    if target.exists() and not options.force:
        raise UsageError(
            f"{project.display(target)} exists; nothing was written",
            "pass --force to overwrite it, or --id to import under another id",
        )
    registry = loaded.registry
    registry_text, added = None, []
    if options.update_registry and imported.proposals:
        registry_text, registry, added = _registry_with(project, loaded, imported.proposals)
    source, problems = load.parse(imported.yaml.encode("utf-8"), project.display(target))
    problems += refs.regulation_problems(imported.model, source, registry, target.parent.name)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DloError(errors)
    written = []
    if registry_text is not None and added:
        try:
            with locked(project.registry_path):
                if project.registry_path.read_text(encoding="utf-8-sig") != registry_before:
                    raise UsageError(
                        f"{project.display(project.registry_path)} changed while importing; "
                        "nothing was written",
                        "run the import again",
                    )
                atomic_write(project.registry_path, registry_text)
        except LockTimeout:
            raise UsageError(
                f"{project.display(project.registry_path)} is being changed by another dlo "
                "command; nothing was written",
                "try again in a moment",
            ) from None
        written.append(project.registry_path)
    atomic_write(target, imported.yaml)
    written.append(target)
    return Result(imported, written, added)
