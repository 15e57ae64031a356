"""Independent regulations worked on by a pool of processes (``--jobs N``).

``run(work, items, project, jobs)`` splits ``items`` into contiguous chunks and calls
``work(chunk)`` for each, in ``jobs`` worker processes (default: the cores; 1: in this process),
returning the results of all chunks in the order of ``items`` — so a parallel run reports and
writes exactly what a serial run does. ``work`` is a module-level function (it is sent to the
workers by name) and finds the project it works on with ``project()``: the caller's own in a
serial run, one per worker (opened from the same folder) in a parallel one.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from .project import Project

T = TypeVar("T")
R = TypeVar("R")

_project: Project | None = None
_state: Any = None
_keep = True  # see ``keep``
# A serial run over more regulations than this would only evict its own entries from the
# project's cache (it keeps 64 files, a regulation has about four), so it keeps none.
KEEP = 16
ORPHAN_CHECK = 0.5  # seconds between a worker's looks at whether its caller still runs


def project() -> Project:
    """The project of the work being done (in this process or this worker)."""
    assert _project is not None, "pool.project() outside pool.run()"
    return _project


def state() -> Any:
    """The ``state`` given to ``run`` (a copy of it in a worker)."""
    return _state


def keep() -> bool:
    """Is what a chunk worked out of a regulation worth keeping once it is done? Only in a
    serial run over few regulations, in the caller's process (a later command through the
    library may ask for the same files). A worker's cache ends with the pool, and a long run
    would only evict its own entries: there, each regulation's files are forgotten once done, so
    memory is one regulation's, however many there are."""
    return _keep


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def chunks(items: Sequence[T], count: int) -> list[list[T]]:
    """``items`` in at most ``count`` contiguous chunks of nearly equal size."""
    count = max(1, min(len(items), count))
    size, extra = divmod(len(items), count)
    out, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return [c for c in out if c]


def _context() -> Any:
    """Fork where there is fork: a worker starts as a copy of this process, imports included."""
    import multiprocessing  # (with the pool: a run in this process alone does without them)

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _start(root: str, given: Any, parent: int) -> None:
    global _project, _state, _keep
    _project, _state, _keep = Project(Path(root)), given, False
    threading.Thread(target=_orphaned, args=(parent,), daemon=True).start()


def _orphaned(parent: int) -> None:
    """End this worker once the process that started the pool is gone. A worker waits for its
    next chunk on a pipe the other workers hold open too, so one whose caller was killed
    (SIGKILL: no clean-up of the caller's) would wait there for good."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK)
    os._exit(1)


def run(
    work: Callable[[list[T]], list[R]],
    items: Sequence[T],
    project: Project,
    jobs: int | None = None,
    done: Callable[[int], None] | None = None,
    state: Any = None,
) -> list[R]:
    """``work`` over ``items`` chunk by chunk; every chunk's results, in the order of ``items``.
    ``state`` (picklable) is what every chunk needs besides its items (``pool.state()``).
    ``done(n)`` is called as each chunk of ``n`` items is finished (for progress). About four
    chunks per worker, so one slow chunk does not leave the others idle at the end."""
    global _project, _state, _keep
    jobs = default_jobs() if jobs is None else max(1, jobs)
    results: list[R] = []
    if jobs == 1 or len(items) < 2:
        previous = _project, _state, _keep
        _project, _state, _keep = project, state, len(items) <= KEEP
        try:
            for chunk in chunks(items, 10):  # ten steps of progress
                results += work(chunk)
                if done:
                    done(len(chunk))
        finally:
            _project, _state, _keep = previous
        return results
    from concurrent.futures import ProcessPoolExecutor

    parts = chunks(items, jobs * 4)
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(parts)),
        mp_context=_context(),
        initializer=_start,
        initargs=(str(project.root), state, os.getpid()),
    ) as workers:
        futures = [workers.submit(work, part) for part in parts]
        for part, future in zip(parts, futures, strict=True):
            results += future.result()
            if done:
                done(len(part))
    return results
