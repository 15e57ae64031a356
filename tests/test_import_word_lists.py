"""Word as an editing path, lists as Word users make them: a new item typed after an item
(Enter at its end, in the DLO Item style, with no number), and Word's own list numbering
(Home → Numbering: ``w:numPr``) put on a new clause or item instead of dlo's typed numbers. In a
DOCX that dlo rendered, the paragraph's style says what an element is and at which level; the
numbers are computed, so Word's are not read as the text's."""

from __future__ import annotations

import copy

from docx import Document
from docx.oxml.ns import qn
from test_import_support import load_model
from test_import_word import REG, changes, rendered
from test_import_word_office import _paragraph_of

DECIMAL = "5"  # the rendered numbering.xml's "%1." list (Word's ListNumber)
BULLET = "1"  # and its bullet list


def _typed_after(path, eid: str, text: str, num_id: str | None = None) -> None:
    """Enter at the end of element ``eid``'s paragraph and ``text`` typed: a paragraph of its
    style, no bookmark; with ``num_id``, Word's list numbering put on it too."""
    doc = Document(str(path))
    at = _paragraph_of(doc, eid)
    fresh = copy.deepcopy(at)
    for el in list(fresh):
        if el.tag != qn("w:pPr"):
            fresh.remove(el)
    if num_id is not None:
        ppr = fresh.find(qn("w:pPr"))
        numpr = ppr.makeelement(qn("w:numPr"), {})
        numpr.append(numpr.makeelement(qn("w:ilvl"), {qn("w:val"): "0"}))
        numpr.append(numpr.makeelement(qn("w:numId"), {qn("w:val"): num_id}))
        ppr.append(numpr)
    run = fresh.makeelement(qn("w:r"), {})
    run.append(run.makeelement(qn("w:t"), {}))
    run[0].text = text
    fresh.append(run)
    at.addnext(fresh)
    doc.save(str(path))


def _duties(root):
    return load_model(root, REG).chapters[4].paragraphs[1].clauses[0]


def _item_after_the_twelfth(bundled, dlo, num_id: str | None):
    duties = _duties(bundled)
    path = rendered(bundled, dlo)
    _typed_after(path, duties.items[11].id, "ақпараттық қауіпсіздікті қамтамасыз етуге;", num_id)
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    after = _duties(bundled)
    assert [i.id for i in after.items[:12]] == [i.id for i in duties.items[:12]]
    assert after.items[12].text == "ақпараттық қауіпсіздікті қамтамасыз етуге;"
    assert after.items[12].items == []
    assert [i.id for i in after.items[13:]] == [i.id for i in duties.items[12:]]
    assert changes(bundled) == {("added", after.items[12].id)}
    return result


def test_an_item_typed_after_an_item_is_the_next_item_not_its_sub_item(bundled, dlo):
    """It was imported as item 12's sub-item "а)"."""
    _item_after_the_twelfth(bundled, dlo, None)


def test_word_numbering_on_a_new_item_nests_nothing_under_it(bundled, dlo):
    """Its "1." read as a number of another style made items 13–16 its sub-items."""
    result = _item_after_the_twelfth(bundled, dlo, DECIMAL)
    assert "DLO503" not in result.err, result.err


def test_word_numbering_on_a_new_clause_is_no_number_of_the_text(bundled, dlo):
    """A "1." Word numbers was warned of as a clause number going back; a bullet Word puts on a
    DLO Clause paragraph made it an item of the clause before, and that clause's list dashed."""
    yaml = bundled / "regulations" / REG / "regulation.yaml"
    original = yaml.read_bytes()
    general = load_model(bundled, REG).chapters[3].clauses
    for num_id in (DECIMAL, BULLET):
        yaml.write_bytes(original)
        path = rendered(bundled, dlo)
        _typed_after(path, general[0].id, "Бөлім бастығы жыл сайын есеп береді.", num_id)
        result = dlo("import", path, "--onto", REG, cwd=bundled)
        assert result.code == 0, result.err
        assert "DLO503" not in result.err, result.err
        after = load_model(bundled, REG).chapters[3].clauses
        assert after[0].id == general[0].id and after[0].items == []
        assert after[1].text == "Бөлім бастығы жыл сайын есеп береді."
        assert [c.id for c in after[2:]] == [c.id for c in general[1:]]
        assert changes(bundled) == {("added", after[1].id)}


def _split_with_track_changes(path, eid: str, at: str) -> None:
    """Enter pressed inside element ``eid``'s text before ``at`` with Track Changes on: the
    paragraph mark that ends the first part is inserted (``w:pPr/w:rPr/w:ins``, as Word and
    LibreOffice write it), the rest of the text goes on in a paragraph of its own."""
    doc = Document(str(path))
    p = _paragraph_of(doc, eid)
    run = next(r for r in p.iter(qn("w:r")) if at in (r.findtext(qn("w:t")) or ""))
    t = run.find(qn("w:t"))
    head, tail = t.text.split(at, 1)
    t.text = head.rstrip()
    rest = copy.deepcopy(p)
    for el in list(rest):
        if el.tag != qn("w:pPr"):
            rest.remove(el)
    moved = copy.deepcopy(run)
    moved.find(qn("w:t")).text = at + tail
    rest.append(moved)
    ppr = p.find(qn("w:pPr"))
    rpr = ppr.makeelement(qn("w:rPr"), {})
    rpr.append(rpr.makeelement(qn("w:ins"), {qn("w:id"): "931", qn("w:author"): "Заңгер"}))
    ppr.append(rpr)
    p.addnext(rest)
    doc.save(str(path))


def test_a_clause_split_with_track_changes_is_named_until_accepted(bundled, dlo):
    """A paragraph split with Track Changes on was imported as two clauses with no word, though
    a file with unresolved tracked changes is refused: rejected in Word, the split is undone."""
    yaml = bundled / "regulations" / REG / "regulation.yaml"
    before = yaml.read_bytes()
    general = load_model(bundled, REG).chapters[3].clauses
    path = rendered(bundled, dlo)
    _split_with_track_changes(path, general[1].id, "Қызметтен босату")
    refused = dlo("import", path, "--onto", REG, cwd=bundled)
    assert refused.code == 2 and yaml.read_bytes() == before, refused.err
    assert 'paragraph split after "…' in refused.err and 'тағайындалады." by Заңгер' in (
        refused.err
    )
    ru = dlo("--lang-ui", "ru", "import", path, "--onto", REG, cwd=bundled)
    assert ru.code == 2 and "исправление: абзац разделён после «…" in ru.err, ru.err
    accepted = dlo("import", path, "--onto", REG, "--accept-changes", cwd=bundled)
    assert accepted.code == 0, accepted.err
    after = load_model(bundled, REG).chapters[3].clauses
    assert after[1].id == general[1].id and after[1].text.endswith("тағайындалады.")
    assert after[2].text.startswith("Қызметтен босату")
    assert changes(bundled) == {("changed", general[1].id), ("added", after[2].id)}


def _png(path) -> None:
    """A small PNG (40 × 20, red), as a picture pasted into Word."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xc8\x00\x00" * 40 for _ in range(20))
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 40, 20, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_a_picture_put_in_the_text_is_said_at_its_place(bundled, dlo):
    """A picture inserted into a clause, and one on a line of its own between two clauses, were
    left out with no word: the import said nothing and the clauses came back as before."""
    from docx.text.paragraph import Paragraph

    general = load_model(bundled, REG).chapters[3].clauses
    path = rendered(bundled, dlo)
    picture = path.with_name("red.png")
    _png(picture)
    _typed_after(path, general[1].id, "")
    doc = Document(str(path))
    first = _paragraph_of(doc, general[0].id)
    alone = _paragraph_of(doc, general[1].id).getnext()
    for p in (first, alone):
        Paragraph(p, doc.paragraphs[0]._parent).add_run().add_picture(str(picture))
    doc.save(str(path))
    at = [1 + i for i, q in enumerate(doc.paragraphs) if q._p in (first, alone)]
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    said = [line for line in result.err.splitlines() if "a picture" in line]
    assert [s.split(": warning DLO504")[0].rsplit(":", 2)[1] for s in said] == [
        str(n) for n in at
    ], result.err
    assert changes(bundled) == set()
    ru = dlo("--lang-ui", "ru", "import", path, "--onto", REG, cwd=bundled)
    assert "рисунок" in ru.err, ru.err


def test_an_item_given_the_clause_style_is_a_clause_not_a_sub_item(bundled, dlo):
    """An item restyled DLO Clause in Word keeps its typed "3) ": the marker outweighed the
    style, and the clause came back as a sub-item of the item before it."""
    section = load_model(bundled, REG).chapters[4].paragraphs[0]
    clause = section.clauses[0]
    path = rendered(bundled, dlo)
    doc = Document(str(path))
    restyled = _paragraph_of(doc, clause.items[2].id)
    restyled.find(qn("w:pPr")).find(qn("w:pStyle")).set(qn("w:val"), "DLOClause")
    doc.save(str(path))
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    assert "DLO503" not in result.err, result.err
    after = load_model(bundled, REG).chapters[4].paragraphs[0].clauses
    assert [i.id for i in after[0].items] == [i.id for i in clause.items[:2]]
    assert all(i.items == [] for i in after[0].items)
    assert after[1].text == clause.items[2].text and after[1].items == []


def test_a_clause_given_the_item_style_is_said_to_have_lost_what_it_stated(bundled, dlo):
    """A clause restyled DLO Item in Word is a new item of the clause before it: the clause,
    whose `states: approval` the DOCX does not show, was removed with it and no word said so
    (only numbering warnings). Its loss is a warning naming what went (DLO509); the text is
    imported as the clerk styled it."""
    path = rendered(bundled, dlo)
    doc = Document(str(path))
    restyled = _paragraph_of(doc, "approval")
    restyled.find(qn("w:pPr")).find(qn("w:pStyle")).set(qn("w:val"), "DLOItem")
    doc.save(str(path))
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    said = [line for line in result.err.splitlines() if "DLO509" in line]
    assert len(said) == 1, result.err
    assert said[0].startswith(
        f"regulations/{REG}/regulation.yaml: warning DLO509: clause 'approval'"
    )
    assert "states: approval" in said[0], said[0]
    assert ("removed", "approval") in changes(bundled)
    # the DOCX rendered again and imported as it is removes nothing: no such warning
    path = rendered(bundled, dlo)
    assert "DLO509" not in dlo("import", path, "--onto", REG, cwd=bundled).err
