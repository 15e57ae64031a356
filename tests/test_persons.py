"""One person's name, however it is written (``persons.key``): what the self-approval checks
compare the holders of two positions by."""

from __future__ import annotations

import pytest

from dlo_docs import persons

SAME = [
    ("М. Р. Бекова", "Бекова М.Р."),
    ("М. Р. Бекова", "М.Р.  Бекова"),
    ("М. Р. Бекова", "M. P. Бекова"),  # Latin M and P
    ("Сейітова Айгүл Болатқызы", "Айгүл Болатқызы Сейітова"),
    ("Оспанов Н. К.", "оспанов н.к."),
    ("М. Р. Бекова", "М Р Бекова"),  # the initials without their full stops
    # as text copied from elsewhere writes it: decomposed (macOS, PDF), a soft hyphen or an
    # invisible space from a Word document, full-width letters
    ("М. Р. Бейсенова", "М. Р. Бе\u0438\u0306сенова"),  # й as и and a combining breve
    ("М. Р. Бейсенова", "М. Р. Бей\u00adсенова"),
    ("М. Р. Бейсенова", "М. Р. Бей\u200bсенова"),
    ("М. Р. Бекова", "\uff2d. Р. Бекова"),
    ("Семёнова М. Р.", "Семенова М. Р."),  # ё is written е as often as not
    ("М. Р. Бекова", "М. Р. Бекοва"),  # a Greek ο
    ("М. Р. Бекова", "Μ. Ρ. БΕΚΟΒΑ"),  # Greek capitals (Β is В)
    ("Т. Х. Нұрова", "Τ. Χ. Ηұрοва"),
]
OTHER = [
    ("М. Р. Бекова", "Р. М. Бекова"),  # the initials' order is the person's
    ("М. Р. Бекова", "М. Р. Бекпова"),
    ("А. Б. Сейітова", "А. Б. Сеитова"),  # і is not и
]


@pytest.mark.parametrize("one, other", SAME)
def test_the_same_name_written_another_way_is_one_person(one, other):
    assert persons.key(one) == persons.key(other) != ""


@pytest.mark.parametrize("one, other", OTHER)
def test_another_name_is_another_person(one, other):
    assert persons.key(one) != persons.key(other)


def test_a_name_with_no_word_has_no_key():
    assert persons.key("") == persons.key(" . ") == ""


# one person's certificate names both ("БЕКОВА МАДИНА РАХИМОВНА" passes the holder check of
# each): a registry that writes one of the names in full must not let them approve themselves
MAY_BE_ONE = [
    ("М. Р. Бекова", "Мадина Бекова"),
    ("М. Р. Бекова", "Бекова Мадина Рахимовна"),
    ("Бекова М.Р.", "Мадина Рахимовна Бекова"),
    ("М. Р. Бекова", "M. P. Бекова"),  # the same key
]
NOT_ONE = [
    ("М. Р. Бекова", "Р. М. Бекова"),
    ("М. Р. Бекова", "Роза Бекова"),
    ("Мадина Бекова", "Мадина Ахметова"),
    ("М. Р. Бекова", "М. Р. Бекпова"),
    ("А. Б. Сейітова", "А. Б. Сеитова"),
]


@pytest.mark.parametrize("one, other", MAY_BE_ONE)
def test_a_name_with_initials_and_one_written_in_full_may_be_one_person(one, other):
    assert persons.may_be_one(one, other) and persons.may_be_one(other, one)
    assert persons.shared({"kk": one}, {"ru": other}) == one


@pytest.mark.parametrize("one, other", NOT_ONE)
def test_names_no_one_certificate_names_both_are_two_people(one, other):
    assert not persons.may_be_one(one, other) and not persons.may_be_one(other, one)
    assert persons.shared({"kk": one}, {"kk": other}) is None
