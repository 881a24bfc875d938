"""Benchmark newsarchive against Hugo and Pelican on the same synthetic archive.

    python benchmarks/compare.py --sizes 2000 20000 --runs 3 [--skip-pelican-over 20000]

For each size it writes the corpus once (benchmarks/corpus.py) as newsarchive raw text and as
Hugo and Pelican Markdown with front matter, with comparable features: home page, article pages,
section pages, tag pages, feeds, pagination of 20. Then, interleaved in each run: newsarchive cold
(no output, no cache), no-op rebuild, one-article-edit rebuild; Hugo cold and no-op; Pelican cold.
It records wall time (median over runs), CPU time, peak memory (PSS, whole process tree) and
files written, and prints a Markdown table with ratios to Hugo. Work happens under --work (default
/tmp/newsarchive-bench); nothing is written into the repository.

Each command runs twice in a row, from the same starting state: once only timed, once with its
memory sampled (PSS read every 20 ms, which walks each process's page tables under its memory
lock and so slows what it measures: ~0.25-0.5 s of a 3 s build). Times come from the first
run, peak memory from the second, for every tool alike. newsarchive's no-op and one-edit builds
(a few seconds each) are timed SHORT_RUNS times per run, and the median kept.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from pathlib import Path

from corpus import stories, write_markdown, write_newsarchive

ROOT = Path(__file__).resolve().parent.parent
HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
        '{{ range .AlternativeOutputFormats }}<link rel="{{ .Rel }}" href="{{ .Permalink }}">'
        "{{ end }}</head><body><nav>{{ range .Site.Sections }}"
        '<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>'
        '{{ block "main" . }}{{ end }}</body></html>'
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2 January 2006" }}'
        "</time>{{ .Content }}<ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul>"
        "</article>{{ end }}"
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ $p := .Paginate .Pages }}'
        '{{ range $p.Pages }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>'
        '<p>{{ .Summary }}</p>{{ end }}{{ template "_internal/pagination.html" . }}{{ end }}'
    ),
    "_default/terms.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}'
        '<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>'
        "{{ end }}</ul>{{ end }}"
    ),
    "index.html": (
        '{{ define "main" }}{{ $p := .Paginate (where .Site.RegularPages "Type" "ne" "x") }}'
        '{{ range $p.Pages }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>'
        '<p>{{ .Summary }}</p>{{ end }}{{ template "_internal/pagination.html" . }}{{ end }}'
    ),
}
HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Bench"
paginate = 20
disableKinds = []
[taxonomies]
tag = "tags"
[outputs]
home = ["HTML", "RSS"]
section = ["HTML", "RSS"]
"""
PELICAN_CONFIG = """SITENAME = "Bench"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 20
RELATIVE_URLS = True
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
TAG_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
USE_FOLDER_AS_CATEGORY = True
"""


@dataclass
class Sample:
    """One measured command."""

    wall: float
    cpu: float
    rss_mb: float
    files: int


def measure(command: list[str], cwd: Path, output: Path, sample: bool = True) -> Sample:
    """Run a command, sampling the memory of its whole process tree unless `sample` is off
    (then its peak is 0); return what it cost."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    peak = 0
    while sample and process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.02)
    process.wait()
    wall = time.perf_counter() - started
    _, errors = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{errors[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    files = sum(len(names) for _, _, names in os.walk(output))
    return Sample(wall, cpu, peak / 1024 / 1024, files)


def tree_rss(pid: int) -> int:
    """Return the memory in bytes of a process and all its descendants.

    Uses PSS (proportional set size): forked workers share their parent's pages copy-on-write,
    and summing plain RSS would count those shared pages once per process.
    """
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            total += _pss(current)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(c) for c in children.read().split())
        except (OSError, ValueError):
            continue
    return total


def _pss(pid: int) -> int:
    """Return the proportional set size of one process in bytes."""
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    return 0


def prepare(size: int, work: Path) -> Path:
    """Write the corpus in all three input formats under work/SIZE; return that folder."""
    folder = work / str(size)
    if (folder / "ready").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    items = stories(size)
    write_newsarchive(items, folder / "na" / "articles")
    write_markdown(items, folder / "hugo" / "content", "hugo")
    for name, text in HUGO_LAYOUTS.items():
        path = folder / "hugo" / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "hugo" / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    write_markdown(items, folder / "pelican" / "content", "pelican")
    (folder / "pelican" / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")
    (folder / "ready").write_text("", encoding="utf-8")
    return folder


def newsarchive(folder: Path, extra: list[str]) -> list[str]:
    """Return the newsarchive build command for a corpus folder."""
    return [
        sys.executable,
        str(ROOT / "build.py"),
        "--articles",
        "articles",
        "--output",
        "dist",
        "--config",
        str(folder / "na" / "site.yaml"),
        *extra,
    ]


HUGO = ["hugo", "--quiet", "--destination", "public"]
SHORT = ("newsarchive no-op", "newsarchive one edit")
SHORT_RUNS = 5
"""Builds of a few seconds are timed this many times in each run (a new edit each time), and
their median kept: one sample of a 3 s build moves by 10-20 % on this shared machine."""


def clear(folder: Path, *names: str) -> None:
    """Remove a tool's output (and cache) folders, for a cold build."""
    for name in names:
        shutil.rmtree(folder / name, ignore_errors=True)


def edit_one(folder: Path, run: int) -> None:
    """Edit one article's text, as a newsroom correction would."""
    first = sorted((folder / "na" / "articles" / "politics").glob("*.txt"))[0]
    text = first.read_text(encoding="utf-8")
    first.write_text(
        text.rstrip("\n") + f"\n\nCorrection {run}: an earlier version misspelled a name.\n",
        encoding="utf-8",
    )


def timed_then_sampled(
    command: list[str],
    cwd: Path,
    output: Path,
    ready: Callable[[], object] = lambda: None,
    times: int = 1,
) -> Sample:
    """Return a command's time (the median of `times` unsampled runs) and files, and its peak
    memory from one sampled run; `ready` puts the starting state back before each run (no
    output, a new edit)."""
    timed = []
    for _ in range(times):
        ready()
        timed.append(measure(command, cwd, output, sample=False))
    ready()
    sampled = measure(command, cwd, output)
    wall, cpu = statistics.median(t.wall for t in timed), statistics.median(t.cpu for t in timed)
    return Sample(wall, cpu, sampled.rss_mb, timed[-1].files)


def run_size(
    size: int, runs: int, work: Path, pelican_max: int, extra: list[str]
) -> dict[str, list[Sample]]:
    """Measure every command `runs` times, interleaved; return samples by label."""
    folder = prepare(size, work)
    na, hugo, pelican = folder / "na", folder / "hugo", folder / "pelican"
    (na / "site.yaml").write_text("", encoding="utf-8")
    samples: dict[str, list[Sample]] = {}
    edits = count()  # a new correction before each one-edit build, timed or sampled
    for run in range(runs):
        record = samples.setdefault
        command = newsarchive(folder, extra)
        measured = {
            "newsarchive cold": (command, na, "dist", lambda: clear(na, "dist", ".newsarchive")),
            "newsarchive no-op": (command, na, "dist", lambda: None),
            "newsarchive one edit": (command, na, "dist", lambda: edit_one(folder, next(edits))),
            "hugo cold": (HUGO, hugo, "public", lambda: clear(hugo, "public", "resources")),
            "hugo no-op": (HUGO, hugo, "public", lambda: None),
        }
        if size <= pelican_max:
            pelican_cmd = [
                sys.executable,
                "-m",
                "pelican",
                "content",
                "-s",
                "pelicanconf.py",
                "-o",
                "output",
                "-q",
            ]
            clean = lambda: clear(pelican, "output")  # noqa: E731
            measured["pelican cold"] = (pelican_cmd, pelican, "output", clean)
        for label, (argv, cwd, output, ready) in measured.items():
            times = SHORT_RUNS if label in SHORT else 1
            record(label, []).append(timed_then_sampled(argv, cwd, cwd / output, ready, times))
        print(f"  size {size}: run {run + 1}/{runs} done", file=sys.stderr, flush=True)
    return samples


def table(size: int, samples: dict[str, list[Sample]]) -> str:
    """Return a Markdown table of medians and ratios to Hugo cold."""
    hugo = statistics.median(s.wall for s in samples["hugo cold"])
    lines = [
        f"### {size:,} articles",
        "",
        "| build | wall s (median) | CPU s | peak memory MB | files | wall / Hugo cold |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, items in samples.items():
        wall = statistics.median(s.wall for s in items)
        cpu = statistics.median(s.cpu for s in items)
        rss = max(s.rss_mb for s in items)
        files = items[-1].files
        lines.append(
            f"| {label} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {files:,} | {wall / hugo:.3f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsarchive-bench"))
    parser.add_argument("--skip-pelican-over", type=int, default=20000, dest="pelican_max")
    parser.add_argument(
        "--no-pagefind",
        action="store_true",
        help="build newsarchive without its Pagefind index (Hugo and Pelican "
        "build no search index either)",
    )
    options = parser.parse_args()
    for tool in ("hugo",):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed (apt-get install -y {tool})")
    options.work.mkdir(parents=True, exist_ok=True)
    # The byte-code an install leaves (pip compiles on install, an editable install on
    # first import): with PYTHONDONTWRITEBYTECODE set, as on this machine, every build
    # compiled newsarchive's modules again (~0.08 s a build). Pelican is compiled by pip.
    compileall.compile_dir(ROOT / "src", quiet=1)
    for size in options.sizes:
        extra = ["--no-pagefind"] if options.no_pagefind else []
        samples = run_size(size, options.runs, options.work, options.pelican_max, extra)
        print(table(size, samples), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
