"""Whole-site tests of the news features: dates, archives, taxonomies, entities, related, metadata."""

from __future__ import annotations

import html
import json
import re

import pytest

from newsarchive import sitemap

from conftest import SAMPLES
from test_site import SAMPLE_FILES, dated

SOURCE_001 = "001_mexico-army-culiacan.txt"
SOURCE_002 = "002_el-chapo-son-captured.txt"


def jsonld(page: str) -> dict[str, object]:
    """Return the JSON-LD object of a page."""
    block = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data: dict[str, object] = json.loads(block)
    return data


def related_titles(page: str) -> list[str]:
    """Return the link texts of the related and same-story lists, in page order."""
    aside = page.split('<aside class="more"')[1].split("</aside>")[0]
    lists = re.findall(r'<ul class="link-list">(.*?)</ul>', aside, re.S)
    return [title for block in lists for title in re.findall(r'<a href="[^"]+">([^<]+)</a>', block)]


def test_sample_entities_get_pages_listing_both_articles(build_site_from):
    built = build_site_from(SAMPLE_FILES)
    expected = {
        "people/ovidio-guzman-lopez/index.html": "Ovidio Guzmán López",
        "places/culiacan/index.html": "Culiacán",
        "places/sinaloa/index.html": "Sinaloa",
        "organisations/national-guard/index.html": "National Guard",
    }
    for path, name in expected.items():
        page = built.page(path)
        assert f"<h1>{name}</h1>" in page, path
        assert "2 articles" in page
        assert "Mexican security forces captured Ovidio Guzmán López" in page
        assert "Mexico captures son of &#39;El Chapo&#39;" in page
    names = " ".join(
        built.page(f"{kind}/index.html") for kind in ("people", "places", "organisations")
    )
    for noise in (">The<", ">But<", ">This<", ">Guzman<", ">Guzmán<"):
        assert noise not in names


def test_article_page_lists_its_entities(build_site_from):
    built = build_site_from(SAMPLE_FILES)
    page = built.page(built.article_path(SOURCE_002))
    story = page.split('id="in-this-story"')[1].split("</section>")[0]
    for name in ("Ovidio Guzmán López", "Culiacán", "Sinaloa", "National Guard"):
        assert name in story


FOOTBALL = "Football club wins the league title after a late goal"
STORM = "Storm brings heavy rain and flooding to coastal towns"


def other_subjects(*topics: str) -> dict[str, str]:
    """Return articles on other subjects, which give the words stories share their weight."""
    return {
        f"articles/other-{n}.txt": f"{topic}\n\n{topic}. More on the story follows here."
        for n, topic in enumerate(topics)
    }


def test_each_sample_lists_the_other_first(build_site_from):
    files = SAMPLE_FILES | other_subjects(
        FOOTBALL, STORM, "Central bank raises interest rates to fight inflation"
    )
    built = build_site_from(files)
    first = built.page(built.article_path(SOURCE_001))
    second = built.page(built.article_path(SOURCE_002))
    assert related_titles(first)[0].startswith("Mexico captures son of")
    assert related_titles(second)[0] == "Mexican security forces captured Ovidio Guzmán López"
    assert "Other coverage of this story" in first and "Other coverage of this story" in second


def test_near_duplicate_is_reported_and_marked(build_site_from):
    original = (SAMPLES / SOURCE_002).read_text(encoding="utf-8")
    edited = original.replace("on Thursday", "on Thursday morning").replace(
        "no passengers were hurt", "nobody on board was hurt"
    )
    built = build_site_from({"articles/a.txt": original, "articles/b.txt": edited}, "-v")
    assert "Duplicates: 1 near-duplicate:\n  b.txt: near-duplicate of a.txt (" in built.out
    assert "near-duplicate of" in built.page(built.article_path("b.txt"))
    # listed twice, one card says which is the other version (a review found two alike cards)
    home = built.page("index.html")
    assert home.count('<span class="card-version">Another version</span>') == 1
    b_card = home.split(f'href="{built.article_path("b.txt")}"')[0].rsplit('<li class="card', 1)[1]
    assert "Another version" in b_card


def test_date_sources_in_order_of_precedence(build_site_from):
    built = build_site_from(
        {
            "articles/2021-03-04-fm.md": dated("Front matter wins", "2020-01-02"),
            "articles/2021-03-04-name.txt": "Filename date\n\nBody.",
            "articles/dateline.txt": "Dateline date\n\nLONDON, Jan. 7, 2019 (Reuters) - Body.",
            "articles/none.txt": "No date\n\nBody with no date at all.",
        }
    )
    dates = {r["source"]: r["date"] for r in json.loads(built.page("articles.json"))}
    assert dates == {
        "2021-03-04-fm.md": "2020-01-02T00:00:00+00:00",
        "2021-03-04-name.txt": "2021-03-04T00:00:00+00:00",
        "dateline.txt": "2019-01-07T00:00:00+00:00",
        "none.txt": None,
    }
    assert "Undated" in built.page(built.article_path("none.txt"))
    assert "1970" not in built.page("index.html")


def test_timezone_converts_and_labels_dates(build_site_from):
    built = build_site_from(
        {
            "site.yaml": "timezone: America/New_York\n",
            "articles/x.md": dated("Late story", "2023-01-06T02:30:00+00:00"),
        }
    )
    page = built.page(built.article_path("x.md"))
    assert '<time datetime="2023-01-05T21:30:00-05:00"' in page
    assert ">5 January 2023</time>" in page
    assert jsonld(page)["datePublished"] == "2023-01-05T21:30:00-05:00"
    assert '<meta property="article:published_time" content="2023-01-05T21:30:00-05:00">' in page


def test_year_and_month_archives_have_counts(build_site_from):
    files = {
        f"articles/2022-0{m}-0{d}-s{m}{d}.txt": f"Story {m}-{d}\n\nBody {m} {d}."
        for m in (1, 2)
        for d in (1, 2, 3)
    }
    files["articles/2023-05-01-t.txt"] = "Story 2023\n\nBody."
    built = build_site_from(files)
    overview = built.page("archive/index.html")
    assert re.search(r'>2022</a> <span class="count">6</span>', overview)
    assert re.search(r'>February</a> <span class="count">3</span>', overview)
    assert "6 articles" in built.page("archive/2022/index.html")
    month = built.page("archive/2022/02/index.html")
    assert "Story 2-3" in month and "Story 1-1" not in month


def test_tags_fold_case_and_have_pages(build_site_from):
    built = build_site_from(
        {
            "articles/a.md": dated("A", "2023-01-01", tags="[Climate, Energy]"),
            "articles/b.md": dated("B", "2023-01-02", tags="climate"),
        }
    )
    page = built.page("tags/climate/index.html")
    assert "<h1>Climate</h1>" in page and "2 articles" in page
    assert ">A</a>" in page and ">B</a>" in page
    assert json.loads(built.page("articles.json"))[0]["tags"] == ["Climate", "Energy"]


def test_term_lists_are_paginated(build_site_from):
    files = {
        f"articles/a{n}.md": dated(f"Story {n}", "2023-01-01", tags=f"[tag{n:03d}]")
        for n in range(205)
    }
    built = build_site_from(files)
    assert built.exists("tags/page/2/index.html")
    assert "Page 2 of 2" in built.page("tags/page/2/index.html")


def test_article_jsonld_and_open_graph(build_site_from):
    built = build_site_from(
        {
            "articles/world/x.md": (
                "---\ntitle: Budget passes\ndate: 2023-04-05\nauthor: Jane Doe\nsource: Gazette\n"
                "tags: [Budget]\ncaption: The chamber\ncredit: Photo Desk\n---\n\nThe budget passed."
            ),
        },
        "--base-url",
        "https://example.org/",
    )
    page = built.page(built.article_path("world/x.md"))
    data = jsonld(page)
    assert data["@type"] == "NewsArticle" and data["headline"] == "Budget passes"
    assert data["datePublished"] == "2023-04-05T00:00:00+00:00"
    assert data["articleSection"] == "World"
    assert data["author"] == {
        "@type": "Person",
        "name": "Jane Doe",
        "url": "https://example.org/authors/jane-doe/",
    }
    assert data["keywords"] == ["Budget"]
    assert data["image"] == {
        "@type": "ImageObject",
        "caption": "The chamber",
        "creditText": "Photo Desk",
    }
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="article:section" content="World">' in page
    assert '<link rel="canonical" href="https://example.org/articles/budget-passes/">' in page


def test_every_page_has_a_title_and_description(build_site_from):
    built = build_site_from(SAMPLE_FILES)
    for page in built.html_files():
        html = page.read_text(encoding="utf-8")
        title = re.search(r"<title>(.+?)</title>", html)
        description = re.search(r'<meta name="description" content="([^"]+)">', html)
        assert title and len(title.group(1)) > 5, page
        assert description and len(description.group(1)) > 10, page


def test_large_sitemaps_are_split_with_an_index(monkeypatch):
    from newsarchive.config import SiteConfig

    monkeypatch.setattr(sitemap, "SITEMAP_LIMIT", 2)
    config = SiteConfig(base_url="https://example.org/")
    pages = [(f"p{n}/index.html", "") for n in range(5)]
    outputs = {o.path: o.data.decode() for o in sitemap.sitemap_outputs(config, pages)}
    assert sorted(outputs) == [
        "robots.txt",
        "sitemap-1.xml",
        "sitemap-2.xml",
        "sitemap-3.xml",
        "sitemap.xml",
    ]
    assert "<sitemapindex" in outputs["sitemap.xml"]
    assert outputs["sitemap-3.xml"].count("<url>") == 1


def test_permalink_pattern_places_articles(build_site_from):
    built = build_site_from(
        {
            "site.yaml": "permalink: '{section}/{year}/{slug}/'\n",
            "articles/world/2023-02-03-x.txt": "Dated story\n\nBody.",
            "articles/world/undated.txt": "Undated story\n\nBody.",
        }
    )
    assert built.article_path("world/2023-02-03-x.txt") == "world/2023/dated-story/index.html"
    assert built.article_path("world/undated.txt") == "world/undated/undated-story/index.html"


def test_an_exact_copy_is_never_listed_beside_its_original(build_site_from):
    files = dict(SAMPLE_FILES)
    files["articles/zz-copy.txt"] = SAMPLE_FILES[f"articles/{SOURCE_002}"]
    built = build_site_from(files)
    copied = "Mexico captures son of"
    titles = related_titles(built.page(built.article_path(SOURCE_001)))
    assert sum(title.startswith(copied) for title in titles) == 1
    for source in (SOURCE_002, "zz-copy.txt"):
        titles = related_titles(built.page(built.article_path(source)))
        assert not any(title.startswith(copied) for title in titles)


WIRE_STORY = (
    "AM INTERNATIONAL <AM> 2ND QTR\n\nCHICAGO, Feb 26 - Shr loss two cts vs profit seven cts\n"
    "    Revs 291.8 mln vs 151.1 mln\n    The company said sales rose\nin the quarter.\n Reuter\n"
)


def test_a_column_aligned_table_first_gets_no_standfirst_repeating_it(build_site_from):
    # Reuters: "NYMEX PALLADIUM CLSG 7-APR" showed its rows run together under the headline
    # ("OPEN HIGH LOW CLOSE; APR7 -- -- -- --; ..."), then the table itself
    story = "NYMEX PALLADIUM CLSG 7-APR\n         OPEN       HIGH  LOW     CLOSE\n"
    story += " APR7   --            --    --    --\n JUN7 13050L 13125H 13125 13000\n"
    built = build_site_from({"articles/palladium.txt": story})
    page = built.page(built.article_path("palladium.txt"))
    assert '<pre class="wire-table"' in page and 'class="standfirst"' not in page


def test_wire_table_is_a_preformatted_block_and_the_sign_off_is_gone(build_site_from):
    built = build_site_from({"articles/earn.txt": WIRE_STORY})
    page = built.page(built.article_path("earn.txt"))
    assert '<div class="dateline-line"><span class="dateline">CHICAGO, Feb 26</span></div>' in page
    assert (
        '<pre class="wire-table" tabindex="0">Shr loss two cts vs profit seven cts\n'
        "Revs 291.8 mln vs 151.1 mln</pre>"
    ) in page
    assert "<p>The company said sales rose in the quarter.</p>" in page
    assert 'class="standfirst"' not in page  # the summary only repeats the table's rows
    assert "Reuter" not in page.split('class="story-body"')[1].split("</div>")[0]


def test_articles_json_marks_briefs_and_headline_sources(build_site_from):
    built = build_site_from(
        {
            "articles/brief.txt": "FED SEES SLOWER MONEY GROWTH\n\nBlah blah blah.\n",
            "articles/story.txt": WIRE_STORY,
            "articles/caption.txt": "A photo\nA photo AFP\n\nTroops patrolled the city.\n",
        }
    )
    records = {r["source"]: r for r in json.loads(built.page("articles.json"))}
    assert records["brief.txt"]["brief"] is True
    assert "brief" not in records["story.txt"]
    assert records["story.txt"]["headline_source"] == "text"
    assert records["caption.txt"]["headline_source"] == "first_sentence"
    assert records["caption.txt"]["title"] == "Troops patrolled the city"
    page = built.page(built.article_path("brief.txt"))
    assert "Blah" not in page
    assert "Brief: filed as a headline only." in page
    assert "0 words" not in page and "min read" not in page  # a brief has no text to read
    assert "min read" in built.page(built.article_path("story.txt"))


def test_two_issues_of_a_short_notice_are_not_near_duplicates(build_site_from):
    notice = (
        "FED ADDS RESERVES VIA CUSTOMER REPURCHASES\n\nNEW YORK, March {day} - The Federal "
        "Reserve entered the U.S. government securities market to arrange {amount} billion dlrs "
        "of customer repurchase agreements, a Fed spokesman said. Dealers said Federal funds "
        "were trading at 6-1/8 pct when the Fed began its temporary and indirect supply of "
        "reserves to the banking system.\n"
    )
    built = build_site_from(
        {
            "articles/a.txt": notice.format(day=30, amount="1.5"),
            "articles/b.txt": notice.format(day=31, amount="1.5"),  # ~0.87 the same
        }
    )
    assert "near-duplicate" not in built.out
    assert "near-duplicate of" not in built.page(built.article_path("b.txt"))


LLOYDS = "Lloyds Bank cuts base rate to 10.5 pct"
LLOYDS_CUT = (
    f"{LLOYDS}\n\nLloyds Bank said it would cut its base lending rate to 10.5 pct from 11 pct,"
    " following National Westminster Bank. The cut takes effect tomorrow, Lloyds said."
)
BARCLAYS_CUT = (
    "Barclays follows NatWest base rate cut\n\nBarclays Bank said it would cut its base lending"
    " rate to 10.5 pct from 11 pct, following National Westminster Bank and Lloyds Bank. The cut"
    " takes effect tomorrow, Barclays said."
)


def story_titles(page: str) -> list[str]:
    """Return the headlines an article page lists under "Other coverage of this story"."""
    story = page.split('id="same-story"')[1].split("</ul>")[0]
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', story)


def lloyds_story(resent: str) -> dict[str, str]:
    """Return one story's files: Lloyds' rate cut, its re-send under the headline `resent`, and
    Barclays' cut, among other subjects."""
    return {
        "articles/1987-03-09-lloyds-again.txt": LLOYDS_CUT,
        "articles/1987-03-09-lloyds.txt": f"{resent}\n\nLloyds Bank said it cut its base"
        " lending rate half a point to 10.5 pct from 11 pct, matching National Westminster Bank,"
        " from tomorrow. Lloyds said mortgage rates were under review.",
        "articles/1987-03-09-barclays.txt": BARCLAYS_CUT,
    } | other_subjects(FOOTBALL, STORM, "Miners vote to strike over pay at the copper smelter")


@pytest.mark.parametrize(
    "resent",
    [
        LLOYDS,
        # a ticker or quotes in the re-send make no other headline ("FORD <F> CANADA ..." beside
        # "FORD CANADA ...", 'DEBT PACT "BETTER THAN MEXICO'S'' on Reuters pages)
        "Lloyds Bank <LLOY.L> cuts base rate to 10.5 pct",
        'Lloyds Bank cuts base rate to "10.5 pct"',
    ],
)
def test_a_story_lists_each_headline_once(build_site_from, resent):
    # Reuters re-sends a story under its headline: "BARCLAYS, MIDLAND FOLLOW NATWEST BASE RATE
    # CUT" was listed twice under "Other coverage of this story"
    built = build_site_from(lloyds_story(resent))
    page = built.page(built.article_path("1987-03-09-barclays.txt"))
    story = page.split('id="same-story"')[1].split("</ul>")[0]
    assert story.count("<li>") == 1
    aside = page.split('<aside class="more"')[1].split("</aside>")[0]
    lists = "".join(re.findall(r'<ul class="link-list">(.*?)</ul>', aside, re.S))  # both lists
    assert lists.count("cuts base rate to") == 1  # the re-send is no "related article" either


def test_a_re_send_in_the_story_list_is_marked_as_another_version(build_site_from):
    # Reuters re-sends a corrected table under its headline ("ARBOR DRUGS INC <ARBR> 2ND QTR
    # JAN 31 NET", 58.7 then 58.8 mln): the story list showed the page's own headline, unmarked
    built = build_site_from(lloyds_story(f"{LLOYDS} <LLOY.L>"))

    def story(source: str) -> list[str]:
        page = built.page(built.article_path(source))
        listed = page.split('id="same-story"')[1].split("</ul>")[0]
        return [html.unescape(re.sub(r"<[^>]+>", "", item)) for item in listed.split("<li>")[1:]]

    (again,) = [item for item in story("1987-03-09-lloyds.txt") if LLOYDS in item]
    assert "Another version" in again
    assert not any("Another version" in item for item in story("1987-03-09-barclays.txt"))


def test_a_related_list_is_filled_past_the_articles_own_story(build_site_from):
    # the story's members are listed apart; a related list cut to its length before they were
    # left out showed fewer related articles on a page with a story than it could, and a later
    # story under the story's headline showed that headline in both lists
    later = "Building societies hold mortgage rates despite base rate cut"
    files = {
        "site.yaml": "related_count: 1\n",
        "articles/1987-03-09-lloyds.txt": LLOYDS_CUT,
        "articles/1987-03-09-barclays.txt": BARCLAYS_CUT,
        "articles/1987-09-01-lloyds.txt": f"{LLOYDS}\n\nLloyds Bank said it would cut its"
        " base lending rate to 10.5 pct from 11 pct, following Midland Bank. The cut takes"
        " effect on Monday, Lloyds said.",  # a later story under the headline: not listed
        "articles/1987-06-20-societies.txt": f"{later}\n\nBritish building societies said they"
        " would hold mortgage rates although Barclays Bank and Lloyds Bank cut their base lending"
        " rate to 10.5 pct. Mortgage rates stay under review, the societies said.",
    } | other_subjects(FOOTBALL, STORM, "Miners vote to strike over pay at the copper smelter")
    built = build_site_from(files)
    page = built.page(built.article_path("1987-03-09-barclays.txt"))
    assert story_titles(page) == [LLOYDS]
    assert related_titles(page) == [LLOYDS, later]


def test_a_wires_tickers_are_tags_and_its_brackets_stay_in_the_text(build_site_from):
    # Reuters writes a company's ticker and an unlisted company in angle brackets: "SOUTHMARK
    # <SM> TO PURCHASE <NATIONAL SELF>" showed its brackets on nearly every page
    story = (
        "SOUTHMARK <SM> TO PURCHASE <NATIONAL SELF>\n\nDALLAS, March 2 - Southmark Corp said it"
        " agreed to buy <National Self Storage> from <Nissho Iwai Corp> and Kawasaki Heavy"
        " Industries Ltd <KAWH.T>, and <PANTRY INC> from <ERIC ST>.\n"
    )
    built = build_site_from({"articles/southmark.txt": story})
    page = built.page(built.article_path("southmark.txt"))
    hidden = '<span class="wire-mark">&lt;</span>{}<span class="wire-mark">&gt;</span>'
    title = page.split('data-pagefind-meta="title">')[1].split("</h1>")[0]
    assert title == (
        f'SOUTHMARK <span class="ticker">{hidden.format("SM")}</span> TO PURCHASE '
        f'<span class="wire-name">{hidden.format("NATIONAL SELF")}</span>'
    )
    assert re.sub("<[^>]+>", "", title) == "SOUTHMARK &lt;SM&gt; TO PURCHASE &lt;NATIONAL SELF&gt;"
    assert f'<span class="ticker">{hidden.format("KAWH.T")}</span>' in page
    assert f'<span class="wire-name">{hidden.format("Nissho Iwai Corp")}</span>' in page
    assert f'<span class="wire-name">{hidden.format("PANTRY INC")}</span>' in page
    assert f'<span class="ticker">{hidden.format("ERIC ST")}</span>' in page
    home = built.page("index.html")
    assert f'<span class="ticker">{hidden.format("SM")}</span>' in home  # cards too
