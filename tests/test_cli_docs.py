"""Every command has help and is documented in the reference, docs/cli.md (sqlite-utils style)."""

from __future__ import annotations

import click
import pytest
from conftest import REPO

from dlo_docs.cli import all_commands

main = all_commands()


def commands(group: click.Group = main, prefix: str = "") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        names.append(f"{prefix}{name}")
        if isinstance(command, click.Group):
            names += commands(command, f"{prefix}{name} ")
    return names


def test_there_are_commands_to_check():
    assert {"check", "render", "approve", "diff", "import", "site build"} <= set(commands())


@pytest.mark.parametrize("name", commands())
def test_command_has_help_and_is_in_the_reference(name, dlo, tmp_path):
    result = dlo(*name.split(), "--help", cwd=tmp_path)
    assert result.code == 0, result.err
    assert "Usage: dlo" in result.out and len(result.out.splitlines()) > 3
    assert f"dlo {name}" in (REPO / "docs" / "cli.md").read_text(encoding="utf-8"), (
        f"docs/cli.md does not document dlo {name}"
    )


def _language_options(group: click.Group = main) -> list[tuple[str, click.Parameter]]:
    found = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += _language_options(command)
            continue
        for param in command.params:
            if param.name in {"lang", "langs", "to"} and isinstance(param.type, click.Choice):
                found.append((name, param))
    return found


def test_every_language_option_offers_the_models_languages():
    """A document language added to the model (``model_types.LANGS``) is offered by every
    ``--lang`` and ``--to`` of the command line, which lists them once (``cli.DOC_LANGS``, so
    that ``dlo --help`` imports no part of the library) instead of in each command."""
    from dlo_docs import cli
    from dlo_docs.model_types import LANGS

    assert cli.DOC_LANGS == LANGS
    options = _language_options()
    assert len(options) >= 8
    for name, param in options:
        assert tuple(param.type.choices) == LANGS, name  # type: ignore[attr-defined]


def _date_options(group: click.Group = main, prefix: str = "") -> list[tuple[str, str]]:
    from dlo_docs.cli.workflow import DATE

    found = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += _date_options(command, f"{prefix}{name} ")
            continue
        found += [(f"{prefix}{name}", p.opts[0]) for p in command.params if p.type is DATE]
    return found


@pytest.mark.parametrize(
    ("lang", "formats"),
    [
        ("en", "YYYY-MM-DD, DD.MM.YYYY or today"),
        ("kk", "ЖЖЖЖ-АА-КК, КК.АА.ЖЖЖЖ немесе бүгін"),
        ("ru", "ГГГГ-ММ-ДД, ДД.ММ.ГГГГ или сегодня"),
    ],
)
def test_every_date_option_says_both_forms_it_takes(lang, formats, dlo, tmp_path):
    """`dlo agree --help` said '--date DATE  The day it was signed' with no form, `approve`'s
    only YYYY-MM-DD, though every date option takes YYYY-MM-DD and DD.MM.YYYY: a clerk typing a
    date as the paper order writes it was left to guess. Each says both, in each language, and
    that it takes today (бүгін, сегодня), which README's walk-through types."""
    options = _date_options()
    assert len(options) >= 10
    for name in sorted({name for name, _ in options}):
        result = dlo("--lang-ui", lang, *name.split(), "--help", cwd=tmp_path)
        said = " ".join(result.out.split()).replace("- ", "-")  # a line broken after a hyphen
        wanted = sum(1 for n, _ in options if n == name)
        assert said.count(formats) == wanted, (name, result.out)
