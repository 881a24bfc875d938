"""Machine-readable page metadata: schema.org JSON-LD and Open Graph tags."""

from __future__ import annotations

from markupsafe import Markup

from . import urls
from .config import SiteConfig
from .images import absolute
from .models import Entry
from .render import iso_date, json_script


def article_jsonld(config: SiteConfig, entry: Entry) -> Markup:
    """Return the NewsArticle JSON-LD of an article, safe to place inside <script>."""
    article = entry.article
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "wordCount": article.word_count,
        "inLanguage": config.language,
        "isAccessibleForFree": True,
    }
    if article.date is not None:
        data["datePublished"] = iso_date(article.date, config.timezone)
    if entry.section is not None:
        data["articleSection"] = entry.section.name
    if entry.authors:  # the people of the byline, each with their page
        people = [_person(config, t.name, t.path) for t in entry.authors]
        data["author"] = people[0] if len(people) == 1 else people
    elif article.byline:  # an agency or a desk ("Staff writer"): not a person
        data["author"] = {"@type": "Organization", "name": article.byline}
    if article.source_name:
        data["publisher"] = {"@type": "Organization", "name": article.source_name}
    keywords = [t.name for t in entry.tags] + [t.name for t in entry.entities]
    if keywords:
        data["keywords"] = keywords
    if article.dateline:
        data["dateline"] = article.dateline
    if article.caption or entry.card_picture:
        data["image"] = _image_object(config, entry)
    url = urls.absolute(config.base_url, entry.path)
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    return json_script(data)


def list_jsonld(config: SiteConfig, title: str, description: str, path: str) -> Markup:
    """Return CollectionPage JSON-LD for a list page."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": title,
        "description": description,
        "inLanguage": config.language,
    }
    url = urls.absolute(config.base_url, path)
    if url:
        data["url"] = url
    return json_script(data)


def article_og(config: SiteConfig, entry: Entry) -> tuple[tuple[str, str], ...]:
    """Return the Open Graph (property, content) pairs of an article page."""
    article = entry.article
    tags: list[tuple[str, str]] = [
        ("og:type", "article"),
        ("og:title", article.title),
        ("og:description", article.summary or article.title),
        ("og:site_name", config.title),
        ("og:locale", config.language.replace("-", "_")),
    ]
    url = urls.absolute(config.base_url, entry.path)
    if url:
        tags.append(("og:url", url))
    if article.date is not None:
        tags.append(("article:published_time", iso_date(article.date, config.timezone)))
    if entry.section is not None:
        tags.append(("article:section", entry.section.name))
    if article.byline:
        tags.append(("article:author", article.byline))
    tags.extend(("article:tag", t.name) for t in entry.tags)
    picture = entry.card_picture
    if picture is not None and (link := absolute(config.base_url, picture)):
        tags.append(("og:image", link))  # Open Graph takes absolute URLs only
        if picture.width:
            tags += [
                ("og:image:width", str(picture.width)),
                ("og:image:height", str(picture.height)),
            ]
        tags.append(("og:image:alt", article.caption or article.title))
    return tuple(tags)


def _image_object(config: SiteConfig, entry: Entry) -> dict[str, object]:
    """Return the schema.org ImageObject of an article's picture (or of its caption alone)."""
    article, picture = entry.article, entry.card_picture
    image: dict[str, object] = {"@type": "ImageObject"}
    if picture is not None:
        link = absolute(config.base_url, picture) or urls.relative(entry.path, picture.href)
        image["url"] = image["contentUrl"] = link
        if picture.width:
            image["width"], image["height"] = picture.width, picture.height
    if article.caption:
        image["caption"] = article.caption
    if article.credit:
        image["creditText"] = article.credit
    return image


def _person(config: SiteConfig, name: str, path: str) -> dict[str, str]:
    """Return a schema.org Person, with their author page's URL when the site's is known."""
    url = urls.absolute(config.base_url, path)
    return {"@type": "Person", "name": name, **({"url": url} if url else {})}
