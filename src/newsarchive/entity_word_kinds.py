"""Give a lone name word a kind by its evidence: the gazetteer, the words around it (a cue
before it, "said" or "accord" after it), a given name or an acronym; a word with no evidence
waits for a fuller name in the article."""

from __future__ import annotations

from .entity_bounds import is_acronym
from .entity_cues import (
    ACCORD_AFTER,
    BRAND_AFTER,
    CLUB_AFTER,
    NUMBER_AFTER,
    RATE_AFTER,
    REGION_AFTER,
    ROUND_AFTER,
    SHARES_AFTER,
)
from .entity_names import (
    ORG,
    PERSON,
    PLACE,
    WEAK_ORG,
    WEAK_PERSON,
    WEAK_PLACE,
    Mention,
    Span,
    is_demonym,
    is_stop,
)
from .entity_words import (
    ALIASES,
    APPOSITION,
    CURRENCIES,
    FEATURE_AFTER,
    ORGS,
    PERSON_CUE,
    PLACE_AFTER,
    PLACE_BEFORE,
    PLACE_HEADS,
    PLACE_NEAR,
    ROLES,
    ROYAL_TITLES,
    SAID,
    SINGLE_DROP,
    STATE_AFTER,
    STOP_ACRONYMS,
)
from .gazetteer import gazetteer, key
from .given_names import census_surnames, first_names

_CAPITAL_OF = ("capital", "of")
_ROYAL = {(w,) for w in ROYAL_TITLES}  # "Princess Diana", "King Hussein", "Sheikh Ali"


def classify_word(word: str, span: Span, cued: bool) -> Mention:
    """Give a lone name word a kind; an unknown one waits for a fuller name in the article."""
    gaz, lowered, folded = gazetteer(), word.lower(), key(word)
    if len(folded) < 2:
        return Mention("", word)
    if is_acronym(word):
        if folded in ALIASES:
            return Mention(PLACE, ALIASES[folded])
        if folded in STOP_ACRONYMS or lowered in SINGLE_DROP:
            return Mention("", word)
        return Mention(ORG if lowered in ORGS else WEAK_ORG, word)
    if lowered in ORGS or is_stop(word) or lowered in SINGLE_DROP or lowered in ROLES:
        return Mention(ORG if lowered in ORGS else "", word)
    if bank_word(lowered) and folded not in gaz.names:  # "Citibank said" is no person
        return Mention(ORG, word)
    if is_demonym(word) or (lowered in PLACE_HEADS and folded not in gaz.regions):
        return Mention("", word)  # "Iraqi"; "County" alone names no county
    if span.after[:1] in ROUND_AFTER:  # "the Uruguay round" of trade talks, even a country's
        return Mention("", word)
    if span.after[:1] in ACCORD_AFTER and folded not in gaz.regions:  # "the Paris accord"
        return Mention("", word)
    if span.after[:1] in CLUB_AFTER and folded in gaz.names:  # "the Paris club" of creditors
        return Mention(ORG, f"{word} Club")
    if span.after[:1] in FEATURE_AFTER and not is_acronym(word):
        return Mention(PLACE, f"{word} {span.after[0].title()}")  # "Suez canal"
    if lowered in CURRENCIES and span.after != STATE_AFTER:  # "firm Sterling", "June Sterling"
        return Mention("", word)
    if span.after[:1] in BRAND_AFTER and folded not in gaz.regions:  # "the Santana model"
        return Mention("", word)
    if span.after[:1] in SHARES_AFTER and folded not in gaz.regions:  # "four mln Corona shares"
        return Mention("", word)
    if span.after[:1] in RATE_AFTER and folded not in gaz.major:  # a city's "London rates"
        return Mention("", word)  # "the Lombard rate": the Bundesbank's, not the Illinois town
    if span.after == NUMBER_AFTER and folded not in gaz.regions:  # "the Pontiac 6000"
        return Mention("", word)
    if span.after[:1] == ("/",) and folded not in gaz.regions:  # "San/Bar Corp": no town
        return Mention("", word)
    if span.after == STATE_AFTER:  # "a Shelby, N.C., savings bank"
        return Mention(PLACE, word)
    named = cued or span.before[-1:] in PERSON_CUE or span.after[:1] in SAID
    if folded in gaz.regions and not named:  # "in Chad": a country before a given name
        return Mention(PLACE, word)
    if lowered in first_names():  # "(Prime Minister Yasuhiro) Nakasone": never a page alone
        # and without a title, a cue or "said" after it, no person ("Dean" of Dean/Alco Food
        # Prep): it stands only for a fuller name in the article; but a royal's given name is
        # the name ("Princess Diana", "King Hussein"), a person's, never a firm's
        sure = span.before[-1:] in _ROYAL
        return Mention(PERSON if sure else WEAK_PERSON if named else "", word, True)
    if cued or span.before[-1:] in PERSON_CUE:
        return Mention(PERSON, word, True)
    speaks = span.after[:1] in SAID and folded not in gaz.regions
    if speaks and folded not in gaz.names:  # "Heck's said", "Ward's said": a firm's, no person
        return Mention(WEAK_ORG, word) if span.possessive else Mention(WEAK_PERSON, word, True)
    if folded in gaz.names and not speaks and (not span.initial or folded in gaz.major):
        # a small town's name is often a surname or a word ("the Lombard rate"), and a
        # sentence's first word is capitalised anyway ("Oral proceedings", "Sale of the
        # unit"): only a cue or another article confirms it
        opening = span.initial and span.after != REGION_AFTER  # not "Culiacan, Mexico"
        major = folded in gaz.major and (not opening or folded in gaz.regions)
        sure = major or place_cue(span) == PLACE
        return Mention(PLACE if sure else WEAK_PLACE, word, folded not in gaz.regions)
    return Mention(place_cue(span), word, True)


def bank_word(lowered: str, *endings: str) -> bool:
    """Tell whether a word is a bank's name made with "bank" ("Citibank", "Kredietbank",
    "Vneshtorgbank"; or another of `endings`), not a word ("Interbank rates"), a surname
    ("Fairbank", "Eubank") nor a town (`classify_word` asks the gazetteer: "Burbank"). A word
    alone ending "-banken" is a Scandinavian bank's and a sea bank's ("Haltenbanken", off
    Norway); after another name word, a bank's ("Svenska Handelsbanken")."""
    return (
        lowered.endswith(("bank", *endings))
        and len(lowered) > 6
        and lowered != "interbank"
        and lowered not in census_surnames()
    )


def place_cue(span: Span) -> str:
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
