"""Permanent addresses: an article keeps its URL across edits, collisions and renames; a changed
address leaves a redirect (whole-site builds in tmp_path)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import Built, store_of

STORM = "Storm hits coast\n\nThe storm hit the coast on Monday and closed the harbour.\n"
STORM_FIXED = "Storm hits the coast\n\nThe storm hit the coast on Monday and closed the harbour.\n"
OTHER_STORM = "Storm hits coast\n\nA second storm hit the northern coast on Friday.\n"


def records(built: Built) -> dict[str, dict[str, object]]:
    """Return articles.json's records by source."""
    return {r["source"]: r for r in json.loads(built.page("articles.json"))}


def test_corrected_headline_keeps_the_address(build_site_from) -> None:  # type: ignore[no-untyped-def]
    first = build_site_from({"articles/world/storm.txt": STORM})
    before = first.article_path("world/storm.txt")
    again = build_site_from({"articles/world/storm.txt": STORM_FIXED})
    assert again.code == 0
    assert again.article_path("world/storm.txt") == before == "articles/storm-hits-coast/index.html"
    assert "Storm hits the coast" in again.page(before)


def test_same_headline_in_a_new_file_never_renumbers_the_old_one(build_site_from) -> None:  # type: ignore[no-untyped-def]
    # "b.txt" sorts after "a-new.txt": by file order alone the new file would take the address.
    first = build_site_from({"articles/b.txt": STORM})
    old = first.article_path("b.txt")
    again = build_site_from({"articles/a-new.txt": OTHER_STORM})
    assert again.article_path("b.txt") == old
    assert again.article_path("a-new.txt") == "articles/storm-hits-coast-2/index.html"
    assert "closed the harbour" in again.page(old)


def test_changed_slug_leaves_a_redirect(build_site_from) -> None:  # type: ignore[no-untyped-def]
    first = build_site_from({"articles/a.md": "---\ntitle: Harbour closes\n---\n\nText.\n"})
    old = first.article_path("a.md")
    again = build_site_from(
        {"articles/a.md": "---\ntitle: Harbour closes\nslug: harbour-shut\n---\n\nText.\n"}
    )
    new = again.article_path("a.md")
    assert new == "articles/harbour-shut/index.html" != old
    page = again.page(old)
    assert 'http-equiv="refresh" content="0; url=../../articles/harbour-shut/index.html"' in page
    assert 'rel="canonical" href="../../articles/harbour-shut/index.html"' in page
    assert '<a href="../../articles/harbour-shut/index.html">' in page
    assert again.page("_redirects") == "/articles/harbour-closes/ /articles/harbour-shut/ 301\n"


def test_redirects_under_a_base_url_are_absolute(build_site_from) -> None:  # type: ignore[no-untyped-def]
    build_site_from({"articles/a.md": "---\ntitle: Harbour closes\n---\n\nText.\n"})
    again = build_site_from(
        {"articles/a.md": "---\ntitle: Harbour closes\nslug: shut\n---\n\nText.\n"},
        "--base-url",
        "https://example.org/archive/",
    )
    page = again.page("articles/harbour-closes/index.html")
    assert 'rel="canonical" href="https://example.org/archive/articles/shut/"' in page
    assert (
        again.page("_redirects")
        == "/archive/articles/harbour-closes/ /archive/articles/shut/ 301\n"
    )


def test_slug_changed_back_and_forth_redirects_to_the_current_one(build_site_from) -> None:  # type: ignore[no-untyped-def]
    build_site_from({"articles/a.md": "---\ntitle: One\n---\n\nText.\n"})
    build_site_from({"articles/a.md": "---\ntitle: One\nslug: two\n---\n\nText.\n"})
    last = build_site_from({"articles/a.md": "---\ntitle: One\nslug: three\n---\n\nText.\n"})
    assert "url=../../articles/three/index.html" in last.page("articles/one/index.html")
    assert "url=../../articles/three/index.html" in last.page("articles/two/index.html")


def test_renamed_file_keeps_its_address(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = build_site_from({"articles/draft.txt": STORM})
    old = first.article_path("draft.txt")
    (tmp_path / "articles/draft.txt").rename(tmp_path / "articles/2023-storm.txt")
    again = build_site_from({})
    assert again.article_path("2023-storm.txt") == old


def test_deleted_article_address_is_not_given_to_another(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    build_site_from({"articles/a.txt": STORM})
    (tmp_path / "articles/a.txt").unlink()
    again = build_site_from({"articles/b.txt": OTHER_STORM})
    assert again.article_path("b.txt") == "articles/storm-hits-coast-2/index.html"


def test_ids_are_stable_and_new_articles_get_new_ones(build_site_from) -> None:  # type: ignore[no-untyped-def]
    first = records(build_site_from({"articles/b.txt": STORM}))
    again = records(build_site_from({"articles/a.txt": OTHER_STORM}))
    assert again["b.txt"]["id"] == first["b.txt"]["id"] == 1
    assert again["a.txt"]["id"] == 2


def test_record_is_kept_beside_the_config_not_in_the_output(
    build_site_from, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    built = build_site_from({"articles/a.txt": STORM})
    book = json.loads((tmp_path / ".newsarchive/permalinks.json").read_text(encoding="utf-8"))
    assert book["articles"]["a.txt"]["path"] == "articles/storm-hits-coast/index.html"
    assert not list(built.dist.rglob("permalinks.json"))


def test_damaged_record_stops_the_build_naming_it(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".newsarchive").mkdir()
    (tmp_path / ".newsarchive/permalinks.json").write_text("{not json", encoding="utf-8")
    built = build_site_from({"articles/a.txt": STORM})
    assert built.code == 1
    assert "permalinks.json: the record of published addresses cannot be read" in built.err
    assert "restore it from version control" in built.err


def test_record_cannot_write_outside_the_output(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".newsarchive").mkdir()
    hostile = {
        "a.txt": {"id": 1, "slug": "x", "path": "x/index.html", "old": ["../../x/index.html"]}
    }
    (tmp_path / ".newsarchive/permalinks.json").write_text(
        json.dumps({"version": 1, "articles": hostile}), encoding="utf-8"
    )
    built = build_site_from({"articles/a.txt": STORM})
    assert built.code == 1
    assert "'../../x/index.html' is not an article's output path" in built.err


def test_readers_are_not_shown_the_source_file(build_site_from) -> None:  # type: ignore[no-untyped-def]
    built = build_site_from({"articles/politics/209.txt": STORM})
    page = built.page(built.article_path("politics/209.txt"))
    assert "Source file" not in page
    assert 'data-source="politics/209.txt"' in page


def test_record_moves_with_cache_dir_and_stays_out_of_the_output_cache(
    build_site_from, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    elsewhere = tmp_path / "state"
    built = build_site_from({"articles/a.txt": STORM}, "--cache-dir", str(elsewhere))
    assert built.code == 0, built.err
    book = json.loads((elsewhere / "permalinks.json").read_text(encoding="utf-8"))
    assert book["articles"]["a.txt"]["path"] == "articles/storm-hits-coast/index.html"
    assert [p.parent for p in elsewhere.rglob("permalinks.json")] == [elsewhere]
    assert not (tmp_path / ".newsarchive").exists()


def test_committed_record_in_a_fresh_checkout_is_used(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / ".newsarchive"
    folder.mkdir()
    folder.chmod(0o755)  # as a checkout makes it: the user's, writable by no one else
    record = {
        "a.txt": {"id": 7, "slug": "harbour-shut", "path": "articles/harbour-shut/index.html"}
    }
    (folder / "permalinks.json").write_text(
        json.dumps({"version": 1, "articles": record}), encoding="utf-8"
    )
    built = build_site_from({"articles/a.txt": STORM})
    assert built.code == 0, built.err
    assert built.article_path("a.txt") == "articles/harbour-shut/index.html"
    assert records(built)["a.txt"]["id"] == 7


def test_clearing_the_output_cache_keeps_the_addresses(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = build_site_from({"articles/a.txt": STORM})
    shutil.rmtree(store_of(first.dist))
    again = build_site_from({"articles/a.txt": STORM_FIXED})
    assert again.code == 0, again.err
    assert again.article_path("a.txt") == first.article_path("a.txt")


def test_a_record_changed_when_nothing_else_did_is_used_by_the_next_build(
    build_site_from, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # Found by test_incremental_property: the no-op check left the record out of its key.
    build_site_from({"articles/a.txt": STORM})
    again = build_site_from({"articles/a.txt": STORM_FIXED})  # keeps storm-hits-coast
    book = tmp_path / ".newsarchive" / "permalinks.json"
    record = json.loads(book.read_text(encoding="utf-8"))
    record["articles"]["a.txt"].update(slug="harbour-shut", path="articles/harbour-shut/index.html")
    book.write_text(json.dumps(record), encoding="utf-8")  # restored from version control, say
    restored = build_site_from({})
    assert restored.article_path("a.txt") == "articles/harbour-shut/index.html"
    book.unlink()
    forgotten = build_site_from({})  # addresses from the current headlines, as on a first build
    assert forgotten.article_path("a.txt") == "articles/storm-hits-the-coast/index.html"
    assert "Nothing changed since the last build" in build_site_from({}).out
    assert again.code == restored.code == forgotten.code == 0
