"""Command-line behaviour: exit codes, usage errors and the `new` command."""

from __future__ import annotations

import datetime as dt

from newsarchive.scaffold import new_article

from conftest import SAMPLES, run_cli


def test_unknown_option_is_bad_usage():
    code, _, err = run_cli("--no-such-option")
    assert code == 2
    assert "unrecognized arguments: --no-such-option" in err


def test_missing_articles_folder_is_bad_usage(tmp_path):
    code, _, err = run_cli("--articles", str(tmp_path / "nope"), "--output", str(tmp_path / "d"))
    assert code == 2
    assert f"articles folder {tmp_path / 'nope'} does not exist" in err


def test_missing_config_file_is_bad_usage(tmp_path):
    code, _, err = run_cli(
        "--articles",
        str(SAMPLES),
        "--output",
        str(tmp_path / "d"),
        "--config",
        str(tmp_path / "site.yaml"),
    )
    assert code == 2
    assert "config file" in err and "does not exist" in err


def test_bad_base_url_fails_with_the_key(tmp_path):
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    code, _, err = run_cli(
        "--articles",
        str(SAMPLES),
        "--output",
        str(tmp_path / "d"),
        "--config",
        str(tmp_path / "site.yaml"),
        "--base-url",
        "example.org",
    )
    assert code == 1
    assert "--base-url: key 'base_url' is 'example.org'" in err


def test_help_lists_every_command():
    code, out, _ = run_cli("--help")
    assert code == 0
    for command in ("build", "serve", "new"):
        assert command in out


def test_new_writes_a_dated_markdown_file_with_front_matter(tmp_path, capsys):
    code = new_article(tmp_path, "Flood waters recede", "local", dt.date(2024, 3, 9))
    assert code == 0
    path = tmp_path / "local" / "2024-03-09-flood-waters-recede.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Flood waters recede\ndate: '2024-03-09'\n")
    assert new_article(tmp_path, "Flood waters recede", "local", dt.date(2024, 3, 9)) == 1
    assert "already exists" in capsys.readouterr().err


def test_quiet_prints_only_problems(build_site_from):
    built = build_site_from({"articles/a.txt": "Headline\n\nBody.", "articles/e.txt": ""}, "-q")
    assert built.code == 0
    assert built.out == "Skipped:\n  e.txt: is empty; add text or delete the file\n"


def test_repeated_problems_are_grouped_with_their_files(build_site_from):
    built = build_site_from(
        {
            "articles/a.txt": "Headline\n\nBody.",
            "articles/e1.txt": "",
            "articles/e2.txt": "",
            "articles/e3.txt": "",
        }
    )
    assert (
        "Skipped:\n  is empty; add text or delete the file (3 files):\n"
        "    e1.txt\n    e2.txt\n    e3.txt\n"
    ) in built.out


def test_verbose_lists_every_ignored_file(build_site_from):
    built = build_site_from(
        {"articles/a.txt": "Headline\n\nBody.", "articles/.DS_Store": "x", "articles/b.txt~": "x"},
        "--verbose",
    )
    assert "Ignored 2 non-article files: 1 backup file, 1 hidden file.\n" in built.out
    assert "  .DS_Store\n  b.txt~\n" in built.out
