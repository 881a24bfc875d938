"""Which headlines are reports sent day after day, each day's edition news of its own: the
corpus-wide cue ``stories`` reads to tell the next edition from a re-file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .stories_cues import Cues

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


def reports(cues: Sequence[Cues]) -> Reports:
    """Return the regular reports among the headlines of `cues`."""
    return Reports(_regular(cues), _templated(cues))


def _regular(cues: Sequence[Cues]) -> frozenset[frozenset[str]]:
    """Return the headlines (their subjects) given on ``REGULAR_DAYS`` days or more: a daily or
    weekly report ("FED ADDS RESERVES VIA CUSTOMER REPURCHASES", "GRAIN SHIPS LOADING AT
    PORTLAND")."""
    days = Counter(subject for subject, _ in {(cue.subject, cue.day) for cue in cues if cue.day})
    return frozenset(subject for subject, count in days.items() if count >= REGULAR_DAYS)


def _templated(cues: Sequence[Cues]) -> frozenset[frozenset[str]]:
    """Return the headlines (their subjects, of ``TEMPLATE_WORDS`` or more) that, one word
    dropped, are headlines or one word short of headlines given on ``REGULAR_DAYS`` days or
    more: one template's regular report ("U.K. MONEY MARKET SHORTAGE FORECAST AT 300 MLN STG",
    "... DEFICIT FORECAST AT 800 MLN STG"; "GM <GM> CANADA MARCH CAR SALES UP", "CHRYSLER
    <C> CANADA ...")."""
    dated = {(cue.subject, cue.day) for cue in cues if cue.day}
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
