"""Run one build: read every article, catalogue them, render and write the site."""

from __future__ import annotations

import json
import os
import time
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from . import urls
from .catalog import build_site
from .config import SiteConfig
from .errors import BuildError, Problem
from .feeds import feed_outputs
from .loader import discover, read_article
from .models import Article, Output, Site, SourceFile
from .pages import site_pages
from .render import Frame, Renderer, environment, iso_date
from .sitemap import sitemap_outputs
from .writer import Writer

POOL_THRESHOLD = 200  # below this many files a process pool costs more than it saves


@dataclass(frozen=True, slots=True)
class Paths:
    """Where a build reads from and writes to."""

    articles: Path
    output: Path
    templates: Path
    static: Path


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


def build(config: SiteConfig, paths: Paths, jobs: int | None = None) -> Report:
    """Build the site; raises BuildError when the site cannot be written."""
    started = time.perf_counter()
    report = Report()
    found = discover(paths.articles)
    report.problems.extend(found.problems)
    report.ignored = found.ignored
    articles = _read_all(found.files, report, jobs)
    site = build_site(config, articles)
    report.articles, report.notes = len(site.entries), site.notes
    writer = Writer(paths.output)
    writer.start()
    try:
        for item in _outputs(config, site, paths):
            writer.write(item)
            report.files += 1
            report.pages += item.path.endswith(".html")
        writer.commit()
    except jinja2.TemplateError as error:
        writer.abort()
        raise BuildError(template_message(error, paths.templates)) from None
    except BaseException:
        writer.abort()
        raise
    report.changed = writer.changed
    report.seconds = time.perf_counter() - started
    return report


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


def _read_all(files: Sequence[SourceFile], report: Report, jobs: int | None) -> list[Article]:
    """Read every file, in a process pool when there are enough of them."""
    workers = jobs or os.cpu_count() or 1
    if workers > 1 and len(files) >= POOL_THRESHOLD:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(read_article, files, chunksize=64))
    else:
        results = [read_article(f) for f in files]
    articles = []
    for article, problems in results:
        report.problems.extend(problems)
        if article is not None:
            articles.append(article)
    return articles


def _outputs(config: SiteConfig, site: Site, paths: Paths) -> Iterator[Output]:
    """Yield every output file: pages, manifest, feeds, sitemap and static assets."""
    feeds = tuple(feed_outputs(config, site))
    site_feed = tuple((config.title, f.path) for f in feeds if f.path == urls.FEED)
    renderer = Renderer(environment(paths.templates), Frame(config, site.sections, site_feed))
    dates = {e.path: iso_date(e.article.date, config.timezone) for e in site.entries}
    html_paths: list[tuple[str, str]] = []
    for item in site_pages(config, site, renderer):
        html_paths.append((item.path, dates.get(item.path, "")))
        yield item
    yield Output("articles.json", manifest(config, site))
    yield from feeds
    yield from sitemap_outputs(config, html_paths)
    yield from static_files(paths.static)


def manifest(config: SiteConfig, site: Site) -> bytes:
    """Return articles.json: every article that got a page, sorted by source path."""
    records = []
    for entry in sorted(site.entries, key=lambda e: e.article.source):
        article = entry.article
        record: dict[str, object] = {
            "source": article.source,
            "url": entry.path,
            "title": article.title,
            "date": iso_date(article.date, config.timezone) or None,
            "section": entry.section.name if entry.section else None,
            "tags": [t.name for t in entry.tags],
            "summary": article.summary,
            "word_count": article.word_count,
        }
        if entry.duplicate_of is not None:
            record["duplicate_of"] = site.entries[entry.duplicate_of].article.source
        records.append(record)
    text = json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True)
    return (text + "\n").encode("utf-8")


def static_files(folder: Path) -> Iterator[Output]:
    """Yield every file under the static folder, to be copied to static/ in the output."""
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        if not relative.startswith(".") and "/." not in relative:
            yield Output(f"static/{relative}", path.read_bytes())
