"""The private temporary folders of a run (``scratch``) are not left behind by an interrupt that
comes just as one is made or while it is being removed (a stress run of random SIGTERMs found
a profile left, once in 600 runs): LibreOffice's profile ``dlo-lo-profile-*`` and
``pdf.convert``'s ``dlo-pdf-*`` in the temporary folder, and ``dlo render``'s staging folder
``.dlo-render-*`` in the output folder. Each signal is sent by the process to itself at that moment, so the test is deterministic. One
left anyway (SIGKILL, a power cut) is removed by a later run once the process that made it no
longer runs; another host's, a running process's and a planted link are left alone (a stand-in
soffice: no LibreOffice needed)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from test_interrupted_at_the_edges import EACH_SIGNAL
from test_pdf import fake_soffice
from test_terminated import stand_in

from dlo_docs import fsio, scratch
from dlo_docs.render import pdf as pdf_render

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

# the signal comes just after a folder named MADE* is made ("made"), or as the folder REMOVED
# inside the scratch folder is removed ("removed"): the handler runs at the latest in the loop,
# unless the signal is held
HOOKS = """
import os, sys

SIG, WHERE, MADE, REMOVED = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
real_mkdir, real_rmdir = os.mkdir, os.rmdir

def interrupted():
    os.kill(os.getpid(), SIG)
    for _ in range(1000):
        pass

def mkdir(path, *args, **kwargs):
    real_mkdir(path, *args, **kwargs)
    if WHERE == "made" and os.path.basename(os.fspath(path)).startswith(MADE):
        interrupted()

def rmdir(path, *args, **kwargs):
    if WHERE == "removed" and os.path.basename(os.fspath(path)) == REMOVED:
        interrupted()
    real_rmdir(path, *args, **kwargs)

os.mkdir, os.rmdir = mkdir, rmdir
"""

MAKES_PDFS = """
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
for a in "$@"; do case "$a" in *.docx) b=$(basename "$a" .docx); echo pdf > "$out/$b.pdf";; esac; done
"""


CONVERT = (
    HOOKS
    + """
from dlo_docs import cli
from dlo_docs.render import pdf
cli._on_sigterm()
pdf.convert({"a": b"not a docx"})
print("not interrupted", file=sys.stderr)
"""
)

RENDER = (
    HOOKS
    + """
from dlo_docs.cli import run
sys.argv = ["dlo", "render", "dlo-head", "--format", "pdf"]
run(exiting=True)
print("not interrupted", file=sys.stderr)
"""
)

WHERE = pytest.mark.parametrize("where", ["made", "removed"])


# (the folder's name, a folder only it holds): "out", the converted files; "user", the profile's
@pytest.mark.parametrize(
    "made, removed", [("dlo-pdf-", "out"), ("dlo-lo-profile-", "user")], ids=["pdf", "profile"]
)
@WHERE
@EACH_SIGNAL
def test_an_interrupt_as_a_conversion_folder_is_made_or_removed_leaves_nothing(
    tmp_path, sig, where, made, removed
):
    work = tmp_path / "work"
    work.mkdir()
    env = stand_in(tmp_path, "exit 0\n", TMPDIR=str(work))
    args = [str(int(sig)), where, made, removed]
    proc = subprocess.run(
        [sys.executable, "-c", CONVERT, *args], env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == (143 if sig == signal.SIGTERM else -signal.SIGINT), proc.stderr
    assert "not interrupted" not in proc.stderr
    assert sorted(p.name for p in work.iterdir()) == [], proc.stderr  # no dlo-pdf-*, no profile


@WHERE
@EACH_SIGNAL
def test_an_interrupt_as_the_render_staging_folder_is_made_or_removed_leaves_nothing(
    in_force, tmp_path, sig, where
):
    work = tmp_path / "work"
    work.mkdir()
    env = stand_in(tmp_path, MAKES_PDFS, TMPDIR=str(work), DLO_UI_LANG="en")
    # "source": the DOCX the PDFs are made from, inside the staging folder only
    args = [str(int(sig)), where, ".dlo-render-", "source"]
    proc = subprocess.run(
        [sys.executable, "-c", RENDER, *args],
        cwd=in_force,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 128 + sig, proc.stderr  # SIGTERM 143, Ctrl-C 130
    assert "Traceback" not in proc.stderr and "not interrupted" not in proc.stderr
    build = in_force / "build"
    assert not list(build.glob(".dlo-*")), sorted(p.name for p in build.iterdir())
    assert sorted(p.name for p in work.iterdir()) == [], proc.stderr


def _left(folder: Path, name: str) -> Path:
    """A scratch folder as a run left it, a file in a folder of its own in it."""
    (folder / name / "out").mkdir(parents=True)
    (folder / name / "out" / "a.docx").write_bytes(b"half a conversion")
    return folder / name


@pytest.mark.parametrize("kind", ["pdf", "lo-profile"])
def test_a_later_conversion_removes_the_folders_of_processes_that_no_longer_run(
    monkeypatch, tmp_path, kind
):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(work))
    monkeypatch.setenv("DLO_SOFFICE", str(fake_soffice(tmp_path, MAKES_PDFS)))
    host = fsio.staging(kind, hidden=False).split("-")[-3]
    ended = subprocess.Popen(["true"])
    ended.wait()
    running = subprocess.Popen(["sleep", "60"])
    try:
        dead = _left(work, f"dlo-{kind}-{host}-{ended.pid}-x1y2z3a4")
        alive = _left(work, f"dlo-{kind}-{host}-{running.pid}-x1y2z3a4")
        elsewhere = _left(work, f"dlo-{kind}-another_host-{ended.pid}-x1y2z3a4")
        mine = _left(work, f"dlo-{kind}-{host}-{os.getpid()}-x1y2z3a4")  # a run of this process
        older = _left(work, f"dlo-{kind}-abc123")  # named as before: whose it is cannot be told
        planted = work / f"dlo-{kind}-{host}-{ended.pid}-link"
        target = tmp_path / "kept"
        target.mkdir()
        (target / "file").write_text("kept", "utf-8")
        planted.symlink_to(target, target_is_directory=True)
        assert pdf_render.convert({"a": b"docx"}) == {"a": b"pdf\n"}
    finally:
        running.kill()
        running.wait()
    assert not dead.exists() and not os.path.lexists(planted)  # removed; a link not followed
    assert (target / "file").read_text("utf-8") == "kept"
    kept = (alive, elsewhere, mine, older)
    assert sorted(p.name for p in work.iterdir()) == sorted(p.name for p in kept)  # run's gone
    assert all((p / "out" / "a.docx").is_file() for p in kept)


def test_a_scratch_folder_is_removed_however_its_block_ends(tmp_path):
    with scratch.folder("test", tmp_path) as made:
        assert made.parent == tmp_path and made.name.startswith(fsio.staging("test", False))
        (made / "file").write_text("x", "utf-8")
    with pytest.raises(KeyboardInterrupt), scratch.folder("test", tmp_path, hidden=True) as hid:
        assert hid.name.startswith(fsio.staging("test"))
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []
