"""Measure search indexing: build time, on-disk size, and what a reader downloads for one query.

Run: ``python benchmarks/search_bench.py [N ...] [--keep DIR] [--no-browser]`` (N defaults to
2000). For each N it writes N synthetic raw-text articles (deterministic: ~350 words each, Zipf
background words from a 40,000-word vocabulary, story words shared by about three articles, people
and places with and without accents, 12 sections, dates 1995-2024), runs the whole build once and
times the two index steps inside it: the fallback index (``search.fallback_outputs``) and Pagefind
(``search_pagefind.Index.outputs``, which runs the binary and reads its bundle back). It then
reports the on-disk size of ``pagefind/`` and ``search-index/``, their largest file, and, in
Chromium, the bytes each engine fetches for one cold query (a rare name, then two common
words), counted by the server.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import itertools
import random
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsarchive import builder, config, search, search_pagefind  # noqa: E402
from newsarchive.catalog import build_site  # noqa: E402
from newsarchive.loader import discover, read_article  # noqa: E402

BACKGROUND = 40_000
SECTIONS = [
    "world",
    "world/europe",
    "world/americas",
    "politics",
    "business",
    "business/markets",
    "sport",
    "sport/football",
    "culture",
    "science",
    "health",
    "local",
]
FIRST = [
    "Ana",
    "José",
    "María",
    "Kofi",
    "Li",
    "Sarah",
    "Olaf",
    "Zoë",
    "Rafael",
    "Amina",
    "Jürgen",
    "Chloé",
    "Tomás",
    "Priya",
    "Noor",
    "Björn",
]
LAST = [
    "Pérez",
    "Mensah",
    "Wei",
    "Connor",
    "Schäfer",
    "Núñez",
    "Okafor",
    "Dubois",
    "Haddad",
    "Kowalski",
    "Ibáñez",
    "Sørensen",
    "Tanaka",
    "Gómez",
    "Novák",
    "Rossi",
]
PLACES = [
    "Culiacán",
    "Valparaíso",
    "Kraków",
    "Zürich",
    "Reykjavík",
    "Montréal",
    "São Paulo",
    "Düsseldorf",
    "Guadalajara",
    "Málaga",
    "Timbuktu",
    "Auckland",
]
STOP = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "on",
    "with",
    "as",
    "was",
    "by",
    "at",
    "from",
    "it",
    "he",
    "said",
    "his",
    "an",
    "be",
    "has",
    "are",
    "have",
    "but",
    "were",
    "not",
    "this",
    "they",
    "after",
    "who",
    "which",
    "had",
    "been",
    "their",
    "its",
    "or",
    "will",
    "would",
]
SYLLABLES = [c + v for c in "bcdfghjklmnprstvz" for v in "aeiou"]
QUERIES = ("rare name", "two common words")


def word(number: int) -> str:
    """Return the distinct three-syllable word for a number."""
    a, rest = divmod(number, len(SYLLABLES) ** 2)
    b, c = divmod(rest, len(SYLLABLES))
    return SYLLABLES[a % len(SYLLABLES)] + SYLLABLES[b] + SYLLABLES[c]


WORDS = [word(i) for i in range(BACKGROUND)]
CUMULATIVE = list(itertools.accumulate(1 / (rank + 1) for rank in range(BACKGROUND)))


def story_name(story: int) -> str:
    """Return the made-up name that belongs to one story (a rare search term)."""
    return "Zan" + word(BACKGROUND + story)


def article(n: int, index: int) -> tuple[str, str]:
    """Return (relative path, text) of synthetic article `index` of an n-article archive."""
    rng = random.Random(f"article-{index}")
    story = rng.randrange(max(1, n // 3))
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    place = rng.choice(PLACES)
    name = story_name(story)
    date = f"{1995 + index % 30}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
    headline = f"{name} {' '.join(rng.choices(WORDS[:3000], k=5))} in {place}".capitalize()
    paragraphs = [
        f"{place.upper()} (Reuters) - {person} said on Monday that {name} would "
        f"{' '.join(rng.choices(WORDS, cum_weights=CUMULATIVE, k=25))}."
    ]
    for _ in range(7):
        words = rng.choices(WORDS, cum_weights=CUMULATIVE, k=26) + rng.choices(STOP, k=18) + [name]
        rng.shuffle(words)
        paragraphs.append(" ".join(words).capitalize() + f", {person} told reporters in {place}.")
    section = SECTIONS[index % len(SECTIONS)]
    text = headline + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return f"{section}/{date}-story-{index}.txt", text


def write_articles(folder: Path, n: int) -> None:
    """Write the n synthetic articles under folder."""
    for index in range(n):
        relative, text = article(n, index)
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def timed_generator(
    times: dict[str, float], label: str, make: Callable[..., Iterator[Any]]
) -> Callable[..., Iterator[Any]]:
    """Wrap a generator function so the time spent inside it is added to times[label]."""

    @functools.wraps(make)
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        items = make(*args, **kwargs)
        while True:
            start = time.perf_counter()
            try:
                item = next(items)
            except StopIteration:
                times[label] += time.perf_counter() - start
                return
            times[label] += time.perf_counter() - start
            yield item

    return wrapper


def build(articles: Path, dist: Path) -> dict[str, float]:
    """Build the site; return the seconds of the whole build and of each index step, and the
    peak RSS (MB) of child processes before and after Pagefind ran."""
    times: dict[str, float] = defaultdict(float)
    builder.term_outputs = timed_generator(times, "fallback", builder.term_outputs)
    pagefind = timed_generator(times, "pagefind", search_pagefind.Index.outputs)

    def measured(*args: Any) -> Iterator[Any]:
        times["rss before"] = children_peak_mb()
        yield from pagefind(*args)
        times["rss after"] = children_peak_mb()

    search_pagefind.Index.outputs = measured  # type: ignore[method-assign]
    paths = builder.Paths(articles, dist, ROOT / "templates", ROOT / "static")
    start = time.perf_counter()
    report = builder.build(config.SiteConfig(), paths)
    times["build"] = time.perf_counter() - start
    print(f"  built {report.articles} articles, {report.files} files")
    return times


def children_peak_mb() -> float:
    """Return the largest resident set size of any finished child process, in MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def sizes(folder: Path) -> tuple[int, int, int, int, str]:
    """Return (bytes, bytes allocated on disk, files, largest file bytes, its name) under folder."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    largest = max(files, key=lambda p: p.stat().st_size)
    total = sum(p.stat().st_size for p in files)
    allocated = sum(p.stat().st_blocks * 512 for p in files)
    return total, allocated, len(files), largest.stat().st_size, largest.relative_to(folder).name


def queries(n: int) -> dict[str, str]:
    """Return the two benchmark queries for an n-article archive."""
    rng = random.Random(f"article-{n // 2}")
    story = rng.randrange(max(1, n // 3))
    return {"rare name": story_name(story).lower(), "two common words": f"{WORDS[3]} {WORDS[40]}"}


class Counting(http.server.SimpleHTTPRequestHandler):
    """Serve files quietly, adding the bytes of each response to `sent`."""

    sent: ClassVar[dict[str, int]] = {}

    def log_message(self, *args: Any) -> None:
        """Keep quiet."""

    def copyfile(self, source: Any, outputfile: Any) -> None:
        """Copy the file while counting its bytes."""
        data = source.read()
        Counting.sent[self.path.split("?")[0]] = len(data)
        outputfile.write(data)


def downloads(dist: Path, n: int) -> dict[tuple[str, str], tuple[int, int, float]]:
    """Return (engine, query) -> (index bytes, files, seconds) fetched for one cold query."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(Counting, directory=str(dist))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/search/index.html?q="
    found: dict[tuple[str, str], tuple[int, int, float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        for engine in ("pagefind", "fallback"):
            for label, query in queries(n).items():
                page = browser.new_page()
                if engine == "fallback":  # what file:// readers load; counted over http
                    page.route("**/pagefind/**", lambda route: route.abort())
                Counting.sent = {}
                start = time.perf_counter()
                page.goto(base + query.replace(" ", "+"))
                page.wait_for_function(
                    "/match/.test(document.querySelector('.search-status').textContent)",
                    timeout=120_000,
                )
                seconds = time.perf_counter() - start
                assert page.get_attribute("form[data-search]", "data-engine") == engine
                folder = "/pagefind/" if engine == "pagefind" else "/search-index/"
                loaded = {p: b for p, b in Counting.sent.items() if p.startswith(folder)}
                found[engine, label] = (sum(loaded.values()), len(loaded), seconds)
                print(
                    f"  {engine:<8} {label:<17} {query!r:<24} {page.text_content('.search-status')}"
                )
                page.close()
        browser.close()
    server.shutdown()
    return found


def measure(n: int, keep: Path | None, browser: bool) -> None:
    """Generate, build and measure an n-article archive; print the figures."""
    work = Path(tempfile.mkdtemp(prefix=f"search-bench-{n}-"))
    try:
        start = time.perf_counter()
        write_articles(work / "articles", n)
        print(f"{n} articles written in {time.perf_counter() - start:.1f} s (untimed)")
        times = build(work / "articles", work / "dist")
        print(
            f"  whole build {times['build']:.1f} s; fallback index {times['fallback']:.1f} s; "
            f"Pagefind {times['pagefind']:.1f} s; largest child process "
            f"{times['rss before']:.0f} MB before Pagefind, {times['rss after']:.0f} MB after"
        )
        for folder in ("pagefind", "search-index"):
            total, allocated, count, largest, name = sizes(work / "dist" / folder)
            print(
                f"  {folder + '/':<14} {total / 1e6:7.1f} MB ({allocated / 1e6:.1f} MB on disk) "
                f"in {count:6d} files; largest {largest / 1e3:.0f} kB ({name})"
            )
        if browser:
            for (engine, label), (total, count, seconds) in downloads(work / "dist", n).items():
                print(
                    f"  one query, {engine:<8} {label:<17} {total / 1e3:8.0f} kB "
                    f"in {count:3d} files, {seconds:.2f} s"
                )
        if keep:
            shutil.copytree(work / "dist", keep / f"dist-{n}", dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure_fallback(n: int) -> None:
    """Read and catalogue an n-article archive without rendering it; time the fallback index."""
    work = Path(tempfile.mkdtemp(prefix=f"search-bench-{n}-"))
    try:
        write_articles(work / "articles", n)
        start = time.perf_counter()
        found = discover(work / "articles")
        with ProcessPoolExecutor(2) as pool:
            read = [a for a, _ in pool.map(read_article, found.files, chunksize=256) if a]
        site = build_site(config.SiteConfig(), read)
        print(f"{n} articles read and catalogued in {time.perf_counter() - start:.0f} s")
        del read
        start = time.perf_counter()
        files = sorted((len(o.data), o.path) for o in search.fallback_outputs(site))
        seconds = time.perf_counter() - start
        manifest = next(size for size, path in files if path.endswith("/manifest.js"))
        print(
            f"  fallback index {seconds:.1f} s: {sum(s for s, _ in files) / 1e6:.1f} MB in "
            f"{len(files)} files; largest {files[-1][0] / 1e3:.0f} kB ({files[-1][1]}); "
            f"manifest {manifest / 1e3:.0f} kB; peak RSS {resource.getrusage(0).ru_maxrss >> 10} MB"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str]) -> int:
    """Measure each requested archive size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[2000])
    parser.add_argument("--keep", type=Path, help="copy each built site under this folder")
    parser.add_argument("--no-browser", action="store_true", help="skip the download figures")
    parser.add_argument(
        "--fallback-only", action="store_true", help="no build: time the fallback index alone"
    )
    options = parser.parse_args(argv[1:])
    for n in options.sizes:
        if options.fallback_only:
            measure_fallback(n)
        else:
            measure(n, options.keep, not options.no_browser)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
