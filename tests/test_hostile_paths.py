"""Paths: nothing the tool writes or deletes leaves where it belongs (the project, the site
folder, ``--out``), nothing is written through a planted symbolic link, the site manifest cannot
make a build delete outside the site, ``site serve`` shows no hidden file and follows no link, a
missing ``regulation.yaml`` is an error, stale temporary files go, modes follow the umask."""

from __future__ import annotations

import json
import os
import shutil
import stat
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from dlo_docs import fsio
from tests.conftest import REPO
from tests.hostile_support import REGULATION, positioned, snapshot
from tests.site_support import serving

FOLDER = REGULATION.parent


def _in_force(project: Path) -> None:
    """The bundled journal and frozen edition: edition 1 in force."""
    src = REPO / FOLDER
    shutil.copytree(src / "editions", project / FOLDER / "editions")
    shutil.copy(src / "journal.yaml", project / FOLDER / "journal.yaml")


def _no_crash(result) -> None:
    assert "Traceback" not in result.err and "internal error" not in result.err.lower()


# -- locks and folders planted as symbolic links ---------------------------------------------


def test_a_journal_lock_planted_as_a_symlink_is_not_followed(project, dlo, tmp_path):
    target = tmp_path / "victim"
    (project / FOLDER / "journal.yaml.lock").symlink_to(target)
    result = dlo("--root", project, "submit", "dlo-head")
    assert result.code != 0 and "symbolic link" in result.err, result.err
    _no_crash(result)
    assert not target.exists() and not (project / FOLDER / "journal.yaml").exists()


def test_a_site_build_lock_planted_as_a_symlink_is_not_followed(project, dlo, tmp_path):
    _in_force(project)
    public = project / "public"
    (public / ".dlo-site").mkdir(parents=True)
    (public / ".dlo-site" / "manifest.json").write_text('{"format": 1}')
    target = tmp_path / "victim"
    (public / ".dlo-site" / "build.lock").symlink_to(target)
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code != 0 and "symbolic link" in result.err, result.err
    _no_crash(result)
    assert not target.exists() and not (public / "index.html").exists()


def test_a_site_folder_whose_build_folder_is_a_symlink_is_refused(project, dlo, tmp_path):
    _in_force(project)
    public = project / "public"
    public.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "manifest.json").write_text('{"format": 1}')
    (public / ".dlo-site").symlink_to(elsewhere)
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code != 0 and "symbolic link" in result.err, result.err
    _no_crash(result)
    assert sorted(p.name for p in elsewhere.iterdir()) == ["manifest.json"]
    assert not (public / "index.html").exists()


def test_a_symlinked_editions_folder_is_refused_for_writes(project, dlo, tmp_path, monkeypatch):
    monkeypatch.setenv("DLO_TODAY", "2026-11-30")  # the history is told on the order's day
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / FOLDER / "editions").symlink_to(elsewhere)
    for args in (
        ["submit", "dlo-head"],
        *(
            ["agree", "dlo-head", "--as", r]
            for r in ("vp-academic", "legal-head", "hr-head", "docs-head")
        ),
    ):
        assert dlo("--root", project, *args).code == 0
    journal = (project / FOLDER / "journal.yaml").read_bytes()
    result = dlo("--root", project, "approve", "dlo-head", "--order", "1-Н", "--date", "2026-11-30")
    assert result.code != 0 and "symbolic link" in result.err, result.err
    _no_crash(result)
    assert list(elsewhere.iterdir()) == []
    assert (project / FOLDER / "journal.yaml").read_bytes() == journal


def test_a_symlinked_regulation_folder_is_neither_read_nor_written(project, dlo, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    shutil.move(project / FOLDER, elsewhere)
    (project / FOLDER).symlink_to(elsewhere)
    before = snapshot(elsewhere)
    result = dlo("--root", project, "check")
    assert result.code == 1
    assert positioned(result.out) == [(REGULATION.as_posix(), 1, 1, "DLO009")]
    result = dlo("--root", project, "submit", "dlo-head")
    assert result.code != 0
    _no_crash(result)
    assert snapshot(elsewhere) == before


def test_a_regulation_file_planted_as_a_symlink_is_not_replaced_through(project, dlo, tmp_path):
    """A write never goes through a link, even one inside the project."""
    kept = project / "regulations" / "kept.yaml"
    shutil.move(project / REGULATION, kept)
    (project / REGULATION).symlink_to(Path("..") / "kept.yaml")
    before = kept.read_bytes()
    _in_force(project)
    result = dlo("--root", project, "revise", "dlo-head", "--by", "dlo-head", "--reason", "r")
    assert result.code != 0 and "symbolic link" in result.err, result.err
    assert kept.read_bytes() == before and (project / REGULATION).is_symlink()


@pytest.mark.parametrize(
    ("args", "folder"),
    [
        (["render", "--format", "html"], "build"),
        (["diff", "dlo-head", "--format", "html"], "build"),
        (["site", "build", "--no-pdf"], "public"),
        (["reference-docx"], "templates"),
    ],
)
def test_a_default_output_folder_planted_as_a_symlink_is_refused(
    project, dlo, tmp_path, args, folder
):
    """The folder a command writes to by default (``build/``, ``public/``), planted as a link to
    an outside folder, is refused before anything is written, saying what to do."""
    _in_force(project)
    elsewhere = tmp_path / "elsewhere"
    if folder == "templates":
        shutil.move(project / folder, elsewhere)
    else:
        elsewhere.mkdir()
    before = snapshot(elsewhere)
    (project / folder).symlink_to(elsewhere, target_is_directory=True)
    result = dlo("--root", project, *args)
    assert result.code == 2 and "symbolic link" in result.err, (result.code, result.err)
    assert "--out" in result.err
    _no_crash(result)
    assert snapshot(elsewhere) == before


def test_an_out_option_naming_a_link_writes_where_it_points(project, dlo, tmp_path):
    """``--out`` is the user's own choice of folder: a link named there is followed."""
    _in_force(project)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "link").symlink_to(elsewhere, target_is_directory=True)
    result = dlo("--root", project, "render", "--format", "html", "--out", tmp_path / "link")
    assert result.code == 0, result.err
    assert (elsewhere / "dlo-head.kk.html").is_file()


def test_confine_refuses_links_and_escapes(tmp_path):
    root = tmp_path / "root"
    (root / "a").mkdir(parents=True)
    (root / "link").symlink_to(tmp_path)
    assert fsio.confine(root / "a" / "f", root) == root / "a" / "f"
    for bad in (root / "link" / "f", root / ".." / "f", tmp_path / "f"):
        with pytest.raises(fsio.UsageError):
            fsio.confine(bad, root)


def test_confine_finds_the_project_of_a_regulations_folder(tmp_path):
    """Without a root, the project is the folder above the nearest ``regulations/``: a link
    below it is refused, one above it is not looked at, a path in no project is not checked."""
    project = tmp_path / "p"
    (project / "regulations" / "a").mkdir(parents=True)
    (project / "regulations" / "link").symlink_to(project / "regulations" / "a")
    (tmp_path / "above").symlink_to(project)
    inside = project / "regulations" / "a" / "regulation.yaml"
    assert fsio.confine(inside) == inside
    assert fsio.confine(tmp_path / "above" / "regulations" / "a" / "f") == (
        tmp_path / "above" / "regulations" / "a" / "f"
    )
    with pytest.raises(fsio.UsageError, match="symbolic link"):
        fsio.confine(project / "regulations" / "link" / "regulation.yaml")
    assert fsio.confine(tmp_path / "link-free" / "f") == tmp_path / "link-free" / "f"
    assert fsio.confine(project / "regulations") == project / "regulations"  # no project above
    assert fsio.confine(project, project) == project  # the root itself


# -- the site manifest -------------------------------------------------------------------------


def _built_site(project: Path, dlo) -> Path:
    _in_force(project)
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code == 0, result.err
    return project / "public"


@pytest.mark.parametrize(
    "entry",
    ["../../victim", "/ABS/victim", "static/../../../victim", "./../victim", "link/victim"],
)
def test_a_tampered_manifest_never_deletes_outside_the_site(project, dlo, tmp_path, entry):
    public = _built_site(project, dlo)
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    (public / "link").symlink_to(tmp_path)
    manifest = public / ".dlo-site" / "manifest.json"
    data = json.loads(manifest.read_text())
    rel = entry.replace("/ABS", str(tmp_path)).replace(
        "../../victim", os.path.relpath(victim, public)
    )
    data["outputs"][rel] = {"key": "x", "size": 7}
    manifest.write_text(json.dumps(data))
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code == 0, result.err
    assert victim.read_text() == "keep me"
    rebuilt = json.loads(manifest.read_text())
    assert rel not in rebuilt["outputs"]  # ignored, and the site built again from scratch
    assert "link" not in {p.split("/")[0] for p in rebuilt["outputs"]}
    assert (public / "index.html").is_file()


@pytest.mark.parametrize("rel", ["robots.txt", "own/notes.txt", "kk.txt"])
def test_a_manifest_never_deletes_a_file_of_yours_beside_the_site(project, dlo, rel):
    """An admin's own file in the site folder, at its top (robots.txt) or in a folder of their
    own, listed by a planted manifest (or one a copy brought), was removed by the next build as
    an output it no longer wrote: a build writes only its top pages and indexes and what its own
    folders (kk/, ru/, files/, static/) hold, so a manifest listing another file is not its."""
    public = _built_site(project, dlo)
    own = public / rel
    own.parent.mkdir(exist_ok=True)
    own.write_text("keep me")
    manifest = public / ".dlo-site" / "manifest.json"
    data = json.loads(manifest.read_text())
    data["outputs"][rel] = {"key": None}
    manifest.write_text(json.dumps(data))
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code == 0, result.err
    assert own.read_text() == "keep me"
    assert rel not in json.loads(manifest.read_text())["outputs"]


def test_the_top_files_a_manifest_may_list_are_those_a_build_writes():
    from dlo_docs.site import manifest, views

    written = {views.NOT_FOUND}
    for lang in views.LANGS:
        written |= {views.index_path(lang), views.search_path(lang), views.index_json_path(lang)}
    assert {rel for rel in written if "/" not in rel} == manifest.TOP_FILES
    assert {rel.split("/")[0] for rel in written if "/" in rel} <= set(manifest.SITE_FOLDERS)


def test_a_manifest_listing_a_hidden_or_cache_path_outside_is_ignored(project, dlo, tmp_path):
    public = _built_site(project, dlo)
    manifest = public / ".dlo-site" / "manifest.json"
    data = json.loads(manifest.read_text())
    outside = tmp_path / "secret.json"
    outside.write_text('{"summary": {}, "entries": {}}')
    for entry in data["regulations"].values():
        entry["cache"] = os.path.relpath(outside, public)
    manifest.write_text(json.dumps(data))
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code == 0, result.err
    assert "dlo-head" in json.loads(manifest.read_text())["regulations"]


# -- site serve ------------------------------------------------------------------------------


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_serve_decodes_before_it_checks_and_follows_no_link(project, dlo, tmp_path):
    public = _built_site(project, dlo)
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0")
    (public / "static" / "passwd").symlink_to(secret)
    (public / "static" / "linked").symlink_to(tmp_path)
    (public / "static" / "folder").mkdir()
    (public / "static" / "folder" / "index.html").symlink_to(secret)  # a folder's index page
    (public / "static" / "folder2").mkdir()
    (public / "static" / "folder2" / "index.htm").symlink_to(secret)
    with serving(public) as base:
        assert _status(base + "index.html") == 200
        for path in (
            ".dlo-site/manifest.json",
            "%2edlo-site/manifest.json",
            "%2Edlo-site/manifest.json",
            "static/%2e%2e/%2edlo-site/manifest.json",
            "static/..%2f.dlo-site/manifest.json",
            "static/passwd",
            "static/linked/passwd",
            "static/%ff",
            "static/folder/",
            "static/folder2/",
            "static/%66older/",
        ):
            assert _status(base + path) == 404, path


# -- a missing regulation.yaml --------------------------------------------------------------


def test_a_missing_regulation_yaml_is_an_error_and_unpublishes_nothing(project, dlo):
    public = _built_site(project, dlo)
    page = next(p for p in public.rglob("*.html") if "dlo-head" in p.as_posix())
    (project / REGULATION).unlink()
    for args in (["check"], ["verify"], ["verify", "dlo-head"]):
        result = dlo("--root", project, *args)
        assert result.code == 1, (args, result.code, result.out, result.err)
        assert (REGULATION.as_posix(), 1, 1, "DLO005") in positioned(result.out + result.err)
    before = snapshot(public)
    result = dlo("--root", project, "site", "build", "--no-pdf")
    assert result.code == 1 and "DLO005" in result.err, result.err
    after = snapshot(public)
    assert page.is_file()
    # every published file as it was; only the build's own record notes the failure
    assert {k: v for k, v in after.items() if not k.startswith(".dlo-site/")} == {
        k: v for k, v in before.items() if not k.startswith(".dlo-site/")
    }


# -- temporary files and modes ---------------------------------------------------------------


def test_stale_temporary_files_are_removed_by_the_next_write_under_the_lock(project, dlo):
    folder = project / FOLDER
    stale = folder / ".journal.yaml.k2j4x9a_.tmp"
    fresh = folder / ".journal.yaml.abcdefgh.tmp"  # a writer at work right now: kept
    other = folder / ".notes.tmp"  # not one of ours: kept
    for path in (stale, fresh, other):
        path.write_text("half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    assert dlo("--root", project, "submit", "dlo-head").code == 0
    assert not stale.exists() and fresh.exists() and other.exists()


def test_a_site_build_removes_what_an_interrupted_build_left(project, dlo, tmp_path):
    """Its stale temporary files, in any folder of the site; not a fresh one, not a file that
    is not one of dlo's, and not through a link to a folder elsewhere. (An interrupted build
    leaves no mark of a finished one: see test_terminated.)"""
    public = _built_site(project, dlo)
    (public / ".dlo-site" / "finished").unlink()
    stale = public / "kk" / ".index.html.z9y8x7w6.tmp"
    stale.parent.mkdir(exist_ok=True)
    deep = public / "ru" / "dlo-head" / ".index.html.a1b2c3d4.tmp"
    deep.parent.mkdir(parents=True, exist_ok=True)
    fresh = public / "kk" / ".search.html.abcdefgh.tmp"  # a writer at work right now: kept
    other = public / "kk" / ".notes.tmp"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    outside = elsewhere / ".index.html.q1w2e3r4.tmp"
    (public / "kk" / "linked").symlink_to(elsewhere, target_is_directory=True)
    old = time.time() - 3600
    for path in (stale, deep, fresh, other, outside):
        path.write_text("half")
        if path is not fresh:
            os.utime(path, (old, old))
    assert dlo("--root", project, "site", "build", "--no-pdf").code == 0
    assert not stale.exists() and not deep.exists()
    assert fresh.exists() and other.exists() and outside.exists()
    # the fresh one may be a dead writer's: the build does not mark itself finished, so the
    # next one looks again, and removes it once it is stale
    assert not (public / ".dlo-site" / "finished").exists()
    os.utime(fresh, (old, old))
    assert dlo("--root", project, "site", "build", "--no-pdf").code == 0
    assert not fresh.exists() and other.exists() and outside.exists()
    assert (public / ".dlo-site" / "finished").is_file()


def _torn_write(public: Path) -> Path:
    """The temporary file of a write an interrupted build tore, an hour old (a dead writer's)."""
    stale = public / "kk" / ".index.html.z9y8x7w6.tmp"
    stale.parent.mkdir(exist_ok=True)
    stale.write_text("half")
    os.utime(stale, (time.time() - 3600,) * 2)
    return stale


def test_a_planted_finished_mark_is_not_followed(project, dlo, tmp_path):
    """A link in the place of the mark of a finished build is removed, not followed, and does
    not spare the site the search for what an interrupted build left."""
    public = _built_site(project, dlo)
    mark = public / ".dlo-site" / "finished"
    mark.unlink()
    target = tmp_path / "target"
    target.write_text("not the site's", encoding="utf-8")
    mark.symlink_to(target)
    stale = _torn_write(public)
    assert dlo("--root", project, "site", "build", "--no-pdf").code == 0
    assert not stale.exists()
    assert not mark.is_symlink() and mark.is_file()
    assert target.read_text(encoding="utf-8") == "not the site's"


@pytest.mark.parametrize("age_hours", [25, -1], ids=["over a day old", "from the future"])
def test_a_site_is_searched_at_least_once_a_day(project, dlo, age_hours):
    """The mark of a finished build spares the search for what an interrupted build left
    only for a day after the last search (a site restored from a copy, or built by an older
    dlo that was killed, carries a mark that does not tell the truth): a build that spares it
    keeps the mark's date; one dated more than a day back, or ahead, is searched again."""
    public = _built_site(project, dlo)
    mark = public / ".dlo-site" / "finished"
    hour = 3600 * 10**9
    searched = time.time_ns() - hour
    os.utime(mark, ns=(searched, searched))
    stale = _torn_write(public)
    assert dlo("--root", project, "site", "build", "--no-pdf").code == 0
    assert stale.exists()  # a day has not passed: not searched
    assert mark.stat().st_mtime_ns == searched  # the date of the last search, kept
    dated = time.time_ns() - age_hours * hour
    os.utime(mark, ns=(dated, dated))
    before = time.time_ns()
    assert dlo("--root", project, "site", "build", "--no-pdf").code == 0
    assert not stale.exists()
    assert mark.stat().st_mtime_ns >= before


def test_a_sweep_names_what_it_could_not_remove_or_list(tmp_path, monkeypatch):
    """A temporary file it cannot remove, and a folder it cannot list (permissions), are in
    what ``sweep`` says it left, so a site build does not mark itself finished over them."""
    stuck = tmp_path / "a" / ".index.html.z9y8x7w6.tmp"
    closed = tmp_path / "b"
    gone = tmp_path / "c" / ".index.html.a1b2c3d4.tmp"
    for path in (stuck, closed / "x", gone):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("half")
        os.utime(path, (time.time() - 3600,) * 2)
    real_unlink, real_scandir = Path.unlink, os.scandir

    def unlink(self, missing_ok=False):
        if self == stuck:
            raise PermissionError(13, "Permission denied", str(self))
        return real_unlink(self, missing_ok)

    def scandir(path="."):
        if Path(path) == closed:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "unlink", unlink)
    monkeypatch.setattr(os, "scandir", scandir)
    assert sorted(fsio.sweep(tmp_path, recursive=True)) == [stuck, closed]
    assert not gone.exists()


def test_files_get_the_permissions_the_umask_gives(project, dlo):
    previous = os.umask(0o022)
    fsio.umask.cache_clear()
    try:
        assert dlo("--root", project, "submit", "dlo-head").code == 0
        result = dlo("--root", project, "render", "--format", "html")
        assert result.code == 0, result.err
        page = project / "build" / "dlo-head.kk.draft.html"  # submitted, not approved: a draft
        for path in (project / FOLDER / "journal.yaml", page):
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
        os.umask(0o077)
        fsio.umask.cache_clear()
        assert dlo("--root", project, "render", "--format", "html").code == 0
        # the same bytes are not rewritten by render? it rewrites: the mode follows the umask
        assert stat.S_IMODE(page.stat().st_mode) == 0o600
    finally:
        os.umask(previous)
        fsio.umask.cache_clear()


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("journal.yaml", ("agree", "dlo-head", "--as", "vp-academic")),
        ("regulation.yaml", ("revise", "dlo-head", "--by", "hr-head", "--reason", "Нақтылау")),
    ],
)
def test_a_file_made_read_only_is_not_written_over(in_force, dlo, name, command):
    """A journal or regulation its owner made read-only (chmod a-w; Windows' Read-only
    attribute) is refused, saying so, and left as it was: the rename replaced it whatever its
    permissions, by a writable file, where Windows refused it as access denied."""
    if command[0] == "agree":
        ok = dlo("revise", "dlo-head", "--by", "hr-head", "--reason", "Нақтылау", cwd=in_force)
        assert ok.code == 0 and dlo("submit", "dlo-head", cwd=in_force).code == 0, ok.err
    path = in_force / FOLDER / name
    journal = in_force / FOLDER / "journal.yaml"
    path.chmod(0o444)
    before, recorded = path.read_bytes(), journal.read_bytes()
    result = dlo(*command, cwd=in_force)
    assert result.code == 2, result.err
    # named as the user types it, from the project's folder where the command ran
    shown = f"{FOLDER}/{name}"
    assert f"dlo: error: {shown} is read-only: dlo does not write over it" in result.err
    assert "chmod u+w" in result.err
    assert path.read_bytes() == before and journal.read_bytes() == recorded
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert not list(path.parent.glob(".*.tmp"))
    path.chmod(0o644)
    assert dlo(*command, cwd=in_force).code == 0  # made writable: written


def test_an_output_made_read_only_is_not_written_over_by_render(in_force, dlo):
    """dlo render writes its outputs by renaming them into place, as sheet, diff and sign-pdf
    write theirs through the refusing write: an output its owner made read-only (a copy kept as
    it was printed) was replaced by render alone, silently, with a writable file. It is refused
    as they refuse it, before any output is put in place."""
    build = in_force / "build"
    assert dlo("render", "dlo-head", "--format", "html", cwd=in_force).code == 0
    kept = build / "dlo-head.kk.docx"
    kept.write_bytes(b"the copy printed for the archive")
    kept.chmod(0o444)
    page = (build / "dlo-head.kk.html").read_bytes()
    result = dlo("render", "dlo-head", "--format", "docx", "--format", "html", cwd=in_force)
    assert result.code == 2, result.err
    assert (
        "dlo: error: build/dlo-head.kk.docx is read-only: dlo does not write over it" in result.err
    )
    assert kept.read_bytes() == b"the copy printed for the archive"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o444
    assert (build / "dlo-head.kk.html").read_bytes() == page
    kept.chmod(0o644)
    assert dlo("render", "dlo-head", "--format", "docx", cwd=in_force).code == 0


# -- --out names any folder the user can write to --------------------------------------------


def test_every_out_option_may_name_a_folder_outside_the_project(project, dlo, tmp_path):
    _in_force(project)
    out = tmp_path / "desktop"
    out.mkdir()
    for args, written in (
        (["render", "--format", "html", "--out", out / "r"], out / "r" / "dlo-head.kk.html"),
        (["translate", "dlo-head", "--to", "ru", "--out", out / "t.docx"], out / "t.docx"),
        (["list", "--format", "csv", "--out", out / "l.csv"], out / "l.csv"),
        (["reference-docx", "--out", out / "ref.docx"], out / "ref.docx"),
        (["verify", "--export", out / "sig"], out),  # the bundled journal is unsigned
        (["diff", "dlo-head", "--format", "html", "--out", out / "d.html"], out / "d.html"),
    ):
        result = dlo("--root", project, *args)
        assert result.code == 0 and written.exists(), (args, result.code, result.err)
        assert "outside the project" not in result.err
