"""Power indices of a weighted voting game: Banzhaf (raw and normalized) and Shapley-Shubik, exact.

The units are players, their electoral votes the weights, and a coalition wins when its weight
reaches the quota (by default the majority needed). A unit *swings* a losing coalition ``S``
(not containing it) when ``S`` plus the unit wins:

- Banzhaf swings ``eta_i`` = number of such ``S``; raw (absolute) index ``eta_i / 2^(n-1)``,
  normalized index ``eta_i / sum_j eta_j``.
- Shapley-Shubik ``phi_i = sum_S |S|! (n - |S| - 1)! / n!`` over the same ``S``: the share of the
  ``n!`` orderings in which unit ``i`` is pivotal.

Both come from one generating function counted by size and weight (no sampling), with one
member divided out per distinct weight (see :mod:`electoral.analysis.subsets`).
Counts are exact integers; the float indices are derived from them at the end.

>>> p = power_indices([2, 1, 1], quota=3)
>>> p.swings, p.shapley_shubik.round(4).tolist()
((3, 1, 1), [0.6667, 0.1667, 0.1667])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from math import comb

import numpy as np

from electoral.analysis.subsets import as_weights, subset_counts_by_size, swings_by_size
from electoral.errors import InvalidInput
from electoral.tally import majority_needed
from electoral.units import normalize_code, units_for


@dataclass(frozen=True)
class PowerIndices:
    """Power of each player (unit) in the game ``[quota; weights]``, aligned to ``codes``."""

    codes: tuple[str, ...]
    weights: np.ndarray = field(repr=False)  # int64 electoral votes
    quota: int
    swings: tuple[int, ...]  # Banzhaf swing counts, exact
    pivots: tuple[tuple[int, ...], ...] = field(repr=False)  # swings by coalition size: pivots[i][k]
    year: int | None = None

    @property
    def banzhaf_raw(self) -> np.ndarray:
        """Probability that a unit swings the outcome when every coalition is equally likely."""
        return np.array([s / 2 ** (len(self.codes) - 1) for s in self.swings])

    @property
    def banzhaf(self) -> np.ndarray:
        """Normalized Banzhaf index: each unit's share of all swings (sums to 1)."""
        total = sum(self.swings)
        return np.array([s / total for s in self.swings])

    @property
    def shapley_shubik(self) -> np.ndarray:
        """Shapley-Shubik index (sums to 1), from the exact pivot counts by coalition size."""
        n = len(self.codes)
        per_size = np.array([1.0 / (n * comb(n - 1, k)) for k in range(n)])  # k!(n-k-1)!/n!
        return np.array([float(np.dot(np.asarray(row, dtype=float), per_size)) for row in self.pivots])

    def shapley_shubik_exact(self) -> tuple[Fraction, ...]:
        """Shapley-Shubik index as exact fractions.

        >>> power_indices([2, 1, 1], quota=3).shapley_shubik_exact()
        (Fraction(2, 3), Fraction(1, 6), Fraction(1, 6))
        """
        n = len(self.codes)
        return tuple(sum((Fraction(c, n * comb(n - 1, k)) for k, c in enumerate(row)), Fraction(0))
                     for row in self.pivots)


def power_indices(
    weights: Sequence[int] | np.ndarray,
    quota: int,
    codes: Sequence[str] | None = None,
    year: int | None = None,
) -> PowerIndices:
    """Exact Banzhaf and Shapley-Shubik indices of the game ``[quota; weights]``.

    >>> p = power_indices([4, 3, 2, 1], quota=6, codes=["A", "B", "C", "D"])
    >>> p.swings, p.banzhaf.round(3).tolist()
    ((5, 3, 3, 1), [0.417, 0.25, 0.25, 0.083])
    """
    w = as_weights(weights)
    n = len(w)
    codes = tuple(codes) if codes is not None else tuple(str(i + 1) for i in range(n))
    if len(codes) != n:
        raise InvalidInput(f"{len(codes)} codes for {n} weights")
    if n == 0:
        raise InvalidInput("a game needs at least one player")
    if int(quota) != quota or not 0 < quota <= int(w.sum()):
        raise InvalidInput(f"quota must be a whole number from 1 to the total weight {int(w.sum())}, got {quota!r}")
    quota = int(quota)
    counts = subset_counts_by_size(w, quota)  # counts[k, s]: k-member coalitions of weight s < quota
    pivots: dict[int, tuple[int, ...]] = {0: (0,) * n}
    for weight in sorted(set(w.tolist()) - {0}):
        by_size = swings_by_size(counts, weight, quota)  # the same for every member of this weight
        pivots[weight] = tuple(int(c) for c in by_size[:n])
    rows = tuple(pivots[int(x)] for x in w)
    return PowerIndices(codes, w, quota, tuple(sum(r) for r in rows), rows, year)


def power(year: int | str, electoral_votes: Mapping[str, int] | None = None, quota: int | None = None) -> PowerIndices:
    """Power indices of a year's units, optionally with changed electoral votes (a scenario).

    The quota defaults to the majority of all electors (270 of 538 from 1964).

    >>> p = power(2024)
    >>> p.quota, p.codes[int(np.argmax(p.banzhaf))]
    (270, 'CA')
    """
    units = units_for(year)
    weights = units.electoral_votes.copy()
    for code, value in (electoral_votes or {}).items():
        weights[units.index(code)] = as_weights([value], f"electoral votes of {normalize_code(code)}")[0]
    total = int(weights.sum())
    return power_indices(weights, majority_needed(total) if quota is None else quota, units.codes, units.year)
