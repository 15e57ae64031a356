"""The downloads (DOCX, and every PDF in bounded LibreOffice batches) and the comparisons of
consecutive editions of the published regulations: a part of the site's build (``build._Site``
mixes it in), kept apart so each file holds one job."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from .. import comparison as diff_api
from .. import pool
from ..errors import DloError, Location, Problem, warning
from ..i18n import Msg
from ..project import Project
from ..render import docx as docx_render
from ..render import pdf as pdf_render
from . import views
from .collect import LANGS, Published
from .manifest import FOLDER, digest
from .pages import Pages
from .writer import Writer

Job = tuple[str, str, str, str, str]  # a PDF to make: id, lang, key, the DOCX's rel, the PDF's rel


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

    pdf_failed: dict[str, str]  # PDF file name -> why it was not made, over the whole build
    pdf_total: int  # PDFs tried
    later: list[Problem]  # warnings reported after the PDFs' (the comparisons')

    def warn(self, where: Location, code: str, message: str, hint: str | None = None) -> None:
        raise NotImplementedError

    def downloads(
        self, pubs: list[Published], outputs: dict[str, list[str]], complete: dict[str, bool]
    ) -> dict[str, dict[str, dict[str, str]]]:
        """DOCX and PDF of each edition in force in each of its languages: id -> lang -> fmt -> rel.
        Every PDF to be made is converted in one LibreOffice run; a failure costs the PDFs only."""
        found: dict[str, dict[str, dict[str, str]]] = {}
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
                if not self.pdf:
                    continue
                pdf_rel = views.download_path(pub.id, pub.n, lang, "pdf")
                pdf_key = digest(key, "pdf")
                if self.w.fresh(pdf_rel, pdf_key):
                    found[pub.id][lang]["pdf"] = pdf_rel
                    outputs[pub.id].append(pdf_rel)
                    continue
                to_pdf[f"{pub.id}-{pub.n}.{lang}"] = (pub.id, lang, pdf_key, rel, pdf_rel)
        made = set(self.convert(to_pdf))
        for name, (reg_id, lang, _, _, pdf_rel) in to_pdf.items():
            if name not in made:
                complete[reg_id] = False  # tried again by the next build
                continue
            found[reg_id][lang]["pdf"] = pdf_rel
            outputs[reg_id].append(pdf_rel)
        return found

    def convert(self, to_pdf: dict[str, Job]) -> list[str]:
        """The PDFs of ``to_pdf`` (name -> (id, lang, key, the DOCX's rel, the PDF's rel)) made
        in bounded LibreOffice batches (``render.pdf.convert_many``) and written into the site
        by file, a chunk at a time (never held in memory, however many): the names of those
        made; each one not made is left out, and remembered for ``report_pdfs``."""
        if not to_pdf:
            return []
        self.progress(
            Msg("PDF: {n} document(s) in batches of {batch}", n=len(to_pdf), batch=pdf_render.BATCH)
        )
        private = self.out / FOLDER
        private.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="pdf-", dir=private) as tmp:
            files = []
            for name, (_, _, _, docx_rel, _) in to_pdf.items():
                path = Path(tmp) / f"{name}.docx"
                shutil.copyfile(self.out / docx_rel, path)
                files.append(path)
            converted = pdf_render.convert_many(files, Path(tmp) / "out", jobs=pool.default_jobs())
            for name, path in converted.made.items():
                _, _, pdf_key, _, pdf_rel = to_pdf[name]
                self.w.put_file(pdf_rel, path, pdf_key)
        self.pdf_total += len(to_pdf)
        self.pdf_failed.update({f"{name}.pdf": why for name, (_, why) in converted.failed.items()})
        return list(converted.made)

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
                    new.reason,
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
