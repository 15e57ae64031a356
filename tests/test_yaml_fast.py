"""The C-speed reader (dlo_docs/yamlc.py) against the round-trip parser: the same values of the
same types and the same positions for every key, value and item, on every YAML file of the
project and on scalars of every kind; whatever it does not handle goes to the round-trip parser
and gets that parser's own error."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlo_docs import load, yamlc

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(
    p
    for pattern in ("regulations/**/*.yaml", "templates/**/*.yaml", "tests/fixtures/**/*.yaml")
    for p in ROOT.glob(pattern)
)

pytestmark = pytest.mark.skipif(not yamlc.AVAILABLE, reason="PyYAML has no libyaml here")


def both(text: str) -> tuple[load.Source, load.Source]:
    """(fast, round-trip) sources of ``text``."""
    fast, problems = load.parse(text.encode("utf-8"), "f.yaml")
    assert fast is not None, problems
    assert isinstance(fast.data, (yamlc.MarkedMap, yamlc.MarkedSeq)), "the fast path was not taken"
    slow = load.Source("f.yaml", text, load._yaml().load(text))
    return fast, slow


def locs(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from locs(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from locs(v, (*prefix, i))


def typed(data):
    """Plain data with the type of every scalar, so 1 and True and '1' differ."""
    if isinstance(data, dict):
        return {typed(k): typed(v) for k, v in data.items()}
    if isinstance(data, list):
        return [typed(v) for v in data]
    base = str if isinstance(data, str) else type(data)
    return (base.__name__, data)


def same(text: str) -> None:
    fast, slow = both(text)
    assert typed(fast.data) == typed(slow.data)
    for loc in locs(load.plain(slow.data)):
        assert fast.at(list(loc)) == slow.at(list(loc)), loc
        if loc:
            assert fast.at(list(loc), key=True) == slow.at(list(loc), key=True), loc


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_project_file_reads_the_same(path):
    assert FILES
    same(path.read_text(encoding="utf-8"))


SCALARS = """\
plain: text with words
quoted: 'it''s'
double: "a\\tb \\u0416"
int: 42
negative: -7
hex: 0x1F
octal: 0o17
under: 1_000
float: 1.5
exp: 1e3
inf: .inf
nan: .nan
true: true
False: False
yes: yes
null: null
tilde: ~
date: 2024-06-03
stamp: 2024-06-03T10:00:00+05:00
version: 1.2.3
colon: a:b
kk: Қашықтықтан оқыту
number-key:
  1: one
  2.5: two and a half
folded: >-
  one
  two

  three
literal: |
  line 1
    line 2
keep: |+
  kept

flow: [a, 'b', 1, {c: d}]
nested:
- - deep
  - er
- {x: [1, 2]}
multi: plain over
  two lines
"""


def test_scalars_of_every_kind_read_the_same():
    same(SCALARS)


def test_a_sequence_and_a_scalar_at_the_root():
    same("- a\n- 1\n- {b: c}\n")
    source, problems = load.parse(b"just text\n", "f.yaml")
    assert problems == [] and source.data == "just text"


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "a: &x 1\nb: *x\n",  # anchor and alias
        "a: !!python/object:os.system x\n",  # explicit tag
        "a: !foo\n  b: 1\n",
        "a: b: c\n",  # syntax
        "a:\n\t- b\n",  # tab
        # a tab in or after a plain scalar: libyaml reads these, the round-trip parser (which
        # rewrites the file: revise, translate, import --onto) refuses them
        "a: x\ty\n",
        "a: x\t\n",
        "a:\t x\n",
        "- x \ty\n",
        "a: [x\ty]\n",
        "a: 1\n---\nb: 2\n",  # two documents
        "? [a, b]\n: c\n",  # complex key
        "a:\nb: 1\n",  # an empty value: placed differently by the two parsers
    ],
)
def test_what_it_does_not_handle_gets_the_round_trip_parsers_answer(text, monkeypatch):
    fast = load.parse(text.encode("utf-8"), "f.yaml")

    def unusual(*args):
        raise yamlc.Unusual("forced")

    monkeypatch.setattr(yamlc, "compose", unusual)
    slow = load.parse(text.encode("utf-8"), "f.yaml")
    assert fast[1] == slow[1]
    assert (fast[0] is None) == (slow[0] is None)
    if fast[0] is not None:
        assert typed(load.plain(fast[0].data)) == typed(load.plain(slow[0].data))


def test_empty_and_comment_only_files_hold_no_data():
    for text in ("# only a comment\n", "---\n", "~\n"):
        source, problems = load.parse(text.encode("utf-8"), "f.yaml")
        assert source is None and [p.code for p in problems] == ["DLO003"], text


def test_a_writer_changes_a_fresh_round_trip_copy(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("# keep me\na: 'quoted'\nb: [1, 2]\n", encoding="utf-8")
    source, _ = load.read(path, "f.yaml")
    data = source.roundtrip()
    data["c"] = 3
    load.write(path, data, like=source.text)
    assert path.read_text(encoding="utf-8") == "# keep me\na: 'quoted'\nb: [1, 2]\nc: 3\n"
    assert "c" not in source.data  # the shared, parsed data is untouched


def test_a_journal_append_keeps_the_earlier_bytes_and_the_house_layout(project):
    """The journal grows by text: earlier events byte for byte, and the whole file exactly
    what a round-trip write of all the events would have given."""
    import datetime as dt

    from dlo_docs import workflow
    from dlo_docs.project import Project

    p = Project(project)
    journal = project / "regulations" / "dlo-head" / "journal.yaml"
    from conftest import on_day

    with on_day("2024-06-03"):
        workflow.submit(p, "dlo-head")
        before = journal.read_bytes()
        for role in ["vp-academic", "legal-head", "hr-head", "docs-head"]:
            workflow.agree(p, "dlo-head", role)
        workflow.approve(p, "dlo-head", "1-НҚ", dt.date(2024, 6, 3))
    after = journal.read_bytes()
    assert after.startswith(before)
    source, _ = load.read(journal, "journal.yaml")
    assert load.dumps(source.roundtrip()) == after.decode("utf-8")
    assert [e.event for e in workflow.events(p, "dlo-head")][-1] == "approved"


def test_a_journal_in_another_layout_is_appended_round_trip(project):
    import json

    from dlo_docs import workflow
    from dlo_docs.project import Project

    p = Project(project)
    journal = project / "regulations" / "dlo-head" / "journal.yaml"
    workflow.submit(p, "dlo-head")
    source, _ = load.read(journal, "journal.yaml")
    # the same events as one flow sequence (JSON): text appended after it would not be YAML
    journal.write_text(json.dumps(load.plain(source.data), ensure_ascii=False) + "\n", "utf-8")
    workflow.agree(p, "dlo-head", "vp-academic")
    assert [e.event for e in workflow.events(p, "dlo-head")] == ["submitted", "agreed"]
    assert not any(workflow.verify(p, ["dlo-head"]).values())


def test_a_tab_after_a_plain_text_is_a_positioned_error_not_a_crash_of_a_rewrite(project, dlo):
    """libyaml reads a plain text followed by a tab, the round-trip parser refuses it: ``dlo
    check`` said nothing and ``dlo revise`` (which rewrites the file) stopped with an internal
    error. Both now give the round-trip parser's positioned error, and nothing is written."""
    from workflow_support import to_in_force

    to_in_force(dlo, project)
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    journal = path.parent / "journal.yaml"
    text = path.read_text(encoding="utf-8")
    old = "Іс қағаздарын жүргізу;\n"
    assert text.count(old) == 1
    path.write_text(text.replace(old, old[:-1] + "\t\n"), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    before = path.read_bytes(), journal.read_bytes()
    checked = dlo("check", "regulations/dlo-head", cwd=project)
    assert checked.code == 1
    assert f"regulation.yaml:{line}:" in checked.out + checked.err
    assert "DLO001" in checked.out + checked.err
    revised = dlo("revise", "dlo-head", "--by", "hr-head", "--reason", "x", cwd=project)
    assert revised.code == 1
    assert "internal error" not in revised.out + revised.err
    assert "DLO001" in revised.out + revised.err
    assert (path.read_bytes(), journal.read_bytes()) == before
