"""The command line's message catalogues (Babel): extract, update and compile.

    python tools/messages.py          # extract into dlo_docs/locale/dlo.pot, update kk and ru
                                      # dlo.po (translations kept), compile the dlo.mo files
    python tools/messages.py --check  # exit 1 when a catalogue is stale or a message untranslated

Messages are the ``_("…")``, ``N_("…")`` and ``ngettext`` calls of ``dlo_docs``, every help text
of the ``dlo`` commands and options (docstrings included), the lint rules' descriptions, and click's own words ("Usage:",
"Options:", its error messages). Write the Kazakh and Russian texts in the ``.po`` files (Poedit
or any editor), then run this again: the compiled ``.mo`` files are committed.
"""

from __future__ import annotations

import datetime as dt
import inspect
import io
import sys
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dlo_docs"
LOCALE = PACKAGE / "locale"
LANGS = ("kk", "ru")
# Msg("…", field=…) is a message translated where it is printed (see dlo_docs.i18n.Msg)
KEYWORDS = {"_": None, "N_": None, "Msg": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types")
# click's words a user of dlo sees (the others are programming errors, never shown)
CLICK_SHOWN = {
    "Usage:",
    "Options",
    "Commands",
    "Aborted!",
    "Show this message and exit.",
    "Show the version and exit.",
    "%(prog)s, version %(version)s",
    "Error: {message}",
    "Try '{command} {option}' for help.",
    "No such option: {name}",
    "No such option {name!r}.",
    "No such command {name!r}.",
    "Missing command.",
    "Missing argument",
    "Missing option",
    "Missing parameter",
    "Missing {param_type}",
    "Invalid value for {param_hint}: {message}",
    "Invalid value: {message}",
    "default: {default}",
    "Did you mean {possibility}?",
    "Got unexpected extra argument ({args})",
    "Option {name!r} requires an argument.",
    "Option {name!r} does not take a value.",
    "{value!r} is not {choice}.",
    "{value!r} does not match the format {format}.",
    "{value!r} is not a valid {number_type}.",
    "{name} {filename!r} does not exist.",
    "{name} {filename!r} is a directory.",
    "{name} {filename!r} is a file.",
    "file",
    "directory",
    "path",
    "required",
}
# click's words it passes to gettext through a variable (``_(extra["required"])``)
CLICK_INDIRECT = ("required",)


def _commands(group: click.Group, prefix: str = ""):
    for name, command in sorted(group.commands.items()):
        yield f"{prefix}{name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix}{name} ")


def _help_texts(catalog: Catalog) -> None:
    """The commands' and options' help, and the lint rules' descriptions."""
    sys.path.insert(0, str(ROOT))
    from dlo_docs.cli import all_commands
    from dlo_docs.lint import listing

    main = all_commands()
    for name, command in [("", main), *_commands(main)]:
        where = [(f"dlo {name}".strip(), 0)]
        for text in (command.help, command.short_help):
            if text:
                catalog.add(inspect.cleandoc(text), locations=where)
        for param in command.params:
            if getattr(param, "help", None):
                catalog.add(param.help, locations=where)
    for rule in listing():  # dlo check --list-rules
        catalog.add(rule.description, locations=[(f"lint rule {rule.code}", 0)])


def template() -> Catalog:
    catalog = Catalog(project="dlo_docs", domain="dlo", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        where = [(f"dlo_docs/{filename}", lineno)]
        catalog.add(message, locations=where, auto_comments=comments, context=context)
    _help_texts(catalog)
    folder = Path(click.__file__).parent
    for module in CLICK_MODULES:
        path = folder / f"{module}.py"
        for lineno, message, comments, _context in extract_from_file(
            "python", str(path), keywords=KEYWORDS
        ):
            first = message[0] if isinstance(message, tuple) else message
            if first not in CLICK_SHOWN:
                continue
            catalog.add(message, locations=[(f"click/{module}.py", lineno)], auto_comments=comments)
    for message in CLICK_INDIRECT:  # translated by click as _(variable): no literal to extract
        if message not in catalog:
            catalog.add(message, locations=[("click/core.py", 0)])
    return catalog


def _po(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "dlo.po"


def _read(path: Path, lang: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=lang, domain="dlo", project="dlo_docs")
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def _bytes(write, catalog: Catalog, **kw) -> bytes:
    out = io.BytesIO()
    write(out, catalog, **kw)
    return out.getvalue()


FIXED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # no dates in the files: reproducible


def build() -> dict[Path, bytes]:
    """Every file of the catalogues as it should be."""
    pot = template()
    # locations without line numbers: moving code within a module leaves the catalogues as they are
    kw = {"omit_header": True, "sort_output": True, "include_lineno": False}
    files = {LOCALE / "dlo.pot": _bytes(write_po, pot, **kw)}
    for lang in LANGS:
        catalog = _read(_po(lang), lang)
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.creation_date = catalog.revision_date = FIXED
        files[_po(lang)] = _bytes(write_po, catalog, **kw)
        files[_po(lang).with_suffix(".mo")] = _bytes(write_mo, catalog)
    return files


def untranslated() -> dict[str, list[str]]:
    """Per language, the messages without a translation (or marked fuzzy)."""
    missing = {}
    for lang in LANGS:
        catalog = _read(_po(lang), lang)
        missing[lang] = [
            str(m.id)
            for m in catalog
            if m.id
            and (not m.string or m.fuzzy or (isinstance(m.string, tuple) and not all(m.string)))
        ]
    return missing


def main(argv: list[str]) -> int:
    files = build()
    if "--check" in argv:
        stale = [p for p, data in files.items() if not p.exists() or p.read_bytes() != data]
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run python tools/messages.py")
        for lang, ids in untranslated().items():
            for message in ids:
                print(f"{lang}: untranslated: {message!r}")
        return 1 if stale or any(untranslated().values()) else 0
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)}")
    for lang, ids in untranslated().items():
        if ids:
            print(f"{lang}: {len(ids)} message(s) to translate in {_po(lang).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
