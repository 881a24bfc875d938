"""The words the file:// search index holds for an article, by field; made when it is read.

Tokenising every article's text is the index's largest cost, so the reader does it once per
article, in its process pool, and the parsed-article cache keeps the result: `article_fields`
returns the article's own words with their field bits, encoded as one compact string (terms
grouped by their bits). The catalogue's names (entity and tag pages) are added at index time.
`static/search.js` folds text exactly like `fold()` and `terms()` here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence

from .models import Article

try:  # PyStemmer: the C build of the Snowball stemmers, same stems as the pure-Python one
    from Stemmer import Stemmer

    _STEMMER = Stemmer("english", 0)  # its word cache only slows a list of distinct words
except ImportError:  # no wheel for this platform
    import snowballstemmer

    _STEMMER = snowballstemmer.stemmer("english")

MAX_TERM = 40
"""Longer tokens (URLs, garbage) are not indexed."""
HEADLINE, ENTITY, SUMMARY, FREQUENT = 8, 4, 2, 1
"""Field bits of a posting; search.js ranks headline > entity names > summary > body."""
_STOP_TEXT = """an and are as at be but by for from had has have he her his in is it its of on or
she that the their they this to was were which who will with"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
"""Words too common to index; search.js ignores them in queries too."""
_GROUPS = 16
"""Field-bit combinations: an encoded field list has this many tab-separated groups."""

# `entity_officers.OFFICER`, `entity_homes.HOME`, `entity_heads.HEAD`: an article's marks
# among its entities ("person\tfirm", "party\tcountry code", "name\ttitle"), no names
_MARKS = frozenset({"officer", "home", "head"})
_TOKEN = re.compile(r"[^\W_]+")
_DOTTED = re.compile(r"(?<![^\W_])(?:[^\W\d_]\.)+[^\W\d_](?![^\W_])")
"""Single letters joined by points ("u.s", "e.c", "j.p"): one word without them."""
_ASCII_LETTERS_AND_DIGITS = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256))
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPECIAL = str.maketrans(
    {"ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ı": "i", "ð": "d"}
    | {"þ": "th", "æ": "ae", "œ": "oe", "ß": "ss", "ς": "σ"}
)  # letters NFKD does not decompose
_SPECIAL_FOUND = re.compile("[øđłħıðþæœßς]")


def fold(text: str) -> str:
    """Return text lowercased with accents removed ("Culiacán" -> "culiacan")."""
    lowered = text.casefold()
    if lowered.isascii():
        return lowered
    if _SPECIAL_FOUND.search(lowered):
        lowered = lowered.translate(_SPECIAL)
    return _COMBINING.sub("", unicodedata.normalize("NFKD", lowered))


def terms(text: str) -> list[str]:
    """Return the indexable words of a text: folded, no stop-words, 2 to MAX_TERM characters."""
    return [t for t in _tokens(fold(text)) if _indexable(t)]


def _tokens(folded: str) -> list[str]:
    """Return the runs of letters and digits of folded text, an abbreviation with points as
    one ("u.s." is "us", as Pagefind reads it; its letters alone are too short to index), of
    ASCII text without a regex for the runs (the same runs, found a few times faster)."""
    folded = _joined(folded)
    if folded.isascii():
        return folded.encode("ascii").translate(_ASCII_LETTERS_AND_DIGITS).decode("ascii").split()
    return _TOKEN.findall(folded)


def _joined(folded: str) -> str:
    """Return folded text with its abbreviations' points taken out (`_DOTTED`), looked for at
    points between letters only: a regex over the whole text took ten times as long."""
    pieces: list[str] = []
    last = 0
    at = folded.find(".", 1)
    while at > 0:
        between = folded[at - 1].isalpha() and folded[at + 1 : at + 2].isalpha()
        if between and (found := _DOTTED.match(folded, at - 1)):
            pieces += (folded[last : found.start()], found.group().replace(".", ""))
            last = found.end()
            at = folded.find(".", last)
            continue
        at = folded.find(".", at + 1)
    return "".join((*pieces, folded[last:])) if pieces else folded


def stems(words: Sequence[str]) -> list[str]:
    """Return each folded word's English Snowball stem, Pagefind's rule ("arrested" -> "arrest")."""
    found: list[str] = _STEMMER.stemWords(words)
    return found


def term_counts(text: str) -> dict[str, int]:
    """Return how often each indexable word occurs in a text (counted before filtering: faster)."""
    counts = Counter(_tokens(fold(text)))
    return {term: count for term, count in counts.items() if _indexable(term)}


def _indexable(term: str) -> bool:
    """Tell whether a folded token is indexed: 2 to MAX_TERM characters, not a stop-word."""
    return 1 < len(term) <= MAX_TERM and term not in STOP_WORDS


def article_fields(article: Article, paragraphs: Sequence[str]) -> str:
    """Return an article's own indexed words and their field bits, encoded (see `decode`)."""
    body = term_counts(" ".join((article.caption, article.dateline, *paragraphs)))
    fields = {term: FREQUENT if count >= 3 else 0 for term, count in body.items()}
    named = (name for kind, name in article.entities if kind not in _MARKS)
    names = " ".join([article.byline, *named])
    for bit, text in ((HEADLINE, article.title), (ENTITY, names), (SUMMARY, article.summary)):
        for term in term_counts(text):
            fields[term] = fields.get(term, 0) | bit
    groups: list[list[str]] = [[] for _ in range(_GROUPS)]
    for term, bits in fields.items():
        groups[bits].append(term)
    return "\t".join(" ".join(group) for group in groups)


def decode(encoded: str) -> dict[str, int]:
    """Return the field bits of every word in an encoded field list."""
    return {term: bits for bits, group in field_groups(encoded) for term in group}


def field_groups(encoded: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (field bits, words) for each non-empty group of an encoded field list."""
    for bits, group in enumerate(encoded.split("\t")):
        if group:
            yield bits, group.split()
