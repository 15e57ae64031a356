"""A position a clause names in the plural, a group ("деканами факультетов", "бөлім
бастықтарымен", MNU's "Директорами (Деканами) Высших школ"), whose members the source's agreement
sheet signs on rows of their own: a position per row (its title the sheet's), approvers where the clause
names the group, in the sheet's order, said at the sheet (DLO510); with no such rows, as before.
The registry is the bundled one; MNU's instruction (another organisation's) is in
test_import_corpus."""

from __future__ import annotations

import pytest
from test_import_corpus import CORPUS, needs_corpus
from test_import_signed import KK_COLUMNS, RU_BODY
from test_import_support import load_model

from dlo_docs.importer import groups
from dlo_docs.project import Project

DEANS = ["Декан факультета права", "Декан факультета экономики"]


def _ru(whom: str, rows: list[str]) -> str:
    said = f"3.1. Настоящая инструкция согласовывается с {whom}.\n3.2. Настоящая"
    sheet = "".join(f"{row}\t______\t{name}\n" for row, name in zip(rows, NAMES, strict=False))
    return RU_BODY.replace("3.1. Настоящая", said) + "\nЛИСТ СОГЛАСОВАНИЯ\n" + sheet


NAMES = ["А. Б. Ким", "В. Г. Ли", "Д. Е. Пак", "Ж. З. Ан"]
RU_ROWS = ["Проректор по академическим вопросам", *DEANS]
RU_DEANS = _ru("проректором по академическим вопросам и деканами факультетов", RU_ROWS)


def _import(project, dlo, tmp_path, text: str, *extra: str):
    source = tmp_path / "source.txt"
    source.write_text(text, encoding="utf-8")
    result = dlo("import", source, "--id", "got", *extra, cwd=project)
    assert result.code == 0, result.err
    return load_model(project, "got"), result.err


def test_each_dean_the_sheet_signs_for_is_an_approver(project, dlo, tmp_path):
    model, err = _import(project, dlo, tmp_path, RU_DEANS, "--update-registry")
    assert model.agreement.approvers == [
        "vp-academic",
        "dekan-fakulteta-prava",
        "dekan-fakulteta-ekonomiki",
    ]
    line = RU_DEANS.splitlines().index("ЛИСТ СОГЛАСОВАНИЯ") + 1
    assert (
        f"source.txt:{line}:1: warning DLO510: clause 3.1 names a group, «деканами факультетов», "
        "whose members sign the source's agreement sheet on rows of their own (Декан факультета "
        "права; Декан факультета экономики): proposed as a position each (dekan-fakulteta-prava, "
        "dekan-fakulteta-ekonomiki), approvers in the sheet's order"
    ) in err
    assert "does not name" not in err and "does not:" not in err
    registry = Project(project).load([]).registry
    dean = registry.position("dekan-fakulteta-prava")
    assert dean.title == {"ru": "Декан факультета права"} and dean.holder == {"ru": "В. Г. Ли"}
    assert "деканами факультетов" in dean.mentions_in("ru")  # the clause names each of them
    check = dlo("check", "regulations/got/regulation.yaml", cwd=project)
    assert "DLO101" not in check.out, check.out


def test_without_update_registry_the_deans_are_proposed_not_added(project, dlo, tmp_path):
    """As an unknown approver the clause names: proposed, the route the registry's."""
    model, err = _import(project, dlo, tmp_path, RU_DEANS)
    assert model.agreement.approvers == ["vp-academic"]
    assert "rows of their own" in err and "or import with --update-registry" in err
    assert "whom clause 3.1 does not name" not in err


@pytest.mark.parametrize(
    ("whom", "rows"),
    [
        # one row of the group: nothing says the clause's group is more than that one
        ("проректором по академическим вопросам и деканами факультетов", RU_ROWS[:2]),
        # the clause names one dean, in the singular: the sheet's two rows are no group
        ("проректором по академическим вопросам и деканом факультета", RU_ROWS),
    ],
    ids=["one-row", "singular"],
)
def test_no_group_no_position_per_row(project, dlo, tmp_path, whom, rows):
    model, err = _import(project, dlo, tmp_path, _ru(whom, rows), "--update-registry")
    assert "rows of their own" not in err
    assert "dekan-fakulteta-ekonomiki" not in model.agreement.approvers


KK_BODY = KK_COLUMNS.split("\n\n", 1)[1].replace(
    "4. Осы лауазымдық нұсқаулық бекітілген",
    "4. Осы лауазымдық нұсқаулық академиялық мәселелер жөніндегі проректормен және бөлім "
    "бастықтарымен келісіледі.\n5. Осы лауазымдық нұсқаулық бекітілген",
)
KK_SHEET = (
    "\nКЕЛІСУ ПАРАҒЫ\nАкадемиялық мәселелер жөніндегі проректор\t____\tА. Б. Ким\n"
    "Қаржы бөлімінің бастығы\t____\tВ. Г. Ли\nШаруашылық бөлімінің бастығы\t____\tД. Е. Пак\n"
)


def test_a_kazakh_group_of_heads_of_departments(project, dlo, tmp_path):
    model, err = _import(project, dlo, tmp_path, KK_BODY + KK_SHEET, "--update-registry")
    assert model.agreement.approvers == [
        "vp-academic",
        "qarzhy-boliminin-bastygy",
        "sharuashylyq-boliminin-bastygy",
    ]
    assert "clause 4 names a group, «бөлім бастықтарымен», whose members sign the" in err
    check = dlo("check", "regulations/got/regulation.yaml", cwd=project)
    assert "DLO101" not in check.out, check.out


FOREIGN_KK = """«Алтын Дала» жауапкершілігі шектеулі серіктестігі
ЗАҢГЕРДІҢ ЛАУАЗЫМДЫҚ НҰСҚАУЛЫҒЫ

1. Жалпы ережелер
1.1. Заңгер «Алтын Дала» жауапкершілігі шектеулі серіктестігінің қызметкері болып табылады.
1.2. Заңгер шарттарды тексереді.
2. Қорытынды ережелер
2.1. Осы лауазымдық нұсқаулық мыналармен келісіледі:
2.1.1. Бас бухгалтермен;
2.1.2. Бөлім бастықтарымен.
"""


def test_another_organisation_s_group_in_a_kazakh_list(project, dlo, tmp_path):
    model, err = _import(project, dlo, tmp_path, FOREIGN_KK + KK_SHEET, "--update-registry")
    registry = Project(project).load([]).registry
    titles = [registry.position(i).title["kk"] for i in model.agreement.approvers]
    assert titles == ["Бас бухгалтер", "Қаржы бөлімінің бастығы", "Шаруашылық бөлімінің бастығы"]
    assert "clause 2.1 names a group, «Бөлім бастықтарымен», whose members sign the" in err


@needs_corpus
def test_mnus_group_with_one_school_on_its_sheet_stays_one_position(project, dlo, tmp_path):
    """MNU's sheet with one school's row left: the group clause 8.1 names stays one position,
    whom the assistant reports to (clause 3.4), as before."""
    text = (CORPUS / "mnu-research-assistant.ru.txt").read_text(encoding="utf-8")
    kept = [
        line
        for line in text.splitlines()
        if not line.startswith("Директор (Декан) ВШ ") or "ВШ Права" in line
    ]
    model, err = _import(project, dlo, tmp_path, "\n".join(kept) + "\n", "--update-registry")
    assert "rows of their own" not in err
    assert model.agreement.approvers[1] == "direktor-dekan-vysshikh-shkol"
    assert "reports_to proposed from the text: direktor-dekan-vysshikh-shkol" in err


@pytest.mark.parametrize(
    ("word", "lang", "plural"),
    [
        ("Директорами", "ru", True),
        ("руководителями", "ru", True),
        ("директором", "ru", False),
        ("подразделениями", "ru", False),  # no official's word
        ("бастықтарымен", "kk", True),
        ("басшыларымен", "kk", True),
        ("бастығымен", "kk", False),
    ],
)
def test_a_group_is_named_by_its_head_word_in_the_plural(word, lang, plural):
    assert groups.plural(word, lang) is plural


def test_the_groups_an_agreement_clause_names():
    assert groups.in_text(
        "Настоящая инструкция согласовывается с проректором и деканами факультетов.", "ru"
    ) == ["деканами факультетов"]
    assert groups.in_text(
        "Осы нұсқаулық проректормен және бөлім бастықтарымен келісіледі.", "kk"
    ) == ["бөлім бастықтарымен"]
