"""The seed's life end to end, as the documentation office lives it, with "today" injected:
edition 1 approved on paper years ago is registered; a revision fixes three defects; it is
submitted, returned once with remarks, resubmitted, agreed on four different days and approved
by an order that takes effect later. The site shows edition 1 until the effective date and
edition 2 from it; every sheet prints the dates and the people of the events (read back from the
DOCX and the site, not from the model)."""

from __future__ import annotations

import json
from pathlib import Path

from test_forms import all_text, parts, table_rows
from workflow_support import APPROVERS, REG, ok, replace_text

from dlo_docs import labels

CLERK = "С. Т. Әбенова"  # the registry's clerk, docs-head
HOLDERS = ["А. Б. Сейітова", "Н. К. Оспанов", "Г. М. Жұмабаева", CLERK]
DEFECTS = [  # (clause, wrong, right)
    (3, "өңірлік университеті» КеАҚ Жарғысы", "өңірлік университеті» КЕАҚ Жарғысы"),
    (11, "сайлануға және сайлануға", "сайлауға және сайлануға"),
    (15, "Осы Ережеге өзгерістер", "Осы лауазымдық нұсқаулыққа өзгерістер"),
]


def status(dlo, project: Path) -> dict:
    [st] = json.loads(ok(dlo, project, "status", REG, "--format", "json").out)["regulations"]
    return st


def render(dlo, project: Path, *args: str) -> bytes:
    """The DOCX written: the edition in force's as <id>.kk.docx, a draft's as <id>.kk.draft.docx
    (here every render without --draft has an edition in force)."""
    ok(dlo, project, "render", REG, "--format", "docx", *args)
    stem = f"{REG}.kk.draft" if "--draft" in args else f"{REG}.kk"
    return (project / "build" / f"{stem}.docx").read_bytes()


def sheet(data: bytes, project: Path, kind: str) -> list[list[str]]:
    title = labels.labels("kk", project / "templates")["sheet"][kind]["title"]
    return [r for r in table_rows(parts(data)["word/document.xml"], title)[1:] if any(r[1:])]


def site_page(dlo, project: Path) -> str:
    ok(dlo, project, "site", "build", "--no-pdf")
    return (project / "public" / "kk" / REG / "index.html").read_text(encoding="utf-8")


def test_the_seed_from_paper_to_its_second_edition(project, dlo, monkeypatch):
    def today(day: str) -> None:
        monkeypatch.setenv("DLO_TODAY", day)

    # 1. edition 1, approved on paper in 2020, is registered: one event, in force
    today("2026-01-05")
    ok(
        dlo,
        project,
        "register-paper",
        REG,
        "--order",
        "112-НҚ",
        "--date",
        "2020-09-01",
        "--agreed",
        "vp-academic:2020-08-24",
        "--agreed",
        "legal-head:2020-08-25",
        "--agreed",
        "hr-head:2020-08-26",
        "--agreed",
        "docs-head:2020-08-27",
    )
    assert (status(dlo, project)["state"], status(dlo, project)["edition_in_force"]) == (
        "in_force",
        1,
    )
    data = render(dlo, project)
    assert "Түпнұсқасы қағаз түрінде" in all_text(data)
    assert [(r[2], r[4]) for r in sheet(data, project, "agreement")] == list(
        zip(HOLDERS, ["24.08.2020", "25.08.2020", "26.08.2020", "27.08.2020"], strict=True)
    )

    # 2. a revision fixes two defects; submitted; agreed once, returned with remarks
    today("2026-01-12")
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "Мәтіндегі қателерді түзету")
    for _, wrong, right in DEFECTS[:2]:
        replace_text(project, wrong, right)
    today("2026-01-13")
    ok(dlo, project, "submit", REG)
    today("2026-01-15")
    ok(dlo, project, "agree", REG, "--as", "vp-academic", "--date", "2026-01-14")
    ok(
        dlo,
        project,
        "reject",
        REG,
        "--as",
        "legal-head",
        "--remarks",
        "15-тармақ құжатты «Ереже» деп атайды",
    )
    st = status(dlo, project)
    assert st["state"] == "draft" and st["returned"] == {
        "role": "legal-head",
        "remarks": "15-тармақ құжатты «Ереже» деп атайды",
        "date": "2026-01-15",
    }

    # 3. the third defect fixed, resubmitted, agreed on four different days
    _, wrong, right = DEFECTS[2]
    replace_text(project, wrong, right)
    today("2026-01-16")
    ok(dlo, project, "submit", REG)
    days = ["2026-01-19", "2026-01-20", "2026-01-21", "2026-01-22"]
    for role, day in zip(APPROVERS, days, strict=True):
        today(day)
        ok(dlo, project, "agree", REG, "--as", role, "--date", day)
        if role == "hr-head":  # the draft as it goes round: marked, with the agreements so far
            draft = render(dlo, project, "--draft")
            assert "ЖОБА" in all_text(draft) and "7-НҚ" not in all_text(draft)
            assert [r[4] for r in sheet(draft, project, "agreement")] == [
                "19.01.2026",
                "20.01.2026",
                "21.01.2026",
                "",
            ]

    # 4. approved by an order that takes effect on 1 February
    today("2026-01-23")
    ok(
        dlo,
        project,
        "approve",
        REG,
        "--order",
        "7-НҚ",
        "--date",
        "2026-01-23",
        "--effective",
        "2026-02-01",
    )
    today("2026-01-25")
    st = status(dlo, project)
    assert (st["state"], st["edition_in_force"], st["takes_effect"]) == (
        "approved",
        1,
        "2026-02-01",
    )
    page = site_page(dlo, project)
    assert "112-НҚ" in page and "Осы Ережеге" in page and "7-НҚ" not in page
    data = render(dlo, project)
    assert "01.09.2020 ж. № 112-НҚ бұйрығымен" in all_text(data)

    # 5. on the effective date edition 2 is in force, on the site and on paper
    today("2026-02-01")
    st = status(dlo, project)
    assert (st["state"], st["edition_in_force"], st["editions"]) == (
        "in_force",
        2,
        {"1": "superseded", "2": "in_force"},
    )
    page = site_page(dlo, project)
    assert "7-НҚ" in page and "Осы лауазымдық нұсқаулыққа" in page and "Осы Ережеге" not in page
    assert "112-НҚ" in page  # in the history of editions

    # 6. read and reviewed later; every sheet prints who and when
    today("2026-02-10")
    ok(dlo, project, "acknowledge", REG, "--holder", "dlo-head", "--date", "2026-02-05")
    ok(
        dlo,
        project,
        "review",
        REG,
        "--by",
        "hr-head",
        "--result",
        "Өзгеріссіз",
        "--date",
        "2026-02-10",
    )
    data = render(dlo, project)
    text = all_text(data)
    assert "23.01.2026 ж. № 7-НҚ бұйрығымен" in text and "ЖОБА" not in text
    for _, _, right in DEFECTS:
        assert right.split("»")[-1].strip() in text
    assert [(r[2], r[4]) for r in sheet(data, project, "agreement")] == list(
        zip(HOLDERS, ["19.01.2026", "20.01.2026", "21.01.2026", "22.01.2026"], strict=True)
    )
    assert sheet(data, project, "changes") == [
        [
            "1",
            "толық мәтін",
            "01.09.2020 ж. № 112-НҚ бұйрық; түпнұсқасы қағаз түрінде",
            "01.09.2020",
            CLERK,
        ],
        ["2", "3, 11, 15", "23.01.2026 ж. № 7-НҚ бұйрық", "01.02.2026", CLERK],
    ]
    [acquainted] = sheet(data, project, "acquaintance")
    assert acquainted[1] == "М. Р. Бекова" and acquainted[3] == "05.02.2026"
    [review] = sheet(data, project, "review")
    assert review[1:4] == [
        "10.02.2026",
        "Персоналды басқару бөлімінің бастығы, Г. М. Жұмабаева",
        "Өзгеріссіз",
    ]
    assert "intact" in ok(dlo, project, "verify", REG).out
    events = [
        e["event"]
        for e in json.loads(ok(dlo, project, "log", REG, "--format", "json").out)["events"]
    ]
    assert events == [
        "registered",
        "revised",
        "submitted",
        "agreed",
        "rejected",
        "submitted",
        "agreed",
        "agreed",
        "agreed",
        "agreed",
        "approved",
        "acknowledged",
        "reviewed",
    ]
