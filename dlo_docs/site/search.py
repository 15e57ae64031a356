"""The search index: every clause and item of every regulation in force, per interface language.

``search-index.<lang>.json`` is data only; the one static script ``static/search.js`` fetches and
searches it (normalising case and ё, stripping common Kazakh and Russian endings, tolerating one
typo in longer stems). Format::

    {"lang": "kk",
     "regs": [{"id", "code", "title", "lang", "url"}, ...],      # lang: of the text shown
     "hits": [[reg, number, anchor, text], ...]}                 # reg: index into regs
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..context import RenderDoc
from . import views


def entries(rd: RenderDoc) -> list[list[str]]:
    """[number, anchor, text] of each clause and item in document order; an item's number names
    its clause too ("10. 2)", "10. 2) а)")."""
    out: list[list[str]] = []
    clause = ""
    path: list[str] = []
    for b in rd.blocks:
        if b.kind == "clause":
            clause, path = b.marker, []
            out.append([b.marker, b.anchor, b.text])
        elif b.kind == "item":
            path = path[: b.depth - 1] + [b.marker]
            out.append([" ".join([clause, *path]), b.anchor, b.text])
    return out


def index(lang: str, regs: Iterable[tuple[dict, str, list[list[str]]]]) -> bytes:
    """The index for interface ``lang``: ``regs`` is [(summary, text language, entries)]."""
    data: dict[str, Any] = {"lang": lang, "regs": [], "hits": []}
    for i, (summary, text_lang, items) in enumerate(regs):
        title, title_lang = views.title_of(summary, lang)
        data["regs"].append(
            {
                "id": summary["id"],
                "code": summary["code"],
                "title": title,
                "lang": text_lang,
                "url": views.regulation_path(lang, summary["id"]),
            }
        )
        data["hits"] += [[i, number, anchor, text] for number, anchor, text in items]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
