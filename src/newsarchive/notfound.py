"""The 404 page: hosts serve it at any missing address, at any depth, so nothing in it may
depend on where it is.

With a `base_url` every link and the stylesheet are absolute. Without one the styles are
inlined, and the links are written from the site's root; a small script finds the root (the
nearest folder above the address that holds `articles.json`) and points them there. Without
JavaScript and without `base_url` the page is still styled, only its links assume the site is
at the root of the host.
"""

from __future__ import annotations

from pathlib import Path

from . import urls
from .config import SiteConfig
from .models import Entry, Output
from .render import Renderer


def not_found(
    renderer: Renderer, config: SiteConfig, latest: tuple[Entry, ...], stylesheet: str
) -> Output:
    """Render the 404 page: absolute links with a base_url, else inlined styles."""
    return Output(
        urls.NOT_FOUND,
        renderer.page(
            "404.html",
            urls.NOT_FOUND,
            f"Page not found — {config.title}",
            "The page you asked for is not in this archive.",
            canonical="",
            latest=latest,
            anywhere=True,
            inline_css="" if config.base_url else stylesheet,
            marker="articles.json",
        ),
    )


def stylesheet_text(static: Path) -> str:
    """Return the site's stylesheet for inlining ("" when the theme has none)."""
    path = static / "style.css"
    try:
        return path.read_text(encoding="utf-8").replace("</", "<\\/")  # cannot end <style>
    except (OSError, UnicodeDecodeError):
        return ""
