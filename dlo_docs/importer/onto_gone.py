"""What ``dlo import --onto`` cannot bring back: an element of the regulation that no paragraph of
the DOCX was matched to (deleted in Word, or given another element's style: a clause restyled as
an item is a new item) is gone, and with it what it carried that the DOCX does not show: its
text in the regulation's other languages, its note, the fact it states (``states``), the entry
it defines (``ref``), its silences. Each such element is a warning (``GONE``) naming what went,
at the regulation's file: nothing of it was said before the write.

- ``gone(model, lang, kept, path) -> list[Problem]``: for the elements of ``model`` whose ids are
  not among ``kept``, read from a DOCX in ``lang``.
"""

from __future__ import annotations

from collections.abc import Collection

from ..errors import Location, Problem, warning
from ..i18n import Msg, join
from ..model import Chapter, Clause, Item, Paragraph, Regulation
from ..numbering import walk
from .tree import word

GONE = "DLO509"


def _carried(element: Chapter | Paragraph | Clause | Item, lang: str, main: str) -> list[Msg | str]:
    """What ``element`` holds that a DOCX in ``lang`` does not show (a plain text is the
    regulation's first language, ``main``)."""
    text = element.title if isinstance(element, Chapter | Paragraph) else element.text
    texts = text if isinstance(text, dict) else {main: text} if text else {}
    what: list[Msg | str] = [Msg("its {lang} text", lang=other) for other in texts if other != lang]
    if getattr(element, "states", None):
        what.append(f"states: {element.states}")  # type: ignore[union-attr]  # a clause's
    if getattr(element, "ref", None):
        what.append(f"ref: {element.ref}")  # type: ignore[union-attr]  # an item's
    if element.note:
        what.append(Msg("its note"))
    if element.silence:
        what.append(Msg("its silences"))
    return what


def gone(model: Regulation, lang: str, kept: Collection[str], path: str) -> list[Problem]:
    """A warning for each element of ``model`` not ``kept`` that carried more than its ``lang``
    text (see the module)."""
    problems = []
    for n in walk(model):
        kind, element = n.kind, n.element
        what = [] if element.id in kept else _carried(element, lang, model.main_lang)
        if what:
            problems.append(
                warning(
                    Location(path),
                    GONE,
                    Msg(
                        "{kind} {id} is no longer in the DOCX (deleted, or given another "
                        "element's style), and what it held besides its {lang} text went with "
                        "it: {what}",
                        kind=word(kind),
                        id=repr(element.id),
                        lang=lang,
                        what=join("; ", what),
                    ),
                    Msg(
                        "if it was not meant to go, put it back in the regulation (git diff "
                        "shows what the import removed), or give the paragraph its own style "
                        "in Word and import again"
                    ),
                )
            )
    return problems
