"""The Jinja environment and its filters, and rendering one page from a small context."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import re
import zoneinfo
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape
from msgspec import Struct

from . import authors, urls
from .config import SiteConfig
from .errors import BuildError
from .fragments import Fragments
from .models import Entry, Term
from .text import TICKER, reading_minutes

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
    env.filters["wire"] = wire_marks
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
    if its source changed (loading compiled code is far cheaper than compiling). The folder
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


def wire_marks(text: str) -> Markup:
    """Return text escaped, a wire's ticker ("<SM>", "<CHEY.O>") shown as a ticker and a
    company it names in brackets ("<Nissho Iwai Corp>") without them. The brackets stay in
    the page's text, hidden by the stylesheet: a search index, a copy and a screen without
    styles read "<SM>" as the wire wrote it."""
    escaped = str(escape(text))
    return Markup(_WIRE_MARK.sub(_marked, escaped) if "&lt;" in escaped else escaped)


# A bracketed run after escaping, opening with a capital or a digit ("<script>" stays text).
_WIRE_MARK = re.compile(r"&lt;([A-Z0-9](?:[^&<>\n]|&(?:amp|#39|#34);){0,80}?)(?<! )&gt;")
_HIDDEN = '<span class="wire-mark">{}</span>'


def _marked(match: re.Match[str]) -> str:
    """Return one bracketed run as a ticker or a company's name, its brackets hidden."""
    inner = match.group(1)
    kind = "ticker" if TICKER.fullmatch(inner) else "wire-name"
    return f'<span class="{kind}">{_HIDDEN.format("&lt;")}{inner}{_HIDDEN.format("&gt;")}</span>'


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
class Frame:
    """What every page's layout needs: the site, navigation and where this page is."""

    config: SiteConfig
    nav: tuple[Term, ...]
    feeds: tuple[tuple[str, str], ...]  # (title, path) of site-wide feeds
    has_search: bool = False
    section_feeds: frozenset[str] = frozenset()  # keys of sections with an Atom feed
    more: str = ""  # the page listing every section, when the menu leaves some out
    icon: str = ""  # the site's icon (`urls.ICONS`), "" when the static folder has none


def render_page(
    env: jinja2.Environment,
    frame: Frame,
    template: str,
    path: str,
    made: tuple[str, str, Mapping[str, Callable[[], object]], dict[str, Any]],
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
        nav_more=frame.more,
        path=path,
        to=to,
        page_title=title,
        description=description,
        has_search=frame.has_search,
        icon=frame.icon,
        menu_paths=menu_paths_of(frame),
        **context,
    )
    return html.encode("utf-8")


def menu_paths_of(frame: Frame) -> frozenset[str]:
    """Return the pages the section menu links to, where it marks the page it is on."""
    sections = (section.path for section in frame.nav)
    more = (frame.more,) if frame.more else ()
    return frozenset((urls.HOME, urls.ARCHIVE, urls.TOPICS, *sections, *more))
