"""Import a web archive (.warc or .warc.gz, read with warcio): each HTML response is an article;
requests, metadata and non-HTML responses are counted, not imported."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .common import Item, Note, Skip, SourceError, need
from .webpage import page_item

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read(path: Path, name: str, mapping: Mapping[str, str]) -> Iterator[Item | Skip | Note]:
    """Yield an item for every HTML response recorded in the archive at path."""
    need("warcio", "reading web archives (WARC)")
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    with path.open("rb") as stream:
        try:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                yield _record(record, name, number)
        except ArchiveLoadFailed as error:
            raise SourceError(
                f"is not a readable web archive after record {number} ({error}); "
                f"the {number} record(s) before it were read"
            ) from None


def _record(record: Any, name: str, number: int) -> Item | Skip:
    """Make an item from one WARC record, or count it as skipped."""
    if record.rec_type != "response":
        return Skip(name, f"{record.rec_type} record(s), not responses", counted=True)
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    headers = record.http_headers
    if headers is None:
        return Skip(name, "non-HTTP response record(s)", counted=True)
    content_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return Skip(name, f"non-HTML response(s) ({content_type or 'no type'})", counted=True)
    status = (headers.get_statuscode() or "").strip()
    if status != "200":
        return Skip(name, f"HTML response(s) with HTTP status {status}, not 200", counted=True)
    data = record.content_stream().read()  # de-chunked and decompressed by warcio
    return page_item(data, f"{name} record {number} <{uri}>", f"warc:{name}#{uri}", uri)
