"""Run a build and print its process tree's peak memory (RSS summed) in each of its stages.

    python benchmarks/stage_memory.py python build.py --articles A --output O/dist \\
        --cache-dir O/cache --no-pagefind

Every 0.2 s it sums VmRSS over the build process and all its descendants (render workers,
the forkserver), and keeps the peak of the tree and of the build process between stage lines
(a stage line is printed when the stage ends, so the maxima after "Reading articles" are
those of the catalogue). RSS counts pages a forked worker shares with its parent twice; PSS
(timeline.py, compare.py) does not: quote which one a figure is. The CPU time is that of
every process of the tree as last sampled, so it misses the last 0.2 s of each.
"""

from __future__ import annotations

import os
import sys
import time

from compare import tree_pids
from timeline import start

TICKS = os.sysconf("SC_CLK_TCK")


def main() -> int:
    """Run the command given as arguments; print the stage lines, the maxima and the peak."""
    stage = ["start"]

    def follow(line: str) -> None:
        stage[0] = line.strip()[:60]

    process, started, reader = start(sys.argv[1:], follow)
    maxima: dict[str, tuple[float, float]] = {}
    cpu: dict[int, float] = {}
    peak: tuple[float, str, dict[int, float]] = (0.0, "", {})
    while process.poll() is None:
        sizes = {pid: _rss(pid) for pid in tree_pids(process.pid)}
        cpu.update((pid, seconds) for pid in sizes if (seconds := _cpu(pid)) is not None)
        total, own = sum(sizes.values()), sizes.get(process.pid, 0.0)
        best = maxima.get(stage[0], (0.0, 0.0))
        maxima[stage[0]] = (max(best[0], total), max(best[1], own))
        if total > peak[0]:
            peak = (total, stage[0], sizes)
        time.sleep(0.2)
    reader.join()
    print("stage maxima (tree MB, build process MB), after the line named:")
    for name, (total, own) in maxima.items():
        print(f"  {total:7.0f} {own:7.0f}  {name}")
    processes = sorted((round(size) for size in peak[2].values()), reverse=True)
    print(f"peak {peak[0]:.0f} MB after [{peak[1]}], processes {processes} MB")
    wall = time.perf_counter() - started
    print(f"exit {process.returncode}, wall {wall:.1f} s, CPU {sum(cpu.values()):.1f} s")
    return process.returncode


def _rss(pid: int) -> float:
    """Return a process's resident set size in MB (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu(pid: int) -> float | None:
    """Return a process's user and system CPU seconds so far (None once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except (OSError, IndexError, ValueError):
        return None


if __name__ == "__main__":
    sys.exit(main())
