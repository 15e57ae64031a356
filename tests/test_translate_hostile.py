"""``dlo translate --from`` of crafted translation tables: read at a cost growing with the file,
whatever Word's table and revision markup it is built of; a row that cannot be taken as it is
(its cells merged, two rows of one text, a translation longer than a text may be) refused at
its row, never taken as a wrong translation; a draft dlo could not read back never written.

(A zip bomb, an entity bomb, XML too deep, a FIFO: test_hostile_files.)
"""

from __future__ import annotations

import copy
import io
import re
import time
import zipfile
from pathlib import Path

import docx
import pytest

from dlo_docs.render import docx_translation
from tests.hostile_support import REGULATION, snapshot
from tests.test_hostile_files import _no_crash, _repacked, _table, deadline  # noqa: F401 (a fixture)

TAKE_BACK = ("translate", "dlo-head", "--from", "build/t.docx")


def _rows(raw: bytes) -> list[docx_translation.Row]:
    return docx_translation.read(raw, "t.docx")[1]


def _edited(raw: bytes, change) -> bytes:
    """The table with its python-docx ``Document`` changed by ``change``."""
    doc = docx.Document(io.BytesIO(raw))
    change(doc.tables[0])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _take_back(project: Path, dlo, raw: bytes):
    (project / "build" / "t.docx").write_bytes(raw)
    return dlo(*TAKE_BACK, cwd=project)


def _refused(project: Path, dlo, raw: bytes):
    """The result of taking ``raw`` back, which writes nothing."""
    (project / "build" / "t.docx").write_bytes(raw)
    before = snapshot(project)
    result = dlo(*TAKE_BACK, cwd=project)
    _no_crash(result)
    assert snapshot(project) == before
    return result


def _translated(row, text: str) -> None:
    row.cells[1].paragraphs[0].add_run(text)


def _row_xml(raw: bytes, key: str) -> tuple[bytes, int, int]:
    """document.xml and where the row whose hidden id is ``key`` starts and ends in it."""
    data = zipfile.ZipFile(io.BytesIO(raw)).read("word/document.xml")
    at = data.index(f"<w:t>{key}</w:t>".encode())
    start = data.rindex(b"<w:tr>", 0, at)
    return data, start, data.index(b"</w:tr>", at) + len(b"</w:tr>")


@pytest.mark.usefixtures("deadline")
def test_a_cell_spanning_two_billion_columns_is_read_as_one_cell(project, dlo):
    """python-docx's ``cells`` gave a cell once for each grid column it spans: a 17 KB table
    whose target cell spans two billion columns took 16 GB and minutes."""
    raw = _edited(_table(project, dlo), lambda t: _translated(t.rows[1], "Должностная инструкция"))

    def spanned(data: bytes) -> bytes:
        data, start, end = _row_xml(raw, "scope")
        row = data[start:end]
        cell = row.index(b"<w:tc>", row.index(b"</w:tc>"))
        at = row.index(b"</w:tcPr>", cell)
        return data[:start] + row[:at] + b'<w:gridSpan w:val="2000000000"/>' + row[at:] + data[end:]

    result = _take_back(project, dlo, _repacked(raw, "word/document.xml", spanned))
    assert result.code == 0, result.err
    assert "1 text(s) filled" in result.out
    assert "ru: Должностная инструкция" in (project / REGULATION).read_text(encoding="utf-8")


@pytest.mark.usefixtures("deadline")
def test_cells_merged_down_a_long_table_are_read_each_as_its_own(project, dlo):
    """A cell merged with the one above it was read from that one, and that from the one above
    it, up the table: 1,500 such rows took minutes and ended in a RecursionError (DLO704)."""
    merged = b"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>"

    def rows(data: bytes) -> bytes:
        data, _, end = _row_xml(raw, ":title")
        return data[:end] + merged * 1500 + data[end:]

    raw = _table(project, dlo)
    read = _rows(_repacked(raw, "word/document.xml", rows))
    assert [row.key for row in read] == [row.key for row in _rows(raw)]


def _nested_runs(depth: int, runs: int) -> bytes:
    paragraph = "<w:r><w:t>а</w:t></w:r>" * runs
    for _ in range(depth):
        paragraph = f'<w:ins w:id="1" w:author="a">{paragraph}</w:ins>'
    return paragraph.encode()


def _timed(raw: bytes) -> float:
    start = time.perf_counter()
    _rows(raw)
    return time.perf_counter() - start


def test_runs_nested_deep_in_tracked_changes_are_read_in_a_time_growing_with_the_runs(project, dlo):
    """Each run's wrappers were walked up for every run: a million runs in 200 nested tracked
    insertions (a 26 KB file) took minutes. Runs 240 insertions deep now take about as long as
    runs in none."""
    raw = _table(project, dlo)

    def table(depth: int) -> bytes:
        def cell(data: bytes) -> bytes:
            data, start, end = _row_xml(raw, ":title")
            row = data[start:end]
            cell = row.index(b"<w:tc>", row.index(b"</w:tc>"))
            body = row.index(b"</w:tcPr>", cell) + len(b"</w:tcPr>")
            close = row.index(b"</w:tc>", body)
            paragraph = b"<w:p>" + _nested_runs(depth, 20_000) + b"</w:p>"
            return data[:start] + row[:body] + paragraph + row[close:] + data[end:]

        return _repacked(raw, "word/document.xml", cell)

    flat, deep = table(0), table(240)
    assert _rows(deep)[0].target == "а" * 20_000
    assert _timed(deep) < 3 * _timed(flat) + 0.5


def test_a_row_whose_cells_were_merged_is_refused_not_its_source_taken(project, dlo):
    """Word's Merge Cells on a row left one cell spanning both columns: python-docx gave it as
    both cells, so the Kazakh text was written into the draft as the Russian translation."""
    raw = _table(project, dlo)

    def merged(data: bytes) -> bytes:
        data, start, end = _row_xml(raw, "scope")
        row = data[start:end]
        first_end = row.index(b"</w:tc>")
        second_end = row.index(b"</w:tc>", first_end + 1)
        at = row.index(b"</w:tcPr>")
        first = row[:at] + b'<w:gridSpan w:val="2"/>' + row[at:first_end]
        return data[:start] + first + row[second_end:] + data[end:]

    result = _refused(project, dlo, _repacked(raw, "word/document.xml", merged))
    assert re.search(
        r"build/t\.docx:3:1: error DLO706: row 3 \(chapter 1, scope\) has 1 cell", result.err
    ), result.err


def test_two_rows_of_one_text_are_both_refused(project, dlo):
    """A row copied (or pasted twice) with another translation: the last row was taken over
    the first, unsaid."""

    def doubled(table) -> None:
        _translated(table.rows[2], "Область применения")
        table.rows[-1]._tr.addnext(copy.deepcopy(table.rows[2]._tr))
        table.rows[-1].cells[1].paragraphs[0].runs[0].text = "Сфера действия"
        _translated(table.rows[1], "Должностная инструкция")

    result = _take_back(project, dlo, _edited(_table(project, dlo), doubled))
    assert result.code == 1, result.err
    assert "1 text(s) filled" in result.out and "2 refused" in result.out
    for row in (3, 96):
        assert (
            f"build/t.docx:{row}:1: error DLO707: row {row} (chapter 1, scope): rows 3, 96 "
            in result.err
        )
    written = (project / REGULATION).read_text(encoding="utf-8")
    assert "Должностная инструкция" in written
    assert "Область применения" not in written and "Сфера действия" not in written


def test_a_translation_longer_than_a_text_may_be_is_refused_at_its_row(project, dlo):
    """A 5 MB cell was refused as an error at a line of regulation.yaml (DLO008), a file the
    command had not written; the rows beside it were not taken either."""

    def long(table) -> None:
        _translated(table.rows[1], "Я" * 100_001)
        _translated(table.rows[2], "Область применения")

    result = _take_back(project, dlo, _edited(_table(project, dlo), long))
    assert result.code == 1, result.err
    assert "regulation.yaml" not in result.err
    assert (
        "build/t.docx:2:1: error DLO705: row 2 (title, :title): the translation is 100001 "
        "characters, more than the 100000 a text may have" in result.err
    )
    written = (project / REGULATION).read_text(encoding="utf-8")
    assert "ru: Область применения" in written and "ЯЯЯ" not in written


def test_a_draft_longer_than_dlo_reads_is_not_written(project, dlo, monkeypatch):
    """Long translations in every row made a regulation.yaml over the 16 MiB dlo reads of a
    file (18 MB: every command then refused it, DLO009); the bound is made small here."""
    monkeypatch.setattr("dlo_docs.inputs.MAX_YAML_BYTES", 40_000)

    def long(table) -> None:
        for row in table.rows[1:]:
            _translated(row, "Перевод " * 40)

    result = _refused(project, dlo, _edited(_table(project, dlo), long))
    assert "build/t.docx: error DLO705: the regulation written from it would be" in result.err
    assert "more than the 40000 dlo reads of a file; nothing was written" in result.err


@pytest.mark.parametrize(
    "identifier",
    ["dlo-translation:dlo-head\u202e\u009b:kk:ru", "dlo-translation:dlo-head:kk:../x"],
    ids=["bidi-and-csi-in-the-id", "no-language"],
)
def test_properties_dlo_never_writes_are_not_a_translation_table(project, dlo, identifier):
    """The id of the table's properties was printed as a command to type, a bidi override or a
    C1 control (a terminal's CSI) with it."""

    def named(data: bytes) -> bytes:
        return re.sub(
            rb"<dc:identifier>[^<]*</dc:identifier>",
            f"<dc:identifier>{identifier}</dc:identifier>".encode(),
            data,
        )

    result = _refused(project, dlo, _repacked(_table(project, dlo), "docProps/core.xml", named))
    assert "is not a translation table made by dlo translate" in result.err, result.err
    assert "\u202e" not in result.err + result.out and "\u009b" not in result.err + result.out


def test_many_rows_refused_are_listed_up_to_twenty_and_counted(project, dlo):
    """A table of thousands of rows naming texts the regulation does not have printed a line
    for each (100,000 lines, 8 s, 730 MB for 100,000 rows; an attacker's review): twenty are
    listed, then how many more there are."""

    def unknown_rows(table) -> None:
        for i in range(45):
            table.rows[-1]._tr.addnext(copy.deepcopy(table.rows[2]._tr))
            row = table.rows[-1]
            hidden = [r for p in row.cells[0].paragraphs for r in p.runs if r.font.hidden]
            hidden[0].text = f"nosuch-{i}"
            _translated(row, f"Перевод {i}")

    result = _refused(project, dlo, _edited(_table(project, dlo), unknown_rows))
    assert result.code == 1, result.err
    lines = result.err.splitlines()
    assert len([line for line in lines if "error DLO701: row " in line]) == 20, result.err
    assert "error DLO701: … and 25 more rows refused, not listed" in lines[-1], result.err
