"""Paginated lists of entries: the specs of the pages of the home page, sections, terms and
periods, one a page of the list, and single pages made from plain named values."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from . import urls
from .config import SiteConfig
from .models import Entry, Site
from .specs import PageSpec


def listed(site: Site, ids: Sequence[int]) -> tuple[Entry, ...]:
    """Return the entries of a term's or a period's members (the catalogue leaves exact
    duplicates out of them)."""
    return tuple(site.entries[i] for i in ids)


def list_specs(
    kind: str,
    template: str,
    first: str,
    items: Sequence[Entry],
    config: SiteConfig,
    title: str,
    description: str,
    crumbs: tuple[tuple[str, str], ...],
    **context: object,
) -> Iterator[PageSpec]:
    """Yield the spec of each page of a paginated list of entries: its own entries, where it
    is in the list, and the values every page of the list shows (`contexts.list_context`)."""
    per_page = config.per_page
    count = max(1, -(-len(items) // per_page))
    names = tuple(context)
    for number in range(1, count + 1):
        page_title = title if number == 1 else f"{title} (page {number})"
        full = (
            page_title if first == urls.HOME and number == 1 else f"{page_title} — {config.title}"
        )
        chunk = tuple(items[(number - 1) * per_page : number * per_page])
        shown = (full, description, page_title, title, crumbs, len(items), names)
        inputs = (*shown, number, count, first, chunk, *context.values())
        yield PageSpec(kind, template, urls.page_path(first, number), inputs)


def page_spec(
    kind: str, template: str, path: str, title: str, description: str, /, **context: Any
) -> PageSpec:
    """Return the spec of a page made from its title, description and named values (Site parts
    and plain values: `contexts.page_context`)."""
    return PageSpec(kind, template, path, (title, description, tuple(context), *context.values()))
