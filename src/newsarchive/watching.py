"""What `serve` watches: the sources (not what the build writes) and the config files, and the
changes that count once an editor's temporary files are left out."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

import watchfiles

from . import authority
from .builder import Paths

Wanted = Callable[[watchfiles.Change, str], bool]


class SourceFilter(watchfiles.DefaultFilter):
    """Passes changes to source files: not editor droppings, not anything the build writes."""

    def __init__(self, output: Path, store: Path | None = None) -> None:
        super().__init__()
        self.outputs = {output.resolve(), *([store.resolve()] if store else [])}

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        """Tell whether a change should start a rebuild."""
        where = Path(path)
        if any(where == o or o in where.parents for o in self.outputs):
            return False
        return bool(super().__call__(change, path))


def watch_roots(paths: Paths, config: Path) -> list[tuple[list[Path], bool, Wanted]]:
    """Return (folders, recursive, filter) to watch: the sources, and the config file's folder
    for the config file and the entities.yaml beside it.

    The config files are watched through their folder, not themselves: editors that save by
    replacing a file would otherwise end the watch after the first save, and entities.yaml may
    not exist until the user writes it.
    """
    folders = [p.resolve() for p in (paths.articles, paths.templates, paths.static) if p.is_dir()]
    config_file = config.resolve()
    settings = {config_file, authority.beside(config_file)}
    return [
        (folders, True, SourceFilter(paths.output, paths.cache)),
        ([config_file.parent], False, lambda _, path: Path(path) in settings),
    ]


def polled(roots: list[Path], recursive: bool, wanted: Wanted) -> dict[str, tuple[int, int]]:
    """Return the size and mtime of every wanted file under roots (names that are not text
    kept as os.fsdecode gives them)."""
    found: dict[str, tuple[int, int]] = {}
    for root in roots:
        for folder, folders, names in os.walk(os.fsencode(root)):
            if not recursive:
                folders.clear()
            for name in names:
                path = os.fsdecode(os.path.join(folder, name))
                with suppress(OSError):
                    info = os.stat(path)
                    if wanted(watchfiles.Change.modified, path):
                        found[path] = (info.st_size, info.st_mtime_ns)
    return found


def net_changes(changes: set[tuple[watchfiles.Change, str]]) -> set[str]:
    """Return the paths changed, less files both added and deleted (an editor's temporaries)."""
    added = {path for change, path in changes if change == watchfiles.Change.added}
    deleted = {path for change, path in changes if change == watchfiles.Change.deleted}
    return {path for _, path in changes} - (added & deleted)
