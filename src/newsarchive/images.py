"""Pictures in the site: each article's images found among the files, checked, linked, copied.

Every image file under the articles folder is copied to `media/` at its own path there
(`articles/world/flood.jpg` is `media/world/flood.jpg`), so its address lasts as long as the
file stays where it is. An article's lead picture is the one its front matter names
(`image:`), else a file beside it with its name (`flood.txt` and `flood.jpg`); lists show it
(or the first image of the Markdown) as a thumbnail, made with Pillow when it is installed
(`imaging`). Which files exist is decided here, at each build, from the files found: an article
is not read again when a picture is added or removed, and its page key changes with the
pictures it shows (their content hash included).
"""

from __future__ import annotations

import dataclasses
import html
import os
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping
from urllib.parse import quote, unquote

from msgspec import structs

from . import imaging, urls
from .errors import Problem
from .loader.discover import IMAGE_SUFFIXES
from .loader.pictures import LOCAL, REMOTE
from .models import KEEP, Article, Entry, ImageFile, Output, Picture, Site

Found = Mapping[str, tuple[str, str]]
"""The image files the build found: path in the articles folder -> (path on disk, digest)."""
_PLAIN = re.compile(r"[A-Za-z0-9_.~/-]*\Z")  # what quote() leaves as it is
_MARKED = re.compile(r'<img\b[^>]*\ssrc="' + re.escape(LOCAL) + r'([^"]*)"[^>]*>')


Probes = dict[str, imaging.Probe]
"""What looking at image files found, by content hash and suffix (`probe_key`)."""


def place(
    site: Site, found: Found, known: Probes | None = None
) -> tuple[Site, list[Problem], Probes]:
    """Return the site with each entry's pictures and every image file to copy, a warning for
    each image an article names that is not there or cannot be shown, and what looking at
    the image files found (`known` is what the last build found: those are not opened again)."""
    problems: list[Problem] = []
    probes: dict[str, imaging.Probe] = {}
    thumbs: dict[str, tuple[str, tuple[int, int]]] = {}
    seen: Probes = {}
    known = known or {}

    def picture(rel: str) -> Picture | None:
        """Return the picture of a local image file, or None if it cannot be shown."""
        probe = probes.get(rel)
        if probe is None:
            key = probe_key(rel, found[rel][1])
            probe = probes[rel] = known.get(key) or imaging.probe(found[rel][0], rel)
            if found[rel][1]:  # not when it could not be read: it may be by the next build
                seen[key] = probe
            if probe.problem:
                problems.append(Problem(rel, probe.problem, hint=probe.hint, kind="warning"))
        if probe.problem:
            return None
        return Picture(rel, _href(urls.media_path(rel)), *probe.size, digest=found[rel][1])

    entries = []
    for entry in site.entries:
        article = entry.article
        for rel, line in article.image_refs:
            if rel not in found:
                problems.append(_missing(article.source, rel, line))
        lead = _lead(article, found)
        shown = picture(lead) if lead in found else (Picture(lead) if _remote(lead) else None)
        body = tuple(
            p
            for rel in dict.fromkeys(rel for rel, _ in article.image_refs if rel != article.image)
            if rel in found and (p := picture(rel)) is not None
        )
        card = shown or (body[0] if body else None)
        if card is not None and card.href and (small := _thumb(card, probes[card.source])):
            thumbs[card.source] = small
            card = structs.replace(card, thumb=_href(small[0]), **_sized(small[1]))
            shown, body = (card, body) if shown else (shown, (card, *body[1:]))
        entries.append(structs.replace(entry, picture=shown, pictures=body))
    files = tuple(
        ImageFile(rel, path, digest, *thumbs.get(rel, ("", (0, 0))))
        for rel, (path, digest) in sorted(found.items())
        if _copied(rel, path, probes, problems)
    )
    return dataclasses.replace(site, entries=tuple(entries), images=files), problems, seen


def probe_key(rel: str, digest: str) -> str:
    """Return what a probe of an image file depends on: its bytes, and the kind its name says."""
    return f"{digest}{posixpath.splitext(rel)[1].lower()}"


def _copied(rel: str, path: str, probes: dict[str, imaging.Probe], problems: list[Problem]) -> bool:
    """Tell whether an image file is copied: not when it is too big (warned of once)."""
    try:
        size = os.path.getsize(path)
    except OSError:
        return False
    if size <= imaging.MAX_BYTES:
        return True
    if rel not in probes:
        probe = imaging.too_big(size)
        problems.append(Problem(rel, probe.problem, hint=probe.hint, kind="warning"))
    return False


def _remote(name: str) -> bool:
    """Tell whether a picture's name is an http(s) URL (linked, not copied)."""
    return name.startswith(REMOTE)


def _lead(article: Article, found: Found) -> str:
    """Return the article's lead picture: front matter's, else an image file beside it that
    has its name; "" when it has none."""
    if article.image:
        return article.image
    stem = posixpath.splitext(article.source)[0]
    return next((stem + s for s in IMAGE_SUFFIXES if stem + s in found), "")


def _thumb(picture: Picture, probe: imaging.Probe) -> tuple[str, tuple[int, int]] | None:
    """Return the output path and size of a picture's list thumbnail, None if it needs none."""
    size = imaging.thumbnail_size(probe)
    return (urls.thumb_path(picture.source), size) if size else None


def _sized(size: tuple[int, int]) -> dict[str, int]:
    """Return a thumbnail's size as Picture fields."""
    return {"thumb_width": size[0], "thumb_height": size[1]}


def _href(path: str) -> str:
    """Return an output path as it is written in a link (spaces and '#' quoted)."""
    return path if _PLAIN.match(path) else quote(path)


def _missing(source: str, rel: str, line: int) -> Problem:
    """Return the warning for an image an article names that is not in the articles folder."""
    return Problem(
        source,
        f"image '{rel}' is not in the articles folder; the page shows no picture for it",
        line=line or None,
        hint="add the file, or correct its name (paths are from the article's folder)",
        kind="warning",
    )


def linked(body: str, entry: Entry, page: str) -> str:
    """Return a Markdown body with its local images linked from the page at `page` to their
    copies (with their size, when known); an image that is not there is left out."""
    if LOCAL not in body:
        return body
    shown = {p.source: p for p in entry.pictures}
    if entry.picture is not None:
        shown.setdefault(entry.picture.source, entry.picture)

    def link(found: re.Match[str]) -> str:
        picture = shown.get(unquote(html.unescape(found.group(1))))
        if picture is None:
            return ""  # the build warned of it
        link = html.escape(link_to(page, picture))
        tag = found.group().replace(f'src="{LOCAL}{found.group(1)}"', f'src="{link}"')
        size = f' width="{picture.width}" height="{picture.height}"' if picture.width else ""
        return tag[:-1] + f'{size} loading="lazy">'

    return _MARKED.sub(link, body)


def link_to(page: str, picture: Picture) -> str:
    """Return the link to a picture's full-size file from a page (its URL, if remote)."""
    return urls.relative(page, picture.href) if picture.href else picture.source


def absolute(base_url: str, picture: Picture) -> str:
    """Return a picture's public URL: the remote one, or its copy's on a site with a base URL
    ("" when there is none)."""
    if picture.remote:
        return picture.source
    return urls.absolute(base_url, picture.href)


Current = Callable[[str, str], bool]
"""Tells whether an output file was written by the last build from the same key, untouched
(and records the key for the next build)."""


def image_outputs(site: Site, current: Current, problems: list[Problem]) -> Iterator[Output]:
    """Yield every image file's copy and its thumbnail; one the last build wrote from the same
    file (and the same Pillow, for a thumbnail) is kept as it is, not read again."""
    version = imaging.version()
    for image in site.images:
        path = urls.media_path(image.rel)
        yield Output(path, KEEP if current(path, image.digest) else imaging.read(image.path))
        if image.thumb:
            key = f"{image.digest}:{version}:{image.thumb_size}"
            if current(image.thumb, key):
                yield Output(image.thumb, KEEP)
            else:
                yield Output(image.thumb, imaging.thumbnail(image, problems))
