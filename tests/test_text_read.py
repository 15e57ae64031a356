"""An approver agrees to the text she read: every page of a draft (the regulation's DOCX and PDF,
its HTML page, the comparison table of its approval package) prints the text's control code
beside ЖОБА / ПРОЕКТ, `dlo status` says it, and `dlo agree`/`dlo approve --text CODE` refuse a
text other than the one whose copy was read (DLO628), recording nothing. Before, an agreement
was recorded against whatever the text was when the clerk typed the command: a draft changed
after its copy was printed (and submitted again) was agreed to by someone who never read it."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import docx
from conftest import organisation_today
from desk_support import ok, take_route

JOURNAL = "regulations/dlo-head/journal.yaml"
APPROVERS = ("vp-academic", "legal-head", "hr-head", "docs-head")


def _revision(dlo, project) -> None:
    take_route(dlo, project, "dlo-head", "approved", APPROVERS)
    ok(dlo, project, "revise", "dlo-head", "--by", "dlo-head", "--reason", "жоспарлы")


def _code(dlo, project) -> str:
    out = ok(dlo, project, "status", "dlo-head", "--format", "json").out
    return json.loads(out)["regulations"][0]["text_code"]


def _headers(raw: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(raw))
    return [
        p.text
        for section in document.sections
        for part in (section.header, section.first_page_header)
        for p in part.paragraphs
    ]


def test_every_page_of_a_draft_prints_its_text_s_control_code(project, dlo):
    _revision(dlo, project)
    code = _code(dlo, project)
    assert len(code) == 39 and code.count(" ") == 7  # "3f2a 9c1b 7e04 5d86 a0c2 b394 f50e 7d61"
    ok(dlo, project, "render", "dlo-head", "--draft", "--format", "docx", "--format", "html")
    line = f"Мәтіннің бақылау коды: {code}"
    headers = _headers((project / "build" / "dlo-head.kk.draft.docx").read_bytes())
    assert headers.count("ЖОБА") == headers.count(line) >= 2  # the title page's and the others'
    assert line in (project / "build" / "dlo-head.kk.draft.html").read_text("utf-8")
    assert line in _headers((project / "build" / "dlo-head.kk.draft.comparison.docx").read_bytes())
    assert f"the draft's control code: {code}" in ok(dlo, project, "status", "dlo-head").out
    # the edition in force prints none
    ok(dlo, project, "render", "dlo-head", "--format", "docx", "--out", "approved")
    assert not any(
        "бақылау" in h for h in _headers((project / "approved" / "dlo-head.kk.docx").read_bytes())
    )


def test_an_agreement_to_a_text_other_than_the_one_read_is_refused(project, dlo):
    _revision(dlo, project)
    read = _code(dlo, project)  # the copy the vice-rector is given
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    path.write_text(path.read_text("utf-8").replace("әкімшілік-басқарушы", "әкімшілік"), "utf-8")
    ok(dlo, project, "submit", "dlo-head")  # the changed text is what is submitted
    before = (project / JOURNAL).read_bytes()
    result = dlo("agree", "dlo-head", "--as", "vp-academic", "--text", read, cwd=project)
    assert result.code == 1
    assert "error DLO628: the text of dlo-head is not the text read" in result.err
    assert f"the copy read prints {read}; nothing was recorded" in result.err
    assert (project / JOURNAL).read_bytes() == before
    # the current text's copy, its code typed as it comes (capitals, no spaces, dashes)
    now = _code(dlo, project)
    assert now != read
    for typed, role in (
        (now.upper().replace(" ", ""), "vp-academic"),
        (now.replace(" ", "-"), "legal-head"),
    ):
        ok(dlo, project, "agree", "dlo-head", "--as", role, "--text", typed)
    ok(dlo, project, "agree", "dlo-head", "--as", "hr-head")  # no copy named: as before
    ok(dlo, project, "agree", "dlo-head", "--as", "docs-head", "--text", now)
    day = organisation_today().isoformat()
    refused = dlo(
        "approve", "dlo-head", "--order", "5-НҚ", "--date", day, "--text", read, cwd=project
    )
    assert refused.code == 1 and "DLO628" in refused.err
    ok(dlo, project, "approve", "dlo-head", "--order", "5-НҚ", "--date", day, "--text", now)


def test_a_code_that_is_none_is_a_usage_error(project, dlo):
    _revision(dlo, project)
    ok(dlo, project, "submit", "dlo-head")
    now = _code(dlo, project).replace(" ", "")
    # a digit more or less is a typo; so are the 12 digits a copy printed before
    for typed in ("xyz", "f699 0f5f", "", now + "0", now[:-1], now[:12]):
        result = dlo("agree", "dlo-head", "--as", "vp-academic", "--text", typed, cwd=project)
        assert result.code == 2, result.err
        assert "is not a text's control code" in result.err
        assert "'3f2a 9c1b 7e04 5d86 a0c2 b394 f50e 7d61'" in result.err  # an example


def test_a_code_typed_on_a_cyrillic_keyboard_layout_is_the_code_it_reads_as(project, dlo):
    """'f9с4 1972 f2f2' with a Cyrillic 'с' (typed on the office's Kazakh or Russian layout)
    reads as the code the copy prints, but was refused as no control code at all, its hint
    asking for the letters a–f it seems to hold. Its Cyrillic а, в (capital), с, е are the
    letters they look like; the code is then checked as any other."""
    _revision(dlo, project)
    ok(dlo, project, "submit", "dlo-head")
    code = _code(dlo, project)
    lower = code.translate(str.maketrans("ace", "асе"))  # Cyrillic а, с, е
    upper = code.upper().translate(str.maketrans("ABCE", "АВСЕ"))  # Cyrillic А, В, С, Е
    assert lower != code and upper != code.upper()  # the code has such letters
    ok(dlo, project, "agree", "dlo-head", "--as", "vp-academic", "--text", lower)
    ok(dlo, project, "agree", "dlo-head", "--as", "legal-head", "--text", upper)
    other = ("0" if code[0] != "0" else "1") + lower[1:]  # another text's code: still refused
    result = dlo("agree", "dlo-head", "--as", "hr-head", "--text", other, cwd=project)
    assert result.code == 1 and "DLO628" in result.err, result.err


def test_a_rejection_names_the_copy_read_too(project, dlo):
    _revision(dlo, project)
    read = _code(dlo, project)
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    path.write_text(path.read_text("utf-8").replace("әкімшілік-басқарушы", "әкімшілік"), "utf-8")
    ok(dlo, project, "submit", "dlo-head")
    remarks = ("--remarks", "5-тармақты нақтылау")
    refused = dlo(
        "reject", "dlo-head", "--as", "vp-academic", *remarks, "--text", read, cwd=project
    )
    assert refused.code == 1 and "DLO628" in refused.err
    now = _code(dlo, project)
    ok(dlo, project, "reject", "dlo-head", "--as", "vp-academic", *remarks, "--text", now)


def test_two_texts_made_to_share_a_short_code_are_told_apart(project, dlo):
    """The drafter prints the copy the approvers read (``read.yaml``), then submits another text
    (``swapped.yaml``: a duty lengthened) made to share its first 12 hexadecimal digits, the
    code a copy printed until now: some 2^24 tries of the silence reason at the end of each,
    25 s of one core (tests/fixtures/collision). ``agree --text`` and ``approve --text`` took
    the code read for the text submitted, and the swapped text was approved as read. The code
    is now 32 digits: two texts sharing it take some 2^64 tries."""
    fixtures = Path(__file__).parent / "fixtures" / "collision"
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    shutil.copy(fixtures / "read.yaml", path)
    read = _code(dlo, project)  # as the copy the approvers read prints it
    shutil.copy(fixtures / "swapped.yaml", path)
    ok(dlo, project, "submit", "dlo-head")
    assert _code(dlo, project) != read
    result = dlo("agree", "dlo-head", "--as", "vp-academic", "--text", read, cwd=project)
    assert result.code == 1, result.out
    assert "error DLO628: the text of dlo-head is not the text read" in result.err


def test_a_registration_of_a_text_other_than_the_one_compared_with_the_paper_is_refused(
    project, dlo
):
    """The official who signs a registration vouches that this text is the one approved on
    paper, but register-paper took no --text: a text edited after the official compared its
    copy with the paper original (by whoever may write the project) was registered, and signed,
    as approved. It is refused as agree and approve refuse one (DLO628), nothing recorded."""
    read = _code(dlo, project)  # the copy compared with the paper original
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    path.write_text(path.read_text("utf-8").replace("әкімшілік-басқарушы", "әкімшілік"), "utf-8")
    paper = ("register-paper", "dlo-head", "--order", "112-НҚ", "--date", "2020-09-01")
    result = dlo(*paper, "--text", read, cwd=project)
    assert result.code == 1, result.err
    assert "error DLO628: the text of dlo-head is not the text read" in result.err
    assert not (project / JOURNAL).exists()
    assert not list((project / "regulations" / "dlo-head").glob("editions/*"))
    now = _code(dlo, project)
    ok(dlo, project, *paper, "--text", now)
    assert "intact (1 journal event)" in ok(dlo, project, "verify", "dlo-head").out
