"""The journal's writer (dlo_docs/yaml_emit.py) against ruamel.yaml's emitter: the same bytes for
the same events — on the seed's life, on hostile strings in every place an event holds one, and
on random plain data — and text that reads back as exactly the data written. What the writer
does not handle goes to ruamel.yaml, so the bytes never differ either way."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from conftest import REPO, on_day
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from signing_support import edit_position
from workflow_support import APPROVERS, REG, journal_path

from dlo_docs import load, plain_scalars, workflow, yaml_emit
from dlo_docs.project import Project
from dlo_docs.workflow import journal as wj

settings.register_profile(
    "emit",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
if os.environ.get("HYPOTHESIS_PROFILE", "emit") == "emit":
    settings.load_profile("emit")

JOURNALS = [
    REPO / "regulations" / REG / "journal.yaml",
    REPO / "tests" / "fixtures" / "journal-v1" / "journal.yaml",
]

HOSTILE = [
    # quotes, colons, comments, indicators
    "it's",
    'say "no"',
    "'quoted'",
    "a: b",
    "a:b",
    "ends with a colon:",
    ": starts with one",
    "# not a comment",
    "a #b",
    "a#b",
    "- item",
    "-item",
    "? q",
    "?q",
    "[x]",
    "{x: y}",
    "x, y",
    "&anchor",
    "*alias",
    "!tag",
    "|",
    "> folded",
    "%directive",
    "@at",
    "`tick",
    "---",
    "...",
    "--- x",
    # what a plain scalar would read back as something else
    "",
    "true",
    "False",
    "null",
    "~",
    "NULL",
    "yes",
    "1",
    "-1",
    "+1",
    "007",
    "0x1F",
    "0o17",
    "1e5",
    "1.5",
    ".inf",
    "-.inf",
    ".nan",
    "1_000",
    "2024-01-01",
    "2024-01-01T10:00:00+05:00",
    "0" * 64,
    "12e34" + "5" * 59,
    # white space, line breaks, controls
    " leading space",
    "trailing space ",
    "  ",
    "two  spaces",
    "line\nbreak",
    "trailing break\n",
    "\nleading break",
    "tab\there",
    "carriage\rreturn",
    "bell\x07",
    "nul\x00",
    "line\u2028separator",
    "next\x85line",
    "\ufeffbom",
    # unicode
    "«Ахмет Байтұрсынұлы атындағы Қостанай өңірлік университеті» КЕАҚ",
    "Басқарма Төрағасы – Ректор",
    "№ 45-НҚ",
    "emoji 😀",
    "\u00a0no-break space",
    "zero\u200bwidth",
    "\\backslash",
    "C:\\path\\to",
    # long lines: folded at the width, and words longer than a line
    "сөз " * 40,
    "word " * 30 + "end",
    "x" * 150,
    "y " + "x" * 150,
    "a" * 95 + " b c d e f g h",
    " ".join("w" * n for n in range(1, 30)),
    "'" + "q " * 60 + "'",
    "a: " + "b " * 60,
    # a run of spaces where the line is folded (read back as one space from ruamel.yaml's text)
    "x" * 95 + "  y",
    "біліктілігін арттыру  аттестаттау " * 4,
    "a\x85b " * 30,
]


def ruamel(data) -> str:
    return load.dumps_roundtrip(data)


def reads_back(text: str):
    source, problems = load.parse(text.encode("utf-8"), "journal.yaml")
    assert not problems, problems
    return wj.normal(source.data)


def event(value: str, as_key: bool = True) -> dict:
    """An event with ``value`` in every place an event holds a string (and as a key)."""
    key = value if as_key else "vp-academic"
    return {
        "seq": 2,
        "time": "2024-06-03T10:00:00+05:00",
        "role": "vp-academic",
        "actor": value,
        "event": "agreed",
        "edition": 1,
        "route": [value, "legal-head", value],
        "remarks": value,
        "facts": {"positions": {key: {"title": {"kk": value, "ru": value}, "holder": {}}}},
        "order": {"number": value, "date": "2024-06-03", "effective": "2024-06-03"},
        "content_hash": "f" * 64,
        "prev": "0" * 64,
        "hash": "a" * 64,
    }


@pytest.mark.parametrize("path", JOURNALS, ids=lambda p: p.parent.name)
def test_the_seed_journals_are_written_again_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    events = wj.normal(load.parse(text.encode("utf-8"), "journal.yaml")[0].data)
    written = [yaml_emit.dumps([e], plain_scalars.is_string) for e in events]  # no fallback
    assert written == [ruamel([e]) for e in events]
    assert text == wj.HEADER.format(id=REG) + "".join(written)


def fast(data) -> bool:
    """Whether ``yaml_emit`` writes ``data`` itself (else ruamel.yaml does)."""
    try:
        yaml_emit.dumps(data, plain_scalars.is_string)
    except yaml_emit.Unsupported:
        return False
    return True


def reads_as(text: str, data) -> bool:
    """Whether ``text`` reads back as exactly ``data``."""
    source, problems = load.parse(text.encode("utf-8"), "journal.yaml")
    return not problems and source is not None and wj.normal(source.data) == data


def written(data) -> str:
    """``load.dumps(data)``, checked: it reads back as ``data``, and it is ruamel.yaml's own
    text wherever that reads back as ``data`` (where it does not — a run of spaces at a folded
    line, a \\x85, a long key folded — it is mended: see ``yaml_write.dumps``)."""
    text = load.dumps(data)
    assert reads_as(text, data), text
    theirs = ruamel(data)
    assert text == theirs or not reads_as(theirs, data)
    return text


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_hostile_strings_are_written_as_ruamel_writes_them(value):
    for data in ([event(value)], event(value), [value], {value: value}):
        written(data)


def test_the_writer_handles_the_usual_strings_itself():
    """Every hostile string on one line that needs no double quotes is written without
    ruamel.yaml (so the speed does not depend on luck), but for a run of spaces where a line is
    folded."""
    for value in HOSTILE:
        one_line = all(c == " " or c.isprintable() for c in value) and "\ufeff" not in value
        folded_run = "  " in value and len(value) > 60
        if one_line and "'" not in value[1:-1] and not value.startswith("'") and not folded_run:
            assert fast([event(value, as_key=len(value) < 60)]), value


def test_the_house_style_at_every_depth():
    long = "сөз " * 40
    data = [{"a": {"b": {"c": {"d": [long, {"e": long, "f": []}]}}}, "g": {}, "h": long}]
    text = load.dumps(data)
    assert text == ruamel(data)
    assert reads_back(text) == data


def test_what_it_does_not_write_it_leaves_to_ruamel():
    for data in ([[1, 2]], [{"a": 1.5}], [{"a": True}], [{1: "a"}], "scalar"):
        with pytest.raises(yaml_emit.Unsupported):
            yaml_emit.dumps(data, plain_scalars.is_string)
        assert load.dumps(data) == ruamel(data)
    with pytest.raises(yaml_emit.Unsupported):
        yaml_emit.dumps([{"a": "it's: quoted"}], plain_scalars.is_string)  # double quotes


SCALARS = st.one_of(
    st.none(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.text(
        alphabet=st.sampled_from(list("ab :#-'\"?!&*|>%@`,[]{}.019eE+_~\\«»ҚәӘ😀\t\n")),
        max_size=130,
    ),
    st.text(max_size=40),
    st.sampled_from(HOSTILE),
)
KEYS = st.one_of(
    st.sampled_from(["kk", "ru", "seq", "1", "true", "a b", "#k"]), st.text(max_size=12)
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=12,
)


@given(DATA)
def test_random_plain_data_is_written_as_ruamel_writes_it(data):
    for root in ([{"k": data}], {"k": data}):
        written(root)


def test_a_life_with_hostile_remarks_writes_what_ruamel_would(project):
    """submit, four agreements with hostile remarks and an order with a hostile number: the
    journal is byte for byte the header and each event as ruamel.yaml writes it, and verifies."""
    p = Project(project)
    remarks = ["it's: fine", "a #b", "сөз " * 40, "'quoted'"]
    with on_day("2024-06-03"):
        workflow.submit(p, REG)
        for role, remark in zip(APPROVERS, remarks, strict=True):
            workflow.agree(p, REG, role, remarks=remark)
        workflow.approve(p, REG, "45-НҚ: #1 'a'", dt.date(2024, 6, 3))
    text = journal_path(project).read_text(encoding="utf-8")
    events = reads_back(text)
    assert [e.get("remarks") for e in events[1:5]] == [" ".join(r.split()) for r in remarks]
    assert text == wj.HEADER.format(id=REG) + "".join(ruamel([e]) for e in events)
    assert workflow.verify(p, [REG]) == {REG: []}


# a registry title with a run of spaces where the journal's line is folded: ruamel.yaml's text
# (and the fast writer's, byte for byte) read it back with one space, breaking the event's hash
TITLE = (
    "Персоналды басқару бөлімінің бастығы және қызметкерлерді оқыту біліктілігін арттыру  "
    "аттестаттау мен кадрлық құжаттаманы жүргізу жөніндегі басшысы"
)


def test_strings_ruamel_misreads_are_recorded_as_they_are(project, monkeypatch):
    """A title with a run of spaces at a folded line, and an actor holding \\x85: each event
    reads back as it was hashed, so the journal verifies and the next command records (it was
    refused: history damaged, DLO632)."""
    edit_position(project, "hr-head", lambda p: p["title"].update(kk=TITLE))
    monkeypatch.setenv("LOGNAME", "clerk\x85x")
    with on_day("2024-06-03"):
        workflow.submit(Project(project), REG)
        p = Project(project)  # the next command
        for role in APPROVERS:
            workflow.agree(p, REG, role)
    events = reads_back(journal_path(project).read_text(encoding="utf-8"))
    assert events[0]["facts"]["positions"]["hr-head"]["title"]["kk"] == TITLE
    assert all(e["actor"].startswith("clerk\x85x") for e in events)
    assert workflow.verify(Project(project), [REG]) == {REG: []}


def test_a_journal_written_back_whole_keeps_what_ruamel_misreads(project, monkeypatch):
    """A journal laid out by hand (written back whole, round-trip, when appended to) with an event
    holding \\x85 in a value and a key: its comment stays, every event reads back and verifies."""
    monkeypatch.setenv("LOGNAME", "clerk\x85x")
    edit_position(project, "hr-head", lambda p: p["title"].update(kk=TITLE))
    path = journal_path(project)
    with on_day("2024-06-03"):
        workflow.submit(Project(project), REG)
        events = reads_back(path.read_text(encoding="utf-8"))
        # indented by two more: the next event's text would not read back after it
        shifted = "".join("  " + line for line in load.dumps(events).splitlines(keepends=True))
        path.write_text("# laid out by hand\n" + shifted, encoding="utf-8")
        workflow.agree(Project(project), REG, APPROVERS[0])
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# laid out by hand\n")
    assert all(e["actor"].startswith("clerk\x85x") for e in reads_back(text))
    assert workflow.verify(Project(project), [REG]) == {REG: []}


@pytest.mark.parametrize("at", range(60, 110, 7))
def test_a_file_rewritten_round_trip_keeps_every_text(at):
    """A regulation rewritten round-trip (``revise``, ``translate``, ``import --onto``) keeps a
    text whose run of spaces falls where ruamel.yaml folds the line, and one holding \\x85 (its
    own text of them read back with one space, or a space: the file then said something else);
    where nothing is misread the bytes are ruamel.yaml's, folded as before."""
    path = REPO / "regulations" / REG / "regulation.yaml"
    source, _ = load.parse(path.read_bytes(), "regulation.yaml")
    texts = ["а" * at + "  " + "сөз " * 30 + "соңы", "бір\x85екі " + "сөз " * 30]
    for text in texts:
        data = source.roundtrip()
        data["chapters"][0]["clauses"][0]["text"] = text
        written = load.dumps(data, like=source.text)
        again, problems = load.parse(written.encode("utf-8"), "regulation.yaml")
        assert not problems and again is not None
        assert again.data["chapters"][0]["clauses"][0]["text"] == text
        assert load.plain(again.data) == load.plain(data)
    plain = source.roundtrip()
    assert load.dumps(plain, like=source.text) == load.dumps_roundtrip(plain, source.text)


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_a_new_or_imported_file_keeps_every_text(value):
    """A file written for hand editing (``dlo new``, ``dlo import``: ``load.dumps_pretty``, long
    texts folded) reads back as its data, whatever its texts hold: a \\x85 (which a Word
    document may bring, from Windows-1252's ellipsis) was written single-quoted and read back as
    a space, the text then said something else."""
    for data in ({"text": value}, {"a": {"b": [value, {"c": value * 3}]}}, {value: "v"}):
        text = load.dumps_pretty(data, comment="a comment")
        assert reads_as(text, data), text
