"""Addresses of topic pages that went: a redirect to the page that lists their articles now
(whole-site builds in tmp_path)."""

from __future__ import annotations

import json
from pathlib import Path

TAGGED = "---\ntitle: {title}\ntags: [{tags}]\n---\n\nThe river rose on {day}.\n"


def _article(title: str, tags: str, day: str = "Monday") -> str:
    """Return a Markdown article with tags."""
    return TAGGED.format(title=title, tags=tags, day=day)


def test_a_tag_page_that_went_redirects_to_the_tag_its_articles_carry_now(
    build_site_from, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    first = build_site_from(
        {
            "articles/a.md": _article("River rises", "Floods"),
            "articles/b.md": _article("River falls", "Floods", "Tuesday"),
        }
    )
    assert first.code == 0, first.err
    assert "River falls" in first.page("tags/floods/index.html")
    again = build_site_from(
        {
            "articles/a.md": _article("River rises", "Flooding"),
            "articles/b.md": _article("River falls", "Flooding", "Tuesday"),
        }
    )
    assert again.code == 0, again.err
    page = again.page("tags/floods/index.html")
    assert 'http-equiv="refresh" content="0; url=../../tags/flooding/index.html"' in page
    assert "This page has moved" in page
    assert "/tags/floods/ /tags/flooding/ 301\n" in again.page("_redirects")
    record = json.loads((tmp_path / ".newsarchive/topics.json").read_text(encoding="utf-8"))
    assert set(record["pages"]) >= {"tags/floods/index.html", "tags/flooding/index.html"}
    assert not list(again.dist.rglob("topics.json"))
    # the tag given back: its page again, no redirect
    back = build_site_from({"articles/a.md": _article("River rises", "Floods, Flooding")})
    assert "River rises" in back.page("tags/floods/index.html")
    assert "This page has moved" not in back.page("tags/floods/index.html")
    assert not back.exists("_redirects")


def test_a_tag_page_whose_articles_are_on_no_tag_redirects_to_the_list_of_tags(
    build_site_from, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    build_site_from({"articles/a.md": _article("River rises", "Floods")})
    again = build_site_from({"articles/a.md": _article("River rises", "")})
    assert again.code == 0, again.err
    assert 'content="0; url=../../tags/index.html"' in again.page("tags/floods/index.html")


def test_a_damaged_record_of_topic_pages_stops_the_build_naming_it(
    build_site_from, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".newsarchive").mkdir()
    (tmp_path / ".newsarchive/topics.json").write_text("{not json", encoding="utf-8")
    built = build_site_from({"articles/a.md": _article("River rises", "Floods")})
    assert built.code == 1
    assert "topics.json: the record of published topic pages cannot be read" in built.err
    hostile = {"version": 1, "pages": {"../../x/index.html": []}}
    (tmp_path / ".newsarchive/topics.json").write_text(json.dumps(hostile), encoding="utf-8")
    built = build_site_from({})
    assert built.code == 1
    assert "'../../x/index.html' is not a topic page's path" in built.err


def test_an_entity_page_that_went_redirects_only_to_a_page_of_its_name(
    build_site_from, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # a "Foreign Affairs Ministry" gone to review redirected to the European Coffee
    # Federation's page, which only shared its story: its name says nothing of the ministry
    _recorded(tmp_path, ["organisations/acme/index.html", "organisations/harbour-board/index.html"])
    text = "---\ntitle: Acme Foods Inc buys a mill\n---\n\nAcme Foods Inc said it bought it.\n"
    built = build_site_from({"articles/a.md": text, "articles/b.md": text.replace("mill", "farm")})
    assert built.code == 0, built.err
    assert "Acme Foods" in built.page("organisations/acme-foods/index.html")
    acme = built.page("organisations/acme/index.html")
    assert 'url=../../organisations/acme-foods/index.html"' in acme
    harbour = built.page("organisations/harbour-board/index.html")
    assert 'url=../../organisations/index.html"' in harbour


def test_an_entity_page_renamed_in_other_words_redirects_to_its_new_name(
    build_site_from, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # "Department of Energy" and "Energy Department" became one page, energy-department: the
    # old department-of-energy redirected to the list of organisations, not opening with its
    # first word
    text = "WASHINGTON, March 2 - The Energy Department said oil stocks fell."
    built = _two_stories_after(build_site_from, tmp_path, "department-of-energy", text)
    assert "Energy Department" in built.page("organisations/energy-department/index.html")
    assert _redirect(built, "department-of-energy") == "energy-department"


def test_an_entity_page_redirects_to_the_page_that_shows_it_as_another_name(
    build_site_from, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # "Swiss Finance Ministry" became the Finance Ministry (Switzerland)'s other name, and
    # its old address redirected to the Swiss National Bank's page, which opens with "swiss"
    # and lists its stories
    text = "ZURICH, March 2 - The Swiss Finance Ministry said the Swiss National Bank would act."
    built = _two_stories_after(build_site_from, tmp_path, "swiss-finance-ministry", text)
    ministry = built.page("organisations/finance-ministry/index.html")
    assert "Finance Ministry (Switzerland)" in ministry and "Swiss Finance Ministry" in ministry
    assert "Swiss National Bank" in built.page("organisations/swiss-national-bank/index.html")
    assert _redirect(built, "swiss-finance-ministry") == "finance-ministry"


def test_a_departments_page_whose_country_changed_redirects_to_its_new_country(
    build_site_from, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # a 1987 Moscow story's Foreign Ministry was "Foreign Ministry (Russia)", now the Soviet
    # Union's: its old address went to the list of organisations, its name not opening the
    # new one's
    text = "MOSCOW, March 2 - The Soviet Foreign Ministry said talks would open."
    built = _two_stories_after(build_site_from, tmp_path, "foreign-ministry-russia", text)
    ministry = built.page("organisations/foreign-ministry/index.html")
    assert "Foreign Ministry (Soviet Union)" in ministry
    assert _redirect(built, "foreign-ministry-russia") == "foreign-ministry"


def test_an_acronyms_page_redirects_to_the_name_it_joined(build_site_from, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # "BAA Plc" (its page at baa/, the legal form dropped) became British Airports
    # Authority's other name; baa/ redirected to the list of organisations
    text = "LONDON, March 2 - BAA Plc, the British Airports Authority Plc, said traffic rose."
    built = _two_stories_after(build_site_from, tmp_path, "baa", text)
    assert "BAA Plc" in built.page("organisations/british-airports-authority/index.html")
    assert _redirect(built, "baa") == "british-airports-authority"


def _two_stories_after(build_site_from, project: Path, gone: str, text: str):  # type: ignore[no-untyped-def]
    """Build two stories of 2 March 1987 (their headlines differ) where a last build published
    an organisation's page at `gone`, which lists the first; return the build."""
    _recorded(project, [f"organisations/{gone}/index.html"])
    story = "---\ntitle: {}\ndate: 1987-03-02\n---\n\n" + text + "\n"
    built = build_site_from(
        {"articles/a.md": story.format("Talks open"), "articles/b.md": story.format("Talks end")}
    )
    assert built.code == 0, built.err
    return built


def _redirect(built, gone: str) -> str:  # type: ignore[no-untyped-def]
    """Return the organisation's page a gone organisation's address redirects to."""
    page = built.page(f"organisations/{gone}/index.html")
    return page.split("url=../../organisations/", 1)[1].split("/index.html", 1)[0]


def _recorded(project: Path, pages: list[str]) -> None:
    """Write a record of topic pages that a last build published, each listing a.md."""
    record = project / ".newsarchive/topics.json"
    record.parent.mkdir()
    gone = {page: ["a.md"] for page in pages}
    record.write_text(json.dumps({"version": 1, "pages": gone}), encoding="utf-8")
