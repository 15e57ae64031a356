"""Import benchmarks: prints figures, asserts nothing. Run: python3 tests/benchmarks/bench_import.py

Median of several in-process runs (imports excluded) of reading + recognising + converting (no
writing) the seed as .txt, as the DOCX that `dlo render` makes of it, and as a document 20 times
the seed's length (what an import of a long unit regulation costs).
"""

from __future__ import annotations

from pathlib import Path

from timing import median_ms

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed" / "job-instruction-dlo-head.kk.txt"


def main() -> None:
    from dlo_docs import context, importer
    from dlo_docs.importer.source import read_text
    from dlo_docs.importer.wordml import read_docx
    from dlo_docs.project import Project
    from dlo_docs.render import docx

    project = Project(ROOT)
    loaded = project.load(["dlo-head"])
    registry = loaded.registry
    raw_txt = SEED.read_bytes()
    rd = context.build(loaded.documents["dlo-head"], registry)
    raw_docx = docx.render(rd)
    lines = raw_txt.decode("utf-8").splitlines()
    body = [line for line in lines if not line.lstrip().split(" ", 1)[0].endswith("тарау.")]
    long_text = "\n".join(f"{n} тарау. Тарау {n}\n" + "\n".join(body) for n in range(1, 21)).encode(
        "utf-8"
    )
    options = importer.Options(id="bench")

    def txt():
        importer.convert(read_text(raw_txt, "seed.txt"), registry, options, project.templates)

    def from_docx():
        importer.convert(read_docx(raw_docx, "seed.docx"), registry, options, project.templates)

    def long():
        importer.convert(read_text(long_text, "long.txt"), registry, options, project.templates)

    figures = {
        "import seed .txt (21 clauses, 60 items)": median_ms(txt),
        "import seed .docx rendered by dlo": median_ms(from_docx),
        f"import .txt x20 ({len(long_text) // 1024} KiB)": median_ms(long, runs=5),
    }
    width = max(map(len, figures))
    for name, ms in figures.items():
        print(f"{name:<{width}}  {ms:8.1f} ms")


if __name__ == "__main__":
    main()
