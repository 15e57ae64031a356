"""The corpus's real DOCX files (``../shared/corpus/``) as a clerk's Word saves them: the same
documents with their lists defined through a list style, a numbered table, a nested table and a
text box, each made by editing the corpus file's XML. Each must import as the corpus file does:
nothing lost, nothing read twice."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from test_import_corpus import CORPUS, SOURCES, Source, counts
from test_import_support import load_model

from dlo_docs.model import Regulation

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the clone")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
MNU = next(s for s in SOURCES if s.stem == "mnu-research-assistant.ru")
JAMBYL = next(s for s in SOURCES if s.stem == "jambyl-uptad-polozhenie.ru")


def q(name: str) -> str:
    return f"{{{W}}}{name}"


def variant(source: Path, out: Path, edit: Callable[[dict[str, bytes]], None]) -> Path:
    """``source`` with its parts changed by ``edit`` (a part's name → its bytes)."""
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    edit(parts)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out


def edit_body(parts: dict[str, bytes], change: Callable[[etree._Element], None]) -> None:
    root = etree.fromstring(parts["word/document.xml"])
    change(root.find(q("body")))
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def para(text: str | None) -> etree._Element:
    p = etree.Element(q("p"))
    if text is not None:
        etree.SubElement(etree.SubElement(p, q("r")), q("t")).text = text
    return p


def row(table: etree._Element, *cells: str) -> etree._Element:
    tr = etree.SubElement(table, q("tr"))
    for text in cells:
        etree.SubElement(tr, q("tc")).append(para(text))
    return tr


def starting(body: etree._Element, text: str) -> etree._Element:
    return next(p for p in body.iter(q("p")) if "".join(p.itertext()).startswith(text))


def imported(project: Path, dlo, path: Path) -> tuple[Regulation, str]:
    result = dlo("import", path, "--id", "corpus", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    return load_model(project, "corpus"), result.err


def shape(model: Regulation) -> list[tuple[str | None, str, list[tuple[str | None, str]]]]:
    """Every clause's source number and text, and its items' (the text of the first language)."""
    return [
        (
            c.source_number,
            next(iter(c.text.values())) if isinstance(c.text, dict) else str(c.text),
            [(i.source_number, str(i.text)) for i in c.items],
        )
        for _, _, c in model.clauses()
    ]


def expected_counts(source: Source) -> dict[str, int]:
    return {
        "chapters": source.chapters,
        "clauses": source.clauses,
        "subclauses": source.subclauses,
        "dashes": source.dashes,
        "items": source.items,
    }


# -- a multilevel list defined through a list style ------------------------------------------

# Word's "Define New List Style": the list paragraphs' abstractNum only names the style
# (numStyleLink); the levels are in the abstractNum the style links (styleLink)
_LINKED = (
    f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="7000"><w:multiLevelType w:val="multilevel"/>'
    '<w:numStyleLink w:val="RegList"/></w:abstractNum>'
    f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="7001"><w:multiLevelType w:val="multilevel"/>'
    '<w:styleLink w:val="RegList"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1.%2.%3."/></w:lvl></w:abstractNum>'
).format(w=W)


def _in_the_list(p: etree._Element, level: int) -> None:
    """Number ``p`` from the list style's list at ``level``."""
    ppr = p.find(q("pPr"))
    old = ppr.find(q("numPr"))
    if old is not None:
        ppr.remove(old)
    numpr = etree.SubElement(ppr, q("numPr"))
    etree.SubElement(numpr, q("ilvl"), {q("val"): str(level)})
    etree.SubElement(numpr, q("numId"), {q("val"): "7000"})


def _renumber(body: etree._Element, bullets: set[str]) -> None:
    """Chapters at level 0 (their typed "1. " removed), clauses at 1, sub-clauses at 2."""
    for p in body.iter(q("p")):
        style = p.find("w:pPr/w:pStyle", NS)
        numpr = p.find("w:pPr/w:numPr", NS)
        text = p.find(".//w:t", NS)
        if style is not None and style.get(q("val")) == "Heading1":
            if re.match(r"\d+\. ", text.text):  # not the sheets' titles
                text.text = re.sub(r"^\d+\. ", "", text.text)
                _in_the_list(p, 0)
        elif numpr is not None and numpr.find(q("numId")).get(q("val")) not in bullets:
            _in_the_list(p, 1 if numpr.find(q("ilvl")).get(q("val")) == "0" else 2)


def _list_style(parts: dict[str, bytes]) -> None:
    """MNU's pandoc DOCX as Word numbers it with one list style: chapters "1.", clauses "1.1.",
    sub-clauses "1.1.1." (its dash items keep their bullets)."""
    numbering = etree.fromstring(parts["word/numbering.xml"])
    bulleted = {
        a.get(q("abstractNumId"))
        for a in numbering.iter(q("abstractNum"))
        if a.find("w:lvl/w:numFmt[@w:val='bullet']", NS) is not None
    }
    bullets = {
        n.get(q("numId"))
        for n in numbering.iter(q("num"))
        if n.find(q("abstractNumId")).get(q("val")) in bulleted
    }
    for k, absn in enumerate(etree.fromstring(f"<x>{_LINKED}</x>")):
        numbering.insert(k, absn)
    for num_id in ("7000", "7001"):
        num = etree.SubElement(numbering, q("num"), {q("numId"): num_id})
        etree.SubElement(num, q("abstractNumId"), {q("val"): num_id})
    parts["word/numbering.xml"] = etree.tostring(numbering)
    styles = parts["word/styles.xml"].decode()
    parts["word/styles.xml"] = styles.replace(
        "</w:styles>",
        '<w:style w:type="numbering" w:styleId="RegList"><w:name w:val="RegList"/><w:pPr>'
        '<w:numPr><w:numId w:val="7001"/></w:numPr></w:pPr></w:style></w:styles>',
    ).encode()
    edit_body(parts, lambda body: _renumber(body, bullets))


def test_a_multilevel_list_defined_through_a_list_style(project, dlo, tmp_path):
    """Every number of MNU's instruction comes from Word's list style: the import computes them
    as the .txt types them, "1.1." and "2.1.1." — not a list without numbers, whose clauses
    were read as text joined to the chapter's first (8 clauses of 19, 52 DLO504)."""
    path = variant(CORPUS / f"{MNU.stem}.pandoc.docx", tmp_path / "listed.docx", _list_style)
    model, err = imported(project, dlo, path)
    assert counts(model) == expected_counts(MNU), err
    assert "DLO504" not in err
    (project / "regulations" / "corpus").rename(project / "regulations" / "listed")
    typed, _ = imported(project, dlo, CORPUS / f"{MNU.stem}.txt")
    assert shape(model) == shape(typed)


# -- tables --------------------------------------------------------------------------------


def _abbreviations_in_a_table(parts: dict[str, bytes]) -> None:
    """MNU's abbreviations 2.1.1.–2.1.7. as a table: number | abbreviation | meaning."""

    def change(body: etree._Element) -> None:
        listed = [p for p in body if re.match(r"2\.1\.\d\. ", "".join(p.itertext()))]
        table = etree.Element(q("tbl"))
        for p in listed:
            number, term, meaning = re.match(r"(\S+) (.+?) – (.+)", "".join(p.itertext())).groups()
            row(table, number, term, meaning)
        body.insert(body.index(listed[0]), table)
        for p in listed:
            body.remove(p)

    edit_body(parts, change)


def test_a_table_row_numbered_as_a_sub_clause(project, dlo, tmp_path):
    """A row "2.1.1. | МНиВО РК | Министерство …" is sub-clause 2.1.1 "МНиВО РК – Министерство
    …", as the text types it, not an item "| МНиВО РК | Министерство …" (its number cell was read
    as a number only when it was one figure, "1.")."""
    source = CORPUS / f"{MNU.stem}.lo.docx"
    path = variant(source, tmp_path / "table.docx", _abbreviations_in_a_table)
    model, _ = imported(project, dlo, path)
    (project / "regulations" / "corpus").rename(project / "regulations" / "table")
    typed, _ = imported(project, dlo, source)
    assert shape(model) == shape(typed)


def _nested_table(parts: dict[str, bytes]) -> None:
    """A table after clause 2 of the Jambyl regulation whose second cell holds a table."""

    def change(body: etree._Element) -> None:
        after = starting(body, "Управление ПТ и АД не имеет ведомств")
        table = etree.Element(q("tbl"))
        tr = row(table, "Структура")
        cell = etree.SubElement(tr, q("tc"))
        row(etree.SubElement(cell, q("tbl")), "отдел транспорта", "отдел дорог")
        cell.append(para(None))  # a cell ends with a paragraph
        body.insert(body.index(after) + 1, table)

    edit_body(parts, change)


def test_a_table_in_a_table_is_read_once(project, dlo, tmp_path):
    """The inner table's row is part of the outer table's cell: read there, once — not again
    as a row of its own ("отдел транспорта – отдел дорог" a second time)."""
    path = variant(CORPUS / f"{JAMBYL.stem}.pandoc.docx", tmp_path / "nested.docx", _nested_table)
    model, _ = imported(project, dlo, path)
    said = " ".join(f"{text} {items}" for _, text, items in shape(model))
    assert said.count("отдел транспорта") == 1, said


# -- text boxes ------------------------------------------------------------------------------

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
APPROVED = [
    "Утверждено",
    "постановлением акимата",
    "Жамбылской области",
    "от «12» января 2023 года № 5",
]


def text_box(lines: list[str]) -> etree._Element:
    """A run holding a floating text box as Word writes it: DrawingML, and VML for older readers."""
    inner = "".join(etree.tostring(para(line)).decode() for line in lines)
    return etree.fromstring(
        f'<w:r xmlns:w="{W}" xmlns:mc="{MC}" xmlns:wps="{WPS}" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{inner}'
        "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f"<v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_an_approval_block_in_a_text_box_is_read(project, dlo, tmp_path):
    """The Jambyl regulation with its approval block in a text box beside the title, as offices
    set it: read once (not from both of Word's copies of the box) as the approval block it is —
    reported, DLO507, and kept out of the text — not left out unseen."""

    def change(body: etree._Element) -> None:
        body.find(q("p")).append(text_box(APPROVED))

    source = CORPUS / f"{JAMBYL.stem}.pandoc.docx"
    path = variant(source, tmp_path / "boxed.docx", lambda parts: edit_body(parts, change))
    model, err = imported(project, dlo, path)
    approval = [line for line in err.splitlines() if "DLO507" in line]
    assert len(approval) == 1 and "№ 5 of 2023-01-12" in approval[0], err
    assert "5 line(s) before the first chapter" in err  # the box's four and the title
    assert counts(model) == expected_counts(JAMBYL)
    (project / "regulations" / "corpus").rename(project / "regulations" / "boxed")
    plain, _ = imported(project, dlo, source)
    assert shape(model) == shape(plain) and model.title == plain.title


def test_a_text_box_in_the_text_is_named_not_lost(project, dlo, tmp_path):
    """A note in a text box beside MNU's clause 3.2 floats outside the text's order: it is not
    made a clause, and the warning quotes it (it was dropped without a word)."""
    note = "Примечание: требование GPA действует с 2024 года."

    def change(body: etree._Element) -> None:
        starting(body, "3.2. ").append(text_box([note]))

    source = CORPUS / f"{MNU.stem}.lo.docx"
    path = variant(source, tmp_path / "note.docx", lambda parts: edit_body(parts, change))
    model, err = imported(project, dlo, path)
    said = [line for line in err.splitlines() if "text box" in line]
    assert len(said) == 1 and f"DLO504: text in a text box was not imported: '{note}'" in said[0]
    (project / "regulations" / "corpus").rename(project / "regulations" / "note")
    plain, _ = imported(project, dlo, source)
    assert shape(model) == shape(plain)


# -- symbols inserted from a symbol font -----------------------------------------------------


def sym(font: str, char: str) -> etree._Element:
    """A run holding a character Word's Insert → Symbol put in from a symbol font."""
    r = etree.Element(q("r"))
    etree.SubElement(r, q("sym"), {q("font"): font, q("char"): char})
    return r


def in_font(font: str, char: str) -> etree._Element:
    """The same character as LibreOffice saves it: the font's code as a private-use character
    of the text (U+F0B3), in a run set in the symbol font."""
    r = etree.Element(q("r"))
    fonts = etree.SubElement(etree.SubElement(r, q("rPr")), q("rFonts"))
    for which in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(q(which), font)
    etree.SubElement(r, q("t")).text = chr(int(char, 16))
    return r


@pytest.mark.parametrize("saved_by", [sym, in_font], ids=["word", "libreoffice"])
def test_a_symbol_from_the_symbol_font_is_read_and_another_font_s_is_named(
    project, dlo, tmp_path, saved_by
):
    """MNU's clause 3.2 with "(GPA ≥ 3.0)" typed as Word's Insert → Symbol puts the "≥" in: a
    ``w:sym`` of the Symbol font (F0B3), not a character of the text; LibreOffice saves it as the
    private-use character U+F0B3 in a run set in Symbol. Either is the "≥" of Unicode in the
    clause (Word's was left out: "(GPA  3.0)", the requirement lost without a word;
    LibreOffice's U+F0B3 was written into regulation.yaml, a box in every font the regulation is
    printed in); a tick of Wingdings, which has no such character, is named at its paragraph
    with its font and code, and not written."""
    at: list[int] = []

    def change(body: etree._Element) -> None:
        p = starting(body, "3.2. ")
        at.append(1 + list(body.iter(q("p"))).index(p))
        for run in (
            para(" (GPA ").find(q("r")),
            saved_by("Symbol", "F0B3"),
            para(" 3.0) ").find(q("r")),
            saved_by("Wingdings", "F0FC"),
        ):
            p.append(run)

    source = CORPUS / f"{MNU.stem}.lo.docx"
    path = variant(source, tmp_path / "symbols.docx", lambda parts: edit_body(parts, change))
    model, err = imported(project, dlo, path)
    [(_, text, _)] = [c for c in shape(model) if "GPA" in c[1] and "3.0)" in c[1]]
    assert text.endswith("(GPA ≥ 3.0)"), ascii(text[-20:])
    said = [line for line in err.splitlines() if "Wingdings" in line]
    assert [re.sub(r"^.*?\.docx:", "", line) for line in said] == [
        f"{at[0]}:1: warning DLO504: a symbol of the font Wingdings (F0FC) was not imported "
        "(hint: insert it as a character of the text's own font, or write it in words)"
    ]


def test_a_symbol_font_s_name_is_said_on_one_line(project, dlo, tmp_path):
    """A source's symbol named its font with a line break (``w:font="Wing&#10;…"``): the
    warning naming it printed the rest as a line of its own, a forged problem of another file
    ("regulations/corpus/regulation.yaml:1:1: error DLO001: …") among the import's."""
    forged = "regulations/corpus/regulation.yaml:1:1: error DLO001: FORGED"

    def change(body: etree._Element) -> None:
        starting(body, "3.2. ").append(sym(f"Wing\n{forged}", "F0FC"))

    source = CORPUS / f"{MNU.stem}.lo.docx"
    path = variant(source, tmp_path / "font.docx", lambda parts: edit_body(parts, change))
    _, err = imported(project, dlo, path)
    assert not any(line.startswith(forged) for line in err.splitlines()), err
    assert f"a symbol of the font Wing {forged} (F0FC) was not imported" in err


# -- hidden text -----------------------------------------------------------------------------


def test_hidden_text_is_left_out_as_word_prints_it_and_named(project, dlo, tmp_path):
    """A note set as hidden text (Font → Hidden, ``w:vanish``) in MNU's clause 3.2: Word neither
    shows nor prints it, so the clause is the text the source prints, the note left out and
    quoted at its paragraph (it was imported into the clause as if it were printed, unsaid)."""
    note = " (основание: протокол Правления № 7 от 12.03.2024)"
    at: list[int] = []

    def change(body: etree._Element) -> None:
        p = starting(body, "3.2. ")
        at.append(1 + list(body.iter(q("p"))).index(p))
        run = para(note).find(q("r"))
        rpr = etree.Element(q("rPr"))
        etree.SubElement(rpr, q("vanish"))
        run.insert(0, rpr)
        run.find(q("t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        p.append(run)

    source = CORPUS / f"{MNU.stem}.lo.docx"
    path = variant(source, tmp_path / "hidden.docx", lambda parts: edit_body(parts, change))
    model, err = imported(project, dlo, path)
    said = [line for line in err.splitlines() if "hidden text" in line]
    assert [re.sub(r"^.*?\.docx:", "", line) for line in said] == [
        f"{at[0]}:1: warning DLO504: hidden text was not imported: '{note.strip()}' (hint: Word "
        "does not print hidden text: if it belongs to the regulation, unhide it in Word (Font → "
        "Hidden) and import again)"
    ]
    (project / "regulations" / "corpus").rename(project / "regulations" / "hidden")
    plain, _ = imported(project, dlo, source)
    assert shape(model) == shape(plain)


def test_hidden_text_set_by_a_style_is_left_out_and_named(project, dlo, tmp_path):
    """Hidden text through a character style (based on one that hides: ``w:vanish`` in
    styles.xml, not on the run) was imported into the clause as printed, unsaid; Word shows
    neither. A run saying ``w:vanish w:val="0"`` itself is shown, whatever its style says."""
    note, shown = " СЛУЖЕБНАЯ ПОМЕТКА", " (в редакции 2024 года)"
    styles = (
        '<w:style w:type="character" w:styleId="Hid"><w:name w:val="Hid"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>"
        '<w:style w:type="character" w:styleId="HidNote"><w:name w:val="HidNote"/>'
        '<w:basedOn w:val="Hid"/><w:rPr><w:i/></w:rPr></w:style>'
    )

    def edit(parts: dict[str, bytes]) -> None:
        root = etree.fromstring(parts["word/styles.xml"])
        for style in etree.fromstring(f'<w:styles xmlns:w="{W}">{styles}</w:styles>'):
            root.append(style)
        parts["word/styles.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")

        def change(body: etree._Element) -> None:
            p = starting(body, "3.2. ")
            for text, off in ((note, False), (shown, True)):
                run = para(text).find(q("r"))
                rpr = etree.Element(q("rPr"))
                etree.SubElement(rpr, q("rStyle")).set(q("val"), "HidNote")
                if off:
                    etree.SubElement(rpr, q("vanish")).set(q("val"), "0")
                run.insert(0, rpr)
                run.find(q("t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                p.append(run)

        edit_body(parts, change)

    source = CORPUS / f"{MNU.stem}.lo.docx"
    model, err = imported(project, dlo, variant(source, tmp_path / "styled.docx", edit))
    assert f"hidden text was not imported: '{note.strip()}'" in err, err
    texts = [c[1] for c in shape(model)]
    assert not any("ПОМЕТКА" in t for t in texts)
    assert any(t.endswith(shown) for t in texts), texts
