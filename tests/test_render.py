"""Tests for newsarchive.render's page shares: every page rendered by exactly one process."""

from __future__ import annotations

import pytest

from newsarchive.render import Renderer, owners


@pytest.mark.parametrize("shares", [1, 2, 3, 4])
def test_every_turn_has_one_owner_and_the_last_share_is_lighter(shares):
    cycle = owners(shares)
    counts = [cycle.count(share) for share in range(shares)]
    assert set(cycle) == set(range(shares))
    if shares > 1:
        assert counts[-1] == counts[0] - 1 and len(set(counts[:-1])) == 1
        assert cycle[:shares] == tuple(range(shares))  # interleaved, not in blocks


@pytest.mark.parametrize("shares", [1, 2, 3])
def test_the_renderers_of_all_shares_split_the_pages_exactly(shares):
    taken = []
    for share in range(shares):
        renderer = Renderer(None, None, share, shares)  # type: ignore[arg-type]
        taken.append({turn for turn in range(100) if not renderer.skip() and _took(renderer)})
    assert set().union(*taken) == set(range(100))
    assert sum(len(pages) for pages in taken) == 100
    if shares == 2:
        assert 40 <= len(taken[1]) < 50 < len(taken[0])


def _took(renderer: Renderer) -> bool:
    """Count the page a renderer did not skip as rendered (as `page` does)."""
    renderer.turn += 1
    return True
