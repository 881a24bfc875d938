"""articles.json: the machine-readable list of every article that got a page, for people and
tools that read the archive as data (importers, checks, a person reviewing `entities.yaml`)."""

from __future__ import annotations

from collections.abc import Iterator
from json.encoder import encode_basestring as _json  # json's own string encoder

from .config import SiteConfig
from .models import Site
from .render import iso_date


def manifest(config: SiteConfig, site: Site) -> Iterator[bytes]:
    """Yield articles.json a piece at a time: every article that got a page, sorted by source
    path, one record a line, keys sorted: what json.dumps(record, ensure_ascii=False,
    sort_keys=True) gives, put together with json's own string encoder (test_site checks every
    line against json). The writer stages the pieces as they come (`Writer.write_pieces`), so
    the file is never held whole (54 MB at ~108,000 articles, in the buffer it grew in)."""
    entries, ids = site.entries, site.ids
    lines: list[str] = []
    before = "["  # what comes before the next record: "[" before the first, then a comma
    dates: dict[object, str] = {}  # each date formatted once: wire copy has few dates
    brief = '"brief": true, '  # only on briefs, so other records stay as they were
    for entry in sorted(entries, key=lambda e: e.article.source):
        article = entry.article
        date = dates.get(article.date)
        if date is None:
            date = dates[article.date] = iso_date(article.date, config.timezone)
        original = entry.duplicate_of
        copy = (
            f'"duplicate_of": {_json(entries[original].article.source)}, '
            if original is not None
            else ""
        )
        if entry.unconfirmed:  # names found without enough evidence, for a person to review
            copy += f'"entities_unconfirmed": [{", ".join(map(_json, entry.unconfirmed))}], '
        lines.append(
            f'{before}\n{{{brief if article.brief else ""}"date": '
            f"{_json(date) if date else 'null'}, {copy}"
            f'"headline_source": {_json(article.headline_source)}, "id": {ids[entry.id]}, '
            f'"section": {_json(entry.section.name) if entry.section else "null"}, '
            f'"source": {_json(article.source)}, "summary": {_json(article.summary)}, '
            f'"tags": [{", ".join([_json(t.name) for t in entry.tags])}], '
            f'"title": {_json(article.title)}, "url": {_json(entry.path)}, '
            f'"word_count": {article.word_count}}}'
        )
        before = ","
        if len(lines) == LINES_AT_ONCE:
            yield "".join(lines).encode()
            lines = []
    yield ("".join(lines) + ("\n]\n" if entries else "[]\n")).encode()  # a record a line


LINES_AT_ONCE = 1000
"""Records of articles.json that `manifest` yields together."""
