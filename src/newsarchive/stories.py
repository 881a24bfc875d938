"""Which related docs may be one story: the evidence a same-story link needs beyond wording.

``story_links`` keeps a related link (``similarity.related_with_scores``) only between docs of
``MIN_STORY_WORDS`` or more whose headlines share a word stem and that name people or
organisations in common, the more names the lower the cosine needed; or, with no name in common,
at ``SAME_TEXT_THRESHOLD``. ``clusters.clusters`` then grows stories from the links kept.

Two docs that are not copies of one item (shingles, figures included, at
``STORY_COPY_JACCARD``) are never one story when they are about other subjects or moves:

* each headline gives a place the other does not ("NIGERIA, FRANCE TO RESCHEDULE DEBT",
  "NIGERIA, BRITAIN TO ..."), or each a person or organisation the other does not;
* each headline gives a firm, or a stock symbol to a company, that the other doc never names
  ("NYSE SAYS ADVEST <ADV> DECLINES COMMENT", "GENRAD <GEN> DECLINES COMMENT ..."; "USAIR
  FEBRUARY LOAD FACTOR RISES", "CONTINENTAL AIR ... LOAD FACTOR"), even in words copied from one
  template; or a stock symbol to a company one doc never names, neither headline giving a
  word of the other's ("LOCKHEED <LK> UNIT GETS ... SDI CONTRACT", "GRUMMAN <GQ> UNIT GETS
  ...", which names Lockheed's);
* one headline gives a longer name of a company both give, which the other doc never names: a
  unit, not the company ("CHRYSLER <C> CANADA MARCH CAR SALES UP", "CHRYSLER <C> LATE MARCH
  U.S. CAR SALES UP");
* both headlines give a month or a year and none in common: two periods' reports ("U.S.
  REFINERY COPPER STOCKS FALL IN JANUARY", "COPPER STOCKS OUTSIDE U.S. INCREASE IN DECEMBER");
* both headlines open with one name and take opposite sides: bought and sold, raised and cut
  ("OPPENHEIMER HAS SIX PCT OF CYCLOPS" with a lead that says it acquired them, "OPPENHEIMER
  SELLS SIX PCT CYCLOPS STAKE"), copies or not unless marked a re-send or correction ("MAGMA
  RAISES COPPER PRICE 0.50 CT TO 66.00 CTS", "MAGMA LOWERS ... TO 65.50 CTS");
* each headline names a kind of news (``headlines.TOPICS``: a payout, a capital issue, results,
  a buyback, a deal, or goods) that neither the other headline nor its lead names: one
  company's separate announcements ("DEUTSCHE BABCOCK RIGHTS ISSUE PRICED AT 165 MARKS",
  "DEUTSCHE BABCOCK TO INCREASE DIVIDEND IN 1986/87"), one source's reports on two goods ("CCC
  ACCEPTS EXPORT BONUS ON SEMOLINA TO EGYPT", "... FOR CATTLE TO EGYPT");
* each lead opens with a company and its stock symbol (or the brackets of an unlisted one:
  "The Bermuda registered <Jardine Matheson and Co Ltd>"), and each headline gives a word of its
  own company's name that the other headline and lead never give: two companies' news, however
  many people they share ("HUTCHISON SEES HIGHER PAYOUT ...", "CHEUNG KONG CHAIRMAN SEES ...").

Nor are two docs of other days one story when their headlines give other figures (a day, an
amount: two days' money-market reports), when one headline is a regular report (given on
``REGULAR_DAYS`` days or more: "FED ADDS RESERVES VIA CUSTOMER REPURCHASES", whose words repeat
the last day's with a figure changed, so not even shingles tell a re-send from the next
edition; so is one a word away from a headline given on as many days, "U.K. MONEY MARKET
SHORTAGE FORECAST AT 300 MLN STG" against the daily "... DEFICIT FORECAST ...", unless the two
open with one lead), when they are not copies and give the same headline over another lead (a second
incident: "FPL GROUP <FPL> NUCLEAR REACTOR SHUT DOWN" two days apart), or share in their
headlines only the name of a person both open or close with (a speaker on two occasions:
"CURRENCY INSTABILITY WILL NOT LAST - SUMITA", "SUMITA SAYS HE DOES NOT EXPECT ..."), or
only names, opening with one, over leads that quote one person ("... John Phelan said").

Wire services also send routine items on one template: fund payout notices, price sheets, rate
tables ("NY COMEX SILVER 11:00", "TOKYO EXCH CLSG - APRIL 07", "FRANKLIN OHIO SETS MONTHLY
PAYOUT"). Their bodies share most words and numbers do not count as words, so only the headline
says which contract, fund, day or amount each one is about. A doc is routine when it is short
(under ``ROUTINE_WORDS``) or holds a table, and a pair with a routine doc, not a copy, is one
story only when its headlines agree:

* the same headline words but those naming a session or a date ("OPG", "CLSG", "11:30") are
  updates of one report through a day, but on other days, or of a morning's and an
  afternoon's session ("LME METAL KERBS MORNING", "... AFTERNOON"), other editions; two tables whose
  headlines differ in other words (stock symbols and figures aside) are two tables, copies or
  not: their rows' labels are alike ("CORN SUPPLY/DEMAND BY COUNTRY -- USDA", "SOYBEAN ...");
* else they must share a word beyond the names either doc gives or the stock symbols of the
  headlines (what happened, not only who: "HANOVER INSURANCE <HINS> GETS SPLIT APPROVAL" and
  "... RAISES DIVIDEND" are two announcements), give the same figures, and name one subject: a
  person or organisation both headlines give that is not in so many docs that it is only a
  source ("PEORIA HOGS UP - USDA" and "OMAHA HOGS UP - USDA").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .headlines import MONTHS, OPPOSITE_ACTIONS, RESEND_WORDS, prefixes
from .minhash import estimated_jaccard
from .neighbour_table import Neighbour
from .similarity import SAME_STORY_THRESHOLD
from .stories_cues import ROUTINE_WORDS, Cues
from .stories_reports import NO_REPORTS, Reports
from .stories_subjects import other_firms, other_listed, other_subjects
from .story_corpus import Corpus

__all__ = ["ROUTINE_WORDS", "Cues", "story_links"]

_MONTH_FIGURES = frozenset(MONTHS.values())
_YEAR = re.compile(r"(?:19|20)\d\d")

SHARED_ACTORS_THRESHOLD = 0.35
"""The lowest cosine at which two docs naming two people or organisations in common may be one
story (``SAME_STORY_THRESHOLD`` when they name four, places counted, at least one an actor)."""

SHARED_ACTOR_THRESHOLD = 0.6
"""The same when they name one: short wire items about different companies ("X sells notes",
"Y raises payout") share most of their few words."""

SAME_TEXT_THRESHOLD = 0.7
"""Cosine at or above which two docs may be one story with no name in common."""

LOWEST_STORY_SCORE = min(
    SAME_STORY_THRESHOLD, SHARED_ACTORS_THRESHOLD, SHARED_ACTOR_THRESHOLD, SAME_TEXT_THRESHOLD
)
"""The lowest cosine any rule of ``_may_share_story`` links at: the pairs below it, about half
of every doc's neighbours, are never one story."""

MIN_STORY_WORDS = 20
"""Shorter docs (briefs, headlines alone) are never linked into a story."""

STORY_COPY_JACCARD = 0.5
"""Estimated shingle Jaccard (figures included) at or above which two docs are copies of one
item (a re-send, a correction) whatever their headlines say."""

SAME_LEAD_JACCARD = 0.5
"""The share of their lead sentences' terms (Jaccard) from which two docs under one headline
on other days are one item re-filed, not a second incident."""


Recall = Callable[
    [Sequence[Sequence[Neighbour]], Callable[[int, Neighbour], bool], tuple[object, ...]],
    list[tuple[Neighbour, ...]],
]
"""Keeps the neighbours a judge keeps, recalling verdicts given in the same corpus-wide
context (``story_cache.StoryCache.links``)."""


def story_links(
    neighbours: Sequence[Sequence[Neighbour]],
    cues: Sequence[Cues],
    recall: Recall | None = None,
    corpus: Corpus | None = None,
) -> list[tuple[Neighbour, ...]]:
    """Return the neighbours that may share a story with each doc (`recall` may remember
    verdicts from the last build; `corpus`, the cues' corpus-wide counts, if they were made as
    the cues were)."""
    if corpus is None:
        corpus = Corpus()
        for cue in cues:
            corpus.add(cue)
    context = corpus.context()  # every corpus-wide value a verdict reads: what `recall` keys on

    def judge(doc: int, other: Neighbour) -> bool:
        """Say whether a doc and one of its neighbours may be one story."""
        return _may_share_story(cues[doc], cues[other.doc], other.score, *context)

    if recall is not None:
        return recall(neighbours, judge, context)
    return [tuple(n for n in row if judge(doc, n)) for doc, row in enumerate(neighbours)]


def _may_share_story(
    first: Cues,
    second: Cues,
    score: float,
    common: frozenset[str],
    regular: Reports = NO_REPORTS,
) -> bool:
    """Say whether two docs whose cosine is `score` may be one story; `common` names are in so
    many docs that they are sources, not subjects, and `regular` headlines are reports sent
    day after day."""
    if score < LOWEST_STORY_SCORE:
        return False  # no rule below takes a pair this far apart: spare the cues' reading
    if min(first.words, second.words) < MIN_STORY_WORDS or first.headline.isdisjoint(
        second.headline
    ):
        return False
    copies = _copies(first, second)
    if _other_news(first, second, score, copies, regular):
        return False
    if (first.routine or second.routine) and not copies:
        if _other_days(first, second) and first.subject == second.subject:
            return False  # the same report of another day
        if _other_sessions(first, second):
            return False  # one report's editions of two sessions
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


def _other_news(first: Cues, second: Cues, score: float, copies: bool, regular: Reports) -> bool:
    """Say whether two docs whose cosine is `score` report other news however alike their
    words: other days' editions of a report, other firms, or, unless they are `copies` of one
    item, other periods, subjects or moves, or another day's incident or occasion."""
    if _other_days(first, second) and not _nested(first.figures, second.figures):
        return True  # two days' editions of a report
    if _other_dates(first, second):
        return True  # two days' editions, filed on one day
    if _another_edition(first, second, regular):
        return True  # a daily report of another day, however alike its words
    if other_listed(first, second) or other_firms(first, second):
        return True  # other listed companies, even in words copied from one template
    if _other_tables(first, second):
        return True  # tables of other goods or places, alike in all but their figures
    if _opposite_moves(first, second) and not (copies and _resent(first, second)):
        return True  # bought and sold, raised and cut: two moves, however alike the words
    if copies:
        return False
    if _other_periods(first, second) or other_subjects(first, second):
        return True  # two periods' reports, other companies, people or places, opposite moves
    return _other_days(first, second) and _another_day_s_news(first, second, score)


def _another_edition(first: Cues, second: Cues, regular: Reports) -> bool:
    """Say whether two docs of other days are editions of a regular report, neither headline
    marking its item as the other's re-send ("RPT - ..."): one whose headline is given day after
    day, or one on a template (``_templated``) under another lead (one lead re-filed under
    another headline is one item: "BAKER DECLINES COMMENT ON VOLCKER REAPPOINTMENT")."""
    if not _other_days(first, second) or _resent(first, second):
        return False
    subjects = {first.subject, second.subject}
    if not regular.daily.isdisjoint(subjects):
        return True
    return not regular.templated.isdisjoint(subjects) and _other_leads(first, second)


def _resent(first: Cues, second: Cues) -> bool:
    """Say whether either headline marks its item as a re-send or a correction."""
    return not RESEND_WORDS.isdisjoint(first.said | second.said)


def _copies(first: Cues, second: Cues) -> bool:
    """Say whether two docs are copies of one item (a re-send, a correction), figures and all."""
    return estimated_jaccard(first.signature, second.signature) >= STORY_COPY_JACCARD


def _other_days(first: Cues, second: Cues) -> bool:
    """Say whether two docs are dated on other days."""
    return first.day is not None and second.day is not None and first.day != second.day


def _another_day_s_news(first: Cues, second: Cues, score: float) -> bool:
    """Say whether two docs of other days that are not copies are other news: the same
    headline over another lead (a second incident), or headlines that share only the name of
    a person both name and open or close with, or only names, opening with one, over leads
    that quote one person (a speaker on two occasions: "NYSE CHAIRMAN SAYS MARKET DECLINE NOT
    A CRASH", "NYSE WILL CONTINUE TO CURB PROGRAM TRADING", both "... John Phelan said")."""
    if score >= SAME_TEXT_THRESHOLD:
        return False
    if first.subject == second.subject:
        return _other_leads(first, second)
    shared = first.subject & second.subject
    if not shared:
        return False
    speakers = frozenset().union(*map(prefixes, first.people & second.people))
    if shared <= speakers and not shared.isdisjoint(first.ends & second.ends):
        return True
    quoted = not first.speakers.isdisjoint(second.speakers)
    return quoted and first.opener == second.opener and shared <= first.names & second.names


def _other_leads(first: Cues, second: Cues) -> bool:
    """Say whether two docs' lead sentences share under ``SAME_LEAD_JACCARD`` of their terms: a
    re-file keeps its lead, a second incident under the same headline does not."""
    if not first.lead or not second.lead:
        return False
    shared = len(frozenset(first.lead).intersection(second.lead))  # each word once in each
    return shared < SAME_LEAD_JACCARD * (len(first.lead) + len(second.lead) - shared)


def _other_sessions(first: Cues, second: Cues) -> bool:
    """Say whether both headlines name a session and not the same ones: a report's editions of
    two sessions ("LME METAL KERBS MORNING", "... AFTERNOON")."""
    return bool(first.sessions and second.sessions) and first.sessions != second.sessions


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
    return sum(not shared.isdisjoint(prefixes(name)) for name in named) >= 2


def _same_subject(first: Cues, second: Cues, common: frozenset[str]) -> bool:
    """Say whether two routine docs report on one subject: their headlines give the same
    figures, and either one report or a person or organisation both give."""
    if not _nested(first.figures, second.figures):
        return False
    shared = first.subject & second.subject
    return _same_report(first, second) or any(
        not shared.isdisjoint(prefixes(actor)) for actor in first.actors & second.actors - common
    )


def _other_dates(first: Cues, second: Cues) -> bool:
    """Say whether two headlines with the same words give a month and other figures: one
    report's editions of two days ("BANGKOK TAPIOCA - APRIL 7", "... - APRIL 8"), whatever
    the days they were filed."""
    if first.subject != second.subject or _nested(first.figures, second.figures):
        return False
    return not _MONTH_FIGURES.isdisjoint(first.figures & second.figures)


def _periods(figures: frozenset[str]) -> frozenset[str]:
    """Return the months and years ("1986", not "1986/87") among a headline's figures."""
    return frozenset(f for f in figures if f in _MONTH_FIGURES or _YEAR.fullmatch(f))


def _other_periods(first: Cues, second: Cues) -> bool:
    """Say whether both headlines give a month or a year and none in common: two periods'
    reports ("ARGENTINE MEAT EXPORTS LOWER IN 1986", "... HIGHER IN JAN/FEB 1987")."""
    mine, theirs = (_periods(cues.figures) for cues in (first, second))
    return bool(mine) and bool(theirs) and mine.isdisjoint(theirs)


def _opposite_moves(first: Cues, second: Cues) -> bool:
    """Say whether two headlines about one company take opposite sides: bought and sold, raised
    and cut (a buyer and a seller of one deal open their headlines with other names)."""
    if not first.opener or first.opener != second.opener:
        return False
    return any(
        (one in first.actions) != (one in second.actions)
        and (other in first.actions) != (other in second.actions)
        and (one in first.actions) != (other in first.actions)
        for one, other in OPPOSITE_ACTIONS
    )


def _other_tables(first: Cues, second: Cues) -> bool:
    """Say whether two docs holding tables, not of one listed company, have headlines each
    giving a word the other does not ("CORN SUPPLY/DEMAND BY COUNTRY -- USDA", "SOYBEAN
    SUPPLY/DEMAND ..."): two tables (one company's are told apart by ``other_subjects``)."""
    if not (first.table and second.table) or not first.tickers.isdisjoint(second.tickers):
        return False
    symbols = {symbol.casefold()[:5] for symbol in first.tickers | second.tickers}
    return bool((first.subject ^ second.subject) - symbols - first.figures - second.figures)


def _nested(first: frozenset[str], second: frozenset[str]) -> bool:
    """Say whether one set holds the other."""
    return first <= second or second <= first
