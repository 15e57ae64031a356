"""Benchmarks of the official forms: prints figures, asserts nothing.

Run: .venv/bin/python tests/benchmarks/bench_forms.py [--batch N]

- DOCX: the seed's full document (title page, body, four sheets), in-process, median of runs
  (target <= 50 ms); also a standalone sheet.
- PDF: N copies of the seed's DOCX converted in ONE LibreOffice run, wall time per document
  (target <= 0.5 s each for N = 20), and one document alone for comparison.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from timing import median_ms

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--batch", type=int, default=20, help="documents per LibreOffice run (default 20)"
    )
    args = parser.parse_args()

    from dlo_docs import context
    from dlo_docs.project import Project
    from dlo_docs.render import docx, pdf

    project = Project(ROOT)
    loaded = project.load(["dlo-head"])
    rd = context.build(loaded.documents["dlo-head"], loaded.registry, None, project.templates)
    start = time.perf_counter()
    docx.render(rd, project.templates)
    first = (time.perf_counter() - start) * 1000
    figures = {
        "DOCX seed, first in a process (base prepared)": first,
        "DOCX seed, per document": median_ms(lambda: docx.render(rd, project.templates), runs=25),
        "DOCX agreement sheet alone": median_ms(
            lambda: docx.render_sheet(rd, "agreement", project.templates), runs=25
        ),
    }
    width = 48
    for name, ms in figures.items():
        print(f"{name:<{width}}  {ms:8.1f} ms")
    if not pdf.available():
        print("PDF: skipped (LibreOffice is not installed)")
    else:
        data = docx.render(rd, project.templates)
        start = time.perf_counter()
        pdf.convert({"one": data})
        single = time.perf_counter() - start
        start = time.perf_counter()
        pdfs = pdf.convert({f"doc-{i:02d}": data for i in range(args.batch)})
        batch = time.perf_counter() - start
        assert len(pdfs) == args.batch
        print(f"{'PDF one document alone':<{width}}  {single * 1000:8.0f} ms")
        print(
            f"{f'PDF batch of {args.batch}, one LibreOffice run':<{width}}  {batch * 1000:8.0f} ms"
        )
        print(f"{'PDF per document in the batch':<{width}}  {batch / args.batch * 1000:8.0f} ms")
    print(f"python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
