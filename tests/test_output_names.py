"""A draft's outputs never take the name of the edition in force's: whatever was rendered
before, a file named ``<id>.<lang>.<ext>`` in ``build/`` is the edition in force and one named
``<id>.<lang>.draft.<ext>`` a draft (ЖОБА / ПРОЕКТ on every page); a regulation with no edition
in force (withdrawn) keeps no file under the edition in force's name once rendered again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_render_state import (
    EDITED,
    ORDER_LINE,
    edit_working_copy,
    header_texts,
    needs_soffice,
    run,
    title_page,
)

SEED = "dlo-head"


def _names(root: Path) -> set[str]:
    return {p.name for p in (root / "build").iterdir()}


def _is_draft(data: bytes) -> bool:
    return all("ЖОБА" in text for text in header_texts(data).values())


def test_a_revisions_draft_stands_beside_the_edition_in_force_under_its_own_name(bundled, dlo):
    run(dlo, bundled, "render", SEED, "--format", "docx", "--format", "html")
    in_force = (bundled / "build" / "dlo-head.kk.docx").read_bytes()
    run(dlo, bundled, "revise", SEED, "--by", "hr-head", "--reason", "Құқықтар нақтыланды")
    edit_working_copy(bundled)
    run(dlo, bundled, "render", SEED, "--draft", "--format", "docx", "--format", "html")

    assert _names(bundled) == {
        "dlo-head.kk.docx",
        "dlo-head.kk.html",
        "dlo-head.kk.draft.docx",
        "dlo-head.kk.draft.html",
        "dlo-head.kk.draft.comparison.docx",
    }
    # the edition in force's files are as they were; the draft is the revision, marked
    assert (bundled / "build" / "dlo-head.kk.docx").read_bytes() == in_force
    assert ORDER_LINE in title_page(in_force) and not _is_draft(in_force)
    draft = (bundled / "build" / "dlo-head.kk.draft.docx").read_bytes()
    assert _is_draft(draft) and ORDER_LINE not in title_page(draft)
    assert EDITED.encode() in (bundled / "build" / "dlo-head.kk.draft.html").read_bytes()
    assert EDITED.encode() not in (bundled / "build" / "dlo-head.kk.html").read_bytes()


def test_a_draft_rendered_before_the_first_approval_keeps_its_draft_name_until_approved(
    project, dlo
):
    from workflow_support import to_in_force

    run(dlo, project, "render", SEED, "--format", "docx")
    assert _names(project) == {"dlo-head.kk.draft.docx"}
    draft = (project / "build" / "dlo-head.kk.draft.docx").read_bytes()
    assert _is_draft(draft)

    to_in_force(dlo, project)
    result = run(dlo, project, "render", SEED, "--format", "docx")
    # the draft was approved: no draft is open, so its file is an earlier one's, and goes
    assert _names(project) == {"dlo-head.kk.docx"}
    removed = "removed build/dlo-head.kk.draft.docx: dlo-head has no draft open"
    assert removed in result.out
    approved = (project / "build" / "dlo-head.kk.docx").read_bytes()
    assert not _is_draft(approved) and "45-НҚ" in " ".join(title_page(approved))


def test_a_revisions_approval_package_leaves_once_it_is_approved(bundled, dlo):
    """While a revision is open its draft and comparison table stay beside the edition in force,
    whatever is rendered; once approved, rendering the new edition removes them (each said), so
    that build/ holds no draft of a text no longer in agreement. A draft asked for when none is
    open is written, with a note saying that it is the working copy, not an open revision."""
    from conftest import organisation_today
    from workflow_support import agree_all

    run(dlo, bundled, "revise", SEED, "--by", "hr-head", "--reason", "Құқықтар нақтыланды")
    edit_working_copy(bundled)
    run(dlo, bundled, "render", SEED, "--draft", "--format", "docx")
    result = run(dlo, bundled, "render", SEED, "--format", "docx")
    package = {"dlo-head.kk.draft.docx", "dlo-head.kk.draft.comparison.docx"}
    assert _names(bundled) == package | {"dlo-head.kk.docx"}
    assert "removed" not in result.out

    run(dlo, bundled, "submit", SEED)
    agree_all(dlo, bundled)
    run(dlo, bundled, "approve", SEED, "--order", "46-НҚ", "--date", str(organisation_today()))
    result = run(dlo, bundled, "render", SEED, "--format", "docx")
    assert _names(bundled) == {"dlo-head.kk.docx"}
    for name in sorted(package):
        assert f"removed build/{name}: dlo-head has no draft open" in result.out
    assert "46-НҚ" in " ".join(title_page((bundled / "build" / "dlo-head.kk.docx").read_bytes()))

    result = run(dlo, bundled, "render", SEED, "--draft", "--format", "docx")
    assert "dlo-head has no draft open (edition 2 is in force)" in result.err
    assert "dlo revise dlo-head" in result.err
    assert _names(bundled) == {"dlo-head.kk.docx", "dlo-head.kk.draft.docx"}


def test_a_drafts_sheet_is_named_apart_from_the_edition_in_forces(bundled, dlo):
    run(dlo, bundled, "sheet", "agreement", SEED)
    run(dlo, bundled, "sheet", "agreement", SEED, "--draft")
    assert _names(bundled) == {"dlo-head.kk.agreement.docx", "dlo-head.kk.draft.agreement.docx"}
    assert not _is_draft((bundled / "build" / "dlo-head.kk.agreement.docx").read_bytes())
    assert _is_draft((bundled / "build" / "dlo-head.kk.draft.agreement.docx").read_bytes())


def test_a_withdrawn_regulations_approved_files_leave_with_its_edition(in_force, dlo):
    """Once withdrawn there is no edition in force: its draft is rendered, and the files named
    as the edition in force (every format, and the sheet rendered again) are removed, each said,
    not left in build/ looking approved beside the draft."""
    run(dlo, in_force, "render", SEED, "--format", "docx", "--format", "html")
    run(dlo, in_force, "sheet", "acquaintance", SEED)
    (in_force / "build" / "dlo-head.kk.pdf").write_bytes(
        b"%PDF- the edition once in force <pdf:Keywords>dlo-head, edition=1</pdf:Keywords>"
    )
    run(dlo, in_force, "withdraw", SEED, "--order", "17-НҚ", "--date", "2025-02-28")

    result = run(dlo, in_force, "render", SEED, "--format", "docx")
    assert _names(in_force) == {"dlo-head.kk.draft.docx", "dlo-head.kk.acquaintance.docx"}
    for name in ("dlo-head.kk.docx", "dlo-head.kk.html", "dlo-head.kk.pdf"):
        assert f"removed build/{name}: dlo-head has no edition in force" in result.out
    assert "wrote build/dlo-head.kk.draft.docx" in result.out

    result = run(dlo, in_force, "sheet", "acquaintance", SEED)
    assert _names(in_force) == {"dlo-head.kk.draft.docx", "dlo-head.kk.draft.acquaintance.docx"}
    assert "removed build/dlo-head.kk.acquaintance.docx" in result.out
    assert _is_draft((in_force / "build" / "dlo-head.kk.draft.acquaintance.docx").read_bytes())


def test_a_draft_left_under_the_edition_in_forces_name_is_removed(project, dlo):
    """A draft written by an older dlo as ``<id>.<lang>.docx`` (before drafts had their own
    name) is no edition in force: rendering the draft again removes it (its keywords name the
    regulation; an older dlo's page, which has none, is told by its generator); another
    language's and another regulation's files stay."""
    build = project / "build"
    run(dlo, project, "render", SEED, "--format", "docx", "--format", "html")
    draft = (build / "dlo-head.kk.draft.docx").read_bytes()
    page = (build / "dlo-head.kk.draft.html").read_text(encoding="utf-8")
    for name in ("dlo-head.kk.draft.docx", "dlo-head.kk.draft.html"):
        (build / name).unlink()
    for name in ("dlo-head.kk.docx", "dlo-head.ru.docx", "other.kk.docx"):
        (build / name).write_bytes(draft)
    old_page = re.sub(r'<meta name="keywords"[^>]*>', "", page)
    (build / "dlo-head.kk.html").write_text(old_page, encoding="utf-8")
    result = run(dlo, project, "render", SEED, "--lang", "kk", "--format", "html")
    assert _names(project) == {"dlo-head.kk.draft.html", "dlo-head.ru.docx", "other.kk.docx"}
    assert "removed build/dlo-head.kk.docx: dlo-head has no edition in force" in result.out
    assert "removed build/dlo-head.kk.html: dlo-head has no edition in force" in result.out


def test_a_users_own_files_under_the_edition_in_forces_name_are_left(project, dlo, tmp_path):
    """`--out` may name any folder: a file there under the name of the edition in force that
    dlo did not write for the regulation (a scanned original, a page of notes, another
    regulation's output renamed) is not removed when the draft is rendered there."""
    own = {
        "dlo-head.kk.pdf": b"%PDF-1.4 the signed original, scanned",
        "dlo-head.kk.html": b"<p>my notes</p>",
        "dlo-head.kk.docx": _docx_naming("hr-head"),
    }
    out = _rendered_beside(dlo, project, tmp_path, own, "docx")
    result = run(dlo, project, "sheet", "agreement", SEED, "--out", str(out))
    assert "removed" not in result.out


def _rendered_beside(dlo, project: Path, tmp_path: Path, own: dict[str, bytes], fmt: str) -> Path:
    """The seed rendered as ``fmt`` into a folder of the user's holding the files ``own`` (name:
    bytes): none of them is removed or changed, and nothing says so. Returns the folder."""
    out = tmp_path / "Documents"
    out.mkdir()
    for name, data in own.items():
        (out / name).write_bytes(data)
    result = run(dlo, project, "render", SEED, "--format", fmt, "--out", str(out))
    assert "removed" not in result.out
    for name, data in own.items():
        assert (out / name).read_bytes() == data
    return out


def _docx_naming(reg_id: str) -> bytes:
    """A DOCX whose keywords name ``reg_id``."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as package:
        package.writestr("docProps/core.xml", f"<cp:keywords>{reg_id}</cp:keywords>")
    return buf.getvalue()


def test_the_edition_in_forces_files_stay_beside_an_asked_for_draft(in_force, dlo):
    run(dlo, in_force, "render", SEED, "--format", "docx")
    result = run(dlo, in_force, "render", SEED, "--draft", "--format", "html")
    assert _names(in_force) == {"dlo-head.kk.docx", "dlo-head.kk.draft.html"}
    assert "removed" not in result.out


def test_a_sheet_says_it_is_the_drafts_for_want_of_an_edition_in_force(project, dlo):
    """As dlo render does (docs/cli.md: the command says so): the clerk who asked for the sheet of
    the edition in force learns there is none, on stderr, before the file's name."""
    result = run(dlo, project, "sheet", "agreement", SEED)
    assert "sheet: dlo-head has no edition in force: rendered as a draft" in result.err
    assert _names(project) == {"dlo-head.kk.draft.agreement.docx"}
    result = run(dlo, project, "sheet", "agreement", SEED, "--draft")
    assert "no edition in force" not in result.err


def test_a_drafts_web_page_says_draft_in_its_title(in_force, dlo):
    """The browser's tab, its history and a bookmark show the page's title only: the draft's
    page and the edition in force's had the same one."""
    import re

    run(dlo, in_force, "render", SEED, "--format", "html")
    run(dlo, in_force, "render", SEED, "--draft", "--format", "html")
    titles = {
        name: re.search(r"<title>([^<]*)</title>", (in_force / "build" / name).read_text("utf-8"))[
            1
        ]
        for name in ("dlo-head.kk.html", "dlo-head.kk.draft.html")
    }
    assert titles["dlo-head.kk.draft.html"].startswith("ЖОБА · "), titles
    assert "ЖОБА" not in titles["dlo-head.kk.html"], titles
    assert titles["dlo-head.kk.draft.html"].endswith(titles["dlo-head.kk.html"])


def test_the_help_says_what_render_and_sheet_write_and_remove(dlo, tmp_path):
    """`dlo render --help` names the draft's comparison table and the files it removes for want
    of an edition in force; `dlo sheet --help` the sheet it removes: in English, Kazakh, Russian."""
    expected = {
        "en": ("draft.comparison.docx", "are removed", "is removed", "of your own is left"),
        "kk": (
            "draft.comparison.docx",
            "файлдары жойылады",
            "парақ жойылады",
            "өз файлыңыз қалады",
        ),
        "ru": ("draft.comparison.docx", "удаляются", "удаляется", "собственный файл остаётся"),
    }
    for lang, (table, render_removes, sheet_removes, own_kept) in expected.items():
        render = " ".join(dlo("--lang-ui", lang, "render", "--help", cwd=tmp_path).out.split())
        assert table in render and render_removes in render, (lang, render)
        assert own_kept in render, (lang, render)
        sheet = " ".join(dlo("--lang-ui", lang, "sheet", "--help", cwd=tmp_path).out.split())
        assert sheet_removes in sheet, (lang, sheet)


def test_a_file_of_another_format_showing_an_earlier_text_is_removed(project, dlo):
    """A render writes the formats asked for: an earlier render's file of another format under
    the same name is removed when it shows another text (the draft's PDF of the text before its
    last edit beside its DOCX now), kept when it shows the same one."""
    build = project / "build"
    run(dlo, project, "render", SEED, "--format", "docx", "--format", "html")
    edit_working_copy(project)
    result = run(dlo, project, "render", SEED, "--format", "docx")
    assert _names(project) == {"dlo-head.kk.draft.docx"}
    removed = (
        "removed build/dlo-head.kk.draft.html: another text of dlo-head than the one written now"
    )
    assert removed in result.out
    # the same text in another format: both kept, each naming the text they show
    result = run(dlo, project, "render", SEED, "--format", "html")
    assert _names(project) == {"dlo-head.kk.draft.docx", "dlo-head.kk.draft.html"}
    assert "removed" not in result.out
    page = (build / "dlo-head.kk.draft.html").read_text(encoding="utf-8")
    assert EDITED in page and '<meta name="keywords" content="dlo-head, text=' in page


def test_an_earlier_editions_file_of_another_format_is_removed(project, dlo):
    from workflow_support import to_in_force

    to_in_force(dlo, project)
    run(dlo, project, "render", SEED, "--format", "html")
    run(dlo, project, "revise", SEED, "--by", "hr-head", "--reason", "Құқықтар нақтыланды")
    edit_working_copy(project)
    to_in_force(dlo, project, order="46-НҚ", date="2024-07-01")
    result = run(dlo, project, "render", SEED, "--format", "docx")
    assert _names(project) == {"dlo-head.kk.docx"}
    assert "removed build/dlo-head.kk.html: another text of dlo-head" in result.out
    assert "46-НҚ" in " ".join(title_page((project / "build" / "dlo-head.kk.docx").read_bytes()))


def test_a_file_that_names_no_text_and_a_link_are_left_alone(project, dlo, tmp_path):
    """What dlo cannot tell is of another text (a page of the user's own, a file a link points
    to) is not removed."""
    build = project / "build"
    build.mkdir()
    (build / "dlo-head.kk.draft.html").write_text("<p>my own notes</p>", encoding="utf-8")
    run(dlo, project, "render", SEED, "--format", "docx")
    elsewhere = tmp_path / "elsewhere.docx"
    elsewhere.write_bytes((build / "dlo-head.kk.draft.docx").read_bytes())
    edit_working_copy(project)
    (build / "dlo-head.kk.draft.docx").unlink()
    (build / "dlo-head.kk.draft.docx").symlink_to(elsewhere)
    result = run(dlo, project, "render", SEED, "--format", "html")
    assert "removed" not in result.out
    assert (build / "dlo-head.kk.draft.docx").is_symlink() and elsewhere.is_file()
    assert EDITED in (build / "dlo-head.kk.draft.html").read_text(encoding="utf-8")


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_a_pdf_is_told_apart_by_the_text_it_names(project, dlo):
    """LibreOffice carries the DOCX's keywords into the PDF in its own way (commas between
    words): a PDF of the same text is kept beside the DOCX, one of an earlier text removed."""
    run(dlo, project, "render", SEED, "--format", "pdf")
    result = run(dlo, project, "render", SEED, "--format", "docx")
    assert _names(project) == {"dlo-head.kk.draft.pdf", "dlo-head.kk.draft.docx"}
    assert "removed" not in result.out
    run(dlo, project, "render", SEED, "--format", "pdf")
    edit_working_copy(project)
    result = run(dlo, project, "render", SEED, "--format", "docx")
    assert _names(project) == {"dlo-head.kk.draft.docx"}
    assert "removed build/dlo-head.kk.draft.pdf: another text of dlo-head" in result.out


def test_a_users_own_file_of_another_format_beside_the_one_written_is_left(bundled, dlo, tmp_path):
    """A file of another format under the name written is removed only when dlo wrote it for
    the regulation (its keywords name it first) and it shows another text: a file of the user's
    own that carries keywords of its own (a scanned original whose scanner wrote some, another
    regulation's output renamed) stays, as the help says."""
    own = {
        "dlo-head.kk.pdf": b"%PDF-1.4 <pdf:Keywords>Scanned original, rector</pdf:Keywords>",
        "dlo-head.kk.docx": _docx_naming("hr-head"),
    }
    _rendered_beside(dlo, bundled, tmp_path, own, "html")


def test_a_read_only_file_is_left_by_the_clean_up_and_said(project, dlo):
    """dlo neither writes over nor removes a file its owner made read-only: the draft's PDF an
    officer protected stayed only as long as nothing cleaned up after the approval, which
    removed it as it removes any file dlo wrote (a file written over was already refused)."""
    import stat

    from workflow_support import to_in_force

    run(dlo, project, "render", SEED, "--format", "docx")
    draft = project / "build" / "dlo-head.kk.draft.docx"
    to_in_force(dlo, project)
    draft.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        result = run(dlo, project, "render", SEED, "--format", "docx")
        assert draft.is_file()
        assert f"left build/{draft.name}: it is read-only" in result.err, result.err
        assert "removed" not in result.out
    finally:
        draft.chmod(stat.S_IRUSR | stat.S_IWUSR)
    result = run(dlo, project, "render", SEED, "--format", "docx")
    assert not draft.exists()
    assert f"removed build/{draft.name}: dlo-head has no draft open" in result.out
