"""Time one-edit rebuilds, with and without compare.py's memory sampler, alternately.

    python benchmarks/edit_times.py DIR [N]

DIR holds `articles/`, `site.yaml` and a built `dist/` (compare.py leaves one in
WORK/SIZE/na). Each round appends a correction to the first article (sorted by path) and
rebuilds twice, once sampled as compare.py does (PSS every 20 ms) and once only timed; it
prints both series and their medians. The sampler reads every process's smaps_rollup, which
walks its page tables under its memory lock, so it slows the short builds it measures.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from compare import measure

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    """Run the rounds; print the wall times."""
    if not argv or len(argv) > 2:
        raise SystemExit(__doc__)
    folder, rounds = Path(argv[0]), int(argv[1]) if len(argv) > 1 else 4
    edited = sorted((folder / "articles").rglob("*.txt"))[0]
    command = [sys.executable, str(ROOT / "build.py"), "--articles", "articles", "--output"]
    command += ["dist", "--config", "site.yaml", "--no-pagefind", "-q"]
    times: dict[str, list[float]] = {"sampled": [], "timed": []}
    for number in range(rounds):
        for kind, series in times.items():
            text = edited.read_text(encoding="utf-8")
            edited.write_text(f"{text}\nCorrection {number} ({kind}).\n", encoding="utf-8")
            if kind == "sampled":
                series.append(measure(command, folder, folder / "dist").wall)
            else:
                started = time.perf_counter()
                subprocess.run(command, cwd=folder, check=True)
                series.append(time.perf_counter() - started)
    for kind, series in times.items():
        shown = " ".join(f"{seconds:.2f}" for seconds in series)
        print(f"{kind}: {shown}  (median {statistics.median(series):.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
