"""Which headlines are reports sent day after day, each day's edition news of its own: the
corpus-wide cue ``stories`` reads to tell the next edition from a re-file."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

REGULAR_DAYS = 3
"""A headline given on this many days or more is a regular report: each day's is news of its
own, however alike their words (the day's figures are all that change)."""

TEMPLATE_WORDS = 4
"""The fewest headline words (sessions and dates aside) of a template whose headlines, one word
swapped, given on ``REGULAR_DAYS`` days or more make a regular report (``_templated``)."""


@dataclass(frozen=True, slots=True)
class Reports:
    """The headlines (their subjects) of reports sent day after day."""

    daily: frozenset[frozenset[str]] = frozenset()  # given on REGULAR_DAYS days or more
    templated: frozenset[frozenset[str]] = frozenset()  # so, one word swapped (``_templated``)


NO_REPORTS = Reports()
"""No headline a regular report: the default of a pair judged on its own."""


Dated = set[tuple[frozenset[str], float]]
"""Every dated doc's headline subject and day (``Cues.subject``, ``Cues.day``), once each."""


def reports_of(dated: Dated) -> Reports:
    """Return the regular reports among the headlines of docs given by subject and day."""
    return Reports(_regular(dated), _templated(dated))


def _regular(dated: Dated) -> frozenset[frozenset[str]]:
    """Return the headlines (their subjects) given on ``REGULAR_DAYS`` days or more: a daily or
    weekly report ("FED ADDS RESERVES VIA CUSTOMER REPURCHASES", "GRAIN SHIPS LOADING AT
    PORTLAND")."""
    days = Counter(subject for subject, _ in dated)
    return frozenset(subject for subject, count in days.items() if count >= REGULAR_DAYS)


def _templated(dated: Dated) -> frozenset[frozenset[str]]:
    """Return the headlines (their subjects, of ``TEMPLATE_WORDS`` or more) that, one word
    dropped, are headlines or one word short of headlines given on ``REGULAR_DAYS`` days or
    more: one template's regular report ("U.K. MONEY MARKET SHORTAGE FORECAST AT 300 MLN STG",
    "... DEFICIT FORECAST AT 800 MLN STG"; "GM <GM> CANADA MARCH CAR SALES UP", "CHRYSLER
    <C> CANADA ...")."""
    long = {subject: _frames(subject) for subject, _ in dated if len(subject) >= TEMPLATE_WORDS}
    # each headline's frames made once: many headlines are given on many days
    frames = {(frame, day) for subject, day in dated if subject in long for frame in long[subject]}
    frames.update((subject, day) for subject, day in dated if subject in long)
    days = Counter(frame for frame, _ in frames)
    return frozenset(
        subject
        for subject, dropped in long.items()
        if any(days[frame] >= REGULAR_DAYS for frame in dropped)
    )


def _frames(subject: frozenset[str]) -> list[frozenset[str]]:
    """Return a headline's subject with each of its words dropped in turn."""
    return [subject - {word} for word in subject]
