"""Acknowledgements: who has read the edition in force (journal events), the acquaintance sheet,
``dlo list --unacknowledged``, a new round with a new edition."""

from __future__ import annotations

import datetime as dt
import json

import docx
import pytest
from conftest import organisation_today
from desk_support import new_clean, ok, take_route

ROUTE = ["ubbi-director", "vp-academic"]
STAFF = {  # positions of the unit dlo besides its head, each with a holder
    "dlo-methodist": ("Әдіскер", "Методист", "Ә. Б. Нұрланова"),
    "dlo-engineer": ("Инженер", "Инженер", "Б. В. Серіков"),
    "dlo-specialist": ("Маман", "Специалист", "В. Г. Оспанова"),
    "dlo-operator": ("Оператор", "Оператор", "Г. Д. Ермеков"),
}
TODAY = organisation_today()
NB = "\u00a0"  # the forms tie initials and surname (render/nobreak.py): read as a space


def add_staff(project) -> None:
    path = project / "regulations" / "registry.yaml"
    text = path.read_text(encoding="utf-8")
    block = "".join(
        f"- id: {pid}\n  title:\n    kk: {kk}\n    ru: {ru}\n  unit: dlo\n  reports_to: dlo-head\n"
        f"  holder:\n    kk: {name}\n    ru: {name}\n"
        for pid, (kk, ru, name) in STAFF.items()
    )
    at = text.index("\nnormative_documents:")
    path.write_text(text[:at] + "\n" + block + text[at:], encoding="utf-8")


@pytest.fixture
def in_force(project, dlo):
    """A unit regulation of dlo in force, whose five holders have to read it."""
    add_staff(project)
    new_clean(dlo, project, "dlo-unit", "--kind", "unit_regulation", "--unit", "dlo")
    take_route(dlo, project, "dlo-unit", "approved", ROUTE)
    return project


def journal(project) -> str:
    return (project / "regulations/dlo-unit/journal.yaml").read_text(encoding="utf-8")


def unacknowledged(dlo, project) -> dict:
    result = ok(dlo, project, "list", "--unacknowledged", "--format", "json")
    return {r["id"]: r for r in json.loads(result.out)["regulations"]}


def test_holders_acknowledge_and_the_rest_are_listed(in_force, dlo):
    result = ok(
        dlo,
        in_force,
        "acknowledge",
        "dlo-unit",
        "--holder",
        "dlo-head",
        "--holder",
        "dlo-methodist",
    )
    assert "М. Р. Бекова (Қашықтықтан оқыту бөлімінің бастығы) read edition 1" in result.out
    text = journal(in_force)
    assert text.count("event: acknowledged") == 2
    assert "name: Ә. Б. Нұрланова" in text and "position_id: dlo-methodist" in text
    assert "intact (" in ok(dlo, in_force, "verify", "dlo-unit").out
    rows = unacknowledged(dlo, in_force)
    assert rows["dlo-unit"]["acknowledged"] == 2
    assert rows["dlo-unit"]["not_acknowledged"] == [
        "Б. В. Серіков (Инженер)",
        "В. Г. Оспанова (Маман)",
        "Г. Д. Ермеков (Оператор)",
    ]
    table = ok(dlo, in_force, "list", "--unacknowledged").out
    line = next(x for x in table.splitlines() if x.startswith("dlo-unit"))
    assert "2/5" in line and "Б. В. Серіков (Инженер)" in line
    assert "dlo-unit: 2 acknowledged edition 1; not yet: Б. В. Серіков (Инженер)" in result.out
    # the last ones: said so, not "not yet: nobody"
    rest = ("dlo-engineer", "dlo-specialist", "dlo-operator")
    last = ok(dlo, in_force, "acknowledge", "dlo-unit", *(a for h in rest for a in ("--holder", h)))
    assert "dlo-unit: 5 acknowledged edition 1; everyone due to has" in last.out, last.out


def test_the_readers_table_lists_an_edition_whose_review_is_overdue(in_force, dlo):
    """The table of who has read an edition has no review column: an overdue review is no
    reason to fail (it stopped with an internal error)."""
    later = TODAY.replace(year=TODAY.year + 4, day=1)
    table = ok(dlo, in_force, "list", "--unacknowledged", "--today", later.isoformat()).out
    line = next(x for x in table.splitlines() if x.startswith("dlo-unit"))
    assert "0/5" in line


def test_a_name_and_position_and_a_csv_batch(in_force, dlo):
    ok(dlo, in_force, "acknowledge", "dlo-unit", "--name", "Қ. Сыртқы", "--position", "Сарапшы")
    csv_path = in_force / "acquainted.csv"
    csv_path.write_bytes(
        f"ФИО;Должность;Дата\nБ. В. Серіков;Инженер;{TODAY:%d.%m.%Y}\n"
        f"Г. Д. Ермеков;dlo-operator;{TODAY.isoformat()}\n".encode("utf-8-sig")
    )
    result = ok(dlo, in_force, "acknowledge", "dlo-unit", "--csv", "acquainted.csv")
    assert result.out.count("read edition 1") == 2
    row = unacknowledged(dlo, in_force)["dlo-unit"]
    assert row["acknowledged"] == 3
    assert row["not_acknowledged"] == [
        "М. Р. Бекова (Қашықтықтан оқыту бөлімінің бастығы)",
        "Ә. Б. Нұрланова (Әдіскер)",
        "В. Г. Оспанова (Маман)",
    ]
    # the log names who read it (an acknowledged event showed its role "-" and no one)
    log = ok(dlo, in_force, "log", "dlo-unit").out
    assert "read by Қ. Сыртқы (Сарапшы)" in log and "read by Б. В. Серіков (Инженер)" in log, log


def test_a_soft_hyphen_pasted_into_a_reader_s_name_is_left_out(in_force, dlo):
    """A name or position pasted from Word or a web page brings soft hyphens (U+00AD), which
    the clerk cannot see: acknowledge refused them as an invisible character, though an
    option's text leaves them out (remarks, a reason). The reader is recorded without them,
    by the name as it prints."""
    typed = ("--name", "Қ. Сырт\xadқы", "--position", "Са\xadрапшы")
    ok(dlo, in_force, "acknowledge", "dlo-unit", *typed)
    log = ok(dlo, in_force, "log", "dlo-unit").out
    assert "read by Қ. Сыртқы (Сарапшы)" in log and "\xad" not in log, log


def test_a_bad_batch_records_nothing(in_force, dlo):
    before = journal(in_force)
    bad = in_force / "bad.csv"
    bad.write_text(
        "Т.А.Ә.,Лауазымы,Күні\nБ. В. Серіков,Инженер,ертең\nА. Б. В.,Маман,2020-01-01\n",
        encoding="utf-8",
    )
    result = dlo("acknowledge", "dlo-unit", "--csv", "bad.csv", cwd=in_force)
    assert result.code == 1
    assert "bad.csv:2:23: error DLO641: not a date: 'ертең'" in result.err
    assert journal(in_force) == before
    early = in_force / "early.csv"
    early.write_text("name,position,date\nА. Б. В.,Маман,2020-01-01\n", encoding="utf-8")
    result = dlo("acknowledge", "dlo-unit", "--csv", "early.csv", cwd=in_force)
    assert (
        result.code == 1
        and "early.csv:2:16: error DLO641: А. Б. В. (Маман): 2020-01-01 is before" in (result.err)
    )
    future = (TODAY + dt.timedelta(days=2)).isoformat()
    result = dlo("acknowledge", "dlo-unit", "--holder", "dlo-head", "--date", future, cwd=in_force)
    assert result.code == 2 and "in the future" in result.err
    assert "give the date the person signed" in result.err  # what to do, as for a date too early
    ahead = in_force / "ahead.csv"
    ahead.write_text(f"name,position,date\nА. Б. В.,Маман,{future}\n", encoding="utf-8")
    result = dlo("acknowledge", "dlo-unit", "--csv", "ahead.csv", cwd=in_force)
    assert (
        result.code == 1
        and f"ahead.csv:2:16: error DLO641: А. Б. В. (Маман): {future} is in" in (result.err)
    )
    assert "give the date the person signed" in result.err
    assert journal(in_force) == before


def test_once_per_person_and_edition(in_force, dlo):
    ok(dlo, in_force, "acknowledge", "dlo-unit", "--holder", "dlo-engineer")
    before = journal(in_force)
    result = dlo(
        "acknowledge", "dlo-unit", "--name", "Б. В. Серіков", "--position", "Инженер", cwd=in_force
    )
    assert result.code == 1 and "DLO640" in result.err and "already acknowledged" in result.err
    assert journal(in_force) == before


def test_the_acquaintance_sheet_prints_them(in_force, dlo):
    ok(
        dlo,
        in_force,
        "acknowledge",
        "dlo-unit",
        "--holder",
        "dlo-specialist",
        "--holder",
        "dlo-head",
    )
    ok(dlo, in_force, "sheet", "acquaintance", "dlo-unit", "--lang", "kk")
    document = docx.Document(str(in_force / "build" / "dlo-unit.kk.acquaintance.docx"))
    table = document.tables[-1]
    rows = [[c.text.replace(NB, " ") for c in row.cells] for row in table.rows]
    day = TODAY.strftime("%d.%m.%Y")
    assert rows[1][:4] == ["1", "В. Г. Оспанова", "Маман", day]
    assert rows[2][:4] == ["2", "М. Р. Бекова", "Қашықтықтан оқыту бөлімінің бастығы", day]
    # then the holders who have not read it yet, in the registry's order, to sign by hand
    assert rows[3:7] == [
        ["3", "Ә. Б. Нұрланова", "Әдіскер", "", ""],
        ["4", "Б. В. Серіков", "Инженер", "", ""],
        ["5", "Г. Д. Ермеков", "Оператор", "", ""],
        ["6", "", "", "", ""],
    ]


def test_nothing_to_acknowledge_before_approval(project, dlo):
    new_clean(dlo, project, "dlo-spec", "--position", "dlo-head")
    result = dlo("acknowledge", "dlo-spec", "--holder", "dlo-head", cwd=project)
    assert result.code == 1 and "DLO620" in result.err and "no edition in force" in result.err
    assert not (project / "regulations/dlo-spec/journal.yaml").exists()


def test_a_new_edition_starts_a_new_round(in_force, dlo):
    ok(dlo, in_force, "acknowledge", "dlo-unit", "--holder", "dlo-head", "--holder", "dlo-operator")
    assert unacknowledged(dlo, in_force)["dlo-unit"]["acknowledged"] == 2
    ok(dlo, in_force, "revise", "dlo-unit", "--by", "dlo-head", "--reason", "structure changed")
    take_route(dlo, in_force, "dlo-unit", "approved", ROUTE)
    row = unacknowledged(dlo, in_force)["dlo-unit"]
    assert row["edition"] == 2 and row["acknowledged"] == 0 and len(row["not_acknowledged"]) == 5
    ok(dlo, in_force, "acknowledge", "dlo-unit", "--holder", "dlo-head")
    assert unacknowledged(dlo, in_force)["dlo-unit"]["acknowledged"] == 1


def test_the_site_index_counts_who_has_read_it(in_force, dlo):
    ok(dlo, in_force, "acknowledge", "dlo-unit", "--holder", "dlo-head", "--holder", "dlo-engineer")
    ok(dlo, in_force, "site", "build", "--no-pdf", "--out", "public")
    kk = (in_force / "public" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col">Танысқандар</th>' in kk
    assert '<td class="read" data-label="Танысқандар">2 / 5</td>' in kk
    ok(dlo, in_force, "acknowledge", "dlo-unit", "--holder", "dlo-operator")
    ok(
        dlo, in_force, "site", "build", "--no-pdf", "--out", "public"
    )  # incremental: the journal moved
    ru = (in_force / "public" / "ru" / "index.html").read_text(encoding="utf-8")
    assert '<td class="read" data-label="Ознакомлены">3 / 5</td>' in ru


def test_an_excel_list_with_a_person_twice_or_already_recorded_is_refused_at_its_line(
    in_force, dlo
):
    """Excel-ru's "CSV UTF-8": a BOM, semicolons, CRLF, a blank row. A person listed twice was
    reported at regulation.yaml as having 'already acknowledged' the edition, and one recorded
    before was named without the list's line: the office could not tell which row to delete."""
    ok(dlo, in_force, "acknowledge", "dlo-unit", "--holder", "dlo-engineer")
    before = journal(in_force)
    day = f"{TODAY:%d.%m.%Y}"
    rows = [
        "ФИО;Должность;Дата",
        f"Г. Д. Ермеков;Оператор;{day}",
        ";;",
        f"Петрова Анна Сергеевна;Инспектор по кадрам;{day}",
        f"Г. Д. Ермеков;Оператор;{day}",
        f"Б. В. Серіков;Инженер;{day}",
    ]
    (in_force / "list.csv").write_bytes("\r\n".join(rows).encode("utf-8-sig") + b"\r\n")
    result = dlo("acknowledge", "dlo-unit", "--csv", "list.csv", cwd=in_force)
    assert result.code == 1
    assert "list.csv:5:1: error DLO641: Г. Д. Ермеков (Оператор) is listed twice (also line 2)" in (
        result.err
    )
    assert "regulation.yaml" not in result.err
    assert journal(in_force) == before
    del rows[4]
    (in_force / "list.csv").write_bytes("\r\n".join(rows).encode("utf-8-sig") + b"\r\n")
    result = dlo("acknowledge", "dlo-unit", "--csv", "list.csv", cwd=in_force)
    assert result.code == 1
    assert "list.csv:5:1: error DLO640: Б. В. Серіков (Инженер) has already acknowledged" in (
        result.err
    )
    assert journal(in_force) == before
    del rows[4]
    rows.append("А. Б. В.;Маман;2020-01-01")
    (in_force / "list.csv").write_bytes("\r\n".join(rows).encode("utf-8-sig") + b"\r\n")
    result = dlo("acknowledge", "dlo-unit", "--csv", "list.csv", cwd=in_force)
    assert result.code == 1
    # at its date cell, as an unreadable date is
    assert "list.csv:5:16: error DLO641: А. Б. В. (Маман): 2020-01-01 is before edition 1" in (
        result.err
    )
    del rows[4]
    (in_force / "list.csv").write_bytes("\r\n".join(rows).encode("utf-8-sig") + b"\r\n")
    result = ok(dlo, in_force, "acknowledge", "dlo-unit", "--csv", "list.csv")
    assert result.out.count("read edition 1") == 2


def _another_hr_head(project) -> None:
    """The registry names another holder of hr-head, in both languages."""
    registry = project / "regulations" / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(
        text.replace("kk: Г. М. Жұмабаева", "kk: Т. Жаңа").replace(
            "ru: Г. М. Жумабаева", "ru: Т. Жана"
        ),
        encoding="utf-8",
    )


def _sheet_rows(dlo, project, reg_id: str, lang: str) -> list[list[str]]:
    """The acquaintance sheet of ``reg_id`` in ``lang``, as its table's cells read."""
    ok(dlo, project, "sheet", "acquaintance", reg_id, "--lang", lang)
    document = docx.Document(str(project / "build" / f"{reg_id}.{lang}.acquaintance.docx"))
    return [[c.text.replace(NB, " ") for c in row.cells] for row in document.tables[-1].rows]


def test_the_russian_sheet_names_the_holder_in_russian_once(project, dlo):
    """The acknowledgement keeps the name and title the registry gave in the regulation's
    language (Kazakh); the Russian acquaintance sheet printed 'Г. М. Жұмабаева, Персоналды
    басқару бөлімінің бастығы', then the holder again, as 'Г. М. Жумабаева', with no date: as if
    she had not read it."""
    new_clean(dlo, project, "hr-ji", "--position", "hr-head", "--approvers", "vp-academic")
    take_route(dlo, project, "hr-ji", "approved", ["vp-academic"])
    ok(dlo, project, "acknowledge", "hr-ji", "--holder", "hr-head")
    day = TODAY.strftime("%d.%m.%Y")
    for lang, name, title in (
        ("ru", "Г. М. Жумабаева", "Начальник отдела управления персоналом"),
        ("kk", "Г. М. Жұмабаева", "Персоналды басқару бөлімінің бастығы"),
    ):
        ok(dlo, project, "sheet", "acquaintance", "hr-ji", "--lang", lang)
        document = docx.Document(str(project / "build" / f"hr-ji.{lang}.acquaintance.docx"))
        rows = [[c.text.replace(NB, " ") for c in row.cells] for row in document.tables[-1].rows]
        assert rows[1][:4] == ["1", name, title, day]
        assert rows[2] == ["2", "", "", "", ""]
    # a holder the registry no longer names keeps the name the acknowledgement recorded
    _another_hr_head(project)
    rows = _sheet_rows(dlo, project, "hr-ji", "ru")
    assert rows[1][:4] == ["1", "Г. М. Жұмабаева", "Персоналды басқару бөлімінің бастығы", day]
    assert rows[2][:3] == ["2", "Т. Жана", "Начальник отдела управления персоналом"]


def test_a_russian_office_reads_its_list_confirmed_in_russian(in_force, dlo, monkeypatch):
    """'1 ознакомлений … записаны' (one acknowledgement in the plural's genitive), and a row with
    no position was told to 'give --name and --position', options the list has none of."""
    monkeypatch.setenv("DLO_UI_LANG", "ru")
    day = f"{TODAY:%d.%m.%Y}"
    (in_force / "one.csv").write_bytes(f"ФИО;Должность;Дата\r\nБеков;;{day}\r\n".encode("cp1251"))
    result = dlo("--lang-ui", "ru", "acknowledge", "dlo-unit", "--csv", "one.csv", cwd=in_force)
    assert result.code == 1
    assert "one.csv:2:1: ошибка DLO641:" in result.err and "--name" not in result.err
    assert "заполните имя и должность в строке" in result.err
    (in_force / "one.csv").write_bytes(
        f"ФИО;Должность;Дата\r\nБеков Б.;Инженер;{day}\r\n".encode("cp1251")
    )
    result = ok(dlo, in_force, "--lang-ui", "ru", "acknowledge", "dlo-unit", "--csv", "one.csv")
    assert "1 ознакомление из one.csv записано без подписи" in result.out, result.out
    # a date right after the edition's number read as one number: 'с изданием 1 2026-12-01'
    assert f"Беков Б. (Инженер) ознакомлен(а) с изданием 1 (дата {day}," in result.out


def test_people_of_one_title_are_each_themselves(in_force, dlo):
    """Two specialists on the office's list ('Маман', the registry's title of dlo-specialist)
    were one reader — 'listed twice' — and either of them counted as the position's holder
    having read it."""
    day = f"{TODAY:%d.%m.%Y}"
    (in_force / "two.csv").write_bytes(
        f"ФИО;Должность;Дата\r\nАманов А.;Маман;{day}\r\nБеков Б.;Маман;{day}\r\n".encode(
            "utf-8-sig"
        )
    )
    result = ok(dlo, in_force, "acknowledge", "dlo-unit", "--csv", "two.csv")
    assert result.out.count("read edition 1") == 2
    row = unacknowledged(dlo, in_force)["dlo-unit"]
    assert row["acknowledged"] == 2
    assert "В. Г. Оспанова (Маман)" in row["not_acknowledged"]
    ok(dlo, in_force, "acknowledge", "dlo-unit", "--name", "В. Г. Оспанова", "--position", "Маман")
    row = unacknowledged(dlo, in_force)["dlo-unit"]
    assert "В. Г. Оспанова (Маман)" not in row["not_acknowledged"]
    result = dlo("acknowledge", "dlo-unit", "--holder", "dlo-specialist", cwd=in_force)
    assert result.code == 1 and "DLO640" in result.err


def test_a_holder_named_another_way_is_the_holder(in_force, dlo):
    """The office's list writes the holder's name its own way ('Оспанова В.Г.' for the
    registry's 'В. Г. Оспанова'): one person, as DLO121 reads names (persons.key), so the
    position's holder has read it, and is not listed as not yet having read it."""
    ok(dlo, in_force, "acknowledge", "dlo-unit", "--name", "Оспанова В.Г.", "--position", "Маман")
    row = unacknowledged(dlo, in_force)["dlo-unit"]
    assert "В. Г. Оспанова (Маман)" not in row["not_acknowledged"]
    assert "position_id: dlo-specialist" in journal(in_force)


def test_a_date_the_list_cannot_read_is_told_as_that_day_never_another(in_force, dlo):
    """A row dated 2026-13-01 was told "write it as 2026-12-01 or 01.12.2026": a fixed example
    that reads as the correction of that very date, so a clerk typed a day nobody signed on. Now a
    date written in another form is told as that day (05/12/2026 → 2026-12-05), and one that is
    no day of the calendar only the forms the list takes; nothing is recorded."""
    before = journal(in_force)
    bad = in_force / "bad.csv"
    bad.write_text(
        "Т.А.Ә.;Лауазымы;Күні\nА. Б. В.;Маман;2026-13-01\nБ. В. Г.;Маман;05/12/2026\n"
        "В. Г. Д.;Маман;2026.12.5\nГ. Д. Е.;Маман;31.02.2026\n",
        encoding="utf-8",
    )
    result = dlo("acknowledge", "dlo-unit", "--csv", "bad.csv", cwd=in_force)
    assert result.code == 1 and journal(in_force) == before
    lines = result.err.splitlines()
    assert "2026-12-01" not in result.err and "01.12.2026" not in result.err, result.err
    for typed, hint in (
        ("2026-13-01", "write it as YYYY-MM-DD or DD.MM.YYYY"),
        ("05/12/2026", "write it as 2026-12-05"),
        ("2026.12.5", "write it as 2026-12-05"),
        ("31.02.2026", "write it as YYYY-MM-DD or DD.MM.YYYY"),
    ):
        [line] = [x for x in lines if f"'{typed}'" in x]
        assert line.endswith(f"(hint: {hint})"), line
    kk = dlo("--lang-ui", "kk", "acknowledge", "dlo-unit", "--csv", "bad.csv", cwd=in_force).err
    assert "ЖЖЖЖ-АА-КК немесе КК.АА.ЖЖЖЖ" in kk, kk
    ru = dlo("--lang-ui", "ru", "acknowledge", "dlo-unit", "--csv", "bad.csv", cwd=in_force).err
    assert "ГГГГ-ММ-ДД или ДД.ММ.ГГГГ" in ru, ru


def test_a_date_the_list_cannot_read_is_said_at_its_cell(in_force, dlo):
    """file:line:col of an unreadable date points at the date's cell, not at the row's first
    character (the name): the column of the line as an editor counts it; a row with a quoted cell
    (Excel quotes one holding the delimiter) is said at its line's start."""
    bad = in_force / "bad.csv"
    bad.write_text(
        "Т.А.Ә.;Лауазымы;Күні\nА. Б. В.;Маман;2026-13-01\n"
        'Б. В. Г.;"Маман; әдіскер";ертең\nВ. Г. Д.;Маман; 1 қаңтар\n',
        encoding="utf-8",
    )
    err = dlo("acknowledge", "dlo-unit", "--csv", "bad.csv", cwd=in_force).err
    assert "bad.csv:2:16: error DLO641: not a date: '2026-13-01'" in err, err
    assert "bad.csv:3:1: error DLO641: not a date: 'ертең'" in err, err
    assert "bad.csv:4:17: error DLO641: not a date: '1 қаңтар'" in err, err


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ru", "М. Р. Бекова (Начальник отдела дистанционного обучения) "),
        ("kk", "М. Р. Бекова (Қашықтықтан оқыту бөлімінің бастығы) "),
    ],
)
def test_a_holder_is_confirmed_in_the_clerks_language(in_force, dlo, lang, said):
    """A Russian clerk was told «… (Қашықтықтан оқыту бөлімінің бастығы) ознакомлен(а)»: the
    confirmation names the holder as the registry does in the interface's language (as the
    sheet in it prints them); the journal records them as before."""
    result = ok(dlo, in_force, "--lang-ui", lang, "acknowledge", "dlo-unit", "--holder", "dlo-head")
    assert result.out.startswith(f"dlo-unit: {said}"), result.out
    assert "position: Қашықтықтан оқыту бөлімінің бастығы" in journal(in_force)


def test_an_escape_sequence_in_a_holders_name_never_reaches_the_terminal(in_force, dlo):
    """A registry whose holder's name carries an escape sequence (dlo check says DLO118, but
    the other commands read the registry on): acknowledge printed the name in its confirmation,
    in its list of who has not read it yet and in its refusal of a second acknowledgement, and
    list --unacknowledged in its table, each with the sequence that retitles the terminal (ESC ]
    0;… BEL). They print it without its control characters. The acknowledgement of that holder,
    which would record the name with its escape (a journal no command writes, which dlo verify
    names), is refused naming the character, nothing recorded."""
    path = in_force / "regulations" / "registry.yaml"
    escaped = '"Г. Д. \\e]0;PWNED\\aЕрмеков"'
    unit = '"Қашықтықтан оқыту \\e]0;PWNED\\aбөлімі"'  # as the register's unit column
    text = path.read_text(encoding="utf-8").replace("Г. Д. Ермеков", escaped)
    path.write_text(text.replace("kk: Қашықтықтан оқыту бөлімі\n", f"kk: {unit}\n"), "utf-8")
    said = [
        dlo("acknowledge", "dlo-unit", "--holder", "dlo-methodist", cwd=in_force),
        dlo("acknowledge", "dlo-unit", "--holder", "dlo-operator", cwd=in_force),
        dlo("list", "--unacknowledged", cwd=in_force),
        dlo("list", "--format", "csv", cwd=in_force),
    ]
    assert [r.code for r in said] == [0, 1, 0, 0], [r.err for r in said]
    assert "not yet: " in said[0].out and "]0;PWNEDЕрмеков" in said[0].out
    assert "DLO118" in said[1].err and "(U+001B)" in said[1].err, said[1].err
    assert "]0;PWNEDЕрмеков" in said[2].out
    assert "]0;PWNEDбөлімі" in said[3].out
    for result in said:
        assert "\x1b" not in result.out + result.err and "\x07" not in result.out + result.err


def test_the_sheet_counts_a_holder_named_another_way_as_having_read_it(project, dlo):
    """'Оспанов Н.К.' for the registry's 'Н. К. Оспанов' is the holder (the register and dlo
    acknowledge said everyone due had read it), but the Russian acquaintance sheet printed him
    with the Kazakh title, then 'Н. К. Оспанов' again below with no date, as if he had not."""
    new_clean(dlo, project, "legal-ji", "--position", "legal-head", "--approvers", "vp-academic")
    take_route(dlo, project, "legal-ji", "approved", ["vp-academic"])
    title = "Начальник отдела правового обеспечения и государственных закупок"
    ok(dlo, project, "acknowledge", "legal-ji", "--name", "Оспанов Н.К.", "--position", title)
    ok(dlo, project, "sheet", "acquaintance", "legal-ji", "--lang", "ru")
    document = docx.Document(str(project / "build" / "legal-ji.ru.acquaintance.docx"))
    rows = [[c.text.replace(NB, " ") for c in row.cells] for row in document.tables[-1].rows]
    assert rows[1][:4] == ["1", "Н. К. Оспанов", title, TODAY.strftime("%d.%m.%Y")]
    assert rows[2] == ["2", "", "", "", ""]


def test_another_reader_of_a_registry_title_keeps_the_title_as_written(in_force, dlo):
    """A reader who is not the holder, named with the Russian title of a registry position
    ('Специалист'), was recorded under its Kazakh title ('Маман'), which the Russian sheet then
    printed: the title is theirs as the list wrote it."""
    ok(dlo, in_force, "acknowledge", "dlo-unit", "--name", "Аманов А.", "--position", "Специалист")
    assert "position: Специалист" in journal(in_force)
    ok(dlo, in_force, "sheet", "acquaintance", "dlo-unit", "--lang", "ru")
    document = docx.Document(str(in_force / "build" / "dlo-unit.ru.acquaintance.docx"))
    rows = [[c.text.replace(NB, " ") for c in row.cells] for row in document.tables[-1].rows]
    assert rows[1][1:3] == ["Аманов А.", "Специалист"]


def test_a_windows_1251_list_behind_a_utf8_bom_is_read(in_force, dlo):
    """A Windows-1251 list that an editor saved behind a UTF-8 BOM (EF BB BF) was read with the
    BOM as 'п»ї' before 'ФИО', and refused as a header naming no column, which it does."""
    day = f"{TODAY:%d.%m.%Y}"
    text = f"ФИО;Должность;Дата\r\nАманов А.;Методист;{day}\r\n"
    (in_force / "bom.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("cp1251"))
    result = ok(dlo, in_force, "acknowledge", "dlo-unit", "--csv", "bom.csv")
    assert "Аманов А. (Методист) read edition 1" in result.out


def test_a_russian_regulation_records_its_readers_in_russian(project, dlo):
    """An acknowledgement of a regulation in Russian alone recorded the holder's Kazakh name and
    title, whatever the regulation's language (the command read the registry in Kazakh): once
    the registry named another holder, its only, Russian, sheet printed the reader in Kazakh (a
    documentation office clerk's review)."""
    new_clean(
        dlo, project, "hr-ru", "--position", "hr-head", "--approvers", "vp-academic", "--lang", "ru"
    )
    take_route(dlo, project, "hr-ru", "approved", ["vp-academic"])
    ok(dlo, project, "acknowledge", "hr-ru", "--holder", "hr-head")
    title = "Начальник отдела управления персоналом"
    journal = (project / "regulations" / "hr-ru" / "journal.yaml").read_text(encoding="utf-8")
    assert "Г. М. Жумабаева" in journal and title in journal, journal[-600:]
    _another_hr_head(project)
    rows = _sheet_rows(dlo, project, "hr-ru", "ru")
    assert rows[1][:4] == ["1", "Г. М. Жумабаева", title, TODAY.strftime("%d.%m.%Y")]


def test_a_list_of_nobody_is_refused_naming_the_file(in_force, dlo):
    """A list holding its header and empty rows only was refused with "nobody to record" and
    a hint to give --holder or --csv, which the clerk had given (an attacker's review): it names
    the file and says that it lists nobody."""
    (in_force / "empty.csv").write_text("ФИО;Должность;Дата\r\n;;\r\n\r\n", encoding="utf-8")
    result = dlo("acknowledge", "dlo-unit", "--csv", "empty.csv", cwd=in_force)
    assert result.code == 2, result.err
    assert "empty.csv lists nobody" in result.err, result.err
