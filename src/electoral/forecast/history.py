"""Past results as the model's prior: each unit's two-party share per election, leans, and their correlation.

:class:`History` holds the Democratic and Republican votes of every modern unit (the 50 states, DC and Maine's and
Nebraska's districts, aligned to :data:`UNIT_CODES`) per election year, from the record
(``popular_vote`` and ``district_popular_vote``). Functions here are pure: :func:`before` keeps only the elections
before a target year, so nothing of the target year can reach a prior (the leakage rule of docs/forecast.md).

A unit's *lean* in a year is its Democratic two-party share minus the national two-party share, in points.

>>> h = record_history()
>>> round(float(national_share(h)[list(h.years).index(2020)]), 2)
52.27
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from electoral.errors import InvalidInput
from electoral.units import units_for

FIRST_YEAR = 1976  # the first election of the two-party results the correlation is estimated from
UNIT_CODES: tuple[str, ...] = units_for(2020).codes  # the 56 units of 1992-2028 (Nebraska's districts from 1992)
LEAN_WEIGHTS = (0.75, 0.25)  # weights of the last and the one-before-last election in a unit's prior lean


@dataclass(frozen=True)
class History:
    """Democratic and Republican votes, ``(years, units)`` float arrays (NaN: no result), aligned to ``codes``."""

    years: np.ndarray  # int
    codes: tuple[str, ...]
    dem: np.ndarray
    rep: np.ndarray

    @property
    def share(self) -> np.ndarray:
        """Democratic two-party share in points, ``(years, units)``."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return 100.0 * self.dem / (self.dem + self.rep)

    def row(self, year: int) -> int:
        """The position of ``year`` (InvalidInput if the history has no such election)."""
        found = np.flatnonzero(self.years == int(year))
        if not len(found):
            raise InvalidInput(f"no results for {year} in the history ({self.years.min()}-{self.years.max()})")
        return int(found[0])


@lru_cache(maxsize=None)
def record_history(first: int = FIRST_YEAR) -> History:
    """The record's two-party votes of every election from ``first`` on, for the modern units.

    >>> h = record_history()
    >>> int(h.years[0]), len(h.codes), float(h.dem[list(h.years).index(2020), h.codes.index("DC")])
    (1976, 56, 317323.0)
    """
    from electoral.data.loaders import rows_for
    from electoral.sides import side_of
    from electoral.units import election_years

    years = [y for y in election_years() if y >= first and rows_for("popular_vote", y)]
    column = {code: i for i, code in enumerate(UNIT_CODES)}
    dem = np.full((len(years), len(UNIT_CODES)), np.nan)
    rep = np.full_like(dem, np.nan)
    for k, year in enumerate(years):
        rows = [(r.state, r.party, r.votes) for r in rows_for("popular_vote", year)]
        rows += [(r.unit, r.party, r.votes) for r in rows_for("district_popular_vote", year)]
        for unit, party, votes in rows:
            side = side_of(party)
            if unit in column and side in ("D", "R"):
                target = dem if side == "D" else rep
                target[k, column[unit]] = np.nan_to_num(target[k, column[unit]]) + votes
    return History(np.array(years), UNIT_CODES, dem, rep)


def before(history: History, year: int) -> History:
    """Only the elections before ``year``.

    >>> int(before(record_history(), 2016).years.max())
    2012
    """
    keep = history.years < int(year)
    if not keep.any():
        raise InvalidInput(f"no election before {year} in the history")
    return replace(history, years=history.years[keep], dem=history.dem[keep], rep=history.rep[keep])


def at_large(codes: tuple[str, ...]) -> np.ndarray:
    """True for states and DC, False for districts."""
    return np.array(["-" not in c for c in codes])


def national_share(history: History) -> np.ndarray:
    """National Democratic two-party share per year (states and DC only), in points."""
    states = at_large(history.codes)
    dem, rep = np.nansum(history.dem[:, states], axis=1), np.nansum(history.rep[:, states], axis=1)
    return 100.0 * dem / (dem + rep)


def leans(history: History) -> np.ndarray:
    """Each unit's lean against the nation per year, ``(years, units)`` in points."""
    return history.share - national_share(history)[:, None]


def prior_lean(history: History) -> np.ndarray:
    """Each unit's prior lean: :data:`LEAN_WEIGHTS` over its last elections with a result (points).

    >>> h = before(record_history(), 2020)
    >>> round(float(prior_lean(h)[h.codes.index("CA")]), 1)
    13.7
    """
    lean = leans(history)
    out = np.full(len(history.codes), np.nan)
    for j in range(len(history.codes)):
        known = lean[:, j][~np.isnan(lean[:, j])][::-1][: len(LEAN_WEIGHTS)]
        if len(known):
            weights = np.array(LEAN_WEIGHTS[: len(known)])
            out[j] = float(weights @ known / weights.sum())
    return out


def turnout(history: History) -> np.ndarray:
    """Two-party votes of each unit at the last election (the national vote's weights; 0 for districts)."""
    votes = np.nan_to_num(history.dem[-1] + history.rep[-1])
    return np.where(at_large(history.codes), votes, 0.0)


def lean_correlation(history: History, shrink: float = 0.5) -> np.ndarray:
    """Correlation of the states' changes in lean between consecutive elections, shrunk toward the identity.

    Estimated over the states and DC (districts take their state's row); ``(1 - shrink) * C + shrink * I``
    keeps the states' matrix positive definite although there are fewer elections than states (with the districts'
    copied rows it is positive semi-definite).

    >>> c = lean_correlation(before(record_history(), 2016))
    >>> c.shape, bool(np.allclose(np.diag(c), 1.0)), bool(np.linalg.eigvalsh(c).min() > -1e-9)
    ((56, 56), True, True)
    """
    states = at_large(history.codes)
    change = np.diff(leans(history)[:, states], axis=0)
    change = change[~np.isnan(change).any(axis=1)]
    if len(change) < 3:
        raise InvalidInput("a correlation of leans needs at least four elections of history")
    matrix = (1.0 - shrink) * np.corrcoef(change, rowvar=False) + shrink * np.eye(int(states.sum()))
    state_of = [c.split("-")[0] for c in history.codes]
    position = {c: i for i, c in enumerate(np.array(history.codes)[states])}
    index = np.array([position[s] for s in state_of])
    return matrix[np.ix_(index, index)]
