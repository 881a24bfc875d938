"""Run a build and print its process tree's memory (PSS) each second beside its stage lines.

    python benchmarks/timeline.py python build.py --articles A --output D --no-pagefind

Shows where in a build the peak memory is; compare.py gives only the peak.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable

from compare import tree_rss


def main() -> int:
    """Run the command given as arguments; print a memory line a second and the peak."""
    process, started, reader = start(sys.argv[1:])
    peak, shown = 0.0, 0.0
    while process.poll() is None:
        megabytes = tree_rss(process.pid) / 2**20
        peak = max(peak, megabytes)
        if time.perf_counter() - shown >= 1.0:
            shown = time.perf_counter()
            print(f"{shown - started:6.1f} s  {megabytes:6.0f} MB (peak {peak:.0f})", flush=True)
        time.sleep(0.05)
    reader.join()
    print(f"peak {peak:.0f} MB, exit {process.returncode}")
    return process.returncode


def start(
    command: list[str], on_line: Callable[[str], None] = lambda line: None
) -> tuple[subprocess.Popen[str], float, threading.Thread]:
    """Start a build command (usage if none), echoing each line it prints to stderr with the
    seconds since it started and handing it to `on_line`; return the process, its start time
    and the thread that echoes (to join once the process ends)."""
    if not command:
        raise SystemExit(sys.modules["__main__"].__doc__)
    process = subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    started = time.perf_counter()

    def echo() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            print(f"{time.perf_counter() - started:7.1f} s  | {line.rstrip()}", flush=True)
            on_line(line)

    reader = threading.Thread(target=echo)
    reader.start()
    return process, started, reader


if __name__ == "__main__":
    sys.exit(main())
