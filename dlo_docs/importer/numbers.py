"""The source's own numbers, checked as the elements are read: a number that repeats, skips or
goes back is reported (the numbers are computed in the regulation, so this is for the reader of
the import's report to check the references to it)."""

from __future__ import annotations

from collections.abc import Callable

from ..i18n import Msg
from .classify import Cand, as_written, number_value
from .source import Line
from .tree import Node, Sequence, word

REPEATED = "DLO501"
SEQUENCE = "DLO503"


class Numbers:
    def __init__(self, lang: str, warn: Callable[..., None]) -> None:
        self.lang, self.warn = lang, warn
        self.seqs: dict[object, Sequence] = {}
        self.letters_seen: dict[object, dict[str, int]] = {}

    def see(self, key: object, what: str, node: Node, cand: Cand, line: Line) -> None:
        """One more element of the run ``key``: a repeated, skipped or backward number is said."""
        seq = self.seqs.setdefault(key, Sequence(what))
        seq.count += 1
        shown = cand.number
        if cand.style == "letter" and shown is not None:
            seen = self.letters_seen.setdefault(key, {})
            if shown in seen:
                self.warn(
                    line,
                    REPEATED,
                    Msg(
                        "{what} {shown}) repeats (first at line {seen}); it is {label} here",
                        what=word(what),
                        shown=shown,
                        seen=seen[shown],
                        label=node.label(),
                    ),
                    Msg("the numbers are computed now; nothing to do"),
                )
            seen.setdefault(shown, line.where)
            return
        value = number_value(cand.number, cand.style, self.lang)
        if value is None:
            return
        if not (value == seq.last + 1 or value == seq.count and value > seq.last):
            self._out_of_order(line, what, node, cand, seq, value)
        seq.last = value
        seq.last_where.setdefault(value, line.where)

    def _out_of_order(
        self, line: Line, what: str, node: Node, cand: Cand, seq: Sequence, value: int
    ) -> None:
        """A number that repeats, skips or goes back: said, the element kept where it is."""
        expected = seq.last + 1
        if value == seq.last:
            first = seq.last_where.get(value, 0)
            self.warn(
                line,
                REPEATED,
                Msg(
                    '{what} number "{number}" repeats (first at line {first}); it is {label} here',
                    what=word(what),
                    number=as_written(cand),
                    first=first,
                    label=node.label(),
                ),
                Msg("the numbers are computed now; check the references to it"),
            )
        elif value > expected:
            missing = f"{expected}" if value == expected + 1 else f"{expected}–{value - 1}"
            self.warn(
                line,
                SEQUENCE,
                Msg(
                    '{what} numbering skips {missing}: "{number}" follows {last}; it is {label} here',
                    what=word(what),
                    missing=missing,
                    number=as_written(cand),
                    last=seq.last or Msg("the start"),
                    label=node.label(),
                ),
                Msg("the numbers are computed now; check the references to it"),
            )
        else:
            self.warn(
                line,
                SEQUENCE,
                Msg(
                    '{what} number "{number}" goes back (after {last}); it is {label} here',
                    what=word(what),
                    number=as_written(cand),
                    last=seq.last,
                    label=node.label(),
                ),
                Msg("the numbers are computed now; check the references to it"),
            )
