"""Split one run of capitalised words into names: trim function words, split at "and", "of" and
titles, and classify each part (`run_mentions`, cached: runs repeat across articles).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .entity_and import and_joins, initials_of_a_firm, one_name_with_and
from .entity_bounds import (
    is_acronym,
    loose_of_before_and,
    series_letter,
    ticker_after_form,
    town_before_head,
)
from .entity_cues import GOES_ON, NUMBER_AFTER, PARTNERS_CUE, SHIP_CUE, SITE_AFTER
from .entity_kinds import body_before_on, classify
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
    is_stop,
    named_twice,
)
from .entity_titles import monarch, office_holder, titled, without_portfolio
from .entity_word_kinds import place_cue
from .entity_words import (
    ARMED_FORCES,
    BYLINE_CUES,
    CALENDAR,
    CHAINS_AFTER,
    CONNECTORS,
    DAYS,
    DEPARTMENTS,
    EMPLOYER_CUE,
    FEASTS,
    FIRM_ROLES,
    GENERIC,
    GIVEN_MONTHS,
    HEADS,
    HELD,
    HELD_BY_FOR,
    HOLIDAY_AFTER,
    NAME_OPENERS,
    NUMERALS,
    ORG_HEADS,
    ORGS,
    PARTICLES,
    PERSON_CUE,
    PLACE_NEAR,
    PRESS_HELD,
    ROYAL_TITLES,
    SPLITTERS,
    SUFFIXES,
    TITLES,
    TRADE_TERMS,
    is_legal_form,
)
from .gazetteer import gazetteer, key
from .given_names import first_names

_TRAILING = DAYS | SUFFIXES  # dropped from the end of a name, with a trailing "."


_CAPITAL_SPLITTERS = frozenset(w.title() for w in SPLITTERS)
# Which side a party or a body is on, capitalised before its name in British copy: "the
# Opposition Labour Party" is the Labour Party.
_SIDES = frozenset({"opposition", "ruling", "governing"})


def _generation(words: Sequence[str]) -> bool:
    """Tell whether a run ends in a numeral that is part of a name of three words or more:
    "T. Boone Pickens III" is the son of T. Boone Pickens, "Insured Mortgage Investors II"
    another fund than the first; "Metro III", a model, loses it."""
    return len(words) >= 3 and words[-1].lower() in NUMERALS


def _trim(span: Span, opener_in_lowercase: bool) -> Span:
    """Drop leading and trailing function words, and an opening word used in lowercase elsewhere."""
    words, initial, after = span.words, span.initial, span.after
    while words and (
        words[-1] in CONNECTORS
        or (is_stop(words[-1]) and not body_before_on(words))  # "... on Good Government"
        or (words[-1].lower().rstrip(".") in _TRAILING and not _generation(words))
        or ticker_after_form(words)
    ):
        if words[-1].lower() in NUMERALS and len(words) == 2:
            after = NUMBER_AFTER  # "19-seat Metro III airplanes": a model, no town
        words = words[:-1]
    # a head word ends the run or its first name: "Security Pacific Corp and Seattle's ..."
    # or comes before a title: "Federal Reserve Board Chairman Paul Volcker"
    headed = any(
        w.lower() in HEADS and (i + 1 == len(words) or _ends_name(words[i + 1]))
        for i, w in enumerate(words)
    )
    # a title opening a sentence stays, though the article writes it in lowercase elsewhere
    # ("President Reagan, fighting ..." beside "the president wants")
    titled = bool(words) and words[0].lower().rstrip(".") in TITLES
    opened: list[str] = []  # the words dropped before the name
    while words and (
        words[0] in CONNECTORS
        or (
            is_stop(words[0])
            and not ((headed or firm_of_a_place(words[:2])) and words[0] in _FIRM_OPENERS)
            and not (headed and len(words) > 2 and words[0].lower() in NAME_OPENERS)
            and not (words[0].lower() in CALENDAR and _month_opens(words, headed, span))
            and not (len(words) > 1 and words[0] in _NAME_PARTICLES)
            and not town_before_head(words)
            and not (words[1:2] == ("and",) and initials_of_a_firm(words))  # "A and W Brands"
        )
        or (headed and len(words) > 2 and words[0].lower() in FIRM_ROLES | _SIDES)
        or (words[0].lower() in CALENDAR and not _month_opens(words, headed, span))
        or _describes(words, initial)  # "FOB Gulf ports", "Total Stock Exchange turnover"
        or (initial and not headed and len(words) > 1 and opener_in_lowercase and not titled)
    ):
        opened.append(words[0])
        words, initial = words[1:], False
    if words is span.words:
        return span
    before = span.before
    if opened and before[-1:] in PLACE_NEAR:
        # "elect in April John Johnstone Jr": "in" is said of the month, not of the name
        before = (*before, opened[-1].lower())
    return Span(words, initial, before, after, span.possessive)


def _describes(words: tuple[str, ...], initial: bool) -> bool:
    """Tell whether a run's first word describes what follows rather than opening its name: a
    trade term ("FOB Gulf ports"), or an amount's word opening a sentence before a body's
    generic words only ("Total Stock Exchange turnover ... was")."""
    if words[0].lower() in TRADE_TERMS:
        return True
    rest = (w.lower() for w in words[1:])
    return initial and len(words) > 1 and words[0] in _AMOUNTS and GENERIC.issuperset(rest)


def _month_opens(words: tuple[str, ...], headed: bool, span: Span) -> bool:
    """Tell whether a month's name opens a firm's name ("May Department Stores Co"): the run
    opens a sentence with it (a date there is followed by a comma or a day) and is headed, or
    "The" before it opens the sentence and a legal form ends it ("The May Department Stores Co
    said"; not "The July United Nations Conference", a date); "Jan" before more words is a
    given name ("secretary Jan de Vries", "Jan Carlzon"; the month is written before a day's
    number)."""
    if words[0] in GIVEN_MONTHS and len(words) > 1:
        return True
    if not headed or len(words) < 4:
        return False
    if words is span.words:
        return span.initial
    return words == span.words[1:] and span.words[0] == "The" and is_legal_form(words[-1])


def _ends_name(word: str) -> bool:
    """Tell whether a word after a head word says the name ended at the head."""
    return word in CONNECTORS or word.lower().rstrip(".") in TITLES


def _segments(span: Span) -> list[tuple[Span, bool]]:
    """Split a span at "and", "of" or "for" unless a head ("Ministry of") holds it."""
    if SPLITTERS.isdisjoint(span.words):
        return [(span, False)] if span.words else []
    chains = span.after[:1] in CHAINS_AFTER  # "Westin and Hilton International hotels"
    employer = bool(span.after) and span.after[0] in EMPLOYER_CUE
    whole = not chains and one_name_with_and(
        span.words, span.initial, span.before[-1:] in PERSON_CUE, employer
    )
    whole = whole or named_twice(span)  # "Reynolds and Reynolds said"
    if (whole and not loose_of_before_and(span.words)) or firm_of_place(span.words):
        return [(span, False)]
    if key(" ".join(span.words)) in gazetteer().names:  # "District of Columbia"
        return [(span, False)]
    chunks: list[list[str]] = [[]]
    places = gazetteer().names
    for i, word in enumerate(span.words):
        held = i > 0 and span.words[i - 1].lower() in HELD
        # "Press Trust of India", "New England Journal of Medicine"; not "Community Bank and
        # Trust of Hartselle", cut at "and" as before
        press = word == "of" and span.words[i - 1].lower() in PRESS_HELD
        held = held or (press and "and" not in chunks[-1])
        # "Japan Committee for Economic Development" (a "Committee of" is most often a body's)
        held = held or (word == "for" and span.words[i - 1].lower() in HELD_BY_FOR)
        # "Maryland, Virginia and the District of Columbia"
        held = held or (word == "of" and key(" ".join(span.words[i - 1 : i + 2])) in places)
        # "Union Bancorp of West Virginia Inc and Wayne Bancorp Inc": up to the next "and"
        held = held or (word == "of" and firm_of_place((*chunks[-1], *_upto_and(span.words[i:]))))
        # "First of America Bank Corp": a firm's name opening "First of"
        held = held or (i == 1 and span.words[0] in _FIRM_OPENERS and _headed(span.words))
        # "American Telephone and Telegraph Co and Telerate Inc": two firms after a legal form
        firms = word == "and" and i > 0 and is_legal_form(span.words[i - 1])
        # "told Reuters the House of Representatives": a "the" after a name opens another
        parted = word == "the" and i > 0 and span.words[i - 1] not in CONNECTORS
        if (word in {"of", "for"} and not held) or firms or parted:
            chunks.append([])
        elif word != "the" or chunks[-1]:
            chunks[-1].append(word)
    parts: list[list[str]] = []
    for i, chunk in enumerate(chunks):  # "Shares of Pope and Talbot Inc": one firm after "of"
        parts.append([])
        initial = span.initial and i == 0
        whole = len(chunks) > 1 and one_name_with_and(tuple(chunk), initial)
        for j, word in enumerate(chunk):
            if word == "and" and not whole and tuple(chunk[j + 1 : j + 2]) not in _AND_CO:
                if chains or not and_joins(parts[-1], chunk[j + 1 :], initial and len(parts) == 1):
                    parts.append([])
                else:  # "the Bank of Iron County and Summit Savings and Loan Association"
                    parts[-1].append(word)
            elif word != "the" or parts[-1]:
                parts[-1].append(word)
    found: list[tuple[Span, bool]] = []
    for i, words in enumerate(parts):
        titled = i > 0 and bool(parts[i - 1]) and parts[i - 1][-1].lower().rstrip(".") in TITLES
        cued = False
        while titled and len(words) > 1 and words[0].lower() in DEPARTMENTS:
            words, cued = words[1:], True
        first, last = i == 0, i == len(parts) - 1
        before, after = span.before if first else (), span.after if last else ()
        part = Span(tuple(words), span.initial and first, before, after, span.possessive and last)
        found += [(part, cued)] if words else []
    return found


def _shares_portfolio(
    before: tuple[str, ...], words: tuple[str, ...], name: tuple[str, ...]
) -> bool:
    """Tell whether the words before "and" are part of a portfolio that a minister's or a
    secretary's title after it ends ("Federal Resources" and "Energy Minister Gareth Evans")."""
    at = len(words) - len(name) - 1
    if not name or at < 1 or words[at].lower() not in _PORTFOLIO_TITLES:
        return False
    portfolio = _PORTFOLIO_WORDS
    return before[-1].lower() in portfolio and all(w.lower() in portfolio for w in words[:at])


def _upto_and(words: tuple[str, ...]) -> tuple[str, ...]:
    """Return the words before the first "and", or all of them."""
    return words[: words.index("and")] if "and" in words else words


def _headed(words: tuple[str, ...]) -> bool:
    """Tell whether a run ends with an organisation's head word or legal form."""
    return words[-1].lower() in ORG_HEADS


@functools.lru_cache(maxsize=16384)
def run_mentions(
    words: tuple[str, ...],
    initial: bool,
    before: tuple[str, ...],
    after: tuple[str, ...],
    possessive: bool,
    opener_in_lowercase: bool,
) -> tuple[Mention, ...]:
    """Classify one run of capitalised words into zero or more mentions."""
    if not _CAPITAL_SPLITTERS.isdisjoint(words[1:]):  # "IMF And World Bank" in title case
        words = (words[0], *(w.lower() if w in _CAPITAL_SPLITTERS else w for w in words[1:]))
    words = without_portfolio(words)  # "Minister for Trade Negotiations Michael Duffy"
    if series_letter(words):  # "California Credit Card Trust A": no "... Trust" of all of them
        cut = run_mentions(words[:-1], initial, before, after, possessive, opener_in_lowercase)
        trust = " ".join(words[:-1])
        return tuple(m._replace(name=f"{trust} {words[-1]}") if m.name == trust else m for m in cut)
    if at := office_holder(words, before):  # "Ambassador to Peking Octavio Valerio"
        where = run_mentions(words[:at], False, before, (words[at].lower(),), False, False)
        holder = (before[-2].title(), *words[at:])
        return where + run_mentions(holder, False, before[:-2], after, possessive, False)
    span = Span(words, initial, before, after, possessive)
    if span.before[-1:] == ("by",) and span.before[-2:-1] and span.before[-2] in BYLINE_CUES:
        return ()
    whole = " ".join(span.words)
    if span.after[:1] in HOLIDAY_AFTER and key(whole) in FEASTS:
        return ()  # "the Corpus Christi holiday": a feast, not the town
    if span.after[:1] in SITE_AFTER and key(whole) not in gazetteer().regions:
        return ()  # "the Richmond Hill deposit": a mining site named after the town
    if span.before[-1:] in SHIP_CUE and "of" in words and "and" not in words:
        return (Mention(SHIP, whole),)  # "the liner Empress of Ireland": no Ireland
    if len(span.words) > 1 and key(whole) in gazetteer().names and words[0] != "First":
        return (Mention(PLACE, whole),)
    found: list[Mention] = []
    parts = _segments(_trim(span, opener_in_lowercase))
    opened = 0  # where the mentions of the part before this one start in `found`
    for i, (part, cued) in enumerate(parts):
        if force := _armed_force(part.words):  # "the U.S. Air Force and Turkey"
            found += force
            continue
        prefix, name = titled(part)
        if i and _shares_portfolio(parts[i - 1][0].words, part.words, name.words):
            # "Federal Resources and Energy Minister Gareth Evans": one minister's portfolio
            found[opened:] = [
                m._replace(kind="") if m.kind in (ORG, WEAK_ORG) else m for m in found[opened:]
            ]
        opened = len(found)
        head = classify(prefix, cued and not name.words) if prefix.words else []
        portfolio = name.before[-1:] in _PORTFOLIO and bool(prefix.words)
        if portfolio and prefix.words[-1].lower() in _PORTFOLIO_HEADS:
            # "Malaysian Primary Industries Minister Lim Keng Yaik": a minister's portfolio
            head = [m._replace(kind=WEAK_ORG) if m.kind == ORG else m for m in head]
        named = head + (classify(name, True) if name.words else [])
        if len(part.words) == 2 and part.words[0].lower() in ROYAL_TITLES and name.words:
            named = [monarch(m, part.words[0]) for m in named]  # "King Baudouin" alone
        if (i == 0 and span.before[-1:] in GOES_ON) or (
            i == len(parts) - 1 and span.after[:1] in GOES_ON
        ):  # "Bank Mees & Hope", "Bank Mees en Hope NV": the name goes on
            named = [_cut_short(m) for m in named]
        found += named
    joined = SPLITTERS.intersection(words) == {"and"}
    if joined and len(parts) == 2 and span.before[-2:] in PARTNERS_CUE:
        return (Mention(ORG, " and ".join(" ".join(p.words) for p, _ in parts)),)
    # "Dames and Moore"; "analyst Eliot Laurence of Wessels Arnold and Henderson"
    ends_with_and = len(words) > 2 and words[-2] == "and"
    if (joined or ends_with_and) and _town_ends_partners(parts[-2:]):
        # "Credit Suisse Buckmaster and Moore", "Dames and Moore", "First Boston Corp and
        # Cravath Swaine and Moore": a partnership's name, not the town Moore
        last = parts[-1][0].words[0]
        found = [m._replace(kind="") if _town_named(m, last) else m for m in found]
    if joined and _firm_of_partners(parts):  # "Carroll McEntee and McGinley": a firm, no person
        if any(m.kind == ORG for m in found) and _surnames_only(parts):
            # "auditors Deloitte Haskins and Sells": one firm
            return (Mention(ORG, " and ".join(" ".join(p.words) for p, _ in parts)),)
        found = [m._replace(kind=WEAK_PERSON) if m.kind == PERSON else m for m in found]
    if len(words) == 1 and opener_in_lowercase:  # "Sterling" beside "sterling": no town
        found = [_common_word(m, span) for m in found]
    return tuple(found)


def _armed_force(words: tuple[str, ...]) -> tuple[Mention, ...]:
    """Return an armed force's name as a body of the country an acronym before it names ("U.S.
    Air Force", "U.S. Navy"), or, with no country, for review: "the Air Force", "Coast Guard"
    alone say not which country's; () for any other name ("U.S. Air" is an airline)."""
    if " ".join(words).lower() in ARMED_FORCES:
        return (Mention(WEAK_ORG, " ".join(words)),)
    if len(words) > 1 and " ".join(words[1:]).lower() in ARMED_FORCES:
        country = country_prefix(words[0])
        return (Mention(PLACE, country), Mention(ORG, " ".join(words))) if country else ()
    return ()


def _cut_short(mention: Mention) -> Mention:
    """Return a mention read from a name that goes on over "&" or a foreign "and": an
    organisation's, for review; no person or place ("Johnson & Johnson")."""
    return mention._replace(kind=WEAK_ORG if mention.kind.rstrip("?") == ORG else "")


def _town_named(mention: Mention, last: str) -> bool:
    """Tell whether a mention is the town a partnership's name ends with."""
    return mention.kind in (PLACE, WEAK_PLACE) and mention.name == last


def _common_word(mention: Mention, span: Span) -> Mention:
    """Return a small town's name the article also writes in lowercase as no place, unless a
    cue says it is one ("Sterling, Colo.", "the city of Reading")."""
    if mention.kind in (PLACE, WEAK_PLACE) and place_cue(span) != PLACE:
        return mention._replace(kind="")
    return mention


def _firm_of_partners(parts: list[tuple[Span, bool]]) -> bool:
    """Tell whether "and" joins a full name and a bare surname, as partnerships are named."""
    if len(parts) != 2 or len(parts[0][0].words) < 2 or len(parts[1][0].words) != 1:
        return False
    last = parts[1][0].words[0]
    return last.lower() not in first_names() and key(last) not in gazetteer().names


def _surnames_only(parts: list[tuple[Span, bool]]) -> bool:
    """Tell whether the two names "and" joins are surnames, as a partnership's, not a body's
    or an acronym ("World Bank and OPEC")."""
    first, last = parts[0][0].words, parts[1][0].words[0]
    if is_stop(first[0]) or first[-1].lower() in HEADS:  # "First Albany and Wheat First"
        return False
    return not is_acronym(last) and last.lower() not in ORGS


def _town_ends_partners(parts: list[tuple[Span, bool]]) -> bool:
    """Tell whether "and" joins a name that is no place and a small town's name, as
    partnerships are named ("Dames and Moore"; not "Pine Bluff and Camden", two towns)."""
    if len(parts) != 2 or len(parts[1][0].words) != 1:
        return False
    last, gaz, first = parts[1][0].words[0], gazetteer(), parts[0][0].words
    if key(" ".join(first)) in gaz.names or last.lower() in first_names():
        return False
    # two surnames before "and" make a firm's name, whatever town ends it: "Wessels Arnold and
    # Henderson"; not "General Motors and Detroit" (a head word) nor a country or a state
    partners = len(first) > 1 and all(_surname_like(w) for w in first)
    return key(last) not in (gaz.regions if partners else gaz.major)


def _surname_like(word: str) -> bool:
    """Tell whether a name word may be a surname: capitalised, no head word, legal form or
    large place's name ("Arnold", a small town, may be)."""
    lowered = word.lower().rstrip(".")
    return word[:1].isupper() and lowered not in HEADS and key(word) not in gazetteer().major


# Words for an amount that open a sentence before a body's generic name: "Total Stock Exchange
# turnover ... was" is the exchange's (a firm's own name goes on: "Total Petroleum Co").
_AMOUNTS = frozenset({"Total", "Overall", "Net", "Gross", "Combined"})
# Function words that open firms' names: "First Boston Corp", "First Chicago Corp".
_FIRM_OPENERS = frozenset({"First", "Second", "Third", "One"})
# Particles that open a place's or a person's name in capitals: "Las Palmas", "De Beers".
_NAME_PARTICLES = frozenset(w.title() for w in PARTICLES - {"do", "y", "den", "al"})
# Titles whose words before them name a portfolio, not a body: "Primary Industries Minister".
_PORTFOLIO = {("minister",), ("ministers",)}
_PORTFOLIO_HEADS = frozenset({"industries", "resources", "works", "services", "mines"})
_PORTFOLIO_TITLES = frozenset({"minister", "ministers", "secretary"})
_PORTFOLIO_WORDS = DEPARTMENTS | _PORTFOLIO_HEADS  # a portfolio's words before "and"
# Words after "and" that end a firm's name before them: "Goldman Sachs and Co".
_AND_CO = frozenset({("Co",), ("Co.",), ("Company",), ("Sons",), ("Associates",)})
