"""Fragments of pages made once and reused: an article's card, the section menu.

A card appears on every list that holds its article (the home page, its section, its year, month
and day, each person, place and organisation it names), the menu on every page. Templates call
them through `cached`: ``{{ cached(card, entry, to, lead, ...) }}`` is ``card(entry, to, lead,
...)``, made once for each set of arguments. That is exact because what a macro shows is a
function of its arguments: plain values by their value, records (an entry, the menu's terms) by
their identity (a build's records never change, and the cache holds each one it keys by, so
its identity is not reused). The page's link maker `to` gives a link from the page to a site
path as the path behind the way up to the site's root ("../../"): a fragment is made once with
a marker for that way up, which each page then fills in with its own.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Any

from markupsafe import Markup

PLAIN = (str, int, float, bool, type(None))

LIMIT = 50_000
"""Fragments kept at most: past it the older half is dropped (a page is the same either way)."""

UP = "\x00"
"""Stands for the way up to the site's root in a fragment made once for pages at any depth (the
reader drops control characters from text; a fragment whose text holds one anyway is made for
each page)."""


class Fragments:
    """The fragments one Jinja environment made, by macro and arguments."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._made: dict[tuple[object, ...], tuple[tuple[object, ...], str]] = {}

    def __call__(self, macro: Callable[..., Markup], *args: Any) -> Markup:
        """Return macro(*args), made once for these arguments; a callable argument is the
        page's link maker (`to`)."""
        to = next((arg for arg in args if callable(arg)), None)
        root = to("") if to else ""
        if to is not None and to("index.html") != root + "index.html":
            return macro(*args)  # links that are not a way up and a path (an absolute URL)
        key = (id(macro), *map(_key, args))
        found = self._made.get(key)
        if found is None:
            links: list[str] = []

            def up(target: str) -> str:
                """Link to a site path, the way up to the root left to fill in."""
                links.append(target)
                return UP + target

            made = str(macro(*(up if arg is to else arg for arg in args)))
            if made.count(UP) != len(links):  # the text held the marker itself
                return macro(*args)
            if len(self._made) >= self.limit:
                for old in list(islice(self._made, self.limit // 2)):
                    del self._made[old]
            kept = (macro, *(arg for arg in args if arg is not to))  # what it keys by identity
            found = self._made[key] = (kept, made)
        return Markup(found[1].replace(UP, root))


def _key(value: object) -> object:
    """Return what stands for an argument in a fragment's key."""
    if isinstance(value, PLAIN):
        return value
    if callable(value):
        return "to"
    return ("id", id(value))
