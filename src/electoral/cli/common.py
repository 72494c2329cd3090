"""Shared CLI plumbing: JSON output, Rich console, and option parsing helpers."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.console import Console

from electoral.errors import InvalidInput
from electoral.margins import DEFAULT_MARGIN, MARGINS
from electoral.serialize import to_jsonable

console = Console()

JsonOption = typer.Option(False, "--json", help="Print machine-readable JSON instead of a table.")
MarginOption = typer.Option(
    DEFAULT_MARGIN, "--margin",
    help=f"What margins are shares of: {' or '.join(MARGINS)} ('all': all votes cast, the published convention).")


def print_json(value: Any) -> None:
    """Write ``value`` as indented JSON to stdout (plain print: no Rich markup or wrapping)."""
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
