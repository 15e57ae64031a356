"""``dlo site build``: the static intranet site of the regulations in force.

Order of work, so that a reader of the folder never follows a link to a file not yet written and
an interrupted build is simply done again: downloads (DOCX, then every PDF in one LibreOffice
run), comparisons, regulation pages, search indexes, index pages, static files; then the files
of the previous build that are no longer produced are deleted and the manifest is written.
Every file is written atomically, and only when its bytes change.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import comparison as diff_api
from .. import inputs, load, pool, workflow
from .. import labels as _labels
from ..errors import DloError, Location, Problem, UsageError, warning
from ..fsio import atomic_write, confine, default_mode, locked, sweep
from ..model import Registry
from ..project import Loaded, Project
from ..render import docx as docx_render
from ..render import html as html_render
from ..render import pdf as pdf_render
from ..workflow import acknowledgements
from . import search, views
from .collect import LANGS, Published, collect, iso, title_in, unreadable
from .collect import signed as signed_note
from .manifest import FOLDER, Manifest, code_version, digest, tree_digest

DEFAULT_OUT = "public"
STATIC = ("site.css", "search.js")


def _fixed(labels: dict, value: str, corrected: bool) -> str:
    """A value a correction event fixed, marked as the sheets mark it ("(түзетілді)")."""
    return f"{value} ({labels['form']['corrected']})" if corrected and value else value


def _noted(labels: dict, ev: workflow.Event, order: str) -> str:
    """An edition's order in the history: marked when a correction fixed its date, and when the
    edition was approved on paper before the workflow."""
    order = _fixed(labels, order, "date" in (ev.get("corrected") or {}))
    return f"{order}; {labels['form']['paper_short']}" if ev.event == "registered" else order


@dataclass
class Report:
    out: Path
    published: list[str] = field(default_factory=list)  # regulation ids on the site
    rebuilt: list[str] = field(default_factory=list)  # regulations loaded and rendered this time
    written: list[str] = field(default_factory=list)  # files written (new or changed)
    unchanged: int = 0  # files left as they were
    removed: list[str] = field(default_factory=list)  # files of the previous build deleted
    pdf: bool = True  # PDFs were made (False: LibreOffice missing or asked not to)
    problems: list[Problem] = field(default_factory=list)  # warnings, and errors of `failed`
    failed: list[str] = field(default_factory=list)  # regulations that could not be published

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


PRIVATE = 0o600  # the build's own files (.dlo-site/): not for the web server


class _Writer:
    def __init__(self, out: Path, manifest: Manifest, report: Report) -> None:
        self.out, self.manifest, self.report = out, manifest, report
        self.mode = default_mode()

    def put(self, rel: str, data: bytes, key: str | None = None) -> None:
        """Write ``rel`` unless it already holds exactly ``data``; record it in the manifest.
        The build's own files (.dlo-site/) stay private to the user who builds; every file is
        written inside the site folder, never through a symbolic link."""
        path = confine(self.out / rel, self.out)
        mode = PRIVATE if rel.startswith(FOLDER + "/") else self.mode
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            self.report.unchanged += 1
            if path.stat().st_mode & 0o777 != mode:
                path.chmod(mode)
        else:
            atomic_write(path, data, mode, root=self.out)
            self.report.written.append(rel)
        self.manifest.record(rel, key or digest(data), len(data))

    def fresh(self, rel: str, key: str) -> bool:
        if self.manifest.fresh(rel, key):
            self.manifest.keep(rel)
            self.report.unchanged += 1
            return True
        return False


def _registry(project: Project) -> Registry:
    loaded = Loaded()
    project.load_registry(loaded)
    if loaded.errors or loaded.registry is None:
        raise DloError(loaded.errors)
    return loaded.registry


def _inputs(project: Project, reg_id: str) -> list[Path] | None:
    """The files a regulation's publication depends on: its journal and its frozen editions
    (never the working draft). None: neither a journal nor a frozen edition, so nothing of it
    can be in force."""
    journal = workflow.journal_path(project, reg_id)
    folder = workflow.edition_folder(project, reg_id)
    editions = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not editions and not (journal.exists() or journal.is_symlink()):
        return None
    return [journal, *editions]


def _stamp(files: list[Path]) -> list[list]:
    """What the file system says of ``files`` (name, inode, size, modified and changed times):
    a file rewritten or replaced changes its stamp, so an unchanged stamp stands for unchanged
    bytes and they need not be read again."""
    stamps = []
    for path in files:
        st = path.stat()
        stamps.append([path.name, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns])
    return stamps


def _read(path: Path, root: Path) -> bytes:
    return inputs.read_bytes(path, limit=inputs.MAX_YAML_BYTES, root=root)


def _fingerprint(files: list[Path], root: Path) -> str:
    """The hash of the bytes of a regulation's input files."""
    parts = [_read(files[0], root)]
    for path in files[1:]:
        parts += [path.name.encode(), _read(path, root)]
    return digest(*parts)


def _passed(journal: Path, root: Path) -> list[bytes]:
    """The effective dates in the journal that have arrived: an approved edition comes into
    force on its effective date, so the day one passes the regulation is built again."""
    today = workflow.today().isoformat().encode()
    return [d for d in _EFFECTIVE.findall(_read(journal, root)) if d <= today]


_EFFECTIVE = re.compile(rb"effective: '?(\d{4}-\d{2}-\d{2})")


def _readers(pub: Published) -> dict:
    """How many have read the edition in force, of how many (its holders and those who read it)."""
    done = pub.records.acquaintances
    signed = {a.position_id or f"{a.name}|{a.position}".casefold() for a in done}
    expected = acknowledgements.expected(pub.registry, pub.model)
    missing = [r for r in expected if r.key() not in signed]
    return {"acknowledged": len(done), "readers": len(done) + len(missing)}


def _summary(pub: Published) -> dict:
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
        "titles": {lang: title_in(pub, lang)[0] for lang in pub.langs},
        "edition": pub.n,
        "order": {
            "number": order.number,
            "date": iso(order.date),
            "effective": iso(order.effective or order.date),
        },
        "review_due": iso(pub.status.review_due),
        **_readers(pub),
        "approved_by": model.approval.by,
        "approving": rd.approving.position,
    }


class _Site:
    def __init__(
        self, project: Project, out: Path, pdf: bool, progress: Callable[[str], None] | None
    ) -> None:
        self.project, self.out = project, out
        self.progress = progress or (lambda message: None)
        self.templates = project.templates
        self.labels = {lang: _labels.labels(lang, self.templates) for lang in LANGS}
        tpl = _labels.templates_dir(self.templates)
        registry_bytes, refused = load.read_raw(
            project.registry_path, project.display(project.registry_path), root=project.root
        )
        if registry_bytes is None:
            raise DloError(refused)
        self.static_dir = tpl / "site" / "static"
        missing = [
            p
            for p in [
                tpl / "html" / "site" / "base.html.j2",
                *(self.static_dir / n for n in STATIC),
            ]
            if not p.is_file()
        ]
        missing += [
            tpl / "labels" / f"{lang}.yaml (site:)"
            for lang in LANGS
            if "site" not in self.labels[lang]
        ]
        if missing:
            raise UsageError(
                f"the project's templates ({tpl}) lack the site's: {', '.join(map(str, missing))}",
                f"copy templates/html/site/, templates/site/ and the site: labels from {_labels.BUNDLED}",
            )
        self.base = digest(code_version(), tree_digest([tpl]), registry_bytes)
        self.report = Report(out)
        self.want_pdf = pdf
        self.pdf = pdf and pdf_render.available()
        self.report.pdf = self.pdf
        if pdf and not self.pdf:
            self.warn(
                Location("soffice"),
                "DLO801",
                "LibreOffice (soffice) is not installed: the site is built without PDF downloads",
                f"install it: {pdf_render.INSTALL}",
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
        self.out.mkdir(parents=True, exist_ok=True)
        with locked(self.out / FOLDER / "build", root=self.out):
            Manifest.guard(self.out)  # again, under the lock
            sweep(self.out, recursive=True)  # what an interrupted build left half-written
            self.manifest = Manifest(self.out)
            self.manifest.claim()
            self.w = _Writer(self.out, self.manifest, self.report)
            kept, changed, self.inputs = self.regulations()
            keys = sorted((reg_id, entry["key"]) for reg_id, entry in kept.items())
            keys += sorted((pub.id, key) for pub, key in changed)
            self.manifest.site = digest(self.base, self.pdf, keys, dt.date.today().isoformat())
            if not changed and self.indexes_fresh():
                self.report.published = sorted(kept)  # nothing to render, nothing to index
            else:
                self.publish(kept, changed)
            for rel in self.manifest.stale():
                path = self.out / rel  # a manifest entry is a plain path inside (Manifest)
                if not path.is_symlink() and path.is_file() and self._inside(path):
                    path.unlink()
                    self.report.removed.append(rel)
                    self._prune(path.parent)
            self.manifest.save()
        return self.report

    def regulations(
        self,
    ) -> tuple[dict[str, dict], list[tuple[Published, str]], dict[str, dict]]:
        """The regulations whose previous outputs stand (id -> manifest entry), and the ones to
        render (each with its key). A regulation's key is the hash of what its pages are made
        of (code, templates, registry, journal, frozen editions): unchanged, it is not loaded.
        Third: the stamp and fingerprint of each changed one's files, for the manifest."""
        kept: dict[str, dict] = {}
        changed: list[tuple[Published, str, dict]] = []
        for reg_id in self.project.ids():
            missing = self.project.missing(reg_id)
            if missing is not None:  # an error; its edition in force stays published
                self._failed(reg_id, [missing], kept)
                continue
            files = _inputs(self.project, reg_id)
            if files is None:
                continue
            unusable = unreadable(self.project, reg_id, files)
            if unusable:  # its edition in force, if any, stays published
                self._failed(reg_id, unusable, kept)
                continue
            key_facts = self._key(reg_id, files)
            if key_facts is None:  # replaced while read: as unreadable
                self._failed(reg_id, unreadable(self.project, reg_id, files), kept)
                continue
            key, stamp, fingerprint = key_facts
            entry = self.manifest.regulation(reg_id, key)
            if entry is not None and self._cached(entry):
                entry = dict(entry, stamp=stamp, fingerprint=fingerprint)
                self.manifest.keep_regulation(reg_id, entry)
                self.report.unchanged += len(entry["outputs"])
                kept[reg_id] = entry
                continue
            self.progress(f"loading {reg_id}")
            try:
                pub = collect(self.project, reg_id, self.registry)
            except UsageError:
                raise
            except DloError as exc:  # this regulation only: the others are published
                self._failed(reg_id, exc.problems, kept)
                continue
            if pub is None:
                continue
            self.report.problems += pub.problems
            changed.append((pub, key, {"stamp": stamp, "fingerprint": fingerprint}))
        return (
            kept,
            [(pub, key) for pub, key, _ in changed],
            {pub.id: facts for pub, _, facts in changed},
        )

    def _key(self, reg_id: str, files: list[Path]) -> tuple[str, list[list], str] | None:
        """The key of a regulation's pages, the stamp of its files and their fingerprint."""
        root = self.project.root
        try:
            stamp = _stamp(files)
            old = self.manifest.old["regulations"].get(reg_id) or {}
            if old.get("stamp") == stamp and old.get("fingerprint"):
                fingerprint = old["fingerprint"]
            else:
                fingerprint = _fingerprint(files, root)
            key = digest(self.base, reg_id, fingerprint, self.pdf, _passed(files[0], root))
        except (OSError, inputs.InputRefused):
            return None
        return key, stamp, fingerprint

    def index_outputs(self) -> list[str]:
        rels = [f"static/{name}" for name in STATIC]
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

    def publish(self, kept: dict[str, dict], changed: list[tuple[Published, str]]) -> None:
        """Render what changed, then the index pages and the search indexes of everything."""
        summaries: dict[str, dict] = {}
        entries: dict[str, dict[str, list]] = {}
        for reg_id, entry in kept.items():
            cache = self._cache(entry)
            if cache is not None:
                summaries[reg_id], entries[reg_id] = cache["summary"], cache["entries"]
            else:  # damaged: built again
                try:
                    pub = collect(self.project, reg_id, self.registry)
                except UsageError:
                    raise
                except DloError as exc:
                    self.report.problems += exc.problems
                    self.report.failed.append(reg_id)
                    continue
                if pub is not None:
                    self.report.problems += pub.problems
                    changed.append((pub, entry["key"]))
        for pub, _ in changed:
            summaries[pub.id] = _summary(pub)
            entries[pub.id] = {lang: search.entries(rd) for lang, rd in pub.contexts.items()}
        outputs: dict[str, list[str]] = {pub.id: [] for pub, _ in changed}
        complete = {pub.id: True for pub, _ in changed}
        downloads = self.downloads([pub for pub, _ in changed], outputs, complete)
        for pub, key in changed:
            self.progress(f"rendering {pub.id}")
            comparisons = self.comparisons(pub, outputs[pub.id], complete)
            for lang in LANGS:
                rel = views.regulation_path(lang, pub.id)
                page = self.regulation_page(pub, lang, downloads[pub.id], comparisons)
                self.w.put(rel, page.encode("utf-8"))
                outputs[pub.id].append(rel)
            cache_rel = f"{FOLDER}/cache/{pub.id}.json"
            cache = {"summary": summaries[pub.id], "entries": entries[pub.id]}
            self.w.put(cache_rel, json.dumps(cache, ensure_ascii=False).encode("utf-8"))
            outputs[pub.id].append(cache_rel)
            self.manifest.regulations[pub.id] = {
                "key": key if complete[pub.id] else None,
                "outputs": outputs[pub.id],
                "cache": cache_rel,
                **self.inputs.get(pub.id, {}),
            }
        self.report.rebuilt = [pub.id for pub, _ in changed]
        self.report.published = sorted(summaries)
        ordered = [summaries[i] for i in sorted(summaries)]
        for lang in LANGS:
            regs = []
            for s in ordered:
                text_lang = lang if lang in entries[s["id"]] else s["main_lang"]
                regs.append((s, text_lang, entries[s["id"]][text_lang]))
            self.w.put(views.index_json_path(lang), search.index(lang, regs))
            self.w.put(views.search_path(lang), self.search_page(lang).encode("utf-8"))
            self.w.put(views.index_path(lang), self.index_page(lang, ordered).encode("utf-8"))
        for name in STATIC:
            self.w.put(f"static/{name}", (self.static_dir / name).read_bytes())

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
        """The cache file of a manifest entry is there, inside the site folder."""
        path = self.out / entry["cache"]  # a manifest entry is a plain path inside (Manifest)
        return self._inside(path) and not path.is_symlink() and path.is_file()

    def _cache(self, entry: dict) -> dict | None:
        """What the index and the search need of a regulation, as the previous build left it
        (read inside the site folder only, bounded); None when it is damaged."""
        try:
            raw = inputs.read_bytes(
                self.out / entry["cache"], limit=inputs.MAX_YAML_BYTES, root=self.out
            )
            cache = json.loads(raw.decode("utf-8"))
            cache["summary"], cache["entries"]  # noqa: B018 - both must be there
        except (OSError, ValueError, KeyError, TypeError, inputs.InputRefused, RecursionError):
            return None
        return cache

    def _failed(self, reg_id: str, problems: list[Problem], kept: dict[str, dict]) -> None:
        """A regulation that cannot be published this time: its errors reported, its previous
        pages (when intact) kept."""
        self.report.problems += problems
        self.report.failed.append(reg_id)
        previous = self._keep_previous(reg_id)
        if previous is not None:
            kept[reg_id] = previous

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
    def downloads(
        self, pubs: list[Published], outputs: dict[str, list[str]], complete: dict[str, bool]
    ) -> dict[str, dict[str, dict[str, str]]]:
        """DOCX and PDF of each edition in force in each of its languages: id -> lang -> fmt -> rel.
        Every PDF to be made is converted in one LibreOffice run; a failure costs the PDFs only."""
        found: dict[str, dict[str, dict[str, str]]] = {}
        to_pdf: dict[str, tuple[str, str, str, bytes]] = {}  # name -> (reg, lang, key, docx)
        for pub in pubs:
            found[pub.id] = {}
            for lang, rd in pub.contexts.items():
                found[pub.id][lang] = {}
                key = digest(self.base, "docx", pub.edition.content_hash, repr(pub.records), lang)
                rel = views.download_path(pub.id, pub.n, lang, "docx")
                docx: bytes | None = None
                if not self.w.fresh(rel, key):
                    self.progress(f"DOCX {pub.id} {lang}")
                    docx = docx_render.render(rd, self.templates)
                    self.w.put(rel, docx, key)
                found[pub.id][lang]["docx"] = rel
                outputs[pub.id].append(rel)
                if not self.pdf:
                    continue
                pdf_rel = views.download_path(pub.id, pub.n, lang, "pdf")
                pdf_key = digest(key, "pdf")
                if self.w.fresh(pdf_rel, pdf_key):
                    found[pub.id][lang]["pdf"] = pdf_rel
                    outputs[pub.id].append(pdf_rel)
                    continue
                if docx is None:
                    docx = (self.out / rel).read_bytes()
                to_pdf[f"{pub.id}-{pub.n}.{lang}"] = (pub.id, lang, pdf_key, docx)
        if to_pdf:
            pdfs = self.convert(to_pdf)
            for name, (reg_id, lang, pdf_key, _) in to_pdf.items():
                data = pdfs.get(name)
                if data is None:
                    complete[reg_id] = False  # tried again by the next build
                    continue
                pub = next(p for p in pubs if p.id == reg_id)
                rel = views.download_path(reg_id, pub.n, lang, "pdf")
                self.w.put(rel, data, pdf_key)
                found[reg_id][lang]["pdf"] = rel
                outputs[reg_id].append(rel)
        return found

    def convert(self, to_pdf: dict[str, tuple[str, str, str, bytes]]) -> dict[str, bytes]:
        """The PDFs of ``to_pdf`` (name -> (id, lang, key, DOCX)) in bounded LibreOffice batches
        (``render.pdf.convert_many``); each one not made is left out, and the failures are one
        warning (every name, with its reason, in .dlo-site/pdf-failures.log beyond a few)."""
        self.progress(f"PDF: {len(to_pdf)} document(s) in batches of {pdf_render.BATCH}")
        private = self.out / FOLDER
        private.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="pdf-", dir=private) as tmp:
            files = []
            for name, job in to_pdf.items():
                path = Path(tmp) / f"{name}.docx"
                path.write_bytes(job[3])
                files.append(path)
            converted = pdf_render.convert_many(files, Path(tmp) / "out", jobs=pool.default_jobs())
            pdfs = {name: path.read_bytes() for name, path in converted.made.items()}
        if converted.failed:
            failed = {f"{name}.pdf": why for name, (_, why) in converted.failed.items()}
            many = len(failed) > pdf_render.SHOWN
            summary = pdf_render.failure_summary(
                failed, len(to_pdf), private / "pdf-failures.log" if many else None
            )
            self.warn(
                Location("soffice"),
                "DLO802",
                summary,
                "the next build tries them again; open a DOCX in LibreOffice to see why",
            )
        return pdfs

    # -- comparisons ---------------------------------------------------------------------------
    def comparisons(
        self, pub: Published, outputs: list[str], complete: dict[str, bool]
    ) -> dict[str, list[dict]]:
        """The comparison of each pair of consecutive editions up to the one in force, per language
        of both: lang -> [{a, b, rel}]."""
        found: dict[str, list[dict]] = {lang: [] for lang in LANGS}
        numbers = sorted(pub.editions)
        for a, b in zip(numbers, numbers[1:], strict=False):
            old, new = pub.editions[a], pub.editions[b]
            for lang in pub.langs:
                if lang not in old.document.model.languages:
                    continue
                rel = views.compare_path(lang, pub.id, a, b)
                key = digest(
                    self.base,
                    "compare",
                    old.content_hash,
                    new.content_hash,
                    lang,
                    new.reason,
                    b == pub.n,
                )
                if not self.w.fresh(rel, key):
                    try:
                        section = self._diff_section(pub, a, b, lang)
                    except DloError as exc:
                        for problem in exc.problems:
                            self.warn(
                                problem.location,
                                "DLO804",
                                f"comparison of editions {a} and {b} of {pub.id} ({lang}) not built: "
                                f"{problem.message}",
                                problem.hint,
                            )
                        complete[pub.id] = False
                        continue
                    page = self.compare_page(pub, lang, a, b, section)
                    self.w.put(rel, page.encode("utf-8"), key)
                found[lang].append({"a": a, "b": b, "rel": rel})
                outputs.append(rel)
        return found

    def _diff_section(self, pub: Published, a: int, b: int, lang: str) -> str:
        """The comparison table of ``dlo_docs.diff`` (its HTML template, escaped by Jinja2), cut
        out of its standalone page: the page's inline style is not allowed by the site's policy."""
        prepared = diff_api.prepare(self.project, pub.id, a, b, lang)
        page = diff_api.html(prepared, regulation_href="index.html" if b == pub.n else None)
        start, end = page.find('<section class="dlo-diff"'), page.rfind("</section>")
        if start < 0 or end < 0:
            raise DloError(
                [
                    warning(
                        Location("templates/html/diff.html.j2"),
                        "DLO804",
                        'the comparison template has no <section class="dlo-diff">',
                    )
                ]
            )
        return page[start : end + len("</section>")]  # Jinja2 output: every value in it is escaped

    # -- pages -------------------------------------------------------------------------------
    def render(self, name: str, **values) -> str:
        return html_render.render_template(f"site/{name}", self.templates, **values)

    def regulation_page(
        self,
        pub: Published,
        lang: str,
        downloads: dict[str, dict[str, str]],
        comparisons: dict[str, list[dict]],
    ) -> str:
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
        edition_label = labels["edition_n"].format(n=pub.n)
        files = []
        for file_lang in ([lang] if lang in downloads else []) + [
            x for x in downloads if x != lang
        ]:
            for fmt in ("docx", "pdf"):
                if fmt in downloads[file_lang]:
                    path = self.out / downloads[file_lang][fmt]
                    size = path.stat().st_size if path.is_file() else 0
                    files.append(
                        {
                            "href": root + downloads[file_lang][fmt],
                            "label": L[fmt],
                            "lang": file_lang,
                            "language": self.labels[file_lang]["language_name"]
                            if file_lang in self.labels
                            else file_lang,
                            "size": f"{max(1, round(size / 1024))} KB",
                        }
                    )
        history = []
        for n in sorted(pub.editions, reverse=True):
            ed = pub.editions[n]
            o = ed.event.order
            history.append(
                {
                    "edition": labels["edition_n"].format(n=n),
                    "current": n == pub.n,
                    "order": _noted(
                        labels,
                        ed.event,
                        L["order" if o.number else "signed_approval"].format(
                            number=o.number, date=views.date(o.date)
                        ),
                    ),
                    "effective": views.date(o.effective or o.date),
                    "clauses": L["whole_text"] if ed.clauses == "whole text" else ed.clauses,
                    "reason": ed.reason or "",
                    "state": L["edition_state"].get(ed.state, ed.state),
                    "signed": _labels.signed(labels, signed_note(ed.event)),
                }
            )
        reviews = [
            {
                "date": _fixed(labels, views.date(r.date), "date" in r.corrected),
                "reviewer": r.reviewer,
                "lang": pub.model.main_lang,
                "result": _fixed(labels, r.result, "remarks" in r.corrected),
                "signed": _labels.signed(labels, r.signed),
            }
            for r in pub.records.reviews
        ]
        compare_links = []
        for c in comparisons.get(lang) or comparisons.get(text_lang) or []:
            compare_links.append(
                {
                    "href": root + c["rel"],
                    "label": L["comparison"].format(
                        old=labels["edition_n"].format(n=c["a"]),
                        new=labels["edition_n"].format(n=c["b"]),
                    ),
                }
            )
        units, positions = views.names(self.registry, lang)
        model = pub.model
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
            model.approval.by, (rd.approving.position, text_lang)
        )
        meta += [
            (L["meta"]["edition"], edition_label, lang),
            (
                L["meta"]["order"],
                L["order" if order.number else "signed_approval"].format(
                    number=order.number, date=views.date(order.date)
                ),
                lang,
            ),
            (L["meta"]["effective"], views.date(order.effective or order.date), lang),
            (L["meta"]["approved_by"], approving, approving_lang),
            (L["meta"]["review_due"], views.date(pub.status.review_due), lang),
        ]
        notice = None
        if text_lang != lang:
            notice = (L.get("only_in") or {}).get(text_lang)
        working = L["working_copy_text"].format(
            edition=edition_label,
            number=order.number,
            date=views.date(order.date),
            effective=views.date(order.effective or order.date),
        )
        toc = [b for b in rd.blocks if b.kind in ("chapter", "paragraph")]
        return self.render(
            "regulation.html.j2",
            page=page,
            doc=rd,
            text_lang=text_lang,
            meta=meta,
            working=working,
            notice=notice,
            files=files,
            history=history,
            reviews=reviews,
            comparisons=compare_links,
            toc=toc,
            kind_label=labels["kind"][rd.kind],
        )

    def compare_page(self, pub: Published, lang: str, a: int, b: int, section: str) -> str:
        rel = views.compare_path(lang, pub.id, a, b)
        labels = self.labels[lang]
        to = views.other(lang)
        switch = (
            views.compare_path(to, pub.id, a, b)
            if to in pub.contexts and to in pub.editions[a].document.model.languages
            else views.regulation_path(to, pub.id)
        )
        rd = pub.contexts[lang]
        heading = labels["site"]["comparison"].format(
            old=labels["edition_n"].format(n=a), new=labels["edition_n"].format(n=b)
        )
        page = views.chrome(rel, lang, self.labels, switch, f"{rd.code} · {heading}")
        return self.render(
            "compare.html.j2",
            page=page,
            doc=rd,
            heading=heading,
            section=section,
            back=page["root"] + views.regulation_path(lang, pub.id),
            table_title=labels["diff"]["table_title"],
        )

    def index_page(self, lang: str, summaries: list[dict]) -> str:
        rel = views.index_path(lang)
        page = views.chrome(
            rel,
            lang,
            self.labels,
            views.index_path(views.other(lang)),
            self.labels[lang]["site"]["title"],
        )
        groups = views.index_groups(summaries, self.registry, lang, self.labels)
        org = self.registry.organisation.name
        return self.render(
            "index.html.j2",
            page=page,
            groups=groups,
            count=len(summaries),
            organisation=org.get(lang) or next(iter(org.values())),
        )

    def search_page(self, lang: str) -> str:
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


def build(
    project: Project,
    out: Path | str | None = None,
    *,
    pdf: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Build the site of ``project`` into ``out`` (default ``<project>/public``): only the
    editions in force, as the workflow says; unchanged regulations are not rendered again.
    Raises DloError when the registry is invalid. A regulation whose journal is damaged or whose
    frozen edition differs from what was approved is not published (its pages stay as the
    previous build made them; its errors and id are in the report) and the others are;
    LibreOffice missing or failing costs the PDFs only (warnings in the report)."""
    out = Path(out) if out is not None else project.root / DEFAULT_OUT
    out = (Path.cwd() / out).resolve()
    if (
        out == project.root
        or out in project.root.parents
        or out == project.regulations
        or project.regulations in out.parents
        or out == project.templates
        or project.templates in out.parents
    ):
        raise UsageError(
            f"{out} would overwrite the project's own files",
            f"use a folder of its own, e.g. {DEFAULT_OUT}/",
        )
    return _Site(project, out, pdf, progress).run()
