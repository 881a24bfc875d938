"""Names of things that are not what their words are: a crude oil priced under a place's name
("spot quotes for Dubai, a benchmark crude", "Dubai was off 12 cts to 18.09 dlrs" name the
Mideast grade, not the emirate), a firm's unit or brand named after a person ("its Elizabeth
Arden cosmetics business"), a partnership of surnames that are towns' names too ("Welsh,
Carson, Anderson and Stowe"). A page that lists such a story says something false of the place
or the person. "The Gulf" is the Middle East's, unless the story writes of the American one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .entity_blocks import filed_from
from .entity_homes import dateline_country
from .entity_joins import without_legal_form
from .entity_names import (
    ORG,
    PEOPLE,
    PLACE,
    WEAK_ORG,
    WEAK_PLACE,
    Mention,
    written_before,
    written_whole,
)
from .entity_sources import broadcast_only, cited_agency
from .entity_towns import countries, state_names
from .entity_words import CALENDAR, SAID, STOP
from .gazetteer import gazetteer, key

CRUDE_GRADES = frozenset({"Dubai"})
"""Places whose name is also a benchmark crude's (Brent and Urals are no places the gazetteer
knows; a country's name before "crude", "Kuwait crude", is its own oil)."""
_LOCATIVES = frozenset({"in", "at", "to", "from", "towards", "near", "via"})
_PRICED = re.compile(r"\b(?:dlrs|barrels?)\b")


THE_GULF = "Gulf"
"""The Gulf of the Middle East, as the news writes it alone ("tankers in the Gulf")."""
_AMERICAN_GULF = re.compile(
    r"\bU\.?S\.? Gulf\b|\bGulf of Mexico\b|\bNew Orleans Gulf\b"
    r"|\b(?:Texas|Louisiana|Mississippi|Alabama|Florida|American|Mexican) Gulf\b"
    r"|(?<!Iranian )(?<!Saudi )(?<!Arabian )(?<!Arab )(?<!Kuwaiti )(?<!Iraqi )(?<!Persian )"
    r"\bGulf coast\b",
    re.IGNORECASE,
)
_MIDEAST = re.compile(
    r"\b(?:Iran|Iranian|Iraq|Iraqi|Kuwait|Kuwaiti|Saudi|Bahrain|Qatar|Emirates|UAE|Oman|Arab"
    r"|Arabian|Persian|Mideast|Middle East|Hormuz|Gulf [Ww]ar|warships?)\b"
)  # not "Gulf states": a wire's "Gulf States Utilities Co ... Gulf states may be unable"


# The countries (by the country code of a story's dateline) whose own chamber the news calls by
# the U.S. body's bare name: "QUITO ... Congress needs to muster two-thirds" is Ecuador's.
_CONGRESSES = frozenset({"MX", "BR", "AR", "CO", "PE", "CL", "EC", "VE", "BO", "PY", "GT", "HN"})
_CHAMBERS = {
    "Congress": _CONGRESSES | {"DO", "PH", "ES"},
    "Senate": _CONGRESSES - {"EC", "GT", "HN"}
    | {"UY", "DO", "PH", "ES", "IT", "FR", "BE", "NL", "IE", "AU", "CA", "PK", "MY", "TH"},
    # Japan's too, but Reuters' Tokyo calls it the lower house, and its House is the U.S. one
    "House of Representatives": frozenset({"AU", "NZ", "PH", "MY", "TH", "NG", "ID"}),
}


def foreign_chamber(name: str, texts: Sequence[str], dateline: str) -> bool:
    """Tell whether a bare "Congress", "Senate" or "House of Representatives" is another
    country's than the United States': the story is datelined in a country whose own chamber
    is called so (`_CHAMBERS`: Rome's "told the Senate (upper house)" is Italy's), and does
    not write it "U.S. Senate". The pages of these names list the U.S. bodies' stories only."""
    countries = _CHAMBERS.get(name)
    if countries is None or dateline_country(dateline) not in countries:
        return False
    written = re.compile(rf"\bU\.?S\.? {name}\b")
    return not any(map(written.search, texts))


_BUILDINGS = frozenset({"Center", "Centre", "Tower", "Building", "Plaza"})


def firms_building(name: str, firms: Sequence[str]) -> bool:
    """Tell whether a name is a building's named after a firm the story names: a firm's name
    but its legal form, then a building's word ("First Wisconsin Corp said it agreed to sell
    its First Wisconsin Center"). A firm of such a name ("Banking Center said") is no other
    firm's name and a building's word; "Bank Orwin" names no "Bank Building"."""
    owner, _, last = name.rpartition(" ")
    if last not in _BUILDINGS or not owner:
        return False
    return any(firm != owner and _bare(firm) == owner for firm in firms)


def _bare(name: str) -> str:
    """Return a firm's name without its legal forms ("First Wisconsin" of "... Co Inc")."""
    while (shorter := without_legal_form(name)) != name:
        name = shorter
    return name


def american_gulf(texts: Sequence[str]) -> bool:
    """Tell whether an article's bare "Gulf" is not the Gulf of the Middle East: the article
    writes of the American one ("from the U.S. Gulf to Morocco", "the Gulf coast" of Texas),
    or of nothing of the Middle East (US grain's "Gulf cash corn", "FOB Gulf"; "Gulf" of Gulf
    Canada Corp). The page of the Gulf lists only the Middle East's."""
    return any(map(_AMERICAN_GULF.search, texts)) or not any(map(_MIDEAST.search, texts))


def crude_grades(places: Sequence[str], texts: Sequence[str], dateline: str) -> set[str]:
    """Return the places among `places` that an article quoting crude prices names only as a
    grade: not its dateline's, never after a locative ("office in Dubai", "towed towards
    Dubai"). In any other article a grade's name is the place; in such an article the
    emirate's own news ("Dubai production slipped") goes unlinked, which says nothing false.
    In any article of crude, a place it writes only as a crude's name is no place of it
    either (`_named_as_grade`)."""
    if not any("crude" in text.lower() for text in texts):
        return set()
    grades = [p for p in places if key(p) not in countries() and _named_as_grade(p, texts)]
    if any(map(_PRICED.search, texts)):  # its prices quoted
        grades += (p for p in places if p in CRUDE_GRADES and p.upper() not in dateline.upper())
    return {place for place in grades if not _after_locative(place, texts)}


_GRADE_AFTER = re.compile(r"\s+(?:(?:light|heavy|sweet|sour|medium)\s+)?(?:crude|grade|blend)\b")
_GRADE_BEFORE = re.compile(r"\b(?:tonnes|barrels|bpd)\s+(?:of\s+)?$")


def _named_as_grade(place: str, texts: Sequence[str]) -> bool:
    """Tell whether an article names a place only as its crude oil: "the heavier Wilmington
    grade", "Huntington Beach light grade", "240,000 tonnes of Gulf of Suez crude ... 120,000
    tonnes Gulf of Suez" (a country's name so is its own oil: "Kuwait crude")."""
    said = False
    for text in texts:
        for found in re.finditer(rf"\b{re.escape(place)}\b", text):
            before = text[max(0, found.start() - 20) : found.start()]
            if not (_GRADE_AFTER.match(text, found.end()) or _GRADE_BEFORE.search(before)):
                return False
            said = True
    return said


def _after_locative(place: str, texts: Sequence[str]) -> bool:
    """Tell whether a text writes the place right after a locative preposition."""
    pattern = re.compile(rf"(\w+)\s+{re.escape(place)}\b")
    return any(m.group(1).lower() in _LOCATIVES for t in texts for m in pattern.finditer(t))


# Single capitalised words listed with commas and a last "and", no name going on after them:
# a partnership's ("Olmstead, Kennedy and Gardner said"), or a list ("Kiel, Hamburg and Essen").
_LISTED = re.compile(
    r"\b([A-Z][a-z]+(?:, [A-Z][a-z]+)+),? and ([A-Z][a-z]+)\b"
    r"(?![-'’]| (?!(?:I{1,3}|IV|VI{0,3}|Inc|Co|Corp|Ltd)\b)[A-Z0-9])"  # "... and Stowe IV" too
)
# A list after a locative is one of places; not after "at", a firm's too ("analyst at
# Robertson, Colman and Stephens").
_PLACES_LISTED_AFTER = (_LOCATIVES - {"at", "towards"}) | {"between", "across", "into"}


def partners(places: Sequence[str], texts: Sequence[str], dateline: str) -> set[str]:
    """Return the places among `places` that an article writes only as members of a list that
    is no list of places, and so a partnership's name ("was Welsh, Carson, Anderson and
    Stowe", "Robertson, Colman and Stephens said"), or after the member listed before them
    ("terms with Welsh, Carson"). `entity_bounds.partnerships` takes some such names out
    whole, as organisations, where a legal form or a cue says they are a firm; here the
    partners only name no town. A list that names a country, a state or a city the gazetteer
    counts as major ("Tokyo, Yokohama, Kitakyushu and Hakata"), or that follows a locative
    ("plants in Mayfield, Hopkinsville and Paducah") or a plural noun's "of" ("the islands of
    Chios, Samos and Lesbos"), is one of places; a month makes none ("June, July and
    August"), nor a list that a name's first words open ("United States, Canada and Japan");
    the dateline's place is kept."""
    places = [p for p in places if any(f"{p}," in text or f", {p}" in text for text in texts)]
    if not places:  # no place is written in a list
        return set()
    spans: list[tuple[int, int, int]] = []  # each partnership's text, start and end
    before: dict[str, set[str]] = {}  # each member: the members listed just before it
    for number, text in enumerate(texts):
        for match in _LISTED.finditer(text):
            words = _partners_listed(text, match)
            if words:
                spans.append((number, match.start(), match.end()))
                for previous, word in zip(["", *words], words, strict=False):
                    before.setdefault(word, set()).add(previous)
    found = set()
    for place in places:
        if place not in before or place.upper() in dateline.upper():
            continue
        written = re.compile(rf"(?<![\w'’.-]){re.escape(place)}\b")
        if all(
            any(n == number and start <= m.start() < end for n, start, end in spans)
            or any(p and text.endswith(f"{p}, ", 0, m.start()) for p in before[place])
            for number, text in enumerate(texts)
            for m in written.finditer(text)
        ):
            found.add(place)
    return found


def _partners_listed(text: str, match: re.Match[str]) -> list[str]:
    """Return the words of a listed run (`_LISTED`) if it is no list of places (`partners`),
    else []."""
    words = [*match.group(1).split(", "), match.group(2)]
    preceding = text[max(0, match.start() - 60) : match.start()].rsplit(None, 2)[-2:] or [""]
    if preceding[-1][:1].isupper() or preceding[-1][-1:] == ",":
        return []  # the first word ends a name ("Ivory Coast, Mali and Niger") or a longer
        # list goes on ("eastern Hebei, Hunan, Jiangxi and Fujian")
    if preceding[-1].lower() in _PLACES_LISTED_AFTER:
        return []
    if preceding[-1] == "of" and preceding[0].islower() and preceding[0].endswith("s"):
        return []  # "the islands of Chios, Samos, Lesbos and Lemnos"
    if any(w.lower() in CALENDAR for w in words):
        return []
    places = gazetteer()
    if any(key(w) in places.major or key(w) in places.regions for w in words):
        return []  # a list of places names a country, a state or a city
    return words


# A firm's unit's words after its name: "its Elizabeth Arden cosmetics business", "its John Carr
# unit" name a unit or a brand, though a person's name.
_UNIT_WORDS = "business|businesses|unit|units|division|divisions|subsidiary|subsidiaries"


_UNIT_WORD = re.compile(rf"\s(?:{_UNIT_WORDS})\b")  # what `unless_unit` needs a text to write
_UNIT_AFTER = re.compile(rf"\s+((?:[a-z][a-z-]*\s+){{0,2}})(?:{_UNIT_WORDS})\b")
"""Up to two lowercase words and a unit's word, after a name (`unless_unit`)."""
_OPENS = re.compile(r"(?<![\w.'’-])")  # where a name opens: not inside a word


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
    for text in written:
        for match in written_before((mention.name,), _UNIT_AFTER, text, _OPENS):
            if not any(w in STOP or (w,) in SAID for w in match.group(1).split()):
                return mention._replace(kind=WEAK_ORG, flexible=False)
    return mention


def shouted(name: str, texts: Sequence[str]) -> bool:
    """Tell whether a word in capitals read as a firm's acronym, without evidence, is written
    only in lines in capitals: a table's headings and a report's all-caps headline ("IN CAR OF
    TRUCK LOTS", "BANKS BIDS/ASK", "N.Y. SUGAR FREIGHTS - April 7") are no firms' names, though
    each word looks like "GATT" in a sentence."""
    if " " in name or not name.isupper():
        return False
    lines = [
        line
        for text in texts
        for line in text.split("\n")
        if any(line[at - 1 : at] != "." for at, _ in written_whole(line, name))  # not "A.CBT"
    ]
    return bool(lines) and all(_in_capitals(line) for line in lines)


def _in_capitals(line: str) -> bool:
    """Tell whether most of a line's words (two in three) are in capitals."""
    words: list[str] = [word for word in _WORD.findall(line) if len(word) > 1]
    return 3 * sum(word.isupper() for word in words) >= 2 * len(words)


_WORD = re.compile(r"[^\W\d_]+")


_FEATURES = ("mountains", "river", "valley", "basin", "delta", "canal")
_FEATURE = re.compile(rf"\s+(?:{'|'.join(f'[{w[0].upper()}{w[0]}]{w[1:]}' for w in _FEATURES)})\b")
_FEATURE_STEMS = tuple(word[1:] for word in _FEATURES)  # in either case: "River", "river"


def features_only(name: str, texts: Sequence[str]) -> bool:
    """Tell whether a text writes a place's name, and only before a feature's word that makes
    it another place ("ski area in the San Bernardino mountains", "barges on the Illinois
    River"): the mountains or the river, not the town or the state. Not a feature's own name
    ("the Pearl River basin"), nor (`unsaid`) the dateline's town ("PARIS ... the Paris
    Basin")."""
    if _FEATURE.match(" " + name.rsplit(" ", 1)[-1]):  # a feature's own: "the Pearl River basin"
        return False
    spans = [(text, end) for text in texts for _, end in written_whole(text, name)]
    return bool(spans) and all(_FEATURE.match(text, end) for text, end in spans)


def unsaid(every: dict[tuple[str, str], None], texts: tuple[str, ...], dateline: str) -> None:
    """Take out of an article's (kind, name) mentions those its text says are something else:
    a crude grade, a partnership's surnames, a table's heading, the American Gulf, the wire
    agency the story only cites, another country's chamber of a U.S. one's name, a city
    named only as its country's broadcaster."""
    for grade in crude_grades([name for kind, name in every if kind == PLACE], texts, dateline):
        del every[(PLACE, grade)]  # "spot quotes for Dubai, a benchmark crude"
    firms = tuple(name for kind, name in every if kind == ORG)  # "<Welsh, Carson, ... IV>"
    places = [name for kind, name in every if kind in (PLACE, WEAK_PLACE)]
    towns = partners(places, texts + firms, dateline)
    for mention in [m for m in every if m[0] in (PLACE, WEAK_PLACE) and m[1] in towns]:
        del every[mention]  # "Welsh, Carson, Anderson and Stowe" names no town
    for mention in [m for m in every if m[0] == WEAK_ORG and shouted(m[1], texts)]:
        del every[mention]  # "IN CAR OF TRUCK LOTS": a table's heading names no firm
    gulf = [m for m in ((PLACE, THE_GULF), (WEAK_PLACE, THE_GULF)) if m in every]
    for mention in gulf if gulf and american_gulf(texts) else ():
        del every[mention]  # "from the U.S. Gulf ... from the Gulf to Taiwan"
    for mention in [m for m in every if m[0] in (ORG, WEAK_ORG) and cited_agency(m[1], texts)]:
        del every[mention]  # "a spokesman told Reuters": the story's source, not its subject
    for mention in [m for m in every if m[0] == ORG and foreign_chamber(m[1], texts, dateline)]:
        del every[mention]  # "QUITO ... Congress": Ecuador's, not the U.S. body's
    for mention in [m for m in every if m[0] in (ORG, WEAK_ORG) and firms_building(m[1], firms)]:
        del every[mention]  # "First Wisconsin Corp ... its First Wisconsin Center": a building
    joined = " ".join(texts)
    featured = any(word in joined for word in _FEATURE_STEMS)  # most articles: none
    aired = "adio" in joined or "elevision" in joined or " TV" in joined  # most: none
    filed = {key(m.name) for m in filed_from(dateline)} if featured or aired else set()
    regions = gazetteer().regions
    for mention in [m for m in every if aired and m[0] in (PLACE, WEAK_PLACE)]:
        folded = key(mention[1])
        if folded not in filed and folded not in regions and broadcast_only(mention[1], texts):
            del every[mention]  # "Tehran radio said": Iran's broadcaster, not the city
    for mention in [m for m in every if featured and m[0] in (PLACE, WEAK_PLACE)]:
        if key(mention[1]) not in filed and features_only(mention[1], texts):
            del every[mention]  # "the San Bernardino mountains", "the Hudson River": no town
    _washington(every, texts, dateline)


WASHINGTON, WASHINGTON_STATE = "Washington", "Washington State"
"""The capital's name, which the gazetteer folds with the state's, and the state's page name."""
# States listed with Washington that make it the state: not the capital's neighbours ("in
# Washington, Maryland and Virginia"), nor New York ("offices in New York and Washington").
_BESIDE_THE_CAPITAL = frozenset({"WA", "DC", "MD", "VA", "WV", "DE", "PA", "NJ", "NY", "GA"})


@functools.cache
def _the_state() -> re.Pattern[str]:
    """Return the pattern of what writes the state of Washington (`washington_senses`)."""
    apart = "|".join(n for c, n in sorted(state_names().items()) if c not in _BESIDE_THE_CAPITAL)
    return re.compile(
        r"\bWashington [Ss]tate\b|\b[Ss]tate of Washington\b"
        rf"|\b(?:{apart})(?:,| and| or) Washington\b(?! D\.?C)"
        rf"|\bWashington(?:,| and| or) (?:{apart})\b"
        # "in Seattle, Washington, by ...": a town, then the state, no list going on after it
        r"|\b(?:in|of|at|near|from|outside) ([A-Z][a-z]+(?: [A-Z][a-z]+)?), Washington"
        r"(?=[.;:)]|,(?! (?:and|or|D\.?C|[A-Z]))|$)"
    )


def washington_senses(texts: Sequence[str], longer: Sequence[str]) -> tuple[bool, bool]:
    """Tell whether an article names the state of Washington ("Washington state", "Seattle,
    Washington", "in Oregon and Washington"), and whether it names the capital too: a
    "Washington" that is neither of these nor a word of a longer name it names (`longer`:
    "Washington Post"). The gazetteer has one name for both; the capital's page lists the
    stories of the state only where they name the capital as well."""
    state = capital = False
    for text in texts:
        spans = []
        for match in _the_state().finditer(text):
            town = match.group(1)
            if town is None or gazetteer().countries.get(key(town), "US") == "US":
                spans.append(match.span())
                state = True
        spans += [span for name in longer for span in written_whole(text, name)]
        capital = capital or any(
            not any(start <= at and end <= stop for start, stop in spans)
            for at, end in written_whole(text, WASHINGTON)
        )
    return state, capital


def _washington(every: dict[tuple[str, str], None], texts: tuple[str, ...], dateline: str) -> None:
    """Give an article that names the state of Washington the state's place, and take the
    capital's out unless it names the capital too or was filed there (`washington_senses`)."""
    written = [m for m in ((PLACE, WASHINGTON), (WEAK_PLACE, WASHINGTON)) if m in every]
    if not written:
        return
    longer = [name for _, name in every if WASHINGTON in name and name != WASHINGTON]
    state, capital = washington_senses(texts, longer)
    if not state:
        return
    every[(PLACE, WASHINGTON_STATE)] = None
    filed = filed_from(dateline)
    if not capital and not (filed and key(filed[0].name) == key(WASHINGTON)):
        for mention in written:
            del every[mention]
