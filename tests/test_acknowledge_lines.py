"""``dlo acknowledge --csv``: a refused row is said at the line an editor shows it on, and its
date at its cell, however the list ends its lines: a cell quoted over two lines (a position
typed with Alt+Enter in Excel) puts the rows after it a line further down, a list saved with
CR alone ("CSV (Macintosh)") is a list of lines, and a character only Unicode calls a line
break (U+2028, NEL) inside a cell ends no line."""

from __future__ import annotations

import pytest
from test_acknowledge import TODAY, in_force  # noqa: F401  (the fixture)

DATED = "Б. В. Серіков,Инженер,"  # the date's cell starts at column 23
CASES = {
    "quoted over two lines": (
        f'name,position,date\n"А. Б. В.","Маман\nбөлімі",{TODAY}\n{DATED}2020-01-01\n',
        "l.csv:4:23: error DLO641: Б. В. Серіков (Инженер): 2020-01-01 is before",
    ),
    "quoted over two lines, a date unread": (
        f'name,position,date\r\n"А. Б. В.","Маман\r\nбөлімі",{TODAY}\r\n{DATED}ертең\r\n',
        "l.csv:4:23: error DLO641: not a date: 'ертең'",
    ),
    "CR alone": (
        f"name,position,date\rА. Б. В.,Маман,{TODAY}\r{DATED}ертең\r",
        "l.csv:3:23: error DLO641: not a date: 'ертең'",
    ),
    "a line separator in a cell": (
        f"name,position,date\nА. Б.\u2028В.,Маман,{TODAY}\n{DATED}ертең\n",
        "l.csv:3:23: error DLO641: not a date: 'ертең'",
    ),
    "NEL in a cell": (
        f"name,position,date\nА. Б.\x85В.,Маман,{TODAY}\n{DATED}ертең\n",
        "l.csv:3:23: error DLO641: not a date: 'ертең'",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_refused_row_is_said_at_its_line_and_cell(in_force, dlo, case):  # noqa: F811
    text, expected = CASES[case]
    (in_force / "l.csv").write_bytes(text.encode("utf-8"))
    result = dlo("acknowledge", "dlo-unit", "--csv", "l.csv", cwd=in_force)
    assert result.code == 1 and expected in result.err, result.err


def test_a_list_saved_with_cr_alone_is_read(in_force, dlo):  # noqa: F811
    rows = f"name,position,date\rА. Б. В.,Маман,{TODAY}\r{DATED}{TODAY}\r"
    (in_force / "l.csv").write_bytes(rows.encode("utf-8"))
    result = dlo("acknowledge", "dlo-unit", "--csv", "l.csv", cwd=in_force)
    assert result.code == 0, result.err
    assert result.out.count("read edition 1") == 2, result.out
