"""Ending a program's process group (how LibreOffice is stopped): every member ends, one that
ignores SIGTERM is killed, and a zombie, already ended, is not waited for."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dlo_docs.render import process_group

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="process groups as Linux shows them in /proc"
)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1][0]
    except (OSError, IndexError):
        return ""


def test_a_zombie_group_is_not_alive_though_it_still_answers_a_signal():
    proc = subprocess.Popen(["true"], start_new_session=True)
    try:
        deadline = time.monotonic() + 10
        while _state(proc.pid) != "Z" and time.monotonic() < deadline:
            time.sleep(0.01)  # ended, not yet reaped: a zombie
        assert _state(proc.pid) == "Z"
        os.killpg(proc.pid, 0)  # the group still answers: a signal alone cannot tell
        assert not process_group.alive(proc.pid)
    finally:
        proc.wait()
    assert not process_group.alive(proc.pid)


def test_a_running_group_is_alive_until_it_is_ended_with_its_children(tmp_path):
    pids = tmp_path / "pids"
    proc = subprocess.Popen(
        ["sh", "-c", f"sleep 300 & echo $! > {pids}; wait"], start_new_session=True
    )
    deadline = time.monotonic() + 10
    while not (pids.exists() and pids.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.01)
    child = int(pids.read_text())
    assert process_group.alive(proc.pid)
    started = time.monotonic()
    process_group.end(proc)
    assert time.monotonic() - started < process_group.GRACE  # SIGTERM was enough
    assert proc.returncode is not None  # the leader is reaped
    assert not process_group.alive(proc.pid)
    assert _state(child) in ("", "Z")  # the child has ended (an orphan left for init to reap)


def test_a_group_that_ignores_sigterm_is_killed(tmp_path, monkeypatch):
    monkeypatch.setattr(process_group, "GRACE", 0.3)
    ready = tmp_path / "ready"
    # an ignored signal stays ignored across exec: the shell and its sleep both ignore SIGTERM
    proc = subprocess.Popen(
        ["sh", "-c", f"trap '' TERM; sleep 300 & touch {ready}; wait"], start_new_session=True
    )
    deadline = time.monotonic() + 10
    while not ready.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert ready.exists()
    process_group.end(proc)
    assert proc.returncode == -9  # SIGKILL
    assert not process_group.alive(proc.pid)


def _wait_for(path: Path, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while not (path.exists() and path.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.01)
    return path.read_text().strip()


def _ended_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _state(pid) in ("", "Z"):
            return True
        time.sleep(0.05)
    return False


_STARTER = """
import sys, time
from dlo_docs.render import process_group
proc, held = process_group.start(["sh", "-c", sys.argv[1]], {"PATH": "/usr/bin:/bin"})
held.release()
print(proc.pid, flush=True)
time.sleep(300)
"""


@pytest.mark.parametrize("ignores_sigterm", [False, True], ids=["ends", "ignores-sigterm"])
def test_a_group_ends_when_the_process_that_started_it_is_killed(tmp_path, ignores_sigterm):
    """SIGKILL leaves no clean-up to this process: the watcher ends the group instead (before,
    a LibreOffice that hung ran on for good)."""
    pids = tmp_path / "pids"
    trap = "trap '' TERM; " if ignores_sigterm else ""
    starter = subprocess.Popen(
        [sys.executable, "-c", _STARTER, f"{trap}sleep 300 & echo $! > {pids}; wait"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        group = int(starter.stdout.readline())
        child = int(_wait_for(pids))
        assert process_group.alive(group)
        starter.kill()  # SIGKILL: no finally, no atexit
        starter.wait()
        assert _ended_within(child, 15), "the group outlived the process that started it"
        # the group's leader (the shell) ends just after its child: not at the same instant
        deadline = time.monotonic() + 5
        while process_group.alive(group) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not process_group.alive(group)
    finally:
        starter.kill()
        starter.wait()
        starter.stdout.close()


def test_a_group_ended_in_the_ordinary_way_leaves_no_watcher_behind(tmp_path):
    proc, held = process_group.start(["sh", "-c", "exit 3"], {"PATH": "/usr/bin:/bin"})
    held.release()
    proc.communicate()
    ((watcher, _),) = [w for g, w in process_group._watchers.items() if g == proc.pid]
    process_group.end(proc)
    assert proc.returncode == 3
    assert watcher.returncode == 0  # told to leave, reaped
    assert proc.pid not in process_group._watchers
