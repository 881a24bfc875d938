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
import pickle
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from pathlib import Path

from .config import SiteConfig
from .errors import Problem
from .models import Article

VERSION = "2"
SHARDS = 16
"""Parsed articles are saved in this many files, so an edit rewrites a sixteenth of them."""
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
    parsed: dict[tuple[str, str], Parsed] = {}
    for shard in range(SHARDS):
        parsed.update(_load_shard(cache / f"articles-{shard:02d}.pickle", code))
    return parsed


def _load_shard(path: Path, code: str) -> dict[tuple[str, str], Parsed]:
    """Return one shard of parsed articles; empty if missing, damaged or from other code."""
    data = _load(path)
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


def save_parsed(
    cache: Path,
    code: str,
    parsed: Mapping[tuple[str, str], Parsed],
    saved: Mapping[tuple[str, str], Parsed] | None = None,
) -> None:
    """Save parsed articles for the next build, with the code they were parsed by.

    Articles are kept in SHARDS files by source path; a shard whose articles are the ones
    already `saved` (as load_parsed returned them) is not rewritten, so an edit rewrites one.
    """
    shards: list[dict[tuple[str, str], Parsed]] = [{} for _ in range(SHARDS)]
    for key, value in parsed.items():
        shards[_shard_of(key[0])][key] = value
    before: list[set[tuple[str, str]]] = [set() for _ in range(SHARDS)]
    for key in saved or {}:
        before[_shard_of(key[0])].add(key)
    for number, shard in enumerate(shards):
        path = cache / f"articles-{number:02d}.pickle"
        if saved is None or set(shard) != before[number] or not path.exists():
            data = pickle.dumps({"code": code, "parsed": shard}, pickle.HIGHEST_PROTOCOL)
            _save(path, data)


def _shard_of(source: str) -> int:
    """Return the parsed-article shard a source path belongs to."""
    return (
        hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=1).digest()[0] % SHARDS
    )


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
