"""Sections as a tree: parent sections get pages listing their children's articles and links to
the child sections; the top menu shows the top level (`menu_depth`)."""

from __future__ import annotations

import re
from pathlib import Path

TREE = {
    "articles/world/europe/paris.txt": "Paris votes\n\nVoters in Paris went to the polls.\n",
    "articles/world/europe/rome.txt": "Rome floods\n\nThe Tiber rose over its banks.\n",
    "articles/world/asia/tokyo.txt": "Tokyo trains\n\nThe trains ran late in Tokyo.\n",
    "articles/sport/final.txt": "Cup final\n\nBoth teams scored twice.\n",
}


def menu(html: str) -> list[str]:
    """Return the names in a page's top menu."""
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    return re.findall(r">([^<>]+)</a>", nav)


def test_parent_section_lists_its_children_and_their_articles(build_site_from) -> None:  # type: ignore[no-untyped-def]
    built = build_site_from(TREE)
    page = built.page("sections/world/index.html")
    assert "3 articles" in page
    for title in ("Paris votes", "Rome floods", "Tokyo trains"):
        assert title in page
    assert 'href="../../sections/world/asia/index.html">Asia <' in page
    assert 'href="../../sections/world/europe/index.html">Europe <' in page
    europe = built.page("sections/world/europe/index.html")
    assert 'href="../../../sections/world/index.html">World</a>' in europe  # breadcrumb


def test_menu_shows_the_top_level_only(build_site_from) -> None:  # type: ignore[no-untyped-def]
    built = build_site_from(TREE)
    assert menu(built.page("index.html")) == ["Latest", "Sport", "World", "Archive", "Topics"]


def test_menu_depth_shows_more_levels(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "site.yaml").write_text("menu_depth: 2\n", encoding="utf-8")
    names = menu(build_site_from(TREE).page("index.html"))
    assert names == [
        "Latest", "Sport", "World", "World › Asia", "World › Europe", "Archive", "Topics"
    ]  # fmt: skip


def test_menu_depth_is_validated(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "site.yaml").write_text("menu_depth: 0\n", encoding="utf-8")
    built = build_site_from(TREE)
    assert built.code == 1
    assert "site.yaml: key 'menu_depth' must be at least 1" in built.err


# Many sections (as a wire service's topic folders): a few articles each, "gold" the most.
TOPICS = {
    f"articles/{topic}/{topic}-{number}.txt": f"{topic.title()} news {number}\n\nA report.\n"
    for count, topic in enumerate(("tin", "gold", "zinc", "corn", "tea"), start=1)
    for number in range({"gold": 5}.get(topic, count))
}


def test_menu_size_shows_the_most_covered_sections_and_links_the_rest(  # type: ignore[no-untyped-def]
    build_site_from, tmp_path: Path
) -> None:
    (tmp_path / "site.yaml").write_text("menu_size: 3\n", encoding="utf-8")
    built = build_site_from(TOPICS)
    home = built.page("index.html")
    assert menu(home) == ["Latest", "Corn", "Gold", "Tea", "All sections", "Archive", "Topics"]
    assert 'href="sections/index.html">All sections</a>' in home
    every = built.page("sections/index.html")
    assert 'aria-current="page">All sections</a>' in every
    assert all(name in every for name in ("Tin", "Zinc"))  # the ones the menu leaves out


def test_menu_size_zero_shows_every_section(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "site.yaml").write_text("menu_size: 0\n", encoding="utf-8")
    names = menu(build_site_from(TOPICS).page("index.html"))
    assert names == ["Latest", "Corn", "Gold", "Tea", "Tin", "Zinc", "Archive", "Topics"]


def test_menu_size_is_validated(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "site.yaml").write_text("menu_size: -1\n", encoding="utf-8")
    built = build_site_from(TOPICS)
    assert built.code == 1
    assert "site.yaml: key 'menu_size' must be 0 (no limit) or more" in built.err


def test_the_menu_keeps_to_one_row_of_the_most_covered_sections() -> None:
    # ten wire topics in one row at 1280 px pushed Archive and Topics to a second one: the
    # menu keeps the most covered sections whose names fit (`MENU_ROOM`), in their own order
    from newsarchive.models import Term
    from newsarchive.sections import MENU_ROOM, most_covered

    def section(name: str, articles: int) -> Term:
        return Term("section", name.lower(), name, f"sections/{name.lower()}/", (0,) * articles)

    names = ["Acq", "Crude", "Earn", "General", "Grain", "Interest", "Money Fx", "Money Supply"]
    sections = tuple(section(name, 100 - i) for i, name in enumerate(names))
    shown = [s.name for s in most_covered(sections, 10)]
    assert shown == ["Acq", "Crude", "Earn", "General", "Grain", "Interest", "Money Fx"]
    assert sum(len(name) + 2 for name in shown) <= MENU_ROOM
    assert most_covered(sections, 0) == sections  # menu_size 0: every section, however long
    long = (section("Northern Ireland Politics And Society", 9),)
    assert most_covered(long, 10) == long  # the most covered is shown even alone too long


WIRE = {
    "articles/money-fx/dollar.txt": "Dollar falls\n\nThe dollar fell in Tokyo.\n",
    "articles/gnp/growth.txt": "Growth slows\n\nGrowth slowed in the quarter.\n",
    "articles/world/europe/paris.txt": "Paris votes\n\nVoters in Paris went to the polls.\n",
}


def test_section_titles_name_sections_and_keep_their_addresses(
    build_site_from, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # folder names of wire topics read badly title-cased ("Money Fx", "Gnp")
    (tmp_path / "site.yaml").write_text(
        "section_titles:\n  money-fx: Money and FX\n  gnp: GNP\n  world/europe: Europe (EU)\n",
        encoding="utf-8",
    )
    built = build_site_from(WIRE)
    assert built.code == 0
    assert menu(built.page("index.html")) == [
        "Latest", "GNP", "Money and FX", "World", "Archive", "Topics"
    ]  # fmt: skip
    assert "<h1>Money and FX</h1>" in built.page("sections/money-fx/index.html")
    europe = built.page("sections/world/europe/index.html")
    assert "World › Europe (EU)" in europe
    assert ">GNP</a>" in built.page(built.article_path("gnp/growth.txt"))
    assert "no section is" not in built.out + built.err  # every title named a section


def test_a_section_title_naming_no_section_is_a_warning(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "site.yaml").write_text("section_titles:\n  money_fx: FX\n  mony-fx: X\n")
    built = build_site_from(WIRE)
    assert built.code == 0
    assert "site.yaml: section_titles: no section is 'mony-fx'" in built.out + built.err
    assert "<h1>FX</h1>" in built.page("sections/money-fx/index.html")  # folder spelling


def test_section_titles_must_map_text_to_text(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "site.yaml").write_text("section_titles: [money-fx]\n", encoding="utf-8")
    built = build_site_from(WIRE)
    assert built.code == 1
    assert "key 'section_titles' must map a section's folder path to the title" in built.err
