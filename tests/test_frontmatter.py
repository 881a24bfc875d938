"""Tests for newsarchive.loader.frontmatter: splitting and checking YAML front matter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from newsarchive.loader import frontmatter

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


def parsed(name: str) -> frontmatter.FrontMatter:
    """Split and parse the front matter of one fixture file."""
    head, _, _ = frontmatter.split((ARTICLES / name).read_text(encoding="utf-8"))
    assert head is not None
    return frontmatter.parse(head, name)


def messages(meta: frontmatter.FrontMatter) -> list[str]:
    """Return the problems as a user reads them."""
    return [str(problem) for problem in meta.problems]


# split


def test_split_without_front_matter_returns_the_whole_text() -> None:
    assert frontmatter.split("Headline\n\nText.\n") == (None, "Headline\n\nText.\n", 1)


def test_split_front_matter_and_body_line() -> None:
    head, body, line = frontmatter.split("---\ntitle: T\ndate: 2023-01-05\n---\n\nBody.\n")
    assert head == "title: T\ndate: 2023-01-05\n"
    assert body == "Body.\n"
    assert line == 6


def test_split_accepts_dots_as_the_closing_line() -> None:
    head, body, _ = frontmatter.split("---\ntitle: T\n...\nBody.\n")
    assert head == "title: T\n"
    assert body == "Body.\n"


def test_split_unclosed_front_matter_is_all_body() -> None:
    text = "---\ntitle: T\nno closing line\n"
    assert frontmatter.split(text) == (None, text, 1)


def test_split_needs_dashes_on_the_first_line() -> None:
    text = "Headline\n---\ntitle: T\n---\n"
    assert frontmatter.split(text)[0] is None


# parse: fixtures


def test_full_front_matter_fields() -> None:
    meta = parsed("front_matter_full.md")
    assert meta.problems == []
    assert meta.fields == {
        "title": "Full front matter wins over the text",
        "date": dt.datetime(2023, 1, 5),
        "author": "Jane Doe",
        "source": "Example Wire",
        "section": ("World", "Europe"),
        "tags": ("Elections", "Europe"),
        "slug": "my-custom-slug",
        "summary": "A summary written by hand.",
        "caption": "Voters queue outside a polling station",
        "credit": "Example Wire / John Roe",
    }


def test_bad_yaml_is_a_warning_naming_the_line() -> None:
    meta = parsed("front_matter_bad_yaml.txt")
    assert meta.fields == {}
    assert messages(meta) == [
        "front_matter_bad_yaml.txt:2: front matter is not valid YAML (expected ',' or ']', but "
        "got ':'); it was ignored and the text below it was used; fix the YAML between the "
        "--- lines"
    ]
    assert meta.problems[0].kind == "warning"


def test_unknown_key_is_a_warning_listing_known_keys() -> None:
    meta = parsed("front_matter_unknown_key.md")
    assert meta.fields == {"title": "Unknown keys are reported"}
    assert messages(meta) == [
        "front_matter_unknown_key.md:3: unknown front-matter key 'layout' was ignored; known "
        "keys: title, date, author, source, section, tags, slug, url, summary, caption, credit, "
        "image, source_url, imported_from"
    ]


def test_slug_traversal_is_reduced_to_its_last_segment() -> None:
    meta = parsed("front_matter_slug_traversal.md")
    assert meta.problems == []
    assert meta.fields["slug"] == "passwd"


def test_bad_date_is_a_warning_with_the_fix() -> None:
    meta = parsed("front_matter_bad_date.md")
    assert "date" not in meta.fields
    assert messages(meta) == [
        "front_matter_bad_date.md:3: front-matter 'date' '31/31/2019' is not a date; "
        "use YYYY-MM-DD; it was ignored"
    ]
    assert meta.problems[0].kind == "warning"


# parse: values


def check(head: str) -> frontmatter.FrontMatter:
    """Parse front matter written inline, as if from a.md; its first line is file line 2."""
    return frontmatter.parse(head, "a.md")


@pytest.mark.parametrize("value", ["2023-13-45", "2023-02-30", "2023-01-05 25:00:00"])
def test_impossible_yaml_date_is_a_warning_not_a_crash(value: str) -> None:
    meta = check(f"title: T\ndate: {value}\n")
    assert meta.fields == {"title": "T"}
    assert messages(meta) == [
        f"a.md:3: front-matter 'date' '{value}' is not a date; use YYYY-MM-DD; it was ignored"
    ]


def test_yaml_date_and_datetime_values() -> None:
    assert check("date: 2023-01-05\n").fields["date"] == dt.datetime(2023, 1, 5)
    assert check("date: 2023-01-05 10:30:00\n").fields["date"] == dt.datetime(2023, 1, 5, 10, 30)
    assert check("date: Jan 5, 2023\n").fields["date"] == dt.datetime(2023, 1, 5)


def test_yaml_datetime_with_offset_keeps_the_offset() -> None:
    date = check("date: 2023-01-05T10:30:00+02:00\n").fields["date"]
    assert isinstance(date, dt.datetime)
    assert date.utcoffset() == dt.timedelta(hours=2)


def test_tags_from_comma_separated_text_are_trimmed_and_deduplicated() -> None:
    meta = check("tags: ' Mexico,  Drug  war , Mexico,, '\n")
    assert meta.fields["tags"] == ("Mexico", "Drug war")


def test_tags_that_are_a_number_are_a_warning() -> None:
    meta = check("tags: 5\n")
    assert "tags" not in meta.fields
    assert messages(meta) == [
        "a.md:2: front-matter 'tags' must be a list of tags or comma-separated text; it was ignored"
    ]


def test_section_path_drops_dot_segments() -> None:
    assert check("section: World/../ Europe /./\n").fields["section"] == ("World", "Europe")


def test_section_of_only_dots_is_a_warning() -> None:
    meta = check("section: ../..\n")
    assert "section" not in meta.fields
    assert messages(meta) == ["a.md:2: front-matter 'section' names no section; it was ignored"]


def test_url_key_becomes_a_slug() -> None:
    assert check("url: /news/2023/My Story/\n").fields == {"slug": "my-story"}


def test_slug_with_backslashes_is_not_a_path() -> None:
    assert check("slug: ..\\..\\windows\\system32\n").fields == {"slug": "system32"}


def test_slug_with_no_usable_text_is_a_warning() -> None:
    meta = check("slug: '../!!!'\n")
    assert "slug" not in meta.fields
    assert messages(meta) == [
        "a.md:2: front-matter 'slug' '../!!!' gives no usable slug; it was ignored"
    ]


def test_empty_value_is_a_warning() -> None:
    meta = check("title: T\nauthor:\n")
    assert meta.fields == {"title": "T"}
    assert messages(meta) == ["a.md:3: front-matter 'author' is empty; it was ignored"]


def test_list_where_text_is_expected_is_a_warning() -> None:
    meta = check("title: [a, b]\n")
    assert meta.fields == {}
    assert messages(meta) == [
        "a.md:2: front-matter 'title' must be text, not a list or mapping; it was ignored"
    ]


def test_text_values_have_whitespace_collapsed_and_numbers_become_text() -> None:
    meta = check("title: '  Two   spaces  '\nauthor: 42\n")
    assert meta.fields == {"title": "Two spaces", "author": "42"}


def test_front_matter_that_is_not_a_mapping_is_a_warning() -> None:
    meta = check("- just\n- a list\n")
    assert meta.fields == {}
    assert messages(meta) == ["a.md:2: front matter must be 'key: value' lines; it was ignored"]


def test_empty_front_matter_has_no_fields_and_no_problems() -> None:
    meta = check("")
    assert (meta.fields, meta.problems) == ({}, [])


def test_python_tags_are_refused_by_the_safe_loader() -> None:
    meta = check("title: !!python/object/apply:os.system ['echo hi']\n")
    assert meta.fields == {}
    assert len(meta.problems) == 1
    assert str(meta.problems[0]).startswith("a.md:2: front matter is not valid YAML")


@pytest.mark.parametrize(
    "head",
    [
        "title: T\ndate: 2023-13-45\ntags: [a, b]\nsection: World/Europe\n",
        "title: 'Quoted: colon'\ndate: 2023-01-05 10:30:00+02:00\nsummary: >\n  Folded\n  text\n",
    ],
)
def test_libyaml_and_the_python_parser_read_front_matter_alike(head: str) -> None:
    fast = yaml.load(head, Loader=frontmatter._FastLoader)
    assert fast == yaml.load(head, Loader=frontmatter._Loader)
    assert frontmatter._FastLoader is not frontmatter._Loader or not yaml.__with_libyaml__


BLOCK = "\n".join(f"{' ' * (n + 1)}k:" for n in range(60))


@pytest.mark.parametrize("nested", [" " + "[" * 60 + "]" * 60, "\n" + BLOCK])
def test_front_matter_nested_too_deeply_is_a_warning_whichever_parser_reads_it(nested: str) -> None:
    meta = check(f"title: T\ntags:{nested}\n")
    assert meta.fields == {}
    assert "nested too deeply" in messages(meta)[0]
    shallow = messages(check("title: T\ntags: " + "[" * 10 + "a" + "]" * 10 + "\n"))
    assert shallow and "nested too deeply" not in shallow[0]  # a bad value, not too deep
