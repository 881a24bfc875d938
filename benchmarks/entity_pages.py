"""Dump the entity pages a whole corpus publishes, and compare two dumps: what a rule changed.

    python benchmarks/entity_pages.py dump OUT.json [--articles DIR]
    python benchmarks/entity_pages.py diff BEFORE.json AFTER.json
    python benchmarks/entity_pages.py sample DUMP.json OUT.md --kind place --seed 2058 --pages 40
                                         [--stories 2-10] [--shown N] [--articles DIR]

`dump` reads every article of DIR (default: the Reuters articles where entity_labels.py reads
them, made by ../shared/corpora/reuters_raw.py) with the newsarchive on the path
(run it with PYTHONPATH=<worktree>/src to dump another commit's), gathers their entity
candidates with the default settings and writes each published page (kind/key: name and
articles) and each article's candidates. It does not leave out exact duplicates as a build
does, so a page may list one more article than the site's. `diff` prints the pages gone, new
and changed (name, articles lost and gained), then how many articles' candidates changed:
every changed page is then read before a rule is kept (docs/entities.md). `sample` writes
what a blind judge reads (`benchmarks/judged/`): random published pages of one kind (of a
number of stories in a range), and for each of up to `--shown` stories spread over its list
(default: all) the headline, the opening with the dateline, and up to three sentences naming
the page's first name word (a person's surname), cut around it when long.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from newsarchive import entity_catalog
from newsarchive.loader import read_article
from newsarchive.models import SourceFile

ARTICLES = Path("/work/data/reuters/articles")  # as entity_labels.py's REUTERS


def dump(articles: Path, out: Path) -> None:
    """Write the published pages and every article's candidates of a corpus."""
    docs, sources = [], []
    for number, path in enumerate(sorted(articles.rglob("*.txt"))):
        rel = path.relative_to(articles).as_posix()
        article, _ = read_article(SourceFile(str(path), rel, tuple(rel.split("/")[:-1])))
        sources.append(rel)
        if article is not None:
            docs.append((number, article.entities))
    found = entity_catalog.gather(docs)
    pages = {
        f"{e.kind}/{e.key}": [e.name, [sources[i] for i in e.articles]] for e in found.published
    }
    candidates = {sources[number]: entities for number, entities in docs}
    out.write_text(json.dumps({"pages": pages, "candidates": candidates}), encoding="utf-8")
    print(f"{len(pages):,} pages from {len(docs):,} articles written to {out}")


def diff(before: Path, after: Path) -> None:
    """Print the pages two dumps differ in, and how many articles' candidates changed."""
    old, new = (json.loads(path.read_text(encoding="utf-8")) for path in (before, after))
    was, now = old["pages"], new["pages"]
    for page in sorted(set(was) | set(now)):
        if page not in now:
            print(f"GONE {page}: {was[page][0]} ({len(was[page][1])}) {was[page][1][:3]}")
        elif page not in was:
            print(f"NEW  {page}: {now[page][0]} ({len(now[page][1])}) {now[page][1][:3]}")
        elif was[page] != now[page]:
            lost = sorted(set(was[page][1]) - set(now[page][1]))
            gained = sorted(set(now[page][1]) - set(was[page][1]))
            print(f"CHG  {page}: {was[page][0]} -> {now[page][0]} -{lost[:4]} +{gained[:4]}")
    moved = [s for s, c in old["candidates"].items() if new["candidates"].get(s) != c]
    print(f"articles whose candidates changed: {len(moved):,}")


def sample(dump_file: Path, out: Path, options: argparse.Namespace) -> None:
    """Write a judge's sample of a dump's pages (`options`: kind, seed, pages, stories, shown,
    articles)."""
    pages = json.loads(dump_file.read_text(encoding="utf-8"))["pages"]
    low, _, high = options.stories.partition("-")
    wanted = [
        (name, listed)
        for page, (name, listed) in sorted(pages.items())
        if page.startswith(f"{options.kind}/") and int(low) <= len(listed) <= int(high or low)
    ]
    drawn = random.Random(options.seed).sample(wanted, min(options.pages, len(wanted)))
    lines = []
    for number, (name, listed) in enumerate(drawn, 1):
        lines.append(f'## Page {number}: "{name}" ({len(listed)} stories)\n')
        step = max(1, len(listed) // (options.shown or len(listed)))
        words = [w for w in re.split(r"[ ,]+", name) if len(w) > 2] or [name]
        first = words[-1] if options.kind == "person" else words[0]  # a surname is written alone
        for shown, source in enumerate(listed[::step][: options.shown or None], 1):
            text = (options.articles / source).read_text(encoding="utf-8", errors="replace")
            headline, _, body = text.partition("\n")
            flat = " ".join(body.split())
            sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", flat)
            naming = [s for s in sentences if re.search(re.escape(first), s, re.IGNORECASE)]
            lines.append(f"{number}.{shown} HEADLINE: {headline.strip()}\n")
            lines.append(f"   OPENING: {flat[:160]}\n")
            lines.extend(f"   MENTION: {_around(s, first)}\n" for s in naming[:3])
        lines.append("\n")
    out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(drawn)} of {len(wanted):,} {options.kind} pages written to {out}")


def _around(sentence: str, word: str, width: int = 300) -> str:
    """Return a sentence, or the `width` characters of it around the word when it is longer (a
    digest's items run on without a full stop)."""
    if len(sentence) <= width:
        return sentence
    at = sentence.lower().find(word.lower())
    start = max(0, min(at - width // 2, len(sentence) - width))
    return ("..." if start else "") + sentence[start : start + width] + "..."


def main(argv: list[str]) -> int:
    """Run `dump`, `diff` or `sample`."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--articles", type=Path, default=ARTICLES)
    diffing = commands.add_parser("diff")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    sampling = commands.add_parser("sample")
    sampling.add_argument("dump", type=Path)
    sampling.add_argument("out", type=Path)
    sampling.add_argument("--kind", choices=("person", "place", "organisation"), required=True)
    sampling.add_argument("--seed", type=int, required=True)
    sampling.add_argument("--pages", type=int, default=100)
    sampling.add_argument("--stories", default="2-100000", help="a page's stories: LOW-HIGH")
    sampling.add_argument("--shown", type=int, default=0, help="stories shown a page (0: all)")
    sampling.add_argument("--articles", type=Path, default=ARTICLES)
    options = parser.parse_args(argv)
    if options.command == "dump":
        dump(options.articles, options.out)
    elif options.command == "diff":
        diff(options.before, options.after)
    else:
        sample(options.dump, options.out, options)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
