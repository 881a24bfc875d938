"""Fragments of pages made once and reused: an article's card, the section menu.

A card appears on every list that holds its article (the home page, its section, its year, month
and day, each person, place and organisation it names), the menu on every page. Templates call
them through `cached`: ``{{ cached(card, entry, to, lead, ...) }}`` is ``card(entry, to, lead,
...)``, made once for each set of arguments. That is exact because what a macro shows is a
function of its arguments: plain values by their value, records (an entry, the menu's terms) by
their identity (a build's records never change, and the cache holds each one it keys by, so
its identity is not reused), and the page's link maker `to` by the link it gives to the site's
root: two pages at one depth link to every file alike.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

PLAIN = (str, int, float, bool, type(None))

LIMIT = 50_000
"""Fragments kept at most: past it the cache starts afresh (a page is the same either way)."""


class Fragments:
    """The fragments one Jinja environment made, by macro and arguments."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._made: dict[tuple[object, ...], tuple[tuple[object, ...], Markup]] = {}

    def __call__(self, macro: Callable[..., Markup], *args: Any) -> Markup:
        """Return macro(*args), made once for these arguments; a callable argument is the
        page's link maker (`to`), keyed by the link it gives to the root."""
        key = (id(macro), *map(_key, args))
        found = self._made.get(key)
        if found is not None:
            return found[1]
        made = macro(*args)
        if len(self._made) >= self.limit:
            self._made.clear()
        self._made[key] = ((macro, *args), made)  # holds what is keyed by identity: ids stay theirs
        return made


def _key(value: object) -> object:
    """Return what stands for an argument in a fragment's key."""
    if isinstance(value, PLAIN):
        return value
    if callable(value):
        return ("to", value(""))
    return ("id", id(value))
