"""The project's records of published addresses (`permalinks`, `topic_addresses`): inputs kept
beside the build caches in `.newsarchive/`, stamped into a build's key and saved whole."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .errors import BuildError

T = TypeVar("T")


def read(
    path: Path, version: int, part: str, parse: Callable[[Any], T], what: str, hint: str
) -> T | None:
    """Read a record's `part` (its JSON object of that name, `parse`d); None when there is no
    record yet; a damaged one is an error naming it (a guessed record would break published
    addresses), `hint` saying what deleting it does."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("version") != version:
            raise ValueError(f"version {raw.get('version')!r}, not {version}")
        return parse(raw[part])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise BuildError(
            f"{path}: {what} cannot be read ({error}); restore it from version control or a "
            f"backup ({hint})"
        ) from None


def stamp(path: Path) -> str:
    """Return a digest of a record as it is on disk ("none" if there is none): it is an
    input, so a build whose record changed (restored, deleted) is not a no-op."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=8).hexdigest()
    except OSError:
        return "none"


def write(path: Path, text: str, what: str) -> None:
    """Write a record's text if it changed, whole or not at all; `what` names it in the
    error ("the record of published addresses")."""
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        raise BuildError(
            f"{path}: cannot save {what} ({error.strerror}); "
            "make the folder writable or choose another with --cache-dir"
        ) from None
