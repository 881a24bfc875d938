"""The only code that touches the output folder: atomic, only-changed writing.

A build writes into a staging folder beside the output. A file whose bytes did not change is
hard-linked from the previous output (so its mtime stays), others are written fresh. Only when
every file is in place is the staging folder swapped in; a build that fails or is killed leaves
the previous output as it was, and the next build cleans up after it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath

from .errors import BuildError
from .models import KEEP, Output

MARKER = ".newsarchive"
MARKER_TEXT = b"This folder is written by newsarchive; it is replaced on every build.\n"


class Writer:
    """Writes one build's outputs into staging, then swaps them in."""

    def __init__(self, output: Path) -> None:
        if output.name in ("", ".", ".."):  # "." or "..": name the folder so it has siblings
            output = Path(os.path.abspath(output))
        if not output.name:
            raise BuildError(
                f"output {output} is the file-system root; choose a folder such as dist/ with "
                "--output"
            )
        self.output = output
        self.staging = output.with_name(f".{output.name}.staging")
        self.previous = output.with_name(f".{output.name}.previous")
        self.written: set[str] = set()
        self.changed = 0

    def start(self) -> None:
        """Recover from an interrupted build and prepare an empty staging folder."""
        if not self.output.exists() and self.previous.exists():
            self.previous.rename(self.output)
        _check_ours(self.output)
        for leftover in (self.staging, self.previous):
            if leftover.exists():
                shutil.rmtree(leftover)
        try:
            self.staging.mkdir(parents=True)
        except OSError as error:
            raise BuildError(
                f"cannot create {self.staging}: {error.strerror}; check that the "
                "output folder's parent exists and is writable"
            ) from None
        self._put(Output(MARKER, MARKER_TEXT))

    def write(self, item: Output) -> None:
        """Place one output file in staging, linking it from the old output if unchanged."""
        if self._put(item):
            self.changed += 1

    def _put(self, item: Output) -> bool:
        """Place a file in staging; return whether its bytes differ from the previous build."""
        relative = safe_relative(item.path)
        if relative in self.written:
            raise BuildError(f"two pages want the same path {relative}; please report this")
        self.written.add(relative)
        target = self.staging / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            old = self.output / relative
            if item.data is KEEP or _same_bytes(old, item.data):
                _link_or_copy(old, target)
                return False
            target.write_bytes(item.data)
        except OSError as error:
            raise BuildError(f"cannot write {self.output / relative}: {error.strerror}") from None
        return True

    def commit(self) -> None:
        """Swap the staging folder in as the output folder."""
        try:
            if self.output.exists():
                self.output.rename(self.previous)
            self.staging.rename(self.output)
        except OSError as error:
            raise BuildError(f"cannot replace {self.output}: {error.strerror}") from None
        shutil.rmtree(self.previous, ignore_errors=True)

    def abort(self) -> None:
        """Throw the staging folder away, leaving the previous output untouched."""
        shutil.rmtree(self.staging, ignore_errors=True)


def safe_relative(path: str) -> str:
    """Return path if it stays inside the output folder; raise BuildError otherwise."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in path:
        raise BuildError(f"refusing to write outside the output folder: {path!r}")
    return pure.as_posix()


def _check_ours(output: Path) -> None:
    """Refuse to replace a non-empty folder that newsarchive did not write."""
    if not output.exists():
        return
    if not output.is_dir():
        raise BuildError(f"output {output} exists and is not a folder; choose another --output")
    if (output / MARKER).exists() or not any(output.iterdir()):
        return
    raise BuildError(
        f"output folder {output} has files that newsarchive did not write; it would be "
        "replaced, so choose an empty or new folder with --output (or delete this one)"
    )


def _same_bytes(path: Path, data: bytes) -> bool:
    """Tell whether a file exists with exactly these bytes."""
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _link_or_copy(source: Path, target: Path) -> None:
    """Hard-link source to target, copying (with its mtime) where links are not possible."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
