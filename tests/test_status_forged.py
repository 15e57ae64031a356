"""``dlo status`` and ``dlo log`` never present a forged history as the regulation's approved
state, and neither the register nor ``dlo status`` a frozen edition edited after its approval.

A regulation whose journal does not verify (``workflow.intact``: chain, rules, signatures), or
whose frozen edition in force is not the text its approval recorded (DLO606), is reported first
with its problems (positioned, with their codes) and a line naming it and ``dlo verify ID``; its
state, order and dates are not shown; the others are shown as usual; the exit code is 1. ``dlo
log`` still lists the events, for investigation, each marked unverified. Every output is read
back: the text and the JSON of both commands, and the register's table, CSV, XLSX and JSON."""

from __future__ import annotations

import csv
import io
import json
import re

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
    edition_edited,
    signed_office,
    stripped,
)
from workflow_support import REG

EDITION = f"regulations/{REG}/editions/1.yaml"


@pytest.fixture
def signed(prepared_copy):
    return prepared_copy("register-signed", signed_office)


def _run(dlo, root, *args):
    result = dlo(*args, cwd=root)
    assert "Traceback" not in result.err + result.out
    return result


def _blocks(out: str) -> dict[str, str]:
    """``dlo status``'s text, one block per regulation (its first line is not indented)."""
    found: dict[str, str] = {}
    current = ""
    for line in out.splitlines():
        if line and not line.startswith(" "):
            current = re.split(r"[: ]", line, maxsplit=1)[0]
        found[current] = found.get(current, "") + line + "\n"
    return found


def _nothing_forged(text: str) -> None:
    for shown in (FORGED_ORDER, FORGED_DATE, ORDER):
        assert shown not in text, text


def test_an_intact_project_shows_both_orders(dlo, signed):
    result = _run(dlo, signed, "status")
    assert result.code == 0, result.err
    blocks = _blocks(result.out)
    assert ORDER in blocks[REG] and OTHER_ORDER in blocks[OTHER]
    shown = json.loads(_run(dlo, signed, "status", "--format", "json").out)["regulations"]
    assert [r["verified"] for r in shown] == [True, True]
    log = _run(dlo, signed, "log", REG, "--format", "json")
    assert log.code == 0 and log.err == ""
    data = json.loads(log.out)
    assert (data["verified"], data["problems"]) == (True, [])
    text = _run(dlo, signed, "log", REG)
    assert text.code == 0 and "UNVERIFIED" not in text.out and ORDER in text.out


@pytest.mark.parametrize("attack", ATTACKS)
def test_status_reports_a_forged_journal_and_shows_the_others(dlo, signed, attack):
    forge, code = ATTACKS[attack]
    forge(signed)
    result = _run(dlo, signed, "status")
    assert result.code == 1
    assert f"regulations/{REG}/journal.yaml" in result.err and f"error {code}:" in result.err
    blocks = _blocks(result.out)
    assert blocks[REG].startswith(f"{REG}: does not verify"), blocks[REG]
    assert f"dlo verify {REG}" in blocks[REG]
    _nothing_forged(blocks[REG])
    assert "in_force" not in blocks[REG] and "in force" not in blocks[REG]
    assert f"№ {OTHER_ORDER}" in blocks[OTHER]  # one forged regulation hides no other

    one = _run(dlo, signed, "status", REG)  # asked for alone: the same
    assert one.code == 1 and one.out.startswith(f"{REG}: does not verify")
    _nothing_forged(one.out)

    data = _run(dlo, signed, "status", "--format", "json")
    assert data.code == 1
    rows = {r["id"]: r for r in json.loads(data.out)["regulations"]}
    assert (rows[REG]["state"], rows[REG]["verified"]) == (None, False)
    assert code in [p["code"] for p in rows[REG]["problems"]]
    _nothing_forged(json.dumps(rows[REG], ensure_ascii=False))
    assert (rows[OTHER]["state"], rows[OTHER]["verified"]) == ("in_force", True)
    assert rows[OTHER]["in_force_order"]["number"] == OTHER_ORDER


@pytest.mark.parametrize("attack", ATTACKS)
def test_log_lists_a_forged_journal_as_unverified(dlo, signed, attack):
    forge, code = ATTACKS[attack]
    forge(signed)
    result = _run(dlo, signed, "log", REG)
    assert result.code == 1
    assert f"error {code}:" in result.err
    heading, *rest = result.out.splitlines()
    assert heading.startswith(f"{REG}: does not verify"), heading
    assert "not the regulation's approved state" in heading and f"dlo verify {REG}" in heading
    events = [line for line in rest if not line.startswith(" ")]
    assert events and all(line.startswith("UNVERIFIED ") for line in events), events

    data = _run(dlo, signed, "log", REG, "--format", "json")
    assert data.code == 1
    listed = json.loads(data.out)
    assert listed["verified"] is False
    assert code in [p["code"] for p in listed["problems"]]
    assert listed["events"]  # the raw events stay there for investigation

    other = _run(dlo, signed, "log", OTHER)  # the other journal is not marked
    assert other.code == 0 and "UNVERIFIED" not in other.out


def _register(dlo, root, *args):
    return _run(dlo, root, "list", "--today", TODAY, *args)


def test_the_register_lists_an_edited_frozen_edition_as_an_error(dlo, signed):
    edition_edited(signed)
    result = _register(dlo, signed, "--format", "json")
    assert result.code == 1
    rows = {r["id"]: r for r in json.loads(result.out)["regulations"]}
    row = rows[REG]
    assert (row["state"], row["problem_code"]) == ("error", "DLO606")
    assert EDITION in row["problem"] and "error DLO606:" in row["problem"], row["problem"]
    assert (row["edition"], row["order"], row["order_date"], row["effective"]) == (
        None,
        "",
        None,
        None,
    )
    assert (rows[OTHER]["state"], rows[OTHER]["order"]) == ("in_force", OTHER_ORDER)

    table = _register(dlo, signed)
    assert table.code == 1
    [line] = [x for x in table.out.splitlines() if x.startswith(f"{REG} ")]
    assert " error DLO606" in line, line
    _nothing_forged(line)

    result = _register(dlo, signed, "--format", "csv")
    assert result.code == 1
    forged = {r["ID"]: r for r in csv.DictReader(io.StringIO(result.out))}[REG]
    assert forged["State"] == "error" and "error DLO606:" in forged["Problem"]
    assert (forged["Edition"], forged["Order"], forged["Order date"]) == ("", "", "")

    result = _register(dlo, signed, "--out", "build/register.xlsx")
    assert result.code == 1
    sheet = openpyxl.load_workbook(signed / "build/register.xlsx").active
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(2, values_only=True)}
    assert rows[REG]["State"] == "error" and "error DLO606:" in rows[REG]["Problem"]
    assert [rows[REG][c] for c in ("Edition", "Order", "Order date")] == [None] * 3
    assert rows[OTHER]["Order"] == OTHER_ORDER


def test_status_and_log_report_an_edited_frozen_edition(dlo, signed):
    edition_edited(signed)
    result = _run(dlo, signed, "status")
    assert result.code == 1
    assert f"{EDITION}:1:1: error DLO606:" in result.err, result.err
    blocks = _blocks(result.out)
    assert blocks[REG].startswith(f"{REG}: does not verify") and f"dlo verify {REG}" in blocks[REG]
    _nothing_forged(blocks[REG])
    assert f"№ {OTHER_ORDER}" in blocks[OTHER]
    log = _run(dlo, signed, "log", REG)
    assert log.code == 1 and "error DLO606:" in log.err
    assert _run(dlo, signed, "verify", REG).code == 1  # as dlo verify says


def test_an_unsigned_project_checks_its_frozen_edition_too(dlo, in_force):
    """No signature anywhere (cryptography is not needed): the edition is still checked."""
    edition_edited(in_force)
    result = _run(dlo, in_force, "status", "--format", "json")
    assert result.code == 1
    [row] = json.loads(result.out)["regulations"]
    assert [p["code"] for p in row["problems"]] == ["DLO606"]
    assert "45-НҚ" not in result.out
    listed = _register(dlo, in_force, "--format", "json")
    [entry] = json.loads(listed.out)["regulations"]
    assert (listed.code, entry["state"], entry["problem_code"]) == (1, "error", "DLO606")


def test_a_restored_edition_is_shown_again(dlo, in_force):
    path = in_force / EDITION
    original = path.read_text(encoding="utf-8")
    edition_edited(in_force)
    assert _run(dlo, in_force, "status").code == 1
    path.write_text(original, encoding="utf-8")
    result = _run(dlo, in_force, "status")
    assert result.code == 0 and "45-НҚ" in result.out


@pytest.mark.parametrize(
    ("lang", "said", "mark"),
    [
        ("kk", "тексерістен өтпейді", "ТЕКСЕРІЛМЕГЕН"),
        ("ru", "не проходит проверку", "НЕ ПРОВЕРЕНО"),
    ],
)
def test_it_is_said_in_the_interface_language(dlo, signed, monkeypatch, lang, said, mark):
    stripped(signed)
    monkeypatch.setenv("DLO_UI_LANG", lang)
    result = _run(dlo, signed, "status", REG)
    assert result.code == 1 and said in result.out and f"dlo verify {REG}" in result.out
    log = _run(dlo, signed, "log", REG)
    assert log.code == 1 and said in log.out
    assert all(
        line.startswith(mark) for line in log.out.splitlines()[1:] if not line.startswith(" ")
    )


def test_an_unreadable_regulation_is_not_verified_either(dlo, signed):
    """JSON: ``verified`` is true only for a regulation shown; one that cannot be read is listed
    with ``state: null`` and ``verified: false`` as a forged one is."""
    (signed / "regulations" / OTHER / "regulation.yaml").write_text("title: [\n", encoding="utf-8")
    result = _run(dlo, signed, "status", "--format", "json")
    assert result.code == 1
    rows = {r["id"]: r for r in json.loads(result.out)["regulations"]}
    assert (rows[OTHER]["state"], rows[OTHER]["verified"]) == (None, False)
    assert rows[OTHER]["problems"]
    assert (rows[REG]["state"], rows[REG]["verified"]) == ("in_force", True)
