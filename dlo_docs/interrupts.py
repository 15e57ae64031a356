"""Ctrl-C and SIGTERM held back while a program is being started, so that it is never left
running because the interrupt came between its start and the code that ends it.

The command line's handlers (``cli``) raise ``KeyboardInterrupt`` for Ctrl-C and ``SystemExit``
for SIGTERM, in the main thread, at whatever line it is on. Between ``subprocess.Popen``
returning and the ``try`` whose ``finally`` ends the program there are a few instructions: an
interrupt there left LibreOffice running (seen in the tests, on a loaded machine). So
``render.process_group.start`` holds them from before the start, and ``communicate``, the first
thing its caller's ``try`` does, releases them: one that came meanwhile is raised there, where the
``finally`` ends the program.

- ``hold() -> Held``: from now until ``release()``, an interrupt is recorded, not raised
  (in the main thread only: the handlers run there; elsewhere nothing is held).
- ``Held.release()``: stop holding; raise the first interrupt recorded meanwhile, as its handler
  would have.
- ``holding()``: a context held for its block (``hold`` on entry, ``release`` on exit), for a
  clean-up that an interrupt must not cut short: the group being ended, the runs being waited
  for once stopped. Pressed again then, Ctrl-C is raised once it is done, not in the middle,
  which left LibreOffice running.
- ``handle(raise_it)``: what a handler calls: ``raise_it`` is kept while held, else called.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator

_HELD: list[Held] = []  # the holds of the main thread, innermost last


class Held:
    def __init__(self, active: bool) -> None:
        self.active = active
        self.pending: list[Callable[[], None]] = []
        if active:
            _HELD.append(self)

    def release(self) -> None:
        if not self.active:
            return
        self.active = False
        if self in _HELD:
            _HELD.remove(self)
        if self.pending:
            self.pending[0]()


def hold() -> Held:
    return Held(threading.current_thread() is threading.main_thread())


@contextlib.contextmanager
def holding() -> Iterator[None]:
    """Held for the block; an interrupt meanwhile is raised as it ends."""
    held = hold()
    try:
        yield
    finally:
        held.release()


def handle(raise_it: Callable[[], None]) -> None:
    """Raise the interrupt now (``raise_it()``), or once the innermost hold ends."""
    if _HELD:
        _HELD[-1].pending.append(raise_it)
        return
    raise_it()
