"""`serve`'s quick pass: an edited article's own page, shown before the full rebuild ends.

A full rebuild catalogues the whole archive again (entities, related coverage, same-story
clusters) before any page changes. The quick pass re-reads only the edited article files and
renders only their own pages, taking everything else from the last build's catalogue: related
links, story lists, entity chips, section, address and neighbours are shown as they were. It
writes those pages into the served output, one atomic replace each, and the full build that
always follows makes the output what a cold build makes (it renders every page whose inputs
changed, these among them, since the files are no longer as it left them).

It does nothing (returns None) where it could show something the full build would not: a new
or deleted file, one that no longer reads as an article, a front-matter slug that changed, any
change outside the articles folder (templates, static files, config), or more than
MOST_FILES files at once. Only `serve` runs it; a plain build never does.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

import jinja2
from msgspec import structs

from .builder import Paths
from .catalog import localise
from .config import SiteConfig
from .errors import BuildError
from .loader import read_article
from .models import Entry, Output, Site, SourceFile
from .pages import article_page
from .reading import Bodies
from .render import Frame, Renderer, environment
from .writer import safe_relative

MOST_FILES = 4  # changed files above which a save is a batch (a sync, a checkout): full build only


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
    if not changed or len(changed) > MOST_FILES:
        return None
    sources = [_source_of(path, paths.articles) for path in changed]
    if None in sources:
        return None
    by_source = {entry.article.source: entry for entry in last.site.entries}
    config = last.frame.config
    entries = []
    for source in sources:
        assert source is not None
        entry = by_source.get(source.rel)
        fresh = _reread(entry, source, config) if entry else None
        if fresh is None:
            return None
        entries.append(fresh)
    renderer = Renderer(last.env, last.frame)
    try:
        return [article_page(renderer, last.site, e, config, Bodies()) for e in entries]
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
