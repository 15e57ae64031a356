"""Patterns and shortcuts the lint rules use for speed find exactly what the plain forms they
replace find, on random text in the alphabets of the documents."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dlo_docs import mentions
from dlo_docs.lint import spacing, view

TEXT = st.text(
    alphabet=st.sampled_from(list('аәбқҚӘКЕАҰІХіхOQoq ;,:.)»"”(«\u00a0\t\n0129-_ЁёA')), max_size=60
)
# the character the match starts with, looked at first (spacing.py)
PREFIXES = {spacing.RUN: "(?=[ \\u00a0])", spacing.BEFORE: "(?=[ \\u00a0])"}
PREFIXES[spacing.AFTER] = "(?=[;,:.])"

# the abbreviations as they were found before: a word with a Cyrillic capital after its first
# letter, then view.is_abbreviation
_CAPITALS = "".join(ch for ch in map(chr, range(0x0400, 0x0500)) if ch.isupper())
INNER_CAPITAL = re.compile(rf"(?<![^\W\d_])[^\W\d_]*?[^\W\d_][{_CAPITALS}][^\W\d_]*")


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_spacing_patterns_match_as_without_their_first_look(text):
    for pattern, prefix in PREFIXES.items():
        assert pattern.pattern.startswith(prefix)
        plain = re.compile(pattern.pattern[len(prefix) :])
        found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_abbreviations_are_the_inner_capital_words(text):
    before = [m.span() for m in INNER_CAPITAL.finditer(text) if view.is_abbreviation(m.group())]
    assert [m.span() for m in view.abbreviations(text)] == before


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["осы", "осыған", "ереже", "ережеге", "бас", "а", ""]), max_size=8),
    st.lists(st.sampled_from(["осы", "ереж", "бас", "ос"]), max_size=3),
)
def test_a_phrase_is_found_where_every_word_begins_a_word_in_order(text_words, want):
    expected = bool(want) and any(
        all(text_words[i + k].startswith(w) for k, w in enumerate(want))
        for i in range(len(text_words) - len(want) + 1)
    )
    assert mentions._contains_words(text_words, want) == expected
    phrase = " ".join(want)  # as it was: the phrase split at every call
    assert mentions.contains(text_words, phrase) == mentions._contains_words(
        text_words, mentions.words(phrase)
    )
