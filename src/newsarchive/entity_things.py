"""Names of things that are not what their words are: a crude oil priced under a place's name
("spot quotes for Dubai, a benchmark crude", "Dubai was off 12 cts to 18.09 dlrs" name the
Mideast grade, not the emirate), a firm's unit or brand named after a person ("its Elizabeth
Arden cosmetics business"). A page that lists such a story says something false of the place
or the person."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .entity_names import PEOPLE, WEAK_ORG, Mention
from .entity_words import SAID, STOP

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


# A firm's unit's words after its name: "its Elizabeth Arden cosmetics business", "its John Carr
# unit" name a unit or a brand, though a person's name.
_UNIT_WORDS = "business|businesses|unit|units|division|divisions|subsidiary|subsidiaries"


_UNIT_WORD = re.compile(rf"\s(?:{_UNIT_WORDS})\b")  # what `_unit_after` needs a text to write


def with_units(texts: Sequence[str]) -> tuple[str, ...]:
    """Return the texts that write a unit's word, the only ones `unless_unit` reads."""
    return tuple(text for text in texts if _UNIT_WORD.search(text))


def unless_unit(mention: Mention, units: tuple[str, ...]) -> Mention:
    """Return a person's name that the article writes before a unit's word, with at most two
    lowercase words between ("its lower growth Elizabeth Arden cosmetics business", "the Cory
    Grain maize business"), as an organisation's, for review; any other mention as it is.
    `units` are the article's texts that write a unit's word (`with_units`)."""
    if mention.kind not in PEOPLE:
        return mention
    written = [text for text in units if mention.name in text]
    if not written:
        return mention
    pattern = _unit_after(mention.name)
    for text in written:
        for match in pattern.finditer(text):
            if not any(w in STOP or (w,) in SAID for w in match.group(1).split()):
                return mention._replace(kind=WEAK_ORG, flexible=False)
    return mention


@functools.lru_cache(maxsize=1024)
def _unit_after(name: str) -> re.Pattern[str]:
    """Return the pattern of a name before up to two lowercase words and a unit's word."""
    return re.compile(
        rf"(?<![\w.'’-]){re.escape(name)}\s+((?:[a-z][a-z-]*\s+){{0,2}})(?:{_UNIT_WORDS})\b"
    )
