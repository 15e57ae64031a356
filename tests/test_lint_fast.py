"""The lint rules' shortcuts find exactly what the plain definitions find.

Finding the abbreviations of a text by one regular expression, leaving out pairs of entries
whose sizes alone rule out a near-duplicate, and trying only the mentions whose first word begins
a word of the text are shortcuts: each is compared with the definition it stands for, on hostile
strings (every kind of capital, mixed scripts, digits and underscores inside words, Roman
numerals in Cyrillic letters), on random sets of stems and on texts made of the registry's
mentions.
"""

from __future__ import annotations

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from dlo_docs import mentions
from dlo_docs.lint import duplicates
from dlo_docs.lint.view import WORD, abbreviations, is_abbreviation

# letters that make or break an abbreviation: Cyrillic capitals and small letters (Kazakh ones
# too), Latin ones, Cyrillic numerals, and what splits or joins words
ALPHABET = "аАқҚеЕәӘіІхХөӨңҢҰұЁёQqZzÉé1_-–. ,()«»\u00a0"


def plain(text: str) -> list[tuple[int, str]]:
    """The definition: every word, kept when it is an abbreviation."""
    return [(m.start(), m.group()) for m in WORD.finditer(text) if is_abbreviation(m.group())]


@pytest.mark.parametrize(
    "text",
    [
        "ҚР ҚМУ КеАҚ ҚОжБББ Университет ХХІ ғасыр ІІ тоқсан",
        "ҚРҚ1ҚР_ҚР-ҚР.ҚР ҚРAB ABҚР аҚР ҚрР Қр",
        "(одан әрі – ПОҚ) «Университет КАЗГЮУ имени М.С. Нарикбаева»",
        "",
        "Ә",
    ],
)
def test_abbreviations_found_as_the_definition_finds_them(text):
    assert [(m.start(), m.group()) for m in abbreviations(text)] == plain(text)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_abbreviations_of_any_text_as_the_definition_finds_them(text):
    assert [(m.start(), m.group()) for m in abbreviations(text)] == plain(text)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text(max_size=30))
def test_abbreviations_of_any_unicode_text_as_the_definition_finds_them(text):
    assert [(m.start(), m.group()) for m in abbreviations(text)] == plain(text)


def reference(a: duplicates._Entry, b: duplicates._Entry) -> tuple[float, int] | None:
    """The rule as it is written: identical entries, else different actions, else the bar."""
    if len(a.whole) >= 4 and a.whole == b.whole:
        return 1.0, len(a.whole)
    if a.action is not None and b.action is not None and a.action != b.action:
        return None
    score, shared = duplicates.similarity(set(a.stemmed), set(b.stemmed))
    if score >= duplicates.THRESHOLD and shared >= duplicates.MIN_SHARED:
        return score, shared
    return None


STEMS = st.frozensets(st.sampled_from([f"s{i}" for i in range(24)]), max_size=20)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(STEMS, STEMS, STEMS, STEMS, st.sampled_from([None, "келіс", "жүргі"]) | st.none())
def test_pairs_left_out_by_size_are_never_near_duplicates(wa, sa, wb, sb, act):
    a = duplicates._Entry(None, wa, sa, act)  # type: ignore[arg-type]
    b = duplicates._Entry(None, wb, sb, "келіс")  # type: ignore[arg-type]
    assert duplicates._pair(a, b) == reference(a, b)
    assert duplicates._pair(b, a) == reference(b, a)


# -- which positions a text names -------------------------------------------------------------


def _registry():
    from dlo_docs.project import Loaded, Project

    loaded = Loaded()
    Project(REPO).load_registry(loaded)
    assert loaded.registry is not None
    return loaded.registry


def every_position(text: str, registry, lang: str) -> set[str]:
    """The definition: each position of the registry, named when one of its mentions is (as
    ``mention_words`` reads it)."""
    text_words = mentions.words(text)
    return {
        pos.id
        for pos in registry.positions
        if any(
            mentions._contains_words(text_words, mentions.mention_words(m, lang))
            for m in pos.mentions_in(lang)
        )
    }


REGISTRY = _registry()
FRAGMENTS = sorted(
    {w for pos in REGISTRY.positions for ms in pos.mentions.values() for m in ms for w in m.split()}
)


def test_the_bundled_texts_name_the_positions_the_definition_finds():
    seed = (REPO / "regulations" / "dlo-head" / "regulation.yaml").read_text(encoding="utf-8")
    lines = [line for line in seed.splitlines() if line.strip()]
    assert any(every_position(line, REGISTRY, "kk") for line in lines)
    for line in lines:
        for lang in ("kk", "ru"):
            assert mentions.named_positions(line, REGISTRY, lang) == every_position(
                line, REGISTRY, lang
            )


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    st.lists(
        st.sampled_from(FRAGMENTS).map(lambda w: w + "ның")
        | st.sampled_from(FRAGMENTS)
        | st.sampled_from(["(", ")", "және", "и", ",", "Ректор", "x" * 40]),
        max_size=12,
    ),
    st.sampled_from(["kk", "ru", "en"]),
)
def test_any_text_names_the_positions_the_definition_finds(parts, lang):
    text = " ".join(parts)
    assert mentions.named_positions(text, REGISTRY, lang) == every_position(text, REGISTRY, lang)


def test_a_changed_registry_is_indexed_again():
    text = "Жаңа лауазымды тағайындау"
    assert mentions.named_positions(text, REGISTRY, "kk") == set()
    first = REGISTRY.positions[0]
    added = first.model_copy(update={"id": "new-one", "mentions": {"kk": ["жаңа лауазым"]}})
    changed = REGISTRY.model_copy(update={"positions": [*REGISTRY.positions, added]})
    assert mentions.named_positions(text, changed, "kk") == {"new-one"}
    assert mentions.named_positions(text, REGISTRY, "kk") == set()


def test_a_kazakh_title_whose_genitive_moved_to_the_end_of_its_chain_is_named():
    """ "персоналды басқару бөлімінің бастығы" as a possessor is "… бөлімі бастығының": the
    mention "персоналды басқару бөлімінің бастығ" names it either way."""
    for text in (
        "Өзгерістер персоналды басқару бөлімі бастығының бастамасы бойынша енгізіледі.",
        "Персоналды басқару бөлімінің бастығы келіседі.",
    ):
        assert mentions.named_positions(text, REGISTRY, "kk") == {"hr-head"}
    assert mentions.mention_words("Персоналды басқару бөлімінің бастығ", "kk") == [
        "персоналды",
        "басқару",
        "бөлімі",
        "бастығ",
    ]
    assert mentions.mention_words("начальник отдела", "ru") == ["начальник", "отдела"]
