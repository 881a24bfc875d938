"""Hostile text: values front matter can make (surrogates, controls, noncharacters) are cleaned,
one small file can neither stop nor stall the build, and the terminal gets no raw escapes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

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
