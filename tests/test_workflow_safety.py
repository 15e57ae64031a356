"""Safe writes: concurrent writers lose nothing; a writer killed mid-write leaves a journal that
verifies; a writer that cannot get the lock fails clearly; comments survive."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from workflow_support import REG, edition_path, journal_path, ok, status

from dlo_docs import fsio, workflow
from dlo_docs.fsio import locked
from dlo_docs.project import Project
from dlo_docs.workflow import journal as wj

# A child `dlo` process. It imports everything first, then waits for the go file, so that all
# children start their command at the same moment; with a kill number N it stops for good at its
# N-th os.replace (between writing a temporary file and renaming it) and says so in a file.
CHILD = r"""
import os, sys, time
from dlo_docs.cli import run

go, ready, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
real_replace, calls = os.replace, 0

def replace(src, dst):
    global calls
    calls += 1
    if calls == kill_at:
        open(ready, "w").close()
        time.sleep(600)
    return real_replace(src, dst)

os.replace = replace
while not os.path.exists(go):
    time.sleep(0.005)
sys.argv = ["dlo", *sys.argv[4:]]
run()
"""


def child(
    project: Path, go: Path, *args: str, kill_at: int = 0, ready: Path | None = None
) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            str(go),
            str(ready or go.with_suffix(".ready")),
            str(kill_at),
            *args,
        ],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(path: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while not path.exists():
        assert proc.poll() is None, f"the child ended early: {proc.communicate()}"
        assert time.monotonic() < deadline, "the child never reached the write"
        time.sleep(0.01)


def test_concurrent_writers_lose_nothing(in_force, dlo, tmp_path):
    project = in_force  # the seed in force as edition 1 (prepared once)
    before = len(workflow.events(Project(project), REG))
    go = tmp_path / "go"
    procs = [
        child(
            project,
            go,
            "review",
            REG,
            "--by",
            "hr-head",
            "--result",
            f"review {i}",
            "--date",
            "2025-01-15",
        )
        for i in range(5)
    ]
    go.touch()
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    evs = workflow.events(Project(project), REG)
    assert len(evs) == before + 5
    assert sorted(e.result for e in evs[before:]) == sorted(f"review {i}" for i in range(5))
    assert [e.seq for e in evs] == list(range(1, len(evs) + 1))
    assert "intact" in ok(dlo, project, "verify").out


def test_a_writer_killed_between_write_and_rename(in_force, dlo, tmp_path):
    project = in_force  # the seed in force as edition 1 (prepared once)
    journal = journal_path(project)
    before = journal.read_bytes()
    go, ready = tmp_path / "go", tmp_path / "ready"
    go.touch()
    proc = child(
        project, go, "review", REG, "--by", "hr-head", "--result", "Өзекті", kill_at=1, ready=ready
    )
    wait_for(ready, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert journal.read_bytes() == before  # the old journal, whole
    leftovers = list(journal.parent.glob(".journal.yaml.*.tmp"))
    assert len(leftovers) == 1  # the new one, never renamed
    result = ok(dlo, project, "verify", REG)
    assert "intact (6 journal events)" in result.out
    assert "warning DLO610" in result.err  # the leftover is named, harmless
    # the lock died with the process: the next command goes through
    ok(dlo, project, "review", REG, "--by", "hr-head", "--result", "Өзекті", "--date", "2025-01-15")
    assert "intact (7 journal events)" in ok(dlo, project, "verify", REG).out


def test_an_approval_killed_before_it_was_journaled(project, dlo, tmp_path, monkeypatch):
    monkeypatch.setenv("DLO_TODAY", "2024-06-03")  # the order's day (the child inherits it)
    ok(dlo, project, "submit", REG)
    from workflow_support import agree_all

    agree_all(dlo, project)
    go, ready = tmp_path / "go", tmp_path / "ready"
    go.touch()
    # os.replace calls of approve: 1 the pending frozen copy, 2 the journal, 3 the copy into place
    proc = child(
        project,
        go,
        "approve",
        REG,
        "--order",
        "45-НҚ",
        "--date",
        "2024-06-03",
        kill_at=2,
        ready=ready,
    )
    wait_for(ready, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert status(dlo, project)["state"] == "agreed"
    assert not edition_path(project, 1).exists()
    result = ok(dlo, project, "verify", REG)
    assert "warning DLO610" in result.err
    ok(dlo, project, "approve", REG, "--order", "45-НҚ", "--date", "2024-06-03")
    assert edition_path(project, 1).is_file()
    assert not list(edition_path(project, 1).parent.glob("*.pending"))
    assert ok(dlo, project, "verify", REG).code == 0


def test_a_temporary_file_of_a_killed_approval_is_removed_as_the_journals_are(
    project, dlo, tmp_path, monkeypatch
):
    """An approval killed as its frozen copy was written (before its rename) leaves the copy's
    temporary file in editions/: the next command under the journal's lock removes it once it
    is a dead writer's, as it does those of the journal's own folder. Before, it stayed, and
    `dlo verify` warned of it (DLO610, "delete it") for good."""
    monkeypatch.setenv("DLO_TODAY", "2024-06-03")
    ok(dlo, project, "submit", REG)
    from workflow_support import agree_all

    agree_all(dlo, project)
    go, ready = tmp_path / "go", tmp_path / "ready"
    go.touch()
    args = ("approve", REG, "--order", "45-НҚ", "--date", "2024-06-03")
    proc = child(project, go, *args, kill_at=1, ready=ready)  # 1: the pending frozen copy
    wait_for(ready, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    [left] = edition_path(project, 1).parent.glob(".*.tmp")
    assert "warning DLO610" in ok(dlo, project, "verify", REG).err
    old = time.time() - 2 * fsio.STALE_AFTER  # a dead writer's, as the journal's are told
    os.utime(left, (old, old))
    ok(dlo, project, *args)
    assert not left.exists()
    assert ok(dlo, project, "verify", REG).err == ""


def test_a_registration_killed_before_it_was_journaled_is_named_so(
    project, dlo, tmp_path, monkeypatch
):
    """A registration from paper killed before the journal took it leaves its frozen copy
    pending: `dlo verify` says to register it again, as `dlo approve` would be refused (nothing
    was submitted); before, it said to approve it again."""
    monkeypatch.setenv("DLO_TODAY", "2024-06-03")
    go, ready = tmp_path / "go", tmp_path / "ready"
    go.touch()
    args = ("register-paper", REG, "--order", "45-НҚ", "--date", "2024-06-03")
    proc = child(project, go, *args, kill_at=2, ready=ready)  # 2: the journal
    wait_for(ready, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    result = ok(dlo, project, "verify", REG)
    assert "warning DLO610" in result.err
    assert f"dlo register-paper {REG}" in result.err and "dlo approve" not in result.err
    ok(dlo, project, *args)
    assert ".pending" not in ok(dlo, project, "verify", REG).err  # (its journal's .tmp stays)


def test_an_approval_killed_after_it_was_journaled(project, dlo, tmp_path, monkeypatch):
    monkeypatch.setenv("DLO_TODAY", "2024-06-03")  # the order's day (the child inherits it)
    ok(dlo, project, "submit", REG)
    from workflow_support import agree_all

    agree_all(dlo, project)
    go, ready = tmp_path / "go", tmp_path / "ready"
    go.touch()
    proc = child(
        project,
        go,
        "approve",
        REG,
        "--order",
        "45-НҚ",
        "--date",
        "2024-06-03",
        kill_at=3,
        ready=ready,
    )
    wait_for(ready, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    result = ok(dlo, project, "verify", REG)  # an interrupted approval, not tampering
    assert "warning DLO608" in result.err and "interrupted" in result.err
    assert not edition_path(project, 1).exists()
    assert status(dlo, project)["state"] == "in_force"  # a reading command completes it too
    assert edition_path(project, 1).is_file()
    monkeypatch.setenv("DLO_TODAY", "2025-01-15")
    ok(dlo, project, "review", REG, "--by", "hr-head", "--result", "Өзекті", "--date", "2025-01-15")
    assert edition_path(project, 1).is_file()
    result = ok(dlo, project, "verify", REG)
    assert result.err == ""


def test_a_writer_that_cannot_get_the_lock_fails_clearly(project, dlo, monkeypatch):
    monkeypatch.setattr(wj, "LOCK_TIMEOUT", 0.2)
    with locked(journal_path(project)):
        result = dlo("submit", REG, cwd=project)
    assert result.code == 1
    assert "error DLO630: the journal is locked by another dlo command" in result.err
    assert not journal_path(project).exists()
    ok(dlo, project, "submit", REG)


@pytest.mark.parametrize(
    "command",
    [("render", REG, "--format", "html"), ("site", "build", "--no-pdf"), ("status", REG)],
    ids=["render", "site", "status"],
)
def test_a_reading_command_completes_an_interrupted_approval(in_force, dlo, command):
    """An approval journaled but interrupted before its frozen copy was moved into place (its
    copy left as editions/1.yaml.pending, as a kill then leaves it): a command that only reads
    completes it too, as README says any command does, and shows the edition approved; before,
    status showed it in force while render and the site failed for want of edition 1."""
    final = edition_path(in_force, 1)
    final.rename(final.with_name("1.yaml.pending"))
    result = ok(dlo, in_force, *command)
    assert final.is_file() and not final.with_name("1.yaml.pending").exists(), result.err
    if command[0] == "render":
        assert "45-НҚ" in (in_force / "build" / f"{REG}.kk.html").read_text(encoding="utf-8")
    if command[0] == "site":
        assert (in_force / "public" / "kk" / REG / "index.html").is_file()
    assert ok(dlo, in_force, "verify", REG).err == ""


def _rename_stopped(monkeypatch, journal: Path, stop: BaseException) -> None:
    """The rename that puts ``journal`` (or another file: a frozen edition) in place stopped by
    ``stop``: its temporary file written, not renamed."""
    from dlo_docs import fsio

    real = fsio.os.replace

    def replace(src, dst):
        if str(dst) == str(journal):
            raise stop
        return real(src, dst)

    monkeypatch.setattr(fsio.os, "replace", replace)


@pytest.mark.parametrize(
    ("stop", "code"),
    [
        (OSError(28, "No space left on device"), 1),  # the disk full just then
        (KeyboardInterrupt(), 130),  # Ctrl-C just then
    ],
    ids=["full", "ctrl-c"],
)
@pytest.mark.parametrize("command", ["approve", "register-paper"])
def test_an_approval_stopped_before_it_was_journaled_leaves_no_frozen_copy(
    project, dlo, monkeypatch, stop, code, command
):
    """The journal could not take the approval (or registration): nothing was recorded, and no
    pending frozen copy is left behind for `dlo verify` to warn of (DLO610, 'delete the file')
    as if a crash had left it; given again, it is recorded."""
    monkeypatch.setenv("DLO_TODAY", "2024-06-03")
    if command == "approve":
        from workflow_support import agree_all

        ok(dlo, project, "submit", REG)
        agree_all(dlo, project)
    args = (command, REG, "--order", "45-НҚ", "--date", "2024-06-03")
    journal = journal_path(project)
    before = journal.read_bytes() if journal.exists() else None
    _rename_stopped(monkeypatch, journal, stop)
    result = dlo(*args, cwd=project)
    assert result.code == code, result.err
    assert (journal.read_bytes() if journal.exists() else None) == before
    assert not edition_path(project, 1).exists()
    assert not list(edition_path(project, 1).parent.glob("*.pending"))
    assert "DLO610" not in dlo("verify", REG, cwd=project).err
    monkeypatch.undo()
    monkeypatch.setenv("DLO_TODAY", "2024-06-03")
    ok(dlo, project, *args)
    assert edition_path(project, 1).is_file()
    assert ok(dlo, project, "verify", REG).err == ""


def test_an_approval_stopped_after_it_was_journaled_keeps_its_frozen_copy(
    project, dlo, monkeypatch
):
    """Ctrl-C once the journal took the approval, before its copy was moved into place: the
    copy is kept (the approval is recorded), and the next command completes it."""
    from workflow_support import agree_all

    monkeypatch.setenv("DLO_TODAY", "2024-06-03")
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project)
    final = edition_path(project, 1)
    _rename_stopped(monkeypatch, final, KeyboardInterrupt)
    assert dlo("approve", REG, "--order", "45-НҚ", "--date", "2024-06-03", cwd=project).code == 130
    monkeypatch.undo()
    assert final.with_name("1.yaml.pending").is_file()
    assert status(dlo, project)["state"] == "in_force"  # completed by the next command
    assert final.is_file() and not final.with_name("1.yaml.pending").exists()


def _translated_table(dlo, project: Path) -> Path:
    """A translation table of the regulation, its first row to translate typed in."""
    import docx

    ok(dlo, project, "translate", REG, "--to", "ru", "--out", "build/t.docx")
    table = project / "build" / "t.docx"
    document = docx.Document(str(table))
    document.tables[0].rows[2].cells[1].paragraphs[0].add_run("Перевод")
    document.save(str(table))
    return table


def _edited_draft(dlo, project: Path) -> Path:
    """The draft rendered and one clause's word changed, as in Word."""
    from docx import Document

    ok(dlo, project, "render", REG, "--draft", "--format", "docx")
    edited = project / "build" / "edited.docx"
    document = Document(str(project / "build" / f"{REG}.kk.draft.docx"))
    [run] = [
        r for p in document.paragraphs if p.style.name == "DLO Clause" for r in p.runs
        if "қашықтықтан" in r.text
    ][:1]  # fmt: skip
    run.text = run.text.replace("қашықтықтан", "онлайн", 1)
    document.save(str(edited))
    return edited


@pytest.mark.parametrize("command", ["translate", "import-onto", "import-force"])
def test_a_draft_taken_back_holds_the_regulations_lock(project, dlo, monkeypatch, command):
    """`dlo translate --from` and `dlo import --onto` read regulation.yaml and write it back
    changed: they hold the lock every workflow command holds, so a revision opened, cancelled or
    approved meanwhile is not written over with the text read before it. (They held none, or a
    lock of their own: a `revise` between the read and the write lost its `edition: 2`, and
    `submit` then refused the draft, DLO627.) Waiting in vain, they say so and write nothing.
    `dlo import --force` over a regulation holds it too: a workflow command that puts its draft
    back when its event is not recorded (revise, cancel) wrote over the import meanwhile."""
    if command == "translate":
        args: tuple = ("translate", REG, "--from", str(_translated_table(dlo, project)))
    elif command == "import-onto":
        args = ("import", str(_edited_draft(dlo, project)), "--onto", REG)
    else:
        args = ("import", str(_edited_draft(dlo, project)), "--id", REG, "--force")
    regulation = project / "regulations" / REG / "regulation.yaml"
    before = regulation.read_bytes()
    monkeypatch.setattr(wj, "LOCK_TIMEOUT", 0.2)
    with locked(journal_path(project)):  # a workflow command at work on the regulation
        result = dlo(*args, cwd=project)
    assert result.code == 1, result.err
    assert "error DLO630: the journal is locked by another dlo command" in result.err
    assert regulation.read_bytes() == before
    ok(dlo, project, *args)  # the lock released: taken back
    assert regulation.read_bytes() != before


@pytest.mark.parametrize("stopped_at", ["regulation.yaml", "journal.yaml"])
@pytest.mark.parametrize(
    ("stop", "code"),
    [(OSError(28, "No space left on device"), 1), (KeyboardInterrupt(), 130)],
    ids=["full", "ctrl-c"],
)
def test_a_cancellation_stopped_half_way_is_run_again(
    in_force, dlo, monkeypatch, stop, code, stopped_at
):
    """`dlo cancel` stopped while it writes (the disk full, Ctrl-C) leaves the revision open and
    its draft as it was, so that, as the command says, it is run again. It journaled first and
    restored regulation.yaml after: stopped between the two, the cancellation was recorded with
    the cancelled draft left in regulation.yaml, and the command run again refused ('no open
    revision to cancel'), while status told to open a revision."""
    ok(dlo, in_force, "revise", REG, "--by", "hr-head", "--reason", "Нақтылау")
    regulation = in_force / "regulations" / REG / "regulation.yaml"
    draft = regulation.read_bytes()
    _rename_stopped(monkeypatch, regulation.with_name(stopped_at), stop)
    args = ("cancel", REG, "--by", "hr-head", "--reason", "Қажет емес")
    assert dlo(*args, cwd=in_force).code == code
    monkeypatch.undo()
    assert regulation.read_bytes() == draft  # nothing recorded: the draft as it was
    assert status(dlo, in_force)["state"] == "draft"
    ok(dlo, in_force, *args)  # run again: cancelled
    assert status(dlo, in_force)["state"] == "in_force"
    assert "differs" not in ok(dlo, in_force, "status", REG).out
    assert ok(dlo, in_force, "verify", REG).err == ""


# A child `dlo` that receives SIGNAL (its own handlers: Ctrl-C's, SIGTERM's) just after the
# regulation's folder is flushed, that is once its journal was replaced by the new one.
RECORDED_THEN = r"""
import os, signal, sys
from dlo_docs import fsio
real, sig = fsio.sync_folder, getattr(signal, sys.argv[1])
def sync_folder(folder):
    real(folder)
    if folder.name == "dlo-head":
        os.kill(os.getpid(), sig)
fsio.sync_folder = sync_folder
sys.argv = ["dlo", *sys.argv[2:]]
from dlo_docs.entry import run
run()
"""


def _interrupted_once_recorded(root, tmp_path, sig: str, args: tuple[str, ...]):
    """``dlo *args`` in ``root``, sent ``sig`` once the journal has taken its event
    (``RECORDED_THEN``), in English and with a cache of its own."""
    env = dict(os.environ, DLO_UI_LANG="en", DLO_CACHE_DIR=str(tmp_path / "cache"))
    return subprocess.run(
        [sys.executable, "-c", RECORDED_THEN, sig, *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("sig", "code", "said"),
    [("SIGINT", 130, "Interrupted once"), ("SIGTERM", 143, "Terminated once")],
)
def test_an_interrupt_once_the_event_is_recorded_says_not_to_run_it_again(
    in_force, tmp_path, sig, code, said
):
    """Ctrl-C or SIGTERM that comes once the journal took the event (while its folder is
    flushed): the command said 'no file is half-written; run the command again', and a review
    run again was recorded twice. Now it says the act is recorded and not to run it again."""
    before = len(workflow.events(Project(in_force), REG))
    args = ("review", REG, "--by", "hr-head", "--result", "Өзекті", "--date", "2025-01-15")
    result = _interrupted_once_recorded(in_force, tmp_path, sig, args)
    assert result.returncode == code, result.stderr
    assert len(workflow.events(Project(in_force), REG)) == before + 1  # recorded, whole
    assert (
        f"{said} regulations/{REG}/journal.yaml recorded the command's act: do not run it again"
        in result.stderr
    )
    assert "run the command again" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("sig", "code"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_an_approval_interrupted_once_journaled_puts_its_frozen_copy_in_place(
    project, dlo, tmp_path, monkeypatch, sig, code
):
    """Ctrl-C or SIGTERM while the journal takes the approval is held until it is written, then
    raised: the command says the act is recorded and not to run it again. Its frozen copy was
    left as editions/1.yaml.pending, which `dlo verify` warned of (DLO608) and the repository
    committed then held, until another command moved it; now it is moved into place as the
    interrupt ends the command, and the approval is whole."""
    from workflow_support import agree_all

    monkeypatch.setenv("DLO_TODAY", "2024-06-03")  # (the child inherits it)
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project)
    args = ("approve", REG, "--order", "45-НҚ", "--date", "2024-06-03")
    result = _interrupted_once_recorded(project, tmp_path, sig, args)
    assert result.returncode == code, result.stderr
    assert "do not run it again" in result.stderr
    final = edition_path(project, 1)
    assert final.is_file() and not final.with_name("1.yaml.pending").exists()
    assert ok(dlo, project, "verify", REG).err == ""
