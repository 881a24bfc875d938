"""Benchmark newsarchive against Hugo, Hugo + Pagefind and Pelican on the same real news archive.

    python benchmarks/compare.py --scales 1 5 --runs 1          # Reuters-21578, x1 and x5
    python benchmarks/compare.py --corpus synthetic --sizes 2000  # the synthetic corpus

The main corpus is Reuters-21578 (benchmarks/reuters.py): 21,578 real wire stories, and x5 with
varied copies (~108,000). The synthetic corpus (benchmarks/corpus.py) stays for features the
real one lacks (front matter, tags, captions); label its figures as synthetic.

For each corpus, interleaved in each run: newsarchive with its defaults (Pagefind search on) and
with `--no-pagefind`, each cold (no output, no cache), no-op, one edit and a template change
(every page rendered again; Hugo's is a cold build); Hugo cold; Hugo +
Pagefind cold (the stack a Hugo user runs for search: `hugo` then `pagefind --site public`, timed
as one command); Pelican cold. Each records wall time, CPU time, peak memory (PSS of the whole
process tree) and files written; the table gives ratios to Hugo cold and to Hugo + Pagefind cold.
Work happens under --work (default /tmp/newsarchive-bench); nothing is written into the
repository.

Each command runs twice in a row, from the same starting state: once only timed, once with its
memory sampled (PSS read every 20 ms, which walks each process's page tables under its memory
lock and so slows what it measures). Times come from the first run, peak memory from the second,
for every tool alike. newsarchive's no-op and one-edit builds are timed SHORT_RUNS times per run,
and the median kept.
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import count
from pathlib import Path

import reuters

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
    # The home page paginates site.RegularPages directly. The idiom `.Paginate (where
    # .Site.RegularPages "Type" "ne" "x")` gives the same pages but Hugo evaluates the `where`
    # again for every pager page: O(pages^2), 58-70 s instead of 8-12 s at 22,000 articles.
    "index.html": (
        '{{ define "main" }}{{ $p := .Paginate site.RegularPages }}'
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
    total = 0
    for current in tree_pids(pid):
        try:
            total += _pss(current)
        except (OSError, ValueError):
            continue
    return total


def tree_pids(pid: int) -> list[int]:
    """Return a process and all its descendants (those still running)."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(c) for c in children.read().split())
        except (OSError, ValueError):
            continue
    return found


def _pss(pid: int) -> int:
    """Return the proportional set size of one process in bytes."""
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    return 0


def prepare_synthetic(size: int, work: Path) -> Path:
    """Write the synthetic corpus in all three input formats under work/SIZE; return it."""
    folder = work / str(size)
    if not (folder / "ready").exists():
        shutil.rmtree(folder, ignore_errors=True)
        items = stories(size)
        write_newsarchive(items, folder / "na" / "articles")
        write_markdown(items, folder / "hugo" / "content", "hugo")
        write_markdown(items, folder / "pelican" / "content", "pelican")
        (folder / "ready").write_text("", encoding="utf-8")
    return configured(folder)


def configured(folder: Path) -> Path:
    """Give a corpus folder the peers' layouts and configuration; return it."""
    for name, text in HUGO_LAYOUTS.items():
        path = folder / "hugo" / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "hugo" / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (folder / "pelican" / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")
    for variant in ("na", "na-no-pagefind"):
        (folder / variant).mkdir(exist_ok=True)
        (folder / variant / "site.yaml").write_text("", encoding="utf-8")
    return folder


def newsarchive(folder: Path, variant: str, extra: list[str]) -> list[str]:
    """Return the newsarchive build command for a corpus folder, run from folder/variant."""
    return [
        sys.executable,
        str(ROOT / "build.py"),
        "--articles",
        str(folder / "na" / "articles"),
        "--output",
        "dist",
        "--config",
        str(folder / variant / "site.yaml"),
        *extra,
    ]


HUGO = ["hugo", "--quiet", "--destination", "public"]
HUGO_PAGEFIND = [
    "sh",
    "-c",
    f"hugo --quiet --destination public && {sys.executable} -m pagefind --site public --quiet",
]
SHORT = ("no-op", "one edit")
SHORT_RUNS = 5
"""Builds of a few seconds are timed this many times in each run (a new edit each time), and
their median kept: one sample of a 3 s build moves by 10-20 % on this shared machine."""


NEWSARCHIVE_STATE = ("dist", ".dist.cache", ".dist.staging", ".dist.previous", ".newsarchive")
"""newsarchive's output and every place a version of it kept its cache."""
KEPT = {".newsarchive": "permalinks.json"}
"""What a cold build keeps in a cache folder: the record of published addresses is an input
users commit with their articles, not a cache."""


TRASH = ".bench-trash"
"""Where `clear` moves old output: deleting ~280,000 files of a x5 build took over 20 minutes
on the loaded machine, so it is moved aside at once and deleted when the corpus is done."""


def clear(folder: Path, *names: str) -> None:
    """Move a tool's output (and cache) folders out of the way, for a cold build."""
    trash = folder.parent / TRASH
    trash.mkdir(exist_ok=True)
    for name in names:
        kept = KEPT.get(name)
        for entry in [folder / name] if kept is None else _entries(folder / name, kept):
            if entry.exists() or entry.is_symlink():
                entry.rename(trash / f"{len(list(trash.iterdir()))}-{entry.name}")


def _entries(folder: Path, kept: str) -> list[Path]:
    """Return a folder's entries but the one a cold build keeps."""
    return sorted(e for e in folder.iterdir() if e.name != kept) if folder.is_dir() else []


def edit_one(folder: Path, run: int) -> None:
    """Edit one article's text, as a newsroom correction would."""
    topics = sorted(p for p in (folder / "na" / "articles").iterdir() if p.is_dir())
    first = sorted(topics[0].glob("*.txt"))[0]
    text = first.read_text(encoding="utf-8")
    first.write_text(
        text.rstrip("\n") + f"\n\nCorrection {run}: an earlier version misspelled a name.\n",
        encoding="utf-8",
    )


def change_template(cwd: Path, changes: Iterator[int]) -> None:
    """Change the layout every page shares, as a designer's tweak would: a comment in
    base.html of the variant's own copy of the templates (made from the project's, and found
    by the build as ./templates, on the first change)."""
    templates = cwd / "templates"
    if not templates.is_dir():
        shutil.copytree(ROOT / "templates", templates)
    with (templates / "base.html").open("a", encoding="utf-8") as layout:
        layout.write(f"<!-- layout change {next(changes)} -->\n")


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
    if not timed:  # --once: time and memory from the one sampled run
        return sampled
    wall, cpu = statistics.median(t.wall for t in timed), statistics.median(t.cpu for t in timed)
    return Sample(wall, cpu, sampled.rss_mb, timed[-1].files)


def run_corpus(
    folder: Path, runs: int, pelican: bool, pagefind: bool, short_runs: int = SHORT_RUNS
) -> dict[str, list[Sample]]:
    """Measure every command `runs` times, interleaved; return samples by label."""
    hugo, pelican_folder = folder / "hugo", folder / "pelican"
    samples: dict[str, list[Sample]] = {}
    edits = count()  # a new correction before each one-edit build, timed or sampled
    changes = count()  # a new layout before each template-change build
    variants = {"newsarchive": ("na", [])} if pagefind else {}
    variants["newsarchive --no-pagefind"] = ("na-no-pagefind", ["--no-pagefind"])
    for run in range(runs):
        measured: dict[str, tuple[list[str], Path, str, Callable[[], object]]] = {}
        for name, (variant, extra) in variants.items():
            command, cwd = newsarchive(folder, variant, extra), folder / variant
            measured[f"{name} cold"] = (command, cwd, "dist", _cleared(cwd, *NEWSARCHIVE_STATE))
            measured[f"{name} no-op"] = (command, cwd, "dist", lambda: None)
            measured[f"{name} one edit"] = (
                command,
                cwd,
                "dist",
                lambda: edit_one(folder, next(edits)),
            )
            measured[f"{name} template change"] = (
                command,
                cwd,
                "dist",
                partial(change_template, cwd, changes),
            )
        measured["hugo cold"] = (HUGO, hugo, "public", _cleared(hugo, "public", "resources"))
        if pagefind:
            measured["hugo + pagefind cold"] = (
                HUGO_PAGEFIND,
                hugo,
                "public",
                _cleared(hugo, "public", "resources"),
            )
        if pelican:
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
            measured["pelican cold"] = (
                pelican_cmd,
                pelican_folder,
                "output",
                _cleared(pelican_folder, "output"),
            )
        for label, (argv, cwd, output, ready) in measured.items():
            times = short_runs if label.endswith(SHORT) else min(1, short_runs)
            sample = timed_then_sampled(argv, cwd, cwd / output, ready, times)
            samples.setdefault(label, []).append(sample)
            print(f"  {label}: {sample.wall:.2f} s", file=sys.stderr, flush=True)
        print(f"  run {run + 1}/{runs} done", file=sys.stderr, flush=True)
    return samples


def _cleared(folder: Path, *names: str) -> Callable[[], None]:
    """Return a step that clears a tool's output and cache for a cold build."""
    return lambda: clear(folder, *names)


def table(title: str, samples: dict[str, list[Sample]]) -> str:
    """Return a Markdown table of medians and ratios to Hugo cold and Hugo + Pagefind cold."""
    hugo = statistics.median(s.wall for s in samples["hugo cold"])
    with_search = samples.get("hugo + pagefind cold")
    hugo_pagefind = statistics.median(s.wall for s in with_search) if with_search else None
    lines = [
        f"### {title}",
        "",
        "| build | wall s | CPU s | peak MB | files | / Hugo cold | / Hugo + Pagefind cold |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, items in samples.items():
        wall = statistics.median(s.wall for s in items)
        cpu = statistics.median(s.cpu for s in items)
        rss = max(s.rss_mb for s in items)
        files = items[-1].files
        searched = f"{wall / hugo_pagefind:.3f}" if hugo_pagefind else "-"
        lines.append(
            f"| {label} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {files:,} | {wall / hugo:.3f} "
            f"| {searched} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("reuters", "synthetic"), default="reuters")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 5], help="Reuters copies")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000], help="synthetic sizes")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--short-runs",
        type=int,
        default=SHORT_RUNS,
        help="times each no-op and one-edit build is timed in a run (the median is kept); "
        "0 runs every build once, timed and memory-sampled in the same run (for x5, where "
        "running each cold build twice does not fit a session)",
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsarchive-bench"))
    parser.add_argument(
        "--skip-pelican-over",
        type=int,
        default=25_000,
        dest="pelican_max",
        help="leave Pelican out above this many articles",
    )
    parser.add_argument(
        "--no-pagefind",
        action="store_true",
        help="measure only the builds without a search index (newsarchive --no-pagefind, Hugo)",
    )
    options = parser.parse_args()
    if shutil.which("hugo") is None:
        raise SystemExit("hugo is not installed (apt-get install -y hugo)")
    options.work.mkdir(parents=True, exist_ok=True)
    # The byte-code an install leaves (pip compiles on install, an editable install on
    # first import): with PYTHONDONTWRITEBYTECODE set, every build would compile newsarchive's
    # modules again. Pelican is compiled by pip.
    compileall.compile_dir(ROOT / "src", quiet=1)
    corpora = (
        [
            (f"Reuters-21578 x{n}", configured(reuters.prepare(options.work, n)))
            for n in options.scales
        ]
        if options.corpus == "reuters"
        else [(f"synthetic, {n:,}", prepare_synthetic(n, options.work)) for n in options.sizes]
    )
    for title, folder in corpora:
        articles = sum(1 for _ in (folder / "na" / "articles").rglob("*.*"))
        pelican = articles <= options.pelican_max
        samples = run_corpus(
            folder, options.runs, pelican, not options.no_pagefind, options.short_runs
        )
        print(table(f"{title}: {articles:,} articles", samples), flush=True)
        shutil.rmtree(folder / TRASH, ignore_errors=True)  # where `clear` moved it
    return 0


if __name__ == "__main__":
    sys.exit(main())
