"""Tests for newsarchive.loader.discover: which files are articles, and what is passed over."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsarchive.loader.discover import discover, is_article_name


def make_tree(root: Path, files: list[str]) -> None:
    """Write a small file at each "/"-separated path under root."""
    for rel in files:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Headline\n\nText.\n", encoding="utf-8")


def test_nested_section_folders_give_the_folder_tuple(tmp_path: Path) -> None:
    make_tree(tmp_path, ["top.txt", "World/w.md", "World/Europe/e.markdown", "Sport/s.TXT"])
    found = discover(tmp_path)
    assert [(f.rel, f.folder) for f in found.files] == [
        ("Sport/s.TXT", ("Sport",)),
        ("World/Europe/e.markdown", ("World", "Europe")),
        ("World/w.md", ("World",)),
        ("top.txt", ()),
    ]
    assert Path(found.files[1].path) == tmp_path / "World" / "Europe" / "e.markdown"
    assert found.problems == []
    assert found.ignored == []


def test_order_is_stable_and_sorted_by_relative_path(tmp_path: Path) -> None:
    names = ["b.txt", "a/z.txt", "A.txt", "a.txt", "c/a.md", "a/b/c.txt"]
    make_tree(tmp_path, names)
    rels = [f.rel for f in discover(tmp_path).files]
    assert rels == sorted(names)
    assert rels == [f.rel for f in discover(tmp_path).files]


def test_hidden_and_underscore_folders_are_ignored(tmp_path: Path) -> None:
    make_tree(tmp_path, [".git/x.txt", "_drafts/y.txt", "World/.cache/z.txt", "World/ok.txt"])
    found = discover(tmp_path)
    assert [f.rel for f in found.files] == ["World/ok.txt"]
    assert found.ignored == [".git/", "World/.cache/", "_drafts/"]
    assert found.problems == []


def test_hidden_files_and_backups_are_listed_as_ignored_and_images_found(tmp_path: Path) -> None:
    make_tree(
        tmp_path,
        [
            "story.txt",
            ".hidden.txt",
            "story.txt~",
            ".story.txt.swp",
            "story.txt.swp",
            "story.bak",
            "#story.txt#",
            "~$story.txt",
            "photo.jpg",
            "World/chart.png",
            "notes.docx",
        ],
    )
    found = discover(tmp_path)
    assert [f.rel for f in found.files] == ["story.txt"]
    assert [f.rel for f in found.images] == ["World/chart.png", "photo.jpg"]
    assert found.ignored == [
        "#story.txt#",
        ".hidden.txt",
        ".story.txt.swp",
        "notes.docx",
        "story.bak",
        "story.txt.swp",
        "story.txt~",
        "~$story.txt",
    ]
    assert found.problems == []


def test_symlink_to_a_file_outside_the_root_is_a_problem(tmp_path: Path) -> None:
    root = tmp_path / "articles"
    make_tree(root, ["real.txt"])
    make_tree(tmp_path, ["secret.txt"])
    (root / "leak.txt").symlink_to(tmp_path / "secret.txt")
    found = discover(root)
    assert [f.rel for f in found.files] == ["real.txt"]
    assert [str(p) for p in found.problems] == [
        "leak.txt: is a symbolic link to somewhere outside the articles folder; copy the file "
        "into the articles folder if it belongs in the archive"
    ]
    assert found.problems[0].kind == "skipped"


def test_symlink_to_a_file_inside_the_root_is_read(tmp_path: Path) -> None:
    make_tree(tmp_path, ["World/real.txt"])
    (tmp_path / "alias.txt").symlink_to(tmp_path / "World" / "real.txt")
    found = discover(tmp_path)
    assert [f.rel for f in found.files] == ["World/real.txt", "alias.txt"]
    assert Path(found.files[1].path).read_text(encoding="utf-8") == "Headline\n\nText.\n"
    assert found.problems == []


def test_symlink_to_a_folder_outside_the_root_is_a_problem(tmp_path: Path) -> None:
    root = tmp_path / "articles"
    make_tree(root, ["real.txt"])
    make_tree(tmp_path, ["elsewhere/other.txt"])
    (root / "outdir").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    found = discover(root)
    assert [f.rel for f in found.files] == ["real.txt"]
    assert [str(p) for p in found.problems] == [
        "outdir/: is a symbolic link to somewhere outside the articles folder; copy the folder "
        "into the articles folder if it belongs in the archive"
    ]


def test_symlink_to_a_folder_inside_the_root_is_not_walked_twice(tmp_path: Path) -> None:
    make_tree(tmp_path, ["World/a.txt"])
    (tmp_path / "alias").symlink_to(tmp_path / "World", target_is_directory=True)
    found = discover(tmp_path)
    assert [f.rel for f in found.files] == ["World/a.txt"]
    assert [str(p) for p in found.problems] == [
        "alias: is a link to a folder inside the archive; its files are read where they really are"
    ]
    assert found.problems[0].kind == "ignored"


def test_broken_symlink_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    found = discover(tmp_path)
    assert found.files == []
    assert [str(p) for p in found.problems] == [
        "broken.txt: is not a regular file (broken link or device)"
    ]


def test_unreadable_folder_is_named_not_skipped_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path, ["world/a.txt", "locked/b.txt", "c.txt"])
    real_scandir = os.scandir

    def scandir(path: str | Path) -> object:  # root reads anything, so refuse this one by hand
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover(tmp_path)
    assert [f.rel for f in found.files] == ["c.txt", "world/a.txt"]
    assert [str(p) for p in found.problems] == [
        "locked/: is a folder that cannot be read (Permission denied); its files were skipped;"
        " give the build read permission on it"
    ]


def test_empty_root_finds_nothing(tmp_path: Path) -> None:
    found = discover(tmp_path)
    assert (found.files, found.problems, found.ignored) == ([], [], [])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", True),
        ("a.md", True),
        ("a.markdown", True),
        ("A.TXT", True),
        ("2023-01-05-story.md", True),
        ("a.txt~", False),
        ("a.md.bak", False),
        ("a.txt.orig", False),
        ("a.txt.part", False),
        (".a.txt", False),
        ("#a.txt#", False),
        ("~$a.txt", False),
        ("a.jpg", False),
        ("a.html", False),
        ("txt", False),
    ],
)
def test_is_article_name(name: str, expected: bool) -> None:
    assert is_article_name(name) is expected
