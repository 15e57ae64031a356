"""A command ended by SIGTERM (a service manager, ``kill``, a CI timeout) while LibreOffice
converts cleans up as Ctrl-C does: LibreOffice and what it started are ended, and neither the
staging folder of ``dlo render`` nor the site build's conversion folder, nor LibreOffice's
private profile, is left behind (a stand-in soffice: no LibreOffice needed)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_pdf import _alive, fake_soffice

HANGS = "echo $$ >> {pids}\nsleep 60 &\necho $! >> {pids}\nwait\n"  # and its child too


@pytest.mark.parametrize(
    "args, staging, body",
    [
        pytest.param(
            ["render", "dlo-head", "--format", "pdf"], "build/.dlo-render-*", HANGS, id="render"
        ),
        # the site's conversion runs in the background: it is stopped too, not waited for
        pytest.param(["site", "build"], "public/.dlo-site/pdf-*", HANGS, id="site"),
    ],
)
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_command_terminated_during_the_conversion_leaves_nothing_behind(
    in_force, tmp_path, args, staging, body, sig
):
    project = in_force
    pids, temp = tmp_path / "pids", tmp_path / "tmp"
    temp.mkdir()
    env = stand_in(tmp_path, body.format(pids=pids), DLO_UI_LANG="en", TMPDIR=str(temp))
    command = [sys.executable, "-c", "from dlo_docs.cli import run; run()", *args]
    proc = subprocess.Popen(command, cwd=project, env=env, stderr=subprocess.PIPE, text=True)
    with reaped(proc):
        started(proc, pids, 2)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
    left = left_running(pids)
    assert proc.returncode == 128 + sig, err  # SIGTERM 143; Ctrl-C 130, as the README says
    assert "Traceback" not in err and "internal error" not in err
    assert not list(project.glob(staging))
    assert not (project / "public" / ".dlo-site" / "finished").exists()  # interrupted: not finished
    assert not list(temp.iterdir())  # LibreOffice's private profile removed
    assert not left, f"processes {left} were left running"


def stand_in(tmp_path: Path, body: str, **more: str) -> dict[str, str]:
    """The environment of a command converting with a stand-in soffice running ``body``, its
    cache of its own."""
    soffice = fake_soffice(tmp_path, body)
    return dict(os.environ, DLO_SOFFICE=str(soffice), DLO_CACHE_DIR=str(tmp_path / "cache"), **more)


@contextlib.contextmanager
def reaped(proc: subprocess.Popen) -> Iterator[None]:
    """The command killed and reaped if it still runs when the block ends (a failing test
    leaves nothing behind)."""
    try:
        yield
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def left_running(pids: Path) -> list[int]:
    """The stand-ins' processes still running (each killed: a failing run leaves none)."""
    return [pid for pid in map(int, pids.read_text().split()) if _still(pid)]


def started(proc: subprocess.Popen, pids: Path, count: int) -> None:
    """Wait until the stand-ins have written ``count`` process ids (every run has started)."""
    deadline = time.monotonic() + 60
    while not (pids.exists() and len(pids.read_text().split()) == count):
        assert time.monotonic() < deadline and proc.poll() is None, "no conversion started"
        time.sleep(0.05)


def _still(pid: int) -> bool:
    """Is ``pid`` still running after up to five seconds? If so, it is killed (a failing run
    leaves no stand-in behind)."""
    deadline = time.monotonic() + 5
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if not _alive(pid):
        return False
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    return True


def test_what_a_killed_site_build_left_is_removed_by_the_next(in_force, dlo, tmp_path):
    """SIGKILL (or a power cut) runs no clean-up: the next build, under the build's lock, removes
    the conversion folders and the search index being written that it left in the site's
    private folder, and the pages a group held (they were published with the site, for good); a link is removed, never
    followed."""
    private = in_force / "public" / ".dlo-site"
    (private / "pdf-k1ll3d" / "out").mkdir(parents=True)
    (private / "pdf-k1ll3d" / "reg.kk.docx").write_bytes(b"docx")
    (private / "search-k1ll3d.tmp").write_bytes(b"[")
    (private / "held-k1ll3d.tmp").write_bytes(b"x")  # where a file cannot be unnamed (Windows)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("not the site's", encoding="utf-8")
    (private / "pdf-link").symlink_to(outside, target_is_directory=True)
    (private / "pdf-failures.log").write_text("the last build's report", encoding="utf-8")
    result = dlo("site", "build", "--no-pdf", cwd=in_force)
    assert result.code == 0, result.err
    left = sorted(
        p.name for p in private.iterdir() if p.name.startswith(("pdf-", "search-", "held-"))
    )
    assert left == ["pdf-failures.log"]
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "not the site's"


def test_a_killed_site_build_leaves_no_mark_of_a_finished_one(in_force, dlo, tmp_path):
    """A build marks the site finished at its end, and removes the mark before it writes
    anything: one killed (SIGKILL: no clean-up) leaves none, so the next build searches every
    folder of the site for the temporary files of the writes it tore, and removes them."""
    public = in_force / "public"
    mark = public / ".dlo-site" / "finished"
    assert dlo("site", "build", "--no-pdf", cwd=in_force).code == 0
    assert mark.is_file()
    pids = tmp_path / "pids"
    env = stand_in(tmp_path, HANGS.format(pids=pids), DLO_UI_LANG="en")
    command = [sys.executable, "-c", "from dlo_docs.cli import run; run()", "site", "build"]
    proc = subprocess.Popen(command, cwd=in_force, env=env, stderr=subprocess.PIPE, text=True)
    with reaped(proc):
        started(proc, pids, 2)  # writing the site (its PDFs need other keys: all is rendered)
        proc.kill()
        proc.communicate(timeout=30)
    for pid in map(int, pids.read_text().split()):  # what SIGKILL left running
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    assert not mark.exists()
    torn = next(public.glob("*/*/index.html")).with_name(".index.html.k1ll3d00.tmp")
    torn.write_text("half", encoding="utf-8")
    old = time.time() - 3600
    os.utime(torn, (old, old))
    result = dlo("site", "build", "--no-pdf", cwd=in_force)
    assert result.code == 0, result.err
    assert not torn.exists() and mark.is_file()


@pytest.mark.parametrize(
    "args", [["render", "dlo-head", "--format", "pdf"], ["site", "build"]], ids=["render", "site"]
)
def test_a_killed_command_leaves_no_libreoffice_running(in_force, tmp_path, args):
    """SIGKILL (the out-of-memory killer, a service manager's timeout) runs no clean-up of the
    command's: LibreOffice and what it started end anyway, within the grace SIGTERM is given
    (before, one that hung ran on for good, its time limit the killed command's to enforce)."""
    pids = tmp_path / "pids"
    env = stand_in(tmp_path, HANGS.format(pids=pids), DLO_UI_LANG="en")
    command = [sys.executable, "-c", "from dlo_docs.cli import run; run()", *args]
    proc = subprocess.Popen(command, cwd=in_force, env=env, stderr=subprocess.PIPE, text=True)
    with reaped(proc):
        started(proc, pids, 2)
        proc.kill()
        proc.communicate(timeout=30)
    assert not left_running(pids), "LibreOffice outlived the command that started it"


def test_what_a_killed_render_left_is_removed_by_the_next(in_force, dlo, tmp_path):
    """A render killed with SIGKILL leaves its staging folder in the output folder; the next
    render removes it, once its process no longer runs. A running render's folder, another
    host's (a shared output folder) and anything else are left alone; a link is removed, never
    followed."""
    from dlo_docs import fsio

    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()  # a process id that no longer runs
    ours = fsio.staging("render")  # .dlo-render-<host>-<this pid>-
    dead = ours.replace(f"-{os.getpid()}-", f"-{ended.pid}-")
    build = in_force / "build"
    (build / f"{dead}k1ll3d" / "source").mkdir(parents=True)
    (build / f"{dead}k1ll3d" / "dlo-head.kk.docx").write_bytes(b"half a render")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("not the render's", encoding="utf-8")
    (build / f"{dead}link").symlink_to(outside, target_is_directory=True)
    kept = [f"{ours}running", ".dlo-render-another_host-1-x", ".dlo-render-k1ll3d", "mine"]
    for name in kept:
        (build / name).mkdir()
    result = dlo("render", "dlo-head", "--format", "docx", cwd=in_force)
    assert result.code == 0, result.err
    left = sorted(p.name for p in build.iterdir() if not p.name.endswith(".docx"))
    assert left == sorted(kept)
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "not the render's"


# A command, its SIGTERM and Ctrl-C handlers installed as ``dlo`` installs them, converting with
# a stand-in soffice; the signal is sent to itself the moment ``subprocess.Popen`` has started
# the stand-in, before the code that ends it has begun (a window of a few instructions, hit on
# a loaded machine before the interrupt was held there).
RACE = """
import os, signal, subprocess, sys
from pathlib import Path
from dlo_docs import cli
from dlo_docs.render import pdf

cli._on_sigterm()
real = subprocess.Popen

class Started(real):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pids = Path(sys.argv[2])
        while not (pids.exists() and len(pids.read_text().split()) == 2):
            pass
        os.kill(os.getpid(), int(sys.argv[1]))
        for _ in range(1000):  # the handler runs here, at the latest
            pass

pdf.subprocess.Popen = Started
pdf.convert({"a": b"not a docx"})
"""


# SIGTERM: exit 128 + 15; Ctrl-C: KeyboardInterrupt, uncaught here, ends Python by SIGINT
@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, -signal.SIGINT)])
def test_an_interrupt_as_libreoffice_starts_leaves_it_not_running(tmp_path, sig, code):
    pids = tmp_path / "pids"
    env = stand_in(tmp_path, HANGS.format(pids=pids))
    proc = subprocess.run(
        [sys.executable, "-c", RACE, str(int(sig)), str(pids)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    left = left_running(pids)
    assert not left, f"processes {left} were left running"
    if sig == signal.SIGTERM:
        assert proc.returncode == code, proc.stderr
    else:
        assert "KeyboardInterrupt" in proc.stderr and proc.returncode == code, proc.stderr


# Many documents converted two runs at a time (each in a thread of its own), the command ended
# while both runs hang: each run is stopped and no batch still waiting is begun.
MANY = """
import sys
from pathlib import Path
from dlo_docs import cli
from dlo_docs.render import pdf

cli._on_sigterm()
folder = Path(sys.argv[1])
files = []
for i in range(int(sys.argv[2])):
    path = folder / f"d{i}.docx"
    path.write_bytes(b"not a docx")
    files.append(path)
pdf.convert_many(files, folder / "out", batch=1, jobs=2)
"""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupted_conversion_of_many_stops_its_runs_and_begins_no_other(tmp_path, sig):
    pids, work = tmp_path / "pids", tmp_path / "work"
    work.mkdir()
    env = stand_in(tmp_path, HANGS.format(pids=pids))
    proc = subprocess.Popen(
        [sys.executable, "-c", MANY, str(work), "6"], env=env, stderr=subprocess.PIPE, text=True
    )
    with reaped(proc):
        started(proc, pids, 4)  # both runs
        begun = time.monotonic()
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
        took = time.monotonic() - begun
    assert took < 10, f"{took:.1f} s: the runs were waited for, not stopped"
    assert proc.returncode == (143 if sig == signal.SIGTERM else -signal.SIGINT), err
    ran = list(map(int, pids.read_text().split()))
    assert len(ran) == 4, "a batch was begun after the interrupt"
    left = left_running(pids)
    assert not left, f"processes {left} were left running"


def test_the_interrupt_tests_hold_where_the_suite_starts_with_ctrl_c_ignored(tmp_path):
    """A suite started in the background of a script (``./test.sh &``, ``nohup``) inherits
    SIGINT ignored, and so would every command a test interrupts with it (each such test timed
    out): the suite restores Ctrl-C first (conftest), as a terminal's shell gives it."""
    test = "tests/test_terminated.py::test_an_interrupted_conversion_of_many_stops_its_runs_and_begins_no_other[2]"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0"]
        + ["--basetemp", str(tmp_path / "inner"), test],
        cwd=Path(__file__).resolve().parent.parent,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-3000:]


# A child `dlo site build` that receives SIGNAL (its own handlers: Ctrl-C's, SIGTERM's) just as
# a group's PDF conversion is handed to the background thread that waits for LibreOffice.
AS_THE_CONVERSION_STARTS = r"""
import os, signal, sys
from dlo_docs.site import outputs
real, sig = outputs._background, getattr(signal, sys.argv[1])
class Starting:
    def submit(self, *args, **kwargs):
        running = real().submit(*args, **kwargs)
        os.kill(os.getpid(), sig)
        return running
outputs._background = Starting
sys.argv = ["dlo", *sys.argv[2:]]
from dlo_docs.entry import run
run()
"""


@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_an_interrupt_as_a_conversion_starts_ends_it_and_the_build(in_force, tmp_path, sig):
    """Ctrl-C or SIGTERM as a group's PDFs were handed to the background thread: the interrupt
    was raised before the build held that conversion, so nothing stopped it; the command
    waited, once it had said it was interrupted, for LibreOffice to end (for good when it hung;
    and when the interrupt came as the thread started, the thread was never told to end, and
    the command never ended). Now the conversion is ended with the build, at once."""
    pids, temp = tmp_path / "pids", tmp_path / "tmp"
    temp.mkdir()
    env = stand_in(tmp_path, HANGS.format(pids=pids), DLO_UI_LANG="en", TMPDIR=str(temp))
    command = [sys.executable, "-c", AS_THE_CONVERSION_STARTS, sig, "site", "build"]
    proc = subprocess.Popen(command, cwd=in_force, env=env, stderr=subprocess.PIPE, text=True)
    with reaped(proc):
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + getattr(signal, sig), err
    assert "Traceback" not in err and "internal error" not in err
    assert not list((in_force / "public" / ".dlo-site").glob("pdf-*"))
    assert not pids.exists() or not left_running(pids)
