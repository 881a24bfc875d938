"""Split a name from the titles and roles before it: "U.S. President Joe Biden" is "U.S." and
Joe Biden, "Sprinter Kelly Holmes" is Kelly Holmes, "Preesident Nixon" (a typo) is Nixon; a
run whose last word is a head ("General Electric Co") has no title in it.
"""

from __future__ import annotations

import functools

from .entity_kinds import unknown_given
from .entity_names import NO_NAME, PERSON, Mention, Span
from .entity_words import (
    CONNECTORS,
    DEPARTMENTS,
    FOREIGN_ORG_FIRST,
    HEADS,
    OFFICE_AT,
    OFFICES,
    ORG_FIRST,
    PERSON_CUE,
    ROLES,
    SPLITTERS,
    SURNAME_TITLES,
    TITLE_RUN,
    TITLES,
)
from .gazetteer import gazetteer, key
from .given_names import first_names

# Honorifics, which wire copy writes "Mr" and "Ms": in capitals they are a product's or a
# firm's letters ("MS Net" of Microsoft), not a title.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "messrs"})
# Titles long enough that a typo in them is still read as the title: "Preesident".
_LONG_TITLES = frozenset(t for t in TITLES if len(t) >= 6)


def office_holder(words: tuple[str, ...], before: tuple[str, ...]) -> int:
    """Return where the holder's name begins in a run after an office and "for", "to" or
    "of" (lowercase `before` words): after a place ("Peking Octavio Valerio") or at a given
    name after a word that is none ("Trade Negotiations Michael Duffy"), the name two words
    or more; else 0."""
    if len(words) < 3 or len(before) != 2 or before[1] not in OFFICE_AT or before[0] not in OFFICES:
        return 0
    given, places = first_names(), gazetteer().names
    for at in range(1, len(words) - 1):
        if key(" ".join(words[:at])) in places or (
            words[at].lower() in given and words[at - 1].lower() not in given
        ):
            return at
    return 0


def titled(span: Span) -> tuple[Span, Span]:
    """Split "U.S. President Joe Biden" into the prefix "U.S." and the titled name "Joe Biden"."""
    words = span.words
    if words[-1].lower() in HEADS:  # "General Electric Co", "Prince Edward Island": no titles
        return span, NO_NAME
    if len(words) < 2:
        return span, NO_NAME
    lowered = [w.lower().rstrip(".").rpartition("-")[2] for w in words[:-1]]  # "Vice-President"
    titles = (
        i
        for i, w in enumerate(lowered)
        if w in TITLES
        and (i == 0 or w not in SURNAME_TITLES)
        and not (w in _HONORIFICS and words[i].isupper())
    )
    last = max(titles, default=-1)
    if last < 0 and len(words) == 2 and misspelt_title(words[0]):
        # "Preesident Nixon": a title with a typo, and the name after it
        return NO_NAME, Span(words[1:], False, (words[0].lower(),), span.after, span.possessive)
    if last < 0:
        return _after_roles(span)
    first = last
    while first and words[first - 1].lower().rstrip(".") in TITLE_RUN:
        first -= 1
    while first < last and first > 1 and words[first - 1] in SPLITTERS:
        first += 1  # "Office of Management and Budget Director": "Budget" ends the name
    name = words[last + 1 :]
    if name[0].lower() in ORG_FIRST:  # "General Union of Workers": no general's name
        return span, NO_NAME
    while name and name[0].lower() in DEPARTMENTS:
        name = name[1:]
        if len(name) == 1:  # "its Major Energy Statistics publication": no major's name
            return span, NO_NAME
    prefix = Span(words[:first], span.initial, span.before, (), False)
    titled = Span(name, False, (words[last].lower(),), span.after, span.possessive)
    # words between the title and a given name are no part of the name: "Prime Minsiter
    # Yasuhiro Nakasone" (a typo), "Deputy CIA Dirctor Robert Gates"
    named = _after_roles(titled)[1] if len(name) > 2 else NO_NAME
    return prefix, named._replace(before=titled.before) if named.words else titled


@functools.lru_cache(maxsize=16384)
def misspelt_title(word: str) -> bool:
    """Tell whether a capitalised word is a title of six or more letters with one letter
    doubled, dropped in or two swapped ("Preesident", "Minsiter"), as wire copy mistypes."""
    lowered = word.lower()
    if len(lowered) < 7 or not word[:1].isupper() or lowered in TITLES:
        return False
    if lowered[:-1] in TITLES:  # "Directors", "Generale": a plural or a foreign word
        return False
    cut = (lowered[:i] + lowered[i + 1 :] for i in range(len(lowered)))
    swapped = (
        lowered[:i] + lowered[i + 1] + lowered[i] + lowered[i + 2 :]
        for i in range(len(lowered) - 1)
    )
    return any(w in _LONG_TITLES for w in cut) or any(w in _LONG_TITLES for w in swapped)


def _after_roles(span: Span) -> tuple[Span, Span]:
    """Split "Sprinter Kelly Holmes" into role words, never a name, and the name after them."""
    words, given = span.words, first_names()
    if words[0].lower() in given:
        return span, NO_NAME
    # "Bank Julius Baer": a bank named after its founder; but "Bank of England Robin
    # Leigh-Pemberton" is a bank and its governor
    start = 2 if words[0].lower() in FOREIGN_ORG_FIRST else 1
    for i, word in enumerate(words[start:-1], start):
        # a lowercase particle is no given name: "Frits van Horick" is one name, not "Van"'s
        if (
            word[:1].isupper()
            and word.lower() in given
            and key(" ".join(words[i - 1 : i + 1])) not in gazetteer().names
        ):
            named = Span(words[i:], False, ("said",), span.after, span.possessive)
            if words[-1].lower() in HEADS:  # "Santa Barbara Biltmore Hotel"
                break
            if all(w.lower().rstrip(".") in ROLES or w.lower() in TITLE_RUN for w in words[:i]):
                return NO_NAME, named
            # "Lucio Cesar Pires": one name, "Lucio" a given name the lists lack; after a title
            # too ("President Hossain Mohammad Ershad") unless a title's typo ("Minsiter")
            cued = span.before[-1:] in PERSON_CUE
            if i == 1 and unknown_given(words[0]) and not (cued and misspelt_title(words[0])):
                return NO_NAME, named._replace(words=words)
            initials = all(len(w) == 2 and w.endswith(".") for w in words[:i])  # "E. Gerald"
            if words[i - 1].lower() not in CONNECTORS and not initials:  # "Credit Suisse Paul X"
                return Span(words[:i], span.initial, span.before, (), False), named
            break
    return span, NO_NAME


def monarch(mention: Mention, title: str) -> Mention:
    """Return a monarch's one name that is no given name with its title ("King Baudouin"): it
    is his whole name, never the surname of another article's person (Denis Baudouin). A given
    name ("King Hussein") is whole already."""
    if mention.kind != PERSON or mention.name.lower() in first_names():
        return mention
    return mention._replace(name=f"{title.title()} {mention.name}", flexible=False)


def without_portfolio(words: tuple[str, ...]) -> tuple[str, ...]:
    """Return a run without the portfolio or place after an office and "for" or "of" when a
    name follows it ("Australian Minister for Trade Negotiations Michael Duffy": "Australian
    Minister Michael Duffy"; see `office_holder`), else the run as it is."""
    if OFFICE_AT.isdisjoint(words):
        return words
    for i in range(1, len(words) - 3):
        office = (words[i - 1].lower(), words[i])
        if words[i] in OFFICE_AT and (at := office_holder(words[i + 1 :], office)):
            return words[:i] + words[i + 1 + at :]
    return words
