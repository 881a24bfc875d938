"""The build cache never changes output: every kind of edit shows up, damage is ignored."""

from __future__ import annotations

import shutil

from newsarchive import cache

from conftest import ROOT
from test_site import SAMPLE_FILES

SOURCE = "002_el-chapo-son-captured.txt"


def theme(tmp_path):
    """Copy the project's templates and static folders into tmp_path; return the options."""
    for name in ("templates", "static"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return ("--templates", str(tmp_path / "templates"), "--static", str(tmp_path / "static"))


def test_unchanged_inputs_skip_the_build(build_site_from):
    first = build_site_from(SAMPLE_FILES)
    second = build_site_from({})
    assert "Nothing changed since the last build" in second.out
    assert second.page("index.html") == first.page("index.html")


def test_article_edit_shows_up_after_a_cached_build(build_site_from, tmp_path):
    build_site_from(SAMPLE_FILES)
    path = tmp_path / "articles" / SOURCE
    path.write_text(
        path.read_text(encoding="utf-8").replace("Culiacan ablaze", "Culiacan burns"),
        encoding="utf-8",
    )
    again = build_site_from({})
    assert "Culiacan burns" in again.page("index.html")
    assert "Wrote" in again.out


def test_template_edit_shows_up_after_a_cached_build(build_site_from, tmp_path):
    options = theme(tmp_path)
    build_site_from(SAMPLE_FILES, *options)
    base = tmp_path / "templates" / "base.html"
    base.write_text(
        base.read_text(encoding="utf-8").replace("Skip to content", "Jump to story"),
        encoding="utf-8",
    )
    assert "Jump to story" in build_site_from({}, *options).page("index.html")


def test_config_edit_shows_up_after_a_cached_build(build_site_from):
    build_site_from({**SAMPLE_FILES, "site.yaml": "title: First Title\n"})
    again = build_site_from({"site.yaml": "title: Second Title\n"})
    assert "<title>Second Title</title>" in again.page("index.html")


def test_static_edit_shows_up_after_a_cached_build(build_site_from, tmp_path):
    options = theme(tmp_path)
    build_site_from(SAMPLE_FILES, *options)
    (tmp_path / "static" / "style.css").write_text("body { color: red }", encoding="utf-8")
    assert build_site_from({}, *options).page("static/style.css") == "body { color: red }"


def test_a_deleted_output_file_is_rebuilt(build_site_from):
    first = build_site_from(SAMPLE_FILES)
    (first.dist / "404.html").unlink()
    again = build_site_from({})
    assert "Page not found" in again.page("404.html")


def test_corrupt_cache_is_ignored_and_rewritten(build_site_from, tmp_path):
    first = build_site_from(SAMPLE_FILES)
    store = cache.folder_for(first.dist)
    for name in ("state.json", "articles.pickle"):
        data = (store / name).read_bytes()
        (store / name).write_bytes(data[:40] + b"garbage" + data[47:])
    again = build_site_from({})
    assert "Wrote" in again.out
    assert again.page("index.html") == first.page("index.html")
    assert cache.load_state(store) is not None


def test_cache_from_other_code_is_not_trusted(tmp_path):
    store = tmp_path / "cache"
    cache.save_parsed(store, "old-code", {("a.txt", "abc"): (None, [])})
    assert cache.load_parsed(store, "new-code") == {}
    assert cache.load_parsed(store, "old-code") == {("a.txt", "abc"): (None, [])}


def test_cached_and_cold_builds_are_identical(build_site_from, tmp_path):
    build_site_from(SAMPLE_FILES, output="warm")
    path = tmp_path / "articles" / SOURCE
    path.write_text(
        path.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8"
    )
    warm = build_site_from({}, output="warm")
    cold = build_site_from({}, output="cold")
    files = sorted(p.relative_to(cold.dist) for p in cold.dist.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(warm.dist) for p in warm.dist.rglob("*") if p.is_file())
    for name in files:
        assert (warm.dist / name).read_bytes() == (cold.dist / name).read_bytes(), name
