"""What the command line tells a user about itself: every build option in the top-level
`--help`, and "did you mean" for a mistyped option."""

from __future__ import annotations

import argparse
import difflib

from .errors import printable


def commands(top: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Return the parser of each command, by name."""
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def explained(top: argparse.ArgumentParser, default: str = "build") -> argparse.ArgumentParser:
    """Return the top-level parser with the default command's options in its --help (they are
    what `python build.py --output x` takes)."""
    command = commands(top).get(default)
    if command is None:
        return top
    text = command.format_help()
    options = text[text.index("options:") :] if "options:" in text else text
    top.formatter_class = argparse.RawDescriptionHelpFormatter
    top.epilog = f"{default} (the default command) {options.rstrip()}\n\nEach command has --help."
    return top


def parse(top: argparse.ArgumentParser, args: list[str]) -> argparse.Namespace:
    """Parse args; an unknown option is bad usage (exit 2) naming the closest known one."""
    options, extras = top.parse_known_args(args)
    if extras:
        parser = commands(top).get(getattr(options, "command", None) or "", top)
        parser.error(unknown(extras, _option_names(parser)))
    return options


def unknown(extras: list[str], known: list[str]) -> str:
    """Return the message for arguments no option takes, with a suggestion when one is close."""
    word = extras[0].split("=", 1)[0]
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6) if word.startswith("-") else []
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"unrecognized arguments: {printable(' '.join(extras))}{hint}"


def _option_names(parser: argparse.ArgumentParser) -> list[str]:
    """Return every long option a parser takes."""
    return [name for action in parser._actions for name in action.option_strings if "--" in name]
