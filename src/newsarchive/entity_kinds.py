"""Give one trimmed run of name words a kind by its evidence: the gazetteer, a head word, a
given name, a title or a cue around it; a name with no evidence gets a weak kind or none.
"""

from __future__ import annotations

import itertools

from .entity_bounds import (
    is_acronym,
    state_form,
)
from .entity_cues import (
    FIRM_CUE,
    PRODUCT_AFTER,
    ROLE_AFTER,
    ROLE_CUE,
    SHIP_CUE,
)
from .entity_homes import national_body
from .entity_names import (
    ORG,
    PERSON,
    PLACE,
    SHIP,
    WEAK_ORG,
    WEAK_PERSON,
    WEAK_PLACE,
    Mention,
    Span,
    country_prefix,
    firm_of_a_place,
    firm_of_place,
    is_demonym,
    name_parts,
    named_twice,
)
from .entity_spans import GLUED
from .entity_word_kinds import bank_word, classify_word, place_cue
from .entity_words import (
    CHARACTERS,
    COMMODITIES,
    DEPARTMENTS,
    EMPLOYER_CUE,
    END_DROP,
    EVENT_HEADS,
    FACILITY_AFTER,
    FIRM_ROLES,
    FOREIGN_ORG_FIRST,
    GENERIC,
    HEADS,
    HELD_BY_FOR,
    HELD_BY_ON,
    LEGAL_FORMS,
    NOT_NAME,
    ORG_FIRST,
    ORG_HEADS,
    ORG_NAMES,
    ORGS,
    PERSON_CUE,
    PLACE_FIRST,
    PLACE_HEADS,
    PLACE_NEAR,
    PRESS_HELD,
    ROLES,
    SAID,
    STATE_ABBREVIATIONS,
    SURNAME_TITLES,
    TITLES,
    TRADE_WORDS,
    UNIT_HEADS,
    UNIT_OF,
    WORK_HEADS,
)
from .gazetteer import gazetteer, key
from .given_names import first_names

_OF = frozenset({"of", "for"})
_SPLITTERS = frozenset({"of", "for", "and", "the"})
# Head words that are no surname ("Roman Catholic Church", "Charles Schwab Bank")
_SURNAME_HEADS = ORG_FIRST | GENERIC
_COMPASS = frozenset({"northern", "southern", "eastern", "western", "central"})
_AREAS = frozenset({"district", "region", "province", "area", "zone", "sector"})
_COUNTRYS = frozenset({"oil", "group", "international", "airlines", "corporation", "investments"})
"""Head words that after a country's acronym alone say the country's trade or a firm of it,
never a name: "U.S. Oil company", "U.K. Oil marketing", "the U.S. Group's sales"."""
_FIRM_WORDS = frozenset({"co", "company", "sons", "associates"})
_PEOPLES = frozenset({"people's", "people’s"})
_BODY_HEADS = frozenset({"ministry", "commission", "committee", "council", "board"})


def unknown_given(word: str) -> bool:
    """Tell whether a word before a given name is likely a given name the lists lack ("Lucio"
    of Lucio Cesar Pires): a plain capitalised word that is no place, firm, role or people."""
    lowered = word.lower()
    if not (word.isalpha() and word[0].isupper() and word[1:].islower()):
        return False
    known = lowered in ORGS or lowered in HEADS or lowered in NOT_NAME or lowered in ROLES
    return not known and key(word) not in gazetteer().names and not is_demonym(word)


def _no_person(mention: Mention, after: tuple[str, ...]) -> Mention:
    """Return a person's name of two words or more before ", a unit of" as a firm's ("Brooke
    Bond, two units of Unilever"), before "store" or "mall" as a store's, for review ("the
    Glen Oaks store", "Radio Shack stores"), and before "plant" as none; others as they are
    ("Tire" of "General Tire, a unit")."""
    if mention.kind not in (PERSON, WEAK_PERSON) or " " not in mention.name:
        return mention
    if after == UNIT_OF:
        return mention._replace(kind=ORG)
    return mention._replace(kind="" if after == ("plant",) else WEAK_ORG)


def classify(span: Span, cued: bool) -> list[Mention]:
    """Give a trimmed run of name words a kind, or drop it."""
    if span.before[-1:] in SHIP_CUE:  # "the battleship Missouri", "the tanker Sea Isle City"
        return [Mention(SHIP, " ".join(span.words))]
    if span.after == UNIT_OF or span.after[:1] in FACILITY_AFTER:
        return [_no_person(m, span.after) for m in classify(span._replace(after=()), cued)]
    if len(span.words) == 1:
        return [classify_word(span.words[0], span, cued)]
    if at := body_before_on(span.words):  # "Presidential Commission on Good Government"
        body, whole = " ".join(span.words[:at]), " ".join(span.words)
        found = classify(span._replace(words=span.words[:at], after=()), cued)
        return [m._replace(name=whole) if m.name == body else m for m in found]
    gaz, name, words = gazetteer(), " ".join(span.words), [w.lower() for w in span.words]
    if span.after[:1] in PRODUCT_AFTER and words[-1] not in ORG_HEADS:
        return [Mention("", name)]  # "a talking Mickey Mouse toy", "the Grand Prix models"
    if country := country_prefix(span.words[0]):  # "U.S. Navy", "U.K. Economy"
        place = Mention(PLACE, country)
        if len(words) == 2:  # "U.S. Navy", not "U.S. Attack"
            # not "U.S. Company", nor "a bearish U.S. Press article" (the country's papers),
            # nor "the third biggest U.S. Oil company", "the U.S. Group" (a country's trade,
            # a firm of it)
            named = words[-1] in ORG_HEADS and words[-1] not in GENERIC | _COUNTRYS
            named = named and words[-1] != "press"
            return [place, Mention(ORG, name)] if named else [place]
        if words[1] in FIRM_ROLES:  # "U.S. Publisher Harcourt Brace Jovanovich Inc"
            return [place, *classify(span._replace(words=span.words[2:], initial=False), cued)]
        if words[-1].rstrip(".") in LEGAL_FORMS or words[-1] in _FIRM_WORDS:
            return [place, Mention(ORG, name)]  # "U.S. Wheat Associates", "US West Inc"
        return [place, *classify(span._replace(words=span.words[1:], initial=False), cued)]
    if words[0] in _PEOPLES and (country := state_form(span.words)):
        return [Mention(PLACE, country)]  # "the People's Republic of China"
    parts = name_parts(name)
    cued = cued or span.before[-1:] in PERSON_CUE
    kind = ""
    if all(w.rstrip(".") in LEGAL_FORMS for w in words):
        return [Mention("", name)]  # "Pty Ltd" after "Total Holdings (Australia)": no name
    if key(name) in gaz.names:
        kind = PLACE
    elif key(name) in ORG_NAMES or span.before[-1:] in FIRM_CUE:
        kind = ORG  # known before any rule ("European Community"); "brokers James Capel"
    elif (
        words[-1] in ORG_HEADS
        or words[0] in FOREIGN_ORG_FIRST
        or held_by_institution(words)
        or firm_of_place(span.words)
        or firm_of_a_place(span.words)
        or named_twice(span)
    ):
        # "Kidder, Peabody and Co"; "MGM/UA Communications Co": the name goes on before
        # "Texas American Bank/Levelland": the name goes on after
        cut = ("and" in words and span.before[-1:] == (",",)) or "/" in (
            *span.before[-1:],
            *span.after[:1],
        )
        cut = cut or span.before == GLUED  # "Consumers' Gas Co Ltd", "20th Century-Fox"
        # "Stock Exchange", "Chamber of Commerce": every city has one, so which is unsaid
        local = words[0] in _EVERY_CITY and GENERIC.issuperset(w for w in words if w not in _OF)
        # "Office of the President": which firm's or country's is unsaid
        plain = [w for w in words if w not in _OF and w != "the" and w not in GENERIC]
        # "Oil Ministry", "Telecommunications Commission": a department's and a body's word
        portfolio = len(words) == 2 and words[0] in DEPARTMENTS and words[1] in _BODY_HEADS
        posts = bool(plain) and all(w in TITLES for w in plain)
        # "Communications Inc" of TIE/Communications Inc, "Finance Ltd": a head word and a
        # legal form, no name
        # "Telecommunications Inc" (of U.S. Telecommunications Inc, Coca-Cola's unit): a
        # trade's word and a legal form, no name either
        trade = words[0] in ORG_HEADS or words[0] in DEPARTMENTS or words[0] in TRADE_WORDS
        legal = words[-1].rstrip(".") in LEGAL_FORMS
        heads = len(words) == 2 and trade and legal
        # "Information Systems Group" (IBM's, McDonnell's): a unit named by its trade only
        trade_only = all(w in TRADE_WORDS or w in GENERIC for w in words[:-1])
        # ("Information Systems", cut from "Information Systems and Storage Group": a trade's
        # words alone; "S. Group" of "Franco-U.S. Group": an initial and a head word)
        trades = trade_only and words[-1] in TRADE_WORDS and len(words) > 1
        initial = len(words) == 2 and len(words[0]) == 2 and words[0][1] == "."
        unit = (words[-1] in UNIT_HEADS and trade_only) or trades or initial
        # "Coffee Board", "Oil Ministry": a trade's body, but which country's is unsaid
        goods = bool(plain) and all(w in COMMODITIES for w in plain)
        # "Bureau of Statistics", "Superior Court": which country's or state's is unsaid
        # "Hong Kong Hilton Hotel", "the Peter Pan Restaurant": a building, bought and sold, no
        # firm ("Hilton Hotels Corp") and no person
        facility = words[-1] in _FACILITIES
        # "killed in Kurram Agency", "in North Waziristan Tribal Agency": a Pakistani tribal
        # area after "in" (a body after "in" has "the": "in the International Energy Agency")
        area = words[-1] == "agency" and span.before[-1:] in PLACE_NEAR
        generic = local or posts or heads or not plain or unit or portfolio or goods or facility
        generic = generic or area
        # "the Labour Party": a party's name, though "labour" is a department's word; which
        # country's it is, its stories' homes say (`entity_homes`)
        generic = generic and not (words[-1] == "party" and words[0] in ("labour", "labor"))
        # "the Agriculture Department", "Finance Ministry", "the Central Bank": every country
        # has one, and which one a story means, its home says as for a party
        # (`entity_homes.at_homes`)
        generic = generic and not national_body(name)
        # "analyst Anne Parker Mills": a person whose surname is a head word
        person = cued or span.before[-1:] in ROLE_CUE
        person = person and len(words) < 4 and _SPLITTERS.isdisjoint(words)
        named = named_person(span.words) and words[-1].rstrip(".") not in LEGAL_FORMS
        named = named and not named_twice(span)  # "Dominick and Dominick", a trading house
        if person and named:
            return [Mention(PERSON, name, True)]
        if named and len(words) == 3 and _SURNAME_HEADS.isdisjoint(words[1:]) and not facility:
            # "said Anne Parker Mills, currency analyst with ...": a given name, a surname
            # and a head word, with no legal form, may be a person's three names
            return [Mention(WEAK_PERSON, name, True)]
        if named and len(words) == 2 and words[-1] in _SURNAME_HEADS_ALONE:
            # "said Anne Mills of Shearson Lehman": a person whose surname is a head word
            return [Mention(WEAK_PERSON, name, True)]
        # "Loan Association Inc" of Home Savings and Loan Association Inc: cut after "and";
        # "an Alberta Corp": a region and a legal form describe a firm, and name none
        cut = cut or words[0] in _ONE_AFTER_AND
        cut = cut or (len(words) == 2 and key(span.words[0]) in gaz.regions and legal)
        kind = WEAK_ORG if cut or generic else ORG
    elif any(map(is_demonym, span.words)):  # "South African", "Gulf Arab", "Swiss Krugerrand"
        kind = ""
    elif span.after[:1] and span.after[0] in EMPLOYER_CUE:
        kind = WEAK_ORG  # "Dean Witter analyst Karen Gibbs"
    elif words[-1] in _NOT_LAST and words[-1] not in ROLES:  # "Gulf War", "World Cup"
        kind = ""
    elif words[-1] in PLACE_HEADS or (words[0] in PLACE_FIRST and _opens_place(words)):
        if country := state_form(span.words):  # "Kingdom of Sweden" is Sweden
            return [Mention(PLACE, country)]
        # "Southern District" (of New York, of Texas): which one is unsaid
        compass = words[-1] in _AREAS and all(w in _COMPASS for w in words[:-1])
        # "Hope Creek", "Brady Hot Springs": as often a plant's or a mine's name as a place's
        feature = words[-1] in _FEATURES and key(name) not in gaz.names
        kind = WEAK_PLACE if compass or feature else PLACE
    elif (
        words[-1] in _NOT_LAST
        or len(parts) > 4
        or any(w in NOT_NAME or w.rstrip(".") in ROLES for w in words[:-1])
    ):
        kind = ""
    elif key(span.words[-1]) in gaz.regions:  # "George Shultz China's", "Statistics Canada"
        rest = span._replace(words=span.words[:-1], after=(), possessive=False)
        if len(rest.words) > 1 and (cued or named_person(rest.words)):
            return [*classify(rest, cued), Mention(PLACE, span.words[-1])]
        if len(rest.words) == 1 and words[0] in first_names() and (cued or _speaks(span)):
            return [Mention(PERSON, name, True)]  # "chairwoman Martha Hesse": Hesse a surname
        kind = WEAK_ORG
    elif words[-1].rstrip(".") in STATE_ABBREVIATIONS:  # "W. Va"
        kind = ""
    elif words[-1] in _TITLE_LAST and not named_person(span.words):
        kind = ""  # a title, no name: "(Deputy) Assistant Secretary"
    elif (len(parts) > 1 and len(parts[-1]) > 1 and (cued or named_person(span.words))) or (
        len(parts) > 1 and len(span.after) == 2 and span.after[1] in ROLE_AFTER
    ):
        # "the toll in Teri Mangal in Kurram Agency": two words opening with a given name after
        # "in", with nothing else to say a person's, are as likely a village's ("elect in April
        # John Johnstone Jr": a suffix, an initial or a third word says a person's)
        located = (
            span.before[-1:] in PLACE_NEAR
            and len(span.words) == 2
            and not (span.possessive or _speaks(span))
        )
        kind = WEAK_PERSON if located and not cued else PERSON
    elif words[-1] in END_DROP:
        kind = ""
    elif place_cue(span):
        kind = place_cue(span)
    elif all(key(w) in gaz.major for w in span.words):
        # "Tokyo Osaka" of a table; but "the Paris Metro" is no town Metro: only the first is
        # sure unless a country or a state
        firsts = (
            PLACE if i == 0 or key(w) in gaz.regions else WEAK_PLACE
            for i, w in enumerate(span.words)
        )
        return [Mention(kind, w) for kind, w in zip(firsts, span.words, strict=True)]
    elif len(parts) > 1 and (words[-1] == "banken" or bank_word(words[-1], "banken")):
        kind = ORG  # "Svenska Handelsbanken", "Skandinaviska Enskilda Banken": no person
    elif len(parts) > 1 and _union(words):
        kind = ORG  # "United Auto Workers said": a union, no person
    elif len(parts) > 1 and key(span.words[0]) not in gaz.major:
        kind = "" if any(map(is_acronym, span.words)) else WEAK_PERSON
    return [Mention(kind, name, kind in (PERSON, WEAK_PERSON))]


def _union(words: list[str]) -> bool:
    """Tell whether a name is a labour union's: "United Auto Workers", "United Steelworkers",
    "United Food and Commercial Workers", "Canadian Auto Workers"; not two words that may be a
    longer name's end ("Aerospace Workers" of the International Association of Machinists and
    Aerospace Workers) nor a count of them ("Three United Steelworkers locals")."""
    return (
        words[-1] in _UNION_HEADS
        and (len(words) > 2 or words[0] == "united")
        and words[0] not in _COUNTS
    )


_UNION_HEADS = frozenset({"workers", "steelworkers", "autoworkers", "mineworkers", "teamsters"})
_COUNTS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
_COUNTS |= {"several", "some", "many"}


def _opens_place(words: list[str]) -> bool:
    """Tell whether a place's first word opens this name: "Sea" only before "of" ("Sea of
    Japan"; "the tanker Sea Isle City" is a ship)."""
    return words[0] != "sea" or words[1] == "of"


def _speaks(span: Span) -> bool:
    """Tell whether the words after a name say it is a person's: "X said", "X, chairman"."""
    return span.after[:1] in SAID or (len(span.after) == 2 and span.after[1] in ROLE_AFTER)


def body_before_on(words: tuple[str, ...]) -> int:
    """Return where "on" joins a body's head word to its subject's name ("Group on
    Indonesia"; the span scanner joins only such runs), or 0."""
    at = words.index("on") if "on" in words[1:-1] else 0
    return at if at and words[at - 1].lower() in HELD_BY_ON else 0


def held_by_institution(words: list[str]) -> bool:
    """Tell whether an institution's word holds the name together: "Ministry of Finance",
    "Bankruptcy Court for the Southern District" (not a district: a court), "Press Trust of
    India"."""
    pairs = itertools.pairwise(words)
    return any(
        (w in ORG_FIRST and n in ("of", "for"))
        or (w in HELD_BY_FOR and n == "for")
        or (w in PRESS_HELD and n == "of")
        for w, n in pairs
    )


def named_person(words: tuple[str, ...]) -> bool:
    """Tell whether name words open with a given name, or with an initial before two more
    words: "E. Gerald Corrigan" (not "E. F. Hutton", a firm, nor "Series A. Moody's", where
    "A." ends a sentence)."""
    if words[0].lower() in first_names():
        return True
    initials = [len(w) == 2 and w[1] == "." and w[0].isupper() for w in words]
    return initials[0] and initials[::-1].index(True) >= 2  # words after the last initial


# Head words that are also common surnames, after a given name: "Anne Mills" is a person's.
_SURNAME_HEADS_ALONE = frozenset({"mills", "banks", "church", "house"})
_FACILITIES = frozenset({"hotel", "restaurant"})  # a building named by its trade: no firm
# Words that go on a name before "and", never open one: "Savings and Loan Association".
_ONE_AFTER_AND = frozenset({"loan", "loans"})
_TITLE_LAST = TITLES - SURNAME_TITLES  # a run ending so names a post ("Assistant Secretary")
# "Chamber of Commerce", "Board of Trade", "Institute of Economic Research": many cities and
# countries have one, so the name alone says not which
_EVERY_CITY = frozenset({"chamber", "board", "institute"})


_FEATURES = frozenset({"springs", "falls", "creek"})
# a name ending so is an event, a work, a role or a cartoon's character ("Mickey Mouse")
_NOT_LAST = EVENT_HEADS | WORK_HEADS | ROLES | CHARACTERS
# a numbered reactor or plant ("Perry Unit 2", "Three Mile Island Unit One"); a firm's unit is
# written in lowercase
_NOT_LAST |= {"unit", "units"}
