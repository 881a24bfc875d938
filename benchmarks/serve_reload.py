"""Time from saving an article to its open page reloading in `serve` (Chromium via Playwright).

    python benchmarks/serve_reload.py ARTICLES DIST CACHE SOURCE [--edits N] [--code DIR]

Starts `build.py serve` on ARTICLES (output DIST, cache CACHE) on a free port, opens the page of
the article at SOURCE (its path under ARTICLES, as in articles.json), then N times appends a
line to that file and prints how long the page took to reload and whether it shows the line,
whether a quick pass showed it (serve's "Showing ..." line), how long until the full rebuild
finished (its summary line), and when the page loaded (again, if the rebuild changed it). The
first edit waits for serve's background search pass, each later one for the last one's
rebuild. Last, the server process's peak memory. `--code DIR` runs another checkout's build.py
(an older version, to compare). The file is left with the appended lines.
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import IO

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """Return a TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_served(url: str) -> None:
    """Wait until the server answers."""
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.5)


class Lines:
    """The server's output lines, each with the time it was read."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[tuple[float, str]] = []
        self.changed = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            with self.changed:
                self.lines.append((time.perf_counter(), line))
                self.changed.notify_all()

    def first(self, prefix: str, after: float, timeout: float = 600.0) -> float | None:
        """Return when the first line starting with prefix was read after a time (waiting for
        it up to timeout seconds), or None."""

        def found() -> float | None:
            return next(
                (t for t, line in self.lines if t > after and line.startswith(prefix)), None
            )

        with self.changed:
            self.changed.wait_for(lambda: found() is not None, timeout)
            return found()


def peak_mb(pid: int) -> str:
    """Return a process's peak resident memory (Linux's VmHWM), or "unknown"."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    kb = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")), "")
    return f"{int(kb) / 1024:.0f} MB" if kb else "unknown"


def main() -> None:
    """Serve, edit, and print each edit's time to reload."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("articles", "dist", "cache", "source"):
        parser.add_argument(name, type=Path)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose build.py runs")
    options = parser.parse_args()
    port = free_port()
    command = [sys.executable, str(options.code / "build.py"), "serve"]
    command += ["--articles", str(options.articles), "--output", str(options.dist)]
    command += ["--cache-dir", str(options.cache), "--port", str(port)]
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1
    )
    assert server.stdout is not None
    lines = Lines(server.stdout)
    try:
        start = time.perf_counter()
        wait_until_served(f"http://127.0.0.1:{port}/index.html")
        print(f"serving after {time.perf_counter() - start:.1f} s", flush=True)
        records = json.loads((options.dist / "articles.json").read_text(encoding="utf-8"))
        url = next(r["url"] for r in records if r["source"] == options.source.as_posix())
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/{url}")
            loads: list[float] = []  # when the page loaded, each time
            page.on("load", lambda _: loads.append(time.perf_counter()))
            lines.first("Search index up to date.", start)  # serve's work after its first build
            time.sleep(3)
            for number in range(1, options.edits + 1):
                word = f"Quillibet{time.time_ns()}"
                with page.expect_navigation(timeout=600_000):
                    with open(options.articles / options.source, "a", encoding="utf-8") as file:
                        file.write(f"\nA walrus named {word} dozed on the pier.\n")
                    saved = time.perf_counter()
                page.wait_for_load_state("load")
                took = time.perf_counter() - saved
                shown = word in page.content()
                quick = lines.first("Showing ", saved, timeout=2) is not None
                rebuilt = lines.first("Read ", saved)
                full = f"{rebuilt - saved:.1f} s" if rebuilt is not None else "never"
                time.sleep(2)  # for a reload after the rebuild (polls are 0.2 s apart)
                again = ", ".join(f"{t - saved:.1f}" for t in loads if t > saved)
                print(
                    f"edit {number}: reloaded after {took:.1f} s (quick pass: {quick}); "
                    f"full rebuild done after {full}; shows the edit: {shown}; "
                    f"loads at {again} s",
                    flush=True,
                )
            browser.close()
        print(f"server's peak memory: {peak_mb(server.pid)}", flush=True)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
