"""Fragments made once and reused across pages: each page must get what it would have made."""

from __future__ import annotations

from functools import partial

import jinja2

from newsarchive import urls
from newsarchive.fragments import Fragments

MACROS = (
    jinja2.Environment(autoescape=True)
    .from_string(
        '{% macro card(entry, to, lead) %}<a href="{{ to(entry.path) }}"'
        '{% if lead %} class="lead"{% endif %}>{{ entry.title }}</a>{% endmacro %}'
    )
    .module
)


class Entry:
    def __init__(self, path: str, title: str) -> None:
        self.path, self.title = path, title


def link_maker(page: str):  # as render.render_page makes it for a page
    return lambda target: urls.relative(page, target)


def made_directly(entry: Entry, page: str, lead: bool = False) -> str:
    return str(MACROS.card(entry, link_maker(page), lead))


def test_one_fragment_serves_pages_at_every_depth_with_their_own_links():
    cached, entry = Fragments(), Entry("articles/a/index.html", "Harbour <reopens>")
    for page in ("index.html", "page/2/index.html", "places/x/page/3/index.html"):
        assert cached(MACROS.card, entry, link_maker(page), False) == made_directly(entry, page)
    assert cached(MACROS.card, entry, link_maker("index.html"), True) == made_directly(
        entry, "index.html", lead=True
    )


def test_other_records_with_equal_fields_are_other_fragments():
    cached = Fragments()
    first, second = Entry("articles/a/index.html", "A"), Entry("articles/b/index.html", "B")
    assert "A<" in cached(MACROS.card, first, link_maker("index.html"), False)
    assert "B<" in cached(MACROS.card, second, link_maker("index.html"), False)


def test_text_holding_the_marker_and_absolute_links_are_made_for_each_page():
    cached = Fragments()
    odd = Entry("articles/a/index.html", "nul \x00 inside")
    for page in ("index.html", "a/b/index.html"):
        assert cached(MACROS.card, odd, link_maker(page), False) == made_directly(odd, page)
    entry = Entry("articles/a/index.html", "A")
    absolute = partial(urls.absolute, "https://example.org/news")
    made = cached(MACROS.card, entry, absolute, False)
    assert 'href="https://example.org/news/articles/a/"' in made


def test_a_full_cache_drops_its_older_half_and_still_answers_right():
    cached = Fragments(limit=4)
    entries = [Entry(f"articles/{n}/index.html", f"T{n}") for n in range(10)]
    for entry in entries * 2:
        assert cached(MACROS.card, entry, link_maker("x/index.html"), False) == made_directly(
            entry, "x/index.html"
        )
