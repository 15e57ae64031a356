"""A journal has the bounds of every project file (``yaml_limits.MAX_VALUES`` keys and values,
``inputs.MAX_YAML_BYTES``): events that would take it over either are refused at once, as a
full journal (DLO635), nothing written. Before, the text was read back, failed the bound, was
written again round-trip (two minutes for a journal of 10,000 acknowledgements) and refused as
'a bug of dlo' (DLO634). The bounds are lowered here to the journal at hand, so the test is fast;
a real journal holds some 12,000 unsigned acknowledgements (docs/cli.md)."""

from __future__ import annotations

import yaml
from test_acknowledge import TODAY, in_force  # noqa: F401  (the fixture)

from dlo_docs import inputs, yaml_limits
from dlo_docs.workflow import appending

JOURNAL = "regulations/dlo-unit/journal.yaml"


def _list(project, first: int, rows: int) -> None:
    lines = ["name,position,date"] + [
        f"Қызметкер{i:05d} Тестов,Маман {i},{TODAY.isoformat()}" for i in range(first, first + rows)
    ]
    (project / "list.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _values_now(project) -> int:
    """The keys and values of the journal as the reader counts them: its scalars."""
    text = (project / JOURNAL).read_text(encoding="utf-8")
    return sum(isinstance(e, yaml.ScalarEvent) for e in yaml.parse(text, Loader=yaml.CSafeLoader))


def test_events_past_the_keys_and_values_a_file_may_hold_are_refused_as_a_full_journal(
    in_force,  # noqa: F811
    dlo,
    monkeypatch,
):
    # room for some 30 acknowledgements beside what is kept for the route's own events
    limit = _values_now(in_force) + appending.RESERVED_VALUES + 30 * 40
    monkeypatch.setattr(yaml_limits, "MAX_VALUES", limit)
    monkeypatch.setattr(appending, "MAX_VALUES", limit, raising=False)
    before = (in_force / JOURNAL).read_bytes()
    _list(in_force, 0, 50)
    result = dlo("acknowledge", "dlo-unit", "--csv", "list.csv", cwd=in_force)
    assert result.code == 1
    assert f"{JOURNAL}: error DLO635: the journal with the 50 new events would hold" in result.err
    assert "a bug of dlo" not in result.err
    assert (in_force / JOURNAL).read_bytes() == before
    _list(in_force, 0, 20)  # fewer at once: they fit, and the journal reads back
    assert dlo("acknowledge", "dlo-unit", "--csv", "list.csv", cwd=in_force).code == 0
    assert dlo("status", "dlo-unit", cwd=in_force).code == 0


def test_events_past_the_bytes_a_file_may_hold_are_refused_as_a_full_journal(
    in_force,  # noqa: F811
    dlo,
    monkeypatch,
):
    size = (in_force / JOURNAL).stat().st_size
    # ~5 acknowledgements beside what is kept for the route's own events
    monkeypatch.setattr(inputs, "MAX_YAML_BYTES", size + appending.RESERVED_BYTES + 5_000)
    before = (in_force / JOURNAL).read_bytes()
    _list(in_force, 0, 20)
    result = dlo("acknowledge", "dlo-unit", "--csv", "list.csv", cwd=in_force)
    assert result.code == 1 and "error DLO635" in result.err, result.err
    assert (in_force / JOURNAL).read_bytes() == before
    assert dlo("status", "dlo-unit", cwd=in_force).code == 0  # not a journal no one can read


def test_acknowledgements_leave_room_for_the_route_s_own_events(
    in_force,  # noqa: F811
    dlo,
    monkeypatch,
):
    """A journal filled by acknowledgements ended its regulation: no revision, review or
    withdrawal could be recorded any more. Acknowledgements stop short of the bound."""
    limit = _values_now(in_force) + appending.RESERVED_VALUES - 10  # full for acknowledgements
    monkeypatch.setattr(yaml_limits, "MAX_VALUES", limit)
    monkeypatch.setattr(appending, "MAX_VALUES", limit, raising=False)
    _list(in_force, 0, 1)
    refused = dlo("acknowledge", "dlo-unit", "--csv", "list.csv", cwd=in_force)
    assert refused.code == 1 and "error DLO635" in refused.err, refused.err
    assert "room for the route's own events" in refused.err
    day = TODAY.isoformat()
    result = dlo(
        "review",
        "dlo-unit",
        "--by",
        "dlo-head",
        "--result",
        "актуалды",
        "--date",
        day,
        cwd=in_force,
    )
    assert result.code == 0, result.err
