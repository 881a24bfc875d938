"""Read all-caps and headline-case blocks, where capitals say nothing: only names the body
already found, the gazetteer's places and a few well-known names are looked up there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .entity_bounds import (
    in_headline_firm,
    is_acronym,
)
from .entity_cues import CURRENCY_AFTER
from .entity_names import (
    ORG,
    PERSON,
    PLACE,
    Mention,
    Span,
    is_demonym,
    key_parts,
    name_parts,
    short_forms,
)
from .entity_run_words import normal_word
from .entity_spans import TOKEN
from .entity_word_kinds import classify_word
from .entity_words import (
    GIVEN_ABBREVIATIONS,
    LEAD,
    LEGAL_FORMS,
    MINOR,
    ORGS,
    PARTICLES,
    STOP,
)
from .gazetteer import ascii_keys, gazetteer, key, phrase_key

_PUNCTUATION = re.compile(r"([^\w\s'’.-]+)")  # the marks kept: a ticker's says a firm ends


def is_headline(text: str) -> bool:
    """Tell whether a block is in headline case or ALL CAPS, where capitals say nothing. A
    wire note in mixed case ("NOTE: Franklin Puerto Rico Tax-Free Income Fund.") is none: its
    capitals are a firm's full name."""
    if text[:5].upper() == "NOTE:" and not text.isupper():
        return False
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


def headline_mentions(text: str, known: dict[tuple[str, ...], Mention]) -> list[Mention]:
    """Find names in a headline by looking up word n-grams among the body's names and places."""
    found: list[Mention] = []
    shouting = _in_capitals(text)
    starts, places = {parts[0] for parts in known} | _OPEN_ANY, _place_starts()
    pieces = _PUNCTUATION.split(text)
    for chunk, mark in zip(pieces[::2], [*pieces[1::2], ""], strict=True):
        words = [normal_word(t)[0] for t in TOKEN.findall(chunk) if t[0].isalpha()]
        keys = ascii_keys(words)
        i = 0
        while i < len(words):
            # only a word that opens a known name or a place's name of more words can open a
            # phrase of more words; a few more are names alone
            first = (keys[i] or key(words[i])).partition("-")[0]
            longer = first in starts or first in places
            if longer or _may_be_alone(words[i], shouting):
                end, hit = _longest(words, keys, i, known, shouting, 5 if longer else 1)
                # a town opening a firm's name, which the body does not name: "OAK HILL
                # SPORTSWEAR CORP <OHSC>"
                firm = hit is not None and hit.kind == PLACE and name_parts(hit.name) not in known
                paid = end < len(words) and (words[end].lower(),) in CURRENCY_AFTER  # "... DLR"
                if not (firm and in_headline_firm(words, end, "|" in mark)) and not paid:
                    found += [hit] if hit is not None else []
            else:
                end = i + 1
            i = end
    return found


def _in_capitals(text: str) -> bool:
    """Tell whether a headline is in capitals, but for a letter or two mistyped ("GAIN FROM
    PROPERTY SALe": no Salé)."""
    if text.isupper():
        return True
    lower = sum(map(str.islower, text))
    return lower <= 2 and sum(map(str.isupper, text)) > 10 * lower


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
    words: list[str],
    keys: list[str | None],
    i: int,
    known: dict[tuple[str, ...], Mention],
    shouting: bool,
    most: int,
) -> tuple[int, Mention | None]:
    """Return the end and mention of the longest known phrase (up to `most` words) at i, given
    the words' `ascii_keys`."""
    for end in range(min(len(words), i + most), i, -1):
        hit = _lookup(words[i:end], phrase_key(words[i:end], keys[i:end]), known, shouting)
        if hit is not None:
            return end, hit
    return i + 1, None


# Words no town's name has in a headline: "CO TO" of "ACME CO TO BUY" (but "LE HAVRE")
_NO_TOWN_WORDS = (LEAD - PARTICLES) | LEGAL_FORMS


def _lookup(
    words: list[str], folded: str, known: dict[tuple[str, ...], Mention], shouting: bool
) -> Mention | None:
    """Return the mention a headline phrase (folded: its key) names, if the body or the
    gazetteer knows it."""
    gaz, phrase, lowered = gazetteer(), " ".join(words), words[0].lower()
    if len(words) == 1 and lowered in LEAD:
        return None
    if (parts := key_parts(folded)) in known:
        return known[parts]
    if shouting and parts[:1] == ("new",) and parts[1:] in known:
        return None  # "NEW LONDON AIRPORT", the body naming London only: no New London
    if folded in gaz.names and (len(words) > 1 or (folded in gaz.major and not shouting)):
        # "CO TO" of "... CO TO BUY ...": a legal form or a function word is no town's
        plain = not any(w.lower() in _NO_TOWN_WORDS for w in words)
        return Mention(PLACE, gaz.names[folded] if shouting else phrase) if plain else None
    if len(words) == 1 and (lowered in ORGS or (not shouting and is_acronym(phrase))):
        return classify_word(phrase, Span((phrase,), False, (), (), False), False)
    return None


def known_names(mentions: Iterable[Mention]) -> dict[tuple[str, ...], Mention]:
    """Index the article's names, each person's shorter forms, and the opening words of each
    organisation's name ("BURLINGTON" of Burlington Industries Inc), by their folded words."""
    known: dict[tuple[str, ...], Mention] = {}
    firms: list[Mention] = []
    for mention in mentions:
        parts = name_parts(mention.name)
        if mention.kind and parts:
            fixed = Mention(mention.kind, mention.name)
            known.setdefault(parts, fixed)
            for form in short_forms(parts) if mention.kind == PERSON else ():
                known.setdefault(form, fixed)
            firms += [fixed] if mention.kind == ORG and len(parts) > 1 else []
    for firm in firms:  # after every name: a name the body uses alone stays that name
        opener = after_initials(firm.name)
        for end in range(len(opener) - 1, 0, -1):
            if end > 1 or (opener[0] not in STOP and not is_demonym(opener[0])):
                known.setdefault(opener[:end], firm)
    return known


def after_initials(name: str) -> tuple[str, ...]:
    """Return a name's folded words from the first that is more than initials ("R.P.", "RJ",
    "I P" of I P Sharp Associates Ltd) or an abbreviated given name ("Wm." of Wm. Wrigley Jr.
    Co)."""
    words = name.split()
    at = next((i for i, w in enumerate(words) if not _OPENING_INITIALS.fullmatch(w)), len(words))
    return name_parts(" ".join(words[at:]))


_OPENING_INITIALS = re.compile(
    r"(?:[A-Z]\.)+|[A-Z]{1,2}|(?:" + "|".join(GIVEN_ABBREVIATIONS) + r")\."
)
