"""Find the article files under the articles folder; say what was passed over and why."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from ..models import SourceFile

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
# Pictures an article can show; copied to the site. No SVG: opened on its own it runs scripts.
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")
BACKUP_SUFFIXES = ("~", ".bak", ".swp", ".swo", ".orig", ".tmp", ".part")
# Bytes that are not UTF-8 (surrogate escapes), controls and noncharacters cannot be written into
# a page, a feed or the summary; in file names they are shown as U+FFFD.
_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


@dataclass(slots=True)
class Discovery:
    """What discovery found: article files, image files, problems, and the names it ignored."""

    files: list[SourceFile] = field(default_factory=list)
    images: list[SourceFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def discover(root: Path) -> Discovery:
    """Walk the articles folder and return its article files in a stable order."""
    found = Discovery()
    real_root = root.resolve()
    waiting = [(str(root), "")]  # a loop, not recursion: no nesting is too deep to walk
    while waiting:
        folder, prefix = waiting.pop()
        kept = _scan(folder, prefix, real_root, found)
        waiting.extend((entry.path, f"{prefix}{entry.name}/") for entry in reversed(kept))
    found.files.sort(key=lambda f: f.rel)
    found.images.sort(key=lambda f: f.rel)
    found.ignored.sort()
    return found


def _scan(folder: str, prefix: str, real_root: Path, found: Discovery) -> list[os.DirEntry[str]]:
    """Consider a folder's files; return the folders in it to walk into (one scandir a
    folder)."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as error:
        if prefix:  # the articles folder itself is checked before the build starts
            found.problems.append(
                Problem(
                    shown_name(prefix),
                    f"is a folder that cannot be read ({error.strerror}); its files were skipped",
                    hint="give the build read permission on it",
                )
            )
        return []
    folders = {e.name: e for e in entries if _is(e.is_dir)}
    kept = [e for e in folders.values() if _keep_folder(e, prefix, real_root, found)]
    for entry in entries:
        if entry.name not in folders:
            _consider(entry, prefix, real_root, found)
    return kept


def _keep_folder(entry: os.DirEntry[str], prefix: str, real_root: Path, found: Discovery) -> bool:
    """Tell whether to walk into a folder; hidden folders and folder links are passed over."""
    rel = shown_name(prefix + entry.name)
    if entry.name.startswith((".", "_")):
        found.ignored.append(rel + "/")
        return False
    if entry.is_symlink():
        if _inside(Path(entry.path), real_root):
            found.problems.append(
                Problem(
                    rel,
                    "is a link to a folder inside the archive; its files are read "
                    "where they really are",
                    kind="ignored",
                )
            )
        else:
            found.problems.append(_outside_link(rel + "/", "folder"))
        return False
    return True


def _consider(entry: os.DirEntry[str], prefix: str, real_root: Path, found: Discovery) -> None:
    """Add one file to the discovery as an article, an ignored name, or a problem."""
    rel = shown_name(prefix + entry.name)
    # An image is linked by its name: one that is not text, or holds "\\", is passed over.
    image = is_image_name(entry.name) and "\ufffd" not in rel and "\\" not in rel
    if not image and not is_article_name(entry.name):
        found.ignored.append(rel)
        return
    if entry.is_symlink() and not _inside(Path(entry.path), real_root):
        found.problems.append(_outside_link(rel))
        return
    if not _is(entry.is_file):
        found.problems.append(Problem(rel, "is not a regular file (broken link or device)"))
        return
    (found.images if image else found.files).append(SourceFile.at(entry.path, rel))


def _is(test: Callable[[], bool]) -> bool:
    """Run a DirEntry type test; a link loop or a vanished file is neither file nor folder."""
    try:
        return test()
    except OSError:
        return False


def shown_name(rel: str) -> str:
    """Return a relative path as text that can be shown anywhere, bad characters as U+FFFD."""
    return _UNSHOWABLE.sub("\ufffd", rel)


def is_article_name(name: str) -> bool:
    """Tell whether a file name is an article: a known suffix, not hidden, not a backup."""
    lowered = name.lower()
    if name.startswith((".", "#", "~$")) or lowered.endswith(BACKUP_SUFFIXES):
        return False
    return lowered.endswith(ARTICLE_SUFFIXES)


def is_image_name(name: str) -> bool:
    """Tell whether a file name is a picture to copy: a known suffix, not hidden."""
    return not name.startswith((".", "#", "~$")) and name.lower().endswith(IMAGE_SUFFIXES)


def _inside(path: Path, real_root: Path) -> bool:
    """Tell whether a path, after following links, stays inside the articles folder."""
    try:
        path.resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _outside_link(rel: str, what: str = "file") -> Problem:
    """Make the problem reported for a link that points outside the articles folder."""
    return Problem(
        rel,
        "is a symbolic link to somewhere outside the articles folder",
        hint=f"copy the {what} into the articles folder if it belongs in the archive",
    )
