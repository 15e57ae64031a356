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

A group started here also outlives a ``dlo`` that is killed (SIGKILL, the out-of-memory killer,
a service manager's timeout) only as long as the group takes to end: a watcher (``sh``, in a
session of its own) reads a pipe whose other end only this process holds. ``end`` writes a line
to it and it leaves; the kernel closing the pipe unwritten (this process gone, however) makes it
end the group as ``end`` would, SIGTERM then SIGKILL. Without it a LibreOffice that hangs would
run on for good, its time limit being this process's to enforce.
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
# the watcher: a line read, the group was ended by ``end``; end of file unwritten, ``dlo`` is gone
_WATCH = (
    'read -r _ && exit 0; kill -TERM "-$1" 2>/dev/null || exit 0; i=0; '
    'while [ $i -lt 20 ] && kill -0 "-$1" 2>/dev/null; do sleep 0.1; i=$((i+1)); done; '
    'kill -KILL "-$1" 2>/dev/null; exit 0'
)
_watchers: dict[int, tuple[subprocess.Popen[bytes], int]] = {}  # group -> watcher, pipe's end
_lock = threading.Lock()


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
    _watch(proc.pid)
    return proc, held


def _watch(pgid: int) -> None:
    """The watcher of group ``pgid`` (none where no ``sh`` can be started: the group is then
    ended by ``end`` alone, as before)."""
    read, write = os.pipe()  # neither end is inherited by a program started since (PEP 446)
    try:
        watcher = subprocess.Popen(
            ["sh", "-c", _WATCH, "dlo-watch", str(pgid)],
            stdin=read,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not ended with this process's own group (Ctrl-C)
        )
    except OSError:
        os.close(write)
        return
    finally:
        os.close(read)
    with _lock:
        _watchers[pgid] = (watcher, write)


def _dismiss(pgid: int) -> None:
    """The group's watcher told to leave (the group has ended, or is left alone) and reaped."""
    with _lock:
        watcher, write = _watchers.pop(pgid, (None, -1))
    if watcher is None:
        return
    try:
        os.write(write, b"ended\n")
    except OSError:
        pass  # the watcher is gone already
    finally:
        os.close(write)
    watcher.wait()


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
        try:
            _end(proc)
        finally:
            _dismiss(proc.pid)


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
