"""Split YAML front matter from a body and check its fields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import yaml

from ..errors import Problem
from ..text import clean, make_slug, parse_date

KNOWN_KEYS = (
    "title",
    "date",
    "author",
    "source",
    "section",
    "tags",
    "slug",
    "url",
    "summary",
    "caption",
    "credit",
    # Written by `import`: where an article came from (kept, not shown) and its picture's URL.
    "image",
    "source_url",
    "imported_from",
)
_OPEN = re.compile(r"\A---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class _Loader(yaml.SafeLoader):
    """A safe YAML loader that keeps an impossible date such as 2023-13-45 as text."""


class _FastLoader(getattr(yaml, "CSafeLoader", _Loader)):  # type: ignore[misc]
    """The same with libyaml's parser, where PyYAML was built with it (its wheels are): the
    pure-Python one costs more than the rest of reading a short article. What it cannot parse is
    parsed again by `_Loader`, whose messages are kept."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    """Build a date, or return the scalar's text when it names no real day."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:  # PyYAML raises this, not a YAMLError, for month 13 or hour 25
        return loader.construct_scalar(node)


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


MAX_DEPTH = 50
"""Lists and mappings nested deeper are refused whichever parser read them (the pure-Python
one runs out of stack at a few hundred levels, libyaml does not)."""


class Aliases(yaml.YAMLError):
    """Front matter with anchors or aliases: one alias of an alias of a list (a "billion
    laughs") stands for billions of values, so they are refused, never expanded."""


ALIASES = "uses YAML anchors or aliases (&name, *name), which newsarchive does not expand"


def _load(head: str) -> object:
    """Return the YAML value of a front matter; raise as the pure-Python parser does,
    RecursionError for a value nested deeper than MAX_DEPTH, and Aliases if it has any."""
    if ("&" in head or "*" in head) and _has_aliases(head):
        raise Aliases()
    try:
        value = yaml.load(head, Loader=_FastLoader)  # a SafeLoader, as is _Loader
    except (yaml.YAMLError, RecursionError):
        value = yaml.load(head, Loader=_Loader)
    _check_depth(value)
    return _cleaned(value)


def _cleaned(value: object) -> object:
    """Return a YAML value with every string in it `clean`: its escapes ("\\uD800", "\\x1b")
    can make any character, and raw text never holds these (`normalise`). Keys are kept as
    written, for the messages that name them."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {key: _cleaned(member) for key, member in value.items()}
    if isinstance(value, list):
        return [_cleaned(member) for member in value]
    return value


def _has_aliases(head: str) -> bool:
    """Tell whether YAML text has an anchor or an alias (False if it does not parse: the
    loader then says why)."""
    try:
        for event in yaml.parse(head, Loader=_FastLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return True
    except yaml.YAMLError:
        return False
    return False


def _check_depth(value: object) -> None:
    """Raise RecursionError if lists and mappings in a value nest deeper than MAX_DEPTH."""
    waiting: list[tuple[object, int]] = [(value, 1)]
    while waiting:
        item, depth = waiting.pop()
        if isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                raise RecursionError("nested too deeply")
            inside = item.values() if isinstance(item, dict) else item
            waiting.extend((member, depth + 1) for member in inside)


@dataclass(slots=True)
class FrontMatter:
    """Checked front-matter fields; only keys that were present and valid are set."""

    fields: dict[str, object] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def split(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, line number where the body starts)."""
    if not _OPEN.match(text):
        return None, text, 1
    close = _CLOSE.search(text, pos=_OPEN.match(text).end())  # type: ignore[union-attr]
    if close is None:
        return None, text, 1
    head = text[_OPEN.match(text).end() : close.start()]  # type: ignore[union-attr]
    body = text[close.end() :].lstrip("\n")
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return head, body, body_line


def parse(head: str, source: str) -> FrontMatter:
    """Parse and check front matter; bad YAML or bad values become problems, not exceptions."""
    result = FrontMatter()
    try:
        raw = _load(head)
    except (yaml.YAMLError, RecursionError) as error:  # deep nesting exhausts the stack
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        reason = getattr(error, "problem", None) or (
            "nested too deeply" if isinstance(error, RecursionError) else "invalid YAML"
        )
        what = ALIASES if isinstance(error, Aliases) else f"is not valid YAML ({reason})"
        result.problems.append(
            Problem(
                source,
                f"front matter {what}; it was ignored and the text below it was used",
                line=line,
                hint="fix the YAML between the --- lines",
                kind="warning",
            )
        )
        return result
    if raw is None:
        return result
    if not isinstance(raw, dict):
        result.problems.append(
            Problem(
                source,
                "front matter must be 'key: value' lines; it was ignored",
                line=2,
                kind="warning",
            )
        )
        return result
    for key, value in raw.items():
        _check(str(key), value, head, source, result)
    return result


def _check(key: str, value: object, head: str, source: str, result: FrontMatter) -> None:
    """Store one front-matter field if it is known and valid, else record a problem."""
    line = _line_of(key, head)
    if key not in KNOWN_KEYS:
        result.problems.append(
            Problem(
                source,
                f"unknown front-matter key '{key}' was ignored",
                line=line,
                hint="known keys: " + ", ".join(KNOWN_KEYS),
                kind="warning",
            )
        )
        return
    checked, error = _value(key, value)
    if error:
        result.problems.append(
            Problem(
                source, f"front-matter '{key}' {error}; it was ignored", line=line, kind="warning"
            )
        )
        return
    result.fields["slug" if key == "url" else key] = checked


def _value(key: str, value: object) -> tuple[object, str]:
    """Return (checked value, "") or (None, what is wrong with it)."""
    if value is None or value == "":
        return None, "is empty"
    if isinstance(value, (dict, list)) and key != "tags":  # str() of a YAML alias bomb explodes
        return None, "must be text, not a list or mapping"
    if key == "date":
        parsed = parse_date(value)
        return (parsed, "") if parsed else (None, f"'{value}' is not a date; use YYYY-MM-DD")
    if key == "tags":
        return _tags(value)
    if key in ("slug", "url"):
        return _safe_slug(str(value))
    if key == "section":
        parts = tuple(p.strip() for p in str(value).split("/") if p.strip() not in ("", ".", ".."))
        return (parts, "") if parts else (None, "names no section")
    return " ".join(str(value).split()), ""


def _tags(value: object) -> tuple[object, str]:
    """Return tags as a tuple of clean strings from a list or a comma-separated string."""
    if isinstance(value, str):
        items: list[object] = list(value.split(","))
    elif isinstance(value, list):
        items = value
    else:
        return None, "must be a list of tags or comma-separated text"
    if any(isinstance(t, (dict, list)) for t in items):
        return None, "must be a list of plain tags, not of lists or mappings"
    tags = tuple(dict.fromkeys(" ".join(str(t).split()) for t in items if str(t).strip()))
    return tags, ""


def _safe_slug(value: str) -> tuple[object, str]:
    """Return a slug reduced to its last safe path segment, never a path."""
    segments = [s for s in PurePosixPath(value.replace("\\", "/")).parts if s not in ("/", "..")]
    slug = make_slug(segments[-1], fallback="") if segments else ""
    return (slug, "") if slug else (None, f"'{value}' gives no usable slug")


def _line_of(key: str, head: str) -> int | None:
    """Return the file line number where a top-level key is written, if it can be found."""
    match = re.search(rf"^{re.escape(key)}\s*:", head, re.MULTILINE)
    return head[: match.start()].count("\n") + 2 if match else None
