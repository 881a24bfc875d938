"""Search in a real browser (Chromium via Playwright): over http with Pagefind, from file://."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from newsarchive import search_pagefind

from conftest import build_at, write_files

CULIACAN = "Gunmen set Culiacán ablaze after arrest"
HARBOUR = "Harbour reopens after the storm"
FINAL = "Cup final ends in a draw"
GROUND = "Groundsman retires"
MATCHES = 24  # more than one page of results (20)


def dated(title: str, date: str, body: str) -> str:
    """Return a Markdown article with front matter."""
    return f"---\ntitle: {title}\ndate: {date}\n---\n\n{body}\n"


ARTICLES = {
    "articles/world/2023-01-05-culiacan.md": dated(
        CULIACAN,
        "2023-01-05",
        "Soldiers detained Ovidio Guzmán López in Sinaloa on Thursday.\n\n"
        "The airport halted flights while a thunderstorm of bullets hit an airliner.",
    ),
    "articles/world/2022-03-01-harbour.md": dated(
        HARBOUR, "2022-03-01", "Fishing boats returned to the harbour of Valparaíso on Monday."
    ),
    "articles/sport/2023-06-10-final.md": dated(
        FINAL, "2023-06-10", "Both teams scored twice in the final at the national stadium."
    ),
    "articles/sport/2020-07-04-ground.md": dated(
        GROUND,
        "2020-07-04",
        "He mowed the stadum lawn for forty years.",  # as the copy spelt it
    ),
    **{
        f"articles/sport/2021-02-{n:02d}-match-{n}.md": dated(
            f"Match report {n}", f"2021-02-{n:02d}", f"The home side won match {n} at the stadium."
        )
        for n in range(1, MATCHES + 1)
    },
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the small site once; return its output folder."""
    root = tmp_path_factory.mktemp("browser")
    write_files(root, ARTICLES)
    code, _, _ = build_at(root)
    assert code == 0
    return root / "dist"


def section(site: Path) -> str:
    """Return the name the catalog gave the world/ section, from articles.json."""
    records = json.loads((site / "articles.json").read_text(encoding="utf-8"))
    return str(next(r["section"] for r in records if r["source"].startswith("world/")))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging each request."""

    def log_message(self, *args: Any) -> None:
        """Keep the test output clean."""


def serve(folder: Path) -> Iterator[str]:
    """Serve folder on a free localhost port in a thread; yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def http_root(site: Path) -> Iterator[str]:
    """Serve the site at the root of a local HTTP server."""
    yield from serve(site)


def wait_for_results(page: Page) -> list[str]:
    """Wait until the search has finished; return the result headlines."""
    page.wait_for_function(
        "/match|Nothing to search/.test(document.querySelector('.search-status').textContent)",
        timeout=20_000,
    )
    return page.locator(".search-result .card-title a").all_text_contents()


def search_from_header(page: Page, home: str, query: str) -> list[str]:
    """Type a query into the header box of the home page, submit it, return the headlines."""
    page.goto(home)
    page.fill("#masthead-q", query)
    page.press("#masthead-q", "Enter")
    page.wait_for_url("**/search/index.html?q=*")
    return wait_for_results(page)


def open_result(page: Page, headline: str) -> str:
    """Click the result with this headline; return the landing page's h1."""
    page.locator(".search-result .card-title a", has_text=headline).click()
    page.wait_for_load_state()
    return page.locator("h1").inner_text()


def test_http_search_uses_pagefind_and_opens_the_article(page, site, http_root):
    headlines = search_from_header(page, http_root + "index.html", "culiacan")
    assert page.get_attribute("form[data-search]", "data-engine") == "pagefind"
    assert headlines == [CULIACAN]
    assert page.locator(".search-result mark").count() >= 1
    assert page.locator(".search-result .card-section").first.text_content() == section(site)
    assert page.locator(".search-result time").first.text_content() == "5 January 2023"
    assert open_result(page, CULIACAN) == CULIACAN
    assert page.url.startswith(http_root + "articles/")


def test_file_search_uses_the_fallback_and_opens_the_article(page, site):
    headlines = search_from_header(page, site.as_uri() + "/index.html", "culiacan")
    assert page.get_attribute("form[data-search]", "data-engine") == "fallback"
    assert headlines == [CULIACAN]
    assert open_result(page, CULIACAN) == CULIACAN
    assert page.url.startswith(site.as_uri() + "/articles/")


def test_file_search_highlights_matches_and_finds_words_of_the_body(page, site):
    page.goto(site.as_uri() + "/search/index.html")
    page.fill("#search-q", "guzman")
    assert wait_for_results(page) == [CULIACAN]
    assert page.locator(".search-result mark").all_text_contents() == ["Guzmán"]
    page.fill("#search-q", "thunderstorm")
    page.wait_for_function(
        "/thunderstorm/.test(document.querySelector('.search-status').textContent)"
    )
    assert wait_for_results(page) == [CULIACAN]


def test_file_search_matches_the_word_being_typed_as_a_prefix(page, site):
    page.goto(site.as_uri() + "/search/index.html")
    page.locator("#search-q").press_sequentially("valpara", delay=20)
    page.wait_for_function("/valpara”/.test(document.querySelector('.search-status').textContent)")
    assert wait_for_results(page) == [HARBOUR]


@pytest.mark.parametrize("engine", ["pagefind", "fallback"])
def test_section_and_year_filters_narrow_the_results(page, site, http_root, engine):
    base = http_root if engine == "pagefind" else site.as_uri() + "/"
    page.goto(base + "search/index.html?q=stadium")
    assert len(wait_for_results(page)) == 20 and "25 articles match" in page.inner_text("body")
    assert page.get_attribute("form[data-search]", "data-engine") == engine
    page.goto(base + "search/index.html?q=stadium&year=2023")
    assert wait_for_results(page) == [FINAL]
    page.goto(base + f"search/index.html?q=after&section={section(site)}&year=2022")
    assert wait_for_results(page) == [HARBOUR]
    assert page.input_value("#search-section") == section(site)


@pytest.mark.parametrize("engine", ["pagefind", "fallback"])
def test_more_results_button_shows_the_rest(page, site, http_root, engine):
    base = http_root if engine == "pagefind" else site.as_uri() + "/"
    page.goto(base + "search/index.html?q=match")
    assert len(wait_for_results(page)) == 20
    page.click(".search-more button")
    page.wait_for_function("document.querySelectorAll('.search-result').length > 20")
    assert sorted(page.locator(".search-result .card-title a").all_text_contents()) == sorted(
        f"Match report {n}" for n in range(1, MATCHES + 1)
    )
    assert page.locator(".search-more").is_hidden()


def test_site_under_a_subpath_links_results_correctly(page, site, tmp_path):
    shutil.copytree(site, tmp_path / "archive" / "news")
    for root in serve(tmp_path):
        headlines = search_from_header(page, root + "archive/news/index.html", "harbour")
        assert page.get_attribute("form[data-search]", "data-engine") == "pagefind"
        assert headlines == [HARBOUR]
        assert open_result(page, HARBOUR) == HARBOUR
        assert page.url.startswith(root + "archive/news/articles/")


def search_status(page: Page) -> str:
    """Return what the search page says of the last search."""
    return page.inner_text(".search-status")


@pytest.mark.parametrize("engine", ["pagefind", "fallback"])
def test_a_rare_spelling_is_found_and_the_common_one_suggested(page, site, http_root, engine):
    base = http_root if engine == "pagefind" else site.as_uri() + "/"
    page.goto(base + "search/index.html?q=stadum")
    assert wait_for_results(page) == [GROUND]  # the archive spells it so: it is searched as is
    assert page.get_attribute("form[data-search]", "data-engine") == engine
    assert "Did you mean “stadium”?" in search_status(page)  # 25 articles against one
    page.click(".search-suggestion")
    page.wait_for_function(
        "/25 articles match/.test(document.querySelector('.search-status').textContent)"
    )
    assert page.input_value("#search-q") == "stadium"


def test_pagefind_parts_of_a_big_archive_are_searched_together(page, tmp_path, monkeypatch):
    monkeypatch.setattr(search_pagefind, "PART_PAGES", 4)  # 28 articles: seven parts
    write_files(tmp_path, ARTICLES)
    code, _, _ = build_at(tmp_path)
    parts = json.loads((tmp_path / "dist" / "pagefind" / "parts.json").read_text())
    assert code == 0 and len(parts) >= 5
    for root in serve(tmp_path / "dist"):
        page.goto(root + "search/index.html?q=stadium")
        assert len(wait_for_results(page)) == 20 and "25 articles match" in page.inner_text("body")
        assert page.get_attribute("form[data-search]", "data-engine") == "pagefind"
        # Each word in one part only: the parts without it must not answer with the longest
        # word it begins ("thunderstorm" finding "the"), a misspelling is respelled first.
        for query, headline in (
            ("culiacan", CULIACAN),
            ("harbour", HARBOUR),
            ("thunderstorm", CULIACAN),
            ("thunderstrom", CULIACAN),
            ("valparaiso boats", HARBOUR),
            ("airliner", CULIACAN),
        ):
            page.goto(root + f"search/index.html?q={query}")
            assert wait_for_results(page) == [headline], query
        page.goto(root + "search/index.html?q=stadium&year=2023")
        assert wait_for_results(page) == [FINAL]


def test_http_without_pagefind_falls_back_to_the_script_index(page, site, tmp_path):
    shutil.copytree(site, tmp_path / "dist")
    shutil.rmtree(tmp_path / "dist" / "pagefind")
    for root in serve(tmp_path / "dist"):
        page.goto(root + "search/index.html?q=harbour")
        assert wait_for_results(page) == [HARBOUR]
        assert page.get_attribute("form[data-search]", "data-engine") == "fallback"


def test_a_site_built_without_pagefind_never_asks_for_it_over_http(page, tmp_path):
    # the search page named Pagefind's bundle whatever the build: over http each search first
    # asked for a file the site does not have, then fell back
    write_files(tmp_path, ARTICLES)
    code, _, err = build_at(tmp_path, "--no-pagefind")
    assert code == 0, err
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    for root in serve(tmp_path / "dist"):
        page.goto(root + "search/index.html?q=harbour")
        assert wait_for_results(page) == [HARBOUR]
        assert page.get_attribute("form[data-search]", "data-engine") == "fallback"
    assert asked and not [url for url in asked if "pagefind" in url]


PROFILE = "Profile of Gordon Brown, the chancellor"
MENTION = "Brown suits and Gordon tartans at the budget"
NEAR_COPY = "The harbour of Valparaíso reopened after the storm, officials said on Monday."
SANCTIONS = "Sanctions on steel exporters"
LIGHTHOUSE = (
    "The old lighthouse on the northern cape will be restored over the next two years, the"
    " county council said on Tuesday. Volunteers have kept the lamp room dry since the keepers"
    " left in 1987, and a survey last winter found the tower sound but its windows rotten."
    " Work begins in May with new glazing, followed by the iron gallery and the keepers'"
    " cottages, which will become a small museum of the coast. The council expects visitors"
    " from across the region once the tower reopens to the public in the summer."
)
LIGHTHOUSE_AGAIN = "Lighthouse on the cape to be restored (corrected)"
PHRASES = {
    "articles/world/2021-05-04-lighthouse.md": dated(
        "Lighthouse on the cape to be restored", "2021-05-04", LIGHTHOUSE
    ),
    "articles/world/2021-05-05-lighthouse-again.md": dated(
        LIGHTHOUSE_AGAIN, "2021-05-05", LIGHTHOUSE.replace("two years", "three years")
    ),
    "articles/world/2021-04-01-sanctions.md": dated(
        SANCTIONS, "2021-04-01", "The U.S. government put sanctions on steel exporters in April."
    ),
    "articles/politics/2007-06-01-mention.md": dated(
        MENTION,
        "2007-06-01",
        "Brown shoes and a Gordon tartan were all the talk, said Gordon, a tailor; "
        "Mr Brown said nothing.",
    ),
    "articles/politics/2007-05-01-profile.md": dated(
        PROFILE, "2007-05-01", "Gordon Brown has been chancellor for ten years."
    ),
    "articles/world/2022-03-01-harbour.md": dated(HARBOUR, "2022-03-01", NEAR_COPY),
    "articles/world/2022-03-02-harbour-again.md": dated(
        "Harbour reopens after storm", "2022-03-02", NEAR_COPY + " Fishing resumed."
    ),
    "articles/world/2023-01-05-culiacan.md": ARTICLES["articles/world/2023-01-05-culiacan.md"],
}


@pytest.fixture(scope="module")
def phrase_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build a site with a phrase, its words apart, a near-duplicate and accents; return it."""
    root = tmp_path_factory.mktemp("phrases")
    write_files(root, PHRASES)
    code, _, err = build_at(root)
    assert code == 0, err
    return root / "dist"


@pytest.fixture(scope="module")
def phrase_root(phrase_site: Path) -> Iterator[str]:
    """Serve the phrase site at the root of a local HTTP server."""
    yield from serve(phrase_site)


def search_page(page: Page, base: str, query: str) -> list[str]:
    """Open the search page for a query; return the result headlines."""
    page.goto(base + "search/index.html?q=" + query)
    return wait_for_results(page)


@pytest.fixture(params=["http", "file"])
def base(request: pytest.FixtureRequest, phrase_site: Path) -> str:
    """Return the phrase site's root URL over http (Pagefind) or file:// (fallback)."""
    if request.param == "file":
        return phrase_site.as_uri() + "/"
    return str(request.getfixturevalue("phrase_root"))


def test_a_quoted_phrase_ranks_its_exact_match_first(page, base):
    headlines = search_page(page, base, '"Gordon Brown"')
    assert headlines[0] == PROFILE and set(headlines) == {PROFILE, MENTION}
    # the count is of the words, not of the phrase: MENTION has "Gordon" and "Brown" apart
    said = '2 articles match every word of "Gordon Brown"; those that write the phrase come first.'
    assert search_status(page) == said


def test_a_query_without_accents_finds_and_marks_the_accented_word(page, base):
    assert search_page(page, base, "Culiacan") == [CULIACAN]
    assert "Culiacán" in page.locator(".search-result mark").all_text_contents()


def test_a_misspelt_word_still_finds_the_article(page, base):
    assert search_page(page, base, "chancellore") == [PROFILE]
    assert search_page(page, base, "Gordonn tailor") == [MENTION]
    assert search_page(page, base, "chancelor ") == [PROFILE]  # an edit inside the word
    assert "No article has “chancelor”: searched for “chancellor”." in search_status(page)
    assert search_page(page, base, "Chancelor Brown") == [PROFILE]
    assert "matches “Chancellor Brown”." in search_status(page)  # in the case the reader wrote
    marks = page.locator(".search-result .card-title mark").all_text_contents()
    assert marks == ["Brown", "chancellor"]  # the word searched for, not the one typed


def test_a_word_being_typed_is_the_start_of_words_and_a_submitted_one_whole(page, base):
    page.goto(base + "search/index.html")
    page.locator("#search-q").press_sequentially("chancelo", delay=20)
    page.wait_for_function(
        "/chancellor/.test(document.querySelector('.search-status').textContent)"
    )
    assert wait_for_results(page) == [PROFILE]  # one edit from the start of "chancellor"
    page.locator("#search-q").fill("")
    page.locator("#search-q").press_sequentially("Culia", delay=20)
    page.wait_for_function("/Culia”/.test(document.querySelector('.search-status').textContent)")
    assert wait_for_results(page) == [CULIACAN]  # while typed: the start of "Culiacán"
    page.press("#search-q", "Enter")  # submitted: a whole word, which no article has
    page.wait_for_function(
        "/no article has it/.test(document.querySelector('.search-status').textContent)"
    )
    assert search_status(page) == "No articles match “Culia”: no article has it or a word like it."
    assert search_page(page, base, "air") == []  # from a link too: no "airport" nor "airliner"


def test_a_word_no_article_comes_near_is_left_out_and_named(page, base):
    assert search_page(page, base, "Culiacan xylophone") == [CULIACAN]
    assert "No article has “xylophone” or a word like it: left out." in search_status(page)
    assert "matches “Culiacan”." in search_status(page)  # no space left where it was
    assert search_page(page, base, "xylophone") == []
    assert "No articles match “xylophone”: no article has it" in search_status(page)


def test_a_query_of_only_common_words_says_why_nothing_is_searched(page, base):
    for query in ("the", "x y"):  # a stop-word; single letters
        assert search_page(page, base, query) == []
        said = search_status(page)
        assert said.startswith(f"Nothing to search for in “{query}”: words as common as “the”")
        assert "Add a word the story would use." in said
    assert search_page(page, base, "the Culiacan") == [CULIACAN]  # a word beside it is searched


def test_an_abbreviation_with_points_is_one_word(page, base):
    assert search_page(page, base, "u.s.") == [SANCTIONS]  # "u" and "s": no query words
    assert search_page(page, base, "US steel") == [SANCTIONS]
    assert "1 article matches “US steel”." in search_status(page)


def test_file_search_marks_an_abbreviation_whole(page, phrase_site):
    search_page(page, phrase_site.as_uri() + "/", "U.S. government")
    assert page.locator(".search-result mark").all_text_contents() == ["U.S.", "government"]


def test_a_near_duplicates_result_says_it_is_another_version(page, base):
    assert len(search_page(page, base, "lighthouse")) == 2
    labelled = page.locator(".search-result", has=page.locator(".card-version"))
    assert labelled.locator(".card-title").all_text_contents() == [LIGHTHOUSE_AGAIN]
    assert labelled.locator(".card-version").all_text_contents() == ["Another version"]


def test_another_form_of_a_word_finds_the_article(page, base):
    assert search_page(page, base, "arrested") == [CULIACAN]  # the headline says "arrest"
    assert search_page(page, base, "detaining") == [CULIACAN]  # the text says "detained"


def test_file_search_marks_the_forms_of_the_word_it_matched(page, phrase_site):
    search_page(page, phrase_site.as_uri() + "/", "arrested")
    assert page.locator(".search-result mark").all_text_contents() == ["arrest"]


def test_excerpts_quote_the_story_not_the_headline_or_notices(page, phrase_root):
    search_page(page, phrase_root, "fishing")
    excerpts = page.locator(".search-excerpt").all_text_contents()
    assert excerpts and all("Fishing resumed" in text for text in excerpts)
    assert not any("near-duplicate" in text or "Harbour reopens" in text for text in excerpts)


def test_the_header_box_keeps_the_query_on_the_results_page(page, base):
    search_page(page, base, "chancellor")
    assert page.input_value("#masthead-q") == "chancellor"


def test_filters_are_shown_only_when_they_have_values(page, tmp_path):
    write_files(tmp_path, {"articles/undated.md": "---\ntitle: Undated note\n---\n\nNo date.\n"})
    code, _, err = build_at(tmp_path)
    assert code == 0, err
    page.goto((tmp_path / "dist").as_uri() + "/search/index.html?q=note")
    assert wait_for_results(page) == ["Undated note"]
    assert page.locator("select[name=year]").count() == 0
    # one year and one section: a filter of one value would choose nothing
    write_files(
        tmp_path, {"articles/2023-05-01-dated.md": dated("Dated note", "2023-05-01", "Dated.")}
    )
    assert build_at(tmp_path)[0] == 0
    page.goto((tmp_path / "dist").as_uri() + "/search/index.html?q=note")
    assert sorted(wait_for_results(page)) == ["Dated note", "Undated note"]
    assert page.locator("select[name=year], select[name=section]").count() == 0
    # two years in two sections: both filters
    write_files(
        tmp_path, {"articles/world/2022-05-01-old.md": dated("Old note", "2022-05-01", "Old.")}
    )
    assert build_at(tmp_path)[0] == 0
    page.goto((tmp_path / "dist").as_uri() + "/search/index.html?q=note")
    wait_for_results(page)
    assert page.locator("select[name=year] option").all_text_contents() == [
        "All years",
        "2023",
        "2022",
    ]
    assert page.locator("select[name=section]").count() == 1


def test_an_edited_article_is_found_by_its_new_words(page, tmp_path):
    write_files(tmp_path, ARTICLES)
    assert build_at(tmp_path)[0] == 0
    edited = tmp_path / "articles/world/2022-03-01-harbour.md"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nA walrus named Quillibet dozed on the pier.\n",
        encoding="utf-8",
    )
    code, _, err = build_at(tmp_path)
    assert code == 0, err
    dist = tmp_path / "dist"
    for root in serve(dist):
        assert search_page(page, root, "quillibet") == [HARBOUR]
        assert search_page(page, root, "stadium final") == [FINAL]
        assert page.get_attribute("form[data-search]", "data-engine") == "pagefind"
    assert search_page(page, dist.as_uri() + "/", "quillibet") == [HARBOUR]


def test_a_results_tickers_are_shown_as_on_the_pages(page, tmp_path):
    # a wire's "<SM>" is a small tag on the pages (render.wire_marks): results show it so too,
    # from both engines, the brackets kept in the text
    story = (
        "SOUTHMARK <SM> TO PURCHASE <PANTRY INC>\n\nDALLAS, March 2 - Southmark Corp said it"
        " agreed to buy <Pantry Inc> from its founders.\n"
    )
    write_files(tmp_path, {**ARTICLES, "articles/business/southmark.txt": story})
    code, _, err = build_at(tmp_path)
    assert code == 0, err
    dist = tmp_path / "dist"

    def shown_from(root: str) -> None:
        assert search_page(page, root, "southmark") == ["SOUTHMARK <SM> TO PURCHASE <PANTRY INC>"]
        title = page.locator(".search-result .card-title a")
        assert title.locator(".ticker").inner_text() == "SM"
        assert title.locator(".wire-name").inner_text() == "PANTRY INC"  # no ticker: a firm
        assert title.inner_text().startswith("SOUTHMARK SM TO PURCHASE")

    shown_from(dist.as_uri() + "/")
    for root in serve(dist):
        shown_from(root)
        assert page.get_attribute("form[data-search]", "data-engine") == "pagefind"
