"""``dlo list`` never lists a forged history as valid: a regulation whose journal does not verify
as every output shown as approved verifies it (``workflow.intact``: chain, rules, signatures) is
listed in the state ``error`` with the problem's code, without the forged order or its date, and
the command exits 1; the other regulations are listed as usual. Every format is read back: the
table, the CSV and the XLSX (with openpyxl), and the JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import openpyxl
import pytest
from forged_support import (
    ATTACKS,
    FORGED_DATE,
    FORGED_ORDER,
    ORDER,
    OTHER,
    OTHER_ORDER,
    TODAY,
    edited,
    recomputed,
    signed_office,
    stripped,
)
from workflow_support import REG


@pytest.fixture
def signed(prepared_copy):
    return prepared_copy("register-signed", signed_office)


def _listed(dlo, root, *args):
    result = dlo("list", "--today", TODAY, *args, cwd=root)
    assert "Traceback" not in result.err
    return result


def _json(dlo, root) -> tuple[int, dict[str, dict]]:
    result = _listed(dlo, root, "--format", "json")
    return result.code, {r["id"]: r for r in json.loads(result.out)["regulations"]}


def test_an_intact_register_lists_both_in_force(dlo, signed):
    code, rows = _json(dlo, signed)
    assert code == 0
    assert (rows[REG]["state"], rows[REG]["order"], rows[REG]["order_date"]) == (
        "in_force",
        ORDER,
        TODAY,
    )
    assert (rows[OTHER]["state"], rows[OTHER]["order"]) == ("in_force", OTHER_ORDER)
    assert rows[REG]["problem"] == ""


def _no_order_shown(text: str) -> None:
    for forged in (FORGED_ORDER, FORGED_DATE, ORDER):
        assert forged not in text, text


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_forged_journal_is_listed_as_an_error_in_every_format(dlo, signed, attack):
    forge, code = ATTACKS[attack]
    forge(signed)
    status, rows = _json(dlo, signed)
    assert status == 1
    row = rows[REG]
    assert row["state"] == "error"
    assert f"regulations/{REG}/journal.yaml" in row["problem"], row["problem"]
    assert f"error {code}:" in row["problem"], row["problem"]
    assert (row["edition"], row["order"], row["order_date"], row["effective"]) == (
        None,
        "",
        None,
        None,
    )
    assert (row["next_review"], row["waiting_for"], row["acknowledged"]) == (None, [], None)
    other = rows[OTHER]  # the others are listed as usual
    assert (other["state"], other["order"], other["order_date"]) == ("in_force", OTHER_ORDER, TODAY)

    table = _listed(dlo, signed)
    assert table.code == 1
    assert "cannot be read or their journal does not verify" in table.err
    [line] = [x for x in table.out.splitlines() if x.startswith(f"{REG} ")]
    assert " error " in line and code in line, line
    _no_order_shown(line)
    [other_line] = [x for x in table.out.splitlines() if x.startswith(f"{OTHER} ")]
    assert f"№ {OTHER_ORDER} {TODAY}" in other_line

    result = _listed(dlo, signed, "--format", "csv")
    assert result.code == 1
    csv_rows = {r["ID"]: r for r in csv.DictReader(io.StringIO(result.out))}
    forged = csv_rows[REG]
    assert forged["State"] == "error" and f"error {code}:" in forged["Problem"]
    assert (forged["Edition"], forged["Order"], forged["Order date"], forged["Effective"]) == (
        "",
        "",
        "",
        "",
    )
    _no_order_shown(",".join(v for k, v in forged.items() if k != "Problem"))
    assert (csv_rows[OTHER]["Order"], csv_rows[OTHER]["Problem"]) == (OTHER_ORDER, "")

    result = _listed(dlo, signed, "--out", "build/register.xlsx")
    assert result.code == 1
    sheet = openpyxl.load_workbook(signed / "build/register.xlsx").active
    header = [c.value for c in sheet[1]]
    xlsx_rows = {
        r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(2, values_only=True)
    }
    forged = xlsx_rows[REG]
    assert forged["State"] == "error" and f"error {code}:" in forged["Problem"]
    assert [forged[c] for c in ("Edition", "Order", "Order date", "Effective")] == [None] * 4
    other = xlsx_rows[OTHER]
    assert (other["Order"], other["Order date"]) == (OTHER_ORDER, dt.datetime.fromisoformat(TODAY))


def test_only_the_forged_regulation_is_listed_when_filtered(dlo, signed):
    """The exit code tells of the forged regulation even when a filter leaves it out; ``--state
    error`` lists it alone."""
    recomputed(signed)
    shown = _listed(dlo, signed, "--format", "json", "--state", "in_force")
    assert shown.code == 1
    assert [r["id"] for r in json.loads(shown.out)["regulations"]] == [OTHER]
    errors = _listed(dlo, signed, "--format", "json", "--state", "error")
    assert [r["id"] for r in json.loads(errors.out)["regulations"]] == [REG]


@pytest.mark.parametrize(
    ("lang", "state", "said"),
    [
        ("kk", "қате", "журналы тексерістен өтпейді"),
        ("ru", "ошибка", "журнал которых не проходит проверку"),
    ],
)
def test_the_error_is_said_in_the_interface_language(dlo, signed, monkeypatch, lang, state, said):
    stripped(signed)
    monkeypatch.setenv("DLO_UI_LANG", lang)
    result = _listed(dlo, signed, "--format", "csv")
    assert result.code == 1 and said in result.err, result.err
    rows = list(csv.reader(io.StringIO(result.out)))
    [row] = [r for r in rows if r[0] == REG]
    assert state in row and any("DLO910" in cell for cell in row), row


def test_the_table_keeps_the_code_in_view(dlo, signed, monkeypatch):
    """On a narrow terminal the problem is cut; the state column still says which code it is.
    ``--unacknowledged`` lists only editions in force: the forged one is not among them."""
    edited(signed)
    monkeypatch.setenv("COLUMNS", "80")
    result = _listed(dlo, signed)
    [line] = [x for x in result.out.splitlines() if x.startswith(f"{REG} ")]
    assert "error DLO601" in line, line
    readers = _listed(dlo, signed, "--unacknowledged")
    assert readers.code == 1 and REG not in readers.out
