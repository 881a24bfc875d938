"""Tests for the writer's staging: a first build's tree renamed into place, a rebuild's files
staged flat and moved into the output's folders, and a commit an earlier version began."""

from __future__ import annotations

import json
from pathlib import Path

from newsarchive.models import Output
from newsarchive.writer import COMMIT, Writer, staged_name


def files(folder: Path) -> dict[str, bytes]:
    """Return every file under a folder by its relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_rebuild_stages_its_files_flat_and_commits_them_into_their_folders(tmp_path):
    output, staging = tmp_path / "dist", tmp_path / "cache" / "staging"
    first = Writer(output, staging)
    first.start()
    assert not first.flat  # a first build stages the output's tree and renames it
    first.write(Output("articles/a/index.html", b"old a"))
    first.write(Output("index.html", b"home"))
    first.commit()
    again = Writer(output, staging)
    again.start()
    assert again.flat
    again.write(Output("articles/a/index.html", b"new a"))
    again.write(Output("articles/b/index.html", b"new b"))
    again.write(Output("index.html", b"home"))  # the same bytes: not staged
    assert sorted(p.name for p in staging.iterdir() if not p.name.startswith(".")) == sorted(
        staged_name(path) for path in ("articles/a/index.html", "articles/b/index.html")
    )
    assert not any(p.is_dir() for p in staging.iterdir())  # no folder made for a page
    assert again.current("articles/b/index.html").read_bytes() == b"new b"
    assert set(again.stamps()) >= {"articles/a/index.html", "articles/b/index.html", "index.html"}
    again.commit()
    assert {k: v for k, v in files(output).items() if not k.startswith(".")} == {
        "articles/a/index.html": b"new a",
        "articles/b/index.html": b"new b",
        "index.html": b"home",
    }
    assert not staging.exists()


def test_a_commit_an_earlier_version_staged_as_a_tree_is_finished(tmp_path):
    output, staging = tmp_path / "dist", tmp_path / "cache" / "staging"
    first = Writer(output, staging)
    first.start()
    first.write(Output("articles/a/index.html", b"old a"))
    first.commit()
    # what an earlier version left when killed in its commit: its tree and its list
    (staging / "articles" / "b").mkdir(parents=True)
    (staging / "articles" / "b" / "index.html").write_bytes(b"new b")
    listed = ["articles/a/index.html", "articles/b/index.html"]
    (staging / COMMIT).write_text(json.dumps(listed), encoding="utf-8")
    Writer(output, staging).start()  # finishes that commit first
    assert files(output)["articles/b/index.html"] == b"new b"
    assert files(output)["articles/a/index.html"] == b"old a"
