"""Tests for newsarchive.render: the Jinja environment and its compiled templates."""

from __future__ import annotations

import jinja2
import pytest

from newsarchive.render import compile_templates, environment


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
