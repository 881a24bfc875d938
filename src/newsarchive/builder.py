"""Run one build: read every article, catalogue them, render and write the site."""

from __future__ import annotations

import dataclasses
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import msgspec

from . import cache, guard, imaging, permalinks
from .config import SiteConfig
from .errors import BuildError, Problem
from .loader import discover
from .memory import collector_paused, release_freed
from .models import Output, Site, SourceFile
from .progress import SILENT, Progress
from .store import LastBuild, Store, changes
from .writer import Writer, looked_up, named, snapshot, staging_for

if TYPE_CHECKING:  # the stages' modules are imported where they run (`_build`)
    from .reading import Read
    from .render import Frame
    from .search_pagefind import Stop

TEMPORARY = "tmp"  # in the output's cache folder: the render pool's shared value (`executor.Pool`),
# and Pagefind work folders older versions left


Catalogued = Callable[[Site, "Frame"], None]
"""Given a build's site and layout once it is committed (`build`)."""


@dataclass(frozen=True, slots=True)
class Paths:
    """Where a build reads from and writes to."""

    articles: Path
    output: Path
    templates: Path
    static: Path
    cache: Path  # the project's cache folder (`cache.folder_for`): no default, so no caller
    # writes one into whatever folder it happens to run in


@dataclass(slots=True)
class Report:
    """What a build did, for the summary."""

    articles: int = 0
    pages: int = 0
    files: int = 0
    changed: int = 0
    problems: list[Problem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    notes: tuple[str, ...] = ()
    seconds: float = 0.0
    cached: bool = False  # nothing changed since the last build, so nothing was done
    page_keys: dict[str, str] = field(default_factory=dict)  # for the next build's reuse


def build(
    config: SiteConfig,
    paths: Paths,
    jobs: int | None = None,
    progress: Progress = SILENT,
    *,
    defer_search: bool = False,
    stop: Stop | None = None,
    catalogued: Catalogued | None = None,
    recatalogue: bool = False,
) -> Report:
    """Build the site; raises BuildError when the site cannot be written, or when another
    build of the same output is running. `catalogued` is given the site and its layout once
    the output holds them (`serve`'s quick pass renders from them): not when nothing changed,
    unless `recatalogue` (the build then catalogues anyway, and renders nothing)."""
    started = time.perf_counter()
    output = named(paths.output)  # first: it refuses an output such as "/" before any write
    folder = guard.private_folder(cache.folder_for(guard.private_folder(paths.cache), output))
    with guard.build_lock(folder, output):
        store = Store.open(folder, cache.code_key())
        try:
            catalogue = (catalogued, recatalogue)
            return _build(
                config, paths, store, jobs, progress, started, defer_search, stop, catalogue
            )
        finally:
            store.close()


def _build(
    config: SiteConfig,
    paths: Paths,
    store: Store,
    jobs: int | None,
    progress: Progress,
    started: float,
    defer_search: bool,
    stop: Stop | None,
    catalogue: tuple[Catalogued | None, bool] = (None, False),
) -> Report:
    """Build the site with the build store of its output (whose folder is locked).

    `defer_search` (serve) keeps the last Pagefind bundle as it is, for a later build to bring up
    to date; `stop` is asked before each Pagefind run whether to give up (`Superseded`).
    """
    folder = store.path.parent
    writer = Writer(paths.output, staging_for(paths.output, folder))
    shutil.rmtree(folder / TEMPORARY, ignore_errors=True)  # what a killed build left there
    found = discover(paths.articles)
    known = store.stamps()
    digests, stamps = cache.digest_files(found.files, known)
    pictures, picture_stamps = cache.digest_files(found.images, known)
    inputs = {**digests, **pictures}  # an image's name never is an article's
    key = cache.build_key(config, (paths.templates, paths.static), inputs)
    key += ":search-deferred" if defer_search else ""
    book = permalinks.book_path(paths.cache)  # an input the build also writes:
    now = key + permalinks.stamp(book)  # the key saved has it as the build left it
    catalogued, recatalogue = catalogue
    unchanged = not recatalogue and store.key() == now
    if unchanged and (report := _restore(store)) and _intact(store, writer.output):
        report.seconds = time.perf_counter() - started
        return report
    # The stages' modules (Jinja, NumPy, the catalogue) are imported only by a build with work
    # to do: they were half of an unchanged build's time.
    import jinja2

    from . import executor
    from .render import checked_against, compile_templates, environment
    from .rendering import Job, frame_of, key_salt, template_message, write_site
    from .search import term_outputs
    from .search_pagefind import Index, kept_outputs

    stamps.update(picture_stamps)  # saved together, as the last build's "sources"
    stamped = changes(known, stamps)  # what the store saves of them
    del known, inputs, stamps, picture_stamps
    report = Report(problems=list(found.problems), ignored=found.ignored)
    try:
        writer.start(store.tree(), _folders(store))
        present = writer.present  # what is intact, what to delete
        last = _last_pages(store, present)
        found_images = {image.rel: (image.path, pictures[image.rel]) for image in found.images}
        sources = Sources(found.files, digests, found_images)
        site, read, probes = _catalogue(config, store, paths, jobs, progress, sources)
        del found.images[:], digests, pictures, found_images, sources  # ~1 kB a file: the
        # pages need the memory more (`_catalogue` emptied the files' list)
        report.problems.extend(read.problems)
        report.articles, report.notes = len(site.entries), site.notes
        for item in term_outputs(site, read.words):  # every article's search words: here
            writer.write(item)
            report.files += 1
        compiled = cache.compiled_templates(folder)
        compile_templates(environment(paths.templates, compiled))  # once, for every worker
        frame = frame_of(config, site)
        salt = key_salt(frame, paths.templates)
        kept = site if catalogued else None  # else freed once its pages are written
        spill = folder / TEMPORARY
        run = executor.for_work(_render_work(len(site.entries), read, last, salt), jobs, spill)
        staging, keys, untouched = writer.staging, last.keys, last.untouched
        checked = checked_against(paths.output)  # here: a worker's environment may be older
        bodies = read.bodies
        job = Job(config, site, paths, compiled, bodies, staging, salt, keys, untouched, checked)
        del site, read
        try:
            write_site(job, writer, report, run, progress)
        finally:
            bodies.close()  # the store's files are tidied when its last user closes
        del job, bodies
        index = Index(folder, writer.current)
        pagefind = config.pagefind and _within_limit(config, len(writer.written), report)
        if pagefind and defer_search:
            _write_all(writer, report, kept_outputs(folder, writer.current))
        elif pagefind:
            progress.begin("Indexing for search")
            _write_all(writer, report, index.outputs(stop or _never))
            progress.end()
        tree = writer.commit(present)
        index.save()
    except jinja2.TemplateError as error:
        writer.abort()
        raise BuildError(template_message(error, paths.templates)) from None
    except BaseException:
        writer.abort()
        raise
    report.changed += writer.changed
    key += permalinks.stamp(book)  # the record as this build leaves it
    saved = {"key": key.encode(), "report": _report_data(report), "salt": salt.encode()}
    saved["folders"] = msgspec.msgpack.encode(writer.folder_stamps(tree))  # for `_intact`
    pages = report.page_keys
    store.save_build(LastBuild(stamped, tree, pages, last.keys, saved, probes, _probe_stamp()))
    if store.damaged:  # this build's news only: not saved
        report.problems.append(_distrusted(store.path))
    if catalogued is not None and kept is not None:
        catalogued(kept, frame)
    report.seconds = time.perf_counter() - started
    return report


class Sources(NamedTuple):
    """What the build found to read and to place: the article files, their digests, and the
    image files (`images.Found`)."""

    files: list[SourceFile]
    digests: dict[str, str]
    images: dict[str, tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Last:
    """What the last build left for reusing its pages: their keys, and which of its files are
    still as it wrote them."""

    keys: dict[str, str] = field(default_factory=dict)
    untouched: frozenset[str] = frozenset()
    salt: str = ""  # what every key covered beside its page (`key_salt`)


def _render_work(articles: int, read: Read, last: Last, salt: str) -> int:
    """Return how much rendering a build has, to choose where it runs: every article's pages
    when the last build's cannot be kept (none, or other templates or layout), else those of
    the articles read anew (each changes a few pages; the rest are only keyed)."""
    if not last.keys or last.salt != salt:
        return articles
    return read.edited + read.added_or_removed


def _catalogue(
    config: SiteConfig,
    store: Store,
    paths: Paths,
    jobs: int | None,
    progress: Progress,
    given: Sources,
) -> tuple[Site, Read, dict[str, imaging.Probe]]:
    """Read the articles (those the build store does not hold, in a pool when there are
    many), catalogue them and place their pictures; the bodies stay on disk (`Read.bodies`)."""
    from . import images
    from .catalog import build_site
    from .reading import read_all, unshown
    from .related_cache import RelatedCache
    from .story_cache import StoryCache

    with collector_paused():
        files, digests, found_images = given
        sources = [source.rel for source in files]
        read = read_all(sources, digests, store, paths.articles, jobs, progress, unshown(files))
        del sources[:], files[:], digests  # free them for the catalogue to use
        release_freed()  # the bodies of new articles, dropped once saved
        progress.begin("Cataloguing articles", len(read.articles))
        book = permalinks.book_path(paths.cache)
        stories = StoryCache(store.cues(), store.meta("verdicts", bytes, b""))
        related = RelatedCache(store.meta("related", bytes, b""))
        site = build_site(
            config, read.articles, read.words, permalinks.load(book), stories, related
        )
        values = {"verdicts": stories.verdicts, "related": related.rows}
        store.save_catalogue(stories.gone, stories.new_cues, values)
        del stories, related, values
        permalinks.save(book, site.book)
        site = dataclasses.replace(site, book={})  # saved: the pages do not need it
        known = store.probes(_probe_stamp())
        site, pictured, probes = images.place(site, found_images, known)
        read.problems.extend(pictured)
        progress.end()
    del read.articles[:]
    return site, read, probes


def _probe_stamp() -> str:
    """Return what the image probes saved are only valid for: this code and Pillow."""
    return f"{cache.code_key()} {imaging.version()}"


def _distrusted(path: Path) -> Problem:
    """Return the warning for a build store that was there but not sound."""
    return Problem(
        str(path),
        "is not a build cache file this version wrote (damaged or forged)",
        hint="it was ignored and is written again",
        kind="warning",
    )


def _report_data(report: Report) -> bytes:
    """Return a report as data, for an unchanged rebuild to repeat (without its page keys,
    saved in their own table)."""
    return msgspec.msgpack.encode(dataclasses.replace(report, page_keys={}, seconds=0.0))


def _intact(store: Store, output: Path) -> bool:
    """Tell whether the output is as the last build left it: its files and folders looked at
    one by one, else walked (a folder made since, such as an empty one, is not a change)."""
    tree = store.tree()
    return looked_up(output, tree, _folders(store)) == tree or tree == snapshot(output)


def _folders(store: Store) -> dict[str, int]:
    """Return the mtime of every output folder the last build left (`writer.folder_stamps`)."""
    return store.meta("folders", _FOLDERS.decode, {})


def _last_pages(store: Store, present: dict[str, list[int]]) -> Last:
    """Return the last build's page keys and their salt, and which of its files are still as
    it wrote them."""
    salt = store.meta("salt", bytes.decode, "")
    if not salt:  # none of its pages can be kept (and `_render_work` renders them all)
        return Last(store.pages())
    untouched = frozenset(path for path, stat in store.tree().items() if present.get(path) == stat)
    return Last(store.pages(), untouched, salt)


def _restore(store: Store) -> Report | None:
    """Return the report of the last build, for a build with nothing to do (None if it is
    not sound)."""
    report = store.meta("report", _REPORT.decode, None)
    if report is not None:
        report.changed = 0
        report.cached = True
    return report


_REPORT = msgspec.msgpack.Decoder(Report)
_FOLDERS = msgspec.msgpack.Decoder(dict[str, int])


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


def _write_all(writer: Writer, report: Report, items: Iterator[Output]) -> None:
    """Write the search bundle's files (Pagefind's, or the last build's kept ones)."""
    for item in items:
        writer.write(item)
        report.files += 1
