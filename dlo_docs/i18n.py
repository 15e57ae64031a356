"""The language of the command line — its help, messages and hints — not of the documents:
English (the messages as written in the code), Kazakh or Russian, from the gettext catalogues in
``dlo_docs/locale/<lang>/LC_MESSAGES/dlo.mo`` (compiled from ``dlo.po`` with Babel:
``python tools/messages.py``; the ``.mo`` files are committed, so a wheel and an editable install
find them without a build step).

Chosen by ``dlo --lang-ui kk|ru|en``, else ``DLO_UI_LANG``, else the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``, ``LANGUAGE``, or Windows' user language), else English. Codes such as
DLO103 are never translated, so a message stays searchable in every language.
"""

from __future__ import annotations

import gettext
import inspect
import locale
import os
from collections.abc import Mapping
from pathlib import Path

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
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if environ.get(var):
            return _code(environ[var]) or "en"
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


def _(message: str) -> str:
    """``message`` in the interface language (the English text when it has no translation)."""
    return _translation.gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for extraction that is translated later, where it is shown."""
    return message


def help_text(text: str | None) -> str | None:
    """A click help text in the interface language (looked up by its cleaned English text)."""
    if not text:
        return text
    clean = inspect.cleandoc(text)
    translated = _(clean)
    return translated if translated != clean else text
