"""Read a YAML file the user wrote, with errors that name the file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml

from .errors import BuildError

T = TypeVar("T")


def read_yaml(path: Path, what: str, parse: Callable[[str], T]) -> T:
    """Return `parse` of the file's text; raise BuildError naming the file (and the line, for
    bad YAML) when it cannot be read or parsed. `what` names the file for the reader."""
    try:
        return parse(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise BuildError(f"{where}: {what} is not valid YAML ({error})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BuildError(f"{path}: cannot read {what} ({error})") from None
