"""The command line in English, Kazakh and Russian (gettext catalogues made with Babel)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po
from conftest import REPO

from dlo_docs import i18n

LOCALE = REPO / "dlo_docs" / "locale"
FIELDS = re.compile(r"\{[^{}]*\}|%\([a-z]+\)s")


def test_every_message_has_all_three_and_the_catalogues_are_current():
    """English is the code's own text; Kazakh and Russian must translate every message, and the
    committed .po/.mo files must be what tools/messages.py makes of the code today."""
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "messages.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_translations_keep_the_placeholders(lang):
    with (LOCALE / lang / "LC_MESSAGES" / "dlo.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        want = set(FIELDS.findall(ids[-1])) | set(FIELDS.findall(ids[0]))
        for text in strings:
            assert set(FIELDS.findall(text)) <= want, (message.id, text)
            assert set(FIELDS.findall(ids[0])) - {
                "{possibilities}",
                "{nargs}",
                "{formats}",
                "{choices}",
            } <= set(FIELDS.findall(text)) | {"{possibility}", "{format}", "{choice}"}, (
                message.id,
                text,
            )


def test_choice_of_language():
    assert i18n.choose("ru", {"DLO_UI_LANG": "kk"}) == "ru"
    assert i18n.choose(None, {"DLO_UI_LANG": "kk", "LANG": "ru_RU.UTF-8"}) == "kk"
    assert i18n.choose(None, {"LANG": "ru_RU.UTF-8"}) == "ru"
    assert i18n.choose(None, {"LC_ALL": "kk_KZ.UTF-8", "LANG": "ru_RU.UTF-8"}) == "kk"
    assert i18n.choose(None, {"LANG": "C.UTF-8"}) == "en"
    assert i18n.choose(None, {}) == "en"


def test_help_in_each_language(dlo, project, monkeypatch):
    result = dlo("--lang-ui", "ru", "list", "--help", cwd=project)
    assert "Использование: dlo list" in result.out
    assert "Только документы с просроченной периодической проверкой." in " ".join(
        result.out.split()
    )
    assert "Only those whose" not in result.out
    monkeypatch.setenv("DLO_UI_LANG", "kk")
    result = dlo("new", "--help", cwd=project)
    assert "Құжатты өз түрінің үлгісі бойынша бастау" in " ".join(result.out.split())
    assert "Параметрлер:" in result.out
    result = dlo("--lang-ui", "en", "new", "--help", cwd=project)  # the option wins
    assert "Start a regulation from the template" in " ".join(result.out.split())
    monkeypatch.delenv("DLO_UI_LANG")
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    result = dlo("list", "--format", "nope", cwd=project)
    assert result.code == 2 and "Ошибка: Недопустимое значение" in result.out + result.err


def test_every_command_help_is_translated(dlo, project):
    from test_cli_docs import commands

    from dlo_docs.cli import main

    for name in commands():
        command = main
        for part in name.split():
            command = command.commands[part]
        english = command.help or ""
        first = " ".join(english.split())[:40]
        for lang in ("kk", "ru"):
            out = dlo("--lang-ui", lang, *name.split(), "--help", cwd=project).out
            assert first not in " ".join(out.split()), (name, lang)


def test_codes_stay_as_they_are(dlo, project, monkeypatch):
    monkeypatch.setenv("DLO_UI_LANG", "ru")
    result = dlo("new", "x1", "--kind", "job_instruction", "--position", "dlo-head", cwd=project)
    assert result.code == 0
    assert "записан regulations/x1/regulation.yaml" in result.out
    assert "(DLO114)" in result.out
    result = dlo("check", "regulations/x1", cwd=project)
    assert re.search(r"ошибок: [1-9]\d*, предупреждений: 0", result.err)
    assert "error DLO114" in result.out
