"""``dlo site build``: the static intranet site of the regulations in force.

Order of work, so that a reader of the folder never follows a link to a file not yet written and
an interrupted build is simply done again: a group of regulations at a time, downloads (DOCX,
then their PDFs, made by LibreOffice while the next group is rendered), comparisons, regulation
pages; then search indexes, index pages, static files; then the files of the previous build that
are no longer produced are deleted and the manifest is written.
Every file is written atomically, and only when its bytes change.
"""

from __future__ import annotations

import functools
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .. import inputs, interrupts, load
from .. import labels as _labels
from ..errors import DloError, Location, Problem, UsageError, error, warning
from ..fsio import confine
from ..i18n import Msg
from ..project import Loaded, Project
from ..render import soffice
from . import stamps, views
from .leftovers import finished, private_leftovers, swept
from .manifest import FOLDER, Manifest, code_version, digest, tree_digest
from .pages import Pages
from .publish import STATIC, Publishing
from .stamps import unreadable
from .views import LANGS
from .writer import Report, Writer, building, make_site_folder

if TYPE_CHECKING:  # the model is loaded only when a regulation is to be rendered
    from ..model import Registry

DEFAULT_OUT = "public"


def _registry(project: Project) -> Registry:
    loaded = Loaded()
    project.load_registry(loaded)
    if loaded.errors or loaded.registry is None:
        raise DloError(loaded.errors)
    return loaded.registry


def _static(project: Project, name: str) -> bytes:
    """The site's static file ``name``: the project's own (read as every project file is: a
    symbolic link out of the project is refused, DLO009), else the bundled one."""
    path = _labels.template_file(project.templates, f"site/static/{name}")
    own = path.is_relative_to(project.templates)
    root = project.root if own else _labels.BUNDLED
    data, refused = load.read_raw(path, project.display(path) if own else str(path), root=root)
    if data is None:
        raise DloError(refused)
    return data


class _Site(Publishing):
    def __init__(
        self,
        project: Project,
        out: Path,
        pdf: bool,
        progress: Callable[[str], None] | None,
        served_at: str | None = None,
        counted: Callable[[int], Callable[[int], None]] | None = None,
    ) -> None:
        self.project, self.out, self.served_at = project, out, served_at
        self.progress = progress or (lambda message: None)
        self.counted, self.advance = counted, lambda n: None  # (the bar of those rendered)
        self.templates = project.templates
        # read back from the user's cache as a render reads them: a build does not parse them
        self.labels = {lang: _labels.labels(lang, self.templates, kept=True) for lang in LANGS}
        self.pages = Pages(self.labels, self.templates, out, lambda: self.registry)
        registry_bytes, refused = project.read_raw(project.registry_path)
        if registry_bytes is None:
            raise DloError(refused)
        # each file the project's own templates hold, else the bundled one
        self.static_files = {n: _static(project, n) for n in STATIC}
        dirs = list(_labels.template_dirs(self.templates))
        self.base = digest(
            code_version(),
            tree_digest(dirs, linked=True),
            registry_bytes,
            stamps.certificates(project),
        )
        self.report = Report(out)
        self.folders_inside: dict[Path, bool] = {}  # ``_cached``'s folders, checked once
        self.pdf_failed, self.pdf_total, self.later = {}, 0, []
        self.want_pdf = pdf
        self.pdf = pdf and soffice.available()
        self.report.pdf = self.pdf
        if pdf and not self.pdf:
            self.warn(
                Location("soffice"),
                "DLO801",
                Msg(
                    "LibreOffice (soffice) is not installed: no PDF download is made (those "
                    "published before stay while their editions are unchanged)"
                ),
                Msg("install it: {command}", command=soffice.INSTALL),
            )

    @functools.cached_property
    def registry(self) -> Registry:
        """The validated registry: loaded only when something is to be rendered."""
        return _registry(self.project)

    def warn(self, where: Location, code: str, message: str, hint: str | None = None) -> None:
        self.report.problems.append(warning(where, code, message, hint))

    # -- the whole build ---------------------------------------------------------------------
    def run(self) -> Report:
        Manifest.guard(self.out)
        make_site_folder(self.out)
        with building(self.out):
            Manifest.guard(self.out)  # again, under the lock
            walked = swept(self.out)  # what an interrupted build left half-written
            private_leftovers(self.out / FOLDER)
            self.manifest = Manifest(self.out)
            self.manifest.claim()
            self.manifest.served_at = self._served_at()
            self.report.served_at = self.manifest.served_at
            self.w = Writer(self.out, self.manifest, self.report)
            kept, pending, self.inputs = self.regulations()
            if self.counted is not None and pending:
                self.advance = self.counted(len(pending))
            try:
                changed = self.render_pending(pending, kept)
                keys = sorted((reg_id, entry["key"]) for reg_id, entry in kept.items())
                keys += sorted(changed)
                self.manifest.site = digest(
                    self.base,
                    self.pdf,
                    keys,
                    views.build_day().isoformat(),
                    self.manifest.served_at,
                )
                if not changed and self.indexes_fresh():
                    self.report.published = sorted(kept)  # nothing to render, nothing to index
                    self._drain()
                else:
                    self.publish(kept)
                self._remove_stale()
                was, now = self.manifest.old["regulations"], self.manifest.regulations
                self.report.unpublished = [
                    i for i in self.report.failed if i in was and i not in now
                ]
                self.report.pdfs = sum(rel.endswith(".pdf") for rel in self.manifest.outputs)
                self.w.settle()  # what the manifest records is on the disk before it is
            except BaseException:
                with interrupts.holding():  # (pressed again: raised once this is done)
                    self.abandon()
                    self.manifest.save_unfinished()
                raise
            self.manifest.save()
            if walked is not None:
                finished(self.out, walked)
        return self.report

    def _served_at(self) -> str:
        """The path the site is served at: the one given, else the one the previous build
        recorded (the folder is served where it was), else "/"."""
        if self.served_at is not None:
            return self.served_at
        old = self.manifest.old.get("served_at")
        return (isinstance(old, str) and views.served_at(old)) or views.SERVED_AT

    def regulations(
        self,
    ) -> tuple[dict[str, dict], list[tuple[str, str]], dict[str, dict]]:
        """The regulations whose previous outputs stand (id -> manifest entry), and the ones to
        render (each id with its key). A regulation's key is the hash of what its pages are
        made of (code, templates, registry, journal, frozen editions): unchanged, it is not
        loaded. Third: what the manifest keeps of each one to render's files (``_key``: their
        stamp, fingerprint and the journal's effective dates)."""
        kept: dict[str, dict] = {}
        pending: list[tuple[str, str]] = []
        facts: dict[str, dict] = {}
        for reg_id in self.project.ids():
            if (page := views.taken_by_site(reg_id)) is not None:
                self._failed(reg_id, [_taken(self.project, reg_id, page)], kept)
                continue
            missing = self.project.missing(reg_id)
            if missing is not None:  # an error; its edition in force stays published
                self._failed(reg_id, [missing], kept)
                continue
            files = stamps.inputs_of(self.project, reg_id)
            if files is None:
                continue
            stamp = stamps.plain_stamp(files, self.project.root)
            unusable = unreadable(self.project, reg_id, files) if stamp is None else []
            if unusable:  # its edition in force, if any, stays published
                self._failed(reg_id, unusable, kept)
                continue
            key_facts = self._key(reg_id, files, stamp)
            if key_facts is None:  # replaced while read: as unreadable
                self._failed(reg_id, unreadable(self.project, reg_id, files), kept)
                continue
            key, inputs_facts = key_facts
            entry = self.manifest.regulation(reg_id, key)
            if entry is not None and self._cached(entry):
                entry = dict(entry, **inputs_facts)
                self.manifest.keep_regulation(reg_id, entry)
                self.report.unchanged += len(entry["outputs"])
                kept[reg_id] = entry
                continue
            pending.append((reg_id, key))
            facts[reg_id] = inputs_facts
        return kept, pending, facts

    def _key(
        self, reg_id: str, files: list[Path], stamp: list[list] | None
    ) -> tuple[str, dict] | None:
        """The key of a regulation's pages, and what the manifest keeps of its files: their
        stamp (``stamp``, when the caller took it), their fingerprint and the journal's
        effective dates, read again only when the stamp changed."""
        root = self.project.root
        try:
            stamp = stamp if stamp is not None else stamps.stamp(files)
            old = self.manifest.old["regulations"].get(reg_id) or {}
            dates = stamps.known_dates(old.get("effective"))
            if old.get("stamp") == stamp and old.get("fingerprint") and dates is not None:
                fingerprint = old["fingerprint"]
            else:
                fingerprint, dates = stamps.facts(files, root)
            key = digest(self.base, reg_id, fingerprint, self.pdf, stamps.passed(dates))
        except (OSError, inputs.InputRefused):
            return None
        return key, {"stamp": stamp, "fingerprint": fingerprint, "effective": dates}

    def index_outputs(self) -> list[str]:
        rels = [f"static/{name}" for name in STATIC] + [views.NOT_FOUND]
        for lang in LANGS:
            rels += [views.index_json_path(lang), views.search_path(lang), views.index_path(lang)]
        return rels

    def indexes_fresh(self) -> bool:
        """The index pages, search indexes and static files of the previous build stand: made
        from the same regulations, templates and code (``manifest.site``), and intact."""
        rels = self.index_outputs()
        old = self.manifest.old["outputs"]
        if self.manifest.old.get("site") != self.manifest.site:
            return False
        if not all(rel in old and self.manifest.fresh(rel, old[rel]["key"]) for rel in rels):
            return False
        for rel in rels:
            self.manifest.keep(rel)
        self.report.unchanged += len(rels)
        return True

    def _keep_previous(self, reg_id: str) -> dict | None:
        """Leave the pages of a regulation that cannot be published this time as the previous
        build made them (when they are intact); it is built again by the next build."""
        entry = self.manifest.old["regulations"].get(reg_id)
        if not entry or self.manifest.regulation(reg_id, entry.get("key")) is None:
            return None
        if not self._cached(entry):
            return None
        entry = {**entry, "key": None}
        self.manifest.keep_regulation(reg_id, entry)
        self.report.unchanged += len(entry["outputs"])
        return entry

    def _cached(self, entry: dict) -> bool:
        """The cache file of a manifest entry is there, inside the site folder: a regular file
        (not a link) in a folder reached through no link (each folder checked once a build)."""
        path = self.out / entry["cache"]  # a manifest entry is a plain path inside (Manifest)
        inside = self.folders_inside.get(path.parent)
        if inside is None:
            inside = self.folders_inside[path.parent] = self._inside(path.parent)
        try:
            return inside and stat.S_ISREG(os.lstat(path).st_mode)
        except OSError:
            return False

    def _cache(self, entry: dict) -> dict | None:
        """What the index needs of a regulation, as the previous build left it (read inside the
        site folder only, bounded): its summary (its search entries are read from the same file
        when the search indexes are written); None when it is damaged."""
        try:
            raw = inputs.read_bytes(
                self.out / entry["cache"], limit=inputs.MAX_YAML_BYTES, root=self.out
            )
            cache = json.loads(raw.decode("utf-8"))
            cache["summary"], cache["entries"]  # noqa: B018 - both must be there
        except (OSError, ValueError, KeyError, TypeError, inputs.InputRefused, RecursionError):
            return None
        return cache["summary"]

    def _failed(self, reg_id: str, problems: list[Problem], kept: dict[str, dict]) -> None:
        """A regulation that cannot be published this time: its errors reported, its previous
        pages (when intact) kept; counted as done."""
        self.report.problems += problems
        self.report.failed.append(reg_id)
        self.advance(1)
        previous = self._keep_previous(reg_id)
        if previous is not None:
            kept[reg_id] = previous

    def _remove_stale(self) -> None:
        """The files of the previous build that this one did not write: pages first, so that
        a build stopped meanwhile leaves no page linking to a download already removed."""
        for rel in sorted(self.manifest.stale(), key=lambda rel: not rel.endswith(".html")):
            path = self.out / rel  # a manifest entry is a plain path inside (Manifest)
            if not path.is_symlink() and path.is_file() and self._inside(path):
                path.unlink()
                self.report.removed.append(rel)
                self._prune(path.parent)

    def _inside(self, path: Path) -> bool:
        """No folder between the site folder and ``path`` is a symbolic link."""
        try:
            confine(path, self.out)
        except UsageError:
            return False
        return True

    def _prune(self, folder: Path) -> None:
        while folder != self.out and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent

    # -- downloads ---------------------------------------------------------------------------


def build(
    project: Project,
    out: Path | str | None = None,
    *,
    pdf: bool = True,
    progress: Callable[[str], None] | None = None,
    served_at: str | None = None,
    counted: Callable[[int], Callable[[int], None]] | None = None,
) -> Report:
    """Build the site of ``project`` into ``out`` (default ``<project>/public``): only the
    editions in force, as the workflow says; unchanged regulations are not rendered again.
    ``served_at``: the path the web server serves ``out`` at ("/regulations/"), where the links
    of the page of a missing address start (None: the one the previous build was given, else
    "/"); a path that is not one is a UsageError. ``counted(n)``, when given, is told how many
    regulations are to be rendered and returns what is told as each ``n`` of them is published.
    Raises DloError when the registry is invalid. A regulation whose journal is damaged or whose
    frozen edition differs from what was approved is not published (its pages stay as the
    previous build made them; its errors and id are in the report) and the others are;
    LibreOffice missing or failing costs the PDFs only (warnings in the report)."""
    out = project.output(out, DEFAULT_OUT)
    if (
        out == project.root
        or out in project.root.parents
        or out == project.regulations
        or project.regulations in out.parents
        or out == project.templates
        or project.templates in out.parents
    ):
        raise UsageError(
            Msg("{out} would overwrite the project's own files", out=out),
            Msg("use a folder of its own, e.g. {folder}/", folder=DEFAULT_OUT),
        )
    served = None if served_at is None else _served_at(served_at)
    with project.reading_snapshots():  # what was validated before is read back as it was kept
        return _Site(project, out, pdf, progress, served, counted).run()


def _served_at(given: str) -> str:
    """``given`` as the path the site is served at (``views.served_at``), or a usage error."""
    served = views.served_at(given)
    if served is None:
        raise UsageError(
            Msg("--url-path {path} is not a path the site can be served at", path=repr(given)),
            Msg(
                "give the path of the site's address from the web server's root, e.g. "
                "/regulations/: letters, digits, '-', '_', '.', '~', no part starting with a dot"
            ),
        )
    return served


def _taken(project: Project, reg_id: str, page: str) -> Problem:
    """The error of a regulation whose pages' folder would be the site's own page ``page``."""
    return error(
        Location(project.display(project.folder(reg_id))),
        "DLO811",
        Msg(
            "{reg_id} is not published: its pages' folder would be {page}, a page of the site's "
            "own",
            reg_id=reg_id,
            page=page,
        ),
        Msg("a regulation's id names no page of the site: give it another id (dlo new)"),
    )
