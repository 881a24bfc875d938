"""`serve`'s HTTP side: the output folder served with the live-reload script in its pages, and
the version endpoint open pages poll (livereload.py)."""

from __future__ import annotations

import functools
import http.server
import io
import os
import socket
import urllib.parse
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from . import livereload
from .errors import printable
from .livereload import Status

IDLE_TIMEOUT = (
    10.0  # seconds a connection may be silent (idle, or a slow sender) before it is closed
)
SWAP_WAIT = 30.0  # seconds a request for a missing file waits for a running build to finish


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder, adds the live-reload script to pages, answers the version."""

    timeout = IDLE_TIMEOUT  # on the connection's socket: no thread waits forever on one
    default_request_version = "HTTP/1.0"  # so a malformed request line's 400 has a status line

    def __init__(
        self, *args: Any, status: Status, reload: bool, log: TextIO | None, **kw: Any
    ) -> None:
        self.status = status
        self.reload = reload
        self.log = log
        super().__init__(*args, **kw)

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        """Send the headers of a response; return its body (what do_GET copies out)."""
        try:
            return self._head()
        except ValueError:  # a NUL byte or worse in the path
            self.send_error(400, "Bad request path")
            return None

    def _head(self) -> io.BytesIO | BinaryIO | None:
        """Send the headers of a response to a request for a path in the output (what a link
        in the output points to outside it is not found)."""
        route = urllib.parse.urlsplit(self.path).path
        if not self._inside(self.translate_path(route)):
            return self._not_found()
        if route == livereload.VERSION_PATH:
            return self._send(200, "application/json", self._version())
        if not route.endswith("/") and Path(self.translate_path(route)).is_dir():
            return super().send_head()  # redirects to the folder's URL with a slash
        build = self.status.build  # before the file: a page is never newer than it says
        found = self._read(route)
        if found is None and self.status.building and self.status.wait_idle(SWAP_WAIT):
            found = self._read(route)  # the output folder was being swapped
        if found is None:
            return self._not_found()
        if found[0].suffix != ".html":
            return super().send_head()
        return self._page(200, found[1], build, found[1])

    def _version(self) -> bytes:
        """Answer the version endpoint; asked about a page (`?page=/its/path/`), with the
        digest of its file now."""
        asked = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("page")
        if not asked:
            return self.status.as_json()
        return self.status.as_json(functools.partial(self._page_file, asked[0]))

    def _page_file(self, route: str) -> bytes | None:
        """Return the bytes of the output file a URL path names, None if there is none."""
        found = self._read(route) if self._inside(self.translate_path(route)) else None
        return found[1] if found else None

    def _inside(self, path: str) -> bool:
        """Tell whether a path is in the output folder once every link in it is followed."""
        root = os.path.realpath(self.directory)
        real = os.path.realpath(path)
        return real == root or real.startswith(root + os.sep)

    def _read(self, route: str) -> tuple[Path, bytes] | None:
        """Return the file a URL path names (a folder's index.html) and its bytes, or None."""
        path = Path(self.translate_path(route))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix != ".html":
            return (path, b"") if path.is_file() else None  # the base class sends it
        try:
            return path, path.read_bytes()
        except OSError:  # missing, or gone while the output folder is swapped
            return None

    def _not_found(self) -> io.BytesIO:
        """Send the site's 404 page, or a page saying the site is not built yet."""
        page = Path(self.directory) / "404.html"
        if page.is_file():
            build = self.status.build
            return self._page(404, livereload.with_root_base(page.read_bytes()), build)
        unbuilt = livereload.unbuilt_page(self.status.error, self.status.build)
        return self._send(503, "text/html; charset=utf-8", unbuilt)

    def _page(self, code: int, page: bytes, build: int, file: bytes | None = None) -> io.BytesIO:
        """Send an HTML page of build number `build` (from an output `file`), with the
        live-reload script when watching."""
        if self.reload:
            page = livereload.inject(page, build, file)
        return self._send(code, "text/html; charset=utf-8", page)

    def _send(self, code: int, kind: str, body: bytes) -> io.BytesIO:
        """Send the headers for a body held in memory; return the body."""
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        """Tell browsers never to cache, so a reload shows the new build."""
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Log failed requests only, and never the version polls."""
        failed = isinstance(code, int) and code >= 400
        path = getattr(self, "path", "")  # unset when the request line did not parse
        if failed and self.log is not None and livereload.VERSION_PATH not in path:
            super().log_request(code, size)

    def log_message(self, format: str, *args: Any) -> None:
        """Write a log line to the server's log stream."""
        if self.log is not None:
            self.log.write(printable(f"{self.address_string()} - {format % args}") + "\n")


class HTTPServer(http.server.ThreadingHTTPServer):
    """A threading HTTP server that also listens on IPv6 addresses."""

    daemon_threads = True

    def __init__(self, host: str, port: int, handler: Any) -> None:
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), handler)
