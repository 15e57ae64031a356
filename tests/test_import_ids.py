"""The ids an import makes from a text (sections, positions, organisations, abbreviations): read
as words, never ending on a preposition, a conjunction or a cut word."""

from __future__ import annotations

import pytest

from dlo_docs.importer.ids import slug


@pytest.mark.parametrize(
    ("text", "words", "limit", "made"),
    [
        # the corpus's: an import proposed these to the registry, where they stay
        ("Директор (Декан) ВШ Экономики и права", 5, 60, "direktor-dekan-vsh-ekonomiki"),
        ("Университет КазГЮУ имени М. Нарикбаева", 4, 40, "universitet-kazgyuu"),
        (
            "Управление пассажирского транспорта и автомобильных дорог",
            4,
            40,
            "upravlenie-passazhirskogo-transporta",
        ),
        ("Білім беру және ғылым бөлімі", 3, 40, "bilim-beru"),
        # a word the length limit cuts is left out whole
        ("Нормативтік сілтемелер тізбесі", 3, 25, "normativtik-siltemeler"),
        # unchanged: words that end well
        ("Нормативтік сілтемелер", 3, 40, "normativtik-siltemeler"),
        ("Жалпы ережелер", 3, 40, "zhalpy-erezheler"),
        # nothing but such words: as before, rather than nothing
        ("и", 3, 40, "i"),
    ],
)
def test_an_id_ends_on_a_word_of_its_own(text, words, limit, made):
    assert slug(text, words=words, limit=limit) == made
