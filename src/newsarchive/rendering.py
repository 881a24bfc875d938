"""The render stage: every page rendered (in the build process or in a pool, `executor`) and
written with the files that list the articles (manifest, feeds, redirects, the search index's
document shards), then the sitemap, the pictures and the static files."""

from __future__ import annotations

import dataclasses
import functools
import io
import pickle
import traceback
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from . import cache, executor, urls
from .config import SiteConfig
from .contexts import Layout, context_key, render_spec
from .errors import BuildError
from .feeds import feed_outputs, feed_sections, in_feed
from .images import image_outputs
from .manifest import manifest
from .memory import release_freed
from .models import KEEP, Output, Site
from .notfound import stylesheet_text
from .pagekeys import Keyer
from .pages import site_specs
from .progress import Progress
from .reading import Bodies
from .redirects import redirect_outputs
from .render import DEBUG_KEYS, Frame, check_kept, environment, iso_date
from .search import Current, document_outputs
from .sections import menu, most_covered
from .sitemap import sitemap_outputs
from .specs import PageSpec, spec_keys
from .writer import Writer

CHUNK = 64
"""Pages a task of the render stage renders: few enough that a process that finishes early
takes another, many enough that the tasks' overhead does not matter."""
CONTEXT = "#context"
"""Added to a page's path, names the key of its whole context, recorded when keys are checked
(`checked_against`) to compare with its spec's key in the next checked build."""

if TYPE_CHECKING:
    from .builder import Paths, Report


def write_site(
    job: Job, writer: Writer, report: Report, run: executor.Executor, progress: Progress
) -> None:
    """Write the pictures, every page and the files that list the articles (manifest, feeds),
    then the sitemap and the static files.

    The build process renders a share of the pages beside a pool's workers (`executor.Pool`),
    from the job it holds; each worker loads its own copy of the job.
    """
    kept = functools.partial(_kept, job.keys, job.untouched, report)
    for item in image_outputs(job.site, kept, report.problems):
        writer.write(item)
        report.files += 1
    job, stale, kept_pages = _stale_specs(job, writer, report)
    config, paths, dates = job.config, job.paths, _page_dates(job.config, job.site)
    if run.workers > 1:
        job = _for_workers(job, report.page_keys)
        release_freed(cycles=True)  # what the catalogue freed, before a worker copies the job
    progress.begin("Rendering pages")
    pages = [*kept_pages, *_write_pages(writer, job, run, report, stale)]
    progress.end()
    for item in _other_outputs(config, paths, dates, pages):
        writer.write(item)
        report.files += 1


def _kept(
    keys: dict[str, str], untouched: frozenset[str], report: Report, path: str, key: str
) -> bool:
    """Tell whether the last build wrote a file from the same key and it is untouched; record
    its key for the next build."""
    report.page_keys[path] = key
    return keys.get(path) == key and path in untouched


def _stale_specs(job: Job, writer: Writer, report: Report) -> tuple[Job, list[Specs], list[str]]:
    """Make every page's spec and key; keep the pages whose key is the last build's and whose
    file is untouched; return the job with the entries' digests, the tasks that render the
    others (the kept ones too when they are checked: `checked_against`), and the pages kept."""
    specs = site_specs(job.frame, job.site, stylesheet_text(job.paths.static))
    keyer = Keyer(job.salt)
    keys = spec_keys(keyer, specs)
    digests = tuple(map(keyer.remembered, job.site.entries))  # made already: for the workers
    stale: list[int] = []
    kept: list[int] = []
    for index, (spec, key) in enumerate(zip(specs, keys, strict=True)):
        report.page_keys[spec.path] = key
        current = job.keys.get(spec.path) == key and spec.path in job.untouched
        (kept if current else stale).append(index)
    kept_pages = []
    if job.checked is None:
        kept_pages = [specs[index].path for index in kept]
        writer.adopt(kept_pages)
        report.files += len(kept_pages)
        report.pages += len(kept_pages)
        kept = []
    places = {id(part): place for place, part in enumerate(_parts(job.site))}
    tasks = [
        Specs(_packed(specs, stale[i : i + CHUNK], places)) for i in range(0, len(stale), CHUNK)
    ]
    tasks += [
        Specs(_packed(specs, kept[i : i + CHUNK], places), check=True)
        for i in range(0, len(kept), CHUNK)
    ]
    return dataclasses.replace(job, digests=digests), tasks, kept_pages


def _for_workers(job: Job, compared: Mapping[str, str]) -> Job:
    """Return the job a pool's processes load: of the last build's keys and untouched files
    only those of files not `compared` here yet (the listings'), unless kept pages are
    checked (`checked_against`), which compares every page's in the workers."""
    if job.checked is not None:
        return job
    listed = (path for path in job.keys if path not in compared and not path.endswith(CONTEXT))
    keys = {path: job.keys[path] for path in listed}
    untouched = frozenset(path for path in keys if path in job.untouched)
    return dataclasses.replace(job, keys=keys, untouched=untouched)


def _parts(site: Site) -> list[object]:
    """Return the Site parts a task's specs name by their place in this list, not by value
    (`_packed`): every entry, then every term."""
    return [*site.entries, *site.sections, *site.tags, *site.entities, *site.authors]


def _packed(specs: tuple[PageSpec, ...], indexes: list[int], places: dict[int, int]) -> bytes:
    """Return the specs at `indexes` pickled, each entry and term as its place (`places`, by
    object id) in `_parts`: a rendering process has them in its catalogue, so a task carries
    only its pages' own values, and no process holds every page's spec while it renders."""
    out = io.BytesIO()
    _Naming(out, places).dump([specs[index] for index in indexes])
    return out.getvalue()


def _unpacked(data: bytes, parts: list[object]) -> list[PageSpec]:
    """Return a task's specs, each entry and term the one of this process's catalogue."""
    specs: list[PageSpec] = _Finding(io.BytesIO(data), parts).load()
    return specs


class _Naming(pickle.Pickler):
    """Pickles Site parts by their place in a list (`_parts`)."""

    def __init__(self, file: io.BytesIO, places: dict[int, int]) -> None:
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self.places = places

    def persistent_id(self, obj: object) -> int | None:
        """Return a Site part's place, None for any other value."""
        return self.places.get(id(obj))


class _Finding(pickle.Unpickler):
    """Unpickles Site parts from their place in a list (`_parts`)."""

    def __init__(self, file: io.BytesIO, parts: list[object]) -> None:
        super().__init__(file)
        self.parts = parts

    def persistent_load(self, pid: int) -> object:
        """Return the Site part at a place."""
        return self.parts[pid]


def _page_dates(config: SiteConfig, site: Site) -> dict[str, str]:
    """Return each article page's date for the sitemap (none without a base URL: no sitemap)."""
    if not config.base_url:
        return {}
    return {e.path: iso_date(e.article.date, config.timezone) for e in site.entries}


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


@dataclass(frozen=True, slots=True)
class Job:
    """What a rendering process needs: pickled to each, so made of plain values and records."""

    config: SiteConfig
    site: Site
    frame: Frame  # the site's layout (`frame_of`), made once for every page
    paths: Paths
    compiled: Path | None  # the templates' compiled code (`cache.compiled_templates`)
    bodies: Bodies
    staging: Path  # where the build's writer stages
    flat: bool  # whether it stages flat (`Writer.flat`)
    salt: str  # what every page key covers beside its page (`key_salt`)
    keys: dict[str, str] = field(default_factory=dict)  # page keys of the last build
    untouched: frozenset[str] = frozenset()  # its output files still as it wrote them
    checked: Path | None = None  # the output if kept files are checked (`checked_against`)
    digests: tuple[bytes, ...] = ()  # each entry's, as the specs' keys took it (`Keyer.seed`)


@dataclass(frozen=True, slots=True)
class Specs:
    """One task of the render stage: the specs of some pages (`pages`, pickled with their
    entries and terms named by place: `_packed`); with `check`, pages the keys keep, made only
    to compare with the files kept (`checked_against`); with `listings`, the files that list
    the articles."""

    pages: bytes
    check: bool = False
    listings: bool = False


Rendering = tuple[Job, jinja2.Environment, list[object]]
"""What a rendering process renders with: the job, a Jinja environment with its templates, and
the Site parts its tasks' specs name (`_parts`)."""


def _start_rendering(job: Job) -> Rendering:
    """Ready a rendering process."""
    return job, environment(job.paths.templates, job.compiled), _parts(job.site)


def _render_task(
    context: Rendering, task: Specs
) -> tuple[list[str], list[str], int, dict[str, str]]:
    """Render a task's pages, or write the listings, to staging (a step of the render stage);
    return the pages written, the listings written, how many files changed, and the keys."""
    job, env, parts = context
    writer = Writer(job.paths.output, job.staging, job.flat)
    if task.listings:
        keys: dict[str, str] = {}
        listings = _write_listings(writer, job, partial(_current_file, job, _keyer(job), keys))
        return [], listings, writer.changed, keys
    return _write_specs(writer, job, env, _unpacked(task.pages, parts), task.check)


def frame_of(config: SiteConfig, site: Site, static: Path) -> Frame:
    """Return what every page's layout shows of the site (`static`: the theme's static
    files, where its icon is looked for: a page links one only if the theme has it)."""
    feeds = ((config.title, urls.FEED),) if any(map(in_feed, site.entries)) else ()
    levels = menu(site.sections, config.menu_depth)
    nav = most_covered(levels, config.menu_size)
    more = "" if len(nav) == len(levels) else urls.term_index_path("section")
    icon = next((p for p in urls.ICONS if (static / p.removeprefix("static/")).is_file()), "")
    return Frame(config, nav, feeds, True, feed_sections(site), more, icon)


def key_salt(frame: Frame, templates: Path) -> str:
    """Return what every page key covers beside the page itself: newsarchive's code, the
    templates, and the layout (site config, sections, feeds)."""
    salt = f"{cache.code_key()}:{cache.folders_key((templates,))}"
    return f"{salt}:{Keyer(salt).key('frame', '', '', '', {'frame': frame})}"


def _write_pages(
    writer: Writer,
    job: Job,
    run: executor.Executor,
    report: Report,
    stale: list[Specs],
) -> list[str]:
    """Render and write the HTML pages, and the files that list the articles (`run` says
    where); return the paths of the pages written."""
    pages: list[str] = []
    tasks = [Specs(b"", listings=True), *stale]
    for written, listings, changed, keys in run.map(_render_task, tasks, _start_rendering, job):
        writer.adopt([*written, *listings])
        report.files += len(written) + len(listings)
        report.pages += len(written)
        report.changed += changed
        report.page_keys.update(keys)
        pages.extend(written)
    return pages


def _write_listings(writer: Writer, job: Job, current: Current) -> list[str]:
    """Write the files that list the articles (the manifest, the feeds, the search index's
    document shards, those kept as the last build wrote them if their entries are); return
    their paths."""
    writer.write_pieces("articles.json", manifest(job.config, job.site))
    listings = ["articles.json"]
    for item in (
        *feed_outputs(job.config, job.site),
        *redirect_outputs(job.config, job.site),
        *document_outputs(job.site, current),
    ):
        writer.write(item)
        listings.append(item.path)
    return listings


def _keyer(job: Job) -> Keyer:
    """Return a keyer that has the entries' digests the build process made."""
    keyer = Keyer(job.salt)
    keyer.seed(job.site.entries, job.digests)
    return keyer


def _current_file(
    job: Job,
    keyer: Keyer,
    keys: dict[str, str],
    path: str,
    inputs: Mapping[str, object],
    make: Callable[[], bytes],
) -> bool:
    """Tell whether a file that is not a page (a listing) is as the last build wrote it: made
    from the same `inputs` (named values, keyed as a page's whole context is), and untouched;
    record its key in `keys`. `make` makes its bytes, to check a kept file (`checked_against`)."""
    key = keyer.key("", path, "", "", inputs)
    if key is None:
        return False
    keys[path] = key
    current = job.keys.get(path) == key and path in job.untouched
    if current and job.checked is not None:
        check_kept(job.checked, path, make())
    return current


def _write_specs(
    writer: Writer, job: Job, env: jinja2.Environment, specs: list[PageSpec], check: bool
) -> tuple[list[str], list[str], int, dict[str, str]]:
    """Render the pages of some specs to staging, or check them (`check`: `Specs`); return
    them as `_render_task` does, with their keys from their whole context when checking
    (`checked_against`)."""
    layout = Layout(job.frame, job.bodies)
    keyer = _keyer(job) if job.checked else None
    written, keys = [], {}
    for spec in specs:
        try:
            data = render_spec(env, layout, spec)
        except jinja2.TemplateError as error:  # keep the template line: tracebacks don't pickle
            raise BuildError(template_message(error, job.paths.templates)) from None
        if job.checked is not None and keyer is not None:
            keys[spec.path + CONTEXT] = _checked_key(job, keyer, layout, spec, check)
        if check:
            assert job.checked is not None
            check_kept(job.checked, spec.path, data)
            data = KEEP
        writer.write(Output(spec.path, data))
        written.append(spec.path)
    return written, [], writer.changed, keys


def _checked_key(job: Job, keyer: Keyer, layout: Layout, spec: PageSpec, kept: bool) -> str:
    """Return a spec's page key from its whole context; for a page its spec's key keeps, fail
    the build if it is not the last build's (when that build recorded one)."""
    key = context_key(keyer, layout, spec) or ""
    last = job.keys.get(spec.path + CONTEXT)
    if kept and last is not None and last != key:
        raise BuildError(
            f"{spec.path}: its spec's key is the last build's, but the key of its whole "
            f"context is not ({DEBUG_KEYS} is set): its context is made from something its "
            f"spec's inputs miss; add it to the {spec.kind} spec's inputs (specs.py)"
        )
    return key


def _other_outputs(
    config: SiteConfig, paths: Paths, dates: dict[str, str], pages: list[str]
) -> Iterator[Output]:
    """Yield the sitemap (of every page, with the articles' dates) and the static files."""
    if config.base_url:  # else there is no sitemap
        yield from sitemap_outputs(config, [(path, dates.get(path, "")) for path in pages])
    yield from static_files(paths.static)


def static_files(folder: Path) -> Iterator[Output]:
    """Yield every file under the static folder, to be copied to static/ in the output."""
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        if not relative.startswith(".") and "/." not in relative:
            yield Output(f"static/{relative}", path.read_bytes())
