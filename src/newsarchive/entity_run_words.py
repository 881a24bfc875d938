"""Read a run's tokens as name words, and tell where a word inside a run ends a name: a
possessive ("Cartel's") or a hyphen before a lowercase word ("Mexico-based") ends it, unless the
possessive opens a firm's or a body's name ("Moody's Investors Service Inc", "People's Republic
of China") or the hyphen joins a given name's syllables ("Chi-cheng"); a legal form written with
full stops that ends a name is the legal form ("Harris Associates L.P.").
"""

from __future__ import annotations

import functools
import re

from .entity_words import CONNECTORS, LEGAL_FORMS, ORG_HEADS, ORG_NAMES, UNIT_HEADS
from .gazetteer import gazetteer, key
from .given_names import first_names


@functools.lru_cache(maxsize=65536)
def normal_word(token: str) -> tuple[str, bool]:
    """Return a token as a name word, and whether it ends its run ("Cartel's", "Mexico-based")."""
    possessive = token.endswith(("'s", "’s"))
    word = token[:-2] if possessive else token
    head, _, tail = word.partition("-")
    if tail[:1].islower() and head[:1].isupper() and not _syllables(head, tail):
        return head, True
    if word.isupper() and len(word) > 3 and "." not in word:  # "U.K." stays as written
        word = gazetteer().names.get(key(word)) or (word.title() if len(word) > 6 else word)
    return word, possessive


def _syllables(head: str, tail: str) -> bool:
    """Tell whether "Chi-cheng" is one given name of syllables, as Chinese and Korean names
    are written, rather than "Mexico-based" or "Iran-contra" (a place, then a word)."""
    english = tail.endswith("ed") or (tail.endswith("ing") and _has_vowel(tail[:-3]))
    short = len(head) <= 5 and len(tail) <= 5 and not english
    return short and key(head) not in gazetteer().names


def _has_vowel(stem: str) -> bool:
    """Tell whether the stem of an "-ing" word has a vowel, as English verbs' do ("going",
    "owing"), and syllables of Chinese names do not ("Chao-ming", "Tse-ping")."""
    return any(letter in "aeiou" for letter in stem)


@functools.lru_cache(maxsize=65536)
def run_words(run: str) -> tuple[tuple[str, ...], bool, bool]:
    """Return a run's name words, if the last is possessive, and if a word inside ends a name."""
    words = [normal_word(piece) for piece in run.split()]
    names = undotted(tuple(w for w, _ in words))
    return names, words[-1][1], any(closes for _, closes in words[:-1])


# Legal forms written with full stops, which read as initials: "Harris Associates L.P.".
_DOTTED_FORMS = {".".join(f.upper()) + ".": f.upper() for f in ("lp", "nv", "sa", "bv", "ag", "kk")}


def undotted(words: tuple[str, ...]) -> tuple[str, ...]:
    """Return a name's words with a legal form written with full stops that ends a name (the
    run's last word, or one before "and") written as the legal form: "Harris Associates
    L.P." as "Harris Associates LP", a firm's name, not a person's initials. A first word
    stays ("A.G. Edwards and Sons Inc"), and so do initials inside a name ("William K.K.
    Wong")."""
    if len(words) < 2 or not any(w in _DOTTED_FORMS for w in words[1:]):
        return words
    ends = [*(following == "and" for following in words[2:]), True]
    return (
        words[0],
        *(_DOTTED_FORMS.get(w, w) if end else w for w, end in zip(words[1:], ends, strict=True)),
    )


def peoples_republic(pieces: list[str], i: int) -> bool:
    """Tell whether a possessive opens a country's formal name or a body's ("People's Republic
    of China", "People's Bank of China": not the Bank of China)."""
    if pieces[i][:-2] != "People" or i + 1 >= len(pieces):
        return False
    return pieces[i + 1] == "Republic" or any(p.lower() in ORG_HEADS for p in pieces[i + 1 :])


def firm_of_possessive(text: str, pieces: list[str], i: int) -> bool:
    """Tell whether a possessive word opens a firm's name, or ends its partners' names before
    the rest ("Standard and Poor's Corp"): the words after it have no name of their own, only
    a head word and a legal form ("Moody's Investors Service Inc", "Wendy's International
    Inc"), and it is no place ("Britain's ...")."""
    piece = pieces[i]
    partners = i == 2 and pieces[1].lower() in ("and", "&")
    if not piece.endswith(("'s", "’s")) or i + 1 >= len(pieces) or (i > 1 and not partners):
        return False
    if i and pieces[0].lower() in first_names():  # "Rupert Murdoch's News Corp Ltd"
        return False
    if key(" ".join(pieces[i : i + 3])) in ORG_NAMES:  # "Moody's Investors Service said"
        return True
    after = normal_word(pieces[i + 1])[0].lower()
    one_word = _legal_form(pieces[i + 2 : i + 3]) and _founders_firm(text, pieces[i : i + 2])
    if not (after in ORG_HEADS or after in LEGAL_FORMS or one_word):
        return False
    if key(piece[:-2]) in gazetteer().names:
        return False
    for word in (p.lower().rstrip(".,") for p in pieces[i + 1 : i + 5]):  # "... Inc and AA by"
        if word in LEGAL_FORMS:
            return True
        if word in CONNECTORS:
            return False
    return False


_UNITS = "|".join(sorted(UNIT_HEADS | {"subsidiary", "subsidiaries", "affiliate"}))


def _founders_firm(text: str, pieces: list[str]) -> bool:
    """Tell whether a possessive and one word before a legal form are one firm's name, a
    founder's and a trade's ("Heinl's Nursery Inc", "Allison's Place Inc"): the owner is not a
    firm's short name in capitals ("CSX's Sea-Land Corp", "BankAmerica's Seafirst Corp"), and
    the text never opens a name with the word after it ("Seafirst Chairman")."""
    owner, word = pieces[0][:-2], pieces[1]
    if owner.isupper() or any(c.isupper() for c in owner[1:]) or _legal_form([owner]):
        return False
    # an owner written on its own ("Purolator's air hub") or its unit ("Allied's Blocks Inc
    # unit", "Foster's Conergic Corp subsidiary")
    its = rf"['’]s\s+{re.escape(word)}\s+\S+(?!\S)(?!\s+(?:{_UNITS})\b)"
    owned = re.compile(rf"\b{re.escape(owner)}\b(?!{its})")
    if owned.search(text):
        return False
    alone = re.compile(rf"(?<![\w'’-]){re.escape(word)}\b")
    return not any(_opens_a_name(text, found.start()) for found in alone.finditer(text))


def _opens_a_name(text: str, at: int) -> bool:
    """Tell whether the word at a position opens a name: no capitalised word comes before it
    but a sentence's end ("Seafirst Chairman"; not "Heinl's Nursery", "American Nursery")."""
    before = text[max(0, at - 40) : at].split()[-1:]
    return not before or not before[0][:1].isupper() or before[0][-1] in ".!?"


def _legal_form(pieces: list[str]) -> bool:
    """Tell whether a run's piece (the first of these) is a legal form: "Inc", "Corp.", "Ltd,"."""
    return bool(pieces) and pieces[0].lower().rstrip(".,") in LEGAL_FORMS
