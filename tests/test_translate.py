"""Translation through Word: ``dlo translate ID --to ru --out FILE.docx`` and ``--from FILE.docx``.
The table is read and edited here with python-docx, as a translator does in Word."""

from __future__ import annotations

import json
import time
import zipfile

import docx
import pytest

from dlo_docs import load
from dlo_docs.model import Regulation, text_in
from dlo_docs.translate import slots

REG = "regulations/dlo-head/regulation.yaml"


def regulation(project) -> Regulation:
    source, problems = load.read(project / REG, REG)
    assert not problems
    return load.validate(Regulation, source)[0]


def export(dlo, project, name="t.docx"):
    result = dlo("translate", "dlo-head", "--to", "ru", "--out", f"build/{name}", cwd=project)
    assert result.code == 0, result.err
    return project / "build" / name


def hidden_and_visible(cell):
    hidden = "".join(r.text for p in cell.paragraphs for r in p.runs if r.font.hidden)
    shown = "".join(r.text for p in cell.paragraphs for r in p.runs if not r.font.hidden)
    return hidden, shown


def shaded(cell) -> bool:
    shd = cell._tc.tcPr.find(docx.oxml.ns.qn("w:shd")) if cell._tc.tcPr is not None else None
    return shd is not None and shd.get(docx.oxml.ns.qn("w:fill")) == "FFF2CC"


def fill(path, translate, rows=None):
    """The translator: writes ``translate(source)`` into the target cell of each row."""
    document = docx.Document(str(path))
    table = document.tables[0]
    for index, row in enumerate(table.rows[1:], 1):
        if rows is not None and index not in rows:
            continue
        _, source = hidden_and_visible(row.cells[0])
        cell = row.cells[1]
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.text = ""
        cell.paragraphs[0].add_run(translate(source))
    document.save(str(path))


def russian(source: str) -> str:
    return "Перевод: " + source


def problems(dlo, project):
    result = dlo("check", "--format", "json", "regulations/dlo-head", cwd=project)
    return json.loads(result.out)["problems"]


def test_the_table_has_one_row_per_text_with_its_id_hidden(project, dlo):
    path = export(dlo, project)
    document = docx.Document(str(path))
    assert len(document.tables) == 1
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Қазақша", "Русский"]
    doc = regulation(project)
    expected = slots(doc)
    assert len(table.rows) == len(expected) + 1 == 95
    for row, slot in zip(table.rows[1:], expected, strict=True):
        key, source = hidden_and_visible(row.cells[0])
        assert key == slot.key
        assert source == text_in(slot.value, "kk", "kk")
        assert row.cells[1].text == "" and shaded(row.cells[1])


def test_translated_table_fills_the_draft_round_trip(project, dlo):
    before = (project / REG).read_text(encoding="utf-8")
    path = export(dlo, project)
    fill(path, russian)
    result = dlo("translate", "dlo-head", "--from", "build/t.docx", cwd=project)
    assert result.code == 0, result.err
    assert "94 text(s) filled" in result.out
    after = (project / REG).read_text(encoding="utf-8")
    # comments kept, languages extended, every ru text the translator's
    for line in before.splitlines():
        if line.startswith("#"):
            assert line in after
    doc = regulation(project)
    assert doc.languages == ["kk", "ru"]
    for slot in slots(doc):
        kk = text_in(slot.value, "kk", "kk")
        assert text_in(slot.value, "ru", "kk") == russian(" ".join(kk.split()))
    assert not [p for p in problems(dlo, project) if "has no ru text" in p["message"]]
    # a second export shows the translations filled in, nothing left to do
    document = docx.Document(str(export(dlo, project, "again.docx")))
    row = document.tables[0].rows[1]
    assert row.cells[1].text.startswith("Перевод: ") and not shaded(row.cells[1])


def test_check_reports_what_is_still_missing(project, dlo):
    path = export(dlo, project)
    fill(path, russian, rows=set(range(1, 51)))
    result = dlo("translate", "dlo-head", "--from", "build/t.docx", cwd=project)
    assert "50 text(s) filled" in result.out and "44 left empty" in result.out
    missing = [p for p in problems(dlo, project) if "has no ru text" in p["message"]]
    assert len(missing) == 44


def test_a_row_whose_source_changed_is_refused_and_named(project, dlo):
    path = export(dlo, project)
    fill(path, russian)
    text = (project / REG).read_text(encoding="utf-8")
    edited = text.replace("Сипаттамасы", "Лауазымның сипаттамасы", 1)
    assert edited != text
    (project / REG).write_text(edited, encoding="utf-8")
    result = dlo("translate", "dlo-head", "--from", "build/t.docx", cwd=project)
    assert result.code == 1
    assert "error DLO702: row" in result.err and "(chapter 5, description)" in result.err
    assert "93 text(s) filled" in result.out and "1 refused" in result.out
    doc = regulation(project)
    description = doc.chapters[4]
    assert description.title == {"kk": "Лауазымның сипаттамасы"} or isinstance(
        description.title, str
    )


def test_hidden_id_copied_into_the_target_and_line_breaks(project, dlo):
    path = export(dlo, project)
    document = docx.Document(str(path))
    row = document.tables[0].rows[1]
    hidden = row.cells[1].paragraphs[0].add_run("title")  # copied along with the source
    hidden.font.hidden = True
    row.cells[1].paragraphs[0].add_run("Должностная инструкция")
    row.cells[1].add_paragraph("начальника отдела")
    document.save(str(path))
    result = dlo("translate", "dlo-head", "--from", "build/t.docx", cwd=project)
    assert result.code == 0, result.err
    assert regulation(project).title["ru"] == "Должностная инструкция начальника отдела"


def test_refusals(project, dlo, tmp_path):
    seed = (project / REG).read_bytes()
    (project / "build").mkdir()
    (project / "build/fake.docx").write_text("not a zip", encoding="utf-8")
    result = dlo("translate", "dlo-head", "--from", "build/fake.docx", cwd=project)
    assert result.code == 1 and "DLO704" in result.err and "Traceback" not in result.err
    other = docx.Document()
    other.add_paragraph("a letter")
    other.save(str(project / "build/letter.docx"))
    result = dlo("translate", "dlo-head", "--from", "build/letter.docx", cwd=project)
    assert result.code == 2 and "not a translation table" in result.err
    assert dlo("translate", "dlo-head", "--to", "kk", "--out", "x.docx", cwd=project).code == 2
    assert dlo("translate", "dlo-head", "--to", "ru", "--out", "x.txt", cwd=project).code == 2
    outside = dlo(  # --out may name any folder the user can write to
        "translate", "dlo-head", "--to", "ru", "--out", str(tmp_path / "o.docx"), cwd=project
    )
    assert outside.code == 0 and (tmp_path / "o.docx").is_file(), outside.err
    assert (project / REG).read_bytes() == seed


def test_a_table_of_another_regulation_or_a_removed_element(project, dlo):
    path = export(dlo, project)
    fill(path, russian)
    other = project / "regulations" / "other"
    other.mkdir()
    (other / "regulation.yaml").write_text(
        (project / REG).read_text(encoding="utf-8").replace("id: dlo-head", "id: other"),
        encoding="utf-8",
    )
    result = dlo("translate", "other", "--from", "build/t.docx", cwd=project)
    assert result.code == 2 and "translation table of 'dlo-head'" in result.err
    text = (project / REG).read_text(encoding="utf-8")
    start = text.index("      - id: rights.13")
    end = text.index("  - id: responsibility-section")
    (project / REG).write_text(text[:start] + text[end:], encoding="utf-8")
    result = dlo("translate", "dlo-head", "--from", "build/t.docx", cwd=project)
    assert result.code == 1
    assert "DLO701: row" in result.err and "(rights.13)" in result.err
    assert "93 text(s) filled" in result.out


@pytest.mark.parametrize("args", [["--to", "ru"], ["--from", "x.docx", "--to", "ru"]])
def test_usage(project, dlo, args):
    result = dlo("translate", "dlo-head", *args, cwd=project)
    assert result.code == 2


def test_rows_name_clauses_as_the_document_numbers_them(project):
    """The rows' names (shown in the messages of ``--from``) follow ``numbering: chapter``."""
    doc = regulation(project)
    by_key = {slot.key: slot.label for slot in slots(doc)}
    assert (by_key["approvers"], by_key["duties.3"]) == ("clause 17", "clause 10 item 3")
    by_chapter = {s.key: s.label for s in slots(doc.model_copy(update={"numbering": "chapter"}))}
    assert (by_chapter["approvers"], by_chapter["duties.3"]) == ("clause 7.2", "clause 5.2 item 3")


def test_rows_name_sub_clauses_as_printed(project):
    """A clause whose items are sub-clauses: its items are "clause 10.3", their items
    "clause 10.3 item 1", as dlo check names them."""
    doc = regulation(project)
    chapters = doc.model_dump(mode="json", exclude_none=True)["chapters"]
    duties = next(
        c
        for ch in chapters
        for p in ch.get("paragraphs", [])
        for c in p["clauses"]
        if c["id"] == "duties"
    )
    duties["items_style"] = "subclauses"
    duties["items"][2]["items"] = [{"id": "duties.3.a", "text": "бірінші"}]
    changed = Regulation.model_validate(
        {**doc.model_dump(mode="json", exclude_none=True), "chapters": chapters}
    )
    labels = {s.key: s.label for s in slots(changed)}
    assert (labels["duties.3"], labels["duties.3.a"]) == ("clause 10.3", "clause 10.3 item 1")


def test_the_table_is_the_same_bytes_and_dated_as_a_draft(project, dlo, monkeypatch):
    """The table's package members were dated by the clock (python-docx saves them so), its
    properties 2013-12-23: the same draft gave other bytes each time. Now the table is dated
    as a draft's outputs are, ``SOURCE_DATE_EPOCH`` when set, else 1980-01-01."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = export(dlo, project, "a.docx").read_bytes()
    time.sleep(2.1 - time.time() % 2)  # another ZIP time (two-second resolution)
    assert export(dlo, project, "b.docx").read_bytes() == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    with zipfile.ZipFile(export(dlo, project, "c.docx")) as package:
        assert {info.date_time for info in package.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode("utf-8")
    assert core.count(">2026-01-01T00:00:00Z<") == 2
