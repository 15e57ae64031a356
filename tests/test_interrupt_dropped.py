"""An interrupt whose handler runs where Python drops what it raises: in a finalizer
(``__del__``, a weakref callback: "Exception ignored in ...") or in pydantic-core building a
validator (which made it a ``SchemaError``, or wrote it off and compiled the pattern
"<unprintable str object>": every id reported wrong). The command went on, printed results and
exited 0 or 1. It must end with 130 or 143 and print nothing as if it had succeeded. Each case
is set off by the process itself at that moment, so the test is deterministic."""

from __future__ import annotations

import signal
import subprocess
import sys
import weakref
from pathlib import Path

import pytest

from dlo_docs import interrupts

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _script(code: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    source = str(Path(interrupts.__file__).resolve().parent.parent)  # the dlo_docs under test
    env = {"DLO_UI_LANG": "en", "DLO_NO_CACHE": "1", "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**env, "PYTHONPATH": source},
    )


# the handler runs in a finalizer while `dlo check` works: Python drops what it raises
IN_FINALIZER = """
import signal, sys, weakref
from dlo_docs import api, entry

SIG, HOW = int(sys.argv[1]), sys.argv[2]

class Dropped:
    def __del__(self):
        signal.raise_signal(SIG)  # the handler runs here, in a finalizer

def dropping(*args, **kwargs):
    if HOW == "__del__":
        Dropped()
    else:
        weakref.finalize(Dropped.__new__(Dropped), signal.raise_signal, SIG)
    return checking(*args, **kwargs)

checking, api._check_files = api._check_files, dropping
sys.argv = ["dlo", "check", "--jobs", "1"]
entry.run()
"""


@pytest.mark.parametrize("how", ["__del__", "weakref"])
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_an_interrupt_dropped_in_a_finalizer_ends_the_command(project, sig, how):
    proc = _script(IN_FINALIZER, project, str(int(sig)), how)
    assert proc.returncode == 128 + sig, proc.stderr
    assert "Exception ignored" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert "error(s)" not in proc.stderr and proc.stdout == "", proc.stderr  # no results


# the signal arrives as pydantic-core builds the n-th model validator: its handler runs inside
# the build (where pydantic-core checks for signals), with no Python line run before
IN_VALIDATOR_BUILD = """
import _thread, functools, sys
import pydantic.plugin._schema_validator as schema_validator
from dlo_docs import entry

SIG, N = int(sys.argv[1]), int(sys.argv[2])
building, count = schema_validator.SchemaValidator, [0]

class Arrives:  # dropped, it delivers the signal from C: the handler runs at the next check
    __del__ = functools.partial(_thread.interrupt_main, SIG)

def built(*args, **kwargs):
    count[0] += 1
    if count[0] == N:
        print("arrives", file=sys.stderr)
        Arrives()
    return building(*args, **kwargs)

schema_validator.SchemaValidator = built
sys.argv = ["dlo", "check", "--jobs", "1"]
entry.run()
"""


@pytest.mark.parametrize("n", [1, 2, 3, 4])
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_an_interrupt_as_pydantic_core_builds_a_validator_ends_the_command(project, sig, n):
    # pydantic 2.14: 1 was "internal error: SchemaError ... SystemExit: 143"; 3 compiled a
    # pattern of ids wrong (every id an error, exit 1); 4 exited 0 with the whole report
    proc = _script(IN_VALIDATOR_BUILD, project, str(int(sig)), str(n))
    assert "arrives" in proc.stderr  # the n-th validator was built
    assert proc.returncode == 128 + sig, proc.stderr
    assert "Exception ignored" not in proc.stderr and "internal error" not in proc.stderr
    assert "error(s)" not in proc.stderr and "DLO" not in proc.stdout, proc.stdout


class _Dropping:
    def __init__(self, raise_it):
        self.raise_it = raise_it

    def __del__(self):
        interrupts.handle(self.raise_it)


def _keyboard():
    raise KeyboardInterrupt


def _next_call():
    return None


def test_a_dropped_interrupt_is_raised_at_the_next_call_in_process():
    profiler, tracer, hook = sys.getprofile(), sys.gettrace(), sys.unraisablehook
    reached = []
    with pytest.raises(KeyboardInterrupt), interrupts.redelivering():
        _Dropping(_keyboard)  # dropped at once: its __del__ raises into nothing
        _next_call()
        reached.append("went on")
    assert reached == []
    # nothing left behind for the caller's next command
    assert (sys.getprofile(), sys.gettrace(), sys.unraisablehook) == (profiler, tracer, hook)
    assert interrupts.raised() is None


def test_other_unraisable_exceptions_still_reach_the_hook_there_was(monkeypatch):
    seen = []
    monkeypatch.setattr(sys, "unraisablehook", seen.append)

    class Broken:
        def __del__(self):
            raise ValueError("not an interrupt")

    with interrupts.redelivering():
        Broken()
        _next_call()
    assert [type(u.exc_value) for u in seen] == [ValueError]
    assert sys.unraisablehook == seen.append


def test_an_interrupt_handled_by_the_command_is_not_raised_again():
    with interrupts.redelivering():
        try:
            interrupts.handle(_keyboard)
        except KeyboardInterrupt:
            pass  # handled (as `dlo site serve` stops on Ctrl-C): delivered
        _next_call()
        ref = weakref.ref(_Dropping)  # calls go on
    assert ref() is _Dropping
