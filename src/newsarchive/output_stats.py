"""What the output folder holds now: the size and mtime of its files, looked at one by one
or walked, and the mtimes of its folders (`writer` compares them with what the last build
left there)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from contextlib import suppress
from pathlib import Path

INSIDE = ".newsarchive-staging"  # staging in the output, when the cache is on another disk


def snapshot(folder: Path, relatives: Iterable[str] | None = None) -> dict[str, list[int]]:
    """Return size and mtime of some files under a folder (by default, of every file)."""
    if relatives is None:
        return walk_stats(str(folder), "", {})
    tree: dict[str, list[int]] = {}
    for relative in relatives:
        info = os.stat(folder / relative)
        tree[relative] = [info.st_size, info.st_mtime_ns]
    return tree


def folder_stamps(output: Path, folders: Iterable[str]) -> dict[str, int]:
    """Return the mtime of each of these folders of the output ("a/b/", "" the output) that is
    a folder now."""
    stamps: dict[str, int] = {}
    inside = os.path.join(output, "")
    for relative in folders:
        with suppress(OSError):
            info = os.lstat(inside + relative)
            if stat.S_ISDIR(info.st_mode):
                stamps[relative] = info.st_mtime_ns
    return stamps


def looked_up(
    output: Path, files: Iterable[str], folders: Mapping[str, int]
) -> dict[str, list[int]] | None:
    """Return the size and mtime of the last build's `files`, looked at one by one instead of
    walking the output, if its `folders` (every folder it had, as `folder_stamps` gave them) all
    have their mtimes still: a name added, removed or renamed anywhere in the output changes the
    mtime of the folder it is in, so these are then all its files. None if one changed."""
    if "" not in folders:
        return None
    found: dict[str, list[int]] = {}
    inside = os.path.join(output, "")  # joined once: a join a file was a third of the time
    try:
        for relative, mtime in folders.items():
            info = os.lstat(inside + relative)
            if info.st_mtime_ns != mtime or not stat.S_ISDIR(info.st_mode):
                return None
        for relative in files:
            info = os.lstat(inside + relative)
            if not stat.S_ISREG(info.st_mode):
                return None
            found[relative] = [info.st_size, info.st_mtime_ns]
    except OSError:
        return None
    return found


def walk_stats(folder: str, prefix: str, tree: dict[str, list[int]]) -> dict[str, list[int]]:
    """Add the size and mtime of every file under a folder to tree, in one scandir walk (a
    loop, not recursion: no depth is too deep)."""
    folders = [(folder, prefix)]
    while folders:
        where, above = folders.pop()
        for entry in entries_in(where) or ():
            if not above and entry.name == INSIDE:
                continue  # a build's staging, when it is in the output
            if entry.is_dir(follow_symlinks=False):
                folders.append((entry.path, f"{above}{entry.name}/"))
            else:
                info = entry.stat(follow_symlinks=False)
                tree[above + entry.name] = [info.st_size, info.st_mtime_ns]
    return tree


def entries_in(folder: str) -> list[os.DirEntry[str]] | None:
    """Return what a folder holds, read in one scandir (None if it is gone or is no folder)."""
    try:
        with os.scandir(folder) as found:
            return list(found)
    except (FileNotFoundError, NotADirectoryError):
        return None
