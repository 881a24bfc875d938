"""Run one build: read every article, catalogue them, render and write the site."""

from __future__ import annotations

import dataclasses
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import msgspec

from . import cache, guard, imaging, permalinks, stages, topic_addresses
from .config import SiteConfig
from .errors import Problem
from .loader import Discovery, discover
from .models import Site
from .output_stats import looked_up, snapshot
from .progress import SILENT, Progress
from .stages import TEMPORARY, Last
from .store import Changes, LastBuild, Store, changes
from .writer import Writer, named, staging_for

if TYPE_CHECKING:  # the stages' modules are imported where they run
    from .render import Frame
    from .search_pagefind import Stop


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
    """Build the site with the build store of its output (whose folder is locked): find the
    inputs, and stop there if nothing changed since the last build; else read and catalogue
    the articles, write the built-in search index, render the pages whose keys changed, index
    the site with Pagefind, commit the output and save what the next build reuses.

    `defer_search` (serve) keeps the last Pagefind bundle as it is, for a later build to bring up
    to date; `stop` is asked before each Pagefind run whether to give up (`Superseded`).
    """
    folder = store.path.parent
    shutil.rmtree(folder / TEMPORARY, ignore_errors=True)  # what a killed build left there
    writer = Writer(paths.output, staging_for(paths.output, folder))
    inputs = _inputs(config, paths, store, defer_search)
    catalogued, recatalogue = catalogue
    if not recatalogue and (report := _unchanged(store, inputs, paths, writer.output)):
        report.seconds = time.perf_counter() - started
        return report
    report = Report(problems=list(inputs.found.problems), ignored=inputs.found.ignored)
    try:
        writer.start(store.tree(), _folders(store))
        present = writer.present  # what is intact, what to delete
        site, read, probes = stages.catalogue(config, store, paths, jobs, progress, inputs, report)
        last = _last_pages(store, present)  # after the catalogue, which needs the memory more
        stages.write_all(writer, report, stages.search_terms(site, read))
        frame, salt = stages.render(
            config, paths, folder, site, read, last, writer, report, jobs, progress
        )
        stages.save_topics(site, paths)
        kept = site if catalogued else None  # else freed here, its pages written
        del site, read
        stages.index(config, folder, writer, report, defer_search, stop, progress)
        tree = writer.commit(present)
    except BaseException:
        writer.abort()
        raise
    _save(store, inputs, paths, writer, report, tree, last, salt, probes)
    if catalogued is not None and kept is not None:
        catalogued(kept, frame)
    report.seconds = time.perf_counter() - started
    return report


class Inputs(NamedTuple):
    """What a build found to read and to place, as it found them: the article and image files
    (`loader.Discovery`), their content digests, the stamps the store saves of them, and the key of
    everything the output depends on but the records of published addresses (`_records`)."""

    found: Discovery
    digests: dict[str, str]
    pictures: dict[str, str]
    stamped: Changes
    key: str


def _inputs(config: SiteConfig, paths: Paths, store: Store, defer_search: bool) -> Inputs:
    """Find the articles and images, digest those whose stamps changed, and key the build."""
    found = discover(paths.articles)
    known = store.stamps()
    digests, stamps = cache.digest_files(found.files, known)
    pictures, picture_stamps = cache.digest_files(found.images, known)
    inputs = {**digests, **pictures}  # an image's name never is an article's
    key = cache.build_key(config, (paths.templates, paths.static), inputs)
    key += ":search-deferred" if defer_search else ""
    stamps.update(picture_stamps)  # saved together, as the last build's "sources"
    return Inputs(found, digests, pictures, changes(known, stamps), key)


def _unchanged(store: Store, inputs: Inputs, paths: Paths, output: Path) -> Report | None:
    """Return the last build's report when nothing changed since it and the output is intact
    (None when the build has work to do)."""
    if store.key() != inputs.key + _records(paths):
        return None
    report = _restore(store)
    return report if report is not None and _intact(store, output) else None


def _save(
    store: Store,
    inputs: Inputs,
    paths: Paths,
    writer: Writer,
    report: Report,
    tree: dict[str, list[int]],
    last: Last,
    salt: str,
    probes: dict[str, imaging.Probe],
) -> None:
    """Save what the next build reuses: the inputs' stamps and key, the output's files and
    folders, the page keys, this report (for a build with nothing to do) and the image probes."""
    report.changed += writer.changed
    key = inputs.key + _records(paths)  # as this build left them
    saved = {"key": key.encode(), "report": _report_data(report), "salt": salt.encode()}
    folders = writer.folder_stamps(tree, _folders(store))
    saved["folders"] = msgspec.msgpack.encode(folders)  # for `_intact`
    pages = report.page_keys
    store.save_build(
        LastBuild(inputs.stamped, tree, pages, last.keys, saved, probes, stages.probe_stamp())
    )
    if store.damaged:  # this build's news only: not saved
        report.problems.append(_distrusted(store.path))


def _records(paths: Paths) -> str:
    """Return the stamps of the project's records of published addresses: inputs of the
    output too (`permalinks`, `topic_addresses`)."""
    addresses = permalinks.stamp(permalinks.book_path(paths.cache))
    return addresses + topic_addresses.stamp(topic_addresses.record_path(paths.cache))


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
