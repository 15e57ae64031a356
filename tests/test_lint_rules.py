"""Every lint rule against its two fixtures in tests/fixtures/lint/:

- ``<CODE>.failing.yaml`` marks each expected problem under the line it is on with a caret at its
  column (``#      ^ DLO106``), or, for column 1, ``# col 1 DLO110`` under the line;
- ``<CODE>.clean.yaml`` holds the near misses of the rule and must give no problem at all.

The test runs the real ``dlo check`` on a copy of the bundled project and compares the exact
(line, column, code) of every problem in the fixture file.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from dlo_docs import lint

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lint"
CARET = re.compile(r"^(\s*#\s*)\^\s+(DLO\d{3})\s*$")
COLUMN = re.compile(r"^#\s*col\s+(\d+)\s+(DLO\d{3})\s*$")
CODES = [r.code for r in lint.listing()]


def expected(text: str) -> Counter:
    """(line, column, code) of the problems a fixture marks."""
    found: Counter = Counter()
    target = 0
    for number, line in enumerate(text.splitlines(), 1):
        caret, column = CARET.match(line), COLUMN.match(line)
        if caret:
            found[(target, len(caret.group(1)) + 1, caret.group(2))] += 1
        elif column:
            found[(target, int(column.group(1)), column.group(2))] += 1
        else:
            target = number
    return found


def run(project: Path, dlo, fixture: Path) -> tuple[Counter, list[dict]]:
    text = fixture.read_text(encoding="utf-8")
    reg_id = re.search(r"^id: (\S+)$", text, re.MULTILINE).group(1)
    target = project / "regulations" / reg_id / "regulation.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    registry = fixture.with_name(fixture.name.split(".")[0] + ".registry.yaml")
    if registry.is_file():  # the rule's fixtures need a registry of their own
        shutil.copyfile(registry, project / "regulations" / "registry.yaml")
    previous = fixture.with_name(fixture.name.split(".")[0] + ".previous.yaml")
    if previous.is_file():  # the frozen edition the fixture's draft revises
        (target.parent / "editions").mkdir()
        shutil.copyfile(previous, target.parent / "editions" / "1.yaml")
    target.write_text(text, encoding="utf-8")
    result = dlo("check", "--format", "json", f"regulations/{reg_id}", cwd=project)
    assert "Traceback" not in result.err
    problems = [
        p
        for p in json.loads(result.out)["problems"]
        if p["file"] == f"regulations/{reg_id}/regulation.yaml"
    ]
    return Counter((p["line"], p["column"], p["code"]) for p in problems), problems


def test_every_rule_has_a_clean_and_a_failing_fixture():
    for code in CODES:
        assert (FIXTURES / f"{code}.clean.yaml").is_file(), code
        assert (FIXTURES / f"{code}.failing.yaml").is_file(), code
    marked = {
        key[2]
        for code in CODES
        for key in expected((FIXTURES / f"{code}.failing.yaml").read_text("utf-8"))
    }
    assert set(CODES) <= marked


@pytest.mark.parametrize("code", CODES)
def test_failing_fixture(project, dlo, code):
    fixture = FIXTURES / f"{code}.failing.yaml"
    want = expected(fixture.read_text(encoding="utf-8"))
    assert any(key[2] == code for key in want), "the fixture marks no problem of its own rule"
    got, problems = run(project, dlo, fixture)
    assert got == want, "\n".join(
        f"{p['line']}:{p['column']} {p['code']} {p['message']}" for p in problems
    )


@pytest.mark.parametrize("code", CODES)
def test_clean_fixture(project, dlo, code):
    got, problems = run(project, dlo, FIXTURES / f"{code}.clean.yaml")
    assert not got, "\n".join(
        f"{p['line']}:{p['column']} {p['code']} {p['message']}" for p in problems
    )


def test_a_text_cut_short_by_a_comment_is_an_error(project, dlo):
    """What YAML reads is not what was typed: `dlo check` fails, so the draft is not submitted or
    approved cut (it was a warning, and a newcomer's draft went for agreement so)."""
    got, problems = run(project, dlo, FIXTURES / "DLO119.failing.yaml")
    assert {p["severity"] for p in problems if p["code"] == "DLO119"} == {"error"}
    result = dlo("check", "regulations/fixture", cwd=project)
    assert result.code == 1 and "error DLO119" in result.out, result.out


HIDDEN_PLACEHOLDERS = {
    "zero-width space before the last bracket": ("[[ЛН ?]\\u200b]", "[[ЛН ?]]"),
    "zero-width space between the first brackets": ("[\\u200b[ЛН ?]]", "[[ЛН ?]]"),
    "combining grapheme joiner": ("[[ЛН ?]\\u034f]", "[[ЛН ?]]"),
    "word joiner and soft hyphen": ("[\\u2060[ЛН ?]\\u00ad]", "[[ЛН ?]]"),
    "nested": ("[[ЛН [?]]]", "[[ЛН [?]]]"),
    "full-width brackets": ("［［ЛН ?］］", "[[ЛН ?]]"),
    "a clause's duties": (
        "[[міндеттері: әрқайсысы жеке тармақшамен]\\u200b] және тағы басқалар",
        "[[міндеттері: әрқайсысы жеке тармақшамен]]",
    ),
}


@pytest.mark.parametrize("written, shown", HIDDEN_PLACEHOLDERS.values(), ids=HIDDEN_PLACEHOLDERS)
def test_a_placeholder_is_found_as_it_prints(project, dlo, tmp_path, written, shown):
    """Printed, each of these looks exactly like a text left to write, and such a document was
    approved: the invisible characters between the brackets, or the brackets nested, hid it."""
    text = (FIXTURES / "DLO114.clean.yaml").read_text(encoding="utf-8")
    text = text.replace("code: ЛН ҮББИ 01-2024", f'code: "{written}"').replace(
        '"Бөлім бастығы [1] құжатқа', f'"{written} Бөлім бастығы [1] құжатқа'
    )
    fixture = tmp_path / "DLO114.hidden.yaml"
    fixture.write_text(text, encoding="utf-8")
    got, problems = run(project, dlo, fixture)
    found = [p for p in problems if p["code"] == "DLO114"]
    assert [(p["line"], p["column"]) for p in found] == [(4, 7), (23, 12)], problems
    assert {p["severity"] for p in found} == {"error"}
    assert f"the code is left to write: {shown}" in found[0]["message"]
    assert found[1]["message"].endswith(f": {shown}")


def test_the_format_characters_are_unicodes():
    """DLO118 refuses, and the import drops, every format character (category Cf) of the Unicode
    this Python knows (and those Unicode 15 added, unassigned in an older one)."""
    import unicodedata

    from dlo_docs.chars import FORMAT

    format_char = re.compile(FORMAT)
    for code in range(0x110000):
        ch = chr(code)
        category = unicodedata.category(ch)
        if category == "Cf":
            assert format_char.fullmatch(ch), f"U+{code:04X}"
        elif format_char.fullmatch(ch):
            assert category == "Cn", f"U+{code:04X} is {category}"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "clause 1: the kk text ends without punctuation, and the ru text with a semicolon"),
        ("kk", "1-тармақ: kk мәтіні тыныс белгісіз аяқталады, ал ru мәтіні — нүктелі үтірмен"),
        (
            "ru",
            "пункт 1: текст kk заканчивается без знака препинания, а текст ru — точкой с запятой",
        ),
    ],
)
def test_texts_ending_apart_are_said_in_each_language_s_grammar(project, dlo, lang, said):
    """The endings were nouns put into one sentence: "текст на kk заканчивается так: без знака
    препинания, на ru — точка с запятой"; each is now said as the words after "ends"."""
    text = (FIXTURES / "DLO112.failing.yaml").read_text(encoding="utf-8")
    text = text.replace("тағайындалады:'", "тағайындалады'").replace("требованиям.", "требованиям;")
    fixture = project / "DLO112.endings.yaml"
    fixture.write_text(text, encoding="utf-8")
    run(project, dlo, fixture)
    result = dlo("--lang-ui", lang, "check", "regulations/fixture", cwd=project)
    assert said in result.out, result.out


def test_a_text_by_language_missing_one_is_told_to_add_it_not_to_become_a_mapping(project, dlo):
    """A text already written by language ({ru: …} without kk) was told "write it as a
    mapping: {kk: …, ru: …}", which it is; it is told to add the missing language. A plain
    text (the first language only) is still told to become a mapping."""
    text = (FIXTURES / "DLO112.failing.yaml").read_text(encoding="utf-8")
    text = text.replace("        kk: Moodle жүйесін меңгеру;\n", "")
    fixture = project / "DLO112.by_language.yaml"
    fixture.write_text(text, encoding="utf-8")
    _, problems = run(project, dlo, fixture)
    hints = {p["message"]: p.get("hint") for p in problems if p["code"] == "DLO112"}
    assert hints["clause 1 item 2 has no kk text"] == "add its kk text beside the others: kk: …"
    assert hints["clause 1 item 3 has no ru text"] == "write it as a mapping: {kk: …, ru: …}"


def test_a_text_missing_the_only_language_of_a_document_is_an_error(project, dlo):
    """A document of one language (`dlo new --lang ru`) with a text written only in another,
    `title: {kk: Құқықтар}`, checked clean while `render` refused it (DLO030) and `submit` sent
    it for agreement: the rule of a missing language only looked at bilingual documents."""
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    old = "  title: Нормативтік сілтемелер\n"
    assert "languages: [kk]\n" in text and text.count(old) == 1
    path.write_text(text.replace(old, "  title: {ru: Нормативные ссылки}\n"), encoding="utf-8")
    result = dlo("check", "--format", "json", "regulations/dlo-head", cwd=project)
    problems = json.loads(result.out)["problems"]
    [missing] = [p for p in problems if p["code"] == "DLO112"]
    assert result.code == 1 and missing["severity"] == "error", problems
    assert missing["message"] == "chapter 2 title has no kk text", missing
    assert missing["hint"] == "add its kk text beside the others: kk: …"
    assert missing["line"] == text.splitlines().index(old.rstrip()) + 1


def test_a_document_calling_itself_by_another_kind_s_name_is_told_the_whole_words(project, dlo):
    """DLO108's hint named the Russian kind by the word prefixes the rule matches, "call it
    'должностн инструкци' or 'ДИ'"; it names the kind as a text writes it."""
    _, problems = run(project, dlo, FIXTURES / "DLO108.failing.yaml")
    hints = sorted(p["hint"] for p in problems if p["code"] == "DLO108")
    assert hints == [
        "call it 'должностная инструкция' or 'ДИ'",
        "call it 'лауазымдық нұсқаулық' or 'ЛН'",
    ], hints
