"""Run one build: read every article, catalogue them, render and write the site."""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import gc
import multiprocessing
import os
import shutil
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext, suppress
from dataclasses import dataclass, field
from json.encoder import encode_basestring as _json  # json's C string encoder
from pathlib import Path
from typing import Any

import jinja2

from . import cache, forked, guard, images, permalinks, urls
from .catalog import build_site
from .config import SiteConfig
from .errors import BuildError, Problem
from .feeds import dated_entries, feed_outputs, feed_sections
from .images import image_outputs
from .loader import discover
from .models import Output, Site
from .notfound import stylesheet_text
from .pagekeys import Keyer
from .pages import site_pages
from .progress import SILENT, Progress
from .reading import Bodies, Read, load_saved, read_all, unshown
from .redirects import redirect_outputs
from .render import (
    Frame,
    Renderer,
    Reuse,
    checked_against,
    compile_templates,
    environment,
    iso_date,
)
from .search import document_outputs, term_outputs
from .search_pagefind import Index, Stop, files_for, kept_outputs
from .sections import menu
from .sitemap import sitemap_outputs
from .writer import Writer, named, snapshot, staging_for

RENDER_POOL_THRESHOLD = 1000  # articles; forking a render pool costs ~0.1 s
FORK_THRESHOLD = 1000  # files; from here reading and cataloguing run in a child (forked.py)
TEMPORARY = "tmp"  # in the output's cache folder: Pagefind work folders older versions left
SMALL_EDIT = 10  # files edited (none added or removed): the reading child writes the pages


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
    key_salt: str = ""  # what every page key covers beside its page (`key_salt`)


def build(
    config: SiteConfig,
    paths: Paths,
    jobs: int | None = None,
    progress: Progress = SILENT,
    *,
    defer_search: bool = False,
    stop: Stop | None = None,
) -> Report:
    """Build the site; raises BuildError when the site cannot be written, or when another
    build of the same output is running."""
    started = time.perf_counter()
    output = named(paths.output)  # first: it refuses an output such as "/" before any write
    store = guard.private_folder(cache.folder_for(guard.private_folder(paths.cache), output))
    with guard.build_lock(store, output):
        return _build(config, paths, store, jobs, progress, started, defer_search, stop)


def _build(
    config: SiteConfig,
    paths: Paths,
    store: Path,
    jobs: int | None,
    progress: Progress,
    started: float,
    defer_search: bool,
    stop: Stop | None,
) -> Report:
    """Build the site with the output's cache folder `store` (locked).

    `defer_search` (serve) keeps the last Pagefind bundle as it is, for a later build to bring up
    to date; `stop` is asked before each Pagefind run whether to give up (`Superseded`).

    For an archive the last build found big, the child that reads the articles is started at
    once and loads the parse cache while this process finds the articles and checks whether
    anything changed (if nothing did, the child is stopped).
    """
    writer = Writer(paths.output, staging_for(paths.output, store))
    shutil.rmtree(store / TEMPORARY, ignore_errors=True)  # what a killed build left there
    state = cache.load_state(store)
    distrusted = [] if state is not None else cache.damaged(store)
    known = _saved(state, "sources")
    big = state is not None and _count(state.get("files")) >= FORK_THRESHOLD
    found = None if big else discover(paths.articles)
    fork = found is None or len(found.files) >= FORK_THRESHOLD
    given: forked.Handover[Sources] = forked.Handover(fork)
    looks = Looks(forked.Posting(), forked.Posting(), forked.Handover(fork))
    work = functools.partial(_catalogue, config, store, paths, _cores(jobs), progress, given, looks)
    try:
        with forked.started(work, fork) as catalogued:
            found = found or discover(paths.articles)
            digests, stamps = cache.digest_files(found.files, known)
            pictures, picture_stamps = cache.digest_files(found.images, known)
            inputs = {**digests, **pictures}  # an image's name never is an article's
            key = cache.build_key(config, (paths.templates, paths.static), inputs)
            key += ":search-deferred" if defer_search else ""
            book = permalinks.book_path(paths.cache)  # an input the build also writes:
            now = key + permalinks.stamp(book)  # the key saved has it as the build left it
            if state is not None and state.get("key") == now and _intact(store, now, writer.output):
                report = _restore(state)
                report.seconds = time.perf_counter() - started
                return report
            report = Report(problems=list(found.problems), ignored=found.ignored)
            # For the end, on disk while the articles are read: what this process holds when
            # it forks (the render workers) counts again in every process forked from it.
            shelf = forked.Shelf({**stamps, **picture_stamps})
            del state, known, stamps, picture_stamps  # and the rest of the state
            writer.start()
            files = len(found.files)
            found_images = {i.rel: (i.path, pictures[i.rel]) for i in found.images}
            given.put(([f.rel for f in found.files], digests, unshown(found.files), found_images))
            del found.files[:], found.images[:], digests, pictures, inputs, found_images
            _release_freed_memory()
            look = functools.partial(_look_at_output, store, writer.output, looks)
            with forked.started(look, fork, "looking at the output") as looked:
                env = environment(paths.templates, cache.compiled_templates(store))
                compile_templates(env)  # while the children work; the render processes share them
                looked()  # (raises what went wrong there)
            looks.seen.put(True)  # the reading child may read it for a small edit
            present = looks.present.read()  # for the commit (6 MB at 20,000 articles)
            done = catalogued()
        if isinstance(done, Written):
            writer.adopt(done.files)
            _take_over(report, done.report)
        else:
            report.problems.extend(done.problems)
            report.articles, report.notes = len(done.site.entries), done.site.notes
            writer.adopt(done.index)
            report.files += len(done.index)
            report.changed += done.changed
            last = looks.last.read()
            keys, untouched = last.keys, last.untouched
            job = Job(config, done.site, paths, env, done.bodies, keys, untouched, writer.staging)
            workers = _workers(jobs, len(done.site.entries), RENDER_POOL_THRESHOLD)
            _write_site(job, writer, report, workers, progress)
        index = Index(store, writer.current)
        pagefind = config.pagefind and _within_limit(config, len(writer.written), report)
        if pagefind and defer_search:
            _write_all(writer, report, kept_outputs(store, writer.current))
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
    finally:
        gc.unfreeze()  # the catalogue forked.started gave back, frozen for the build
    report.changed += writer.changed
    key += permalinks.stamp(book)  # the record as this build leaves it
    cache.save_state(
        store,
        {"key": key, "files": files, "sources": shelf.take(), "report": _report_data(report)},
        {"key": key, "tree": tree, "pages": report.page_keys, "salt": report.key_salt},
    )
    report.problems.extend(_distrusted(store, distrusted))  # this build's news only: not saved
    report.seconds = time.perf_counter() - started
    return report


Sources = tuple[list[str], dict[str, str], dict[str, str], dict[str, tuple[str, str]]]
"""What the reading child is given: source paths (as shown), their digests, the paths of
the files whose names are not shown as they are (`reading.unshown`), and the image files
(`images.Found`)."""


@dataclass(frozen=True, slots=True)
class Last:
    """What the last build left for reusing its pages: their keys, which of its files are
    still as it wrote them, and what every key covered beside its page (`key_salt`)."""

    keys: dict[str, str] = field(default_factory=dict)
    untouched: frozenset[str] = frozenset()
    salt: str = ""


@dataclass(frozen=True, slots=True)
class Catalogued:
    """What reading and cataloguing give the rest of the build."""

    site: Site
    bodies: Bodies
    problems: list[Problem]
    index: list[str]  # the file:// search index's term files, written to staging
    changed: int  # how many of them changed


@dataclass(frozen=True, slots=True)
class Written:
    """What the reading child gives when it wrote the whole site itself (`_catalogue`)."""

    report: Report
    files: list[str]  # every file it wrote to staging or kept


def _catalogue(
    config: SiteConfig,
    store: Path,
    paths: Paths,
    cores: int,
    progress: Progress,
    given: forked.Handover[Sources],
    looks: Looks,
) -> Catalogued | Written:
    """Read the articles (the source paths and digests are `given`: the parse cache is loaded
    meanwhile), catalogue them and write the file:// search index's terms (which need every
    article's search words, so are best made where they are). Another child of the build
    process looks at the output, and posts what it found (`looks`).

    After a small edit (a few files edited, none added or removed, the templates and the
    layout as the last build had them) most pages are as the last build wrote them, and this
    process writes the site itself: finding and rendering the few pages that changed here
    takes less time than handing the catalogue over to the build process.
    """
    with forked.collector_paused():  # 0.4 s of an edit build at 20,000 articles
        saved = load_saved(store, cache.code_key())
        sources, digests, elsewhere, found_images = given.take()
        read = read_all(sources, digests, store, paths.articles, cores, progress, saved, elsewhere)
        del sources[:], digests, saved  # free them for the catalogue to use
        _release_freed_memory()  # the bodies of new articles, dropped once saved
        progress.begin("Cataloguing articles", len(read.articles))
        book = permalinks.book_path(paths.cache)
        site = build_site(config, read.articles, read.words, permalinks.load(book))
        permalinks.save(book, site.book)
        site = dataclasses.replace(site, book={})  # saved: the pages do not need it
        code = cache.code_key()
        known = cache.load_probes(store, code)
        site, pictured, probes = images.place(site, found_images, known)
        if probes != known:
            cache.save_probes(store, code, probes)
        read.problems.extend(pictured)
        progress.end()
    del read.articles[:]
    writer = Writer(paths.output, staging_for(paths.output, store))  # the build's writer adopts
    index: list[str] = []
    for item in term_outputs(site, read.words):
        writer.write(item)
        index.append(item.path)
    last = _small_edit(read, looks, lambda: key_salt(_frame(config, site), paths.templates))
    if last is None:
        return Catalogued(site, read.bodies, read.problems, index, writer.changed)
    env = environment(paths.templates, cache.compiled_templates(store))
    job = Job(config, site, paths, env, read.bodies, last.keys, last.untouched, writer.staging)
    report = Report(len(site.entries), files=len(index), problems=read.problems)
    report.notes = site.notes
    try:
        _write_site(job, writer, report, 1, progress)
    except jinja2.TemplateError as error:  # keep its line: tracebacks don't pickle
        raise BuildError(template_message(error, paths.templates)) from None
    report.changed = writer.changed
    forked.keep(site, read, job)  # a child ends sooner without freeing them (0.04 s)
    return Written(report, list(writer.written))


def _small_edit(
    read: Read,
    looks: Looks,
    salt: Callable[[], str],
) -> Last | None:
    """Return what the last build left for reusing its pages if this build edits a few
    articles (SMALL_EDIT), adds and removes none, and renders with the templates and layout
    of the last build (the `salt` of its page keys); else None."""
    if read.edited > SMALL_EDIT or read.added_or_removed:
        return None
    looks.seen.take()
    last = looks.last.read()
    return last if last.keys and last.salt == salt() else None


def _take_over(report: Report, theirs: Report) -> None:
    """Add what the reading child's report of writing the site says to this build's report."""
    report.problems.extend(theirs.problems)
    report.articles, report.notes = theirs.articles, theirs.notes
    report.pages += theirs.pages
    report.files += theirs.files
    report.changed += theirs.changed
    report.page_keys, report.key_salt = theirs.page_keys, theirs.key_salt


def _write_site(job: Job, writer: Writer, report: Report, workers: int, progress: Progress) -> None:
    """Write every page and the files that list the articles (manifest, feeds) in `workers`
    processes, then the sitemap and the static files."""
    progress.begin("Rendering pages")
    pages = _write_pages(writer, job, workers, report)
    progress.end()
    for item in _other_outputs(job.config, job.site, job.paths, pages):
        writer.write(item)
        report.files += 1
    for item in image_outputs(job.site, functools.partial(_kept, job, report), report.problems):
        writer.write(item)
        report.files += 1


def _kept(job: Job, report: Report, path: str, key: str) -> bool:
    """Tell whether the last build wrote a file from the same key and it is untouched; record
    its key for the next build."""
    report.page_keys[path] = key
    return job.keys.get(path) == key and path in job.untouched


def _release_freed_memory() -> None:
    """Give the memory freed by reading (the bodies of articles read anew) to the system.

    glibc keeps freed blocks for reuse, ~30 MB nobody uses at 20,000 articles, before the
    catalogue's peak. Elsewhere than glibc this does nothing.
    """
    with suppress(OSError, AttributeError):
        _libc().malloc_trim(0)


@functools.cache
def _libc() -> ctypes.CDLL:
    """Return the symbols this process has loaded, the C library's among them. (find_library
    ran ldconfig in a subprocess: a fork of the reading child, which a memory sampler caught
    at twice the child's size.)"""
    return ctypes.CDLL(None)


def _distrusted(store: Path, names: list[str]) -> list[Problem]:
    """Return a warning for each cache file that was there but not sound (`cache.damaged`)."""
    return [
        Problem(
            str(store / name),
            "is not a build cache file this version wrote (damaged or forged)",
            hint="it was ignored and is written again",
            kind="warning",
        )
        for name in names
    ]


def _saved(state: dict[str, object] | None, name: str) -> dict[str, list[object]]:
    """Return a mapping the last build saved in its state, empty if there is none."""
    value = state.get(name) if state is not None else None
    return value if isinstance(value, dict) else {}


def _count(value: object) -> int:
    """Return a count saved in the state, 0 if it is not one."""
    return value if isinstance(value, int) else 0


def _report_data(report: Report) -> dict[str, object]:
    """Return a report as JSON-ready data, for an unchanged rebuild to repeat."""
    data = dataclasses.asdict(dataclasses.replace(report, page_keys={}))  # saved once, beside
    data["seconds"] = 0.0  # the report: asdict would copy 28,000 keys at 20,000 articles
    return data


def _intact(store: Path, key: str, output: Path) -> bool:
    """Tell whether the output is as the last build left it, that build having this key."""
    outputs = cache.load_outputs(store)
    if outputs is None or outputs.get("key") != key:
        return False
    return outputs.get("tree") == snapshot(output)


@dataclass(frozen=True, slots=True)
class Looks:
    """Where the child looking at the output posts what it found (`_look_at_output`), and
    the word that it did: the build process reads the output's snapshot for the commit, the
    reading child what the last build left for reusing its pages, for a small edit."""

    present: forked.Posting[dict[str, list[int]]]
    last: forked.Posting[Last]
    seen: forked.Handover[bool]


def _look_at_output(store: Path, output: Path, looks: Looks) -> None:
    """Post the output's snapshot (one walk: it tells what is intact and what to delete), and
    what the last build left for reusing its pages.

    Run in a child of its own beside the reading child: what it found waits in a file until
    the reading child needs it for a small edit, or the build process once the pages are
    rendered; and what making it left in the heap (~100 MB at 100,000 articles, when this
    process did it) goes with the child.
    """
    present = snapshot(output)
    looks.present.post(present)
    looks.last.post(_last_pages(cache.load_outputs(store), present))


def _last_pages(outputs: dict[str, object] | None, present: dict[str, list[int]]) -> Last:
    """Return the last build's page keys and their salt, and which of its files are still as
    it wrote them."""
    if outputs is None:
        return Last()
    keys, tree, salt = outputs.get("pages"), outputs.get("tree"), outputs.get("salt")
    if not isinstance(keys, dict) or not isinstance(tree, dict) or not isinstance(salt, str):
        return Last()
    untouched = frozenset(path for path, stat in tree.items() if present.get(path) == stat)
    return Last(keys, untouched, salt)


def _restore(state: dict[str, object]) -> Report:
    """Return the report of the last build, for a build with nothing to do."""
    data = dict(state["report"])  # type: ignore[call-overload]
    problems = [Problem(**p) for p in data.pop("problems")]
    report = Report(**data, problems=problems)
    report.changed = 0
    report.cached = True
    return report


def _within_limit(config: SiteConfig, files: int, report: Report) -> bool:
    """Tell whether Pagefind's files fit under `max_files` beside the site's `files`; warn
    when they do not, or when the site alone passes it."""
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


def template_message(error: jinja2.TemplateError, folder: Path) -> str:
    """Describe a template error with the template file and line."""
    name = getattr(error, "filename", None) or getattr(error, "name", None) or ""
    line = getattr(error, "lineno", None)
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename.endswith(".html"):  # Jinja maps template frames to template lines
            name, line = frame.filename, frame.lineno
    if name:
        name = Path(name).name
    where = f"{name}:{line}" if name and line else name or str(folder)
    return f"template {where}: {error.message or error}; fix the template in {folder}"


def _workers(jobs: int | None, items: int, threshold: int) -> int:
    """Return how many processes to use: one for small work, else --jobs or every core."""
    return 1 if items < threshold else _cores(jobs)


def _cores(jobs: int | None) -> int:
    """Return how many processes a big stage uses: --jobs, or every core."""
    return max(1, jobs or os.cpu_count() or 1)


_FORK = multiprocessing.get_context("fork")


@dataclass(frozen=True, slots=True)
class Job:
    """What a page-rendering process needs; inherited by forked workers, never pickled."""

    config: SiteConfig
    site: Site
    paths: Paths
    env: jinja2.Environment
    bodies: Bodies
    keys: dict[str, str] = field(default_factory=dict)  # page keys of the last build
    untouched: frozenset[str] = frozenset()  # its output files still as it wrote them
    staging: Path = field(default_factory=Path)  # where the build's writer stages
    listed: Any = field(default_factory=lambda: _FORK.Value("b", 0))  # listings taken (shared)
    chunks: Any = field(default_factory=lambda: _FORK.Value("i", 0))  # chunks of pages claimed

    def take_listings(self) -> bool:
        """Tell whether this process is the first to ask, and so writes the listings."""
        with self.listed.get_lock():
            first = not self.listed.value
            self.listed.value = 1
        return first

    def claim(self) -> int:
        """Return the next chunk of pages no render process has claimed (see `Renderer`)."""
        with self.chunks.get_lock():
            chunk: int = self.chunks.value
            self.chunks.value = chunk + 1
        return chunk


_JOB: Job | None = None  # set before forking the render pool


def _renderer(job: Job, parallel: bool) -> Renderer:
    """Make the renderer for one process, reusing the last build's current pages; in parallel,
    it renders the chunks of pages it claims."""
    frame = _frame(job.config, job.site)
    keyer = Keyer(key_salt(frame, job.paths.templates))
    reuse = Reuse(keyer, job.keys, job.untouched, checked_against(job.paths.output))
    claim = job.claim if parallel else None
    return Renderer(job.env, frame, claim, reuse)


def _frame(config: SiteConfig, site: Site) -> Frame:
    """Return what every page's layout shows of the site."""
    feeds = ((config.title, urls.FEED),) if dated_entries(site) else ()
    nav = menu(site.sections, config.menu_depth)
    return Frame(config, nav, feeds, has_search=True, section_feeds=feed_sections(site))


def key_salt(frame: Frame, templates: Path) -> str:
    """Return what every page key covers beside the page itself: newsarchive's code, the
    templates, and the layout (site config, sections, feeds)."""
    salt = f"{cache.code_key()}:{cache.folders_key((templates,))}"
    return f"{salt}:{Keyer(salt).key('frame', '', '', '', {'frame': frame})}"


def _write_pages(writer: Writer, job: Job, workers: int, report: Report) -> list[str]:
    """Render and write every HTML page in `workers` processes, and the files that list the
    articles; return the pages' paths.

    This process and `workers - 1` forked ones render the pages, each claiming chunks of them
    as it goes: a forked process copies every page of memory it touches, so each extra one
    costs about the site's size.
    """
    global _JOB
    _JOB = job
    gc.freeze()  # the collector must not touch (and so copy) the objects workers share
    try:
        with (
            ProcessPoolExecutor(max_workers=workers - 1, mp_context=_FORK)
            if workers > 1
            else nullcontext()
        ) as pool:
            others = [pool.submit(_render_share) for _ in range(1, workers)] if pool else []
            renderer = _renderer(job, parallel=workers > 1)
            report.key_salt = renderer.reuse.keyer.salt.decode() if renderer.reuse else ""
            mine = (*_write_share(writer, renderer, job), 0, renderer.keys)  # writer counts its own
            done = [mine, *(future.result() for future in others)]
    finally:
        _JOB = None
        gc.unfreeze()
    for written, listings, _, _ in done[1:]:
        writer.adopt([*written, *listings])
    pages: list[str] = []
    for written, listings, changed, keys in done:
        report.files += len(written) + len(listings)
        report.pages += len(written)
        report.changed += changed
        report.page_keys.update(keys)
        pages.extend(written)
    return pages


def _render_share() -> tuple[list[str], list[str], int, dict[str, str]]:
    """Render a share of the pages in a worker; return (pages written, listings written,
    changed, page keys)."""
    assert _JOB is not None, "the render pool is forked after _JOB is set"
    writer = Writer(_JOB.paths.output, _JOB.staging)
    renderer = _renderer(_JOB, parallel=True)
    try:
        written = _write_share(writer, renderer, _JOB)
    except jinja2.TemplateError as error:  # keep the template line: tracebacks don't pickle
        raise BuildError(template_message(error, _JOB.paths.templates)) from None
    return *written, writer.changed, renderer.keys


def _write_listings(writer: Writer, job: Job, renderer: Renderer) -> list[str]:
    """Write the files that list the articles (the manifest, the feeds, the search index's
    document shards, those kept as the last build wrote them if their entries are); return
    their paths."""
    listings = []
    for item in (
        Output("articles.json", manifest(job.config, job.site)),
        *feed_outputs(job.config, job.site),
        *redirect_outputs(job.config, job.site),
        *document_outputs(job.site, renderer.current_file),
    ):
        writer.write(item)
        listings.append(item.path)
    return listings


def _write_share(writer: Writer, renderer: Renderer, job: Job) -> tuple[list[str], list[str]]:
    """Write the files that list the articles if no other process has begun them (the
    manifest, the feeds, the search index's document shards), then the pages this renderer
    renders (the others claim more of them meanwhile); return the paths of both."""
    listings = _write_listings(writer, job, renderer) if job.take_listings() else []
    written = []
    css = stylesheet_text(job.paths.static)
    for item in site_pages(job.config, job.site, renderer, job.bodies, css):
        if item.data:
            writer.write(item)
            written.append(item.path)
    return written, listings


def _other_outputs(
    config: SiteConfig, site: Site, paths: Paths, pages: list[str]
) -> Iterator[Output]:
    """Yield the sitemap (it needs every page's date) and the static files."""
    if config.base_url:  # else there is no sitemap
        dates = {e.path: iso_date(e.article.date, config.timezone) for e in site.entries}
        yield from sitemap_outputs(config, [(path, dates.get(path, "")) for path in pages])
    yield from static_files(paths.static)


def manifest(config: SiteConfig, site: Site) -> bytes:
    """Return articles.json: every article that got a page, sorted by source path, one record a
    line, keys sorted: what json.dumps(record, ensure_ascii=False, sort_keys=True) gives, put
    together with json's own string encoder (a dict and a dumps a record took 0.23 s at 20,000
    articles, this 0.15 s; test_site checks every line against json). Each line goes into one
    buffer as it is made: a list of lines, joined and encoded, held four copies (~220 MB at
    100,000 articles) while the other render process worked."""
    entries, ids = site.entries, site.ids
    out = bytearray(b"[")
    dates: dict[object, str] = {}  # an ISO date took 4 us: half the time, for 1,825 dates
    brief = '"brief": true, '  # only on briefs, so other records stay as they were
    for entry in sorted(entries, key=lambda e: e.article.source):
        article = entry.article
        date = dates.get(article.date)
        if date is None:
            date = dates[article.date] = iso_date(article.date, config.timezone)
        original = entry.duplicate_of
        copy = (
            f'"duplicate_of": {_json(entries[original].article.source)}, '
            if original is not None
            else ""
        )
        if entry.unconfirmed:  # names found without enough evidence, for a person to review
            copy += f'"entities_unconfirmed": [{", ".join(map(_json, entry.unconfirmed))}], '
        out += (
            f'\n{{{brief if article.brief else ""}"date": {_json(date) if date else "null"}, {copy}'
            f'"headline_source": {_json(article.headline_source)}, "id": {ids[entry.id]}, '
            f'"section": {_json(entry.section.name) if entry.section else "null"}, '
            f'"source": {_json(article.source)}, "summary": {_json(article.summary)}, '
            f'"tags": [{", ".join([_json(t.name) for t in entry.tags])}], '
            f'"title": {_json(article.title)}, "url": {_json(entry.path)}, '
            f'"word_count": {article.word_count}}},'
        ).encode()
    if entries:
        out[-1:] = b"\n"  # no comma after the last record
    out += b"]\n"
    return bytes(out)  # a record a line: diffs, grep


def static_files(folder: Path) -> Iterator[Output]:
    """Yield every file under the static folder, to be copied to static/ in the output."""
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        if not relative.startswith(".") and "/." not in relative:
            yield Output(f"static/{relative}", path.read_bytes())
