"""A long text changed in many places is compared word by word still, and each change found
where it is: a clause of 2,000 words changed every 50 took 8 s (4,000 words: 68 s; the time grew
as the cube of the length), the white space between words, every other token, tried as the start
of a match at each step. Beyond a clause of some 500 words each side, words are matched with the
spaces before them (``words.EXACT_UP_TO``); below, the comparison is as it was (the other diff
tests). Timings are the benchmark's business; here the result is checked."""

from __future__ import annotations

import random

from dlo_docs.diff import words


def _texts(n: int) -> tuple[str, str, list[int]]:
    rng = random.Random(7)
    vocabulary = [f"сөз{i}" for i in range(300)] + ["және"] * 30 + ["мен"] * 20
    old = [rng.choice(vocabulary) for _ in range(n)]
    new = list(old)
    changed = list(range(3, n, 50))
    for i in changed:
        new[i] = "өзгертілді"
    return " ".join(old), " ".join(new), changed


def test_each_change_of_a_long_text_is_found_where_it_is():
    old, new, changed = _texts(2_000)
    assert len(words.tokens(old)) ** 2 > words.EXACT_UP_TO  # the long path
    segments = words.diff(old, new)
    assert words.old_text(segments) == old and words.new_text(segments) == new
    inserted = [s.text.strip() for s in segments if s.op == words.INSERT]
    assert inserted == ["өзгертілді"] * len(changed)
    deleted = [s.text.strip() for s in segments if s.op == words.DELETE]
    assert deleted == [old.split()[i] for i in changed]


def test_a_long_text_with_words_added_at_its_end_and_inside():
    old, _, _ = _texts(3_000)
    inside = old.index(" ", 5_000)
    new = old[:inside] + " қосылған сөздер" + old[inside:] + " Соңғы сөйлем."
    segments = words.diff(old, new)
    assert words.old_text(segments) == old and words.new_text(segments) == new
    inserted = [s.text for s in segments if s.op == words.INSERT]
    assert inserted == [" қосылған сөздер", " Соңғы сөйлем."]
    assert not [s for s in segments if s.op == words.DELETE]
