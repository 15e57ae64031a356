"""Structure recognition on text, in Kazakh and Russian, and the robustness of the text reader."""

from __future__ import annotations

import pytest
from test_import_support import load_model

from dlo_docs.importer.source import read_text
from dlo_docs.importer.structure import build


def tree(text: str | bytes, lang: str = "ru"):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return build(read_text(raw, "x.txt").lines, "x.txt", lang)


def outline(t) -> list:
    def items(entries):
        return [(i.number, i.text, items(i.items)) for i in entries]

    def clauses(entries):
        return [(c.number, c.text, items(c.items)) for c in entries]

    return [
        (
            ch.number,
            ch.text,
            clauses(ch.clauses),
            [(p.number, p.text, clauses(p.clauses)) for p in ch.paragraphs],
        )
        for ch in t.chapters
    ]


def codes(t) -> list[str]:
    return [p.code for p in t.problems]


RUSSIAN = """Глава 1. Общие положения
§ 1. Назначение
1. Настоящая инструкция определяет обязанности.
2. Начальник обязан:
а) планировать работу;
б) отчитываться.
Параграф 2. Права
3. Начальник вправе:
- запрашивать сведения;
• вносить предложения.
ГЛАВА 2 Ответственность
4. Начальник несёт ответственность:
1) за сроки;
а) отчётов;
б) планов;
2) за качество.
"""


def test_russian_markers():
    t = tree(RUSSIAN)
    assert outline(t) == [
        (
            "1",
            "Общие положения",
            [],
            [
                (
                    "1",
                    "Назначение",
                    [
                        ("1", "Настоящая инструкция определяет обязанности.", []),
                        (
                            "2",
                            "Начальник обязан:",
                            [("а", "планировать работу;", []), ("б", "отчитываться.", [])],
                        ),
                    ],
                ),
                (
                    "2",
                    "Права",
                    [
                        (
                            "3",
                            "Начальник вправе:",
                            [
                                (None, "запрашивать сведения;", []),
                                (None, "вносить предложения.", []),
                            ],
                        )
                    ],
                ),
            ],
        ),
        (
            "2",
            "Ответственность",
            [
                (
                    "4",
                    "Начальник несёт ответственность:",
                    [
                        ("1", "за сроки;", [("а", "отчётов;", []), ("б", "планов;", [])]),
                        ("2", "за качество.", []),
                    ],
                )
            ],
            [],
        ),
    ]
    assert t.problems == []


KAZAKH = """1-тарау. Жалпы ережелер
1. Бөлім бастығы тағайындалады.
2 ТАРАУ Міндеттері
2. Бастық міндетті:
1) жоспарлауға;
2) есеп беруге.
"""


def test_kazakh_markers():
    t = tree(KAZAKH, "kk")
    assert [(c.number, c.text) for c in t.chapters] == [
        ("1", "Жалпы ережелер"),
        ("2", "Міндеттері"),
    ]
    assert [i.text for i in t.chapters[1].clauses[0].items] == ["жоспарлауға;", "есеп беруге."]


def test_capitals_headings_and_dotted_clauses():
    text = """1. ОБЩИЕ ПОЛОЖЕНИЯ
1.1. Инструкция определяет обязанности.
1.2 Начальник подчиняется директору.
2. ОБЯЗАННОСТИ
2.1. Начальник обязан:
2.1.1. планировать;
2.1.2. отчитываться.
"""
    t = tree(text)
    assert outline(t) == [
        (
            "1",
            "ОБЩИЕ ПОЛОЖЕНИЯ",
            [
                ("1.1", "Инструкция определяет обязанности.", []),
                ("1.2", "Начальник подчиняется директору.", []),
            ],
            [],
        ),
        (
            "2",
            "ОБЯЗАННОСТИ",
            [
                (
                    "2.1",
                    "Начальник обязан:",
                    [("2.1.1", "планировать;", []), ("2.1.2", "отчитываться.", [])],
                )
            ],
            [],
        ),
    ]
    assert t.problems == []


def test_unnumbered_capital_headings():
    t = tree("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ\nОБЩИЕ ПОЛОЖЕНИЯ\n1. Текст.\nПРАВА\n2. Текст два.\n")
    assert [c.text for c in t.chapters] == ["ОБЩИЕ ПОЛОЖЕНИЯ", "ПРАВА"]
    assert codes(t) == ["DLO505"]  # the line before the first chapter (a title) is reported


def test_messy_input_bom_crlf_nbsp_tabs_leading_spaces_and_empty_lines():
    raw = (
        "\ufeff  Глава\u00a01.\tОбщие положения\r\n"
        "\r\n"
        "   1.\u00a0Начальник обязан:\r\n"
        "\r\n"
        "\t1)\u00a0\u00a0планировать\u00a0работу;  \r\n"
        "\r\n"
        "\r\n"
        "  2)   отчитываться\u200b.\r\n"
    ).encode("utf-8")
    t = tree(raw)
    assert outline(t) == [
        (
            "1",
            "Общие положения",
            [
                (
                    "1",
                    "Начальник обязан:",
                    [("1", "планировать\u00a0работу;", []), ("2", "отчитываться.", [])],
                )
            ],
            [],
        )
    ]
    assert t.problems == []


def test_every_format_character_of_a_source_is_dropped():
    """A format character (Unicode Cf) prints as nothing and `dlo check` refuses it (DLO118):
    the import drops each, not only the zero-width ones, so an imported text checks clean."""
    hidden = "\u2062\u180e\U000e0041\u2064\ufff9\u206a\u0605"
    raw = f"Глава 1. Общие{hidden[0]} положения\n1. Начальник{hidden} обязан{hidden[2]}.\n"
    t = tree(raw.encode("utf-8"))
    assert outline(t) == [("1", "Общие положения", [("1", "Начальник обязан.", [])], [])]


def test_report_gap_repeat_step_back_lone_number_and_unstructured_text():
    text = """Глава 1. Общие
1. Первый.
2. Второй.
4. Четвёртый.
4. Ещё четвёртый.
3. Третий?
7.
Седьмой на следующей строке.
Строка без номера.
Глава 3. Третья глава
8. Восьмой:
1) раз;
3) три.
"""
    t = tree(text)
    found = [(p.code, p.location.line) for p in t.problems]
    assert ("DLO503", 4) in found  # 3 is missing
    assert ("DLO501", 5) in found  # 4 repeats
    assert ("DLO503", 6) in found  # 3 goes back
    assert ("DLO502", 7) in found  # "7." alone
    assert ("DLO504", 9) in found  # joined to clause 6
    assert ("DLO503", 10) in found  # chapter 2 is missing
    assert ("DLO503", 13) in found  # item 2 is missing
    messages = " ".join(p.message for p in t.problems)
    assert "skips 3" in messages and "goes back" in messages and '"7." stands alone' in messages
    clause6 = t.chapters[0].clauses[5]
    assert (clause6.number, clause6.text) == (
        "7",
        "Седьмой на следующей строке. Строка без номера.",
    )


def test_text_before_any_chapter_and_items_outside_clauses():
    t = tree("1. Пункт без главы.\n2. Второй.\n")
    assert [c.text for c in t.chapters] == ["Общие положения"]
    assert "DLO504" in codes(t)
    t = tree("Глава 1. Х\n1) пункт списка без пункта.\n")
    assert t.chapters[0].clauses[0].text == "пункт списка без пункта."
    assert "DLO504" in codes(t)


# -- registry entries --------------------------------------------------------------------------

NEW_ENTRIES = """Глава 1. Общие положения
1. Настоящая должностная инструкция определяет обязанности начальника отдела дистанционного обучения.
2. Начальник отдела дистанционного обучения подчиняется директору института непрерывного образования.
Глава 2. Нормативные ссылки
3. Инструкция разработана в соответствии с:
1) Трудовой кодекс Республики Казахстан от 23 ноября 2015 года № 414-V;
2) СО 099-2023 Стандарт организации. Электронное обучение;
3) Приказ Министра просвещения от 5 мая 2021 года № 210 «О дистанционном обучении».
Глава 3. Сокращения
4. В инструкции применяются сокращения:
1) РК – Республика Казахстан;
2) ЭО – электронное обучение;
3) СДО — система дистанционного обучения.
Глава 4. Согласование
5. Настоящая ДИ согласовывается с проректором по академическим вопросам и начальником отдела управления персоналом.
6. Должностная инструкция утверждается приказом Председателя Правления – Ректора.
"""


def _registry_entries(project) -> str:
    return (project / "regulations" / "registry.yaml").read_text(encoding="utf-8")


def test_proposed_entries_are_printed_and_refs_left_out(project, dlo, tmp_path):
    (tmp_path / "ru.txt").write_text(NEW_ENTRIES, encoding="utf-8")
    before = _registry_entries(project)
    result = dlo("import", tmp_path / "ru.txt", "--id", "ru-new", cwd=project)
    assert result.code == 0, result.err
    assert _registry_entries(project) == before
    out = result.out
    assert "# proposed registry entries" in out
    assert "code: СО 099-2023" in out and "ru: Стандарт организации. Электронное обучение" in out
    assert "number: '210'" in out and "date: 2021-05-05" in out
    assert "short: {ru: ЭО}" in out and "short: {ru: СДО}" in out
    assert "РК" not in out.split("# proposed registry entries")[1]  # known: matched, not proposed
    model = load_model(project, "ru-new")
    refs = [i.ref for i in model.chapters[1].clauses[0].items] + [
        i.ref for i in model.chapters[2].clauses[0].items
    ]
    assert refs == ["labour-code", None, None, "kr", None, None]
    assert (
        model.position == "dlo-head"
        and model.languages == ["ru"]
        and model.kind == "job_instruction"
    )
    assert model.agreement.approvers == ["vp-academic", "hr-head"]
    assert model.approval.by == "rector"
    assert "DLO510" in result.err and "confirm the approvers" in result.err
    assert [c.states for c in model.chapters[3].clauses] == ["approvers", "approval"]
    assert model.chapters[0].clauses[1].states == "reports_to"


def test_update_registry_adds_entries_keeps_comments_and_links_refs(project, dlo, tmp_path):
    (tmp_path / "ru.txt").write_text(NEW_ENTRIES, encoding="utf-8")
    before = _registry_entries(project)
    args = ("--id", "ru-new", "--code", "ДИ 12-2024", "--update-registry")
    result = dlo("import", tmp_path / "ru.txt", *args, cwd=project)
    assert result.code == 0, result.err
    after = _registry_entries(project)
    assert "wrote regulations/registry.yaml" in result.out
    assert "added to the registry: abbreviations: eo" in result.out
    # every comment line of the registry is still there, and the old text is untouched up to the additions
    assert [line for line in before.splitlines() if line.lstrip().startswith("#")] == [
        line for line in after.splitlines() if line.lstrip().startswith("#")
    ]
    assert after.startswith(before.split("normative_documents:")[0])
    model = load_model(project, "ru-new")
    refs = [i.ref for i in model.chapters[1].clauses[0].items] + [
        i.ref for i in model.chapters[2].clauses[0].items
    ]
    assert refs == ["labour-code", "so-099-2023", refs[2], "kr", "eo", "sdo"]
    assert refs[2] is not None
    assert dlo("check", cwd=project).code == 0
    # importing again proposes nothing new
    result = dlo("import", tmp_path / "ru.txt", *args, "--force", cwd=project)
    assert result.code == 0, result.err
    assert "added to the registry" not in result.out and _registry_entries(project) == after


UNKNOWN_APPROVERS = """1 тарау. Жалпы ережелер
1. Қашықтықтан оқыту бөлімінің бастығы әкімшілік-басқарушы персонал санатына жатады.
2. Қашықтықтан оқыту бөлімінің бастығы үздіксіз білім беру институтының директорына бағынады.
2 тарау. Келісу
3. Осы ЛН оқу-әдістемелік орталығының директорымен және персоналды басқару бөлімінің бастығымен келісіледі.
4. Лауазымдық нұсқаулық Басқарма Төрағасы – Ректорының бұйрығымен бекітіледі.
"""


def test_unknown_approvers_are_proposed_as_positions(project, dlo, tmp_path):
    (tmp_path / "kk.txt").write_text(UNKNOWN_APPROVERS, encoding="utf-8")
    result = dlo("import", tmp_path / "kk.txt", "--id", "kk-new", cwd=project)
    assert result.code == 0, result.err
    assert "positions:" in result.out and "kk: Оқу-әдістемелік орталығының директоры" in result.out
    assert (
        "names an approver the registry does not know: 'Оқу-әдістемелік орталығының директоры'"
        in result.err
    )
    assert load_model(project, "kk-new").agreement.approvers == [
        "hr-head"
    ]  # known ones only, file stays valid
    args = ("--id", "kk-new", "--code", "ЛН ҮББИ 02-2024", "--force", "--update-registry")
    result = dlo("import", tmp_path / "kk.txt", *args, cwd=project)
    assert result.code == 0, result.err
    assert "added to the registry: positions: oqu-adistemelik-ortalygynyn-direktory" in result.out
    model = load_model(project, "kk-new")
    assert model.agreement.approvers == ["oqu-adistemelik-ortalygynyn-direktory", "hr-head"]
    check = dlo("check", "regulations/kk-new", cwd=project)
    assert (
        check.code == 0 and "DLO101" not in check.out
    )  # the new mention makes text and data agree


SUBJECT = """1. Общие положения
1.1. Начальник отдела управления персоналом назначается на должность приказом ректора.
1.2. Начальник отдела управления персоналом освобождается от должности приказом ректора.
2. Должностные обязанности
2.1. Начальник отдела управления персоналом организует кадровый учёт.
2.2. Настоящая инструкция утверждается приказом ректора.
"""


def test_the_position_is_the_subject_not_the_official_whose_order_is_cited(project, dlo, tmp_path):
    """ "назначается приказом ректора" cites the rector's order three times: the rector is not
    whom the instruction is about. Named only so, he is no position for it at all."""
    (tmp_path / "hr.txt").write_text(SUBJECT, encoding="utf-8")
    result = dlo("import", tmp_path / "hr.txt", "--id", "hr-new", cwd=project)
    assert result.code == 0, result.err
    assert "position: hr-head" in result.err
    assert load_model(project, "hr-new").position == "hr-head"
    # the subject not in the registry: no guess from the orders it cites, an error and no file
    other = SUBJECT.replace("Начальник отдела управления персоналом", "Заведующий складом")
    (tmp_path / "store.txt").write_text(other, encoding="utf-8")
    result = dlo("import", tmp_path / "store.txt", "--id", "store", cwd=project)
    assert result.code == 2, result.err
    assert "cannot tell which position this job instruction describes" in result.err
    assert "store.txt" in result.err and "--position" in result.err
    assert not (project / "regulations" / "store").exists()


TITLED = """УТВЕРЖДЕНО
приказом Председателя Правления – Ректора
от 15.03.2024 № 45
ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ
проректора по академическим вопросам
1. Общие положения
1.1. Проректор по академическим вопросам подчиняется Ректору.
2. Должностные обязанности
2.1. Представляет Ректору отчёты о работе.
2.2. Выполняет поручения Ректора.
2.3. Контролирует исполнение решений, принятых Ректором.
"""


def test_the_position_is_the_one_the_title_names(project, dlo, tmp_path):
    """The title says whose instruction it is, however often the clauses name his superior;
    the rector of the approval block above it is who approved it, not the subject."""
    (tmp_path / "vp.txt").write_text(TITLED, encoding="utf-8")
    result = dlo("import", tmp_path / "vp.txt", "--id", "vp-new", cwd=project)
    assert result.code == 0, result.err
    assert "position: vp-academic (the position the title names)" in result.err
    assert load_model(project, "vp-new").position == "vp-academic"


@pytest.mark.parametrize(
    "name",
    ["deputy.ru.txt", "deputy.ru.final.txt", "deputy.ru.lo.txt", "deputy.ru (1).txt", "deputy.txt"],
)
def test_the_id_from_the_file_name_leaves_out_the_language_and_what_follows_it(
    project, dlo, tmp_path, name
):
    """A file the clerk named «deputy.ru.final.docx» (or «deputy.ru (1).docx», Windows's second
    download) is the regulation «deputy» in Russian: the language mark and what follows it are
    not part of its id."""
    (tmp_path / name).write_text(NEW_ENTRIES, encoding="utf-8")
    result = dlo("import", tmp_path / name, cwd=project)
    assert result.code == 0, result.err
    assert (project / "regulations" / "deputy" / "regulation.yaml").is_file(), result.err
