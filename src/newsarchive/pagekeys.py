"""Page keys: a hash of everything a page is rendered from, so an unchanged page is not rendered.

A key covers the template folder, newsarchive's code, the site config and layout frame, the
template name, the page's path, title and description, and every value in its context, walked
recursively. Articles are keyed by source path and content hash (with the code in the key, that
fixes every field parsed from them). A value of a type we cannot key gives no key, and the page
is simply rendered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from .models import Article, Entry, Month, Term, Year


class Unkeyable(TypeError):
    """Raised for a context value that has no stable key."""


class Keyer:
    """Makes page keys, remembering the digests of entries and terms it has seen."""

    def __init__(self, salt: str) -> None:
        self.salt = salt.encode()
        self.memo: dict[int, bytes] = {}

    def key(
        self, template: str, path: str, title: str, description: str, context: Mapping[str, Any]
    ) -> str | None:
        """Return the key of one page, or None if its context cannot be keyed."""
        hasher = hashlib.blake2b(self.salt, digest_size=16)
        try:
            self.feed(hasher, (template, path, title, description, dict(context)))
        except Unkeyable:
            return None
        return hasher.hexdigest()

    def feed(self, hasher: Any, value: object) -> None:
        """Feed a tagged, unambiguous encoding of a value into a hash."""
        if value is None or isinstance(value, bool | int | float):
            hasher.update(f"{type(value).__name__}:{value!r};".encode())
        elif isinstance(value, str):
            data = value.encode("utf-8", "surrogatepass")
            hasher.update(b"s%d:" % len(data) + data)
        elif isinstance(value, dt.date):
            hasher.update(f"d:{value.isoformat()};".encode())
        elif isinstance(value, tuple) and all(type(item) is int for item in value):
            hasher.update(f"i{value!r};".encode())  # id lists: one update, not one per id
        elif isinstance(value, tuple | list):
            hasher.update(b"(%d" % len(value))
            for item in value:
                self.feed(hasher, item)
            hasher.update(b")")
        elif isinstance(value, dict):
            hasher.update(b"{%d" % len(value))
            for name in sorted(value):
                self.feed(hasher, name)
                self.feed(hasher, value[name])
            hasher.update(b"}")
        elif isinstance(value, Article):
            self.feed(hasher, ("article", value.source, value.digest))
        elif isinstance(value, Entry | Term | Month | Year):  # long-lived parts of the Site
            hasher.update(self._remembered(value))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            self._feed_fields(hasher, value)
        else:
            raise Unkeyable(type(value).__name__)

    def _remembered(self, value: Entry | Term | Month | Year) -> bytes:
        """Return the digest of an entry or term, computing it once per object."""
        digest = self.memo.get(id(value))
        if digest is None:
            hasher = hashlib.blake2b(digest_size=16)
            self._feed_fields(hasher, value)
            digest = self.memo[id(value)] = hasher.digest()
        return digest

    def _feed_fields(self, hasher: Any, value: Any) -> None:
        """Feed a dataclass's type name and every field."""
        hasher.update(type(value).__name__.encode() + b"<")
        for field in dataclasses.fields(value):
            self.feed(hasher, getattr(value, field.name))
        hasher.update(b">")
