"""Shared test helpers: build a whole site from files written inline (Hugo's hugolib.Test style)."""

from __future__ import annotations

import hashlib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsarchive import executor
from newsarchive.cli import main

ROOT = Path(__file__).resolve().parent.parent
# The two written-to-shape stand-ins the tests were built on; articles/ holds the real seeds.
SAMPLES = ROOT / "tests" / "fixtures" / "standins"
CHROMIUM = "/usr/bin/chromium"  # Debian's Chromium; Playwright never downloads a browser here
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(autouse=True)
def _pooled_under_a_named_start_method(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the suite runs under a named start method (NEWSARCHIVE_START_METHOD, as CI's
    second run does), every build reads and renders in worker processes, however small."""
    if os.environ.get(executor.START_METHOD):
        monkeypatch.setattr(executor, "POOL_FROM", 1)


@pytest.fixture
def in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read and render in the test's own process whatever the start method: for a test that
    watches what rendering does by patching it here."""
    monkeypatch.setattr(executor, "POOL_FROM", 10**9)


@dataclass
class Built:
    """The result of building a site in a temporary folder."""

    code: int
    out: str
    err: str
    dist: Path
    articles: Path

    def page(self, path: str) -> str:
        """Return the text of an output file, relative to dist/."""
        return (self.dist / path).read_text(encoding="utf-8")

    def exists(self, path: str) -> bool:
        """Tell whether an output file exists."""
        return (self.dist / path).is_file()

    def html_files(self) -> list[Path]:
        """Return every HTML page of the site."""
        return sorted(self.dist.rglob("*.html"))

    def article_path(self, source: str) -> str:
        """Return the output path of the article built from a source file."""
        import json

        records = json.loads(self.page("articles.json"))
        return next(r["url"] for r in records if r["source"] == source)


def tree(folder: Path) -> dict[str, str]:
    """Return the content hash of every file under a folder, by relative path."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file()
    }


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    """Write files (text as UTF-8, bytes as they are) under root."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.fixture
def build_site_from(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Return a function that builds a site from {"articles/a.txt": "..."} and returns Built."""

    def build(files: dict[str, str | bytes], *args: str, output: str = "dist") -> Built:
        write_files(tmp_path, files)
        articles = tmp_path / "articles"
        articles.mkdir(exist_ok=True)
        dist = tmp_path / output
        argv = ["--articles", str(articles), "--output", str(dist), *args]
        if "--config" not in args:
            argv += ["--config", str(_config(tmp_path))]
        code = main(argv)
        captured = capsys.readouterr()
        return Built(code, captured.out, captured.err, dist, articles)

    return build


def _config(root: Path) -> Path:
    """Return the site.yaml under root, creating an empty one so the repo's is never read."""
    path = root / "site.yaml"
    if not path.exists():
        path.write_text("", encoding="utf-8")
    return path


LINK = re.compile(r'(?:href|src)="([^"#?]*)[^"]*"')


def internal_links(html: str) -> list[str]:
    """Return the internal (relative) link targets in a page."""
    return [
        link
        for link in LINK.findall(html)
        if link and not re.match(r"^[a-z][a-z0-9+.-]*:", link) and not link.startswith("//")
    ]


def build_at(root: Path, *args: str) -> tuple[int, str, str]:
    """Build root/articles into root/dist with root/site.yaml (created empty if missing)."""
    _config(root)
    return run_cli(
        "--articles",
        str(root / "articles"),
        "--output",
        str(root / "dist"),
        "--config",
        str(root / "site.yaml"),
        *args,
    )


def run_cli(*argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process, returning (exit code, stdout, stderr)."""
    import contextlib

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    """Launch Debian's Chromium once per test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    """Open a fresh page in the module's browser that fails the test on any script error."""
    opened = browser.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    opened.close()
    assert errors == []


def store_of(dist: Path, root: Path | None = None) -> Path:
    """Return the build cache folder of an output built with the config in root (by default
    the output's parent, as `build_site_from` and `build_at` build): root/.newsarchive/<out>."""
    from newsarchive import cache

    return cache.folder_for((root or dist.parent) / ".newsarchive", dist)


def people_in(text: str) -> set[str]:
    """Return the person names (sure or not) that entity extraction finds in one paragraph."""
    from newsarchive.entities import candidates

    return {name for kind, name in candidates("", [text]) if kind.rstrip("?") == "person"}


def kinds_in(text: str) -> dict[str, str]:
    """Return each candidate name entity extraction finds in one paragraph, with its kind."""
    from newsarchive.entities import candidates

    return {name: kind for kind, name in candidates("", [text])}


def published_pages(*texts: str) -> dict[tuple[str, str], tuple[int, ...]]:
    """Return the published entity pages of these one-paragraph articles (numbered from 0),
    by kind and name, with the articles each lists."""
    from newsarchive.entities import candidates
    from newsarchive.entity_catalog import gather

    docs = [(i, candidates("", [text])) for i, text in enumerate(texts)]
    return {(e.kind, e.name): e.articles for e in gather(docs).published}
