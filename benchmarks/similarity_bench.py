"""Time the similarity pipeline on N synthetic 400-word articles and print seconds and peak RSS.

Run: ``python benchmarks/similarity_bench.py [N]`` (N defaults to 20000). Articles are generated
deterministically: ~45% stop-words, ~45% Zipf-distributed background words from a 40,000-word
vocabulary, ~10% words of the article's story (about three articles per story, some spelled with
accents), a number every sentence; every 50th article is a copy of an earlier one with 2% of its
words changed. terms and fingerprint run in a pool of two processes, the rest in this one.
"""

from __future__ import annotations

import random
import resource
import sys
from collections.abc import Callable
from multiprocessing import get_context
from time import perf_counter, process_time
from typing import TypeVar

from newsarchive import clusters, minhash, similarity

WORDS = 400
BACKGROUND = 40_000
STORY_WORDS = 12
DUPLICATE_EVERY = 50
STOP_TEXT = (
    "the of and to in a is that for on with as was by at from it he said his an be has are have "
    "but were not this they after who which had been their its or will would also more than"
)
STOP = STOP_TEXT.split()
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwzqx" for v in "aeiouy"]
T = TypeVar("T")
TEXTS: list[str] = []


def word(number: int) -> str:
    """Return the distinct three-syllable word for a number."""
    a, rest = divmod(number, len(SYLLABLES) ** 2)
    b, c = divmod(rest, len(SYLLABLES))
    return SYLLABLES[a % len(SYLLABLES)] + SYLLABLES[b] + SYLLABLES[c]


BACKGROUND_WORDS = [word(i) for i in range(BACKGROUND)]
CUMULATIVE = [0.0]
for rank in range(1, BACKGROUND + 1):
    CUMULATIVE.append(CUMULATIVE[-1] + 1 / rank)
del CUMULATIVE[0]


def story_words(story: int) -> list[str]:
    """Return the names and places that belong to one story."""
    rng = random.Random(f"story-{story}")
    return [word(BACKGROUND + rng.randrange(1_500_000)) for _ in range(STORY_WORDS)]


def article_words(n: int, index: int) -> list[str]:
    """Return the words of article `index` of an n-article corpus."""
    rng = random.Random(f"article-{index}")
    if index % DUPLICATE_EVERY == DUPLICATE_EVERY - 1:
        words = article_words(n, rng.randrange(index))
        return [rng.choice(BACKGROUND_WORDS) if rng.random() < 0.02 else w for w in words]
    story = story_words(rng.randrange(max(1, n // 3)))
    if rng.random() < 0.3:
        story = [w.replace("a", "á", 1) for w in story]
    words = (
        rng.choices(STOP, k=WORDS * 45 // 100)
        + rng.choices(BACKGROUND_WORDS, cum_weights=CUMULATIVE, k=WORDS * 45 // 100)
        + rng.choices(story, k=WORDS // 10)
    )
    rng.shuffle(words)
    return words


def article(n: int, index: int) -> str:
    """Return the text of article `index`: sentences of 20 words, each ending in a number."""
    words = article_words(n, index)
    sentences = (words[i : i + 20] for i in range(0, len(words), 20))
    return " ".join(f"{' '.join(s).capitalize()} {len(s) * 7}." for s in sentences)


def analyse(index: int) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Return the terms and fingerprint of TEXTS[index] (what a pool worker does per article)."""
    return similarity.terms(TEXTS[index]), minhash.fingerprint(TEXTS[index])


def timed(label: str, step: Callable[[], T]) -> T:
    """Run step, print its wall seconds and the CPU seconds of this process and its workers."""
    wall, cpu, workers = perf_counter(), process_time(), children_cpu()
    result = step()
    print(
        f"{label:<34}{perf_counter() - wall:6.2f} s wall {process_time() - cpu:6.2f} s CPU"
        f" (+{children_cpu() - workers:5.2f} s in workers), RSS {rss_mb():4.0f} MB"
    )
    return result


def children_cpu() -> float:
    """Return the CPU seconds used so far by finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def rss_mb() -> float:
    """Return the current resident set size of this process in MB (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def peak_mb(who: int) -> float:
    """Return the peak resident set size of this process or its largest child, in MB."""
    return resource.getrusage(who).ru_maxrss / 1024


def analyse_all() -> tuple[list[tuple[str, ...]], list[tuple[int, ...]]]:
    """Return the terms (interned here as they arrive) and fingerprint of every text, two workers.

    The workers are forked, so they find TEXTS in memory as a build's parsing workers would.
    """
    docs, signatures = [], []
    with get_context("fork").Pool(2) as pool:
        for doc, signature in pool.imap(analyse, range(len(TEXTS)), chunksize=256):
            docs.append(tuple(map(sys.intern, doc)))
            signatures.append(signature)
    return docs, signatures


def main(argv: list[str]) -> int:
    """Generate the corpus, time each similarity stage, and print the figures."""
    n = int(argv[1]) if len(argv) > 1 else 20_000
    with get_context("fork").Pool(2) as pool:
        TEXTS.extend(pool.starmap(article, [(n, i) for i in range(n)], chunksize=500))
    print(f"{n} articles of {sum(map(len, TEXTS)) / n:.0f} characters (generation untimed)")
    print(f"{'peak RSS after generation':<34}{peak_mb(resource.RUSAGE_SELF):6.0f} MB")
    start = perf_counter()
    docs, signatures = timed("terms + fingerprint (2 processes)", analyse_all)
    TEXTS.clear()  # the later stages need only terms and signatures
    print(f"{'RSS without the texts':<34}{rss_mb():6.0f} MB")
    neighbours = timed(
        "related_with_scores(k=10)", lambda: similarity.related_with_scores(docs, 10)
    )
    pairs = timed("near_duplicates", lambda: minhash.near_duplicates(signatures))
    ids = timed("clusters", lambda: clusters.clusters(neighbours))
    print(f"{'total':<34}{perf_counter() - start:6.2f} s wall")
    print(f"{'peak RSS, this process':<34}{peak_mb(resource.RUSAGE_SELF):6.0f} MB")
    print(f"{'peak RSS, largest worker':<34}{peak_mb(resource.RUSAGE_CHILDREN):6.0f} MB")
    print(f"{len(pairs)} near-duplicate pairs, {len(set(ids))} clusters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
