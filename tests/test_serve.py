"""`serve`: pages over HTTP on loopback, rebuild on change, errors shown, live reload in a browser."""

from __future__ import annotations

import http.client
import io
import json
import os
import shutil
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import watchfiles
from playwright.sync_api import sync_playwright

from newsarchive import livereload
from newsarchive.builder import Paths
from newsarchive.livereload import Status
from newsarchive.serve import WATCH_TICK_MS, Project, Server, start
from newsarchive.watching import SourceFilter, net_changes

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, run_cli, store_of, write_files

WAIT = 10.0  # seconds any change may take to show
HARBOUR = "Harbour reopens after the storm"
ARTICLES = {
    "articles/world/2023-01-05-harbour.md": (
        f"---\ntitle: {HARBOUR}\ndate: 2023-01-05\ntags: [weather]\n---\n\n"
        "Fishing boats returned to the harbour on Monday.\n"
    ),
    "articles/sport/2023-02-01-final.md": (
        "---\ntitle: Cup final ends in a draw\ndate: 2023-02-01\n---\n\n"
        "Both teams scored twice at the national stadium.\n"
    ),
}
BROKEN = "{{ no_such_name }}"


@dataclass
class Served:
    """A running serve of a site in a temporary folder."""

    server: Server
    root: Path
    out: io.StringIO
    err: io.StringIO

    @property
    def url(self) -> str:
        """Return the base URL of the server."""
        return self.server.url

    def get(self, path: str) -> tuple[int, str]:
        """Return the status and text of a GET for a path on the server."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=WAIT) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def version(self) -> dict[str, object]:
        """Return what the version endpoint says."""
        status, text = self.get(livereload.VERSION_PATH.lstrip("/"))
        assert status == 200
        data: dict[str, object] = json.loads(text)
        return data


def project_in(root: Path) -> Project:
    """Return the serve project for a site under root, with its own copy of the theme."""
    if not (root / "templates").exists():
        shutil.copytree(ROOT / "templates", root / "templates")
    paths = Paths(
        root / "articles", root / "dist", root / "templates", ROOT / "static", root / ".newsarchive"
    )
    return Project(paths, root / "site.yaml")


def serving(root: Path, watch: bool = True) -> Served:
    """Start serve on a free loopback port for the site under root."""
    out, err = io.StringIO(), io.StringIO()
    server = start(project_in(root), "127.0.0.1", 0, watch=watch, out=out, err=err)
    return Served(server, root, out, err)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """Serve the two-article site, watching for changes; stop it afterwards."""
    write_files(tmp_path, {**ARTICLES, "site.yaml": "title: The Test Gazette\n"})
    running = serving(tmp_path)
    try:
        yield running
    finally:
        running.server.stop()


def eventually(check: Callable[[], bool], what: str) -> None:
    """Poll check until it is true, failing after WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while not check():
        assert time.monotonic() < deadline, f"not within {WAIT} s: {what}"
        time.sleep(0.1)


def replace_file(path: Path, text: str) -> None:
    """Replace a file's contents the way many editors save: write beside it, then rename."""
    temporary = path.with_name(path.name + ".saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def test_pages_are_served_with_the_reload_script_that_dist_never_holds(served):
    status, home = served.get("")
    assert status == 200
    assert "The Test Gazette" in home and HARBOUR in home
    assert "data-newsarchive-livereload" in home
    assert home.index("data-newsarchive-livereload") < home.rindex("</body>")
    for page in (served.root / "dist").rglob("*.html"):
        assert "newsarchive-livereload" not in page.read_text(encoding="utf-8"), page
    status, css = served.get("static/style.css")
    assert status == 200 and "--accent" in css and "livereload" not in css


def test_version_endpoint_starts_at_build_one_without_error(served):
    assert served.version() == {"build": 1, "error": None}
    assert "Read 2 articles" in served.out.getvalue()


def test_missing_page_gets_the_404_page_with_a_root_base(served):
    status, text = served.get("no/such/page/")
    assert status == 404
    assert "Page not found" in text
    assert '<base href="/">' in text  # so its relative links work at any depth


def raw_get(served: Served, path: str) -> tuple[int, str | None, str]:
    """GET a path as sent (no redirects followed, no ".." folded); return status, Location, body."""
    connection = http.client.HTTPConnection("127.0.0.1", served.server.httpd.server_address[1])
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.getheader("Location"), response.read().decode("utf-8")
    finally:
        connection.close()


def test_folder_without_slash_redirects_to_the_folder(served):
    status, location, _ = raw_get(served, "/archive")
    assert status == 301
    assert location == "/archive/"


def test_paths_outside_the_output_folder_are_not_served(served):
    status, _, body = raw_get(served, "/../site.yaml")
    assert status == 404
    assert "title: The Test Gazette" not in body


def test_editing_an_article_rebuilds_the_page_and_bumps_the_version(served):
    source = served.root / "articles/world/2023-01-05-harbour.md"
    source.write_text(source.read_text().replace("Fishing boats", "Ferries"), encoding="utf-8")
    eventually(lambda: served.version()["build"] == 3, "the quick reload, then the rebuild")
    status, page = served.get("articles/harbour-reopens-after-the-storm/")
    assert status == 200
    assert "Ferries returned to the harbour" in page
    assert "Changed: " in served.out.getvalue() and "harbour.md" in served.out.getvalue()


def test_a_new_article_appears_on_the_home_page(served):
    write_files(
        served.root,
        {"articles/2023-03-03-bridge.md": "---\ntitle: Bridge opens\ndate: 2023-03-03\n---\n\nA."},
    )
    eventually(lambda: served.version() == {"build": 2, "error": None}, "a rebuild")
    assert "Bridge opens" in served.get("")[1]


def test_template_error_is_reported_and_the_last_good_site_kept_until_fixed(served):
    base = served.root / "templates/base.html"
    good = base.read_text(encoding="utf-8")
    base.write_text(good.replace("</footer>", f"</footer>{BROKEN}"), encoding="utf-8")
    eventually(lambda: served.version()["error"] is not None, "the error is reported")
    state = served.version()
    assert state["build"] == 1
    assert "base.html" in str(state["error"]) and "no_such_name" in str(state["error"])
    assert "error: template base.html" in served.err.getvalue()
    status, home = served.get("")
    assert status == 200 and HARBOUR in home
    base.write_text(good.replace("</footer>", "</footer><!-- fixed -->"), encoding="utf-8")
    eventually(lambda: served.version() == {"build": 2, "error": None}, "recovery")
    assert "<!-- fixed -->" in served.get("")[1]


def test_config_saved_by_replacing_the_file_rebuilds_every_time(served):
    config = served.root / "site.yaml"
    for number in (1, 2):
        replace_file(config, f"title: Gazette edition {number}\n")
        eventually(lambda n=number: served.version()["build"] == n + 1, f"config edit {number}")
        assert f"Gazette edition {number}" in served.get("")[1]


def test_writing_and_fixing_entities_yaml_rebuilds(served):
    entities = served.root / "entities.yaml"
    replace_file(entities, "kindz: {}\n")
    eventually(lambda: "kindz" in str(served.version()["error"]), "entities.yaml written")
    assert "entities.yaml:1: unknown key 'kindz'" in str(served.version()["error"])
    replace_file(entities, "block: [Harbour]\n")
    eventually(lambda: served.version()["error"] is None, "entities.yaml fixed")


def test_a_failed_first_build_serves_the_error_then_the_site_once_fixed(tmp_path):
    write_files(tmp_path, {**ARTICLES, "site.yaml": "per_page: many\n"})
    running = serving(tmp_path)
    try:
        assert running.version()["build"] == 0
        assert "per_page" in str(running.version()["error"])
        status, page = running.get("")
        assert status == 503
        assert "The site has not been built yet" in page and "per_page" in page
        assert "data-newsarchive-livereload" in page
        replace_file(tmp_path / "site.yaml", "per_page: 5\n")
        eventually(lambda: running.version() == {"build": 1, "error": None}, "recovery")
        assert HARBOUR in running.get("")[1]
    finally:
        running.server.stop()


def test_no_watch_serves_plain_pages_and_does_not_rebuild(tmp_path):
    write_files(tmp_path, {**ARTICLES, "site.yaml": ""})
    running = serving(tmp_path, watch=False)
    try:
        status, home = running.get("")
        assert status == 200 and HARBOUR in home
        assert "newsarchive-livereload" not in home
        assert running.server.threads and len(running.server.threads) == 1  # HTTP only
    finally:
        running.server.stop()


def test_stop_ends_every_thread_and_frees_the_port(served):
    port = served.server.httpd.server_address[1]
    served.server.stop()
    assert not any(thread.is_alive() for thread in served.server.threads)
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0


def test_cli_serve_says_when_the_port_is_taken(tmp_path):
    write_files(tmp_path, {**ARTICLES, "site.yaml": ""})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run_cli(
            "serve",
            "--port",
            str(port),
            "--articles",
            str(tmp_path / "articles"),
            "--output",
            str(tmp_path / "dist"),
            "--config",
            str(tmp_path / "site.yaml"),
        )
    assert code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in err and "try --port" in err


def test_cli_serve_without_articles_folder_is_a_usage_error(tmp_path):
    code, _, err = run_cli("serve", "--articles", str(tmp_path / "missing"), "--port", "0")
    assert code == 2
    assert "articles folder" in err


def test_cli_serve_help_lists_its_options():
    code, out, _ = run_cli("serve", "--help")
    assert code == 0
    for option in ("--port", "--host", "--no-watch"):
        assert option in out


def test_inject_goes_before_the_last_body_end_tag():
    page = b"<html><body><pre>&lt;/body&gt;</pre>\n</BODY>\n</html>"
    injected = livereload.inject(page, 7)
    assert injected.index(b"var built = 7") < injected.rindex(b"</BODY>")
    assert injected.startswith(b"<html><body><pre>&lt;/body&gt;</pre>")
    assert livereload.inject(b"no body", 1).startswith(b"no body<script")


def test_root_base_is_added_only_where_there_is_none():
    assert b'<head>\n<base href="/">' in livereload.with_root_base(b"<html><head></head></html>")
    kept = b'<head><base href="https://example.org/"></head>'
    assert livereload.with_root_base(kept) == kept


def test_unbuilt_page_escapes_the_error():
    page = livereload.unbuilt_page("template <x>.html: bad & worse", 0).decode("utf-8")
    assert "template &lt;x&gt;.html: bad &amp; worse" in page
    assert "<x>" not in page


def test_status_counts_only_successful_builds_that_changed_files():
    status = Status()
    status.finish(None, changed=False)
    assert (status.build, status.error) == (1, None)  # the first good build is build 1
    status.finish(None, changed=False)
    assert status.build == 1
    status.finish("broken", changed=False)
    assert (status.build, status.error) == (1, "broken")
    status.finish(None, changed=True)
    assert (status.build, status.error) == (2, None)
    assert json.loads(status.as_json()) == {"build": 2, "error": None}


def test_editor_temporaries_are_not_changes():
    added, deleted, modified = (
        watchfiles.Change.added,
        watchfiles.Change.deleted,
        watchfiles.Change.modified,
    )
    changes = {(added, "/a/.x.swp~"), (deleted, "/a/.x.swp~"), (modified, "/a/x.md")}
    assert net_changes(changes) == {"/a/x.md"}


def test_source_filter_ignores_the_output_and_the_build_cache(tmp_path):
    wanted = SourceFilter(tmp_path / "dist", tmp_path / ".newsarchive")
    modified = watchfiles.Change.modified
    assert wanted(modified, str(tmp_path / "articles/a.md"))
    assert not wanted(modified, str(tmp_path / "dist/index.html"))
    assert not wanted(modified, str(tmp_path / ".newsarchive/dist-0a1b/staging/index.html"))
    assert not wanted(modified, str(tmp_path / ".newsarchive/dist-0a1b/store.sqlite-wal"))
    assert not wanted(modified, str(tmp_path / "articles/.a.md.swp"))


def test_open_page_reloads_on_change_and_shows_a_failed_rebuild(served):
    source = served.root / "articles/world/2023-01-05-harbour.md"
    base = served.root / "templates/base.html"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(served.url + "articles/harbour-reopens-after-the-storm/")
            source.write_text(source.read_text().replace("Fishing boats", "Ferries"))
            page.wait_for_function(
                "document.body.innerText.includes('Ferries returned')", timeout=WAIT * 1000
            )
            # shown by the quick pass: the page is the last good one once the rebuild is done
            eventually(lambda: served.version()["build"] == 3, "the rebuild after the edit")
            base.write_text(base.read_text().replace("</footer>", f"</footer>{BROKEN}"))
            overlay = page.locator("#newsarchive-build-error[role=alert]")
            overlay.wait_for(timeout=WAIT * 1000)
            assert "no_such_name" in overlay.inner_text()
            assert "Ferries returned" in page.inner_text("main")  # the last good page stays
            base.write_text(base.read_text().replace(BROKEN, ""))
            overlay.wait_for(state="detached", timeout=WAIT * 1000)
        finally:
            browser.close()


# Hostile clients and names: nothing stalls, nothing leaks, nothing stops the watcher.


def send_raw(served: Served, data: bytes) -> bytes:
    """Send bytes on a new connection; return all the server replies before it closes it."""
    port = served.server.httpd.server_address[1]
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as connection:
        connection.sendall(data)
        reply = b""
        while chunk := connection.recv(65536):
            reply += chunk
    return reply


@pytest.mark.parametrize(
    "line",
    [b"GARBAGE", b"\x16\x03\x01\x02\x00", b"GET / HTTP/9.9", b"GET /%00 HTTP/1.0", b"GET /\x00"],
    ids=["one word", "TLS hello", "HTTP 9.9", "NUL in the path", "raw NUL"],
)
def test_a_malformed_request_gets_a_status_line_and_no_traceback(served, line, capsys):
    reply = send_raw(served, line + b"\r\n\r\n")
    status = reply.split(b"\r\n")[0]
    assert status.startswith((b"HTTP/1.0 400 ", b"HTTP/1.0 505 ")), reply[:200]
    assert "Traceback" not in capsys.readouterr().err + served.err.getvalue()


def test_a_silent_connection_is_closed(served, monkeypatch):
    from newsarchive import serve_http

    monkeypatch.setattr(serve_http.Handler, "timeout", 0.2)
    assert send_raw(served, b"") == b""  # closed by the server: recv returns no bytes


def test_links_out_of_the_output_are_not_served(served):
    outside = served.root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET-1f2e", encoding="utf-8")
    (served.root / "dist" / "leak").symlink_to(outside, target_is_directory=True)
    (served.root / "dist" / "leak.txt").symlink_to(outside / "secret.txt")
    for path in ("/leak/secret.txt", "/leak.txt", "/leak/"):
        status, _, body = raw_get(served, path)
        assert status == 404 and "SECRET-1f2e" not in body, path


def test_a_folder_name_that_is_not_text_does_not_stop_the_watcher(served):
    os.mkdir(os.fsencode(served.root / "articles") + b"/bad \xff name")
    time.sleep(WATCH_TICK_MS / 1000 * 2)  # the watcher meets the name first
    (served.root / "articles" / "later.txt").write_text("A later story\n\nText.\n", "utf-8")
    eventually(lambda: "A later story" in served.get("")[1], "the new article")
    assert "stopped watching" not in served.err.getvalue()


def test_work_folders_a_killed_build_left_are_removed_by_the_next(tmp_path):
    write_files(tmp_path, {**ARTICLES, "site.yaml": ""})
    assert run_cli(*build_options(tmp_path))[0] == 0
    left = store_of(tmp_path / "dist") / "tmp" / "newsarchive-pagefind-killed"
    left.mkdir(parents=True)
    (left / "page.html").write_text("half done", encoding="utf-8")
    (tmp_path / "articles" / "new.txt").write_text("A new story\n\nText.\n", "utf-8")
    assert run_cli(*build_options(tmp_path))[0] == 0
    assert not left.parent.exists()


def build_options(root: Path) -> list[str]:
    """Return the command line that builds the site under root."""
    folders = ["--articles", str(root / "articles"), "--output", str(root / "dist")]
    return [*folders, "--config", str(root / "site.yaml")]
