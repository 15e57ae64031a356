"""An edition approved on paper by the official's signature (БЕКІТЕМІН / УТВЕРЖДАЮ,
``approval.form: signature``): `dlo register-paper ID --date DATE` records it with no order, the
official from ``approval.by``; the title page prints the position, the signature line with the
name and that date, the change registration sheet "signed … ; originals on paper". The form comes
from the text registered: ``--order`` is refused for a signed text and required for one approved
by order. Read back from the DOCX."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from site_support import UNIT, add_unit, ok
from test_approval_block import by_signature, title_block
from test_forms import all_text, parts, table_rows

from dlo_docs import labels

RECTOR = "Д. Е. Ахметов"


@pytest.fixture
def signed(project: Path, monkeypatch) -> Path:
    monkeypatch.setenv("DLO_TODAY", "2026-11-30")
    add_unit(project)
    by_signature(project)
    return project


def rows(project: Path, lang: str, kind: str) -> list[list[str]]:
    data = (project / "build" / f"{UNIT}.{lang}.docx").read_bytes()
    title = labels.labels(lang, project / "templates")["sheet"][kind]["title"]
    return table_rows(parts(data)["word/document.xml"], title)[1:]


def test_a_text_signed_on_paper_is_registered_without_an_order(signed, dlo):
    out = ok(
        dlo,
        signed,
        "register-paper",
        UNIT,
        "--date",
        "2020-09-01",
        "--agreed",
        "hr-head:2020-08-27",
    ).out
    assert "approved on paper by the signature of rector on 2020-09-01" in out
    [ev] = json.loads(ok(dlo, signed, "log", UNIT, "--format", "json").out)["events"]
    assert ev["event"] == "registered" and ev["form"] == "signature" and ev["role"] == "rector"
    assert ev["order"] == {"number": "", "date": "2020-09-01", "effective": "2020-09-01"}
    assert "edition in force: 1 (approved by signature on 2020-09-01)" in (
        ok(dlo, signed, "status", UNIT).out
    )
    assert "intact" in ok(dlo, signed, "verify", UNIT).out
    ok(dlo, signed, "render", UNIT, "--format", "docx")
    assert title_block(signed, f"{UNIT}.kk.docx") == [
        "БЕКІТЕМІН",
        "Басқарма Төрағасы – Ректор",
        f"____________ {RECTOR}",
        "01.09.2020 ж.",
    ]
    assert title_block(signed, f"{UNIT}.ru.docx") == [
        "УТВЕРЖДАЮ",
        "Председатель Правления – Ректор",
        f"____________ {RECTOR}",
        "01.09.2020",
    ]
    for lang, never in (("kk", ("БЕКІТІЛДІ", "бұйрығымен")), ("ru", ("УТВЕРЖДЕНО", "приказом"))):
        text = all_text((signed / "build" / f"{UNIT}.{lang}.docx").read_bytes())
        assert not [w for w in never if w in text], lang
    [kk] = [r for r in rows(signed, "kk", "changes") if r[0]]
    assert kk[2] == "01.09.2020 ж. қол қою арқылы бекітілген; түпнұсқасы қағаз түрінде"
    [ru] = [r for r in rows(signed, "ru", "changes") if r[0]]
    assert ru[2] == "Утверждено подписью 01.09.2020; оригинал на бумажном носителе"
    assert "Түпнұсқасы қағаз түрінде" in all_text(
        (signed / "build" / f"{UNIT}.kk.docx").read_bytes()
    )
    assert [r[4] for r in rows(signed, "ru", "agreement")] == ["", "27.08.2020"]


def test_the_form_comes_from_the_text_registered(signed, dlo):
    result = dlo("register-paper", UNIT, "--order", "45", "--date", "2020-09-01", cwd=signed)
    assert result.code == 2 and "approved by the official's signature" in result.err
    assert "leave out --order" in result.err and "Traceback" not in result.err
    assert not (signed / "regulations" / UNIT / "journal.yaml").exists()
    # a text approved by order needs its order's number
    text = (signed / "regulations" / UNIT / "regulation.yaml").read_text(encoding="utf-8")
    (signed / "regulations" / UNIT / "regulation.yaml").write_text(
        text.replace("  form: signature\n", ""), encoding="utf-8"
    )
    result = dlo("register-paper", UNIT, "--date", "2020-09-01", cwd=signed)
    assert result.code == 2 and "--order is required" in result.err
    assert not (signed / "regulations" / UNIT / "editions").exists()
