"""What the terminal says: plain counts, each thing once, duplicates counted (listed with -v
and in a report file), an empty archive, --help, "did you mean", and `new`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsarchive.scaffold import new_article

from conftest import SAMPLES, run_cli

STORY = (SAMPLES / "002_el-chapo-son-captured.txt").read_text(encoding="utf-8")
NEAR = STORY.replace("on Thursday", "on Thursday morning").replace(
    "no passengers were hurt", "nobody on board was hurt"
)
WITH_COPIES = {
    "articles/a.txt": STORY,
    "articles/b.txt": NEAR,
    "articles/c.txt": STORY,
    "articles/d.txt": "Harbour reopens\n\nBoats returned to the harbour on Monday.\n",
}


def test_counts_are_plain_numbers(build_site_from) -> None:  # type: ignore[no-untyped-def]
    built = build_site_from({"articles/a.txt": "Headline\n\nBody.\n", "articles/e.txt": ""})
    assert "Read 1 article from " in built.out and "; 1 file skipped.\n" in built.out
    assert "(s)" not in built.out
    assert built.out.splitlines()[-1].startswith("Wrote ")


def test_duplicates_are_counted_once_not_listed(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    built = build_site_from(WITH_COPIES)
    report = tmp_path / ".newsarchive" / "report.txt"
    assert (
        f"Duplicates: 1 exact duplicate and 1 near-duplicate (listed with -v and in {report}).\n"
        in built.out
    )
    assert "c.txt: exact duplicate of a.txt" not in built.out
    listed = report.read_text(encoding="utf-8")
    assert "c.txt: exact duplicate of a.txt\n" in listed
    assert "b.txt: near-duplicate of a.txt (" in listed


def test_verbose_lists_the_duplicates(build_site_from) -> None:  # type: ignore[no-untyped-def]
    built = build_site_from(WITH_COPIES, "-v")
    assert "Duplicates: 1 exact duplicate and 1 near-duplicate:\n  b.txt: near-duplicate" in (
        built.out
    )
    assert "  c.txt: exact duplicate of a.txt\n" in built.out


def test_quiet_and_unchanged_builds_do_not_repeat_the_list(build_site_from) -> None:  # type: ignore[no-untyped-def]
    assert build_site_from(WITH_COPIES, "-q").out == ""
    again = build_site_from({})
    assert "Nothing changed since the last build" in again.out
    assert again.out.count("Duplicates:") == 1 and "near-duplicate of" not in again.out


def test_an_archive_with_no_articles_fails_with_a_hint(build_site_from) -> None:  # type: ignore[no-untyped-def]
    built = build_site_from({"articles/notes.docx": "x", "articles/empty.txt": ""})
    assert built.code == 1
    assert "error: no articles to publish in " in built.err
    assert "add .txt, .md or .markdown files there" in built.err


def test_help_lists_the_build_options() -> None:
    code, out, _ = run_cli("--help")
    assert code == 0
    for option in ("--articles DIR", "--output DIR", "--base-url URL", "--strict", "--quiet"):
        assert option in out


def test_a_mistyped_option_gets_a_suggestion() -> None:
    code, _, err = run_cli("--ouput", "site")
    assert code == 2
    assert "unrecognized arguments: --ouput site; did you mean --output?" in err


def test_new_writes_nothing_the_build_complains_of_but_its_placeholder(
    build_site_from, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    articles = tmp_path / "articles"
    assert new_article(articles, "Flood waters recede", "local", dt.date(2024, 3, 9)) == 0
    path = articles / "local" / "2024-03-09-flood-waters-recede.md"
    assert "author" not in path.read_text(encoding="utf-8")
    built = build_site_from({})
    assert "Warnings:\n  local/2024-03-09-flood-waters-recede.md:6: still has the placeholder" in (
        built.out
    )
    assert built.out.count("recede.md:") == 1  # that warning only: no empty author
    path.write_text(path.read_text(encoding="utf-8").replace("Write the", "We wrote the"), "utf-8")
    assert "Warnings:" not in build_site_from({}).out


def test_a_long_list_of_one_problem_names_ten_files_and_says_where_the_rest_are(
    build_site_from, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    briefs = {
        f"articles/brief{n:02}.txt": f"Brief number {n}\n\nBlah blah blah.\n" for n in range(12)
    }
    built = build_site_from({**briefs, "articles/a.txt": STORY})
    report = tmp_path / ".newsarchive" / "report.txt"
    assert "shown as a brief, headline only (12 files):\n" in built.out
    assert "    brief09.txt\n" in built.out and "brief10.txt" not in built.out
    assert f"    ... and 2 more (listed with -v and in {report})\n" in built.out
    assert "brief11.txt" in report.read_text(encoding="utf-8")
    verbose = build_site_from({"articles/a.txt": STORY + "\nOne more line.\n"}, "-v")
    assert "    brief11.txt\n" in verbose.out and "more (listed" not in verbose.out
