"""The 404 page in a real browser (Chromium via Playwright), served for a missing nested address
by a host that keeps the site under a subpath, as nginx or GitHub Pages do."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from conftest import build_at, write_files

ARTICLES = {
    "articles/world/2023-01-05-storm.md": "---\ntitle: Storm hits coast\ndate: 2023-01-05\n---\n\n"
    "The storm closed the harbour.\n",
    "articles/sport/2023-02-01-final.md": "---\ntitle: Cup final ends level\ndate: 2023-02-01\n"
    "---\n\nBoth teams scored twice.\n",
}
MISSING = "archive/articles/no-such-story/photos/index.html"


class SiteHost(http.server.SimpleHTTPRequestHandler):
    """Serve files, and the site's 404.html (status 404) for anything missing."""

    not_found: Path

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer a missing file with the site's own 404 page."""
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        """Keep the test output clean."""


@pytest.fixture
def host(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """Serve tmp_path/www (the site goes in www/archive/) on a free port; yield its URL."""
    www = tmp_path / "www"
    handler = type("Host", (SiteHost,), {"not_found": www / "archive" / "404.html"})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(www))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", www
    finally:
        server.shutdown()
        server.server_close()


def built_into(www: Path, tmp_path: Path, *args: str) -> None:
    """Build the articles, then put the site in www/archive/."""
    write_files(tmp_path, ARTICLES)
    code, _, err = build_at(tmp_path, "--no-pagefind", *args)
    assert code == 0, err
    www.mkdir()
    (tmp_path / "dist").rename(www / "archive")


def assert_styled_with_working_links(page: Page, root: str) -> None:
    """Check the page has the site's styles, and its home link opens the home page."""
    masthead = page.eval_on_selector(".masthead", "e => getComputedStyle(e).borderBottomStyle")
    assert masthead == "solid"  # the stylesheet's rule; an unstyled header has none
    width = page.eval_on_selector("main", "e => getComputedStyle(e).maxWidth")
    assert width != "none"
    page.click("text=Go to the latest stories")
    page.wait_for_load_state()
    assert page.url in (root + "archive/", root + "archive/index.html")
    assert page.locator(".card-title a", has_text="Storm hits coast").count() == 1


def test_404_with_base_url_is_styled_and_its_links_work(page, host, tmp_path) -> None:  # type: ignore[no-untyped-def]
    root, www = host
    built_into(www, tmp_path, "--base-url", root + "archive/")
    response = page.goto(root + MISSING)
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert_styled_with_working_links(page, root)


def test_404_without_base_url_is_styled_and_finds_the_site_root(page, host, tmp_path) -> None:  # type: ignore[no-untyped-def]
    root, www = host
    built_into(www, tmp_path)
    response = page.goto(root + MISSING)
    assert response is not None and response.status == 404
    page.wait_for_selector("html[data-root]")
    assert page.get_attribute("html", "data-root") == "/archive/"
    assert_styled_with_working_links(page, root)


def test_404_page_does_not_depend_on_its_depth(build_site_from) -> None:  # type: ignore[no-untyped-def]
    built = build_site_from(ARTICLES)
    page = built.page("404.html")
    assert "<style>" in page and 'rel="stylesheet"' not in page  # no link relative to the page
    assert "<base" not in page


def test_404_page_with_base_url_links_absolutely(build_site_from) -> None:  # type: ignore[no-untyped-def]
    built = build_site_from(ARTICLES, "--base-url", "https://example.org/archive/")
    page = built.page("404.html")
    assert '<link rel="stylesheet" href="https://example.org/archive/static/style.css">' in page
    assert '<a href="https://example.org/archive/">Go to the latest stories</a>' in page
    assert "<base" not in page and 'href="index.html"' not in page
