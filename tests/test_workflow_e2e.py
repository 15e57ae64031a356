"""The seed's whole life through the CLI: agreement by the four officials of clause 17,
approval by order, a revision initiated by the head of HR, agreement, approval of edition 2."""

from __future__ import annotations

import datetime as dt
import json
import re

from docx import Document as Docx
from workflow_support import (
    APPROVERS,
    COMMENT,
    REG,
    add_comment,
    edit_clause_15,
    edition_path,
    journal_path,
    ok,
    reg_path,
    status,
)

from dlo_docs import context, workflow
from dlo_docs.project import Project
from dlo_docs.records import ChangedClauses


def frozen_copy(draft) -> bytes:
    """The draft's bytes as frozen one folder deeper: only the editor's schema line changes."""
    text = draft.read_bytes()
    line = b"# yaml-language-server: $schema=../../schemas/"
    assert text.startswith(line)
    return text.replace(line, b"# yaml-language-server: $schema=../../../schemas/", 1)


def test_the_seed_life(project, dlo, monkeypatch):
    monkeypatch.setenv("DLO_TODAY", "2024-06-03")  # the history is told on its days
    add_comment(project)
    assert not journal_path(project).exists()
    st = status(dlo, project)
    assert (st["state"], st["draft_edition"], st["edition_in_force"], st["pending"]) == (
        "draft",
        1,
        None,
        [],
    )

    # agreement of edition 1 by the four officials of clause 17, in that order
    out = ok(dlo, project, "submit", REG).out
    assert "vp-academic, legal-head, hr-head, docs-head" in out
    st = status(dlo, project)
    assert st["state"] == "agreement" and st["route_kind"] == "sequential"
    assert st["pending"] == APPROVERS
    for i, role in enumerate(APPROVERS):
        ok(
            dlo,
            project,
            "agree",
            REG,
            "--as",
            role,
            *(["--remarks", "Ескертпе жоқ"] if i == 0 else []),
        )
        st = status(dlo, project)
        assert st["agreed"] == APPROVERS[: i + 1]
        assert st["pending"] == APPROVERS[i + 1 :]
    assert st["state"] == "agreed"
    text = ok(dlo, project, "status", REG).out
    assert "pending approvers: none" in text

    # approval by the rector's order
    ok(
        dlo,
        project,
        "approve",
        REG,
        "--order",
        "45-НҚ",
        "--date",
        "2024-06-03",
        "--effective",
        "2024-06-10",
    )
    st = status(dlo, project)
    assert (st["state"], st["approved_edition"], st["takes_effect"]) == (
        "approved",
        1,
        "2024-06-10",
    )
    monkeypatch.setenv("DLO_TODAY", "2024-06-10")
    st = status(dlo, project)
    assert (st["state"], st["edition_in_force"], st["draft_edition"]) == ("in_force", 1, None)
    assert st["in_force_order"] == {
        "number": "45-НҚ",
        "date": "2024-06-03",
        "effective": "2024-06-10",
    }
    assert (
        st["review_due"] == "2027-06-10"
    )  # registry: review_period_years 3, from the effective date
    assert st["editions"] == {"1": "in_force"}
    edition1 = edition_path(project, 1)
    assert edition1.read_bytes() == frozen_copy(reg_path(project))  # a full copy, comments included
    text = ok(dlo, project, "status", REG).out
    assert "edition in force: 1 (order № 45-НҚ of 2024-06-03, effective 2024-06-10)" in text
    assert "review due: 2027-06-10" in text

    # a revision initiated by the head of HR; edition 1 stays in force
    monkeypatch.setenv("DLO_TODAY", "2025-02-10")
    ok(
        dlo,
        project,
        "revise",
        REG,
        "--by",
        "hr-head",
        "--reason",
        "Clause 15 names the document wrongly",
    )
    body = reg_path(project).read_text(encoding="utf-8")
    assert re.search(r"^edition: 2$", body, re.M)
    assert COMMENT in body  # the hand-written comment survived the round-trip
    # nothing else moved
    assert (
        frozen_copy(reg_path(project)).replace(b"edition: 2\n", b"edition: 1\n")
        == edition1.read_bytes()
    )
    st = status(dlo, project)
    assert (st["state"], st["draft_edition"], st["edition_in_force"]) == ("draft", 2, 1)
    assert st["reason"] == "Clause 15 names the document wrongly"
    assert workflow.revision_reason(Project(project), REG) == "Clause 15 names the document wrongly"
    edit_clause_15(project)
    rec = workflow.records(
        Project(project), REG
    )  # a draft: blank approval lines, edition 1 registered
    assert (rec.state, rec.edition, rec.order, rec.agreements) == ("draft", 2, None, {})
    assert [h.number for h in rec.history] == [1]

    # agreement and approval of edition 2
    ok(dlo, project, "submit", REG, "--by", "hr-head")
    for role in APPROVERS:
        ok(dlo, project, "agree", REG, "--as", role)
    st = status(dlo, project)
    assert (st["state"], st["edition_in_force"]) == ("agreed", 1)
    ok(dlo, project, "approve", REG, "--order", "112-НҚ", "--date", "2025-02-10")
    st = status(dlo, project)
    assert (st["state"], st["edition_in_force"], st["draft_edition"]) == ("in_force", 2, None)
    assert st["editions"] == {"1": "superseded", "2": "in_force"}
    assert st["review_due"] == "2028-02-10"
    assert edition_path(project, 2).read_bytes() == frozen_copy(reg_path(project))
    assert "Осы Ережеге" in edition1.read_text(encoding="utf-8")  # edition 1 frozen as it was
    assert COMMENT in reg_path(project).read_text(encoding="utf-8")

    # the journal
    evs = workflow.events(Project(project), REG)
    assert [e.event for e in evs] == (
        ["submitted"]
        + ["agreed"] * 4
        + ["approved", "revised", "submitted"]
        + ["agreed"] * 4
        + ["approved"]
    )
    assert [e.seq for e in evs] == list(range(1, 14))
    assert [e.role for e in evs] == (
        ["dlo-head", *APPROVERS, "rector", "hr-head", "hr-head", *APPROVERS, "rector"]
    )
    assert [e.edition for e in evs] == [1] * 6 + [2] * 7
    assert all(
        e.time.endswith("+05:00")
        and dt.datetime.fromisoformat(e.time).utcoffset() == dt.timedelta(hours=5)
        for e in evs
    )
    assert all(e.actor for e in evs)
    assert evs[0].prev_hash == "0" * 64
    assert all(b.prev_hash == a.hash for a, b in zip(evs, evs[1:], strict=False))
    assert evs[1].remarks == "Ескертпе жоқ"
    assert evs[6].reason == "Clause 15 names the document wrongly"
    assert evs[5].order.number == "45-НҚ" and evs[12].order.date == dt.date(2025, 2, 10)
    # each approval is of the text every approver agreed on; the edit changed the content hash
    assert {e.content_hash for e in evs[:6]} == {evs[5].content_hash}
    assert {e.content_hash for e in evs[7:]} == {evs[12].content_hash}
    assert evs[5].content_hash != evs[12].content_hash
    log = ok(dlo, project, "log", REG).out
    assert "approved" in log and "112-НҚ" in log and "Clause 15 names the document wrongly" in log
    as_json = json.loads(ok(dlo, project, "log", REG, "--format", "json").out)
    assert [e["seq"] for e in as_json["events"]] == list(range(1, 14))
    assert "intact (13 journal events)" in ok(dlo, project, "verify").out

    # what the forms of the edition in force show; the working text's records carry no order
    assert workflow.records(Project(project), REG).order is None
    rec = _edition_records(project, 2)
    assert (rec.state, rec.edition) == ("in_force", 2)
    assert rec.order.number == "112-НҚ" and rec.order.date == dt.date(2025, 2, 10)
    assert list(rec.agreements) == APPROVERS
    assert {m.decision for m in rec.agreements.values()} == {"agreed"}
    assert [(h.number, h.clauses, h.order.number) for h in rec.history] == [
        (1, ChangedClauses(whole=True), "45-НҚ"),
        (2, ChangedClauses(("15",)), "112-НҚ"),
    ]
    assert rec.history[0].entered == dt.date(2024, 6, 10)
    loaded = Project(project).load([REG])
    rd = context.build(
        loaded.documents[REG],
        loaded.registry,
        "kk",
        project / "templates",
        _edition_records(project, 2),
    )
    assert rd.records.order.number == "112-НҚ" and rd.edition == 2

    # the rendered documents follow the journal
    monkeypatch.setenv("DLO_TODAY", "2025-09-01")
    ok(dlo, project, "review", REG, "--by", "hr-head", "--result", "Өзекті", "--date", "2025-09-01")
    ok(dlo, project, "render", REG, "--format", "docx")
    doc = Docx(str(project / "build" / f"{REG}.kk.docx"))
    title_page = [p.text.replace("\u00a0", " ") for p in doc.paragraphs[:12]]
    assert "10.02.2025 ж. № 112-НҚ бұйрығымен" in title_page  # the approving order
    assert "2-басылым" in title_page
    tables = [
        [[cell.text.replace("\u00a0", " ") for cell in row.cells] for row in table.rows]
        for table in doc.tables
    ]
    agreement = next(t for t in tables if "Ескертпелер" in t[0])
    day = f"{evs[8].date:%d.%m.%Y}"
    assert [(r[2], r[4]) for r in agreement[1:5]] == [
        ("А. Б. Сейітова", day),
        ("Н. К. Оспанов", f"{evs[9].date:%d.%m.%Y}"),
        ("Г. М. Жұмабаева", f"{evs[10].date:%d.%m.%Y}"),
        ("С. Т. Әбенова", f"{evs[11].date:%d.%m.%Y}"),
    ]
    changes = next(t for t in tables if t[0][0] == "Өзгеріс №")
    assert [r[:4] for r in changes[1:3]] == [
        ["1", "толық мәтін", "03.06.2024 ж. № 45-НҚ бұйрық", "10.06.2024"],
        ["2", "15", "10.02.2025 ж. № 112-НҚ бұйрық", "10.02.2025"],
    ]
    assert changes[3] == [""] * 5
    review = next(t for t in tables if "Тексеру нәтижесі" in t[0])
    assert review[1][1:4] == [
        "01.09.2025",
        "Персоналды басқару бөлімінің бастығы, Г. М. Жұмабаева",
        "Өзекті",
    ]


def test_status_without_id_lists_every_regulation(project, dlo):
    out = ok(dlo, project, "status").out
    assert out.startswith(f"{REG}: draft (edition 1)")
    assert "review due: -" in out


def test_parallel_route_agrees_in_any_order(project, dlo, monkeypatch):
    from workflow_support import replace_text

    monkeypatch.setenv("DLO_TODAY", "2024-01-15")
    replace_text(project, "route: sequential", "route: parallel")
    ok(dlo, project, "submit", REG)
    st = status(dlo, project)
    assert st["route_kind"] == "parallel" and st["pending"] == APPROVERS
    for role in reversed(APPROVERS):
        ok(dlo, project, "agree", REG, "--as", role)
    assert status(dlo, project)["state"] == "agreed"
    ok(dlo, project, "approve", REG, "--order", "7", "--date", "2024-01-15")
    assert status(dlo, project)["edition_in_force"] == 1


def test_rejection_returns_the_draft_with_remarks(project, dlo):
    ok(dlo, project, "submit", REG)
    ok(dlo, project, "agree", REG, "--as", "vp-academic")
    ok(
        dlo,
        project,
        "reject",
        REG,
        "--as",
        "legal-head",
        "--remarks",
        "2-тармақта норманың атауы қате",
    )
    st = status(dlo, project)
    assert st["state"] == "draft" and st["pending"] == []
    assert st["returned"]["role"] == "legal-head"
    assert st["returned"]["remarks"] == "2-тармақта норманың атауы қате"
    assert "returned by legal-head" in ok(dlo, project, "status", REG).out
    # resubmitted, the route starts again from the first approver
    ok(dlo, project, "submit", REG)
    st = status(dlo, project)
    assert st["pending"] == APPROVERS and st["returned"] is None
    assert workflow.records(Project(project), REG).agreements == {}


def test_withdrawal_and_reviews(in_force, dlo):
    project = in_force  # the seed in force as edition 1, approved 2024-06-03 (prepared once)
    out = ok(
        dlo, project, "review", REG, "--by", "hr-head", "--result", "Өзекті", "--date", "2025-09-01"
    ).out
    assert "next review due 2028-09-01" in out
    st = status(dlo, project)
    assert st["review_due"] == "2028-09-01"
    rec = _edition_records(project, 1)
    assert [(r.date, r.reviewer["kk"], r.result) for r in rec.reviews] == [
        (dt.date(2025, 9, 1), "Персоналды басқару бөлімінің бастығы, Г. М. Жұмабаева", "Өзекті")
    ]
    ok(dlo, project, "withdraw", REG, "--order", "301-НҚ", "--date", "2026-01-20")
    st = status(dlo, project)
    assert (st["state"], st["edition_in_force"], st["review_due"]) == ("withdrawn", None, None)
    assert st["editions"] == {"1": "withdrawn"}
    rec = _edition_records(project, 1)
    assert (rec.state, rec.order.number) == ("withdrawn", "45-НҚ")  # the withdrawn edition's
    assert workflow.records(Project(project), REG).order is None  # the working text has none
    assert ok(dlo, project, "verify", REG).code == 0


def test_review_period_comes_from_the_registry(project, dlo):
    from workflow_support import to_in_force

    registry = project / "regulations" / "registry.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace(
            "review_period_years: 3", "review_period_years: 5"
        ),
        encoding="utf-8",
    )
    to_in_force(dlo, project, date="2024-02-29")
    assert status(dlo, project)["review_due"] == "2029-02-28"


def test_comments_and_layout_do_not_void_agreements(project, dlo):
    ok(dlo, project, "submit", REG)
    ok(dlo, project, "agree", REG, "--as", "vp-academic")
    add_comment(project)
    path = reg_path(project)
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("languages: [kk]", "languages:\n- kk")
        .replace("  form: order\n", ""),
        encoding="utf-8",
    )  # a default left out is no change
    st = status(dlo, project)
    assert not st["voided"] and st["agreed"] == ["vp-academic"]


def _edition_records(project, n: int):
    """The records an approved copy of edition ``n`` prints."""
    loaded = Project(project).load([REG])
    return workflow.edition_records(Project(project), REG, n, loaded.registry)
