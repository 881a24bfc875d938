"""Readers' ways in: author pages, month calendars, day pages with "on this day", A–Z term
lists, and how an undated archive's home page and feed read."""

from __future__ import annotations

import re

from newsarchive import pages, urls

from conftest import tree


def story(title: str, date: str = "", author: str = "", body: str = "", tags: str = "") -> str:
    """Return a small Markdown article with the front matter given."""
    lines = ["---", f"title: {title}"]
    if date:
        lines.append(f"date: {date}")
    if author:
        lines.append(f"author: {author}")
    if tags:
        lines.append(f"tags: {tags}")
    lines += ["---", body or f"The full text of {title.lower()} runs to a few more words here."]
    return "\n".join(lines) + "\n"


WIRE_BYLINE = "Storm hits coast\n\nBy JOHN SMITH, Reuters\n\nThe storm hit the coast on Tuesday.\n"
TWO_AUTHORS = story("Harbour closes", "2024-03-05", "Jane Doe and Tim Roe")
AGENCY_ONLY = story("Council meets", "2024-03-09", "Associated Press")
STAFF_ONLY = story("Fair opens", "2024-03-10", "By Staff Writer")
HOSTILE_AUTHOR = story("Odd byline", "2024-03-11", '"Jane <script>alert(1)</script> Doe"')


def test_a_wire_byline_gets_a_person_page_and_a_link(build_site_from):
    built = build_site_from({"articles/2024-03-04-storm.txt": WIRE_BYLINE})
    page = built.page(built.article_path("2024-03-04-storm.txt"))
    assert built.exists("authors/john-smith/index.html")
    assert (
        '<a rel="author" href="../../authors/john-smith/index.html">John Smith</a>, Reuters' in page
    )
    assert "Storm hits coast" in built.page("authors/john-smith/index.html")
    assert "John Smith" in built.page("authors/index.html")


def test_front_matter_with_two_authors_links_both(build_site_from):
    built = build_site_from({"articles/harbour.md": TWO_AUTHORS})
    page = built.page(built.article_path("harbour.md"))
    assert re.search(r">Jane Doe</a> and <a [^>]*>Tim Roe</a>", page)
    assert built.exists("authors/jane-doe/index.html")
    assert built.exists("authors/tim-roe/index.html")


def test_agencies_and_staff_get_no_author_page(build_site_from):
    built = build_site_from({"articles/council.md": AGENCY_ONLY, "articles/fair.md": STAFF_ONLY})
    assert not built.exists("authors/index.html")
    assert not list(built.dist.glob("authors/*"))
    page = built.page(built.article_path("council.md"))
    assert "By Associated Press" in page
    assert '"author":{"@type":"Organization","name":"Associated Press"}' in page


def test_two_authors_are_two_people_in_json_ld(build_site_from):
    built = build_site_from({"articles/harbour.md": TWO_AUTHORS})
    page = built.page(built.article_path("harbour.md"))
    assert (
        '"author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Tim Roe"}]'
        in page
    )


def test_a_hostile_byline_is_escaped_and_gets_no_page(build_site_from):
    built = build_site_from({"articles/odd.md": HOSTILE_AUTHOR})
    page = built.page(built.article_path("odd.md"))
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert not built.exists("authors/index.html")


def test_entities_yaml_settles_an_author_name(build_site_from, tmp_path):
    (tmp_path / "entities.yaml").write_text(
        "aliases:\n  John Smith: [Johnny Smith]\nblock:\n  - Tim Roe\n", encoding="utf-8"
    )
    built = build_site_from(
        {
            "articles/storm.txt": WIRE_BYLINE,
            "articles/other.md": story("Other", "2024-03-06", "Johnny Smith"),
            "articles/harbour.md": TWO_AUTHORS,
        }
    )
    assert "Other" in built.page("authors/john-smith/index.html")
    assert not built.exists("authors/johnny-smith/index.html")
    assert not built.exists("authors/tim-roe/index.html")
    assert built.exists("authors/jane-doe/index.html")


def test_an_accented_author_has_a_safe_stable_address(build_site_from):
    built = build_site_from({"articles/a.md": story("A", "2024-01-02", "Zoë O'Brien")})
    assert built.exists("authors/zoe-obrien/index.html")
    assert "Zoë O&#39;Brien" in built.page("authors/zoe-obrien/index.html")


MONTHS_WITH_A_GAP = {
    "articles/jan.md": story("January story", "2024-01-15"),
    "articles/mar1.md": story("March story one", "2024-03-05"),
    "articles/mar2.md": story("March story two", "2024-03-05"),
    "articles/mar3.md": story("March story three", "2024-03-20"),
}


def test_a_month_page_links_to_the_months_around_it_skipping_empty_ones(build_site_from):
    built = build_site_from(MONTHS_WITH_A_GAP)
    january = built.page("archive/2024/01/index.html")
    march = built.page("archive/2024/03/index.html")
    assert '<a rel="next" class="later" href="../../../archive/2024/03/index.html">' in january
    assert 'rel="prev"' not in january.split("period-nav", 1)[1].split("</nav>", 1)[0]
    assert '<a rel="prev" href="../../../archive/2024/01/index.html">← January 2024</a>' in march


def test_a_month_page_has_a_calendar_table_linking_days_with_articles(build_site_from):
    built = build_site_from(MONTHS_WITH_A_GAP)
    march = built.page("archive/2024/03/index.html")
    table = march.split('<table class="calendar">', 1)[1].split("</table>", 1)[0]
    assert "<caption>March 2024: days with articles</caption>" in table
    assert table.count("<tr>") == 6  # a header row and five weeks, Monday first
    assert (
        'href="../../../archive/2024/03/05/index.html" aria-label="5 March 2024: 2 articles"'
        in table
    )
    assert "<td>6</td>" in table  # a day without articles is not a link
    day = built.page("archive/2024/03/05/index.html")
    assert "March story one" in day and "March story two" in day
    assert "March story three" not in day


def test_a_day_page_lists_the_same_day_in_other_years(build_site_from):
    built = build_site_from(
        {
            "articles/a.md": story("Now", "2024-03-05"),
            "articles/b.md": story("Then", "2021-03-05"),
            "articles/c.md": story("Other day", "2022-03-06"),
        }
    )
    day = built.page("archive/2024/03/05/index.html")
    other_years = day.split('id="on-this-day"', 1)[1]
    assert "On this day, 5 March, in other years" in day
    assert '<a href="../../../../archive/2021/03/05/index.html">5 March 2021</a>' in other_years
    assert "2022" not in other_years
    assert 'id="on-this-day"' not in built.page("archive/2022/03/06/index.html")


def many_tags(count: int) -> dict[str, str | bytes]:
    """Return articles carrying `count` different tags, some accented or starting with a digit."""
    names = [f"Topic {n:03d}" for n in range(count - 2)] + ["Álvaro Obregón", "1987 crash"]
    return {f"articles/t{n}.md": story(f"Story {n}", tags=name) for n, name in enumerate(names)}


def test_a_long_term_list_has_a_to_z_pages_with_accents_folded(build_site_from):
    built = build_site_from(many_tags(70))
    index = built.page("tags/index.html")
    assert '<nav class="letters" aria-label="A to Z">' in index
    assert '<a href="../tags/letters/a/index.html"' in index
    assert '<span class="empty-letter">B</span>' in index
    assert "Álvaro Obregón" in built.page("tags/letters/a/index.html")
    assert "1987 crash" in built.page("tags/letters/other/index.html")
    t_page = built.page("tags/letters/t/index.html")
    assert t_page.index("Topic 000") < t_page.index("Topic 067")
    assert '<a aria-current="page" href="../../../tags/letters/t/index.html">T</a>' in t_page


def test_a_short_term_list_has_no_a_to_z(build_site_from):
    built = build_site_from(many_tags(5))
    assert 'class="letters"' not in built.page("tags/index.html")
    assert not built.exists("tags/letters/a/index.html")


UNDATED = {
    "articles/politics/1.txt": "Vote delayed\n\nThe vote was delayed again on the night.\n",
    "articles/politics/2.txt": "Vote held\n\nThe vote was finally held after a long debate.\n",
}


def test_an_undated_archive_says_how_it_is_ordered_and_why_there_is_no_feed(build_site_from):
    built = build_site_from(UNDATED)
    home = built.page("index.html")
    assert "All stories" in home and "Latest stories" not in home
    assert "listed by section folder and file name" in home
    assert "there is no feed (a feed needs dates)" in home
    assert "Undated" not in home
    assert not built.exists("feed.xml")


def test_undated_articles_in_a_dated_archive_are_said_to_follow(build_site_from):
    built = build_site_from({**UNDATED, "articles/new.md": story("Dated", "2024-01-01")})
    home = built.page("index.html")
    assert "Newest first; the 2 articles without a date follow the dated ones" in home
    article = built.page(built.article_path("politics/1.txt"))
    assert "← Previous" in article and "Newer" not in article


def test_a_new_byline_or_date_refreshes_the_pages_it_touches_as_a_cold_build(
    build_site_from, tmp_path
):
    build_site_from(MONTHS_WITH_A_GAP, output="warm")
    (tmp_path / "articles" / "mar3.md").write_text(
        story("March story three", "2024-01-05", "Jane Doe"), encoding="utf-8"
    )
    warm = build_site_from({}, output="warm")
    cold = build_site_from({}, output="cold")
    assert "March story three" in warm.page("authors/jane-doe/index.html")
    assert "March story three" in warm.page("archive/2024/01/05/index.html")
    assert "2024/03/20" not in warm.page("archive/2024/03/index.html")
    assert not warm.exists("archive/2024/03/20/index.html")
    assert tree(warm.dist) == tree(cold.dist)


def test_a_new_article_on_the_same_day_of_another_year_refreshes_on_this_day(
    build_site_from, tmp_path
):
    build_site_from(MONTHS_WITH_A_GAP, output="warm")
    assert 'id="on-this-day"' not in build_site_from({}, output="warm").page(
        "archive/2024/03/05/index.html"
    )
    warm = build_site_from({"articles/old.md": story("A year before", "2023-03-05")}, output="warm")
    cold = build_site_from({}, output="cold")
    other_years = warm.page("archive/2024/03/05/index.html").split('id="on-this-day"', 1)[1]
    assert "5 March 2023" in other_years
    assert tree(warm.dist) == tree(cold.dist)


def test_one_day_s_wire_copy_is_listed_by_story_number_across_folders(build_site_from):
    day = {
        "acq/1987-10-20-20596.txt": "Acme buys Widget Corp",
        "earn/1987-10-20-20597.txt": "Widget Corp profit rises",
        "acq/1987-10-20-20599.txt": "Zenith bids for Acme",
        "earn/1987-10-19-20600.txt": "Yesterday's earnings",  # a day before: after the others
    }
    files = {f"articles/{rel}": f"{title}\n\nThe story of {title}." for rel, title in day.items()}
    built = build_site_from(files)
    home = built.page("index.html")
    places = [home.index(title.replace("'", "&#39;")) for title in day.values()]
    assert places[2] < places[1] < places[0] < places[3], places
    newer = built.page(built.article_path("earn/1987-10-20-20597.txt"))
    assert "Zenith bids for Acme" in newer.split("Newer", 1)[1][:400]


def test_lists_not_in_date_order_page_on_with_previous_and_next(build_site_from, monkeypatch):
    monkeypatch.setattr(pages, "TERMS_PER_PAGE", 1)  # two tags: a hub of two pages
    tagged = "---\ntags: [vote, debate]\n---\nVote held\n\nThe vote was held after a debate.\n"
    built = build_site_from(
        {**UNDATED, "articles/politics/3.md": tagged, "site.yaml": "per_page: 1"}
    )
    for page in ("index.html", urls.term_index_path("tag")):
        nav = built.page(page).split('class="pagination"', 1)[1]
        assert "Next →" in nav and "Older" not in nav, page
    dated = build_site_from(
        {"articles/a.md": story("A", "2024-01-01"), "articles/b.md": story("B", "2024-01-02")},
        output="dated",
    )
    assert "Older →" in dated.page("index.html").split('class="pagination"', 1)[1]
