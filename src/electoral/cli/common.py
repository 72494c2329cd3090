"""Shared CLI plumbing: JSON output, Rich console, and option parsing helpers."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console

from electoral.errors import ElectoralError, InvalidInput
from electoral.margins import DEFAULT_MARGIN, MARGINS

console = Console()
T = TypeVar("T")

JsonOption = typer.Option(False, "--json", help="Print machine-readable JSON instead of a table.")
ForceOption = typer.Option(False, "--force", help="Overwrite an existing output file.")
FaithlessOption = typer.Option(None, "--faithless",
                               help="Faithless electors: TX=2:Biden,WA=1 (unit=N[:candidate]); the state's law "
                                    "that year counts their votes or voids them and replaces the electors.")
CompactOption = typer.Option(None, "--compact", help="Popular-vote compact: members (enacted by Election Day; in "
                                                     "force only with 270 electors), as-if (members, applied "
                                                     "anyway), all (every state).")


# Scenario fields (as the API's JSON names them and the library's errors begin) -> the command line's flags
SCENARIO_FLAGS = {"flips": "--flip", "state_swings": "--state-swing", "faithless": "--faithless",
                  "compact": "--compact", "methods": "--method", "add_states": "--add-state", "remove": "--remove"}


def with_flags(compute: Callable[[], T]) -> T:
    """``compute()``, an error that begins with a scenario field re-raised naming the command line's flag.

    >>> from electoral.scenario import Scenario, run
    >>> with_flags(lambda: run(Scenario(2020, flips={"GA": "Nobody"})))
    Traceback (most recent call last):
    electoral.errors.InvalidInput: --flip GA: unknown or ambiguous candidate 'Nobody' in 2020 (candidates: Joe Biden, Donald Trump, Jo Jorgensen, James G. Janos, Don Blankenship, Brock Pierce)
    """
    try:
        return compute()
    except ElectoralError as exc:
        field = re.match(r"[a-z_]+", str(exc))
        if field is None or field.group() not in SCENARIO_FLAGS:
            raise
        raise type(exc)(SCENARIO_FLAGS[field.group()] + str(exc)[field.end():]) from None


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
