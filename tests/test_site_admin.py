"""The site as the admin who publishes it lives with it: a build killed outright (no clean-up
ran), a build without PDFs after one with them, the site served under a path."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from site_support import (
    UNIT,
    approve_seed,
    broken_links,
    build,
    edition_3_left_then_swept,
    serving,
    unit_edition_3,
)
from test_site import _publish
from test_terminated import HANGS, reaped, stand_in


def _converting(proc: subprocess.Popen, pids) -> None:
    """Wait until a stand-in LibreOffice run has started (one or more: as many as cores)."""
    deadline = time.monotonic() + 60
    while not (pids.exists() and len(pids.read_text().split()) >= 2):
        assert time.monotonic() < deadline and proc.poll() is None, "no conversion started"
        time.sleep(0.05)


def test_a_file_a_killed_build_wrote_is_removed_by_the_next_one(prepared_copy, dlo, tmp_path):
    """A build killed outright while LibreOffice hung (`kill -9`, the OOM killer, a power cut: no
    handler runs) had written edition 3's DOCX, which its manifest never listed; edition 4 was
    approved before the next build, which then left edition 3's DOCX on the site for good
    (superseded, linked from no page, served at its address)."""
    published = prepared_copy("site-published", _publish)
    build(dlo, published)
    unit_edition_3(dlo, published)
    pids = tmp_path / "pids"
    env = stand_in(tmp_path, HANGS.format(pids=pids), DLO_UI_LANG="en")
    command = [sys.executable, "-c", "from dlo_docs.cli import run; run()", "site", "build"]
    proc = subprocess.Popen(command, cwd=published, env=env, stderr=subprocess.PIPE, text=True)
    with reaped(proc):
        _converting(proc, pids)  # the DOCX written, their PDFs being made
        proc.kill()
        proc.communicate(timeout=30)
    for pid in map(int, pids.read_text().split()):  # what SIGKILL left running
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    out = edition_3_left_then_swept(dlo, published)
    assert "4 removed" in out  # edition 2's DOCX and the killed build's edition 3
    assert broken_links(published / "public") == []
    # the build after follows a finished one: nothing more is taken for the previous one's
    assert "0 removed" in build(dlo, published).out


def _fake_libreoffice(monkeypatch) -> list[str]:
    """LibreOffice stood in for: a small PDF of each DOCX; returns the names converted."""
    from pathlib import Path

    from dlo_docs.render import pdf as pdf_render
    from dlo_docs.render import soffice

    converted: list[str] = []

    def converting(paths, outdir, *args, **kwargs):
        made = {}
        for path in map(Path, paths):
            target = Path(outdir) / f"{path.stem}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"%PDF-1.7 " + path.stem.encode())
            made[path.stem] = target
            converted.append(path.stem)
        return pdf_render.Converted(made=made, failed={})

    monkeypatch.setattr(soffice, "available", lambda: True)
    monkeypatch.setattr(pdf_render, "convert_many", converting)
    return converted


def test_a_build_without_pdf_keeps_the_pdfs_still_current_and_says_so(
    prepared_copy, dlo, monkeypatch
):
    """`dlo site build --no-pdf` (a quick build after an approval; the same without LibreOffice)
    removed every PDF the nightly build had published, of editions unchanged too, saying only
    "1 removed; no PDF": the readers lost them until the next build with PDFs, which made them
    all again. Now a PDF still the one a build with PDFs would publish stays, linked; one out of
    date (its regulation's new edition) is removed; the summary says how many of each."""
    published = prepared_copy("site-published", _publish)
    public = published / "public"
    converted = _fake_libreoffice(monkeypatch)
    assert "no PDF" not in build(dlo, published, "--pdf").out
    seed_pdf = public / "files" / "dlo-head-1.kk.pdf"
    assert seed_pdf.is_file() and (public / "files" / f"{UNIT}-2.ru.pdf").is_file()

    out = build(dlo, published).out  # --no-pdf
    assert "0 removed" in out and "no PDF made: 3 kept, 0 removed" in out, out
    assert seed_pdf.is_file() and (public / "files" / f"{UNIT}-2.ru.pdf").is_file()
    for lang in ("kk", "ru"):
        html = (public / lang / "dlo-head" / "index.html").read_text("utf-8")
        assert 'href="../../files/dlo-head-1.kk.pdf"' in html
    assert broken_links(public) == []

    unit_edition_3(dlo, published)
    out = build(dlo, published).out
    assert "no PDF made: 1 kept, 2 removed" in out, out  # edition 2's PDFs: superseded
    assert sorted(p.name for p in (public / "files").glob("*.pdf")) == ["dlo-head-1.kk.pdf"]
    assert f"{UNIT}-3.kk.pdf" not in (public / "kk" / UNIT / "index.html").read_text("utf-8")
    assert broken_links(public) == []
    assert "no PDF made: 1 kept, 0 removed" in build(dlo, published).out  # (nothing changed)

    converted.clear()
    assert "no PDF" not in build(dlo, published, "--pdf").out
    assert sorted(converted) == [f"{UNIT}-3.kk", f"{UNIT}-3.ru"]  # the seed's was kept


def _links(html: str) -> list[str]:
    return re.findall(r'(?:href|src|action)="([^"#]+)"', html)


def test_a_site_served_under_a_path_has_a_page_for_a_missing_address_leading_there(
    prepared_copy, dlo
):
    """Under a path (https://intranet/regulations/), the links of 404.html, answered at any
    address, started at "/": its style, search and both indexes missed the site, so the nginx
    example kept nginx's bare page there. `--url-path /regulations/` makes them start at that
    path; the builds after keep it (cron's line and a build by hand after an approval alike)
    until another is given; one that is not a path is refused, the site untouched."""
    project = prepared_copy("site-seed-approved", approve_seed)
    public = project / "public"
    out = build(dlo, project, "--url-path", "/regulations").out
    assert "served at /regulations/" in out
    links = _links((public / "404.html").read_text("utf-8"))
    assert len(links) >= 5 and all(link.startswith("/regulations/") for link in links), links
    for link in links:
        assert (public / link.removeprefix("/regulations/")).is_file(), link
    assert "served at /regulations/" in build(dlo, project).out  # kept, without the option
    assert _links((public / "404.html").read_text("utf-8")) == links
    for given in ("regulations/", "/../x/", "/.dlo-site/", "/a b/", "//host/x/", "/x?y"):
        result = dlo("site", "build", "--no-pdf", "--url-path", given, cwd=project)
        assert result.code == 2 and "is not a path the site can be served at" in result.err
        assert "Traceback" not in result.err
    assert _links((public / "404.html").read_text("utf-8")) == links  # (untouched)
    # the preview serves it at its path too, where those links lead
    with serving(public) as url:
        for link in links:
            with urllib.request.urlopen(url.rstrip("/") + link, timeout=10) as response:
                assert response.status == 200, link
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(url + "regulations/kk/withdrawn/", timeout=10)
        with caught.value as err:
            assert err.code == 404 and "Бет табылмады" in err.read().decode("utf-8")
    out = build(dlo, project, "--url-path", "/").out  # served at the root again
    assert "served at" not in out
    assert all(
        link.startswith("/static/")
        or link.startswith("/ru/")
        or link in ("/index.html", "/search.html")
        for link in _links((public / "404.html").read_text("utf-8"))
    )


def test_the_readme_s_cron_line_runs_as_written_and_dates_each_night(project, tmp_path):
    """docs/cli.md's /etc/cron.d line, run as cron runs it (/bin/sh, an empty environment) on the
    bundled project: the site is built, and the log says when each night's lines were written
    (undated, the admin could not tell which night failed). Cron cuts a line at its first '%'."""
    from conftest import REPO

    readme = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    [line] = [x for x in readme.splitlines() if x.startswith("10 0 * * *  sitebuild  ")]
    command = line.split(None, 6)[6]
    assert "%" not in command
    (project / ".venv").symlink_to(REPO / ".venv")
    www, log = tmp_path / "www", tmp_path / "dlo-site.log"
    command = (
        command.replace("/srv/regulations", str(project))
        .replace("/var/www/regulations", str(www))
        .replace("/var/log/dlo-site.log", str(log))
    )
    for _night in range(2):
        done = subprocess.run(
            ["/bin/sh", "-c", command], env={"PATH": "/usr/bin:/bin"}, timeout=300
        )
        assert done.returncode == 0, log.read_text(encoding="utf-8")
    lines = log.read_text(encoding="utf-8").splitlines()
    stamps = [x for x in lines if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", x)]
    assert len(stamps) == 2 and lines[0] == stamps[0], lines
    assert any(x.startswith("site: ") for x in lines), lines
    assert (www / "index.html").is_file()


def test_a_folder_holding_only_well_known_or_lost_found_is_built_into(bundled, dlo, tmp_path):
    """docs/cli.md: ACME's challenges and security.txt go in the site folder's `.well-known/`; certbot's
    webroot puts them there before the first build, and a folder that is a disk of its own holds
    `lost+found/`. Such a folder was refused as "not empty and was not built by dlo site build";
    it is built into, and what is there is left as it was. Anything else still refuses it."""
    acme, disk = tmp_path / "acme", tmp_path / "disk"
    (acme / ".well-known" / "acme-challenge").mkdir(parents=True)
    (acme / ".well-known" / "acme-challenge" / "token").write_text("t", encoding="utf-8")
    (disk / "lost+found").mkdir(parents=True)
    for out in (acme, disk):
        build(dlo, bundled, "--out", str(out))
        assert (out / "index.html").is_file() and (out / "kk" / "dlo-head" / "index.html").is_file()
        build(dlo, bundled, "--out", str(out))  # and again, as the nightly build does
    assert (acme / ".well-known" / "acme-challenge" / "token").read_text(encoding="utf-8") == "t"
    assert (disk / "lost+found").is_dir()
    other = tmp_path / "other"
    (other / ".well-known").mkdir(parents=True)
    (other / "keep.txt").write_text("mine", encoding="utf-8")
    result = dlo("site", "build", "--no-pdf", "--out", str(other), cwd=bundled)
    assert result.code == 2 and "was not built by `dlo site build`" in result.err


def test_a_folder_the_build_may_not_write_is_named_by_the_file_meant(bundled, dlo, monkeypatch):
    """The site's files/ not writable by the user who builds (another user's, chmod a-w): the
    temporary file could not be made, and the error named it, `public/files/.dlo-head-1.kk.docx.
    z629m_8i.tmp`, a file that never existed. It names the file the build was writing."""
    import errno
    import tempfile

    from dlo_docs import fsio

    real = tempfile.mkstemp

    def refused(suffix=None, prefix=None, dir=None, text=False):  # noqa: A002 (mkstemp's names)
        if os.path.basename(dir) == "files":
            name = os.path.join(dir, f"{prefix}z629m_8i{suffix}")
            raise PermissionError(errno.EACCES, "Permission denied", name)
        return real(suffix, prefix, dir, text)

    monkeypatch.setattr(fsio.tempfile, "mkstemp", refused)
    result = dlo("site", "build", "--no-pdf", cwd=bundled)
    assert result.code == 1, result.err
    assert "dlo: error: public/files/dlo-head-1.kk.docx: Permission denied" in result.err
    assert ".tmp" not in result.err and "internal error" not in result.err
