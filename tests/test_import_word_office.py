"""Word as an editing path, edits as offices make them: a paragraph pasted from another document
with its own style and list numbering, a table put in the text, a new chapter whose heading is
typed without its number, two clauses joined with Track Changes on. What can be carried comes
back exactly; what cannot is said at its place (DLO504), never left out silently."""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import test_import_word as word
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from test_import_support import load_model
from test_import_word import REG, changes, rendered

from dlo_docs import bookmarks

NUMBERING = (
    '<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
)


def _paste_list_paragraph(path: Path, after, text: str) -> Path:
    """A paragraph pasted from another document: its "List Paragraph" style and its own list
    (``w:numPr`` → a list of its own in numbering.xml), as Word keeps source formatting."""
    doc = Document(str(path))
    styles = doc.styles.element
    style = styles.makeelement(qn("w:style"), {qn("w:type"): "paragraph", qn("w:styleId"): "LP"})
    style.append(style.makeelement(qn("w:name"), {qn("w:val"): "List Paragraph"}))
    styles.append(style)
    numbering = doc.part.numbering_part.element
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    abstract = etree.fromstring(NUMBERING.replace("<w:abstractNum ", f"<w:abstractNum {ns} ", 1))
    numbering.find(qn("w:num")).addprevious(abstract)
    num = numbering.makeelement(qn("w:num"), {qn("w:numId"): "90"})
    num.append(num.makeelement(qn("w:abstractNumId"), {qn("w:val"): "90"}))
    numbering.append(num)
    fresh = doc.add_paragraph(text, style=None)._p
    ppr = fresh.get_or_add_pPr()
    ppr.append(ppr.makeelement(qn("w:pStyle"), {qn("w:val"): "LP"}))
    numpr = ppr.makeelement(qn("w:numPr"), {})
    numpr.append(numpr.makeelement(qn("w:ilvl"), {qn("w:val"): "0"}))
    numpr.append(numpr.makeelement(qn("w:numId"), {qn("w:val"): "90"}))
    ppr.append(numpr)
    after(doc).addnext(fresh)
    out = path.with_name("pasted.docx")
    doc.save(str(out))
    return out


def _paragraph_of(doc, eid: str):
    """The body paragraph of element ``eid`` (by the bookmark ``dlo render`` put in it)."""
    name = bookmarks.name(eid)
    return next(
        p._p
        for p in doc.paragraphs
        if any(b.get(qn("w:name")) == name for b in p._p.iter(qn("w:bookmarkStart")))
    )


def _unchanged(root: Path) -> bytes:
    return (root / "regulations" / REG / "regulation.yaml").read_bytes()


def test_a_paragraph_pasted_with_its_own_style_and_numbering_is_said_at_its_place(bundled, dlo):
    duties = load_model(bundled, REG).chapters[4].paragraphs[1].clauses[0]
    item = duties.items[2].id
    path = _paste_list_paragraph(
        rendered(bundled, dlo),
        lambda doc: _paragraph_of(doc, item),
        "бөлім жұмысының жылдық жоспарын әзірлеуге;",
    )
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    said = [line for line in result.err.splitlines() if "DLO504" in line]
    assert len(said) == 1, result.err
    doc = Document(str(path))
    at = 2 + next(i for i, p in enumerate(doc.paragraphs) if p._p is _paragraph_of(doc, item))
    assert f"pasted.docx:{at}:1: warning DLO504" in said[0]
    assert "'list paragraph'" in said[0]
    assert "«1. бөлім жұмысының жылдық жоспарын әзірлеуге;»" in said[0]
    assert changes(bundled) == set()  # nothing invented: the items are as they were


def test_a_table_put_in_the_text_is_said_at_its_place(bundled, dlo):
    path = rendered(bundled, dlo)
    doc = Document(str(path))
    table = doc.add_table(rows=2, cols=2)
    for row, (a, b) in zip(table.rows, [("Білімі", "Жоғары"), ("Өтілі", "5 жыл")], strict=True):
        row.cells[0].text, row.cells[1].text = a, b
    qualifications = load_model(bundled, REG).chapters[4].paragraphs[0].clauses[0]
    _paragraph_of(doc, qualifications.items[-1].id).addnext(table._tbl)
    doc.save(str(path))
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    assert "warning DLO504: a table in the text was not imported" in result.err
    assert "«Білімі – Жоғары; Өтілі – 5 жыл»" in result.err
    assert changes(bundled) == set()


def test_a_chapter_typed_without_its_number_is_a_new_chapter(bundled, dlo):
    path = rendered(bundled, dlo)
    doc = Document(str(path))
    model = load_model(bundled, REG)
    last = model.chapters[5].clauses[-1].id  # before chapter 7
    at = _paragraph_of(doc, last)
    heading = copy.deepcopy(_paragraph_of(doc, model.chapters[0].id))
    clause = copy.deepcopy(at)
    for p, text in ((heading, "Қосымша ережелер"), (clause, "Бөлім бастығы есеп береді.")):
        for el in [*p.iter(qn("w:bookmarkStart")), *p.iter(qn("w:bookmarkEnd"))]:
            el.getparent().remove(el)
        runs = p.findall(qn("w:r"))
        for r in runs[1:]:
            p.remove(r)
        runs[0].find(qn("w:t")).text = text
    at.addnext(heading)
    heading.addnext(clause)
    doc.save(str(path))
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    chapters = load_model(bundled, REG).chapters
    assert len(chapters) == len(model.chapters) + 1
    new = chapters[6]
    assert new.title == "Қосымша ережелер"
    assert [c.text for c in new.clauses] == ["Бөлім бастығы есеп береді."]
    assert changes(bundled) == {("added", new.id)}


def _joined_with_track_changes(path: Path, first, second) -> Path:
    """Delete at the end of ``first`` with Track Changes on: its paragraph mark is deleted (a
    ``w:del`` in the mark's run properties) and the next paragraph's typed number with it."""
    doc = Document(str(path))
    a, b = first(doc), second(doc)
    rpr = a.get_or_add_pPr().makeelement(qn("w:rPr"), {})
    rpr.append(rpr.makeelement(qn("w:del"), {qn("w:id"): "901", qn("w:author"): "Заңгер"}))
    a.get_or_add_pPr().append(rpr)
    run = b.findall(qn("w:r"))[0]
    t = run.find(qn("w:t"))
    number, rest = t.text.split(" ", 1)
    run.addprevious(word.deleted(run, number + " ", "902"))
    t.text = rest
    out = path.with_name("joined.docx")
    doc.save(str(out))
    return out


def test_two_clauses_joined_with_track_changes_are_one_once_accepted(bundled, dlo):
    general = load_model(bundled, REG).chapters[3].clauses
    first, second = general[0], general[1]
    path = _joined_with_track_changes(
        rendered(bundled, dlo),
        lambda doc: _paragraph_of(doc, first.id),
        lambda doc: _paragraph_of(doc, second.id),
    )
    before = _unchanged(bundled)
    refused = dlo("import", path, "--onto", REG, cwd=bundled)
    assert refused.code == 2 and _unchanged(bundled) == before
    assert "paragraph mark deleted" in refused.err and "санатына жатады." in refused.err
    result = dlo("import", path, "--onto", REG, "--accept-changes", cwd=bundled)
    assert result.code == 0, result.err
    assert changes(bundled) == {("changed", first.id), ("removed", second.id)}
    clauses = load_model(bundled, REG).chapters[3].clauses
    assert clauses[0].id == first.id
    assert clauses[0].text == f"{first.text}{second.text}"  # as Word joins them: no space added
    assert clauses[1].id == general[2].id


def test_tracked_changes_are_named_in_the_interface_language(bundled, dlo, monkeypatch):
    general = load_model(bundled, REG).chapters[3].clauses
    path = _joined_with_track_changes(
        rendered(bundled, dlo),
        lambda doc: _paragraph_of(doc, general[0].id),
        lambda doc: _paragraph_of(doc, general[1].id),
    )
    with zipfile.ZipFile(path) as z:
        assert "w:delText" in z.read("word/document.xml").decode()
    result = dlo("--lang-ui", "ru", "import", path, "--onto", REG, cwd=bundled)
    assert result.code == 2
    assert "tracked change" not in result.err and "deleted" not in result.err
    assert "исправление: удалено «6.», автор Заңгер" in result.err, result.err
    assert "исправление: удалён знак абзаца" in result.err


def test_a_tracked_formatting_change_is_named_with_its_text(bundled, dlo):
    """A word made bold and a paragraph re-aligned with Track Changes on were each listed as
    "formatting changed by Заңгер", leaving the drafter to search the file for which; each is
    now named with the text of its run or paragraph."""
    clauses = load_model(bundled, REG).chapters[3].clauses
    path = rendered(bundled, dlo)
    doc = Document(str(path))
    run = next(_paragraph_of(doc, clauses[0].id).iter(qn("w:r")))
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.SubElement(run, qn("w:rPr"))
        run.insert(0, rpr)
    etree.SubElement(rpr, qn("w:b"))
    etree.SubElement(rpr, qn("w:rPrChange"), {qn("w:id"): "911", qn("w:author"): "Заңгер"})
    ppr = _paragraph_of(doc, clauses[1].id).find(qn("w:pPr"))
    etree.SubElement(ppr, qn("w:pPrChange"), {qn("w:id"): "912", qn("w:author"): "Заңгер"})
    doc.save(str(path))
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 2, result.err
    words = " ".join("".join(t.text or "" for t in run.iter(qn("w:t"))).split())
    assert (
        words.startswith("5. ") and f'formatting of "{words[:59]}…" changed by Заңгер' in result.err
    )
    assert f'formatting of "6. {clauses[1].text[:20]}' in result.err, result.err
    assert "tracked change: formatting changed by" not in result.err
    ru = dlo("--lang-ui", "ru", "import", path, "--onto", REG, cwd=bundled)
    assert f"изменено форматирование «{words[:59]}…», автор Заңгер" in ru.err, ru.err


WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def test_a_text_box_put_in_a_clause_is_said_and_takes_no_clause_s_place(bundled, dlo):
    path = rendered(bundled, dlo)
    doc = Document(str(path))
    clause = load_model(bundled, REG).chapters[3].clauses[0]
    p = _paragraph_of(doc, clause.id)
    run = p.makeelement(qn("w:r"), {})
    drawing = etree.SubElement(run, qn("w:drawing"))
    anchor = etree.SubElement(drawing, f"{{{WP}}}anchor")
    data = etree.SubElement(etree.SubElement(anchor, f"{{{A}}}graphic"), f"{{{A}}}graphicData")
    box = etree.SubElement(
        etree.SubElement(etree.SubElement(data, f"{{{WPS}}}wsp"), f"{{{WPS}}}txbx"),
        qn("w:txbxContent"),
    )
    note = etree.SubElement(etree.SubElement(box, qn("w:p")), qn("w:r"))
    etree.SubElement(note, qn("w:t")).text = "Ескерту: 2027 жылы қайта қаралады."
    p.append(run)
    doc.save(str(path))
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    assert "text in a text box was not imported: 'Ескерту: 2027 жылы қайта қаралады.'" in result.err
    assert changes(bundled) == set()  # the clause keeps its id and its text


FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:id="1"><w:p><w:r><w:t>Еңбек кодексінің 16-бабына сәйкес.</w:t></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


def test_a_footnote_is_said_at_the_paragraph_that_refers_to_it(bundled, dlo):
    path = rendered(bundled, dlo)
    doc = Document(str(path))
    clause = load_model(bundled, REG).chapters[3].clauses[0]
    p = _paragraph_of(doc, clause.id)
    run = etree.SubElement(p, qn("w:r"))
    etree.SubElement(run, qn("w:footnoteReference")).set(qn("w:id"), "1")
    doc.save(str(path))
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/footnotes.xml"] = FOOTNOTES.encode()
    rels = "word/_rels/document.xml.rels"
    parts[rels] = parts[rels].replace(
        b"</Relationships>",
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, raw in parts.items():
            z.writestr(name, raw)
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    at = 1 + next(i for i, q in enumerate(doc.paragraphs) if q._p is p)
    assert f":{at}:1: warning DLO504: a footnote was not imported: " in result.err
    assert "'Еңбек кодексінің 16-бабына сәйкес.'" in result.err
    assert changes(bundled) == set()


def test_a_title_changed_on_the_title_page_is_said_not_lost(bundled, dlo):
    path = rendered(bundled, dlo)
    doc = Document(str(path))
    title = next(p for p in doc.paragraphs if p.style.name == "DLO Document Name")
    title.runs[0].text = "Қашықтықтан және цифрлық оқыту бөлімі бастығының лауазымдық нұсқаулығы"
    for run in title.runs[1:]:
        run.text = ""
    doc.save(str(path))
    at = 1 + next(i for i, p in enumerate(doc.paragraphs) if p._p is title._p)
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    assert f":{at}:1: warning DLO505: the title on the title page reads «Қашықтықтан және" in (
        result.err
    )
    assert load_model(bundled, REG).title == load_model(word.REPO, REG).title  # data, not text
    untouched = dlo("import", rendered(bundled, dlo), "--onto", REG, cwd=bundled)
    assert untouched.code == 0 and "DLO505" not in untouched.err  # the title as rendered
