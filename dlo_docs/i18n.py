"""The language of the command line — its help, messages and hints — not of the documents:
English (the messages as written in the code), Kazakh or Russian, from the gettext catalogues in
``dlo_docs/locale/<lang>/LC_MESSAGES/dlo.mo`` (compiled from ``dlo.po`` with Babel:
``python tools/messages.py``; the ``.mo`` files are committed, so a wheel and an editable install
find them without a build step).

Chosen by ``dlo --lang-ui kk|ru|en``, else ``DLO_UI_LANG``, else as gettext reads the
environment (``LANGUAGE``, a list by preference such as ``kk:ru``, then ``LC_ALL``,
``LC_MESSAGES``, ``LANG``; unlike gettext, also when the locale is ``C``, a container's
default), else Windows' user language, else English. Codes such as
DLO103 are never translated, so a message stays searchable in every language.
"""

from __future__ import annotations

import datetime as dt
import gettext
import inspect
import locale
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

UI_LANGS = ("en", "kk", "ru")
DOMAIN = "dlo"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
_NAMES = {"kk": "kk", "kazakh": "kk", "ru": "ru", "russian": "ru", "en": "en", "english": "en"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_lang = "en"


def _code(value: str | None) -> str | None:
    """ "ru_RU.UTF-8" → "ru", "Kazakh_Kazakhstan" → "kk", "C" or unknown → None."""
    if not value:
        return None
    first = value.split(":")[0].split(".")[0].split("@")[0]
    return _NAMES.get(first.replace("-", "_").split("_")[0].lower())


def choose(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The interface language: the option, ``DLO_UI_LANG``, the locale, English."""
    environ = os.environ if environ is None else environ
    for value in (option, environ.get("DLO_UI_LANG")):
        if value:
            return _code(value) or "en"
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):  # gettext's order
        if environ.get(var):  # the first set decides; LANGUAGE lists languages by preference
            codes = (_code(entry) for entry in environ[var].split(":"))
            return next((code for code in codes if code), "en")
    if os.name == "nt":  # Windows sets no LANG: ask the system (e.g. "Russian_Russia")
        try:
            return _code(locale.getlocale()[0]) or "en"
        except ValueError:
            return "en"
    return "en"


def use(lang: str) -> None:
    """Speak ``lang`` from now on (this process)."""
    global _translation, _lang
    _lang = lang if lang in UI_LANGS else "en"
    if _lang == "en":
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(DOMAIN, LOCALE_DIR, [_lang], fallback=True)


def current() -> str:
    return _lang


def written(value: Any) -> Any:
    """A field of a message as the interface language writes it: a date (a ``datetime.date``,
    not a moment) ``DD.MM.YYYY`` in Kazakh and Russian, as the forms, the site and a clerk write
    it (``--date`` takes it too); ISO in English, which tests and scripts read. Anything else as
    it is."""
    if _lang != "en" and type(value) is dt.date:
        return value.strftime("%d.%m.%Y")
    return value


class Said(str):
    """A message in the interface language whose ``format`` writes a date among its fields as
    that language does (``written``): ``_("order № {number} of {date}").format(date=day)``."""

    __slots__ = ()

    def format(self, /, *args: Any, **fields: Any) -> str:
        return str.format(self, *map(written, args), **{k: written(v) for k, v in fields.items()})


def _said(message: str) -> str:
    """``message`` as ``Said`` when it has fields to format (and is not English, whose dates are
    ISO); a plain ``str`` otherwise, as a message without fields is used (written into a file)."""
    return Said(message) if _lang != "en" and "{" in message else message


def _(message: str) -> str:
    """``message`` in the interface language (the English text when it has no translation)."""
    return _said(_translation.gettext(message)) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _said(_translation.ngettext(singular, plural, n))


def pgettext(context: str, message: str) -> str:
    """``message`` as ``context`` means it ("agreed" a journal event, not a state), in the
    interface language."""
    return _said(_translation.pgettext(context, message))


def N_(message: str) -> str:
    """Marks a message for extraction that is translated later, where it is shown."""
    return message


class Msg(str):
    """A message as a value: the English text, which it is (so it compares, joins and prints as
    before), that also remembers its template and fields, so that ``text()`` can show it in the
    interface language where it is printed.

    The library makes problems, hints and reports without knowing who will read them (a worker
    process of ``--jobs``, a test, the command line in Kazakh): ``Msg("{a} nearly repeats {b}",
    a=…, b=…)`` is translated at output, its template looked up in the catalogue and its fields
    (a ``Msg`` among them is translated too) formatted into the translation."""

    template: str
    fields: dict[str, Any]
    context: str | None = None  # as ``pgettext`` takes it: "agreed" a journal event, not a state

    def __new__(cls, template: str, /, **fields: Any) -> Msg:
        self = super().__new__(cls, template.format(**fields) if fields else template)
        self.template = template
        self.fields = fields
        return self

    def __reduce__(self):  # pickled to and from --jobs workers
        return (_restore, (str(self), self.template, self.fields, self.context))

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self


def _restore(
    english: str, template: str, fields: dict[str, Any], context: str | None = None
) -> Msg:
    self = str.__new__(Msg, english)
    self.template, self.fields, self.context = template, fields, context
    return self


def in_context(context: str, message: str) -> Msg:
    """``message`` as ``context`` means it, translated where it is printed (``pgettext`` then):
    a journal event's kind as a field of a message the library makes."""
    self = Msg(message)  # no fields: its text is never formatted
    self.context = context
    return self


def join(separator: str, parts: Iterable[Any]) -> Msg:
    """``separator.join(parts)`` that still translates each part at output."""
    fields = {f"p{i}": part for i, part in enumerate(parts)}
    template = separator.replace("{", "{{").replace("}", "}}").join(f"{{{k}}}" for k in fields)
    return Msg(template, **fields)


def text(value: Any) -> str:
    """``value`` as a person reads it, in the interface language: a ``Msg`` translated with its
    fields, a plain string looked up as is (a constant marked ``N_``), anything else ``str``."""
    if isinstance(value, Msg):
        if _lang == "en":
            return str(value)
        fields = {k: text(v) if isinstance(v, Msg) else written(v) for k, v in value.fields.items()}
        said = (
            _(value.template) if value.context is None else pgettext(value.context, value.template)
        )
        try:
            return said.format(**fields) if fields else said
        except (KeyError, IndexError, ValueError):  # a broken translation: the English text
            return str(value)
    if isinstance(value, str):
        return _(value)
    return "" if value is None else str(value)


def help_text(text: str | None) -> str | None:
    """A click help text in the interface language (looked up by its cleaned English text)."""
    if not text:
        return text
    clean = inspect.cleandoc(text)
    translated = _(clean)
    return translated if translated != clean else text
