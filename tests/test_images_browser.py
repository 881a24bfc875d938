"""Images in a real browser (Chromium via Playwright) at a laptop's and a phone's width: the
figure and the list thumbnails load, fit the page and keep their captions.

Screenshots go to the folder named by NEWSARCHIVE_SHOTS, if set, for a person to look at:
`NEWSARCHIVE_SHOTS=/tmp/shots python -m pytest tests/test_images_browser.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_images import CAPTIONED, markdown, picture

SIZES = {1280: 900, 390: 844}
SITE = {
    "articles/world/flood.txt": CAPTIONED,
    "articles/world/flood.jpg": picture(1600, 900),
    "articles/markets/chart.md": markdown(
        "image: chart.png\ncaption: Prices since January, by week\ncredit: Staff graphic\n",
        "Prices rose all month.\n\n![A second chart](detail.png)\n\nThe office said so.",
    ),
    "articles/markets/chart.png": picture(1200, 800, "PNG", (200, 120, 40)),
    "articles/markets/detail.png": picture(500, 300, "PNG", (40, 160, 90)),
    "articles/plain.md": "---\ntitle: A story with no picture\ndate: 2024-03-01\n---\n\nJust text.\n",
}
LOADED = """() => Promise.all([...document.images].map((img) => {
  img.scrollIntoView();  // a lazy image below the fold loads only when a reader gets to it
  return img.decode().catch(() => null);
})).then(() => window.scrollTo(0, 0))"""
IMAGES = """() => [...document.images].map((img) => {
  const r = img.getBoundingClientRect();
  return {src: img.getAttribute("src"), loaded: img.complete && img.naturalWidth > 0,
          left: r.left, right: r.right, width: r.width, height: r.height};
})"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the site with pictures once for the module; return its output folder."""
    from conftest import build_at, write_files

    root = tmp_path_factory.mktemp("images-site")
    write_files(root, SITE)
    code, out, err = build_at(root, "--no-pagefind")
    assert code == 0 and "Warnings" not in out, out + err
    return root / "dist"


def shoot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Scroll every picture into view and wait for it (lazy images load as a reader scrolls),
    then save a full-page screenshot when NEWSARCHIVE_SHOTS names a folder."""
    page.evaluate(LOADED)
    folder = os.environ.get("NEWSARCHIVE_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def article_of(site: Path, source: str) -> str:
    """Return the output path of the page built from a source file."""
    import json

    records = json.loads((site / "articles.json").read_text(encoding="utf-8"))
    return next(r["url"] for r in records if r["source"] == source)


@pytest.mark.parametrize("width", sorted(SIZES))
def test_article_figure_loads_fits_and_keeps_its_caption(page, site, width) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": width, "height": SIZES[width]})
    page.goto((site / article_of(site, "markets/chart.md")).as_uri())
    shoot(page, f"article-figure-{width}")
    images = page.evaluate(IMAGES)
    assert [i["src"].rsplit("/", 1)[-1] for i in images] == ["chart.png", "detail.png"]
    assert all(i["loaded"] for i in images), images
    assert all(i["left"] >= 0 and i["right"] <= width for i in images), images
    figure = images[0]
    assert abs(figure["width"] / figure["height"] - 1.5) < 0.02  # not stretched
    caption = page.locator("figure figcaption")
    assert caption.is_visible() and "Prices since January" in caption.inner_text()
    assert "STAFF GRAPHIC" in caption.inner_text()  # credits are set in capitals
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0


@pytest.mark.parametrize("width", sorted(SIZES))
def test_list_thumbnails_load_and_fit_their_cards(page, site, width) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": width, "height": SIZES[width]})
    page.goto((site / "index.html").as_uri())
    shoot(page, f"home-thumbnails-{width}")
    images = page.evaluate(IMAGES)
    assert len(images) == 2, images  # the two stories with pictures; the other has none
    assert all(i["loaded"] and "_thumbs/" in i["src"] for i in images), images
    assert all(i["left"] >= 0 and i["right"] <= width for i in images), images
    assert all(abs(i["width"] / i["height"] - 1.5) < 0.02 for i in images)  # cropped to 3:2
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0


@pytest.mark.parametrize("source", ["index.html", "markets/chart.md", "world/flood.txt"])
def test_axe_finds_no_serious_violation_on_pages_with_pictures(page, site, source) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe
    from test_accessibility import blocking

    path = source if source.endswith(".html") else article_of(site, source)
    page.goto((site / path).as_uri())
    assert blocking(Axe().run(page).response) == []
