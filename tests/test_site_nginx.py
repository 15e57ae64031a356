"""The web server example, docs/nginx-site.conf, run by a real nginx (when installed) over a built
site: what `dlo site serve` refuses, production refuses too (a symbolic link planted in the site
folder, the build's own files, a folder's listing), with the security headers on every answer."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from site_support import approve_seed, build

NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).is_file()), None
)
CONF = Path(__file__).resolve().parent.parent / "docs" / "nginx-site.conf"
MIME = Path("/etc/nginx/mime.types")

# skipped on a developer's machine without nginx; never in CI (.ci/run sets CI, and its set-up
# installs nginx): there a missing nginx fails the test
pytestmark = pytest.mark.skipif(
    (NGINX is None or not MIME.is_file()) and not os.environ.get("CI"),
    reason="nginx is not installed (apt-get install nginx-light)",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _under_a_path(server: str, site: Path) -> str:
    """The example serving the site under /regulations/, as its opening comment says: its two
    locations in place of `location /`."""
    said = " ".join(line.lstrip("# ") for line in server.splitlines() if line.startswith("#"))
    locations = re.findall(r"`(location (?:= )?/regulations/? \{[^`]*\})`", said)
    assert len(locations) == 2, said
    plain = re.search(r"\n    location / \{\n.*?\n    \}\n", server, re.S).group(0)
    assert "try_files $uri $uri/ =404;" in plain
    return server.replace(
        plain, "\n" + "\n".join(locations).replace("/var/www/regulations/", f"{site}/") + "\n"
    ).replace("root /var/www/regulations;", "root /nonexistent;")


def _config(folder: Path, site: Path, port: int, under_a_path: bool = False) -> Path:
    """The example as an admin installs it: its root and port changed, nothing else (or its
    locations for a path, as its comment says)."""
    server = CONF.read_text(encoding="utf-8")
    if under_a_path:
        server = _under_a_path(server, site)
    server = server.replace("root /var/www/regulations;", f"root {site};")
    server = re.sub(r"listen 80;", f"listen 127.0.0.1:{port};", server)
    temp = "".join(
        f"{kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    main = folder / "nginx.conf"
    main.write_text(
        f"pid {folder / 'nginx.pid'}; error_log {folder / 'error.log'}; daemon off;\n"
        "events { worker_connections 16; }\n"
        f"http {{ include {MIME}; default_type application/octet-stream; access_log off; "
        f"{temp} uwsgi_temp_path {folder / 'uwsgi'}; scgi_temp_path {folder / 'scgi'};\n"
        f"{server}\n}}\n",
        encoding="utf-8",
    )
    return main


def _answer(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, dict(err.headers), b""


@pytest.fixture(params=[False, True], ids=["root", "under-a-path"])
def nginx(prepared_copy, dlo, tmp_path, request):
    """The bundled site built, served by nginx with the example configuration (at the server's
    root, and under /regulations/ as the example's comment says)."""
    if NGINX is None or not MIME.is_file():
        pytest.fail("nginx is required in CI (tools/setup.sh installs it when CI is set)")
    project = prepared_copy("site-seed-approved", approve_seed)
    if request.param:  # built for the path, as the example's opening comment says
        assert "--url-path /regulations/`" in CONF.read_text(encoding="utf-8")
    build(dlo, project, *(["--url-path", "/regulations/"] if request.param else []))
    site = project / "public"
    # a worker started by root runs as nobody, who must reach the site: the test's folders
    for parent in (site, *site.parents):
        if parent.stat().st_uid == os.geteuid():
            parent.chmod(parent.stat().st_mode | 0o005)
    for attempt in range(5):  # a port another test's server took meanwhile: another one
        process, port = _started(tmp_path / f"nginx-{attempt}", site, request.param)
        if process is not None:
            break
    else:
        pytest.fail("nginx found no free port in five tries")
    base = f"http://127.0.0.1:{port}/" + ("regulations/" if request.param else "")
    try:
        yield site, base
    finally:
        process.terminate()
        process.wait(10)


def _started(folder: Path, site: Path, under_a_path: bool) -> tuple[subprocess.Popen | None, int]:
    """nginx serving ``site`` on a free port, once it listens there: its pid file is written
    only after its sockets are bound (a connection alone may reach another test's server on a
    port taken between choosing and binding it); None when the port was taken."""
    folder.mkdir()
    port = _free_port()
    main = _config(folder, site, port, under_a_path=under_a_path)
    log = folder / "stderr.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [NGINX, "-c", str(main), "-p", str(folder)], stdout=subprocess.DEVNULL, stderr=stderr
        )
    for _ in range(200):
        said = log.read_text(errors="replace") + _read(folder / "error.log")
        if "bind()" in said:
            process.kill()
            process.wait(10)
            return None, port
        if process.poll() is not None:
            pytest.fail(f"nginx did not start: {said}")
        if (folder / "nginx.pid").is_file():
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return process, port
            except OSError:
                pass
        time.sleep(0.05)
    process.kill()
    pytest.fail(f"nginx did not start listening: {said}")


def _read(path: Path) -> str:
    return path.read_text(errors="replace") if path.is_file() else ""


def test_the_example_serves_the_site_with_the_headers(nginx):
    site, base = nginx
    status, headers, body = _answer(base + "kk/dlo-head/")
    assert status == 200 and b'id="clause-11"' in body
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    for path in ("kk/dlo-head/", "files/dlo-head-1.kk.docx", "static/search.js"):
        # asked again each time: a page kept by the browser would show a superseded edition
        assert _answer(base + path)[1]["Cache-Control"] == "no-cache", path
    for path in (".dlo-site/manifest.json", "%2edlo-site/manifest.json", "nowhere.html"):
        status, headers, _ = _answer(base + path)
        assert status == 404, path
        assert headers["X-Content-Type-Options"] == "nosniff"  # error pages too
    assert _answer(base + "kk/")[0] in (403, 404)  # no listing


def test_the_example_does_not_follow_a_link_planted_in_the_site(nginx, tmp_path):
    """`dlo site serve` answers 404 for a link; nginx followed one by default, serving whatever
    it pointed to (a file or folder outside the site) to the whole internal network."""
    site, base = nginx
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "passwords.txt").write_text("root:hunter2\n", encoding="utf-8")
    secret.chmod(0o755)
    (secret / "passwords.txt").chmod(0o644)
    (site / "leak.txt").symlink_to(secret / "passwords.txt")
    (site / "outside").symlink_to(secret)
    (site / "kk" / "dlo-head" / "notes.html").symlink_to(secret / "passwords.txt")
    for path in ("leak.txt", "outside/passwords.txt", "kk/dlo-head/notes.html"):
        status, _, body = _answer(base + path)
        assert b"hunter2" not in body and status in (403, 404), (path, status)
    assert _answer(base + "index.html")[0] == 200  # the real files still are served


def test_every_link_of_a_page_is_served(nginx):
    """docs/cli.md: every link is relative, so any path works; a page's styles, script, downloads,
    language switch and comparisons are answered 200 (at the root and under /regulations/),
    and the address of the path typed without its slash is sent to it."""
    site, base = nginx
    for page in ("", "kk/dlo-head/", "ru/dlo-head/index.html", "ru/search.html"):
        status, _, body = _answer(base + page)
        assert status == 200, page
        links = re.findall(r'(?:href|src)="([^"#:]+)', body.decode("utf-8"))
        assert links, page
        for link in links:
            assert _answer(urllib.parse.urljoin(base + page, link))[0] == 200, (page, link)
    if base.endswith("/regulations/"):
        try:
            urllib.request.build_opener(_NoRedirect).open(base[:-1], timeout=10)
            pytest.fail("no redirect")
        except urllib.error.HTTPError as err:
            with err:
                assert err.code == 301 and err.headers["Location"].endswith("/regulations/")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_the_example_serves_well_known_but_no_other_dot_path(nginx):
    """`location ~ /\\.` hid /.well-known/ too, where ACME's challenges and security.txt are
    asked for; it is served now, while .dlo-site/, any other dot-path and a dot-file inside
    /.well-known/ stay hidden."""
    site, base = nginx
    well_known = site / ".well-known"
    (well_known / "acme-challenge").mkdir(parents=True)
    (well_known / "security.txt").write_text("Contact: mailto:it@example.kz\n", encoding="utf-8")
    (well_known / "acme-challenge" / "token").write_text("token.key\n", encoding="utf-8")
    (well_known / ".htpasswd").write_text("admin:secret\n", encoding="utf-8")
    (site / "kk" / ".well-known").mkdir()
    (site / "kk" / ".well-known" / "security.txt").write_text("x\n", encoding="utf-8")
    host = base.removesuffix("regulations/")  # /.well-known/ is the host's, at its root
    if host == base:  # the site at the root: its folder holds the host's /.well-known/
        status, headers, body = _answer(host + ".well-known/security.txt")
        assert status == 200 and body.startswith(b"Contact:"), status
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert _answer(host + ".well-known/acme-challenge/token")[2] == b"token.key\n"
    for path in (
        ".well-known/.htpasswd",
        ".well-known/%2ehtpasswd",
        ".well-known/../.dlo-site/manifest.json",
        ".dlo-site/manifest.json",
        "kk/.well-known/security.txt",
    ):
        assert _answer(base + path)[0] == 404, path


def test_a_missing_page_is_answered_with_the_site_s_own(nginx):
    """A bookmark to a withdrawn regulation got nginx's bare 404 page; it gets the site's own
    (404.html, both languages, the site's style), still a 404, its links served: from "/", and
    under a path from that path (the site built for it, as the example says; before, nginx's
    own page stayed there, the links of 404.html from "/" missing the site)."""
    site, base = nginx
    root = urllib.parse.urlsplit(base).path  # "/" or "/regulations/"
    for path in ("kk/withdrawn/index.html", "kk/withdrawn/", "nowhere.html", "kk/a/b/c/d"):
        status, headers, body = _answer_with_body(base + path)
        assert status == 404, path
        assert headers["X-Content-Type-Options"] == "nosniff"
        html = body.decode("utf-8")
        assert "Бет табылмады" in html and "Страница не найдена" in html, path
        links = re.findall(r'(?:href|src|action)="([^"#:]+)', html)
        assert len(links) >= 5, links  # style, script, search, both indexes
        for link in links:
            assert link.startswith(root), link
            assert _answer(urllib.parse.urljoin(base + path, link))[0] == 200, link


def _answer_with_body(url: str) -> tuple[int, dict[str, str], bytes]:
    """As _answer, with an error's body too."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, dict(err.headers), err.read()


def test_a_folder_of_the_site_is_answered_with_the_site_s_missing_page(nginx):
    """A visitor who shortens an address (…/kk/dlo-head/ to …/kk/, a download's …/files/) got
    nginx's bare "403 Forbidden": a folder with no index page, never listed. It is answered as
    `dlo site serve` answers it, the site's page for a missing address (404, both languages),
    and nothing of the folder is listed."""
    site, base = nginx
    for path in ("kk/", "files/", "static/"):
        status, _, body = _answer_with_body(base + path)
        html = body.decode("utf-8")
        assert status == 404 and "Бет табылмады" in html, (path, status)
        assert "Index of" not in html and "dlo-head-1.kk" not in html, path
