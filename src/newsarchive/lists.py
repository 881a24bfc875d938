"""Paginated lists of entries: the pages of the home page, sections, terms and periods."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial

from . import urls
from .config import SiteConfig
from .metadata import list_jsonld
from .models import KEEP, Entry, Output, Site
from .render import Renderer, pages_of


def listed(site: Site, ids: Sequence[int]) -> tuple[Entry, ...]:
    """Return the listed (non-duplicate) entries for ids."""
    return tuple(site.entries[i] for i in ids if site.entries[i].duplicate_of is None)


def list_pages(
    renderer: Renderer,
    template: str,
    first: str,
    items: Sequence[Entry],
    config: SiteConfig,
    title: str,
    description: str,
    crumbs: tuple[tuple[str, str], ...],
    **context: object,
) -> Iterator[Output]:
    """Yield the pages of a paginated list of entries. Once the list is found as the last
    build had it, its untouched pages are kept without a key apiece."""
    current = None  # not known until this process has a page of the list to write
    for pager in pages_of(items, first, config.per_page):
        if renderer.skip():
            yield Output(pager.path, b"")
            continue
        if current is None:
            parts = {"#items": tuple(items), "#title": title, "#about": description}
            current = renderer.list_current(  # "#": no keyword argument has that name
                template, first, {**context, **parts, "#crumbs": crumbs}
            )
        if current and renderer.kept(pager.path):
            yield Output(pager.path, KEEP)
            continue
        page_title = title if pager.number == 1 else f"{title} (page {pager.number})"
        full = (
            page_title
            if first == urls.HOME and pager.number == 1
            else f"{page_title} — {config.title}"
        )
        yield Output(
            pager.path,
            renderer.page(
                template,
                pager.path,
                full,
                description,
                pager=pager,
                heading=title,
                breadcrumbs=crumbs,
                total=len(items),
                derived={
                    "jsonld": partial(list_jsonld, config, page_title, description, pager.path)
                },
                **context,
            ),
        )
