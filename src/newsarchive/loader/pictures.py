"""Read the images an article names: front matter's `image:` and Markdown's `![alt](path)`.

A name is resolved from the article's folder and must stay inside the articles folder; an
http(s) address is linked as it is given and never fetched. Whether a named file exists is
decided later, against the files the build found (`images.place`), so that adding or removing
a picture does not need the article to be read again.
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import quote, unquote

from msgspec import structs

from ..errors import Problem
from ..models import Article
from .discover import IMAGE_SUFFIXES, is_image_name

REMOTE = ("http://", "https://")
LOCAL = "newsarchive-image:"
"""Stands before a local image's path in a parsed Markdown body (a scheme no sanitised URL
has); the page links it to the copied file when it is rendered (`images.linked`)."""
_IMG = re.compile(r"<img\b[^>]*>")
_SRC = re.compile(r'\ssrc="([^"]*)"')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def resolve(name: str, source: str, url: bool = True) -> tuple[str, str]:
    """Return (the image's path in the articles folder or its http(s) URL, "") for an image
    named in the article `source` (by a `url`, as Markdown does: "%20", "?", "#" have their
    URL meanings; else by its file name), or ("", what is wrong with the name)."""
    text = name.strip()
    if text.lower().startswith(REMOTE):
        return text, ""
    if _SCHEME.match(text) or text.startswith("//"):
        return "", "is neither a file in the articles folder nor an http(s) address"
    path = unquote(text.split("#", 1)[0].split("?", 1)[0]) if url else text
    path = path.replace("\\", "/")
    if path.startswith("/"):
        return "", "is an absolute path; give its path from the article's folder"
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    if joined in (".", "..") or joined.startswith("../"):
        return "", "points outside the articles folder"
    if not is_image_name(posixpath.basename(joined)):
        return "", f"is not an image file ({', '.join(IMAGE_SUFFIXES)})"
    return joined, ""


def noted(article: Article, image: object, text: str) -> tuple[Article, list[Problem]]:
    """Return the article with its front-matter picture and the local images of its Markdown
    resolved (the body's marked with LOCAL), and a warning for each name that cannot be one."""
    problems: list[Problem] = []
    refs: list[tuple[str, int]] = []
    lead = ""
    if isinstance(image, str) and image:
        lead, error = resolve(image, article.source, url=False)
        line = line_of(text, image)
        if error:
            problems.append(_refused(article.source, image, error, line))
        elif not lead.startswith(REMOTE):
            refs.append((lead, line))
    body = article.body_html
    if article.kind == "markdown" and "<img" in body:
        body = _IMG.sub(
            lambda found: _marked(found.group(), article.source, text, refs, problems), body
        )
    if not lead and not refs and body == article.body_html:
        return article, problems
    return structs.replace(article, image=lead, image_refs=tuple(refs), body_html=body), problems


def _marked(
    tag: str, source: str, text: str, refs: list[tuple[str, int]], problems: list[Problem]
) -> str:
    """Return an <img> tag with a local image's path marked, a remote one as it is, or ""
    for one whose name cannot be an image of the archive (with a warning)."""
    found = _SRC.search(tag)
    if found is None:
        return ""  # no picture to show
    name = html.unescape(found.group(1))
    target, error = resolve(name, source)
    line = line_of(text, name)
    if error:
        problems.append(_refused(source, name, error, line))
        return ""
    if target.startswith(REMOTE):
        return tag
    refs.append((target, line))
    return f'{tag[: found.start()]} src="{LOCAL}{html.escape(quote(target))}"{tag[found.end() :]}'


def _refused(source: str, name: str, error: str, line: int) -> Problem:
    """Return the warning for an image name that was left out."""
    return Problem(
        source,
        f"image '{name}' {error}; it was left out",
        line=line or None,
        hint="put the image in the articles folder, beside the article, and name it from there",
        kind="warning",
    )


def line_of(text: str, name: str) -> int:
    """Return the line of the file where an image name is first written (0 if not found)."""
    at = text.find(name)
    return text.count("\n", 0, at) + 1 if at >= 0 else 0
