"""One broken regulation is reported and the others are still checked, shown, rendered and
published; the exit code says that something failed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import REPO, bundled_regulations
from site_support import UNIT, add_unit, approve_unit, page

SEED = "dlo-head"
TAB_AT = "regulations/broken/regulation.yaml:2:1: error DLO001"


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """The bundled project as shipped (the seed in force as edition 1), and next to it a second
    regulation with a tab in its YAML."""
    root = tmp_path / "proj"
    shutil.copytree(REPO / "regulations", root / "regulations", ignore=bundled_regulations())
    shutil.copytree(REPO / "templates", root / "templates")
    broken = root / "regulations" / "broken" / "regulation.yaml"
    broken.parent.mkdir()
    broken.write_text("id: broken\n\tkind: job_instruction\n", encoding="utf-8")
    return root


def test_status_shows_the_others_and_fails(bundled, dlo):
    result = dlo("status", cwd=bundled)
    assert result.code == 1
    assert TAB_AT in result.err and "tab" in result.err
    assert "dlo-head: in force" in result.out
    assert "broken: cannot be read (1 error(s), listed above)" in result.out
    assert "Traceback" not in result.err

    result = dlo("status", "--format", "json", cwd=bundled)
    assert result.code == 1
    regs = {r["id"]: r for r in json.loads(result.out)["regulations"]}
    assert regs[SEED]["state"] == "in_force" and regs[SEED]["edition_in_force"] == 1
    assert regs["broken"]["state"] is None
    [problem] = regs["broken"]["problems"]
    assert (problem["file"], problem["line"], problem["code"]) == (
        "regulations/broken/regulation.yaml",
        2,
        "DLO001",
    )
    # asked for by name, the good one alone succeeds
    assert dlo("status", SEED, cwd=bundled).code == 0


def test_render_writes_the_others_and_nothing_of_the_broken_one(bundled, dlo):
    result = dlo("render", cwd=bundled)
    assert result.code == 1
    assert TAB_AT in result.err
    assert "not rendered (errors above): broken" in result.err
    assert sorted(p.name for p in (bundled / "build").iterdir()) == [
        "dlo-head.kk.docx",
        "dlo-head.kk.html",
    ]
    assert "Traceback" not in result.err


def test_render_leaves_out_a_regulation_missing_a_text_in_the_language(bundled, dlo):
    """A regulation that loads but cannot be rendered (a text missing in one of its languages) is
    left out whole: none of its languages is written."""
    shutil.rmtree(bundled / "regulations" / "broken")
    add_unit(bundled)
    path = bundled / "regulations" / UNIT / "regulation.yaml"
    ru = "      ru: Отдел является структурным подразделением института непрерывного образования.\n"
    text = path.read_text(encoding="utf-8")
    assert text.count(ru) == 1
    path.write_text(text.replace(ru, ""), encoding="utf-8")
    result = dlo("render", cwd=bundled)
    assert result.code == 1
    assert f"not rendered (errors above): {UNIT}" in result.err
    assert f"regulations/{UNIT}/regulation.yaml:30:7: error DLO030: no ru text here" in result.err
    names = sorted(p.name for p in (bundled / "build").iterdir())
    assert names == ["dlo-head.kk.docx", "dlo-head.kk.html"]


def test_check_lints_the_others(bundled, dlo):
    result = dlo("check", cwd=bundled)
    assert result.code == 1
    assert TAB_AT in result.out
    # the seed's own findings are still reported (lint ran on it)
    assert "regulations/dlo-head/regulation.yaml:" in result.out
    assert "DLO109" in result.out


def test_site_publishes_the_others(bundled, dlo):
    result = dlo("site", "build", "--no-pdf", cwd=bundled)
    assert result.code == 0, result.err  # a draft is never published: nothing failed
    assert (bundled / "public" / "kk" / SEED / "index.html").is_file()
    assert not (bundled / "public" / "kk" / "broken").exists()


def test_site_publishes_the_others_when_a_journal_is_damaged(bundled, dlo):
    """A second regulation in force whose journal gets a tab: it is reported, its pages stay as
    the previous build made them, the seed is published, and the exit code is 1."""
    shutil.rmtree(bundled / "regulations" / "broken")
    add_unit(bundled)
    approve_unit(dlo, bundled)
    assert dlo("site", "build", "--no-pdf", cwd=bundled).code == 0
    before = page(bundled, f"kk/{UNIT}/index.html")
    journal = bundled / "regulations" / UNIT / "journal.yaml"
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = "\t" + lines[2]
    journal.write_text("".join(lines), encoding="utf-8")
    # the seed changes meanwhile: a review is recorded, so its page must be rebuilt
    assert dlo("review", SEED, "--by", "hr-head", "--result", "Өзгеріссіз", cwd=bundled).code == 0

    result = dlo("site", "build", "--no-pdf", cwd=bundled)
    assert result.code == 1
    assert f"regulations/{UNIT}/journal.yaml:3:1: error DLO001" in result.err
    assert f"not published (see above; their pages, if any, left as they were): {UNIT}" in (
        result.err
    )
    assert "Traceback" not in result.err
    assert "Өзгеріссіз" in page(bundled, f"kk/{SEED}/index.html")
    assert page(bundled, f"kk/{UNIT}/index.html") == before
    assert UNIT in page(bundled, "index.html")  # still listed, as before

    # repaired: published again, exit 0
    lines[2] = lines[2][1:]
    journal.write_text("".join(lines), encoding="utf-8")
    assert dlo("site", "build", "--no-pdf", cwd=bundled).code == 0


def test_site_says_which_pages_it_could_not_keep(bundled, dlo):
    """A regulation in force whose journal becomes unreadable while its pages of the previous
    build are no longer as that build left them (a file touched, a site restored from a copy
    without its times): the build cannot vouch for them and removes them, and says so. It said
    'their pages, if any, left as they were', while the regulation had gone from the site."""
    shutil.rmtree(bundled / "regulations" / "broken")
    add_unit(bundled)
    approve_unit(dlo, bundled)
    assert dlo("site", "build", "--no-pdf", cwd=bundled).code == 0
    (bundled / "public" / "kk" / UNIT / "index.html").touch()  # its time no longer the build's
    journal = bundled / "regulations" / UNIT / "journal.yaml"
    journal.write_text("\t" + journal.read_text(encoding="utf-8"), encoding="utf-8")

    result = dlo("site", "build", "--no-pdf", cwd=bundled)
    assert result.code == 1
    assert not (bundled / "public" / "kk" / UNIT).exists()
    assert "left as they were" not in result.err
    assert (
        "site: not published (see above), and their pages removed: they were no longer as the "
        "previous build left them"
    ) in result.err
    assert result.err.rstrip().endswith(f"build again: {UNIT}")
    assert (bundled / "public" / "kk" / SEED / "index.html").is_file()  # the others published
