"""Site build figures (not a test): `dlo site build` for the bundled regulations and for a
generated corpus, full and after one change, in this process (``bench_corpus.py`` times the same
stages as separate ``dlo`` processes, with their memory).

Run: .venv/bin/python tests/benchmarks/bench_site.py [COUNT] [--no-pdf]   (default 200 regulations)

Each project is a temporary copy, its corpus made as ``bench_corpus.py`` makes it (its own id,
code, unit and position for each; one in five a Russian text imported from the real corpus;
one in ten with an open revision) and every regulation approved through the workflow library,
so the journals and the frozen editions are the real ones. Figures:

- full: an empty output folder (every page, DOCX and PDF rendered);
- unchanged: the same build again (nothing rendered, nothing written);
- one change: one regulation revised and approved as edition 2 (its pages, downloads and the
  comparison 1 -> 2 rendered; the index and search index updated).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import bench_corpus as corpus

from dlo_docs import site
from dlo_docs.project import Project
from dlo_docs.render import pdf as pdf_render


def timed_build(root: Path, pdf: bool) -> tuple[float, site.Report]:
    """One build, as one command builds it (a project of its own)."""
    start = time.perf_counter()
    report = site.build(Project(root), pdf=pdf)
    return time.perf_counter() - start, report


def line(label: str, seconds: float, report: site.Report) -> None:
    print(
        f"  {label:<34} {seconds:8.2f} s   ({len(report.rebuilt):>3} rendered, {len(report.written):>4} files "
        f"written, {len(report.removed):>2} removed)",
        flush=True,
    )


def run(title: str, root: Path, changed: str, pdf: bool) -> None:
    print(f"{title} (PDF: {'yes' if pdf else 'no'})", flush=True)
    line("full build", *timed_build(root, pdf))
    line("again, nothing changed", *timed_build(root, pdf))
    corpus.one_change(root, changed)
    line(f"after one change ({changed} ed. 2)", *timed_build(root, pdf))
    out = root / site.DEFAULT_OUT
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    index = sum(p.stat().st_size for p in out.glob("search-index.*.json"))
    print(f"  output: {size / 1e6:.1f} MB, search indexes {index / 1e6:.2f} MB", flush=True)


def main(count: int, pdf: bool) -> None:
    pdf = pdf and pdf_render.available()
    if not pdf:
        print("(PDF skipped: --no-pdf or LibreOffice not installed)")
    with tempfile.TemporaryDirectory() as tmp:
        bundled = Path(tmp) / "bundled"
        corpus.copy_project(bundled)
        corpus.approve_all(bundled, Project(bundled).ids())
        run(f"bundled regulations ({len(Project(bundled).ids())})", bundled, corpus.SEED, pdf)

        generated = Path(tmp) / "corpus"
        start = time.perf_counter()
        ids = sorted(corpus.prepare(generated, count))
        print(
            f"(generated and approved {count} regulations in {time.perf_counter() - start:.0f} s)"
        )
        run(f"generated corpus ({count} regulations)", generated, corpus.changeable(ids), pdf)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 200, "--no-pdf" not in sys.argv)
