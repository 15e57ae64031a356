"""Entries appended to a YAML text's top-level lists with every byte already there kept
(``yaml_append``), as ``dlo import --update-registry`` writes the registry."""

from __future__ import annotations

import pytest

from dlo_docs import load, yaml_append

LONG = "Стандарт организации. " * 8  # over the emitter's width: a re-flow would break it

TEXT = f"""# the registry
units:
- id: a
  name: {{kk: А}}  # a comment on the last entry

# introduces the positions
positions:
  - id: p
    title:
      ru: {LONG.strip()}
abbreviations: [{{id: x, short: {{kk: X}}, expansion: {{kk: X}}}}]
"""


def source(text: str) -> load.Source:
    parsed, problems = load.parse(text.encode("utf-8"), "registry.yaml")
    assert parsed is not None and not problems, problems
    return parsed


def test_entries_go_after_the_last_entry_and_nothing_else_changes():
    unit, position = {"id": "b", "name": {"kk": "Б"}}, {"id": "q", "title": {"ru": "Q"}}
    new = yaml_append.appended(source(TEXT), {"units": [unit], "positions": [position]})
    assert new is not None
    assert new == TEXT.replace(
        "  # a comment on the last entry\n",
        "  # a comment on the last entry\n- id: b\n  name: {kk: Б}\n",
    ).replace("abbreviations:", "  - id: q\n    title: {ru: Q}\nabbreviations:")
    data = load.plain(source(new).data)
    assert data["units"][-1] == unit and data["positions"][-1] == position


def test_a_list_the_text_lacks_is_added_at_its_end():
    organisation = {"id": "o", "name": {"ru": "О"}}
    new = yaml_append.appended(source(TEXT), {"organisations": [organisation]})
    assert new == TEXT + "organisations:\n- id: o\n  name: {ru: О}\n"
    new = yaml_append.appended(source(TEXT.rstrip("\n")), {"organisations": [organisation]})
    assert new == TEXT + "organisations:\n- id: o\n  name: {ru: О}\n"


def test_windows_line_ends_stay_windows_line_ends():
    text = TEXT.replace("\n", "\r\n")
    new = yaml_append.appended(source(text), {"units": [{"id": "b", "name": {"kk": "Б"}}]})
    assert new is not None and "\n" not in new.replace("\r\n", "")
    assert new.startswith(text.split("\r\n\r\n")[0])


@pytest.mark.parametrize(
    "additions",
    [
        {"abbreviations": [{"id": "y", "short": {"kk": "Y"}, "expansion": {"kk": "Y"}}]},  # flow
        {"empty": [{"id": "z"}]},  # a key without a value
    ],
)
def test_a_list_not_written_as_a_block_is_left_to_the_round_trip(additions):
    assert yaml_append.appended(source(TEXT + "empty:\n"), additions) is None


def test_an_empty_list_takes_the_entries_as_its_block_list():
    text = TEXT.replace("abbreviations: [", "organisations: []  # none yet\nabbreviations: [")
    new = yaml_append.appended(source(text), {"organisations": [{"id": "o", "name": {"ru": "О"}}]})
    assert new == text.replace(
        "organisations: []  # none yet\n", "organisations: # none yet\n- id: o\n  name: {ru: О}\n"
    )


def test_lines_are_counted_as_the_parser_counts_them_and_kept_as_they_were():
    """A U+2028 inside a quoted text is no line break to the parser (nor to the splice); a file
    whose lines end in both ways keeps each line's own end, the new lines ending as most do."""
    text = TEXT.replace("name: {kk: А}", 'name: {kk: "А\u2028Б"}').replace(
        "# the registry\n", "# the registry\r\n"
    )
    new = yaml_append.appended(source(text), {"units": [{"id": "b", "name": {"kk": "Б"}}]})
    assert new is not None and new.startswith("# the registry\r\nunits:\n- id: a\n")
    assert '"А\u2028Б"' in new and "- id: b\n" in new  # new lines end as most of the file's


def test_an_empty_list_with_a_comment_in_a_windows_file():
    text = "units:\r\n- id: a\r\norganisations: []  # none yet\r\n"
    new = yaml_append.appended(source(text), {"organisations": [{"id": "o", "name": {"ru": "О"}}]})
    assert new == "units:\r\n- id: a\r\norganisations: # none yet\r\n- id: o\r\n  name: {ru: О}\r\n"
