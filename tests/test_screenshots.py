"""Screenshots of every page kind at 1280 and 390 px, light and dark, plus print; each checked.

PNGs go to the folder named by NEWSARCHIVE_SHOTS (default: a temporary folder), for a person to
look at: `NEWSARCHIVE_SHOTS=/tmp/shots python -m pytest tests/test_screenshots.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page
from test_accessibility import (
    KINDS,
    build_sample_site,
    luminance,
    open_page,
    page_kinds,
)

SIZES = {1280: 900, 390: 844}  # viewport width: height (a laptop, a phone)
CLS_LIMIT = 0.05  # cumulative layout shift; 0.1 is "good" for Core Web Vitals
LAYOUT = """() => {
  const box = (selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return {top: r.top, bottom: r.bottom, width: r.width, height: r.height,
            shown: s.display !== "none" && s.visibility !== "hidden"};
  };
  const heading = [...document.querySelectorAll("main h1, main .card-title")]
    .find((el) => !el.closest(".visually-hidden") && !el.classList.contains("visually-hidden"));
  heading.setAttribute("data-first-heading", "");
  return {
    overflow: document.documentElement.scrollWidth - innerWidth,
    masthead: box(".masthead"), nav: box(".site-nav"), title: box(".site-title"),
    heading: box("[data-first-heading]"), footer: box(".site-footer"),
    broken: [...document.images].filter((img) => !img.complete || !img.naturalWidth)
      .map((img) => img.src),
    viewport: innerHeight,
  };
}"""
SHIFT = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 500);
})"""
INKS = """[...document.querySelectorAll("main *")]
  .filter((el) => el.checkVisibility() && [...el.childNodes].some(
    (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
  .map((el) => [el.textContent.trim().slice(0, 30), getComputedStyle(el).color])"""
PRINT_HIDDEN = (".site-nav", ".skip-link", ".site-footer", ".more", ".masthead-search")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the representative site once for the module; return its output folder."""
    return build_sample_site(tmp_path_factory.mktemp("shots-site"))


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the folder screenshots go to: $NEWSARCHIVE_SHOTS, else a temporary folder."""
    named = os.environ.get("NEWSARCHIVE_SHOTS")
    folder = Path(named) if named else tmp_path_factory.mktemp("shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def shoot(page: Page, folder: Path, name: str) -> Path:
    """Save a full-page screenshot and return its path."""
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000, f"{path} looks empty"
    return path


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", SIZES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_page_kind_looks_right_at_each_width(browser, site, shots, kind, width, scheme):
    url = f"{site.as_uri()}/{page_kinds(site)[kind]}"
    page = open_page(browser, url, scheme, width, SIZES[width])
    try:
        shoot(page, shots, f"{kind}-{width}-{scheme}")
        layout = page.evaluate(LAYOUT)
        assert layout["overflow"] <= 0, f"{layout['overflow']} px of sideways scrolling"
        for part in ("masthead", "nav", "title", "footer"):
            assert layout[part] and layout[part]["shown"] and layout[part]["height"] > 0, part
        heading = layout["heading"]
        assert heading["shown"] and heading["width"] > 100, "the first heading is squeezed"
        assert heading["top"] >= 0 and heading["bottom"] <= layout["viewport"], (
            "the first heading is not in the first screenful"
        )
        assert layout["masthead"]["height"] < layout["viewport"] / 2, "the masthead is too tall"
        assert layout["broken"] == []
    finally:
        page.context.close()


@pytest.mark.parametrize("width", SIZES)
@pytest.mark.parametrize("kind", KINDS)
def test_pages_do_not_shift_while_loading(browser, site, kind, width):
    page = open_page(browser, f"{site.as_uri()}/{page_kinds(site)[kind]}", "light", width)
    try:
        shift = page.evaluate(SHIFT)
        assert shift <= CLS_LIMIT, f"layout shift {shift:.3f}"
    finally:
        page.context.close()


@pytest.mark.parametrize("kind", ["article", "article-raw", "home"])
def test_print_stylesheet_shows_only_the_content_in_black_on_white(browser, site, shots, kind):
    page = open_page(browser, f"{site.as_uri()}/{page_kinds(site)[kind]}", "dark", 1280)
    try:
        page.emulate_media(media="print")
        shoot(page, shots, f"{kind}-print")
        for selector in PRINT_HIDDEN:
            for element in page.locator(selector).all():
                assert not element.is_visible(), f"{selector} is printed"
        colours = page.evaluate(
            "[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]"
        )
        assert luminance(colours[0]) > 0.95 and luminance(colours[1]) < 0.05
        for text, colour in page.evaluate(INKS):
            assert luminance(colour) < 0.2, f"{text!r} prints in a pale colour {colour}"
        assert page.locator("main").is_visible()
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 5_000
    finally:
        page.context.close()


NAV_ROW = """() => {
  const list = document.querySelector(".site-nav ul");
  const links = [...list.querySelectorAll("a")].map((a) => a.getBoundingClientRect().top);
  const heading = document.querySelector("main h1").getBoundingClientRect();
  return {rows: new Set(links.map(Math.round)).size, scrolls: list.scrollWidth > list.clientWidth,
          overflow: document.documentElement.scrollWidth - innerWidth, heading: heading.bottom};
}"""


@pytest.mark.parametrize("width", SIZES)
def test_a_long_section_menu_leaves_the_first_screen_to_the_page(browser, build_site_from, width):
    desks = [f"desk-{n:02}" for n in range(60)]  # an archive of many folders (wire topics)
    built = build_site_from(
        {
            f"articles/{desk}/2024-01-{day:02}-story.txt": f"Story from {desk}\n\nIt happened.\n"
            for desk in desks
            for day in (1, 2)
        }
    )
    assert built.code == 0, built.err
    page = open_page(browser, (built.dist / "index.html").as_uri(), "light", width, SIZES[width])
    try:
        layout = page.evaluate(NAV_ROW)
        assert layout["overflow"] <= 0, "the page scrolls sideways"
        assert layout["heading"] <= SIZES[width], "the page's heading is below the first screen"
        if width < 600:  # a phone: one row that scrolls sideways to the last section
            assert layout["rows"] == 1 and layout["scrolls"]
    finally:
        page.context.close()
