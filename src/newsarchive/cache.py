"""The build cache, beside the output folder: skip unchanged builds, reuse parsed articles.

Everything is keyed by content: each article file's bytes, the config, the templates, the static
files and newsarchive's own code. A cache that is missing, from another version, or fails its
checksum is ignored and rewritten, never trusted; a stale entry can only miss, never change the
output, because its key includes every input that could change it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from pathlib import Path

from .config import SiteConfig
from .errors import Problem
from .models import Article

VERSION = "1"
CODE = Path(__file__).resolve().parent
Parsed = tuple[Article | None, list[Problem]]


def folder_for(output: Path) -> Path:
    """Return the cache folder that belongs to an output folder."""
    return output.with_name(f".{output.name}.cache")


def digest_file(path: Path) -> str:
    """Return the content hash of a file ("" if it cannot be read: the reader will say why)."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return ""


@functools.cache
def code_key() -> str:
    """Return the hash of newsarchive's own code: parsed records are only valid for it."""
    return folders_key((CODE,))


def folders_key(folders: Iterable[Path]) -> str:
    """Return the hash of every file under some folders (missing folders count as empty)."""
    hasher = hashlib.blake2b(digest_size=16)
    for folder in folders:
        files = sorted(p for p in folder.rglob("*") if p.is_file() and _counts(p))
        for path in files:
            hasher.update(f"{path.relative_to(folder)}\0{digest_file(path)}\n".encode())
        hasher.update(b"\1")
    return hasher.hexdigest()


def build_key(config: SiteConfig, theme: Iterable[Path], files: Mapping[str, str]) -> str:
    """Return the hash of every input of a build: config, theme, code and article contents."""
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(f"{VERSION}\n{json.dumps(asdict(config), sort_keys=True)}\n".encode())
    hasher.update(f"{folders_key(theme)}\n{code_key()}\n".encode())
    for rel in sorted(files):
        hasher.update(f"{rel}\0{files[rel]}\n".encode())
    return hasher.hexdigest()


def _counts(path: Path) -> bool:
    """Tell whether a file can change the output (compiled bytecode cannot)."""
    return "__pycache__" not in path.parts and not path.name.startswith(".")


def snapshot(output: Path) -> dict[str, list[int]]:
    """Return size and mtime of every file in the output folder."""
    tree: dict[str, list[int]] = {}
    for folder, _, names in os.walk(output):
        for name in names:
            path = os.path.join(folder, name)
            stat = os.stat(path)
            tree[os.path.relpath(path, output)] = [stat.st_size, stat.st_mtime_ns]
    return tree


def load_state(cache: Path) -> dict[str, object] | None:
    """Return the saved state of the last build, or None if it is missing or corrupt."""
    data = _load(cache / "state.json")
    if data is None:
        return None
    try:
        state = json.loads(data)
    except ValueError:
        return None
    return state if isinstance(state, dict) and state.get("version") == VERSION else None


def save_state(cache: Path, state: dict[str, object]) -> None:
    """Save the state of a finished build."""
    text = json.dumps({**state, "version": VERSION}, sort_keys=True)
    _save(cache / "state.json", text.encode("utf-8"))


def load_parsed(cache: Path, code: str) -> dict[tuple[str, str], Parsed]:
    """Return the last build's parsed articles, keyed by (source path, content hash)."""
    data = _load(cache / "articles.pickle")
    if data is None:
        return {}
    try:
        saved = pickle.loads(data)  # written by us, checksummed, same code only
    except Exception:  # damaged in a way the checksum could not see: rebuild it
        return {}
    if not isinstance(saved, dict) or saved.get("code") != code:
        return {}
    parsed = saved.get("parsed")
    return parsed if isinstance(parsed, dict) else {}


def save_parsed(cache: Path, code: str, parsed: Mapping[tuple[str, str], Parsed]) -> None:
    """Save parsed articles for the next build, with the code they were parsed by."""
    data = pickle.dumps({"code": code, "parsed": dict(parsed)}, pickle.HIGHEST_PROTOCOL)
    _save(cache / "articles.pickle", data)


def _load(path: Path) -> bytes | None:
    """Read a cache file and check its checksum; None if missing or damaged."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    checksum, _, data = raw.partition(b"\n")
    if hashlib.blake2b(data, digest_size=16).hexdigest().encode() != checksum:
        return None
    return data


def _save(path: Path, data: bytes) -> None:
    """Write a cache file with a checksum line, atomically; skip it if it can't be written."""
    checksum = hashlib.blake2b(data, digest_size=16).hexdigest().encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(checksum + b"\n" + data)
        temporary.replace(path)
    except OSError:
        pass
