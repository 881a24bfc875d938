"""The habits the tools carry: ruff (lint and format) and mypy --strict stay clean."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT

PATHS = ["src", "tests", "build.py"]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    """Run a tool from the project root and capture its output."""
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_check_is_clean():
    assert shutil.which("ruff"), "ruff is installed by the test extra"
    result = run("ruff", "check", *PATHS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean():
    result = run("ruff", "format", "--check", *PATHS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean():
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
