"""Ctrl-C and SIGTERM at the edges of a command, where a stress run of random interrupts found
them mishandled: while the command line is still being imported (a traceback of the import),
during Python's shutdown once the command has ended (an ignored ``SystemExit: 143`` traceback),
and pressed again while the first one's clean-up runs (cut short). Each is sent by the process
to itself at that moment, so the test is deterministic."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


# each test once for Ctrl-C and once for SIGTERM
EACH_SIGNAL = pytest.mark.parametrize(
    "sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"]
)


def _script(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
    )


# the signal comes as ``dlo_docs.cli`` starts being imported, before its handlers exist
WHILE_IMPORTED = """
import os, signal, sys
from dlo_docs import entry

SIG = int(sys.argv[1])

class Finder:
    def find_spec(self, name, path=None, target=None):
        if name == "dlo_docs.cli":
            os.kill(os.getpid(), SIG)
            for _ in range(1000):  # a handler would run here
                pass
        return None

sys.meta_path.insert(0, Finder())
sys.argv = ["dlo", "--help"]
entry.run()
"""


@EACH_SIGNAL
def test_an_interrupt_while_the_command_line_is_imported_exits_quietly(sig):
    proc = _script(WHILE_IMPORTED, str(int(sig)))
    assert proc.returncode == 128 + sig, proc.stderr
    assert "Traceback" not in proc.stderr and "Usage" not in proc.stdout, proc.stderr


# the signal comes in an ``atexit`` callback, once the command has ended (exit 0)
AT_EXIT = """
import atexit, os, signal, sys
from dlo_docs import entry

SIG = int(sys.argv[1])

def late():
    os.kill(os.getpid(), SIG)
    for _ in range(1000):  # a handler would run here
        pass
    print("shut down", file=sys.stderr)

atexit.register(late)
sys.argv = ["dlo", "--help"]
entry.run()
"""


@EACH_SIGNAL
def test_an_interrupt_as_python_shuts_down_after_the_command_keeps_its_code(sig):
    proc = _script(AT_EXIT, str(int(sig)))
    assert proc.returncode == 0, proc.stderr
    assert "Usage" in proc.stdout
    assert "Exception ignored" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert "shut down" in proc.stderr  # the shutdown went on to its end


# Ctrl-C, then Ctrl-C again (or SIGTERM) while the first one's ``finally`` cleans up
AGAIN_IN_CLEAN_UP = """
import os, signal, sys
from pathlib import Path
from dlo_docs import cli, entry

SIG, MARKER = int(sys.argv[1]), Path(sys.argv[2])

def command(*args, **kwargs):
    try:
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):
            pass
    finally:
        os.kill(os.getpid(), SIG)
        for _ in range(1000):  # a handler would raise here, cutting the clean-up short
            pass
        MARKER.write_text("cleaned up")

cli.main.main = command
sys.argv = ["dlo", "render"]
entry.run()
"""


@EACH_SIGNAL
def test_an_interrupt_during_the_clean_up_of_ctrl_c_lets_it_finish(tmp_path, sig):
    marker = tmp_path / "marker"
    proc = _script(AGAIN_IN_CLEAN_UP, str(int(sig)), str(marker))
    assert marker.exists(), proc.stderr
    assert proc.returncode == 130, proc.stderr  # the first interrupt's code
    assert "Traceback" not in proc.stderr, proc.stderr


# the handler runs in a descriptor's ``__set_name__`` (as a dataclass is defined while a module is
# imported), where Python 3.11 wraps what it raises in RuntimeError: an "internal error"
IN_SET_NAME = """
import os, signal, sys
from dlo_docs import cli, entry

SIG = int(sys.argv[1])

class Named:
    def __set_name__(self, owner, name):
        os.kill(os.getpid(), SIG)
        for _ in range(1000):  # the handler runs here
            pass

def command(*args, **kwargs):
    class Defined:
        field = Named()

cli.main.main = command
sys.argv = ["dlo", "render"]
entry.run()
"""


@EACH_SIGNAL
def test_an_interrupt_python_wraps_in_another_exception_is_still_an_interrupt(sig):
    proc = _script(IN_SET_NAME, str(int(sig)))
    assert proc.returncode == 128 + sig, proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
