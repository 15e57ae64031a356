"""Shared fixtures: a throw-away copy of the bundled project, and the CLI run in-process."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from dlo_docs.cli import run as cli_run

REPO = Path(__file__).resolve().parent.parent
SEED = Path(__file__).resolve().parent / "fixtures" / "seed" / "job-instruction-dlo-head.kk.txt"
SHARED_SEED = REPO.parent / "shared" / "seed" / SEED.name
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@contextlib.contextmanager
def on_day(day: str):
    """Run the commands inside as on ``day`` (``DLO_TODAY``): a history told in the past, so
    that an order dated ``day`` follows the submission and agreements it approves."""
    before = os.environ.get("DLO_TODAY")
    os.environ["DLO_TODAY"] = day
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("DLO_TODAY", None)
        else:
            os.environ["DLO_TODAY"] = before


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled project (regulations and templates) in a temporary folder."""
    root = tmp_path / "proj"
    shutil.copytree(
        REPO / "regulations",
        root / "regulations",
        ignore=shutil.ignore_patterns("editions", "journal.yaml", "*.lock"),
    )
    shutil.copytree(REPO / "templates", root / "templates")
    return root


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def dlo(capsys, monkeypatch):
    """Run ``dlo ARGS...`` in-process through the real entry point; returns exit code and output."""

    monkeypatch.setenv("DLO_UI_LANG", "en")  # messages as the tests read them; see test_i18n.py

    def invoke(*args: str, cwd: Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["dlo", *map(str, args)])
        capsys.readouterr()
        try:
            cli_run()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


def seed_lines() -> list[str]:
    """The seed's non-empty lines, whitespace-normalised, with a clause number standing alone on
    its line ("16.") joined to the text that follows it."""
    lines = [" ".join(line.split()) for line in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].rstrip(".").isdigit() and joined[-1].endswith("."):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined
