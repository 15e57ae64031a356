"""A draft's outputs never take the name of the edition in force's: whatever was rendered
before, a file named ``<id>.<lang>.<ext>`` in ``build/`` is the edition in force and one named
``<id>.<lang>.draft.<ext>`` a draft (ЖОБА / ПРОЕКТ on every page)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO
from test_render_state import EDITED, ORDER_LINE, edit_working_copy, header_texts, run, title_page

SEED = "dlo-head"


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """The bundled project as shipped: the seed in force as edition 1."""
    root = tmp_path / "proj"
    shutil.copytree(REPO / "regulations", root / "regulations")
    shutil.copytree(REPO / "templates", root / "templates")
    return root


def _names(root: Path) -> set[str]:
    return {p.name for p in (root / "build").iterdir()}


def _is_draft(data: bytes) -> bool:
    return all("ЖОБА" in text for text in header_texts(data).values())


def test_a_revisions_draft_stands_beside_the_edition_in_force_under_its_own_name(bundled, dlo):
    run(dlo, bundled, "render", SEED, "--format", "docx", "--format", "html")
    in_force = (bundled / "build" / "dlo-head.kk.docx").read_bytes()
    run(dlo, bundled, "revise", SEED, "--by", "hr-head", "--reason", "Құқықтар нақтыланды")
    edit_working_copy(bundled)
    run(dlo, bundled, "render", SEED, "--draft", "--format", "docx", "--format", "html")

    assert _names(bundled) == {
        "dlo-head.kk.docx",
        "dlo-head.kk.html",
        "dlo-head.kk.draft.docx",
        "dlo-head.kk.draft.html",
        "dlo-head.kk.draft.comparison.docx",
    }
    # the edition in force's files are as they were; the draft is the revision, marked
    assert (bundled / "build" / "dlo-head.kk.docx").read_bytes() == in_force
    assert ORDER_LINE in title_page(in_force) and not _is_draft(in_force)
    draft = (bundled / "build" / "dlo-head.kk.draft.docx").read_bytes()
    assert _is_draft(draft) and ORDER_LINE not in title_page(draft)
    assert EDITED.encode() in (bundled / "build" / "dlo-head.kk.draft.html").read_bytes()
    assert EDITED.encode() not in (bundled / "build" / "dlo-head.kk.html").read_bytes()


def test_a_draft_rendered_before_the_first_approval_keeps_its_draft_name(project, dlo):
    from workflow_support import to_in_force

    run(dlo, project, "render", SEED, "--format", "docx")
    assert _names(project) == {"dlo-head.kk.draft.docx"}
    draft = (project / "build" / "dlo-head.kk.draft.docx").read_bytes()
    assert _is_draft(draft)

    to_in_force(dlo, project)
    run(dlo, project, "render", SEED, "--format", "docx")
    assert _names(project) == {"dlo-head.kk.draft.docx", "dlo-head.kk.docx"}
    assert (project / "build" / "dlo-head.kk.draft.docx").read_bytes() == draft
    approved = (project / "build" / "dlo-head.kk.docx").read_bytes()
    assert not _is_draft(approved) and "45-НҚ" in " ".join(title_page(approved))


def test_a_drafts_sheet_is_named_apart_from_the_edition_in_forces(bundled, dlo):
    run(dlo, bundled, "sheet", "agreement", SEED)
    run(dlo, bundled, "sheet", "agreement", SEED, "--draft")
    assert _names(bundled) == {"dlo-head.kk.agreement.docx", "dlo-head.kk.draft.agreement.docx"}
    assert not _is_draft((bundled / "build" / "dlo-head.kk.agreement.docx").read_bytes())
    assert _is_draft((bundled / "build" / "dlo-head.kk.draft.agreement.docx").read_bytes())
