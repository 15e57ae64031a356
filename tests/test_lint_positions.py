"""Lint problems point at the exact line and column of a token inside a YAML string, whatever the
scalar style: `Source.text_at` is checked character by character."""

from __future__ import annotations

import re

import pytest

from dlo_docs import load
from dlo_docs.lint.view import WORD, View
from dlo_docs.project import Project

STYLES = {
    "plain over lines, trailing spaces": "t: Қазақстан жекешелендіру \n  комитеті төрағасының  2020 жылғы\n  маусымдағы      № 350\n",
    "double-quoted, escapes": 't: "Осы \\"Ережеге\\" өзгерістер\n  енгізу  бастамасы \\u00e9 соң\\\n  ғы X \\t Y"\n',
    "single-quoted, blank line": "t: 'Осы ''Ережеге'' өзгерістер\n\n  енгізу  бастамасы X'\n",
    "folded, blank and more-indented lines": "t: >-\n  бірінші жол  екі\n\n  үшінші жол X\n    more indented Y\n  соңы Z\n",
    "literal": "t: |\n  бірінші жол\n\n  үшінші  X\n",
    "one line": "t: a  b, c X  # a comment\n",
    "CRLF line ends": "t: >-\r\n  a b\r\n  c X\r\n",
    "in a list": "t:\n- x: >-\n    a b\n    c X\n",
}


def located(source, loc, offset):
    at = source.text_at(loc, offset)
    lines = source.text.splitlines()
    return lines[at.line - 1][at.col - 1 :] if at.line <= len(lines) else ""


@pytest.mark.parametrize("name", sorted(STYLES))
def test_every_character_of_every_scalar_style(name):
    source, problems = load.parse(STYLES[name].encode("utf-8"), "f.yaml")
    assert not problems
    loc = ["t", 0, "x"] if name == "in a list" else ["t"]
    value = source.data["t"][0]["x"] if name == "in a list" else source.data["t"]
    for offset, ch in enumerate(value):
        if ch.isspace():
            continue
        at = located(source, loc, offset)
        assert at[:1] == ch or at[:1] == "\\", (offset, ch, at[:10])  # an escape starts with '\'
    for m in re.finditer(r"(?<=\S) {2,}", value):  # a run of spaces on one line: its first space
        assert located(source, loc, m.start()).startswith(m.group()), m.start()


def test_every_word_of_the_seed_is_located(project):
    loaded = Project(project).load()
    document = loaded.documents["dlo-head"]
    view = View(document, loaded.registry)
    lines = document.source.text.splitlines()
    count = 0
    for text in view.texts():
        for m in WORD.finditer(text.value):
            at = view.at(text, m.start())
            assert lines[at.line - 1][at.col - 1 :].startswith(m.group()), (
                text.label,
                m.group(),
                at,
            )
            count += 1
    assert count > 1000
