"""Problems found while building, and the error that stops a build."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input file, told the way a user can act on it."""

    path: str
    message: str
    line: int | None = None
    hint: str = ""
    kind: str = "skipped"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


class BuildError(Exception):
    """A failure that stops the whole build (bad config, unwritable output)."""
