"""``dlo new``: a new regulation from the template of its kind, its facts filled from the registry.

The template (``templates/new/<kind>.yaml``; a project's own copy wins) holds the chapters
ҰС 064-2022 expects, in Kazakh and Russian. What the registry knows is filled in: the position or
unit, its title, the organisation, whom it reports to, the agreement route, the approving
official, the change initiators, the normative documents cited and the abbreviations used. What
only the drafter can write is left as ``[[...]]``, which ``dlo check`` reports (DLO114) until it is
written. The new file is read back and validated before it is written; an existing regulation is
never overwritten.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import load
from ..errors import DloError, Location, UsageError, error
from ..fsio import atomic_write
from ..i18n import Msg
from ..i18n import text as in_ui_language
from ..labels import BUNDLED
from ..model import LANGS, Registry, Regulation
from ..project import REGULATION, Loaded, Project
from ..unwritten import unwritten
from .lists import fill_items, plain
from .options import KINDS, Facts, Options, facts
from .variables import variables

__all__ = ["KINDS", "Created", "Facts", "Options", "build", "create", "facts", "template_path"]

CODE_PLACEHOLDER = "[[код]]"
SCHEMA_LINE = "yaml-language-server: $schema=../../schemas/regulation.schema.json"


@dataclass(frozen=True)
class Created:
    path: Path
    model: Regulation
    template: Path


def template_path(project: Project, kind: str) -> Path:
    own = project.templates / "new" / f"{kind}.yaml"
    return own if own.is_file() else BUNDLED / "new" / f"{kind}.yaml"


# -- the template ----------------------------------------------------------------------------


def _variables(registry: Registry, f: Facts, lang: str) -> dict[str, str]:
    named = {
        "position": f.position,
        "head": f.head,
        "supervisor": f.supervisor,
        "approval_by": f.approval_by,
        "approving_official": f.approving_official,
        "appointing_official": f.appointing_official,
    }
    lists = {"approvers": f.approvers, "initiators": f.initiators}
    return variables(registry, named, lists, f.unit, lang)


class _Filler:
    """Fills one template's texts for the regulation's languages, positioned for errors."""

    def __init__(self, source: load.Source, registry: Registry, f: Facts, languages) -> None:
        self.source, self.languages = source, list(languages)
        self.vars = {lang: _variables(registry, f, lang) for lang in self.languages}

    def text(self, value: Any, loc: list) -> str | dict[str, str]:
        if not isinstance(value, dict) or not all(lang in value for lang in self.languages):
            raise DloError(
                error(
                    self.source.at(loc),
                    "DLO013",
                    Msg("the template lacks a text in {langs}", langs=", ".join(self.languages)),
                    Msg("give every text as {kk: ..., ru: ...}"),
                )
            )
        out = {}
        for lang in self.languages:
            try:
                filled = string.Template(str(value[lang])).substitute(self.vars[lang])
            except (KeyError, ValueError) as exc:
                raise DloError(
                    error(
                        self.source.at([*loc, lang]),
                        "DLO013",
                        Msg("the template names an unknown fact {fact}", fact=exc),
                        Msg(
                            "use one of: {value}", value=", ".join("$" + k for k in self.vars[lang])
                        ),
                    )
                ) from None
            out[lang] = filled[:1].upper() + filled[1:]  # a fact may start it (``variables``)
        return out if len(self.languages) > 1 else out[self.languages[0]]


def _references(source: load.Source, tpl: dict, registry: Registry) -> list[str]:
    references = list(tpl.get("references") or [])
    missing = [r for r in references if r not in {d.id for d in registry.normative_documents}]
    if missing:
        raise DloError(
            error(
                source.at(["references"]),
                "DLO020",
                Msg(
                    "the template cites normative documents the registry lacks: {value}",
                    value=", ".join(missing),
                ),
                Msg(
                    "add them to normative_documents in regulations/registry.yaml, or edit the template"
                ),
            )
        )
    return references


def _title(fill: _Filler, tpl: dict, options: Options) -> str | dict[str, str]:
    langs = fill.languages
    made = fill.text(tpl["title"], ["title"])
    texts = {langs[0]: made} if isinstance(made, str) else dict(made)
    if options.title:
        texts[langs[0]] = options.title
    for text in texts.values():
        if not text.strip() or "$" in text or text != text.strip() or unwritten(text):
            raise UsageError(
                Msg("the title cannot be made from the registry's names"), Msg("give --title TEXT")
            )
    return plain(texts, langs)


def _chapters(tpl: dict, fill: _Filler, f: Facts) -> list[dict]:
    chapters = []
    for ci, chapter in enumerate(tpl["chapters"]):
        loc = ["chapters", ci]
        out = {"id": chapter["id"], "title": fill.text(chapter["title"], [*loc, "title"])}
        clauses = _clauses(chapter.get("clauses") or [], [*loc, "clauses"], fill, f)
        if clauses:
            out["clauses"] = clauses
        paragraphs = [
            {
                "id": para["id"],
                "title": fill.text(para["title"], [*loc, "paragraphs", pi, "title"]),
                "clauses": _clauses(para["clauses"], [*loc, "paragraphs", pi, "clauses"], fill, f),
            }
            for pi, para in enumerate(chapter.get("paragraphs") or [])
        ]
        if paragraphs:
            out["paragraphs"] = paragraphs
        chapters.append(out)
    return chapters


def build(project: Project, registry: Registry, reg_id: str, options: Options) -> dict:
    """The data of the new regulation (plain dicts), made from the template and the registry."""
    f = facts(registry, options)
    path = template_path(project, options.kind)
    source, problems = load.read(path, project.display(path))
    if source is None:
        raise DloError(problems)
    tpl = load.plain(source.data)
    langs = list(options.languages)
    fill = _Filler(source, registry, f, langs)
    references = _references(source, tpl, registry)
    title = _title(fill, tpl, options)
    chapters = _chapters(tpl, fill, f)
    fill_items(chapters, registry, references, langs)
    data: dict[str, Any] = {
        "id": reg_id,
        "kind": options.kind,
        "code": options.code or CODE_PLACEHOLDER,
        "title": title,
        # its unit's organisation (DLO024): the registry's own, or another it keeps
        "organisation": registry.unit(f.unit).organisation or registry.organisation.id,
        "unit": f.unit,
    }
    if f.position:
        data["position"] = f.position
    return data | {
        "languages": langs,
        "edition": 1,
        "agreement": {"route": "sequential", "approvers": f.approvers},
        "approval": {"by": f.approval_by, "form": "order"},
        "change_initiators": f.initiators,
        "chapters": chapters,
    }


# the list of positions a clause stating it names (``text_one``: the text for one position)
_LISTED = {"approvers": "approvers", "change_initiators": "initiators"}


def _text_key(clause: dict, f: Facts) -> str | None:
    """Which of a template clause's texts the regulation gets: when its ``when`` fact is
    missing, ``otherwise`` (none without it); ``text_one`` when the list it states holds one
    position ("согласовывается с проректором …", not "со следующими должностными лицами:
    проректором …"); else ``text``."""
    when = clause.get("when")
    if when and not getattr(f, when, None):
        return "otherwise" if "otherwise" in clause else None
    listed = _LISTED.get(clause.get("states") or "")
    if listed and "text_one" in clause and len(getattr(f, listed)) == 1:
        return "text_one"
    return "text"


def _clauses(clauses: list, loc: list, fill: _Filler, f: Facts) -> list[dict]:
    out = []
    for index, clause in enumerate(clauses):
        cloc = [*loc, index]
        key = _text_key(clause, f)
        if key is None:
            continue
        item: dict[str, Any] = {"id": clause["id"]}
        if clause.get("states"):
            item["states"] = clause["states"]
        item["text"] = fill.text(clause[key], [*cloc, key])
        if clause.get("items_from"):
            item["_items_from"] = clause["items_from"]
        elif clause.get("items"):
            item["items"] = [
                {"id": it["id"], "text": fill.text(it["text"], [*cloc, "items", i, "text"])}
                for i, it in enumerate(clause["items"])
            ]
        out.append(item)
    return out


# -- writing -----------------------------------------------------------------------------------


def create(project: Project, reg_id: str, options: Options) -> Created:
    """Write ``regulations/<id>/regulation.yaml`` for a new regulation; refuse an existing id."""
    folder = project.new_folder(reg_id)  # refuses an invalid id
    # (a folder holding only a lock file an earlier version left is not a regulation)
    if project.is_regulation(folder) or (folder.exists() and not folder.is_dir()):
        raise UsageError(
            Msg(
                "regulation {reg_id} exists ({value}); nothing was written",
                reg_id=repr(reg_id),
                value=project.display(folder),
            ),
            Msg("choose another id, or change the existing regulation (dlo revise)"),
        )
    for lang in options.languages:
        if lang not in LANGS:
            raise UsageError(
                Msg("unknown language {lang}", lang=repr(lang)),
                Msg("use one of: {choices}", choices=", ".join(LANGS)),
            )
    loaded = Loaded()
    project.load_registry(loaded)
    if loaded.errors or loaded.registry is None:
        raise DloError(loaded.errors)
    registry = loaded.registry
    data = build(project, registry, reg_id, options)
    target = folder / REGULATION
    made = Msg(  # in the clerk's language: the first lines they read in the file they write
        "Made by `dlo new` from {template}. Write every [[...]]:\n"
        "`dlo check` lists them (DLO114). Numbers are computed: never type them.",
        template=template_path(project, options.kind).name,
    )
    comment = f"{SCHEMA_LINE}\n{in_ui_language(made)}"
    text = load.dumps_pretty(data, comment=comment)
    model = _read_back(project, target, text, data)
    # (a folder an earlier version left holding only a lock file is taken)
    folder.mkdir(parents=True, exist_ok=folder.is_dir() and not project.is_regulation(folder))
    atomic_write(target, text)
    return Created(target, model, template_path(project, options.kind))


def _read_back(project: Project, target: Path, text: str, data: dict) -> Regulation:
    display = project.display(target)
    source, problems = load.parse(text.encode("utf-8"), display)
    model = None
    if source is not None:
        model, problems = load.validate(Regulation, source)
    if model is None or model != Regulation.model_validate(data):
        raise DloError(
            problems
            or [error(Location(display), "DLO013", Msg("the new regulation would not read back"))]
        )
    return model
