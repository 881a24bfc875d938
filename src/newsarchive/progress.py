"""Progress of a long build: one updating line on a terminal, plain log lines otherwise.

Nothing is shown for builds that finish within DELAY seconds, so small sites stay quiet.
"""

from __future__ import annotations

import time
from typing import TextIO

DELAY = 1.5  # seconds before a build counts as long
INTERVAL = 0.2  # seconds between terminal updates


class Progress:
    """Reports stages of a build with counts and rates."""

    def __init__(self, stream: TextIO | None, tty: bool) -> None:
        self.stream = stream
        self.tty = tty
        self.started = time.perf_counter()
        self.stage = ""
        self.total = 0
        self.stage_started = self.started
        self.shown = 0.0
        self.dirty = False

    def begin(self, stage: str, total: int = 0) -> None:
        """Start a stage (e.g. "Reading articles") of `total` items."""
        self._finish_line()
        self.stage, self.total = stage, total
        self.stage_started = time.perf_counter()

    def advance(self, done: int) -> None:
        """Report that `done` items of the current stage are finished."""
        now = time.perf_counter()
        if not self.tty or not self._long() or now - self.shown < INTERVAL:
            return
        self.shown = now
        rate = done / max(now - self.stage_started, 1e-6)
        total = f"/{self.total:,}" if self.total else ""
        self._write(f"\r\x1b[2K{self.stage}: {done:,}{total} ({rate:,.0f}/s)")
        self.dirty = True

    def end(self) -> None:
        """Finish the current stage."""
        self._finish_line()
        if self._long() and self.stage:
            seconds = time.perf_counter() - self.stage_started
            count = f" {self.total:,}" if self.total else ""
            self._write(f"{self.stage}{count}: {seconds:.1f} s\n")
        self.stage = ""

    def _long(self) -> bool:
        """Tell whether the build has run long enough to show progress."""
        return self.stream is not None and time.perf_counter() - self.started >= DELAY

    def _finish_line(self) -> None:
        """Clear the terminal progress line, if one is showing."""
        if self.dirty:
            self._write("\r\x1b[2K")
            self.dirty = False

    def _write(self, text: str) -> None:
        """Write to the stream and flush it."""
        if self.stream is not None:
            self.stream.write(text)
            self.stream.flush()


SILENT = Progress(None, tty=False)
