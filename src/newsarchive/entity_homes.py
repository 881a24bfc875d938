"""Tell apart the parties that many countries give one name: "Social Democratic Party" is
Portugal's in Lisbon, Britain's in London and West Germany's in Bonn, and a page that lists
them all says something false of each.

Reading an article (`home_marks`), a party's name made of common words ("Social Democratic
Party", "Liberal Party", "Conservative Party") is marked with the country it is in: the one
the text writes with it ("Japan's ruling Liberal Democratic Party", "the Japanese ruling ...",
"... Party in Japan"), else its dateline's (a London story seldom writes "Britain", and names
other countries as often as its own). Gathering the party's pages (`at_homes`), each
country its stories are marked with gets a page of them, "Social Democratic Party
(Portugal)"; the country that half or more of its marked stories are in also takes those with
no mark (when none holds half, they are left for review).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Collection, Container, Iterable, Mapping, Sequence

from .entity_blocks import filed_from
from .entity_names import ORG, demonym_region
from .entity_towns import countries, country_of, state_names, state_of
from .entity_words import DEPARTMENTS
from .gazetteer import fold, gazetteer, key

HOME = "home"
"""The kind of an article's mark "party\\tcountry code": no entity's, never a page's."""
FILED = "?"
"""Ends a home mark's code that only the dateline gave ("JP?"): a London story's "Foreign
Ministry" is rarely Britain's."""
HUBS = frozenset({"US", "GB", "FR", "BE", "CH", "AT", "BH", "HK", "SG"})
"""Countries of the cities a wire files other countries' news from (Washington, New York,
London, Paris, Brussels, Geneva, Vienna, Bahrain, Hong Kong, Singapore): a dateline there says
little of whose body a story names (two of Singapore's three "Finance Ministry" stories were
Malaysia's)."""
FILED_ENOUGH = 3
"""Stories filed from a country (not a hub) that make a page of its body of a common name
without one that writes the country with it: Sydney's "Reserve Bank" twelve times is
Australia's."""
_PARTY_WORDS = frozenset(
    {"social", "democratic", "christian", "liberal", "conservative", "labour", "labor"}
    | {"socialist", "communist", "national", "progressive", "people's", "popular", "radical"}
    | {"republican", "workers", "green", "new", "united"}
)
_PARTY_HEADS = frozenset({"party", "parties"})
# Peoples whose country no suffix rule finds (`entity_names.DEMONYMS`: "Finnish", "Dutch").
_PEOPLES = {
    "portuguese": "PT",
    "british": "GB",
    "dutch": "NL",
    "danish": "DK",
    "french": "FR",
    "swiss": "CH",
    "finnish": "FI",
    "swedish": "SE",
    "norwegian": "NO",
    "spanish": "ES",
    "greek": "GR",
    "turkish": "TR",
    "polish": "PL",
    "irish": "IE",
    "philippine": "PH",
    "soviet": "SU",
}
UNIONS = {"RU": ("SU", dt.date(1991, 12, 26))}
"""A country whose bodies were a union's until it ended, by code: the union's code and the day
it ended. A 1987 Moscow story's "Communist Party" is the Soviet Union's, and a page named
"Communist Party (Russia)" says something false of it."""
_UNION_NAMES = {"SU": "Soviet Union"}  # the gazetteer's countries are today's


def generic_party(name: str) -> bool:
    """Tell whether an organisation's name is a party's made only of words many countries'
    parties share: "Social Democratic Party", not "Liberal Democratic Party of Japan"."""
    words = name.lower().split()
    return (
        len(words) > 1
        and words[-1] in _PARTY_HEADS
        and all(word in _PARTY_WORDS for word in words[:-1])
    )


_PORTFOLIO_HEADS = frozenset({"ministry", "department", "bureau"})
_PORTFOLIO_WORDS = DEPARTMENTS | _PORTFOLIO_HEADS | {"affairs", "economic", "post", "mines"}
_PORTFOLIO_WORDS |= {"international", "external", "environment", "and", "of", "for", "the"}


def generic_portfolio(name: str) -> bool:
    """Tell whether an organisation's name is a government department's made only of words
    every country's share: "Foreign Affairs Ministry", "Department of Trade and Industry",
    "Treasury Department"; not "Ministry of Finance of Japan"."""
    words = [word.strip(",").lower() for word in name.split()]
    return (
        len(words) > 1
        and not _PORTFOLIO_HEADS.isdisjoint(words)
        and all(word in _PORTFOLIO_WORDS for word in words)
    )


def national_portfolio(name: str) -> tuple[str, str] | None:
    """Return the country's code and the department's own name of a department's name that
    its country or its people's word opens ("Indian Finance Ministry": IN, "Finance
    Ministry"; "West German Finance Ministry", "Ivory Coast Agriculture Ministry"; "Brazilian
    Central Bank", `generic_body`; "Soviet Communist Party", `generic_party`), else None: one
    body, the country's page of the department (`entity_catalog.gather`). A body every
    country has, of its country, is one too ("Reserve Bank of Australia": AU, "Reserve
    Bank"; not "Central Bank of the South")."""
    body, of, country = name.partition(" of ")
    if of and generic_body(body):
        code = _country_codes().get(key(country.removeprefix("the ")), "")
        return (code, body) if code else None
    words = name.split()
    if len(words) < 3 or words[-1].lower() not in _NATIONAL_HEADS:
        return None
    for cut in (1, 2):
        rest = " ".join(words[cut:])
        if len(words) > cut + 1 and (national_body(rest) or generic_party(rest)):
            prefix = " ".join(words[:cut])
            code = _country_codes().get(key(prefix), "") or _of_people(prefix)
            if code:
                return code, rest
    return None


def national_body(name: str) -> bool:
    """Tell whether an organisation's name is one that every country's government has:
    a department's (`generic_portfolio`) or a body's (`generic_body`)."""
    return generic_portfolio(name) or generic_body(name)


def any_countrys(name: str) -> bool:
    """Tell whether a name is that of a body every country has, its country opening it or
    not ("Finance Ministry", "Swiss Finance Ministry")."""
    return national_body(name) or national_portfolio(name) is not None


def generic_body(name: str) -> bool:
    """Tell whether an organisation's name is a national body's that every country has and
    calls alike: "Central Bank", "Reserve Bank", "Supreme Court"."""
    return name.lower() in _BODIES


_BODIES = frozenset({"central bank", "reserve bank", "supreme court"})
_BODY_HEADS = frozenset(name.rsplit(" ", 1)[1] for name in _BODIES)
_NATIONAL_HEADS = _PORTFOLIO_HEADS | _BODY_HEADS | _PARTY_HEADS


def portfolio_key(parts: list[str]) -> list[str]:
    """Return the words of a department's folded name as its page's key writes them: "Energy
    Department" and "Department of Energy" are one body and one page (`energy-department`),
    as are "Ministry of International Trade and Industry" and "International Trade and
    Industry Ministry"; "Defence Department" is the Defense Department, "Posts and
    Telecommunications Ministry" the Post and Telecommunications Ministry. A name that is no
    generic department's (`generic_portfolio`: "California Department of Corporations") is
    left as it is."""
    if not generic_portfolio(" ".join(parts)):
        return parts
    parts = [_SPELLINGS.get(part, part) for part in parts]
    if len(parts) < 3 or parts[0] not in PORTFOLIO_FIRST or parts[1] != "of":
        return parts
    rest = parts[3:] if parts[2] == "the" else parts[2:]
    return [*rest, parts[0]] if rest else parts


_SPELLINGS = {"defence": "defense", "posts": "post"}
PORTFOLIO_FIRST = ("ministry", "department")
"""Head words a department's name may open with ("Ministry of ..."), which its key puts last."""


def home_marks(
    mentions: Sequence[tuple[str, str]],
    texts: Sequence[str],
    dateline: str,
    day: dt.date | None = None,
) -> tuple[tuple[str, str], ...]:
    """Return a (HOME, "party\\tcode") mark for each party or department of a common name the
    article names, with the country the text writes with it ("Portugal's Social Democratic
    Party"), else its dateline's; none where neither says. A country that was part of a
    union on the article's `day` (`UNIONS`) is that union."""
    marks = []
    for kind, name in mentions:
        if kind == ORG and (generic_party(name) or national_body(name)):
            filed = _then(dateline_country(dateline), day)
            code = _then(_written_home(name, texts), day) or (filed + FILED if filed else "")
            if code:
                marks.append((HOME, f"{name}\t{code}"))
    return tuple(marks)


def _then(code: str, day: dt.date | None) -> str:
    """Return the code of the country or union a country's code stood for on a day."""
    union = UNIONS.get(code)
    return union[0] if union and day is not None and day < union[1] else code


def at_homes(
    ids: Sequence[int], names: Iterable[str], homes: Mapping[int, Mapping[str, set[str]]]
) -> tuple[list[tuple[tuple[int, ...], str]], tuple[int, ...], bool]:
    """Return the pages of a party or department of a common name, one a country: (its
    stories, the country's code), first the country that half or more of its marked stories
    are in, if one does (it takes the stories not marked too); the stories no page takes; and
    whether the first page is that country's, which keeps the name's own address. Another
    country gets a page only if one of its stories writes the country with the name ("Japan's
    Finance Ministry") or FILED_ENOUGH are filed from it and it is no hub: a dateline alone
    gave "Liberal Democratic Party (United States)" of Washington stories on Japan's party;
    its stories, and those not marked when no country holds half, are left for review. No
    story marked: one page of them all, code ""."""
    wanted = set(names)
    codes: dict[int, str] = {}
    written: set[str] = set()  # the countries some story writes with the name
    for article in ids:
        marked = homes.get(article, {})
        found = set().union(*(codes for name, codes in marked.items() if name in wanted))
        if found:
            codes[article] = min(code.rstrip(FILED) for code in found)
            written.update(code for code in found if not code.endswith(FILED))
    if not codes:
        return [(tuple(ids), "")], (), True
    counted = sorted(Counter(codes.values()).items(), key=lambda item: (-item[1], item[0]))
    tied = len(counted) > 1 and counted[1][1] == counted[0][1]  # half each: neither's
    most = counted[0][0] if counted[0][1] * 2 >= len(codes) and not tied else ""
    pages = [
        (tuple(article for article in ids if codes.get(article, most) == code), code)
        for code, count in counted
        if code == most or code in written or (count >= FILED_ENOUGH and code not in HUBS)
    ]
    placed = {article for at, _ in pages for article in at}
    left = tuple(article for article in ids if article not in placed)
    return pages, left, bool(most)


def marked(
    ids: Iterable[int], names: Iterable[str], homes: Mapping[int, Mapping[str, set[str]]]
) -> bool:
    """Tell whether any of these stories is marked with a home for any of these names."""
    wanted = set(names)
    return any(not wanted.isdisjoint(homes.get(article, ())) for article in ids)


def home_pages(
    target: str,
    ids: Sequence[int],
    names: Iterable[str],
    homes: Mapping[int, Mapping[str, set[str]]],
    portfolio: bool,
    keys: Container[str],
) -> tuple[list[tuple[str, tuple[int, ...], str]], tuple[int, ...]] | None:
    """Return the pages of a party or department of a common name (`at_homes`), each as
    (key, stories, country code), and the stories none takes; None when the name is a
    department's that no story gives a country ("Ministry of Commerce"), left for review. The
    country most stories are in keeps the name's own key; another has its name added
    ("finance-ministry-france"), unless that is another entity's key (`keys`)."""
    found, left, shared = at_homes(ids, names, homes)
    if portfolio and not (found and found[0][1]):
        return None
    pages = []
    for place, (stories, code) in enumerate(found):
        own = (shared and not place) or not code
        key = target if own else f"{target}-{fold(home_name(code))}"
        if key != target and key in keys:  # "Finance Ministry Japan", written so elsewhere
            left = (*left, *stories)
        else:
            pages.append((key, stories, code))
    return pages, tuple(sorted(left))


def home_mentions(
    mentions: Iterable[tuple[str, str]],
    ids: Collection[int],
    where: str,
    postings: Mapping[tuple[str, str], Iterable[int]],
) -> list[tuple[str, str]]:
    """Return the mentions of a party's or department's name that one country's page of it
    (`home_pages`) is written as: those its own stories write, but a name that another
    country opens ("Dutch Finance Ministry" is not how the Swiss one is written)."""
    stories = set(ids)
    return [
        mention
        for mention in mentions
        if not stories.isdisjoint(postings[mention]) and _not_elsewhere(mention[1], where)
    ]


def _not_elsewhere(name: str, where: str) -> bool:
    """Tell whether a name is not another country's department's ("Dutch Finance Ministry" is
    the Netherlands')."""
    named = national_portfolio(name)
    return named is None or named[0] == where


def homed(name: str, where: str) -> str:
    """Return the name of a party, a department or a savings bank of a common name with the
    place its stories are in ("Foreign Affairs Ministry (Japan)", "Conservative Party
    (United Kingdom)"): the name alone says not which; one its country opens is written
    without it ("Finance Ministry (Switzerland)", where every story writes "Swiss Finance
    Ministry")."""
    if not where:
        return name
    named = national_portfolio(name)
    own = named[1] if named and named[0] == where else name
    return f"{own} ({home_name(where)})"


def unhomed(key: str) -> str:
    """Return the key of a party's or department's page without the country name
    `home_pages` puts after it ("finance-ministry" of "finance-ministry-france"), or the key
    ("john-jordan" is no Jordan's John)."""
    for home in _home_keys():
        rest = key[: -len(home)].replace("-", " ")
        if key.endswith(home) and (national_body(rest) or generic_party(rest)):
            return key[: -len(home)]
    return key


@functools.cache
def _home_keys() -> tuple[str, ...]:
    """Return every country's name as `home_pages` puts it after a key ("-united-states"),
    longest first (so that "-south-africa" is not taken for "-africa")."""
    names = {*_country_names().values(), *_UNION_NAMES.values()}
    return tuple(sorted((f"-{fold(name)}" for name in names), key=lambda k: (-len(k), k)))


def home_name(code: str) -> str:
    """Return the name of a home's code: a country's ("JP": Japan) or, for "US-DE", a
    state's (Delaware)."""
    if code.startswith("US-"):
        return state_names().get(code[3:], code)
    return _country_names().get(code) or _UNION_NAMES.get(code, code)


@functools.cache
def _country_names() -> dict[str, str]:
    """Return each country's name by its ISO code."""
    return {code: name for code, name in countries().values()}


def _written_home(name: str, texts: Sequence[str]) -> str:
    """Return the code of the country a text writes as the party's: before its name, as a
    possessive, its people's word or its name right before it ("Japan's ruling Liberal
    Democratic Party", "the Japanese ruling ...", "the U.S. Defense Department"), or after it
    ("the governing Liberal Democratic Party in Japan")."""
    escaped = re.escape(name)
    before = re.compile(
        rf"\b([A-Z][\w.]*(?: [A-Z][\w.]*)?)(['’]s)?\s+(?:[a-z][\w-]*\s+){{0,3}}{escaped}"
    )
    after = re.compile(rf"{escaped}\s+(?:in|of)\s+([A-Z][\w.]*(?: [A-Z][a-z]+)?)")
    for text in texts:
        for match in before.finditer(text):
            word = _ARTICLE.sub("", match.group(1))  # "The U.S. Defense Department"
            country = _country_codes().get(key(word), "")
            beside = " ".join(match.group(0).split()).endswith(f"{word} {name}")
            code = (country if match.group(2) or beside else "") or _of_people(word)
            if code:
                return code
        for match in after.finditer(text):
            if code := _country_codes().get(key(match.group(1)), ""):
                return code
    return ""


_ARTICLE = re.compile(r"^(?:The|A|An) ")


def _of_people(word: str) -> str:
    """Return the code of the country whose people a word names ("Japanese", "West German",
    "Finnish"), or ""."""
    lowered = word.lower()
    return _PEOPLES.get(lowered) or _country_codes().get(demonym_region(word), "")


def dateline_country(dateline: str) -> str:
    """Return the code of the country of a dateline's town, as the reader reads the dateline
    (`entity_blocks.filed_from`: "LISBON, March 3": "PT"; "NEW YORK": "US"), or the country
    or province it writes after the town ("LONDON, Ontario": "CA"; "BLOOMINGTON, Ill.":
    "US"), or ""."""
    qualifier = dateline.split(",")[1].strip() if dateline.count(",") else ""
    if qualifier and state_of(qualifier):
        return "US"
    if qualifier and (home := country_of(qualifier)):
        return home[0]
    places = filed_from(dateline)
    folded = key(places[0].name) if places else ""
    found = gazetteer().countries.get(folded) or ("US" if folded in _us_states() else "")
    own = country_of(places[0].name) if places and not found else None  # "BAHRAIN"
    return found or (own[0] if own else "")


@functools.cache
def _us_states() -> frozenset[str]:
    """Return the states' folded names: "NEW YORK" is a dateline the gazetteer's cities do not
    hold (the city is "New York City")."""
    return frozenset(map(key, state_names().values()))


@functools.cache
def _country_codes() -> dict[str, str]:
    """Return each country's ISO code by its folded name, and by the names 1987's news wrote
    ("Britain", "West Germany")."""
    return {name: code for name, (code, _) in countries().items()} | {"us": "US"}
