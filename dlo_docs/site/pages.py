"""The HTML pages of the site: a regulation's page (its text, forms, downloads, history of
editions and reviews), the comparison of two editions, the index and the search page. Each is a
Jinja2 template of ``templates/html/site/`` filled from a ``Published`` regulation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import labels as _labels
from .. import lazy
from ..records import spelled
from . import views

if TYPE_CHECKING:
    from .. import workflow
    from ..context import RenderDoc
    from ..model import Registry
    from ..render import html as html_render
    from ..workflow import acknowledgements
    from . import collect as published
    from .collect import Published
else:  # Jinja2, the model and the workflow's readers: imported when the first page is made
    html_render = lazy.module("dlo_docs.render.html")
    acknowledgements = lazy.module("dlo_docs.workflow.acknowledgements")
    published = lazy.module("dlo_docs.site.collect")


class _Text:
    """A text a page prints as it is (HTML, ``__html__``)."""

    __slots__ = ("_html",)

    def __init__(self, html: str) -> None:
        self._html = html

    def __html__(self) -> str:
        return self._html

    __str__ = __html__


def _fixed(labels: dict, value: str, corrected: bool) -> str:
    """A value a correction event fixed, marked as the sheets mark it ("(түзетілді)")."""
    return f"{value} ({labels['form']['corrected']})" if corrected and value else value


def _noted(labels: dict, ev: workflow.Event, order: str) -> str:
    """An edition's order in the history: marked when a correction fixed its date, and when the
    edition was approved on paper before the workflow."""
    order = _fixed(labels, order, bool({"date", "number"} & set(ev.get("corrected") or {})))
    return f"{order}; {labels['form']['paper_short']}" if ev.event == "registered" else order


def _order_text(site: dict, order: Any) -> str:
    """ "Order No. … of …", or "approved by signature on …" for an approval without an order."""
    key = "order" if order.number else "signed_approval"
    return str(site[key].format(number=order.number, date=views.date(order.date)))


def _readers(pub: Published) -> dict:
    """How many have read the edition in force, of how many (its holders and those who read it)."""
    done = pub.records.acquaintances
    signed = {a.position_id or f"{a.name}|{a.position}".casefold() for a in done}
    expected = acknowledgements.expected(pub.registry, pub.model)
    missing = [r for r in expected if r.key() not in signed]
    return {"acknowledged": len(done), "readers": len(done) + len(missing)}


def summary(pub: Published) -> dict:
    """What the index pages and the search show of a regulation (kept in the build's cache)."""
    model = pub.model
    order = pub.status.in_force_order
    assert order is not None  # published: an edition is in force
    rd = pub.contexts[model.main_lang]
    return {
        "id": pub.id,
        "kind": model.kind,
        "code": model.code,
        "unit": model.unit,
        "position": model.position,
        "main_lang": model.main_lang,
        "langs": pub.langs,
        "titles": {lang: published.title_in(pub, lang)[0] for lang in pub.langs},
        "edition": pub.n,
        "order": {
            "number": order.number,
            "date": published.iso(order.date),
            "effective": published.iso(order.effective or order.date),
        },
        "review_due": published.iso(pub.status.review_due),
        **_readers(pub),
        "approved_by": rd.approving.position_id,  # who approved it, as the journal recorded
        "approving": rd.approving.position,
    }


def size_text(path: Path) -> str:
    """A download's size in kilobytes ("12"; its page adds the label ``site.kilobytes``)."""
    size = path.stat().st_size if path.is_file() else 0
    return str(max(1, round(size / 1024)))


class Pages:
    """The pages, in every language of ``labels``; ``out`` is the site's folder (the sizes of
    its downloads are shown), ``registry`` gives the registry when a page needs it."""

    def __init__(
        self,
        labels: dict[str, dict],
        templates: Path,
        out: Path,
        registry: Callable[[], Registry],
    ) -> None:
        self.labels, self.templates, self.out = labels, templates, out
        self._registry = registry
        # the registry's names by language, made once a build (a regulation's page shows a few)
        self._names: dict[str, tuple[Registry, views.Names]] = {}
        self._texts: tuple[Published | None, dict[str, _Text]] = (None, {})

    def render(self, name: str, **values: Any) -> str:
        return html_render.render_template(f"site/{name}", self.templates, **values)

    def regulation(
        self,
        pub: Published,
        lang: str,
        downloads: dict[str, dict[str, str]],
        comparisons: dict[str, list[dict]],
        sizes: dict[str, str] | None = None,
    ) -> str:
        """The page of ``pub`` in ``lang``. ``sizes``: the size shown of a download not yet
        written (its rel -> the text to show), instead of the size of its file."""
        rel = views.regulation_path(lang, pub.id)
        text_lang = lang if lang in pub.contexts else pub.model.main_lang
        rd = pub.contexts[text_lang]
        labels = self.labels[lang]
        L = labels["site"]
        page = views.chrome(
            rel,
            lang,
            self.labels,
            views.regulation_path(views.other(lang), pub.id),
            f"{rd.code} · {rd.title}",
        )
        root = page["root"]
        order = pub.status.in_force_order
        assert order is not None  # published: an edition is in force
        notice = (L.get("only_in") or {}).get(text_lang) if text_lang != lang else None
        working = L["working_copy_text"].format(
            edition=labels["edition_n"].format(n=pub.n),
            number=order.number,
            date=views.date(order.date),
            effective=views.date(order.effective or order.date),
        )
        return self.render(
            "regulation.html.j2",
            page=page,
            doc=rd,
            text=self._text(pub, text_lang),
            text_lang=text_lang,
            meta=self._meta(pub, lang, text_lang),
            working=working,
            notice=notice,
            files=self._files(lang, root, downloads, sizes or {}),
            history=self._history(pub, labels, lang),
            reviews=self._reviews(pub, labels, lang),
            comparisons=self._comparisons(lang, text_lang, root, comparisons),
            toc=[b for b in rd.blocks if b.kind in ("chapter", "paragraph")],
            # above the title, unless the title names the kind in the page's language
            kind_label=labels["kind"][rd.kind] if rd.kind_heading or text_lang != lang else "",
        )

    def _text(self, pub: Published, text_lang: str) -> _Text:
        """The text of ``pub`` in ``text_lang`` as its pages print it, made once for the pages
        of both interface languages (the same text when the regulation has one language), and
        before a page, not as it prints it (a page made within another would start the outer
        page's imported templates anew: ``render.html._Page``)."""
        held, texts = self._texts
        if held is not pub:  # only the regulation being rendered is kept
            self._texts = (pub, texts := {})
        if text_lang not in texts:
            doc = pub.contexts[text_lang]
            made = self.render("text.html.j2", doc=doc, names=views.element_names(pub.model, doc))
            texts[text_lang] = _Text(made)
        return texts[text_lang]

    def _files(
        self, lang: str, root: str, downloads: dict[str, dict[str, str]], sizes: dict[str, str]
    ) -> list[dict]:
        """The downloads, the page's language first: link, format, language and size."""
        files = []
        for file_lang in ([lang] if lang in downloads else []) + [
            x for x in downloads if x != lang
        ]:
            for fmt in ("docx", "pdf"):
                if fmt in downloads[file_lang]:
                    rel = downloads[file_lang][fmt]
                    size = sizes.get(rel) or size_text(self.out / rel)
                    unit = self.labels[lang]["site"]["kilobytes"]
                    files.append(
                        {
                            "href": root + downloads[file_lang][fmt],
                            "label": self.labels[lang]["site"][fmt],
                            "lang": file_lang,
                            "language": self._language_name(file_lang),
                            "size": f"{size}\u00a0{unit}",  # "12 КБ", on one line
                        }
                    )
        return files

    def _comparisons(
        self, lang: str, text_lang: str, root: str, comparisons: dict[str, list[dict]]
    ) -> list[dict]:
        """The links to the comparisons in the page's language, else in the text's (a Kazakh-only
        regulation's on its Russian page): then their language is marked and said, as a
        download's is."""
        labels = self.labels[lang]
        compare_lang = lang if comparisons.get(lang) else text_lang
        return [
            {
                "href": root + c["rel"],
                "label": labels["site"]["comparison"].format(
                    old=labels["edition_n"].format(n=c["a"]),
                    new=labels["edition_n"].format(n=c["b"]),
                ),
                "lang": compare_lang,
                "language": "" if compare_lang == lang else self._language_name(compare_lang),
            }
            for c in comparisons.get(compare_lang) or []
        ]

    def _language_name(self, lang: str) -> str:
        """A language named in itself ("Қазақша", "Русский")."""
        return str(self.labels[lang]["language_name"]) if lang in self.labels else lang

    @staticmethod
    def _history(pub: Published, labels: dict, lang: str) -> list[dict]:
        """The editions, the latest first: order, date in force, clauses changed, state."""
        L = labels["site"]
        history = []
        for n in sorted(pub.editions, reverse=True):
            ed = pub.editions[n]
            o = ed.event.order
            history.append(
                {
                    "edition": labels["edition_n"].format(n=n),
                    "current": n == pub.n,
                    "order": _noted(labels, ed.event, _order_text(L, o)),
                    "effective": _fixed(
                        labels,
                        views.date(o.effective or o.date),
                        "effective" in (ed.event.get("corrected") or {}),
                    ),
                    "clauses": ed.clauses.shown(L["whole_text"], labels["form"]["removed"]),
                    "reason": (ed.reason(lang), ed.reason_lang(lang)),
                    "state": L["edition_state"].get(ed.state, ed.state),
                    "signed": _labels.signed(labels, published.signed(ed.event)),
                }
            )
        return history

    @staticmethod
    def _reviews(pub: Published, labels: dict, lang: str) -> list[dict]:
        """The reviews, each reviewer in the page's language as the review captured it."""
        return [
            {
                "date": _fixed(labels, views.date(r.date), "date" in r.corrected),
                "reviewer": reviewer,
                "lang": reviewer_lang,
                "result": _fixed(labels, r.result, "remarks" in r.corrected),
                "signed": _labels.signed(labels, r.signed),
            }
            for r in pub.records.reviews
            for reviewer, reviewer_lang in [spelled(r.reviewer, lang)]
        ]

    def _names_in(self, lang: str) -> views.Names:
        """``views.names`` of the registry in ``lang``, kept while the registry is the same."""
        registry = self._registry()
        kept = self._names.get(lang)
        if kept is None or kept[0] is not registry:
            kept = self._names[lang] = (registry, views.names(registry, lang))
        return kept[1]

    def _meta(self, pub: Published, lang: str, text_lang: str) -> list[tuple[str, str, str]]:
        """The facts above the text: (label, value, the value's language)."""
        labels = self.labels[lang]
        L = labels["site"]
        rd = pub.contexts[text_lang]
        order = pub.status.in_force_order
        assert order is not None  # published: an edition is in force
        model = pub.model
        units, positions = _as_recorded(rd, model.unit, lang, *self._names_in(lang))
        unit, unit_lang = units.get(model.unit, (rd.unit, text_lang))
        meta = [
            (L["meta"]["kind"], labels["kind"][rd.kind], lang),
            (L["meta"]["code"], rd.code, text_lang),
            (L["meta"]["unit"], unit, unit_lang),
        ]
        if model.position:
            position, position_lang = positions.get(model.position, (rd.position, text_lang))
            meta.append((L["meta"]["position"], position, position_lang))
        approving, approving_lang = positions.get(
            rd.approving.position_id, (rd.approving.position, text_lang)
        )
        meta += [
            (L["meta"]["edition"], labels["edition_n"].format(n=pub.n), lang),
            (L["meta"]["order"], _order_text(L, order), lang),
            (L["meta"]["effective"], views.date(order.effective or order.date), lang),
            (L["meta"]["approved_by"], approving, approving_lang),
            (L["meta"]["review_due"], views.date(pub.status.review_due), lang),
        ]
        return meta

    def compare(self, pub: Published, lang: str, a: int, b: int, section: str) -> str:
        rel = views.compare_path(lang, pub.id, a, b)
        labels = self.labels[lang]
        to = views.other(lang)
        switch = (
            views.compare_path(to, pub.id, a, b)
            if to in pub.contexts and to in pub.editions[a].document.model.languages
            else views.regulation_path(to, pub.id)
        )
        rd = pub.contexts[lang]
        editions = [labels["edition_n"].format(n=n) for n in (a, b)]
        heading = labels["site"]["comparison"].format(old=editions[0], new=editions[1])
        title = f"{labels['diff']['table_title']}: {rd.code} · {heading}"
        page = views.chrome(rel, lang, self.labels, switch, title)
        return self.render(
            "compare.html.j2",
            page=page,
            doc=rd,
            heading=views.kept_whole(heading, editions),
            section=section,
            back=page["root"] + views.regulation_path(lang, pub.id),
            table_title=labels["diff"]["table_title"],
        )

    def index(self, lang: str, summaries: list[dict]) -> str:
        rel = views.index_path(lang)
        page = views.chrome(
            rel,
            lang,
            self.labels,
            views.index_path(views.other(lang)),
            self.labels[lang]["site"]["title"],
        )
        groups = views.index_groups(summaries, self._registry(), lang, self.labels)
        org = self._registry().organisation.name
        return self.render(
            "index.html.j2",
            page=page,
            groups=groups,
            count=len(summaries),
            organisation=org.get(lang) or next(iter(org.values())),
        )

    def search(self, lang: str) -> str:
        rel = views.search_path(lang)
        page = views.chrome(
            rel,
            lang,
            self.labels,
            views.search_path(views.other(lang)),
            self.labels[lang]["site"]["search_title"],
        )
        return self.render(
            "search.html.j2", page=page, index=page["root"] + views.index_json_path(lang)
        )


def not_found(pages: Pages, root: str = views.SERVED_AT) -> str:
    """The page a missing address is answered with (views.NOT_FOUND): what happened, in both
    languages, each leading to its index; its links from ``root``, the path the site is served
    at ("/", "/regulations/")."""
    lang, labels = views.LANGS[0], pages.labels
    switch = views.index_path(views.other(lang))
    said = [(x, labels[x]["site"], root + views.index_path(x)) for x in views.LANGS]
    title = " / ".join(L["not_found"] for _, L, _ in said)
    page = views.chrome(views.NOT_FOUND, lang, labels, switch, title, root=root)
    return pages.render("not_found.html.j2", page=page, said=said)


def _as_recorded(
    rd: RenderDoc, unit_id: str, lang: str, units: dict, positions: dict
) -> tuple[dict, dict]:
    """The registry's names in ``lang`` (``views.names``), those the journal recorded with the
    edition's approval put first: a later change of the registry does not rename the approving
    official, the unit or the position of an approved edition on its page."""
    positions = dict(positions)
    for pid, captured in rd.records.positions.items():
        title = (captured.get("title") or {}).get(lang)
        if isinstance(title, str) and title:
            positions[pid] = (title, lang)
    unit = (rd.records.unit or {}).get(lang)
    return ({**units, unit_id: (unit, lang)} if unit else units), positions
