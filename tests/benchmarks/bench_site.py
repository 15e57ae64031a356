"""Site build figures (not a test): `dlo site build` for the bundled regulations and for a
generated corpus, full and after one change.

Run: python3 tests/benchmarks/bench_site.py [COUNT] [--no-pdf]   (default 200 regulations)

Each project is a temporary copy: every regulation is approved through the workflow library
(submit, agree, approve), so the journal and the frozen editions are the real ones. Figures:

- full: an empty output folder (every page, DOCX and PDF rendered);
- unchanged: the same build again (nothing rendered, nothing written);
- one change: one regulation revised and approved as edition 2 (its pages, downloads and the
  comparison 1 → 2 rendered; the index and search index updated).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from dlo_docs import load, site, workflow
from dlo_docs.project import Project
from dlo_docs.render import pdf as pdf_render

REPO = Path(__file__).resolve().parents[2]
SEED = "dlo-head"
APPROVERS = ["vp-academic", "legal-head", "hr-head", "docs-head"]
UNITS = 20  # generated units, each with positions for its regulations


def copy_project(root: Path) -> Project:
    shutil.copytree(
        REPO / "regulations",
        root / "regulations",
        ignore=shutil.ignore_patterns("editions", "journal.yaml", "*.lock"),
    )
    shutil.copytree(REPO / "templates", root / "templates")
    return Project(root)


def approve(root: str, reg_id: str, approvers: list[str]) -> None:
    project = Project(root)
    workflow.submit(project, reg_id)
    for role in approvers:
        workflow.agree(project, reg_id, role)
    workflow.approve(project, reg_id, f"{abs(hash(reg_id)) % 900 + 100}-НҚ", dt.date(2024, 6, 3))


def approve_all(project: Project, approvers: dict[str, list[str]]) -> None:
    with ProcessPoolExecutor() as pool:
        list(
            pool.map(
                approve,
                [str(project.root)] * len(approvers),
                list(approvers),
                list(approvers.values()),
            )
        )


def generate(project: Project, count: int) -> dict[str, list[str]]:
    """``count`` job instructions of the seed's size, one position each, spread over ``UNITS``
    units (added to the registry); each says which one it is in its first clause."""
    registry_path = project.registry_path
    source, problems = load.read(registry_path, "registry.yaml")
    assert not problems, problems
    data = load.plain(source.data)
    for u in range(UNITS):
        data["units"].append(
            {
                "id": f"unit-{u}",
                "name": {"kk": f"Бөлім №{u + 1}", "ru": f"Отдел №{u + 1}"},
                "parent": "rectorate",
                "head": f"pos-{u}-0",
            }
        )
    for i in range(count):
        data["positions"].append(
            {
                "id": f"pos-{i % UNITS}-{i // UNITS}",
                "unit": f"unit-{i % UNITS}",
                "title": {"kk": f"Маман №{i + 1}", "ru": f"Специалист №{i + 1}"},
                "reports_to": "rector",
            }
        )
    load.write(registry_path, data)
    seed = (project.folder(SEED) / "regulation.yaml").read_text(encoding="utf-8")
    approvers = {}
    for i in range(count):
        reg_id = f"reg-{i:03d}"
        text = (
            seed.replace(f"id: {SEED}\n", f"id: {reg_id}\n", 1)
            .replace("code: ЛН ҮББИ 01-2024", f"code: ЛН {i:03d}-2024", 1)
            .replace("unit: dlo\n", f"unit: unit-{i % UNITS}\n", 1)
            .replace("position: dlo-head\n", f"position: pos-{i % UNITS}-{i // UNITS}\n", 1)
            .replace("Осы лауазымдық нұсқаулық", f"Осы №{i + 1} лауазымдық нұсқаулық", 1)
        )
        folder = project.folder(reg_id)
        folder.mkdir()
        (folder / "regulation.yaml").write_text(text, encoding="utf-8")
        approvers[reg_id] = APPROVERS
    return approvers


def one_change(project: Project, reg_id: str) -> None:
    """Edition 2 of ``reg_id``: one clause changed, agreed, approved."""
    workflow.revise(project, reg_id, "hr-head", "Clause 15 names the document wrongly")
    path = project.folder(reg_id) / "regulation.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Осы Ережеге өзгерістер", "Осы лауазымдық нұсқаулыққа өзгерістер"
        ),
        encoding="utf-8",
    )
    workflow.submit(project, reg_id, "hr-head")
    for role in APPROVERS:
        workflow.agree(project, reg_id, role)
    workflow.approve(project, reg_id, "112-НҚ", dt.date(2025, 2, 10))


def timed_build(project: Project, pdf: bool) -> tuple[float, site.Report]:
    start = time.perf_counter()
    report = site.build(project, pdf=pdf)
    return time.perf_counter() - start, report


def line(label: str, seconds: float, report: site.Report) -> None:
    print(
        f"  {label:<34} {seconds:8.2f} s   ({len(report.rebuilt):>3} rendered, {len(report.written):>4} files "
        f"written, {len(report.removed):>2} removed)",
        flush=True,
    )


def run(title: str, project: Project, changed: str, pdf: bool) -> None:
    print(f"{title} (PDF: {'yes' if pdf else 'no'})", flush=True)
    line("full build", *timed_build(project, pdf))
    line("again, nothing changed", *timed_build(project, pdf))
    one_change(project, changed)
    line(f"after one change ({changed} ed. 2)", *timed_build(project, pdf))
    out = project.root / site.DEFAULT_OUT
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    index = sum(p.stat().st_size for p in out.glob("search-index.*.json"))
    print(f"  output: {size / 1e6:.1f} MB, search indexes {index / 1e6:.2f} MB", flush=True)


def main(count: int, pdf: bool) -> None:
    pdf = pdf and pdf_render.available()
    if not pdf:
        print("(PDF skipped: --no-pdf or LibreOffice not installed)")
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "bundled")
        approve_all(project, {reg_id: APPROVERS for reg_id in project.ids()})
        run(f"bundled regulations ({len(project.ids())})", project, SEED, pdf)

        project = copy_project(Path(tmp) / "corpus")
        start = time.perf_counter()
        approvers = generate(project, count)
        approve_all(project, approvers)
        print(
            f"(generated and approved {count} regulations in {time.perf_counter() - start:.0f} s)"
        )
        run(f"generated corpus ({count} regulations of the seed's size)", project, "reg-007", pdf)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 200, "--no-pdf" not in sys.argv)
