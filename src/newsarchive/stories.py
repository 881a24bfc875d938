"""Which related docs may be one story: the evidence a same-story link needs beyond wording.

``story_links`` keeps a related link (``similarity.related_with_scores``) only between docs of
``MIN_STORY_WORDS`` or more whose headlines share a word stem and that name people or
organisations in common, the more names the lower the cosine needed; or, with no name in common,
at ``SAME_TEXT_THRESHOLD``. ``similarity.clusters`` then grows stories from the links kept.

Two docs that are not copies of one item (shingles, figures included, at
``STORY_COPY_JACCARD``) are never one story when each headline gives a place the other does not
("NIGERIA, FRANCE TO RESCHEDULE DEBT", "NIGERIA, BRITAIN TO ..."), or each a person or
organisation the other does not, nor when they are of other days and their headlines give
other figures (a day, an amount: two days' money-market reports).

Wire services also send routine items on one template: fund payout notices, price sheets, rate
tables ("NY COMEX SILVER 11:00", "TOKYO EXCH CLSG - APRIL 07", "FRANKLIN OHIO SETS MONTHLY
PAYOUT"). Their bodies share most words and numbers do not count as words, so only the headline
says which contract, fund, day or amount each one is about. A doc is routine when it is short
(under ``ROUTINE_WORDS``) or holds a table, and a pair with a routine doc, not a copy, is one
story only when its headlines agree:

* the same headline words but those naming a session or a date ("OPG", "CLSG", "11:30") are
  updates of one report through a day, but on other days, other editions;
* else they must share a word beyond the names either doc gives or the stock symbols of the
  headlines (what happened, not only who: "HANOVER INSURANCE <HINS> GETS SPLIT APPROVAL" and
  "... RAISES DIVIDEND" are two announcements), give the same figures, and name one subject: a
  person or organisation both headlines give that is not in so many docs that it is only a
  source ("PEORIA HOGS UP - USDA" and "OMAHA HOGS UP - USDA").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .similarity import SAME_STORY_THRESHOLD, Neighbour, estimated_jaccard, fold, max_df, terms

SHARED_ACTORS_THRESHOLD = 0.35
"""The lowest cosine at which two docs naming two people or organisations in common may be one
story (``SAME_STORY_THRESHOLD`` when they name four, places counted, at least one an actor)."""

SHARED_ACTOR_THRESHOLD = 0.6
"""The same when they name one: short wire items about different companies ("X sells notes",
"Y raises payout") share most of their few words."""

SAME_TEXT_THRESHOLD = 0.7
"""Cosine at or above which two docs may be one story with no name in common."""

MIN_STORY_WORDS = 20
"""Shorter docs (briefs, headlines alone) are never linked into a story."""

ROUTINE_WORDS = 80
"""Docs shorter than this, or holding a table, are routine: notices and sheets on a template."""

STORY_COPY_JACCARD = 0.5
"""Estimated shingle Jaccard (figures included) at or above which two docs are copies of one
item (a re-send, a correction) whatever their headlines say."""

_SESSION_WORD_LIST = """
    openi open trend close closi clsg midda midaf morni after noon repea corre updat final flash
    opg rpt edt est gmt inc corp co ltd plc
"""
SESSION_WORDS = frozenset(_SESSION_WORD_LIST.split())
"""Five-letter prefixes of the headline words that name a session or an edition of a report
(and the legal suffixes a headline drops or keeps at will), not what it reports."""

_MONTH_LIST = "january february march april june july august september october november december"
_MONTH_NAMES = _MONTH_LIST.split()  # not "may": in a headline it is far more often the verb
_MONTHS = (
    {name: name[:3] for name in _MONTH_NAMES}
    | {name[:3]: name[:3] for name in _MONTH_NAMES}
    | {name[:5]: name[:3] for name in _MONTH_NAMES}
    | {"sept": "sep"}
)
_FIGURE = re.compile(r"\(\d\)|\[\d\]|\d+(?:[.,/:]\d+)*|[a-z]+")
_TICKER = re.compile(r"<([^<>]*)>")
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3]):?[0-5]\d")


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
    signature: Sequence[int] = ()  # its ``similarity.fingerprint``
    day: float | None = None  # its date as a day number, if dated

    @classmethod
    def of(
        cls,
        headline: str,
        entities: Iterable[tuple[str, str]],
        words: int,
        tables: int = 0,
        signature: Sequence[int] = (),
        day: float | None = None,
    ) -> Cues:
        """Return the cues of a doc from its headline, (kind, name) entities, word count,
        number of tables, fingerprint and day number."""
        names = {kind: set[str]() for kind in ("person", "place", "organisation")}
        for kind, name in entities:
            names.setdefault(kind, set()).add(fold(name))
        actors = frozenset(names["person"] | names["organisation"])
        places = frozenset(names["place"])
        said = _prefixes(headline)
        return cls(
            actors=actors,
            places=places,
            headline=frozenset(term[:5] for term in terms(headline) if len(term) >= 4),
            words=words,
            subject=said.difference(SESSION_WORDS, _MONTHS),
            figures=figures(headline),
            names=frozenset().union(*map(_prefixes, actors | places | _tickers(headline))),
            titled=frozenset(name for name in actors | places if said >= _prefixes(name) > set()),
            routine=words < ROUTINE_WORDS or tables > 0,
            signature=signature,
            day=day,
        )


def figures(headline: str) -> frozenset[str]:
    """Return a headline's numbers and months ("7-APR" and "APRIL 07" give {"7", "apr"}), but
    not clock times ("11:30", "1100") and part numbers ("(2)")."""
    found = set()
    for token in _FIGURE.findall(headline.casefold()):
        if token[0] in "([" or (len(token) >= 4 and _CLOCK.fullmatch(token)):
            continue
        if token[0].isdigit():
            found.add(token.lstrip("0") or "0")
        elif token in _MONTHS:
            found.add(_MONTHS[token])
    return frozenset(found)


def _tickers(headline: str) -> frozenset[str]:
    """Return the stock symbols a wire headline gives in angle brackets ("GOULD <GLD> SELLS")."""
    return frozenset(_TICKER.findall(headline))


def _prefixes(text: str) -> frozenset[str]:
    """Return the five-letter prefixes of a text's terms."""
    return frozenset(term[:5] for term in terms(text))


def story_links(
    neighbours: Sequence[Sequence[Neighbour]], cues: Sequence[Cues]
) -> list[tuple[Neighbour, ...]]:
    """Return the neighbours that may share a story with each doc."""
    named = Counter(name for cue in cues for name in cue.actors | cue.places)
    common = frozenset(name for name, docs in named.items() if docs > max_df(len(cues)))
    return [
        tuple(n for n in row if _may_share_story(cues[doc], cues[n.doc], n.score, common))
        for doc, row in enumerate(neighbours)
    ]


def _may_share_story(first: Cues, second: Cues, score: float, common: frozenset[str]) -> bool:
    """Say whether two docs whose cosine is `score` may be one story; `common` names are in so
    many docs that they are sources, not subjects."""
    if min(first.words, second.words) < MIN_STORY_WORDS or first.headline.isdisjoint(
        second.headline
    ):
        return False
    if _other_days(first, second) and not _nested(first.figures, second.figures):
        return False  # two days' editions of a report
    copies = _copies(first, second)
    if not copies and _other_names(first, second):
        return False  # each names another company, person or place
    if (first.routine or second.routine) and not copies:
        if _other_days(first, second) and first.subject == second.subject:
            return False  # the same report of another day
        if score >= SAME_TEXT_THRESHOLD and _same_report(first, second):
            return True
        if not (_same_topic(first, second) and _same_subject(first, second, common)):
            return False
    elif score >= SAME_TEXT_THRESHOLD:
        return True
    actors = len(first.actors & second.actors)
    if actors >= 2 and score >= SHARED_ACTORS_THRESHOLD:
        return True
    if actors >= 1 and score >= SHARED_ACTOR_THRESHOLD:
        return True
    places = len(first.places & second.places)
    return actors >= 1 and actors + places >= 4 and score >= SAME_STORY_THRESHOLD


def _copies(first: Cues, second: Cues) -> bool:
    """Say whether two docs are copies of one item (a re-send, a correction), figures and all."""
    return estimated_jaccard(first.signature, second.signature) >= STORY_COPY_JACCARD


def _other_days(first: Cues, second: Cues) -> bool:
    """Say whether two docs are dated on other days."""
    return first.day is not None and second.day is not None and first.day != second.day


def _same_report(first: Cues, second: Cues) -> bool:
    """Say whether two headlines may name one report: the same words but those of a session
    or a date, and figures one of which holds the other's."""
    return first.subject == second.subject and _nested(first.figures, second.figures)


def _same_topic(first: Cues, second: Cues) -> bool:
    """Say whether two headlines share a word that is not a name either doc gives (what
    happened, not only who or where), or name two parties alike."""
    shared = first.subject & second.subject
    if not shared <= first.names | second.names:
        return True
    named = (first.actors | first.places) & (second.actors | second.places)
    return sum(not shared.isdisjoint(_prefixes(name)) for name in named) >= 2


def _same_subject(first: Cues, second: Cues, common: frozenset[str]) -> bool:
    """Say whether two routine docs report on one subject: their headlines give the same
    figures, and either one report or a person or organisation both give."""
    if not _nested(first.figures, second.figures):
        return False
    shared = first.subject & second.subject
    return _same_report(first, second) or any(
        not shared.isdisjoint(_prefixes(actor)) for actor in first.actors & second.actors - common
    )


def _other_names(first: Cues, second: Cues) -> bool:
    """Say whether each headline gives a place the other does not, or each a person or
    organisation the other does not: rivals, not one subject named two ways."""
    return any(
        bool(mine - theirs) and bool(theirs - mine)
        for mine, theirs in (
            (first.titled & first.places, second.titled & second.places),
            (first.titled - first.places, second.titled - second.places),
        )
    )


def _nested(first: frozenset[str], second: frozenset[str]) -> bool:
    """Say whether one set holds the other."""
    return first <= second or second <= first
