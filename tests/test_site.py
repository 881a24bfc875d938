"""Whole-site tests: small archives written inline, built into tmp_path, asserted on the pages."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import feedparser
import pytest

from newsarchive import urls

from conftest import SAMPLES, internal_links, tree

SAMPLE_FILES = {
    f"articles/{p.name}": p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))
}


def dated(title: str, date: str, body: str = "Body text of the story.", **extra: str) -> str:
    """Return a Markdown article with front matter."""
    fields = "".join(f"{k}: {v}\n" for k, v in extra.items())
    return f"---\ntitle: {title}\ndate: {date}\n{fields}---\n\n{body}\n"


def broken_links(dist: Path) -> list[str]:
    """Return every internal link in the site whose target file does not exist."""
    broken = []
    for page in sorted(dist.rglob("*.html")):
        folder = page.parent
        for link in internal_links(page.read_text(encoding="utf-8")):
            target = (folder / link).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(dist)} -> {link}")
    return broken


def test_sample_archive_builds_with_both_articles(build_site_from):
    built = build_site_from(SAMPLE_FILES)
    assert built.code == 0, built.err
    home = built.page("index.html")
    assert "Mexico captures son of &#39;El Chapo&#39; as gunmen set Culiacan ablaze" in home
    assert "Mexican security forces captured Ovidio Guzmán López" in home
    assert "Read 2 articles" in built.out


def test_caption_article_without_its_photo_shows_the_caption_with_credit_and_lede_headline(
    build_site_from,
):
    built = build_site_from(SAMPLE_FILES)
    page = built.page(built.article_path("001_mexico-army-culiacan.txt"))
    assert '<p class="story-caption">' in page and '<span class="credit">AFP / STR</span>' in page
    assert "<figure" not in page  # no empty picture box: the photo is not in the archive
    assert "after the arrest of Ovidio Guzman <span" in page
    title = re.search(r'<h1 class="story-title"[^>]*>(.*?)</h1>', page).group(1)
    assert title == "Mexican security forces captured Ovidio Guzmán López"
    assert "AFP / STR" not in title


def test_dateline_is_shown_apart_from_the_text(build_site_from):
    built = build_site_from(SAMPLE_FILES)
    page = built.page(built.article_path("002_el-chapo-son-captured.txt"))
    assert '<span class="dateline">CULIACAN, Mexico (Reuters) –</span> Mexican forces' in page


def test_article_page_has_reading_time_word_count_and_prev_next(build_site_from):
    built = build_site_from(SAMPLE_FILES)
    page = built.page(built.article_path("002_el-chapo-son-captured.txt"))
    assert "1 min read" in page
    words = json.loads(built.page("articles.json"))[1]["word_count"]
    assert f"{words} words" in page
    assert 'rel="prev"' in page or 'rel="next"' in page


def test_manifest_lists_every_article_with_required_fields(build_site_from):
    built = build_site_from(SAMPLE_FILES)
    records = json.loads(built.page("articles.json"))
    assert [r["source"] for r in records] == [
        "001_mexico-army-culiacan.txt",
        "002_el-chapo-son-captured.txt",
    ]
    for record in records:
        assert set(record) >= {
            "source",
            "url",
            "title",
            "date",
            "section",
            "tags",
            "summary",
            "word_count",
        }
        assert built.exists(record["url"])
        assert record["date"] is None
        assert record["word_count"] > 100


def test_manifest_is_a_record_a_line_whatever_its_strings_hold(build_site_from):
    tricky = 'Rates }, {"date": "2020-01-01"} and \\ "quotes"'
    files = {
        **SAMPLE_FILES,
        "articles/tricky.md": f"---\ntitle: '{tricky}'\ndate: 2021-05-06\n---\n\n{tricky}, said.\n",
    }
    text = build_site_from(files).page("articles.json")
    records = json.loads(text)
    lines = text.splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    assert [json.loads(line.removesuffix(",")) for line in lines[1:-1]] == records
    assert [r["title"] for r in records if r["source"] == "tricky.md"] == [tricky]


def test_manifest_lines_are_what_json_makes_of_each_record(build_site_from):
    tricky = "Łódź “quoted” </script> \\ tab\there \u2028 end"
    text = f"---\ntitle: {json.dumps(tricky)}\ndate: 2021-05-06\ntags: [Æ, b]\n---\n\nBody.\n"
    files = {
        **SAMPLE_FILES,
        "articles/tricky.md": text,
        "articles/zz-copy.md": text,  # a copy of the newest article, entry 0
        "articles/undated.txt": "Undated headline\n\nNo date here.\n",
    }
    lines = build_site_from(files).page("articles.json").splitlines()[1:-1]
    records = [json.loads(line.removesuffix(",")) for line in lines]
    assert {r["source"]: r.get("duplicate_of") for r in records}["zz-copy.md"] == "tricky.md"
    title = next(r["title"] for r in records if r["source"] == "tricky.md")
    assert title.startswith("Łódź “quoted” </script> \\")  # whitespace is made plain spaces
    for line, record in zip(lines, records, strict=True):
        assert line.removesuffix(",") == json.dumps(record, ensure_ascii=False, sort_keys=True)


def test_no_broken_internal_links_in_a_rich_site(build_site_from):
    files = {**SAMPLE_FILES, "site.yaml": "per_page: 3\n"}
    for n in range(1, 9):
        files[f"articles/world/2023-0{n}-1{n}-story-{n}.md"] = dated(
            f"World story {n}", f"2023-0{n}-1{n}", tags=f"[Economy, Story {n % 2}]"
        )
    files["articles/sport/football/match.txt"] = "Cup final ends in a draw\n\nBoth teams scored."
    built = build_site_from(files)
    assert built.code == 0, built.err
    assert broken_links(built.dist) == []
    assert built.exists("sections/world/page/2/index.html")
    assert built.exists("sections/sport/football/index.html")
    assert built.exists("tags/economy/index.html")
    assert built.exists("archive/2023/index.html") and built.exists("archive/2023/03/index.html")


def test_links_name_files_so_pages_work_from_disk(build_site_from):
    built = build_site_from(SAMPLE_FILES)
    for page in built.html_files():
        for link in internal_links(page.read_text(encoding="utf-8")):
            assert not link.startswith("/"), f"{page}: absolute link {link}"
            assert not link.endswith("/"), f"{page}: folder link {link} fails from file://"


def test_two_builds_are_byte_identical(build_site_from, tmp_path):
    files = {**SAMPLE_FILES, "articles/b/2024-02-02-x.md": dated("X", "2024-02-02", tags="[a]")}
    first = build_site_from(files, output="one")
    second = build_site_from({}, output="two")
    assert first.code == second.code == 0
    assert tree(first.dist) == tree(second.dist)


def test_unchanged_rebuild_rewrites_no_file(build_site_from):
    first = build_site_from(SAMPLE_FILES)
    stamps = {p: p.stat().st_mtime_ns for p in first.dist.rglob("*") if p.is_file()}
    second = build_site_from({})
    assert second.code == 0
    assert "(0 changed)" in second.out
    assert {p: p.stat().st_mtime_ns for p in second.dist.rglob("*") if p.is_file()} == stamps


def test_bad_files_are_named_with_reasons(build_site_from):
    built = build_site_from(
        {
            **SAMPLE_FILES,
            "articles/empty.txt": "",
            "articles/blank.txt": "  \n\n \t\n",
            "articles/photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
            "articles/bad-yaml.md": "---\ntitle: [unclosed\n---\n\nBody survives.\n",
            "articles/.hidden.txt": "Hidden",
            "articles/notes.txt~": "backup",
            "articles/cover.jpg": b"\xff\xd8\xff\xe0",
        }
    )
    assert built.code == 0
    assert "empty.txt: is empty; add text or delete the file" in built.out
    assert "blank.txt: contains only whitespace" in built.out
    assert "photo.txt: looks like a binary file, not text; save it as UTF-8 text" in built.out
    assert "bad-yaml.md:2: front matter is not valid YAML" in built.out
    assert "Ignored 2 non-article files" in built.out
    assert built.exists("media/cover.jpg")  # an image is not ignored: it is copied
    records = json.loads(built.page("articles.json"))
    assert "bad-yaml.md" in [r["source"] for r in records]


def test_strict_fails_on_any_problem(build_site_from):
    built = build_site_from({**SAMPLE_FILES, "articles/empty.txt": ""}, "--strict")
    assert built.code == 1
    assert "--strict" in built.err


def test_strict_passes_a_headline_only_brief_named_in_the_summary(build_site_from):
    # a wire archive files headline-only flashes: a page as filed, named, but no fault
    brief = {"articles/flash.txt": "DOLLAR OPENS LOWER IN TOKYO\n\nBlah blah blah.\n"}
    built = build_site_from({**SAMPLE_FILES, **brief}, "--strict")
    assert built.code == 0, built.err
    assert "Briefs:\n  flash.txt: has a headline but no body text" in built.out
    assert "Warnings:" not in built.out
    quiet = build_site_from({**SAMPLE_FILES, **brief, "articles/empty.txt": ""}, "-q")
    assert "Briefs:" not in quiet.out + quiet.err  # -q prints problems only
    assert "empty.txt" in quiet.out + quiet.err


def test_headline_collisions_get_numbered_slugs_in_source_order(build_site_from):
    built = build_site_from(
        {
            "articles/a.txt": "Same headline\n\nFirst body.",
            "articles/b.txt": "Same headline\n\nSecond body.",
            "articles/c.txt": "Same headline\n\nThird body.",
        }
    )
    assert built.article_path("a.txt") == "articles/same-headline/index.html"
    assert built.article_path("b.txt") == "articles/same-headline-2/index.html"
    assert built.article_path("c.txt") == "articles/same-headline-3/index.html"


def test_reserved_headlines_never_overwrite_generated_pages(build_site_from):
    built = build_site_from(
        {
            "site.yaml": "permalink: '{slug}/'\n",
            "articles/index.txt": "Index\n\nAn article called Index.",
            "articles/page.txt": "Page\n\nAn article called Page.",
            "articles/tags.txt": "Tags\n\nAn article called Tags.",
            "articles/ok.txt": "Ordinary\n\nAn ordinary article.",
        }
    )
    assert built.code == 0, built.err
    assert built.article_path("page.txt") == "articles/page/index.html"
    assert built.article_path("tags.txt") == "articles/tags/index.html"
    assert built.article_path("ok.txt") == "ordinary/index.html"
    assert "<title>News Archive</title>" in built.page("index.html")


def test_front_matter_slug_cannot_escape_the_output(build_site_from, tmp_path):
    built = build_site_from(
        {
            "articles/evil.md": "---\ntitle: Evil\nslug: ../../../etc/passwd\n---\n\nText.\n",
            "articles/abs.md": "---\ntitle: Abs\nslug: /tmp/owned\n---\n\nText.\n",
        }
    )
    assert built.code == 0
    assert built.article_path("evil.md") == "articles/passwd/index.html"
    assert built.article_path("abs.md") == "articles/owned/index.html"
    ours = (built.dist, built.articles, tmp_path / ".newsarchive")
    outside = [
        p for p in tmp_path.rglob("*") if p.is_file() and not any(p.is_relative_to(o) for o in ours)
    ]
    assert [p.name for p in outside] == ["site.yaml"]


def test_exact_duplicate_points_to_the_first_copy(build_site_from):
    text = "Council approves budget\n\nThe council approved the budget on Monday."
    built = build_site_from({"articles/a.txt": text, "articles/z.txt": text})
    records = {r["source"]: r for r in json.loads(built.page("articles.json"))}
    assert records["z.txt"]["duplicate_of"] == "a.txt"
    assert "duplicate_of" not in records["a.txt"]
    page = built.page(records["z.txt"]["url"])
    assert "exact duplicate of" in page
    first = records["a.txt"]["url"]
    canonical = page.split('<link rel="canonical" href="')[1].split('"')[0]
    later = built.dist / records["z.txt"]["url"]
    assert (later.parent / canonical).resolve() == (built.dist / first).resolve()
    assert built.page("index.html").count("Council approves budget") == 1
    assert "a.txt" not in page.split("<main", 1)[1].split("</main>")[0]  # no file name shown
    # the first copy says where else it was filed: the copy's file, linked to its page, and
    # its section when it is another
    note = built.page(first).split("Also filed ")[1].split("</p>")[0]
    copy = urls.relative(first, records["z.txt"]["url"])
    assert note == f'again as <a href="{copy}"><code>z.txt</code></a>.'
    moved = build_site_from({"articles/city/z.txt": text}, output="moved")  # a.txt is kept
    records = {r["source"]: r for r in json.loads(moved.page("articles.json"))}
    note = moved.page(records["a.txt"]["url"]).split("Also filed ")[1].split("</p>")[0]
    assert note.startswith(f"under {records['city/z.txt']['section']} as <a href=")


def test_an_exact_duplicate_counts_nowhere_it_is_not_listed(build_site_from):
    text = "---\ntags: [budget]\n---\nCouncil approves budget\n\nThe council approved it."
    other = "Mayor opens bridge\n\nThe mayor opened the new bridge on Monday."
    built = build_site_from(
        {
            "articles/city/2023-01-05-a.md": text,
            "articles/city/2023-01-05-z.md": text,
            "articles/city/2023-01-06-b.txt": other,
        }
    )
    assert built.code == 0, built.err
    counts = re.compile(r'>([^<>]+)</a> <span class="(?:count|muted)">([\d,]+)</span>')
    shown = {
        name: count
        for page in ("archive/index.html", "archive/2023/index.html", "topics/index.html")
        for name, count in counts.findall(built.page(page))
    }
    assert shown["January"] == "2" and shown["budget"] == "1", shown
    assert "3 in the archive" not in built.page("index.html")
    assert "2 in the archive" in built.page("index.html")


def test_home_is_paginated_newest_first_with_undated_last(build_site_from):
    files = {
        f"articles/2022-01-{d:02d}-s.md": dated(f"Story of day {d}", f"2022-01-{d:02d}")
        for d in range(1, 26)
    }
    files["articles/undated.txt"] = "An undated story\n\nNo date anywhere."
    built = build_site_from({**files, "site.yaml": "per_page: 10\n"})
    home = built.page("index.html")
    assert home.index("Story of day 25") < home.index("Story of day 16")
    assert "Story of day 15" not in home
    last = built.page("page/3/index.html")
    assert "Story of day 1<" in last and "An undated story" in last
    assert last.index("Story of day 1<") < last.index("An undated story")
    assert 'aria-current="page" href="../../page/3/index.html">3<' in last


def test_injection_in_raw_text_is_escaped_everywhere(build_site_from):
    evil = '<script>alert(1)</script> "quoted" </script><img src=x onerror=alert(2)>'
    built = build_site_from({"articles/x.txt": f"{evil}\n\nBody {evil}\n"})
    assert built.code == 0
    for page in built.html_files():
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html, page
    article = built.page(built.article_path("x.txt"))
    block = article.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(block)["headline"].startswith("<script>alert(1)</script>")


def test_markdown_html_is_sanitised(build_site_from):
    body = (
        'Hello <script>alert(1)</script> <a href="javascript:alert(2)">x</a> '
        '<img src="data:image/png;base64,AA" onerror="alert(3)"> <iframe src="//e"></iframe>'
        "\n\n<style>body{display:none}</style>\n"
    )
    built = build_site_from({"articles/m.md": f"# Title\n\n{body}"})
    page = built.page(built.article_path("m.md"))
    for bad in ("<script>alert", "javascript:", "onerror", "<iframe", "<style>body", "data:image"):
        assert bad not in page


def test_feeds_parse_and_are_linked(build_site_from):
    files = {
        f"articles/world/2023-05-0{d}-n.md": dated(f"News {d}", f"2023-05-0{d}")
        for d in range(1, 4)
    }
    built = build_site_from(files, "--base-url", "https://example.org/news/")
    feed = feedparser.parse(built.page("feed.xml"))
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "News Archive"
    assert [e.title for e in feed.entries] == ["News 3", "News 2", "News 1"]
    assert feed.entries[0].link.startswith("https://example.org/news/articles/")
    section = feedparser.parse(built.page("feeds/world.xml"))
    assert not section.bozo and len(section.entries) == 3
    assert 'type="application/atom+xml"' in built.page("index.html")
    assert "<loc>https://example.org/news/articles/news-1/</loc>" in built.page("sitemap.xml")
    assert "Sitemap: https://example.org/news/sitemap.xml" in built.page("robots.txt")


def test_a_briefs_feed_entry_has_no_empty_summary(build_site_from):
    files = {
        "articles/world/2023-05-01-n.md": dated("News 1", "2023-05-01"),
        "articles/world/2023-05-02-brief.txt": "TRADE TALKS RESUME IN GENEVA\n",
    }
    built = build_site_from(files)
    feed = feedparser.parse(built.page("feed.xml"))
    assert not feed.bozo, feed.bozo_exception
    entries = {e.title: e for e in feed.entries}
    assert set(entries) == {"News 1", "TRADE TALKS RESUME IN GENEVA"}
    assert entries["News 1"].summary
    assert "summary" not in entries["TRADE TALKS RESUME IN GENEVA"]
    assert "<summary" + ' type="text"></summary>' not in built.page("feed.xml")


def test_no_sitemap_without_base_url(build_site_from):
    built = build_site_from(SAMPLE_FILES)
    assert not built.exists("sitemap.xml") and not built.exists("robots.txt")


def test_pages_link_the_themes_icon_only_when_it_has_one(build_site_from, tmp_path):
    # browsers ask every site for /favicon.ico: without an icon each page view logged a 404
    built = build_site_from(SAMPLE_FILES)
    assert built.exists("static/favicon.svg")
    icon = '<link rel="icon" href="{}static/favicon.svg" type="image/svg+xml">'
    assert icon.format("") in built.page("index.html")
    article = built.article_path("002_el-chapo-son-captured.txt")
    assert icon.format("../../") in built.page(article)
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "style.css").write_text("body { color: black; }", encoding="utf-8")
    plain = build_site_from({}, "--static", str(theme), output="plain")
    assert plain.code == 0 and 'rel="icon"' not in plain.page("index.html")


def test_404_page_exists(build_site_from):
    built = build_site_from(SAMPLE_FILES)
    assert "Page not found" in built.page("404.html")


def test_failed_build_leaves_previous_output(build_site_from, tmp_path):
    first = build_site_from(SAMPLE_FILES)
    before = first.page("index.html")
    templates = tmp_path / "templates"
    templates.mkdir()
    for name in (Path(__file__).parent.parent / "templates").iterdir():
        (templates / name.name).write_text(name.read_text(encoding="utf-8"), encoding="utf-8")
    (templates / "article.html").write_text("{{ no_such_name }}", encoding="utf-8")
    broken = build_site_from({}, "--templates", str(templates))
    assert broken.code == 1
    assert "template article.html:1: 'no_such_name' is undefined" in broken.err
    assert broken.page("index.html") == before


def test_unwritable_output_is_a_clear_error(build_site_from, tmp_path):
    if os.geteuid() == 0:
        target = "/proc/newsarchive-test"
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = str(locked / "dist")
    built = build_site_from(SAMPLE_FILES, "--output", target)
    assert built.code == 1
    assert built.err.startswith("error: cannot create")


def test_refuses_to_replace_a_folder_it_did_not_write(build_site_from, tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work", encoding="utf-8")
    built = build_site_from(SAMPLE_FILES, "--output", str(precious))
    assert built.code == 1
    assert "has files that newsarchive did not write" in built.err
    assert (precious / "thesis.txt").read_text(encoding="utf-8") == "years of work"


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("colour: red\n", "unknown key 'colour'"),
        ("per_page: lots\n", "key 'per_page' must be a whole number, not str"),
        ("timezone: Mars/Base\n", "key 'timezone' is 'Mars/Base', not a known time zone"),
        ("title: [unclosed\n", "site config is not valid YAML"),
    ],
)
def test_bad_config_names_the_key_and_file(build_site_from, config, message):
    built = build_site_from({**SAMPLE_FILES, "site.yaml": config})
    assert built.code == 1
    assert "site.yaml" in built.err and message in built.err


def test_no_pagefind_keeps_the_builtin_search_index(build_site_from):
    built = build_site_from(SAMPLE_FILES, "--no-pagefind")
    assert built.code == 0
    assert not (built.dist / "pagefind").exists()
    assert built.exists("search-index/manifest.js")
    with_config = build_site_from({"site.yaml": "pagefind: false\n"}, output="other")
    assert not (with_config.dist / "pagefind").exists()
    assert build_site_from({"site.yaml": "pagefind: true\n"}, output="third").exists(
        "pagefind/pagefind.js"
    )


def test_a_first_build_counts_every_file_it_wrote_as_changed_and_no_more(build_site_from):
    built = build_site_from(SAMPLE_FILES)
    files = len([p for p in built.dist.rglob("*") if p.is_file()]) - 1  # less the marker
    assert f"{files} files in all ({files} changed)" in built.out


def test_menu_and_cards_are_right_on_every_page_that_shares_them(build_site_from):
    files = {"site.yaml": "per_page: 2\n"}
    for n in range(1, 6):
        files[f"articles/world/2023-0{n}-1{n}-w{n}.md"] = dated(f"World {n}", f"2023-0{n}-1{n}")
    files["articles/sport/2023-06-16-s.md"] = dated("Sport 1", "2023-06-16", tags="[Cup]")
    built = build_site_from(files)
    assert built.code == 0, built.err

    def menu(page: str) -> str:
        html = built.page(page)
        return html[html.index('class="site-nav"') : html.index("</nav>")]

    assert 'aria-current="page">World<' in menu("sections/world/index.html")
    assert 'aria-current="page">Latest<' in menu("index.html")
    for page in ("sections/world/page/2/index.html", built.article_path("sport/2023-06-16-s.md")):
        assert "aria-current" not in menu(page)
    assert 'href="../../index.html">Latest<' in menu("sections/sport/index.html")
    # the first card of a list's first page leads it, and no other card does
    home, second = built.page("index.html"), built.page("page/2/index.html")
    assert home.count("card-lead") == 1 and "card-lead" not in second
    assert home.index("card-lead") < home.index("Sport 1") < home.index("World 5")
    # one article's card on pages of three depths, each linking from where it is
    story = built.article_path("sport/2023-06-16-s.md")
    for page in ("index.html", "tags/cup/index.html", "archive/2023/06/index.html"):
        depth = "../" * page.count("/")
        assert f'href="{depth}{story}">Sport 1<' in built.page(page)
    assert broken_links(built.dist) == []
