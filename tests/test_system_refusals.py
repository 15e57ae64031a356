"""What the system refuses a command beyond a full disk and a folder it may not write in: a file
larger than the process may write (``ulimit -f``: EFBIG, Python ignores SIGXFSZ), a disk that
fails (EIO), a folder where a file is to be written (EISDIR). Each is the command's error naming
the file and what to do, exit 1, not an internal error to report; nothing is half-written."""

from __future__ import annotations

import errno
import os
import resource
import subprocess
import sys

import pytest
from workflow_support import REG, journal_path, ok

from dlo_docs import fsio


def test_a_journal_over_the_file_size_limit_is_said_as_such(project, dlo, tmp_path):
    """`ulimit -f` smaller than the journal with the new event: the write fails with EFBIG
    (Python ignores SIGXFSZ); the journal is as it was and the agreement can be given again."""
    ok(dlo, project, "submit", REG)
    journal = journal_path(project)
    before = journal.read_bytes()
    limit = len(before) + 100  # the journal as it is fits; with the agreement it does not

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = dict(os.environ, DLO_UI_LANG="en", DLO_CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run(
        [sys.executable, "-c", "from dlo_docs.entry import run; run()"]
        + ["agree", REG, "--as", "vp-academic"],
        cwd=project,
        env=env,
        preexec_fn=small_files,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    shown = journal.relative_to(project)  # as typed from the project's folder, where it ran
    assert f"dlo: error: {shown}: File too large: the command stopped" in result.stderr
    assert "ulimit -f" in result.stderr
    assert "internal error" not in result.stderr
    assert journal.read_bytes() == before
    assert not list(journal.parent.glob(".*.tmp"))  # the temporary file removed
    ok(dlo, project, "agree", REG, "--as", "vp-academic")  # room again: it is recorded


def test_a_failing_disk_is_said_as_such(project, dlo, monkeypatch):
    """An input/output error writing the journal (a failing disk, a network share gone)."""
    ok(dlo, project, "submit", REG)
    journal = journal_path(project)
    before = journal.read_bytes()
    real = fsio.os.replace

    def failing(src, dst):
        if str(dst) == str(journal):
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(src), None, str(dst))
        return real(src, dst)

    monkeypatch.setattr(fsio.os, "replace", failing)
    result = dlo("agree", REG, "--as", "vp-academic", cwd=project)
    assert result.code == 1, result.err
    # the file meant (the rename's target), not the temporary file renamed
    shown = journal.relative_to(project)
    assert f"dlo: error: {shown}: {os.strerror(errno.EIO)}: the command stopped" in result.err
    assert "the disk (or network share) failed to read or write" in result.err
    assert "internal error" not in result.err
    assert journal.read_bytes() == before
    assert not list(journal.parent.glob(".*.tmp"))


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_a_folder_where_a_rendered_file_goes_is_said_as_such(project, dlo, lang):
    """`build/<id>.kk.docx` is a folder: the render says which and what to do, in the
    interface's language, and the folder's contents are left as they were."""
    folder = project / "build" / f"{REG}.kk.draft.docx"
    (folder / "kept").mkdir(parents=True)
    result = dlo("--lang-ui", lang, "render", REG, "--draft", "--format", "docx", cwd=project)
    assert result.code == 1, result.err
    # the folder, not the staging file renamed, named as typed from where the command ran; why,
    # in the interface's language (the C library says it in English whatever the language)
    reason = {"en": "Is a directory", "kk": "бұл — қалта", "ru": "это папка"}[lang]
    assert f"build/{REG}.kk.draft.docx: {reason}: " in result.err
    assert "internal error" not in result.err and "внутренн" not in result.err
    hint = {
        "en": "a folder stands where the command writes a file",
        "kk": "файл жазылатын жерде қалта тұр",
        "ru": "там, где команда записывает файл, находится папка",
    }[lang]
    assert hint in result.err
    assert (folder / "kept").is_dir()
    assert not list((project / "build").glob(".dlo-render-*"))  # its staging folder removed
