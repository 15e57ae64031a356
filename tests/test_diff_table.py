"""The comparison table (DOCX) and the comparison page (HTML): № · structural element · current
wording · proposed wording · rationale, each change once, in document order."""

from __future__ import annotations

import copy
import io
import re
from html.parser import HTMLParser

from conftest import on_day
from diff_revision import (
    CHAPTER_6_NEW,
    DUTY_3_NEW,
    DUTY_3_NOTE,
    REASON,
    RIGHT_NEW,
    bilingual,
    checked_bilingual,
    editions,
    find,
    revise,
    seed_data,
    write_project,
)
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from dlo_docs import comparison as diff_api
from dlo_docs import load
from dlo_docs.diff.align import compare
from dlo_docs.labels import labels
from dlo_docs.model import Regulation
from dlo_docs.project import Project
from dlo_docs.render import docx_diff

KK, RU = labels("kk"), labels("ru")
# where clause 13 (liability) was and is: its chapter and paragraph as the document prints them
MOVED_PLACES = (
    "Бұрынғы орны: 5 тарау. Сипаттамасы, параграф 4. Жауапкершілік\n"
    "Жаңа орны: 5 тарау. Сипаттамасы, параграф 5. Өзара қарым-қатынас"
)


def table_of(lang_labels=KK, reason: str | None = REASON, old=None, new=None) -> Document:
    if old is None:
        old, new = editions()
    c = compare(old, new, lang_labels)
    data = docx_diff.table(
        c,
        lang_labels,
        kind=lang_labels["kind"]["job_instruction"],
        code="ЛН ҮББИ 01-2024",
        old_label="1-басылым",
        new_label="2-басылым (жоба)",
        reason=reason,
    )
    return Document(io.BytesIO(data))


def cells(doc: Document) -> list[list[str]]:
    (table,) = doc.tables
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_columns_and_one_row_per_change_in_document_order():
    rows = cells(table_of())
    assert rows[0] == [
        "№",
        "Құрылымдық элемент",
        "Қолданыстағы редакция",
        "Ұсынылатын редакция",
        "Негіздеме",
    ]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert [r[1] for r in rows[1:]] == [
        "10-тармақтың 3) тармақшасы",
        "10-тармақтың 12) тармақшасы",
        "11-тармақтың 6) тармақшасы",
        "13-тармақ → 14-тармақ (ауыстырылды)\n" + MOVED_PLACES,
        "6 тарау",
    ]


def test_wordings_and_rationale():
    rows = cells(table_of())[1:]
    old_duty = find(seed_data(), "duties.3")["text"]
    assert rows[0][2:] == [f"3) {old_duty}", f"3) {DUTY_3_NEW}", DUTY_3_NOTE]  # the drafter's note
    assert rows[1][2:] == [
        "12) Университеттің ішкі ережелерін сақтауға;",
        "Алынып тасталды",
        REASON,
    ]
    assert rows[2][2:] == ["Жоқ", f"6) {RIGHT_NEW}", REASON]  # no note: the revision's reason
    assert rows[3][2].startswith("13. Қызметтік міндеттерін") and rows[3][3].startswith(
        "14. Қызметтік міндеттерін"
    )
    assert rows[4][2:] == [
        "6 тарау. Өзгерістер енгізу тәртібі",
        f"6 тарау. {CHAPTER_6_NEW}",
        REASON,
    ]


def test_changed_words_are_marked():
    (table,) = table_of().tables
    old_cell, new_cell = table.rows[1].cells[2], table.rows[1].cells[3]
    struck = [r.text for r in old_cell.paragraphs[0].runs if r.bold and r.font.strike]
    underlined = [r.text for r in new_cell.paragraphs[0].runs if r.bold and r.underline]
    assert struck == ["үдерісі", "мен", "студенттерін", "жүзеге асыруды үйлестіру"]
    assert underlined == ["процесі", "пен", "білім алушыларын", "үйлестіруге"]
    plain = [r for r in new_cell.paragraphs[0].runs if not r.bold]
    assert plain and all(not r.font.strike for r in plain)


def test_page_header_row_and_renumbering_note():
    doc = table_of()
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    (table,) = doc.tables
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Салыстырмалы кесте"
    assert (  # the code and the editions kept on one line (no-break spaces), as a sheet's
        texts[1].replace("\xa0", " ")
        == "Лауазымдық нұсқаулық «Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы» "
        "(ЛН ҮББИ 01-2024): 1-басылым → 2-басылым (жоба)"
    )
    assert texts[-1] == "Кейінгі құрылымдық элементтердің нөмірленуі тиісінше өзгертілді."


def test_a_change_s_row_is_kept_on_one_page():
    """A row is one change: broken at a page's foot, the next page began with a stub of it
    ("тармақшасы" alone under the repeated header, its № cell blank), read as a row of its own.
    Each change's row keeps together (w:cantSplit); one taller than a page still flows on."""
    (table,) = table_of().tables
    for row in table.rows[1:]:
        tr_pr = row._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None, row.cells[0].text


def test_russian_labels():
    rows = cells(table_of(RU, reason=None))
    assert rows[0] == [
        "№ п/п",
        "Структурный элемент",
        "Действующая редакция",
        "Предлагаемая редакция",
        "Обоснование",
    ]
    assert rows[2][1:] == [
        "Подпункт 12) пункта 10",
        "12) Университеттің ішкі ережелерін сақтауға;",
        "Исключен",
        "",
    ]
    assert rows[3][2] == "Отсутствует"


def test_no_changes_no_table():
    old, _ = editions()
    doc = table_of(old=old, new=old)
    assert doc.tables == []
    assert "Басылымдардың арасында өзгерістер жоқ." in [p.text for p in doc.paragraphs]


def test_a_removed_clause_shows_its_items_in_the_current_wording():
    data = seed_data()
    new = copy.deepcopy(data)
    find(new, "relationships-section")["clauses"][0]["items"].pop()
    find(new, "responsibility-section")["clauses"].pop(0)
    rows = cells(table_of(old=Regulation.model_validate(data), new=Regulation.model_validate(new)))[
        1:
    ]
    assert [r[1] for r in rows] == ["12-тармақ", "14-тармақтың 3) тармақшасы"]
    assert rows[0][2].split("\n")[:2] == [
        "12. Қашықтықтан оқыту бөлімінің бастығы жауапты:",
        "1) Қазақстан Республикасының Еңбек кодексін, «Ахмет Байтұрсынұлы атындағы "
        "Қостанай өңірлік университеті» КЕАҚ Жарғысын, Ішкі тәртіп ережелерін, "
        "еңбекке ақы төлеу туралы Ережені, бөлімше туралы Ережені және басқа да "
        "нормативтік құжаттарды бұзуға;",
    ]
    assert len(rows[0][2].split("\n")) == 9


# --- HTML ------------------------------------------------------------------------------------


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict] = []
        self.cell: list[str] | None = None
        self.marks: list[tuple[str, str]] = []
        self.mark: str | None = None
        self.unseen = 0  # inside a text only a screen reader reads (class "sr"): not shown

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and attrs.get("id", "").startswith("change-"):
            self.rows.append(
                {
                    "id": attrs["id"],
                    "class": attrs.get("class"),
                    "data-id": attrs.get("data-id"),
                    "cells": [],
                }
            )
        elif tag == "td" and self.rows:
            self.cell = []
        elif tag in ("del", "ins"):
            self.mark = tag
            self.marks.append((tag, ""))
        elif tag == "span" and (self.unseen or attrs.get("class") == "sr"):
            self.unseen += 1

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.rows[-1]["cells"].append("".join(self.cell))
            self.cell = None
        elif tag in ("del", "ins"):
            self.mark = None
        elif tag == "span" and self.unseen:
            self.unseen -= 1
        elif tag == "p" and self.cell is not None:
            self.cell.append("\n")

    def handle_data(self, data):
        if self.unseen:
            return
        if self.cell is not None:
            self.cell.append(data)
        if self.mark:
            tag, text = self.marks[-1]
            self.marks[-1] = (tag, text + data)


def test_html_lists_the_same_changes(project):
    write_project(project)
    page = diff_api.output(diff_api.prepare(Project(project), "dlo-head", 1), "html").decode(
        "utf-8"
    )
    parser = _Rows()
    parser.feed(page)
    assert [(r["id"], r["class"], r["data-id"]) for r in parser.rows] == [
        ("change-1", "changed", "duties.3"),
        ("change-2", "removed", "duties.12"),
        ("change-3", "added", "rights.14"),
        ("change-4", "moved", "liability"),
        ("change-5", "changed", "changes"),
    ]
    assert [r["cells"][1] for r in parser.rows][3] == "13-тармақ → 14-тармақ (ауыстырылды)" + (
        MOVED_PLACES.replace("\n", "")
    )
    assert '(ауыстырылды)<br><span class="place">Бұрынғы орны: 5 тарау.' in page
    assert parser.rows[0]["cells"][3].strip() == f"3) {DUTY_3_NEW}"
    assert parser.rows[0]["cells"][4] == DUTY_3_NOTE
    assert ("ins", "білім алушыларын") in parser.marks and ("del", "студенттерін") in parser.marks
    assert '<html lang="kk">' in page


def test_the_html_page_s_number_column_heading_is_one_line(project):
    """The Russian page set the first column's heading "№ п/п" as "№ п/" over "п" (a browser
    breaks after the slash in its narrow column): the heading is kept on one line (a no-break
    space after "№", and no wrapping in that cell); the other headings wrap as they need."""
    data = bilingual(seed_data())
    folder = project / "regulations" / "dlo-head"
    (folder / "editions").mkdir(parents=True, exist_ok=True)
    (folder / "editions" / "1.yaml").write_text(load.dumps(data), encoding="utf-8")
    (folder / "regulation.yaml").write_text(load.dumps(bilingual(revise(data))), encoding="utf-8")
    prepared = diff_api.prepare(Project(project), "dlo-head", 1, lang="ru")
    page = diff_api.output(prepared, "html").decode("utf-8")
    heads = re.findall(r'<th scope="col"( class="n")?>([^<]*)</th>', page)
    assert heads[0] == (' class="n"', "№\u00a0п/п")
    assert [cls for cls, _ in heads[1:]] == ["", "", "", ""]
    assert re.search(r"th\.n\s*\{[^}]*white-space:\s*nowrap", page)


def test_html_escapes_the_texts(project):
    write_project(project)
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text("utf-8").replace(
        "халықаралық жобаларға", "<script>alert(1)</script> жобаларға"
    )
    path.write_text(text, "utf-8")
    page = diff_api.output(diff_api.prepare(Project(project), "dlo-head", 1), "html").decode(
        "utf-8"
    )
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # the page runs no script were the escaping ever to fail: a policy of its own (it had none)
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert policy is not None and "default-src 'none'" in policy[1].split("; ")
    assert "script-src" not in policy[1]


# --- the approval package ----------------------------------------------------------------------


def _approve_and_revise(dlo, project):
    for args in (
        ["submit", "dlo-head"],
        *(
            ["agree", "dlo-head", "--as", role]
            for role in ("vp-academic", "legal-head", "hr-head", "docs-head")
        ),
        ["approve", "dlo-head", "--order", "15-н", "--date", "2024-05-02"],
        ["revise", "dlo-head", "--by", "hr-head", "--reason", REASON],
    ):
        with on_day("2024-05-02" if args[0] != "revise" else "2024-06-01"):
            result = dlo(*args, cwd=project)
        assert result.code == 0, (args, result.err)


def test_approval_table_of_the_open_revision(project, dlo):
    proj = Project(project)
    assert (
        diff_api.approval_table(proj, "dlo-head") is None
    )  # a first edition: nothing to compare with
    _approve_and_revise(dlo, project)
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    path.write_text(
        path.read_text("utf-8").replace("Өзгерістер енгізу тәртібі", CHAPTER_6_NEW), "utf-8"
    )
    data = diff_api.approval_table(proj, "dlo-head")
    rows = cells(Document(io.BytesIO(data)))
    assert rows[1:] == [
        ["1", "6 тарау", "6 тарау. Өзгерістер енгізу тәртібі", f"6 тарау. {CHAPTER_6_NEW}", REASON]
    ]


def test_dlo_render_puts_the_table_in_the_approval_package(project, dlo):
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    assert not (project / "build" / "dlo-head.kk.draft.comparison.docx").exists()  # a first edition
    _approve_and_revise(dlo, project)
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    path.write_text(
        path.read_text("utf-8").replace("Өзгерістер енгізу тәртібі", CHAPTER_6_NEW), "utf-8"
    )
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    # the edition in force is printed without it: the table goes with the draft
    assert "wrote build/dlo-head.kk.comparison.docx" not in result.out.splitlines()
    result = dlo("render", "dlo-head", "--format", "docx", "--draft", cwd=project)
    assert result.code == 0, result.err
    assert "wrote build/dlo-head.kk.draft.comparison.docx" in result.out.splitlines()
    rows = cells(Document(str(project / "build" / "dlo-head.kk.draft.comparison.docx")))
    assert [r[1] for r in rows[1:]] == ["6 тарау"]
    result = dlo(
        "render", "dlo-head", "--format", "html", "--draft", "--out", "html-only", cwd=project
    )
    assert not (
        project / "html-only" / "dlo-head.kk.draft.comparison.docx"
    ).exists()  # with the DOCX only


def _page_furniture(doc: Document) -> tuple[str, str, str]:
    """The table's header text, its footer text and the fields its footer holds."""
    section = doc.sections[0]
    header = "".join(p.text for p in section.header.paragraphs)
    footer = section.footer
    fields = " ".join(t.text.strip() for t in footer._element.iter(qn("w:instrText")))
    return header, "".join(p.text for p in footer.paragraphs), fields


def test_every_page_of_the_table_is_numbered_and_a_draft_s_marked(project, dlo):
    """A comparison table runs to several pages: each says its number among the table's pages,
    as the official document's footer does ("Бет X / Y", PAGE and NUMPAGES fields); the table of
    the approval package, a draft's, says ЖОБА at the head of each page, as the draft does. The
    table between two approved editions has no mark."""
    _, footer, fields = _page_furniture(table_of())
    assert (footer, fields) == ("Бет 1 / 1", "PAGE NUMPAGES")
    _, footer, fields = _page_furniture(table_of(RU, reason=None))
    assert (footer, fields) == ("Стр. 1 из 1", "PAGE NUMPAGES")
    _approve_and_revise(dlo, project)
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    path.write_text(
        path.read_text("utf-8").replace("Өзгерістер енгізу тәртібі", CHAPTER_6_NEW), "utf-8"
    )
    draft = Document(io.BytesIO(diff_api.approval_table(Project(project), "dlo-head")))
    header, footer, fields = _page_furniture(draft)
    assert (footer, fields) == ("Бет 1 / 1", "PAGE NUMPAGES")
    # the mark, then the control code of the draft's text (which dlo agree --text checks)
    assert re.fullmatch(r"ЖОБАМәтіннің бақылау коды: [0-9a-f]{4}( [0-9a-f]{4}){7}", header)
    header = draft.sections[0].header.paragraphs[0]
    assert header.style.name == "DLO Draft Mark"
    assert not draft.sections[0].different_first_page_header_footer  # the first page too


def test_table_without_the_house_table_styles(monkeypatch):
    """With a reference document (or render/docx/) that lacks the form styles, the table
    defines its own instead of failing."""
    body_only = {
        k: v
        for k, v in docx_diff.STYLE.items()
        if k in ("chapter", "paragraph", "clause", "item", "item2")
    }
    monkeypatch.setattr(docx_diff, "STYLE", body_only)
    doc = table_of()
    assert cells(doc)[0][0] == "№"
    assert doc.paragraphs[0].style.name == "DLO Diff Heading"
    assert doc.tables[0].rows[1].cells[2].paragraphs[0].style.name == "DLO Diff Text"


def test_a_revision_that_adds_a_language_gets_a_table_in_the_old_one_only(project, dlo):
    _approve_and_revise(dlo, project)
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    source, _ = load.read(path, "regulation.yaml")
    data = bilingual(load.plain(source.data))
    find(data, "changes")["title"] = {
        "kk": CHAPTER_6_NEW,
        "ru": "Порядок внесения изменений и дополнений",
    }
    path.write_text(load.dumps(data), encoding="utf-8")
    result = dlo("render", "dlo-head", "--format", "docx", "--draft", cwd=project)
    assert result.code == 0, result.err
    assert (project / "build" / "dlo-head.ru.draft.docx").is_file()
    assert (project / "build" / "dlo-head.kk.draft.comparison.docx").is_file()
    assert not (project / "build" / "dlo-head.ru.draft.comparison.docx").exists()
    result = dlo("diff", "dlo-head", "--lang", "ru", cwd=project)
    assert result.code == 2 and "edition 1 has no 'ru' version" in result.err


def test_html_prints_the_organisation_and_nests_a_quoted_title(project):
    """The page names the regulation's organisation in its language (else in another, never
    a blank) and a title quoted of its own in „…“ inside the «…»."""
    write_project(project)
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    title = "Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы"
    text = path.read_text("utf-8")
    assert text.count(title) == 1
    path.write_text(text.replace(title, "«Болашақ» бөлімі бастығының нұсқаулығы"), "utf-8")
    page = diff_api.output(diff_api.prepare(Project(project), "dlo-head", 1), "html").decode()
    assert '<div class="org">«Ахмет Байтұрсынұлы атындағы' in page
    assert "«„Болашақ“ бөлімі бастығының нұсқаулығы»" in page and "««" not in page
    registry = project / "regulations" / "registry.yaml"
    kk_name = "    kk: «Ахмет Байтұрсынұлы атындағы Қостанай өңірлік университеті» КЕАҚ\n"
    assert kk_name in registry.read_text("utf-8")
    registry.write_text(registry.read_text("utf-8").replace(kk_name, ""), "utf-8")
    page = diff_api.output(diff_api.prepare(Project(project), "dlo-head", 1), "html").decode()
    assert '<div class="org">НАО «Костанайский региональный университет' in page


def _russian_clause_7_reworded(project) -> tuple:
    """The bilingual seed frozen as edition 1, and the draft of edition 2 with clause 7's
    Russian text alone reworded: (the regulation's folder, edition 1's data, the draft's)."""
    data = bilingual(seed_data())
    folder = project / "regulations" / "dlo-head"
    (folder / "editions").mkdir(parents=True, exist_ok=True)
    (folder / "editions" / "1.yaml").write_text(load.dumps(data), encoding="utf-8")
    new = copy.deepcopy(data)
    new["edition"] = 2
    guidance = find(new, "guidance")["text"]
    guidance["ru"] = guidance["ru"].replace("(ru) ", "(ru) В своей деятельности: ")
    return folder, data, new


def test_a_change_in_the_other_language_only_is_not_called_no_change(project, dlo, tmp_path):
    """An edition whose Russian text alone changed: its Kazakh table, page and summary do not say
    "no changes between the editions" (false for the edition a lawyer is asked to agree to), but
    that the Kazakh text is unchanged and which clauses of the Russian one changed."""
    folder, data, new = _russian_clause_7_reworded(project)
    (folder / "regulation.yaml").write_text(load.dumps(new), encoding="utf-8")
    said = "Мәтіннің осы тілдегі нұсқасында өзгерістер жоқ; өзгерістер тек «Русский» нұсқасында енгізілген: 7-тармақ."

    result = dlo("diff", "dlo-head", "--from", "1", "--lang", "kk", cwd=project)
    assert result.code == 0, result.err
    assert result.out == (
        "dlo-head (kk): edition 1 → edition 2 (draft): no changes; the ru text changed: 7\n"
    )
    out = tmp_path / "kk.docx"
    args = ("diff", "dlo-head", "--from", "1", "--lang", "kk", "--out", str(out))
    assert dlo(*args, "--format", "table", cwd=project).code == 0
    table = Document(str(out))
    assert table.tables == [] and [p.text for p in table.paragraphs][-1] == said
    page = tmp_path / "kk.html"
    assert dlo(*args[:-1], str(page), "--format", "html", cwd=project).code == 0
    # the page marks the language's own name in its language, for a screen reader
    marked = said.replace("«Русский»", '«<span lang="ru">Русский</span>»')
    assert f"<p>{marked}</p>" in page.read_text("utf-8")
    # the Russian comparison shows the change; an unchanged edition still says there is none
    result = dlo("diff", "dlo-head", "--from", "1", "--lang", "ru", cwd=project)
    assert result.out.startswith("dlo-head (ru): edition 1 → edition 2 (draft): 1 changed\n")
    (folder / "regulation.yaml").write_text(load.dumps({**data, "edition": 2}), encoding="utf-8")
    assert dlo(*args, "--format", "table", cwd=project).code == 0
    assert [p.text for p in Document(str(out)).paragraphs][
        -1
    ] == "Басылымдардың арасында өзгерістер жоқ."


def test_a_change_in_the_other_language_alone_is_said_after_this_one_s_changes(
    project, dlo, tmp_path
):
    """A bilingual edition whose two texts changed in item 10.3 and whose Russian text alone
    changed in clause 7 (a translation reworded, or a figure changed in one language only):
    the Kazakh table, page and summary listed 10.3 and said nothing of clause 7, so whoever
    agreed in Kazakh to the edition (one text, both languages, one control code) never saw it.
    Now each says, after its own changes, which elements changed in the other language's text
    alone; the Russian comparison, which lists both, says nothing more."""
    folder, data, new = _russian_clause_7_reworded(project)
    duty = find(new, "duties.3")["text"]
    duty["kk"], duty["ru"] = DUTY_3_NEW, f"(ru) {DUTY_3_NEW}"
    (folder / "regulation.yaml").write_text(load.dumps(new), encoding="utf-8")
    said = "Сонымен қатар өзгерістер тек «Русский» нұсқасында енгізілген: 7-тармақ."

    result = dlo("--lang-ui", "en", "diff", "dlo-head", "--from", "1", "--lang", "kk", cwd=project)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "dlo-head (kk): edition 1 → edition 2 (draft): 1 changed"
    assert lines[-1] == "also changed in the ru text only: 7"
    out = tmp_path / "kk.docx"
    args = ("diff", "dlo-head", "--from", "1", "--lang", "kk", "--out", str(out))
    assert dlo(*args, "--format", "table", cwd=project).code == 0
    table = Document(str(out))
    assert [row[1] for row in cells(table)[1:]] == ["10-тармақтың 3) тармақшасы"]
    assert [p.text for p in table.paragraphs][-1] == said
    page = tmp_path / "kk.html"
    assert dlo(*args[:-1], str(page), "--format", "html", cwd=project).code == 0
    marked = said.replace("«Русский»", '«<span lang="ru">Русский</span>»')
    assert f'<p class="legend">{marked}</p>' in page.read_text("utf-8")
    # the Russian comparison lists both changes, and no more
    result = dlo("--lang-ui", "en", "diff", "dlo-head", "--from", "1", "--lang", "ru", cwd=project)
    assert result.out.startswith("dlo-head (ru): edition 1 → edition 2 (draft): 2 changed\n")
    assert "also changed" not in result.out
    ru = tmp_path / "ru.docx"
    assert dlo(*args[:5], "ru", "--out", str(ru), "--format", "table", cwd=project).code == 0
    assert [p.text for p in Document(str(ru)).paragraphs][-1] == RU["diff"]["legend"]


def test_the_table_names_the_organisation_above_its_title_as_the_page_does(project):
    """The DOCX table's title area starts with the registry's organisation in the document's
    language, as the HTML page's header does; a library call given none prints no blank line."""
    write_project(project)
    prepared = diff_api.prepare(Project(project), "dlo-head", 1)
    name = "«Ахмет Байтұрсынұлы атындағы Қостанай өңірлік университеті» КЕАҚ"
    assert prepared.organisation == name
    assert f'<div class="org">{name}</div>' in diff_api.output(prepared, "html").decode()
    doc = Document(io.BytesIO(diff_api.output(prepared, "table")))
    first, heading = doc.paragraphs[:2]
    assert (first.text, heading.text) == (name, "Салыстырмалы кесте")
    assert first.style.name == docx_diff.STYLE["organisation"]
    assert first.alignment == WD_ALIGN_PARAGRAPH.CENTER or (
        first.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    )
    assert all(run.bold for run in first.runs) or first.style.font.bold
    assert table_of().paragraphs[0].text == "Салыстырмалы кесте"


RU_REASON = "Приведение в соответствие с новой структурой университета"


def test_the_reason_worded_for_each_language(project, dlo):
    """A bilingual regulation's revision opened with one reason showed it, as typed, in both
    languages' comparison tables and on both languages' site pages: a Kazakh sentence as the
    rationale of the Russian table. ``dlo revise --reason-ru`` (``--reason-kk``) gives the
    other language its own wording; a language given none shows ``--reason``."""
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    path.write_text(load.dumps(checked_bilingual()), encoding="utf-8")
    approvers = ("vp-academic", "legal-head", "hr-head", "docs-head")
    round_ = [["submit", "dlo-head"], *(["agree", "dlo-head", "--as", r] for r in approvers)]
    for args in (*round_, ["approve", "dlo-head", "--order", "15-н", "--date", "2024-05-02"]):
        with on_day("2024-05-02"):
            assert dlo(*args, cwd=project).code == 0, args
    revise = ["revise", "dlo-head", "--by", "hr-head", "--reason", REASON, "--reason-ru", RU_REASON]
    with on_day("2024-06-01"):
        result = dlo(*revise, cwd=project)
    assert result.code == 0, result.err
    text = path.read_text("utf-8").replace("Өзгерістер енгізу тәртібі", CHAPTER_6_NEW)
    path.write_text(text, "utf-8")
    proj = Project(project)
    for lang, reason in (("kk", REASON), ("ru", RU_REASON)):
        rows = cells(Document(io.BytesIO(diff_api.approval_table(proj, "dlo-head", lang) or b"")))
        assert [row[-1] for row in rows[1:]] == [reason], (lang, rows)
    for args in (*round_, ["approve", "dlo-head", "--order", "16-н", "--date", "2024-06-03"]):
        with on_day("2024-06-03"):
            assert dlo(*args, cwd=project).code == 0, args
    assert dlo("site", "build", "--no-pdf", cwd=project).code == 0
    pages = {lang: (project / "public" / lang / "dlo-head" / "index.html") for lang in ("kk", "ru")}
    kk, ru = (pages[lang].read_text("utf-8") for lang in ("kk", "ru"))
    assert REASON in kk and RU_REASON not in kk
    assert RU_REASON in ru and REASON not in ru


def test_a_title_longer_than_a_documents_property_holds(project, dlo, tmp_path):
    """A title of some 300 characters, which dlo check accepts and the regulation's own DOCX
    prints: the comparison table, the tracked-changes copy and the translation table stopped with
    an internal error (python-docx refuses a property over 255 characters: File > Properties,
    title), and so did the approval package's render. Now the property holds the title cut to
    255 characters, ending in "…"; the pages print it whole."""
    write_project(project)
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    source, _ = load.read(path, "regulation.yaml")
    data = load.plain(source.data)
    title = data["title"]["kk"] + " " + " ".join(["және оның бөлімшелерінің"] * 10)
    data["title"]["kk"] = title
    path.write_text(load.dumps(data), encoding="utf-8")
    assert 280 < len(title) < 320
    for fmt in ("table", "redline"):
        out = tmp_path / f"{fmt}.docx"
        args = ("diff", "dlo-head", "--from", "1", "--format", fmt, "--out", str(out))
        result = dlo(*args, cwd=project)
        assert result.code == 0, result.err
        said = Document(str(out)).core_properties.title
        assert len(said) == 255 and said.endswith("…"), said
    assert f"«{title}»" in "".join(
        p.text for p in Document(str(tmp_path / "table.docx")).paragraphs
    )
    out = tmp_path / "ru.docx"
    result = dlo("translate", "dlo-head", "--to", "ru", "--out", str(out), cwd=project)
    assert result.code == 0, result.err
    said = Document(str(out)).core_properties.title
    assert said == title[:254] + "…"


def test_a_project_s_label_naming_the_language_twice_is_said_and_marked_whole():
    """A project's own ``diff.no_changes_here`` may name the other language twice: the page's
    sentence, cut at its first name for the screen reader's language, keeps the second (it raised
    a KeyError on the second ``{language}``), and the text says what the page shows."""
    from dlo_docs.diff import languages

    found = [languages.Elsewhere("ru", "Русский", ["7-тармақ"], ["7"])]
    words = {"diff": {"no_changes_here": "«{language}»: {where}; тек «{language}» нұсқасында."}}
    [piece] = languages.marked(found, words, "no_changes_here")
    assert (piece["before"], piece["language"], piece["lang"]) == ("«", "Русский", "ru")
    assert piece["after"] == "»: 7-тармақ; тек «Русский» нұсқасында."
    assert languages.said(found, words, "no_changes_here") == [
        "«Русский»: 7-тармақ; тек «Русский» нұсқасында."
    ]
