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
    assert "intact" in dlo("verify", "dlo-unit", cwd=in_force).out
    log = dlo("log", "dlo-unit", cwd=in_force).out
    assert not [line for line in log.splitlines() if line.startswith("  9  ")], log
    assert f"read by {name} {FORGED.strip()} ({position} {position})" in log, log
    assert f"ескерту {FORGED.strip()}" in log, log
