"""The rule engine and `dlo check` around it: rule listing, silences and their scope, output
formats, and the helpers the rules share."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dlo_docs import lint
from dlo_docs.errors import Location, Problem
from dlo_docs.lint import output
from dlo_docs.lint.citations import codes
from dlo_docs.lint.repetition import repeats
from dlo_docs.lint.spacing import problems_in
from dlo_docs.lint.view import is_abbreviation

SEED = "regulations/dlo-head/regulation.yaml"


def test_rules_are_complete_and_unique():
    found = lint.rules()
    codes_ = [r.code for r in found]
    assert codes_ == sorted(set(codes_))
    assert {f"DLO{n}" for n in range(101, 114)} <= set(codes_)
    for rule in found:
        assert rule.code.startswith("DLO1") and rule.severity in ("error", "warning")
        assert rule.description and "\n" not in rule.description


def test_every_rule_module_is_listed():
    """Rules are listed by hand (no discovery at run time): a module with a RULE that the list
    leaves out would never run."""
    import importlib
    import pkgutil

    modules = [
        importlib.import_module(f"dlo_docs.lint.{m.name}")
        for m in pkgutil.iter_modules(lint.__path__)
    ]
    defined = {m.RULE.code for m in modules if hasattr(m, "RULE")}
    assert defined == {r.code for r in lint.rules()}


def test_the_reference_lists_every_rule_by_code_and_name():
    """The reference's (docs/cli.md) table under "lint" has a row for each rule (code, name), and its summary
    of the codes names the first and the last: a rule added without its documentation fails."""
    from conftest import REPO

    readme = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| (DLO1\d\d) \| ([\w-]+) \|", readme, re.MULTILINE)
    assert listed == [(r.code, r.name) for r in lint.listing()]
    codes_ = [r.code for r in lint.listing()]
    assert f"Lint rules: {codes_[0]}–{codes_[-1]}," in readme


def test_rules_read_the_projects_label_set(project, dlo):
    """A sub-item stored as "а)" agrees with the bundled Kazakh letters (the DLO111 clean
    fixture); a project whose own label set letters sub-items in Latin gets DLO111 for it."""
    fixture = Path(__file__).resolve().parent / "fixtures" / "lint" / "DLO111.clean.yaml"
    target = project / "regulations" / "fixture" / "regulation.yaml"
    target.parent.mkdir(parents=True)
    text = fixture.read_text(encoding="utf-8")
    assert "\nid: fixture\n" in text and "source_number: а)" in text
    target.write_text(text, encoding="utf-8")
    kk = project / "templates" / "labels" / "kk.yaml"
    labels = kk.read_text(encoding="utf-8")
    assert "subitem_letters: абвгдежзиклмнопрстуфхцчшщэюя\n" in labels
    kk.write_text(
        labels.replace(
            "subitem_letters: абвгдежзиклмнопрстуфхцчшщэюя", "subitem_letters: abcdefghij"
        ),
        encoding="utf-8",
    )
    result = dlo("check", "regulations/fixture", cwd=project)
    assert "DLO111" in result.out and "'а)'" in result.out, result.out


def test_list_rules_needs_no_project(tmp_path, dlo):
    result = dlo("check", "--list-rules", cwd=tmp_path)
    assert result.code == 0
    lines = result.out.splitlines()
    assert [line.split()[0] for line in lines] == [r.code for r in lint.listing()]
    assert lines[0].split()[:3] == ["DLO100", "error", "silence"]
    assert any(line.split()[:3] == ["DLO106", "warning", "repetition"] for line in lines)


def _seed_with(project, old: str, new: str) -> str:
    path = project / SEED
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text


def test_a_silence_covers_its_element_and_what_it_contains(project, dlo):
    before = dlo("check", cwd=project).out
    assert "DLO106" in before and "DLO109" in before
    # on clause 11 (the rights clause): silences the repetition in its item 1
    _seed_with(
        project,
        "    - id: rights\n",
        "    - id: rights\n      silence:\n      - rule: DLO106\n"
        "        reason: quoted from the signed original\n",
    )
    after = dlo("check", cwd=project)
    assert "DLO106" not in after.out and "DLO100" not in after.out
    assert after.out.count("\n") == before.count("\n") - 1


def test_a_silence_does_not_reach_siblings(project, dlo):
    # on clause 17: the DLO109 is in clause 18, which this silence does not cover
    _seed_with(
        project,
        "  - id: approvers\n",
        "  - id: approvers\n    silence:\n    - rule: DLO109\n      reason: wrongly placed\n",
    )
    result = dlo("check", cwd=project)
    assert "DLO109: 'кіріспеде'" in result.out
    assert "warning DLO100: silence of DLO109 silences nothing here" in result.out


def test_a_silence_on_the_regulation_covers_the_whole_file(project, dlo):
    _seed_with(
        project,
        "chapters:\n- id: scope\n",
        "silence:\n- rule: DLO113\n  reason: spacing is fixed on "
        "import of the next edition\nchapters:\n- id: scope\n",
    )
    result = dlo("check", cwd=project)
    assert "DLO113" not in result.out and "DLO100" not in result.out


def test_a_silence_without_reason_is_an_error_and_silences_nothing(project, dlo):
    text = _seed_with(
        project, "chapters:\n- id: scope\n", "silence:\n- rule: DLO113\nchapters:\n- id: scope\n"
    )
    line = text.splitlines().index("chapters:") + 2
    result = dlo("check", cwd=project)
    assert result.code == 1
    assert f"{SEED}:{line}:3: error DLO100: silence of DLO113 gives no reason" in result.out
    assert "DLO113: 6 spaces in a row" in result.out


SILENCED_CODE = (
    "silence:\n- rule: DLO114\n  reason: the code is given by the office after approval\n"
)


def test_an_error_cannot_be_silenced(project, dlo):
    """A placeholder code silenced went for agreement, was approved and published "Коды: [[ЛН
    ?]]": an error means the document cannot be approved as it is, and stays one silenced; the
    silence of a rule that reports only errors is itself an error, at its entry."""
    text = _seed_with(
        project,
        "code: ЛН ҮББИ 01-2024\n",
        "code: '[[ЛН ?]]'\n",
    )
    _seed_with(project, "chapters:\n- id: scope\n", SILENCED_CODE + "chapters:\n- id: scope\n")
    line = text.splitlines().index("chapters:") + 2
    result = dlo("check", cwd=project)
    assert result.code == 1
    assert "error DLO114: the code is left to write: [[ЛН ?]]" in result.out, result.out
    assert (
        f"{SEED}:{line}:3: error DLO100: silence of DLO114: its problems are errors" in result.out
    )
    assert "(hint: remove the silence and fix the text" in result.out


def test_a_silence_of_a_rule_of_errors_and_warnings_silences_its_warnings_only(project, dlo):
    """DLO112 warns of versions that differ and errs on a text missing in a language: silenced,
    the warnings go, the error stays and the silence is an error naming its line."""
    _seed_with(project, "languages: [kk]\n", "languages: [kk, ru]\n")
    _seed_with(
        project,
        "  - id: purpose\n",
        "  - id: purpose\n    silence:\n    - rule: DLO112\n      reason: translated later\n",
    )
    result = dlo("check", "--format", "json", cwd=project)
    found = json.loads(result.out)["problems"]
    missing = [p for p in found if p["code"] == "DLO112" and p["severity"] == "error"]
    assert missing and result.code == 1
    [silence] = [p for p in found if p["code"] == "DLO100"]
    assert silence["severity"] == "error"
    first = min(p["line"] for p in missing if p["line"] > silence["line"])  # the clause's
    assert f"cannot silence the error at line {first}" in silence["message"], silence


def test_a_silence_of_a_rule_of_errors_and_warnings_silences_a_warning(project, dlo):
    """DLO101 only warns of a stating clause that names no position: that is silenced."""
    _seed_with(
        project,
        "      Лауазымдық нұсқаулық ҚӨУ Басқарма Төрағасының – Ректорының бұйрығымен бекітіледі.",
        "      Лауазымдық нұсқаулық бұйрықпен бекітіледі.",
    )
    before = dlo("check", cwd=project).out
    assert "warning DLO101: clause 19 (kk) states approval" in before, before
    _seed_with(
        project,
        "  - id: approval\n",
        "  - id: approval\n    silence:\n    - rule: DLO101\n      reason: as signed\n",
    )
    result = dlo("check", cwd=project)
    assert "DLO101: clause 19" not in result.out and "DLO100" not in result.out, result.out
    assert result.out.count("\n") == before.count("\n") - 1


def test_silencing_an_unknown_rule_is_an_error(project, dlo):
    _seed_with(
        project,
        "chapters:\n- id: scope\n",
        "silence:\n- rule: DLO198\n  reason: x\nchapters:\n- id: scope\n",
    )
    result = dlo("check", cwd=project)
    assert result.code == 1 and "error DLO100: silence names an unknown rule DLO198" in result.out


def test_a_silence_with_a_malformed_code_is_a_schema_error(project, dlo):
    _seed_with(
        project,
        "chapters:\n- id: scope\n",
        "silence:\n- rule: W105\n  reason: x\nchapters:\n- id: scope\n",
    )
    result = dlo("check", cwd=project)
    assert result.code == 1 and "error DLO013: silence, entry 1, rule" in result.out


def test_strict_fails_on_the_seeds_warnings(project, dlo):
    assert dlo("check", cwd=project).code == 0
    assert dlo("check", "--strict", cwd=project).code == 1


def test_format_github(project, dlo):
    result = dlo("check", "--format", "github", cwd=project)
    lines = result.out.splitlines()
    assert lines and all(
        line.startswith("::warning file=regulations/dlo-head/regulation.yaml,line=")
        for line in lines
    )
    assert any(",title=DLO109::'кіріспеде' refers to an introduction" in line for line in lines)
    problem = Problem(Location("a,b:c.yaml", 3, 4), "error", "DLO106", "50% done\nnext", "x")
    assert (
        output.github(problem)
        == "::error file=a%2Cb%3Ac.yaml,line=3,col=4,title=DLO106::50%25 done%0Anext (hint: x)"
    )


def test_format_json_counts(project, dlo):
    data = json.loads(dlo("check", "--format", "json", cwd=project).out)
    assert data["errors"] == 0 and data["warnings"] == len(data["problems"]) > 0
    assert {p["code"] for p in data["problems"]} >= {
        "DLO102",
        "DLO106",
        "DLO107",
        "DLO108",
        "DLO109",
    }


def test_a_heading_in_capitals_is_not_abbreviations(project, dlo):
    _seed_with(project, "title: Нормативтік сілтемелер\n", "title: НОРМАТИВТІК СІЛТЕМЕЛЕР\n")
    result = dlo("check", cwd=project)
    assert "НОРМАТИВТІК" not in result.out and "DLO110" not in result.out


def test_rules_run_only_on_valid_documents(project, dlo):
    _seed_with(project, "unit: dlo\n", "unit: nowhere\n")
    result = dlo("check", cwd=project)
    assert result.code == 1 and "DLO020" in result.out and "DLO1" not in result.out


# -- helpers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token, expected",
    [
        ("ҚӨУ", True),
        ("ҚР", True),
        ("ҰС", True),
        ("ҮББИ", True),
        ("ҚОжБББ", True),
        ("КеАҚ", True),
        ("ҚОжҚБББ", True),
        ("ПОҚ", True),
        ("ДИ", True),
        ("Университет", False),
        ("Е", False),
        ("IT", False),
        ("Moodle", False),
        ("ж", False),
        ("ХХІ", False),
        ("ІІ", False),
        ("ІТ", True),
    ],
)
def test_abbreviation_tokens(token, expected):
    assert is_abbreviation(token) is expected


@pytest.mark.parametrize(
    "text, found",
    [
        ("сайлануға және сайлануға;", ["сайлануға"]),
        ("the the cat", ["the"]),
        ("оқу процесі мен оқу процесі.", ["оқу процесі"]),
        ("право и право, и обязанность", ["право"]),
        ("жоғары немесе жоғары оқу орнынан кейінгі", []),
        ("ҚӨУ, ҚӨУ, Университет", []),
        ("бірте-бірте", []),
        ("сайлау және сайлануға", []),
    ],
)
def test_repeats(text, found):
    assert [text[offset:end] for _, offset, end in repeats(text)] == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("ҰС 064-2022.Ұйым", [("ҰС", "064-2022")]),
        ("сәйкес ҚП 082-2022 бойынша", [("ҚП", "082-2022")]),
        ("ISO 9001:2015", [("ISO", "9001:2015")]),
        ("ГОСТ Р 7.0.97-2016", [("Р", "7.0.97-2016")]),
        ("№ 414-V Еңбек кодексі, 03.10.2023 ж.", []),
        ("ҚР 2015-2020 жылдарға", []),
    ],
)
def test_document_codes(text, found):
    assert [(prefix[-1], number) for _, prefix, number in codes(text)] == found


@pytest.mark.parametrize(
    "text, count",
    [
        ("ҰС 064-2022.Ұйым", 1),
        ("a  b", 1),
        ("сөз ,", 1),
        ("бастығы,оның", 1),
        ("Д.Е. Ахметов", 0),
        ("т.б. және", 0),
        ("20.03.2015 ж.", 0),
        ("1,5 есе", 0),
        ("9001:2015", 0),
        ("https://x.kz", 0),
    ],
)
def test_spacing(text, count):
    assert len(list(problems_in(text))) == count


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("әлеуметтiк әрiптестiк", [(8, "әлеуметтiк", "i"), (13, "әрiптестiк", "i")]),
        ("Pектор және прoрeктoр", [(0, "Pектор", "P"), (14, "прoрeктoр", "oe")]),
        ("Moodle, Moodleда, IT-бөлім, e-mail, ISO 9001, Wi-Fi", []),  # Latin words, endings
        ("бөлімz", []),  # a Latin letter no Cyrillic one looks like: not a lookalike
        ("", []),
    ],
)
def test_mixed_script_finds_lookalikes_inside_cyrillic_words_only(text, found):
    from dlo_docs.lint.mixed_script import mixed

    assert list(mixed(text)) == found


def test_a_text_left_to_write_is_placed_where_it_starts_in_the_text():
    """Found as printed (without the invisible characters), placed in the text as written."""
    from dlo_docs.unwritten import unwritten

    text = "жоспар\u00adлау [[ЛН ?]\u200b] және ］］"
    assert [(u.start, u.end, u.shown) for u in unwritten(text)] == [
        (11, 20, "[[ЛН ?]]"),
        (26, 28, "]]"),
    ]
