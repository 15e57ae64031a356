"""``dlo site serve``: preview the built site on this computer only (127.0.0.1).

Python's ``http.server`` serving the folder as it is, with the same security headers as the
example nginx configuration (docs/nginx-site.conf), so what the preview shows is what production shows; at
the server's root, and under the path the site was built for (``--url-path``), where the links
of its page for a missing address lead.
"""

from __future__ import annotations

import functools
import json
import os
import stat
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote

from ..errors import UsageError, os_reason
from ..fsio import NOFOLLOW
from ..i18n import Msg
from .manifest import FILE
from .views import CSP, NOT_FOUND, SERVED_AT, served_at

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
HEADERS = {
    "Content-Security-Policy": CSP + "; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cache-Control": "no-cache",
}


class Handler(SimpleHTTPRequestHandler):
    """Static files with security headers; the build's own folder (.dlo-site) is not served."""

    log: Callable[[str], None] | None = None
    shown: list[str] | None = None  # the path the server last said it serves at (one per server)
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".json": "application/json; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        # not left to the computer's list (none in a slim container; Windows': .docx with Office)
        ".svg": "image/svg+xml",
        ".pdf": "application/pdf",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }

    def end_headers(self) -> None:
        for name, value in HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):  # refuse hidden paths and links, serve the rest as usual
        asked = self.path
        self._within()
        if not self._allowed():
            self.send_error(404)
            return None
        path = self.path.partition("?")[0]
        if (
            asked != self.path
            and not path.endswith("/")
            and os.path.isdir(self.translate_path(path))
        ):
            return self._to_folder(asked)  # (as the base class would, but at the path asked)
        return super().send_head()

    @property
    def served_at(self) -> str:
        """The path the site was built for, served there too: as its manifest says now, so that
        a build for another ``--url-path`` is previewed at its path without a restart."""
        found = built_for(Path(self.directory))
        self._say_moved(found)
        return found

    def _say_moved(self, path: str) -> None:
        """Said once in the log when a build for another path moved the site: the address the
        command printed as it started no longer finds it."""
        shown = self.shown
        if shown is None or self.log is None or shown[0] == path:
            return
        shown[0] = path
        port = getattr(self.server, "server_port", 0)  # (HTTPServer's: the port bound)
        url = f"http://{HOST}:{port}{path}"
        self.log(
            Msg("the site was built again for {path}: serving it on {url}", path=path, url=url)
        )

    def _within(self) -> None:
        """A request under the path the site was built for (``/regulations/kk/``, or one of
        letters other than Latin, which a browser sends percent-encoded) made the site's own."""
        if self.served_at == SERVED_AT:
            return
        raw, mark, query = self.path.partition("?")
        try:
            path = unquote(raw, errors="strict")
        except UnicodeDecodeError:
            return
        if (path + "/").startswith(self.served_at):
            self.path = "/" + quote(path[len(self.served_at) :]) + mark + query

    def _to_folder(self, asked: str) -> None:
        """A folder asked for without its final "/": sent to the address with one, under the
        path asked (its index page's relative links start there)."""
        raw, mark, query = asked.partition("?")
        self.send_response(301)
        self.send_header("Location", raw + "/" + mark + query)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _allowed(self) -> bool:
        """The path decoded as the file lookup decodes it (``%2e`` is a dot), then refused when a
        part is hidden (``.dlo-site``, ``..``), or the file, a folder on the way or the index page
        a folder is answered with is a symbolic link or lies outside the site folder."""
        try:
            path = unquote(self.path.split("?", 1)[0].split("#", 1)[0], errors="strict")
        except UnicodeDecodeError:
            return False
        parts = [part for part in path.replace("\\", "/").split("/") if part]
        if any(part.startswith(".") or "\0" in part for part in parts):
            return False
        root = Path(self.directory)
        current = root
        for part in parts:
            current = current / part
            if current.is_symlink():
                return False
        if current.is_dir():  # a folder is answered with its index page: that file counts too
            if any((current / index).is_symlink() for index in ("index.html", "index.htm")):
                return False
        return current.resolve().is_relative_to(root.resolve())

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page answered with the site's own page for it (404.html), as the nginx
        example does; any other error, or a site without that page, as ``http.server`` does."""
        page = Path(self.directory) / NOT_FOUND
        try:
            body = page.read_bytes() if code == 404 and not page.is_symlink() else None
        except OSError:
            body = None
        if body is None:
            super().send_error(code, message, explain)
            return
        self.log_error("code %d, message %s", code, message or "not found")
        self.send_response(code, message)
        self.send_header("Connection", "close")
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def list_directory(self, path):  # no directory listings
        self.send_error(404)
        return None

    def log_message(self, format: str, *args) -> None:  # (the base class names it "format")
        if self.log is not None:
            self.log(f"{self.address_string()} {format % args}")


def server(
    folder: Path | str, port: int = DEFAULT_PORT, log: Callable[[str], None] | None = None
) -> ThreadingHTTPServer:
    """A server of ``folder`` on 127.0.0.1:``port`` (0: any free port), not yet started: call
    ``serve_forever()`` (and ``shutdown()`` from another thread, or Ctrl-C)."""
    folder = Path(folder).resolve()
    if not (folder / "index.html").is_file():
        raise UsageError(
            Msg("{folder} holds no built site (no index.html)", folder=folder),
            Msg("build it first: dlo site build"),
        )
    handler = type(
        "SiteHandler",
        (Handler,),
        {"log": staticmethod(log) if log else None, "shown": [built_for(folder)]},
    )
    try:
        return ThreadingHTTPServer((HOST, port), functools.partial(handler, directory=str(folder)))
    except OSError as exc:
        raise UsageError(
            Msg(
                "cannot listen on {host}:{port}: {reason}",
                host=HOST,
                port=port,
                reason=os_reason(exc),
            ),
            Msg("choose another port with --port"),
        ) from None


_READ: dict[Path, tuple[tuple[int, int], str]] = {}  # manifest -> (its mtime and size, path)
# the manifest opened as a build reads it (not through a link) and without waiting: a named pipe
# planted there would hold every request until something wrote to it
_FLAGS = os.O_RDONLY | NOFOLLOW | getattr(os, "O_NONBLOCK", 0)


def built_for(folder: Path) -> str:
    """The path the site in ``folder`` was built to be served at (its manifest, a regular file),
    else "/"; the manifest is read again only when it changed (each request asks)."""
    path = folder / FILE
    try:
        if path.is_symlink():  # (where there is no O_NOFOLLOW)
            return SERVED_AT
        with os.fdopen(os.open(path, _FLAGS), "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return SERVED_AT
            stamp = (info.st_mtime_ns, info.st_size)
            seen = _READ.get(path)
            if seen is not None and seen[0] == stamp:
                return seen[1]
            recorded = json.loads(handle.read().decode("utf-8")).get("served_at")
    except (OSError, ValueError, AttributeError, RecursionError):
        return SERVED_AT
    found = (isinstance(recorded, str) and served_at(recorded)) or SERVED_AT
    _READ[path] = (stamp, found)
    return found
