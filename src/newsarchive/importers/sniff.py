"""Recognise a source's kind from its first bytes; the file name is only a tie-breaker."""

from __future__ import annotations

import codecs
import gzip
import json
import re
import zlib
from pathlib import Path

KINDS = {
    "warc": "WARC web archive",
    "wxr": "WordPress WXR export",
    "feed": "RSS/Atom feed",
    "html": "saved HTML page",
    "jsonl": "JSON Lines",
    "csv": "CSV",
}
HEAD_BYTES = 65536
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|meta)\b", re.IGNORECASE)
_WXR_NAMESPACE = re.compile(r"wordpress\.org/export/")


def kind_of(path: Path) -> str | None:
    """Return the kind of source a file holds ("warc", "wxr", "feed", "html", "jsonl", "csv")."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    return sniff(head, path.name.lower())


def sniff(head: bytes, name: str = "") -> str | None:
    """Return the kind of source that starts with these bytes, or None if none is known."""
    if head.startswith(b"\x1f\x8b"):
        head = _gunzip_start(head)
    if head.startswith(b"WARC/"):
        return "warc"
    text = _text_start(head).lstrip()
    if text.startswith("<"):
        return _markup_kind(text, name)
    if text.startswith("{") and _first_line_is_object(text):
        return "jsonl"
    if name.endswith((".csv", ".tsv")) or _looks_tabular(text):
        return "csv"
    return None


def _gunzip_start(head: bytes) -> bytes:
    """Return the first decompressed bytes of a gzip stream (a WARC record is its own member)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except (zlib.error, gzip.BadGzipFile):
        return b""


def _text_start(head: bytes) -> str:
    """Decode the start of a file for sniffing, honouring a UTF-8 or UTF-16 byte-order mark."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="ignore")
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff")


def _markup_kind(text: str, name: str) -> str | None:
    """Tell a WordPress export, a feed and an HTML page apart by their root element."""
    feed = _FEED_ROOT.search(text)
    page = _HTML_ROOT.search(text)
    if feed and (page is None or feed.start() < page.start()):
        return "wxr" if _WXR_NAMESPACE.search(text) else "feed"
    if page:
        return "html"
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return None


def _first_line_is_object(text: str) -> bool:
    """Tell whether the first line is a JSON object, as in JSON Lines."""
    first = text.split("\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _looks_tabular(text: str) -> bool:
    """Tell whether text looks like a delimited table: a header row and rows with as many fields."""
    lines = [line for line in text.split("\n")[:5] if line.strip()]
    if len(lines) < 2:
        return False
    for delimiter in (",", "\t", ";"):
        names = lines[0].split(delimiter)
        if len(names) >= 2 and all(0 < len(n.strip()) <= 40 for n in names):
            return delimiter in lines[1]  # column names are short; prose is not a header
    return False
