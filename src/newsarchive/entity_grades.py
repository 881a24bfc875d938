"""Tell a crude oil priced under a place's name from the place: "spot quotes for Dubai, a
benchmark crude", "Dubai was off 12 cts to 18.09 dlrs" name the Mideast grade, not the
emirate, and a place's page that lists such a story says something false of it."""

from __future__ import annotations

import re
from collections.abc import Sequence

CRUDE_GRADES = frozenset({"Dubai"})
"""Places whose name is also a benchmark crude's (Brent and Urals are no places the gazetteer
knows; a country's name before "crude", "Kuwait crude", is its own oil)."""
_LOCATIVES = frozenset({"in", "at", "to", "from", "towards", "near", "via"})
_PRICED = re.compile(r"\b(?:dlrs|barrels?)\b")


def crude_grades(places: Sequence[str], texts: Sequence[str], dateline: str) -> set[str]:
    """Return the places among `places` that an article quoting crude prices names only as a
    grade: not its dateline's, never after a locative ("office in Dubai", "towed towards
    Dubai"). In any other article a grade's name is the place; in such an article the
    emirate's own news ("Dubai production slipped") goes unlinked, which says nothing false."""
    grades = [p for p in places if p in CRUDE_GRADES and p.upper() not in dateline.upper()]
    if not grades or not _quotes_crude(texts):
        return set()
    return {place for place in grades if not _after_locative(place, texts)}


def _quotes_crude(texts: Sequence[str]) -> bool:
    """Tell whether an article speaks of crude oil and its prices."""
    return any("crude" in text.lower() for text in texts) and any(map(_PRICED.search, texts))


def _after_locative(place: str, texts: Sequence[str]) -> bool:
    """Tell whether a text writes the place right after a locative preposition."""
    pattern = re.compile(rf"(\w+)\s+{re.escape(place)}\b")
    return any(m.group(1).lower() in _LOCATIVES for t in texts for m in pattern.finditer(t))
