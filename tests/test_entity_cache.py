"""Tests for the entities a build keeps for the next (`entity_cache`): taken again only when
gathered from the same candidates, floor and authority file, so a cached build publishes the
entity pages a cold build does."""

from __future__ import annotations

from pathlib import Path

from newsarchive.authority import Authority
from newsarchive.entity_cache import EntityCache
from newsarchive.entity_catalog import gather

from conftest import build_at, tree

PAIR = ("person", "Gordon Brown")
DOCS = [(0, (PAIR, ("place", "London"))), (1, (PAIR,)), (2, (("place", "London"),))]


def _kept(docs: list) -> bytes:
    """Return what a build that gathered these docs keeps for the next."""
    cache = EntityCache()
    cache.gather(docs)
    return cache.data


def test_the_same_candidates_give_the_last_builds_entities() -> None:
    assert EntityCache(_kept(DOCS)).gather(DOCS) == gather(DOCS)


def test_other_candidates_a_floor_or_rules_gather_again() -> None:
    named = [*DOCS, (3, (("person", "Tony Blair"),)), (4, (("person", "Tony Blair"),))]
    kept = _kept(DOCS)
    assert EntityCache(kept).gather(named) == gather(named)
    assert "Tony Blair" in {e.name for e in EntityCache(kept).gather(named).published}
    assert EntityCache(kept).gather(DOCS, 3) == gather(DOCS, 3)
    blocked = Authority(block=("gordon-brown",))
    assert EntityCache(kept).gather(DOCS, rules=blocked) == gather(DOCS, rules=blocked)
    moved = [(i + 1, mentions) for i, mentions in DOCS]  # the same names, other articles
    assert EntityCache(kept).gather(moved) == gather(moved)


def test_a_damaged_value_gathers_again() -> None:
    assert EntityCache(b"\x93not msgpack").gather(DOCS) == gather(DOCS)
    assert EntityCache(_kept(DOCS)[:-3]).gather(DOCS) == gather(DOCS)


def test_an_edit_naming_someone_new_updates_the_pages_a_correction_keeps_them(
    tmp_path: Path,
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(3):
        body = f"Story {n}\n\nGordon Brown said prices rose in London on day {n}.\n"
        (articles / f"s{n}.txt").write_text(body, encoding="utf-8")
    assert build_at(tmp_path, "--no-pagefind")[0] == 0
    first = (articles / "s0.txt").read_text(encoding="utf-8")
    (articles / "s0.txt").write_text(first + "\nA correction: the day was wrong.\n")
    assert build_at(tmp_path, "--no-pagefind")[0] == 0
    cold = tmp_path / "cold"
    for n in (1, 2):
        text = (articles / f"s{n}.txt").read_text(encoding="utf-8")
        (articles / f"s{n}.txt").write_text(text + "\nTony Blair said he agreed.\n")
    assert build_at(tmp_path, "--no-pagefind")[0] == 0
    pages = tree(tmp_path / "dist")
    assert any(path.startswith("people/tony-blair/") for path in pages)
    assert build_at(tmp_path, "--no-pagefind", "--cache-dir", str(cold / "cache"))[0] == 0
    assert tree(tmp_path / "dist") == pages
