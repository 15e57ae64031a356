"""Word as an editing path: render the regulation, edit the DOCX the way Word users do, import it
back onto the regulation (``dlo import FILE --onto ID``); the comparison lists exactly the edits
and every untouched element keeps its id — also after a LibreOffice re-save, also when the
bookmarks that carry the ids were lost, and also when the five edits were made with Word's Track
Changes on (refused until accepted, then exactly those edits; the same after a LibreOffice
re-save of the tracked file)."""

from __future__ import annotations

import copy
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from conftest import REPO, _session_dlo, bundled_regulations
from docx import Document
from docx.oxml.ns import qn
from test_import_support import load_model

from dlo_docs import bookmarks
from dlo_docs.comparison import prepare
from dlo_docs.numbering import walk
from dlo_docs.project import Project

BODY = {"Heading 1", "Heading 2", "DLO Clause", "DLO Item", "DLO Item 2"}
REG = "dlo-head"


def rendered(root: Path, dlo) -> Path:
    result = dlo("render", REG, "--format", "docx", "--lang", "kk", cwd=root)
    assert result.code == 0, result.err
    return root / "build" / f"{REG}.kk.docx"


def marks(p) -> list[str]:
    return [b.get(qn("w:name")) for b in p._p.iter(qn("w:bookmarkStart"))]


def body(doc) -> list:
    return [p for p in doc.paragraphs if p.style.name in BODY]


def ids_of(root: Path) -> list[tuple[str, str]]:
    return [(n.kind, n.element.id) for n in walk(load_model(root, REG))]


def changes(root: Path) -> set[tuple[str, str]]:
    return {(c.what, c.id) for c in prepare(Project(root), REG).comparison.changes}


def test_render_puts_each_elements_id_in_a_bookmark(bundled, dlo):
    doc = Document(str(rendered(bundled, dlo)))
    paragraphs = body(doc)
    elements = ids_of(bundled)
    assert [marks(p) for p in paragraphs] == [[bookmarks.name(i)] for _, i in elements]
    names = [m for p in doc.paragraphs for m in marks(p)]
    assert len(names) == len(set(names)) and all(len(n) <= 40 for n in names)


class Edit:
    """Edits as a Word user makes them, on the paragraphs of the rendered DOCX."""

    def __init__(self, path: Path, root: Path):
        self.path, self.doc = path, Document(str(path))
        by_name = bookmarks.ids_by_name([i for _, i in ids_of(root)])
        self.kind = dict(ids_of(root))
        self.paragraphs = {by_name[marks(p)[0]]: p for p in body(self.doc)}

    def reword(self, eid: str, old: str, new: str) -> None:
        run = next(r for r in self.paragraphs[eid].runs if old in r.text)
        run.text = run.text.replace(old, new, 1)

    def insert_after(self, eid: str, text: str) -> None:
        source = self.paragraphs[eid]._p
        fresh = copy.deepcopy(source)
        for el in [*fresh.iter(qn("w:bookmarkStart")), *fresh.iter(qn("w:bookmarkEnd"))]:
            el.getparent().remove(el)  # a pasted paragraph does not duplicate a bookmark
        runs = fresh.findall(qn("w:r"))
        for r in runs[1:]:
            fresh.remove(r)
        runs[0].find(qn("w:t")).text = text
        source.addnext(fresh)

    def delete(self, eid: str) -> None:
        p = self.paragraphs[eid]._p
        p.getparent().remove(p)

    def move_after(self, eid: str, after: str) -> None:
        p = self.paragraphs[eid]._p
        self.paragraphs[after]._p.addnext(p)  # cut and paste: the bookmark travels with it

    def save(self, path: Path | None = None) -> Path:
        out = path or self.path.with_name("edited.docx")
        self.doc.save(str(out))
        return out


def edited(
    root: Path, dlo, editor: type[Edit] = Edit, name: str = "edited.docx"
) -> tuple[Path, dict[str, str]]:
    """The five edits (by ``editor``: plain, or with Track Changes); returns the file and the ids
    each edit touched."""
    edit = editor(rendered(root, dlo), root)
    model = load_model(root, REG)
    chapters = {c.id: c for c in model.chapters}
    general = chapters["general-provisions"]
    reworded = general.clauses[0].id
    words = edit.paragraphs[reworded].text.split()
    edit.reword(reworded, words[-1], "мұқият " + words[-1])
    edit.insert_after(general.clauses[1].id, "99. Бөлім бастығы жылдық есепті уақытында ұсынады.")
    item = chapters["normative-references"].clauses[0].items[1].id
    edit.delete(item)
    agreement = chapters["agreement"].clauses
    moved = agreement[0].id
    edit.move_after(moved, agreement[3].id)
    titled = chapters["abbreviations"].id
    last = edit.paragraphs[titled].runs[-1].text
    edit.reword(titled, last[-4:], last[-4:] + " ТІЗІМІ")
    touched = {"reworded": reworded, "item": item, "moved": moved, "chapter": titled}
    return edit.save(edit.path.with_name(name)), touched


def expected(before: list[tuple[str, str]], after, touched: dict[str, str]) -> None:
    old_ids = [i for _, i in before]
    new_ids = [i for _, i in after]
    added = [i for i in new_ids if i not in old_ids]
    assert len(added) == 1, added
    assert set(old_ids) - set(new_ids) == {touched["item"]}  # untouched ids unchanged
    return added[0]


def test_word_edits_come_back_as_exactly_those_edits(bundled, dlo):
    before = ids_of(bundled)
    path, touched = edited(bundled, dlo)
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    new = expected(before, ids_of(bundled), touched)
    assert changes(bundled) == {
        ("changed", touched["reworded"]),
        ("added", new),
        ("removed", touched["item"]),
        ("moved", touched["moved"]),
        ("changed", touched["chapter"]),
    }
    model = load_model(bundled, REG)
    assert model.edition == 1 and model.title == load_model(REPO, REG).title
    assert model.agreement == load_model(REPO, REG).agreement


def test_ids_are_found_by_text_when_the_bookmarks_were_lost(bundled, dlo):
    before = ids_of(bundled)
    path, touched = edited(bundled, dlo)
    doc = Document(str(path))
    for p in doc.paragraphs:  # the text retyped or pasted into a new document
        for el in [*p._p.iter(qn("w:bookmarkStart")), *p._p.iter(qn("w:bookmarkEnd"))]:
            el.getparent().remove(el)
    doc.save(str(path))
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    # the summary counts those found by text (it said "N by bookmark, the others by text")
    kept = len(before) - 1  # every element but the item deleted
    assert f"{kept} element(s) kept their ids (0 by bookmark, {kept} by text); 1 new" in result.err
    new = expected(before, ids_of(bundled), touched)
    assert changes(bundled) == {
        ("changed", touched["reworded"]),
        ("added", new),
        ("removed", touched["item"]),
        ("moved", touched["moved"]),
        ("changed", touched["chapter"]),
    }


def deleted(run, text: str, wid: str):
    """A tracked deletion (``w:del`` by Заңгер) of a copy of ``run`` reading ``text``."""
    gone = copy.deepcopy(run)
    t = gone.find(qn("w:t"))
    t.tag, t.text = qn("w:delText"), text
    wrapper = run.makeelement(qn("w:del"), {qn("w:id"): wid, qn("w:author"): "Заңгер"})
    wrapper.append(gone)
    return wrapper


def _tracked(path: Path) -> Path:
    """An insertion and a deletion made with Word's Track Changes, and a comment marker."""
    doc = Document(str(path))
    p = next(p for p in doc.paragraphs if p.style.name == "DLO Clause")
    run = p.runs[-1]._r
    ins = run.makeelement(qn("w:ins"), {qn("w:id"): "901", qn("w:author"): "Заңгер"})
    new_run = copy.deepcopy(run)
    new_run.find(qn("w:t")).text = " қосымша сөз"
    ins.append(new_run)
    run.addnext(ins)
    ins.addnext(deleted(run, "алынған сөз", "902"))
    out = path.with_name("tracked.docx")
    doc.save(str(out))
    return out


def test_tracked_changes_are_refused_unless_accepted(bundled, dlo):
    path = _tracked(rendered(bundled, dlo))
    before = (bundled / "regulations" / REG / "regulation.yaml").read_bytes()
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 2
    assert "tracked changes" in result.err and "Заңгер" in result.err
    assert "қосымша сөз" in result.err and "алынған сөз" in result.err
    assert (bundled / "regulations" / REG / "regulation.yaml").read_bytes() == before
    result = dlo("import", path, "--onto", REG, "--accept-changes", cwd=bundled)
    assert result.code == 0, result.err
    ((what, eid),) = changes(bundled)
    assert what == "changed"
    model = load_model(bundled, REG)
    text = next(c.text for _, _, c in model.clauses() if c.id == eid)
    text = text if isinstance(text, str) else text["kk"]
    assert "қосымша сөз" in text and "алынған сөз" not in text


def _many_tracked(path: Path, n: int) -> Path:
    """The same tracked insertion (" және") at the end of ``n`` clauses, and a comment on one."""
    doc = Document(str(path))
    clauses = [p for p in doc.paragraphs if p.style.name == "DLO Clause"][:n]
    for i, p in enumerate(clauses):
        run = p.runs[-1]._r
        ins = run.makeelement(qn("w:ins"), {qn("w:id"): str(900 + i), qn("w:author"): "Заңгер"})
        new_run = copy.deepcopy(run)
        new_run.find(qn("w:t")).text = " және"
        ins.append(new_run)
        run.addnext(ins)
    out = path.with_name("many.docx")
    doc.save(str(out))
    return out


def test_each_tracked_change_refused_is_named_with_its_paragraph_and_the_rest_counted_once(
    bundled, dlo
):
    """The same word inserted into fifteen clauses: each line named the word alone, so a clerk
    could not tell which paragraph held it; the count of those not listed was printed twice."""
    path = _many_tracked(rendered(bundled, dlo), 15)
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 2, result.err
    lines = [line for line in result.err.splitlines() if "және" in line]
    assert len(lines) == 12, result.err
    starts = [line.split("және", 1)[1] for line in lines]
    assert len(set(starts)) == 12, result.err  # each names its own paragraph
    assert result.err.count("and 3 more") == 1, result.err


def soffice_resave(*paths: Path) -> list[Path]:
    """The DOCX files re-saved by LibreOffice, all in one run (each in ``lo/`` beside it)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    outdir = paths[0].parent / "lo"
    profile = Path("/tmp") / f"dlo-word-lo-{uuid.uuid4().hex}"
    try:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "docx",
                "--outdir",
                str(outdir),
                *map(str, paths),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return [outdir / path.name for path in paths]


@pytest.fixture(scope="module")
def resaved(tmp_path_factory) -> dict[str, tuple[Path, dict[str, str]]]:
    """The five edits, plain ("plain") and with Track Changes ("tracked"), each file re-saved
    by LibreOffice (both in one run), with the ids each edit touched; made on a copy of the
    bundled project like ``bundled``, so that they apply to each test's own copy."""
    root = tmp_path_factory.mktemp("word") / "proj"
    shutil.copytree(REPO / "regulations", root / "regulations", ignore=bundled_regulations())
    shutil.copytree(REPO / "templates", root / "templates")
    plain, plain_touched = edited(root, _session_dlo)
    tracked, tracked_touched = tracked_edits(root, _session_dlo)
    plain, tracked = soffice_resave(plain, tracked)
    return {"plain": (plain, plain_touched), "tracked": (tracked, tracked_touched)}


@pytest.mark.slow  # LibreOffice
def test_the_same_after_a_libreoffice_resave(bundled, dlo, resaved):
    before = ids_of(bundled)
    path, touched = resaved["plain"]
    result = dlo("import", path, "--onto", REG, cwd=bundled)
    assert result.code == 0, result.err
    new = expected(before, ids_of(bundled), touched)
    assert changes(bundled) == {
        ("changed", touched["reworded"]),
        ("added", new),
        ("removed", touched["item"]),
        ("moved", touched["moved"]),
        ("changed", touched["chapter"]),
    }


class TrackedEdit(Edit):
    """The same edits made with Word's Track Changes on: nothing is removed from the file, each
    change is marked (``w:ins``, ``w:del``, ``w:moveFrom`` / ``w:moveTo``, and the paragraph
    mark's own revision under ``w:pPr/w:rPr``) with its author, for a reviewer to accept."""

    AUTHOR = "Заңгер"

    def __init__(self, path: Path, root: Path):
        super().__init__(path, root)
        self.n = 900

    def _mark(self, tag: str, runs: list) -> object:
        self.n += 1
        wrapper = runs[0].makeelement(
            qn(tag), {qn("w:id"): str(self.n), qn("w:author"): self.AUTHOR}
        )
        runs[0].addprevious(wrapper)
        for r in runs:
            if tag in ("w:del", "w:moveFrom"):
                for t in r.iter(qn("w:t")):
                    t.tag = qn("w:delText")
            wrapper.append(r)
        return wrapper

    def _mark_paragraph(self, p, tag: str) -> None:
        self.n += 1
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = p.makeelement(qn("w:pPr"), {})
            p.insert(0, ppr)
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = ppr.makeelement(qn("w:rPr"), {})
            ppr.append(rpr)
        rpr.append(rpr.makeelement(qn(tag), {qn("w:id"): str(self.n), qn("w:author"): self.AUTHOR}))

    def reword(self, eid: str, old: str, new: str) -> None:
        run = next(r for r in self.paragraphs[eid].runs if old in r.text)._r
        before, after = run.find(qn("w:t")).text.split(old, 1)
        parts = []
        for text in (before, old, new, after):
            piece = copy.deepcopy(run)
            t = piece.find(qn("w:t"))
            t.text = text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            parts.append(piece)
        for piece in parts:
            run.addprevious(piece)
        run.getparent().remove(run)
        self._mark("w:del", [parts[1]])
        self._mark("w:ins", [parts[2]])

    def insert_after(self, eid: str, text: str) -> None:
        super().insert_after(eid, text)
        fresh = self.paragraphs[eid]._p.getnext()
        self._mark("w:ins", fresh.findall(qn("w:r")))
        self._mark_paragraph(fresh, "w:ins")

    def delete(self, eid: str) -> None:
        p = self.paragraphs[eid]._p
        self._mark("w:del", p.findall(qn("w:r")))
        self._mark_paragraph(p, "w:del")

    def move_after(self, eid: str, after: str) -> None:
        p = self.paragraphs[eid]._p
        origin = copy.deepcopy(p)  # stays where it was, marked "moved away"
        for el in [*origin.iter(qn("w:bookmarkStart")), *origin.iter(qn("w:bookmarkEnd"))]:
            el.getparent().remove(el)
        p.addprevious(origin)
        self._mark("w:moveFrom", origin.findall(qn("w:r")))
        self._mark_paragraph(origin, "w:moveFrom")
        self.paragraphs[after]._p.addnext(p)  # the text (and its bookmark) "moved here"
        self._mark("w:moveTo", p.findall(qn("w:r")))
        self._mark_paragraph(p, "w:moveTo")


def tracked_edits(root: Path, dlo) -> tuple[Path, dict[str, str]]:
    """The five edits of ``edited``, made with Track Changes on."""
    return edited(root, dlo, TrackedEdit, "tracked-edits.docx")


def _tracked_round_trip(root: Path, dlo, path: Path, touched: dict[str, str], before) -> None:
    regulation = root / "regulations" / REG / "regulation.yaml"
    unchanged = regulation.read_bytes()
    refused = dlo("import", path, "--onto", REG, cwd=root)
    assert refused.code == 2 and "tracked change" in refused.err and "Заңгер" in refused.err
    assert regulation.read_bytes() == unchanged  # nothing written
    result = dlo("import", path, "--onto", REG, "--accept-changes", cwd=root)
    assert result.code == 0, result.err
    new = expected(before, ids_of(root), touched)
    assert changes(root) == {
        ("changed", touched["reworded"]),
        ("added", new),
        ("removed", touched["item"]),
        ("moved", touched["moved"]),
        ("changed", touched["chapter"]),
    }
    model = load_model(root, REG)
    texts = {c.id: c.text for _, _, c in model.clauses()}
    reworded = texts[touched["reworded"]]
    assert "мұқият" in (reworded if isinstance(reworded, str) else reworded["kk"])


def test_word_edits_made_with_tracked_changes_come_back_once_accepted(bundled, dlo):
    before = ids_of(bundled)
    path, touched = tracked_edits(bundled, dlo)
    _tracked_round_trip(bundled, dlo, path, touched, before)


@pytest.mark.slow  # LibreOffice
def test_tracked_changes_after_a_libreoffice_resave(bundled, dlo, resaved):
    before = ids_of(bundled)
    path, touched = resaved["tracked"]
    _tracked_round_trip(bundled, dlo, path, touched, before)
