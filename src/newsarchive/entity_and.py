"""Tell when "and" joins one organisation's name ("Food and Drug Administration", "Savings and
Loan Association", "Nippon Telegraph and Telephone Corp") rather than two names ("International
Monetary Fund and World Bank", "Texaco Inc and Chevron Corp"): the "and" rules of
`entity_runs`, which splits a run of capitalised words into names.
"""

from __future__ import annotations

from itertools import pairwise

from .entity_bounds import before_held_of, two_names_with_and
from .entity_homes import generic_portfolio
from .entity_kinds import body_before_on, named_person
from .entity_names import country_prefix
from .entity_words import (
    FOREIGN_ORG_FIRST,
    GENERIC,
    HELD_BY_FOR,
    LEGAL_FORMS,
    ORG_FIRST,
    ORG_HEADS,
    ORG_NAMES,
    ORGS,
    TITLES,
    is_legal_form,
)
from .gazetteer import gazetteer, key
from .given_names import first_names

_FIRM_WORDS = frozenset({"co", "company", "sons", "associates"})
_NO_NAME_ALONE = frozenset({"western", "eastern", "northern", "southern", "pacific", "atlantic"})
_ONE_WITH_AND = frozenset({"loan", "loans", "trust", "banking", "investment", "exchange", "gas"})
_OF = frozenset({"of", "for"})
# Compañía and Compagnie shortened, which open a firm's name of its own ("Cia Espanola de
# Petroleos SA"); in capitals "CIA" is the agency.
_FOREIGN_FIRM_ABBREVIATIONS = frozenset({"Cia", "Cia.", "Cie", "Cie."})


def and_joins(before: list[str], after: list[str], initial: bool) -> bool:
    """Tell whether one "and" joins the name before it and the words after it (up to the next
    "and") into one name ("Summit Savings" and "Loan Association")."""
    upto = after.index("and") if "and" in after else len(after)
    if not before or not upto:
        return False
    # "Bank of America NT and SA", "Merrill Lynch and Co"; not "Unilever Plc and NV"
    if upto == 1 and is_legal_form(after[0]) and not is_legal_form(before[-1]):
        return True
    if body_before_on(tuple(before)):  # "House Committee on Energy and Commerce"
        return _subject_goes_on(after[:upto])
    if "of" in before:  # "Office of Management and Budget and the Departments of State"
        # but "Bank of Iron County and Summit Savings": two names
        words = (*before, "and", *after[:upto])
        return bool(_institution_of(words, len(before))) and one_name_with_and(words, initial)
    # "Savings and Loan", "Ways and Means Committee"; not "Wagner and Brown and AFG Inc"
    head = after[upto - 1].lower()
    headed = head in ORG_HEADS and head.rstrip(".") not in LEGAL_FORMS
    if after[0].lower() not in _ONE_WITH_AND and not (headed and before[-1] not in ORG_HEADS):
        return False
    return one_name_with_and((*before, "and", *after[:upto]), initial)


def one_name_with_and(
    words: tuple[str, ...], initial: bool, cued: bool = False, employer: bool = False
) -> bool:
    """Tell whether "and" joins one organisation's name: "Food and Drug Administration",
    "Kidder, Peabody and Co Inc", "Ministry of Trade and Industry" (a sentence's first word
    may be a common noun: "Soldiers and National Guard troops"); `cued`: a person's title or
    role comes before the words ("vice chairman Dudley Taft and Narragansett Capital Inc");
    `employer`: an employee's role comes after them ("Carroll McEntee and McGinley analyst")."""
    if "and" not in words or words[0] == "and":
        return False
    if key(" ".join(words)) in ORG_NAMES:  # "Securities and Exchange Commission"
        return True
    if generic_portfolio(" ".join(words)):  # "Trade and Industry Department officials said"
        return True
    at = words.index("and")
    if two_names_with_and(words, at):  # "Liberty Financial and Liberty Savings"
        return False
    # "Edelman and Dominion Textile Ltd for Burlington Inc": two names; but "Savings and Loan
    # Association of Fountain Valley" is one, read up to its "of"
    rest = before_held_of([w.lower() for w in words[at + 1 :]])
    if rest is None:
        return False
    # "House Ways and Means Committee Chairman Dan Rostenkowski": the name ends before a title
    ends = (j for j, w in enumerate(rest) if j and w in TITLES and rest[j - 1] in ORG_HEADS)
    rest = rest[: next(ends, len(rest))]
    words = words[: at + 1 + len(rest)]
    if not rest or "the" in rest or "and" in rest or not ORG_FIRST.isdisjoint(rest[:-1]):
        return False
    if at == 1 and initials_of_a_firm(words):  # "LL and E Royalty Trust said", first or not
        return True
    if employer and at == 2 and len(rest) == 1 and named_person(words[:at]):
        # "said Carroll McEntee and McGinley analyst Brian Singer": a partnership's names, a
        # person's and a surname, employ the analyst (the firm, not Carroll McEntee)
        return rest[0] not in first_names() and key(words[-1]) not in gazetteer().names
    if len(rest) == 1 and at == 1 and words[0].lower() in ORG_HEADS and rest[0] in ORG_HEADS:
        return False  # "House and Senate": two bodies
    if at == 1 and len(rest) == 2 and rest[1].rstrip(".") in LEGAL_FORMS:
        # "Pope and Talbot Inc", first or not, "Clayton and Dubilier Inc" (a small town's name),
        # "Gulf and Western Inc" (no name of its own after "and")
        return key(words[0]) not in gazetteer().major or rest[0] in _NO_NAME_ALONE
    if is_legal_form(words[at - 1]):  # "X Corp and Y Co": two firms
        return False
    if not _FIRM_WORDS.isdisjoint(w.rstrip(".") for w in rest):  # "Toyo Trust and Banking Co"
        return True
    if rest[0] in _ONE_WITH_AND and words[at - 1].lower() in ORG_HEADS:  # "Savings and Loan"
        return True
    person = named_person(words[:at]) or cued or _middle_initial(words[:at])
    if at > 1 and person and (len(rest) > 2 or key(" ".join(rest)) in ORG_NAMES):
        # "Paul Volcker and International Monetary Fund", "Dudley S. Taft and Narragansett
        # Capital Inc": a person and a body; but "Carroll McEntee and McGinley Futures" is a firm
        return False
    if country_prefix(words[0]):  # "U.S. Food and Drug Administration"
        words, at, initial = words[1:], at - 1, False  # the sentence opened with the country
    # ("Malaysian Rubber Exchange and Licensing Board": a trade's "-ing" word goes on a name)
    going_on = rest[0] in _ONE_WITH_AND or rest[0].endswith("ing")
    if at > 1 and words[at - 1].lower() in ORG_HEADS and not going_on:
        # "International Monetary Fund and World Bank": two names; but one legal form at the
        # end makes one firm: "Nippon Telegraph and Telephone Corp", unless a name and its
        # region come before it ("Tokai International and Daiwa Europe Ltd": two firms); and
        # one subject word after an institution's "of" goes on it ("Agency of Natural
        # Resources and Energy")
        if len(rest) == 1 and rest[0] not in ORG_HEADS and _institution_of(words, at):
            return key(rest[0]) not in gazetteer().names
        return rest[-1].rstrip(".") in LEGAL_FORMS and not _located_firm(words[at + 1 :])
    first = words[0].lower()
    if first in HELD_BY_FOR and words[1:2] == ("for",):  # "Center for X and Y Studies"
        return rest[-1] not in ORG_HEADS or rest[0] in _ONE_WITH_AND
    if (held := _institution_of(words, at)) is not None:
        # "Ministry of Trade and Industry", "White House Office of Management and Budget"; not
        # "House of Representatives and Senate", two bodies (a head word ends what follows
        # "and"), nor "Bank of Japan and Toyota" (a place after "of")
        return held and (rest[-1] not in ORG_HEADS or rest[0] in _ONE_WITH_AND)
    if _goods_with_and(words, at, rest):  # "State Trade Organization for Grains and Foodstuffs"
        return True
    # a sentence's first words before "and" and a legal form are one firm's ("Rochester Gas
    # and Electric Corp said")
    # (a given name is no common noun: "Carroll McEntee and McGinley Futures debt analyst")
    initial = initial and rest[-1].rstrip(".") not in LEGAL_FORMS and first not in ORG_HEADS
    initial = initial and not named_person(words[:at])
    if at > 3 or initial or rest[-1] not in ORG_HEADS or words[at - 1].lower() in LEGAL_FORMS:
        return False  # "Florida Power and Light Co" joins; "Texaco Inc and Chevron Corp" not
    if first in ORGS or rest[0] in ORGS or rest[0] in FOREIGN_ORG_FIRST:
        return False
    if words[at + 1] in _FOREIGN_FIRM_ABBREVIATIONS:  # "Bilbao and Cia Espanola de ... SA"
        return False
    if key(" ".join(words[:at])) not in gazetteer().names:
        return True
    # a place, "and", then more than a head: "Bristol and West Building Society",
    # "Pittsburgh and West Virginia Railroad" (not "Japan and World Bank", a known name)
    # and not two places: "United States and Soviet Union"
    after = key(" ".join(words[at + 1 :]))
    return len(rest) > 1 and after not in ORG_NAMES and after not in gazetteer().names


def _subject_goes_on(rest: list[str]) -> bool:
    """Tell whether the words after "and" in a body's subject are more of it ("Conference on
    Trade and Development"), not a firm's or another body's name ("... and World Bank")."""
    last = rest[-1].lower()
    if is_legal_form(last) or key(" ".join(rest)) in ORG_NAMES:
        return False
    return last not in ORG_HEADS or last in GENERIC


def _located_firm(words: tuple[str, ...]) -> bool:
    """Tell whether words are a firm's own name: a name, a region and a legal form ("Daiwa
    Europe Ltd", "Nomura Asia Ltd"; not "Telephone Corp")."""
    return len(words) == 3 and is_legal_form(words[2]) and key(words[1]) in gazetteer().regions


def _middle_initial(words: tuple[str, ...]) -> bool:
    """Tell whether three words are a person's: a name, a middle initial and a surname
    ("Dudley S. Taft"; not "Series A. Moody", where a firm's word opens them)."""
    if len(words) != 3 or not (len(words[1]) == 2 and words[1][0].isupper() and words[1][1] == "."):
        return False
    return all(w[1:].islower() and w.lower() not in ORG_HEADS for w in (words[0], words[2]))


def initials_of_a_firm(words: tuple[str, ...]) -> bool:
    """Tell whether two initials or short capitals joined by "and" open a firm's name, which a
    head word ends ("H and R Block Inc", "D and N Savings Bank", "S. and W. Berisford Plc"); not
    two known names ("EC and U.S. officials") nor a phrase with no head ("R and D spending")."""
    if len(words) < 4 or words[-1].lower().rstrip(".") not in ORG_HEADS:
        return False
    return all(_initial(w) for w in (words[0], words[2]))


def _initial(word: str) -> bool:
    """Tell whether a word is an initial or two capitals that name nothing known ("S.", "LL")."""
    letters = word.removesuffix(".")
    if not (letters.isalpha() and letters.isupper() and len(letters) <= 2):
        return False
    return key(letters) not in ORG_NAMES and key(letters) not in gazetteer().names


def _institution_of(words: tuple[str, ...], at: int) -> bool | None:
    """Tell, where an institution's word and "of" or "for" come before "and" at `at`, whether
    "and" may go on its name: no place's name comes between them and "and" ("Office of
    Management and Budget"; not "Bank of Japan and Toyota"); None if none comes before."""
    held = [i for i in range(at - 1) if words[i].lower() in ORG_FIRST and words[i + 1] in _OF]
    if not held or "the" in words[1 : held[-1]]:  # "told Reuters the Ministry of ..."
        return None
    gaz = gazetteer()
    where, rest = key(" ".join(words[held[-1] + 2 : at])), key(" ".join(words[at + 1 :]))
    # "Bank of Bahrain and Kuwait": a country after "and" too, so one name (but "the
    # Export-Import Bank of Japan and Japan's ...")
    return where not in gaz.names or (held[-1] == 0 and rest in gaz.regions)


def _goods_with_and(words: tuple[str, ...], at: int, rest: list[str]) -> bool:
    """Tell whether "and" joins two plural common nouns after an institution's "of" or "for"
    ("Organization for Grains and Foodstuffs"): the name's, not a second name."""
    held = any(w.lower() in ORG_FIRST and n in ("of", "for") for w, n in pairwise(words[:at]))
    if not held or len(rest) != 1 or words[at - 2] not in ("of", "for"):
        return False
    return all(
        w.lower().endswith("s") and w.lower() not in ORG_HEADS and key(w) not in gazetteer().names
        for w in (words[at - 1], words[at + 1])
    )
