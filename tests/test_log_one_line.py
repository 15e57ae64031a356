"""``dlo log`` lays each event out on its lines, its details indented under it: a text the
journal carries (an acknowledgement's reader, a reason, remarks) never starts a line of its own.
A journal forged with its hashes recomputed verifies intact, so its texts are whatever was typed
into it: a line break in the reader's name printed a line that reads as another event."""

from __future__ import annotations

import yaml
from test_acknowledge import in_force  # noqa: F401  (the fixture)

from dlo_docs.workflow import journal as wj

FORGED = "  9  2026-01-01T00:00:00+05:00  approved   edition 7  rector  by rector"


def test_a_reader_s_name_with_a_line_break_stays_on_its_line(in_force, dlo):  # noqa: F811
    name, position = "Қ. Сыртқы", "Сарапшы"
    assert dlo("acknowledge", "dlo-unit", "--name", name, "--position", position, cwd=in_force)
    path = in_force / "regulations" / "dlo-unit" / "journal.yaml"
    prev, forged = wj.GENESIS, []
    for entry in map(wj.normal, yaml.safe_load(path.read_text(encoding="utf-8"))):
        if entry["event"] == "acknowledged":
            entry.update(name=f"{name}\n{FORGED}", position=f"{position}\u2028{position}")
        if entry["event"] == "agreed":  # (remarks are an agreement's: on another, DLO609)
            entry["remarks"] = f"ескерту\r\n{FORGED}"
        entry["prev"] = prev
        entry["hash"] = prev = wj.event_hash(entry)
        forged.append(entry)
    path.write_text(yaml.safe_dump(forged, allow_unicode=True), encoding="utf-8")
    verify = dlo("verify", "dlo-unit", cwd=in_force)  # the carriage return: no command's
    assert "DLO612" in verify.err and "a control character (U+000D)" in verify.err, verify.err
    log = dlo("log", "dlo-unit", cwd=in_force).out
    assert not [line for line in log.splitlines() if line.startswith("  9  ")], log
    assert f"read by {name} {FORGED.strip()} ({position} {position})" in log, log
    assert f"ескерту {FORGED.strip()}" in log, log


def test_a_problem_is_one_line_whatever_its_file_name_or_quote_holds():
    """Every command prints each problem as one line (file:line:col: severity CODE: message): a
    file's name or a text quoted with a line break printed the rest as a line of its own, a
    forged problem of another file among the real ones; an escape sequence, as is, reached the
    terminal through the file's name."""
    from dlo_docs.errors import Location, error

    forged = "regulations/x/regulation.yaml:1:1: error DLO001: FORGED"
    problem = error(
        Location(f"in\x1b]0;T\x07bound\n{forged}.yaml", 3, 1), "DLO504", f"quoted «a\r\n{forged}»"
    )
    [line] = str(problem).splitlines()
    assert "\x1b" not in line and "\x07" not in line
    assert line.startswith("in]0;Tbound regulations/x/regulation.yaml:1:1: error DLO001: FORGED")
