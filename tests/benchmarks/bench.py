"""Benchmarks: prints figures, asserts nothing. Run: .venv/bin/python tests/benchmarks/bench.py

Each figure is the median of several runs, in-process (imports excluded), on the bundled project.
"""

from __future__ import annotations

import sys
from pathlib import Path

from timing import median_ms

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    from dlo_docs import api, context
    from dlo_docs.project import Project
    from dlo_docs.render import docx, html

    project = Project(ROOT)
    loaded = project.load(["dlo-head"])
    document = loaded.documents["dlo-head"]
    rd = context.build(document, loaded.registry)
    figures = {
        "load+validate registry and seed": median_ms(lambda: project.load(["dlo-head"])),
        "dlo check (load + rules), seed": median_ms(
            lambda: api.check(project, ["regulations/dlo-head"])
        ),
        "render context, seed": median_ms(lambda: context.build(document, loaded.registry)),
        "render DOCX, seed": median_ms(lambda: docx.render(rd)),
        "render HTML, seed": median_ms(lambda: html.render(rd, project.templates)),
    }
    width = max(map(len, figures))
    for name, ms in figures.items():
        print(f"{name:<{width}}  {ms:8.1f} ms")
    print(f"python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
