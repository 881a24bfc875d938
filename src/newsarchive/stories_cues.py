"""The cues of a doc that ``stories`` reads to tell whether two docs may be one story: its
names, its headline's words, figures, symbols and moves, and its lead's."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .headlines import (
    LEAD_ACTIONS,
    LEAD_TOPICS,
    LEGAL_WORDS,
    MONTHS,
    SESSION_WORDS,
    actions,
    companies,
    figures,
    first_core,
    lead_firm,
    listed,
    prefixes,
    prefixes_of,
    sessions,
    symbols,
    tickers,
    topics,
)
from .similarity import fold, terms

ROUTINE_WORDS = 80
"""Docs shorter than this, or holding a table, are routine: notices and sheets on a template."""


@dataclass(frozen=True, slots=True)
class Cues:
    """What a doc is about, as far as same-story links are concerned."""

    actors: frozenset[str]  # folded names of the people and organisations it names
    places: frozenset[str]  # folded names of the places it names
    headline: frozenset[str]  # five-letter stems of its headline's words of four letters or more
    words: int
    subject: frozenset[str] = frozenset()  # prefixes of its headline's terms but sessions, dates
    figures: frozenset[str] = frozenset()  # its headline's numbers and months (a day, an amount)
    names: frozenset[str] = frozenset()  # prefixes of the terms of all its names
    titled: frozenset[str] = frozenset()  # those of its names that its headline gives
    routine: bool = False  # short or holding a table: a notice, a price or rate sheet
    table: bool = False  # holding a table
    firms: frozenset[str] = frozenset()  # its actors its headline gives, legal forms aside
    signature: Sequence[int] = ()  # its ``minhash.fingerprint``
    day: float | None = None  # its date as a day number, if dated
    people: frozenset[str] = frozenset()  # folded names of the people it names
    opener: str = ""  # the prefix of its headline's first term: who the headline is about
    ends: frozenset[str] = frozenset()  # that and its last term's: who speaks ("... - SUMITA")
    tickers: frozenset[str] = frozenset()  # the stock symbols its headline gives
    listed: frozenset[str] = frozenset()  # the companies they stand for (``_listed``)
    companies: frozenset[str] = frozenset()  # all the words of their names (``companies``)
    actions: frozenset[str] = frozenset()  # the sides (``ACTIONS``) its headline (or lead) takes
    lead: tuple[str, ...] = ()  # the terms of its lead sentence, sorted (`_words`)
    said: frozenset[str] = frozenset()  # prefixes of all its headline's terms
    heads: frozenset[str] = frozenset()  # first words (legal forms aside) of firms it heads with
    topics: frozenset[str] = frozenset()  # the kinds of news (``TOPICS``) its headline names
    told: frozenset[str] = frozenset()  # those its headline or lead names
    owner: frozenset[str] = frozenset()  # its lead's company's words (``lead_firm``) it heads with
    mentions: tuple[str, ...] = ()  # prefixes of the terms of its headline and lead, sorted
    sessions: frozenset[str] = frozenset()  # the sessions its headline names ("OPG", "11:30")
    speakers: frozenset[str] = frozenset()  # the people its lead quotes (``_quoted``)

    @classmethod
    def of(
        cls,
        headline: str,
        entities: Iterable[tuple[str, str]],
        words: int,
        tables: int = 0,
        signature: Sequence[int] = (),
        day: float | None = None,
        lead: str = "",
    ) -> Cues:
        """Return the cues of a doc from its headline, (kind, name) entities, word count,
        number of tables, fingerprint, day number and lead sentence."""
        names = {kind: set[str]() for kind in ("person", "place", "organisation")}
        for kind, name in entities:
            names.setdefault(kind, set()).add(fold(name))
        actors = frozenset(names["person"] | names["organisation"])
        places = frozenset(names["place"])
        head = terms(headline)
        said = prefixes_of(head)
        named = {name: prefixes(name) for name in actors | places}  # each read twice or more
        return cls(
            actors=actors,
            places=places,
            headline=frozenset(term[:5] for term in head if len(term) >= 4),
            words=words,
            subject=said.difference(SESSION_WORDS, MONTHS),
            figures=figures(headline),
            names=frozenset().union(*named.values(), *map(prefixes, tickers(headline))),
            titled=frozenset(name for name in named if said >= named[name] > set()),
            firms=frozenset(name for name in actors if said >= named[name] - LEGAL_WORDS > set()),
            routine=words < ROUTINE_WORDS or tables > 0,
            table=tables > 0,
            signature=signature,
            day=day,
            people=frozenset(names["person"]),
            lead=_words(terms(lead)),
            said=said,
            heads=frozenset(said.intersection(map(first_core, names["organisation"]))),
            opener=head[0][:5] if head else "",
            ends=frozenset(term[:5] for term in head[:1] + head[-1:]),
            tickers=symbols(headline),
            listed=listed(headline),
            companies=companies(headline),
            actions=actions(headline) or actions(lead) & LEAD_ACTIONS,
            topics=topics(headline),
            told=topics(headline) | topics(lead) & LEAD_TOPICS,
            owner=lead_firm(lead) & said,
            mentions=_words(said | prefixes(lead)),
            sessions=sessions(headline),
            speakers=_quoted(lead, names["person"]),
        )


def _words(words: Iterable[str]) -> tuple[str, ...]:
    """Return words once each, sorted and interned: a doc's lead and mentions are read by one
    rule each, for few pairs, and as sets they were a third of all docs' cues' memory (a set
    of 20 words takes 2,264 bytes, their tuple 200)."""
    return tuple(sorted(map(sys.intern, set(words))))


_SAID = re.compile(r",?\s+(?:said|says|told)\b")


def _quoted(lead: str, people: Iterable[str]) -> frozenset[str]:
    """Return the people (folded names) a lead quotes: "... chairman John Phelan said"."""
    folded = fold(lead)
    return frozenset(person for person in people if _said_after(person, folded))


def _said_after(name: str, text: str) -> bool:
    """Tell whether a text writes "said" (or "says", "told") right after a name somewhere."""
    at = text.find(name)
    while at >= 0:
        if _SAID.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False
