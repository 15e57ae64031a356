"""Progress of long work: a bar on a terminal, one summary line otherwise.

``Progress(total, label)`` is advanced with ``advance(n)`` and closed with ``close()`` (or used
as a context manager). Nothing is shown for work that ends within ``quiet`` seconds (2 s), nor
for fewer than ``least`` items (10: then it is one item that is slow, not the amount of work), so
a quick command prints what it always printed. On a terminal the bar (count, rate, time left) is
redrawn at most ten times a second on one line of the error stream; elsewhere (a pipe, a log
file, CI) one line with the count, the time and the rate is written at the end.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from .i18n import _

WIDTH = 24


class Progress:
    def __init__(
        self,
        total: int,
        label: str,
        stream: TextIO | None = None,
        quiet: float = 2.0,
        least: int = 10,
    ) -> None:
        self.total, self.label, self.quiet = total, label, quiet
        self.silent = total < least
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = 0
        self.start = time.monotonic()
        self._drawn = 0.0
        self._shown = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def elapsed(self) -> float:
        return time.monotonic() - self.start

    def line(self) -> str:
        elapsed = self.elapsed()
        rate = self.done / elapsed if elapsed > 0 else 0.0
        filled = int(WIDTH * self.done / self.total) if self.total else WIDTH
        bar = "#" * filled + "-" * (WIDTH - filled)
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        left_text = _("{duration} left").format(duration=_duration(left))
        return f"{self.label} [{bar}] {self.done}/{self.total}  {rate:.1f}/s  {left_text}"

    def advance(self, n: int = 1) -> None:
        self.done = min(self.total, self.done + n)
        if not self.tty or self.silent:
            return
        now = time.monotonic()
        if now - self.start < self.quiet or now - self._drawn < 0.1:
            return
        self._drawn, self._shown = now, True
        self.stream.write("\r" + self.line() + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        elapsed = self.elapsed()
        if self._shown:
            self.stream.write("\r\x1b[K")
        if elapsed >= self.quiet and not self.silent:
            rate = self.done / elapsed if elapsed > 0 else 0.0
            summary = _("{label}: {done} of {total} in {duration} ({rate}/s)").format(
                label=self.label,
                done=self.done,
                total=self.total,
                duration=_duration(elapsed),
                rate=f"{rate:.1f}",
            )
            self.stream.write(summary + "\n")
        self.stream.flush()


class Bars:
    """Bars a library call starts once it knows how much there is to do: ``start(label)`` is
    the callback it is given (the count of the work -> the function that advances by ``n``);
    ``close()`` (or leaving the ``with``) ends each, its summary line written."""

    def __init__(self) -> None:
        self.bars: list[Progress] = []

    def start(self, label: str) -> Callable[[int], Callable[[int], None]]:
        def started(total: int) -> Callable[[int], None]:
            self.bars.append(Progress(total, label))
            return self.bars[-1].advance

        return started

    def __enter__(self) -> Bars:
        return self

    def __exit__(self, *exc: object) -> None:
        for bar in self.bars:
            bar.close()


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return _("{s} s").format(s=seconds)
    return _("{m} min {s:02d} s").format(m=seconds // 60, s=seconds % 60)
