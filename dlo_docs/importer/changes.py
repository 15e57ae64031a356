"""Which clause of a source says who initiates changes by the memo or proposal they are made on
("Изменения в настоящую инструкцию вносятся по служебной записке начальника …", "Осы Ережеге
өзгерістер … бастығының қызметтік жазбасы бойынша енгізіледі"): ``facts.mark_states`` marks it
as the clause stating ``change_initiators``, and ``mentions.initiating_part`` reads the writer.

A clause qualifies when its own text is about changes, it or what it lists names a memo or a
proposal (``mentions.names_memo``), and it names this document ("настоящую", "данную", "осы"),
or stands under a heading on changes (its chapter's or paragraph's) and is not about the
instructions of the unit's staff ("в должностные инструкции работников отдела"): a duty to
propose changes to other documents is no such clause.
"""

from __future__ import annotations

from ..mentions import names_memo, words

_CHANGES = ("өзгеріс", "изменени")
_THIS = ("настоящ", "данн")
_STAFF = ("работник", "сотрудник", "қызметкер")


def _says(text_words: list[str], prefixes: tuple[str, ...]) -> bool:
    return any(w.startswith(prefixes) for w in text_words)


def on_memo(heading: str, own: str, full: str) -> bool:
    """Whether a clause (its ``own`` text, with what it lists ``full``, under ``heading``: its
    chapter's and paragraph's titles) says who initiates changes by a memo or proposal."""
    said = words(own)
    this = _says(said, _THIS) or "осы" in said
    about = _says(words(heading), _CHANGES) and not _says(said, _STAFF)
    return names_memo(full) and _says(said, _CHANGES) and (this or about)
