"""The documentation office's day, end to end: a new regulation → its Russian column handed to a
translator through Word → the translated table taken back → check clean → approved → three
people acknowledge it → ``dlo list --unacknowledged`` shows the rest."""

from __future__ import annotations

import json

import docx
from conftest import organisation_today
from desk_support import ok, write_placeholders
from test_acknowledge import ROUTE, add_staff

from dlo_docs import load
from dlo_docs.model import Regulation, text_in
from dlo_docs.translate import slots

TODAY = organisation_today()


def texts(project, reg_id, lang) -> dict[str, str]:
    path = project / "regulations" / reg_id / "regulation.yaml"
    source, problems = load.read(path, str(path))
    assert not problems
    doc = load.validate(Regulation, source)[0]
    return {s.key: text_in(s.value, lang, doc.main_lang) for s in slots(doc)}


def test_new_translate_approve_acknowledge(project, dlo):
    add_staff(project)
    # 1. a new unit regulation in Kazakh; the drafter writes what the template left to write
    ok(
        dlo,
        project,
        "new",
        "dlo-unit",
        "--kind",
        "unit_regulation",
        "--unit",
        "dlo",
        "--lang",
        "kk",
    )
    write_placeholders(project, "dlo-unit", code="Е ҮББИ 05-2026")
    check = json.loads(ok(dlo, project, "check", "--format", "json", "regulations/dlo-unit").out)
    assert check["problems"] == []
    # the Russian a translator would write: here, the Russian of the same template
    ok(dlo, project, "new", "reference", "--kind", "unit_regulation", "--unit", "dlo")
    write_placeholders(project, "reference")
    russian = texts(project, "reference", "ru")
    # 2. the table for the translator
    out = ok(dlo, project, "translate", "dlo-unit", "--to", "ru", "--out", "build/dlo-unit.ru.docx")
    assert "to translate" in out.out
    path = project / "build" / "dlo-unit.ru.docx"
    document = docx.Document(str(path))
    rows = document.tables[0].rows[1:]
    assert len(rows) == len(russian)
    for row in rows:
        key = "".join(r.text for p in row.cells[0].paragraphs for r in p.runs if r.font.hidden)
        row.cells[1].paragraphs[0].add_run(russian[key])
    document.save(str(path))
    # 3. taken back: every Russian text filled, the Kazakh untouched, check clean
    kazakh = texts(project, "dlo-unit", "kk")
    result = ok(dlo, project, "translate", "dlo-unit", "--from", "build/dlo-unit.ru.docx")
    assert f"{len(russian)} text(s) filled" in result.out
    assert texts(project, "dlo-unit", "ru") == russian
    assert texts(project, "dlo-unit", "kk") == kazakh
    check = json.loads(ok(dlo, project, "check", "--format", "json", "regulations/dlo-unit").out)
    assert check["problems"] == []
    # 4. agreed and approved
    ok(dlo, project, "submit", "dlo-unit")
    for role in ROUTE:
        ok(dlo, project, "agree", "dlo-unit", "--as", role)
    ok(dlo, project, "approve", "dlo-unit", "--order", "12-НҚ", "--date", TODAY.isoformat())
    # 5. three people acknowledge it, two from the office's list
    ok(dlo, project, "acknowledge", "dlo-unit", "--holder", "dlo-head")
    (project / "list.csv").write_text(
        "Т.А.Ә.;Лауазымы;Күні\n"
        f"Ә. Б. Нұрланова;Әдіскер;{TODAY:%d.%m.%Y}\n"
        f"Б. В. Серіков;dlo-engineer;{TODAY:%d.%m.%Y}\n",
        encoding="utf-8",
    )
    ok(dlo, project, "acknowledge", "dlo-unit", "--csv", "list.csv")
    # 6. the register shows who has not read it yet
    result = ok(dlo, project, "list", "--unacknowledged", "--format", "json")
    [row] = json.loads(result.out)["regulations"]
    assert (row["id"], row["state"], row["edition"], row["acknowledged"]) == (
        "dlo-unit",
        "in_force",
        1,
        3,
    )
    assert row["not_acknowledged"] == ["В. Г. Оспанова (Маман)", "Г. Д. Ермеков (Оператор)"]
    table = ok(dlo, project, "list", "--unacknowledged").out
    assert "3/5" in table and "В. Г. Оспанова (Маман), Г. Д. Ермеков (Оператор)" in table
