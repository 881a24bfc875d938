"""What the catalogue remembers between builds (same-story cues and verdicts, related rows)
never changes the output: after each change to a site whose articles form a story, a build with
the last build's store writes what a cold build writes."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from newsarchive import cache

from conftest import ROOT, run_cli, tree, write_files
from test_site import SAMPLE_FILES

ONE = "articles/001_mexico-army-culiacan.txt"
TWO = "articles/002_el-chapo-son-captured.txt"
OTHERS = {
    f"articles/other-{n}.txt": f"{topic}\n\n{topic}. More on the story follows here."
    for n, topic in enumerate(
        (
            "Football club wins the league title after a late goal",
            "Storm brings heavy rain and flooding to coastal towns",
            "Central bank raises interest rates to fight inflation",
        )
    )
}


def build(root: Path, name: str, cache: Path) -> None:
    """Build root/articles into root/name with the cache folder `cache`."""
    code, out, err = run_cli(
        "--articles", str(root / "articles"), "--output", str(root / name),
        "--config", str(root / "site.yaml"), "--cache-dir", str(cache), "--no-pagefind", "-q",
    )  # fmt: skip
    assert code == 0, out + err


def assert_warm_equals_cold(root: Path, step: str) -> None:
    """Build with the kept store and from nothing; the outputs must be identical."""
    shutil.rmtree(root / "cold", ignore_errors=True)
    shutil.rmtree(root / "cache-cold", ignore_errors=True)
    (root / "cache-cold").mkdir()
    for name in ("permalinks.json", "topics.json"):  # inputs, not caches (docs/urls.md)
        if (root / "cache-warm" / name).exists():
            shutil.copy(root / "cache-warm" / name, root / "cache-cold" / name)
    build(root, "warm", root / "cache-warm")
    build(root, "cold", root / "cache-cold")
    assert tree(root / "warm") == tree(root / "cold"), step


def test_a_build_that_remembers_the_catalogue_equals_a_cold_build(tmp_path):
    files = {**SAMPLE_FILES, **OTHERS, "site.yaml": ""}
    write_files(tmp_path, files)
    assert_warm_equals_cold(tmp_path, "first build")
    steps = {
        "a sentence added to one of the story": {TWO: files[TWO] + "\nThe army said more.\n"},
        "the story broken by another headline": {TWO: "Storm floods the coast\n\n" + files[TWO]},
        "the headline given back": {TWO: files[TWO]},
        "one article of the story copied": {"articles/copy.txt": files[ONE]},
        "another article on the same subject": {
            "articles/003.txt": files[ONE].replace("Culiacán", "Culiacan city", 1)
        },
    }
    for step, changed in steps.items():
        write_files(tmp_path, changed)
        assert_warm_equals_cold(tmp_path, step)
    (tmp_path / ONE).unlink()
    assert_warm_equals_cold(tmp_path, "one of the story deleted")


def test_damaged_cues_and_verdicts_are_worked_out_again(tmp_path):
    files = {**SAMPLE_FILES, **OTHERS, "site.yaml": ""}
    write_files(tmp_path, files)
    assert_warm_equals_cold(tmp_path, "first build")
    store = cache.folder_for(tmp_path / "cache-warm", tmp_path / "warm") / "store.sqlite"
    with sqlite3.connect(store) as db:
        db.execute("UPDATE cues SET cues = x'93a1786162'")  # a three-item array: not cues
        db.execute("UPDATE meta SET value = x'00' WHERE name IN ('verdicts', 'related')")
    write_files(tmp_path, {TWO: files[TWO] + "\nThe army said more.\n"})
    assert_warm_equals_cold(tmp_path, "after the store's cues and verdicts were damaged")


JUDGED_TWICE = """
import sys
from pathlib import Path
from newsarchive.models import Article
from newsarchive.neighbour_table import Neighbour
from newsarchive.story_cache import StoryCache
from newsarchive.stories_reports import Reports

saved = Path(sys.argv[1])
last = saved.read_bytes() if saved.exists() else b""
cache = StoryCache({}, last)
titles = ("Harbour reopens after storm", "Storm closes harbour", "Bank raises rates")
cache.cues([Article(f"{n}.txt", "text", t, "text", word_count=40) for n, t in enumerate(titles)],
           [None, None, None])
judged = []
context = (
    frozenset(f"name {n}" for n in range(50)),
    Reports(frozenset(frozenset({f"w{n}", f"v{n}", "x"}) for n in range(20)), frozenset()),
)
rows = [[Neighbour(1, 0.5)], [Neighbour(0, 0.5), Neighbour(2, 0.25)], []]
cache.links(rows, lambda doc, other: judged.append(doc) or True, context)
saved.write_bytes(cache.verdicts)
print(len(judged))
"""


def test_verdicts_are_recalled_whatever_order_a_process_keeps_sets_in(tmp_path):
    # the corpus-wide sets a verdict is judged in (names, regular reports) iterate in another
    # order in each process (hash seeds): their digest must not, or nothing is ever recalled
    script, saved = tmp_path / "judge.py", tmp_path / "verdicts"
    script.write_text(JUDGED_TWICE, encoding="utf-8")
    counts = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        done = subprocess.run(
            [sys.executable, str(script), str(saved)], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        counts.append(int(done.stdout))
    assert counts == [3, 0]  # all judged in the first process, all recalled in the second


def test_cues_worked_out_are_saved_a_batch_at_a_time_and_taken_back(monkeypatch):
    from newsarchive import story_cache
    from newsarchive.models import Article

    monkeypatch.setattr(story_cache, "SAVED_AT_ONCE", 2)
    titles = ("Storm closes harbour", "Harbour reopens", "Bank raises rates", "Rates fall", "Mine")
    articles = [Article(f"{n}.txt", "text", t, "text", word_count=40) for n, t in enumerate(titles)]
    batches: list[dict[bytes, bytes]] = []
    first = story_cache.StoryCache({}, b"", batches.append)
    made = first.cues(articles, [None] * len(articles))
    assert [len(batch) for batch in batches] == [2, 2, 1]
    assert first.new_cues == {}  # all saved: none left for the end of the build
    kept = {key: value for batch in batches for key, value in batch.items()}
    second = story_cache.StoryCache(kept, b"", batches.append)
    assert list(second.cues(articles, [None] * len(articles))) == list(made)
    assert len(batches) == 3  # every one taken from what was saved, none worked out again
    assert second.corpus.context() == first.corpus.context()


def test_kept_cues_read_when_judged_link_as_cues_held_do():
    from newsarchive import story_cache
    from newsarchive.models import Article
    from newsarchive.neighbour_table import Neighbour
    from newsarchive.stories import story_links

    lead = "The port authority said the harbour would reopen after the storm on Monday."
    titles = ("Storm closes harbour", "Harbour to reopen after storm", "Storm closes harbour")
    articles = [
        Article(f"{n}.txt", "text", t, "text", word_count=60, summary=lead)
        for n, t in enumerate(titles)
    ]  # the last an exact copy of the first
    days = [7000.0, 7001.0, 7000.0]
    saved: list[dict[bytes, bytes]] = []
    first = story_cache.StoryCache({}, b"", saved.append)
    held = first.cues(articles, days)
    second = story_cache.StoryCache({k: v for b in saved for k, v in b.items()}, b"")
    kept = second.cues(articles, days)
    rows = [[Neighbour(1, 0.9), Neighbour(2, 0.95)], [Neighbour(0, 0.9)], [Neighbour(0, 0.95)]]
    expected = story_links(rows, list(held))
    assert story_links(rows, kept, corpus=second.corpus) == expected
    assert story_links(rows, kept, second.links, second.corpus) == expected
    assert [kept[doc] for doc in range(3)] == list(held) and kept[0:2] == list(held)[0:2]


def test_memos_reading_filled_are_emptied_and_loaded_data_kept():
    from newsarchive import entity_names, given_names
    from newsarchive.memory import forget_memos

    entity_names.name_parts("Ovidio Guzmán López")
    names = given_names.first_names()
    assert entity_names.name_parts.cache_info().currsize > 0
    forget_memos()
    assert entity_names.name_parts.cache_info().currsize == 0
    assert given_names.first_names() is names  # an unbounded cache holds data, not memos


def test_corpus_counts_taken_again_equal_counting_every_cue(monkeypatch):
    # an edit counted every kept cue in, one by one (0.5 s on Reuters); the counts are kept,
    # and only the cues of articles new, changed or gone are read to bring them up to date
    from newsarchive import story_cache
    from newsarchive.models import Article
    from newsarchive.story_corpus import Corpus

    lead = "The port authority said the harbour would reopen after the storm on Monday."
    titles = ["Storm closes harbour", "Harbour to reopen", "Bank raises rates", "Rates fall"]

    def articles_of(titles: list[str]) -> list[Article]:
        return [
            Article(f"{n}.txt", "text", t, "text", word_count=60, summary=lead,
                    entities=(("place", "Dover"), ("organisation", t.split()[0])))
            for n, t in enumerate(titles)
        ]  # fmt: skip

    def counted_anew(cues) -> Corpus:
        corpus = Corpus()
        for cue in cues:
            corpus.add(cue)
        return corpus

    saved: list[dict[bytes, bytes]] = []
    first = story_cache.StoryCache({}, b"", saved.append)
    first.cues(articles_of(titles), [7000.0] * len(titles))
    kept = {key: value for batch in saved for key, value in batch.items()}
    reads = []
    decoded = story_cache._decoded
    monkeypatch.setattr(story_cache, "_decoded", lambda *a: reads.append(1) or decoded(*a))
    changes = [
        [*titles[:3], "Rates fall again"],  # one edited
        [*titles, "Storm closes harbour"],  # an exact copy added
        titles[1:],  # one gone
    ]
    for changed in changes:
        reads.clear()
        again = story_cache.StoryCache(dict(kept), b"", None, first.counted)
        cues = again.cues(articles_of(changed), [7000.0] * len(changed))
        assert len(reads) <= 2, changed  # the cues gone and new are read, not all four
        assert again.corpus == counted_anew(cues), changed
        assert again.corpus.context() == counted_anew(cues).context()
    damaged = first.counted[:-3] + b"xyz"
    again = story_cache.StoryCache(dict(kept), b"", None, damaged)
    cues = again.cues(articles_of(changes[0]), [7000.0] * 4)
    assert again.corpus == counted_anew(cues)


def test_regular_reports_are_worked_out_again_only_when_a_dated_headline_comes_or_goes(
    monkeypatch,
):
    from newsarchive import story_cache, story_corpus
    from newsarchive.models import Article
    from newsarchive.stories_reports import reports_of

    lead = "The Federal Reserve said it added reserves to the banking system today."
    titles = ["Fed adds reserves via repurchases"] * 3 + ["Bank of England offers help"]

    def articles_of(entity: str, last: str) -> list[Article]:
        return [
            Article(f"{n}.txt", "text", t, "text", word_count=60, summary=lead,
                    entities=(("organisation", entity),))
            for n, t in enumerate([*titles[:3], last])
        ]  # fmt: skip

    days = [7000.0, 7001.0, 7002.0, 7002.0]
    saved: list[dict[bytes, bytes]] = []
    first = story_cache.StoryCache({}, b"", saved.append)
    first.cues(articles_of("Federal Reserve", titles[3]), days)
    kept = {key: value for batch in saved for key, value in batch.items()}
    worked: list[int] = []
    monkeypatch.setattr(
        story_corpus, "reports_of", lambda dated: worked.append(1) or reports_of(dated)
    )
    # another name, the same dated headlines: the last build's reports
    again = story_cache.StoryCache(dict(kept), b"", None, first.counted)
    cues = again.cues(articles_of("Fed", titles[3]), days)
    assert again.corpus.context()[1] == reports_of({(c.subject, c.day) for c in cues})
    assert worked == []
    # a headline changed: worked out again, as a cold build does
    again = story_cache.StoryCache(dict(kept), b"", None, first.counted)
    cues = again.cues(articles_of("Fed", "Fed adds reserves via repurchases"), days)
    assert again.corpus.context()[1] == reports_of({(c.subject, c.day) for c in cues})
    assert again.corpus.context()[1].daily  # given on three days now
    assert worked == [1]
