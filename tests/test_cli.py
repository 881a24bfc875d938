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
