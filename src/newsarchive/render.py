"""The Jinja environment and its filters, and rendering one page from a small context."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import zoneinfo
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from msgspec import Struct

from . import authors, urls
from .config import SiteConfig
from .errors import BuildError
from .fragments import Fragments
from .models import KEEP, Entry, Term
from .pagekeys import Keyer
from .text import reading_minutes

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def environment(templates: Path, compiled: Path | None = None) -> jinja2.Environment:
    """Make the Jinja environment: strict undefined, autoescaping, our filters; the templates'
    compiled code kept between builds in the folder `compiled`, if given (`Compiled`)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # a build's templates do not change while it runs: no stat a page
        bytecode_cache=Compiled(str(compiled)) if compiled else None,
    )
    env.filters["human_date"] = human_date
    env.filters["month_name"] = lambda number: MONTH_NAMES[number - 1]
    env.filters["reading_time"] = lambda words: f"{reading_minutes(words)} min read"
    env.filters["byline_parts"] = authors.parts
    env.filters["thousands"] = lambda number: f"{number:,}"
    env.globals["cached"] = Fragments()
    env.globals.update(
        home=urls.HOME,
        archive=urls.ARCHIVE,
        topics=urls.TOPICS,
        search=urls.SEARCH,
        stylesheet=urls.STYLESHEET,
    )
    return env


class Compiled(jinja2.FileSystemBytecodeCache):
    """Keeps the templates' compiled code in a folder: Jinja compiles a template again only
    if its source changed (12 templates: 0.09 s to compile, 0.004 s to load). The folder
    must be newsarchive's code's own (`cache.compiled_templates`): the code Jinja makes
    depends on the environment's options too. A file that cannot be read or written is
    compiled again, never an error."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):  # damaged
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)


def compile_templates(env: jinja2.Environment) -> None:
    """Compile every template in the environment's folder now, into its bytecode cache:
    render processes started later load them instead of each compiling its own. A template
    that does not compile is left to fail where it is used, with its line."""
    for name in env.list_templates(extensions=["html"]):
        with suppress(jinja2.TemplateError):
            env.get_template(name)


def human_date(date: dt.datetime | None) -> str:
    """Format a date for readers, e.g. "5 January 2023"; "Undated" when there is none."""
    if date is None:
        return "Undated"
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def iso_date(date: dt.datetime | None, timezone: str) -> str:
    """Format a site-local date as ISO 8601 with its UTC offset; "" when there is none."""
    if date is None:
        return ""
    return date.replace(tzinfo=zoneinfo.ZoneInfo(timezone)).isoformat()


def json_script(data: object) -> Markup:
    """Serialise data for a <script> block so no string inside it can end the block."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class Pager(Struct, frozen=True, gc=False):
    """One page of a paginated list."""

    number: int
    count: int
    items: tuple[Entry, ...]
    path: str
    first_path: str

    @property
    def prev_path(self) -> str | None:
        """Return the path of the previous page, if any."""
        return urls.page_path(self.first_path, self.number - 1) if self.number > 1 else None

    @property
    def next_path(self) -> str | None:
        """Return the path of the next page, if any."""
        return (
            urls.page_path(self.first_path, self.number + 1) if self.number < self.count else None
        )

    def window(self, size: int = 2) -> list[tuple[int, str] | None]:
        """Return page numbers with paths around the current page; None marks a gap."""
        wanted = {1, self.count} | set(range(self.number - size, self.number + size + 1))
        shown: list[tuple[int, str] | None] = []
        for number in sorted(n for n in wanted if 1 <= n <= self.count):
            if shown and shown[-1] is not None and number - shown[-1][0] > 1:
                shown.append(None)
            shown.append((number, urls.page_path(self.first_path, number)))
        return shown


def pages_of(items: Sequence[Entry], first_path: str, per_page: int) -> list[Pager]:
    """Split items into pages; an empty list still has one (empty) page."""
    count = max(1, -(-len(items) // per_page))
    return [
        Pager(
            n,
            count,
            tuple(items[(n - 1) * per_page : n * per_page]),
            urls.page_path(first_path, n),
            first_path,
        )
        for n in range(1, count + 1)
    ]


DEBUG_KEYS = "NEWSARCHIVE_DEBUG_KEYS"
"""Set (to anything but "" or "0"), every file a page key says to keep is made anyway and must
equal the file kept, or the build fails naming it: a check that keys miss nothing a page shows."""


def checked_against(output: Path) -> Path | None:
    """Return the output folder whose kept files are checked (DEBUG_KEYS set), else None."""
    return output if os.environ.get(DEBUG_KEYS, "") not in ("", "0") else None


def check_kept(folder: Path, path: str, data: bytes) -> None:
    """Fail the build if a file the keys kept in the output `folder` is not `data`, what its
    inputs make now (`checked_against`)."""
    if data != (folder / path).read_bytes():
        raise BuildError(
            f"{path}: its key is the last build's, so the last build's file was kept, but "
            f"made now the file differs ({DEBUG_KEYS} is set); the key misses something "
            "the file shows: add it to what the file is keyed by (specs.py, pages.py)"
        )


@dataclass(frozen=True, slots=True)
class Reuse:
    """What the last build left: its page keys, and which of its files are still as it wrote
    them (size and mtime, from the snapshot the build began with). With `checked` (the output
    folder, `checked_against`), every file the keys say to keep is made anyway and compared
    with the one kept there."""

    keyer: Keyer
    keys: Mapping[str, str]
    untouched: frozenset[str]
    checked: Path | None = None

    def current(self, path: str, key: str) -> bool:
        """Tell whether the last build wrote this page from the same key, and it is untouched."""
        return self.keys.get(path) == key and path in self.untouched


@dataclass(frozen=True, slots=True)
class Frame:
    """What every page's layout needs: the site, navigation and where this page is."""

    config: SiteConfig
    nav: tuple[Term, ...]
    feeds: tuple[tuple[str, str], ...]  # (title, path) of site-wide feeds
    has_search: bool = False
    section_feeds: frozenset[str] = frozenset()  # keys of sections with an Atom feed


CHUNK = 64
"""Pages a render process claims at a time (see `Renderer`)."""
LIST = "#list"
"""Added to a list's first path, names the key of the whole list (`Renderer.list_current`)."""
Made = Callable[[], tuple[str, str, Mapping[str, Callable[[], object]], dict[str, Any]]]
"""Makes a page's title, description, derived values and context (`Renderer.page_from`)."""


class Renderer:
    """Renders named templates for one site into bytes.

    For parallel builds every process goes through the pages in the same order, renders the
    chunks of CHUNK pages it claims (`claim` gives the next chunk of its share, in increasing
    order) and returns b"" for the others.
    """

    def __init__(
        self,
        env: jinja2.Environment,
        frame: Frame,
        claim: Callable[[], int] | None = None,
        reuse: Reuse | None = None,
    ) -> None:
        self.env = env
        self.frame = frame
        self.claim = claim
        self.owned = claim() if claim else 0  # the chunk this process renders next
        self.turn = 0
        self.reuse = reuse
        self.keys: dict[str, str] = {}
        self._checking = ""  # a kept page of a current list, made to check it (`kept`)
        self._menu_paths: frozenset[str] | None = None  # `menu_paths`, once made

    def skip(self) -> bool:
        """Pass over the next page if another process renders it, before its context is made.

        A worker that built every page's context would do every page's work but the render.
        """
        if self.claim is None:
            return False
        chunk = self.turn // CHUNK
        if chunk > self.owned:  # its chunk is done: the next free one is at or after this
            self.owned = self.claim()
        if chunk == self.owned:
            return False
        self.turn += 1
        return True

    def page(
        self,
        template: str,
        path: str,
        title: str,
        description: str,
        derived: Mapping[str, Callable[[], object]] | None = None,
        **context: Any,
    ) -> bytes:
        """Render one page; b"" when it is another process's, KEEP when last build's is current.

        `derived` values are made only if the page is rendered, and are not part of its key: each
        must be a function of the context's other values and the site config (JSON-LD, say).
        """
        if self.skip():
            return b""
        self.turn += 1
        make = partial(self._render, template, path, title, description, derived or {}, context)
        if self._checking == path:  # kept, as its list is current (`kept`): checked here
            self._checking = ""
            return self._kept(path, make)
        if self._current(template, path, title, description, context):
            return self._kept(path, make)
        return make()

    def page_from(self, template: str, path: str, inputs: tuple[object, ...], make: Made) -> bytes:
        """Render one page as `page` does, its title, description, derived values and context
        made by `make` from `inputs` (Site parts and plain values that, with the site config and
        the code, fix all of them): keyed by its inputs, a current page is never made at all."""
        if self.skip():
            return b""
        self.turn += 1
        made = partial(self._made, template, path, make)
        if self._current(template, path, "", "", {"inputs": inputs}):
            return self._kept(path, made)
        return made()

    def _made(self, template: str, path: str, make: Made) -> bytes:
        """Render a page whose title, description, derived values and context `make` makes."""
        title, description, derived, context = make()
        return self._render(template, path, title, description, derived, context)

    def current_file(
        self, path: str, inputs: Mapping[str, object], make: Callable[[], bytes]
    ) -> bool:
        """Tell whether a file that is not a page (a listing) is as the last build wrote it:
        made from the same `inputs` (named values, keyed as a page's context is), and
        untouched; records its key. `make` makes its bytes (called only to check a kept file:
        `Reuse.checked`)."""
        current = self._current("", path, "", "", inputs)
        if current:
            self._kept(path, make)
        return current

    def list_current(self, template: str, first: str, parts: Mapping[str, Any]) -> bool:
        """Tell whether a paginated list is as the last build had it: `parts` (its entries, in
        order, and every value its pages are made from beside the page number) have the key
        they had then. Then each of its pages is current if untouched (`kept`)."""
        if self.reuse is None:
            return False
        name = first + LIST
        key = self.reuse.keyer.key(template, name, "", "", parts)
        if key is None:
            return False
        self.keys[name] = key
        return self.reuse.keys.get(name) == key

    def kept(self, path: str) -> bool:
        """Tell whether the next page (ours: `skip` said so) of a current list is untouched, and
        if so pass over it, keeping its last key."""
        assert self.reuse is not None, "a list is current only with the last build's keys"
        key = self.reuse.keys.get(path)
        if key is None or not self.reuse.current(path, key):
            return False
        self.keys[path] = key
        if self.reuse.checked is not None:  # made by `page` after all, and checked there
            self._checking = path
            return False
        self.turn += 1
        return True

    def _kept(self, path: str, make: Callable[[], bytes]) -> bytes:
        """Return KEEP for a file the keys say is current; checking keys (`Reuse.checked`),
        first make it and fail the build if it differs from the file kept."""
        folder = self.reuse.checked if self.reuse else None
        if folder is not None:
            check_kept(folder, path, make())
        return KEEP

    def menu_paths(self) -> frozenset[str]:
        """Return the pages the section menu links to, where it marks the page it is on."""
        if self._menu_paths is None:
            self._menu_paths = menu_paths_of(self.frame)
        return self._menu_paths

    def _current(
        self, template: str, path: str, title: str, description: str, context: Mapping[str, Any]
    ) -> bool:
        """Key a file (as `Keyer.key` does) and record its key; tell whether the last build
        wrote it from the same one and it is untouched."""
        if self.reuse is None:
            return False
        key = self.reuse.keyer.key(template, path, title, description, context)
        if key is None:
            return False
        self.keys[path] = key
        return self.reuse.current(path, key)

    def _render(
        self,
        template: str,
        path: str,
        title: str,
        description: str,
        derived: Mapping[str, Callable[[], object]],
        context: dict[str, Any],
    ) -> bytes:
        """Render one page's template with its context and the layout's values."""
        made = (title, description, derived, context)
        return render_page(self.env, self.frame, template, path, made, self.menu_paths())


def render_page(
    env: jinja2.Environment,
    frame: Frame,
    template: str,
    path: str,
    made: tuple[str, str, Mapping[str, Callable[[], object]], dict[str, Any]],
    menu_paths: frozenset[str] | None = None,
) -> bytes:
    """Render one page's template with its title, description, derived values and context
    (`made`), and the layout's values."""
    title, description, derived, context = made
    for name, make in derived.items():
        context[name] = make()
    to: Callable[[str], str] = lambda target: urls.relative(path, target)  # noqa: E731
    if context.pop("anywhere", False) and frame.config.base_url:
        # a page served at any address (the 404): links must not depend on where it is
        to = partial(urls.absolute, frame.config.base_url)
    context.setdefault("canonical", urls.absolute(frame.config.base_url, path))
    context.setdefault("breadcrumbs", ())
    context.setdefault("jsonld", None)
    context.setdefault("og", ())
    context.setdefault("feeds", frame.feeds)
    html = env.get_template(template).render(
        site=frame.config,
        nav=frame.nav,
        path=path,
        to=to,
        page_title=title,
        description=description,
        has_search=frame.has_search,
        menu_paths=menu_paths if menu_paths is not None else menu_paths_of(frame),
        **context,
    )
    return html.encode("utf-8")


def menu_paths_of(frame: Frame) -> frozenset[str]:
    """Return the pages the section menu links to, where it marks the page it is on."""
    sections = (section.path for section in frame.nav)
    return frozenset((urls.HOME, urls.ARCHIVE, urls.TOPICS, *sections))
