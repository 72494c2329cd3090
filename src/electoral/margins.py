"""Margin definitions: what a unit's margin is a share of, for tipping points and swings alike.

A margin of the first candidate is ``(a - b) / base``, and a swing of ``d`` points moves
``d / 100 * base / 2`` votes from one candidate to the other, so that every margin under the same
definition moves by exactly ``d`` points. The definitions are registered in :data:`MARGINS`:

- ``all`` (the default): the base is all votes cast in the unit, third candidates included: the
  convention of published tipping-point tables (The New York Times, FiveThirtyEight, reference
  tables of state margins);
- ``two-party``: the base is the two candidates' votes only, ``a + b``.

2012 shows why the choice matters: Colorado's and Pennsylvania's margins are 5.37 and 5.38 points
of all votes, 5.50 and 5.46 points of the two-party vote, so the two definitions order them apart.

>>> round(float(margin("all", 55.0, 40.0, 100.0)), 3), round(float(margin("two-party", 55.0, 40.0, 100.0)), 3)
(0.15, 0.158)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from electoral.errors import InvalidInput

DEFAULT_MARGIN = "all"


@dataclass(frozen=True)
class MarginDefinition:
    """A registered margin definition: ``base(a, b, total)`` is what the margin ``a - b`` is a share of."""

    name: str
    description: str
    base: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray] = field(repr=False)


MARGINS: dict[str, MarginDefinition] = {
    m.name: m
    for m in (
        MarginDefinition("all", "margin as a share of all votes cast (the published tipping-point convention)",
                         lambda a, b, total: total),
        MarginDefinition("two-party", "margin as a share of the two candidates' votes only",
                         lambda a, b, total: a + b),
    )
}


def margin_definition(name: str | None = None) -> MarginDefinition:
    """The registered definition called ``name`` (default ``all``); raises :class:`InvalidInput` naming it.

    >>> margin_definition("Two-Party").name, margin_definition().name
    ('two-party', 'all')
    """
    key = DEFAULT_MARGIN if name is None else str(name).strip().lower()
    if key not in MARGINS:
        raise InvalidInput(f"unknown margin definition {name!r} (known: {', '.join(MARGINS)})")
    return MARGINS[key]


def margin(name: str | None, a: float | np.ndarray, b: float | np.ndarray, total: float | np.ndarray) -> np.ndarray:
    """The first candidate's margin ``(a - b) / base`` under definition ``name``, a fraction (NaN where base is 0).

    Votes may be numbers or aligned arrays; ``total`` is all votes cast in each unit.

    >>> margin("all", np.array([5.0, 1.0]), np.array([3.0, 1.0]), np.array([10.0, 0.0])).tolist()
    [0.2, nan]
    """
    a, b, total = (np.asarray(x, dtype=float) for x in (a, b, total))
    base = np.asarray(margin_definition(name).base(a, b, total), dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(base > 0, (a - b) / np.where(base > 0, base, 1.0), np.nan)


def swing_base(name: str | None, a: float, b: float, total: float) -> float:
    """Votes that one margin point is a hundredth of: a swing of ``d`` points moves ``d / 200 * base`` votes.

    >>> swing_base("all", 55.0, 40.0, 100.0), swing_base("two-party", 55.0, 40.0, 100.0)
    (100.0, 95.0)
    """
    return float(margin_definition(name).base(a, b, total))


# How safe a unit's result was, by its winner's lead over the runner-up as a share of all votes cast
# in the unit (the ``all`` definition), the way published ratings maps shade states: below 1 point a
# toss-up, below 5 lean, below 15 likely, else safe. The bands are this package's convention (forecast
# raters such as Cook and Sabato rate qualitatively and publish no thresholds); docs/map.md lists them.
SHADES: tuple[tuple[str, float], ...] = (("tossup", 0.01), ("lean", 0.05), ("likely", 0.15), ("safe", float("inf")))


def shade(lead: float | None) -> str | None:
    """The band of a lead (a fraction of all votes, >= 0): ``tossup``, ``lean``, ``likely`` or ``safe``; None if unknown.

    Bands are half-open: a lead of exactly 5 points is ``likely``. See :data:`SHADES`.

    >>> shade(0.003), shade(0.05), shade(0.149), shade(0.4), shade(None), shade(float("nan"))
    ('tossup', 'likely', 'likely', 'safe', None, None)
    """
    if lead is None or not np.isfinite(lead):
        return None
    if lead < 0:
        raise InvalidInput(f"a lead is >= 0, got {lead}")
    return next(name for name, below in SHADES if lead < below)
