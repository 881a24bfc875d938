"""Run a build and print its process tree's memory (PSS) each second beside its stage lines.

    python benchmarks/timeline.py python build.py --articles A --output D --no-pagefind

Shows where in a build the peak memory is; compare.py gives only the peak.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time

from compare import tree_rss


def main() -> int:
    """Run the command given as arguments; print a memory line a second and the peak."""
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    process = subprocess.Popen(
        sys.argv[1:], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    started = time.perf_counter()

    def echo() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            print(f"{time.perf_counter() - started:6.1f} s  | {line.rstrip()}", flush=True)

    reader = threading.Thread(target=echo)
    reader.start()
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


if __name__ == "__main__":
    sys.exit(main())
