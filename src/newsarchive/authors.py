"""Authors from bylines and `author` front matter: which parts of a byline are people.

A byline is messy text: "By JOHN SMITH, Reuters", "Jane Doe and Tim Roe", "Staff writer".
It is split at commas, semicolons, slashes, "and" and "&"; a part is a person, and gets an
author page, only if it has the shape of a name: two to four words, each starting with a
letter and made of letters, apostrophes, hyphens and dots, with no role or agency word
("Reuters", "Staff", "Correspondent", ...). A name in capitals is shown in title case.
One byline is evidence enough: a person named in one article gets a page. `entities.yaml`
corrects authors as it does entities: `aliases` give the preferred spelling, `block` drops
a name (both compared folded).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from . import urls
from .authority import Authority
from .gazetteer import fold
from .models import Article, Term

# Words that make a byline part an agency, a desk or a role, never a person's page.
_NOT_PEOPLE = frozenset(
    [
        "reuters",
        "reuter",
        "ap",
        "afp",
        "upi",
        "dpa",
        "efe",
        "ansa",
        "xinhua",
        "kyodo",
        "tass",
        "aap",
        "bloomberg",
        "associated",
        "press",
        "agence",
        "france-presse",
        "agencies",
        "agency",
        "staff",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "desk",
        "bureau",
        "newsroom",
        "news",
        "service",
        "services",
        "wire",
        "wires",
        "contributor",
        "contributors",
        "team",
        "report",
    ]
)
_SPLIT = re.compile(r"(\s*(?:[,;/&]|\band\b)\s*)", re.IGNORECASE)  # kept: shown as written
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
_WHERE = re.compile(r"\s+(?:in|at|from)\s+.*$")  # "Jane Doe in Paris": the place is not the name
_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
_MIN_WORDS, _MAX_WORDS = 2, 4
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "el",
        "dos",
        "das",
    ]
)


def parts(byline: str) -> list[tuple[str, str, str]]:
    """Split a byline into (text as written, folded key, separator after it) parts; the key is
    "" for a part that is not a person."""
    pieces = _SPLIT.split(_BY.sub("", byline.strip()))
    found = []
    for index in range(0, len(pieces), 2):
        piece = " ".join(pieces[index].split())
        after = pieces[index + 1] if index + 1 < len(pieces) else ""
        after = after.strip()
        after = f"{after} " if after in (",", ";") else f" {after} "
        if piece:
            name = person(piece)
            found.append((piece, fold(name) if name else "", after))
        elif found:  # "Jane Doe,, and": keep one separator
            found[-1] = (*found[-1][:2], after)
    if found:
        found[-1] = (*found[-1][:2], "")
    return found


def person(text: str) -> str:
    """Return text as a person's name in display form, or "" if it is not shaped like one."""
    text = _WHERE.sub("", " ".join(text.split()))
    words = text.split(" ")
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS:
        return ""
    if not all(_WORD.match(w) for w in words):
        return ""
    if any(w.casefold().strip(".") in _NOT_PEOPLE for w in words):
        return ""
    if text.isupper():
        words = [w.capitalize() if len(w) > 1 else w for w in words]
    inner = words[1:-1]
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return ""  # "the city desk", "midday police"
    if not all(w[0].isupper() or w in _PARTICLES for w in inner):
        return ""
    return " ".join(words)


def names(byline: str, rules: Authority) -> tuple[tuple[str, str], ...]:
    """Return the (key, name) of each person in a byline, each once, as `rules` settle them."""
    aliases = dict(rules.aliases)
    found: dict[str, str] = {}
    for text, key, _ in parts(byline):
        if not key or key in rules.block:
            continue
        name = person(text)
        preferred = aliases.get(key)
        if preferred:
            name, key = preferred, fold(preferred)
        found.setdefault(key, name)
    return tuple(found.items())


def gather(
    ordered: Sequence[Article], excluded: set[int] | dict[int, int], rules: Authority
) -> tuple[dict[str, Term], list[tuple[Term, ...]]]:
    """Return the author pages by key (in key order) and each article's authors; `excluded`
    articles (exact duplicates) are listed on none."""
    members: dict[str, list[int]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    each: list[tuple[str, ...]] = []
    for index, article in enumerate(ordered):
        if not article.byline or index in excluded:
            each.append(())
            continue
        found = names(article.byline, rules)
        for key, name in found:
            members[key].append(index)
            spellings[key][name] += 1
        each.append(tuple(key for key, _ in found))
    terms = {
        key: Term("author", key, _spelling(spellings[key]), urls.term_path("author", key), tuple(m))
        for key, m in sorted(members.items())
    }
    return terms, [tuple(terms[k] for k in keys) for keys in each]


def _spelling(counts: Counter[str]) -> str:
    """Choose an author's display name: the commonest spelling, then the first in order."""
    return min(counts, key=lambda s: (-counts[s], s))
