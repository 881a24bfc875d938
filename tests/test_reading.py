"""Tests for newsarchive.reading: bodies leave memory once saved, and always come back whole."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from msgspec import structs
from test_faults import tree

from newsarchive import cache, search_terms, similarity
from newsarchive.catalog import day_number, localise
from newsarchive.errors import BuildError
from newsarchive.loader import discover, read_article
from newsarchive.progress import SILENT
from newsarchive.reading import read_all, unshown
from newsarchive.store import NAME, Store
from newsarchive.story_cache import StoryCache
from newsarchive.words import gather

from conftest import store_of, write_files
from test_site import SAMPLE_FILES, dated

FILES = {
    **SAMPLE_FILES,
    **{
        f"articles/s{n % 3}/2024-02-{n + 1:02d}-story.md": dated(
            f"Story {n}", f"2024-02-{n + 1:02d}", f"Paragraph one of {n}.\n\nParagraph *two*."
        )
        for n in range(20)
    },
}


def _read(root: Path, timezone: str = "UTC"):
    """Read root/articles with a build store in root/cache, as a build does."""
    found = discover(root / "articles")
    digests, _ = cache.digest_files(found.files, {})
    sources = [source.rel for source in found.files]
    elsewhere = unshown(found.files)
    (root / "cache").mkdir(exist_ok=True)
    store = Store.open(root / "cache", cache.code_key())
    try:
        read = read_all(
            sources, digests, store, root / "articles", 1, SILENT, elsewhere, timezone=timezone
        )
    finally:
        store.close()
    return found.files, read


def lose_the_store(root: Path) -> None:
    """Delete the build store read from root/cache."""
    (root / "cache" / NAME).unlink()


def words_of(words, source):
    """Return an article's term counts and search words' field bits, from a Words table."""
    row = int(words.rows([source])[0])
    counts, search = (gather(runs, np.array([row])) for runs in (words.related, words.search))
    vocabulary = words.vocabulary
    return (
        {vocabulary[i]: int(n) for i, n in zip(counts.ids, counts.values, strict=True)},
        {vocabulary[i]: int(bits) for i, bits in zip(search.ids, search.values, strict=True)},
    )


def whole(article):
    """Return what the reader keeps of an article apart from its words: all but those."""
    return structs.replace(article, terms="", search_terms="")


def test_saved_articles_keep_no_body_and_get_it_back_whole(tmp_path):
    write_files(tmp_path, FILES)
    files, read = _read(tmp_path)
    assert len(read.articles) == len(FILES)
    assert all(not a.paragraphs and not a.body_html for a in read.articles)
    for source, article in zip(files, read.articles, strict=True):
        original, _ = read_article(source)
        assert read.bodies.full(article) == whole(original)


@pytest.mark.parametrize("reads", [1, 2])
def test_every_article_s_words_are_kept_as_numbers(tmp_path, reads):
    write_files(tmp_path, FILES)
    for _ in range(reads):  # read anew, then from the cache
        files, read = _read(tmp_path)
    assert sorted(read.words.sources) == sorted(a.source for a in read.articles)
    for source in files:
        original, _ = read_article(source)
        assert original.terms and original.search_terms
        counts, fields = words_of(read.words, original.source)
        assert counts == similarity.unpack_counts(original.terms)
        assert fields == search_terms.decode(original.search_terms)


def test_an_edited_article_s_words_are_its_new_ones(tmp_path):
    write_files(tmp_path, FILES)
    _read(tmp_path)
    edited = tmp_path / "articles" / "s1" / "2024-02-02-story.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nZanzibar zebras.\n", "utf-8")
    _, read = _read(tmp_path)
    counts, fields = words_of(read.words, "s1/2024-02-02-story.md")
    assert counts["zanzibar"] == 1 and "zebras" in fields
    untouched, _ = words_of(read.words, "s2/2024-02-03-story.md")
    assert "zanzibar" not in untouched


def test_a_read_counts_the_files_edited_and_those_added_or_removed(tmp_path):
    write_files(tmp_path, FILES)
    _, first = _read(tmp_path)
    assert (first.edited, first.added_or_removed) == (0, len(FILES))  # no cache: all new
    _, again = _read(tmp_path)
    assert (again.edited, again.added_or_removed) == (0, 0)
    articles = tmp_path / "articles"
    for name in ("s1/2024-02-02-story.md", "s2/2024-02-03-story.md"):
        (articles / name).write_text((articles / name).read_text("utf-8") + "\nMore.\n", "utf-8")
    _, edited = _read(tmp_path)
    assert (edited.edited, edited.added_or_removed) == (2, 0)
    (articles / "s0" / "2024-02-01-story.md").unlink()
    (articles / "s0" / "new.md").write_text("# New\n\nText.\n", "utf-8")
    _, moved = _read(tmp_path)
    assert (moved.edited, moved.added_or_removed) == (0, 2)


def test_a_second_read_from_the_cache_also_leaves_bodies_on_disk(tmp_path):
    write_files(tmp_path, FILES)
    _, first = _read(tmp_path)  # read from the files, then saved: stripped too
    files, read = _read(tmp_path)
    assert all(not a.paragraphs and not a.body_html for a in read.articles)
    sources = {a.source for a in read.articles}
    assert read.bodies.stripped == first.bodies.stripped == sources
    assert read.bodies.full(read.articles[0]) == whole(read_article(files[0])[0])


def test_bodies_stay_in_memory_when_the_store_cannot_be_saved(tmp_path):
    write_files(tmp_path, FILES)
    (tmp_path / "cache" / NAME).mkdir(parents=True)  # a folder where the store would be
    files, read = _read(tmp_path)
    assert read.bodies.stripped == set()
    assert read.articles == [read_article(f)[0] for f in files]


@pytest.mark.parametrize("loss", ["deleted", "damaged"])
def test_a_body_the_cache_lost_is_read_again_from_its_file(tmp_path, loss):
    write_files(tmp_path, FILES)
    files, read = _read(tmp_path)
    source, article = files[0], read.articles[0]
    if loss == "deleted":
        lose_the_store(tmp_path)
    else:  # a byte of the body changed, which the read did not look at
        with sqlite3.connect(tmp_path / "cache" / NAME) as db:
            db.execute(
                "UPDATE articles SET body = substr(body, 1, length(body) - 2) || 'x]'"
                " WHERE source = ?",
                (article.source,),
            )
    assert read.bodies.full(article) == whole(read_article(source)[0])


def test_a_file_whose_name_is_not_text_is_read_and_read_again(tmp_path):
    write_files(tmp_path, SAMPLE_FILES)
    odd = tmp_path / "articles" / os.fsdecode(b"bad \xff name.txt")
    odd.write_text("Odd name\n\nA story filed under a name that is not text.\n", "utf-8")
    _, read = _read(tmp_path)
    article = next(a for a in read.articles if a.title == "Odd name")
    assert article.source == "bad \ufffd name.txt"  # as shown
    lose_the_store(tmp_path)
    assert "not text" in read.bodies.full(article).paragraphs[0]


def test_a_body_lost_by_the_cache_and_changed_in_its_file_is_a_clear_error(tmp_path):
    write_files(tmp_path, FILES)
    files, read = _read(tmp_path)
    article = read.articles[0]
    lose_the_store(tmp_path)
    Path(files[0].path).write_text("Another story\n\nIts text.\n", encoding="utf-8")
    message = rf"{article.source} changed during the build .* run the build again"
    with pytest.raises(BuildError, match=message):
        read.bodies.full(article)


def test_the_body_comes_back_on_the_catalogued_article(tmp_path):
    write_files(tmp_path, FILES)
    _, read = _read(tmp_path)
    article = structs.replace(read.articles[-1], title="As catalogued")
    assert read.bodies.full(article).title == "As catalogued"  # only the body is put back
    assert "<em>two</em>" in read.bodies.full(article).body_html


def test_a_site_built_without_a_store_equals_one_built_with_it(build_site_from, tmp_path):
    normal = build_site_from(FILES, "--jobs", "1", output="normal")
    (store_of(tmp_path / "unsaved") / NAME).mkdir(parents=True)  # a folder where it would be
    unsaved = build_site_from({}, "--jobs", "1", output="unsaved")
    assert normal.code == unsaved.code == 0
    assert tree(normal.dist) == tree(unsaved.dist)


def test_after_an_edit_every_body_comes_back_whole_the_kept_ones_too(tmp_path):
    write_files(tmp_path, FILES)
    _read(tmp_path)
    edited = tmp_path / "articles" / "s1" / "2024-02-05-story.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA correction.\n", encoding="utf-8")
    files, read = _read(tmp_path)
    assert (read.edited, read.added_or_removed) == (1, 0)
    bodies = {s.rel: read.bodies.full(a) for s, a in zip(files, read.articles, strict=True)}
    assert bodies == {s.rel: whole(read_article(s)[0]) for s in files}  # kept ones too
    assert "A correction." in bodies["s1/2024-02-05-story.md"].body_html


def test_reading_works_out_the_cues_the_catalogue_looks_up(tmp_path):
    """Same-story cues are worked out beside each article, in the site's time zone (which
    moves an article's day), so the catalogue works out none and finds each as it would."""
    files = {
        **FILES,
        "articles/late.md": "---\ntitle: Late\ndate: 2024-03-01T23:30:00+00:00\n---\nLate text.\n",
    }
    write_files(tmp_path, files)
    _, read = _read(tmp_path, timezone="Pacific/Auckland")
    articles = [localise(a, "Pacific/Auckland") for a in read.articles]
    assert {day_number(a) for a in articles if a.source == "late.md"} == {
        dt.date(2024, 3, 2).toordinal()
    }
    store = Store.open(tmp_path / "cache", cache.code_key())
    try:
        stories = StoryCache(store.cues(), b"")
    finally:
        store.close()
    days = [day_number(a) for a in articles]
    found = stories.cues(articles, days)
    assert stories.new_cues == {}  # none worked out: every one was found
    assert list(found) == list(StoryCache({}, b"").cues(articles, days))  # as worked out here
