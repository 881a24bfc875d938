"""Name records and the small name tests that every stage of entity extraction reads.

A `Span` is a run of capitalised words with the tokens around it; a `Mention` is one classified
name. The kinds are strings: "person", "place", "organisation", and a weak kind ending in "?"
for a name read without evidence for it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .entity_bounds import (
    is_acronym,
)
from .entity_words import (
    ALIASES,
    DEMONYMS,
    NUMERALS,
    PARTICLES,
    STOP,
    is_legal_form,
)
from .gazetteer import gazetteer, key

PERSON, PLACE, ORG = "person", "place", "organisation"
# A ship's name ("the tanker Sea Isle City"): no entity, and the article's other mentions of it
# ("The Missouri, with its escorts") are the ship too.
SHIP = "ship"
# A name read as a person or organisation without evidence for it (no given name, title, role,
# "said", legal form or head word): kept for review, never published on its own.
WEAK_PERSON, WEAK_PLACE, WEAK_ORG = "person?", "place?", "organisation?"


# Named tuples rather than dataclasses: classifying a run makes several, and tuples are cheaper.
class Span(NamedTuple):
    """A run of capitalised words and the lowercased tokens around it that a rule reads."""

    words: tuple[str, ...]
    initial: bool  # the first word opens a sentence
    before: tuple[str, ...]
    after: tuple[str, ...]
    possessive: bool


class Mention(NamedTuple):
    """One classified name; a `flexible` one may be re-read as part of a fuller person name."""

    kind: str  # "" while only a fuller name in the article can give it a kind
    name: str
    flexible: bool = False


NO_NAME = Span((), False, (), (), False)


def key_parts(folded: str) -> tuple[str, ...]:
    """Return the name words of a folded key, without particles like "de" or "bin"."""
    return tuple(p for p in folded.split("-") if p and p not in PARTICLES)


@functools.lru_cache(maxsize=65536)
def name_parts(name: str) -> tuple[str, ...]:
    """Return the folded name words of a surface name: "Guzmán López" -> ("guzman", "lopez")."""
    return key_parts(key(name))


@functools.lru_cache(maxsize=65536)
def short_forms(parts: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """Return the shorter ways news text refers to a full name: "Guzmán López", "Guzmán", ..."""
    n = len(parts)
    if n >= 3 and parts[-1] in NUMERALS:  # T. Boone Pickens is not T. Boone Pickens III
        bare = short_forms(parts[:-1])  # "Nicholas Gallo III" is Nicholas A. Gallo III
        return bare | {(*form, parts[-1]) for form in bare if form[-1] == parts[-2]}
    forms = {parts[:k] for k in range(2, n)} | {parts[n - k :] for k in range(2, n)}
    if n >= 3:
        forms |= {(parts[0], parts[-1]), (parts[-2],)}
    return frozenset(forms | {(parts[-1],)}) if n >= 2 else frozenset()


def is_stop(word: str) -> bool:
    """Tell whether a word is a function word rather than a name (acronyms never are)."""
    return word.lower() in STOP and not (len(word) > 1 and word.isupper())


def firm_of_a_place(words: tuple[str, ...]) -> bool:
    """Tell whether a name is "First" and a place, as banks and brokers are named ("First
    Albany", "First Chicago"): a firm, never the place."""
    return len(words) == 2 and words[0] == "First" and key(words[1]) in gazetteer().names


# A bank holding company's name, which often ends with its state: "United Bancorp of Arizona".
_HOLDING_FORMS = frozenset({"bancorp", "bancorporation", "bankshares", "bancshares"})
# A federal thrift's legal forms: "First Federal Savings of Arkansas FA".
_THRIFT_FORMS = frozenset({"FA", "FSB"})


def named_twice(span: Span) -> bool:
    """Tell whether a run is one word written either side of "and", a firm's name ("Reynolds
    and Reynolds said"); not a firm and its own ("Kodak and Kodak's funding"), nor initials or
    an acronym ("C and C", "IBM and IBM-compatible"), nor a longer name ("Paragon Associates
    and Paragon Associates II")."""
    words = span.words
    if span.possessive or len(words) != 3 or words[1] != "and":
        return False
    return words[0] == words[2] and words[0].istitle() and len(words[0]) > 2


def firm_of_place(words: tuple[str, ...]) -> bool:
    """Tell whether "of" ends a firm's name with its place: "Affiliated Bankshares of Colorado
    Inc", "Mobile Communications Corp of America" (one firm, not a firm and a place)."""
    if "of" not in words or "and" in words or "for" in words or words.count("of") > 1:
        return False
    at = words.index("of")
    if is_legal_form(words[-1]):  # "... of Colorado Inc", "... of America Inc"
        where = words[at + 1 : -1]
        regional = len(where) == 2 and where[0] == "the" and where[1].lower() in _QUARTERS
        return where == ("America",) or regional or key(" ".join(where)) in gazetteer().names
    if words[at - 1].lower() in _HOLDING_FORMS:  # "United Bancorp of Arizona"
        return key(" ".join(words[at + 1 :])) in gazetteer().regions
    if words[at - 1] == "Savings":  # a thrift's state: "First Federal Savings of Arkansas"
        where = words[at + 1 : -1] if words[-1] in _THRIFT_FORMS else words[at + 1 :]
        return where == ("America",) or key(" ".join(where)) in gazetteer().regions
    # "Mobile Communications Corp of America", "Aluminum Company of America" ("Company" is
    # no legal form alone: "the Company said")
    of_america = is_legal_form(words[at - 1]) or words[at - 1] == "Company"
    return words[at + 1 :] == ("America",) and of_america


# A country's quarters after "the", which end firms' names like a place: "Central Bancshares of
# the South Inc".
_QUARTERS = frozenset({"south", "north", "east", "west", "southwest", "southeast", "midwest"})


def country_prefix(word: str) -> str:
    """Return the country an acronym such as "U.S." (read as "United States") names, or ""."""
    if word in _COUNTRIES:
        return word
    return ALIASES.get(key(word), "") if is_acronym(word) else ""


_COUNTRIES = frozenset(ALIASES.values())


_SUFFIXES = ("ian", "an", "n", "i", "ese", "ish")
"""Endings of a people's word, after a stem of its country's name: "Belgi-an", "Japan-ese"."""
_ENDS = ("", "a", "o", "y", "ia", "ium")
"""Endings of a country's name after that stem: "Belgi-um", "Japan"."""


def is_demonym(word: str) -> bool:
    """Tell whether a word names a country's people: "Iraqi", "South African", "Japanese"."""
    return word.lower() in DEMONYMS or bool(demonym_region(word))


@functools.lru_cache(maxsize=16384)
def demonym_region(word: str) -> str:
    """Return the key of the country or region whose people a word names by its form
    ("Japanese": "japan", "West German": "west-germany", "Yugoslav": "yugoslavia"), or "" (so
    for the listed `DEMONYMS` whose form says not which: "Dutch")."""
    lowered = word.lower()
    regions = gazetteer().regions
    if key(word) in regions:  # "Niger" is a country, not a people of Nigeria
        return ""
    # a lowercase ascii word and the forms made from it are their own keys: no folding
    fold = str if lowered.isascii() and lowered.isalpha() else key
    for form in (fold(lowered + "ia"), fold(lowered + "y")):
        if form in regions:
            return form  # "Yugoslav" of Yugoslavia, "West German" of West Germany
    for suffix in _SUFFIXES:
        stem = lowered[: -len(suffix)] if lowered.endswith(suffix) else ""
        if len(stem) > 2:
            for end in _ENDS:
                if (form := fold(stem + end)) in regions:
                    return form
    return ""


@functools.lru_cache(maxsize=1)
def demonym_forms() -> frozenset[str]:
    """Return every lowercase ascii word of letters only that `is_demonym` may accept, and
    more: a caller with many such words (a vocabulary's) asks `is_demonym` only about these."""
    forms = set(DEMONYMS)
    for region in gazetteer().regions:
        forms.update(region[: -len(end)] for end in ("ia", "y") if region.endswith(end))
        for end in _ENDS:
            if region.endswith(end):
                stem = region[: len(region) - len(end)]
                forms.update(stem + suffix for suffix in _SUFFIXES)
    return frozenset(forms)


PEOPLE = frozenset({PERSON, WEAK_PERSON})


def written_before(
    forms: Iterable[str], after: re.Pattern[str], text: str, opens: re.Pattern[str] | None = None
) -> Iterator[re.Match[str]]:
    """Yield, left to right, the match of `after` right behind each place a text writes one of
    a name's `forms` (where `opens`, a lookbehind, matches), as one pattern of the escaped
    forms and `after` would give them (`finditer`). One fixed pattern, not one compiled for
    each name: most names are new to the process, and compiling one took ~0.4 ms."""
    written = tuple(dict.fromkeys(form for form in forms if form))
    at = 0
    while True:
        found = [(start, form) for form in written if (start := text.find(form, at)) >= 0]
        if not found:
            return
        start, form = min(found)
        opened = opens is None or opens.match(text, start)
        match = after.match(text, start + len(form)) if opened else None
        if match:
            yield match
        at = match.end() if match else start + 1


def written_whole(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Yield where a text writes a name as words of its own (start, end), not inside a longer
    word: "John Kerr" not of "John Kerrigan", "ASK" not of "ASKED", "Avon" not of "Avondale"."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (text[at - 1 : at].isalnum() or text[end : end + 1].isalnum()):
            yield at, end
        at = text.find(name, end)
