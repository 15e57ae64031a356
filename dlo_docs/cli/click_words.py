"""click's own words ("Usage:", "Options:", its errors) and the placeholders of the command line
(``--as ROLE``, ``[OPTIONS]``, ``KEY.p12``) in the interface language: click shows the English
words it is given, in help, the usage line and its errors ("Missing argument 'ID'"), whatever
language the rest speaks."""

from __future__ import annotations

import re

from .. import i18n


def _placeholders() -> dict[str, str]:
    """The words of the placeholders help and hints show for what is typed (``--as ROLE``,
    ``[OPTIONS]``), in the interface language; ID, N and K stay as they are."""
    return {
        "OPTIONS": i18n.pgettext("placeholder", "OPTIONS"),
        "COMMAND": i18n.pgettext("placeholder", "COMMAND"),
        "ARGS": i18n.pgettext("placeholder", "ARGS"),
        "IDS": "ID",
        "PATH": i18n.pgettext("placeholder", "PATH"),
        "FILE": i18n.pgettext("placeholder", "FILE"),
        "FILES": i18n.pgettext("placeholder", "FILES"),
        "DIR": i18n.pgettext("placeholder", "DIR"),
        "POSITION": i18n.pgettext("placeholder", "POSITION"),
        "ROLE": i18n.pgettext("placeholder", "ROLE"),
        "UNIT": i18n.pgettext("placeholder", "UNIT"),
        "DATE": i18n.pgettext("placeholder", "DATE"),
        "TEXT": i18n.pgettext("placeholder", "TEXT"),
        "CODE": i18n.pgettext("placeholder", "CODE"),
        "NO": i18n.pgettext("placeholder", "NO"),
        "KEY": i18n.pgettext("placeholder", "KEY"),
        "CA": i18n.pgettext("placeholder", "CA"),
        "LANG": i18n.pgettext("placeholder", "LANG"),
        "INTEGER": i18n.pgettext("placeholder", "INTEGER"),
        "INTEGER RANGE": i18n.pgettext("placeholder", "INTEGER"),
    }


_PLACEHOLDER = re.compile(r"\b(?:INTEGER RANGE|[A-Z]{2,})\b")


def metavar(text: str) -> str:
    """``text`` (a placeholder: "ROLE:DATE", "[PATH|ID]...", "KEY.p12") with its words in the
    interface language."""
    if i18n.current() == "en":
        return text
    words = _placeholders()
    return _PLACEHOLDER.sub(lambda m: words.get(m.group(), m.group()), text)


def _translated_metavar(make):
    def make_metavar(self, ctx):
        return metavar(make(self, ctx))

    return make_metavar


def speak() -> None:
    """click's words through the catalogue, and every placeholder it makes (``make_metavar``: of
    an option, an argument) translated."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    for module in (
        click.core,
        click.decorators,
        click.exceptions,
        click.formatting,
        click.parser,
        click.types,
    ):
        module._ = i18n._  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = i18n.ngettext  # type: ignore[attr-defined]
    for cls in (click.core.Parameter, click.core.Argument):  # once: the module is imported once
        setattr(cls, "make_metavar", _translated_metavar(cls.__dict__["make_metavar"]))  # noqa: B010
