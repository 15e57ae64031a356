"""`dlo site serve`: the built site on 127.0.0.1 with the security headers; Ctrl-C stops it."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from site_support import approve_seed, build, serving


@pytest.fixture
def served(prepared_copy, dlo):
    project = prepared_copy("site-seed-approved", approve_seed)  # prepared once, copied
    build(dlo, project)
    with serving(project / "public") as url:
        yield url


def get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers, response.read()


def test_serves_pages_with_security_headers(served):
    status, headers, body = get(served)
    assert status == 200 and b'<html lang="kk"' in body
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    csp = headers["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ):
        assert directive in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, headers, body = get(served + "kk/dlo-head/")  # the deep-link form: /kk/<id>/#clause-11
    assert status == 200 and b'id="clause-11"' in body
    status, headers, _ = get(served + "search-index.kk.json")
    assert headers["Content-Type"].startswith("application/json")


NGINX_EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "nginx-site.conf"
HEADER_NAMES = re.compile(r'^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;', re.MULTILINE)


def test_the_preview_sends_the_headers_of_the_nginx_example(served):
    """docs/cli.md: the preview answers "with the same security headers as production". The preview
    lacked the example's Permissions-Policy and Cross-Origin-Opener-Policy, and the example
    lacked the preview's Cache-Control: without it a browser keeps a page heuristically (a tenth
    of its age: ten days for a page unchanged for a hundred) and goes on showing a superseded
    or withdrawn edition after the site is rebuilt."""
    example = dict(HEADER_NAMES.findall(NGINX_EXAMPLE.read_text(encoding="utf-8")))
    assert example.get("Cache-Control") == "no-cache"
    # FLoC's interest-cohort is gone from browsers: an unknown feature a console warns about
    assert example["Permissions-Policy"] == "camera=(), microphone=(), geolocation=()"
    for path in ("", "kk/dlo-head/", "files/dlo-head-1.kk.docx", "search-index.kk.json"):
        _, headers, _ = get(served + path)
        assert {name: headers[name] for name in example} == example, path
    with pytest.raises(urllib.error.HTTPError) as err:  # error pages too (nginx: `always`)
        get(served + "nowhere.html")
    err.value.close()
    assert {name: err.value.headers[name] for name in example} == example


@pytest.mark.parametrize("path", ["kk/withdrawn/index.html", "nowhere.html", ".dlo-site/x"])
def test_a_missing_page_is_answered_with_the_site_s_own(served, path):
    """A bookmark to a withdrawn regulation got http.server's bare error page; it gets the
    site's own 404.html (both languages, the site's style, links from "/"), as the nginx
    example answers, still a 404 with the security headers."""
    with pytest.raises(urllib.error.HTTPError) as err:
        get(served + path)
    with err.value as answer:
        body = answer.read().decode("utf-8")
        assert answer.code == 404 and answer.headers["Content-Type"] == "text/html; charset=utf-8"
        assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"]
    assert "Бет табылмады" in body and '<section class="not-found" lang="ru">' in body
    assert 'href="/static/site.css"' in body and 'href="/ru/index.html"' in body
    assert get(served + "static/site.css")[0] == 200


@pytest.mark.parametrize("path", [".dlo-site/manifest.json", "kk/", "static/"])
def test_no_listing_and_no_build_files(served, path):
    with pytest.raises(urllib.error.HTTPError) as err:
        get(served + path)
    err.value.close()
    assert err.value.code == 404


def test_serve_refuses_a_folder_without_a_site(dlo, project):
    result = dlo("site", "serve", "--port", "0", cwd=project)
    assert (
        result.code == 2 and "holds no built site" in result.err and "dlo site build" in result.err
    )


def _serve_cli(project: Path) -> subprocess.Popen:
    """``dlo site serve --port 0`` in ``project``, in a process of its own (its first line says
    where it serves)."""
    return subprocess.Popen(
        [sys.executable, "-c", "from dlo_docs.cli import run; run()", "site", "serve"]
        + ["--port", "0"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize(("stop", "code"), [(signal.SIGINT, 0), (signal.SIGTERM, 143)])
def test_cli_serves_until_interrupted(prepared_copy, dlo, stop, code):
    """Ctrl-C stops the preview (exit 0); so does SIGTERM, a service manager's stop (143, as it
    expects), saying "stopped" too: not "Terminated: no file is half-written; run the command
    again", the advice for a command whose work was cut short."""
    project = prepared_copy("site-seed-approved", approve_seed)  # prepared once, copied
    build(dlo, project)
    proc = _serve_cli(project)
    try:
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line
        status, _, body = get(f"http://127.0.0.1:{match.group(1)}/ru/index.html")
        assert status == 200 and b'<html lang="ru"' in body
        proc.send_signal(stop)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == code, err
    assert "stopped" in out and "Traceback" not in err
    assert "Terminated" not in err and "run the command again" not in err


def test_the_preview_under_a_path_keeps_a_folder_s_address_there(prepared_copy, dlo):
    """A site built for a path is previewed there too. A folder asked for without its final "/"
    (/regulations/kk/dlo-head) was sent to /kk/dlo-head/, out of the path; and a path of letters
    other than Latin, which a browser sends percent-encoded, was not served at all (404)."""
    import http.client
    from urllib.parse import quote, urlsplit

    project = prepared_copy("site-seed-approved", approve_seed)
    for path in ("/regulations/", "/ережелер/"):
        build(dlo, project, "--url-path", path)
        with serving(project / "public") as url:
            sent = quote(path)
            status, _, body = get(url.rstrip("/") + sent + "kk/dlo-head/")
            assert status == 200 and b'id="clause-11"' in body, path
            connection = http.client.HTTPConnection(urlsplit(url).netloc, timeout=10)
            try:
                connection.request("GET", sent + "kk/dlo-head?x=1")
                response = connection.getresponse()
                assert response.status == 301, path
                assert response.getheader("Location") == sent + "kk/dlo-head/?x=1"
            finally:
                connection.close()


def test_the_preview_follows_the_path_of_the_latest_build(prepared_copy, dlo):
    """A site built again for another path while its preview runs is served at that path (the
    path was read once, when the preview started: the new one answered 404 until a restart), and
    the address the command prints is the one the site is at."""
    project = prepared_copy("site-seed-approved", approve_seed)
    build(dlo, project)
    with serving(project / "public") as url:
        assert get(url + "kk/dlo-head/")[0] == 200
        build(dlo, project, "--url-path", "/regulations/")
        status, _, body = get(url + "regulations/kk/dlo-head/")
        assert status == 200 and b'id="clause-11"' in body
    proc = _serve_cli(project)
    try:
        line = proc.stdout.readline()
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=15)
    assert re.search(r"on http://127\.0\.0\.1:\d+/regulations/ \(Ctrl-C stops\)", line), line


@pytest.mark.skipif(sys.platform == "win32", reason="a named pipe (mkfifo) is POSIX's")
def test_a_manifest_that_is_no_file_leaves_the_preview_answering(tmp_path):
    """The preview reads the site's manifest for its path at each request: a named pipe (or any
    other file that is not a regular one) planted there is not read (reading it waited for a
    writer, and every request of the preview with it); the site is served at "/"."""
    import os
    import threading

    from dlo_docs.site.manifest import FILE
    from dlo_docs.site.serve import built_for

    (tmp_path / FILE).parent.mkdir(parents=True)
    os.mkfifo(tmp_path / FILE)
    found: list[str] = []
    reader = threading.Thread(target=lambda: found.append(built_for(tmp_path)), daemon=True)
    reader.start()
    reader.join(5)
    stuck = reader.is_alive()
    if stuck:  # let the blocked read end: a writer opens and closes the pipe
        os.close(os.open(tmp_path / FILE, os.O_WRONLY))
        reader.join(5)
    assert not stuck and found == ["/"]


def test_the_preview_says_the_new_address_when_it_follows_a_build(prepared_copy, dlo):
    """Built again for another path while the preview runs, the site is served there, but the
    address the command printed when it started (…/regulations/) then answered 404 and nothing
    said where the site had gone: the preview says it once, with the new address."""
    import threading

    from dlo_docs import i18n, site

    project = prepared_copy("site-seed-approved", approve_seed)
    build(dlo, project, "--url-path", "/regulations/")
    said: list[str] = []
    server = site.server(project / "public", 0, log=lambda line: said.append(i18n.text(line)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        assert get(url + "regulations/kk/dlo-head/")[0] == 200
        assert not [line for line in said if "built again" in line], said
        build(dlo, project, "--url-path", "/other/")
        for _ in range(2):
            assert get(url + "other/kk/dlo-head/")[0] == 200
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    moved = [line for line in said if "built again" in line]
    assert moved == [f"the site was built again for /other/: serving it on {url}other/"], said


def test_the_preview_types_the_site_s_files_without_the_system_s_list(monkeypatch):
    """The preview took the type of a DOCX, a PDF or the icon from the computer's list of types
    (/etc/mime.types; on Windows the registry, which knows .docx only where Office is installed):
    without it a DOCX was sent as application/octet-stream, and the icon, with nosniff, not shown.
    Every kind of file the build writes has its type of its own."""
    import mimetypes

    from dlo_docs.site.serve import Handler

    monkeypatch.setattr(mimetypes, "guess_type", lambda *args, **kwargs: (None, None))
    handler = Handler.__new__(Handler)  # (no request: only the table of types is asked)
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert handler.guess_type("files/dlo-head-1.kk.docx") == docx
    assert handler.guess_type("files/dlo-head-1.kk.pdf") == "application/pdf"
    assert handler.guess_type("static/favicon.svg") == "image/svg+xml"
    assert handler.guess_type("search-index.kk.json").startswith("application/json")


def test_the_readme_s_nginx_part_sends_the_headers_it_names():
    """docs/cli.md's nginx block, "the essential part", is what an admin copies: it lacked the
    Permissions-Policy and Cross-Origin-Opener-Policy its paragraph names (and the example file
    and the preview send), so a server set up from it sent two headers fewer. Its headers are
    the example file's."""
    readme = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text(
        encoding="utf-8"
    )
    [block] = re.findall(r"```nginx\n(.*?)```", readme, re.DOTALL)
    example = dict(HEADER_NAMES.findall(NGINX_EXAMPLE.read_text(encoding="utf-8")))
    assert dict(HEADER_NAMES.findall(block)) == example
