"""The entity authority file, `entities.yaml`: a person's corrections to what extraction found.

    aliases:                 # the preferred name, then the other names of the same entity
      Gordon Brown: [Mr Brown, Chancellor Brown]
      European Union: [EU, E.U.]
    kinds:                   # a kind to force: person, place or organisation
      Chelsea: organisation
    block:                   # names never to publish
      - Reuter

It is looked for beside the site configuration (`site.yaml`, or the file `--config` names).
Names are compared folded (case, accents and punctuation ignored), as entity pages are keyed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import BuildError
from .gazetteer import fold
from .yamlfile import read_yaml

FILE_NAME = "entities.yaml"
KINDS = ("person", "place", "organisation")
_SECTIONS = ("aliases", "kinds", "block")


@dataclass(frozen=True, slots=True)
class Authority:
    """What entities.yaml says, by folded name; tuples so that a build key can hash it."""

    aliases: tuple[tuple[str, str], ...] = ()  # folded name -> preferred name, as written
    kinds: tuple[tuple[str, str], ...] = ()  # folded name -> forced kind
    block: tuple[str, ...] = ()  # folded names never published


def beside(config_path: Path | None) -> Path:
    """Return where the authority file is looked for: beside the site configuration."""
    folder = config_path.parent if config_path is not None else Path()
    return folder / FILE_NAME


def load(path: Path) -> Authority:
    """Read an entities.yaml file; a missing one says nothing. Raises BuildError naming the
    file and line of anything it cannot use."""
    if not path.is_file():
        return Authority()
    root = read_yaml(path, "entities file", lambda text: yaml.compose(text, yaml.SafeLoader))
    if root is None:
        return Authority()
    sections = _mapping(root, path, "the entities file")
    found: dict[str, yaml.Node] = {}
    for key, value in sections:
        if key.value not in _SECTIONS:
            raise BuildError(
                f"{_at(path, key)}: unknown key '{key.value}'; known keys are "
                f"{', '.join(_SECTIONS)}"
            )
        found[key.value] = value
    return Authority(
        aliases=_aliases(found.get("aliases"), path),
        kinds=_kinds(found.get("kinds"), path),
        block=tuple(sorted({fold(n) for n in _names(found.get("block"), path, "block")})),
    )


def _aliases(node: yaml.Node | None, path: Path) -> tuple[tuple[str, str], ...]:
    """Read `aliases`: each preferred name with a list (maybe empty) of its other names."""
    pairs: dict[str, str] = {}
    for key, value in _mapping(node, path, "'aliases'") if node is not None else []:
        preferred = _text(key, path, "a name in 'aliases'")
        for name in [preferred, *_names(value, path, f"the aliases of '{preferred}'")]:
            if pairs.get(fold(name), preferred) != preferred:
                raise BuildError(
                    f"{_at(path, value)}: '{name}' is an alias of both "
                    f"'{pairs[fold(name)]}' and '{preferred}'; keep one"
                )
            pairs[fold(name)] = preferred
    return tuple(sorted(pairs.items()))


def _kinds(node: yaml.Node | None, path: Path) -> tuple[tuple[str, str], ...]:
    """Read `kinds`: a name and the kind to give it."""
    kinds: dict[str, str] = {}
    for key, value in _mapping(node, path, "'kinds'") if node is not None else []:
        name = _text(key, path, "a name in 'kinds'")
        kind = _text(value, path, f"the kind of '{name}'")
        if kind not in KINDS:
            raise BuildError(
                f"{_at(path, value)}: the kind of '{name}' is '{kind}'; use one of "
                f"{', '.join(KINDS)}"
            )
        kinds[fold(name)] = kind
    return tuple(sorted(kinds.items()))


def _mapping(node: yaml.Node, path: Path, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
    """Return the key and value nodes of a mapping, or raise naming what should be one."""
    if not isinstance(node, yaml.MappingNode):
        raise BuildError(f"{_at(path, node)}: {what} must be a mapping of names")
    return [(k, v) for k, v in node.value if _text(k, path, f"a key of {what}")]


def _names(node: yaml.Node | None, path: Path, what: str) -> list[str]:
    """Return a list of names (a single name counts as a list of one)."""
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null")):
        return []
    if isinstance(node, yaml.ScalarNode):
        return [_text(node, path, what)]
    if not isinstance(node, yaml.SequenceNode):
        raise BuildError(f"{_at(path, node)}: {what} must be a list of names")
    return [_text(item, path, f"a name in {what}") for item in node.value]


def _text(node: yaml.Node, path: Path, what: str) -> str:
    """Return a scalar node's text, or raise naming the file, line and what it should be."""
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise BuildError(f"{_at(path, node)}: {what} must be a name (text)")
    return str(node.value).strip()


def _at(path: Path, node: yaml.Node) -> str:
    """Return "file:line" for a node."""
    return f"{path}:{node.start_mark.line + 1}"
