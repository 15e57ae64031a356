"""The recognised tree as the regulation's data, and that data checked by reading it back."""

from __future__ import annotations

from .. import load
from ..errors import DloError, Location, error
from ..i18n import Msg
from ..model import Regulation
from .ids import Ids, slug
from .tree import Node, Tree


def items_style(node: Node, by_chapter: bool) -> str:
    """How a clause's items were marked in the source: sub-clauses ("2.1.1.", or Word's "1)"
    under clauses numbered within chapters), dashes, or item numbers."""
    styles = {item.style for item in node.items}
    if styles == {"dotted"} or (by_chapter and styles == {"num"}):
        return "subclauses"
    if styles == {"bullet"}:
        return "dashed"
    return "numbered"


def _element_data(node: Node, ident: str, ids: Ids, by_chapter: bool = False) -> dict:
    data: dict = {"id": ident}
    if node.number is not None:
        data["source_number"] = node.number
    if node.states:
        data["states"] = node.states
    data["text"] = node.text
    if node.ref:
        data["ref"] = node.ref
    if node.items:
        if node.kind == "clause" and (style := items_style(node, by_chapter)) != "numbered":
            data["items_style"] = style
        data["items"] = [
            _element_data(item, ids(f"{ident}.{n}"), ids) for n, item in enumerate(node.items, 1)
        ]
    return data


def _section_data(node: Node, ident: str, ids: Ids, by_chapter: bool = False) -> dict:
    data: dict = {"id": ident}
    if node.number is not None:
        data["source_number"] = node.number
    data["title"] = node.text
    if node.clauses:
        data["clauses"] = [
            _element_data(c, ids(f"{ident}-{k}"), ids, by_chapter)
            for k, c in enumerate(node.clauses, 1)
        ]
    if node.paragraphs:
        data["paragraphs"] = [
            _section_data(p, ids(slug(p.text, fallback=f"{ident}-p{k}")), ids, by_chapter)
            for k, p in enumerate(node.paragraphs, 1)
        ]
    return data


def chapters_data(tree: Tree) -> list[dict]:
    ids = Ids()
    # reserve every heading's id first, so clause ids ("<section>-<k>") never take one
    return [
        _section_data(c, ids(slug(c.text, fallback=f"chapter-{n}")), ids, tree.by_chapter)
        for n, c in enumerate(tree.chapters, 1)
    ]


def within_reading(yaml_text: str, path: str) -> str:
    """``yaml_text``, a regulation imported from ``path``, unless it is longer than dlo reads
    of a file (DLO527: nothing is written)."""
    shorten = Msg("shorten the longest texts, or split the document in two")
    if too_long := load.beyond_reading(yaml_text, Location(path), "DLO527", shorten):
        raise DloError(too_long)
    return yaml_text


def validated(yaml_text: str, data: dict, path: str) -> Regulation:
    """Parse the YAML back: it must give exactly the data it was made from, and be no longer
    than dlo reads of a file."""
    within_reading(yaml_text, path)
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
                Msg("the YAML written for this import does not read back as the same regulation"),
                Msg("report this as a bug"),
            )
        )
    return model


def counts(model: Regulation) -> dict[str, int]:
    from ..numbering import walk

    found = {"chapter": 0, "paragraph": 0, "clause": 0, "item": 0}
    for n in walk(model):
        found[n.kind] += 1
    return found
