"""People's pages: which person keys name the same person.

A surname alone, or a name cut short, joins the one fuller name it stands for (`fold_people`);
a nickname joins the formal name of the same surname ("Jim Wright", "James Wright"), and a
name spelt one letter apart the name more articles spell ("George Schultz", George Shultz),
when the two are named beside the same people and organisations (`nicknamed`): the nickname
list or the spelling says the names may be one person's, the company they keep says they are.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Mapping

from nicknames import NickNamer

from .entity_names import key_parts, short_forms
from .entity_words import ROYAL_TITLES
from .gazetteer import fold
from .given_names import census_surnames, first_names

_MAX_PARENTS = 8  # a surname shared by more full names than this stays apart, unpublished
_SYLLABLE = re.compile(r"\w-[a-z]")  # "Gun-mo", "Chao-ming": a given name's syllable
# Other people and organisations named beside both forms of a name: fewer, and "Jim Miller"
# of one article is not taken for the budget director James Miller of seventeen.
_SHARED_COMPANY = 2
_SPELT = 4  # letters of a name word a typo is looked for in: "Lee" and "Lew" are two names
_RARE = 7  # letters of a name word whose typo needs less company, when no census surname


def _end(key: str, targets: dict[str, str]) -> str:
    """Follow a key's targets to the last ("" when one drops it)."""
    seen = {key}
    while (key := targets.get(key, key)) in targets and key not in seen:
        seen.add(key)
    return key


def nicknamed(
    keys: set[str], reach: dict[str, int], company: Callable[[set[str]], dict[str, set[str]]]
) -> dict[str, str]:
    """Map each person key whose given name is a nickname of another's, the rest the same, or
    whose other name is spelt one letter apart from another's in more articles (a typo:
    "George Schultz" beside George Shultz; of two spellings as common, which is the typo is
    unsaid), to the key with more articles (ties: the longer, "Robert" over "Bob"), when the
    two share company: at least `_SHARED_COMPANY` other people or organisations named in
    articles of each, not sharing their surname (`company(wanted)` gives those of the wanted
    keys)."""
    misspelt = {pair for pair in _misspelt_pairs(keys) if reach[pair[0]] != reach[pair[1]]}
    pairs = sorted(set(_nickname_pairs(keys)) | misspelt)
    if not pairs:
        return {}
    named_with = company({k for pair in pairs for k in pair})
    targets: dict[str, str] = {}
    for pair in pairs:
        surname = key_parts(pair[0])[-1:]
        shared = {
            k
            for k in named_with[pair[0]] & named_with[pair[1]]
            if k not in pair and key_parts(k)[-1:] != surname
        }
        if len(shared) >= _company_needed(pair, pair in misspelt):
            kept = max(pair, key=lambda k: (reach.get(k, 0), len(k), k))  # ties: "Robert"
            targets[pair[0] if kept == pair[1] else pair[1]] = kept
    return targets


def _company_needed(pair: tuple[str, str], misspelt: bool) -> int:
    """Return how many other names two forms of a person's name must share to be one person:
    none for a name of three words or more spelt one letter apart in one of them, the two
    others the same ("Aturo Hernandez Grisanti" of Arturo Hernandez Grisanti, Venezuela's
    minister; "Anibal Cavaco Silve"), one for a rare long name's typo (`_rare_typo`), else
    `_SHARED_COMPANY`."""
    if misspelt and len(key_parts(pair[0])) >= 3:
        return 0
    return 1 if _rare_typo(pair) else _SHARED_COMPANY


def _rare_typo(pair: tuple[str, str]) -> bool:
    """Tell whether two person keys differ in one word after the first, of `_RARE` letters or
    more, that neither spells as a surname of the US census: "Almir Pazzianotto" and "Almir
    Pazzionotto" are one minister with a typo (sharing one other name is enough), "John
    Anderson" and "John Andersen" may be two people."""
    first, second = key_parts(pair[0]), key_parts(pair[1])
    if len(first) != len(second):
        return False  # a letter dropped from a word: the words are still as many
    apart = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    if len(apart) != 1 or apart[0] == 0:
        return False
    surnames = census_surnames()
    words = (first[apart[0]], second[apart[0]])
    return all(len(word) >= _RARE and word not in surnames for word in words)


def _nickname_pairs(keys: Iterable[str]) -> list[tuple[str, str]]:
    """Return the pairs of person keys of two or more words, one's given name a nickname of
    the other's, the rest the same; each pair once, in order."""
    by_rest: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for k in sorted(keys):
        parts = key_parts(k)
        if len(parts) > 1:
            by_rest.setdefault(parts[1:], []).append((parts[0], k))
    pairs: set[tuple[str, str]] = set()
    for named in by_rest.values():
        for given, formal in named:
            nicks = _nicknames(given)
            pairs |= {(min(formal, k), max(formal, k)) for other, k in named if other in nicks}
    return sorted(pairs)


def _misspelt_pairs(keys: Iterable[str]) -> set[tuple[str, str]]:
    """Return the pairs of person keys the same but for one word after the first (or any word,
    in names of three words or more), spelt one letter apart (a letter dropped, added or
    changed, or two swapped) in words of _SPELT letters or more; each pair once, in order.
    Two words are so apart when one is the other or one of its deletions, or both share a
    deletion."""
    spelt: dict[str, list[str]] = {}
    for k in keys:
        parts = key_parts(k)
        for j in range(0 if len(parts) >= 3 else 1, len(parts)):  # a given name of three words
            word = parts[j]
            if len(word) >= _SPELT:
                head, tail = "-".join(parts[:j]), "-".join(parts[j + 1 :])
                for i in range(len(word) + 1):  # the word itself, then each deletion
                    cut = word[:i] + word[i + 1 :]
                    spelt.setdefault(f"{head} {cut} {tail}", []).append(k)
    return {
        pair
        for alike in spelt.values()
        if len(alike) > 1
        for pair in itertools.combinations(sorted(set(alike)), 2)
    }


@functools.cache
def _nicknames(given: str) -> frozenset[str]:
    """Return the nicknames of a given name (lowercase ascii, as keys are)."""
    return frozenset(map(fold, _namer().nicknames_of(given)))


@functools.cache
def _namer() -> NickNamer:
    """Return the nickname list (read once)."""
    return NickNamer()


def hyphenated(mentions: list[tuple[str, str]], k: str) -> tuple[str, ...]:
    """Return the name words of a person key whose name writes a given name with a hyphen
    before a lowercase syllable ("Li Gun-mo": ("li", "gun-mo")), or (). A double surname
    ("Holden-Brown") stays two words: "Brown" may be its short form."""
    written = [n for _, n in mentions if _SYLLABLE.search(n)]
    if not written:
        return ()
    parts = tuple(p for w in written[0].split() if (p := "-".join(key_parts(fold(w)))))
    return parts if "-".join(parts) == k else ()


def fold_people(
    keys: set[str],
    reach: dict[str, int],
    sure: set[str],
    hyphenated: dict[str, tuple[str, ...]],
    nicknamed: Mapping[str, str],
) -> dict[str, str]:
    """Map each person key that names another's person to that key, through any chain: a
    nickname to its formal name (`nicknamed`), a partial key to the one fuller name it stands
    for, or to the one that has three in four of their articles ("Reagan": Ronald, not
    Nancy); "" drops a vague one.
    A name ending in an initial ("James E", of "James E. (Jim) Nugent") is a name cut short,
    and a given name alone with evidence of a person is a royal's whole name ("Queen
    Elizabeth", "King Hussein"; after any other title it has none): neither stands for a
    fuller name; a monarch's name kept with its title ("King Baudouin") is whole too, no
    fuller name of another article's "Baudouin"."""
    parts = {k: key_parts(k) for k in keys}
    given = first_names()
    whole = {k for k in sure if len(parts[k]) == 1 and parts[k][0] in given}
    by_parts: dict[tuple[str, ...], str] = {}
    for k in sorted(keys):
        cut = bool(parts[k]) and len(parts[k][-1]) == 1  # "James E"
        if k not in whole and not cut:
            by_parts.setdefault(parts[k], k)
    parents: dict[str, list[str]] = {}
    for k in sorted(keys):
        if parts[k][:1] and parts[k][0] in ROYAL_TITLES:  # "King Baudouin" is whole
            continue
        for form in _short_forms(parts[k], hyphenated.get(k, ())):
            if len(form) > 1 and form == parts[k][1:] and given.issuperset(parts[k][:2]):
                continue  # "Paul Stevens", a full name too, is not John Paul Stevens
            if len(form) > 1 and form == parts[k][: len(form)] and given.issuperset(form):
                continue  # "John Paul", given names only (the Pope), is not John Paul Decker
            short = by_parts.get(form)
            if short is not None and len(parents.setdefault(short, [])) <= _MAX_PARENTS:
                parents[short].append(k)
    targets = dict(nicknamed)
    for short in sorted(parents, key=lambda k: (-len(parts[k]), k)):
        if short in targets:
            continue
        # a fuller name seen in one article ("Minsiter Yasuhiro Nakasone", a typo glued on)
        # never takes over a name more articles use
        titled = short in sure
        ends = {targets.get(p, p) for p in parents[short] if _may_take(p, short, reach, titled)}
        if not ends:
            continue
        if len(parents[short]) <= _MAX_PARENTS and len(ends) == 1:
            targets[short] = ends.pop()
        elif (main := _dominant(ends, reach)) and len(parents[short]) <= _MAX_PARENTS:
            targets[short] = main
        elif len(parts[short]) == 1:
            targets[short] = ""
    return {k: _end(k, targets) for k in targets}


def _short_forms(parts: tuple[str, ...], words: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """Return the shorter forms of a person's name, never splitting a word with a hyphen."""
    if not words:
        return short_forms(parts)
    return frozenset(tuple("-".join(form).split("-")) for form in short_forms(words))


def _may_take(full: str, short: str, reach: dict[str, int], titled: bool) -> bool:
    """Tell whether a fuller name may take over a shorter one (named in other articles: within
    one, the shorter is the fuller already): it is in more than one article, or the shorter
    has evidence of a person ("President Reagan") and no more articles. A name seen once does
    not gather a bare surname's articles, most often another person's ("Chapman said" of
    Alger Chapman beside Charles Chapman, seen once)."""
    return reach.get(full, 0) > 1 or (titled and reach.get(full, 0) >= reach.get(short, 0))


def _dominant(keys: set[str], reach: dict[str, int]) -> str:
    """Return the key with three in four of these keys' articles, or ""."""
    top = max(sorted(keys), key=lambda k: reach.get(k, 0))
    return top if reach.get(top, 0) * 4 >= 3 * sum(reach.get(k, 0) for k in keys) else ""
