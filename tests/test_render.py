"""Tests for newsarchive.render's page shares: every page rendered by exactly one process."""

from __future__ import annotations

import pytest

from newsarchive.render import Renderer


@pytest.mark.parametrize("shares", [1, 2, 3])
def test_the_renderers_of_all_shares_split_the_pages_exactly(shares):
    taken = []
    for share in range(shares):
        renderer = Renderer(None, None, share, shares)  # type: ignore[arg-type]
        taken.append({turn for turn in range(100) if not renderer.skip() and _took(renderer)})
    assert set().union(*taken) == set(range(100))
    assert sum(len(pages) for pages in taken) == 100
    assert max(map(len, taken)) - min(map(len, taken)) <= 1


def _took(renderer: Renderer) -> bool:
    """Count the page a renderer did not skip as rendered (as `page` does)."""
    renderer.turn += 1
    return True
