"""The loader: positions inside texts, safe loading, round-trip writing."""

from __future__ import annotations

import pytest

from dlo_docs import load


def parse(text: str) -> load.Source:
    source, problems = load.parse(text.encode("utf-8"), "f.yaml")
    assert problems == []
    return source


def test_text_at_plain_and_quoted():
    source = parse('a: Бір екі ҚП\nb: "Бір  екі ҚП"\n')
    assert source.text_at(["a"], 8).line == 1 and source.text_at(["a"], 8).col == 12
    assert source.text_at(["b"], 9).col == 14  # after the opening quote


def test_text_at_folded_block_walks_lines():
    source = parse("a: >-\n  бірінші жол\n  екінші ҚП\n")
    value = source.data["a"]
    offset = value.index("ҚП")
    at = source.text_at(["a"], offset)
    assert (at.line, at.col) == (3, 10)


def test_text_at_plain_scalar_over_lines():
    source = parse("a: бірінші жол\n  екінші ҚП\n")
    at = source.text_at(["a"], source.data["a"].index("ҚП"))
    assert (at.line, at.col) == (2, 10)


def test_text_at_counts_lines_ended_by_a_carriage_return_alone():
    """A file saved with classic Mac line ends (``\\r`` alone), which YAML reads as line
    breaks: a position inside a text (every lint finding's) counted only ``\\n`` and said line
    1, column 17 where the key's own position said line 3."""
    for end in ("\n", "\r\n", "\r"):
        source = parse(
            f"a: 1{end}b: 2{end}c: Бір екі ҚП{end}d: >-{end}  бірінші{end}  екінші ҚП{end}"
        )
        assert (source.at(["c"]).line, source.at(["c"]).col) == (3, 4), end
        at = source.text_at(["c"], source.data["c"].index("ҚП"))
        assert (at.line, at.col) == (3, 12), end
        at = source.text_at(["d"], source.data["d"].index("ҚП"))
        assert (at.line, at.col) == (6, 10), end


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_text_at_is_exact_after_a_line_separator_inside_a_text(char):
    """U+2028, U+2029 and U+0085 are characters of a text to YAML 1.2, but line ends to
    ``str.splitlines``: every position inside a text after one fell back to its value's start
    (line 3, column 4 where the finding was at column 12)."""
    source = parse(f"a: бір{char}екі\nb: 2\nc: Бір екі ҚП\nd: >-\n  бірінші\n  екінші ҚП\n")
    at = source.text_at(["c"], source.data["c"].index("ҚП"))
    assert (at.line, at.col) == (3, 12)
    at = source.text_at(["d"], source.data["d"].index("ҚП"))
    assert (at.line, at.col) == (6, 10)
    if char != "\x85":  # (which ruamel.yaml folds into a space in a plain text)
        at = source.text_at(["a"], source.data["a"].index("екі"))
        assert (at.line, at.col) == (1, 8)


def test_unsafe_tags_never_construct_objects():
    for text in (
        "a: !!python/object/apply:os.system [echo hi]\n",
        "a: !!python/name:os.system\n",
        "a: !!binary aGk=\n",
    ):
        source, problems = load.parse(text.encode(), "f.yaml")
        assert source is None
        assert [p.code for p in problems] == ["DLO004"], text


def test_round_trip_keeps_comments(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("# head\na: 1  # why\nb: [x, y]\n", encoding="utf-8")
    source, _ = load.read(path, "x.yaml")
    data = source.roundtrip()  # the parsed data is shared: a writer changes a fresh copy
    data["a"] = 2
    load.write(path, data)
    assert path.read_text(encoding="utf-8") == "# head\na: 2  # why\nb: [x, y]\n"
    assert not list(tmp_path.glob(".*tmp")), "no temporary file is left behind"
