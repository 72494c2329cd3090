"""A forecast for every unit of one year: the input of every probability method.

A unit's forecast is either a win probability for the first side, or a forecast two-party margin
(first side minus second side, in any consistent unit such as percentage points) with a standard
deviation. Inside, both become a *latent margin* ``mean + sd * z``: the first side carries the unit
when it is positive. A probability ``p`` becomes ``mean = quantile(p)``, ``sd = 1``, which keeps its
marginal probability exact under any correlation (see :mod:`electoral.probability.correlation`).

>>> f = make_forecast(2020, {"PA": 0.8}, default_probability=0.5)
>>> round(float(f.probabilities[f.units.index("PA")]), 3), f.sides
(0.8, ('D', 'R'))
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from scipy import special

from electoral.errors import InvalidInput, UnknownUnit
from electoral.probability.correlation import Correlation, FactorCorrelation, MatrixCorrelation, check_factor
from electoral.probability.values import parse_df, parse_sides, unit_code
from electoral.units import Units, units_for


DEFAULT_SIDES: tuple[str, str] = ("D", "R")


@dataclass(frozen=True)
class Forecast:
    """Forecasts for every unit of a year, aligned to ``units``; the first side wins a unit when
    ``mean + sd * z > 0``.

    ``votes`` (expected votes cast per unit, NaN for districts) makes the national popular vote part
    of the model: its margin is the votes-weighted mean of the state-level units' margins.
    ``df`` makes the errors multivariate Student t (one shared scale per draw).

    >>> f = make_forecast(2020, {"PA": (2.0, 4.0)}, default_margin=(0.0, 5.0))
    >>> round(float(f.probabilities[f.units.index("PA")]), 4)
    0.6915
    """

    units: Units
    sides: tuple[str, str]
    mean: np.ndarray = field(repr=False)
    sd: np.ndarray = field(repr=False)
    kind: str = "margin"  # "margin" or "probability": what the input gave
    votes: np.ndarray | None = field(default=None, repr=False)
    correlation: Correlation | None = None
    df: float | None = None

    @property
    def probabilities(self) -> np.ndarray:
        """Each unit's marginal probability that the first side carries it."""
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = self.mean / self.sd
        return error_cdf(ratio, self.df)

    @property
    def electoral_votes(self) -> np.ndarray:
        """Electors of each unit (int64).

        >>> int(make_forecast(2020, {}, default_probability=0.5).electoral_votes.sum())
        538
        """
        return self.units.electoral_votes

    def side_index(self, side: str) -> int:
        """0 for the first side, 1 for the second (case-insensitive); raises InvalidInput otherwise.

        >>> make_forecast(2020, {}, default_probability=0.5, sides="Biden,Trump").side_index("trump")
        1
        """
        return side_position(self.sides, side)

    def with_correlation(self, correlation: Correlation | None) -> Forecast:
        """The same forecast with another correlation structure.

        >>> make_forecast(2020, {}, default_probability=0.5).with_correlation(FactorCorrelation(0.4)).correlation.national
        0.4
        """
        n = len(self.units)
        if isinstance(correlation, FactorCorrelation):
            correlation = check_factor(correlation, n)
        elif isinstance(correlation, MatrixCorrelation) and correlation.values.shape != (n, n):
            raise InvalidInput(f"correlation matrix is {correlation.values.shape[0]}x{correlation.values.shape[1]}, "
                               f"but {self.units.year} has {n} units")
        return replace(self, correlation=correlation)


def side_position(sides: tuple[str, str], side: str) -> int:
    """0 for the first side, 1 for the second (case-insensitive); raises InvalidInput naming ``side``.

    >>> side_position(("D", "R"), "r")
    1
    """
    wanted = str(side).strip().upper()
    for i, name in enumerate(sides):
        if name.upper() == wanted:
            return i
    raise InvalidInput(f"unknown side {side!r}: the sides are {sides[0]!r} and {sides[1]!r}")


def error_cdf(x: np.ndarray, df: float | None) -> np.ndarray:
    """CDF of the standardized error: normal, or Student t with ``df`` degrees of freedom.

    >>> error_cdf(np.array([0.0, 1.0]), None).round(4).tolist(), float(error_cdf(np.array([1.0]), 1.0)[0])
    ([0.5, 0.8413], 0.75)
    """
    return special.ndtr(x) if df is None else special.stdtr(df, x)


def error_quantile(p: np.ndarray, df: float | None) -> np.ndarray:
    """Inverse of :func:`error_cdf` (``p`` = 0 or 1 give -inf or +inf).

    >>> error_quantile(np.array([0.0, 0.5, 0.75]), 1.0).round(12).tolist()
    [-inf, 0.0, 1.0]
    """
    p = np.asarray(p, dtype=float)
    # scipy's stdtrit returns +inf at p = 0: pin both ends explicitly
    values = special.ndtri(p) if df is None else special.stdtrit(df, np.clip(p, 1e-300, 1.0))
    return np.where(p <= 0.0, -np.inf, np.where(p >= 1.0, np.inf, values))


def _positions(units: Units, codes: Sequence[object], what: str) -> np.ndarray:
    """Positions of ``codes`` in ``units``; unknown or repeated codes are errors naming them."""
    positions = []
    seen: set[str] = set()
    for code in codes:
        canonical = unit_code(code)
        if canonical not in units:
            raise UnknownUnit(f"{what}: unknown state or district {code!r} for {units.year} (known: {', '.join(units.codes)})")
        if canonical in seen:
            raise InvalidInput(f"{what}: unit {canonical!r} is given twice")
        seen.add(canonical)
        positions.append(units.index(canonical))
    return np.array(positions, dtype=np.int64)


def _missing(units: Units, given: np.ndarray, what: str) -> None:
    missing = sorted(set(range(len(units))) - set(given.tolist()))
    if missing:
        names = ", ".join(units.codes[i] for i in missing)
        raise InvalidInput(f"{what}: no forecast for {len(missing)} unit(s) of {units.year}: {names}")


def _finite(values: np.ndarray, codes: Sequence[str], name: str, *, low: float | None = None,
            high: float | None = None, low_open: bool = False) -> None:
    """Raise InvalidInput naming the first unit whose value is NaN, infinite or out of bounds."""
    if high is not None:
        bound = f" in [{low:g}, {high:g}]"
    elif low is not None:
        bound = f" {'>' if low_open else '>='} {low:g}"
    else:
        bound = ""
    for code, value in zip(codes, (float(v) for v in values)):
        bad = not math.isfinite(value)
        bad = bad or (low is not None and (value <= low if low_open else value < low))
        bad = bad or (high is not None and value > high)
        if bad:
            raise InvalidInput(f"{name} for {code} must be a finite number{bound}, got {value:g}")


def make_forecast(
    year: int | str,
    forecasts: Mapping[str, float | tuple[float, float]] | None = None,
    *,
    votes: Mapping[str, float] | None = None,
    sides: Sequence[str] | str = DEFAULT_SIDES,
    df: float | None = None,
    correlation: Correlation | None = None,
    default_probability: float | None = None,
    default_margin: tuple[float, float] | None = None,
) -> Forecast:
    """Validate per-unit forecasts against the units of ``year`` and build a :class:`Forecast`.

    ``forecasts`` maps unit codes to a win probability of the first side, or to a ``(margin, sd)``
    pair (all entries of one kind). Every unit needs a forecast unless a default is given.

    >>> f = make_forecast(2020, {code: 0.5 for code in units_for(2020).codes})
    >>> len(f.mean), f.kind
    (56, 'probability')
    >>> make_forecast(2020, {"PA": 1.2}, default_probability=0.5)
    Traceback (most recent call last):
    ...
    electoral.errors.InvalidInput: probability for PA must be a finite number in [0, 1], got 1.2
    """
    units = units_for(year)  # raises UnknownYear
    df = parse_df(df)
    items = list(dict(forecasts or {}).items())
    positions = _positions(units, [code for code, _ in items], "forecast")
    is_margin = _is_margin(items, default_probability, default_margin)
    if is_margin:
        mean, sd = _margins(units, items, positions, default_margin)
    else:
        mean, sd = _probabilities(units, items, positions, default_probability, df)
    vote_array = None if votes is None else _votes(units, votes, is_margin)
    mean.setflags(write=False)
    sd.setflags(write=False)
    if vote_array is not None:
        vote_array.setflags(write=False)
    forecast = Forecast(units, parse_sides(sides), mean, sd, "margin" if is_margin else "probability", vote_array, None, df)
    return forecast.with_correlation(correlation)  # validates the correlation against the units


def _is_margin(items: list[tuple[str, Any]], default_probability: float | None,
               default_margin: tuple[float, float] | None) -> bool:
    """Whether the forecasts are (margin, sd) pairs rather than probabilities; a mix of both is an error."""
    kinds = {isinstance(value, (tuple, list)) for _, value in items}
    if default_probability is not None:
        kinds.add(False)
    if default_margin is not None:
        kinds.add(True)
    if len(kinds) > 1:
        raise InvalidInput("give every unit either a probability or a (margin, sd) pair, not a mix of both")
    return kinds == {True}


def _margins(units: Units, items: list[tuple[str, Any]], positions: np.ndarray,
             default: tuple[float, float] | None) -> tuple[np.ndarray, np.ndarray]:
    """Means and standard deviations of (margin, sd) forecasts, validated."""
    n = len(units)
    mean = np.full(n, np.nan)
    sd = np.full(n, np.nan)
    if default is not None:
        mean[:], sd[:] = default
    for (code, value), i in zip(items, positions):
        if len(value) != 2:
            raise InvalidInput(f"forecast for {code}: expected (margin, sd), got {value!r}")
        mean[i], sd[i] = float(value[0]), float(value[1])
    if default is None:
        _missing(units, positions, "forecast")
    _finite(mean, units.codes, "margin")
    _finite(sd, units.codes, "sd", low=0.0, low_open=True)
    return mean, sd


def _probabilities(units: Units, items: list[tuple[str, Any]], positions: np.ndarray, default: float | None,
                   df: float | None) -> tuple[np.ndarray, np.ndarray]:
    """Win probabilities, validated, as the latent margins (sd 1) that reproduce them exactly."""
    n = len(units)
    p = np.full(n, np.nan if default is None else float(default))
    for (code, value), i in zip(items, positions):
        try:
            p[i] = float(value)
        except (TypeError, ValueError):
            raise InvalidInput(f"probability for {code} must be a number in [0, 1], got {value!r}") from None
    if default is None:
        _missing(units, positions, "forecast")
    _finite(p, units.codes, "probability", low=0.0, high=1.0)
    # The latent margin that reproduces p exactly: quantile of the error distribution.
    return error_quantile(p, df), np.ones(n)


def _votes(units: Units, votes: Mapping[str, float], is_margin: bool) -> np.ndarray:
    """Each unit's expected total vote (NaN where not given), validated: states must add up to more than zero."""
    if not is_margin:
        raise InvalidInput("votes need margins and standard deviations: a national popular vote cannot be built from probabilities")
    vote_array = np.full(len(units), np.nan)
    vote_positions = _positions(units, list(votes), "votes")
    vote_array[vote_positions] = [float(v) for v in votes.values()]
    at_large = np.array(["-" not in code for code in units.codes])
    _finite(vote_array[at_large], [c for c in units.codes if "-" not in c], "votes", low=0.0)
    if not np.nansum(vote_array[at_large]) > 0:
        raise InvalidInput("votes must add up to more than zero over the states")
    return vote_array


def resolve_given(forecast: Forecast, given: Mapping[str, str] | None) -> tuple[np.ndarray, np.ndarray, tuple[tuple[str, str], ...]]:
    """Fixed outcomes as (unit positions, first-side-wins flags, canonical pairs); validates codes and sides.

    >>> f = make_forecast(2020, {}, default_probability=0.5)
    >>> resolve_given(f, {"pa": "r"})[2]
    (('PA', 'R'),)
    """
    if not given:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool), ()
    positions, outcomes, pairs = [], [], []
    for code, side in given.items():
        i = forecast.units.index(code)  # raises UnknownUnit naming the code
        if i in positions:
            raise InvalidInput(f"given: unit {forecast.units.codes[i]!r} is fixed twice")
        s = forecast.side_index(side)
        positions.append(i)
        outcomes.append(s == 0)
        pairs.append((forecast.units.codes[i], forecast.sides[s]))
    return np.array(positions, dtype=np.int64), np.array(outcomes, dtype=bool), tuple(pairs)


def impossible(pairs: tuple[tuple[str, str], ...]) -> InvalidInput:
    """The error for conditioning on outcomes of probability 0, naming them."""
    text = ", ".join(f"{u}={s}" for u, s in pairs)
    return InvalidInput(f"the given outcomes ({text}) have probability 0 under this forecast")
