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
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from . import views

if TYPE_CHECKING:
    from ..context import RenderDoc


def entries(rd: RenderDoc) -> list[list[str]]:
    """[number, anchor, text] of each clause and item in document order; an item's number names
    its clause too ("10. 2)", "10. 2) а)"), which a sub-clause's does already ("10.2.", "10.2. а)")."""
    out: list[list[str]] = []
    clause = ""
    path: list[str] = []
    sub = False  # the item of the clause that the current path starts with is a sub-clause
    for b in rd.blocks:
        if b.kind == "clause":
            clause, path = b.marker, []
            out.append([b.marker, b.anchor, b.text])
        elif b.kind == "item":
            path = path[: b.depth - 1] + [b.marker]
            sub = b.subclause if b.depth == 1 else sub
            out.append([" ".join(path if sub else [clause, *path]), b.anchor, b.text])
    return out


def index(
    lang: str, summaries: list[dict], entries_of: Callable[[dict, str], list[list[str]]]
) -> Iterator[bytes]:
    """The index for interface ``lang``, in chunks (one regulation's hits at a time, so the
    whole index is never held in memory): ``summaries`` of the regulations in order,
    ``entries_of(summary, text language)`` their entries. The bytes are those of
    ``json.dumps({"lang", "regs", "hits"}, ensure_ascii=False, separators=(",", ":"))``."""
    regs, text_langs = [], []
    for summary in summaries:
        text_lang = lang if lang in summary["langs"] else summary["main_lang"]
        title, _ = views.title_of(summary, lang)
        regs.append(
            {
                "id": summary["id"],
                "code": summary["code"],
                "title": title,
                "lang": text_lang,
                "url": views.regulation_path(lang, summary["id"]),
            }
        )
        text_langs.append(text_lang)
    yield b'{"lang":' + _dumps(lang) + b',"regs":' + _dumps(regs) + b',"hits":['
    first = True
    for i, (summary, text_lang) in enumerate(zip(summaries, text_langs, strict=True)):
        hits = [
            [i, number, anchor, text] for number, anchor, text in entries_of(summary, text_lang)
        ]
        if hits:  # dumped at once, its brackets left out: one call, not one a hit
            yield (b"" if first else b",") + _dumps(hits)[1:-1]
            first = False
    yield b"]}"


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
