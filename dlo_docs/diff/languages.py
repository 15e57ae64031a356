"""The changes a comparison in one language does not show: those of another language's text
alone.

A bilingual regulation is one text in two languages, agreed and approved as one (one control
code). Its comparison in Kazakh lists what changed in the Kazakh text; an element whose Russian
text alone changed (a translation reworded, a figure changed in one language only) is not in
it, and whoever agrees in Kazakh would never see it. So each comparison says which elements
changed in another language's text only: after its own changes, or, when it has none, instead
of "no changes" (never that nothing changed between the editions).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import DloError
from .align import Change, Comparison, compare
from .names import change_name, ref

if TYPE_CHECKING:  # the model is pydantic's: imported where files are validated
    from ..model import Regulation


@dataclass(frozen=True)
class Elsewhere:
    """Another language of both editions whose text changed where this one's did not."""

    lang: str  # "ru"
    language: str  # its own name, as its label set gives it: "Русский"
    names: list[str]  # the elements changed in it, named in the comparison's language
    refs: list[str]  # the same, in the CLI's neutral notation: "7", "10.3"
    added: bool = False  # the language is new in the new edition: its whole text (no names)


# the label said of a language new in the new edition, for each of ``said``'s keys
_ADDED = {"no_changes_here": "language_added_here", "changed_there_only": "language_added_also"}


def _shown(change: Change, here: dict[str, Change]) -> bool:
    """Whether this comparison shows ``change`` (another language's): it lists the element, and
    as changed in its text too where that one's text changed."""
    mine = here.get(change.id)
    return mine is not None and (mine.text_changed or not change.text_changed)


def elsewhere(
    old: Regulation,
    new: Regulation,
    comparison: Comparison,
    labels: dict[str, Any],
    words_of: Callable[[str], dict[str, Any]],
) -> list[Elsewhere]:
    """The other languages of both editions in which the text changed where ``comparison`` (in
    its language, with its ``labels``) shows no change: each with those elements, named in the
    comparison's language (``words_of``: a language's label set); and each language the new
    edition adds (the old one had no text in it: a Kazakh regulation made bilingual), whose
    whole text is new — else the Kazakh comparison said "no changes between the editions" of an
    edition that adds the Russian text. A language missing a text is left to ``dlo check`` and
    its own comparison."""
    here = {change.id: change for change in comparison.changes}
    found = []
    for other in new.languages:
        if other == comparison.lang:
            continue
        words = words_of(other)
        if other not in old.languages:
            found.append(Elsewhere(other, words.get("language_name", other), [], [], added=True))
            continue
        try:
            changes = compare(old, new, words, other).changes
        except DloError:
            continue
        changes = [change for change in changes if not _shown(change, here)]
        if changes:
            names = [change_name(change, labels) for change in changes]
            refs = [ref(change) for change in changes]
            found.append(Elsewhere(other, words.get("language_name", other), names, refs))
    return found


def said(found: list[Elsewhere], labels: dict[str, Any], key: str) -> list[str]:
    """Each language ``found`` in the words of label ``diff.<key>``: ``no_changes_here`` (a
    comparison with no change of its own) or ``changed_there_only`` (after its changes); the
    sentences ``marked`` cuts, whole."""
    return [m["before"] + m["language"] + m["after"] for m in marked(found, labels, key)]


def marked(found: list[Elsewhere], labels: dict[str, Any], key: str) -> list[dict[str, str]]:
    """Each language ``found`` in the words of label ``diff.<key>`` (a language new in the new
    edition: its ``_ADDED`` label), cut at the language's name for a page to mark it in its own
    language (a screen reader reads "Қазақша" in a Russian sentence with Kazakh rules only so):
    {before, language, lang, after}; a project's label that names no language is all ``before``."""
    words: dict[str, str] = labels["diff"]
    pieces = []
    for e in found:
        where = ", ".join(e.names)
        before, cut, after = words[_ADDED[key] if e.added else key].partition("{language}")
        language = e.language if cut else ""
        pieces.append(
            {
                "before": before.format(where=where),
                "language": language,
                "lang": e.lang,
                "after": after.format(language=e.language, where=where),  # (named again)
            }
        )
    return pieces
