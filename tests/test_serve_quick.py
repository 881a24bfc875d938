"""serve's quick pass: an edited article's page is shown before the full rebuild, which then
leaves the output a cold build would make; what a quick pass cannot show waits for the rebuild."""

from __future__ import annotations

import io
import json
import os
import shutil
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from newsarchive import config, livereload, quick
from newsarchive.builder import Paths, build
from newsarchive.livereload import Status
from newsarchive.models import Output, Site
from newsarchive.render import Frame
from newsarchive.serve import Project, Server, index_search, start

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, run_cli, tree, write_files

WAIT = 30.0  # seconds anything may take on a loaded machine
HARBOUR = "articles/world/2023-01-05-harbour.md"
HARBOUR_PAGE = "articles/harbour-reopens-after-the-storm/index.html"
SITE = {
    HARBOUR: (
        "---\ntitle: Harbour reopens after the storm\ndate: 2023-01-05\ntags: [weather]\n---\n\n"
        "Fishing boats returned to the harbour on Monday.\n"
    ),
    "articles/world/2023-01-06-ferry.md": (
        "---\ntitle: Ferry service resumes\ndate: 2023-01-06\ntags: [weather]\n---\n\n"
        "The ferry to the islands sailed again after the storm at the harbour.\n"
    ),
    "articles/sport/2023-02-01-final.md": (
        "---\ntitle: Cup final ends in a draw\ndate: 2023-02-01\n---\n\n"
        "Both teams scored twice at the national stadium.\n"
    ),
    "site.yaml": "title: The Test Gazette\npagefind: false\n",
}


class HeldTerminal(io.StringIO):
    """serve's terminal, holding serve's thread on the first line `hold` says to hold on,
    until the test lets go: what serve does after that line waits for the test."""

    def __init__(self, hold: Callable[[str, str], bool]) -> None:
        super().__init__()
        self.hold = hold  # given each line and what was written before it
        self.held = threading.Event()
        self.go = threading.Event()

    def write(self, text: str) -> int:
        before = self.getvalue()
        written = super().write(text)
        if not self.held.is_set() and self.hold(text, before):
            self.held.set()
            self.go.wait(WAIT)
        return written


def quick_pass_line(text: str, _: str) -> bool:
    """Hold serve on the line saying a quick pass showed pages: before the full rebuild."""
    return text.startswith("Showing ")


def second_summary(text: str, before: str) -> bool:
    """Hold serve on the summary of its second build: the first rebuild, still running."""
    return text.startswith("Read 3 articles") and "Read 3 articles" in before


def project_in(root: Path) -> Project:
    """Return the serve project for the site under root."""
    paths = Paths(
        root / "articles", root / "dist", ROOT / "templates", ROOT / "static", root / ".newsarchive"
    )
    return Project(paths, root / "site.yaml")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Write the three-article site; return its folder."""
    write_files(tmp_path, SITE)
    return tmp_path


@pytest.fixture
def held(site: Path) -> Iterator[tuple[Server, HeldTerminal]]:
    """Serve the site with a terminal that holds serve after a quick pass; stop it afterwards."""
    out = HeldTerminal(quick_pass_line)
    server = start(project_in(site), "127.0.0.1", 0, out=out, err=io.StringIO())
    try:
        yield server, out
    finally:
        out.go.set()
        server.stop()


def eventually(check: Callable[[], bool], what: str) -> None:
    """Poll check until it is true, failing after WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while not check():
        assert time.monotonic() < deadline, f"not within {WAIT} s: {what}"
        time.sleep(0.05)


def cold_build(root: Path) -> dict[str, str]:
    """Build the site under root from scratch elsewhere; return its output's file hashes."""
    cold = root / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    folders = ["--articles", str(root / "articles"), "--output", str(cold / "dist")]
    options = ["--config", str(root / "site.yaml"), "--cache-dir", str(cold / "cache")]
    assert run_cli(*folders, *options)[0] == 0
    return tree(cold / "dist")


def get(server: Server, path: str) -> str:
    """Return the text of a page the server serves."""
    with urllib.request.urlopen(server.url + path, timeout=WAIT) as response:
        return str(response.read().decode("utf-8"))


def version(server: Server) -> int:
    """Return the build number open pages reload on (the version endpoint's)."""
    return int(json.loads(get(server, livereload.VERSION_PATH.lstrip("/")))["build"])


def test_an_edit_shows_in_its_page_before_the_full_rebuild_then_output_is_a_cold_builds(held):
    server, out = held
    source = server.project.paths.articles / HARBOUR[len("articles/") :]
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("Fishing boats", "Ferries"), encoding="utf-8")
    assert out.held.wait(WAIT), "no quick pass"
    page = get(server, HARBOUR_PAGE.removesuffix("index.html"))
    assert "Ferries returned" in page
    assert version(server) == 2  # open pages reload on it
    assert out.getvalue().count("Read 3 articles") == 1  # the full rebuild has not begun
    assert "Ferry service resumes" in page  # related links as the last build had them
    out.go.set()
    eventually(lambda: version(server) == 3, "the full rebuild")
    assert out.getvalue().count("Read 3 articles") == 2
    root = server.project.paths.articles.parent
    assert tree(root / "dist") == cold_build(root)


def test_a_save_while_a_rebuild_runs_is_shown_at_once_and_built_after(site):
    out = HeldTerminal(second_summary)
    server = start(project_in(site), "127.0.0.1", 0, out=out, err=io.StringIO())
    address = HARBOUR_PAGE.removesuffix("index.html")
    try:
        edit(site, HARBOUR, "Fishing boats", "Ferries")
        assert out.held.wait(WAIT), "no rebuild"
        edit(site, HARBOUR, "Ferries", "Yachts")
        eventually(lambda: "Yachts returned" in get(server, address), "the second edit shown")
        out.go.set()
        eventually(lambda: out.getvalue().count("Read 3 articles") == 3, "the second rebuild")
        assert "Yachts returned" in get(server, address)
        assert tree(site / "dist") == cold_build(site)
    finally:
        out.go.set()
        server.stop()


def test_a_file_that_no_longer_reads_is_said_as_before_and_waits_for_the_rebuild(site):
    out = io.StringIO()
    server = start(project_in(site), "127.0.0.1", 0, out=out, err=io.StringIO())
    try:
        (site / HARBOUR).write_text("", encoding="utf-8")
        eventually(lambda: version(server) == 2, "the rebuild")
        assert "Showing " not in out.getvalue()
        assert "harbour.md: is empty" in out.getvalue()
        assert not (site / "dist" / HARBOUR_PAGE).exists()
    finally:
        server.stop()


# The quick pass itself (quick.quick_pages), from a build's catalogue.


def catalogued(root: Path) -> quick.Catalogue:
    """Build the site under root; return what the build catalogued."""
    paths = project_in(root).paths
    kept: list[quick.Catalogue] = []

    def keep(site: Site, frame: Frame) -> None:
        kept.append(quick.Catalogue.of(site, frame, paths.templates))

    build(config.load(root / "site.yaml"), paths, catalogued=keep)
    return kept[0]


def quick_pages(last: quick.Catalogue, site: Path, *names: str) -> list[Output] | None:
    """What a quick pass shows for the named files of the site, changed since `last`."""
    return quick.quick_pages(last, project_in(site).paths, [str(site / n) for n in names])


def edit(root: Path, name: str, old: str, new: str) -> None:
    """Replace text in a file under root."""
    path = root / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_an_edit_gets_the_page_a_full_build_makes_when_it_moves_nothing(site):
    last = catalogued(site)
    edit(site, HARBOUR, "on Monday", "on Monday morning")
    pages = quick_pages(last, site, HARBOUR)
    assert pages is not None and [page.path for page in pages] == [HARBOUR_PAGE]
    assert b"on Monday morning" in pages[0].data
    catalogued(site)
    assert pages[0].data == (site / "dist" / HARBOUR_PAGE).read_bytes()


def test_a_new_title_is_shown_at_the_page_s_old_address(site):
    last = catalogued(site)
    edit(site, HARBOUR, "title: Harbour reopens after the storm", "title: Harbour opens again")
    pages = quick_pages(last, site, HARBOUR)
    assert pages is not None and [page.path for page in pages] == [HARBOUR_PAGE]
    assert b"Harbour opens again" in pages[0].data


def test_a_new_file_waits_for_the_full_build(site):
    last = catalogued(site)
    new = "articles/2023-03-03-bridge.md"
    write_files(site, {new: "---\ntitle: Bridge opens\n---\n\nA."})
    assert quick_pages(last, site, new) is None


def test_a_deleted_file_waits_for_the_full_build(site):
    last = catalogued(site)
    (site / HARBOUR).unlink()
    assert quick_pages(last, site, HARBOUR) is None


def test_a_file_that_no_longer_reads_waits_for_the_full_build(site):
    last = catalogued(site)
    (site / HARBOUR).write_text("", encoding="utf-8")
    assert quick_pages(last, site, HARBOUR) is None


def test_a_new_front_matter_slug_waits_for_the_full_build(site):
    last = catalogued(site)
    edit(site, HARBOUR, "date: 2023-01-05", "date: 2023-01-05\nslug: harbour-news")
    assert quick_pages(last, site, HARBOUR) is None


def test_a_config_or_template_change_waits_for_the_full_build(site):
    last = catalogued(site)
    edit(site, "site.yaml", "The Test Gazette", "The Gazette")
    paths = project_in(site).paths
    for other in (site / "site.yaml", paths.templates / "article.html"):
        changed = [str(other), str(site / HARBOUR)]
        assert quick.quick_pages(last, paths, changed) is None


def test_more_than_a_few_files_at_once_wait_for_the_full_build(site):
    extra = {f"articles/more/2023-03-0{n}-note.md": f"Note {n}\n\nText {n}.\n" for n in range(5)}
    write_files(site, extra)
    last = catalogued(site)
    for name in extra:
        edit(site, name, "Text", "More text")
    assert len(extra) > quick.MOST_FILES
    assert quick_pages(last, site, *extra) is None
    assert quick_pages(last, site, *list(extra)[:2]) is not None


def test_a_page_shown_again_when_a_build_commits_an_older_text(site):
    paths = project_in(site).paths
    settings = config.load(site / "site.yaml")
    passes = quick.QuickPass(paths)
    build(settings, paths, catalogued=passes.keep)
    edit(site, HARBOUR, "Fishing boats", "Ferries")
    older: list[tuple[Site, Frame]] = []
    build(settings, paths, catalogued=lambda site, frame: older.append((site, frame)))
    edit(site, HARBOUR, "Ferries", "Yachts")  # saved while that build ran: shown at once
    assert passes.show([str(site / HARBOUR)], Status(), io.StringIO())
    assert b"Yachts returned" in (site / "dist" / HARBOUR_PAGE).read_bytes()
    (site / "dist" / HARBOUR_PAGE).write_text("the build's page, with Ferries", "utf-8")
    passes.keep(*older[0])  # the build commits what it read
    assert b"Yachts returned" in (site / "dist" / HARBOUR_PAGE).read_bytes()
    assert not passes.settle("a later build fails", passes.builds - 1)
    assert passes.settle("a later build fails", passes.builds)
    assert (site / "dist" / HARBOUR_PAGE).read_text("utf-8") == "the build's page, with Ferries"


def test_serve_started_on_an_up_to_date_site_catalogues_it_in_the_background(site):
    project = project_in(site)
    settings = config.load(site / "site.yaml")
    build(settings, project.paths, defer_search=True)  # as serve's last build left it
    kept: list[Site] = []
    report = build(
        settings,
        project.paths,
        defer_search=True,
        catalogued=lambda site, frame: kept.append(site),
    )
    assert report.cached and not kept  # nothing changed: no catalogue
    index_search(project, io.StringIO(), lambda: False, lambda site, frame: kept.append(site))
    assert len(kept) == 1 and len(kept[0].entries) == 3
    before = tree(site / "dist")
    assert build(settings, project.paths).cached
    report = build(
        settings, project.paths, catalogued=lambda site, frame: kept.append(site), recatalogue=True
    )
    assert len(kept) == 2 and report.changed == 0 and tree(site / "dist") == before


def test_what_publish_replaced_is_put_back_by_restore(tmp_path):
    write_files(tmp_path, {"dist/a/index.html": "old page"})
    pages = [Output("a/index.html", b"new page"), Output("b.html", b"another")]
    (tmp_path / "dist/b.html").unlink(missing_ok=True)
    before = quick.publish(tmp_path / "dist", pages)
    assert (tmp_path / "dist/a/index.html").read_bytes() == b"new page"
    quick.restore(tmp_path / "dist", before)
    assert (tmp_path / "dist/a/index.html").read_bytes() == b"old page"
    assert not (tmp_path / "dist/b.html").exists()
    assert sorted(os.listdir(tmp_path / "dist")) == ["a"]


# Open pages: reloaded by the quick pass, and again only if the full rebuild changed them.


def test_an_open_page_the_full_rebuild_leaves_as_the_quick_pass_showed_is_not_reloaded(held):
    server, out = held
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(server.url + HARBOUR_PAGE.removesuffix("index.html"))
            edit(server.project.paths.articles.parent, HARBOUR, "Fishing boats", "Ferries")
            page.wait_for_function(
                "document.body.innerText.includes('Ferries returned')", timeout=WAIT * 1000
            )
            page.evaluate("window.stayed = true")
            out.go.set()  # now the full rebuild
            eventually(lambda: version(server) == 3, "the full rebuild")
            for _ in range(2):  # two answers that the build is 3: a reload would have begun
                with page.expect_response(lambda r: '"build": 3' in r.text()):
                    pass
            assert page.evaluate("window.stayed === true")
        finally:
            browser.close()


def test_the_version_endpoint_says_which_build_changed_more_than_pages():
    status = Status()
    status.finish(None, changed=True)
    status.finish(None, changed=True, pages_only=True)
    status.reload()
    state = json.loads(status.as_json(lambda: b"<p>page</p>"))
    assert state["build"] == 3 and state["assets"] == 1
    assert state["page"] == livereload.digest(b"<p>page</p>")
    assert json.loads(status.as_json()) == {"build": 3, "error": None}
    assert json.loads(status.as_json(lambda: None))["page"] is None
