"""Tests for newsarchive.render's page chunks: every page rendered by exactly one process."""

from __future__ import annotations

import itertools

import jinja2
import pytest

from newsarchive.render import CHUNK, Renderer, compile_templates, environment


def taken_by(renderers, pages, order):
    """Go through `pages` turns with each renderer, interleaved as `order` says (which renderer
    moves next); return the turns each rendered."""
    taken = [set() for _ in renderers]
    for which in order:
        renderer = renderers[which]
        if renderer.turn >= pages:
            continue
        if not renderer.skip():
            taken[which].add(renderer.turn)
            renderer.turn += 1  # as page() does when it renders
    return taken


@pytest.mark.parametrize("processes", [1, 2, 3])
@pytest.mark.parametrize("pace", ["even", "one slow"])
def test_the_renderers_split_the_pages_exactly_whatever_their_pace(processes, pace):
    counter = itertools.count()
    renderers = [Renderer(None, None, counter.__next__) for _ in range(processes)]  # type: ignore[arg-type]
    pages = 10 * CHUNK + 7
    if pace == "even":
        order = [n % processes for n in range(pages * processes * 2)]
    else:  # the last process moves once in each three rounds
        rounds = range(pages * processes * 8)
        slow = processes - 1
        order = [n % processes for n in rounds if n % processes != slow or n // processes % 3 == 0]
    taken = taken_by(renderers, pages, order)
    assert set().union(*taken) == set(range(pages))
    assert sum(len(turns) for turns in taken) == pages
    if processes > 1 and pace == "one slow":
        assert len(taken[-1]) < min(len(turns) for turns in taken[:-1])


def test_without_a_claim_a_renderer_renders_every_page():
    renderer = Renderer(None, None)  # type: ignore[arg-type]
    assert taken_by([renderer], 100, [0] * 200) == [set(range(100))]


def test_templates_are_compiled_once_and_a_broken_one_fails_where_it_is_used(tmp_path):
    (tmp_path / "good.html").write_text("<p>{{ word }}</p>", encoding="utf-8")
    (tmp_path / "bad.html").write_text("{% if word %}never closed", encoding="utf-8")
    env = environment(tmp_path)
    compile_templates(env)  # no error here: the broken template is not used yet
    (tmp_path / "good.html").unlink()  # compiled already, and not looked at again
    assert env.get_template("good.html").render(word="yes") == "<p>yes</p>"
    with pytest.raises(jinja2.TemplateSyntaxError) as raised:
        env.get_template("bad.html")
    assert raised.value.lineno == 1
