"""Pagefind's index of the article pages, in stable parts: an edit re-indexes only its part.

Pagefind has no incremental mode: a run indexes every page it is given. So the pages are split
into parts by a hash of each article's source path (which never changes for an article), and a
build runs Pagefind only over the parts whose pages changed; the other parts' files are kept.
A run is fed what Pagefind reads of each page over a pipe (`pagefind_service`), and its bundle
comes back in memory: no work folder is made or removed.
The number of parts is a power of two set by the number of pages (at most `part_pages` a part
on average): adding articles does not move pages between parts until the count doubles, and
then each part splits in two. A part's bundle depends only on its pages, so an edited build's
output is byte-identical to a cold build's.

The first non-empty part is `pagefind/` (with Pagefind's code and WebAssembly); the others are
`pagefind/part-N/` (index files only), listed in `pagefind/parts.json` for search.js to merge
with Pagefind's `mergeIndex`. What each part was made from (its pages' sizes and mtimes) and
which files it wrote are kept in `pagefind-parts.json` in the build cache, saved only once the
build is committed, so a failed build cannot make a later one trust files it never wrote.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from . import urls
from .errors import BuildError
from .models import KEEP, Output
from .pagefind_cbor import sort_filters
from .pagefind_service import index_pages

PART_PAGES = 2_000
"""Most article pages a part holds on average (see docs/search.md: edit time against the bytes
a first query downloads, which grow with the number of parts)."""
FOLDER = urls.PAGEFIND.rsplit("/", 1)[0]
RECORD = "pagefind-parts.json"
FORMAT = 3
"""Version of the record's layout and of how parts are made; a change re-indexes every part."""
PAGEFIND_UI = re.compile(r"pagefind-(ui|modular-ui|component-ui|highlight)\.")
"""Pagefind's own UI bundles: search.js uses the API, so these are not copied."""
SHARED = (".js", ".pagefind")
"""Bundle files that only the first part needs (code and WebAssembly)."""
STORY_START = b'<article class="story"'
"""Where the part of an article page that Pagefind indexes begins (templates/article.html)."""
RUNS_AT_ONCE = 2
"""Pagefind processes run side by side on a cold build (each takes one core)."""

Locate = Callable[[str], Path]
Stop = Callable[[], bool]


class Superseded(Exception):
    """Raised when indexing stops because a newer build is waiting (serve)."""


@dataclass(frozen=True, slots=True)
class Part:
    """One part: its number, its folder under pagefind/ ("" for the first) and its pages."""

    number: int
    folder: str
    pages: tuple[str, ...]

    @property
    def primary(self) -> bool:
        """Tell whether this part carries Pagefind's code (it is pagefind/ itself)."""
        return not self.folder


def part_count(pages: int, part_pages: int = PART_PAGES) -> int:
    """Return how many parts hold `pages` pages: the least power of two that keeps parts at
    most `part_pages` pages on average."""
    count = 1
    while pages > count * part_pages:
        count *= 2
    return count


def files_for(pages: int) -> int:
    """Return about how many files Pagefind writes for this many pages: one fragment a page,
    an index chunk per ~50 pages, and entry, meta, filters and code (a few per part)."""
    return pages + pages // 50 + 10 * part_count(pages)


def part_of(source: str, count: int) -> int:
    """Return the part an article belongs to, from its source path (stable across builds)."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count


def split(records: Sequence[tuple[str, str]], part_pages: int = PART_PAGES) -> list[Part]:
    """Return the non-empty parts of (url, source) pages, the first one as pagefind/ itself."""
    count = part_count(len(records), part_pages)
    members: list[list[str]] = [[] for _ in range(count)]
    for url, source in records:
        members[part_of(source, count)].append(url)
    parts: list[Part] = []
    for number, pages in enumerate(members):
        if pages:
            folder = f"part-{number}/" if parts else ""
            parts.append(Part(number, folder, tuple(sorted(pages))))
    return parts


def article_pages(manifest: Path) -> list[tuple[str, str]]:
    """Return (url, source) of the article pages to index (duplicates left out), from
    articles.json."""
    records = json.loads(manifest.read_text(encoding="utf-8"))
    return [(str(r["url"]), str(r["source"])) for r in records if "duplicate_of" not in r]


@dataclass
class Index:
    """One build's Pagefind index: which parts to run, which to keep, the record to save."""

    store: Path
    locate: Locate
    stamps: Mapping[str, list[int]] = field(default_factory=dict)  # files' size and mtime, by
    # path (`Writer.stamps`): a page listed there is not looked at again
    record: dict[str, object] = field(default_factory=dict)
    indexed: int = 0  # parts Pagefind ran over in this build

    def outputs(self, stop: Stop = lambda: False) -> Iterator[Output]:
        """Yield the bundle: kept files of unchanged parts, Pagefind's files for the others.

        With no articles there is no bundle: search.js then falls back to the script index.
        """
        parts = split(article_pages(self.locate("articles.json")), PART_PAGES)
        extra = [part.folder for part in parts if part.folder]
        yield Output(f"{FOLDER}/parts.json", json.dumps(extra).encode())
        last = _load(self.store)
        version = _version()
        old = last.get("parts", {}) if last.get("version") == version else {}
        made: dict[str, object] = {}
        stale: list[tuple[Part, dict[str, list[object]]]] = []
        for part in parts:
            before = old.get(str(part.number)) if isinstance(old, dict) else None
            known = before.get("pages") if isinstance(before, dict) else None
            stats = {page: self._page_key(page, known) for page in part.pages}
            if self._fresh(part, stats, before):
                made[str(part.number)] = {**before, "pages": stats}  # type: ignore[dict-item]
                for name in before["files"]:  # type: ignore[index]
                    yield Output(f"{FOLDER}/{part.folder}{name}", KEEP)
            else:
                stale.append((part, stats))
        for (part, stats), files in zip(stale, self._run(stale, stop), strict=True):
            for name, data in files:
                yield Output(f"{FOLDER}/{part.folder}{name}", data)
            made[str(part.number)] = {
                "folder": part.folder,
                "pages": stats,
                "files": [name for name, _ in files],
                "entry": _digest(dict(files)["pagefind-entry.json"]),
            }
        self.indexed = len(stale)
        self.record = {"version": version, "parts": made}

    def _page_key(self, page: str, known: object) -> list[object]:
        """Return a page's size, mtime and digest of what Pagefind reads of it; the digest is
        the last build's when size and mtime are (the writer rewrites only changed pages)."""
        try:
            stamp: list[object] = list(self.stamps.get(page) or ())
            if not stamp:
                found = self.locate(page).stat()
                stamp = [found.st_size, found.st_mtime_ns]
            last = known.get(page) if isinstance(known, dict) else None
            if isinstance(last, list) and last[:2] == stamp:
                return last
            return [*stamp, indexed_digest(self.locate(page).read_bytes())]
        except OSError:
            return [-1, -1, ""]

    def _fresh(self, part: Part, stats: dict[str, list[object]], before: object) -> bool:
        """Tell whether a part's files from the last build still index its pages as they are."""
        if not isinstance(before, dict) or before.get("folder") != part.folder:
            return False
        last = before.get("pages")
        if not isinstance(last, dict) or last.keys() != stats.keys():
            return False
        if any(not isinstance(last[p], list) or last[p][2:] != key[2:] for p, key in stats.items()):
            return False
        entry = self.locate(f"{FOLDER}/{part.folder}pagefind-entry.json")
        try:
            return _digest(entry.read_bytes()) == before.get("entry")
        except OSError:
            return False

    def _run(
        self, stale: list[tuple[Part, dict[str, list[object]]]], stop: Stop
    ) -> Iterator[list[tuple[str, bytes]]]:
        """Yield the bundle files of each stale part, in order, running Pagefind side by side."""

        def one(part: Part) -> list[tuple[str, bytes]]:
            if stop():
                raise Superseded
            return bundle_of(self.locate, part)

        workers = min(RUNS_AT_ONCE, os.cpu_count() or 1, max(1, len(stale)))
        with ThreadPoolExecutor(workers, thread_name_prefix="pagefind") as pool:
            futures = [pool.submit(one, part) for part, _ in stale]
            try:
                for future in futures:
                    yield future.result()
            finally:
                for future in futures:
                    future.cancel()

    def save(self) -> None:
        """Keep the record for the next build (call once the build is committed)."""
        if self.record:
            _save(self.store, self.record)


def kept_outputs(store: Path, locate: Locate) -> Iterator[Output]:
    """Yield the last indexed bundle's files unchanged (serve indexes later, in the background)."""
    last = _load(store)
    parts = last.get("parts") if last.get("version") == _version() else None
    if not isinstance(parts, dict):
        return
    for part in parts.values():
        for name in part["files"]:
            path = f"{FOLDER}/{part['folder']}{name}"
            if locate(path).exists():
                yield Output(path, KEEP)
    if locate(f"{FOLDER}/parts.json").exists():
        yield Output(f"{FOLDER}/parts.json", KEEP)


def bundle_of(locate: Locate, part: Part) -> list[tuple[str, bytes]]:
    """Index a part's pages with Pagefind's service (what it reads of each page, in page
    order); return its bundle files, filters sorted, Pagefind's UI (and, after the first part,
    its code) left out."""
    pages = [("/" + page, indexed_html(locate(page).read_bytes())) for page in part.pages]
    bundle = index_pages(pagefind_binary(), pages)
    for meta in sorted(n for n in bundle if n.startswith("pagefind.") and n.endswith(".pf_meta")):
        sort_filters(bundle, meta)
    files = []
    for name in sorted(bundle):
        top = "/" not in name
        if PAGEFIND_UI.match(name) or (not part.primary and top and name.endswith(SHARED)):
            continue
        files.append((name, bundle[name]))
    return files


def pagefind_binary() -> Path:
    """Return the Pagefind executable installed by the `pagefind[bin]` package."""
    missing = "Pagefind is not installed; run: pip install 'pagefind[bin]'"
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise BuildError(missing) from None
    binary = get_executable()
    if binary is None:
        raise BuildError(missing)
    return binary


def _version() -> str:
    """Return what every part's files depend on beside its pages: this format and the binary."""
    try:
        binary = pagefind_binary()
        stat = binary.stat()
    except (BuildError, OSError):
        return f"{FORMAT}:none"
    return f"{FORMAT}:{binary}:{stat.st_size}:{stat.st_mtime_ns}"


def indexed_digest(page: bytes) -> str:
    """Return a digest of what Pagefind reads of an article page (`indexed_html`)."""
    return _digest(indexed_html(page))


def indexed_html(page: bytes) -> bytes:
    """Return what Pagefind reads of an article page: its <html> tag (language) and the story
    (`<article class="story">` in templates/article.html: title, metadata, filters, text).
    The rest (related links, navigation) changes when other articles do, and would otherwise
    re-index a part for nothing. A page without that element is given whole."""
    start, end = page.find(STORY_START), page.rfind(b"</article>")
    if not 0 <= start < end:
        return page
    html = page.find(b"<html")
    head = page[html : page.find(b">", html) + 1] if html >= 0 else b"<html>"
    return head + b"<body>" + page[start:end] + b"</article></body></html>"


def _digest(data: bytes) -> str:
    """Return a short content digest."""
    return hashlib.sha256(data).hexdigest()[:32]


def _load(store: Path) -> dict[str, object]:
    """Return the last build's record, or an empty one if it is missing or unreadable."""
    with suppress(OSError, ValueError):
        record = json.loads((store / RECORD).read_text(encoding="utf-8"))
        if isinstance(record, dict):
            return record
    return {}


def _save(store: Path, record: dict[str, object]) -> None:
    """Write the record atomically (a half-written one would be ignored, never trusted)."""
    with suppress(OSError):
        store.mkdir(parents=True, exist_ok=True)
        temporary = store / f"{RECORD}.tmp"
        temporary.write_text(json.dumps(record, separators=(",", ":")), encoding="utf-8")
        temporary.replace(store / RECORD)
