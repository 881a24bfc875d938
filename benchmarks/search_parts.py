"""Time a build and its Pagefind step, or count what a first query downloads.

    python benchmarks/search_parts.py build ARTICLES DIST [--append FILE]   (cache: DIST.cache)
    python benchmarks/search_parts.py query DIST QUERY...

`build` runs one default build (Pagefind on) in this process and prints its time, the time
spent in the Pagefind step and how many parts Pagefind ran over; `--append FILE` first appends
a sentence to one article (an edit). `query` serves DIST on localhost and, in Chromium, counts
the bytes of index files (pagefind/, search-index/) each engine fetches for a first query.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsarchive import builder, config, search_pagefind  # noqa: E402


def timed_build(articles: Path, dist: Path) -> None:
    """Build once; print the whole time, the Pagefind step's and the parts it indexed."""
    spent = [0.0]
    indexes: list[search_pagefind.Index] = []
    original = search_pagefind.Index.outputs

    def outputs(self: search_pagefind.Index, *args: Any) -> Iterator[Any]:
        items = original(self, *args)
        indexes.append(self)
        while True:
            start = time.perf_counter()
            item = next(items, None)
            spent[0] += time.perf_counter() - start
            if item is None:
                return
            yield item

    search_pagefind.Index.outputs = outputs  # type: ignore[method-assign]
    cache = dist.with_name(dist.name + ".cache")
    paths = builder.Paths(articles, dist, ROOT / "templates", ROOT / "static", cache)
    start = time.perf_counter()
    report = builder.build(config.SiteConfig(), paths)
    total = time.perf_counter() - start
    parts = indexes[0].indexed if indexes else 0
    print(
        f"build {total:.1f} s; Pagefind step {spent[0]:.1f} s, {parts} part(s) indexed; "
        f"{report.files} files, {report.changed} changed"
    )


class Quiet(http.server.SimpleHTTPRequestHandler):
    """Serve files without a log line per request."""

    def log_message(self, *args: Any) -> None:
        """Say nothing."""


def query_bytes(dist: Path, queries: list[str]) -> None:
    """Print the index bytes each engine fetches for each query with a cold cache."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(Quiet, directory=str(dist))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/search/index.html?q="
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for query in queries:
            for engine in ("pagefind", "fallback"):
                context = browser.new_context()
                page = context.new_page()
                if engine == "fallback":
                    page.route("**/pagefind/**", lambda route: route.abort())
                sizes: dict[str, int] = {}

                def finished(request: Any, sizes: dict[str, int] = sizes) -> None:
                    if "/pagefind/" in request.url or "/search-index/" in request.url:
                        response = request.response()
                        if response is not None:
                            sizes[request.url] = len(response.body())

                page.on("requestfinished", finished)
                page.goto(root + query)
                page.wait_for_function(
                    "/match/.test(document.querySelector('.search-status').textContent)",
                    timeout=120_000,
                )
                page.wait_for_timeout(500)
                status = page.inner_text(".search-status")
                largest = max(sizes.values(), default=0) // 1024
                total = sum(sizes.values()) // 1024
                print(f"{engine:8} {query!r:26} {total:5} kB in {len(sizes):3} files ", end="")
                print(f"(largest {largest} kB): {status}", flush=True)
                context.close()
        browser.close()
    server.shutdown()


def main(argv: list[str]) -> None:
    """Run the command the arguments name."""
    if argv[:1] == ["build"] and len(argv) >= 3:
        if argv[3:4] == ["--append"]:
            with open(argv[4], "a", encoding="utf-8") as file:
                file.write(f"\nA correction was added at {time.time_ns()}.\n")
        timed_build(Path(argv[1]), Path(argv[2]))
    elif argv[:1] == ["query"] and len(argv) >= 3:
        query_bytes(Path(argv[1]), argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
