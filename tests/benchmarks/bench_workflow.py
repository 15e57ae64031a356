"""Workflow figures (not a test): the cost of a command and of verify as the journal grows.

Run: python3 tests/benchmarks/bench_workflow.py [EVENTS]  (default 100)
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from dlo_docs import workflow
from dlo_docs.project import Project

REPO = Path(__file__).resolve().parents[2]


def timed(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(events: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "proj"
        shutil.copytree(
            REPO / "regulations",
            root / "regulations",
            ignore=shutil.ignore_patterns("editions", "journal.yaml", "*.lock"),
        )
        shutil.copytree(REPO / "templates", root / "templates")
        project, reg = Project(root), "dlo-head"
        os.environ["DLO_TODAY"] = "2024-01-10"  # the route on the order's day (dates keep order)
        workflow.submit(project, reg)
        for role in ("vp-academic", "legal-head", "hr-head", "docs-head"):
            workflow.agree(project, reg, role)
        workflow.approve(project, reg, "1", dt.date(2024, 1, 10))
        day = dt.date(2024, 2, 1)
        os.environ["DLO_TODAY"] = day.isoformat()  # the reviews on their day
        marks = sorted({10, 100, events})
        done = 6
        for mark in marks:
            while done < mark:
                workflow.review(project, reg, "hr-head", f"review {done}", day)
                done += 1
            append = timed(lambda: workflow.review(project, reg, "hr-head", "bench", day), 3)
            done += 3
            status = timed(lambda: workflow.status(project, reg))
            verify = timed(lambda: workflow.verify(project, [reg]))
            records = timed(lambda: workflow.records(project, reg))
            print(
                f"journal of {done:>4} events: append {append * 1000:7.1f} ms  status {status * 1000:7.1f} ms  "
                f"records {records * 1000:7.1f} ms  verify {verify * 1000:7.1f} ms"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
