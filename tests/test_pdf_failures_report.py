"""Every PDF failing: `dlo render --format pdf` and `dlo site build` say it in one short line
(the count, the first few names) and list every one in pdf-failures.log, as the scale work asks;
only the pieces (the summary, the batches) were tested before, not the commands that join them."""

from __future__ import annotations

import stat
from pathlib import Path

from site_support import approve_seed

COPIES = 7  # more than the five a report names


def _nothing_made(tmp_path: Path, monkeypatch) -> None:
    """A LibreOffice that runs and makes no PDF."""
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("DLO_SOFFICE", str(script))


def _copies(project: Path) -> list[str]:
    text = (project / "regulations" / "dlo-head" / "regulation.yaml").read_text(encoding="utf-8")
    ids = [f"copy-{i}" for i in range(COPIES)]
    for reg_id in ids:
        folder = project / "regulations" / reg_id
        folder.mkdir()
        (folder / "regulation.yaml").write_text(
            text.replace("id: dlo-head", f"id: {reg_id}", 1), encoding="utf-8"
        )
    return ids


def test_render_says_every_pdf_failing_in_one_line_and_lists_them_in_a_log(
    project, dlo, tmp_path, monkeypatch
):
    ids = _copies(project)
    _nothing_made(tmp_path, monkeypatch)
    result = dlo("render", *ids, "--draft", "--format", "pdf", cwd=project)
    assert result.code == 1, result.out + result.err
    [line] = [x for x in result.err.splitlines() if "PDF not made" in x]
    assert f"PDF not made for {COPIES} of {COPIES} document(s): " in line
    assert f"and {COPIES - 5} more, all listed in " in line and "pdf-failures.log" in line
    log = (project / "build" / "pdf-failures.log").read_text(encoding="utf-8").splitlines()
    assert sorted(x.split("\t")[0] for x in log) == sorted(f"{i}.kk.draft.pdf" for i in ids)
    assert not list((project / "build").glob("*.pdf"))


def test_a_site_build_says_every_pdf_failing_in_one_line_and_lists_them_in_a_log(
    project, dlo, tmp_path, monkeypatch
):
    approve_seed(dlo, project)
    _nothing_made(tmp_path, monkeypatch)
    result = dlo("site", "build", cwd=project)
    assert result.code == 0, result.out + result.err
    [line] = [x for x in result.err.splitlines() if "PDF not made" in x]
    assert "PDF not made for 1 of 1 document(s): " in line, line
