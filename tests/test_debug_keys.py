"""NEWSARCHIVE_DEBUG_KEYS: a cached build checks every file its page keys say to keep.

A kept file whose bytes differ from what its inputs make now is what a key that misses an
input leaves behind. The tests make one from outside: a file in the output changed by hand to
other bytes of the same size, its modification time put back, so that the build takes it for
the last build's own file (sizes and times are what it trusts; docs/architecture.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsarchive.render import DEBUG_KEYS

from conftest import tree


def story(n: int, tag: str = "lisbon") -> str:
    """Return a small dated Markdown article numbered n."""
    return (
        f"---\ntitle: Story {n}\ndate: 2024-01-{n + 1:02d}\ntags: [{tag}]\n---\n\n"
        f"Paragraph about topic {n} in the city of Lisbon with the National Guard.\n"
    )


STORIES = {f"articles/s{n % 2}/2024-01-{n + 1:02d}-x.md": story(n) for n in range(20)}


def forge(file: Path) -> None:
    """Change a file's bytes but not its size or modification time."""
    info = file.stat()
    data = file.read_bytes()
    at = data.index(b"<title>") + len(b"<title>") if b"<title>" in data else len(data) // 2
    file.write_bytes(data[:at] + (b"X" if data[at : at + 1] != b"X" else b"Y") + data[at + 1 :])
    os.utime(file, ns=(info.st_atime_ns, info.st_mtime_ns))


def edit_one_story(tmp_path: Path) -> None:
    """Add a line to story 1 (in s1), so that the next build is not a no-op."""
    edited = tmp_path / "articles" / "s1" / "2024-01-02-x.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")


@pytest.fixture
def debugging(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn the key check on for one test."""
    monkeypatch.setenv(DEBUG_KEYS, "1")


@pytest.mark.parametrize(
    "kept",
    [
        "articles/story-4/index.html",  # an article page: keyed by its inputs
        "sections/s0/index.html",  # a page of a list whose key is unchanged
        "archive/index.html",  # a page keyed by its context
        "search-index/d0000.js",  # a search index document shard (8 newest stories)
    ],
)
def test_a_kept_file_unlike_what_its_inputs_make_fails_the_build_naming_it(
    build_site_from, tmp_path, debugging, kept
):
    first = build_site_from(STORIES)
    forge(first.dist / kept)
    edit_one_story(tmp_path)
    again = build_site_from({})
    assert again.code == 1
    assert f"error: {kept}: its key is the last build's, so the last build's file was kept" in (
        again.err
    )
    assert DEBUG_KEYS in again.err


def test_without_the_check_a_forged_file_that_looks_untouched_is_kept(build_site_from, tmp_path):
    first = build_site_from(STORIES)
    forge(first.dist / "archive" / "index.html")
    forged = (first.dist / "archive" / "index.html").read_bytes()
    edit_one_story(tmp_path)
    again = build_site_from({})
    assert again.code == 0
    assert (again.dist / "archive" / "index.html").read_bytes() == forged


def test_checked_builds_after_edits_pass_and_equal_a_cold_build(
    build_site_from, tmp_path, debugging
):
    build_site_from({**STORIES, "site.yaml": "per_page: 2\n"}, output="warm")
    edit_one_story(tmp_path)
    assert build_site_from({}, output="warm").code == 0
    retagged = tmp_path / "articles" / "s0" / "2024-01-03-x.md"
    retagged.write_text(story(2, tag="porto"), encoding="utf-8")
    warm = build_site_from({}, output="warm")
    assert warm.code == 0, warm.err
    cold = build_site_from({}, output="cold")
    assert tree(warm.dist) == tree(cold.dist)


def test_a_context_made_from_more_than_its_specs_inputs_fails_a_checked_build(
    build_site_from, tmp_path, debugging, in_this_process, monkeypatch
):
    from newsarchive import contexts

    build_site_from(STORIES)
    real = contexts.CONTEXTS["article"]

    def reaching_out(layout, inputs):  # reads a value its spec does not hold: not shown
        title, description, derived, context = real(layout, inputs)
        return title, description, derived, {**context, "elsewhere": "changed since"}

    monkeypatch.setitem(contexts.CONTEXTS, "article", reaching_out)
    edit_one_story(tmp_path)
    again = build_site_from({})
    assert again.code == 1
    assert "its spec's key is the last build's, but the key of its whole context is not" in (
        again.err
    )
