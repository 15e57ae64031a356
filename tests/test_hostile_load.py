"""The loader's limits: a hostile or broken project file is a positioned error, refused fast,
never an internal error, a hang or an unbounded read; and nothing is written."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from dlo_docs import load
from tests.hostile_support import REGULATION, deep_items, nesting_line, positioned, snapshot


def _plant(project: Path, text: str) -> Path:
    path = project / REGULATION
    path.write_text(text, encoding="utf-8")
    return path


def _seed(project: Path) -> str:
    return (project / REGULATION).read_text(encoding="utf-8")


ALIAS_BOMB = "".join(
    f"k{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i else "x"] * 9) + "]\n" for i in range(9)
)


def _refused(dlo, project: Path, *args: str) -> list[tuple[str, int, int, str]]:
    before = snapshot(project)
    result = dlo("--root", project, *args)
    assert result.code == 1, (result.code, result.out, result.err)
    assert "Traceback" not in result.err and "internal error" not in result.err.lower()
    assert snapshot(project) == before
    return positioned(result.out + result.err)


@pytest.mark.parametrize(
    "extra, where, what",
    [
        ("\n" + ALIAS_BOMB, (365, 5), "anchor &a0"),
        ("\nx: &a 1\ny: *a\n", (365, 4), "anchor &a"),
    ],
)
def test_anchors_and_aliases_are_refused_at_their_position(project, dlo, extra, where, what):
    _plant(project, _seed(project) + extra)
    problems = _refused(dlo, project, "check")
    assert problems == [(REGULATION.as_posix(), *where, "DLO006")]


def test_an_alias_alone_is_refused_before_anything_is_built():
    source, problems = load.parse(b"a: 1\nb: *x\n", "f.yaml")
    assert source is None
    # an undefined alias is a syntax error in any parser; either way it is positioned
    assert [(p.location.line, p.location.col) for p in problems] == [(2, 4)]
    source, problems = load.parse(ALIAS_BOMB.encode(), "bomb.yaml")
    assert [(p.code, p.location.line, p.location.col) for p in problems] == [("DLO006", 1, 5)]


def test_what_the_tool_writes_never_holds_an_alias(tmp_path):
    shared = {"role": "rector"}
    path = tmp_path / "out.yaml"
    load.write(path, {"a": shared, "b": shared, "c": [shared, shared]})
    source, problems = load.read(path, "out.yaml")
    assert problems == [] and load.plain(source.data)["c"] == [shared, shared]


@pytest.mark.parametrize(
    "command", [["check"], ["render", "--format", "html"], ["diff", "dlo-head"]]
)
def test_items_nested_150_deep_are_a_positioned_error_for_every_command(project, dlo, command):
    text = deep_items(_seed(project), 150)
    _plant(project, text)
    line = nesting_line(text, 29)  # document, chapters, chapter, clauses, clause, items: 6 levels
    col = text.splitlines()[line - 1].index("id:") + 1
    problems = _refused(dlo, project, *command)
    assert (REGULATION.as_posix(), line, col, "DLO007") in problems


def test_items_nested_as_deep_as_the_limit_allows_render_and_publish(project, dlo, tmp_path):
    """The deepest nesting the loader accepts goes through every stage that recurses."""
    editions = project / REGULATION.parent / "editions"
    editions.mkdir()
    (editions / "1.yaml").write_text(_seed(project), encoding="utf-8")
    _plant(project, deep_items(_seed(project), 29))
    result = dlo("--root", project, "check")
    assert result.code in (0, 1) and "DLO007" not in result.out, result.out
    assert positioned(result.out) == []
    out = project / "build"
    result = dlo("--root", project, "render", "--format", "docx", "--format", "html", "--out", out)
    assert result.code == 0, result.err
    assert "Тармақша 28" in (out / "dlo-head.kk.draft.html").read_text(encoding="utf-8")
    result = dlo("--root", project, "diff", "dlo-head", "--from", "1", "--to", "draft")
    assert result.code == 0 and "Тармақша 28" in result.out, result.err
    result = dlo("--root", project, "site", "build", "--out", project / "public")
    assert result.code in (0, 1) and "Traceback" not in result.err, result.err


@pytest.mark.parametrize(
    "text, where, code",
    [
        ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", (1, 67), "DLO007"),
        (
            "".join("  " * i + f"k{i}:\n" for i in range(3000)) + "  " * 3000 + "v\n",
            (65, 129),
            "DLO007",
        ),
        ("edition: " + "9" * 4300 + "\n", (1, 10), "DLO008"),
        ("edition: -" + "1" * 5000 + "\n", (1, 10), "DLO008"),
        ("code: " + "ы" * 100_001 + "\n", (1, 7), "DLO008"),
        # 16 MiB of short lines is millions of keys: refused by their count, at the first too many
        ("".join(f"k{i}: 1\n" for i in range(250_001)), (250_001, 1), "DLO008"),
    ],
    ids=["flow-10000", "mapping-3000", "int-4300", "int-5000", "scalar", "values-500001"],
)
def test_structural_limits_are_positioned_errors(project, dlo, text, where, code):
    _plant(project, text)
    problems = _refused(dlo, project, "check")
    assert problems == [(REGULATION.as_posix(), *where, code)]


def test_a_file_of_many_errors_lists_the_first_and_counts_the_rest(project, dlo):
    """1,450,000 unknown keys took 199 s and 4.5 GB to list one by one; now the first 500 are
    listed, at their lines, and one error counts the rest."""
    seed = _seed(project)
    _plant(project, seed + "".join(f"k{i}: 1\n" for i in range(600)))
    problems = _refused(dlo, project, "check")
    first = seed.count("\n") + 1
    listed = [(line, col) for path, line, col, code in problems if code == "DLO011"]
    assert listed == [(first + i, 1) for i in range(500)]
    result = dlo("--root", project, "check")
    assert "error DLO010: 100 more errors of the file not listed" in result.out + result.err


def test_a_long_number_in_quotes_is_a_text():
    source, problems = load.parse(b"code: '" + b"9" * 5000 + b"'\n", "f.yaml")
    assert problems == [] and source.data["code"] == "9" * 5000


def test_a_fifo_is_refused_not_waited_on(project, dlo):
    path = project / REGULATION
    path.unlink()
    os.mkfifo(path)
    problems = _refused(dlo, project, "check")
    assert problems == [(REGULATION.as_posix(), 1, 1, "DLO009")]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_symlink_to_a_device_is_refused(project, dlo):
    path = project / REGULATION
    path.unlink()
    path.symlink_to("/dev/zero")
    problems = _refused(dlo, project, "check")
    assert problems == [(REGULATION.as_posix(), 1, 1, "DLO009")]


def test_a_symlink_out_of_the_project_is_refused_one_inside_is_read(project, dlo, tmp_path):
    path = project / REGULATION
    outside = tmp_path / "elsewhere.yaml"
    outside.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside)
    problems = _refused(dlo, project, "check")
    assert problems == [(REGULATION.as_posix(), 1, 1, "DLO009")]
    inside = project / "regulations" / "kept.yaml"
    inside.write_bytes(outside.read_bytes())
    path.unlink()
    path.symlink_to(Path("..") / "kept.yaml")
    assert dlo("--root", project, "check").code == 0


def test_a_file_over_the_size_limit_is_refused_without_reading_it(project, dlo):
    path = project / REGULATION
    with path.open("r+b") as handle:  # sparse: costs no disk and no time
        handle.truncate(load.inputs.MAX_YAML_BYTES + 1)
    problems = _refused(dlo, project, "check")
    assert problems == [(REGULATION.as_posix(), 1, 1, "DLO009")]


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs or /dev/zero")
@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "huge"])
def test_import_reads_only_bounded_regular_files(project, dlo, tmp_path, kind):
    source = tmp_path / "input.docx"
    if kind == "dev-zero":
        source = Path("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(source)
    else:
        with source.open("wb") as handle:
            handle.truncate(load.inputs.MAX_IMPORT_BYTES + 1)
    before = snapshot(project)
    result = dlo("--root", project, "import", source, "--id", "imported")
    assert result.code == 1, (result.code, result.err)
    assert "DLO520" in result.out + result.err
    assert snapshot(project) == before


@pytest.mark.parametrize(
    ("key", "found"),
    [
        ("~", "an empty value"),
        ("null", "an empty value"),
        ("1", "a number"),
        ("true", "a yes/no value"),
    ],
)
def test_a_key_that_is_not_a_text_is_said_so_at_the_key(project, dlo, key, found):
    """'~: x' was said at line 5 (the top of the file's keys) as "None: 'None:' has nothing
    after it", a key written as a number "entry 2: keys should be strings": pydantic names
    the key as text ('None'), which no line writes. Now each is said at its key, in its words."""
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("edition:")) + 1
    lines.insert(at, f"{key}: x\n")
    path.write_text("".join(lines), "utf-8")
    result = dlo("check", "dlo-head", cwd=project)
    assert result.code == 1
    first = next(line for line in result.out.splitlines() if "error" in line)
    assert first.startswith(f"regulations/dlo-head/regulation.yaml:{at + 1}:1: error DLO013: ")
    assert f"a key must be a text, not {found}" in first and "None" not in first
    assert "put it in quotes" in first


@pytest.mark.parametrize(
    ("after", "key", "found"),
    [
        ("title:", "  ~", "an empty value"),  # a mapping by language: 'unknown language None'
        ("title:", "  1", "a number"),
        ("title:", "  2026-01-01", "a date"),  # 'unknown language datetime.date(2026, 1, 1)'
        ("approval:", "  [a, b]", "a list"),  # keys that are collections: 'an empty value'
        ("approval:", "  {~: x}", "a mapping (key: value)"),
    ],
)
def test_a_key_that_is_not_a_text_is_said_in_our_words_wherever_it_is(
    project, dlo, after, key, found
):
    """A key of a text by language that is no text was 'unknown language None' (or Python's
    'datetime.date(2026, 1, 1)'), and a key written as a list or a mapping 'not an empty
    value'. Now each is said as the file shows it, at the key."""
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith(after)) + 1
    lines.insert(at, f"{key}: x\n")
    path.write_text("".join(lines), "utf-8")
    result = dlo("check", "dlo-head", cwd=project)
    assert result.code == 1
    first = next(line for line in result.out.splitlines() if "error" in line)
    assert first.startswith(f"regulations/dlo-head/regulation.yaml:{at + 1}:3: error DLO013: ")
    assert first.endswith(
        f"a key must be a text, not {found} (hint: write the key as a word, or put it in "
        "quotes ('~': …, '1': …))"
    ), first
    assert "None" not in first and "datetime" not in first
