"""Same-story clusters: grown from the links ``stories.story_links`` keeps, so they cannot chain.

``clusters``: links, strongest first, join two clusters only when at least half the pairs across
them are linked, their dated members lie within ``STORY_WINDOW_DAYS`` and the result holds at
most ``STORY_CAP`` docs: no chain of pairwise links can grow one story. A cluster's id is its
smallest doc index. O(N * k * cap).
"""

from __future__ import annotations

from collections.abc import Sequence

from .neighbour_table import Neighbour
from .similarity import SAME_STORY_THRESHOLD

STORY_WINDOW_DAYS = 3.0
"""The most days a same-story cluster's dated articles may lie apart."""

STORY_CAP = 20
"""The most articles one same-story cluster may hold: a page lists the others, so a bound here
bounds every article page."""


def clusters(
    neighbours: Sequence[Sequence[Neighbour]],
    threshold: float = SAME_STORY_THRESHOLD,
    days: Sequence[float | None] | None = None,
    window: float = STORY_WINDOW_DAYS,
    cap: int = STORY_CAP,
) -> list[int]:
    """Return a cluster id per doc (its smallest member), grown from the strongest links down.

    Docs are linked by `neighbours` scoring `threshold` or more. Two clusters join only when the
    joined one stays within `cap` docs, its dated members (`days`: a day number per doc, or
    None) lie within `window` days of each other, and at least half the pairs across the two
    are linked themselves: membership is judged against the whole cluster, so a chain of
    pairwise links can never grow one story.
    """
    scores = _linked_pairs(neighbours, threshold)
    parent = list(range(len(neighbours)))
    members = {doc: [doc] for doc in range(len(neighbours))}
    spans = {doc: _span(days, doc) for doc in range(len(neighbours))}
    for a, b in sorted(scores, key=lambda pair: (-scores[pair], pair)):
        first, second = _root(parent, a), _root(parent, b)
        if first == second or len(members[first]) + len(members[second]) > cap:
            continue
        span = _joined_span(spans[first], spans[second])
        if span is not None and span[1] - span[0] > window:
            continue
        if not _cohesive(members[first], members[second], scores):
            continue
        root, other = min(first, second), max(first, second)
        parent[other] = root
        members[root].extend(members.pop(other))
        spans[root] = span
    return [_root(parent, doc) for doc in range(len(parent))]


def _linked_pairs(
    neighbours: Sequence[Sequence[Neighbour]], threshold: float
) -> dict[tuple[int, int], float]:
    """Return each pair (i < j) that either lists as a neighbour at `threshold`, with its score."""
    scores: dict[tuple[int, int], float] = {}
    for doc, row in enumerate(neighbours):
        for neighbour in row:
            if neighbour.doc != doc and neighbour.score >= threshold:
                pair = (min(doc, neighbour.doc), max(doc, neighbour.doc))
                scores[pair] = max(scores.get(pair, 0.0), neighbour.score)
    return scores


Span = tuple[float, float] | None


def _span(days: Sequence[float | None] | None, doc: int) -> Span:
    """Return the first and last day of one doc (None when it is undated)."""
    day = days[doc] if days is not None else None
    return None if day is None else (day, day)


def _joined_span(first: Span, second: Span) -> Span:
    """Return the days two clusters' dated members cover together."""
    if first is None or second is None:
        return first or second
    return (min(first[0], second[0]), max(first[1], second[1]))


def _cohesive(first: list[int], second: list[int], scores: dict[tuple[int, int], float]) -> bool:
    """Say whether at least half the pairs across two clusters are linked themselves."""
    linked = sum((min(a, b), max(a, b)) in scores for a in first for b in second)
    return 2 * linked >= len(first) * len(second)


def _root(parent: list[int], doc: int) -> int:
    """Return the root of doc's set, halving the path on the way."""
    while parent[doc] != doc:
        parent[doc] = parent[parent[doc]]
        doc = parent[doc]
    return doc
