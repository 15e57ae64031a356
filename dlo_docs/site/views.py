"""What each page shows, as plain data (dicts, strings) that the templates lay out.

Paths: every link is relative, so the site works under any base path and from any web server::

    index.html, search.html              Kazakh interface        (root "")
    ru/index.html, ru/search.html        Russian interface       (root "../")
    <lang>/<id>/index.html               a regulation             (root "../../")
    <lang>/<id>/compare-<a>-<b>.html     a comparison of editions
    files/<id>-<n>.<lang>.docx|pdf       downloads of the edition in force
    static/site.css, static/search.js    the only stylesheet and the only script
    static/favicon.svg                   the pages' icon (else browsers ask /favicon.ico of the server)
    search-index.<lang>.json             what the search script searches
    404.html                             a missing address (both languages; links from the
                                         path the site is served at, "/" unless given)
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from .. import lazy
from ..folder_names import SITE_PAGES
from ..workflow import today as build_day  # the day reviews are counted from (DLO_TODAY when set)

if TYPE_CHECKING:
    from .. import register
    from ..context import RenderDoc
    from ..diff import align
    from ..diff import names as diff_names
    from ..model import Registry, Regulation
else:  # the model, for the index pages only: a build with nothing to render does not load it
    register = lazy.module("dlo_docs.register")
    align, diff_names = lazy.module("dlo_docs.diff.align"), lazy.module("dlo_docs.diff.names")

LANGS = ("kk", "ru")  # the languages of the site's interface, Kazakh first

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'"
)


INDEX_PAGE, SEARCH_PAGE = SITE_PAGES
# the page a web server answers a missing address with, at any depth: its links start at the
# path the site is served at ("/", or the one the build is given: "/regulations/"), as no
# relative link would from every address
NOT_FOUND = "404.html"
SERVED_AT = "/"
# a part of that path: letters, digits and "-", "_", ".", "~" (no dot first: hidden), so it is
# written in a link as it is given
_PART = re.compile(r"[\w~-][\w.~-]*")


def served_at(given: str) -> str | None:
    """``given`` as the path the site is served at, ending in "/" ("/regulations" ->
    "/regulations/"); None when it is not a plain absolute path of such parts."""
    inner = given.strip("/")
    parts = inner.split("/") if inner else []
    if given[:1] != "/" or given[:2] == "//" or not all(map(_PART.fullmatch, parts)):
        return None
    return "/" + "".join(f"{part}/" for part in parts)


def index_path(lang: str) -> str:
    return INDEX_PAGE if lang == LANGS[0] else f"{lang}/{INDEX_PAGE}"


def search_path(lang: str) -> str:
    return SEARCH_PAGE if lang == LANGS[0] else f"{lang}/{SEARCH_PAGE}"


def regulation_path(lang: str, reg_id: str) -> str:
    return f"{lang}/{reg_id}/index.html"


def taken_by_site(reg_id: str) -> str | None:
    """The page of the site's own that the folder of ``reg_id``'s pages would be
    (``ru/search.html`` for the id ``search.html``), else None."""
    for lang in LANGS:
        folder = f"{lang}/{reg_id}"
        if folder in (index_path(lang), search_path(lang)):
            return folder
    return None


def compare_path(lang: str, reg_id: str, a: int, b: int) -> str:
    return f"{lang}/{reg_id}/compare-{a}-{b}.html"


def download_path(reg_id: str, n: int, lang: str, fmt: str) -> str:
    return f"files/{reg_id}-{n}.{lang}.{fmt}"


def index_json_path(lang: str) -> str:
    return f"search-index.{lang}.json"


def root_of(rel: str) -> str:
    """The relative path from the page ``rel`` to the site's root ("", "../", "../../")."""
    return "../" * rel.count("/")


def other(lang: str) -> str:
    return LANGS[1] if lang == LANGS[0] else LANGS[0]


def date(day: dt.date | str | None) -> str:
    """Dates as both languages write them in documents: 03.06.2024."""
    if day is None:
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return day.strftime("%d.%m.%Y")


def chrome(
    rel: str,
    lang: str,
    labels: dict[str, dict],
    switch_to: str,
    title: str,
    root: str | None = None,
) -> dict[str, Any]:
    """What every page has: language, the way to the root (``root``, else the relative path from
    ``rel``), the language switch (to the page ``switch_to`` in the other language), the search
    form, the policy."""
    root = root_of(rel) if root is None else root
    to = other(lang)
    return {
        "lang": lang,
        "root": root,
        "title": title,
        "csp": CSP,
        "L": labels[lang]["site"],
        "labels": labels[lang],
        "home": root + index_path(lang),
        "search": root + search_path(lang),
        "css": root + "static/site.css",
        "js": root + "static/search.js",
        "icon": root + "static/favicon.svg",  # asked for, a browser asks no /favicon.ico
        "switch": {"href": root + switch_to, "lang": to, "name": labels[to]["language_name"]},
    }


Names = tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]


def names(registry: Registry, lang: str) -> Names:
    """Unit and position names in ``lang`` (falling back to another language): id -> (text, lang)."""

    def pick(mapping: dict[str, str]) -> tuple[str, str]:
        if mapping.get(lang):
            return mapping[lang], lang
        first = next(iter(mapping), lang)
        return mapping.get(first, ""), first

    return (
        {u.id: pick(u.name) for u in registry.units},
        {p.id: pick(p.title) for p in registry.positions},
    )


def index_groups(
    summaries: list[dict], registry: Registry, lang: str, labels: dict[str, dict]
) -> list[dict]:
    """Regulations in force grouped by unit (registry order; ``n``: how many), then by position
    (registry order; unit regulations first)."""
    units, positions = names(registry, lang)
    unit_order = {u.id: i for i, u in enumerate(registry.units)}
    pos_order = {p.id: i for i, p in enumerate(registry.positions)}
    L = labels[lang]["site"]
    groups: dict[str, dict[str | None, list[dict]]] = {}
    for s in summaries:
        groups.setdefault(s["unit"], {}).setdefault(s.get("position"), []).append(s)
    out = []
    for unit_id in sorted(groups, key=lambda u: (unit_order.get(u, len(unit_order)), u)):
        name, name_lang = units.get(unit_id, (unit_id, lang))
        sections = []
        by_pos = groups[unit_id]
        for pos in sorted(
            by_pos, key=lambda p: (-1, "") if p is None else (pos_order.get(p, len(pos_order)), p)
        ):
            if pos is None:
                heading, heading_lang = L["unit_regulations"], lang
            else:
                heading, heading_lang = positions.get(pos, (pos, lang))
            rows = [
                row(s, lang, labels)
                for s in sorted(by_pos[pos], key=lambda s: (s["code"], s["id"]))
            ]
            sections.append({"heading": heading, "lang": heading_lang, "rows": rows})
        count = sum(len(section["rows"]) for section in sections)
        anchor = f"unit-{unit_id}"
        out.append(
            {"unit": name, "lang": name_lang, "anchor": anchor, "sections": sections, "n": count}
        )
    return out


def title_of(summary: dict, lang: str) -> tuple[str, str]:
    titles = summary["titles"]
    if lang in titles:
        return titles[lang], lang
    return titles[summary["main_lang"]], summary["main_lang"]


def review_mark(due: str | None, today: dt.date) -> str:
    """ "overdue", "due" (within the register's 90 days) or "" as of ``today`` (the build)."""
    return register.review_mark(dt.date.fromisoformat(due) if due else None, today)


def row(s: dict, lang: str, labels: dict[str, dict], today: dt.date | None = None) -> dict:
    L = labels[lang]["site"]
    title, title_lang = title_of(s, lang)
    order = s["order"]
    return {
        "id": s["id"],
        "code": s["code"],
        "title": title,
        "title_lang": title_lang,
        "kind": labels[lang]["kind"][s["kind"]],
        "href": regulation_path(lang, s["id"]),
        "edition": labels[lang]["edition_n"].format(n=s["edition"]),
        "order": L["order"].format(number=order["number"], date=date(order["date"])),
        "effective": date(order.get("effective") or order["date"]),
        "review_due": date(s.get("review_due")),
        "read": f"{s['acknowledged']} / {s['readers']}" if "readers" in s else "",
        "review_mark": review_mark(s.get("review_due"), today or build_day()),
    }


def element_names(model: Regulation, doc: RenderDoc) -> dict[str, str]:
    """Each clause and item of ``doc`` (the text of ``model``) by its anchor, named as the
    comparison names it, in the text's language ("10-тармақтың 4) тармақшасы", "Пункт 11"): the
    accessible name of its link that is only its number ("11.", "4)"), which out of context
    reads as just that number. In the text's language, as the text around it is read, so the
    text is still made once for the pages of both languages."""
    return {
        place.anchor: diff_names.name(place, doc.labels)
        for place in align.places(model, doc.lang, doc.labels)
        if place.kind in ("clause", "item")
    }


def kept_whole(text: str, names: list[str]) -> list[tuple[str, bool]]:
    """``text`` cut around each of ``names`` ("1-басылым"), which a page keeps on one line (a
    browser breaks after a hyphen): (part, whether it is one of the names to keep whole)."""
    pattern = "(" + "|".join(re.escape(name) for name in names if name) + ")"
    return [(part, part in names) for part in re.split(pattern, text) if part]
