"""Hostile text: values front matter can make (surrogates, controls, noncharacters) are cleaned,
one small file can neither stop nor stall the build, and the terminal gets no raw escapes."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newsarchive import loader
from newsarchive.check import check_site

FIELDS = ("title", "author", "source", "summary", "caption", "credit", "slug")
DIRTY = "\\x01\\x1b\\x7f\\x85\\uFFFE\\uD800"  # YAML escapes: each makes one bad character


def dirty_front_matter() -> str:
    """Return an article whose every front-matter field holds every bad character."""
    lines = [f'{name}: "{name} value{DIRTY} end"' for name in FIELDS]
    lines += [f'tags: ["tag{DIRTY}", "{DIRTY}"]', f'section: "News{DIRTY}/World"']
    lines += ['date: "2023-05-01"']
    return "---\n" + "\n".join(lines) + "\n---\n\nThe body of the story.\n"


def test_bad_characters_in_front_matter_are_dropped_and_the_rest_builds(build_site_from):
    built = build_site_from(
        {
            "articles/dirty.md": dirty_front_matter(),
            "articles/2023-05-02-clean.txt": "A clean story\n\nIts text.\n",
        }
    )
    assert built.code == 0, built.err
    records = {r["source"]: r for r in json.loads(built.page("articles.json"))}
    assert sorted(records) == ["2023-05-02-clean.txt", "dirty.md"]
    dirty = records["dirty.md"]
    assert dirty["title"] == "title value end"
    assert dirty["summary"] == "summary value end"
    assert dirty["tags"] == ["tag"]
    page = built.page(dirty["url"])
    for value in ("author value end", "caption value end", "credit value end"):
        assert value in page
    feed = ET.parse(built.dist / "feed.xml").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert "title value end" in titles
    for path in built.dist.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8")  # every file is valid UTF-8 text
            assert not any(c in text for c in "\x01\x1b\x7f\x85\ufffe"), path
    assert [str(f) for f in check_site(built.dist).findings] == []


def test_escape_sequences_in_messages_reach_the_terminal_escaped(build_site_from):
    built = build_site_from(
        {
            "articles/a.md": '---\ntitle: A\n"\\e]0;PWNED\\a": 1\n---\n\nText.\n',
            "articles/\x1b[31mred\x1b[0m.txt": "Red\n\nText.\n",
        }
    )
    assert built.code == 0, built.err
    assert "\x1b" not in built.out and "\x07" not in built.out
    assert "\\x1b]0;PWNED\\x07" in built.out  # the unknown key, named as escapes


def test_an_output_named_with_escapes_is_printed_escaped(build_site_from):
    built = build_site_from({"articles/a.txt": "A\n\nText.\n"}, output="out\x1b]0;PWNED\x07")
    assert built.code == 0, built.err
    assert "\x1b" not in built.out and "out\\x1b]0;PWNED\\x07/" in built.out


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Laughs\na: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\ntags: *b\n---\n\nBody.\n",
        "---\ntitle: &t Anchored\n---\n\nBody.\n",
    ],
    ids=["alias bomb", "anchor"],
)
def test_yaml_anchors_and_aliases_are_refused_not_expanded(build_site_from, text):
    built = build_site_from({"articles/laughs.md": text})
    assert built.code == 0, built.err
    assert "laughs.md: front matter uses YAML anchors or aliases" in built.out
    assert json.loads(built.page("articles.json"))[0]["tags"] == []


# Bounded work per file: each pathological case builds, fast, and the rest of the site too.

OTHER = {"articles/2023-05-02-other.txt": "Another story\n\nIts text.\n"}
PATHOLOGICAL = {
    "heading of spaces": "# a" + " " * 2000 + "x\n\nBody.\n",
    "20,000 brackets": "Brackets\n\n" + "[" * 20_000 + "\n",
    "2,000-deep list": "Deep list\n\n" + "".join("  " * n + "- item\n" for n in range(2000)),
    "2,000 lists on a line": "Lists\n\n" + "- " * 2000 + "x\n",
    "2,000 quotes on a line": "Quotes\n\n" + "> " * 2000 + "x\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(PATHOLOGICAL))
def test_pathological_markdown_builds_with_the_rest(build_site_from, case):
    built = build_site_from({"articles/bad.md": PATHOLOGICAL[case], **OTHER})
    assert built.code == 0, built.err
    records = {r["source"]: r for r in json.loads(built.page("articles.json"))}
    assert sorted(records) == ["2023-05-02-other.txt", "bad.md"], built.out
    assert "could not be read" not in built.out


@pytest.mark.slow
def test_1100_nested_folders_are_walked_and_kept_to_a_bounded_section(build_site_from, tmp_path):
    deep = tmp_path / "articles"
    deep.mkdir()
    here = os.getcwd()
    try:  # made a level at a time: os.makedirs recurses
        os.chdir(deep)
        for _ in range(1100):
            os.mkdir("d")
            os.chdir("d")
        Path("x.txt").write_text("Deep story\n\nText.\n", encoding="utf-8")
    finally:
        os.chdir(here)
    try:
        built = build_site_from(OTHER)
        assert built.code == 0, built.err
        assert (
            "is in a section 1,100 levels deep; it was put in the section its first 16" in built.out
        )
        assert len(json.loads(built.page("articles.json"))) == 2
    finally:
        remove_chain(deep, 1100)  # pytest's own clean-up of old tmp folders recurses: too deep


def remove_chain(top: Path, depth: int) -> None:
    """Remove a chain of `depth` folders named "d" under `top`, a level at a time."""
    here = os.getcwd()
    try:
        os.chdir(top)
        for _ in range(depth):
            os.chdir("d")
        for name in os.listdir("."):
            os.unlink(name)
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(here)


def test_a_file_over_its_time_budget_is_skipped_naming_the_budget(build_site_from, monkeypatch):
    monkeypatch.setattr(loader, "TIME_BUDGET", 1e-6)  # every file is over it
    built = build_site_from({"articles/slow.txt": "Slow story\n\nText.\n"})
    assert "slow.txt: took more than 1e-06 s to read, so it was skipped" in built.out
    assert built.code == 1  # every file skipped: nothing to publish is an error, and says so
    assert "no articles to publish" in built.err


def test_tags_past_the_cap_are_dropped_with_a_warning(build_site_from):
    tags = ", ".join(f"tag{n}" for n in range(20_000))
    built = build_site_from({"articles/tags.md": f"---\ntitle: Tags\ntags: {tags}\n---\n\nT.\n"})
    assert built.code == 0, built.err
    assert f"tags.md: has 20,000 tags; only the first {loader.MAX_TAGS} were kept" in built.out
    tag_pages = list((built.dist / "tags").glob("tag*/index.html"))
    assert len(tag_pages) == loader.MAX_TAGS


@pytest.mark.parametrize("where", ["folder", "front matter"])
def test_a_section_named_page_never_takes_a_list_page_s_path(build_site_from, where):
    files: dict[str, str | bytes] = {
        f"articles/world/2023-01-{n + 1:02d}-s.txt": f"Story {n}\n\nText {n}.\n" for n in range(21)
    }
    if where == "folder":
        files["articles/world/page/2/x.txt"] = "Paged\n\nText.\n"
    else:
        files["articles/x.md"] = "---\ntitle: Paged\nsection: World/page/2\n---\n\nText.\n"
    built = build_site_from({**files, "site.yaml": "per_page: 20\n"})
    assert built.code == 0, built.err
    assert "Story 0" in built.page("sections/world/page/2/index.html")  # world's second page
    assert "Paged" in built.page("sections/world/page-section/2/index.html")
