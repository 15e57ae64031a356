"""Ending the process group a program was started in (``start_new_session=True``): the program
and whatever it started, so that nothing outlives the call that ran it (LibreOffice's launcher
``oosplash`` and its ``soffice.bin``, for one).

- ``start(cmd, env) -> (proc, held)``: ``cmd`` started in a session of its own (its output
  piped), with Ctrl-C and SIGTERM held (``interrupts``) until ``communicate`` releases them
  inside the caller's ``try``: an interrupt between the start and that ``try`` would have left
  the program running (seen on a loaded machine).
- ``end(proc)``: SIGTERM to the group, then SIGKILL to what is still running after two seconds
  (and up to ten more for SIGKILL to take effect on a busy machine); Ctrl-C and SIGTERM held
  meanwhile: pressed again during the clean-up, Ctrl-C is raised once the group has ended, not
  in the middle of ending it (which left the program running).
- ``communicate(proc, timeout, stop, held=None)``: its output once it ends, or ``Stopped`` as
  soon as the event ``stop`` is set (by another thread: a build that is abandoned); ``held``
  released first.
- ``alive(pgid) -> bool``: is a process of the group still running? A zombie is not: it has
  ended, and only its parent's reaping remains, which for an orphan is init's job (in some
  containers init does it only now and then, so waiting for it would wait for nothing).
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

from .. import interrupts

GRACE = 2.0  # seconds the group has to end after SIGTERM, before SIGKILL
KILLED = 10.0  # seconds SIGKILL, which cannot be refused, may take to end a busy group


class Stopped(Exception):
    """A run stopped by its ``stop`` event: the caller ends its group, and begins no other."""


def start(cmd: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[bytes], interrupts.Held]:
    """``cmd`` started in a new session, and the hold on interrupts ``communicate`` releases."""
    held = interrupts.hold()
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
    except BaseException:
        held.release()
        raise
    return proc, held


def communicate(
    proc: subprocess.Popen[bytes],
    timeout: float,
    stop: threading.Event | None,
    held: interrupts.Held | None = None,
) -> tuple[bytes, bytes]:
    """``proc``'s output once it ends; TimeoutExpired after ``timeout``; Stopped as soon as
    ``stop`` is set (looked at five times a second). ``held`` is released first: an interrupt
    that came since the start is raised here, where the caller ends the group."""
    if held is not None:
        held.release()
    if stop is None:
        return proc.communicate(timeout=timeout)
    deadline = time.monotonic() + timeout
    while True:
        try:
            return proc.communicate(timeout=max(0.0, min(0.2, deadline - time.monotonic())))
        except subprocess.TimeoutExpired:
            if stop.is_set():
                raise Stopped() from None
            if time.monotonic() >= deadline:
                raise


def end(proc: subprocess.Popen[bytes]) -> None:
    """End every process left in the group ``proc`` leads (ours alone: a new session); the
    leader is reaped when this returns, unless even SIGKILL did not end it in time. An interrupt
    meanwhile is raised once it has returned (``interrupts``)."""
    with interrupts.holding():
        _end(proc)


def _end(proc: subprocess.Popen[bytes]) -> None:
    pgid = proc.pid
    for sig, seconds in ((signal.SIGTERM, GRACE), (signal.SIGKILL, KILLED)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            return
        except PermissionError:  # the group id was reused by someone else's processes
            return
        if _ended(proc, pgid, seconds):
            return


def _ended(proc: subprocess.Popen[bytes], pgid: int, seconds: float) -> bool:
    """Has the group ended within ``seconds``? Its leader is then reaped."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        proc.poll()  # reap the leader if it has ended
        if not alive(pgid):
            proc.wait()  # the leader has ended too (at most a zombie): reap it
            return True
        time.sleep(0.02)
    return False


def alive(pgid: int) -> bool:
    """Is a process of group ``pgid`` still running (a zombie is not)?"""
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    proc = Path("/proc")
    if not proc.is_dir():
        return True  # nothing tells a zombie apart here: the group lives while it answers
    for entry in proc.iterdir():
        try:  # after the command's name: its state, parent, group…
            state, _, group = (entry / "stat").read_text().rsplit(") ", 1)[1].split()[:3]
        except (OSError, IndexError, ValueError):
            continue  # not a process, or one that has just gone
        if group == str(pgid) and state != "Z":
            return True
    return False
