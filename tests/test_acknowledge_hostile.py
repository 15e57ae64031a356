"""``dlo acknowledge --csv`` of crafted lists: a row csv cannot read is said where it starts,
and a list of millions of empty rows is read in memory growing with the rows kept, not with
every line of the file.

(A FIFO, a device, a cell over csv's limit, a NUL, more rows than a journal holds:
test_hostile_files.)
"""

from __future__ import annotations

import tracemalloc

from dlo_docs import acquaintance
from tests.hostile_support import positioned, snapshot
from tests.test_hostile_files import _no_crash, in_force  # noqa: F401 (a fixture)


def test_a_quote_left_open_is_refused_at_the_row_it_opens(in_force, dlo):  # noqa: F811
    """csv reads an unclosed quote as one cell to the end of the file, or until the cell passes
    its 128 KiB limit: the row was said at the line where csv gave up (line 4,371 of this list),
    not at the row whose quote was left open, and with no hint."""
    given = in_force / "list.csv"
    rows = 'Иванов И. И.,"Маман,2026-11-30\n' + "Петров П. П.,Маман,2026-11-30\n" * 5_000
    given.write_text("name,position,date\n" + rows, encoding="utf-8")
    before = snapshot(in_force)
    result = dlo("--root", in_force, "acknowledge", "dlo-head", "--csv", given)
    _no_crash(result)
    assert positioned(result.err) == [(str(given), 2, 1, "DLO641")], result.err
    assert 'check the quotes of this row: a cell that opens with " ends with "' in result.err
    assert snapshot(in_force) == before


def test_empty_rows_by_the_million_are_read_in_memory_growing_with_the_rows_kept(tmp_path):
    """Every line was kept twice besides the rows read: 16 MiB of ',\\n' (eight million empty
    rows, which a sheet saves below its list) took 0.7 GB."""
    given = tmp_path / "list.csv"
    given.write_text("name,position,date\nИванов И. И.,Маман,2026-11-30\n" + ",\n" * 100_000)
    tracemalloc.start()
    try:
        rows, lines, delimiter = acquaintance._rows(given, "list.csv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12 * given.stat().st_size, peak  # 35 times before
    assert [line for line, _ in rows] == [1, 2] and delimiter == ","
    assert lines == {1: "name,position,date", 2: "Иванов И. И.,Маман,2026-11-30"}
