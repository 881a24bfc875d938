"""Page specs: every page as (kind, template, path, inputs), made from the Site by one spec
builder per kind without building any context.

A spec's inputs are the Site parts (entries, terms, periods) and plain values its page is made
from; its context function (`contexts`) is given those and the site layout only, never the
Site. So a page's key, a digest of its kind, template, path and inputs (`spec_keys`), covers
everything the page can show, and a rebuild renders only the specs whose key changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from msgspec import Struct

from .models import Entry, Site
from .pagekeys import Keyer


class PageSpec(Struct, frozen=True, gc=False):
    """One page: what kind it is, the template that renders it, its output path, and what it
    is made from (its kind's context function unpacks `inputs`)."""

    kind: str
    template: str
    path: str
    inputs: tuple[Any, ...]


def article_spec(site: Site, entry: Entry) -> PageSpec:
    """Return an article page's spec: its entry, its original, near original, previous and
    next entries, its copies, related entries and its story."""
    others = site.entries

    def at(index: int | None) -> Entry | None:
        return others[index] if index is not None else None

    inputs = (
        entry,
        at(entry.duplicate_of),
        at(entry.near_duplicate_of),
        at(entry.prev),
        at(entry.next),
        tuple(others[i] for i in entry.copies),
        tuple(others[i] for i in entry.related),
        tuple(others[i] for i in entry.story),
    )
    return PageSpec("article", "article.html", entry.path, inputs)


def article_specs(site: Site) -> Iterator[PageSpec]:
    """Yield the spec of every article's page, in home order."""
    for entry in site.entries:
        yield article_spec(site, entry)


def spec_keys(keyer: Keyer, specs: tuple[PageSpec, ...]) -> list[str]:
    """Return each spec's key (the keyer's salt is what every key covers beside the page
    itself: the code, the templates and the layout, `rendering.key_salt`)."""
    return [keyer.spec_key(s.kind, s.template, s.path, s.inputs) for s in specs]
