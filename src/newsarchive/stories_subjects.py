"""Whom two docs' headlines are about: other firms, listed companies, people, places or kinds
of news, which make two docs other news however alike their words (``stories._other_news``)."""

from __future__ import annotations

from .headlines import core, first_term
from .stories_cues import Cues


def other_subjects(first: Cues, second: Cues) -> bool:
    """Say whether two docs that are not copies are about other subjects or other moves."""
    return (
        _other_names(first, second)
        or _longer_name(first, second)
        or _longer_name(second, first)
        or _other_topics(first, second)
        or _other_owners(first, second)
    )


def other_firms(first: Cues, second: Cues) -> bool:
    """Say whether each headline gives a firm (by the first word of its name) that the other
    doc never names ("USAIR <U> FEBRUARY LOAD FACTOR RISES", "CONTINENTAL AIR FEBRUARY LOAD
    FACTOR FALLS")."""
    return _unnamed(first.heads, second) and _unnamed(second.heads, first)


def other_listed(first: Cues, second: Cues) -> bool:
    """Say whether two headlines give other stock symbols, each to a company the other doc
    does not name ("ADVEST <ADV> DECLINES COMMENT", "GENRAD <GEN> DECLINES COMMENT"), or one
    the other doc does not name and the other headline no word of ("LOCKHEED <LK> UNIT GETS 304
    MLN DLR SDI CONTRACT", "GRUMMAN <GQ> UNIT GETS ...", whose text names Lockheed's)."""
    if not first.tickers.isdisjoint(second.tickers):
        return False
    mine, theirs = _unnamed(first.listed, second), _unnamed(second.listed, first)
    return (mine and theirs) or ((mine or theirs) and _listed_apart(first, second))


def _listed_apart(first: Cues, second: Cues) -> bool:
    """Say whether both headlines give listed companies and neither a word of the other's."""
    if not (first.companies and second.companies):
        return False
    return first.companies.isdisjoint(second.subject) and second.companies.isdisjoint(first.subject)


def _unnamed(companies: frozenset[str], other: Cues) -> bool:
    """Say whether a doc names one of `companies` neither in its headline nor anywhere (a
    reaction names the company it reacts to)."""
    return bool(companies - other.subject - other.names)


def _longer_name(first: Cues, second: Cues) -> bool:
    """Say whether the second headline gives a longer name of a company both give, one the
    first doc never names ("CHRYSLER CANADA" against "CHRYSLER"): a unit, not the company."""
    return any(
        core(longer) > core(name)
        and first_term(longer) == first_term(name)
        and not core(longer) <= first.subject
        and longer not in first.actors
        for name in first.firms & second.firms
        for longer in second.firms
    )


def _other_topics(first: Cues, second: Cues) -> bool:
    """Say whether two headlines name kinds of news (``TOPICS``) that neither the other
    headline nor its lead names: a rights issue and a dividend, results and a buyback, cotton
    and soybeans."""
    return bool(first.topics and second.topics) and (
        first.topics.isdisjoint(second.told) and second.topics.isdisjoint(first.told)
    )


def _other_owners(first: Cues, second: Cues) -> bool:
    """Say whether each headline gives the company its lead reports on (``lead_firm``) by a
    word the other doc's headline and lead never give: two companies' news ("HUTCHISON SEES
    HIGHER PAYOUT", "CHEUNG KONG CHAIRMAN SEES STRONG RESULTS")."""
    return bool(first.owner.difference(second.mentions)) and bool(
        second.owner.difference(first.mentions)
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
