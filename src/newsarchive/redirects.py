"""Redirects from an article's earlier addresses to its current one (`permalinks`), and from a
topic page that went to the page that lists its articles now (`topic_addresses`)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from markupsafe import escape

from . import urls
from .config import SiteConfig
from .models import Output, Site

REDIRECTS = "_redirects"  # Netlify's and Cloudflare Pages' file of server-side redirects


def redirect_outputs(config: SiteConfig, site: Site) -> Iterator[Output]:
    """Yield a redirect page at every earlier address, and `_redirects` listing them all."""
    if not site.redirects:
        return
    for old, new in site.redirects:
        yield Output(old, redirect_page(config, old, new))
    root = urlsplit(config.base_url).path.rstrip("/") if config.base_url else ""
    lines = [f"{root}/{_folder(old)} {root}/{_folder(new)} 301\n" for old, new in site.redirects]
    yield Output(REDIRECTS, "".join(lines).encode("utf-8"))


def _folder(path: str) -> str:
    """Return a page's address as a server shows it: "a/b/" for "a/b/index.html"."""
    return path[: -len("index.html")] if path.endswith("index.html") else path


def redirect_page(config: SiteConfig, old: str, new: str) -> bytes:
    """Return a page that sends browsers and crawlers from `old` to `new` (meta refresh, a
    canonical link, and a plain link for anything that follows neither)."""
    target = escape(urls.relative(old, new))
    canonical = escape(urls.absolute(config.base_url, new) or urls.relative(old, new))
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(config.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Moved — {escape(config.title)}</title>\n"
        f'<link rel="canonical" href="{canonical}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n</head>\n<body>\n'
        f'<p>This page has moved to <a href="{target}">its new address</a>.</p>\n'
        "</body>\n</html>\n"
    ).encode()
