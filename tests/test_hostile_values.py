"""Values read from project files that would crash a later stage (dates, time zones, numbers) are
positioned errors when the file is read; nothing that reads them crashes and nothing is written."""

from __future__ import annotations

import shutil

import pytest

from dlo_docs import load
from dlo_docs.workflow import journal as _journal
from tests.conftest import REPO
from tests.hostile_support import positioned, snapshot

REGISTRY = "regulations/registry.yaml"
JOURNAL = "regulations/dlo-head/journal.yaml"


def _line_of(project, rel: str, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def _edit(project, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _refused(dlo, project, *args: str) -> list:
    before = snapshot(project)
    result = dlo("--root", project, *args)
    assert result.code == 1, (result.code, result.out, result.err)
    assert "Traceback" not in result.err and "internal error" not in result.err.lower()
    after = snapshot(project)
    # the site is built without the regulation in error (nothing of it is published)
    assert {k: v for k, v in after.items() if not k.startswith("public/")} == before
    assert not [k for k in after if k.startswith("public/") and "dlo-head" in k]
    return positioned(result.out + result.err)


# the last two: Arabic-Indic and fullwidth digits, which a pattern's \\d and int() accept
@pytest.mark.parametrize("zone", ["+99:00", "+14:60", "-13:00", "+24:00", "+٠٥:٠٠", "+０５:００"])
def test_a_registry_time_zone_that_is_no_zone_is_a_positioned_error(project, dlo, zone):
    _edit(project, REGISTRY, 'timezone: "+05:00"', f'timezone: "{zone}"')
    line = _line_of(project, REGISTRY, "timezone:")
    assert _refused(dlo, project, "check") == [(REGISTRY, line, 13, "DLO013")]
    # every workflow write reads the registry first: refused, nothing written
    assert (REGISTRY, line, 13, "DLO013") in _refused(dlo, project, "submit", "dlo-head")


@pytest.mark.parametrize(
    "value, code",
    [
        ("2026-02-30", "DLO013"),  # no such day: an internal error in the YAML constructor before
        ("9999-12-31", "DLO013"),
        ("0000-01-01", "DLO013"),
        ("2026-01-01T25:00:00", "DLO013"),
        ("2026-01-01 10:00:00 +99:00", "DLO013"),
    ],
)
def test_a_date_in_the_registry_that_is_no_date_is_a_positioned_error(project, dlo, value, code):
    text = (project / REGISTRY).read_text(encoding="utf-8")
    assert "\n  date: 2015-11-23\n" in text
    _edit(project, REGISTRY, "  date: 2015-11-23\n", f"  date: {value}\n")
    line = _line_of(project, REGISTRY, f"date: {value}")
    assert _refused(dlo, project, "check") == [(REGISTRY, line, 9, code)]


def test_an_edition_number_beyond_any_real_one_is_refused(project, dlo):
    path = "regulations/dlo-head/regulation.yaml"
    _edit(project, path, "edition: 1\n", "edition: 100000000000000000000\n")
    line = _line_of(project, path, "edition: 1000")
    assert _refused(dlo, project, "check") == [(path, line, 10, "DLO013")]


def _rechain(entries: list[dict]) -> None:
    prev = entries[0]["prev"]
    for entry in entries:
        entry["prev"] = prev
        entry["hash"] = _journal.event_hash(entry)
        prev = entry["hash"]


def _journal_with_order_date(project, day: str) -> int:
    """The bundled journal and edition, with the approval order dated ``day`` and the chain
    recomputed (as a journal written by a version that accepted the date would be); returns the
    line of the approval entry."""
    folder = project / "regulations" / "dlo-head"
    shutil.copytree(REPO / "regulations" / "dlo-head" / "editions", folder / "editions")
    source, problems = load.read(REPO / JOURNAL, JOURNAL)
    assert problems == []
    entries = load.plain(source.data)
    approved = next(i for i, e in enumerate(entries) if e["event"] == "approved")
    entries[approved]["order"]["date"] = day
    entries[approved]["order"]["effective"] = day
    _rechain(entries)
    load.write(folder / "journal.yaml", entries)
    source, _ = load.read(folder / "journal.yaml", JOURNAL)
    return source.at([approved]).line


@pytest.mark.parametrize(
    "command",
    [
        ["status", "dlo-head"],
        ["verify", "dlo-head"],
        ["revise", "dlo-head", "--by", "dlo-head", "--reason", "changes"],
        ["site", "build"],
    ],
)
def test_an_order_dated_9999_12_31_in_the_journal_crashes_nothing(project, dlo, command):
    line = _journal_with_order_date(project, "9999-12-31")
    problems = _refused(dlo, project, *command)
    assert [(f, ln, c) for f, ln, _, c in problems] == [(JOURNAL, line, "DLO609")]


def test_the_same_journal_with_a_real_date_is_in_force(project, dlo):
    _journal_with_order_date(project, "2026-11-24")  # after the agreements, before its record
    result = dlo("--root", project, "verify", "dlo-head")
    assert result.code == 0, result.out + result.err


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\ud83d\\u0041"])
@pytest.mark.parametrize("command", [["check"], ["render", "dlo-head", "--draft"]])
def test_an_escape_that_writes_half_a_surrogate_pair_is_a_positioned_error(
    project, dlo, escape, command
):
    """``"\\ud800"`` in a double-quoted YAML text is half of a UTF-16 surrogate pair, no
    character: no UTF-8 file, DOCX or content hash can hold it. Refused where it is written (it
    was read, checked clean, and crashed the render's content hash)."""
    path = "regulations/dlo-head/regulation.yaml"
    old = "  kk: Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы\n"
    _edit(project, path, old, f'  kk: "Қашықтықтан {escape} оқыту"\n')
    line = _line_of(project, path, "Қашықтықтан \\u")
    assert _refused(dlo, project, *command) == [(path, line, 7, "DLO002")]


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("a: 1\x85b: 2\n", None),  # a line break for YAML 1.1 (libyaml) only: not a mapping of two
        ("a: 1\u2028b: 2\n", None),
        ("title: x\u2028y\nedition: 1\n", {"title": "x\u2028y", "edition": 1}),
        ("title: 'x\u2029y'\n", {"title": "x\u2029y"}),
        ("# c\x85\nedition: 1\n", {"edition": 1}),
    ],
)
def test_the_separators_of_yaml_1_1_read_as_the_round_trip_parser_reads_them(text, data):
    """U+0085, U+2028 and U+2029 break lines for libyaml (YAML 1.1), not for the round-trip
    parser (YAML 1.2) that rewrites files: a text holding one is read by the latter, so the
    data validated and hashed is what a rewrite keeps, and a text only libyaml reads is an
    error at its position, not a file that a later rewrite fails on."""
    source, problems = load.parse(text.encode("utf-8"), "f.yaml")
    if data is None:
        assert source is None and [p.code for p in problems] == ["DLO001"], problems
    else:
        assert source is not None and load.plain(source.data) == data, problems
        assert load.plain(source.roundtrip()) == data


def test_a_text_that_trips_the_round_trip_scanner_is_a_syntax_error():
    """Ten bytes made ruamel.yaml's scanner fail its own assertion: `dlo check` ended with an
    internal error."""
    source, problems = load.parse("#\u2028| #\n|".encode(), "f.yaml")
    assert source is None
    assert [(p.code, p.location.line, p.location.col) for p in problems] == [("DLO001", 1, 1)]
    assert "U+2028" in str(problems[0].hint)


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("a:\n  ? b: [1]\n  c: d\n", 2, 5),
        ("a:\n  {b: [1]}: c\n", 2, 3),
        ("x: 1\na:\n  - [[1]]: c\n", 3, 5),
    ],
)
def test_a_key_that_is_a_list_or_mapping_holding_one_is_a_syntax_error(text, line, col):
    """A key that is a mapping holding a list (or a list holding one) cannot be made a Python
    key: ruamel.yaml raised TypeError and `dlo check` ended with a traceback."""
    source, problems = load.parse(text.encode(), "f.yaml")
    assert source is None
    assert [(p.code, p.location.line, p.location.col) for p in problems] == [("DLO001", line, col)]
    assert "is itself a list or a mapping" in str(problems[0].message)


def test_a_regulation_with_such_a_key_is_refused_by_check(project, dlo):
    _edit(project, "regulations/dlo-head/regulation.yaml", "\nid:", "\n? x: [1]\n: y\nid:")
    found = _refused(dlo, project, "check")
    line = _line_of(project, "regulations/dlo-head/regulation.yaml", "? x: [1]")
    assert any(
        f.endswith("regulation.yaml") and (ln, c, code) == (line, 3, "DLO001")
        for f, ln, c, code in found
    ), found


@pytest.mark.parametrize(
    "merged",
    [
        "<<: {bogus: 1}",  # a key no schema knows, merged in: an internal error (KeyError) before
        "<<: {numbering: chapter}",  # a key the file does not write: silently read before
        "? <<\n: {unit: ksu}",
    ],
)
def test_a_merge_key_is_refused_at_its_position(project, dlo, merged):
    """A plain ``<<`` key is YAML's merge key: the keys of the mapping after it were read into
    the regulation as if written there, though no line writes them, so a check naming one at
    its position ended in an internal error, and the others went unchecked by what reads the
    text."""
    path = "regulations/dlo-head/regulation.yaml"
    _edit(project, path, "edition: 1\n", f"edition: 1\n{merged}\n")
    line = _line_of(project, path, "<<")
    col = 3 if merged.startswith("?") else 1
    assert _refused(dlo, project, "check") == [(path, line, col, "DLO004")]


@pytest.mark.parametrize(
    "merged",
    [
        '!!merge "<<": {numbering: chapter}',  # silently read as numbering: chapter before
        "!!merge bogus: {x: 1}",  # an internal error (KeyError) before
        "!<tag:yaml.org,2002:merge> '<<': []",
        "!!value bogus: 1",
    ],
)
def test_a_merge_key_written_with_its_tag_is_refused_at_its_position(project, dlo, merged):
    """The merge key written as its tag ('!!merge', quoted or any key) merges as a plain '<<'
    does; it is refused where it stands, as the plain one is."""
    path = "regulations/dlo-head/regulation.yaml"
    _edit(project, path, "edition: 1\n", f"edition: 1\n{merged}\n")
    line = _line_of(project, path, merged)
    assert _refused(dlo, project, "check") == [(path, line, 1, "DLO004")]


def test_a_merge_key_written_in_quotes_is_a_key():
    source, problems = load.parse(b'a: "<<"\n"<<": {b: 1}\n', "f.yaml")
    assert problems == [] and load.plain(source.data) == {"a": "<<", "<<": {"b": 1}}
