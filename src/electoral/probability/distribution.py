"""The result of every probability method: the distribution of the first side's electoral votes.

Exact methods and Monte Carlo return the same :class:`Distribution`, so the CLI, the HTTP API and
tests read one shape (its JSON document is :func:`electoral.output.probability.distribution_out`). Monte Carlo results also carry their number of draws (for standard errors),
how often each unit was the tipping point, and the popular-vote/electoral-vote split when the
forecast models the national vote.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from electoral.errors import InvalidInput
from electoral.probability.forecast import side_position
from electoral.tally import majority_needed
from electoral.units import Units

# A landslide: the winner takes at least this share of all electors (350 of 538).
LANDSLIDE_SHARE = 0.65


@dataclass(frozen=True)
class Distribution:
    """P(first side wins k electoral votes) for k = 0..total, with per-unit and summary figures.

    >>> from electoral.probability import exact, make_forecast
    >>> d = exact(make_forecast(2020, {}, default_probability=0.5))
    >>> round(d.p_win("D"), 4) == round(d.p_win("R"), 4), d.median
    (True, 269)
    """

    units: Units
    sides: tuple[str, str]
    pmf: np.ndarray = field(repr=False)  # float64, length total + 1
    unit_probabilities: np.ndarray = field(repr=False)  # P(first side carries each unit)
    method: str = "exact"
    draws: int | None = None  # Monte Carlo: draws behind the figures (those matching `given`)
    seed: int | None = None
    given: tuple[tuple[str, str], ...] = ()  # fixed outcomes: (unit, side)
    p_given: float = 1.0  # probability of the fixed outcomes
    tipping_point: np.ndarray | None = field(default=None, repr=False)  # share of draws each unit tipped
    p_popular_first: float | None = None  # P(first side wins the national popular vote)
    p_popular_split: float | None = None  # P(the electoral winner loses the national popular vote)

    @property
    def total(self) -> int:
        """Electors appointed."""
        return len(self.pmf) - 1

    @property
    def majority_needed(self) -> int:
        """Electoral votes needed to win (270 of 538)."""
        return majority_needed(self.total)

    def _side(self, side: str) -> int:
        return side_position(self.sides, side)

    def p_win(self, side: str) -> float:
        """P(``side`` wins a majority of the electors)."""
        need = self.majority_needed
        if self._side(side) == 0:
            return float(self.pmf[need:].sum())
        return float(self.pmf[: self.total - need + 1].sum())

    @property
    def p_tie(self) -> float:
        """P(neither side has a majority: 269-269 with 538 electors)."""
        return max(0.0, 1.0 - self.p_win(self.sides[0]) - self.p_win(self.sides[1]))

    @property
    def mean(self) -> float:
        """Expected electoral votes of the first side."""
        return float(np.arange(self.total + 1) @ self.pmf)

    @property
    def sd(self) -> float:
        """Standard deviation of the first side's electoral votes."""
        k = np.arange(self.total + 1)
        return float(math.sqrt(max(0.0, (k**2) @ self.pmf - self.mean**2)))

    def quantile(self, q: float) -> int:
        """Smallest k with P(first side's electoral votes <= k) >= q."""
        if not 0.0 <= q <= 1.0:
            raise InvalidInput(f"quantile must be in [0, 1], got {q!r}")
        cdf = np.cumsum(self.pmf)
        return int(min(np.searchsorted(cdf, q * cdf[-1] - 1e-12), self.total))

    @property
    def median(self) -> int:
        """Median electoral votes of the first side."""
        return self.quantile(0.5)

    @property
    def landslide_threshold(self) -> int:
        """Electoral votes of a landslide: 65% of the electors (350 of 538)."""
        return math.ceil(LANDSLIDE_SHARE * self.total - 1e-9)

    def landslide(self, side: str, threshold: int | None = None) -> float:
        """P(``side`` wins at least ``threshold`` electoral votes; default 65% of the electors, 350 of 538)."""
        need = self.landslide_threshold if threshold is None else int(threshold)
        if self._side(side) == 0:
            return float(self.pmf[need:].sum())
        return float(self.pmf[: max(self.total - need + 1, 0)].sum())

    def standard_error(self, p: float) -> float:
        """Monte Carlo standard error of a probability estimate ``p`` (0 for exact methods)."""
        return 0.0 if not self.draws else math.sqrt(max(p * (1 - p), 0.0) / self.draws)

    def unit_probability(self, code: str) -> float:
        """P(first side carries unit ``code``)."""
        return float(self.unit_probabilities[self.units.index(code)])

    def plot(self, path: str | Path | None = None, ax: Any = None) -> Any:
        """Draw the electoral-vote histogram with the majority line (matplotlib, optional extra).

        Writes ``path`` (PNG, PDF or SVG by its suffix, atomically) when given; returns the matplotlib Axes.
        """
        from electoral.probability.plot import plot_distribution

        return plot_distribution(self, path=path, ax=ax)
