"""Find people, places and organisations in one article's text with offline, deterministic rules.

`candidates` reads one article: runs of capitalised words (`entity_spans`) are trimmed, split at
titles, roles and connectors, and each name is given a kind by evidence: the gazetteer, a head
word ("Army", "Bank", "Inc"), a given name, a title or role ("President", "Sprinter"), a cue
("in X", "X state", ", chairman of"); a name with no evidence gets a weak kind ending in "?".
A surname alone is read as the fuller name the article uses. Wire copy's <bracketed> company
names, results tables, sign-offs and all-caps headlines are handled before any run is read.
`entity_catalog` folds the candidates across articles and decides what is published.

Speed: a run seen before with the same cues reuses its classification (`_mentions` is cached).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .entity_bounds import (
    TICKER_MARK,
    before_held_of,
    countries_in,
    in_headline_firm,
    is_acronym,
    loose_of_before_and,
    state_form,
    ticker_after_form,
    town_before_head,
    two_names_with_and,
)
from .entity_spans import (
    EMPLOYER_CUE,
    FIRM_CUE,
    REACH,
    ROLE_AFTER,
    SHIP_CUE,
    TOKEN,
    normal_word,
    spans,
)
from .entity_words import (
    ALIASES,
    APPOSITION,
    BYLINE_CUES,
    CALENDAR,
    CONNECTORS,
    DAYS,
    DEMONYMS,
    DEPARTMENTS,
    END_DROP,
    EVENT_HEADS,
    FEATURE_AFTER,
    FOREIGN_ORG_FIRST,
    GENERIC,
    GIVEN_ABBREVIATIONS,
    HEADS,
    HELD,
    LEAD,
    LEGAL_FORMS,
    MINOR,
    NOT_NAME,
    ORG_FIRST,
    ORG_HEADS,
    ORG_NAMES,
    ORGS,
    PARTICLES,
    PERSON_CUE,
    PLACE_AFTER,
    PLACE_BEFORE,
    PLACE_FIRST,
    PLACE_HEADS,
    PLACE_NEAR,
    ROLES,
    SAID,
    SINGLE_DROP,
    STATE_ABBREVIATIONS,
    STATE_AFTER,
    STOP,
    STOP_ACRONYMS,
    SUFFIXES,
    SURNAME_TITLES,
    TITLE_RUN,
    TITLES,
    WORK_HEADS,
    first_names,
    gazetteer,
    key,
)

PERSON, PLACE, ORG = "person", "place", "organisation"
# A name read as a person or organisation without evidence for it (no given name, title, role,
# "said", legal form or head word): kept for review, never published on its own.
WEAK_PERSON, WEAK_PLACE, WEAK_ORG = "person?", "place?", "organisation?"
_TRAILING = DAYS | SUFFIXES  # dropped from the end of a name, with a trailing "."
_OF = frozenset({"of", "for"})
_CAPITAL_OF = ("capital", "of")
_SPLITTERS = frozenset({"of", "for", "and", "the"})  # words a span may be split or trimmed at
_CAPITAL_SPLITTERS = frozenset(w.title() for w in _SPLITTERS)
_LONG = 20_000  # characters in an article past which its lowercase words are listed at once


_NICKNAME = re.compile(r"(?<=\w)\s+[\"“‘']([^\"“”‘’'\n]{1,30})[\"”’']\s+(?=\w)")
_QUOTE_AFTER_SPACE = re.compile(r"[\"“‘'](?<=\s.)")  # found in any text _NICKNAME matches
_CREDIT = re.compile(
    r"[ \t]+(?:[A-Z]{2,6}|Reuters|Getty Images|Xinhua)(?: Photo)?[ \t]*/[ \t]*"
    r"(?:[A-Z][\w.'’-]*[ \t]*){1,4}$",
    re.MULTILINE,
)
_DATELINE = re.compile(r"\s*([^()\n]{2,60}?)\s*(?:\(([^()\n]{1,40})\))?\s*[-–—]{1,2}\s")
# Notes in brackets that wire copy adds to a headline, never an agency: "(REVISED)".
_WIRE_NOTES = frozenset(
    ["revised", "corrected", "correction", "update", "updated", "amended", "repeat"]
)
_BYLINE = re.compile(r"\s*By [A-Z]\S*(?: [A-Z]\S*){0,3}\s*$")
_PUNCTUATION = re.compile(r"([^\w\s'’.-]+)")  # the marks kept: a ticker's says a firm ends


# Named tuples rather than dataclasses: classifying a run makes several, and tuples are cheaper.
class _Span(NamedTuple):
    """A run of capitalised words and the lowercased tokens around it that a rule reads."""

    words: tuple[str, ...]
    initial: bool  # the first word opens a sentence
    before: tuple[str, ...]
    after: tuple[str, ...]
    possessive: bool


class _Mention(NamedTuple):
    """One classified name; a `flexible` one may be re-read as part of a fuller person name."""

    kind: str  # "" while only a fuller name in the article can give it a kind
    name: str
    flexible: bool = False


_NO_NAME = _Span((), False, (), (), False)


def _parts(folded: str) -> tuple[str, ...]:
    """Return the name words of a folded key, without particles like "de" or "bin"."""
    return tuple(p for p in folded.split("-") if p and p not in PARTICLES)


@functools.lru_cache(maxsize=65536)
def _name_parts(name: str) -> tuple[str, ...]:
    """Return the folded name words of a surface name: "Guzmán López" -> ("guzman", "lopez")."""
    return _parts(key(name))


@functools.lru_cache(maxsize=65536)
def _short_forms(parts: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """Return the shorter ways news text refers to a full name: "Guzmán López", "Guzmán", ..."""
    n = len(parts)
    forms = {parts[:k] for k in range(2, n)} | {parts[n - k :] for k in range(2, n)}
    if n >= 3:
        forms |= {(parts[0], parts[-1]), (parts[-2],)}
    return frozenset(forms | {(parts[-1],)}) if n >= 2 else frozenset()


def _is_stop(word: str) -> bool:
    """Tell whether a word is a function word rather than a name (acronyms never are)."""
    return word.lower() in STOP and not (len(word) > 1 and word.isupper())


def _trim(span: _Span, opener_in_lowercase: bool) -> _Span:
    """Drop leading and trailing function words, and an opening word used in lowercase elsewhere."""
    words, initial = span.words, span.initial
    headed = words[-1].lower() in HEADS
    # a title opening a sentence stays, though the article writes it in lowercase elsewhere
    # ("President Reagan, fighting ..." beside "the president wants")
    titled = words[0].lower().rstrip(".") in TITLES
    while words and (
        words[0] in CONNECTORS
        or (
            _is_stop(words[0])
            and not ((headed or _firm_of_a_place(words[:2])) and words[0] in _FIRM_OPENERS)
            and not (len(words) > 1 and words[0] in _NAME_PARTICLES)
            and not town_before_head(words)
        )
        or words[0].lower() in CALENDAR
        or (initial and not headed and len(words) > 1 and opener_in_lowercase and not titled)
    ):
        words, initial = words[1:], False
    while words and (
        words[-1] in CONNECTORS
        or _is_stop(words[-1])
        or words[-1].lower().rstrip(".") in _TRAILING
        or ticker_after_form(words)
    ):
        words = words[:-1]
    if words is span.words:
        return span
    return _Span(words, initial, span.before, span.after, span.possessive)


def _firm_of_a_place(words: tuple[str, ...]) -> bool:
    """Tell whether a name is "First" and a place, as banks and brokers are named ("First
    Albany", "First Chicago"): a firm, never the place."""
    return len(words) == 2 and words[0] == "First" and key(words[1]) in gazetteer().names


def _segments(span: _Span) -> list[tuple[_Span, bool]]:
    """Split a span at "and", "of" or "for" unless a head ("Ministry of") holds it."""
    if _SPLITTERS.isdisjoint(span.words):
        return [(span, False)] if span.words else []
    whole = _one_name_with_and(span.words, span.initial)
    if (whole and not loose_of_before_and(span.words)) or _firm_of_place(span.words):
        return [(span, False)]
    chunks: list[list[str]] = [[]]
    for i, word in enumerate(span.words):
        held = i > 0 and span.words[i - 1].lower() in HELD
        held = held or (word == "of" and _firm_of_place((*chunks[-1], *span.words[i:])))
        # "American Telephone and Telegraph Co and Telerate Inc": two firms after a legal form
        firms = word == "and" and i > 0 and span.words[i - 1].lower().rstrip(".") in LEGAL_FORMS
        if (word in {"of", "for"} and not held) or firms:
            chunks.append([])
        elif word != "the" or chunks[-1]:
            chunks[-1].append(word)
    parts: list[list[str]] = []
    for i, chunk in enumerate(chunks):  # "Shares of Pope and Talbot Inc": one firm after "of"
        parts.append([])
        initial = span.initial and i == 0
        whole = len(chunks) > 1 and _one_name_with_and(tuple(chunk), initial)
        for j, word in enumerate(chunk):
            if word == "and" and not whole and tuple(chunk[j + 1 : j + 2]) not in _AND_CO:
                parts.append([])
            elif word != "the" or parts[-1]:
                parts[-1].append(word)
    found: list[tuple[_Span, bool]] = []
    for i, words in enumerate(parts):
        titled = i > 0 and bool(parts[i - 1]) and parts[i - 1][-1].lower().rstrip(".") in TITLES
        cued = False
        while titled and len(words) > 1 and words[0].lower() in DEPARTMENTS:
            words, cued = words[1:], True
        first, last = i == 0, i == len(parts) - 1
        before, after = span.before if first else (), span.after if last else ()
        part = _Span(tuple(words), span.initial and first, before, after, span.possessive and last)
        found += [(part, cued)] if words else []
    return found


def _firm_of_place(words: tuple[str, ...]) -> bool:
    """Tell whether "of" ends a firm's name with its place: "Affiliated Bankshares of Colorado
    Inc", "Mobile Communications Corp of America" (one firm, not a firm and a place)."""
    if "of" not in words or "and" in words or "for" in words or words.count("of") > 1:
        return False
    at = words.index("of")
    if words[-1].lower().rstrip(".") in LEGAL_FORMS:  # "... of Colorado Inc"
        return key(" ".join(words[at + 1 : -1])) in gazetteer().names
    return words[at + 1 :] == ("America",) and words[at - 1].lower().rstrip(".") in LEGAL_FORMS


def _country_prefix(word: str) -> str:
    """Return the country an acronym such as "U.S." (read as "United States") names, or ""."""
    if word in _COUNTRIES:
        return word
    return ALIASES.get(key(word), "") if is_acronym(word) else ""


_COUNTRIES = frozenset(ALIASES.values())


def _one_name_with_and(words: tuple[str, ...], initial: bool) -> bool:
    """Tell whether "and" joins one organisation's name: "Food and Drug Administration",
    "Kidder, Peabody and Co Inc", "Ministry of Trade and Industry" (a sentence's first word
    may be a common noun: "Soldiers and National Guard troops")."""
    if "and" not in words or words[0] == "and":
        return False
    if key(" ".join(words)) in ORG_NAMES:  # "Securities and Exchange Commission"
        return True
    at = words.index("and")
    if two_names_with_and(words, at):  # "Liberty Financial and Liberty Savings"
        return False
    # "Edelman and Dominion Textile Ltd for Burlington Inc": two names; but "Savings and Loan
    # Association of Fountain Valley" is one, read up to its "of"
    rest = before_held_of([w.lower() for w in words[at + 1 :]])
    if rest is None:
        return False
    words = words[: at + 1 + len(rest)]
    if not rest or "the" in rest or "and" in rest or not ORG_FIRST.isdisjoint(rest[:-1]):
        return False
    if len(rest) == 1 and at == 1 and words[0].lower() in ORG_HEADS and rest[0] in ORG_HEADS:
        return False  # "House and Senate": two bodies
    if at == 1 and len(rest) == 2 and rest[1].rstrip(".") in LEGAL_FORMS:
        # "Pope and Talbot Inc", first or not, "Clayton and Dubilier Inc" (a small town's name)
        return key(words[0]) not in gazetteer().major
    if words[at - 1].lower().rstrip(".") in LEGAL_FORMS:  # "X Corp and Y Co": two firms
        return False
    if not _FIRM_WORDS.isdisjoint(w.rstrip(".") for w in rest):  # "Toyo Trust and Banking Co"
        return True
    if rest[0] in _ONE_WITH_AND and words[at - 1].lower() in ORG_HEADS:  # "Savings and Loan"
        return True
    if _country_prefix(words[0]):  # "U.S. Food and Drug Administration"
        words, at = words[1:], at - 1
    if at > 1 and words[at - 1].lower() in ORG_HEADS and rest[0] not in _ONE_WITH_AND:
        # "International Monetary Fund and World Bank": two names; but one legal form at the
        # end makes one firm: "Nippon Telegraph and Telephone Corp"
        return rest[-1].rstrip(".") in LEGAL_FORMS
    first = words[0].lower()
    if first in ORG_FIRST and words[1:2] in (("of",), ("for",)):
        return True
    # a sentence's first words before "and" and a legal form are one firm's ("Rochester Gas
    # and Electric Corp said")
    initial = initial and rest[-1].rstrip(".") not in LEGAL_FORMS
    if at > 3 or initial or rest[-1] not in ORG_HEADS or words[at - 1].lower() in LEGAL_FORMS:
        return False  # "Florida Power and Light Co" joins; "Texaco Inc and Chevron Corp" not
    if first in ORGS or rest[0] in ORGS or rest[0] in FOREIGN_ORG_FIRST:
        return False
    if key(" ".join(words[:at])) not in gazetteer().names:
        return True
    # a place, "and", then more than a head: "Bristol and West Building Society",
    # "Pittsburgh and West Virginia Railroad" (not "Japan and World Bank", a known name)
    # and not two places: "United States and Soviet Union"
    after = key(" ".join(words[at + 1 :]))
    return len(rest) > 1 and after not in ORG_NAMES and after not in gazetteer().names


def _titled(span: _Span) -> tuple[_Span, _Span]:
    """Split "U.S. President Joe Biden" into the prefix "U.S." and the titled name "Joe Biden"."""
    words = span.words
    if words[-1].lower() in HEADS:  # "General Electric Co", "Prince Edward Island": no titles
        return span, _NO_NAME
    if len(words) < 2:
        return span, _NO_NAME
    lowered = [w.lower().rstrip(".").rpartition("-")[2] for w in words[:-1]]  # "Vice-President"
    titles = (
        i for i, w in enumerate(lowered) if w in TITLES and (i == 0 or w not in SURNAME_TITLES)
    )
    last = max(titles, default=-1)
    if last < 0:
        return _after_roles(span)
    first = last
    while first and words[first - 1].lower().rstrip(".") in TITLE_RUN:
        first -= 1
    name = words[last + 1 :]
    if name[0].lower() in ORG_FIRST:  # "General Union of Workers": no general's name
        return span, _NO_NAME
    while name and name[0].lower() in DEPARTMENTS:
        name = name[1:]
    prefix = _Span(words[:first], span.initial, span.before, (), False)
    titled = _Span(name, False, (words[last].lower(),), span.after, span.possessive)
    # words between the title and a given name are no part of the name: "Prime Minsiter
    # Yasuhiro Nakasone" (a typo), "Deputy CIA Dirctor Robert Gates"
    named = _after_roles(titled)[1] if len(name) > 2 else _NO_NAME
    return prefix, named._replace(before=titled.before) if named.words else titled


def _after_roles(span: _Span) -> tuple[_Span, _Span]:
    """Split "Sprinter Kelly Holmes" into role words, never a name, and the name after them."""
    words, given = span.words, first_names()
    if words[0].lower() in given:
        return span, _NO_NAME
    for i, word in enumerate(words[1:-1], 1):
        if word.lower() in given and key(" ".join(words[i - 1 : i + 1])) not in gazetteer().names:
            named = _Span(words[i:], False, ("said",), span.after, span.possessive)
            if words[-1].lower() in HEADS:  # "Santa Barbara Biltmore Hotel"
                break
            if all(w.lower().rstrip(".") in ROLES or w.lower() in TITLE_RUN for w in words[:i]):
                return _NO_NAME, named
            # "Lucio Cesar Pires": one name, "Lucio" a given name the lists lack
            if i == 1 and span.before[-1:] not in PERSON_CUE and _unknown_given(words[0]):
                return _NO_NAME, named._replace(words=words)
            initials = all(len(w) == 2 and w.endswith(".") for w in words[:i])  # "E. Gerald"
            if words[i - 1].lower() not in CONNECTORS and not initials:  # "Credit Suisse Paul X"
                return _Span(words[:i], span.initial, span.before, (), False), named
            break
    return span, _NO_NAME


def _unknown_given(word: str) -> bool:
    """Tell whether a word before a given name is likely a given name the lists lack ("Lucio"
    of Lucio Cesar Pires): a plain capitalised word that is no place, firm, role or people."""
    lowered = word.lower()
    if not (word.isalpha() and word[0].isupper() and word[1:].islower()):
        return False
    known = lowered in ORGS or lowered in HEADS or lowered in NOT_NAME or lowered in ROLES
    return not known and key(word) not in gazetteer().names and not _demonym(word)


@functools.lru_cache(maxsize=16384)
def _mentions(
    words: tuple[str, ...],
    initial: bool,
    before: tuple[str, ...],
    after: tuple[str, ...],
    possessive: bool,
    opener_in_lowercase: bool,
) -> tuple[_Mention, ...]:
    """Classify one run of capitalised words into zero or more mentions."""
    if not _CAPITAL_SPLITTERS.isdisjoint(words[1:]):  # "IMF And World Bank" in title case
        words = (words[0], *(w.lower() if w in _CAPITAL_SPLITTERS else w for w in words[1:]))
    span = _Span(words, initial, before, after, possessive)
    if span.before[-1:] == ("by",) and span.before[-2:-1] and span.before[-2] in BYLINE_CUES:
        return ()
    whole = " ".join(span.words)
    if len(span.words) > 1 and key(whole) in gazetteer().names and words[0] != "First":
        return (_Mention(PLACE, whole),)
    found: list[_Mention] = []
    parts = _segments(_trim(span, opener_in_lowercase))
    for part, cued in parts:
        prefix, name = _titled(part)
        found += _classify(prefix, cued and not name.words) if prefix.words else []
        found += _classify(name, True) if name.words else []
    if _firm_of_partners(parts):  # "Carroll McEntee and McGinley": a firm, not a person
        found = [m._replace(kind=WEAK_PERSON) if m.kind == PERSON else m for m in found]
    return tuple(found)


def _firm_of_partners(parts: list[tuple[_Span, bool]]) -> bool:
    """Tell whether "and" joins a full name and a bare surname, as partnerships are named."""
    if len(parts) != 2 or len(parts[0][0].words) < 2 or len(parts[1][0].words) != 1:
        return False
    last = parts[1][0].words[0]
    return last.lower() not in first_names() and key(last) not in gazetteer().names


def _classify(span: _Span, cued: bool) -> list[_Mention]:
    """Give a trimmed run of name words a kind, or drop it."""
    if span.before[-1:] in SHIP_CUE:  # "the battleship Missouri", "the tanker Sea Isle City"
        return [_Mention("", " ".join(span.words))]
    if len(span.words) == 1:
        return [_single(span.words[0], span, cued)]
    gaz, name, words = gazetteer(), " ".join(span.words), [w.lower() for w in span.words]
    if country := _country_prefix(span.words[0]):  # "U.S. Navy", "U.K. Economy"
        place = _Mention(PLACE, country)
        if len(words) == 2:  # "U.S. Navy", not "U.S. Attack"
            named = words[-1] in ORG_HEADS and words[-1] not in GENERIC  # not "U.S. Company"
            return [place, _Mention(ORG, name)] if named else [place]
        return [place, *_classify(span._replace(words=span.words[1:], initial=False), cued)]
    parts = _name_parts(name)
    cued = cued or span.before[-1:] in PERSON_CUE
    kind = ""
    if key(name) in gaz.names:
        kind = PLACE
    elif key(name) in ORG_NAMES or span.before[-1:] in FIRM_CUE:
        kind = ORG  # known before any rule ("European Community"); "brokers James Capel"
    elif (
        words[-1] in ORG_HEADS
        or words[0] in FOREIGN_ORG_FIRST
        or _held_by_institution(words)
        or _firm_of_place(span.words)
        or _firm_of_a_place(span.words)
    ):
        # "Kidder, Peabody and Co"; "MGM/UA Communications Co": the name goes on before
        cut = ("and" in words and span.before[-1:] == (",",)) or span.before[-1:] == ("/",)
        # "Stock Exchange", "Chamber of Commerce": every city has one, so which is unsaid
        local = words[0] in _EVERY_CITY and GENERIC.issuperset(w for w in words if w not in _OF)
        generic = local or GENERIC.issuperset(words)
        kind = WEAK_ORG if cut or generic else ORG
    elif any(map(_demonym, span.words)):  # "South African", "Gulf Arab", "Swiss Krugerrand"
        kind = ""
    elif span.after[:1] and span.after[0] in EMPLOYER_CUE:
        kind = WEAK_ORG  # "Dean Witter analyst Karen Gibbs"
    elif words[-1] in _NOT_LAST and words[-1] not in ROLES:  # "Gulf War", "World Cup"
        kind = ""
    elif words[-1] in PLACE_HEADS or words[0] in PLACE_FIRST:
        if state_form(span.words):  # "Kingdom of Sweden" is Sweden
            return [_Mention(PLACE, gaz.names[key(" ".join(span.words[2:]))])]
        kind = PLACE
    elif (
        words[-1] in _NOT_LAST
        or len(parts) > 4
        or any(w in NOT_NAME or w.rstrip(".") in ROLES for w in words[:-1])
    ):
        kind = ""
    elif key(span.words[-1]) in gaz.regions:  # "George Shultz China's", "Statistics Canada"
        rest = span._replace(words=span.words[:-1], after=(), possessive=False)
        if len(rest.words) > 1 and (cued or _named_person(rest.words)):
            return [*_classify(rest, cued), _Mention(PLACE, span.words[-1])]
        kind = WEAK_ORG
    elif words[-1].rstrip(".") in STATE_ABBREVIATIONS:  # "W. Va"
        kind = ""
    elif words[-1] in _TITLE_LAST and not _named_person(span.words):
        kind = ""  # a title, no name: "(Deputy) Assistant Secretary"
    elif (len(parts) > 1 and len(parts[-1]) > 1 and (cued or _named_person(span.words))) or (
        len(parts) > 1 and len(span.after) == 2 and span.after[1] in ROLE_AFTER
    ):
        kind = PERSON
    elif words[-1] in END_DROP:
        kind = ""
    elif _place_cue(span):
        kind = _place_cue(span)
    elif all(key(w) in gaz.major for w in span.words):
        return [_Mention(PLACE, w) for w in span.words]
    elif len(parts) > 1 and key(span.words[0]) not in gaz.major:
        kind = "" if any(map(is_acronym, span.words)) else WEAK_PERSON
    return [_Mention(kind, name, kind in (PERSON, WEAK_PERSON))]


def _held_by_institution(words: list[str]) -> bool:
    """Tell whether an institution's word holds the name together: "Ministry of Finance",
    "Bankruptcy Court for the Southern District" (not a district: a court)."""
    return any(w in ORG_FIRST and n in ("of", "for") for w, n in itertools.pairwise(words))


def _named_person(words: tuple[str, ...]) -> bool:
    """Tell whether name words open with a given name, or with an initial before two more
    words: "E. Gerald Corrigan" (not "E. F. Hutton", a firm, nor "Series A. Moody's", where
    "A." ends a sentence)."""
    if words[0].lower() in first_names():
        return True
    initials = [len(w) == 2 and w[1] == "." and w[0].isupper() for w in words]
    return initials[0] and initials[::-1].index(True) >= 2  # words after the last initial


def _single(word: str, span: _Span, cued: bool) -> _Mention:
    """Give a lone name word a kind; an unknown one waits for a fuller name in the article."""
    gaz, lowered, folded = gazetteer(), word.lower(), key(word)
    if len(folded) < 2:
        return _Mention("", word)
    if is_acronym(word):
        if folded in ALIASES:
            return _Mention(PLACE, ALIASES[folded])
        if folded in STOP_ACRONYMS or lowered in SINGLE_DROP:
            return _Mention("", word)
        return _Mention(ORG if lowered in ORGS else WEAK_ORG, word)
    if lowered in ORGS or _is_stop(word) or lowered in SINGLE_DROP or lowered in ROLES:
        return _Mention(ORG if lowered in ORGS else "", word)
    if _demonym(word) or (lowered in PLACE_HEADS and folded not in gaz.regions):
        return _Mention("", word)  # "Iraqi"; "County" alone names no county
    if span.after[:1] in FEATURE_AFTER and not is_acronym(word):
        return _Mention(PLACE, f"{word} {span.after[0].title()}")  # "Suez canal"
    if span.after == STATE_AFTER:  # "a Shelby, N.C., savings bank"
        return _Mention(PLACE, word)
    named = cued or span.before[-1:] in PERSON_CUE or span.after[:1] in SAID
    if folded in gaz.regions and not named:  # "in Chad": a country before a given name
        return _Mention(PLACE, word)
    if lowered in first_names():  # "(Prime Minister Yasuhiro) Nakasone": never a page alone
        # and without a title, a cue or "said" after it, no person ("Dean" of Dean/Alco Food
        # Prep): it stands only for a fuller name in the article
        return _Mention(WEAK_PERSON if named else "", word, True)
    if cued or span.before[-1:] in PERSON_CUE:
        return _Mention(PERSON, word, True)
    speaks = span.after[:1] in SAID and folded not in gaz.regions
    if speaks and folded not in gaz.names:
        return _Mention(WEAK_PERSON, word, True)
    if folded in gaz.names and not speaks and (not span.initial or folded in gaz.major):
        # a small town's name is often a surname or a word ("the Lombard rate"): only a cue
        # or another article confirms it
        sure = folded in gaz.major or _place_cue(span) == PLACE
        return _Mention(PLACE if sure else WEAK_PLACE, word, folded not in gaz.regions)
    return _Mention(_place_cue(span), word, True)


def _place_cue(span: _Span) -> str:
    """Return the kind the words around a span give it: a place for "X state", "city of X",
    ", a town"; only an unconfirmed one for "in X" ("in Treasury bonds"); else ""."""
    before, after = span.before, span.after
    if before[-2:] == _CAPITAL_OF and key(" ".join(span.words)) not in gazetteer().names:
        return WEAK_PLACE  # "the capital of Himont": a firm's share capital, maybe
    if before[-2:] in PLACE_BEFORE or after[:1] in PLACE_AFTER or after in APPOSITION:
        return PLACE
    if after == STATE_AFTER:
        return PLACE
    if before[-1:] in PLACE_NEAR and not span.possessive:
        return WEAK_PLACE
    return ""


@functools.lru_cache(maxsize=16384)
def _demonym(word: str) -> bool:
    """Tell whether a word names a country's people: "Iraqi", "South African", "Japanese"."""
    lowered = word.lower()
    if lowered in DEMONYMS:
        return True
    regions = gazetteer().regions
    if key(word) in regions:  # "Niger" is a country, not a people of Nigeria
        return False
    if key(lowered + "ia") in regions:  # "Yugoslav" of Yugoslavia
        return True
    for suffix in ("ian", "an", "n", "i", "ese", "ish"):
        stem = lowered[: -len(suffix)] if lowered.endswith(suffix) else ""
        if len(stem) > 2 and any(key(stem + end) in regions for end in ("", "a", "o", "y", "ia")):
            return key(word) not in regions
    return False


def _dateline(text: str) -> tuple[list[_Mention], str]:
    """Read a leading "CULIACAN, Mexico (Reuters) -" dateline into mentions; return the rest."""
    opening = text[:64].lstrip()[:2]  # both belong to the first place, which is in capitals
    if len(opening) == 2 and (opening[0].islower() or opening[1].islower()):
        return [], text
    match = _DATELINE.match(text)
    places = [p.strip() for p in match.group(1).split(",")] if match else [""]
    head = gazetteer().names.get(key(places[0]))
    agencies = [a.strip() for a in (match.group(2) or "").split("/")] if match else []
    agencies = [a for a in agencies if a[:1].isupper() and a.lower() not in _WIRE_NOTES]
    # "LONDON COCOA OPEN POSITION (REVISED) - APR 6" is a headline with a note, no dateline
    unknown = not head and (not agencies or len(places[0].split()) > 3)
    if not match or not places[0].isupper() or unknown:
        return [], text
    found = [_Mention(PLACE, head or places[0].title())]
    for place in places[1:]:
        first = place.split()[0].lower() if place.split() else ""
        if place[:1].isupper() and first not in CALENDAR and first not in ORGS:  # ", Reuter -"
            found.append(_Mention(PLACE, place))
    return found + [_Mention(ORG, a) for a in agencies], text[match.end() :]


def _is_headline(text: str) -> bool:
    """Tell whether a block is in headline case or ALL CAPS, where capitals say nothing."""
    for word in text[:60].split(" ")[:-1]:  # whole words between spaces answer most blocks
        if word.isalpha() and word[0].islower() and word.lower() not in MINOR:
            return False
    capitals = 0
    for match in TOKEN.finditer(text):
        word = match.group()
        if word[0].isalpha():
            if word[0].islower() and word.lower() not in MINOR:
                return False
            capitals += word[0].isupper()
    return capitals >= 2


def _headline(text: str, known: dict[tuple[str, ...], _Mention]) -> list[_Mention]:
    """Find names in a headline by looking up word n-grams among the body's names and places."""
    found: list[_Mention] = []
    shouting = text.isupper()
    starts, places = {parts[0] for parts in known} | _OPEN_ANY, _place_starts()
    pieces = _PUNCTUATION.split(text)
    for chunk, mark in zip(pieces[::2], [*pieces[1::2], ""], strict=True):
        words = [normal_word(t)[0] for t in TOKEN.findall(chunk) if t[0].isalpha()]
        i = 0
        while i < len(words):
            # only a word that opens a known name or a place's name of more words can open a
            # phrase of more words; a few more are names alone
            first = key(words[i]).partition("-")[0]
            longer = first in starts or first in places
            if longer or _may_be_alone(words[i], shouting):
                end, hit = _longest(words, i, known, shouting, 5 if longer else 1)
                # a town opening a firm's name, which the body does not name: "OAK HILL
                # SPORTSWEAR CORP <OHSC>"
                firm = hit is not None and hit.kind == PLACE and _name_parts(hit.name) not in known
                if not (firm and in_headline_firm(words, end, "|" in mark)):
                    found += [hit] if hit is not None else []
            else:
                end = i + 1
            i = end
    return found


_OPEN_ANY = PARTICLES | {""}  # "de la Madrid", and a word with no letters to fold


def _may_be_alone(word: str, shouting: bool) -> bool:
    """Tell whether a headline word can be a name on its own that `_lookup` knows."""
    return word.lower() in ORGS or (
        not shouting and (key(word) in gazetteer().major or is_acronym(word))
    )


_STARTS: dict[int, frozenset[str]] = {}  # by the gazetteer's id: it is loaded once per process


def _place_starts() -> frozenset[str]:
    """Return the first words of the gazetteer's names of more than one word."""
    gaz = gazetteer()
    if id(gaz) not in _STARTS:
        _STARTS.clear()
        _STARTS[id(gaz)] = frozenset(k.partition("-")[0] for k in gaz.names if "-" in k)
    return _STARTS[id(gaz)]


def _longest(
    words: list[str], i: int, known: dict[tuple[str, ...], _Mention], shouting: bool, most: int
) -> tuple[int, _Mention | None]:
    """Return the end and mention of the longest known phrase (up to `most` words) at i."""
    for end in range(min(len(words), i + most), i, -1):
        hit = _lookup(words[i:end], known, shouting)
        if hit is not None:
            return end, hit
    return i + 1, None


def _lookup(
    words: list[str], known: dict[tuple[str, ...], _Mention], shouting: bool
) -> _Mention | None:
    """Return the mention a headline phrase names, if the body or the gazetteer knows it."""
    gaz, phrase, lowered = gazetteer(), " ".join(words), words[0].lower()
    if len(words) == 1 and lowered in LEAD:
        return None
    if (parts := _name_parts(phrase)) in known:
        return known[parts]
    folded = key(phrase)
    if folded in gaz.names and (len(words) > 1 or (folded in gaz.major and not shouting)):
        return _Mention(PLACE, gaz.names[folded] if shouting else phrase)
    if len(words) == 1 and (lowered in ORGS or (not shouting and is_acronym(phrase))):
        return _single(phrase, _Span((phrase,), False, (), (), False), False)
    return None


def _prepare(text: str) -> str:
    """Return text in NFC with photo credits cut and quoted nicknames inside names removed."""
    text = unicodedata.normalize("NFC", text)
    text = _CREDIT.sub("", text) if "/ " in text or " /" in text else text
    if "reuter" in text[-12:].lower() and (sign_off := _SIGN_OFF.search(text, len(text) - 12)):
        text = text[: sign_off.start()]
    if _QUOTE_AFTER_SPACE.search(text) is None:
        return text

    def join(match: re.Match[str]) -> str:
        before = text[max(0, match.start() - 40) : match.start()].split()[-1:]
        inner = match.group(1).split()
        named = before and before[0][:1].isupper() and text[match.end()].isupper()
        if named and len(inner) <= 3 and all(w[:1].isupper() for w in inner):
            return " "
        return match.group(0)

    return _NICKNAME.sub(join, text)


def _expand(
    mention: _Mention, people: list[tuple[str, tuple[str, ...], str]], orgs: dict[str, str]
) -> _Mention:
    """Return a surname or partial name as the fuller person name it refers to in the article,
    and a lone word or a town's name that opens an organisation's name ("Midland" of Midland
    Bank, "San Miguel" of San Miguel Corp) as that."""
    if mention.kind in (PLACE, WEAK_PLACE) and not mention.flexible and " " in mention.name:
        opens = orgs.get("-".join(_name_parts(mention.name)))
        if opens is not None and key(mention.name) not in gazetteer().regions:
            return _Mention(ORG, opens)  # "San Miguel's stock" of San Miguel Corp
    parts = _name_parts(mention.name) if mention.flexible else ()
    if len(parts) == 1 and parts[0] in orgs and mention.kind != PERSON:
        return _Mention(ORG, orgs[parts[0]])
    sure = mention.kind == PERSON  # the shorter form's evidence counts for the fuller name
    for full, full_parts, kind in people if parts else ():
        if len(full_parts) > len(parts) and parts in _short_forms(full_parts):
            return _Mention(PERSON if sure else kind, full)
    for full, full_parts, kind in people if len(parts) == 1 else ():
        if parts[0] in full_parts:
            return _Mention(PERSON if sure else kind, full)
    return mention


def _known(mentions: Iterable[_Mention]) -> dict[tuple[str, ...], _Mention]:
    """Index the article's names, each person's shorter forms, and the opening words of each
    organisation's name ("BURLINGTON" of Burlington Industries Inc), by their folded words."""
    known: dict[tuple[str, ...], _Mention] = {}
    firms: list[_Mention] = []
    for mention in mentions:
        parts = _name_parts(mention.name)
        if mention.kind and parts:
            fixed = _Mention(mention.kind, mention.name)
            known.setdefault(parts, fixed)
            for form in _short_forms(parts) if mention.kind == PERSON else ():
                known.setdefault(form, fixed)
            firms += [fixed] if mention.kind == ORG and len(parts) > 1 else []
    for firm in firms:  # after every name: a name the body uses alone stays that name
        opener = _after_initials(firm.name)
        for end in range(len(opener) - 1, 0, -1):
            if end > 1 or (opener[0] not in STOP and not _demonym(opener[0])):
                known.setdefault(opener[:end], firm)
    return known


def _after_initials(name: str) -> tuple[str, ...]:
    """Return a name's folded words from the first that is more than initials ("R.P.") or an
    abbreviated given name ("Wm." of Wm. Wrigley Jr. Co)."""
    words = name.split()
    at = next((i for i, w in enumerate(words) if not _OPENING_INITIALS.fullmatch(w)), len(words))
    return _name_parts(" ".join(words[at:]))


def candidates(title: str, paragraphs: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Return (kind, surface name) mentions found in one article, deduplicated, in stable order.

    A kind ending in "?" (`WEAK_PERSON`, `WEAK_ORG`) is a name read without evidence for it."""
    blocks = [_bracketed(title, TICKER_MARK), *map(_bracketed, paragraphs)]
    read = [_dateline(_prepare(block)) for block, _ in blocks]
    found = [dateline + marked for (dateline, _), (_, marked) in zip(read, blocks, strict=True)]
    texts = tuple("" if _BYLINE.match(text) or _is_table(text) else text for _, text in read)
    headlines = [i for i, text in enumerate(texts) if _is_headline(text)]
    people_runs: list[tuple[int, tuple[str, ...], tuple[_Mention, ...]]] = []
    for i, text in enumerate(texts):
        for span in [] if i in headlines else spans(text):
            opener = span[0][0].lower() if span[1] and len(span[0]) > 1 else ""
            opener_in_lowercase = bool(opener) and _in_lowercase(opener, texts)
            mentions = _mentions(*span, opener_in_lowercase)
            found[i] += mentions
            if len(span[0]) > 1 and any(_may_open_firm(m, span[0]) for m in mentions):
                people_runs.append((i, span[0], mentions))
    _firms_cut_short(found, people_runs)
    mentioned = [m for ms in found for m in ms]
    full = [(m.name, _name_parts(m.name), m.kind) for m in mentioned if m.kind in _PEOPLE]
    people = sorted(dict.fromkeys(p for p in full if len(p[1]) > 1), key=lambda p: p[2] != PERSON)
    orgs: dict[str, str] = {}
    for m in mentioned:
        if m.kind == ORG and len(parts := _name_parts(m.name)) > 1:
            orgs.setdefault(parts[0], m.name)
            for end in range(2, len(parts) + 1):  # "San Miguel" of San Miguel Corp
                orgs.setdefault("-".join(parts[:end]), m.name)
            if len(rest := _after_initials(m.name)) > 1:
                orgs.setdefault(rest[0], m.name)  # "Scherer" of R.P. Scherer Corp
    resolved = [[_expand(m, people, orgs) for m in ms] for ms in found]
    known = _known(m for ms in resolved for m in ms) if headlines else {}
    for i in headlines:
        resolved[i] += _headline(texts[i], known)
    every = dict.fromkeys((m.kind, m.name) for ms in resolved for m in ms if m.kind)
    for _, name in [m for m in every if m[0] == ORG and " " in m[1]]:
        # "Bank of Japan", "Cooper Canada Ltd": the country says where the firm is
        every.update(dict.fromkeys((PLACE, country) for country in countries_in(name)))
    return tuple(m for m in every if not (m[0][-1:] == "?" and (m[0][:-1], m[1]) in every))


def _may_open_firm(mention: _Mention, words: tuple[str, ...]) -> bool:
    """Tell whether a run's mention may be the opening words of a firm's name: a person, or a
    place in a run that is no place's name ("Giant Bay" of Giant Bay Resources Ltd, "Ohio
    Edison" of Ohio Edison Co; not "New York")."""
    if mention.kind in _PEOPLE:
        return True
    return mention.kind in (PLACE, WEAK_PLACE) and key(" ".join(words)) not in gazetteer().names


def _firms_cut_short(
    found: list[list[_Mention]], runs: list[tuple[int, tuple[str, ...], tuple[_Mention, ...]]]
) -> None:
    """Read a run that opens an organisation's name the article uses as that organisation, not
    a person: "E. F. Hutton" of E.F. Hutton Group Inc, "King World" of King World Productions
    (a run with evidence of a person stays one, unless that evidence is a title in the firm's
    own name)."""
    if not runs:
        return
    firms: dict[tuple[str, ...], str] = {}
    for mention in (m for ms in found for m in ms if m.kind == ORG):
        parts = _name_parts(mention.name)
        for end in range(2, len(parts) + 1):  # the firm with the fewest more words
            if len(_name_parts(firms.get(parts[:end], mention.name))) >= len(parts):
                firms[parts[:end]] = mention.name
    openers = {_name_parts(name)[0]: name for name in firms.values()}
    for i, words, mentions in runs:
        parts = _name_parts(" ".join(words))
        firm = firms.get(parts)
        titled = words[0].lower().rstrip(".") in TITLES  # "St. Joe Gold" of St. Joe Gold Corp
        # the person read after a word the firm's name opens with is no person: "St. Joe Gold"
        cut = all(len(_name_parts(m.name)) < len(parts) for m in mentions if m.kind == PERSON)
        if firm is not None and (titled or cut):
            found[i] = [m for m in found[i] if m not in mentions] + [_Mention(ORG, firm)]
        elif not titled and any(_unit_of(m, openers) for m in mentions):
            # "Williams Natural Gas" beside Williams Cos: a unit of the firm, not a person
            weak = [m._replace(kind=WEAK_ORG) if _unit_of(m, openers) else m for m in mentions]
            found[i] = [m for m in found[i] if m not in mentions] + weak


def _unit_of(mention: _Mention, openers: dict[str, str]) -> bool:
    """Tell whether a person's name opens with a word that opens a firm's name the article
    uses and that is a given name only by chance ("Williams" of Williams Cos)."""
    parts = _name_parts(mention.name)
    return mention.kind in _PEOPLE and len(parts) > 1 and parts[0] in openers


_PEOPLE = frozenset({PERSON, WEAK_PERSON})
_TITLE_LAST = TITLES - SURNAME_TITLES  # a run ending so names a post ("Assistant Secretary")
# "Chamber of Commerce", "Board of Trade", "Institute of Economic Research": many cities and
# countries have one, so the name alone says not which
_EVERY_CITY = frozenset({"chamber", "board", "institute"})
_OPENING_INITIALS = re.compile(r"(?:[A-Z]\.)+|(?:" + "|".join(GIVEN_ABBREVIATIONS) + r")\.")
_FIRM_WORDS = frozenset({"co", "company", "sons", "associates"})
# Function words that open firms' names: "First Boston Corp", "First Chicago Corp".
_FIRM_OPENERS = frozenset({"First", "Second", "Third", "One"})
# Particles that open a place's or a person's name in capitals: "Las Palmas", "De Beers".
_NAME_PARTICLES = frozenset(w.title() for w in PARTICLES - {"do", "y", "den", "al"})
# Words after "and" that continue the name before it: "Savings and Loan", "Bank and Trust".
_ONE_WITH_AND = frozenset({"loan", "loans", "trust", "banking", "investment", "exchange"})
_AND_CO = frozenset({("Co",), ("Co.",), ("Company",), ("Sons",), ("Associates",)})
_NOT_LAST = EVENT_HEADS | WORK_HEADS | ROLES  # a name ending so is an event, a work or a role
_EXCHANGE = re.compile(r"[A-Z]{1,5} [A-Z]{1,2}")  # a ticker and its exchange: "<ERIC ST>"
_BRACKETED = re.compile(r"<([^<>\n]{1,80})>")
_TABLE_ROW = re.compile(r"\bvs\.? [-+(]?\d")  # "Shr 34 cts vs 1.19 dlrs", "Net 807 vs 2,858"
_SIGN_OFF = re.compile(
    r"(?:^|\s)Reuters?(?:\W|\^M)*$", re.IGNORECASE
)  # "Reuter", "REUTER...", "REUTER^M"


def _bracketed(block: str, ticker: str = "") -> tuple[str, list[_Mention]]:
    """Take wire copy's <Company Name Inc> out of the text as an organisation (no word inside
    it is read on its own) and replace tickers like <CHEM> with `ticker`."""
    if "<" not in block:
        return block, []
    marked: list[_Mention] = []

    def unwrap(match: re.Match[str]) -> str:
        inner = " ".join(match.group(1).split())
        if inner.isupper() and (" " not in inner or _EXCHANGE.fullmatch(inner)):
            return ticker  # a ticker symbol
        marked.append(_Mention(ORG, inner))
        return " "

    return _BRACKETED.sub(unwrap, block), marked


def _is_table(text: str) -> bool:
    """Tell whether a block is a results table ("Shr 34 cts vs 1.19 dlrs") rather than prose."""
    return text.find("vs", 0, 400) >= 0 and len(_TABLE_ROW.findall(text, 0, 400)) >= 2


def _in_lowercase(word: str, texts: tuple[str, ...]) -> bool:
    """Tell whether a lowercase word is a whole token anywhere in the article's texts."""
    if not word.islower():
        return False
    if sum(map(len, texts)) > _LONG:
        return word in _lowercase_tokens(texts)
    for text in texts:
        at = text.find(word)
        while at >= 0:  # tokenise the space-delimited stretch around each occurrence
            floor, ceiling = max(0, at - REACH), at + len(word) + REACH
            start, end = text.rfind(" ", floor, at), text.find(" ", at + len(word), ceiling)
            if (start < 0 < floor) or (end < 0 and ceiling < len(text)):
                return word in _lowercase_tokens(texts)  # no space near enough
            if word in TOKEN.findall(text, start + 1, len(text) if end < 0 else end):
                return True
            at = text.find(word, at + 1)
    return False


@functools.lru_cache(maxsize=4)
def _lowercase_tokens(texts: tuple[str, ...]) -> frozenset[str]:
    """Return the lowercase tokens of an article's texts."""
    return frozenset(t for text in texts for t in TOKEN.findall(text) if t.islower())
