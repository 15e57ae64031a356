"""Ctrl-C pressed again while an interrupted conversion cleans up (impatient, or a terminal's
repeated key) waits for LibreOffice to have ended: it is not left running. A SIGTERM held while
LibreOffice was being started does not leave it ignoring SIGTERM (a stand-in soffice: no
LibreOffice needed)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_terminated import MANY, left_running, reaped, stand_in, started

# a stand-in that refuses SIGTERM, as a busy LibreOffice may: ending its group then takes two
# seconds (SIGTERM, then SIGKILL), during which Ctrl-C is pressed twice more
STUBBORN = "trap '' TERM\necho $$ >> {pids}\nsleep 60 &\necho $! >> {pids}\nwait\n"

ONE = """
import sys
from pathlib import Path
from dlo_docs import cli
from dlo_docs.render import pdf

cli._on_sigterm()
pdf.convert({"a": b"not a docx"})
"""


@pytest.mark.parametrize("script, runs", [(ONE, 1), (MANY, 2)], ids=["one run", "two in threads"])
def test_ctrl_c_pressed_again_during_the_clean_up_leaves_libreoffice_not_running(
    tmp_path, script, runs
):
    pids, work = tmp_path / "pids", tmp_path / "work"
    work.mkdir()
    env = stand_in(tmp_path, STUBBORN.format(pids=pids), TMPDIR=str(work))
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(work), "4"], env=env, stderr=subprocess.PIPE, text=True
    )
    with reaped(proc):
        started(proc, pids, 2 * runs)
        for _ in range(3):  # the first stops the runs; the others come while they are ended
            proc.send_signal(signal.SIGINT)
            time.sleep(0.5)
        _, err = proc.communicate(timeout=30)
    left = left_running(pids)
    assert not left, f"processes {left} were left running: {err}"
    assert proc.returncode == -signal.SIGINT, err
    assert "Exception ignored" not in err, err
    assert not [p for p in work.iterdir() if p.name.startswith("dlo-lo-profile-")]


# SIGTERM comes (and is held) just before the stand-in is started: what it started reports
# whether SIGTERM is ignored in it, then the held SIGTERM ends the command
BEFORE = """
import os, signal, subprocess, sys, time
from dlo_docs import cli
from dlo_docs.render import pdf

cli._on_sigterm()
real = subprocess.Popen

class After(real):
    def __init__(self, *args, **kwargs):
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(1000):  # the handler runs here, at the latest: the signal is held
            pass
        super().__init__(*args, **kwargs)

pdf.subprocess.Popen = After
started = time.monotonic()
try:
    pdf.convert({"a": b"not a docx"})
finally:
    print(f"took {time.monotonic() - started:.2f}", file=sys.stderr)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc to read SigIgn")
def test_libreoffice_started_after_a_held_sigterm_does_not_ignore_sigterm(tmp_path):
    report = tmp_path / "ignored"
    # written whole or not at all: the held SIGTERM may end the stand-in while grep writes
    body = f"grep SigIgn /proc/$$/status > {report}.part && mv {report}.part {report}\nsleep 60\n"
    proc = subprocess.run(
        [sys.executable, "-c", BEFORE],
        env=stand_in(tmp_path, body),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 128 + signal.SIGTERM, proc.stderr
    if report.exists():  # it got as far as saying: SIGTERM (bit 15) is not among the ignored
        assert not int(report.read_text().split()[1], 16) & (1 << (signal.SIGTERM - 1))
    took = float(proc.stderr.split("took ")[1].split()[0])
    assert took < 1.5, f"{took} s: the stand-in had to be killed (it ignored SIGTERM)"


def _script(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run by a Python of its own (its signals its own), its output captured."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


# the start of a script whose command gets Ctrl-C once more as it prints a line with WORDS
PRESSED_ON = """
import os, signal, sys
import click
from dlo_docs import cli, entry, site

real_echo = click.echo

def echo(message=None, *args, **kwargs):
    real_echo(message, *args, **kwargs)
    if WORDS in str(message):
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):  # its handler runs here, at the latest
            pass

click.echo = echo
"""


def _pressed_on(words: str, rest: str) -> str:
    return PRESSED_ON.replace("WORDS", repr(words)) + rest


# Ctrl-C pressed once more just as the command says "Interrupted" (a third press, say): the
# command still ends with 130, not killed by SIGINT (-2)
AFTER_ABORTED = _pressed_on(
    "Interrupted",
    """
def interrupted(*args, **kwargs):
    raise click.exceptions.Abort() from KeyboardInterrupt()

cli.main.main = interrupted
sys.argv = ["dlo", "render"]
entry.run()  # as the dlo executable runs
""",
)


def test_ctrl_c_once_more_after_aborted_still_exits_130():
    proc = _script(AFTER_ABORTED)
    assert proc.returncode == 130, proc.stderr
    assert "Interrupted: no file is half-written" in proc.stderr
    assert "Traceback" not in proc.stderr


# A caller that runs commands in its own process (the tests do) and one ends by Ctrl-C: the
# programs it starts afterwards must not inherit SIGINT ignored (they did, and 4 interrupt tests
# run later in the same worker hung until their timeouts)
IN_PROCESS = """
import signal, subprocess, sys
import click
from dlo_docs import cli

def interrupted(*args, **kwargs):
    raise click.exceptions.Abort() from KeyboardInterrupt()

real = cli.main.main
cli.main.main = interrupted
try:
    cli.run()
except SystemExit as exc:
    assert exc.code == 130, exc.code
cli.main.main = real
assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
mask = subprocess.run(["grep", "SigIgn", "/proc/self/status"], capture_output=True, text=True)
print(mask.stdout.split()[1])
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc to read SigIgn")
def test_a_command_ended_by_ctrl_c_leaves_its_callers_children_interruptible():
    proc = _script(IN_PROCESS)
    assert proc.returncode == 0, proc.stderr
    assert not int(proc.stdout.split()[-1], 16) & (1 << (signal.SIGINT - 1))


# ... and the caller's own Ctrl-C still works afterwards: the flag that ignores a press more is
# the ended command's, not the caller's (it swallowed every later Ctrl-C of the caller)
CALLER_AFTER = """
import os, signal, time
import click
from dlo_docs import cli

def interrupted(*args, **kwargs):
    raise click.exceptions.Abort() from KeyboardInterrupt()

cli.main.main = interrupted
try:
    cli.run()
except SystemExit as exc:
    assert exc.code == 130, exc.code
try:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)
    print("ignored")
except KeyboardInterrupt:
    print("interrupted")
"""


def test_a_callers_ctrl_c_works_after_a_command_it_ran_was_interrupted():
    proc = _script(CALLER_AFTER)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["interrupted"]


# dlo site serve stopped by Ctrl-C, and Ctrl-C pressed again as it says "stopped": still 0, as
# docs/cli.md says (it was 130, or -2 when the press came as Python shut down)
SERVE_AGAIN = _pressed_on(
    "stopped",
    """
class Server:
    server_address = ("127.0.0.1", 8000)
    def serve_forever(self):
        raise KeyboardInterrupt
    def server_close(self):
        pass

site.server = lambda *args, **kwargs: Server()
sys.argv = ["dlo", "site", "serve"]
entry.run()
""",
)


def test_serve_stopped_by_ctrl_c_and_pressed_again_exits_0():
    proc = _script(SERVE_AGAIN)
    assert proc.returncode == 0, proc.stderr
    assert "stopped" in proc.stdout and "Traceback" not in proc.stderr


# SIGTERM (a service manager stopping it), then Ctrl-C during its clean-up or on the way out:
# the command still ends with 143, not 130 (nor -2, killed by SIGINT as Python shut down)
TERM_THEN_INT = """
import os, signal, sys
from dlo_docs import entry, cli

def terminated(*args, **kwargs):
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(1000):  # its handler runs here, at the latest
            pass
    finally:  # the clean-up SIGTERM began
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):
            pass

cli.main.main = terminated
sys.argv = ["dlo", "render"]
entry.run()
"""


def test_ctrl_c_after_sigterm_still_exits_143():
    proc = _script(TERM_THEN_INT)
    assert proc.returncode == 143, proc.stderr
    assert "Traceback" not in proc.stderr
    # said once, as Ctrl-C's "Interrupted": a service manager's log shows why the command ended
    assert proc.stderr.count("Terminated: no file is half-written") == 1, proc.stderr
