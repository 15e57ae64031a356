"""Import of real regulations of other organisations (``../shared/corpus/``, beside the clone).

The expectations are the corpus README's, counted by hand from the sources: per source, the
chapters, clauses, sub-clauses and items it has; every body line of the source once, in order, in
the rendered DOCX; the source's own title block and appendix sheets not in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from conftest import REPO
from docx import Document
from test_import_support import load_model

from dlo_docs.model import Regulation
from dlo_docs.project import Project

CORPUS = REPO / ".." / "shared" / "corpus"
BODY_STYLES = {"Heading 1", "Heading 2", "DLO Clause", "DLO Item", "DLO Item 2"}

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the corpus of real regulations is not beside the clone ({CORPUS})"
)
pytestmark = needs_corpus


@dataclass(frozen=True)
class Source:
    stem: str
    lang: str
    chapters: int
    clauses: int
    subclauses: int  # "N.N.N." under a clause
    dashes: int  # "- …" items
    items: int  # "N)" items
    title_lines: int  # lines before the body (the source's title block)
    appendix: str | None  # the first line of the source's own appendix sheets


SOURCES = [
    Source("mnu-research-assistant.ru", "ru", 8, 19, 24, 13, 0, 0, "Приложение А"),
    Source("jambyl-uptad-ereje.kk", "kk", 5, 27, 0, 0, 69, 1, None),
    Source("jambyl-uptad-polozhenie.ru", "ru", 5, 27, 0, 0, 69, 1, None),
]
FORMATS = ["txt", "lo.docx", "pandoc.docx"]
CASES = [pytest.param(s, f, id=f"{s.stem}.{f}") for s in SOURCES for f in FORMATS]

# a leading number or list marker (repeated: the source types "13. 13. …")
_MARKER = re.compile(
    r"^(?:(?:\d+(?:\.\d+)*[.)]|[^\W\d_]\)|[-–—•]|глава\s+\d+\.?|\d+\s*-?\s*тарау\.?)\s*)+",
    re.IGNORECASE,
)


def bare(line: str) -> str:
    """A line without its leading number or marker, whitespace collapsed."""
    return " ".join(_MARKER.sub("", line.replace("\u00a0", " ")).split())


def parts(source: Source) -> tuple[list[str], list[str], list[str]]:
    """The source's title block, body and appendix lines (non-empty, as in the .txt)."""
    lines = [
        line.strip()
        for line in (CORPUS / f"{source.stem}.txt").read_text(encoding="utf-8").splitlines()
    ]
    lines = [line for line in lines if line]
    end = lines.index(source.appendix) if source.appendix else len(lines)
    return lines[: source.title_lines], lines[source.title_lines : end], lines[end:]


def counts(model: Regulation) -> dict[str, int]:
    found = {"chapters": len(model.chapters), "clauses": 0, "subclauses": 0, "dashes": 0}
    found["items"] = 0
    for _, _, clause in model.clauses():
        found["clauses"] += 1
        key = {"subclauses": "subclauses", "dashed": "dashes"}.get(clause.items_style, "items")
        found[key] += len(clause.items)
    return found


def body_paragraphs(docx: Path) -> list[str]:
    return [p.text for p in Document(str(docx)).paragraphs if p.style.name in BODY_STYLES]


def imported(project: Path, dlo, source: Source, fmt: str) -> tuple[Regulation, str]:
    path = CORPUS / f"{source.stem}.{fmt}"
    result = dlo("import", path, "--id", "corpus", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    return load_model(project, "corpus"), result.err


@pytest.mark.parametrize(("source", "fmt"), CASES)
def test_structure_counts(project, dlo, source: Source, fmt: str):
    model, _ = imported(project, dlo, source, fmt)
    assert counts(model) == {
        "chapters": source.chapters,
        "clauses": source.clauses,
        "subclauses": source.subclauses,
        "dashes": source.dashes,
        "items": source.items,
    }


@pytest.mark.parametrize(("source", "fmt"), CASES)
def test_every_body_line_once_in_order_and_nothing_else(project, dlo, source: Source, fmt: str):
    imported(project, dlo, source, fmt)
    result = dlo("render", "corpus", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    rendered = [
        bare(p) for p in body_paragraphs(project / "build" / f"corpus.{source.lang}.draft.docx")
    ]
    title, body, appendix = parts(source)
    # the rendered body is the source's body line for line: nothing lost, added, merged or moved
    assert rendered == [bare(line) for line in body]
    # (implied by the equality, stated for the reader) no paragraph of the body is a line of the
    # source's title block or sheets; a clause may still quote a sheet's name
    paragraphs = set(rendered)
    for line in title + appendix:
        text = bare(line)
        if len(text) > 3:  # sheet rows such as "1." or column numbers say nothing
            assert text not in paragraphs, f"{line!r} of the title block or sheets is in the body"


# dlo's label of a chapter the source numbers "1." ("Глава 1.", "1 тарау."), and of a dash item
_CHAPTER_LABEL = re.compile(r"^(?:Глава (\d+)\.|(\d+) тарау\.) ")


def html_body(page: Path) -> list[str]:
    """The text of each heading and paragraph of an HTML page's ``<main>``, as a reader sees
    it: the chapter's label as the source types its number, a dash item's "–" as "-"."""
    main = lxml.html.parse(str(page)).getroot().find(".//main")
    shown = [" ".join(e.text_content().split()) for e in main.iter("h2", "h3", "p")]
    shown = [_CHAPTER_LABEL.sub(lambda m: f"{m[1] or m[2]}. ", line) for line in shown]
    return [re.sub(r"^– ", "- ", line) for line in shown]


@pytest.mark.parametrize(("source", "fmt"), CASES)
def test_the_html_is_the_source_s_body_letter_for_letter_with_its_numbers(
    project, dlo, source: Source, fmt: str
):
    """What a reader compares with the official text: every line of the source's body in the
    HTML page, in order, with the source's own numbers ("2.1.1.", "13. 13.", "1)") and every
    letter (the Kazakh text's Latin "i" typed for "і" included) — the DOCX test above compares
    the lines without their numbers."""
    imported(project, dlo, source, fmt)
    assert dlo("render", "corpus", "--format", "html", cwd=project).code == 0
    _, body, _ = parts(source)
    page = project / "build" / f"corpus.{source.lang}.draft.html"
    assert html_body(page) == [" ".join(line.split()) for line in body]


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_title_block_and_sheets_are_reported_not_imported(project, dlo, source: Source):
    model, err = imported(project, dlo, source, "txt")
    title, _, appendix = parts(source)
    if title:
        assert model.title == {source.lang: title[0]}
    if appendix:
        assert "DLO506" in err and "Лист согласования" in err


@pytest.mark.parametrize("fmt", FORMATS)
def test_mnus_sheet_names_the_deputy_chairman_whom_clause_8_1_does_not(project, dlo, fmt):
    """Clause 8.1 agrees it with the provost, the directors (deans) of the higher schools, the
    director of DSHR and the head of УПО; the sheet people sign has the deputy chairman of the board
    besides. The clause is followed and the deputy named; the sheet's five rows "Директор (Декан)
    ВШ Права", … are the five members of the group the clause names in the plural ("ВШ" is the
    text's abbreviation of "Высшая Школа"), each an approver of its own (said), "Руководитель УПО"
    its head of legal support: no other difference is said."""
    source = next(s for s in SOURCES if s.stem == "mnu-research-assistant.ru")
    model, err = imported(project, dlo, source, fmt)
    assert len(model.agreement.approvers) == 8
    said = [line for line in err.splitlines() if "clause 8.1" in line]
    assert [
        re.sub(r"^.*?\.(?:txt|docx):", "", x)
        for x in said
        if "agreement sheet" in x and "a group" not in x
    ] == [
        "66:1: warning DLO510: the source's agreement sheet names Заместитель Председателя "
        "Правления, whom clause 8.1 does not name: agreement.approvers follows the clause (hint: find "
        "out who agrees it; correct the clause or agreement.approvers)"
    ]


# the rows of MNU's agreement sheet (Приложение А) as dlo prints them from the imported route:
# the source's but its deputy chairman (whom clause 8.1 does not name: said), its "Руководитель
# УПО" as the clause writes him out
MNU_SIGNATORIES = [
    "Провост",
    "Директор (Декан) ВШ Права",
    "Директор (Декан) ВШ Экономики и права",
    "Директор (Декан) ВШ Цифровых технологий",
    "Директор (Декан) ВШ Гуманитарных наук",
    "Директор (Декан) ВШ Общественного здравоохранения",
    "Директор DSHR",
    "Руководитель Управления правового обеспечения (УПО)",
]


def agreement_rows(docx: Path) -> list[list[str]]:
    """The rows of the agreement sheet's table in a rendered DOCX (under its heading row), a
    no-break space as a space."""
    table = next(
        t
        for t in Document(str(docx)).tables
        if "Провост" in "".join(c.text for c in t.columns[1].cells)
    )
    return [[cell.text.replace("\u00a0", " ") for cell in row.cells] for row in table.rows[1:]]


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_higher_school_s_director_on_mnus_sheet_signs_it(project, dlo, fmt):
    """Clause 8.1.2 agrees it with "Директорами (Деканами) Высших школ", in the plural; the
    source's agreement sheet has a row for each of the five schools' directors. Each becomes a
    position of its own (its title the sheet's, its id as the import derives ids), an approver in
    the sheet's order where the clause names the group, said at the sheet (DLO510, the clause's
    words and the rows quoted); the sheet dlo prints has the five rows, not one for all five
    (four signatories lost), and dlo check finds the clause and the route in step."""
    source = next(s for s in SOURCES if s.stem == "mnu-research-assistant.ru")
    model, err = imported(project, dlo, source, fmt)
    schools = [
        "direktor-dekan-vsh-prava",
        "direktor-dekan-vsh-ekonomiki",
        "direktor-dekan-vsh-tsifrovykh-tekhnologii",
        "direktor-dekan-vsh-gumanitarnykh-nauk",
        "direktor-dekan-vsh-obshchestvennogo-zdravookhraneniya",
    ]
    assert model.agreement.approvers == [
        "provost",
        *schools,
        "direktor-dshr",
        "rukovoditel-upravleniya-pravovogo-obespecheniya-upo",
    ]
    registry = Project(project).load([]).registry
    assert [registry.position(i).title["ru"] for i in model.agreement.approvers] == MNU_SIGNATORIES
    assert "direktor-dekan-vysshikh-shkol" not in {p.id for p in registry.positions}
    [note] = [line for line in err.splitlines() if "rows of their own" in line]
    assert re.sub(r"^.*?\.(?:txt|docx):", "", note) == (
        "66:1: warning DLO510: clause 8.1 names a group, «Директорами (Деканами) Высших школ», "
        "whose members sign the source's agreement sheet on rows of their own (Директор (Декан) ВШ Права; Директор (Декан) "
        "ВШ Экономики и права; Директор (Декан) ВШ Цифровых технологий; Директор (Декан) ВШ "
        "Гуманитарных наук; Директор (Декан) ВШ Общественного здравоохранения): proposed as a "
        f"position each ({', '.join(schools)}), approvers in the sheet's order (hint: confirm "
        "them and their order (the route is sequential); give each a unit and reports_to in the "
        "registry)"
    )
    check = dlo("check", "regulations/corpus/regulation.yaml", cwd=project)
    assert "DLO101" not in check.out, check.out
    assert dlo("render", "corpus", "--format", "docx", cwd=project).code == 0
    rows = agreement_rows(project / "build" / "corpus.ru.draft.docx")
    assert [row[1] for row in rows] == MNU_SIGNATORIES
    assert rows[0][2] == "Ибраева А.Б."  # the name the source's sheet gives


def test_a_source_without_a_code_goes_for_agreement_only_once_the_code_is_set(project, dlo):
    """MNU's job instruction has no code: the import writes the kind's code left to write, which
    ``dlo check`` reports at ``code:`` (DLO114, an error) and ``dlo submit`` refuses, as any text
    left to write; once the registered code is set, it goes."""
    source = next(s for s in SOURCES if s.stem == "mnu-research-assistant.ru")
    model, err = imported(project, dlo, source, "txt")
    assert "no document code" in err and "set code: to the registered code" in err
    path = project / "regulations" / "corpus" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    line, written = next(
        (n, x) for n, x in enumerate(text.splitlines(), 1) if x.startswith("code: ")
    )
    where = f"regulations/corpus/regulation.yaml:{line}:7: error DLO114"
    said = f"{where}: the code is left to write: {model.code}"
    checked = dlo("check", "regulations/corpus", cwd=project)
    assert checked.code != 0 and said in checked.out, checked.out + checked.err
    submitted = dlo("submit", "corpus", cwd=project)
    assert submitted.code != 0 and "DLO631" in submitted.err and said in submitted.err
    assert not (project / "regulations" / "corpus" / "journal.yaml").exists()
    # what the clerk does after reading the report
    path.write_text(text.replace(written, "code: ДИ 12-2024"), encoding="utf-8")
    assert dlo("submit", "corpus", cwd=project).code == 0


# clause 10 of each Jambyl source, "the full name of the state body": the organisation's legal
# name (the Kazakh clause 1 leaves out "басқармасы", the Russian clause 10 sets it in "…")
FULL_NAMES = {
    "jambyl-uptad-ereje.kk": "«Жамбыл облысы әкімдігінің жолаушылар көлігі және автомобиль "
    "жолдары басқармасы» коммуналдық мемлекеттік мекемесі",
    "jambyl-uptad-polozhenie.ru": "Коммунальное государственное учреждение «Управление "
    "пассажирского транспорта и автомобильных дорог акимата Жамбылской области»",
}


@pytest.mark.parametrize(("source", "fmt"), [c for c in CASES if c.values[0].stem in FULL_NAMES])
def test_the_organisation_is_the_full_name_its_text_states(project, dlo, source: Source, fmt):
    """The title page, running header and unit print the organisation's name as the source's
    clause 10 states its full name ("Мемлекеттік органның толық атауы – …", "Полное наименование
    государственного органа - …"), which its title gives too — not as the Kazakh clause 1 names
    it with a word left out («… автомобиль жолдары» коммуналдық мемлекеттік мекемесі: the
    department's name without "басқармасы", the word saying it is a department). Where the two
    differ, the import says so at clause 1, naming both."""
    model, err = imported(project, dlo, source, fmt)
    registry = Project(project).load([]).registry
    organisation = next(o for o in registry.organisations if o.id == model.organisation)
    unit = registry.unit(model.unit)
    full = FULL_NAMES[source.stem]
    assert organisation.name == {source.lang: full}
    assert unit.name == {source.lang: re.search(r"«(.+)»", full)[1]}
    said = [line for line in err.splitlines() if "full name" in line]
    if source.lang == "kk":  # clause 1 names it otherwise
        assert len(said) == 1 and ":3:1: warning DLO510: " in said[0], err
        assert "«Жамбыл облысы әкімдігінің жолаушылар көлігі және автомобиль жолдары» " in said[0]
        assert "clause 10" in said[0] and full in said[0]
    else:  # the same name in other quotes
        assert said == [], err


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_name_the_agreement_sheet_gives_is_the_proposed_position_s_holder(project, dlo, fmt):
    """MNU's agreement sheet gives the provost's name beside the title, "Провост | Ибраева А.Б.":
    the position proposed from clause 8.1 takes it as its holder (said, DLO510, at the sheet's
    row), so the agreement sheet dlo prints names her as the source's does — not a blank where
    the source has a name. The directors' rows give no name: no holder; the deputy chairman,
    whom clause 8.1 does not name, is proposed as no position, so her name is not taken."""
    source = next(s for s in SOURCES if s.stem == "mnu-research-assistant.ru")
    model, err = imported(project, dlo, source, fmt)
    registry = Project(project).load([]).registry
    holders = {p.title["ru"]: p.holder for p in registry.positions if p.unit == model.unit}
    assert holders["Провост"] == {"ru": "Ибраева А.Б."}
    assert [t for t, holder in holders.items() if holder] == ["Провост"]
    said = [line for line in err.splitlines() if "Ибраева" in line]
    assert len(said) == 1 and ":69:1: warning DLO510: " in said[0] and "provost" in said[0], err
    assert dlo("render", "corpus", "--format", "docx", cwd=project).code == 0
    sheet = Document(str(project / "build" / "corpus.ru.draft.docx")).tables[0]
    rows = [[cell.text.replace("\u00a0", " ") for cell in row.cells] for row in sheet.rows]
    assert rows[1][1:3] == ["Провост", "Ибраева А.Б."]  # (dlo sets a no-break space in it)
    assert all(row[2] == "" for row in rows[2:])


def test_a_kazakh_text_in_the_windows_kazakh_code_page_reads_as_its_utf_8(project, dlo, tmp_path):
    """The Kazakh regulation saved as plain text in the Kazakh 8-bit code page (KZ-1048, as an
    office's Kazakh Windows writes it, CR LF line ends) is the same regulation as its UTF-8 text:
    not read as Windows-1251, where ә қ ғ ң ө ұ ү һ are ј ќ є ѕ ґ ў ї ћ (every Kazakh letter
    replaced without a word, and the import then failing to find its unit)."""
    source = next(s for s in SOURCES if s.stem == "jambyl-uptad-ereje.kk")
    text = (CORPUS / f"{source.stem}.txt").read_text(encoding="utf-8")
    path = tmp_path / "ereje.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("kz1048"))
    result = dlo("import", path, "--id", "kz1048", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    model = load_model(project, "kz1048")
    plain, _ = imported(project, dlo, source, "txt")
    assert model.title == plain.title
    assert [c.text for _, _, c in model.clauses()] == [c.text for _, _, c in plain.clauses()]
