"""Live reload for `serve`: the build status shared by threads, and the script served pages get.

The script is added to HTML as it is served, never written into the output folder. It polls
VERSION_PATH with its page's address; when the build number changes it reloads the page if
the page's file changed, or a build since may have changed what it uses besides (stylesheet,
pictures); while the last rebuild failed it shows the error over the page (which is still the
last good build).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import threading
from collections.abc import Callable

VERSION_PATH = "/__newsarchive__/version"
POLL_MS = 200  # how often an open page asks for the build number: an edit shows a poll after
# its quick pass, so this is most of the wait
RETRY_MS = 2000  # how long a page waits after the server did not answer

SCRIPT = """<script data-newsarchive-livereload>
(function () {
  "use strict";
  var built = __BUILD__, digest = "__DIGEST__", shown = null, box = null;
  var asked = "__VERSION_PATH__?page=" + encodeURIComponent(location.pathname);
  function show(error) {
    if (error === shown) return;
    shown = error;
    if (box) { box.remove(); box = null; }
    if (!error) return;
    box = document.createElement("div");
    box.id = "newsarchive-build-error";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;" +
      "max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#fff4f4;" +
      "color:#5c0a0a;border-top:4px solid #b00020;font:14px/1.5 ui-monospace,monospace;" +
      "box-shadow:0 -4px 16px rgba(0,0,0,.3)";
    var title = document.createElement("strong");
    title.textContent = "Rebuild failed: this is the last good build. Fix the error to reload.";
    var text = document.createElement("pre");
    text.style.cssText = "white-space:pre-wrap;overflow-wrap:anywhere;margin:.5rem 0 0;" +
      "font:inherit";
    text.textContent = error;
    box.append(title, text);
    document.body.append(box);
  }
  function poll() {
    fetch(asked, {cache: "no-store"})
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (state.build !== built) {
          if (state.page !== digest || state.assets > built) { location.reload(); return; }
          built = state.build;  // the builds since changed other pages only
        }
        show(state.error);
        setTimeout(poll, __POLL_MS__);
      }, function () { setTimeout(poll, __RETRY_MS__); });
  }
  poll();
})();
</script>
"""
BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)
HEAD_START = re.compile(rb"<head\b[^>]*>", re.IGNORECASE)


class Status:
    """The served build: its number, the last rebuild's error, whether one is running."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.build = 0  # 0 until a build succeeds; +1 for each later build that changed files
        self.assets = 0  # the last build that may have changed more than article pages
        self.error: str | None = None
        self.building = False

    def begin(self) -> None:
        """Mark a build as running."""
        with self._changed:
            self.building = True

    def finish(self, error: str | None, changed: bool, pages_only: bool = False) -> None:
        """Record a build's outcome: an error, or success that changed files (or not);
        `pages_only`: the build changed only pages and listings, never what pages use."""
        with self._changed:
            self.building = False
            self.error = error
            if error is None and (changed or self.build == 0):
                self.build += 1
                self.assets = self.assets if pages_only else self.build
            self._changed.notify_all()

    def reload(self) -> None:
        """Make open pages reload: serve changed served files between builds (a quick pass)."""
        with self._changed:
            if self.build:
                self.build += 1

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no build is running; return False if one still is after `timeout` s."""
        with self._changed:
            return self._changed.wait_for(lambda: not self.building, timeout)

    def as_json(self, page: Callable[[], bytes | None] | None = None) -> bytes:
        """Return what the version endpoint answers: {"build": N, "error": text or null}; asked
        about a page (`page` reads its file, None if there is none), also "page": its digest
        (or null) and "assets": the last build that may have changed more than pages."""
        with self._changed:
            state: dict[str, object] = {"build": self.build, "error": self.error}
            assets = self.assets
        if page is not None:  # read after the build number: a page is never newer than it says
            now = page()
            state["page"] = digest(now) if now is not None else None
            state["assets"] = assets
        return json.dumps(state).encode("utf-8")


def digest(page: bytes) -> str:
    """Return a short digest of a page's file, which tells the script whether it changed."""
    return hashlib.blake2b(page, digest_size=8).hexdigest()


def script(build: int, page: str = "") -> bytes:
    """Return the live-reload script for a page served from build number `build`, its file
    having the digest `page`."""
    text = (
        SCRIPT.replace("__BUILD__", str(build))
        .replace("__DIGEST__", page)
        .replace("__VERSION_PATH__", VERSION_PATH)
        .replace("__POLL_MS__", str(POLL_MS))
        .replace("__RETRY_MS__", str(RETRY_MS))
    )
    return text.encode("utf-8")


def inject(page: bytes, build: int, file: bytes | None = None) -> bytes:
    """Return an HTML page with the live-reload script added before its last </body>; `file`
    is the bytes of the output file it was served from, if any."""
    ends = list(BODY_END.finditer(page))
    at = ends[-1].start() if ends else len(page)
    return page[:at] + script(build, digest(file) if file is not None else "") + page[at:]


def with_root_base(page: bytes) -> bytes:
    """Give a page without <base> one pointing at the server root (for 404s at any depth)."""
    head = HEAD_START.search(page)
    if head is None or re.search(rb"<base\b", page, re.IGNORECASE):
        return page
    return page[: head.end()] + b'\n<base href="/">' + page[head.end() :]


def unbuilt_page(error: str | None, build: int) -> bytes:
    """Return the page served while there is no built site to show, with the error if any."""
    reason = f"<pre>{html.escape(error)}</pre>" if error else "<p>The first build is running.</p>"
    page = (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Site not built yet — newsarchive</title>\n</head>\n<body>\n<main>\n"
        f"<h1>The site has not been built yet</h1>\n{reason}\n"
        "<p>This page reloads when a build succeeds.</p>\n</main>\n</body>\n</html>\n"
    )
    return inject(page.encode("utf-8"), build)
