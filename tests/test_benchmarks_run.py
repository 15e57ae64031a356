"""The benchmark scripts still run (not their figures: a benchmark prints them, and a timed test
would be flaky on a shared machine). Two of them had stopped working unnoticed when the workflow
began refusing an order dated before its agreements and the checks grew stricter than their
generated corpus: each is run here on the smallest corpus it makes (bench_corpus's 5: its fifth
regulation is the Russian one it imports, which a stricter check once refused unnoticed)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUNDLED, REPO, bundled_regulations

BENCH = Path(__file__).resolve().parent / "benchmarks"


@pytest.mark.parametrize(
    "script, args, said",
    [
        ("bench_corpus.py", ["5", "--no-pdf"], ["dlo check", "site build, after one change"]),
        ("bench_site.py", ["4", "--no-pdf"], ["after one change (reg-0002 ed. 2)"]),
        ("bench_workflow.py", ["12"], ["journal of   13 events"]),
    ],
)
def test_a_benchmark_runs_on_a_small_corpus(script, args, said):
    done = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        cwd=BENCH.parents[1],
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    assert "Traceback" not in done.stderr, done.stderr[-4000:]
    for words in said:
        assert words in done.stdout, done.stdout


def test_a_benchmark_copies_the_bundled_project_only(tmp_path, monkeypatch):
    """README's walk-through is done in the clone itself: a clone that followed it holds hr-head
    beside the bundled project, which bench_site copied and approved again as if it were the
    seed (refused: "every approver has agreed already"), and `./test.sh` failed there. The
    benchmarks' project is the bundled registry and regulation, whatever else the clone holds."""
    monkeypatch.syspath_prepend(str(BENCH))
    import bench_corpus

    clone = tmp_path / "clone"
    shutil.copytree(REPO / "regulations", clone / "regulations", ignore=bundled_regulations())
    shutil.copytree(REPO / "templates", clone / "templates")
    made = clone / "regulations" / "hr-head"
    made.mkdir()
    (made / "regulation.yaml").write_text("id: hr-head\n", encoding="utf-8")
    monkeypatch.setattr(bench_corpus, "REPO", clone)
    bench_corpus.copy_project(tmp_path / "proj")
    copied = sorted(p.name for p in (tmp_path / "proj" / "regulations").iterdir())
    assert copied == sorted(BUNDLED)
    assert not (tmp_path / "proj" / "regulations" / "dlo-head" / "journal.yaml").exists()
