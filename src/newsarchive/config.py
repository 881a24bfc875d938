"""Typed site configuration read from `site.yaml`; every key has a default."""

from __future__ import annotations

import dataclasses
import re
import types
import typing
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import authority
from .authority import Authority
from .errors import BuildError
from .yamlfile import read_yaml

PERMALINK_FIELDS = {"slug", "section", "year", "month", "day"}


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """Site-wide settings. See the README for what each one does."""

    title: str = "News Archive"
    description: str = "An archive of news articles."
    base_url: str = ""
    language: str = "en"
    timezone: str = "UTC"
    per_page: int = 20
    feed_size: int = 20
    permalink: str = "articles/{slug}/"
    related_count: int = 5
    default_section: str = "News"
    entity_min_articles: int = 2
    pagefind: bool = True  # also build a Pagefind index (the file:// index is always built)
    max_files: int = 0  # the host's file-count limit (0: none); Pagefind is left out past it
    menu_depth: int = 1  # section levels in the top menu (1: world, not world/europe)
    menu_size: int = 10  # sections in the top menu, the most covered (0: all); the rest: Sections
    section_titles: tuple[tuple[str, str], ...] = ()  # (section path, title shown), in order
    authority: Authority = field(default_factory=Authority)  # entities.yaml; not in site.yaml


def load(path: Path | None) -> SiteConfig:
    """Read a site.yaml file into a SiteConfig (a missing default file gives the defaults) and
    the entities.yaml beside it, if there is one."""
    found = authority.load(authority.beside(path))
    return dataclasses.replace(_load_site(path), authority=found)


def _load_site(path: Path | None) -> SiteConfig:
    """Read a site.yaml file into a SiteConfig; a missing default file gives the defaults."""
    if path is None or not path.exists():
        return SiteConfig()
    raw = read_yaml(path, "site config", yaml.safe_load)
    if raw is None:
        return SiteConfig()
    if not isinstance(raw, dict):
        raise BuildError(f"{path}: site config must be a mapping of keys to values")
    return from_mapping(raw, str(path))


def from_mapping(raw: dict[object, object], origin: str = "site.yaml") -> SiteConfig:
    """Build a SiteConfig from a mapping, naming any unknown or mistyped key."""
    hints = typing.get_type_hints(SiteConfig)
    known = {f.name for f in dataclasses.fields(SiteConfig)} - {"authority"}
    values: dict[str, object] = {}
    for key, value in raw.items():
        if key not in known:
            choices = ", ".join(sorted(known))
            raise BuildError(f"{origin}: unknown key '{key}'; known keys are {choices}")
        if key == "section_titles":
            values[key] = _section_titles(value, origin)
            continue
        values[str(key)] = _check_type(str(key), value, hints[str(key)], origin)
    config = SiteConfig(**values)  # type: ignore[arg-type]
    _validate(config, origin)
    return config


def _check_type(key: str, value: object, hint: object, origin: str) -> object:
    """Return value if it has the declared type, else raise a BuildError naming the key."""
    expected = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    if isinstance(value, bool) and bool not in expected:
        raise BuildError(f"{origin}: key '{key}' must be {_type_name(expected)}, not true/false")
    if not isinstance(value, tuple(t for t in expected if isinstance(t, type))):
        raise BuildError(
            f"{origin}: key '{key}' must be {_type_name(expected)}, not {type(value).__name__}"
        )
    return value


def _section_titles(value: object, origin: str) -> tuple[tuple[str, str], ...]:
    """Return `section_titles` as (section path, title) pairs: a mapping of text to text."""
    pairs = value.items() if isinstance(value, dict) else ()
    if not pairs or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in pairs
    ):
        raise BuildError(
            f"{origin}: key 'section_titles' must map a section's folder path to the title it "
            "shows, one per line, such as   money-fx: Money and FX"
        )
    return tuple(sorted((str(k).strip("/"), str(v).strip()) for k, v in pairs))


def _type_name(types_: tuple[object, ...]) -> str:
    """Name the expected types for a message."""
    names = {int: "a whole number", str: "text", bool: "true or false"}
    return " or ".join(names.get(t, getattr(t, "__name__", str(t))) for t in types_)  # type: ignore[call-overload]


def _validate(config: SiteConfig, origin: str) -> None:
    """Check values that have the right type but an impossible meaning."""
    for key in ("per_page", "feed_size", "entity_min_articles", "menu_depth"):
        if getattr(config, key) < 1:
            raise BuildError(f"{origin}: key '{key}' must be at least 1")
    for key in ("max_files", "menu_size"):
        if getattr(config, key) < 0:
            raise BuildError(f"{origin}: key '{key}' must be 0 (no limit) or more")
    if config.related_count < 0:
        raise BuildError(f"{origin}: key 'related_count' must be 0 or more")
    try:
        zoneinfo.ZoneInfo(config.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise BuildError(
            f"{origin}: key 'timezone' is '{config.timezone}', not a known time zone; "
            "use an IANA name such as Europe/London"
        ) from None
    fields = set(re.findall(r"{(\w+)}", config.permalink))
    if "slug" not in fields or not fields <= PERMALINK_FIELDS or not config.permalink.endswith("/"):
        raise BuildError(
            f"{origin}: key 'permalink' is '{config.permalink}'; it must end with '/', contain "
            "{slug} and use only {slug}, {section}, {year}, {month}, {day}"
        )
    if config.permalink.startswith("/") or ".." in config.permalink:
        raise BuildError(f"{origin}: key 'permalink' must be a relative path without '..'")
    if config.base_url and not re.match(r"^https?://[^\s/]+", config.base_url):
        raise BuildError(
            f"{origin}: key 'base_url' is '{config.base_url}'; use a full URL like "
            "https://example.org/archive/"
        )


def with_base_url(config: SiteConfig, base_url: str | None) -> SiteConfig:
    """Return config with base_url replaced when the command line gave one."""
    if base_url is None:
        return config
    updated = dataclasses.replace(config, base_url=base_url)
    _validate(updated, "--base-url")
    return updated
