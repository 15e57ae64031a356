"""Approval by the official's signature in the workflow (approval.form: signature): `dlo approve`
takes no order; the title page prints БЕКІТЕМІН / УТВЕРЖДАЮ with the position, the signature line
with the name and the date, as the journal recorded them; the sheets, status and site say it was
signed, never an order. Read back from the DOCX and the site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from site_support import UNIT, UNIT_APPROVERS, add_unit, ok, reg_file
from site_support import page as site_page
from test_approval_block import by_signature, title_block
from test_forms import all_text, parts, table_rows
from workflow_support import REG, agree_all, replace_text, revise_naming_another_approver

from dlo_docs import approved_pdf, labels
from dlo_docs.project import Project

RECTOR = "Д. Е. Ахметов"


@pytest.fixture
def signed(project: Path, dlo, monkeypatch) -> Path:
    monkeypatch.setenv("DLO_TODAY", "2024-02-28")
    add_unit(project)
    by_signature(project)
    ok(dlo, project, "submit", UNIT)
    monkeypatch.setenv("DLO_TODAY", "2024-03-04")
    for role in UNIT_APPROVERS:
        ok(dlo, project, "agree", UNIT, "--as", role, "--date", "2024-03-01")
    out = ok(dlo, project, "approve", UNIT, "--date", "2024-03-02").out
    assert "approved by the signature of rector on 2024-03-02" in out
    return project


def change_row(project: Path, lang: str) -> list[str]:
    data = (project / "build" / f"{UNIT}.{lang}.docx").read_bytes()
    title = labels.labels(lang, project / "templates")["sheet"]["changes"]["title"]
    [row] = [r for r in table_rows(parts(data)["word/document.xml"], title)[1:] if r[0]]
    return row


def test_approved_by_signature_without_an_order(signed, dlo):
    [ev] = [
        e
        for e in json.loads(ok(dlo, signed, "log", UNIT, "--format", "json").out)["events"]
        if e["event"] == "approved"
    ]
    assert ev["form"] == "signature" and ev["order"]["number"] == "" and ev["role"] == "rector"
    # the registry changes its holder later: the block prints the person the journal recorded
    registry = signed / "regulations" / "registry.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace(RECTOR, "Ж. Ж. Жаңа"), encoding="utf-8"
    )
    ok(dlo, signed, "render", UNIT, "--format", "docx")
    assert title_block(signed, f"{UNIT}.kk.docx") == [
        "БЕКІТЕМІН",
        "Басқарма Төрағасы – Ректор",
        f"____________ {RECTOR}",
        "02.03.2024 ж.",
    ]
    assert title_block(signed, f"{UNIT}.ru.docx") == [
        "УТВЕРЖДАЮ",
        "Председатель Правления – Ректор",
        f"____________ {RECTOR}",
        "02.03.2024",
    ]
    for lang, never in (
        ("kk", ("БЕКІТІЛДІ", "бұйрығымен", "ЖОБА")),
        ("ru", ("УТВЕРЖДЕНО", "приказом", "ПРОЕКТ")),
    ):
        text = all_text((signed / "build" / f"{UNIT}.{lang}.docx").read_bytes())
        assert not [w for w in never if w in text], lang
    assert change_row(signed, "kk")[2] == "02.03.2024 ж. қол қою арқылы бекітілген"
    assert change_row(signed, "ru")[2] == "Утверждено подписью 02.03.2024"
    assert (
        "edition in force: 1 (approved by signature on 2024-03-02)"
        in ok(dlo, signed, "status", UNIT).out
    )
    ok(dlo, signed, "site", "build", "--no-pdf")
    page = site_page(signed, f"kk/{UNIT}/index.html")
    assert "02.03.2024 ж. қол қою арқылы" in page and "№ \n" not in page and "№ <" not in page


def test_an_order_is_refused_for_a_signature_and_required_for_an_order(project, dlo, monkeypatch):
    monkeypatch.setenv("DLO_TODAY", "2024-03-04")
    add_unit(project)
    by_signature(project)
    ok(dlo, project, "submit", UNIT)
    for role in UNIT_APPROVERS:
        ok(dlo, project, "agree", UNIT, "--as", role)
    journal = reg_file(project, UNIT).with_name("journal.yaml")
    before = journal.read_bytes()
    result = dlo("approve", UNIT, "--order", "12", "--date", "2024-03-04", cwd=project)
    assert result.code == 2 and "is approved by the official's signature" in result.err
    assert "leave out --order" in result.err and journal.read_bytes() == before
    # the seed is approved by order: the order's number cannot be left out
    ok(dlo, project, "submit", REG)
    for role in ("vp-academic", "legal-head", "hr-head", "docs-head"):
        ok(dlo, project, "agree", REG, "--as", role)
    result = dlo("approve", REG, "--date", "2024-03-04", cwd=project)
    assert result.code == 2 and "--order is required: dlo-head is approved by order" in result.err
    assert "approved" not in (project / "regulations" / REG / "journal.yaml").read_text(
        encoding="utf-8"
    )
    assert not (project / "regulations" / REG / "editions").exists()
    assert not (project / "regulations" / UNIT / "editions").exists()


def test_the_form_of_approval_is_the_one_in_force_not_the_drafts(in_force, dlo, monkeypatch):
    """Edition 1 is approved by order. A drafter who switches his draft (and its clause stating
    approval) to approval by signature does not dodge the order for his own revision: the form,
    like the approving authority, is fixed by the edition in force when the draft is submitted;
    the switch holds for the next revision, once approved. The title page follows the form the journal recorded."""
    monkeypatch.setenv("DLO_TODAY", "2024-07-01")
    ok(dlo, in_force, "revise", REG, "--by", "hr-head", "--reason", "approve it by signature")
    replace_text(in_force, "  by: rector\n  form: order\n", "  by: rector\n  form: signature\n")
    replace_text(in_force, "Ректорының бұйрығымен бекітіледі", "Ректоры бекітеді")  # no order
    ok(dlo, in_force, "submit", REG)
    agree_all(dlo, in_force)
    result = dlo("approve", REG, "--date", "2024-07-01", cwd=in_force)
    assert result.code == 2 and "--order is required: dlo-head is approved by order" in result.err
    ok(dlo, in_force, "approve", REG, "--order", "2-НҚ", "--date", "2024-07-01")
    ok(dlo, in_force, "render", REG, "--format", "docx")
    block = title_block(in_force, f"{REG}.kk.docx")
    assert block[0] == "БЕКІТІЛДІ" and "01.07.2024 ж. № 2-НҚ бұйрығымен" in block
    assert "БЕКІТЕМІН" not in all_text((in_force / "build" / f"{REG}.kk.docx").read_bytes())
    # edition 2, in force, says signature: the next revision is approved by the rector's signature
    ok(dlo, in_force, "revise", REG, "--by", "hr-head", "--reason", "next")
    ok(dlo, in_force, "submit", REG)
    agree_all(dlo, in_force)
    result = dlo("approve", REG, "--order", "3-НҚ", "--date", "2024-07-01", cwd=in_force)
    assert result.code == 2 and "is approved by the official's signature" in result.err
    ok(dlo, in_force, "approve", REG, "--date", "2024-07-01")
    ok(dlo, in_force, "render", REG, "--format", "docx")
    assert title_block(in_force, f"{REG}.kk.docx")[0] == "БЕКІТЕМІН"


def test_the_pdf_is_signed_by_who_approved_it_not_by_whom_the_text_names(
    in_force, dlo, monkeypatch
):
    """A drafter names another approving official in his revision (approval.by): the edition is
    still approved by the authority its submission fixed, the rector, and `dlo sign-pdf` asks
    for the rector's key, not for that of the official the frozen text names for next time."""
    monkeypatch.setenv("DLO_TODAY", "2024-07-01")
    revise_naming_another_approver(dlo, in_force)
    # the register waits for the rector, the authority the submission fixed
    [row] = json.loads(ok(dlo, in_force, "list", "--format", "json").out)["regulations"]
    assert row["waiting_for"] == ["rector"], row
    ok(dlo, in_force, "approve", REG, "--order", "2-НҚ", "--date", "2024-07-01")
    # the site's page names the rector as the approving official, as the title page does
    ok(dlo, in_force, "site", "build", "--no-pdf")
    page = site_page(in_force, f"kk/{REG}/index.html")
    [approving] = re.findall(r"Бекіткен</(?:dt|th)>\s*<(?:dd|td)[^>]*>([^<]*)<", page)
    assert approving == "Басқарма Төрағасы – Ректор", approving
    approval = approved_pdf.approval_of(Project(in_force), REG)
    assert (approval.edition, approval.approver, approval.number) == (2, "rector", "2-НҚ")


def test_the_signed_pdf_states_an_approval_by_signature_not_an_empty_order(signed):
    """The reason of the approver's PAdES signature of an edition approved by signature says so
    ("… қол қою арқылы бекітілген"), not an order with no number ("№  бұйрығымен")."""
    approval = approved_pdf.approval_of(Project(signed), UNIT)
    assert approval.by_signature and approval.number == ""
    words = labels.labels("kk", signed / "templates")
    assert approved_pdf.reason(words, approval) == "02.03.2024 ж. қол қою арқылы бекітілген"
    words = labels.labels("ru", signed / "templates")
    assert approved_pdf.reason(words, approval) == "Утверждено подписью 02.03.2024"


def test_a_forged_correction_giving_an_approval_by_signature_an_order_is_none(signed, dlo):
    """`dlo correct --order` refuses an approval by signature (it has no order); a correction
    written by hand with the hashes recomputed passed verify, and `dlo status` then showed the
    edition approved by "order № 99-НҚ", which no one issued."""
    from test_hostile_journal import _rechained

    from dlo_docs import load
    from dlo_docs.workflow import journal as wj

    path = signed / "regulations" / UNIT / "journal.yaml"
    source, _ = load.read(path, "journal.yaml")
    entries = [wj.normal(e) for e in source.data]
    approval = next(e for e in entries if e["event"] == "approved")
    correction = {k: approval[k] for k in ("time", "actor", "clerk", "edition", "content_hash")}
    correction.update(
        role=approval["clerk"],
        event="corrected",
        corrects=approval["seq"],
        field="number",
        value="99-НҚ",
        was="",
    )
    load.write(path, _rechained([*entries, correction]))
    result = dlo("verify", UNIT, cwd=signed)
    assert result.code == 1, result.out + result.err
    assert (
        f"error DLO611: journal event {len(entries) + 1} (corrected): journal event "
        f"{approval['seq']} was approved by signature: it has no order number"
    ) in result.err, result.err
    status = dlo("status", UNIT, cwd=signed)
    assert status.code == 1 and "99-НҚ" not in status.out
