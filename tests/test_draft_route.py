"""The draft of a revision prints the route and approving official its round has: those the
edition in force fixes (``submit`` fixes them so), not the draft's own changes to them, which are
the next revision's. Before the submission as after it, the package the approvers read names who
agrees and who approves as the agreement sheet and the title page of the approved edition will."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, bundled_regulations, let_approve
from site_support import ok, reg_file
from test_approval_block import title_block
from test_forms import parts, table_rows

from dlo_docs import labels

KK = labels.labels("kk")
ROUTE = ["А. Б. Сейітова", "Н. К. Оспанов", "Г. М. Жұмабаева", "С. Т. Әбенова"]
RECTOR = [
    "БЕКІТІЛДІ",
    "Басқарма Төрағасы – Ректордың",
    "20___ ж. «___» ____________",
    "№ ______ бұйрығымен",
]


def _reroute(root: Path) -> None:
    """The draft of dlo-head approved by the vice-rector after the agreement of two heads of
    department (its text saying so), whom the registry lets approve."""
    let_approve(root, "rector", "vp-academic")
    path = reg_file(root, "dlo-head")
    text = path.read_text(encoding="utf-8")
    for old, new in (
        ("approval:\n  by: rector\n", "approval:\n  by: vp-academic\n"),
        ("[vp-academic, legal-head, hr-head, docs-head]", "[legal-head, hr-head]"),
        ("Осы ЛН академиялық мәселелер жөніндегі проректормен, құқықтық", "Осы ЛН құқықтық"),
        (
            "бастығымен, персоналды басқару бөлімінің бастығымен және құжаттамалық қамтамасыз ету\n"
            "      бөлімінің бастығымен келісіледі.",
            "бастығымен және персоналды басқару бөлімінің бастығымен келісіледі.",
        ),
        (
            "ҚӨУ Басқарма Төрағасының – Ректорының бұйрығымен",
            "академиялық мәселелер жөніндегі проректордың бұйрығымен",
        ),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def revised(tmp_path: Path, dlo, monkeypatch) -> Path:
    """The bundled project with edition 2 of dlo-head open, its draft approved by the
    vice-rector after the agreement of two heads of department."""
    monkeypatch.setenv("DLO_TODAY", "2026-12-01")
    root = tmp_path / "proj"
    shutil.copytree(REPO / "regulations", root / "regulations", ignore=bundled_regulations())
    ok(dlo, root, "revise", "dlo-head", "--by", "dlo-head", "--reason", "Бекіту тәртібі")
    _reroute(root)
    ok(dlo, root, "check", "dlo-head")
    return root


def _printed(dlo, root: Path) -> tuple[list[str], list[str]]:
    """The draft's approval block and the names on its agreement sheet."""
    ok(dlo, root, "render", "dlo-head", "--draft", "--format", "docx")
    name = "dlo-head.kk.draft.docx"  # a draft's name; the edition in force keeps dlo-head.kk.docx
    data = (root / "build" / name).read_bytes()
    rows = table_rows(parts(data)["word/document.xml"], KK["sheet"]["agreement"]["title"])
    return title_block(root, name), [r[2] for r in rows[1:]]


def test_before_the_submission(revised, dlo):
    assert _printed(dlo, revised) == (RECTOR, ROUTE)


def test_on_agreement(revised, dlo):
    ok(dlo, revised, "submit", "dlo-head")
    ok(dlo, revised, "agree", "dlo-head", "--as", "vp-academic")
    assert _printed(dlo, revised) == (RECTOR, ROUTE)


def test_the_approved_edition_prints_what_its_draft_did(revised, dlo):
    ok(dlo, revised, "submit", "dlo-head")
    for role in ("vp-academic", "legal-head", "hr-head", "docs-head"):
        ok(dlo, revised, "agree", "dlo-head", "--as", role)
    ok(dlo, revised, "approve", "dlo-head", "--order", "1-Н", "--date", "2026-12-01")
    ok(dlo, revised, "render", "dlo-head", "--format", "docx")
    data = (revised / "build" / "dlo-head.kk.docx").read_bytes()
    rows = table_rows(parts(data)["word/document.xml"], KK["sheet"]["agreement"]["title"])
    assert [r[2] for r in rows[1:]] == ROUTE
    assert title_block(revised, "dlo-head.kk.docx")[:2] == RECTOR[:2]


def test_a_first_edition_whose_text_changed_after_its_submission(tmp_path: Path, dlo, monkeypatch):
    """A first edition's route is its draft's own, fixed anew by its next submission: after the
    text changed (the round void), the draft prints the route the resubmission will fix and the
    approved edition prints, not the void round's."""
    monkeypatch.setenv("DLO_TODAY", "2026-12-01")
    root = tmp_path / "proj"
    shutil.copytree(REPO / "regulations", root / "regulations", ignore=bundled_regulations())
    shutil.rmtree(root / "regulations" / "dlo-head" / "editions")
    (root / "regulations" / "dlo-head" / "journal.yaml").unlink()
    ok(dlo, root, "submit", "dlo-head")
    ok(dlo, root, "agree", "dlo-head", "--as", "vp-academic")
    _reroute(root)
    ok(dlo, root, "check", "dlo-head")
    block, names = _printed(dlo, root)
    assert block[:2] == ["БЕКІТІЛДІ", "Академиялық мәселелер жөніндегі проректор"]
    assert names == ROUTE[1:3]
    ok(dlo, root, "submit", "dlo-head")
    for role in ("legal-head", "hr-head"):
        ok(dlo, root, "agree", "dlo-head", "--as", role)
    assert _printed(dlo, root) == (block, names)
