"""Rendering the regulations that changed, a group at a time, and the index pages and search
indexes of everything: a part of the site's build (``build._Site`` mixes it in), kept apart so
each file holds one job.

Memory stays bounded however large the corpus: a regulation is loaded and rendered at once (its
DOCX and comparisons written, its pages and cache file made and held compressed in a private
file: ``held``), then dropped; only what the index pages need of it is kept: its summary. Its
search entries are in its cache file (.dlo-site/cache/), read back one regulation at a time as
each search index is streamed to a file. Its PDFs are made with those of the rest of its group
(``group_size`` regulations, so LibreOffice's batches stay full), before its pages, written then,
link to them (one whose PDF is not made is read again then, to render its pages without it).
"""

from __future__ import annotations

import json
import secrets
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .. import inputs, interrupts, lazy, memory, pool
from ..errors import DloError, Location, Problem, UsageError
from ..i18n import Msg
from . import search, views
from .held import Group, Held, Ready
from .manifest import FOLDER, Manifest
from .outputs import Found, Outputs
from .pages import not_found, size_text, summary
from .views import LANGS
from .writer import Report

if TYPE_CHECKING:
    from ..model import Registry
    from ..render import pdf as pdf_render
    from . import collect as published
    from .collect import Published
else:  # the workflow, the model, the renderers: imported when a regulation is to be rendered
    pdf_render = lazy.module("dlo_docs.render.pdf")
    published = lazy.module("dlo_docs.site.collect")

STATIC = ("site.css", "search.js", "favicon.svg")


def group_size() -> int:
    """Regulations rendered together: enough for every LibreOffice run to convert full batches."""
    return pdf_render.BATCH * pool.default_jobs()


def first_group_size() -> int:
    """The first group's: an eighth of a full one, so LibreOffice starts early (the cores it
    takes would otherwise idle while this process renders a whole group)."""
    return max(1, group_size() // 8)


def group_limit(started: int) -> int:
    """The size of the group after ``started`` groups: the first's, doubled each group until
    full. A regulation takes about four times as long to convert as to render, so while one
    group's PDFs are made (two runs side by side) this process renders the next, twice as large,
    and LibreOffice never waits for it (at 1,000 regulations: 53.0 against 53.6 s)."""
    return min(group_size(), first_group_size() << min(started, 30))


class Publishing(Outputs):
    """What ``build._Site`` provides besides ``Outputs``: the registry, the report, the
    manifest's entries of the changed regulations' inputs, and failures."""

    report: Report
    manifest: Manifest
    inputs: dict[str, dict]
    static_files: dict[str, bytes]  # by name (``STATIC``)

    @property
    def registry(self) -> Registry:
        raise NotImplementedError

    def _failed(self, reg_id: str, problems: list[Problem], kept: dict[str, dict]) -> None:
        raise NotImplementedError

    def _cache(self, entry: dict) -> dict | None:
        raise NotImplementedError

    def _keep_previous(self, reg_id: str) -> dict | None:
        raise NotImplementedError

    def _inside(self, path: Path) -> bool:
        raise NotImplementedError

    def _prune(self, folder: Path) -> None:
        raise NotImplementedError

    def render_pending(  # the changed regulations, streamed
        self, pending: list[tuple[str, str]], kept: dict[str, dict]
    ) -> list[tuple[str, str]]:
        """Load, render and write each regulation of ``pending`` (id, key), in order; one that
        cannot be published is reported (its previous pages, if intact, join ``kept``). Returns
        the (id, key) of those rendered."""
        self.summaries: dict[str, dict] = {}
        self.caches: dict[str, str] = {}  # id -> its cache file (summary, search entries)
        self.rebuilt: list[str] = []
        self.group: list[Ready] = []
        self.nonce = secrets.token_hex(8)  # in the tokens standing for sizes not known yet
        self.started: Group | None = None  # the group whose PDFs are being made
        self.starting: Group | None = None  # the next one, started while ``started`` ends
        self.groups_started = 0  # each group twice the one before, up to ``group_size``
        self.unreadable: set[str] = set()  # ids whose search entries could not be read back
        self.held: Held | None = None  # what the group being rendered holds (``held``)
        rendered = []
        for reg_id, key in pending:
            self.progress(Msg("loading {id}", id=reg_id))
            try:
                pub = published.collect(self.project, reg_id, self.registry)
            except UsageError:
                raise
            except DloError as exc:  # this regulation only: the others are published
                self._failed(reg_id, exc.problems, kept)
                continue
            finally:  # what it is published from is in ``pub``; the rest is not needed again
                self.project.forget(self.project.folder(reg_id))
            if pub is None:  # none in force to publish
                self.advance(1)
                continue
            self.report.problems += pub.problems
            self._queue(pub, key)
            rendered.append((reg_id, key))
        self._flush()
        return rendered

    def _queue(self, pub: Published, key: str) -> None:
        """``pub`` rendered at once (``_ready``): its group holds what is left to write once
        its PDFs are made, not the regulation."""
        self.summaries[pub.id] = summary(pub)
        self.rebuilt.append(pub.id)
        self.group.append(self._ready(pub, key))
        if len(self.group) >= group_limit(self.groups_started):
            self._flush()

    def _ready(self, pub: Published, key: str) -> Ready:
        """Its DOCX and comparisons written; its pages and cache file made, to be written once
        its PDFs are: each page as it will be (a PDF's size, not known yet, stands as a token
        of this build's, replaced then)."""
        outputs: list[str] = []
        complete = {pub.id: True}
        found, jobs = self.downloads([pub], {pub.id: outputs})
        self.progress(Msg("rendering {id}", id=pub.id))
        comparisons = self.comparisons(pub, outputs, complete)
        self.project.forget(self.project.folder(pub.id))
        made = {lang: dict(formats) for lang, formats in found[pub.id].items()}
        tokens: dict[str, str] = {}
        for _, lang, _, _, pdf_rel in jobs.values():
            made[lang]["pdf"] = pdf_rel
            tokens[pdf_rel] = f"dlo-size-{self.nonce}-{len(tokens)}"
        if self.held is None:
            self.held = Held(self.out / FOLDER)
        held, pages = self.held, {}
        for lang in LANGS:
            rel = views.regulation_path(lang, pub.id)
            pages[rel] = held.put(self.pages.regulation(pub, lang, made, comparisons, tokens))
        return Ready(
            pub.id,
            key,
            outputs,
            found,
            jobs,
            tokens,
            pages,
            comparisons,
            (pub.n, pub.edition.content_hash),
            held.put(self._cache_text(pub)),
            complete[pub.id],
        )

    def _flush(self) -> None:
        """Start the group's PDFs; then finish the group
        before it (whose PDFs were made meanwhile): its pages, cache and manifest entries. So
        LibreOffice converts one group while this process renders the next."""
        # an interrupt waits until the group started is in hand (``abandon`` ends it): raised
        # as it started, its LibreOffice runs went on unseen, and the command could never end
        with interrupts.holding():
            self.starting = self._start_group(self.group) if self.group else None
            self.group, self.held = [], None
            self.groups_started += 1
        try:
            self._drain()
        finally:  # even when finishing the group before failed: ``abandon`` ends this one
            self.started, self.starting = self.starting, None

    def _drain(self) -> None:
        """Finish the group whose PDFs are being made, if any (waiting for them)."""
        started, self.started = self.started, None
        if started is not None:
            try:
                self._finish_group(started)
            finally:
                started.held.close()
            memory.trim()  # what the group's rendering freed, given back

    def abandon(self) -> None:
        """The build failed or was interrupted: the PDFs being made, if any, are stopped (their
        LibreOffice runs ended) and removed unused."""
        for attr in ("starting", "started"):
            started = getattr(self, attr, None)  # (none before any rendering)
            setattr(self, attr, None)
            if started is not None:
                started.conversion.close(cancel=True)
                started.held.close()
        held, self.held = getattr(self, "held", None), None
        if held is not None:
            held.close()

    # -- the indexes of everything ----------------------------------------------------------
    def publish(self, kept: dict[str, dict]) -> None:
        """The regulations kept from the previous build (one whose cache is damaged is rendered
        again), then the index pages and the search indexes of everything."""
        for reg_id, entry in kept.items():
            cache = self._cache(entry)
            if cache is not None:
                self.summaries[reg_id], self.caches[reg_id] = cache, entry["cache"]
            else:  # damaged: built again
                self._collect_again(reg_id, entry)
        self._flush()
        self._drain()
        self.report_pdfs()
        self.report.problems += self.later
        self.report.rebuilt = list(self.rebuilt)
        self.report.published = sorted(self.summaries)
        ordered = [self.summaries[i] for i in sorted(self.summaries)]
        for lang in LANGS:
            self._search_index(lang, ordered)
            self.w.put(views.search_path(lang), self.pages.search(lang).encode("utf-8"))
            self.w.put(views.index_path(lang), self.pages.index(lang, ordered).encode("utf-8"))
        page = not_found(self.pages, self.manifest.served_at)
        self.w.put(views.NOT_FOUND, page.encode("utf-8"))
        for name in STATIC:
            self.w.put(f"static/{name}", self.static_files[name])

    def _search_index(self, lang: str, ordered: list[dict]) -> None:
        """The search index in ``lang``, streamed to a private file a regulation at a time (its
        entries read back from its cache), then copied into the site."""
        private = self.out / FOLDER
        with tempfile.NamedTemporaryFile(prefix="search-", suffix=".tmp", dir=private) as tmp:
            for chunk in search.index(lang, ordered, self._entries):
                tmp.write(chunk)
            tmp.flush()
            self.w.put_file(views.index_json_path(lang), Path(tmp.name))

    def _entries(self, summary: dict, text_lang: str) -> list[list[str]]:
        """The search entries in ``text_lang`` of a regulation, from its cache file (written or
        checked by this build, under its lock). One damaged meanwhile gives none: the
        regulation is rendered again, and the indexes written again, by the next build."""
        reg_id = summary["id"]
        try:
            raw = inputs.read_bytes(
                self.out / self.caches[reg_id], limit=inputs.MAX_YAML_BYTES, root=self.out
            )
            found = json.loads(raw.decode("utf-8"))["entries"][text_lang]
            if isinstance(found, list):
                return found
        except (OSError, ValueError, KeyError, TypeError, inputs.InputRefused, RecursionError):
            pass
        if reg_id in self.manifest.regulations:
            self.manifest.regulations[reg_id]["key"] = None
        if reg_id not in self.unreadable:  # said once, not once per language
            self.unreadable.add(reg_id)
            self.warn(
                Location(self.caches[reg_id]),
                "DLO806",
                Msg(
                    "the search entries of {id} could not be read back (its file in the site's cache was changed during the build): it is not found by the search until the next build",
                    id=reg_id,
                ),
                Msg("build the site again: {id} is rendered again", id=reg_id),
            )
        return []

    def _collect_again(self, reg_id: str, entry: dict) -> None:
        """A regulation whose cached summary is damaged: collected again to be rendered, or
        reported as failed."""
        try:
            pub = published.collect(self.project, reg_id, self.registry)
        except UsageError:
            raise
        except DloError as exc:
            self.report.problems += exc.problems
            self.report.failed.append(reg_id)
            return
        finally:
            self.project.forget(self.project.folder(reg_id))
        if pub is not None:
            self.report.problems += pub.problems
            self._queue(pub, entry["key"])

    def _start_group(self, ready: list[Ready]) -> Group:
        """The group's PDFs started: each LibreOffice run as soon as a core is free of those of
        the group before (``outputs._libreoffice_runs``)."""
        jobs = {name: job for r in ready for name, job in r.jobs.items()}
        assert self.held is not None  # what ``ready`` holds
        return Group(ready, self.held, self.start_pdfs(jobs))

    def _finish_group(self, group: Group) -> None:
        """Pages, cache and manifest entry of each regulation of a group, once its PDFs are
        made (a page links only to files already written), recorded in the manifest (without
        its key when something is to be tried again)."""
        found: Found = {}
        outputs = {r.id: r.outputs for r in group.ready}
        complete = {r.id: r.complete for r in group.ready}
        for r in group.ready:
            found.update(r.found)
        self.finish_pdfs(group.conversion, found, outputs, complete)
        for r in group.ready:
            pages = self._pages(r, group.held, outputs[r.id], found[r.id])
            if pages is None:
                continue
            for rel, page in pages.items():
                self.w.put(rel, page)
                r.outputs.append(rel)
            cache_rel = f"{FOLDER}/cache/{r.id}.json"
            self.w.put(cache_rel, group.held.get(r.cache))
            self.caches[r.id] = cache_rel
            r.outputs.append(cache_rel)
            self.manifest.regulations[r.id] = {
                "key": r.key if complete[r.id] else None,
                "outputs": r.outputs,
                "cache": cache_rel,
                **self.inputs.get(r.id, {}),
            }
        self.advance(len(group.ready))

    def _pages(self, r: Ready, held: Held, made: list[str], found: dict) -> dict[str, bytes] | None:
        """The pages of ``r`` (rel -> bytes), each PDF's size in place of its token; when a PDF
        of it was not made (not in ``made``), rendered without it from the regulation read again
        (its downloads ``found`` are of the same edition; its journal may have grown: the next
        build renders it again anyway), or None when it can no longer be published as it was."""
        if all(pdf_rel in made for pdf_rel in r.tokens):
            pages = {rel: held.get(ref) for rel, ref in r.pages.items()}
            for pdf_rel, token in r.tokens.items():
                size = size_text(self.out / pdf_rel).encode()
                pages = {rel: page.replace(token.encode(), size) for rel, page in pages.items()}
            return pages
        problems: list[Problem] = []
        try:
            pub = published.collect(self.project, r.id, self.registry)
            if pub is not None and (pub.n, pub.edition.content_hash) == r.edition:
                self.summaries[r.id] = summary(pub)  # as its pages and search entries say now
                r.cache = held.put(self._cache_text(pub))
                page = self.pages.regulation
                return {
                    views.regulation_path(lang, r.id): page(
                        pub, lang, found, r.comparisons
                    ).encode()
                    for lang in LANGS
                }
        except DloError as exc:  # a usage error too: its folder gone meanwhile
            problems = exc.problems
        finally:
            self.project.forget(self.project.folder(r.id))
        self._unpublished(r, problems)
        return None

    def _cache_text(self, pub: Published) -> str:
        """What the site's cache keeps of ``pub``: its summary and its search entries."""
        entries = {lang: search.entries(rd) for lang, rd in pub.contexts.items()}
        cache = {"summary": self.summaries[pub.id], "entries": entries}
        return json.dumps(cache, ensure_ascii=False)

    def _unpublished(self, r: Ready, problems: list[Problem]) -> None:
        """``r`` cannot be published after all: reported; its previous pages kept if intact
        (else it is left out of the index); what this build wrote of it that they do not list
        (its new downloads, comparisons) removed: nothing links to it."""
        self.report.problems += problems
        if not problems:
            self.warn(
                Location(self.project.display(self.project.folder(r.id))),
                "DLO807",
                Msg(
                    "{id} changed while the site was built: the next build publishes it as it is then",
                    id=r.id,
                ),
                Msg("build the site again"),
            )
        self.report.failed.append(r.id)
        self.rebuilt.remove(r.id)
        previous = self._keep_previous(r.id)
        cache = self._cache(previous) if previous else None
        if previous and cache is not None:
            self.summaries[r.id], self.caches[r.id] = cache, previous["cache"]
        else:  # not listed by the index: its previous pages go too (as stale: see ``run``)
            self.summaries.pop(r.id, None)
            self.manifest.regulations.pop(r.id, None)
            for rel in previous["outputs"] if previous else []:
                self.manifest.outputs.pop(rel, None)
            previous = None
        for rel in set(r.outputs) - set(previous["outputs"] if previous else []):
            self.manifest.outputs.pop(rel, None)
            path = self.out / rel  # written by this build: a plain path inside
            if not path.is_symlink() and path.is_file() and self._inside(path):
                path.unlink()
                self._prune(path.parent)
                if rel in self.manifest.old["outputs"]:  # (a file of the previous build)
                    self.report.removed.append(rel)
