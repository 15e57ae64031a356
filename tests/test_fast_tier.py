"""The fast tier (``pytest -m "not slow"``) never reaches a real LibreOffice: a test without the
``slow`` marker finds on PATH a ``soffice`` that refuses to run, whatever the developer's shell
names in ``DLO_SOFFICE`` (which the program looks at before PATH)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from dlo_docs.render import soffice as finder

pytestmark = pytest.mark.skipif(os.name == "nt", reason="the guard is a shell script")


def test_an_unmarked_test_finds_the_refusing_soffice():
    assert "DLO_SOFFICE" not in os.environ
    found = Path(finder.soffice())
    assert found.parent.name == "no-libreoffice"
    run = subprocess.run([str(found), "--version"], capture_output=True, text=True)
    assert run.returncode == 97 and "mark it @pytest.mark.slow" in run.stderr


def test_the_developers_dlo_soffice_is_not_passed_to_an_unmarked_test(tmp_path):
    env = {**os.environ, "DLO_SOFFICE": sys.executable}  # found before PATH if passed on
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
         "--basetemp", str(tmp_path / "inner"),
         f"{Path(__file__).name}::test_an_unmarked_test_finds_the_refusing_soffice"],
        cwd=REPO / "tests", env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout


def test_a_test_may_leave_a_chosen_soffice_behind():
    finder.use_soffice("/nowhere/soffice")  # as an in-process `dlo --soffice PATH` leaves it


def test_the_next_test_has_forgotten_it():
    """(Run after the one above, in the same process, as the file's order and the suite's
    ``--dist loadscope`` give.)"""
    assert Path(finder.soffice()).parent.name == "no-libreoffice"
