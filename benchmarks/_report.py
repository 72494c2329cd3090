"""The one line shape every benchmark prints: ``name  value  unit  target``, fields joined by two spaces.

``name`` and ``unit`` are single words (no spaces), ``value`` a number (or ``skipped``), ``target`` the
goal (``< 20``, ``>= 1``) or ``-`` when the figure is for information, possibly followed by a short
note. :func:`parse` reads a line back; ``tests/test_benchmarks.py`` checks the shape.
"""

from __future__ import annotations

import re

LINE = re.compile(r"^(?P<name>\S+)  (?P<value>skipped|-?\d[\d.]*(?:e[-+]?\d+)?)  (?P<unit>\S+)  (?P<target>\S.*)$")


def line(name: str, value: float | str, unit: str, target: str = "-") -> str:
    """One report line; raises ValueError if a field would break the shape."""
    if isinstance(value, str):
        shown = value
    elif abs(value) >= 1000:
        shown = f"{value:.0f}"
    else:
        shown = f"{value:.4g}"
    text = f"{name}  {shown}  {unit}  {target.strip() or '-'}"
    if not LINE.match(text) or "  " in target.strip():
        raise ValueError(f"not a benchmark line: {text!r}")
    return text


def report(name: str, value: float | str, unit: str, target: str = "-") -> None:
    """Print one line (flushed: a long benchmark shows its figures as they come)."""
    print(line(name, value, unit, target), flush=True)


def parse(text: str) -> dict[str, str]:
    """The fields of a report line: name, value, unit, target."""
    found = LINE.match(text.rstrip("\n"))
    if not found:
        raise ValueError(f"not a benchmark line: {text!r}")
    return found.groupdict()
