"""Shared by the benchmark scripts: the median of repeated runs after one warm-up."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], runs: int = 15) -> float:
    """Median wall time of ``fn`` in milliseconds over ``runs`` runs (after one warm-up run)."""
    fn()  # warm-up: caches, lazy imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
