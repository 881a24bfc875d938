"""Accessibility in a real browser: axe-core on every page kind, light and dark; keyboard use.

The representative site built here (and used by test_screenshots.py) has every page kind: home
and its page 2, articles (raw text with a photo caption; Markdown with a list; Markdown with a
table, a quote and a link), a section, the archive with a year and a month, a tag, a person, a
place, topics, the tag index, search with results, and the 404 page.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Literal

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from newsarchive.cli import main

from conftest import SAMPLES, write_files

Scheme = Literal["light", "dark"]
SCHEMES: tuple[Scheme, ...] = ("light", "dark")
BLOCKING = {"serious", "critical"}
KINDS = (
    "home",
    "home-page-2",
    "article",
    "article-raw",
    "article-table",
    "section",
    "archive",
    "year",
    "month",
    "day",
    "tag",
    "tags",
    "tags-letter",
    "author",
    "person",
    "place",
    "topics",
    "search",
    "404",
)
VISIT = "Biden to visit Mexico City as Culiacán calms"


def markdown(title: str, date: str, tags: str, body: str) -> str:
    """Return a Markdown article with front matter."""
    return f"---\ntitle: {title}\ndate: {date}\ntags: [{tags}]\n---\n\n{body.strip()}\n"


HARBOUR_BODY = """
Fishing boats returned to the harbour of Valparaíso on Monday, a week after the storm closed it.

## What reopened

| Quay | Boats | Open since |
|------|-------|------------|
| North | 42 | Monday |
| South | 17 | Tuesday |

> "We lost a week of catch, but nobody was hurt," said the harbour master.

Read the [port authority notice](https://example.org/notice) for the full timetable.
"""
VISIT_BODY = """
U.S. President Joe Biden will visit Mexico City next week, days after the arrest of Ovidio
Guzmán in Culiacán set off a day of violence in Sinaloa.

Officials said the talks would cover:

- security along the border,
- the trade in fentanyl, and
- migration.

Joe Biden last met Mexico's president in Washington. Culiacán was calm on Saturday as
schools reopened across Sinaloa.
"""
MARKETS_BODY = """
The peso rallied on Friday as traders in Mexico City shrugged off the violence in Culiacán.
Analysts said a visit by Joe Biden was already priced in.
"""
FINAL_BODY = "Both teams scored twice in the final at the national stadium in Mexico City."
LONG_TITLE = (
    "Councillors approve the Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch "
    "bypass after a twelve-hour sitting"
)
BEAT_WORDS = """agriculture aviation banking books bridges budgets business canals charities
chemistry cinema climate courts crime culture dance defence diplomacy drought education elections
energy environment exports farming fashion finance fisheries food forestry gardens health heritage
housing insurance jazz justice labour languages law libraries markets media medicine mining museums
music oceans opera parliament pensions police ports prisons radio rail religion science shipping"""
# More tags than letters.LETTERS_FROM, one accented, one starting with a digit: A–Z pages.
BEATS = (*(f"{word} desk" for word in BEAT_WORDS.split(maxsplit=-1)), "Économie", "2023 census")
SITE_FILES: dict[str, str | bytes] = {
    "site.yaml": (
        "title: The Valley Gazette Archive\n"
        "description: Fifty years of local and world news\n"
        "per_page: 4\n"
    ),
    "articles/world/2023-01-07-visit.md": markdown(
        VISIT, "2023-01-07", "mexico, security", VISIT_BODY
    ),
    "articles/world/2023-02-14-harbour.md": markdown(
        "Harbour reopens after the storm in Valparaíso", "2023-02-14", "weather", HARBOUR_BODY
    ),
    "articles/business/2023-01-20-peso.md": markdown(
        "Peso rallies as markets shrug off the violence",
        "2023-01-20",
        "markets, mexico",
        MARKETS_BODY,
    ),
    "articles/sport/2023-06-10-final.md": markdown(
        "Cup final ends in a draw", "2023-06-10", "football", FINAL_BODY
    ),
    "articles/local/2022-11-30-bypass.md": markdown(
        LONG_TITLE,
        "2022-11-30",
        "roads",
        "The vote passed 9 to 4. The plan is at "
        "https://example.org/planning/applications/2022/very-long-reference-number-000123456789.",
    ),
    "articles/local/2022-09-01-beats.md": markdown(
        "The newsroom's beats, one tag each",
        "2022-09-01",
        ", ".join(BEATS),
        "Enough tags for the tag list to get A to Z pages.",
    ),
    "articles/local/press-freedom.txt": (
        "Reporters mark press freedom day\n\nBy Jane Doe\n\n"
        "Reporters and editors gathered in the square to read the names of colleagues.\n"
    ),
}


def build_sample_site(root: Path) -> Path:
    """Write the representative site under root, build it, and return its output folder."""
    write_files(root, SITE_FILES)
    for sample in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(sample, root / "articles" / sample.name)
    dist = root / "dist"
    argv = ["--articles", str(root / "articles"), "--output", str(dist)]
    assert main([*argv, "--config", str(root / "site.yaml"), "-q"]) == 0
    return dist


def first_page(dist: Path, folder: str) -> str:
    """Return the first term page under a folder such as "people" (sorted by key)."""
    pages = sorted(p for p in (dist / folder).glob("*/index.html") if p.parent.name != "page")
    assert pages, f"the site has no {folder} pages"
    return pages[0].relative_to(dist).as_posix()


def page_kinds(dist: Path) -> dict[str, str]:
    """Return {page kind: path under dist (with a query where needed)} for every page kind."""
    kinds = {
        "home": "index.html",
        "home-page-2": "page/2/index.html",
        "article": "articles/biden-to-visit-mexico-city-as-culiacan-calms/index.html",
        "article-raw": "articles/mexican-security-forces-captured-ovidio-guzman-lopez/index.html",
        "article-table": "articles/harbour-reopens-after-the-storm-in-valparaiso/index.html",
        "section": "sections/world/index.html",
        "archive": "archive/index.html",
        "year": "archive/2023/index.html",
        "month": "archive/2023/01/index.html",
        "day": "archive/2023/01/07/index.html",
        "tag": "tags/mexico/index.html",
        "tags": "tags/index.html",
        "tags-letter": "tags/letters/e/index.html",
        "author": "authors/jane-doe/index.html",
        "person": first_page(dist, "people"),
        "place": first_page(dist, "places"),
        "topics": "topics/index.html",
        "search": "search/index.html?q=culiacan",
        "404": "404.html",
    }
    assert tuple(kinds) == KINDS
    for kind, path in kinds.items():
        assert (dist / path.split("?")[0]).is_file(), f"{kind}: {path} was not built"
    return kinds


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the representative site once for the module; return its output folder."""
    return build_sample_site(tmp_path_factory.mktemp("a11y"))


def open_page(
    browser: Browser, url: str, scheme: Scheme, width: int = 1280, height: int = 900
) -> Page:
    """Open a URL in a fresh page with a colour scheme and viewport; wait until it settles."""
    context = browser.new_context(
        color_scheme=scheme,
        viewport={"width": width, "height": height},
        reduced_motion="reduce",
    )
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    if "search/" in url:
        page.wait_for_selector(".search-results li", timeout=10_000)
    return page


def blocking(results: dict[str, Any]) -> list[str]:
    """Return one line per serious or critical violation: rule, impact, elements, advice."""
    lines = []
    for violation in results["violations"]:
        if violation["impact"] in BLOCKING:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
            lines.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}"
            )
    return lines


def visit(
    browser: Browser, site: Path, kind: str, scheme: Scheme = "light", width: int = 1280
) -> Page:
    """Open one page kind of the representative site from disk."""
    height = 900 if width > 600 else 844
    return open_page(browser, f"{site.as_uri()}/{page_kinds(site)[kind]}", scheme, width, height)


def luminance(css: str) -> float:
    """Return the relative luminance (WCAG 2.1) of a CSS rgb()/rgba() colour."""
    channels = [float(c) / 255 for c in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """Return the WCAG contrast ratio of two CSS colours."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


LANDMARK_RULES = [
    "region",
    "landmark-one-main",
    "landmark-unique",
    "bypass",
    "skip-link",
    "page-has-heading-one",
    "heading-order",
]
FOCUS_STYLE = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {tag: el.tagName, cls: el.className, outline: style.outlineStyle,
          width: parseFloat(style.outlineWidth), colour: style.outlineColor,
          visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight};
}"""
TAB_STOPS = 12


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_serious_or_critical_violations(browser, site, kind, scheme):
    page = visit(browser, site, kind, scheme)
    try:
        results = Axe().run(page).response
        assert results["testEngine"]["name"] == "axe-core"
        assert blocking(results) == []
        unsure = [i for i in results["incomplete"] if i["id"] == "color-contrast"]
        assert unsure == [], "axe could not measure the contrast of some text"
    finally:
        page.context.close()


@pytest.mark.parametrize("kind", KINDS)
def test_every_page_has_landmarks_a_skip_link_and_one_h1(browser, site, kind):
    page = visit(browser, site, kind)
    try:
        options = {"runOnly": {"type": "rule", "values": LANDMARK_RULES}}
        results = Axe().run(page, options=options).response
        assert [v["id"] for v in results["violations"]] == []
        assert page.locator("h1").count() == 1
        for landmark in ("header.masthead", "nav.site-nav", "main#main", "footer.site-footer"):
            assert page.locator(landmark).count() == 1, landmark
    finally:
        page.context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_scheme_really_changes_the_colours(browser, site, scheme):
    page = visit(browser, site, "article", scheme)
    try:
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        text = page.evaluate("getComputedStyle(document.body).color")
        assert (luminance(background) > 0.5) == (scheme == "light")
        assert contrast(background, text) >= 7  # body text at AAA, in both schemes
    finally:
        page.context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_skip_link_is_the_first_tab_stop_shows_and_moves_focus_to_main(browser, site, scheme):
    page = visit(browser, site, "article", scheme)
    try:
        skip = page.locator("a.skip-link")
        assert not skip.is_visible() or skip.bounding_box()["y"] < 0  # off-screen until focused
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_STYLE)
        assert focused["cls"] == "skip-link" and focused["visible"]
        assert focused["outline"] != "none" and focused["width"] >= 2
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
    finally:
        page.context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", ["article", "search", "home-page-2"])
def test_keyboard_focus_is_always_visible_with_enough_contrast(browser, site, kind, scheme):
    page = visit(browser, site, kind, scheme)
    try:
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        seen = []
        for _ in range(TAB_STOPS):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUS_STYLE)
            if focused["tag"] == "BODY":
                break  # past the last tab stop
            seen.append(focused["tag"])
            where = f"{focused['tag']}.{focused['cls']}"
            assert focused["visible"], f"{where} is focused but off-screen"
            assert focused["outline"] != "none" and focused["width"] >= 2, where
            assert contrast(focused["colour"], background) >= 3, where  # WCAG 1.4.11
        assert seen.count("A") >= 5
    finally:
        page.context.close()


@pytest.mark.parametrize("kind", KINDS)
def test_pages_reflow_at_320_css_pixels_without_sideways_scrolling(browser, site, kind):
    page = visit(browser, site, kind, width=320)
    try:
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{kind} is {overflow} px wider than a 320 px screen"
    finally:
        page.context.close()
