"""Shared CLI plumbing: JSON output, Rich console, and option parsing helpers."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from electoral.errors import InvalidInput
from electoral.margins import DEFAULT_MARGIN, MARGINS

console = Console()

JsonOption = typer.Option(False, "--json", help="Print machine-readable JSON instead of a table.")
ForceOption = typer.Option(False, "--force", help="Overwrite an existing output file.")
FaithlessOption = typer.Option(None, "--faithless",
                               help="Faithless electors: TX=2:Biden,WA=1 (unit=N[:candidate]); the state's law "
                                    "that year counts their votes or voids them and replaces the electors.")
CompactOption = typer.Option(None, "--compact", help="Popular-vote compact: members (enacted by Election Day; in "
                                                     "force only with 270 electors), as-if (members, applied "
                                                     "anyway), all (every state).")


def output_path(text: str, force: bool, file_format: Any = None) -> Path:
    """Check an output file before any work starts: its folder exists and is writable, it is not a folder,
    and it does not exist yet unless ``force``; ``file_format(path)`` may refuse its name (e.g. its suffix).

    >>> output_path("no-such-folder/ev.png", False)
    Traceback (most recent call last):
    electoral.errors.InvalidInput: cannot write 'no-such-folder/ev.png': folder 'no-such-folder' does not exist
    """
    path = Path(text)
    if path.is_dir():
        raise InvalidInput(f"cannot write {text!r}: it is a folder")
    if file_format is not None:
        file_format(path)
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput(f"cannot write {text!r}: folder {str(folder)!r} does not exist")
    if (path.exists() or path.is_symlink()) and not force:
        raise InvalidInput(f"{text!r} exists: use --force to overwrite it")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InvalidInput(f"cannot write {text!r}: folder {str(folder)!r} is not writable")
    return path


MarginOption = typer.Option(
    DEFAULT_MARGIN, "--margin",
    help=f"What margins are shares of: {' or '.join(MARGINS)} ('all': all votes cast, the published convention).")


def print_json(value: Any) -> None:
    """Write ``value`` (an output model of :mod:`electoral.output`) as indented JSON to stdout (plain print: no
    Rich markup or wrapping)."""
    from electoral.output.base import to_jsonable  # pydantic loads only for --json

    print(json.dumps(to_jsonable(value), indent=2, ensure_ascii=False))


def parse_assignments(text: str, option: str) -> dict[str, str]:
    """Parse ``"PA=R,GA=D"`` into ``{"PA": "R", "GA": "D"}``; duplicates and malformed pairs are errors."""
    result: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise InvalidInput(f"{option}: expected CODE=VALUE pairs separated by commas, got {part!r}")
        key = key.strip().upper()
        if key in result:
            raise InvalidInput(f"{option}: {key!r} is given twice")
        result[key] = value.strip()
    return result
