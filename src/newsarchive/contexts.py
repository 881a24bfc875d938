"""One context function per page kind: a page's title, description and template context, made
from its spec's inputs (`specs`) and the site layout only, never from the whole Site, so that
the spec's key covers everything the page shows."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

import jinja2

from . import images, urls
from .loader.markup import plain_paragraphs
from .metadata import article_jsonld, article_og, list_jsonld
from .models import LEDE_HEADLINES, Article, Term
from .pagekeys import Keyer
from .reading import Bodies
from .render import Frame, Pager, iso_date, render_page
from .specs import PageSpec
from .text import headline_key

T = TypeVar("T")
Made = tuple[str, str, Mapping[str, Callable[[], object]], dict[str, Any]]
"""A page's title, description, derived values (made only when it is rendered, each a function
of its context and the site config) and context."""


@dataclass(frozen=True, slots=True)
class Layout:
    """What a context function may use beside its spec's inputs: the layout every page shares
    (site config, menu, feeds: in every key) and the bodies of articles, kept on disk and
    fixed by the article's digest (in its entry's)."""

    frame: Frame
    bodies: Bodies


def article_context(layout: Layout, inputs: tuple[Any, ...]) -> Made:
    """Return an article page's title, description, derived values and context."""
    entry, original, near_original, prev_entry, next_entry, copies, related, story = inputs
    config, frame = layout.frame.config, layout.frame
    article = entry.article
    canonical_path = original.path if original else entry.path
    canonical = urls.absolute(config.base_url, canonical_path) or (
        urls.relative(entry.path, canonical_path) if original else ""
    )
    section = entry.section
    feed = (section.name, urls.section_feed_path(section.key)) if section else None
    body = _once(partial(layout.bodies.full, article))  # read once, and only if rendered
    derived: dict[str, Callable[[], object]] = {
        "iso": partial(iso_date, article.date, config.timezone),
        "article": body,
        "body_html": lambda: images.linked(body().body_html, entry, entry.path),
        "standfirst": lambda: _standfirst(body()),
        "jsonld": partial(article_jsonld, config, entry),
        "og": partial(article_og, config, entry),
    }
    context = {
        "entry": entry,
        "article": article,
        "canonical": canonical,
        "breadcrumbs": ((section.name, section.path),) if section else (),
        "original": original,
        "copies": copies,
        "near_original": near_original,
        "prev_entry": prev_entry,
        "next_entry": next_entry,
        "related": related,
        "story": story,
        "versions": _versions(article, story),
        "feeds": frame.feeds + ((feed,) if feed and has_feed(frame, section) else ()),
    }
    title = f"{article.title} — {config.title}"
    return title, article.summary or article.title, derived, context


def _versions(article: Article, story: tuple[Any, ...]) -> tuple[str, ...]:
    """Return the paths of the story's articles under the article's own headline: a wire's
    re-send or corrected version, which the story list marks as such."""
    own = headline_key(article.title)
    return tuple(other.path for other in story if headline_key(other.article.title) == own)


def list_context(layout: Layout, inputs: tuple[Any, ...]) -> Made:
    """Return a page of a paginated list's title, description, derived values and context
    (`lists.list_specs`)."""
    full, description, page_title, heading, crumbs, total, names, *rest = inputs
    number, count, first, chunk, *values = rest
    path = urls.page_path(first, number)
    config = layout.frame.config
    context = dict(zip(names, values, strict=True))
    context.update(
        pager=Pager(number, count, chunk, path, first),
        heading=heading,
        breadcrumbs=crumbs,
        total=total,
    )
    derived = {"jsonld": partial(list_jsonld, config, page_title, description, path)}
    return full, description, derived, context


def page_context(layout: Layout, inputs: tuple[Any, ...]) -> Made:
    """Return a single page's title, description and context, given as they are
    (`lists.page_spec`)."""
    title, description, names, *values = inputs
    return title, description, {}, dict(zip(names, values, strict=True))


LISTS = ("home", "section", "term", "period")
PAGES = ("terms", "letter", "topics", "search", "archive", "404")
CONTEXTS: dict[str, Callable[[Layout, tuple[Any, ...]], Made]] = {
    "article": article_context,
    **dict.fromkeys(LISTS, list_context),
    **dict.fromkeys(PAGES, page_context),
}
"""The context function of each page kind."""


def render_spec(env: jinja2.Environment, layout: Layout, spec: PageSpec) -> bytes:
    """Render the page of a spec."""
    made = CONTEXTS[spec.kind](layout, spec.inputs)
    return render_page(env, layout.frame, spec.template, spec.path, made)


def context_key(keyer: Keyer, layout: Layout, spec: PageSpec) -> str | None:
    """Return the key of a spec's page made from its whole context (`Keyer.key`), not from its
    inputs: what the key check compares (`render.DEBUG_KEYS`)."""
    title, description, _, context = CONTEXTS[spec.kind](layout, spec.inputs)
    return keyer.key(spec.template, spec.path, title, description, context)


def has_feed(frame: Frame, section: Term | None) -> bool:
    """Tell whether a section has an Atom feed."""
    return section is not None and section.key in frame.section_feeds


def _once(make: Callable[[], T]) -> Callable[[], T]:
    """Return a function giving make()'s value, made on the first call."""
    made: list[T] = []

    def value() -> T:
        if not made:
            made.append(make())
        return made[0]

    return value


def _standfirst(article: Article) -> str:
    """Return the summary to show under the headline, unless it only repeats the first lines."""
    if not article.summary or article.headline_source in LEDE_HEADLINES:
        return ""
    paragraphs = article.paragraphs or plain_paragraphs(article.body_html)
    # a table's rows, as summarised ("row; row"), its columns' runs of spaces as one
    opening = " ".join(paragraphs[0].replace("\n", "; ").split()) if paragraphs else ""
    summary = " ".join(article.summary.rstrip("…").split())
    return "" if opening.startswith(summary) else article.summary
