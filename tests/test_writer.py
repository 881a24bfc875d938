"""Tests for the writer's staging: a first build's tree renamed into place, a rebuild's files
staged flat and moved into the output's folders, and a commit an earlier version began."""

from __future__ import annotations

import json
import time
from pathlib import Path

from newsarchive.models import Output
from newsarchive.output_stats import folder_stamps
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


def test_a_commits_folder_mtimes_are_those_a_full_look_gives(tmp_path):
    # a rebuild that found the folders as the last one left them looks again only at those
    # its commit changed; what it saves must be what looking at every folder gives
    output, staging = tmp_path / "dist", tmp_path / "cache" / "staging"
    first = Writer(output, staging)
    first.start()
    for path in ("index.html", "a/1/index.html", "a/2/index.html", "b/index.html", "c/x.html"):
        first.write(Output(path, path.encode()))
    tree = first.commit()
    known = first.folder_stamps(tree, {})
    assert set(known) == {"", "a/", "a/1/", "a/2/", "b/", "c/"}
    time.sleep(0.01)  # mtimes of folders the commit changes move on
    again = Writer(output, staging)
    again.start(tree, known)
    assert again.looked
    again.write(Output("index.html", b"index.html"))  # kept: the same bytes
    again.write(Output("a/1/index.html", b"new"))  # moved in over the old
    again.write(Output("a/2/index.html", b"a/2/index.html"))
    again.write(Output("d/e/index.html", b"new folders"))  # c/ and its file gone
    tree = again.commit(again.present)
    every = {"", "a/", "a/1/", "a/2/", "b/", "d/", "d/e/"}
    assert again.folder_stamps(tree, known) == folder_stamps(output, every)
    assert again.folder_stamps(tree, known)["a/1/"] != known["a/1/"]
    # a start that walked the output (folders not as saved) looks at every folder
    third = Writer(output, staging)
    third.start(tree, {**known, "b/": 0})
    assert not third.looked
    third.write(Output("b/index.html", b"b/index.html"))
    tree = third.commit(third.present)
    assert third.folder_stamps(tree, {}) == folder_stamps(output, {"", "b/"})


def test_a_file_written_in_pieces_is_staged_only_when_its_bytes_change(tmp_path):
    output, staging = tmp_path / "dist", tmp_path / "cache" / "staging"
    first = Writer(output, staging)
    first.start()
    first.write_pieces("data/list.json", iter([b"[1,", b"2]\n"]))
    first.commit()
    assert (output / "data/list.json").read_bytes() == b"[1,2]\n"
    again = Writer(output, staging)
    again.start()
    again.write_pieces("data/list.json", iter([b"[1", b",2]\n"]))  # the same bytes
    assert again.changed == 0
    assert again.current("data/list.json") == output / "data/list.json"  # kept, not staged
    again.write_pieces("more.json", iter([b"[3]\n"]))
    assert again.changed == 1
    again.commit()
    assert (output / "data/list.json").read_bytes() == b"[1,2]\n"
    assert (output / "more.json").read_bytes() == b"[3]\n"
    last = Writer(output, staging)
    last.start()
    last.write_pieces("data/list.json", iter([b"[1,2,", b"3]\n"]))
    last.write_pieces("more.json", iter([b"[3]\n"]))
    assert last.changed == 1
    last.commit()
    assert (output / "data/list.json").read_bytes() == b"[1,2,3]\n"
