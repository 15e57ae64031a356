"""A read source → a validated ``Regulation`` and its YAML (nothing is written here)."""

from __future__ import annotations

import re
from pathlib import Path

from .. import load
from ..errors import DloError, Location, error
from ..labels import labels as load_labels
from ..model import Registry
from . import facts, metadata
from .assemble import chapters_data, counts, validated
from .ids import Ids
from .report import Report
from .route import Route, read_route
from .source import NO_STRUCTURE, Read
from .structure import Tree, build
from .types import Imported, Options

_KK_LETTERS = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)


def detect_lang(tree: Tree) -> str:
    text = " ".join(c.text for c in tree.chapters[:3]) + " ".join(
        clause.text for _, clause in list(facts.clauses(tree.chapters))[:5]
    )
    return "kk" if _KK_LETTERS.search(text) else "ru"


def recognise(read: Read, lang: str | None) -> tuple[Tree, str]:
    """The source's structure, and its language (detected when not given)."""
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
    return tree, lang


def _proposals(
    tree: Tree, registry: Registry, lang: str, route: Route, link_new: bool
) -> list[facts.Proposal]:
    """Registry entries the text names: matched (ref set on the node) or proposed."""
    proposals = route.new_positions + facts.abbreviations(
        tree.chapters, registry, lang, Ids({a.id for a in registry.abbreviations}), link_new
    )
    proposals += facts.normative_documents(
        tree.chapters, registry, lang, Ids({d.id for d in registry.normative_documents}), link_new
    )
    return proposals


def _comment(read: Read) -> str:
    return (
        f"Imported by `dlo import` from {Path(read.path).name}. Numbers are computed: source_number\n"
        "keeps the source's own numbering (dlo check compares them); remove it once checked.\n"
        "Check id, code, title, position and the approvers before the draft goes for agreement."
    )


def convert(
    read: Read, registry: Registry, options: Options, templates: Path | None = None
) -> Imported:
    """Recognise ``read`` and build a validated regulation (nothing is written)."""
    tree, lang = recognise(read, options.lang)
    report = Report(read.path, list(tree.problems))
    kind = metadata.kind(tree, options.kind)
    kind_label = load_labels(lang, templates).get("kind", {}).get(kind, "")
    position = metadata.position(tree, registry, options.position, kind, lang, report)
    unit = metadata.unit(registry, options.unit, position)
    route = read_route(tree, registry, lang, position, options.update_registry, report)
    proposals = _proposals(tree, registry, lang, route, options.update_registry)
    reg_id = metadata.reg_id(read, options)
    title = metadata.title(read, options, tree, kind_label)
    if title is None:
        title = metadata.fallback_title(registry, position, unit, lang, reg_id, report)
    code = metadata.code(read, options, tree, kind, lang, report)

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
        "agreement": {"route": "sequential", "approvers": route.approvers},
        "approval": {"by": route.by, "form": "order"},
        "change_initiators": route.change_initiators,
    }
    if route.instructions_from:
        data["instructions_from"] = route.instructions_from
    data["chapters"] = chapters_data(tree)

    yaml_text = load.dumps_pretty(data, comment=_comment(read))
    model = validated(yaml_text, data, read.path)
    return Imported(model, yaml_text, sorted(set(report.problems)), proposals, read, counts(model))
