"""sitemap.xml and robots.txt, written when the site's public URL (base_url) is known."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

from . import urls
from .config import SiteConfig
from .models import Output

SITEMAP_LIMIT = 50_000  # URLs per sitemap file, from the sitemaps.org protocol


def sitemap_outputs(config: SiteConfig, pages: Iterable[tuple[str, str]]) -> Iterator[Output]:
    """Yield sitemap.xml (an index past 50,000 URLs) and robots.txt, when base_url is set."""
    if not config.base_url:
        return
    entries = [
        _url(config, path, lastmod) for path, lastmod in sorted(pages) if path != urls.NOT_FOUND
    ]
    chunks = [entries[i : i + SITEMAP_LIMIT] for i in range(0, len(entries), SITEMAP_LIMIT)]
    if len(chunks) <= 1:
        yield Output("sitemap.xml", _urlset(chunks[0] if chunks else []))
    else:
        names = [f"sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
        for name, chunk in zip(names, chunks, strict=True):
            yield Output(name, _urlset(chunk))
        yield Output("sitemap.xml", _index(config, names))
    robots = (
        f"User-agent: *\nAllow: /\n\nSitemap: {urls.absolute(config.base_url, 'sitemap.xml')}\n"
    )
    yield Output("robots.txt", robots.encode("utf-8"))


def _url(config: SiteConfig, path: str, lastmod: str) -> str:
    """Return one <url> element."""
    modified = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    return f"  <url><loc>{escape(urls.absolute(config.base_url, path))}</loc>{modified}</url>"


def _urlset(lines: list[str]) -> bytes:
    """Return a sitemap <urlset> document."""
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    )
    return (head + "".join(line + "\n" for line in lines) + "</urlset>\n").encode("utf-8")


def _index(config: SiteConfig, names: list[str]) -> bytes:
    """Return a sitemap index document listing the sitemap files."""
    items = "".join(
        f"  <sitemap><loc>{escape(urls.absolute(config.base_url, n))}</loc></sitemap>\n"
        for n in names
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{items}</sitemapindex>\n"
    ).encode()
