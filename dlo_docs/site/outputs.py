"""The downloads (DOCX, and every PDF in bounded LibreOffice batches) and the comparisons of
consecutive editions of the published regulations: a part of the site's build (``build._Site``
mixes it in), kept apart so each file holds one job."""

from __future__ import annotations

import functools
import shutil
import tempfile
import threading
from collections.abc import Callable
from concurrent import futures
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import interrupts, lazy, pool
from ..errors import DloError, Location, Problem, warning
from ..i18n import Msg
from . import views
from .manifest import FOLDER, digest
from .views import LANGS
from .writer import Writer

if TYPE_CHECKING:
    from .. import comparison as diff_api
    from ..project import Project
    from ..render import docx as docx_render
    from ..render import pdf as pdf_render
    from .collect import Published
    from .pages import Pages
else:  # the renderers: imported when the first regulation is rendered
    diff_api = lazy.module("dlo_docs.comparison")
    docx_render = lazy.module("dlo_docs.render.docx")
    pdf_render = lazy.module("dlo_docs.render.pdf")

Job = tuple[str, str, str, str, str]  # a PDF to make: id, lang, key, the DOCX's rel, the PDF's rel
Found = dict[str, dict[str, dict[str, str]]]  # id -> lang -> format -> the download's rel


@functools.cache
def _background() -> ThreadPoolExecutor:
    """The threads that wait for LibreOffice (its runs are processes: the conversion of a group
    goes on while this process renders the next): one per group being converted, two at most
    (the group being finished and the next)."""
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="dlo-pdf")


@functools.cache
def _libreoffice_runs() -> threading.BoundedSemaphore:
    """The LibreOffice runs of every group's conversion at a time, one per core: a group's runs
    start as those of the group before end, not once all of them have."""
    return threading.BoundedSemaphore(pool.default_jobs())


@dataclass
class Conversion:
    """The PDFs of one group being made: what is to be made, the private folder they are made
    in, and the conversion running in the background (None: nothing to make)."""

    jobs: dict[str, Job]
    folder: Path | None = None
    running: Future[pdf_render.Converted] | None = None
    stop: threading.Event = field(default_factory=threading.Event)

    def wait(self) -> pdf_render.Converted:
        return self.running.result() if self.running is not None else pdf_render.Converted()

    def close(self, cancel: bool = False) -> None:
        """Wait for the conversion to end (whatever its outcome), then remove its folder.
        ``cancel``: end its LibreOffice runs at once (the build is abandoned)."""
        if cancel:
            self.stop.set()
        with interrupts.holding():  # a second Ctrl-C waits for this: the runs are ending
            if self.running is not None:
                futures.wait([self.running])
            if self.folder is not None:
                shutil.rmtree(self.folder, ignore_errors=True)


class Outputs:
    """What ``build._Site`` provides: the project, the site's folder and writer, the key of
    this build's code and templates, whether PDFs are made, the pages, progress and warnings."""

    project: Project
    out: Path
    templates: Path
    w: Writer
    base: str
    pdf: bool
    pages: Pages
    progress: Callable[[str], None]
    advance: Callable[[int], None]  # told as each ``n`` regulations are published

    pdf_failed: dict[str, str]  # PDF file name -> why it was not made, over the whole build
    pdf_total: int  # PDFs tried
    later: list[Problem]  # warnings reported after the PDFs' (the comparisons')

    def warn(self, where: Location, code: str, message: str, hint: str | None = None) -> None:
        raise NotImplementedError

    def downloads(
        self, pubs: list[Published], outputs: dict[str, list[str]]
    ) -> tuple[Found, dict[str, Job]]:
        """DOCX of each edition in force in each of its languages, written: id -> lang -> fmt
        -> rel; and the PDFs still to be made (name -> job), for ``start_pdfs``. A PDF an
        earlier build made of the same DOCX is kept, also by a build that makes none
        (``--no-pdf``, LibreOffice missing): it is still the one a build with PDFs publishes."""
        found: Found = {}
        to_pdf: dict[str, Job] = {}  # name -> (id, lang, key, the DOCX's rel, the PDF's rel)
        for pub in pubs:
            found[pub.id] = {}
            for lang, rd in pub.contexts.items():
                found[pub.id][lang] = {}
                key = digest(self.base, "docx", pub.edition.content_hash, repr(pub.records), lang)
                rel = views.download_path(pub.id, pub.n, lang, "docx")
                if not self.w.fresh(rel, key):
                    self.progress(f"DOCX {pub.id} {lang}")
                    self.w.put(rel, docx_render.render(rd, self.templates), key)
                found[pub.id][lang]["docx"] = rel
                outputs[pub.id].append(rel)
                pdf_rel = views.download_path(pub.id, pub.n, lang, "pdf")
                pdf_key = digest(key, "pdf")
                # made before of the same DOCX: kept, even by a build that makes no PDF
                if self.w.fresh(pdf_rel, pdf_key):
                    found[pub.id][lang]["pdf"] = pdf_rel
                    outputs[pub.id].append(pdf_rel)
                elif self.pdf:
                    to_pdf[f"{pub.id}-{pub.n}.{lang}"] = (pub.id, lang, pdf_key, rel, pdf_rel)
        return found, to_pdf

    def start_pdfs(self, to_pdf: dict[str, Job]) -> Conversion:
        """The PDFs of ``to_pdf`` being made in bounded LibreOffice batches
        (``render.pdf.convert_many``), in the background: this process renders the next
        group meanwhile. The DOCX are copied into a private folder first, so the conversion
        reads nothing the build writes."""
        conversion = Conversion(to_pdf)
        if not to_pdf:
            return conversion
        self.progress(
            Msg("PDF: {n} document(s) in batches of {batch}", n=len(to_pdf), batch=pdf_render.BATCH)
        )
        private = self.out / FOLDER
        private.mkdir(parents=True, exist_ok=True)
        conversion.folder = Path(tempfile.mkdtemp(prefix="pdf-", dir=private))
        files = []
        for name, (_, _, _, docx_rel, _) in to_pdf.items():
            path = conversion.folder / f"{name}.docx"
            shutil.copyfile(self.out / docx_rel, path)
            files.append(path)
        conversion.running = _background().submit(
            pdf_render.convert_many,
            files,
            conversion.folder / "out",
            jobs=pool.default_jobs(),
            stop=conversion.stop,
            slots=_libreoffice_runs(),
        )
        return conversion

    def finish_pdfs(
        self,
        conversion: Conversion,
        found: Found,
        outputs: dict[str, list[str]],
        complete: dict[str, bool],
    ) -> None:
        """Wait for ``conversion``; write each PDF made into the site by file (never held in
        memory) and link it in ``found``; each one not made is left out (``complete`` false:
        tried again by the next build) and remembered for ``report_pdfs``."""
        try:
            converted = conversion.wait()
            for name, path in converted.made.items():
                reg_id, lang, pdf_key, _, pdf_rel = conversion.jobs[name]
                self.w.put_file(pdf_rel, path, pdf_key)
                found[reg_id][lang]["pdf"] = pdf_rel
                outputs[reg_id].append(pdf_rel)
        except BaseException:  # interrupted (Ctrl-C, SIGTERM): its LibreOffice runs are ended
            conversion.close(cancel=True)
            raise
        conversion.close()
        for name, (reg_id, _, _, _, _) in conversion.jobs.items():
            if name not in converted.made:
                complete[reg_id] = False
        self.pdf_total += len(conversion.jobs)
        self.pdf_failed.update({f"{name}.pdf": why for name, (_, why) in converted.failed.items()})

    def report_pdfs(self) -> None:
        """The PDFs not made in the whole build, as one warning (every name, with its reason,
        in .dlo-site/pdf-failures.log beyond a few)."""
        if not self.pdf_failed:
            return
        many = len(self.pdf_failed) > pdf_render.SHOWN
        log = self.out / FOLDER / "pdf-failures.log" if many else None
        summary = pdf_render.failure_summary(self.pdf_failed, self.pdf_total, log)
        self.warn(
            Location("soffice"),
            "DLO802",
            summary,
            Msg("the next build tries them again; open a DOCX in LibreOffice to see why"),
        )

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
                    new.reason(lang),
                    b == pub.n,
                )
                if not self.w.fresh(rel, key):
                    try:
                        section = self._diff_section(pub, a, b, lang)
                    except DloError as exc:
                        for problem in exc.problems:
                            self.later.append(
                                warning(
                                    problem.location,
                                    "DLO804",
                                    Msg(
                                        "comparison of editions {a} and {b} of {id} ({lang}) not built: {message}",
                                        a=a,
                                        b=b,
                                        id=pub.id,
                                        lang=lang,
                                        message=problem.message,
                                    ),
                                    problem.hint,
                                )
                            )
                        complete[pub.id] = False
                        continue
                    page = self.pages.compare(pub, lang, a, b, section)
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
                        Msg('the comparison template has no <section class="dlo-diff">'),
                    )
                ]
            )
        return page[start : end + len("</section>")]  # Jinja2 output: every value in it is escaped
