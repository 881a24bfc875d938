"""What the catalogue remembers between builds (same-story cues and verdicts, related rows)
never changes the output: after each change to a site whose articles form a story, a build with
the last build's store writes what a cold build writes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from newsarchive import cache

from conftest import run_cli, tree, write_files
from test_site import SAMPLE_FILES

ONE = "articles/001_mexico-army-culiacan.txt"
TWO = "articles/002_el-chapo-son-captured.txt"
OTHERS = {
    f"articles/other-{n}.txt": f"{topic}\n\n{topic}. More on the story follows here."
    for n, topic in enumerate(
        (
            "Football club wins the league title after a late goal",
            "Storm brings heavy rain and flooding to coastal towns",
            "Central bank raises interest rates to fight inflation",
        )
    )
}


def build(root: Path, name: str, cache: Path) -> None:
    """Build root/articles into root/name with the cache folder `cache`."""
    code, out, err = run_cli(
        "--articles", str(root / "articles"), "--output", str(root / name),
        "--config", str(root / "site.yaml"), "--cache-dir", str(cache), "--no-pagefind", "-q",
    )  # fmt: skip
    assert code == 0, out + err


def assert_warm_equals_cold(root: Path, step: str) -> None:
    """Build with the kept store and from nothing; the outputs must be identical."""
    shutil.rmtree(root / "cold", ignore_errors=True)
    shutil.rmtree(root / "cache-cold", ignore_errors=True)
    (root / "cache-cold").mkdir()
    record = root / "cache-warm" / "permalinks.json"
    if record.exists():  # the record of published addresses is an input (docs/urls.md)
        shutil.copy(record, root / "cache-cold" / "permalinks.json")
    build(root, "warm", root / "cache-warm")
    build(root, "cold", root / "cache-cold")
    assert tree(root / "warm") == tree(root / "cold"), step


def test_a_build_that_remembers_the_catalogue_equals_a_cold_build(tmp_path):
    files = {**SAMPLE_FILES, **OTHERS, "site.yaml": ""}
    write_files(tmp_path, files)
    assert_warm_equals_cold(tmp_path, "first build")
    steps = {
        "a sentence added to one of the story": {TWO: files[TWO] + "\nThe army said more.\n"},
        "the story broken by another headline": {TWO: "Storm floods the coast\n\n" + files[TWO]},
        "the headline given back": {TWO: files[TWO]},
        "one article of the story copied": {"articles/copy.txt": files[ONE]},
        "another article on the same subject": {
            "articles/003.txt": files[ONE].replace("Culiacán", "Culiacan city", 1)
        },
    }
    for step, changed in steps.items():
        write_files(tmp_path, changed)
        assert_warm_equals_cold(tmp_path, step)
    (tmp_path / ONE).unlink()
    assert_warm_equals_cold(tmp_path, "one of the story deleted")


def test_damaged_cues_and_verdicts_are_worked_out_again(tmp_path):
    files = {**SAMPLE_FILES, **OTHERS, "site.yaml": ""}
    write_files(tmp_path, files)
    assert_warm_equals_cold(tmp_path, "first build")
    store = cache.folder_for(tmp_path / "cache-warm", tmp_path / "warm") / "store.sqlite"
    with sqlite3.connect(store) as db:
        db.execute("UPDATE cues SET cues = x'93a1786162'")  # a three-item array: not cues
        db.execute("UPDATE meta SET value = x'00' WHERE name IN ('verdicts', 'related')")
    write_files(tmp_path, {TWO: files[TWO] + "\nThe army said more.\n"})
    assert_warm_equals_cold(tmp_path, "after the store's cues and verdicts were damaged")
