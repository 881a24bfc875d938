"""The stages of a build that has work to do, in their order (`builder._build` runs them):
read and catalogue the articles, write the built-in search index, render the pages, index the
site with Pagefind.

Each takes what it needs and lets go of what the next stage needs the memory for. The stages'
own modules (Jinja, NumPy, the catalogue, Pagefind's) are imported inside them: a build with
nothing to do imports none of them (they were half of its time).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache, imaging, permalinks, topic_addresses
from .config import SiteConfig
from .errors import BuildError, Problem
from .memory import collector_paused, forget_memos, release_freed
from .models import Output, Site
from .progress import Progress
from .store import Store
from .writer import Writer

if TYPE_CHECKING:
    from .builder import Inputs, Paths, Report
    from .reading import Read
    from .render import Frame
    from .search_pagefind import Stop

TEMPORARY = "tmp"  # in the output's cache folder: the render pool's shared value (`executor.Pool`),
# and Pagefind work folders older versions left


@dataclass(frozen=True, slots=True)
class Last:
    """What the last build left for reusing its pages: their keys, and which of its files are
    still as it wrote them."""

    keys: dict[str, str] = field(default_factory=dict)
    untouched: frozenset[str] = frozenset()
    salt: str = ""  # what every key covered beside its page (`key_salt`)


def catalogue(
    config: SiteConfig,
    store: Store,
    paths: Paths,
    jobs: int | None,
    progress: Progress,
    inputs: Inputs,
    report: Report,
) -> tuple[Site, Read, dict[str, imaging.Probe]]:
    """Read the articles (those the build store does not hold, in a pool when there are
    many), catalogue them and place their pictures; the bodies stay on disk (`Read.bodies`).
    The inputs' lists of files and digests are emptied once read (~1 kB a file): the catalogue
    and the pages need the memory more.
    """
    from . import images
    from .catalog import build_site
    from .entity_cache import EntityCache
    from .reading import read_all, unshown
    from .related_cache import RelatedCache
    from .story_cache import StoryCache

    with collector_paused():
        files, digests, pictures = inputs.found.files, inputs.digests, inputs.pictures
        sources = [source.rel for source in files]
        read = read_all(
            sources,
            digests,
            store,
            paths.articles,
            jobs,
            progress,
            unshown(files),
            timezone=config.timezone,
        )
        found_images = {
            image.rel: (image.path, pictures[image.rel]) for image in inputs.found.images
        }
        del sources[:], files[:], inputs.found.images[:]
        digests.clear()
        pictures.clear()
        forget_memos()
        release_freed()  # the bodies of new articles, dropped once saved
        progress.begin("Cataloguing articles", len(read.articles))
        book = permalinks.book_path(paths.cache)
        stories = StoryCache(
            store.cues(),
            store.meta("verdicts", bytes, b""),
            store.save_cues,
            store.meta("counted", bytes, b""),
        )
        related = RelatedCache(store.meta("related", bytes, b""))
        named = EntityCache(store.meta("entities", bytes, b""))
        site = build_site(
            config, read.take_articles(), read.words, permalinks.load(book), stories, related, named
        )
        values = {
            "verdicts": stories.verdicts,
            "related": related.rows,
            "counted": stories.counted,
            "entities": named.data,
        }
        store.save_catalogue(stories.gone, stories.new_cues, values)
        del stories, related, named, values
        permalinks.save(book, site.book)
        site = dataclasses.replace(site, book={})  # saved: the pages do not need it
        site = _topic_redirects(site, topic_addresses.record_path(paths.cache))
        known = store.probes(probe_stamp())
        site, pictured, probes = images.place(site, found_images, known)
        read.problems.extend(pictured)
        progress.end()
    report.problems.extend(read.problems)
    report.problems.extend(_untitled(config, site))
    report.articles, report.notes = len(site.entries), site.notes
    return site, read, probes


def _topic_redirects(site: Site, record: Path) -> Site:
    """Return the site with a redirect at each recorded topic page's address that went, to the
    page that lists its articles now (`topic_addresses`)."""
    moved = topic_addresses.moved(topic_addresses.load(record), site)
    if not moved:
        return site
    return dataclasses.replace(site, redirects=tuple(sorted((*site.redirects, *moved))))


def save_topics(site: Site, paths: Paths) -> None:
    """Add the site's topic pages to the project's record of them (`topic_addresses`): once
    the pages are rendered, so that its small objects do not stay in the heap beside the
    catalogue's while they are."""
    record = topic_addresses.record_path(paths.cache)
    before = topic_addresses.load(record)
    after = {**before, **topic_addresses.current(site)}
    if after != before:
        topic_addresses.save(record, after)


def _untitled(config: SiteConfig, site: Site) -> list[Problem]:
    """Return a warning for each title in site.yaml's `section_titles` that names no section."""
    from .sections import section_titles

    keys = {section.key for section in site.sections}
    hint = "use the section's folder path, as in its address sections/<path>/"
    return [
        Problem("site.yaml", f"section_titles: no section is '{key}'", hint=hint, kind="warning")
        for key in sorted(set(section_titles(config)) - keys)
    ]


def search_terms(site: Site, read: Read) -> Iterator[Output]:
    """Yield the built-in search index's files (every article's search words: only reading
    has them), then let the words go: the pages need the memory more."""
    from .search import term_outputs
    from .words import Words

    yield from term_outputs(site, read.words)
    read.words = Words.of(())


def render(
    config: SiteConfig,
    paths: Paths,
    folder: Path,
    site: Site,
    read: Read,
    last: Last,
    writer: Writer,
    report: Report,
    jobs: int | None,
    progress: Progress,
) -> tuple[Frame, str]:
    """Render the pages whose keys changed (over the executor: in a pool when there is much to
    render) and write them with the listings, sitemap and static files; return the site's
    layout and what every page key covered beside its page (`key_salt`)."""
    import jinja2

    from . import executor
    from .render import checked_against, compile_templates, environment
    from .rendering import Job, frame_of, key_salt, template_message, write_site

    try:
        compiled = cache.compiled_templates(folder)
        compile_templates(environment(paths.templates, compiled))  # once, for every worker
        frame = frame_of(config, site, paths.static)
        salt = key_salt(frame, paths.templates)
        run = executor.for_work(
            _render_work(len(site.entries), read, last, salt), jobs, folder / TEMPORARY
        )
        checked = checked_against(paths.output)  # here: a worker's environment may be older
        bodies = read.bodies
        job = Job(
            config,
            site,
            frame,
            paths,
            compiled,
            bodies,
            writer.staging,
            writer.flat,
            salt,
            last.keys,
            last.untouched,
            checked,
        )
        try:
            write_site(job, writer, report, run, progress)
        finally:
            bodies.close()  # the store's files are tidied when its last user closes
    except jinja2.TemplateError as error:
        raise BuildError(template_message(error, paths.templates)) from None
    return frame, salt


def _render_work(articles: int, read: Read, last: Last, salt: str) -> int:
    """Return how much rendering a build has, to choose where it runs: every article's pages
    when the last build's cannot be kept (none, or other templates or layout), else those of
    the articles read anew (each changes a few pages; the rest are only keyed)."""
    if not last.keys or last.salt != salt:
        return articles
    return read.edited + read.added_or_removed


def index(
    config: SiteConfig,
    folder: Path,
    writer: Writer,
    report: Report,
    defer_search: bool,
    stop: Stop | None,
    progress: Progress,
) -> None:
    """Index the pages written with Pagefind (the parts they changed), or keep the last bundle
    as it is (`defer_search`), unless search is off or its files would pass `max_files`."""
    from .search_pagefind import Index, kept_outputs

    index = Index(folder, writer.current)
    if not config.pagefind or not _within_limit(config, len(writer.written), report):
        index.save()
        return
    index.stamps = writer.stamps()
    if defer_search:
        write_all(writer, report, kept_outputs(folder, writer.current))
    else:
        progress.begin("Indexing for search")
        write_all(writer, report, index.outputs(stop or _never))
        progress.end()
    index.save()


def _within_limit(config: SiteConfig, files: int, report: Report) -> bool:
    """Tell whether Pagefind's files fit under `max_files` beside the site's `files`; warn
    when they do not, or when the site alone passes it."""
    from .search_pagefind import files_for

    limit = config.max_files
    if not limit:
        return True
    needed = files_for(report.articles)
    if files + needed <= limit:
        return True
    if files > limit:
        message = f"the site has {files:,} files, more than max_files ({limit:,})"
        hint = "raise entity_min_articles or per_page for fewer pages, or choose another host"
    else:
        message = f"Pagefind's ~{needed:,} files would take the site's {files:,} past max_files"
        hint = f"({limit:,}); search uses the built-in index over http too"
    report.problems.append(Problem("site.yaml", message, hint=hint, kind="warning"))
    return False


def _never() -> bool:
    """Never stop indexing (a plain build)."""
    return False


def write_all(writer: Writer, report: Report, items: Iterator[Output]) -> None:
    """Write a stage's files: the built-in search index's, Pagefind's or the last build's kept
    bundle."""
    for item in items:
        writer.write(item)
        report.files += 1


def probe_stamp() -> str:
    """Return what the image probes saved are only valid for: this code and Pillow."""
    return f"{cache.code_key()} {imaging.version()}"
