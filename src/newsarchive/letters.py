"""A–Z navigation for long term lists: one page a letter, linked from a bar of letters.

A term is filed under the first letter of its name with case and accents folded ("Álvarez"
under A); a name that starts with a digit or any other character is under "#". Only kinds
with more than LETTERS_FROM terms get letter pages; sections (a tree) never do.
"""

from __future__ import annotations

import string
from collections import defaultdict
from collections.abc import Iterator, Sequence

from . import urls
from .config import SiteConfig
from .lists import page_spec
from .models import Term
from .specs import PageSpec
from .text import fold

LETTERS_FROM = 60  # a kind's list shorter than this fits a page or two: no A–Z
OTHER = "other"  # the slug of the "#" group
_ORDER = (*string.ascii_lowercase, OTHER)


def letter_of(name: str) -> str:
    """Return the group of a name: its folded first letter "a".."z", else OTHER."""
    first = fold(name.lstrip(" \"'‘“(¿¡"))[:1]
    return first if first in string.ascii_lowercase else OTHER


def label(letter: str) -> str:
    """Return how a group is shown: "A", or "#" for OTHER."""
    return "#" if letter == OTHER else letter.upper()


def has_letters(kind: str, terms: Sequence[Term]) -> bool:
    """Tell whether a kind's list is long enough for A–Z pages."""
    return kind != "section" and len(terms) > LETTERS_FROM


def grouped(terms: Sequence[Term]) -> dict[str, list[Term]]:
    """Return the terms by letter, each group in alphabetical (folded) order."""
    groups: dict[str, list[Term]] = defaultdict(list)
    for term in sorted(terms, key=lambda t: (fold(t.name), t.key)):
        groups[letter_of(term.name)].append(term)
    return groups


def letter_bar(kind: str, terms: Sequence[Term]) -> tuple[tuple[str, str, int], ...]:
    """Return the A–Z bar of a kind: (label, path or "" when empty, count) a letter; () for a
    short list."""
    return _bar(kind, grouped(terms)) if has_letters(kind, terms) else ()


def _bar(kind: str, groups: dict[str, list[Term]]) -> tuple[tuple[str, str, int], ...]:
    """Return the A–Z bar of a kind's terms grouped by letter."""
    return tuple(
        (label(x), urls.letter_path(kind, x) if x in groups else "", len(groups.get(x, ())))
        for x in _ORDER
    )


def letter_specs(
    kind: str, title: str, terms: Sequence[Term], config: SiteConfig
) -> Iterator[PageSpec]:
    """Yield the spec of one page a letter that has terms, listing them alphabetically."""
    if not has_letters(kind, terms):
        return
    groups = grouped(terms)
    bar = _bar(kind, groups)
    for letter, members in sorted(groups.items(), key=lambda g: _ORDER.index(g[0])):
        path = urls.letter_path(kind, letter)
        shown = label(letter)
        yield page_spec(
            "letter",
            "letter.html",
            path,
            f"{title}: {shown} — {config.title}",
            f"{title} in {config.title} whose names start with {shown}.",
            heading=f"{title}: {shown}",
            terms=tuple(members),
            letters=bar,
            letter=shown,
            breadcrumbs=(("Topics", urls.TOPICS), (title, urls.term_index_path(kind))),
        )
