"""The official forms in DOCX: title page, running header and footer, the four sheets, the
standalone sheets and the transfer act, labels per language, styles only."""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import shutil
import time
import uuid
import warnings
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from conftest import FIXTURES, on_day, organisation_today
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt
from lxml import etree
from site_support import UNIT, add_unit, remove_a_clause

from dlo_docs import context
from dlo_docs import labels as labels_mod
from dlo_docs.errors import UsageError
from dlo_docs.project import Project
from dlo_docs.records import (
    AcquaintanceRecord,
    AgreementMark,
    ChangedClauses,
    ChangeRecord,
    Order,
    Records,
    ReviewRecord,
    SignatureNote,
)
from dlo_docs.render import docx as docx_render
from dlo_docs.render.nobreak import tied

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
SHEET_KEYS = ("agreement", "acquaintance", "changes", "review")


def draft(doc: str, lang: str, ext: str = "docx") -> str:
    """The name a draft's output is written under: ``<id>.<lang>.draft.<ext>`` (a sheet's ext is
    ``<kind>.docx``). The ``project`` fixture's regulations have no edition in force, so a render
    of them is a draft until a test approves one; the edition in force's outputs keep
    ``<id>.<lang>.<ext>``."""
    return f"{doc}.{lang}.draft.{ext}"


HEAD_DOCX = draft("dlo-head", "kk")


# --- helpers (also used by test_pdf.py) ----------------------------------------------------


def add_bilingual(root: Path) -> None:
    """Put the bilingual fixture regulation (kk + ru) into the project at ``root``."""
    folder = root / "regulations" / "dlo-unit"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "bilingual" / "regulation.yaml", folder / "regulation.yaml")


def parts(data: bytes) -> dict[str, ET.Element]:
    """The XML parts of a DOCX that hold text: document, headers, footers."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {
            name: ET.fromstring(z.read(name))
            for name in z.namelist()
            if re.match(r"word/(document|header\d*|footer\d*)\.xml$", name)
        }


def paragraphs(root: ET.Element) -> list[tuple[str, str]]:
    """(style id, text) of every paragraph, tables included, in order, as it reads: a
    non-breaking hyphen (w:noBreakHyphen) as "-", a no-break space as a space."""
    out = []
    for p in root.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        text = "".join(
            "-" if t.tag == f"{W}noBreakHyphen" else (t.text or "")
            for t in p.iter()
            if t.tag in (f"{W}t", f"{W}noBreakHyphen")
        ).replace("\u00a0", " ")
        out.append((style.get(f"{W}val") if style is not None else "", text))
    return out


def all_text(data: bytes) -> str:
    return "\n".join(text for root in parts(data).values() for _, text in paragraphs(root))


NOT_PRINTED = ("approval_form_words", "kind_named")  # words a text is read by


def label_strings(value) -> set[str]:
    """Every printed string of a label set (format strings cut at their placeholders)."""
    if isinstance(value, dict):
        return set().union(*(label_strings(v) for k, v in value.items() if k not in NOT_PRINTED))
    if isinstance(value, list):
        return set().union(*(label_strings(v) for v in value))
    pieces = re.split(r"\{[a-z_]+\}", str(value))
    return {p.strip(" ,.:·«»()") for p in pieces if len(p.strip(" ,.:·«»()_")) >= 3}


def build_rd(
    root: Path, reg_id: str = "dlo-head", lang: str | None = None, records: Records | None = None
):
    project = Project(root)
    loaded = project.load([reg_id])
    return context.build(
        loaded.documents[reg_id], loaded.registry, lang, project.templates, records
    )


def table_rows(root: ET.Element, after_heading: str) -> list[list[str]]:
    """The rows of the first table after the paragraph whose text is ``after_heading``, as
    they read (a no-break space as a space, a no-break hyphen as "-")."""
    body = root.find(f"{W}body")
    seen = False
    for child in body:
        if (
            child.tag == f"{W}p"
            and "".join(t.text or "" for t in child.iter(f"{W}t")) == after_heading
        ):
            seen = True
        elif seen and child.tag == f"{W}tbl":
            return [
                [
                    "".join(
                        "-" if t.tag == f"{W}noBreakHyphen" else (t.text or "")
                        for t in tc.iter()
                        if t.tag in (f"{W}t", f"{W}noBreakHyphen")
                    ).replace("\u00a0", " ")
                    for tc in tr.findall(f"{W}tc")
                ]
                for tr in child.findall(f"{W}tr")
            ]
    raise AssertionError(f"no table after {after_heading!r}")


@pytest.fixture
def kk(project):
    return labels_mod.labels("kk", project / "templates")


@pytest.fixture
def seed_docx(project, dlo) -> bytes:
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    return (project / "build" / HEAD_DOCX).read_bytes()


# --- title page ----------------------------------------------------------------------------


def test_title_page_of_a_draft(seed_docx, kk):
    body = paragraphs(parts(seed_docx)["word/document.xml"])
    texts = [t for _, t in body]
    first_chapter = texts.index("1 тарау. Қолдану саласы")
    title = texts[:first_chapter]
    assert title == [
        "«Ахмет Байтұрсынұлы атындағы Қостанай өңірлік университеті» КЕАҚ",
        "БЕКІТІЛДІ",
        "Басқарма Төрағасы – Ректордың",
        "20___ ж. «___» ____________",
        "№ ______ бұйрығымен",
        # (the title names the kind: "Лауазымдық нұсқаулық" is not printed above it)
        "Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы",
        "Лауазымы: Қашықтықтан оқыту бөлімінің бастығы",
        "Коды: ЛН ҮББИ 01-2024",
        "1-басылым",
    ]
    # the body starts on a new page
    doc = ET.fromstring(zipfile.ZipFile(io.BytesIO(seed_docx)).read("word/document.xml"))
    last_title = list(doc.find(f"{W}body"))[first_chapter - 1]
    assert last_title.find(f".//{W}br[@{W}type='page']") is not None


KK_KIND, RU_KIND = "Лауазымдық нұсқаулық", "Должностная инструкция"


@pytest.mark.parametrize(
    ("kk", "ru", "heading"),
    [
        # the title names the kind, in any inflection and in capitals or not: printed once
        (
            "Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы",
            "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ начальника отдела дистанционного обучения",
            {"kk": None, "ru": None},
        ),
        # the title completes the kind: the kind above it
        (
            "Қашықтықтан оқыту бөлімінің бастығы",
            "начальника отдела дистанционного обучения",
            {"kk": KK_KIND, "ru": RU_KIND},
        ),
        # a word of the kind alone is not its name ("инструкция по …" is no job instruction)
        (
            "Қашықтықтан оқыту бөлімі бастығына нұсқаулық",
            "Инструкция начальнику отдела по должностным вопросам",
            {"kk": KK_KIND, "ru": RU_KIND},
        ),
        # the kind's name elsewhere in the title, or of another document, is not the title's kind:
        # a title names its kind where the language puts it (Kazakh: at the end, Russian: first)
        (
            "Лауазымдық нұсқаулықтарды бекіту туралы Ректордың бұйрығы",
            "Приказ об утверждении должностных инструкций",
            {"kk": KK_KIND, "ru": RU_KIND},
        ),
        (
            "Бөлім бастығының (лауазымдық нұсқаулығы жоқ) міндеттері",
            "начальника отдела (без должностной инструкции)",
            {"kk": KK_KIND, "ru": RU_KIND},
        ),
    ],
    ids=[
        "names-the-kind",
        "completes-the-kind",
        "a-word-of-the-kind-only",
        "another-document-of-the-kind",
        "the-kind-inside",
    ],
)
def test_the_kind_is_printed_once_on_the_title_page_and_the_html_page(
    project, dlo, kk, ru, heading
):
    """ГОСТ Р 7.0.97: the kind of document, then the heading that completes it; a title that
    names the kind itself is printed alone, in the kind's place (DOCX and HTML alike)."""
    add_bilingual(project)
    path = project / "regulations" / "dlo-unit" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("kind: unit_regulation\n", "kind: job_instruction\n")
    text = text.replace("unit: dlo\n", "unit: dlo\nposition: dlo-head\n")
    text = text.replace("kk: Қашықтықтан оқыту бөлімі туралы ереже\n", f"kk: {kk}\n")
    text = text.replace("ru: Положение об отделе дистанционного обучения\n", f"ru: {ru}\n")
    path.write_text(text, encoding="utf-8")
    result = dlo("render", "dlo-unit", "--format", "docx", "--format", "html", cwd=project)
    assert result.code == 0, result.err
    for lang, title in (("kk", kk), ("ru", ru)):
        data = (project / "build" / draft("dlo-unit", lang)).read_bytes()
        body = paragraphs(parts(data)["word/document.xml"])
        at = [t for _, t in body].index(title)
        kinds = [t for style, t in body[:at] if style == "DLODocumentKind"]
        assert kinds == ([heading[lang]] if heading[lang] else []), lang
        # alone, the title stands where the kind would, in a style of its own
        assert body[at][0] == ("DLODocumentTitle" if heading[lang] else "DLODocumentName")
        page = (project / "build" / draft("dlo-unit", lang, "html")).read_text(encoding="utf-8")
        h1 = re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)
        assert h1 == (f"{heading[lang]}<br>{title}" if heading[lang] else title), lang
        name = f"{heading[lang]}. {title}" if heading[lang] else title
        mark = {"kk": "ЖОБА", "ru": "ПРОЕКТ"}[lang]  # a draft's page says so in its title too
        assert f"<title>{mark} · {name} (П 02-2024)</title>" in page
        assert Document(io.BytesIO(data)).core_properties.title == name


def test_title_page_shows_the_order_once_approved(project):
    records = Records(state="in_force", edition=1, order=Order("45-н", dt.date(2024, 5, 10)))
    data = docx_render.render(build_rd(project, records=records), project / "templates")
    texts = [t for _, t in paragraphs(parts(data)["word/document.xml"])]
    assert texts[1:4] == [
        "БЕКІТІЛДІ",
        "Басқарма Төрағасы – Ректордың",
        "10.05.2024 ж. № 45-н бұйрығымен",
    ]
    assert "«___» ____________ 20___ ж." not in texts and "БЕКІТЕМІН" not in texts
    # the year at the foot of the title page is the order's
    assert "Қостанай 2024 ж." in all_text(data)


def test_the_forms_keep_words_together_with_no_break_spaces(project, dlo):
    """A line of the forms never starts with "– Ректордың", nor leaves "№" apart from its
    number, a date apart from its "ж." / "г.", initials apart from the surname: the forms dlo
    composes (title page, footer, sheets; DOCX and HTML) tie them with no-break spaces. The
    body keeps its spaces as typed (the approved text, as the comparison and import read it)."""
    nb = "\u00a0"
    records = Records(state="in_force", edition=1, order=Order("45-н", dt.date(2024, 5, 10)))
    rd = build_rd(project, records=records)
    data = docx_render.render(rd, project / "templates")
    marks = {f"{W}t": None, f"{W}noBreakHyphen": "\u2011"}  # a no-break hyphen as U+2011
    texts = {
        name: [
            "".join(marks[t.tag] or t.text or "" for t in p.iter() if t.tag in marks)
            for p in root.iter(f"{W}p")
        ]
        for name, root in parts(data).items()
    }
    body = texts["word/document.xml"]
    assert body[2:4] == [
        f"Басқарма Төрағасы{nb}– Ректордың",
        f"10.05.2024{nb}ж. №{nb}45\u2011н бұйрығымен",  # the number's hyphen a no-break one
    ]
    assert f"А.{nb}Б.{nb}Сейітова" in body  # the agreement sheet's name
    footers = [t for name, lines in texts.items() if "footer" in name for t in lines]
    assert f"Қостанай 2024{nb}ж." in footers
    start = body.index("1 тарау. Қолдану саласы")
    assert body[start : start + len(rd.blocks)] == [b.line for b in rd.blocks]  # as typed
    assert "2) ҚР – Қазақстан Республикасы;" in body
    # a draft's blanks, in Russian, on the title page and the HTML page
    add_bilingual(project)
    result = dlo(
        "render", "dlo-unit", "--lang", "ru", "--format", "docx", "--format", "html", cwd=project
    )
    assert result.code == 0, result.err
    block = [
        f"приказом Председателя Правления{nb}– Ректора",
        f"от «___» ____________ 20___{nb}г.",
        f"№{nb}______",
    ]
    doc = ET.fromstring(
        zipfile.ZipFile(project / "build" / draft("dlo-unit", "ru")).read("word/document.xml")
    )
    lines = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in doc.iter(f"{W}p")]
    assert lines[2:5] == block
    page = (project / "build" / draft("dlo-unit", "ru", "html")).read_text(encoding="utf-8")
    approval = page[page.index('<div class="approval">') :].split("</div>")[0]
    assert re.findall(r"<p>([^<]*)</p>", approval) == block


def test_an_order_number_and_the_no_sign_are_never_split_at_a_line_s_end(project):
    """The change registration sheet set "26.11.2026 ж. № 0000-" / "ҮЛГІ бұйрық", and its
    Russian heading left "(№" at a line's end apart from "приказа": the hyphens of a number
    after "№" are Word's no-break hyphens (the title page's approval block, the sheets' cells),
    and the column headings are tied like the cells."""
    nb = "\u00a0"
    order = Order("0000-ҮЛГІ", dt.date(2026, 11, 26))
    history = [
        ChangeRecord(1, ChangedClauses(whole=True), order, dt.date(2026, 11, 26), {"kk": "С"})
    ]
    records = Records(state="in_force", edition=1, order=order, history=history)
    add_bilingual(project)
    for lang, reg_id, heading in (
        ("kk", "dlo-head", f"(бұйрық{nb}№, күні)"),
        ("ru", "dlo-unit", f"(№{nb}приказа, дата)"),
    ):
        rd = build_rd(project, reg_id, lang, records)
        xml = zipfile.ZipFile(io.BytesIO(docx_render.render(rd, project / "templates"))).read(
            "word/document.xml"
        )
        numbered = [p for p in re.findall(r"<w:p>.*?</w:p>", xml.decode()) if "0000" in p]
        assert len(numbered) == 2  # the approval block's line, the change sheet's cell
        for p in numbered:
            assert re.search(f"№{nb}0000</w:t></w:r><w:r><w:noBreakHyphen/></w:r>.*?>ҮЛГІ", p), p
        cells = ["".join(t.itertext()) for t in ET.fromstring(xml).iter(f"{W}tc")]
        assert [c for c in cells if heading in c], lang
    # a "№" at a line's end does not reach into the next line
    assert tied("бұйрық №\n5-6 a-b") == f"бұйрық{nb}№\n5-6 a-b"
    assert tied("№ 5-6 a-b") == f"№{nb}5\u20116 a-b"


def test_a_number_and_its_hyphenated_ending_are_never_split_on_the_forms(project):
    """An agreement sheet set a position "… департаменттің 12-" / "ші сектор меңгерушісі" in its
    narrow column: a number and the ending joined to it by a hyphen ("12-ші", "1-санатты",
    "3-м") are one word, as typography keeps "12-й" whole. On the forms that hyphen is Word's
    no-break hyphen; one between two numbers (a code's "01-2024") or two words ("қабылдау-
    тапсыру") is not, and the HTML pages keep every hyphen as typed."""
    registry = project / "regulations" / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    text = text.replace(
        "kk: Академиялық мәселелер жөніндегі проректор\n",
        "kk: Академиялық мәселелер жөніндегі 1-ші проректор\n",
        1,
    )
    assert "1-ші проректор" in text
    registry.write_text(text, encoding="utf-8")
    data = docx_render.render(build_rd(project), project / "templates")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    cells = [c for c in re.findall(r"<w:tc>.*?</w:tc>", xml) if "проректор" in c]
    assert cells and all(
        re.search(r"1</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t[^>]*>ші", c) for c in cells
    )
    nb, nbh = "\u00a0", "\u2011"
    assert tied("департаменттің 12-ші сектор") == f"департаменттің 12{nbh}ші сектор"
    assert tied("бухгалтер 1-санатты; 3-м сектором") == f"бухгалтер 1{nbh}санатты; 3{nbh}м сектором"
    assert tied("ЛН 01-2024, қабылдау-тапсыру, A-2b") == "ЛН 01-2024, қабылдау-тапсыру, A-2b"
    assert tied("2-ші № 5-6", hyphens=False) == f"2-ші №{nb}5-6"


def test_city_and_year_at_the_foot_of_the_title_page_only(seed_docx):
    doc = Document(io.BytesIO(seed_docx))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    year = organisation_today().year
    # (the year and its "ж." on one line)
    assert [p.text for p in section.first_page_footer.paragraphs] == [f"Қостанай {year}\u00a0ж."]
    # (a draft: the title page's header holds only its mark, and its text's control code)
    mark, code = [p.text for p in section.first_page_header.paragraphs]
    assert mark == "ЖОБА" and re.fullmatch(r"Мәтіннің бақылау коды: (\w{4} ){7}\w{4}", code)


def test_a_draft_s_year_is_the_organisation_s_day_not_this_computer_s(project, dlo):
    """A draft's title page has the year of the organisation's day the command takes
    (DLO_TODAY here; else the day in the organisation's time zone, +05:00, not this computer's
    clock, which on a UTC server is still the old year on 31 December from 19:00 in Kazakhstan),
    so that a render is made again as it was; a library call naming no day leaves the year to
    fill in, never the clock's."""

    def year_line(data: bytes) -> list[str]:
        footer = Document(io.BytesIO(data)).sections[0].first_page_footer
        return [p.text.replace("\u00a0", " ") for p in footer.paragraphs]

    with on_day("2031-01-01"):
        result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    assert year_line((project / "build" / HEAD_DOCX).read_bytes()) == ["Қостанай 2031 ж."]
    data = docx_render.render(build_rd(project), project / "templates")
    assert year_line(data) == ["Қостанай 20___ ж."]


# --- running header and footer -------------------------------------------------------------


def test_running_header_and_page_x_of_y_fields(seed_docx):
    doc = Document(io.BytesIO(seed_docx))
    section = doc.sections[0]
    header = [p.text for p in section.header.paragraphs]
    assert header[1].startswith("Мәтіннің бақылау коды: ")  # the draft's text's control code
    assert [header[0], *header[2:]] == [
        "ЖОБА",  # a draft (the bundled project's copy has no journal)
        "«Ахмет Байтұрсынұлы атындағы Қостанай өңірлік университеті» КЕАҚ",
        "Лауазымдық нұсқаулық ЛН\u00a0ҮББИ\u00a001-2024 · 1-басылым",  # the code on one line
    ]
    footer = section.footer.paragraphs[0]._p
    instructions = [t.text.strip() for t in footer.iter(f"{W}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert [f.get(f"{W}fldCharType") for f in footer.iter(f"{W}fldChar")] == [
        "begin",
        "separate",
        "end",
    ] * 2
    text = "".join(t.text for t in footer.iter(f"{W}t"))
    assert text == "Бет 1 / 1"  # field results as cached; Word and LibreOffice recompute them


# --- sheets --------------------------------------------------------------------------------


def test_every_sheet_on_its_own_page_after_the_body(seed_docx, kk):
    doc = Document(io.BytesIO(seed_docx))
    headings = [p.text for p in doc.paragraphs if p.style.name == "DLO Sheet Heading"]
    assert headings == [kk["sheet"][key]["title"] for key in SHEET_KEYS]
    assert doc.styles["DLO Sheet Heading"].paragraph_format.page_break_before
    # after the last clause
    texts = [p.text for p in doc.paragraphs]
    assert texts.index(headings[0]) > max(
        i for i, p in enumerate(doc.paragraphs) if p.style.name == "DLO Clause"
    )


def test_a_quoted_title_is_nested_in_the_sheets_quotes(project, dlo, kk):
    """A title with quotes of its own, set inside the sheets' «…», takes „…“ for its own:
    «„Болашақ“ орталығы …», not ««Болашақ» орталығы …»."""
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    old = "  kk: Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы\n"
    assert old in text
    path.write_text(
        text.replace(old, "  kk: «Болашақ» орталығы бастығының нұсқаулығы\n", 1), "utf-8"
    )
    assert dlo("render", "dlo-head", "--format", "docx", cwd=project).code == 0
    data = (project / "build" / HEAD_DOCX).read_bytes()
    doc = Document(io.BytesIO(data))
    subtitles = [p.text for p in doc.paragraphs if p.style.name == "DLO Sheet Subtitle"]
    assert len(subtitles) == len(SHEET_KEYS)
    for subtitle in subtitles:
        assert "«„Болашақ“ орталығы бастығының нұсқаулығы»" in subtitle and "««" not in subtitle
    # the title itself is printed as written
    assert "«Болашақ» орталығы бастығының нұсқаулығы".upper() in all_text(data).upper()


KK_NAMED = "Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы"  # the seed's title


@pytest.mark.parametrize(
    ("title", "cited", "in_the_act"),
    [
        # the title names the kind: the sheets cite it alone, in their quotes; the transfer
        # act's column of names prints it as the title page does
        (KK_NAMED, f"«{KK_NAMED}»", KK_NAMED),
        # the title completes the kind: the kind before it
        (
            "Қашықтықтан оқыту бөлімінің бастығы",
            "Лауазымдық нұсқаулық «Қашықтықтан оқыту бөлімінің бастығы»",
            "Лауазымдық нұсқаулық «Қашықтықтан оқыту бөлімінің бастығы»",
        ),
    ],
    ids=["names-the-kind", "completes-the-kind"],
)
def test_the_sheets_name_the_kind_once(project, dlo, kk, title, cited, in_the_act):
    """The sheets' subtitle and the transfer act print the kind of document before the title
    only where the title page does: "Лауазымдық нұсқаулық «… лауазымдық нұсқаулығы»" printed
    the kind twice (the whole document, a sheet of its own, the act; DOCX)."""
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"  kk: {KK_NAMED}\n", f"  kk: {title}\n", 1), "utf-8")
    subtitle = f"{cited}, ЛН ҮББИ 01-2024, 1-басылым"
    assert dlo("render", "dlo-head", "--format", "docx", cwd=project).code == 0
    body = paragraphs(parts((project / "build" / HEAD_DOCX).read_bytes())["word/document.xml"])
    assert [t for style, t in body if style == "DLOSheetSubtitle"] == [subtitle] * len(SHEET_KEYS)
    for kind in ("agreement", "transfer"):
        assert dlo("sheet", kind, "dlo-head", cwd=project).code == 0
    sheet = (project / "build" / draft("dlo-head", "kk", "agreement.docx")).read_bytes()
    assert [
        t for s, t in paragraphs(parts(sheet)["word/document.xml"]) if s == "DLOSheetSubtitle"
    ] == [subtitle]
    act = parts((project / "build" / draft("dlo-head", "kk", "transfer.docx")).read_bytes())[
        "word/document.xml"
    ]
    assert table_rows(act, kk["sheet"]["transfer"]["text"])[1][1] == in_the_act


def test_a_russian_sheet_cites_a_title_naming_the_kind_alone(project, dlo):
    """ "Положение о подразделении «Положение об отделе …»" printed the kind twice."""
    add_bilingual(project)
    assert dlo("render", "dlo-unit", "--lang", "ru", "--format", "docx", cwd=project).code == 0
    body = paragraphs(
        parts((project / "build" / draft("dlo-unit", "ru")).read_bytes())["word/document.xml"]
    )
    assert [t for style, t in body if style == "DLOSheetSubtitle"][0] == (
        "«Положение об отделе дистанционного обучения», П 02-2024, издание 2"
    )


def test_agreement_sheet_rows_come_from_the_approvers(seed_docx, kk):
    rows = table_rows(parts(seed_docx)["word/document.xml"], kk["sheet"]["agreement"]["title"])
    assert rows[0] == kk["sheet"]["agreement"]["columns"]
    assert rows[1:] == [
        ["1", "Академиялық мәселелер жөніндегі проректор", "А. Б. Сейітова", "", "", ""],
        [
            "2",
            "Құқықтық қамтамасыз ету және мемлекеттік сатып алу бөлімінің бастығы",
            "Н. К. Оспанов",
            "",
            "",
            "",
        ],
        ["3", "Персоналды басқару бөлімінің бастығы", "Г. М. Жұмабаева", "", "", ""],
        ["4", "Құжаттамалық қамтамасыз ету бөлімінің бастығы", "С. Т. Әбенова", "", "", ""],
    ]


FONTS = Path("/usr/share/fonts/truetype/liberation2")  # Times New Roman's widths
SERIF = FONTS / "LiberationSerif-Regular.ttf"


def measure(data: bytes, style: str, bold: bool = False):
    """``twips(text)``: the width of ``text`` in the font size of ``style`` of the DOCX
    ``data``, in Liberation Serif (Times New Roman's widths)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(FONTS / f"LiberationSerif-{'Bold' if bold else 'Regular'}.ttf"))
    glyphs, advance, em = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    size = Document(io.BytesIO(data)).styles[style].font.size.pt

    def twips(text: str) -> float:
        return sum(advance[glyphs[ord(c)]][0] for c in text) / em * size * 20

    return twips


def sheet_tables(data: bytes) -> dict[str, tuple[list[int], list[str]]]:
    """Each sheet's table by its heading: the width each column leaves its text (twips, the
    table style's cell margins taken off) and the column headings as written."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("word/styles.xml").decode()
    # the margins of the sheets' table style (not the first in styles.xml: Word's "Normal Table"
    # and "Table Grid" have wider ones)
    style = re.search(r'w:styleId="DLOTable">.*?</w:style>', styles).group(0)
    cell = re.search(r"<w:tblCellMar>.*?</w:tblCellMar>", style).group(0)
    margins = sum(int(w) for w in re.findall(r'<w:(?:left|right) w:w="(\d+)"', cell))
    tables, heading = {}, ""
    for child in parts(data)["word/document.xml"].find(f"{W}body"):
        style = child.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") == "DLOSheetHeading":
            heading = "".join(child.itertext())
        elif child.tag == f"{W}tbl" and heading:
            columns = [int(g.get(f"{W}w")) - margins for g in child.iter(f"{W}gridCol")]
            head = ["".join(tc.itertext()) for tc in child.find(f"{W}tr").iter(f"{W}tc")]
            tables[heading] = (columns, head)
    return tables


@pytest.mark.skipif(not SERIF.exists(), reason="Liberation Serif (Times New Roman's metrics)")
def test_the_agreement_sheet_s_columns_hold_each_name_and_each_word_of_a_title(
    project, seed_docx, kk
):
    """The name "Г. М. Жұмабаева" (its spaces no-break ones) was wider than the name column:
    LibreOffice set it "Г. М. Жұмабаев" / "а". Every holder's name in the bundled registry fits
    its column on one line, in both languages, and every word of a position's title fits the
    position column."""
    twips = measure(seed_docx, "DLO Table Text")
    columns, _ = sheet_tables(seed_docx)[kk["sheet"]["agreement"]["title"]]
    for position in Project(project).load(["dlo-head"]).registry.positions:
        for lang in ("kk", "ru"):
            name = (position.holder or {}).get(lang, "")
            assert twips(name) <= columns[2], (name, twips(name), columns[2])
            for word in position.title[lang].split():
                assert twips(word) <= columns[1], (word, twips(word), columns[1])


@pytest.mark.skipif(not SERIF.exists(), reason="Liberation Serif (Times New Roman's metrics)")
def test_each_sheet_s_column_headings_fit_their_columns_word_by_word(project, dlo):
    """The headings are tied like the cells ("№ изменения" one unit): each piece a line cannot
    break fits its column, in each language (it was set "№ измене" / "ния" in 22 mm)."""
    add_bilingual(project)
    assert dlo("render", "dlo-unit", "--format", "docx", "--draft", cwd=project).code == 0
    for lang in ("kk", "ru"):
        data = (project / "build" / draft("dlo-unit", lang)).read_bytes()
        twips = measure(data, "DLO Table Header", bold=True)
        tables = sheet_tables(data)
        assert len(tables) == 4
        for heading, (columns, head) in tables.items():
            for text, width in zip(head, columns, strict=True):
                for piece in text.split(" "):
                    assert twips(piece) <= width, (heading, piece, twips(piece), width)


@pytest.mark.skipif(not SERIF.exists(), reason="Liberation Serif (Times New Roman's metrics)")
def test_a_signature_stamp_breaks_no_word_in_its_sheet_s_column(project, kk):
    """A signed agreement's stamp ("ЭЦҚ: СЕЙІТОВА АЙГҮЛ, сертификат № …, 05.12.2026 11:06")
    was set in the 12 pt of the table's text in the 22 mm signature column: LibreOffice broke
    the surname, "сертификат" and the date inside their letters ("СЕЙІТОВ" / "А"). In the
    agreement, acquaintance and review sheets every word of a stamp but the certificate's serial
    (a run of hex digits, which has no place to break) fits its column in the cell's own style,
    a long Kazakh surname in capitals included."""
    note = SignatureNote(
        "ЖҰМАБАЕВА ГҮЛНАР",
        "7A774A30D6C4FEA47FAEE881E275992D63DC2AFD",
        dt.datetime(2026, 12, 5, 11, 6),
    )
    day = dt.date(2026, 12, 5)
    records = Records(
        state="in_force",
        edition=1,
        order=Order("12", day),
        agreements={"vp-academic": AgreementMark("vp-academic", "agreed", day, signed=note)},
        reviews=[ReviewRecord(day, {"kk": "А. Б. Сейітова"}, "өзгеріссіз", signed=note)],
        acquaintances=[AcquaintanceRecord("Г. М. Жұмабаева", "Бөлім бастығы", day, signed=note)],
    )
    data = docx_render.render(build_rd(project, records=records), project / "templates")
    styles = {s.style_id: s.name for s in Document(io.BytesIO(data)).styles}
    tables = sheet_tables(data)
    doc = parts(data)["word/document.xml"]
    stamped = 0
    for key in ("agreement", "acquaintance", "review"):
        heading = kk["sheet"][key]["title"]
        columns, _ = tables[heading]
        table = _table_after(doc, heading)
        for row in table.findall(f"{W}tr")[1:]:
            for tc, width in zip(row.findall(f"{W}tc"), columns, strict=True):
                text = "".join(tc.itertext())
                if not text.startswith(kk["signature"]["signed"].split(":")[0]):
                    continue
                stamped += 1
                style = tc.find(f"{W}p/{W}pPr/{W}pStyle").get(f"{W}val")
                twips = measure(data, styles[style])
                for word in text.split(" "):  # a no-break space ties "№" to the serial
                    if note.serial not in word:
                        assert twips(word) <= width, (key, word, twips(word), width)
    assert stamped == 3


# long words a lawyer's remarks hold: sixteen Kazakh letters, the position column's longest word
REMARKS = {
    "kk": "14-тармақтың ұйымдастырушылық мәселелерін жауапкершілігіне сәйкестендіру қажет",
    "ru": "Пункт 14: уточнить квалификационных требований документационного обеспечения",
}


@pytest.mark.skipif(not SERIF.exists(), reason="Liberation Serif (Times New Roman's metrics)")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_approver_s_remarks_break_no_word_in_the_agreement_sheet(project, lang):
    """An approver's remarks were set in the 12 pt of the table's text in a 28 mm column:
    LibreOffice broke them inside their words ("14-тармақты" / "ң", "ұйымдастыру" / "шылық").
    Every word of remarks, up to sixteen Kazakh letters and the position column's longest word,
    fits the remarks column in the cell's own style, in both languages; so do the other columns'
    (a name of a long surname, a date), which gave it room."""
    add_bilingual(project)
    registry = project / "regulations" / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    for old, new in (
        ("kk: А. Б. Сейітова", "kk: А. Қ. Темірбекова"),
        ("ru: А. Б. Сеитова", "ru: А. К. Темирбекова"),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    registry.write_text(text, encoding="utf-8")
    day = dt.date(2026, 12, 5)
    mark = AgreementMark("vp-academic", "agreed", day, remarks=REMARKS[lang])
    records = Records(state="in_agreement", edition=1, agreements={"vp-academic": mark})
    rd = build_rd(project, "dlo-unit", lang, records)
    data = docx_render.render(rd, project / "templates")
    styles = {s.style_id: s.name for s in Document(io.BytesIO(data)).styles}
    heading = labels_mod.labels(lang, project / "templates")["sheet"]["agreement"]["title"]
    columns, _ = sheet_tables(data)[heading]
    row = _table_after(parts(data)["word/document.xml"], heading).findall(f"{W}tr")[1]
    cells = row.findall(f"{W}tc")
    assert _cell_text(cells[5]).replace("\u00a0", " ") == REMARKS[lang]
    for tc, width in zip(cells, columns, strict=True):
        style = tc.find(f"{W}p/{W}pPr/{W}pStyle").get(f"{W}val")
        twips = measure(data, styles[style])
        for word in _cell_text(tc).split(" "):  # what a line cannot break
            assert twips(word) <= width, (word, twips(word), width)


def _cell_text(tc: ET.Element) -> str:
    """A cell's text as it prints, its no-break hyphens as "-" (its no-break spaces kept)."""
    return "".join(
        "-" if t.tag == f"{W}noBreakHyphen" else (t.text or "")
        for t in tc.iter()
        if t.tag in (f"{W}t", f"{W}noBreakHyphen")
    )


def _table_after(root: ET.Element, heading: str) -> ET.Element:
    seen = False
    for child in root.find(f"{W}body"):
        if child.tag == f"{W}p" and "".join(t.text or "" for t in child.iter(f"{W}t")) == heading:
            seen = True
        elif seen and child.tag == f"{W}tbl":
            return child
    raise AssertionError(f"no table after {heading!r}")


def test_agreement_sheet_follows_the_approvers_data(project, dlo, kk):
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "approvers: [vp-academic, legal-head, hr-head, docs-head]",
            "approvers: [hr-head, vp-academic]",
        ),
        encoding="utf-8",
    )
    assert dlo("render", "dlo-head", "--format", "docx", cwd=project).code == 0
    data = (project / "build" / HEAD_DOCX).read_bytes()
    rows = table_rows(parts(data)["word/document.xml"], kk["sheet"]["agreement"]["title"])
    assert [r[2] for r in rows[1:]] == ["Г. М. Жұмабаева", "А. Б. Сейітова"]


def test_sheets_show_the_workflow_records(project, kk):
    records = Records(
        state="in_force",
        edition=2,
        order=Order("12", dt.date(2025, 2, 3)),
        agreements={
            "vp-academic": AgreementMark("vp-academic", "agreed", dt.date(2025, 1, 20)),
            "legal-head": AgreementMark(
                "legal-head", "rejected", dt.date(2025, 1, 15), "11-тармақты нақтылау"
            ),
        },
        history=[
            ChangeRecord(
                1,
                ChangedClauses(whole=True),
                Order("7", dt.date(2024, 1, 9)),
                dt.date(2024, 1, 10),
                {"kk": "Г. М. Жұмабаева"},
            ),
            ChangeRecord(
                2,
                ChangedClauses(("5", "11")),
                Order("12", dt.date(2025, 2, 3)),
                dt.date(2025, 2, 4),
                {"kk": "Г. М. Жұмабаева"},
            ),
        ],
        reviews=[ReviewRecord(dt.date(2026, 3, 1), {"kk": "А. Б. Сейітова"}, "өзгеріссіз")],
    )
    doc = parts(docx_render.render(build_rd(project, records=records), project / "templates"))[
        "word/document.xml"
    ]
    agreement = table_rows(doc, kk["sheet"]["agreement"]["title"])
    assert agreement[1][4:] == ["20.01.2025", ""]
    assert agreement[2][4:] == ["15.01.2025", "қабылданбады: 11-тармақты нақтылау"]
    assert agreement[3][4:] == ["", ""]
    changes = table_rows(doc, kk["sheet"]["changes"]["title"])
    assert changes[1] == [
        "1",
        "толық мәтін",
        "09.01.2024 ж. № 7 бұйрық",
        "10.01.2024",
        "Г. М. Жұмабаева",
    ]
    assert changes[2] == [
        "2",
        "5, 11",
        "03.02.2025 ж. № 12 бұйрық",
        "04.02.2025",
        "Г. М. Жұмабаева",
    ]
    assert len(changes) == 1 + 12 and changes[3] == [""] * 5
    review = table_rows(doc, kk["sheet"]["review"]["title"])
    assert review[1] == ["1", "01.03.2026", "А. Б. Сейітова", "өзгеріссіз", ""]
    assert review[2] == ["2", "", "", "", ""]


def test_the_change_sheet_marks_the_clauses_removed(project, dlo):
    """Edition 2 removes clause 2 and rewords clause 4 (3 now); its own clause 2 (the old 3) is
    unchanged. The sheet lists the removed number as removed, in each language, so no reader
    takes it for edition 2's clause 2."""
    add_unit(project)
    remove_a_clause(dlo, project)
    assert dlo("render", UNIT, "--format", "docx", cwd=project).code == 0
    for lang, listed in {
        "kk": "3, 2 (алынып тасталды; алдыңғы басылымдағы нөмірі)",
        "ru": "3, 2 (исключен; № прежнего издания)",
    }.items():
        # edition 2 is in force: its outputs keep <id>.<lang>.<ext>
        data = (project / "build" / f"{UNIT}.{lang}.docx").read_bytes()
        title = labels_mod.labels(lang, project / "templates")["sheet"]["changes"]["title"]
        rows = table_rows(parts(data)["word/document.xml"], title)
        assert [r[:2] for r in rows[1:3]] == [
            ["1", labels_mod.labels(lang)["form"]["whole_text"]],
            ["2", listed],
        ]


def test_blank_sheets_of_a_draft(seed_docx, kk):
    doc = parts(seed_docx)["word/document.xml"]
    acquaintance = table_rows(doc, kk["sheet"]["acquaintance"]["title"])
    assert acquaintance[0] == kk["sheet"]["acquaintance"]["columns"]
    assert acquaintance[1] == ["1", "М. Р. Бекова", "Қашықтықтан оқыту бөлімінің бастығы", "", ""]
    assert acquaintance[2:] == [[str(n), "", "", "", ""] for n in range(2, 19)]
    changes = table_rows(doc, kk["sheet"]["changes"]["title"])
    assert changes[1:] == [[""] * 5] * 12


STAFF = """- id: dlo-methodist
  title: {kk: Қашықтықтан оқыту бөлімінің әдіскері, ru: Методист отдела дистанционного обучения}
  unit: dlo
  holder: {kk: А. Қ. Нұрланова, ru: А. К. Нурланова}
- id: dlo-engineer
  title: {kk: Қашықтықтан оқыту бөлімінің инженері, ru: Инженер отдела дистанционного обучения}
  unit: dlo
"""


def test_a_unit_regulation_s_acquaintance_sheet_lists_its_unit_s_holders(project, dlo, kk):
    """A unit regulation's acquaintance sheet pre-filled no row (a job instruction's its
    holder): it lists the holder of each position of its unit, in the registry's order, and
    no vacant position; not a sub-unit's holder (unit ubbi: its director, not dlo's head)."""
    registry = project / "regulations" / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    assert text.count("\nnormative_documents:") == 1
    registry.write_text(text.replace("\nnormative_documents:", STAFF + "\nnormative_documents:"))
    add_bilingual(project)
    assert dlo("render", "dlo-unit", "--format", "docx", "--draft", cwd=project).code == 0
    for lang, rows in {
        "kk": [
            ["1", "М. Р. Бекова", "Қашықтықтан оқыту бөлімінің бастығы", "", ""],
            ["2", "А. Қ. Нұрланова", "Қашықтықтан оқыту бөлімінің әдіскері", "", ""],
        ],
        "ru": [
            ["1", "М. Р. Бекова", "Начальник отдела дистанционного обучения", "", ""],
            ["2", "А. К. Нурланова", "Методист отдела дистанционного обучения", "", ""],
        ],
    }.items():
        data = (project / "build" / draft("dlo-unit", lang)).read_bytes()
        title = labels_mod.labels(lang)["sheet"]["acquaintance"]["title"]
        found = table_rows(parts(data)["word/document.xml"], title)
        assert found[1:] == [*rows, *([str(n), "", "", "", ""] for n in range(3, 19))], lang
    path = project / "regulations" / "dlo-unit" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("unit: dlo\n") == 1
    path.write_text(text.replace("unit: dlo\n", "unit: ubbi\n"), encoding="utf-8")
    rd = build_rd(project, "dlo-unit", "kk")
    assert [(r.position_id, r.name) for r in rd.readers] == [("ubbi-director", "Е. Ж. Қасымов")]


def test_sheets_can_be_switched_off(project, dlo, kk):
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "change_initiators:",
            "sheets:\n  acquaintance: false\n  review: false\nchange_initiators:",
            1,
        ),
        encoding="utf-8",
    )
    assert dlo("render", "dlo-head", "--format", "docx", cwd=project).code == 0
    doc = Document(str(project / "build" / HEAD_DOCX))
    headings = [p.text for p in doc.paragraphs if p.style.name == "DLO Sheet Heading"]
    assert headings == [kk["sheet"]["agreement"]["title"], kk["sheet"]["changes"]["title"]]


# --- styles, not direct formatting ---------------------------------------------------------


def test_a_clause_or_item_that_has_items_keeps_with_its_first_item(project, dlo):
    """ "10. Директор … обязан:" ended a page and its items began the next: a clause or item
    leading into items is kept with the first of them (w:keepNext), at every depth; one
    without items, and the last item, are not (they may end a page)."""
    from dlo_docs import bookmarks

    add_bilingual(project)
    assert dlo("render", "dlo-unit", "--format", "docx", "--draft", cwd=project).code == 0
    for lang in ("kk", "ru"):
        doc = parts((project / "build" / draft("dlo-unit", lang)).read_bytes())
        kept = {}
        for p in doc["word/document.xml"].iter(f"{W}p"):
            mark = p.find(f"{W}bookmarkStart")
            if mark is not None:
                kept[mark.get(f"{W}name")] = p.find(f"{W}pPr/{W}keepNext") is not None
        ids = ["task-list", "task-list.1", "task-list.1.a", "task-list.2", "annual-report"]
        assert [kept[bookmarks.name(i)] for i in ids] == [True, True, False, False, False]
        assert sum(kept.values()) == 2


def test_every_paragraph_and_table_uses_a_named_style(seed_docx):
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as z:
        styles = ET.fromstring(z.read("word/styles.xml"))
    defined = {s.get(f"{W}styleId"): s for s in styles.findall(f"{W}style")}
    for name, root in parts(seed_docx).items():
        for p in root.iter(f"{W}p"):
            style = p.find(f"{W}pPr/{W}pStyle")
            assert style is not None, f"{name}: a paragraph without a style"
            assert style.get(f"{W}val") in defined
            # no direct formatting: runs carry no properties, paragraphs only their style, and
            # a clause or item leading into items its keeping with the first of them
            assert p.find(f"{W}r/{W}rPr") is None
            extra = [c.tag for c in p.find(f"{W}pPr") if c.tag != f"{W}pStyle"]
            lead_in = style.get(f"{W}val") in ("DLOClause", "DLOItem", "DLOItem2")
            assert extra in ([], [f"{W}keepNext"] if lead_in else []), f"{name}: {extra}"
        for tbl in root.iter(f"{W}tbl"):
            style = tbl.find(f"{W}tblPr/{W}tblStyle")
            assert style is not None and defined[style.get(f"{W}val")].get(f"{W}type") == "table"


def test_navigation_pane_lists_chapters_and_sheets(seed_docx):
    doc = Document(io.BytesIO(seed_docx))

    def level(name):
        return doc.styles[name].element.xpath("./w:pPr/w:outlineLvl/@w:val")

    assert (
        level("Heading 1") == ["0"]
        and level("Heading 2") == ["1"]
        and level("DLO Sheet Heading") == ["0"]
    )
    for name in ("DLO Clause", "DLO Approval", "DLO Table Text", "Header", "Footer"):
        assert level(name) == []


def _parts(path: Path | None) -> dict[str, bytes]:
    """The parts of the DOCX at ``path``, or of python-docx's default document, by name."""
    if path is None:
        buffer = io.BytesIO()
        Document().save(buffer)
        source: Path | io.BytesIO = io.BytesIO(buffer.getvalue())
    else:
        source = path
    with zipfile.ZipFile(source) as src:
        return {name: src.read(name) for name in src.namelist()}


def _write(parts: dict[str, bytes], path: Path) -> None:
    """``parts`` written as the DOCX ``path`` (compressed)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def test_a_reference_document_restyles_everything(project, dlo):
    result = dlo("reference-docx", cwd=project)
    assert result.code == 0, result.err
    reference = project / "templates" / "reference.docx"
    assert reference.is_file()
    assert dlo("reference-docx", cwd=project).code == 2  # no overwrite without --force
    doc = Document(str(reference))
    doc.styles["DLO Clause"].font.size = Pt(12)
    doc.styles["DLO Sheet Heading"].font.size = Pt(18)
    doc.sections[0].left_margin = Mm(25)
    doc.save(str(reference))
    assert dlo("render", "dlo-head", "--format", "docx", cwd=project).code == 0
    out = Document(str(project / "build" / HEAD_DOCX))
    assert out.styles["DLO Clause"].font.size == Pt(12)
    assert out.styles["DLO Sheet Heading"].font.size == Pt(18)
    assert round(out.sections[0].left_margin.mm) == 25
    assert sum(p.style.name == "DLO Clause" for p in out.paragraphs) == 21


def test_a_reference_document_without_our_styles_gets_them(project, dlo):
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.add_paragraph("this text is not kept")
    doc.save(str(project / "templates" / "reference.docx"))
    assert dlo("render", "dlo-head", "--format", "docx", cwd=project).code == 0
    out = Document(str(project / "build" / HEAD_DOCX))
    assert out.styles["Normal"].font.name == "Arial"
    assert out.styles["DLO Clause"].font.name == "Times New Roman"
    assert "this text is not kept" not in [p.text for p in out.paragraphs]


@pytest.mark.parametrize("section", ["<w:sectPr/>", ""])
def test_a_reference_document_without_page_settings_gets_the_forms(project, dlo, section):
    """A reference that sets no page size or margins (pandoc's own has a bare ``<w:sectPr/>``),
    or has no section at all: the form's A4 page and margins, not an internal error."""
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    body = doc.element.body
    body.remove(body.sectPr)
    if section:
        body.append(parse_xml(section.replace("<w:sectPr", f"<w:sectPr {nsdecls('w')}")))
    doc.save(str(project / "templates" / "reference.docx"))
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0 and "Traceback" not in result.err, result.err
    out = Document(str(project / "build" / HEAD_DOCX))
    page = out.sections[0]
    assert (round(page.page_width.mm), round(page.page_height.mm)) == (210, 297)
    assert (round(page.left_margin.mm), round(page.right_margin.mm)) == (30, 10)
    assert out.styles["Normal"].font.name == "Arial"  # the reference's style kept


def test_a_reference_documents_macros_are_not_carried_into_the_rendered_one(project, dlo):
    """A reference document with a VBA project (as Word keeps one in a .docx renamed from a
    .docm): no rendered, hence no published, document carries it."""
    rel = (
        '<Relationship Id="rIdVba" Target="vbaProject.bin" '
        'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"/>'
    )
    parts = _parts(None)
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", rel.encode() + b"</Relationships>"
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 not really a macro project"
    _write(parts, project / "templates" / "reference.docx")
    assert dlo("render", "dlo-head", "--format", "docx", cwd=project).code == 0
    with zipfile.ZipFile(project / "build" / HEAD_DOCX) as made:
        names = made.namelist()
        rels = made.read("word/_rels/document.xml.rels")
    assert not any("vba" in name.lower() for name in names), names
    assert b"vbaProject" not in rels


def test_a_reference_saved_as_office_open_xml_text_gives_one_core_properties_part(project, dlo):
    """LibreOffice's "Office Open XML Text" relates the core properties by the ISO variant of
    their type: the rendered DOCX still has one docProps/core.xml, not two of the same name."""
    parts = _parts(None)
    standard = (
        b"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    )
    iso = b"http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
    assert standard in parts["_rels/.rels"]
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(standard, iso)
    _write(parts, project / "templates" / "reference.docx")
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    with zipfile.ZipFile(project / "build" / HEAD_DOCX) as made:
        names = made.namelist()
        assert len(names) == len(set(names)), sorted(names)
        assert b"dlo_docs" in made.read("docProps/core.xml")  # dlo's own core properties


def test_a_reference_naming_built_in_styles_as_libreoffice_does_renders_quietly(project, dlo):
    """LibreOffice saves Word's built-in styles under their display names ("Header", "Heading
    1") where python-docx looks for "header", "heading 1" and warns as it finds them by id: the
    render takes them all the same, and says nothing of it."""
    assert dlo("reference-docx", cwd=project).code == 0
    reference = project / "templates" / "reference.docx"
    parts = _parts(reference)
    styles = parts["word/styles.xml"]
    for internal, shown in (
        (b"header", b"Header"),
        (b"footer", b"Footer"),
        (b"heading 1", b"Heading 1"),
    ):
        assert b'<w:name w:val="%s"/>' % internal in styles
        styles = styles.replace(b'<w:name w:val="%s"/>' % internal, b'<w:name w:val="%s"/>' % shown)
    parts["word/styles.xml"] = styles
    _write(parts, reference)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning fails the render, and this test
        result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0 and "deprecated" not in result.err, result.err
    out = Document(str(project / "build" / HEAD_DOCX))
    assert "Header" in {p.style.name for p in out.sections[-1].header.paragraphs}


def test_a_macro_enabled_reference_document_is_a_clear_error(project, dlo):
    """A .docm saved as the reference: refused, saying why, without python-docx's buffer."""
    parts = _parts(None)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
    )
    _write(parts, project / "templates" / "reference.docx")
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 1 and "DLO303" in result.err, result.err
    assert "is not a Word file" in result.err and "BytesIO" not in result.err, result.err


def _hostile_reference() -> dict[str, bytes]:
    """python-docx's default document with, each marked EVIL, what a reference document may
    carry that no rendered one may: an even-page header used by its section, an attached
    template on a server, a VBA project related from the settings, a comment, a link."""
    parts = _parts(None)
    rel = '<Relationship Id="{}" Type="http://schemas.{}" Target="{}"{}/>'
    office = "openxmlformats.org/officeDocument/2006/relationships/"
    external = ' TargetMode="External"'
    document_rels = [
        rel.format("rIdEvilH", office + "header", "header9.xml", ""),
        rel.format("rIdEvilC", office + "comments", "comments.xml", ""),
        rel.format("rIdEvilL", office + "hyperlink", "http://evil.example/EVIL", external),
    ]
    settings_rels = [
        rel.format(
            "rIdEvilT", office + "attachedTemplate", "http://evil.example/EVIL.dotm", external
        ),
        rel.format(
            "rIdEvilV", "microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin", ""
        ),
    ]
    key = "word/_rels/document.xml.rels"
    parts[key] = parts[key].replace(
        b"</Relationships>", "".join(document_rels).encode() + b"</Relationships>"
    )
    parts["word/_rels/settings.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(settings_rels)
        + "</Relationships>"
    ).encode()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts["word/settings.xml"] = re.sub(
        rb"(<w:settings[^>]*>)",
        rb'\1<w:attachedTemplate xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdEvilT"/><w:evenAndOddHeaders/>',
        parts["word/settings.xml"],
        count=1,
    )
    parts["word/header9.xml"] = (
        f"<w:hdr {w}><w:p><w:r><w:t>EVIL even header</w:t></w:r></w:p></w:hdr>".encode()
    )
    parts["word/comments.xml"] = (
        f'<w:comments {w}><w:comment w:id="0" w:author="EVIL"><w:p><w:r><w:t>EVIL</w:t></w:r></w:p>'
        "</w:comment></w:comments>"
    ).encode()
    parts["word/vbaProject.bin"] = b"EVIL macro project"
    parts["word/document.xml"] = re.sub(
        rb"<w:sectPr([^>]*)>",
        f'<w:sectPr\\1><w:headerReference {r} w:type="even" r:id="rIdEvilH"/>'.encode(),
        parts["word/document.xml"],
        count=1,
    )
    types = (
        '<Override PartName="/word/header9.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
        '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", types.encode() + b"</Types>"
    )
    # another program's data in the styles and the theme, which Word skips (mc:Ignorable), and
    # text where styles and themes have none
    evil = '<x:note xmlns:x="urn:evil" x:by="EVIL">EVIL</x:note>'
    parts["word/styles.xml"] = re.sub(
        rb"(<w:style )",
        f'{evil}<w:style xmlns:x="urn:evil" x:note="EVIL" '.encode(),
        parts["word/styles.xml"].replace(b"<w:docDefaults>", b"<w:docDefaults>EVIL text"),
        count=1,
    )
    assert parts["word/theme/theme1.xml"].count(b"</a:theme>") == 1
    parts["word/theme/theme1.xml"] = parts["word/theme/theme1.xml"].replace(
        b"</a:theme>",
        f'<a:extLst><a:ext uri="{{05A4C25C-085E-4340-85A3-A5531E510DB2}}">{evil}</a:ext></a:extLst></a:theme>'.encode(),
    )
    return parts


def test_a_reference_document_gives_its_styles_and_page_only(project, dlo):
    """Whatever else a reference document carries (an even-page header, an attached template on
    a server, macros, comments, links, another program's data in its styles and theme), the
    rendered DOCX holds the same parts as one rendered without a reference, none of it, and no
    link to anything outside."""
    assert dlo("render", "dlo-head", "--format", "docx", "--out", "plain", cwd=project).code == 0
    with zipfile.ZipFile(project / "plain" / HEAD_DOCX) as plain:
        expected = sorted(plain.namelist())
    parts = _hostile_reference()
    _write(parts, project / "templates" / "reference.docx")
    assert Document(str(project / "templates" / "reference.docx")).sections[0].header is not None
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    with zipfile.ZipFile(project / "build" / HEAD_DOCX) as made:
        assert sorted(made.namelist()) == expected
        for name in made.namelist():
            data = made.read(name)
            assert b"EVIL" not in data and b"evil.example" not in data, name
            assert b'TargetMode="External"' not in data, name
        assert b"evenAndOddHeaders" not in made.read("word/settings.xml")


@pytest.mark.parametrize(
    ("section", "size"),
    [
        ('<w:pgSz w:w="abc" w:h="16838"/>', None),  # not a number: refused
        ('<w:pgSz w:orient="landscape"/>', (297, 210)),  # landscape, no size: landscape A4
        ('<w:pgSz w:w="12240" w:h="15840"/>', (216, 279)),  # US Letter kept
        # margins wider than the page: refused (the tables' widths would be negative)
        ('<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:left="6000" w:right="6000"/>', None),
        ('<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="8500" w:bottom="8500"/>', None),
        ('<w:pgSz w:w="1000000000000" w:h="16838"/>', None),  # a page kilometres wide
        ('<w:pgSz w:w="11906" w:h="10"/>', None),  # half a point high
        ('<w:pgMar w:left="-3000"/>', None),  # a negative left margin
        # negative top and bottom margins are Word's "exactly": kept, the room counted from them
        ('<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="-1134" w:bottom="-1134"/>', (210, 297)),
        ('<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="-8500" w:bottom="-8500"/>', None),
        # a footer 290 mm from the page's bottom edge leaves no room for the text
        ('<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:footer="16440"/>', None),
        ('<w:pgSz w:w="١١٩٠٦" w:h="16838"/>', (210, 297)),  # Arabic-Indic digits: as numbers
    ],
)
def test_a_reference_documents_page_size(project, dlo, section, size):
    doc = Document()
    sect = doc.element.body.sectPr
    for child in list(sect):
        sect.remove(child)
    for child in parse_xml(f"<w:sectPr {nsdecls('w')}>{section}</w:sectPr>"):
        sect.append(child)
    doc.save(str(project / "templates" / "reference.docx"))
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    if size is None:
        assert result.code == 1 and "DLO303" in result.err, result.err
        return
    assert result.code == 0, result.err
    page = Document(str(project / "build" / HEAD_DOCX)).sections[-1]
    assert (round(page.page_width.mm), round(page.page_height.mm)) == size
    if 'w:top="-' in section:
        assert (round(page.top_margin.mm), round(page.bottom_margin.mm)) == (-20, -20)


def test_a_reference_saved_by_libreoffice_or_pandoc_keeps_its_headings_and_gutter(project, dlo):
    """LibreOffice and pandoc name Word's built-in headings "Heading 1" (id "Heading1") where
    python-docx looks for "heading 1": the reference's heading is used, not a second style of
    the same id added beside it; and a binding margin (gutter) is kept."""
    assert dlo("reference-docx", cwd=project).code == 0
    reference = project / "templates" / "reference.docx"
    doc = Document(str(reference))
    doc.styles["Heading 1"].font.name = "DejaVu Serif"
    doc.sections[-1].gutter = Mm(15)
    doc.save(str(reference))
    parts = _parts(reference)
    assert b'<w:name w:val="heading 1"/>' in parts["word/styles.xml"]
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(
        b'<w:name w:val="heading 1"/>', b'<w:name w:val="Heading 1"/>'
    )
    _write(parts, reference)
    assert dlo("render", "dlo-head", "--format", "docx", cwd=project).code == 0
    made = project / "build" / HEAD_DOCX
    with zipfile.ZipFile(made) as z:
        styles = z.read("word/styles.xml")
    assert styles.count(b'w:styleId="Heading1"') == 1
    out = Document(str(made))
    heading = next(style for style in out.styles if style.style_id == "Heading1")
    assert heading.font.name == "DejaVu Serif"
    assert round(out.sections[-1].gutter.mm) == 15


def _styles_edits():
    def inject(styles: bytes, document: bytes) -> bytes:  # out of the attribute, into the body
        evil = b"X&quot;/&gt;&lt;/w:pPr&gt;&lt;w:r&gt;&lt;w:t&gt;INJECTED&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:pPr&gt;&lt;w:pStyle w:val=&quot;X"
        return styles.replace(b'w:styleId="DLOClause"', b'w:styleId="' + evil + b'"')

    def slot(styles: bytes, document: bytes) -> bytes:  # the marker dlo fills itself
        return styles.replace(b'<w:name w:val="Title"/>', b'<w:name w:val="DLO-SLOT-body"/>')

    def not_styles(styles: bytes, document: bytes) -> bytes:
        return document

    def bomb(styles: bytes, document: bytes) -> bytes:  # ~20 MB unpacked, ~100 KB packed
        many = b"".join(
            b'<w:style w:type="paragraph" w:styleId="Z%d"><w:name w:val="Z%d"/></w:style>' % (i, i)
            for i in range(300_000)
        )
        return styles.replace(b"</w:styles>", many + b"</w:styles>")

    return [inject, slot, not_styles, bomb]


@pytest.mark.parametrize("edit", _styles_edits(), ids=lambda f: f.__name__)
def test_a_reference_documents_styles_that_break_out_are_refused(project, dlo, edit):
    """A reference's styles part that would put text into every rendered document (a style id
    written into an attribute), holds dlo's own slot marker, is not a styles part, or unpacks
    to tens of megabytes: DLO303, nothing written, never an internal error."""
    assert dlo("reference-docx", cwd=project).code == 0
    reference = project / "templates" / "reference.docx"
    parts = _parts(reference)
    styles = edit(parts["word/styles.xml"], parts["word/document.xml"])
    assert styles != parts["word/styles.xml"]
    parts["word/styles.xml"] = styles
    _write(parts, reference)
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 1 and "DLO303" in result.err, result.err
    assert "internal error" not in result.err and "Traceback" not in result.err
    assert not (project / "build" / HEAD_DOCX).exists()


def test_a_reference_document_of_millions_of_elements_is_refused_before_they_are_built(
    project, dlo
):
    """Four parts of 15 MB of ``<a/>`` each, under the bounds on a part's size and the whole's
    (a 75 KB file): python-docx built 16 million elements, 2.3 GB and 30 s for one render."""
    assert dlo("reference-docx", cwd=project).code == 0
    reference = project / "templates" / "reference.docx"
    parts = _parts(reference)
    for name in ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml"):
        head, tail = parts[name].rsplit(b"</", 1)
        parts[name] = head + b"<a/>" * (15 * 1024 * 1024 // 4) + b"</" + tail
    _write(parts, reference)
    started = time.monotonic()
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 1 and "DLO303" in result.err and "XML tags" in result.err, result.err
    assert time.monotonic() - started < 10
    assert not (project / "build" / HEAD_DOCX).exists()


_CLAUSE_STYLE = b'<w:style w:type="paragraph" w:customStyle="1" w:styleId="DLOClause">'


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        # dlo's clause style turned into a character style: every clause would lose it
        (_CLAUSE_STYLE, _CLAUSE_STYLE.replace(b"paragraph", b"character"), "is not a paragraph"),
        # the table style turned into a paragraph style
        (
            b'w:type="table" w:customStyle="1" w:styleId="DLOTable"',
            b'w:type="paragraph" w:customStyle="1" w:styleId="DLOTable"',
            "is not a table style",
        ),
        # dlo's style renamed, its id kept: dlo's added again would make two of one id
        (
            b'<w:name w:val="DLO Clause"/>',
            '<w:name w:val="Пункт"/>'.encode(),
            "'Пункт' has the id DLOClause of dlo's style 'DLO Clause'",
        ),
    ],
)
def test_a_reference_whose_dlo_styles_are_changed_in_kind_is_refused(project, dlo, old, new, said):
    """A reference document that changed one of dlo's styles into another type of style, or
    renamed it keeping its id, would render documents Word shows unstyled or repairs: DLO303
    naming the style and what to do, nothing written."""
    assert dlo("reference-docx", cwd=project).code == 0
    reference = project / "templates" / "reference.docx"
    parts = _parts(reference)
    assert old in parts["word/styles.xml"]
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(old, new)
    _write(parts, reference)
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 1 and "DLO303" in result.err and said in result.err, result.err
    assert "Modify Style" in result.err
    assert not (project / "build" / HEAD_DOCX).exists()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _restyled(styles: bytes, sid: str | None, where: str, xml: str) -> bytes:
    """``styles`` with the properties ``xml`` set in the style ``sid`` (None: the document's
    defaults) at ``where`` (``rPr``, ``pPr``, ``pPr/rPr``, ``tcPr``), in place of those of the
    same names."""
    root = parse_xml(styles)
    if sid is None:  # the defaults of runs, or of paragraphs (``where`` pPr)
        default = "pPrDefault" if where.startswith("pPr") else "rPrDefault"
        defaults = root.find(f"{{{_W}}}docDefaults")
        target = defaults.find(f"{{{_W}}}{default}")
        if target is None:
            target = defaults.makeelement(f"{{{_W}}}{default}", {})
            defaults.append(target)
    else:
        target = root.find(f"{{{_W}}}style[@{{{_W}}}styleId='{sid}']")
    assert target is not None, sid
    for tag in where.split("/"):
        found = target.find(f"{{{_W}}}{tag}")
        if found is None:
            found = target.makeelement(f"{{{_W}}}{tag}", {})
            target.append(found)
        target = found
    for new in parse_xml(f"<w:x {nsdecls('w')}>{xml}</w:x>"):
        for old in target.findall(new.tag):
            target.remove(old)
        target.append(new)
    return etree.tostring(root)


def _prepared(styles_edit, theme_edit=lambda theme: theme) -> str | None:
    """The DLO303 message of a reference document (dlo reference-docx's, its styles and theme
    edited), or None when it is taken."""
    from dlo_docs.errors import DloError
    from dlo_docs.render.docx.package import default_reference
    from dlo_docs.render.docx.prepare import prepare

    source = io.BytesIO(default_reference())
    with zipfile.ZipFile(source) as z:
        files = {name: z.read(name) for name in z.namelist()}
    files["word/styles.xml"] = styles_edit(files["word/styles.xml"])
    files["word/theme/theme1.xml"] = theme_edit(files["word/theme/theme1.xml"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    try:
        prepare(out.getvalue(), Path("templates/reference.docx"))
    except DloError as exc:
        [problem] = exc.problems
        assert problem.code == "DLO303"
        return problem.message
    return None


ILLEGIBLE = {
    "hidden": ("DLODraftMark", "rPr", "<w:vanish/>", "'DLO Draft Mark' prints its text hidden"),
    "specVanish": (
        "DLOApproval",
        "rPr",
        "<w:specVanish/>",
        "hidden (w:specVanish), set in the style 'DLO Approval'",
    ),
    "webHidden": ("DLODocumentTitle", "rPr", "<w:webHidden/>", "hidden (w:webHidden)"),
    "white": (
        "Header",
        "rPr",
        '<w:color w:val="FFFFFF"/>',
        "in #FFFFFF on #FFFFFF, a contrast of 1.0:1",
    ),
    "near white": ("Footer", "rPr", '<w:color w:val="EEEEEE"/>', "in #EEEEEE on #FFFFFF"),
    "theme's background colour": (
        "DLODraftMark",
        "rPr",
        '<w:color w:val="000000" w:themeColor="background1"/>',
        "in #FFFFFF on #FFFFFF",
    ),
    "draft mark of 7 pt": ("DLODraftMark", "rPr", '<w:sz w:val="14"/>', "at 7 pt, below 8 pt"),
    "title of 5 pt": ("DLODocumentTitle", "rPr", '<w:sz w:val="10"/>', "at 5 pt, below 6 pt"),
    "superscript": (
        "DLODraftMark",
        "rPr",
        '<w:sz w:val="22"/><w:vertAlign w:val="superscript"/>',
        "at 7.3 pt, below 8 pt",
    ),
    "squeezed": ("DLOApprovalHeading", "rPr", '<w:w w:val="10"/>', "squeezed to 10 %"),
    "raised off its line": (
        "DLODraftMark",
        "rPr",
        '<w:position w:val="200"/>',
        "raised by 100 pt, more than a third of its size",
    ),
    "lowered, in points": ("DLOApproval", "rPr", '<w:position w:val="-40pt"/>', "lowered by 40 pt"),
    "squeezed, in per cent": ("DLODraftMark", "rPr", '<w:w w:val="1%"/>', "squeezed to 1 %"),
    "sized in points": ("DLODraftMark", "rPr", '<w:sz w:val="2pt"/>', "at 2 pt, below 8 pt"),
    "complex-script size": (
        "DLODraftMark",
        "rPr",
        '<w:cs/><w:szCs w:val="2"/>',
        "at 1 pt, below 8 pt",
    ),
    "sized in millimetres": ("DLOClause", "rPr", '<w:sz w:val="1mm"/>', "at 2.8 pt, below 6 pt"),
    "a size that is not one": ("DLODraftMark", "rPr", '<w:sz w:val="tiny"/>', "w:sz 'tiny'"),
    "condensed onto itself": (
        "DLODraftMark",
        "rPr",
        '<w:spacing w:val="-200"/>',
        "condensed by 10 pt, more than a quarter of its size",
    ),
    "spaced out off the page": (
        "DLODraftMark",
        "rPr",
        '<w:spacing w:val="1000pt"/>',
        "spaced out by 1000 pt, more than its size",
    ),
    "struck out": ("DLOApprovalHeading", "rPr", "<w:strike/>", "struck out (w:strike)"),
    "double struck out": ("DLOOrganisation", "rPr", "<w:dstrike/>", "struck out (w:dstrike)"),
    "highlighted black": (
        "DLODocumentKind",
        "rPr",
        '<w:highlight w:val="black"/>',
        "in #000000 on #000000",
    ),
    "shaded black": (
        "DLODocumentName",
        "rPr",
        '<w:shd w:val="clear" w:color="auto" w:fill="000000"/>',
        "in #000000 on #000000",
    ),
    "paragraph shaded black": (
        "DLOOrganisation",
        "pPr",
        '<w:shd w:val="solid" w:color="000000" w:fill="FFFFFF"/>',
        "in #000000 on #000000",
    ),
    "shaded in the theme's text colour": (
        "DLODocumentName",
        "rPr",
        '<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF" w:themeFill="text1"/>',
        "in #000000 on #000000",
    ),
    "paragraph shaded in the theme's dark": (
        "DLOOrganisation",
        "pPr",
        '<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF" w:themeFill="dark1"/>',
        "in #000000 on #000000",
    ),
    "pattern in the theme's text colour": (
        "DLOApproval",
        "rPr",
        '<w:shd w:val="solid" w:color="FFFFFF" w:themeColor="text1" w:fill="FFFFFF"/>',
        "in #000000 on #000000",
    ),
    "table shaded in the theme's text colour": (
        "DLOTable",
        "tcPr",
        '<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF" w:themeFill="text1"/>',
        "'DLO Table Header' prints its text in #000000 on #000000",
    ),
    "paragraph mark hidden": ("DLODraftMark", "pPr/rPr", "<w:vanish/>", "hidden (w:vanish)"),
    "hidden in a base style": ("Normal", "rPr", "<w:vanish/>", "set in the style 'Normal'"),
    "hidden in the defaults": (None, "rPr", "<w:vanish/>", "set in the document's defaults"),
    "in Wingdings": (
        "DLODraftMark",
        "rPr",
        '<w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings" w:eastAsia="Wingdings" w:cs="Wingdings"/>',
        "in the symbol font 'Wingdings', which draws pictures",
    ),
    "its digits in Symbol": (
        "DLOApproval",
        "rPr",
        '<w:rFonts w:ascii="Symbol" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>',
        "in the symbol font 'Symbol'",
    ),
    "no fill in Word's text effects": (
        "DLODraftMark",
        "rPr",
        '<w14:textFill xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
        "<w14:noFill/></w14:textFill>",
        "drawn with Word's text effects (w14:textFill)",
    ),
    "framed off the page": (
        "DLODraftMark",
        "pPr",
        '<w:framePr w:w="2000" w:h="200" w:hRule="exact" w:x="-20000" w:y="-20000" w:hAnchor="page" w:vAnchor="page"/>',
        "placed in a frame (w:framePr)",
    ),
    "framed in a base style": (
        "Normal",
        "pPr",
        '<w:framePr w:dropCap="drop" w:lines="3"/>',
        "placed in a frame (w:framePr), set in the style 'Normal'",
    ),
    "indented off the page": (
        "DLODraftMark",
        "pPr",
        '<w:ind w:left="-20000" w:right="20000" w:firstLine="0"/>',
        "placed 323 mm past the page's left edge (w:ind)",
    ),
    "indented off the right edge": (
        "DLOApproval",
        "pPr",
        '<w:ind w:left="0" w:right="-400mm"/>',
        "placed 390 mm past the page's right edge (w:ind)",
    ),
    "indented to a sliver": (
        "DLODocumentTitle",
        "pPr",
        '<w:ind w:left="80mm" w:right="80mm"/>',
        "indented to leave 10 mm for its text, below 50 mm (w:ind)",
    ),
    "hanging off the page": (
        "DLOClause",
        "pPr",
        '<w:ind w:start="0" w:hanging="100mm"/>',
        "placed 70 mm past the page's left edge (w:ind)",
    ),
    "indented off the page in characters": (
        "DLODraftMark",
        "pPr",
        '<w:ind w:leftChars="-5000" w:left="0" w:right="0" w:firstLine="0"/>',
        "past the page's left edge (w:ind)",
    ),
    "an indent that is not one": (
        "DLODraftMark",
        "pPr",
        '<w:ind w:left="far"/>',
        "with w:ind/@w:left 'far', which is not a measure",
    ),
    "lines cut short": (
        "DLODraftMark",
        "pPr",
        '<w:spacing w:before="0" w:after="120" w:line="20" w:lineRule="exact"/>',
        "its lines cut to 1 pt, less than two thirds of its size",
    ),
    "lines on top of each other": (
        "DLOClause",
        "pPr",
        '<w:spacing w:line="24" w:lineRule="auto"/>',
        "its lines 0.1 of a line apart, less than half",
    ),
    "a line height that is not one": (
        "DLODraftMark",
        "pPr",
        '<w:spacing w:line="tight" w:lineRule="exact"/>',
        "with w:spacing/@w:line 'tight', which is not a measure",
    ),
    "framed in the defaults": (
        None,
        "pPr",
        '<w:framePr w:x="0" w:y="0" w:hAnchor="page" w:vAnchor="page"/>',
        "placed in a frame (w:framePr), set in the document's defaults",
    ),
    "table hidden in its base style": (
        "TableNormal",
        "rPr",
        "<w:vanish/>",
        "'DLO Table' prints its text hidden (w:vanish), set in the style 'Normal Table'",
    ),
    "table shaded black in its base style": (
        "TableNormal",
        "tcPr",
        '<w:shd w:val="clear" w:color="auto" w:fill="000000"/>',
        "prints its text in #000000 on #000000",
    ),
    "table shaded black": (
        "DLOTable",
        "tcPr",
        '<w:shd w:val="clear" w:color="auto" w:fill="000000"/>',
        "'DLO Table Header' prints its text in #000000 on #000000",
    ),
    "35 cm before the draft mark": (
        "DLODraftMark",
        "pPr",
        '<w:spacing w:before="20000"/>',
        "with 353 mm of space or line height (w:spacing/@w:before), more than a third",
    ),
    "after it, in lines": (
        "DLOApproval",
        "pPr",
        '<w:spacing w:afterLines="3000"/>',
        "(w:spacing/@w:afterLines), more than a third of the page's height for text",
    ),
    "lines 30 cm high": (
        "DLOClause",
        "pPr",
        '<w:spacing w:line="17000" w:lineRule="atLeast"/>',
        "(w:spacing/@w:line), more than a third",
    ),
    "fitted into a width": (
        "DLODraftMark",
        "rPr",
        '<w:fitText w:val="200" w:id="1"/>',
        "fitted into a fixed width (w:fitText)",
    ),
    # a number of Word's list before each clause: "1. 1. …", and the count drifts from dlo's
    "clauses numbered as a list": (
        "DLOClause",
        "pPr",
        '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>',
        "'DLO Clause' prints its text numbered as a list (w:numPr)",
    ),
    "numbered in a base style": (
        "Normal",
        "pPr",
        '<w:numPr><w:numId w:val="3"/></w:numPr>',
        "numbered as a list (w:numPr), with a number its text does not hold, set in the style",
    ),
    # "26.11.2026 ж. № 0000-ҮЛГІ" printed as "ж. № 0000-ҮЛГІ 26.11.2026" in the approval block
    "approval block right to left": (
        "DLOApproval",
        "pPr",
        "<w:bidi/>",
        "prints its text right to left (w:bidi), its numbers and words in another order, set in "
        "the style 'DLO Approval'",
    ),
    "right to left in the defaults": (
        None,
        "pPr",
        "<w:bidi/>",
        "right to left (w:bidi), its numbers and words in another order, set in the document's",
    ),
    # LibreOffice drew the approval block white, its edge light grey: nothing on the white page
    "approval block embossed": (
        "DLOApproval",
        "rPr",
        "<w:emboss/>",
        "prints its text in relief (w:emboss): its letters drawn white, only their edge shaded, "
        "set in the style 'DLO Approval'",
    ),
    "engraved in a base style": (
        "Normal",
        "rPr",
        '<w:imprint w:val="true"/>',
        "prints its text in relief (w:imprint): its letters drawn white, only their edge shaded, "
        "set in the style 'Normal'",
    ),
    # the approval block turned, its lines run together, the title pushed off the title page
    "approval block turned": (
        "DLOApproval",
        "rPr",
        '<w:eastAsianLayout w:id="2" w:vert="1"/>',
        "prints its text turned a quarter round (w:eastAsianLayout/@w:vert), set in the style "
        "'DLO Approval'",
    ),
    "title as two lines in one": (
        "DLODocumentTitle",
        "rPr",
        '<w:eastAsianLayout w:id="1" w:combine="on"/>',
        "prints its text as two lines in one at half its size (w:eastAsianLayout/@w:combine)",
    ),
}


@pytest.mark.parametrize("edit", ILLEGIBLE.values(), ids=ILLEGIBLE)
def test_a_reference_whose_dlo_styles_print_illegibly_is_refused(edit):
    """Each way a style can keep its text from being read (hidden, the page's colour or near it,
    too small, squeezed, struck out, highlighted or shaded to its own colour), in the style, its
    paragraph mark, a style it is based on or the document's defaults: DLO303 naming it."""
    sid, where, xml, said = edit
    message = _prepared(lambda styles: _restyled(styles, sid, where, xml))
    assert message is not None and said in message, message


LEGIBLE = {
    "clause of 7 pt": ("DLOClause", "rPr", '<w:sz w:val="14"/>'),
    "grey footer": ("Footer", "rPr", '<w:color w:val="767676"/>'),
    "red draft mark": ("DLODraftMark", "rPr", '<w:color w:val="C00000"/>'),
    "heading in the theme's accent": (
        "Heading1",
        "rPr",
        '<w:color w:val="365F91" w:themeColor="accent1" w:themeShade="BF"/>',
    ),
    "highlighted yellow": ("DLODocumentKind", "rPr", '<w:highlight w:val="yellow"/>'),
    "strike switched off": ("DLOApproval", "rPr", '<w:strike w:val="0"/>'),
    "raised a little": ("DLODraftMark", "rPr", '<w:position w:val="4"/>'),
    "a font of the organisation's": (
        "DLOClause",
        "rPr",
        '<w:rFonts w:ascii="PT Astra Serif" w:hAnsi="PT Astra Serif" w:cs="PT Astra Serif"/>',
    ),
    "the theme's fonts": (
        "DLODraftMark",
        "rPr",
        '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>',
    ),
    "approval block on the right half": (
        "DLOApproval",
        "pPr",
        '<w:ind w:left="90mm" w:hanging="5mm"/>',
    ),
    "lines exactly its size": ("DLOClause", "pPr", '<w:spacing w:line="280" w:lineRule="exact"/>'),
    "lines at least 1 pt": ("DLOClause", "pPr", '<w:spacing w:line="20" w:lineRule="atLeast"/>'),
    "35 mm before the title": ("DLODocumentTitle", "pPr", '<w:spacing w:before="2000"/>'),
    "double lines": ("DLOClause", "pPr", '<w:spacing w:line="480" w:lineRule="auto"/>'),
    "condensed a little": ("DLODraftMark", "rPr", '<w:spacing w:val="-20"/>'),
    "spaced out a little": ("DLOApprovalHeading", "rPr", '<w:spacing w:val="3pt"/>'),
    "sized in points": ("DLOClause", "rPr", '<w:sz w:val="12pt"/>'),
    "white on the theme's black": (
        "DLOOrganisation",
        "rPr",
        '<w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" w:fill="000000" '
        'w:themeFill="text1"/>',
    ),
    "white on black": (
        "DLOOrganisation",
        "rPr",
        '<w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" w:fill="000000"/>',
    ),
    "a base style's list switched off": (
        "DLOClause",
        "pPr",
        '<w:numPr><w:numId w:val="0"/></w:numPr>',
    ),
    "left to right said": ("DLOClause", "pPr", '<w:bidi w:val="0"/>'),
    "emboss switched off": ("DLOApproval", "rPr", '<w:emboss w:val="0"/>'),
    "East Asian layout neither turned nor combined": (
        "DLOClause",
        "rPr",
        '<w:eastAsianLayout w:id="1" w:vert="0" w:combine="false"/>',
    ),
    "headings in capitals": ("DLODocumentTitle", "rPr", "<w:caps/>"),
    "outlined letters": ("DLOOrganisation", "rPr", "<w:outline/>"),
}


@pytest.mark.parametrize("edit", LEGIBLE.values(), ids=LEGIBLE)
def test_a_reference_restyled_legibly_is_taken(edit):
    sid, where, xml = edit
    assert _prepared(lambda styles: _restyled(styles, sid, where, xml)) is None


def test_a_symbol_font_from_a_base_style_or_the_theme_is_refused():
    """A style's font is named per range of characters, each inherited on its own, or by the
    theme's: a draft mark that names only its Latin font takes its Cyrillic one (w:hAnsi) from
    its base style; one that names the theme's minor font prints in what the theme says."""

    def base_font(styles: bytes) -> bytes:
        styles = _restyled(styles, "DLODraftMark", "rPr", '<w:rFonts w:ascii="Times New Roman"/>')
        return _restyled(styles, "Normal", "rPr", '<w:rFonts w:hAnsi="Webdings"/>')

    message = _prepared(base_font)
    assert message is not None, message
    assert "'DLO Draft Mark' prints its text in the symbol font 'Webdings'" in message
    assert "set in the style 'Normal'" in message

    def themed(styles: bytes) -> bytes:
        fonts = '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>'
        return _restyled(styles, "DLODraftMark", "rPr", fonts)

    def wingdings(theme: bytes) -> bytes:
        minor = re.search(rb"<a:minorFont>\s*<a:latin typeface=\"[^\"]*\"", theme)
        assert minor is not None
        return theme.replace(minor.group(0), b'<a:minorFont><a:latin typeface="Wingdings 3"', 1)

    assert _prepared(themed) is None  # the theme's own minor font
    message = _prepared(themed, wingdings)
    assert message is not None and "in the symbol font 'Wingdings 3'" in message, message


def _linked(styles: bytes, sid: str, rpr: str) -> bytes:
    """``styles`` with a character style of run properties ``rpr`` linked to the style ``sid``."""
    root = parse_xml(styles)
    style = root.find(f"{{{_W}}}style[@{{{_W}}}styleId='{sid}']")
    style.append(parse_xml(f'<w:link {nsdecls("w")} w:val="{sid}Char"/>'))
    root.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="character" w:customStyle="1" w:styleId="{sid}Char">'
            f'<w:name w:val="{sid} Char"/><w:link w:val="{sid}"/><w:rPr>{rpr}</w:rPr></w:style>'
        )
    )
    return etree.tostring(root)


def test_a_style_linked_to_a_dlo_style_is_judged_too():
    """Word keeps a paragraph style and the character style linked to it in step, and formats
    with the character style the text of a part of a paragraph given the paragraph style: a
    linked style in white would print the draft mark so."""
    message = _prepared(lambda styles: _linked(styles, "DLODraftMark", '<w:color w:val="FFFFFF"/>'))
    assert message is not None, message
    assert "'DLO Draft Mark' prints its text in #FFFFFF on #FFFFFF" in message
    assert "set in the style 'DLODraftMark Char'" in message
    assert _prepared(lambda styles: _linked(styles, "DLODraftMark", "<w:b/>")) is None


def test_a_reference_that_hides_the_draft_mark_is_refused(project, dlo):
    """The attacker's reference: dlo reference-docx, its DLO Draft Mark given hidden, white text
    of 1 pt. dlo check was clean and a draft's PDF carried no ЖОБА; now the render is refused
    (the PDF is made from the same styles), and dlo reference-docx's own is taken."""
    assert dlo("reference-docx", cwd=project).code == 0
    assert dlo("render", "dlo-head", "--format", "docx", "--draft", cwd=project).code == 0
    reference = project / "templates" / "reference.docx"
    parts = _parts(reference)
    parts["word/styles.xml"] = _restyled(
        parts["word/styles.xml"],
        "DLODraftMark",
        "rPr",
        '<w:vanish/><w:color w:val="FFFFFF"/><w:sz w:val="2"/>',
    )
    _write(parts, reference)
    (project / "build" / HEAD_DOCX).unlink()
    result = dlo("render", "dlo-head", "--format", "docx", "--draft", cwd=project)
    assert result.code == 1 and "DLO303" in result.err, result.err
    assert "'DLO Draft Mark' prints its text hidden (w:vanish)" in result.err
    assert not (project / "build" / HEAD_DOCX).exists()


def test_check_says_what_render_would_refuse_in_the_reference(project, dlo):
    """dlo check read no templates/reference.docx: a reference that hid the draft mark, or one
    that is not a DOCX, was found only by render. Now check says it as render does (DLO303 at
    the file, with what to do), and a reference render takes leaves check clean."""
    assert dlo("reference-docx", cwd=project).code == 0
    assert dlo("check", cwd=project).code == 0
    reference = project / "templates" / "reference.docx"
    parts = _parts(reference)
    parts["word/styles.xml"] = _restyled(
        parts["word/styles.xml"], "DLODraftMark", "rPr", '<w:position w:val="-2000"/>'
    )
    _write(parts, reference)
    result = dlo("check", cwd=project)
    assert result.code == 1, result
    said = result.out + result.err
    assert "\ntemplates/reference.docx: error DLO303: " in "\n" + said, said
    assert "'DLO Draft Mark' prints its text lowered by 1000 pt" in said
    assert (
        "on the page, not raised, lowered, condensed, framed, in relief, turned, numbered as a list, "
        "right to left or cut" in said
    )  # what to do
    reference.write_bytes(b"not a zip")
    result = dlo("check", cwd=project)
    assert result.code == 1 and "the reference document cannot be read" in result.out + result.err


def test_a_broken_reference_document_is_a_clear_error(project, dlo):
    (project / "templates" / "reference.docx").write_bytes(b"not a zip")
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 1
    assert "DLO303" in result.err and "Traceback" not in result.err
    assert not (project / "build" / HEAD_DOCX).exists()


# --- languages -----------------------------------------------------------------------------


def test_russian_rendering_uses_only_russian_labels(project, dlo):
    add_bilingual(project)
    result = dlo("render", "dlo-unit", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    ru_data = (project / "build" / draft("dlo-unit", "ru")).read_bytes()
    kk_data = (project / "build" / draft("dlo-unit", "kk")).read_bytes()
    ru_text, kk_text = all_text(ru_data), all_text(kk_data)
    assert not KAZAKH_LETTERS & set(ru_text)
    kk_labels = label_strings(labels_mod.labels("kk", project / "templates"))
    ru_labels = label_strings(labels_mod.labels("ru", project / "templates"))
    assert [s for s in kk_labels - ru_labels if s in ru_text] == []
    for expected in (
        "УТВЕРЖДЕНО",
        "ПРОЕКТ",
        "Лист согласования",
        "Лист ознакомления",
        "Лист регистрации изменений",
        "Лист периодической проверки",
        "Глава 2. Задачи отдела",
        "Параграф 1. Основные задачи",
        "Подразделение: Отдел дистанционного обучения",
        "Издание 2",
        "Стр. 1 из 1",
        "приказом Председателя Правления – Ректора",
        "от «___» ____________ 20___ г.",
        "Положение об отделе дистанционного обучения",
        "а) оказание методической помощи преподавателям;",
    ):
        assert expected in ru_text, expected
    assert Document(io.BytesIO(ru_data)).core_properties.language == "ru"
    assert 'w:val="ru-RU"' in zipfile.ZipFile(io.BytesIO(ru_data)).read("word/styles.xml").decode()
    # and the Kazakh rendering of the same regulation speaks Kazakh
    assert (
        "БЕКІТІЛДІ" in kk_text
        and "Бөлімнің негізгі міндеттері:" in kk_text
        and "УТВЕРЖДЕНО" not in kk_text
    )


def test_the_edition_inside_a_phrase_is_in_lower_case_and_capital_on_its_own_line(project, dlo):
    """Under each sheet's title the Russian subtitle printed "…, ДП 01-2024, Издание 2": inside
    the phrase the edition is "издание 2"; on its own line (the title page), and after the
    running header's separator, "Издание 2". Kazakh "2-басылым" is the same everywhere."""
    add_bilingual(project)
    assert dlo("render", "dlo-unit", "--format", "docx", cwd=project).code == 0
    for lang, own, inside in (("ru", "Издание 2", "издание 2"), ("kk", "2-басылым", "2-басылым")):
        data = (project / "build" / draft("dlo-unit", lang)).read_bytes()
        found = {name: [t for _, t in paragraphs(root)] for name, root in parts(data).items()}
        body = found["word/document.xml"]
        subtitles = [
            t
            for style, t in paragraphs(parts(data)["word/document.xml"])
            if style == "DLOSheetSubtitle"
        ]
        assert len(subtitles) == 4 and all(t.endswith(f", {inside}") for t in subtitles), lang
        assert own in body  # the title page's line
        headers = [t for name, lines in found.items() if "header" in name for t in lines]
        assert any(t.endswith(f" · {own}") for t in headers), headers


def test_a_russian_date_in_figures_has_no_year_abbreviation(project):
    """ГОСТ Р 7.0.97-2016, п. 5.7: "от 26.11.2026 № 12", not "от 26.11.2026 г. № 12" (the title
    page's approval block, the change registration sheet); a year after a month in words or
    its blank keeps "г." ("«___» ____________ 20___ г.", the transfer act's), as does the year
    under the title page. Kazakh keeps "26.11.2026 ж."."""
    order = Order("12", dt.date(2026, 11, 26))
    history = [ChangeRecord(1, ChangedClauses(whole=True), order, order.date, {"ru": "С"})]
    records = Records(state="in_force", edition=2, order=order, history=history)
    add_bilingual(project)
    texts = {}
    for lang in ("ru", "kk"):
        rd = build_rd(project, "dlo-unit", lang, records)
        texts[lang] = all_text(docx_render.render(rd, project / "templates"))
    ru = texts["ru"]
    assert not re.search(r"\d\d\.\d\d\.\d{4}\s*г\.", ru), ru
    assert "от 26.11.2026 № 12" in ru and "Приказ от 26.11.2026 № 12" in ru
    assert "Костанай 2026 г." in ru
    assert "26.11.2026 ж. № 12 бұйрығымен" in texts["kk"]


def test_russian_sheets_print_the_russian_names_the_journal_captured(project, dlo):
    """The change registration sheet's clerk and the review sheet's reviewer are printed in the
    sheet's language as the journal captured them, as the agreement sheet's names are: a Russian
    sheet printed the Kazakh spellings of the main language."""
    from site_support import approve

    add_bilingual(project)
    approve(dlo, project, "dlo-unit", ["vp-academic", "hr-head"], "12", "2024-03-01")
    review = ("review", "dlo-unit", "--by", "hr-head", "--result", "OK", "--date", "2025-09-01")
    assert dlo(*review, cwd=project).code == 0
    assert dlo("render", "dlo-unit", "--format", "docx", cwd=project).code == 0
    for lang, clerk, reviewer in [
        ("ru", "С. Т. Абенова", "Начальник отдела управления персоналом, Г. М. Жумабаева"),
        ("kk", "С. Т. Әбенова", "Персоналды басқару бөлімінің бастығы, Г. М. Жұмабаева"),
    ]:
        sheets = labels_mod.labels(lang, project / "templates")["sheet"]
        # approved, so in force: its outputs keep <id>.<lang>.<ext>
        data = (project / "build" / f"dlo-unit.{lang}.docx").read_bytes()
        doc = parts(data)["word/document.xml"]
        assert table_rows(doc, sheets["changes"]["title"])[1][4] == clerk
        assert table_rows(doc, sheets["review"]["title"])[1][2] == reviewer
    assert not KAZAKH_LETTERS & set(all_text((project / "build" / "dlo-unit.ru.docx").read_bytes()))


def test_a_language_the_document_lacks_is_a_clear_error(project, dlo):
    """Asked for a language it lacks, a regulation is reported at its ``languages:`` (in the
    file of the text rendered: the edition in force, its working text when the same) and left
    out; the others are rendered, exit 1."""
    where = re.compile(
        r"regulations/dlo-head/(regulation|editions/1)\.yaml:\d+:\d+: error DLO030: .*has no 'ru'"
    )
    result = dlo("render", "dlo-head", "--lang", "ru", cwd=project)
    assert result.code == 1 and where.search(result.err), result.err
    assert "Traceback" not in result.err and not (project / "build").exists()
    add_bilingual(project)  # kk and ru, a draft
    result = dlo("render", "--lang", "ru", "--format", "docx", cwd=project)
    assert result.code == 1 and where.search(result.err), result.err
    assert sorted(p.name for p in (project / "build").iterdir()) == [draft("dlo-unit", "ru")]
    result = dlo("sheet", "agreement", "dlo-head", "--lang", "ru", cwd=project)
    assert result.code != 0 and "has no 'ru' version" in result.err


def test_a_label_set_is_parsed_once_per_content(project, tmp_path, monkeypatch):
    from dlo_docs import load

    labels_mod.labels("kk", project / "templates")  # the bundled set, each set is checked against
    parsed = []
    real = load.parse
    monkeypatch.setattr(load, "parse", lambda raw, path: parsed.append(path) or real(raw, path))
    other = tmp_path / "other"
    shutil.copytree(project / "templates", other)
    unique = f"\n# {uuid.uuid4()}\n"  # content no earlier test has had parsed
    for root in (project / "templates", other):
        with (root / "labels" / "kk.yaml").open("a", encoding="utf-8") as f:
            f.write(unique)
    first = labels_mod.labels("kk", project / "templates")
    assert labels_mod.labels("kk", other) is first  # a copy: the same set, not parsed again
    assert len(parsed) == 1
    path = other / "labels" / "kk.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{n}-басылым", "{n}-БАСЫЛЫМ"), "utf-8")
    changed = labels_mod.labels("kk", other)  # edited: read anew
    assert len(parsed) == 2 and changed != first


def test_the_bundled_label_set_stays_parsed_among_many_projects(project, monkeypatch):
    """Every project's set is checked against the bundled one: the sets kept in the process are
    the ones used last, so the bundled one is not parsed again after many others were read."""
    from dlo_docs import load

    path = project / "templates" / "labels" / "kk.yaml"
    text = path.read_text(encoding="utf-8")
    labels_mod.labels("kk", project / "templates")
    parsed = []
    real = load.parse
    monkeypatch.setattr(load, "parse", lambda raw, shown: parsed.append(shown) or real(raw, shown))
    for n in range(20):  # more sets than the process keeps
        path.write_text(f"{text}\n# {uuid.uuid4()} {n}\n", encoding="utf-8")
        labels_mod.labels("kk", project / "templates")
    assert len(parsed) == 20, parsed  # each project's set once, never the bundled one


# --- standalone sheets and the transfer act ------------------------------------------------


@pytest.mark.parametrize("kind", SHEET_KEYS)
def test_standalone_sheet(project, dlo, kind, kk):
    result = dlo("sheet", kind, "dlo-head", "--out", project / "sheets", cwd=project)
    assert result.code == 0, result.err
    path = project / "sheets" / draft("dlo-head", "kk", f"{kind}.docx")
    assert result.out.strip() == f"wrote sheets/{path.name}"
    doc = Document(str(path))
    assert [p.text for p in doc.paragraphs if p.style.name == "DLO Sheet Heading"] == [
        kk["sheet"][kind]["title"]
    ]
    assert not any(p.style.name in docx_render.BODY_STYLES for p in doc.paragraphs)
    assert not doc.sections[
        0
    ].different_first_page_header_footer  # header and page numbers from page 1
    assert len(doc.tables) == 1


def test_transfer_act_names_who_hands_over_and_who_receives(project, dlo, kk):
    result = dlo("sheet", "transfer", "dlo-head", cwd=project)
    assert result.code == 0, result.err
    data = (project / "build" / draft("dlo-head", "kk", "transfer.docx")).read_bytes()
    texts = [t for _, t in paragraphs(parts(data)["word/document.xml"])]
    labels = kk["sheet"]["transfer"]
    assert texts[0] == labels["title"]
    assert f"{labels['handed']}: Қашықтықтан оқыту бөлімінің бастығы" in texts
    assert "____________ М. Р. Бекова" in texts
    assert f"{labels['received']}: Персоналды басқару бөлімінің бастығы" in texts
    assert "____________ Г. М. Жұмабаева" in texts
    rows = table_rows(parts(data)["word/document.xml"], labels["text"])
    assert rows[1] == [
        "1",
        "Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы",  # it names the kind
        "ЛН ҮББИ 01-2024",
        "1-басылым",
        "",
        labels["copies"],
    ]
    # other parties by position id
    assert (
        dlo(
            "sheet",
            "transfer",
            "dlo-head",
            "--from",
            "ubbi-director",
            "--to",
            "docs-head",
            cwd=project,
        ).code
        == 0
    )
    texts = all_text((project / "build" / draft("dlo-head", "kk", "transfer.docx")).read_bytes())
    assert "Е. Ж. Қасымов" in texts and "С. Т. Әбенова" in texts and "Г. М. Жұмабаева" not in texts


def test_sheet_usage_errors(project, dlo):
    assert dlo("sheet", "minutes", "dlo-head", cwd=project).code == 2
    result = dlo("sheet", "agreement", "nope", cwd=project)
    assert result.code == 2 and "unknown regulation" in result.err
    result = dlo("sheet", "transfer", "dlo-head", "--to", "nobody", cwd=project)
    assert result.code == 2 and "unknown position 'nobody'" in result.err
    result = dlo("sheet", "agreement", "dlo-head", "--to", "hr-head", cwd=project)
    assert result.code == 2 and "transfer act only" in result.err
    assert not (project / "build").exists()


def test_sheet_out_may_be_any_folder(project, dlo, tmp_path):
    result = dlo("sheet", "agreement", "dlo-head", "--out", tmp_path / "desk", cwd=project)
    assert result.code == 0, result.err
    assert list((tmp_path / "desk").glob("*.docx"))


def test_render_sheet_refuses_an_unknown_kind(project):
    with pytest.raises(UsageError):
        docx_render.render_sheet(build_rd(project), "minutes")


def test_invalid_xml_characters_and_markup_in_texts_are_safe(project, dlo):
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "title:\n  kk: Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы",
            'title:\n  kk: "A <b>&amp; \\x07 </w:t> title"',
            1,
        ),
        encoding="utf-8",
    )
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    doc = Document(str(project / "build" / HEAD_DOCX))
    assert "A <b>&amp;  </w:t> title" in [p.text for p in doc.paragraphs]


def test_no_placeholder_survives_and_no_header_part_is_empty(project, dlo):
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("code: ЛН ҮББИ 01-2024", "code: DLO-SLOT-title DLO-SLOT-body", 1),
        encoding="utf-8",
    )
    assert dlo("render", "dlo-head", "--format", "docx", cwd=project).code == 0
    assert dlo("sheet", "review", "dlo-head", cwd=project).code == 0
    for name in (HEAD_DOCX, draft("dlo-head", "kk", "review.docx")):
        data = (project / "build" / name).read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for part in z.namelist():
                content = z.read(part)
                if part.startswith("word/header") or part.startswith("word/footer"):
                    assert ET.fromstring(content).find(f"{W}p") is not None, part
                # the code is printed as written, never taken for a slot
                assert content.count(b"DLO-SLOT-") == 2 * content.count(
                    b"DLO-SLOT-title DLO-SLOT-body"
                ), part
        assert "Коды: DLO-SLOT-title DLO-SLOT-body" in all_text(data) or name.endswith(
            "review.docx"
        )


def test_a_language_added_by_an_edition_does_not_list_every_clause_as_changed():
    """An edition that adds the Russian text and rewords one clause changed that clause: the
    change registration sheet lists it alone, as the Kazakh comparison table shows it, not every
    clause of the document because each gained a Russian text (the first language's sheet said
    clauses 1-21 changed where the order changed one). A Russian text changed where the Kazakh
    one did not is still a change of that clause."""
    from diff_revision import bilingual, find, seed_data

    from dlo_docs.model import Regulation
    from dlo_docs.workflow.forms import changed_clauses

    data = seed_data()
    new_data = bilingual(data)
    find(new_data, "rights")["text"]["kk"] = "Бастығы құқылы:"
    old, new = Regulation.model_validate(data), Regulation.model_validate(new_data)
    assert changed_clauses(old, new).shown("whole text", "removed") == "11"
    reworded = copy.deepcopy(new_data)
    find(reworded, "category")["text"]["ru"] = "Иной текст."
    later = Regulation.model_validate(reworded)
    assert changed_clauses(new, later).shown("whole text", "removed") == "5"


def test_a_full_acquaintance_sheet_still_ends_with_blank_rows_to_sign(project, kk):
    """The acquaintance sheet is signed by hand on paper: after those who have read the edition
    (and those who have yet to) it leaves numbered blank rows. With 18 readers or more it printed
    none, so the printed copy had no line for the next reader; it now keeps blank rows after the
    last name however many there are."""
    day = dt.date(2026, 12, 5)
    readers = [AcquaintanceRecord(f"Оқырман {n}", "Маман", day) for n in range(1, 31)]
    records = Records(state="in_force", edition=1, order=Order("12", day), acquaintances=readers)
    data = docx_render.render(build_rd(project, records=records), project / "templates")
    rows = table_rows(parts(data)["word/document.xml"], kk["sheet"]["acquaintance"]["title"])
    filled = [r for r in rows[1:] if r[1]]
    blank = rows[1 + len(filled) :]
    assert len(filled) == 31  # the 30, then the holder who has not read it yet
    assert len(blank) >= 5 and all(r[1:] == ["", "", "", ""] for r in blank)
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, len(rows))]


@pytest.mark.skipif(not SERIF.exists(), reason="Liberation Serif (Times New Roman's metrics)")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_corrected_review_date_keeps_its_mark_whole_in_its_column(project, lang):
    """A review whose date a correction fixed prints "02.09.2024 (исправлено)": in the 26 mm date
    column LibreOffice set "(исправлено" and put ")" alone on the next line (a documentation
    office clerk's review). The date and each word of its mark fit the column."""
    add_bilingual(project)
    day = dt.date(2024, 9, 2)
    review = ReviewRecord(
        day, {"kk": "А. Б. Сейітова", "ru": "А. Б. Сеитова"}, "ok", corrected=("date",)
    )
    records = Records(state="in_force", edition=1, order=Order("12", day), reviews=[review])
    data = docx_render.render(build_rd(project, "dlo-unit", lang, records), project / "templates")
    styles = {s.style_id: s.name for s in Document(io.BytesIO(data)).styles}
    heading = labels_mod.labels(lang, project / "templates")["sheet"]["review"]["title"]
    columns, _ = sheet_tables(data)[heading]
    row = _table_after(parts(data)["word/document.xml"], heading).findall(f"{W}tr")[1]
    tc = row.findall(f"{W}tc")[1]
    text = "".join(tc.itertext())
    assert text.startswith("02.09.2024 ("), text
    twips = measure(data, styles[tc.find(f"{W}p/{W}pPr/{W}pStyle").get(f"{W}val")])
    for word in text.split(" "):
        assert twips(word) <= columns[1], (word, twips(word), columns[1])
