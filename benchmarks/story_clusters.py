"""Re-run only the same-story cluster stage over a whole corpus, in seconds, to tune its rules.

    python benchmarks/story_clusters.py dump ARTICLES STATE.pkl [--cache-dir DIR]
    python benchmarks/story_clusters.py stats STATE.pkl [--save IDS.pkl]
    python benchmarks/story_clusters.py sample STATE.pkl --seed 2028 [--size 30] [--out FILE]
    python benchmarks/story_clusters.py splits STATE.pkl BASE_IDS.pkl [--seed 7] [--show 20]

`dump` reads the corpus as a build does (the build store under --cache-dir keeps the parsed
articles for the next run), then stops the build where the catalogue starts, and pickles what
the cluster stage reads: each article's headline, date, entities, word and table counts,
fingerprint and lead, and its related neighbours. The other commands cluster that dump with
the checked-out `stories` and `similarity` code: `stats` prints the cluster sizes (and saves
the cluster ids), `sample` prints random multi-article clusters with the start of each raw
story (the file judges read: see benchmarks/judged/), and `splits` lists the clusters of a
saved run that the current rules split, to read whether each split is right.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsarchive import builder, catalog, cli, clusters, similarity, stories
from newsarchive.neighbour_table import Neighbour
from newsarchive.words import Words, gather

RAW = Path("/work/data/reuters/articles")  # the raw files, as the judges read them


class _Dumped(Exception):
    """Raised once the catalogue's inputs are saved, to stop the build there."""


def dump(articles: str, state: Path, cache_dir: str) -> None:
    """Read the corpus through a build and pickle the cluster stage's inputs to `state`."""

    def save(config: Any, read: Any, words: Any = None, book: Any = None) -> Any:
        local = [catalog.localise(a, config.timezone) for a in read]
        ordered = sorted(local, key=catalog.home_order)
        words = words or Words.of((a.source, a.terms, "") for a in local)
        counts = gather(words.related, words.rows([a.source for a in ordered]))
        width = max(config.related_count, catalog.NEIGHBOURS)
        rows = similarity.related_from_counts(counts.start, counts.ids, counts.values, width)
        kept = [
            (a.source, a.title, a.date, a.entities, a.word_count, len(a.tables), a.fingerprint,
             a.summary)
            for a in ordered
        ]  # fmt: skip
        neighbours = [[(n.doc, n.score) for n in row] for row in rows]
        state.write_bytes(pickle.dumps({"articles": kept, "neighbours": neighbours}))
        raise _Dumped

    builder.build_site = save  # type: ignore[assignment]  # the catalogue is where we stop
    output = state.with_suffix(".dist")
    argv = ["build", "--articles", articles, "--output", str(output), "--no-pagefind"]
    try:
        cli.main([*argv, "--cache-dir", cache_dir])
    except _Dumped:
        print(f"saved {state}")


def cluster(state: Path) -> tuple[list[tuple[Any, ...]], list[int]]:
    """Return the dumped articles and a cluster id per article under the current rules."""
    data = pickle.loads(state.read_bytes())
    articles = data["articles"]
    days = [None if a[2] is None else float(a[2].toordinal()) for a in articles]
    cues = [
        stories.Cues.of(a[1], a[3], a[4], a[5], a[6], day, a[7])
        for a, day in zip(articles, days, strict=True)
    ]  # (source, title, date, entities, words, tables, fingerprint, lead)
    neighbours = [tuple(Neighbour(d, s) for d, s in row) for row in data["neighbours"]]
    return articles, clusters.clusters(stories.story_links(neighbours, cues), days=days)


def groups(ids: list[int]) -> list[list[int]]:
    """Return the multi-article clusters, each as its members, in order of first member."""
    members: dict[int, list[int]] = defaultdict(list)
    for doc, story in enumerate(ids):
        members[story].append(doc)
    return sorted((m for m in members.values() if len(m) > 1), key=lambda m: m[0])


def show(articles: list[tuple[Any, ...]], members: list[int], chars: int) -> str:
    """Return a cluster's members by source, each with the start of its raw file."""
    lines = []
    for doc in sorted(members, key=lambda d: articles[d][0]):
        source, title, date = articles[doc][:3]
        raw = (RAW / source).read_text(encoding="utf-8", errors="replace")[:chars].rstrip()
        lines.append(f"\n--- {source} | {date.date() if date else 'undated'} | {title}\n{raw}\n")
    return "".join(lines)


def main(argv: list[str]) -> int:
    """Run one command (see the module docstring)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["dump", "stats", "sample", "splits"])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--cache-dir", default=".newsarchive-clusters")
    parser.add_argument("--save")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--size", type=int, default=30)
    parser.add_argument("--show", type=int, default=20)
    parser.add_argument("--chars", type=int, default=900)
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.paths[0], Path(args.paths[1]), args.cache_dir)
        return 0
    articles, ids = cluster(Path(args.paths[0]))
    multi = groups(ids)
    sizes = sorted({len(m) for m in multi})
    counts = ", ".join(f"{n}: {sum(len(m) == n for m in multi)}" for n in sizes)
    print(f"{len(multi)} multi-article clusters, largest {max(sizes)}; by size {counts}")
    if args.command == "stats" and args.save:
        Path(args.save).write_bytes(pickle.dumps(ids))
    elif args.command == "sample":
        picked = random.Random(args.seed).sample(multi, args.size)
        text = f"# {args.size} random multi-article clusters, seed {args.seed}, of {len(multi)}\n"
        for n, members in enumerate(picked, 1):
            text += f"\n=== Cluster {n}: {len(members)} articles ===\n"
            text += show(articles, members, args.chars)
        Path(args.out).write_text(text) if args.out else print(text)
    elif args.command == "splits":
        base = pickle.loads(Path(args.paths[1]).read_bytes())
        split = [m for m in groups(base) if len({ids[d] for d in m}) > 1]
        print(f"{len(split)} clusters of the saved run split")
        for members in random.Random(args.seed).sample(split, min(args.show, len(split))):
            print("==")
            for doc in sorted(members, key=lambda d: (ids[d], articles[d][0])):
                source, title, _, _, _, _, _, lead = articles[doc]
                print(f"  [{ids[doc]}] {source} {title[:75]}\n        {lead[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
