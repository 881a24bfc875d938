"""Hostile neighbours: a forged or foreign cache, a link planted in the output, overlapping
folders and a second build at once are refused or survived, and nothing runs or is lost."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive import cache, guard
from newsarchive.store import NAME as STORE

from conftest import ROOT, SAMPLES, build_at, run_cli, store_of, tree

BUILD = [sys.executable, str(ROOT / "build.py")]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Return a folder with the sample articles and an empty site.yaml."""
    shutil.copytree(SAMPLES, tmp_path / "articles")
    (tmp_path / "site.yaml").write_text("", encoding="utf-8")
    return tmp_path


class Payload:
    """Pickles to a call of os.system that touches a file: run, it leaves the file behind."""

    def __init__(self, proof: Path) -> None:
        self.proof = proof

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.proof}",)


def checksummed(data: bytes) -> bytes:
    """Return data with the checksum line the cache puts before it (unkeyed: anyone can)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest().encode() + b"\n" + data


def test_a_forged_cache_file_never_runs_code(project):
    assert build_at(project)[0] == 0
    store, proof = store_of(project / "dist"), project / "proof"
    forged = pickle.dumps({"version": cache.VERSION, "x": Payload(proof)})
    (store / STORE).write_bytes(checksummed(forged))
    names = ("state.msgpack", "state.pickle", "articles-00.pickle", cache.GAZETTEER)
    for name in (*names, "articles-00.json"):
        (store / name).write_bytes(checksummed(forged))  # old names too: never read
    for compiled in store.glob("templates-*/*"):
        compiled.write_bytes(forged)
    (project / "articles" / "new.txt").write_text("A new story\n\nIts text.\n", "utf-8")
    code, out, err = build_at(project)
    assert code == 0, err
    assert not proof.exists()
    assert f"{store / STORE}: is not a build cache file this version wrote" in out
    assert "A new story" in (project / "dist" / "index.html").read_text(encoding="utf-8")
    assert "damaged or forged" not in build_at(project)[1]  # the next build says nothing of it


def test_the_cache_lives_beside_the_config_never_beside_the_output(project):
    webroot = project / "www"
    webroot.mkdir(mode=0o777)
    code, _, err = run_cli(
        "--articles", str(project / "articles"), "--output", str(webroot / "site"),
        "--config", str(project / "site.yaml"),
    )  # fmt: skip
    assert code == 0, err
    assert [p.name for p in webroot.iterdir()] == ["site"]
    store = store_of(webroot / "site", project)
    assert (store / STORE).is_file()
    assert (project / ".newsarchive").stat().st_mode & 0o777 == 0o700
    assert store.stat().st_mode & 0o777 == 0o700  # compiled templates are in it, too


def test_cache_dir_moves_the_cache(project):
    elsewhere = project / "caches" / "mine"
    assert build_at(project, "--cache-dir", str(elsewhere))[0] == 0
    assert (cache.folder_for(elsewhere, project / "dist") / STORE).is_file()
    assert not (project / ".newsarchive").exists()


def test_folders_planted_beside_the_output_are_never_adopted_or_touched(project):
    for name in (".dist.previous", ".dist.staging", ".dist.cache"):
        (project / name).mkdir(mode=0o777)
        (project / name / "index.html").write_text("theirs", encoding="utf-8")
    before = tree(project)
    assert build_at(project)[0] == 0
    after = tree(project)
    for name in (".dist.previous", ".dist.staging", ".dist.cache"):
        assert after[f"{name}/index.html"] == before[f"{name}/index.html"]
    assert "theirs" not in (project / "dist" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("owner", ["root", "store"])
@pytest.mark.parametrize("fault", ["another user's", "writable by others", "a link"])
def test_a_cache_folder_not_private_to_the_user_is_refused(project, owner, fault):
    root = project / ".newsarchive"
    folder = root if owner == "root" else store_of(project / "dist")
    if fault == "a link":
        (project / "theirs").mkdir()
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.symlink_to(project / "theirs", target_is_directory=True)
    else:
        folder.mkdir(parents=True, mode=0o700)
        if fault == "another user's":
            os.chown(folder, 65534, 65534)
        else:
            folder.chmod(0o777)
    code, _, err = build_at(project)
    assert code == 1
    why = {
        "another user's": "it belongs to another user (uid 65534)",
        "writable by others": "others can write in it (mode 777)",
        "a link": "it is a symbolic link",
    }[fault]
    fix = (
        f"if it is yours and you trust what is in it, run: chmod go-w {folder}; else "
        if fault == "writable by others"
        else ""
    )
    assert err == (
        f"error: refusing the build cache folder {folder}: {why}; a build reads back what it "
        f"finds there, so {fix}choose a folder of your own with --cache-dir (keep its "
        "permalinks.json and topics.json: they record the addresses already published)\n"
    )
    assert not (project / "dist").exists()
    assert not any((project / "theirs").iterdir()) if fault == "a link" else True


def test_a_second_build_of_the_same_output_is_refused_while_one_runs(project):
    store = store_of(project / "dist")
    store.mkdir(parents=True, mode=0o700)
    with guard.build_lock(store, project / "dist"):  # as a running build holds it
        code, _, err = build_at(project)
        assert code == 1
        assert err == (
            f"error: another build of {project / 'dist'} is running (pid {os.getpid()}, lock "
            f"file {store / 'lock'}); wait for it to finish, or build to another --output\n"
        )
        assert not (project / "dist").exists()
    assert build_at(project)[0] == 0  # the lock went with its holder


def test_two_builds_at_once_leave_one_whole_site(project):
    for number in range(150):
        (project / "articles" / f"s{number}.txt").write_text(
            f"Story {number}\n\nThe council met about item {number}.\n", encoding="utf-8"
        )
    argv = [*BUILD, "--articles", str(project / "articles"), "--output", str(project / "dist")]
    argv += ["--config", str(project / "site.yaml")]
    both = [subprocess.Popen(argv, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(), p.stderr.read() if p.stderr else "") for p in both]
    assert sorted(code for code, _ in results) in ([0, 0], [0, 1]), results
    for code, err in results:
        assert code == 0 or "error: another build of" in err, err
    assert run_cli(*argv[2:], "--output", str(project / "cold"))[0] == 0
    assert tree(project / "dist") == tree(project / "cold")


# The output is the only folder a build deletes in, and it follows no link there.


def test_a_link_planted_in_the_output_is_removed_not_followed(project):
    assert build_at(project)[0] == 0
    elsewhere = project / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine", encoding="utf-8")
    shutil.rmtree(project / "dist" / "articles")
    (project / "dist" / "articles").symlink_to(elsewhere, target_is_directory=True)
    (project / "dist" / "404.html").unlink()
    (project / "dist" / "404.html").symlink_to(elsewhere / "keep.txt")
    (project / "articles" / "new.txt").write_text("A new story\n\nIts text.\n", "utf-8")
    code, _, err = build_at(project)
    assert code == 0, err
    assert tree(elsewhere) == {"keep.txt": hashlib.sha256(b"mine").hexdigest()}
    assert not any(p.is_symlink() for p in (project / "dist").rglob("*"))
    assert run_cli("--articles", str(project / "articles"), "--output", str(project / "cold"),
                   "--config", str(project / "site.yaml"))[0] == 0  # fmt: skip
    assert tree(project / "dist") == tree(project / "cold")


def overlapping(project: Path, case: str) -> tuple[list[str], str]:
    """Return the options of a build whose output overlaps an input, and the words said."""
    articles, dist = project / "articles", project / "dist"
    if case == "output is the articles folder":
        (articles / ".newsarchive").write_text("looks like an output", encoding="utf-8")
        return ["--articles", str(articles), "--output", str(articles)], "is the articles folder"
    if case == "articles inside an earlier output":
        moved = dist / "articles-copy"
        shutil.copytree(articles, moved)
        (dist / ".newsarchive").write_text("an earlier output", encoding="utf-8")
        return ["--articles", str(moved), "--output", str(dist)], "is inside the output folder"
    if case == "output inside the articles folder":
        return ["--articles", str(articles), "--output", str(articles / "dist")], "is inside the"
    name = case.split()[0]  # templates, static or config
    inside = dist / ("site.yaml" if name == "config" else name)
    if name == "config":
        dist.mkdir()
        inside.write_text("", encoding="utf-8")
    else:
        shutil.copytree(ROOT / name, inside)
    return ["--articles", str(articles), "--output", str(dist), f"--{name}", str(inside)], "inside"


OVERLAPS = [
    "output is the articles folder",
    "articles inside an earlier output",
    "output inside the articles folder",
    "templates inside the output",
    "static inside the output",
    "config inside the output",
]


@pytest.mark.parametrize("case", OVERLAPS)
def test_an_output_overlapping_an_input_is_bad_usage_and_touches_nothing(project, case):
    argv, words = overlapping(project, case)
    if "--config" not in argv:
        argv += ["--config", str(project / "site.yaml")]
    before = tree(project)
    code, _, err = run_cli(*argv)
    assert code == 2, err
    assert err.startswith("error: ") and words in err and "--output" in err, err
    assert tree(project) == before
    assert not (project / ".newsarchive").exists()
