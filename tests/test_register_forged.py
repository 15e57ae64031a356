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
from desk_support import new_clean
from signing_support import (
    NOW,
    PASSWORD,
    entries,
    journal_file,
    office,
    rewrite,
    set_signatures,
)
from workflow_support import APPROVERS, REG, ok

from dlo_docs import load

# today in the registry's time zone (+05:00): the certificates are valid from now
TODAY = NOW.astimezone(dt.timezone(dt.timedelta(hours=5))).date().isoformat()
OTHER = "x-other"
ORDER, OTHER_ORDER = "12-НҚ", "7-НҚ"
FORGED_ORDER, FORGED_DATE = "99-НҚ", "2020-01-02"


def _signed_office(dlo, root) -> None:
    """Two regulations in force, every agreement and approval signed, the registry requiring
    them signed: the seed (order 12-НҚ) and a second one (order 7-НҚ)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
        setup = office(root, roles=(*APPROVERS, "rector"))
        set_signatures(root, ["keys/ca.pem"], ["agreed", "approved"])
        ok(dlo, root, "submit", REG)
        for role in APPROVERS:
            ok(dlo, root, "agree", REG, "--as", role, "--sign", setup.p12[role])
        ok(dlo, root, "approve", REG, "--order", ORDER, "--date", TODAY,
           "--sign", setup.p12["rector"])  # fmt: skip
        new_clean(dlo, root, OTHER, "--position", "ubbi-director", "--approvers", "vp-academic")
        ok(dlo, root, "submit", OTHER)
        ok(dlo, root, "agree", OTHER, "--as", "vp-academic", "--sign", setup.p12["vp-academic"])
        ok(dlo, root, "approve", OTHER, "--order", OTHER_ORDER, "--date", TODAY,
           "--sign", setup.p12["rector"])  # fmt: skip


@pytest.fixture
def signed(prepared_copy):
    return prepared_copy("register-signed", _signed_office)


def _edited(root) -> None:
    """The approval's order moved back by hand, the hashes left as they were."""
    data = entries(root)
    data[-1]["order"].update(number=FORGED_ORDER, date=FORGED_DATE)
    journal_file(root).write_text(load.dumps(data), encoding="utf-8")


def _recomputed(root) -> None:
    """The same, and every hash after it computed again: the chain is whole; the approval's
    signature (of the order as it was) is not."""
    data = entries(root)
    data[-1]["order"].update(number=FORGED_ORDER, date=FORGED_DATE)
    rewrite(root, data)


def _stripped(root) -> None:
    """The same with the approval's signature removed: the registry requires it."""
    data = entries(root)
    del data[-1]["signature"]
    data[-1]["order"].update(number=FORGED_ORDER, date=FORGED_DATE)
    rewrite(root, data)


def _unagreed(root) -> None:
    """An agreement deleted and the chain recomputed: an approval no command would write."""
    data = [e for e in entries(root) if e.get("role") != "legal-head"]
    for seq, entry in enumerate(data, 1):
        entry["seq"] = seq
    rewrite(root, data)


ATTACKS = {
    "edited": (_edited, "DLO601"),
    "recomputed": (_recomputed, "DLO910"),
    "stripped": (_stripped, "DLO910"),
    "unagreed": (_unagreed, "DLO612"),
}


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
    _recomputed(signed)
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
    _stripped(signed)
    monkeypatch.setenv("DLO_UI_LANG", lang)
    result = _listed(dlo, signed, "--format", "csv")
    assert result.code == 1 and said in result.err, result.err
    rows = list(csv.reader(io.StringIO(result.out)))
    [row] = [r for r in rows if r[0] == REG]
    assert state in row and any("DLO910" in cell for cell in row), row


def test_the_table_keeps_the_code_in_view(dlo, signed, monkeypatch):
    """On a narrow terminal the problem is cut; the state column still says which code it is.
    ``--unacknowledged`` lists only editions in force: the forged one is not among them."""
    _edited(signed)
    monkeypatch.setenv("COLUMNS", "80")
    result = _listed(dlo, signed)
    [line] = [x for x in result.out.splitlines() if x.startswith(f"{REG} ")]
    assert "error DLO601" in line, line
    readers = _listed(dlo, signed, "--unacknowledged")
    assert readers.code == 1 and REG not in readers.out
