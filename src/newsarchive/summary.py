"""The summary printed at the end of a build: counts, problems grouped by kind, time taken."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TextIO

from .builder import Paths, Report
from .errors import Problem, printable
from .loader.discover import BACKUP_SUFFIXES

HEADINGS = (("skipped", "Skipped"), ("warning", "Warnings"), ("ignored", "Ignored"))
COLOURS = {"Skipped": "33", "Warnings": "33", "Ignored": "2", "Near-duplicates": "36"}


def summarise(
    report: Report, paths: Paths, out: TextIO, verbosity: int = 1, colour: bool = False
) -> None:
    """Print what the build did; verbosity 0 prints only problems, 2 also every ignored file."""
    skipped = sum(1 for p in report.problems if p.kind == "skipped")
    if verbosity:
        print(
            printable(
                f"Read {report.articles} article(s) from {paths.articles}/; "
                f"{skipped} file(s) skipped."
            ),
            file=out,
        )
    for kind, heading in HEADINGS:
        problems = [p for p in report.problems if p.kind == kind]
        if problems:
            print(_paint(f"{heading}:", COLOURS[heading], colour), file=out)
            for line in grouped(problems):
                print(printable(line), file=out)
    if report.notes:
        print(_paint("Near-duplicates:", COLOURS["Near-duplicates"], colour), file=out)
        for note in report.notes:
            print(f"  {printable(note)}", file=out)
    if not verbosity:
        return
    if report.ignored:
        kinds = Counter(ignored_kind(name) for name in report.ignored)
        detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        print(f"Ignored {len(report.ignored)} non-article file(s): {detail}.", file=out)
        if verbosity > 1:
            for name in report.ignored:
                print(f"  {printable(name)}", file=out)
    print(printable(_closing(report, paths)), file=out)


def grouped(problems: list[Problem]) -> list[str]:
    """Return summary lines: one per problem, or one heading per repeated problem with its files."""
    groups: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    for problem in sorted(problems, key=lambda p: (p.path, p.line or 0)):
        groups[(problem.message, problem.hint)].append(problem)
    lines = []
    for (message, hint), members in sorted(groups.items(), key=lambda g: g[1][0].path):
        if len(members) == 1:
            lines.append(f"  {members[0]}")
            continue
        lines.append(f"  {message}{'; ' + hint if hint else ''} ({len(members)} files):")
        lines.extend(f"    {p.path}:{p.line}" if p.line else f"    {p.path}" for p in members)
    return lines


def _closing(report: Report, paths: Paths) -> str:
    """Return the last line: what was written, and how long it took."""
    if report.cached:
        return (
            f"Nothing changed since the last build: {paths.output}/ is up to date with "
            f"{report.pages} page(s), {report.files} file(s) (0 changed), checked in "
            f"{report.seconds:.2f} s."
        )
    return (
        f"Wrote {report.pages} page(s), {report.files} file(s) in all ({report.changed} "
        f"changed) to {paths.output}/ in {report.seconds:.2f} s."
    )


def ignored_kind(name: str) -> str:
    """Name the kind of an ignored file for the summary."""
    base = name.rstrip("/").rsplit("/", 1)[-1]
    if name.endswith("/"):
        return "hidden folder(s)"
    if base.startswith("."):
        return "hidden file(s)"
    if base.endswith(BACKUP_SUFFIXES) or base.startswith("#"):
        return "backup file(s)"
    return "other file(s)"


def _paint(text: str, code: str, colour: bool) -> str:
    """Wrap text in an ANSI colour when writing to a terminal."""
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text
