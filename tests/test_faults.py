"""Faults: a killed build, a full disk, an unwritable output and a damaged cache lose nothing.

These run real builds (`python build.py`) in subprocesses and kill them with SIGKILL, fill a
small tmpfs (the machines this project runs on are root, so `mount` works), and damage the build
cache (in .newsarchive/ beside site.yaml).
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsarchive import cache
from newsarchive.store import NAME as STORE
from newsarchive.writer import COMMIT, INSIDE

from conftest import ROOT, SAMPLES, run_cli, store_of, tree

BUILD = [sys.executable, str(ROOT / "build.py")]
WORDS = [
    "council",
    "budget",
    "harbour",
    "storm",
    "election",
    "court",
    "hospital",
    "school",
    "railway",
    "bridge",
    "farmers",
    "festival",
    "museum",
    "river",
    "police",
    "strike",
    "market",
    "housing",
    "library",
    "airport",
    "vaccine",
    "drought",
]
ARCHIVE_SIZE = 260  # builds in about 2 s


def make_archive(articles: Path, count: int, edition: int = 0) -> None:
    """Write `count` dated articles in four sections; each `edition` changes all of them."""
    for number in range(count):
        rng = random.Random(number)
        section = ("world", "local", "sport", "business")[number % 4]
        body = "\n\n".join(
            " ".join(rng.choice(WORDS) for _ in range(30)).capitalize() + "." for _ in range(3)
        )
        if edition:  # every file changes, so the reading cache cannot make the build instant
            body += f"\n\nUpdate number {edition} to this story."
        path = (
            articles / section / f"2022-{1 + number % 12:02d}-{1 + number % 28:02d}-s{number}.txt"
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Story {number} on the {rng.choice(WORDS)}\n\n{body}\n", encoding="utf-8")


def arguments(root: Path, output: Path) -> list[str]:
    """Return the build options for an archive under root."""
    return [
        "--articles",
        str(root / "articles"),
        "--output",
        str(output),
        "--config",
        str(root / "site.yaml"),
    ]


def build(root: Path, output: Path) -> subprocess.CompletedProcess[str]:
    """Run a whole build in a subprocess."""
    return subprocess.run(
        BUILD + arguments(root, output), capture_output=True, text=True, check=False, timeout=300
    )


def error_line(stderr: str) -> str:
    """Return the one `error:` line of a failed build's stderr (the rest is progress)."""
    assert "Traceback" not in stderr, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, stderr
    return errors[0]


def files_in(folder: Path) -> int:
    """Count the files under a folder (0 when it does not exist)."""
    return sum(len(names) for _, _, names in os.walk(folder))


def staged(staging: Path, leftover: int) -> int:
    """Count the files a build has staged; -1 while its staging folder is not its own yet (a
    killed build's, inode `leftover`, stays until the next build starts writing)."""
    try:
        if staging.stat().st_ino == leftover:
            return -1
    except OSError:
        return -1
    return files_in(staging)


def kill_when(root: Path, ready: object, limit: float = 120.0) -> bool:
    """Start a build, SIGKILL it and its workers once ready(staged files, seconds) holds; tell
    whether the kill ended it (a build that finished first was not killed)."""
    staging = store_of(root / "dist") / "staging"
    # an open leftover staging folder keeps its inode number from the build's new one
    hold = os.open(staging, os.O_RDONLY) if staging.exists() else None
    leftover = os.fstat(hold).st_ino if hold is not None else -1
    process = subprocess.Popen(
        BUILD + arguments(root, root / "dist"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    started = time.monotonic()
    while process.poll() is None and time.monotonic() - started < limit:
        if ready(staged(staging, leftover), time.monotonic() - started):  # type: ignore[operator]
            os.killpg(process.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    if hold is not None:
        os.close(hold)
    return process.wait() == -signal.SIGKILL


def output_tree(root: Path) -> dict[str, str]:
    """Return the output's files."""
    return tree(root / "dist")


KILL_POINTS = [
    ("at 0.1 s, starting", lambda staged, seconds: seconds >= 0.1),
    ("at 0.3 s, reading", lambda staged, seconds: seconds >= 0.3),
    ("at 0.45 s, cataloguing", lambda staged, seconds: seconds >= 0.45),
    ("as writing starts", lambda staged, seconds: staged >= 0),
    ("mid-write, 100 files", lambda staged, seconds: staged >= 100),
    ("mid-write, 250 files", lambda staged, seconds: staged >= 250),
    ("late in the write, 400 files", lambda staged, seconds: staged >= 400),
]


def test_sigkill_at_any_moment_keeps_the_previous_site_and_the_next_build_is_right(tmp_path):
    make_archive(tmp_path / "articles", ARCHIVE_SIZE)
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    first = build(tmp_path, tmp_path / "dist")
    assert first.returncode == 0, first.stderr
    good = tree(tmp_path / "dist")
    killed = []
    for edition, (moment, ready) in enumerate(KILL_POINTS, start=1):
        make_archive(tmp_path / "articles", ARCHIVE_SIZE, edition)  # the next build has work
        if not kill_when(tmp_path, ready):  # the build won the race: the new good site
            good = tree(tmp_path / "dist")
            continue
        killed.append(moment)
        if (store_of(tmp_path / "dist") / "staging" / COMMIT).exists():
            # the kill came after the commit began (journal written, renames under way): the
            # next build finishes it; its site is the new good one
            finished = build(tmp_path, tmp_path / "dist")
            assert finished.returncode == 0, finished.stderr
            good = tree(tmp_path / "dist")
        elif (left := output_tree(tmp_path)) != good:
            # the kill came after the commit was done, while the state was saved or Python
            # exited: the new site must then be whole, so building its input again changes
            # nothing (a mix of the two sites would be mended, and so seen here)
            again = build(tmp_path, tmp_path / "dist")
            assert again.returncode == 0, again.stderr
            assert tree(tmp_path / "dist") == left, moment
            good = left
    assert len(killed) >= 5, killed
    final = build(tmp_path, tmp_path / "dist")
    assert final.returncode == 0, final.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".newsarchive",  # the build cache and the record of published addresses
        "articles",
        "dist",
        "site.yaml",
    ]
    cold = build(tmp_path, tmp_path / "cold" / "dist")
    assert cold.returncode == 0, cold.stderr
    assert tree(tmp_path / "dist") == tree(tmp_path / "cold" / "dist")


def test_a_killed_build_leaves_the_build_store_as_the_last_build_left_it(tmp_path):
    make_archive(tmp_path / "articles", 60)
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    assert build(tmp_path, tmp_path / "dist").returncode == 0
    make_archive(tmp_path / "articles", 60, edition=1)  # every article edited
    assert kill_when(tmp_path, lambda staged, seconds: staged >= 0)  # all read, none written
    make_archive(tmp_path / "articles", 60)  # the edits taken back
    assert "Nothing changed since the last build" in rebuild(tmp_path)


def test_death_in_the_middle_of_the_commit_is_finished_by_the_next_build(tmp_path):
    shutil.copytree(SAMPLES, tmp_path / "articles")
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    assert build(tmp_path, tmp_path / "dist").returncode == 0
    good = tree(tmp_path / "dist")
    (tmp_path / "articles" / "new.txt").write_text("A new story\n\nIts text.\n", encoding="utf-8")
    (tmp_path / "articles" / "001_mexico-army-culiacan.txt").unlink()  # a page to delete, too
    dies = (
        "import os, sys\n"
        f"sys.path.insert(0, {str(ROOT / 'src')!r})\n"
        "from newsarchive import writer\n"
        "from newsarchive.cli import main\n"
        "moved = []\n"
        "def dying(source, target):\n"
        "    if '/staging/' in str(source) and 'commit' not in str(source):\n"
        "        moved.append(source)\n"
        "        if len(moved) == 3:\n"
        "            os._exit(9)  # two new files are in place, the rest are still staged\n"
        "    return os.replace(source, target)\n"
        "writer.os = type('os', (), {**vars(os), 'replace': staticmethod(dying)})\n"
        f"main({arguments(tmp_path, tmp_path / 'dist')!r})\n"
    )
    died = subprocess.run([sys.executable, "-c", dies], capture_output=True, check=False)
    assert died.returncode == 9, died.stderr
    staging = store_of(tmp_path / "dist") / "staging"
    assert (staging / ".newsarchive-commit").exists()
    assert tree(tmp_path / "dist") != good  # half committed: the next build must finish it
    again = build(tmp_path, tmp_path / "dist")
    assert again.returncode == 0, again.stderr
    assert "A new story" in (tmp_path / "dist" / "index.html").read_text(encoding="utf-8")
    assert not staging.exists()
    cold = build(tmp_path, tmp_path / "cold" / "dist")
    assert cold.returncode == 0, cold.stderr
    assert tree(tmp_path / "dist") == tree(tmp_path / "cold" / "dist")
    folders = [p for p in (tmp_path / "dist").rglob("*") if p.is_dir()]
    assert folders and all(any(p.iterdir()) for p in folders)  # the deleted page's folder went


@pytest.fixture
def small_disk(tmp_path):
    """Mount a 2 MB tmpfs at tmp_path/disk for the test, and unmount it after (the sample
    site's output takes under 1 MB; the build cache is beside site.yaml, on another disk, so
    the build stages in a private folder inside the output)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], check=True)
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=True)


def test_a_full_disk_is_a_clear_error_and_keeps_the_previous_site(tmp_path, small_disk):
    shutil.copytree(SAMPLES, tmp_path / "articles")
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    assert build(tmp_path, small_disk / "dist").returncode == 0
    good = tree(small_disk / "dist")
    big = tmp_path / "articles" / "big.txt"
    big.write_text("A big story\n\n" + "Words fill the disk. " * 120_000, encoding="utf-8")
    full = build(tmp_path, small_disk / "dist")
    assert full.returncode == 1
    message = error_line(full.stderr)
    assert message.startswith("error: cannot write ") and message.endswith(
        "No space left on device"
    )
    assert tree(small_disk / "dist") == good
    assert not (small_disk / "dist" / INSIDE).exists()
    big.unlink()
    assert build(tmp_path, small_disk / "dist").returncode == 0


def test_a_staging_folder_in_the_output_not_the_user_s_own_is_refused(tmp_path, small_disk):
    shutil.copytree(SAMPLES, tmp_path / "articles")
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    assert build(tmp_path, small_disk / "dist").returncode == 0  # the cache is on another disk
    good = tree(small_disk / "dist")
    planted = small_disk / "dist" / INSIDE
    planted.mkdir(mode=0o777)
    os.chown(planted, 65534, 65534)
    (planted / "index.html").write_text("theirs", encoding="utf-8")
    (tmp_path / "articles" / "new.txt").write_text("A new story\n\nIts text.\n", "utf-8")
    result = build(tmp_path, small_disk / "dist")
    assert result.returncode == 1
    assert error_line(result.stderr) == (
        f"error: refusing the staging folder {planted}: it belongs to another user (uid 65534); "
        "delete it, or build with a --cache-dir on the output's disk"
    )
    assert (planted / "index.html").read_text(encoding="utf-8") == "theirs"
    assert tree(small_disk / "dist") == {
        **good,
        f"{INSIDE}/index.html": tree(planted)["index.html"],
    }


def test_a_read_only_output_folder_is_a_clear_error(tmp_path, small_disk):
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    shutil.copytree(SAMPLES, tmp_path / "articles")
    result = build(tmp_path, small_disk / "dist")
    assert result.returncode == 1
    assert error_line(result.stderr) == (
        f"error: cannot create {small_disk / 'dist' / INSIDE}: Read-only file system; check "
        "that the output folder's parent exists and is writable"
    )


def test_running_out_of_space_mid_write_is_reported_not_raised(
    tmp_path, monkeypatch, in_this_process
):
    real = Path.write_bytes
    written = []

    def full(self: Path, data: bytes) -> int:
        if "staging" in self.parts:
            if len(written) >= 5:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
            written.append(self)
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    code, _, err = run_cli(*arguments(tmp_path, tmp_path / "dist")[2:], "--articles", str(SAMPLES))
    assert code == 1
    assert err.startswith(f"error: cannot write {tmp_path / 'dist'}/")
    assert err.endswith(": No space left on device\n")
    assert not (store_of(tmp_path / "dist") / "staging").exists()
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("a-file/dist", "error: cannot create"),
        ("a-file", "error: output {root}/a-file exists and is not a folder"),
        ("/", "error: output / is the file-system root"),
    ],
)
def test_impossible_output_folders_are_clear_errors(tmp_path, output, message):
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    target = output if output.startswith("/") else str(tmp_path / output)
    result = subprocess.run(
        [
            *BUILD,
            "--articles",
            str(SAMPLES),
            "--output",
            target,
            "--config",
            str(tmp_path / "site.yaml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert error_line(result.stderr).startswith(message.format(root=tmp_path))
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "not a folder"


# The build cache: damaged or stale, it is detected and never trusted.


@pytest.fixture
def cached_site(tmp_path):
    """Build the sample archive once, leaving its cache; return the folder holding both."""
    shutil.copytree(SAMPLES, tmp_path / "articles")
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    rebuild(tmp_path)
    assert {p.name for p in store_of(tmp_path / "dist").iterdir()} == {
        STORE,
        cache.GAZETTEER,
        "lock",
        "pagefind-parts.json",  # what each Pagefind part was made from (search_pagefind)
        f"templates-{cache.code_key()}",
    }
    return tmp_path


def rebuild(root: Path) -> str:
    """Build again in-process and return the summary."""
    code, out, err = run_cli(*arguments(root, root / "dist"))
    assert code == 0, err
    return out


def test_an_unchanged_rebuild_uses_the_cache(cached_site):
    assert "Nothing changed since the last build" in rebuild(cached_site)


@pytest.mark.parametrize("name", [STORE, cache.GAZETTEER])
@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_cache_file_is_rebuilt_not_trusted(cached_site, name, damage):
    path = store_of(cached_site / "dist") / name
    data = path.read_bytes()
    damaged = {
        "truncate": data[: len(data) // 2],
        "flip": data[:-1] + bytes([data[-1] ^ 0xFF]),
        "garbage": b"\x80\x04not a pickle nor json",
        "empty": b"",
    }[damage]
    path.write_bytes(damaged)
    (cached_site / "articles" / "new.txt").write_text("Fresh story\n\nIts text.\n", "utf-8")
    good = tree(cached_site / "dist")
    out = rebuild(cached_site)
    assert "Nothing changed" not in out and "Read 3 articles" in out
    assert "Fresh story" in (cached_site / "dist" / "index.html").read_text(encoding="utf-8")
    assert tree(cached_site / "dist") != good
    assert path.read_bytes() != damaged  # rewritten by the build


def test_damaged_bodies_in_the_store_are_never_used(cached_site):
    with sqlite3.connect(store_of(cached_site / "dist") / STORE) as db:
        db.execute("UPDATE articles SET body = replace(body, 'Culiacan', 'Nowhere')")
    shutil.rmtree(cached_site / "dist" / "articles")  # every article page is rendered again
    rebuild(cached_site)
    assert build(cached_site, cached_site / "cold" / "dist").returncode == 0
    assert tree(cached_site / "dist") == tree(cached_site / "cold" / "dist")


def test_a_store_whose_vocabulary_lost_words_is_not_trusted(cached_site):
    with sqlite3.connect(store_of(cached_site / "dist") / STORE) as db:
        db.execute("DELETE FROM words")  # and its checksum kept: the articles' ids point nowhere
    (cached_site / "articles" / "new.txt").write_text("Fresh story\n\nIts text.\n", "utf-8")
    assert "Read 3 articles" in rebuild(cached_site)
    assert build(cached_site, cached_site / "cold" / "dist").returncode == 0
    assert tree(cached_site / "dist") == tree(cached_site / "cold" / "dist")


def test_a_store_with_a_schema_of_its_own_is_not_opened(cached_site):
    path = store_of(cached_site / "dist") / STORE
    with sqlite3.connect(path) as db:
        db.execute("CREATE TRIGGER planted AFTER INSERT ON pages BEGIN DELETE FROM words; END")
    (cached_site / "articles" / "new.txt").write_text("Fresh story\n\nIts text.\n", "utf-8")
    out = rebuild(cached_site)
    assert f"{path}: is not a build cache file this version wrote" in out
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall() == []


def test_a_changed_output_folder_is_rebuilt_despite_the_cache(cached_site):
    good = tree(cached_site / "dist")
    (cached_site / "dist" / "index.html").write_text("tampered", encoding="utf-8")
    (cached_site / "dist" / "404.html").unlink()
    out = rebuild(cached_site)
    assert "Nothing changed" not in out
    assert tree(cached_site / "dist") == good


def test_a_stale_cache_entry_never_hides_an_edit(cached_site):
    source = next((cached_site / "articles").glob("*.txt"))
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\n\n", "\n\nA sentence added by an editor.\n\n", 1), "utf-8")
    rebuild(cached_site)
    pages = "".join(p.read_text(encoding="utf-8") for p in (cached_site / "dist").rglob("*.html"))
    assert "A sentence added by an editor." in pages


def test_a_cache_that_cannot_be_written_does_not_stop_the_build(tmp_path):
    shutil.copytree(SAMPLES, tmp_path / "articles")
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    store = store_of(tmp_path / "dist")
    for name in (STORE, cache.GAZETTEER, "articles-00.json"):
        (store / name).mkdir(parents=True)  # a folder where each cache file would be
    result = build(tmp_path, tmp_path / "dist")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "dist" / "index.html").is_file()
    assert "Traceback" not in result.stderr


def build_with_jobs(root: Path, jobs: str) -> None:
    """Build the archive under root into root/JOBS/dist with that many processes."""
    done = subprocess.run(
        [*BUILD, *arguments(root, root / jobs / "dist"), "--jobs", jobs, "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_two_render_processes_write_the_same_site_as_one(tmp_path):
    make_archive(tmp_path / "articles", 1_050)  # over the render pool's threshold
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    for jobs in ("1", "2"):
        build_with_jobs(tmp_path, jobs)
    one, two = tree(tmp_path / "1" / "dist"), tree(tmp_path / "2" / "dist")
    assert len(one) > 1_050 and one == two
    edited = next((tmp_path / "articles" / "sport").glob("*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA late result.\n", encoding="utf-8")
    for jobs in ("1", "2"):  # and again with the last build's pages to reuse
        build_with_jobs(tmp_path, jobs)
    assert tree(tmp_path / "1" / "dist") == tree(tmp_path / "2" / "dist") != one
