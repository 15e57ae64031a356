"""The lists ``dlo new`` fills from the registry: the normative documents the template cites,
and the abbreviations the finished text uses (each item ending in ";", the last in ".")."""

from __future__ import annotations

import re
from typing import Any

from ..model import Registry


def code_in(registry: Registry, code: str, lang: str) -> str:
    """A document code as a text in ``lang`` writes it: a prefix the registry knows as an
    abbreviation in another language is written in this one ("ҰС 064-2022" → "СО 064-2022")."""
    prefix, _, rest = code.partition(" ")
    for abbreviation in registry.abbreviations:
        if prefix in abbreviation.short.values() and lang in abbreviation.short:
            return f"{abbreviation.short[lang]} {rest}".strip()
    return code


def _end(index: int, count: int, text: str) -> str:
    return text + ("." if index == count - 1 else ";")


def reference_items(registry: Registry, ids: list[str], langs: list[str]) -> list[dict]:
    docs = {d.id: d for d in registry.normative_documents}
    items = []
    for index, doc_id in enumerate(ids):
        doc = docs[doc_id]
        texts = {}
        for lang in langs:
            title = doc.title.get(lang) or next(iter(doc.title.values()))
            if doc.code:
                line = f"{code_in(registry, doc.code, lang)} {title}"
            else:
                extra = ", ".join(
                    x
                    for x in (
                        f"№ {doc.number}" if doc.number else "",
                        doc.date.strftime("%d.%m.%Y") if doc.date else "",
                    )
                    if x
                )
                line = f"{title} ({extra})" if extra else title
            texts[lang] = _end(index, len(ids), line)
        items.append({"text": texts, "ref": doc_id})
    return items


_WORD = re.compile(r"[^\W\d_]+")


def abbreviation_items(registry: Registry, used_text: dict[str, str], langs) -> list[dict]:
    words = {lang: set(_WORD.findall(used_text[lang])) for lang in langs}
    used = [
        a for a in registry.abbreviations if any(a.short.get(lang) in words[lang] for lang in langs)
    ]
    return [
        {
            "text": {
                lang: _end(i, len(used), f"{a.short.get(lang, '')} – {a.expansion.get(lang, '')}")
                for lang in langs
            },
            "ref": a.id,
        }
        for i, a in enumerate(used)
    ]


def plain(texts: dict[str, str], langs: list[str]) -> str | dict[str, str]:
    return texts if len(langs) > 1 else texts[langs[0]]


def _all_clauses(chapter: dict) -> list[dict]:
    return [
        *chapter.get("clauses", []),
        *(c for p in chapter.get("paragraphs", []) for c in p["clauses"]),
    ]


def _texts_of(chapters: list[dict], langs: list[str]) -> dict[str, str]:
    found: dict[str, list[str]] = {lang: [] for lang in langs}

    def add(text: Any) -> None:
        for lang in langs:
            found[lang].append(text if isinstance(text, str) else text.get(lang, ""))

    for chapter in chapters:
        for clause in _all_clauses(chapter):
            add(clause["text"])
            for item in clause.get("items", []):
                add(item["text"])
    return {lang: " ".join(parts) for lang, parts in found.items()}


def fill_items(chapters: list[dict], registry: Registry, references: list[str], langs) -> None:
    """Items the template asks for from the registry: the references it cites, then the
    abbreviations the finished text uses."""
    clauses = [c for chapter in chapters for c in _all_clauses(chapter)]
    slots = []
    for clause in clauses:
        kind = clause.pop("_items_from", None)
        if kind == "references":
            clause["items"] = reference_items(registry, references, langs)
        elif kind == "abbreviations":
            slots.append(clause)
    everything = _texts_of(chapters, langs)
    for clause in slots:
        clause["items"] = abbreviation_items(registry, everything, langs)
    for clause in clauses:
        clause_items = clause.get("items", [])
        for index, item in enumerate(clause_items):
            text = item["text"]
            clause_items[index] = {
                "id": item.get("id") or f"{clause['id']}.{index + 1}",
                **{k: v for k, v in item.items() if k != "id"},
                "text": plain(text, langs) if isinstance(text, dict) else text,
            }
