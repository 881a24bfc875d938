"""Problems found while building, and the error that stops a build."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")


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


def printable(text: str) -> str:
    """Return text safe for a terminal: control characters (an escape sequence can retitle
    the window or rewrite the screen), line breaks and lone surrogates written as escapes."""
    return _UNPRINTABLE.sub(lambda found: repr(found.group())[1:-1], text)
