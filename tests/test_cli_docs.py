"""Every command has help and is documented in the README (sqlite-utils style)."""

from __future__ import annotations

import click
import pytest
from conftest import REPO

from dlo_docs.cli import main


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
def test_command_has_help_and_is_in_the_readme(name, dlo, tmp_path):
    result = dlo(*name.split(), "--help", cwd=tmp_path)
    assert result.code == 0, result.err
    assert "Usage: dlo" in result.out and len(result.out.splitlines()) > 3
    assert f"dlo {name}" in (REPO / "README.md").read_text(encoding="utf-8"), (
        f"README does not document dlo {name}"
    )
