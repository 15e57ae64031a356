"""Helpers for the documentation office's tests (new, translate, list, acknowledgements):
clean regulations made by ``dlo new`` and taken along the workflow's route."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from conftest import organisation_today


def copy_project(folder: Path) -> Path:
    """What the ``project`` fixture makes, for a fixture wider than one test."""
    from conftest import REPO, bundled_regulations

    root = folder / "proj"
    shutil.copytree(
        REPO / "regulations",
        root / "regulations",
        ignore=bundled_regulations("editions", "journal.yaml"),
    )
    shutil.copytree(REPO / "templates", root / "templates")
    return root


def runner(root: Path):
    """A ``dlo``-like callable for fixtures wider than one test (module scope), through click's
    test runner with ``--root`` (the ``dlo`` fixture is per test)."""
    from click.testing import CliRunner

    from dlo_docs.cli import main

    def invoke(*args: str, cwd: Path | None = None):
        from dlo_docs import i18n

        i18n.use("en")
        result = CliRunner().invoke(
            main, ["--root", str(cwd or root), *args], catch_exceptions=False
        )

        class Result:
            code, out, err = result.exit_code, result.output, ""

        return Result()

    return invoke


def ok(dlo, project: Path, *args: str):
    result = dlo(*args, cwd=project)
    assert result.code == 0, (
        f"dlo {' '.join(args)} failed ({result.code}):\n{result.out}{result.err}"
    )
    return result


def write_placeholders(project: Path, reg_id: str, code: str | None = None) -> int:
    """What the drafter does: every [[...]] replaced by a text (here: the hint it holds)."""
    path = project / "regulations" / reg_id / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    body = text.index("\nid: ")  # the comment on top mentions [[...]] too
    rest, count = re.subn(r"\[\[([^\[\]]*)\]\]", lambda m: m.group(1), text[body:])
    text = text[:body] + rest
    if code is not None:
        text = re.sub(r"^code: .*$", f"code: {code}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return count


def new_clean(dlo, project: Path, reg_id: str, *args: str, code: str = "ЛН 01-2026") -> None:
    """A new regulation with every text written: ``dlo check`` finds nothing."""
    kind = [] if "--kind" in args else ["--kind", "job_instruction"]
    ok(dlo, project, "new", reg_id, *kind, *args)
    write_placeholders(project, reg_id, code)


def set_clock(monkeypatch, day: dt.date) -> None:
    """The workflow's clock: events are recorded as if on ``day``."""
    monkeypatch.setenv("DLO_TODAY", day.isoformat())  # events recorded and dated on ``day``


def take_route(dlo, project: Path, reg_id: str, upto: str, approvers, order_date=None) -> None:
    """submit → agree × each approver → approve, stopping after ``upto``."""
    ok(dlo, project, "submit", reg_id)
    if upto == "submitted":
        return
    for role in approvers:
        ok(dlo, project, "agree", reg_id, "--as", role)
    if upto == "agreed":
        return
    day = (order_date or organisation_today()).isoformat()
    ok(dlo, project, "approve", reg_id, "--order", f"{reg_id.upper()}-1", "--date", day)
