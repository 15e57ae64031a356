"""``dlo list``: the register, its filters, marks and formats (the XLSX read back with openpyxl)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import click
import openpyxl
import pytest
from conftest import organisation_today
from desk_support import copy_project, new_clean, ok, runner, set_clock, take_route

from dlo_docs import i18n, register, workflow
from dlo_docs.cli import status_text
from dlo_docs.project import Project
from dlo_docs.register import Entry, output

ROUTE = ["ubbi-director", "vp-academic"]
OLD = dt.date(2023, 1, 10)  # review due 2026-01-10
RECENT = dt.date(2024, 2, 1)  # review due 2027-02-01
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """Regulations in every state: in agreement, agreed, in force (review overdue / due soon),
    a draft, and one that does not load. Built once: the tests only read it."""
    project = copy_project(tmp_path_factory.mktemp("office"))
    dlo = runner(project)
    with pytest.MonkeyPatch.context() as monkeypatch:
        build_office(dlo, project, monkeypatch)
    return project


def build_office(dlo, project, monkeypatch):
    new_clean(dlo, project, "a-agreement", "--position", "dlo-head")
    take_route(dlo, project, "a-agreement", "submitted", ROUTE)
    new_clean(dlo, project, "b-agreed", "--kind", "unit_regulation", "--unit", "dlo")
    take_route(dlo, project, "b-agreed", "agreed", ROUTE)
    set_clock(monkeypatch, OLD)
    new_clean(
        dlo, project, "c-overdue", "--position", "ubbi-director", "--approvers", "vp-academic"
    )
    take_route(dlo, project, "c-overdue", "approved", ["vp-academic"], OLD)
    set_clock(monkeypatch, RECENT)
    new_clean(
        dlo,
        project,
        "d-due",
        "--kind",
        "unit_regulation",
        "--unit",
        "hr",
        "--approvers",
        "vp-academic",
    )
    take_route(dlo, project, "d-due", "approved", ["vp-academic"], RECENT)
    monkeypatch.undo()
    broken = project / "regulations" / "e-broken"
    broken.mkdir()
    (broken / "regulation.yaml").write_text("id: e-broken\nkind:\t[\n", encoding="utf-8")


def listed(dlo, project, *args):
    """``dlo list`` on the office, which holds an unreadable regulation: everything is listed, and
    the exit code (1) and a line on stderr say that one could not be read."""
    result = dlo(*args, cwd=project)
    assert result.code == 1, f"dlo {' '.join(args)}: exit {result.code}\n{result.out}{result.err}"
    assert "1 regulation(s) cannot be read" in result.err
    return result


def listing(dlo, project, *args):
    result = listed(dlo, project, "list", "--format", "json", "--today", TODAY.isoformat(), *args)
    return {r["id"]: r for r in json.loads(result.out)["regulations"]}


def test_every_regulation_with_its_state_and_whom_it_waits_for(office, dlo):
    rows = listing(dlo, office)
    assert set(rows) == {"a-agreement", "b-agreed", "c-overdue", "d-due", "dlo-head", "e-broken"}
    assert rows["a-agreement"]["state"] == "agreement"
    assert rows["a-agreement"]["waiting_for"] == ["ubbi-director"]  # sequential: the next one
    assert rows["b-agreed"]["waiting_for"] == ["rector"]  # the approving official
    assert rows["dlo-head"]["state"] == "draft" and rows["dlo-head"]["waiting_for"] == ["dlo-head"]
    c = rows["c-overdue"]
    assert (c["state"], c["edition"], c["order"], c["order_date"], c["effective"]) == (
        "in_force",
        1,
        "C-OVERDUE-1",
        "2023-01-10",
        "2023-01-10",
    )
    assert (c["next_review"], c["review"]) == ("2026-01-10", "overdue")
    assert (rows["d-due"]["next_review"], rows["d-due"]["review"]) == ("2027-02-01", "due")
    assert rows["e-broken"]["state"] == "error"
    assert "regulations/e-broken/regulation.yaml:2" in rows["e-broken"]["problem"]
    assert rows["c-overdue"]["title"].startswith("Үздіксіз білім беру институты директорының")
    assert rows["d-due"]["unit"] == "Персоналды басқару бөлімі"


@pytest.fixture(scope="module")
def found(office):
    return register.entries(Project(office), "kk", TODAY)


def test_the_register_names_whom_it_waits_for_by_holder_and_title(office, dlo):
    """The "Waiting for" column of the table, CSV and XLSX printed the position's id
    ("ubbi-director") in a register a clerk reads in Russian (a documentation office clerk's
    review): it names the holder and the title in the register's language; the JSON keeps ids."""
    result = listed(
        dlo, office, "list", "--format", "csv", "--lang", "ru", "--today", TODAY.isoformat()
    )
    [row] = [line for line in result.out.splitlines() if line.startswith("a-agreement,")]
    assert "Е. Ж. Касымов (Директор института непрерывного образования)" in row, row
    assert "ubbi-director" not in row, row
    assert listing(dlo, office)["a-agreement"]["waiting_for"] == ["ubbi-director"]


def ids(entries) -> set[str]:
    return {e.id for e in entries}


def test_filters(office, found, dlo):
    registry = register.registry(Project(office))

    def select(**kw):
        return ids(register.select(found, registry, **kw))

    assert select(overdue=True) == {"c-overdue"}
    assert select(state="agreed") == {"b-agreed"}
    assert select(waiting="ubbi-director") == {"a-agreement"}
    assert select(waiting="rector") == {"b-agreed"}
    # a unit and the units under it
    assert select(unit="ubbi") == {"a-agreement", "b-agreed", "c-overdue", "dlo-head"}
    assert select(unit="hr") == {"d-due"}
    assert select(unit="ubbi", state="in_force") == {"c-overdue"}
    # the command line passes them on
    assert set(listing(dlo, office, "--overdue", "--unit", "ubbi")) == {"c-overdue"}
    assert set(listing(dlo, office, "--waiting-for", "ubbi-director")) == {"a-agreement"}
    for args in (["--unit", "nowhere"], ["--waiting-for", "nobody"]):
        result = dlo("list", *args, cwd=office)
        assert result.code == 2 and "unknown" in result.err


def test_table_marks_reviews_and_colours_only_a_terminal(office, dlo):
    result = listed(dlo, office, "list", "--today", TODAY.isoformat())
    lines = result.out.splitlines()
    assert lines[0].split()[:3] == ["ID", "Code", "State"]
    by_id = {line.split()[0]: line for line in lines[1:]}
    assert "2026-01-10 OVERDUE" in by_id["c-overdue"]
    assert "2027-02-01 DUE" in by_id["d-due"]
    assert "№ C-OVERDUE-1 2023-01-10" in by_id["c-overdue"]
    assert "\x1b[" not in result.out  # piped: no colour codes
    entry = Entry("x", state="in_force", next_review=dt.date(2020, 1, 1), review="overdue")
    coloured = output.table([entry], 120, lambda text, colour: click.style(text, fg=colour))
    assert "\x1b[31m2020-01-01 OVERDUE" in coloured[1]


def test_csv_and_json(office, dlo):
    result = listed(dlo, office, "list", "--format", "csv", "--today", TODAY.isoformat())
    rows = list(csv.DictReader(io.StringIO(result.out)))
    c = next(r for r in rows if r["ID"] == "c-overdue")
    assert (c["Next review"], c["Review"], c["Order"]) == ("2026-01-10", "overdue", "C-OVERDUE-1")
    listed(dlo, office, "list", "--format", "csv", "--out", "build/register.csv")
    raw = (office / "build/register.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfID,Code,Title")  # a BOM, so Excel reads it as UTF-8


def test_xlsx_read_back(office, dlo):
    result = listed(
        dlo,
        office,
        "list",
        "--format",
        "xlsx",
        "--out",
        "build/register.xlsx",
        "--today",
        TODAY.isoformat(),
    )
    assert "wrote build/register.xlsx (6 regulations)" in result.out
    sheet = openpyxl.load_workbook(office / "build/register.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["ID", "Code", "Title", "Unit", "State"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "B2"
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    c = rows["c-overdue"]
    col = {name: header.index(name) for name in header}
    assert c[col["Order date"]].value == dt.datetime(2023, 1, 10)
    assert c[col["Order date"]].is_date and c[col["Next review"]].is_date
    assert c[col["Next review"]].fill.fgColor.rgb.endswith("F4CCCC")
    assert c[col["Edition"]].value == 1
    title_width = sheet.column_dimensions["C"].width
    assert title_width > 30  # fitted to the titles, not Excel's default 8.43
    assert rows["e-broken"][col["State"]].value == "error"
    refused = dlo("list", "--format", "xlsx", cwd=office)
    assert refused.code == 2 and "--out" in refused.err


def test_the_site_index_shows_the_register_columns(office, dlo):
    ok(dlo, office, "site", "build", "--no-pdf", "--out", "public")
    kk = (office / "public" / "index.html").read_text(encoding="utf-8")
    ru = (office / "public" / "ru" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col">Күшіне енген күні</th>' in kk
    assert '<th scope="col">Действует с</th>' in ru
    row = kk[kk.index('<tr id="reg-c-overdue">') :]
    row = row[: row.index("</tr>")]
    assert '<td class="effective" data-label="Күшіне енген күні">10.01.2023</td>' in row
    assert 'class="due overdue"' in row and "10.01.2026" in row and "мерзімі өтті" in row
    mark = register.review_mark(dt.date(2027, 2, 1), dt.date.today())
    d_row = ru[ru.index('<tr id="reg-d-due">') :]
    d_row = d_row[: d_row.index("</tr>")]
    assert ("скоро" in d_row) == (mark == "due")
    # drafts and regulations in agreement are not published
    assert "reg-a-agreement" not in kk and "reg-b-agreed" not in kk


def test_without_today_the_register_counts_from_the_workflows_day(office, dlo, monkeypatch):
    """``DLO_TODAY`` is the day every command takes as today: the register's review marks too,
    not the computer's clock (a demonstration a year ahead shows the review due then)."""
    monkeypatch.setenv("DLO_TODAY", "2026-12-31")
    rows = {
        r["id"]: r
        for r in json.loads(listed(dlo, office, "list", "--format", "json").out)["regulations"]
    }
    assert rows["d-due"]["review"] == "due"  # due 2027-02-01: within 90 days of 2026-12-31
    monkeypatch.setenv("DLO_TODAY", "2027-03-01")
    rows = {
        r["id"]: r
        for r in json.loads(listed(dlo, office, "list", "--format", "json").out)["regulations"]
    }
    assert rows["d-due"]["review"] == "overdue"
    monkeypatch.setenv("DLO_TODAY", "2025-01-01")
    rows = {
        r["id"]: r
        for r in json.loads(listed(dlo, office, "list", "--format", "json").out)["regulations"]
    }
    assert rows["d-due"]["review"] == ""


@pytest.fixture
def ui_lang():
    """Switches the interface language for one test and back."""
    before = i18n.current()
    yield i18n.use
    i18n.use(before)


IN_FORCE = {"en": "in force", "kk": "күшінде", "ru": "действует"}
ERROR = {"en": "error", "kk": "қате", "ru": "ошибка"}


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_status_and_the_register_name_the_states_alike(lang, ui_lang):
    ui_lang(lang)
    for state in workflow.STATES:
        name = workflow.state_name(state)
        assert output.cell(Entry("x", state=state), "state") == name
        if state != "approved":  # status adds the day it takes effect
            assert status_text.head(workflow.Status(id="x", state=state)) == f"x: {name}"
    assert workflow.state_name("in_force") == IN_FORCE[lang]
    assert output.cell(Entry("x", state="error"), "state") == ERROR[lang]


def test_the_states_are_named_in_one_place(monkeypatch):
    """Renaming a state in its one definition renames it in ``dlo status``, ``dlo log`` and the
    register's table and files alike."""
    monkeypatch.setitem(workflow.STATE_NAMES, "in_force", "in effect")
    entry = Entry("x", state="in_force")
    assert status_text.head(workflow.Status(id="x", state="in_force")) == "x: in effect"
    assert output.cell(entry, "state") == "in effect"
    assert "in effect" in output.table([entry], 120, lambda text, colour: text)[1]
    assert "in effect" in output.to_csv([entry])


def test_every_state_can_be_listed_alone(office, dlo, monkeypatch):
    """``--state`` takes each state the workflow has (and the register's "error"): a regulation
    approved with its effective date still to come is listed as approved, and by itself."""
    from dlo_docs.cli import register as cli_register

    assert set(cli_register.STATES) == {*workflow.STATES, "error"}

    def ids(state):
        result = listed(dlo, office, "list", "--format", "json", "--state", state)
        return sorted(r["id"] for r in json.loads(result.out)["regulations"])

    assert ids("approved") == [] and ids("in_force") == ["c-overdue", "d-due"]
    # the day before the first order takes effect (the workflow's today): both wait for theirs
    monkeypatch.setenv("DLO_TODAY", (OLD - dt.timedelta(days=1)).isoformat())
    assert ids("approved") == ["c-overdue", "d-due"] and ids("in_force") == []


def test_an_approved_edition_is_listed_with_its_order_until_it_takes_effect(in_force, dlo):
    """An edition approved with its effective date to come is listed with its number, order
    and that date, after the edition in force that stays in force until then; with none in
    force, alone (the register showed neither)."""
    from conftest import on_day
    from workflow_support import REG, agree_all

    with on_day("2024-07-01"):
        ok(dlo, in_force, "revise", REG, "--by", "hr-head", "--reason", "x")
        ok(dlo, in_force, "submit", REG)
        agree_all(dlo, in_force)
        approve = ("--order", "77-НҚ", "--date", "2024-07-01", "--effective", "2024-09-01")
        ok(dlo, in_force, "approve", REG, *approve)
        result = ok(dlo, in_force, "list", "--format", "json")
        [row] = [r for r in json.loads(result.out)["regulations"] if r["id"] == REG]
        assert (row["state"], row["edition"], row["order"], row["effective"]) == (
            "approved",
            1,
            "45-НҚ",
            "2024-06-03",
        )
        approved = ("approved_edition", "approved_order", "approved_order_date", "takes_effect")
        assert [row[key] for key in approved] == [2, "77-НҚ", "2024-07-01", "2024-09-01"]
        table = ok(dlo, in_force, "list").out
        [line] = [line for line in table.splitlines() if line.startswith(REG)]
        assert "1 → 2" in line and "2024-06-03 → 2024-09-01" in line
        assert "№ 45-НҚ 2024-06-03 → № 77-НҚ 2024-07-01" in line
        rows = list(csv.DictReader(io.StringIO(ok(dlo, in_force, "list", "--format", "csv").out)))
        [row] = [r for r in rows if r["ID"] == REG]
        assert (row["Edition"], row["Approved edition"], row["Takes effect"]) == (
            "1",
            "2",
            "2024-09-01",
        )
    with on_day("2024-09-01"):  # in force: listed as any edition in force
        result = ok(dlo, in_force, "list", "--format", "json")
        [row] = [r for r in json.loads(result.out)["regulations"] if r["id"] == REG]
        assert (row["state"], row["edition"], row["order"], row["effective"]) == (
            "in_force",
            2,
            "77-НҚ",
            "2024-09-01",
        )
        assert row["approved_edition"] is None and row["takes_effect"] is None


def test_a_first_edition_approved_is_listed_before_it_takes_effect(office, dlo, monkeypatch):
    monkeypatch.setenv("DLO_TODAY", (OLD - dt.timedelta(days=1)).isoformat())
    c = listing(dlo, office)["c-overdue"]
    assert (c["state"], c["edition"], c["order"], c["effective"]) == ("approved", None, "", None)
    assert (c["approved_edition"], c["approved_order"], c["takes_effect"]) == (
        1,
        "C-OVERDUE-1",
        OLD.isoformat(),
    )
    result = listed(dlo, office, "list")
    [line] = [line for line in result.out.splitlines() if line.startswith("c-overdue")]
    assert f"№ C-OVERDUE-1 {OLD.isoformat()}" in line and " 1 " in line


@pytest.fixture
def computer_behind(monkeypatch):
    """The computer's clock in UTC-12 and the organisation's zone +14:00: the organisation's day
    is always one or two days after the computer's."""
    import time

    monkeypatch.delenv("DLO_TODAY", raising=False)
    monkeypatch.setenv("TZ", "Etc/GMT+12")
    time.tzset()
    yield dt.datetime.now(dt.timezone(dt.timedelta(hours=14))).date()
    monkeypatch.undo()
    time.tzset()


def test_the_register_counts_the_organisations_day_not_the_computers(
    in_force, dlo, computer_behind
):
    """The register's day (its JSON's `today`, from which reviews are counted) is the
    organisation's, as every command takes it: it was the computer's, a day behind, while an
    edition approved and in force today is listed in force as `dlo status` shows it."""
    from workflow_support import REG, agree_all

    registry = in_force / "regulations" / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace('timezone: "+05:00"', 'timezone: "+14:00"'), "utf-8")
    today = computer_behind.isoformat()
    assert dt.date.today() < computer_behind
    ok(dlo, in_force, "revise", REG, "--by", "hr-head", "--reason", "x")
    ok(dlo, in_force, "submit", REG)
    agree_all(dlo, in_force)
    ok(dlo, in_force, "approve", REG, "--order", "78-НҚ", "--date", today)
    status = json.loads(ok(dlo, in_force, "status", REG, "--format", "json").out)
    result = ok(dlo, in_force, "list", "--format", "json")
    assert json.loads(result.out)["today"] == today
    [row] = [r for r in json.loads(result.out)["regulations"] if r["id"] == REG]
    assert (row["state"], row["edition"], row["effective"]) == ("in_force", 2, today)
    [shown] = status["regulations"]
    assert (shown["state"], shown["edition_in_force"]) == ("in_force", 2)


def test_the_journal_s_own_status_says_a_review_is_overdue_too(office):
    """A status made from the journal alone (the site's, an approved PDF's) always said the review
    was not overdue: only the full status worked it out (a reviewer of the change)."""
    from dlo_docs import workflow

    project = Project(office)
    st = workflow.journal_status(project, "c-overdue", register.registry(project))
    assert st.review_due is not None and st.review_overdue
    assert not workflow.journal_status(project, "d-due", register.registry(project)).review_overdue


def test_a_withdrawn_regulation_is_listed_with_the_order_that_withdrew_it(project, dlo):
    """A withdrawn regulation was listed as "withdrawn" with every other column empty: the
    register a clerk keeps had no trace of the order that withdrew it, nor of which edition was
    the last (a documentation office clerk's review). It lists its last edition and that order."""
    new_clean(dlo, project, "hr-ji", "--position", "hr-head", "--approvers", "vp-academic")
    take_route(dlo, project, "hr-ji", "approved", ["vp-academic"])
    today = organisation_today().isoformat()
    ok(dlo, project, "withdraw", "hr-ji", "--order", "120-НҚ", "--date", today)
    result = ok(dlo, project, "list", "--format", "json")
    [row] = [r for r in json.loads(result.out)["regulations"] if r["id"] == "hr-ji"]
    assert (row["state"], row["edition"], row["order"], row["order_date"]) == (
        "withdrawn",
        1,
        "120-НҚ",
        today,
    )
    st = json.loads(ok(dlo, project, "status", "hr-ji", "--format", "json").out)["regulations"][0]
    assert st["withdrawn_edition"] == 1 and st["withdrawal_order"]["number"] == "120-НҚ"
