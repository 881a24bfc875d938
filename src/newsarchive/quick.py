"""`serve`'s quick pass: an edited article's own page, shown before the full rebuild ends.

A full rebuild catalogues the whole archive again (entities, related coverage, same-story
clusters) before any page changes. The quick pass re-reads only the edited article files and
renders only their own pages, taking everything else from the last build's catalogue: related
links, story lists, entity chips, section, address and neighbours are shown as they were. It
writes those pages into the served output, one atomic replace each, and the full build that
always follows makes the output what a cold build makes (it renders every page whose inputs
changed, these among them, since the files are no longer as it left them).

It runs at once, even while a full build runs (for an earlier save): a build that commits
an older text of a page shown quickly has that page shown again from the new catalogue
before open pages hear of the build, and a build that fails puts back the pages shown since
the last good one.

It shows nothing where it could show what the full build would not: a new or deleted file,
one that no longer reads as an article, a front-matter slug that changed, any change outside
the articles folder (templates, static files, config), or more than MOST_FILES files at once.
Only `serve` runs it; a plain build never does.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Collection
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import jinja2
from msgspec import structs

from .builder import Paths
from .catalog import localise
from .config import SiteConfig
from .contexts import Layout, render_spec
from .errors import BuildError, printable
from .livereload import Status
from .loader import read_article
from .models import Entry, Output, Site, SourceFile
from .reading import Bodies
from .render import Frame, environment
from .specs import article_spec
from .writer import safe_relative

MOST_FILES = 4  # changed files above which a save is a batch (a sync, a checkout): full build only


@dataclass(frozen=True, slots=True)
class Shown:
    """A page a quick pass wrote that no full build has caught up with yet."""

    path: str  # its output path
    digest: str  # of the article text it shows (`Article.digest`)
    before: bytes | None  # the page as the last good build left it (None: none)


class QuickPass:
    """serve's quick passes: the last build's catalogue, and the pages shown ahead of it.
    Watchers show pages, builds keep catalogues: a lock keeps them one at a time."""

    def __init__(self, paths: Paths) -> None:
        self.paths = paths
        self.lock = threading.Lock()
        self.last: Catalogue | None = None
        self.shown: dict[str, Shown] = {}  # by source path
        self.builds = 0  # builds that committed and gave their catalogue

    def show(self, changed: Collection[str], status: Status, out: TextIO) -> bool:
        """Show the edited articles' own pages now, if a pass can (`quick_pages`) and the last
        build succeeded; make open pages reload; tell whether it did."""
        with self.lock:
            if self.last is None or status.error is not None:
                return False
            entries = fresh_entries(self.last, self.paths, changed)
            if not entries or not self._publish(entries):
                return False
        status.reload()
        shown = printable(", ".join(entry.path for entry in entries))
        print(f"Showing {shown} now; the full rebuild follows.", file=out, flush=True)
        return True

    def keep(self, site: Site, frame: Frame) -> None:
        """Keep what a build catalogued, for the next pass (`builder.Catalogued`); show again,
        from it, pages shown quickly whose text the build read before the edit."""
        with self.lock:
            self.last = Catalogue.of(site, frame, self.paths.templates)
            self.builds += 1
            if not self.shown:
                return
            read = {e.article.source: e.article.digest for e in site.entries}
            behind = [rel for rel, page in self.shown.items() if read.get(rel) != page.digest]
            self.shown = {}  # this build's pages are the last good ones now
            files = [str(self.paths.articles / rel) for rel in behind]
            entries = fresh_entries(self.last, self.paths, files) if files else None
            if entries:  # else the next build, already waiting, writes them
                self._publish(entries)

    def settle(self, error: str | None, builds: int) -> bool:
        """After a full build that failed before committing (`builds` is unchanged), put back
        the pages shown since the last good build; tell whether any were."""
        with self.lock:
            if error is None or self.builds != builds or not self.shown:
                return False
            restore(self.paths.output, {s.path: s.before for s in self.shown.values()})
            self.shown = {}
            return True

    def _publish(self, entries: list[Entry]) -> bool:
        """Write the entries' pages, remembering what they replaced; tell whether it could."""
        assert self.last is not None
        pages = render_pages(self.last, entries)
        if pages is None:
            return False
        try:
            before = publish(self.paths.output, pages)
        except (OSError, BuildError):  # the full build writes them, or says why it cannot
            return False
        for entry in entries:
            rel, old = entry.article.source, self.shown.get(entry.article.source)
            first = old.before if old else before[entry.path]
            self.shown[rel] = Shown(entry.path, entry.article.digest, first)
        return True


@dataclass(frozen=True, slots=True)
class Catalogue:
    """What the last successful build left for quick passes: its site, its layout (the site
    config with it), and the templates it rendered (which only a full build changes)."""

    site: Site
    frame: Frame
    env: jinja2.Environment

    @classmethod
    def of(cls, site: Site, frame: Frame, templates: Path) -> Catalogue:
        """Keep what a build catalogued (`builder.Catalogued`) for the next quick pass."""
        return cls(site, frame, environment(templates))


def quick_pages(last: Catalogue, paths: Paths, changed: Collection[str]) -> list[Output] | None:
    """Return the pages of the changed article files as they read now, the rest of each page
    as the last build made it; None when a quick pass cannot show the change (see above)."""
    entries = fresh_entries(last, paths, changed)
    return render_pages(last, entries) if entries else None


def fresh_entries(last: Catalogue, paths: Paths, changed: Collection[str]) -> list[Entry] | None:
    """Return the last build's entries of the changed files with their articles read again;
    None if any of them cannot be shown quickly."""
    if not changed or len(changed) > MOST_FILES:
        return None
    sources = [_source_of(path, paths.articles) for path in changed]
    by_source = {entry.article.source: entry for entry in last.site.entries}
    entries = []
    for source in sources:
        entry = by_source.get(source.rel) if source else None
        fresh = _reread(entry, source, last.frame.config) if entry and source else None
        if fresh is None:
            return None
        entries.append(fresh)
    return entries


def render_pages(last: Catalogue, entries: list[Entry]) -> list[Output] | None:
    """Render the entries' article pages from the last build's catalogue; None if that fails."""
    layout = Layout(last.frame, Bodies())
    try:
        return [
            Output(e.path, render_spec(last.env, layout, article_spec(last.site, e)))
            for e in entries
        ]
    except Exception:  # what fails here fails the full build too, which says why
        return None


def _source_of(path: str, articles: Path) -> SourceFile | None:
    """Return the changed file as an article source (its path relative to the articles
    folder), or None if it is outside that folder or is no longer a file."""
    try:
        rel = Path(path).resolve().relative_to(articles.resolve()).as_posix()
    except (ValueError, OSError):
        return None
    return SourceFile.at(path, rel) if os.path.isfile(path) else None


def _reread(entry: Entry, source: SourceFile, config: SiteConfig) -> Entry | None:
    """Return the entry with its article read again from its file, or None if the file no
    longer reads as an article or asks for another address."""
    try:
        article, _ = read_article(source)  # its warnings are the full build's to print
    except (BuildError, OSError):
        return None
    if article is None or article.slug != entry.article.slug:
        return None
    return structs.replace(entry, article=localise(article, config.timezone))


def publish(output: Path, pages: list[Output]) -> dict[str, bytes | None]:
    """Write pages into the served output, each replaced at once (a reader never gets half
    a page); return what each path held before (None: nothing), to put back if the full
    build fails. Raises OSError, having put back what it wrote."""
    before: dict[str, bytes | None] = {}
    try:
        for page in pages:
            target = output / safe_relative(page.path)
            try:
                before[page.path] = target.read_bytes()
            except FileNotFoundError:
                before[page.path] = None
            _replace(target, page.data)
    except (OSError, BuildError):
        restore(output, before)
        raise
    return before


def restore(output: Path, before: dict[str, bytes | None]) -> None:
    """Put back what `publish` replaced: the output as the last good build left it."""
    for path, data in before.items():
        target = output / safe_relative(path)
        with suppress(OSError):  # the next build writes it again
            if data is None:
                target.unlink(missing_ok=True)
            else:
                _replace(target, data)


def _replace(target: Path, data: bytes) -> None:
    """Write a file beside the target in a new file (never through a link someone left
    there), then rename it over the target."""
    temporary = target.with_name(f".{target.name}.quick")
    with suppress(FileNotFoundError):
        temporary.unlink()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(temporary, flags, 0o666), "wb") as file:
        file.write(data)
    os.replace(temporary, target)
