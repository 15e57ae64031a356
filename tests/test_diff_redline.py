"""The tracked-changes copy: accepting every change gives exactly the new text, rejecting every
one exactly the old text — checked on the XML, and by LibreOffice itself (accept/reject all
through a Basic macro in a private profile), which must also convert it to PDF."""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import shutil
import signal
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from diff_revision import REASON, editions, find, open_revision, seed_data

from dlo_docs.diff.align import compare, places
from dlo_docs.labels import labels
from dlo_docs.model import Regulation
from dlo_docs.render import docx_diff

KK = labels("kk")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KIND = KK["kind"]["job_instruction"]
AUTHOR = "Персоналды басқару бөлімінің бастығы"
DATE = dt.datetime(2024, 5, 6, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=5)))


def redline_of(old: Regulation, new: Regulation) -> bytes:
    c = compare(old, new, KK)
    return docx_diff.redline(
        c,
        title_old=f"{KIND}. {c.old_title}",
        title_new=f"{KIND}. {c.new_title}",
        author=AUTHOR,
        date=DATE,
    )


def expected(doc: Regulation, kind: str | None = KIND) -> list[str]:
    """What the document says, line by line: its title line (after ``kind``, None: a title that
    names its kind, printed alone), then the body as `dlo render` prints it."""
    title = doc.title if isinstance(doc.title, str) else doc.title["kk"]
    return [f"{kind}. {title}" if kind else title] + [p.line for p in places(doc, "kk", KK)]


# --- accepting and rejecting on the XML --------------------------------------------------------


def _document(data: bytes) -> ET.Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return ET.fromstring(z.read("word/document.xml"))


def _runs_text(element: ET.Element, tag: str) -> str:
    return "".join(t.text or "" for t in element.iter(W + tag))


def settle(data: bytes, mode: str) -> list[str]:
    """The paragraphs' texts after accepting (``accept``) or rejecting (``reject``) every tracked
    change: inserted runs are kept or dropped, deleted runs dropped or restored, and a paragraph
    whose mark goes (deleted and accepted, inserted and rejected) joins the paragraph after it."""
    body = _document(data).find(W + "body")
    texts: list[str] = []
    carry = ""
    for p in body.findall(W + "p"):
        mark = p.find(f"{W}pPr/{W}rPr")
        inserted = mark is not None and mark.find(W + "ins") is not None
        deleted = mark is not None and mark.find(W + "del") is not None
        parts = []
        for child in p:
            if child.tag == W + "r":
                assert child.find(W + "delText") is None, "w:delText outside w:del"
                parts.append(_runs_text(child, "t"))
            elif child.tag == W + "ins":
                assert child.find(f".//{W}delText") is None
                if mode == "accept":
                    parts.append(_runs_text(child, "t"))
            elif child.tag == W + "del":
                assert child.find(f".//{W}t") is None, "w:t inside w:del"
                if mode == "reject":
                    parts.append(_runs_text(child, "delText"))
            else:
                assert child.tag == W + "pPr", child.tag
        text = carry + "".join(parts)
        if (deleted and mode == "accept") or (inserted and mode == "reject"):
            carry = text
            continue
        texts.append(text)
        carry = ""
    assert carry == "", "a tracked paragraph mark with no paragraph after it"
    return texts


def without_filler(texts: list[str]) -> list[str]:
    """The one untracked empty paragraph that may close the document (after a tracked last line)."""
    return texts[:-1] if texts and texts[-1] == "" else texts


def test_accept_all_gives_the_new_text_and_reject_all_the_old():
    old, new = editions()
    data = redline_of(old, new)
    assert settle(data, "accept") == expected(new)
    assert settle(data, "reject") == expected(old)


def _kept(data: bytes) -> list[tuple[str, bool]]:
    """Each paragraph's text, and whether it keeps with the next one (w:keepNext)."""
    return [
        (_runs_text(p, "t"), p.find(f"{W}pPr/{W}keepNext") is not None)
        for p in _document(data).find(W + "body").findall(W + "p")
    ]


def test_a_lead_in_keeps_with_its_first_item_as_in_the_official_document(project, dlo):
    """The redline printed "… міндетті:" at the foot of a page and its items on the next: each
    line keeps with the next exactly where `dlo render` keeps it, and a clause whose items are
    all new (inserted) keeps with the first of them."""
    assert dlo("render", "dlo-head", "--format", "docx", "--draft", cwd=project).code == 0
    official = dict(_kept((project / "build" / "dlo-head.kk.draft.docx").read_bytes()))
    old, _ = editions()
    lines = _kept(redline_of(old, old))[1:]  # after the title line
    assert [text for text, _ in lines] == expected(old)[1:]
    assert [keep for _, keep in lines] == [official[text] for text, _ in lines]
    assert sum(keep for _, keep in lines) >= 3

    data = seed_data()
    find(data, "guidance")["items"] = [{"id": "guidance.1", "text": "Жаңа тармақша мәтіні."}]
    kept = _kept(redline_of(old, Regulation.model_validate(data)))
    at = next(n for n, (text, _) in enumerate(kept) if text.endswith("Жаңа тармақша мәтіні.")) - 1
    assert kept[at] == (expected(old)[at], True)  # the clause before its first (new) item


def test_every_change_is_a_native_revision_mark_with_author_and_date():
    old, new = editions()
    root = _document(redline_of(old, new))
    marks = [e for e in root.iter() if e.tag in (W + "ins", W + "del")]
    assert len(marks) > 10
    assert {m.get(W + "author") for m in marks} == {AUTHOR}
    assert {m.get(W + "date") for m in marks} == {"2024-05-06T04:30:00Z"}
    ids = [m.get(W + "id") for m in marks]
    assert len(ids) == len(set(ids))
    # the reworded duty is tracked word by word, not as a whole paragraph
    duty = next(
        p
        for p in root.iter(W + "p")
        if "университет" in "".join(t.text or "" for t in p.iter(W + "t"))
        and p.find(W + "del") is not None
    )
    assert [_runs_text(d, "delText") for d in duty.findall(W + "del")] == [
        "үдерісі",
        "мен",
        "студенттерін",
        "жүзеге асыруды үйлестіру",
    ]
    assert [_runs_text(i, "t") for i in duty.findall(W + "ins")] == [
        "процесі",
        "пен",
        "білім алушыларын",
        "үйлестіруге",
    ]


def test_a_number_changed_by_another_change_is_a_revision_of_the_numbering():
    """Clause 5 deleted: every clause after it gets a new number. The redline must track it (reject
    all gives the old numbers), but as the numbering's revision, not the drafter's, so the
    reviewer tells the renumbering from a change of the text; the deletion stays the drafter's."""
    data = seed_data()
    new = copy.deepcopy(data)
    find(new, "general-provisions")["clauses"].pop(0)  # clause 5, "category"
    old, new = Regulation.model_validate(data), Regulation.model_validate(new)
    c = compare(old, new, KK)
    numbering = KK["diff"]["numbering_author"]
    data = docx_diff.redline(
        c,
        title_old=f"{KIND}. {c.old_title}",
        title_new=f"{KIND}. {c.new_title}",
        author=AUTHOR,
        date=DATE,
        numbering_author=numbering,
    )
    assert settle(data, "accept") == expected(new)
    assert settle(data, "reject") == expected(old)
    root = _document(data)
    marks = [e for e in root.iter() if e.tag in (W + "ins", W + "del")]
    ids = [m.get(W + "id") for m in marks]
    assert len(ids) == len(set(ids))
    by = {m.get(W + "author") for m in marks}
    assert by == {AUTHOR, numbering}
    renumbered = [m for m in marks if m.get(W + "author") == numbering]
    assert len(renumbered) == 2 * 16  # clauses 6..21: the old number deleted, the new inserted
    assert [_runs_text(m, "delText") or _runs_text(m, "t") for m in renumbered[:4]] == [
        "6",
        "5",
        "7",
        "6",
    ]
    # the deleted clause is the drafter's: its text and its paragraph mark
    deleted = [m for m in marks if m.get(W + "author") == AUTHOR]
    assert _runs_text(deleted[-1], "delText").startswith("5. Қашықтықтан оқыту")
    assert numbering == "Нөмірлеу (автоматты түрде: басқа өзгерістің салдары)"


def test_a_sub_item_added_to_an_item_comes_before_the_next_item_deleted():
    """Item 5) of clause 10 deleted and a sub-item а) added to item 4) before it: the struck 5)
    was printed first, so the inserted а) stood under it, read as the deleted item's sub-item;
    the comparison table listed the two in that order too. The sub-item ends item 4): it comes
    before the deleted 5) in the tracked copy and in the table's rows."""
    data = seed_data()
    new = copy.deepcopy(data)
    duties = find(new, "duties")["items"]
    duties[3]["items"] = [{"id": "duties.4.a", "text": "пайдаланушыларды тіркеуге;"}]
    del duties[4]
    old, new = Regulation.model_validate(data), Regulation.model_validate(new)
    c = compare(old, new, KK)
    assert [(r.op, r.place.id) for r in c.rows if r.op != "equal"] == [
        ("insert", "duties.4.a"),
        ("delete", "duties.5"),
    ]
    assert [(x.what, x.id) for x in c.changes] == [("added", "duties.4.a"), ("removed", "duties.5")]
    data = redline_of(old, new)
    assert settle(data, "accept") == expected(new)
    assert settle(data, "reject") == expected(old)


def test_track_changes_is_switched_on():
    old, new = editions()
    with zipfile.ZipFile(io.BytesIO(redline_of(old, new))) as z:
        settings = ET.fromstring(z.read("word/settings.xml"))
    children = [c.tag for c in settings]
    assert W + "trackRevisions" in children
    if W + "defaultTabStop" in children:  # the schema's order
        assert children.index(W + "trackRevisions") < children.index(W + "defaultTabStop")


@pytest.mark.parametrize(
    "case",
    [
        "last-clause-removed",
        "clause-added-at-end",
        "everything-reworded",
        "chapters-swapped",
        "identical",
    ],
)
def test_accept_and_reject_hold_for_edits_anywhere(case):
    old_m, new_m = _case(case)
    redline = redline_of(old_m, new_m)
    assert without_filler(settle(redline, "accept")) == expected(new_m)
    assert without_filler(settle(redline, "reject")) == expected(old_m)
    if case == "identical":
        assert not [e for e in _document(redline).iter() if e.tag in (W + "ins", W + "del")]


def _case(case: str) -> tuple[Regulation, Regulation]:
    if case == "scripted":
        return editions()
    data = seed_data()
    new = copy.deepcopy(data)
    if case == "last-clause-removed":
        find(new, "agreement")["clauses"].pop()
    elif case == "clause-added-at-end":
        find(new, "agreement")["clauses"].append(
            {
                "id": "archive",
                "text": "Күші жойылған басылым мұрағатта сақталады.",
                "items": [{"id": "archive.1", "text": "бір дана;"}],
            }
        )
    elif case == "everything-reworded":
        for clause_id in ("purpose", "basis", "category", "approval"):
            find(new, clause_id)["text"] = "Жаңа редакция: " + find(new, clause_id)["text"][::-1]
    elif case == "chapters-swapped":
        new["chapters"][0], new["chapters"][1] = new["chapters"][1], new["chapters"][0]
    return Regulation.model_validate(data), Regulation.model_validate(new)


def test_cli_redline_names_the_initiating_role(project, dlo):
    """With the real workflow: the revision opened by the head of HR is that role's tracked change."""
    open_revision(dlo, project, REASON)
    result = dlo("diff", "dlo-head", "--format", "redline", "--out", "r.docx", cwd=project)
    assert result.code == 0, result.err
    root = _document((project / "r.docx").read_bytes())
    marks = [e for e in root.iter() if e.tag in (W + "ins", W + "del")]
    numbering = KK["diff"]["numbering_author"]
    assert {m.get(W + "author") for m in marks} == {AUTHOR, numbering}
    # clause 14 became 13 only because clause 13 moved after it, items 10.13-10.16 are 10.12-10.15
    # since 10.12 was removed, 11.6-11.13 are 11.7-11.14 since one was added: the numbering's
    # revisions, each a number alone, old and new
    renumbered = [
        _runs_text(m, "delText") or _runs_text(m, "t")
        for m in marks
        if m.get(W + "author") == numbering
    ]
    assert all(n.isdigit() for n in renumbered) and len(renumbered) == 2 * (1 + 4 + 8)
    assert ["14", "13"] in [renumbered[i : i + 2] for i in range(0, len(renumbered), 2)]
    assert len({m.get(W + "date") for m in marks}) == 1
    old, new = editions()
    # the seed's title names its kind ("… лауазымдық нұсқаулығы"): printed alone
    assert settle((project / "r.docx").read_bytes(), "accept") == expected(new, kind=None)


def _furniture(data: bytes) -> tuple[list[str], str, str]:
    """The lines at the head of the redline's pages, the text at their foot and its fields."""
    from docx import Document
    from docx.oxml.ns import qn

    section = Document(io.BytesIO(data)).sections[0]
    footer = section.footer
    fields = " ".join(t.text.strip() for t in footer._element.iter(qn("w:instrText")))
    header = [p.text for p in section.header.paragraphs]
    return header, "".join(p.text for p in footer.paragraphs), fields


def test_each_page_says_what_it_compares_its_number_and_that_a_draft_is_one(project, dlo):
    """The tracked-changes copy is printed for the approval package: each page named no document,
    no edition and no page number, and one against the draft had no ЖОБА, so accepted (the
    draft's text) it passed for an approved one. Now each page's head says which document and
    editions it compares, as the comparison table's subtitle does, and, against the draft, ЖОБА
    with the draft's control code (which dlo agree --text checks); each page's foot its number.
    Between two approved editions there is no mark. The body is the text alone, as before."""
    from dlo_docs import comparison as diff_api
    from dlo_docs.project import Project

    open_revision(dlo, project, REASON)
    result = dlo("diff", "dlo-head", "--format", "redline", "--out", "r.docx", cwd=project)
    assert result.code == 0, result.err
    data = (project / "r.docx").read_bytes()
    code = diff_api.prepare(Project(project), "dlo-head").text_code
    subtitle = (
        "«Қашықтықтан оқыту бөлімі бастығының лауазымдық нұсқаулығы» (ЛН ҮББИ 01-2024): "
        "1-басылым → 2-басылым (жоба)"
    )
    header, footer, fields = _furniture(data)
    assert [line.replace("\xa0", " ") for line in header] == [
        "ЖОБА",
        f"Мәтіннің бақылау коды: {code}",
        subtitle,
    ]
    # the code and each edition on one line, as the official document's running header keeps
    # them ("3-" / "басылым" was set apart): no-break spaces, Word's no-break hyphens
    assert "ЛН\xa0ҮББИ\xa001-2024" in header[2] and "2-басылым\xa0(жоба)" in header[2]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.read("word/header1.xml").count(b"<w:noBreakHyphen/>") == 3
    assert (footer, fields) == ("Бет 1 / 1", "PAGE NUMPAGES")
    assert settle(data, "accept") == expected(editions()[1], kind=None)
    # between two approved editions: named, numbered, not marked
    c = compare(*editions(), KK)
    approved = docx_diff.redline(
        c,
        title_old=c.old_title,
        title_new=c.new_title,
        author=AUTHOR,
        date=DATE,
        code="ЛН ҮББИ 01-2024",
        labels=KK,
        sides=("1-басылым", "2-басылым"),
    )
    header, footer, _fields = _furniture(approved)
    said = f"«{c.new_title}» (ЛН ҮББИ 01-2024): 1-басылым → 2-басылым"
    assert [line.replace("\xa0", " ") for line in header] == [said]
    assert footer == "Бет 1 / 1"


# --- LibreOffice ---------------------------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Settle(inUrl As String, outUrl As String, mode As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, args())
  disp = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  frame = doc.getCurrentController().getFrame()
  If mode = &quot;accept&quot; Then
    disp.executeDispatch(frame, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Else
    disp.executeDispatch(frame, &quot;.uno:RejectAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  End If
  Dim out(1) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Text (encoded)&quot;
  out(1).Name = &quot;FilterOptions&quot;
  out(1).Value = &quot;UTF8&quot;
  doc.storeToURL(outUrl, out())
  doc.close(True)
End Sub
</script:module>
"""


def _soffice(profile: Path, *args: str, cwd: Path) -> None:
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        *args,
    ]
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        out, err = process.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"LibreOffice did not finish: {command}")
    assert process.returncode == 0, err.decode(errors="replace")


def _comparison_table() -> bytes:
    old, new = editions()
    return docx_diff.table(
        compare(old, new, KK),
        KK,
        kind=KIND,
        code="ЛН ҮББИ 01-2024",
        old_label="1-басылым",
        new_label="2-басылым (жоба)",
        reason=REASON,
    )


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """A private LibreOffice profile holding the accept/reject macro. The run that makes the
    profile also converts the redline and the comparison table to PDF (``pdf/``): one
    LibreOffice run for both, none for the profile alone."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("office")
    profile = folder / "profile"
    (folder / "redline.docx").write_bytes(redline_of(*editions()))
    (folder / "table.docx").write_bytes(_comparison_table())
    _soffice(
        profile,
        *("--convert-to", "pdf", "--outdir", str(folder / "pdf")),
        *(str(folder / name) for name in ("redline.docx", "table.docx")),
        cwd=folder,
    )
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    assert module.is_file(), "LibreOffice did not create its user profile"
    module.write_text(MACRO, encoding="utf-8")
    return folder, profile


CASES = ["scripted", "last-clause-removed", "clause-added-at-end"]
MODES = ("accept", "reject")


@pytest.fixture(scope="module")
def settled(office) -> dict[tuple[str, str], list[str]]:
    """Each case's redline accepted and rejected by LibreOffice: every macro in one LibreOffice
    run (each opens, settles, saves and closes its own document)."""
    folder, profile = office
    outs, calls = {}, []
    for case in CASES:
        docx = folder / f"{case}.docx"
        docx.write_bytes(redline_of(*_case(case)))
        for mode in MODES:
            outs[case, mode] = folder / f"{case}.{mode}.txt"
            calls.append(
                f'macro:///Standard.Module1.Settle("{docx.as_uri()}",'
                f'"{outs[case, mode].as_uri()}","{mode}")'
            )
    _soffice(profile, *calls, cwd=folder)
    found = {}
    for key, out in outs.items():
        text = out.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        found[key] = text.removesuffix("\n").split("\n")  # each paragraph ends with a line break
    return found


@pytest.mark.slow  # LibreOffice
@pytest.mark.parametrize("case", CASES)
def test_libreoffice_accepts_to_the_new_text_and_rejects_to_the_old(settled, case):
    old, new = _case(case)
    assert without_filler(settled[case, "accept"]) == expected(new)
    assert without_filler(settled[case, "reject"]) == expected(old)


@pytest.mark.slow  # LibreOffice
def test_libreoffice_converts_the_redline_to_pdf(office):
    folder, _profile = office
    pdf = folder / "pdf" / "redline.pdf"
    assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-"
    from pypdf import PdfReader

    text = " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(str(pdf)).pages
    )
    assert "халықаралық жобаларға" in text  # the added right is in the document as shown


@pytest.mark.slow  # LibreOffice
def test_libreoffice_converts_the_comparison_table_to_pdf(office):
    folder, _profile = office
    from pypdf import PdfReader

    reader = PdfReader(str(folder / "pdf" / "table.pdf"))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "САЛЫСТЫРМАЛЫ КЕСТЕ" in text.upper() and "Алынып тасталды" in text
    box = reader.pages[0].mediabox
    assert box.width > box.height  # landscape
