"""Find the fuller name an article's text writes for a lone surname that no run gave a name.

A bare "Adams said" joins, across articles, the one fuller name it stands for ("James Adams").
That is right when the article names nobody else so, wrong when its text writes another full
name that the runs did not read: an all-lowercase story's "champlin chairman william adams",
or "Vice economic minister Li Mo" (surname first; "Mo" reads as Missouri). The surname is
then that fuller name, which joins the page of that name only ("manuel azpurua ... Azpurua
said" is still Manuel Azpurua). A given name is needed: initials ("E.J. Sheehy") and other
capitalised words ("U.S. Treasury", "Eastman Kodak") as often open a firm's name.
"""

from __future__ import annotations

import re

from .entity_kinds import unknown_given
from .entity_words import (
    FOREIGN_ORG_FIRST,
    HEADS,
    LEAD,
    LEGAL_FORMS,
    NOT_NAME,
    ORG_FIRST,
    PARTICLES,
    ROLES,
    TITLES,
)
from .gazetteer import gazetteer, key
from .given_names import first_names

_REACH = 40  # characters read on either side of a surname for the word next to it
_SHORT = 4  # letters of a surname written before the given name
_WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)?")


def written_fuller(surname: str, texts: tuple[str, ...]) -> str:
    """Return the one fuller name the texts write around a lone surname ("william adams" ->
    "William Adams", "minister Li Mo" -> "Li Mo"), or "" if none or more than one."""
    pattern = re.compile(rf"(?<![\w.'-]){re.escape(surname)}(?:'s)?(?![\w'-])", re.IGNORECASE)
    found: set[str] = set()
    firms: set[str] = set()  # "Walt Disney Co": no person's name
    for text in texts:
        for match in pattern.finditer(text):
            written = match.group(0).removesuffix("'s").removesuffix("'S")
            before = text[max(0, match.start() - _REACH) : match.start()].split()[-1:]
            after = text[match.end() : match.end() + _REACH].split()[:1]
            found.update(_around(written, before, after))
            if before and after and _firms_word(after[0]):
                firms.add(f"{before[-1]} {written}")
    found -= firms
    return found.pop() if len(found) == 1 else ""


def _firms_word(word: str) -> bool:
    """Tell whether a word after a name makes it a firm's: a legal form or a head word."""
    lowered = word.rstrip(".,;:").lower()
    return lowered in LEGAL_FORMS or lowered in HEADS


def _around(written: str, before: list[str], after: list[str]) -> list[str]:
    """Return the fuller name one occurrence of a surname stands in: a given name written
    before it in the same case ("william adams", "Mark Brett"), or, after a title, a name
    written after a short surname ("minister Li Mo"); or none."""
    if not before or before[-1][-1:] in ",;:\"'(":
        return []
    word = before[-1]
    if _given(word, written) or _unknown_given(word, written, after):
        both = f"{word} {written}"
        return [both.title() if both.islower() else both]
    lowered = word.lower().rstrip(".")
    # surname first after a title: "minister Li Mo", "General Manager Loh Hoon Sun"; only a
    # short surname, as Chinese and Korean ones are ("Secretary Energy Statistics" is none)
    short = len(written) <= _SHORT and _case(written) == "title"
    if (lowered in TITLES or lowered in ROLES) and after and short:
        name = after[0].rstrip(".,;:")
        if _WORD.fullmatch(name) and _case(name) == "title" and _name_word(name):
            return [f"{written} {name}"]
    return []


def _given(word: str, written: str) -> bool:
    """Tell whether a word written just before a surname is a common given name in the same
    case: both capitalised, or both lowercase (a story written all in lowercase)."""
    if not _WORD.fullmatch(word) or _case(word) != _case(written) or _case(word) == "":
        return False
    return word.lower() in first_names() and word.lower() not in PARTICLES  # "Van Driel"


def _unknown_given(word: str, written: str, after: list[str]) -> bool:
    """Tell whether a capitalised word no list knows comes before a capitalised surname as a
    given name ("for Canada Hajimu Watanabe told Reuters ... Watanabe said" is Hajimu
    Watanabe, not a Fumio Watanabe of other stories); no firm's first word ("Deutsche
    Lufthansa"), no place ("South Korea"), and not where the name goes on ("Industrie
    Buitoni Perugina Spa")."""
    if not (_WORD.fullmatch(word) and _case(word) == _case(written) == "title"):
        return False
    if len(word) < 3 or (after and after[0][:1].isupper()):  # "RJ Reynolds Tobacco"
        return False
    lowered = word.lower()
    if lowered in PARTICLES or lowered in FOREIGN_ORG_FIRST or lowered in ORG_FIRST:
        return False
    return unknown_given(word) and key(f"{word} {written}") not in gazetteer().names


def _case(word: str) -> str:
    """Return "lower" for a lowercase word, "title" for a capitalised one, else ""."""
    if word.islower():
        return "lower"
    return "title" if word[:1].isupper() and not word.isupper() else ""


def _name_word(word: str) -> bool:
    """Tell whether a capitalised word may be part of a person's name: no title, role, head
    word, legal form, month, day or function word."""
    lowered = word.lower()
    return key(word) not in gazetteer().names and not (
        lowered in NOT_NAME
        or lowered in ROLES
        or lowered in HEADS
        or lowered in LEGAL_FORMS
        or lowered in LEAD
    )
