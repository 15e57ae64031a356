"""Rendering the regulations that changed, a group at a time, and the index pages and search
indexes of everything: a part of the site's build (``build._Site`` mixes it in), kept apart so
each file holds one job.

Memory stays bounded however large the corpus: a regulation is loaded, rendered and written, and
only what the index pages need of it is kept: its summary. Its search entries are in its cache
file (.dlo-site/cache/), read back one regulation at a time as each search index is streamed to
a file. Its
downloads are made with those of the rest of its group (``GROUP`` regulations, so LibreOffice's
batches stay full), before its pages link to them.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import inputs, pool
from ..errors import DloError, Location, Problem, UsageError
from ..i18n import Msg
from ..model import Registry
from ..render import pdf as pdf_render
from . import search, views
from .collect import LANGS, Published, collect, slim
from .manifest import FOLDER, Manifest
from .outputs import Conversion, Found, Outputs
from .pages import summary
from .writer import Report

STATIC = ("site.css", "search.js")


def group_size() -> int:
    """Regulations rendered together: enough for every LibreOffice run to convert full batches."""
    return pdf_render.BATCH * pool.default_jobs()


def first_group_size() -> int:
    """The first group's: a quarter of the others, so LibreOffice starts early (the cores it
    takes would otherwise idle while this process renders a whole group)."""
    return max(1, group_size() // 4)


class Publishing(Outputs):
    """What ``build._Site`` provides besides ``Outputs``: the registry, the report, the
    manifest's entries of the changed regulations' inputs, and failures."""

    report: Report
    manifest: Manifest
    inputs: dict[str, dict]
    static_dir: Path

    @property
    def registry(self) -> Registry:
        raise NotImplementedError

    def _failed(self, reg_id: str, problems: list[Problem], kept: dict[str, dict]) -> None:
        raise NotImplementedError

    def _cache(self, entry: dict) -> dict | None:
        raise NotImplementedError

    # -- the changed regulations, streamed ----------------------------------------------------
    def render_pending(
        self, pending: list[tuple[str, str]], kept: dict[str, dict]
    ) -> list[tuple[str, str]]:
        """Load, render and write each regulation of ``pending`` (id, key), in order; one that
        cannot be published is reported (its previous pages, if intact, join ``kept``). Returns
        the (id, key) of those rendered."""
        self.summaries: dict[str, dict] = {}
        self.entries: dict[str, dict[str, list]] = {}  # of the regulations of the group
        self.caches: dict[str, str] = {}  # id -> its cache file (summary, search entries)
        self.rebuilt: list[str] = []
        self.group: list[tuple[Published, str]] = []
        self.started: _Group | None = None  # the group whose PDFs are being made
        self.flushed = False  # a group was started: the next are full-sized
        self.unreadable: set[str] = set()  # ids whose search entries could not be read back
        rendered = []
        for reg_id, key in pending:
            self.progress(Msg("loading {id}", id=reg_id))
            try:
                pub = collect(self.project, reg_id, self.registry)
            except UsageError:
                raise
            except DloError as exc:  # this regulation only: the others are published
                self._failed(reg_id, exc.problems, kept)
                continue
            finally:  # what it is published from is in ``pub``; the rest is not needed again
                self.project.forget(self.project.folder(reg_id))
            if pub is None:
                continue
            self.report.problems += pub.problems
            self._queue(pub, key)
            rendered.append((reg_id, key))
        self._flush()
        return rendered

    def _queue(self, pub: Published, key: str) -> None:
        """``pub`` summarised for the index and the search, and rendered with its group."""
        self.summaries[pub.id] = summary(pub)
        self.entries[pub.id] = {lang: search.entries(rd) for lang, rd in pub.contexts.items()}
        for edition in pub.editions.values():  # held until its PDFs are made: its text only
            edition.document = slim(edition.document)
        self.rebuilt.append(pub.id)
        self.group.append((pub, key))
        if len(self.group) >= (group_size() if self.flushed else first_group_size()):
            self._flush()

    def _flush(self) -> None:
        """Render the group's DOCX and comparisons and start its PDFs; then finish the group
        before it (whose PDFs were made meanwhile): its pages, cache and manifest entries. So
        LibreOffice converts one group while this process renders the next."""
        started = self._start_group(self.group) if self.group else None
        self.group = []
        self.flushed = True
        try:
            self._drain()
        finally:  # even when finishing the group before failed: ``abandon`` ends this one
            self.started = started

    def _drain(self) -> None:
        """Finish the group whose PDFs are being made, if any (waiting for them)."""
        started, self.started = self.started, None
        if started is not None:
            self._finish_group(started)

    def abandon(self) -> None:
        """The build failed or was interrupted: the PDFs being made, if any, are stopped (their
        LibreOffice runs ended) and removed unused."""
        started, self.started = getattr(self, "started", None), None  # (before any rendering)
        if started is not None:
            started.conversion.close(cancel=True)

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
        for name in STATIC:
            self.w.put(f"static/{name}", (self.static_dir / name).read_bytes())

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
            pub = collect(self.project, reg_id, self.registry)
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

    def _start_group(self, changed: list[tuple[Published, str]]) -> _Group:
        """The group's DOCX and comparisons written (what its comparisons parsed again of its
        files then dropped), its PDFs started: each LibreOffice run as soon as a core is free
        of those of the group before (``outputs._libreoffice_runs``)."""
        group = _Group(changed, {pub.id: [] for pub, _ in changed})
        group.complete = {pub.id: True for pub, _ in changed}
        group.found, to_pdf = self.downloads([pub for pub, _ in changed], group.outputs)
        for pub, _ in changed:
            self.progress(Msg("rendering {id}", id=pub.id))
            group.comparisons[pub.id] = self.comparisons(pub, group.outputs[pub.id], group.complete)
            self.project.forget(self.project.folder(pub.id))
        group.conversion = self.start_pdfs(to_pdf)
        return group

    def _finish_group(self, group: _Group) -> None:
        """Pages, cache and manifest entry of each regulation of a group, once its PDFs are
        made (a page links only to files already written), recorded in the manifest (without
        its key when something is to be tried again)."""
        self.finish_pdfs(group.conversion, group.found, group.outputs, group.complete)
        for pub, key in group.changed:
            outputs = group.outputs[pub.id]
            for lang in LANGS:
                rel = views.regulation_path(lang, pub.id)
                page = self.pages.regulation(
                    pub, lang, group.found[pub.id], group.comparisons[pub.id]
                )
                self.w.put(rel, page.encode("utf-8"))
                outputs.append(rel)
            cache_rel = f"{FOLDER}/cache/{pub.id}.json"
            cache = {"summary": self.summaries[pub.id], "entries": self.entries.pop(pub.id)}
            self.w.put(cache_rel, json.dumps(cache, ensure_ascii=False).encode("utf-8"))
            self.caches[pub.id] = cache_rel
            outputs.append(cache_rel)
            self.manifest.regulations[pub.id] = {
                "key": key if group.complete[pub.id] else None,
                "outputs": outputs,
                "cache": cache_rel,
                **self.inputs.get(pub.id, {}),
            }


@dataclass
class _Group:
    """A group of regulations between its start (DOCX and comparisons written, PDFs started)
    and its finish (PDFs written, pages, cache and manifest entries)."""

    changed: list[tuple[Published, str]]
    outputs: dict[str, list[str]]
    complete: dict[str, bool] = field(default_factory=dict)
    found: Found = field(default_factory=dict)
    comparisons: dict[str, dict[str, list[dict]]] = field(default_factory=dict)
    conversion: Conversion = field(default_factory=lambda: Conversion({}))
