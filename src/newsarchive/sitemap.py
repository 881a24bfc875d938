"""sitemap.xml and robots.txt, written when the site's public URL (base_url) is known."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

from . import urls
from .config import SiteConfig
from .models import Output


def sitemap_outputs(config: SiteConfig, pages: Iterable[tuple[str, str]]) -> Iterator[Output]:
    """Yield sitemap.xml and robots.txt for (path, lastmod) pages when base_url is set."""
    if not config.base_url:
        return
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for path, lastmod in sorted(pages):
        if path == urls.NOT_FOUND:
            continue
        modified = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        lines.append(f"  <url><loc>{escape(urls.absolute(config.base_url, path))}</loc>"
                     f"{modified}</url>")
    lines.append("</urlset>")
    yield Output("sitemap.xml", ("\n".join(lines) + "\n").encode("utf-8"))
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {urls.absolute(config.base_url, 'sitemap.xml')}\n"
    yield Output("robots.txt", robots.encode("utf-8"))
