"""The site never unpublishes an edition in force because an input of it cannot be read: a
journal or frozen edition replaced by a FIFO, a device or a link out of the project, a journal
deleted while its frozen editions remain, a registry that is not a regular file. Each is a
positioned error, the previous pages stay as they were, and nothing hangs or reads without end."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED
from tests.hostile_support import REGULATION, positioned, snapshot
from tests.site_support import FIXTURE, approve

FOLDER = REGULATION.parent
JOURNAL = FOLDER / "journal.yaml"
EDITION = FOLDER / "editions" / "1.yaml"
REGISTRY = Path("regulations/registry.yaml")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs or /dev/zero")


@pytest.fixture
def deadline() -> Iterator[None]:
    """A command that waits on a FIFO fails the test after 20 s instead of hanging it, and one
    that reads without end fails it at 4 GiB of address space instead of exhausting the machine."""

    def expired(signum, frame):
        raise TimeoutError("the command hung")

    previous = signal.signal(signal.SIGALRM, expired)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, hard))
    signal.alarm(20)
    yield
    signal.alarm(0)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    signal.signal(signal.SIGALRM, previous)


def _published(project: Path, dlo) -> Path:
    src = REPO / FOLDER
    shutil.copytree(src / "editions", project / FOLDER / "editions")
    shutil.copy(src / "journal.yaml", project / JOURNAL)
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code == 0, result.err
    return project / "public"


def _replace(path: Path, kind: str, tmp_path: Path) -> None:
    moved = tmp_path / path.name
    shutil.move(path, moved)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "link-out":
        path.symlink_to(moved)
    elif kind == "huge":
        with path.open("wb") as handle:
            handle.truncate(16 * 1024 * 1024 + 1)


def _pages(public: Path) -> dict[str, str]:
    return {k: v for k, v in snapshot(public).items() if not k.startswith(".dlo-site/")}


@pytest.mark.parametrize("kind", ["fifo", "device", "link-out", "huge"])
@pytest.mark.parametrize(
    "target", [JOURNAL, EDITION, REGISTRY], ids=["journal", "edition", "registry"]
)
def test_an_unreadable_input_is_an_error_and_unpublishes_nothing(
    project, dlo, tmp_path, deadline, target, kind
):
    public = _published(project, dlo)
    before = _pages(public)
    _replace(project / target, kind, tmp_path)
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code == 1, (result.code, result.out, result.err)
    assert (target.as_posix(), 1, 1, "DLO009") in positioned(result.out + result.err)
    assert "internal error" not in result.err
    assert _pages(public) == before  # the edition in force is still published, as it was


def test_a_deleted_journal_with_frozen_editions_unpublishes_nothing(project, dlo):
    public = _published(project, dlo)
    before = _pages(public)
    (project / JOURNAL).unlink()
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code == 1, (result.code, result.out, result.err)
    assert "DLO608" in result.err and EDITION.as_posix() in result.err
    assert _pages(public) == before
    assert "dlo-head" in (public / "index.html").read_text(encoding="utf-8")


def test_a_regulation_folder_moved_out_and_linked_back_unpublishes_nothing(project, dlo, tmp_path):
    """Moving the folder keeps its journal's and edition's inode, size and times (their stamps
    are those of the last build): the link out of the project is still found and refused."""
    public = _published(project, dlo)
    before = _pages(public)
    elsewhere = tmp_path / "elsewhere"
    shutil.move(project / FOLDER, elsewhere)
    (project / FOLDER).symlink_to(elsewhere)
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code == 1, (result.code, result.out, result.err)
    assert (JOURNAL.as_posix(), 1, 1, "DLO009") in positioned(result.out + result.err)
    assert _pages(public) == before


def test_a_journal_linked_inside_the_project_is_still_published(project, dlo, tmp_path):
    """A link that stays inside the project is followed, as before (the full checks, not the
    stamps alone, decide)."""
    public = _published(project, dlo)
    before = _pages(public)
    kept = project / "regulations" / "kept-journal.yaml"
    shutil.move(project / JOURNAL, kept)
    (project / JOURNAL).symlink_to(Path("..") / "kept-journal.yaml")
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code == 0, (result.code, result.out, result.err)
    assert "(0 rendered, 1 unchanged" in result.out, result.out
    assert _pages(public) == before


def test_a_frozen_edition_rewritten_in_place_with_its_size_and_times_is_still_caught(project, dlo):
    """Same size, same modification time set back: the stamp's change time tells it was
    written, so its bytes are read again and the altered text is not published (DLO810)."""
    public = _published(project, dlo)
    before = _pages(public)
    edition = project / EDITION
    info = edition.stat()
    raw = edition.read_bytes()
    altered = raw.replace(b"01-2024", b"02-2024", 1)
    assert altered != raw and len(altered) == len(raw)
    with edition.open("r+b") as handle:  # in place: the same inode
        handle.write(altered)
    os.utime(edition, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert edition.stat().st_ino == info.st_ino and edition.stat().st_size == info.st_size
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code == 1, (result.code, result.out, result.err)
    assert "DLO810" in result.err, result.err
    assert _pages(public) == before


@pytest.mark.parametrize("reg_id", ["search.html", "index.html"])
def test_a_regulation_whose_id_names_a_page_of_the_site_is_not_published_over_it(
    project, dlo, reg_id
):
    """A regulation of the id ``search.html`` (a valid id) in force had its Russian pages in
    ``ru/search.html/``, where the Russian search page is: the build stopped with an internal
    error (IsADirectoryError, exit 3) having made ``ru/search.html`` a folder and written no
    ``ru/index.html``. It is now an error at the regulation (DLO811), not published; the site's
    own pages and the other regulations are published."""
    folder = project / "regulations" / reg_id
    folder.mkdir()
    text = FIXTURE.read_text(encoding="utf-8").replace("\nid: dlo-unit\n", f"\nid: {reg_id}\n")
    (folder / "regulation.yaml").write_text(text, encoding="utf-8")
    approve(dlo, project, reg_id, ["vp-academic", "hr-head"], "12-НҚ", "2024-03-01")
    src = REPO / FOLDER
    shutil.copytree(src / "editions", project / FOLDER / "editions")
    shutil.copy(src / "journal.yaml", project / JOURNAL)
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code == 1, (result.code, result.err)
    assert "internal error" not in result.err
    page = f"ru/{reg_id}"
    assert f"regulations/{reg_id}: error DLO811: " in result.err, result.err
    assert page in result.err
    public = project / "public"
    for rel in ("index.html", "search.html", "ru/index.html", "ru/search.html"):
        assert (public / rel).is_file(), rel
    assert (public / "kk" / "dlo-head" / "index.html").is_file()
    assert not (public / "kk" / reg_id).exists()


SITE_PAGE = "cannot be a regulation's id: it is the name of a page of the published site"
WINDOWS = "cannot be a regulation's id: Windows could not keep"


@pytest.mark.parametrize(
    ("reg_id", "said"),
    [
        *((name, SITE_PAGE) for name in ("search.html", "index.html")),
        *((name, WINDOWS) for name in ("con", "nul", "aux.txt", "com1", "lpt9.docs", "hr-head.")),
    ],
)
def test_no_regulation_is_made_with_an_id_it_cannot_have(project, dlo, reg_id, said):
    """`dlo new search.html` and `dlo import ... --id index.html` wrote a regulation that every
    later site build then refused to publish (DLO811); `dlo import … --id con` made
    regulations/con/ on Linux, a folder the documentation office's Windows computer can neither
    check out nor open (a device's name), and 'hr-head.' is 'hr-head' there. Each is refused
    before anything is written, saying why; 'console' and 'con-ed' are ids."""
    before = sorted(p.name for p in (project / "regulations").iterdir())
    made = dlo(
        "--root", project, "new", reg_id, "--kind", "job_instruction", "--position", "dlo-head"
    )
    imported = dlo("--root", project, "import", SEED, "--id", reg_id, "--position", "dlo-head")
    for result in (made, imported):
        assert result.code == 2, (result.code, result.err)
        assert f"'{reg_id}' {said}" in result.err, result.err
        assert said != SITE_PAGE or "index.html, search.html" in result.err
        assert "Traceback" not in result.err
    assert sorted(p.name for p in (project / "regulations").iterdir()) == before


def test_the_ids_refused_are_those_the_site_has_pages_for():
    from dlo_docs.folder_names import SITE_PAGES
    from dlo_docs.site import views

    assert all(views.taken_by_site(name) for name in SITE_PAGES)
    assert views.taken_by_site("search") is None and views.taken_by_site("dlo-head") is None


def test_ids_that_only_begin_like_a_device_are_ids():
    from dlo_docs.folder_names import refuse

    for reg_id in ("console", "con-ed", "nullable", "com10", "aux-head", "a.con"):
        refuse(reg_id)  # no error


def test_a_folder_made_by_hand_that_windows_cannot_keep_is_said_by_check(project, dlo):
    """`new` and `import` refuse such ids; a folder made by hand (regulations/con/) passed
    `dlo check` with nothing said, and the office's Windows computer cannot check it out."""
    folder = project / "regulations" / "con"
    folder.mkdir()
    text = (project / "regulations" / "dlo-head" / "regulation.yaml").read_text("utf-8")
    (folder / "regulation.yaml").write_text(
        text.replace("\nid: dlo-head\n", "\nid: con\n"), "utf-8"
    )
    result = dlo("check", "con", cwd=project)
    said = [line for line in result.out.splitlines() if "DLO023" in line]
    assert len(said) == 1 and said[0].startswith("regulations/con/regulation.yaml:")
    assert "warning DLO023: the folder 'con' cannot be kept on Windows" in said[0]
    assert "DLO023" not in dlo("check", "dlo-head", cwd=project).out
