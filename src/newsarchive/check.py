"""Verify a built site: links and assets resolve, pages parse as HTML5, feeds and JSON-LD parse.

`python build.py check [DIR]` prints one line per error (`path:line: message`), then a summary,
and exits 0 when the site is clean, 1 otherwise. See docs/robustness.md for what is checked.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import posixpath
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import unquote, urlsplit

from .errors import printable
from .notfound import ROOT_FINDER

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
UNSAFE_SCHEMES = ("javascript", "vbscript", "data")
LINK_ATTRIBUTES = ("href", "src")
# html5lib parse errors that are not errors in the HTML Living Standard: none so far.
TOLERATED: frozenset[str] = frozenset()
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


@dataclass(frozen=True, slots=True)
class Finding:
    """One error in a built site, told as `path:line: message`."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(slots=True)
class Result:
    """What a check looked at and what it found."""

    findings: list[Finding] = field(default_factory=list)
    pages: int = 0
    feeds: int = 0
    others: int = 0


class _Scanner(HTMLParser):
    """Collect a page's links, ids and JSON-LD blocks, with their line numbers, and what a
    page of this site never holds: inline scripts (but the 404 page's own, `ROOT_FINDER`),
    event handlers, an id given twice."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str]] = []
        self.ids: set[str] = set()
        self.jsonld: list[tuple[int, str]] = []
        self.unsafe: list[tuple[int, str]] = []  # (line, what)
        self._in_jsonld = False
        self._inline: tuple[int, str] | None = None  # an open inline script: line, text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record the links and id of a tag; note where a JSON-LD block opens."""
        line, values = self.getpos()[0], dict(attrs)
        self.links += [(line, str(values[n])) for n in LINK_ATTRIBUTES if values.get(n)]
        if values.get("id"):
            if str(values["id"]) in self.ids:
                self.unsafe.append((line, f"id {values['id']!r} is given twice on this page"))
            self.ids.add(str(values["id"]))
        self.unsafe += [
            (line, f"<{tag}> has an event handler attribute {name!r}")
            for name, _ in attrs
            if name.lower().startswith("on")
        ]
        self._in_jsonld = tag == "script" and values.get("type") == "application/ld+json"
        if self._in_jsonld:
            self.jsonld.append((line, ""))
        elif tag == "script" and not values.get("src"):
            self._inline = (line, "")

    def handle_data(self, data: str) -> None:
        """Collect the text of an open JSON-LD block or inline script."""
        if self._in_jsonld:
            self.jsonld[-1] = (self.jsonld[-1][0], self.jsonld[-1][1] + data)
        elif self._inline is not None:
            self._inline = (self._inline[0], self._inline[1] + data)

    def handle_endtag(self, tag: str) -> None:
        """Close a JSON-LD block; report an inline script that is not the 404 page's own."""
        self._in_jsonld = False
        if self._inline is not None and self._inline[1] != ROOT_FINDER:
            where = self._inline[0]
            self.unsafe.append((where, "inline <script>; scripts must be files (script src=...)"))
        self._inline = None

    def close(self) -> None:
        """Report an inline script left open at the end of the page."""
        super().close()
        self.handle_endtag("script")


def check_site(root: Path, jobs: int | None = None) -> Result:
    """Check every page, feed, sitemap and manifest of a built site; the pages in a pool of
    `jobs` processes (every core) when there are many (`executor`): html5lib parses a page
    in ~20 ms."""
    from . import executor

    result = Result()
    result.findings.extend(search_index_errors(root))
    paths = sorted(p for p in root.rglob("*") if p.is_file() and not _hidden(root, p))
    pages = [path.as_posix() for path in paths if path.suffix == ".html"]
    run = executor.for_work(len(pages), jobs)
    checked = iter(run.map(_check_page, pages, Path, root.as_posix(), chunksize=PAGES_A_TASK))
    for path in paths:
        if path.suffix == ".html":
            result.pages += 1
            result.findings.extend(next(checked))
        elif path.suffix == ".xml":
            result.feeds += 1
            result.findings.extend(check_xml(root, path))
        elif path.name == "articles.json" and path.parent == root:
            result.others += 1
            result.findings.extend(check_manifest(root, path))
    return result


PAGES_A_TASK = 32  # pages a worker checks at a time


def _check_page(root: Path, page: str) -> list[Finding]:
    """Check one page (a step of `executor`: the root is its context)."""
    return check_page(root, Path(page))


def _hidden(root: Path, path: Path) -> bool:
    """Tell whether a file is hidden (the build marker), so not part of the site."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def check_page(root: Path, path: Path) -> list[Finding]:
    """Check one HTML page: UTF-8, HTML5 parse errors, links and JSON-LD."""
    rel = path.relative_to(root).as_posix()
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return [Finding(rel, f"is not valid UTF-8 ({error.reason} at byte {error.start})")]
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return [
        *html5_errors(rel, text),
        *link_errors(root, path, scanner),
        *jsonld_errors(rel, scanner),
        *(Finding(rel, what, line) for line, what in scanner.unsafe),
    ]


def html5_errors(rel: str, text: str) -> list[Finding]:
    """Return the HTML5 parse errors that html5lib reports for a page."""
    html5lib: Any = importlib.import_module("html5lib")  # untyped library
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(text)
    messages: dict[str, str] = html5lib.constants.E
    found = []
    for (line, column), code, data in parser.errors:
        if code not in TOLERATED:
            message = messages.get(code, code) % (data or {})
            found.append(Finding(rel, f"column {column}: {message} [{code}]", line))
    return found


def link_errors(root: Path, page: Path, scan: _Scanner) -> list[Finding]:
    """Return the links of a page that do not lead to a file of the site."""
    rel = page.relative_to(root).as_posix()
    found = []
    for line, link in scan.links:
        problem = link_problem(root, page, link, scan.ids)
        if problem:
            found.append(Finding(rel, f"{problem}: {link!r}", line))
    return found


def link_problem(root: Path, page: Path, link: str, ids: set[str]) -> str:
    """Say what is wrong with one link, or return "" when it is fine or external."""
    scheme = _SCHEME.match(link.strip())
    if scheme:
        return "unsafe URL scheme" if scheme.group(1).lower() in UNSAFE_SCHEMES else ""
    if link.startswith("//"):
        return ""
    parts = urlsplit(link)
    if not parts.path:
        missing = parts.fragment and unquote(parts.fragment) not in ids
        return "no element on this page has that id" if missing else ""
    if parts.path.startswith("/"):
        return "root-relative link; it breaks from file:// and under a subpath"
    return _target_problem(root, page, unquote(parts.path))


def _target_problem(root: Path, page: Path, target: str) -> str:
    """Say what is wrong with a relative link target, or return ""."""
    folder = page.parent.relative_to(root).as_posix()
    joined = posixpath.normpath(posixpath.join(folder, target))
    if joined == ".." or joined.startswith("../"):
        return "leaves the site folder"
    resolved = root / joined
    if target.endswith("/") or resolved.is_dir():
        return "names a folder, which fails from file://; link to its index.html"
    return "" if resolved.is_file() else "broken link (no such file)"


def search_index_errors(root: Path) -> list[Finding]:
    """Return the files the site's search indexes name that it lacks: the file:// index's
    shards its manifest counts, and each Pagefind bundle's metadata and WebAssembly."""
    found: list[Finding] = []
    manifest = root / "search-index" / "manifest.js"
    if (root / "search" / "index.html").is_file() and not manifest.is_file():
        found.append(Finding("search-index/manifest.js", "is missing; search cannot work"))
    if manifest.is_file():
        found += _missing(root, "search-index", _index_files(manifest), manifest)
    bundle = root / "pagefind"
    for entry in sorted(bundle.rglob("pagefind-entry.json")):
        own, shared = _bundle(entry)
        found += _missing(root, entry.parent.relative_to(root).as_posix(), own, entry)
        found += _missing(root, "pagefind", shared, entry)  # every bundle's code is the first's
    return found


def _index_files(manifest: Path) -> list[str]:
    """Return the file names the file:// search index's manifest says it has."""
    text = manifest.read_text(encoding="utf-8", errors="replace")
    start, end = text.find("{"), text.rfind("}")
    try:
        data = json.loads(text[start : end + 1])
        names = [f"t{n:04d}.js" for n in range(len(data["shards"]))]
        names += [f"d{n:04d}.js" for n in range(-(-int(data["docs"]) // int(data["per"])))]
        names += [f"s{n:03d}.js" for n in range(len(data["sections"]))]
        names += [f"w{n:03d}.js" for n in range(len(data.get("words", ())))]
        return names + [f"y{int(year):04d}.js" for year in data["years"]]
    except (ValueError, KeyError, TypeError):
        return ["(a manifest.js that parses)"]


def _bundle(entry: Path) -> tuple[list[str], list[str]]:
    """Return the file names a Pagefind bundle's entry file says it has: its own (the index's
    metadata), and Pagefind's code and WebAssembly, which the first bundle (`pagefind/`) holds
    for itself and for the parts merged into it (`pagefind/part-N/`, index files only)."""
    try:
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"].values()
        own = [f"pagefind.{language['hash']}.pf_meta" for language in languages]
        code = ["pagefind.js", *(f"wasm.{language['wasm']}.pagefind" for language in languages)]
    except (ValueError, KeyError, TypeError, AttributeError):
        return ["(a pagefind-entry.json that parses)"], []
    return own, code


def _missing(root: Path, folder: str, names: list[str], named_by: Path) -> list[Finding]:
    """Return a finding for each of the names that is not a file in the folder."""
    by = named_by.relative_to(root).as_posix()
    return [
        Finding(f"{folder}/{name}", f"is missing (named by {by}); search fails without it")
        for name in names
        if not (root / folder / name).is_file()
    ]


def jsonld_errors(rel: str, scan: _Scanner) -> list[Finding]:
    """Return the JSON-LD blocks of a page that do not parse as a JSON object."""
    found = []
    for line, text in scan.jsonld:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            found.append(Finding(rel, f"JSON-LD does not parse: {error}", line))
            continue
        if not isinstance(data, dict) or "@context" not in data:
            found.append(Finding(rel, "JSON-LD is not an object with an @context", line))
    return found


def check_xml(root: Path, path: Path) -> list[Finding]:
    """Check an XML file: well-formed, and a complete Atom feed or a sitemap."""
    rel = path.relative_to(root).as_posix()
    try:
        tree = ET.parse(path)
    except ET.ParseError as error:
        return [Finding(rel, f"XML does not parse: {error}", error.position[0])]
    top = tree.getroot()
    if top.tag == f"{ATOM}feed":
        return feed_errors(root, path, top)
    if top.tag == f"{SITEMAP}urlset":
        return []
    return [Finding(rel, f"unexpected XML document <{top.tag}>")]


def feed_errors(root: Path, path: Path, feed: ET.Element) -> list[Finding]:
    """Check an Atom feed: required elements, dates and links of the feed and its entries."""
    rel = path.relative_to(root).as_posix()
    found = [Finding(rel, problem) for problem in _atom_problems(feed, "feed")]
    for number, entry in enumerate(feed.findall(f"{ATOM}entry"), start=1):
        found += [Finding(rel, f"entry {number}: {p}") for p in _atom_problems(entry, "entry")]
    for link in feed.iter(f"{ATOM}link"):
        href = link.get("href", "")
        problem = link_problem(root, path, href, set())
        if problem:
            found.append(Finding(rel, f"{problem}: {href!r}"))
    return found


def _atom_problems(element: ET.Element, what: str) -> list[str]:
    """Return what an Atom feed or entry lacks: title, id, a valid updated date, a link."""
    problems = [
        f"{what} has no <{name}>"
        for name in ("title", "id", "updated", "link")
        if element.find(f"{ATOM}{name}") is None
    ]
    updated = element.findtext(f"{ATOM}updated")
    if updated is not None:
        try:
            dt.datetime.fromisoformat(updated)
        except ValueError:
            problems.append(f"{what} <updated> {updated!r} is not an RFC 3339 date")
    return problems


def check_manifest(root: Path, path: Path) -> list[Finding]:
    """Check articles.json: it parses, and every record's url names a page of the site."""
    rel = path.relative_to(root).as_posix()
    try:
        records = json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return [Finding(rel, f"does not parse as JSON: {error}")]
    if not isinstance(records, list):
        return [Finding(rel, "is not a list of records")]
    urls = [r.get("url") if isinstance(r, dict) else None for r in records]
    return [
        Finding(rel, f"record {number} url {url!r} names no page of the site")
        for number, url in enumerate(urls, start=1)
        if not _is_page(root, url)
    ]


def _is_page(root: Path, url: object) -> bool:
    """Tell whether a manifest url names an HTML file inside the site."""
    if not isinstance(url, str) or url.startswith("/") or ".." in url.split("/"):
        return False
    return url.endswith(".html") and (root / url).is_file()


def main(root: Path, out: TextIO = sys.stdout) -> int:
    """Check a built site, print every error and a summary; return 0 when clean, else 1."""
    if not root.is_dir():
        print(
            f"error: {root} is not a folder; build the site first or pass its folder",
            file=sys.stderr,
        )
        return 1
    result = check_site(root)
    for finding in result.findings:
        print(printable(f"{root}/{finding}"), file=out)
    verdict = f"{len(result.findings):,} error(s)" if result.findings else "no errors"
    print(
        f"Checked {result.pages:,} page(s), {result.feeds:,} XML file(s) and {result.others:,} "
        f"manifest(s) in {root}/: {verdict}.",
        file=out,
    )
    return 1 if result.findings else 0
