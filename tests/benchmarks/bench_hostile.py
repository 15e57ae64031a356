"""Hostile inputs: how fast each is refused, and how much memory that takes. Prints figures,
asserts nothing. Run: .venv/bin/python tests/benchmarks/bench_hostile.py

The loader refuses these inputs at the first offending event, so the time is that of reading the
file up to there, whatever the input would expand to.
"""

from __future__ import annotations

import os
import sys
import tempfile
import tracemalloc
from pathlib import Path

from timing import median_ms

ROOT = Path(__file__).resolve().parents[2]


def _bomb(levels: int) -> bytes:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def main() -> None:
    from dlo_docs import load

    seed = (ROOT / "regulations" / "dlo-head" / "regulation.yaml").read_bytes()
    cases = {
        "seed regulation (accepted, for comparison)": seed,
        "alias bomb, 9 levels (9^9 nodes expanded)": _bomb(9),
        "alias bomb after the whole seed": seed + b"\n" + _bomb(9),
        "[[[...]]] x 10,000": b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
        "3,000-level mapping": "".join("  " * i + f"k{i}:\n" for i in range(3000)).encode(),
        "integer of 5,000 digits": b"edition: " + b"9" * 5000 + b"\n",
        "scalar of 1,000,000 characters": b"code: " + b"x" * 1_000_000 + b"\n",
    }
    print(f"{'input':48} {'ms':>9} {'peak MiB':>9}  result")
    for name, raw in cases.items():
        ms = median_ms(lambda raw=raw: load.parse(raw, "f.yaml"), runs=5)
        tracemalloc.start()
        _, problems = load.parse(raw, "f.yaml")
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        result = problems[0].code if problems else "accepted"
        print(f"{name:48} {ms:9.1f} {peak:9.1f}  {result}")
    if Path("/dev/zero").exists():
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "regulations" / "x" / "regulation.yaml"
            path.parent.mkdir(parents=True)
            os.symlink("/dev/zero", path)
            ms = median_ms(lambda: load.read(path, "regulation.yaml"), runs=5)
            print(f"{'regulation.yaml -> /dev/zero':48} {ms:9.1f} {'':>9}  DLO009")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
