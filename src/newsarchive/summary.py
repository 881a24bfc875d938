"""The summary printed at the end of a build: counts, problems grouped by kind, time taken."""

from __future__ import annotations

from collections import Counter, defaultdict
from contextlib import suppress
from pathlib import Path
from typing import TextIO

from .builder import Paths, Report
from .errors import Problem, printable
from .loader.discover import BACKUP_SUFFIXES

HEADINGS = (
    ("skipped", "Skipped"),
    ("warning", "Warnings"),
    ("ignored", "Ignored"),
    ("brief", "Briefs"),
)
COLOURS = {"Skipped": "33", "Warnings": "33", "Ignored": "2", "Briefs": "2", "Duplicates": "36"}
_FAULTS = frozenset({"skipped", "warning", "ignored"})  # what --strict fails on: not a brief
EXACT = ": exact duplicate of "  # how the catalogue's note of an exact copy reads
LISTED = 10  # files named under one repeated problem; -v (and the report file) name them all


def summarise(
    report: Report, paths: Paths, out: TextIO, verbosity: int = 1, colour: bool = False
) -> None:
    """Print what the build did, each thing once: verbosity 0 prints only problems, 2 also
    every ignored file and every duplicate."""
    skipped = sum(1 for p in report.problems if p.kind == "skipped")
    if verbosity:
        print(
            printable(
                f"Read {count(report.articles, 'article')} from {paths.articles}/; "
                f"{count(skipped, 'file')} skipped."
            ),
            file=out,
        )
    for kind, heading in HEADINGS:
        if not verbosity and kind not in _FAULTS:  # -q: problems only; a brief is none
            continue
        problems = [p for p in report.problems if p.kind == kind]
        if problems:
            print(_paint(f"{heading}:", COLOURS[heading], colour), file=out)
            for line in grouped(problems, verbosity > 1, report_path(paths)):
                print(printable(line), file=out)
    if not verbosity:
        return
    if report.notes:
        line = duplicates_line(report.notes, verbosity, report_path(paths))
        print(_paint(printable(line), COLOURS["Duplicates"], colour), file=out)
        if verbosity > 1:
            for note in report.notes:
                print(f"  {printable(note)}", file=out)
    if report.ignored:
        kinds = Counter(ignored_kind(name) for name in report.ignored)
        detail = ", ".join(count(n, kind) for kind, n in sorted(kinds.items()))
        print(f"Ignored {count(len(report.ignored), 'non-article file')}: {detail}.", file=out)
        if verbosity > 1:
            for name in report.ignored:
                print(f"  {printable(name)}", file=out)
    print(printable(_closing(report, paths)), file=out)


def faults(report: Report) -> list[Problem]:
    """Return the problems `--strict` fails a build on: all but the briefs (a headline-only
    item is a page as the wire filed it, named in the summary but no fault of the file)."""
    return [p for p in report.problems if p.kind in _FAULTS]


def count(number: int, noun: str) -> str:
    """Return a plain count: "1 article", "2,225 articles"."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def report_path(paths: Paths) -> Path:
    """Return where the full report of a build is written: in the project's folder."""
    return paths.cache / "report.txt"


def duplicates_line(notes: tuple[str, ...], verbosity: int, report: Path) -> str:
    """Return the one line that counts exact and near duplicates."""
    exact = sum(1 for note in notes if EXACT in note)
    parts = [count(exact, "exact duplicate")] if exact else []
    if len(notes) > exact:
        parts.append(count(len(notes) - exact, "near-duplicate"))
    where = ":" if verbosity > 1 else f" (listed with -v and in {report})."
    return f"Duplicates: {' and '.join(parts)}{where}"


def write_report(report: Report, path: Path) -> None:
    """Write the full list of duplicates and problems to a file beside the build cache (never
    into the output); a report that cannot be written is left out."""
    lines = [f"{p}\n" for p in sorted(report.problems, key=lambda p: (p.path, p.line or 0))]
    lines += [f"{note}\n" for note in report.notes]
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(lines), encoding="utf-8")


def grouped(problems: list[Problem], every: bool = True, report: Path | None = None) -> list[str]:
    """Return summary lines: one per problem, or one heading per repeated problem with its
    files; unless `every`, a long group names its first LISTED files and says where the rest are
    (1,806 placeholder briefs in Reuters-21578 made every build print 1,806 lines)."""
    groups: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    for problem in sorted(problems, key=lambda p: (p.path, p.line or 0)):
        groups[(problem.message, problem.hint)].append(problem)
    lines = []
    for (message, hint), members in sorted(groups.items(), key=lambda g: g[1][0].path):
        if len(members) == 1:
            lines.append(f"  {members[0]}")
            continue
        lines.append(f"  {message}{'; ' + hint if hint else ''} ({len(members):,} files):")
        shown = members if every or len(members) <= LISTED else members[:LISTED]
        lines.extend(f"    {p.path}:{p.line}" if p.line else f"    {p.path}" for p in shown)
        if len(shown) < len(members):
            where = f" and in {report}" if report else ""
            lines.append(f"    ... and {len(members) - len(shown):,} more (listed with -v{where})")
    return lines


def _closing(report: Report, paths: Paths) -> str:
    """Return the last line: what was written, and how long it took."""
    pages, files = count(report.pages, "page"), count(report.files, "file")
    if report.cached:
        return (
            f"Nothing changed since the last build: {paths.output}/ is up to date with "
            f"{pages}, {files} (0 changed), checked in {report.seconds:.2f} s."
        )
    return (
        f"Wrote {pages}, {files} in all ({report.changed:,} changed) to {paths.output}/ in "
        f"{report.seconds:.2f} s."
    )


def ignored_kind(name: str) -> str:
    """Name the kind of an ignored file for the summary."""
    base = name.rstrip("/").rsplit("/", 1)[-1]
    if name.endswith("/"):
        return "hidden folder"
    if base.startswith("."):
        return "hidden file"
    if base.endswith(BACKUP_SUFFIXES) or base.startswith("#"):
        return "backup file"
    return "other file"


def _paint(text: str, code: str, colour: bool) -> str:
    """Wrap text in an ANSI colour when writing to a terminal."""
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def nothing_to_publish(articles: Path) -> str:
    """Say that a build found no article to publish, and what to do."""
    return (
        f"no articles to publish in {articles}/; add .txt, .md or .markdown files there "
        "(or pass --articles DIR), or mend the skipped files listed above"
    )
