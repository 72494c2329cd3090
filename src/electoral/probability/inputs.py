"""Probability inputs: a forecast for every unit of one year, and how the units' errors are correlated.

A unit's forecast is either a win probability for the first side, or a forecast two-party margin
(first side minus second side, in any consistent unit such as percentage points) with a standard
deviation. Inside, both become a *latent margin* ``mean + sd * z``: the first side carries the unit
when it is positive. A probability ``p`` becomes ``mean = quantile(p)``, ``sd = 1``, which keeps its
marginal probability exact under any correlation.

The errors ``z`` are standard normal (or Student t, see ``df``) and correlated in one of two ways:

- :class:`FactorCorrelation`: a common national swing, an optional regional swing per region, and
  each unit's own noise, given as shares of each unit's error variance;
- :class:`MatrixCorrelation`: a full correlation matrix (state-level matrices are expanded so that
  Maine's and Nebraska's districts inherit their state's row).

Policy for a matrix that is not a correlation matrix: a non-square, non-symmetric, non-finite one,
or one whose diagonal is not 1, is rejected. One that is symmetric but not positive semi-definite is
rejected too, unless ``repair=True`` (CLI ``--repair``): then the nearest correlation matrix
(Higham 2002) is used and a :class:`CorrelationRepaired` warning says by how much it moved.

>>> f = make_forecast(2020, {"PA": 0.8}, default_probability=0.5)
>>> round(float(f.probabilities[f.units.index("PA")]), 3), f.sides
(0.8, ('D', 'R'))
"""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import special

from electoral.parse import whole_number
from electoral.errors import InvalidInput, UnknownUnit
from electoral.units import Units, normalize_code, units_for

DEFAULT_SIDES: tuple[str, str] = ("D", "R")

# Labels some sources use for a state instead of its USPS code. The Economist's
# state_correlation_matrix.csv (TheEconomist/us-potus-model) writes Kansas as "KA".
CODE_ALIASES: dict[str, str] = {"KA": "KS"}

# Packaged worked examples: name -> packaged CSV (see docs/probability.md).
EXAMPLES: dict[str, str] = {"example-2020": "example_2020_polls"}

# Packaged correlation matrices: name -> packaged CSV (built by scripts/build_correlation.py).
CORRELATIONS: dict[str, str] = {"economist": "state_correlation"}

_SYMMETRY_TOLERANCE = 1e-8
_PSD_TOLERANCE = 1e-8


class CorrelationRepaired(UserWarning):
    """A correlation matrix was not positive semi-definite and was replaced by the nearest one."""


@dataclass(frozen=True)
class FactorCorrelation:
    """Errors as shares of variance: ``z = sqrt(national)*F + sqrt(regional)*G[region] + sqrt(rest)*e``.

    ``regions`` gives each unit's region (aligned to the units; ``""`` for none). Two units share
    ``national`` correlation, plus ``regional`` when they lie in the same region.

    >>> c = FactorCorrelation(0.5)
    >>> float(c.matrix(3)[0, 1])
    0.5
    """

    national: float
    regional: float = 0.0
    regions: tuple[str, ...] = ()

    def regional_loading(self, n_units: int) -> np.ndarray:
        """Each unit's regional variance share (0 for units without a region).

        >>> FactorCorrelation(0.5, 0.2, ("South", "", "South")).regional_loading(3).tolist()
        [0.2, 0.0, 0.2]
        """
        if not self.regions:
            return np.zeros(n_units)
        return np.array([self.regional if r else 0.0 for r in self.regions])

    def region_groups(self) -> dict[str, np.ndarray]:
        """Unit positions of each region (regions with a positive share only), in first-seen order.

        >>> {k: v.tolist() for k, v in FactorCorrelation(0.5, 0.2, ("S", "W", "S")).region_groups().items()}
        {'S': [0, 2], 'W': [1]}
        """
        if self.regional <= 0:
            return {}
        groups: dict[str, list[int]] = {}
        for i, region in enumerate(self.regions):
            if region:
                groups.setdefault(region, []).append(i)
        return {name: np.array(idx) for name, idx in groups.items()}

    def matrix(self, n_units: int) -> np.ndarray:
        """The implied unit-by-unit correlation matrix."""
        result = np.full((n_units, n_units), self.national)
        for idx in self.region_groups().values():
            result[np.ix_(idx, idx)] += self.regional
        np.fill_diagonal(result, 1.0)
        return result

    def loadings(self, n_units: int) -> tuple[np.ndarray, np.ndarray]:
        """``(L, s)`` with ``z = L @ eps + s * e``: one column per common factor, ``s`` own-noise sd.

        >>> loadings, own = FactorCorrelation(0.36).loadings(2)
        >>> loadings.round(2).tolist(), own.round(2).tolist()
        ([[0.6], [0.6]], [0.8, 0.8])
        """
        columns = [np.full(n_units, math.sqrt(self.national))] if self.national > 0 else []
        for idx in self.region_groups().values():
            column = np.zeros(n_units)
            column[idx] = math.sqrt(self.regional)
            columns.append(column)
        own = np.sqrt(1.0 - self.national - self.regional_loading(n_units))
        return (np.column_stack(columns) if columns else np.zeros((n_units, 0))), own


@dataclass(frozen=True)
class MatrixCorrelation:
    """A full unit-by-unit correlation matrix (validated: symmetric, unit diagonal, PSD).

    >>> m = MatrixCorrelation.of(np.array([[1.0, 0.3], [0.3, 1.0]]))
    >>> m.loadings(2)[0].shape
    (2, 2)
    """

    values: np.ndarray = field(repr=False)  # (n_units, n_units), read-only
    factor: np.ndarray = field(repr=False)  # (n_units, rank) with factor @ factor.T == values

    @classmethod
    def of(cls, matrix: np.ndarray, *, repair: bool = False) -> MatrixCorrelation:
        """Validate ``matrix`` (see the module's policy) and precompute its sampling factor."""
        values = validate_correlation(matrix, repair=repair)
        eigenvalues, vectors = np.linalg.eigh(values)
        keep = eigenvalues > _PSD_TOLERANCE * len(values)  # drop null directions (districts copy a state)
        factor = vectors[:, keep] * np.sqrt(eigenvalues[keep])
        values.setflags(write=False)
        factor.setflags(write=False)
        return cls(values, factor)

    def matrix(self, n_units: int) -> np.ndarray:
        """The correlation matrix itself.

        >>> MatrixCorrelation.of(np.eye(2)).matrix(2).tolist()
        [[1.0, 0.0], [0.0, 1.0]]
        """
        return self.values

    def loadings(self, n_units: int) -> tuple[np.ndarray, np.ndarray]:
        """``(L, s)`` with ``z = L @ eps``; no own noise (``s`` is zero).

        >>> float(MatrixCorrelation.of(np.eye(2)).loadings(2)[1].sum())
        0.0
        """
        return self.factor, np.zeros(n_units)


Correlation = FactorCorrelation | MatrixCorrelation


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
            correlation = _check_factor(correlation, n)
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


# -- validation helpers ---------------------------------------------------------------------------------


def parse_seed(value: object) -> int | None:
    """A non-negative integer seed, or None for a fresh random one.

    >>> parse_seed("42"), parse_seed(None)
    (42, None)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return whole_number(value, "seed", minimum=0)


def parse_share(value: object, name: str) -> float:
    """A variance share in [0, 1) (text or number).

    >>> parse_share("0.6", "national")
    0.6
    """
    try:
        share = float(str(value).strip())
    except ValueError:
        raise InvalidInput(f"{name} must be a number in [0, 1), got {value!r}") from None
    if not (0.0 <= share < 1.0):
        raise InvalidInput(f"{name} must be a number in [0, 1), got {value!r}")
    return share


def parse_df(value: object) -> float | None:
    """Degrees of freedom of the Student t errors (>= 1), or None for normal errors.

    >>> parse_df("5"), parse_df(None)
    (5.0, None)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        df = float(str(value).strip())
    except ValueError:
        raise InvalidInput(f"df must be a number >= 1, got {value!r}") from None
    if not (math.isfinite(df) and df >= 1.0):
        raise InvalidInput(f"df must be a number >= 1 (or omitted for normal errors), got {value!r}")
    return df


def parse_sides(value: object) -> tuple[str, str]:
    """Two distinct side labels from ``"D,R"`` or a pair.

    >>> parse_sides("Biden, Trump")
    ('Biden', 'Trump')
    """
    parts = [p.strip() for p in value.split(",")] if isinstance(value, str) else [str(p).strip() for p in value]  # type: ignore[union-attr]
    if len(parts) != 2 or not all(parts) or parts[0].upper() == parts[1].upper():
        raise InvalidInput(f"sides must be two distinct labels such as 'D,R', got {value!r}")
    return parts[0], parts[1]


def _unit_code(code: object) -> str:
    text = normalize_code(str(code))
    return CODE_ALIASES.get(text, text)


def _positions(units: Units, codes: Sequence[object], what: str) -> np.ndarray:
    """Positions of ``codes`` in ``units``; unknown or repeated codes are errors naming them."""
    positions = []
    seen: set[str] = set()
    for code in codes:
        canonical = _unit_code(code)
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
    forecasts = dict(forecasts or {})
    items = list(forecasts.items())
    positions = _positions(units, [code for code, _ in items], "forecast")
    kinds = {isinstance(value, (tuple, list)) for _, value in items}
    if default_probability is not None:
        kinds.add(False)
    if default_margin is not None:
        kinds.add(True)
    if len(kinds) > 1:
        raise InvalidInput("give every unit either a probability or a (margin, sd) pair, not a mix of both")
    is_margin = kinds == {True}
    n = len(units)
    if is_margin:
        mean = np.full(n, np.nan)
        sd = np.full(n, np.nan)
        if default_margin is not None:
            mean[:], sd[:] = default_margin
        for (code, value), i in zip(items, positions):
            if len(value) != 2:  # type: ignore[arg-type]
                raise InvalidInput(f"forecast for {code}: expected (margin, sd), got {value!r}")
            mean[i], sd[i] = float(value[0]), float(value[1])  # type: ignore[index]
        if default_margin is None:
            _missing(units, positions, "forecast")
        _finite(mean, units.codes, "margin")
        _finite(sd, units.codes, "sd", low=0.0, low_open=True)
    else:
        p = np.full(n, np.nan if default_probability is None else float(default_probability))
        for (code, value), i in zip(items, positions):
            try:
                p[i] = float(value)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                raise InvalidInput(f"probability for {code} must be a number in [0, 1], got {value!r}") from None
        if default_probability is None:
            _missing(units, positions, "forecast")
        _finite(p, units.codes, "probability", low=0.0, high=1.0)
        # The latent margin that reproduces p exactly: quantile of the error distribution.
        mean = error_quantile(p, df)
        sd = np.ones(n)
    vote_array = None
    if votes is not None:
        if not is_margin:
            raise InvalidInput("votes need margins and standard deviations: a national popular vote cannot be built from probabilities")
        vote_array = np.full(n, np.nan)
        vote_positions = _positions(units, list(votes), "votes")
        vote_array[vote_positions] = [float(v) for v in votes.values()]
        at_large = np.array(["-" not in code for code in units.codes])
        _finite(vote_array[at_large], [c for c in units.codes if "-" not in c], "votes", low=0.0)
        if not np.nansum(vote_array[at_large]) > 0:
            raise InvalidInput("votes must add up to more than zero over the states")
    mean.setflags(write=False)
    sd.setflags(write=False)
    if vote_array is not None:
        vote_array.setflags(write=False)
    forecast = Forecast(units, parse_sides(sides), mean, sd, "margin" if is_margin else "probability", vote_array, None, df)
    return forecast.with_correlation(correlation)  # validates the correlation against the units


def _check_factor(correlation: FactorCorrelation, n_units: int) -> FactorCorrelation:
    national = parse_share(correlation.national, "national share")
    regional = parse_share(correlation.regional, "regional share")
    if national + regional >= 1.0:
        raise InvalidInput(f"national share {national} + regional share {regional} must stay below 1 "
                           "(each unit keeps some error of its own)")
    if regional > 0 and len(correlation.regions) != n_units:
        raise InvalidInput(f"a regional share needs a region for each of the {n_units} units (a 'region' column)")
    return FactorCorrelation(national, regional, tuple(correlation.regions))


# -- correlation matrices -----------------------------------------------------------------------------


def nearest_correlation(matrix: np.ndarray, *, tolerance: float = 1e-10, max_iterations: int = 1000) -> np.ndarray:
    """The nearest correlation matrix in the Frobenius norm (Higham 2002, alternating projections
    with Dykstra's correction), made exactly PSD with a unit diagonal at the end.

    >>> m = nearest_correlation(np.array([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1.0]]))
    >>> bool(np.linalg.eigvalsh(m).min() >= -1e-12), np.allclose(np.diag(m), 1)
    (True, True)
    """
    y = (np.asarray(matrix, dtype=float) + np.asarray(matrix, dtype=float).T) / 2
    correction = np.zeros_like(y)
    for _ in range(max_iterations):
        r = y - correction
        eigenvalues, vectors = np.linalg.eigh(r)
        x = (vectors * np.maximum(eigenvalues, 0.0)) @ vectors.T
        correction = x - r
        previous, y = y, x.copy()
        np.fill_diagonal(y, 1.0)
        if np.linalg.norm(y - previous) <= tolerance * np.linalg.norm(y):
            break
    # Final clean-up: clip the tiny negative eigenvalues left by the last projection, rescale to unit diagonal.
    eigenvalues, vectors = np.linalg.eigh((y + y.T) / 2)
    x = (vectors * np.maximum(eigenvalues, 0.0)) @ vectors.T
    scale = 1.0 / np.sqrt(np.diag(x))
    result = x * np.outer(scale, scale)
    np.fill_diagonal(result, 1.0)
    return (result + result.T) / 2


def validate_correlation(matrix: np.ndarray, *, repair: bool = False, labels: Sequence[str] | None = None) -> np.ndarray:
    """Check a correlation matrix (see the module's policy); return a float64 copy, repaired if asked.

    >>> validate_correlation(np.array([[1.0, 0.2], [0.3, 1.0]]), labels=["PA", "GA"])
    Traceback (most recent call last):
    ...
    electoral.errors.InvalidInput: correlation matrix is not symmetric: [PA, GA] = 0.2 but [GA, PA] = 0.3
    """
    values = np.array(matrix, dtype=float)
    names = list(labels) if labels is not None else [str(i) for i in range(len(values))]
    if values.ndim != 2 or values.shape[0] != values.shape[1] or values.shape[0] == 0:
        raise InvalidInput(f"correlation matrix must be square, got shape {values.shape}")
    bad = np.argwhere(~np.isfinite(values))
    if len(bad):
        i, j = bad[0]
        raise InvalidInput(f"correlation matrix has a non-finite entry at [{names[i]}, {names[j]}]: {values[i, j]}")
    asymmetry = np.abs(values - values.T)
    if asymmetry.max() > _SYMMETRY_TOLERANCE:
        i, j = np.unravel_index(int(np.argmax(asymmetry)), asymmetry.shape)
        raise InvalidInput(f"correlation matrix is not symmetric: [{names[i]}, {names[j]}] = {values[i, j]:.6g} "
                           f"but [{names[j]}, {names[i]}] = {values[j, i]:.6g}")
    diagonal = np.abs(np.diag(values) - 1.0)
    if diagonal.max() > 1e-6:
        i = int(np.argmax(diagonal))
        raise InvalidInput(f"correlation matrix must have 1 on its diagonal: [{names[i]}, {names[i]}] = {values[i, i]:.6g}")
    outside = np.abs(values) > 1.0 + 1e-12
    if outside.any():
        i, j = np.argwhere(outside)[0]
        raise InvalidInput(f"correlation [{names[i]}, {names[j]}] = {values[i, j]:.6g} is outside [-1, 1]")
    values = (values + values.T) / 2
    smallest = float(np.linalg.eigvalsh(values).min())
    if smallest < -_PSD_TOLERANCE * len(values):
        if not repair:
            raise InvalidInput(f"correlation matrix is not positive semi-definite (smallest eigenvalue {smallest:.4g}); "
                               "pass repair=True (CLI --repair) to use the nearest correlation matrix")
        repaired = nearest_correlation(values)
        warnings.warn(CorrelationRepaired(
            f"correlation matrix was not positive semi-definite (smallest eigenvalue {smallest:.4g}); using the "
            f"nearest correlation matrix (largest change {np.abs(repaired - values).max():.3f})"), stacklevel=3)
        values = repaired
    return values


def read_correlation(source: str | Path | pd.DataFrame) -> pd.DataFrame:
    """A labelled square correlation table from a packaged name (``"economist"``), a CSV file or a DataFrame.

    A CSV may have row labels in its first column, or only a header row (rows then follow the header's
    order, as in The Economist's file). Labels are unit or state codes; ``KA`` is read as Kansas.

    >>> m = read_correlation("economist")
    >>> m.shape, float(m.loc["KS", "KS"])
    ((51, 51), 1.0)
    """
    if isinstance(source, pd.DataFrame):
        table = source.copy()
    elif str(source) in CORRELATIONS:
        with resources.files("electoral.data").joinpath(f"{CORRELATIONS[str(source)]}.csv").open(encoding="utf-8") as handle:
            table = pd.read_csv(handle, index_col="state").drop(columns=["source"])
    else:
        path = Path(source)
        if not path.is_file():
            raise InvalidInput(f"correlation file not found: {str(source)!r} (or use one of: {', '.join(CORRELATIONS)})")
        try:
            table = pd.read_csv(path)
        except (ValueError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"cannot read correlation file {str(source)!r}: {exc}") from None
        table = table.drop(columns=[c for c in ("source",) if c in table.columns])  # the packaged layout
        first = table.columns[0]
        if table.shape[1] == table.shape[0] + 1 and not pd.api.types.is_numeric_dtype(table[first]):
            table = table.set_index(first)
        elif table.shape[0] == table.shape[1]:
            table.index = table.columns
        else:
            raise InvalidInput(f"correlation file {str(source)!r} is not square: {table.shape[0]} rows, {table.shape[1]} columns")
    table.index = [_unit_code(c) for c in table.index]
    table.columns = [_unit_code(c) for c in table.columns]
    if list(table.index) != list(table.columns):
        raise InvalidInput("correlation table: row labels must equal column labels in the same order")
    if len(set(table.index)) != len(table.index):
        raise InvalidInput("correlation table: a label is repeated")
    try:
        return table.astype(float)
    except (TypeError, ValueError):
        raise InvalidInput("correlation table: every entry must be a number") from None


def expand_to_units(table: pd.DataFrame, units: Units) -> np.ndarray:
    """The unit-by-unit matrix for ``units`` from a table labelled by units or by states.

    A unit missing from the table takes its state's row and column (so ``ME-2`` inherits ``ME``).

    >>> u = units_for(2020)
    >>> m = expand_to_units(read_correlation("economist"), u)
    >>> m.shape, float(m[u.index("ME-2"), u.index("ME")])
    ((56, 56), 1.0)
    """
    labels = {code: i for i, code in enumerate(table.index)}
    rows = []
    missing = []
    for code, state in zip(units.codes, units.states):
        if code in labels:
            rows.append(labels[code])
        elif state in labels:
            rows.append(labels[state])
        else:
            missing.append(code)
    if missing:
        raise InvalidInput(f"correlation table has no row for {len(missing)} unit(s) of {units.year}: {', '.join(missing)}")
    values = table.to_numpy(dtype=float)
    index = np.array(rows)
    return values[np.ix_(index, index)]


def blend_national(matrix: np.ndarray, national: float) -> np.ndarray:
    """Add a common national swing to a correlation matrix: ``national + (1 - national) * matrix``.

    >>> blend_national(np.eye(2), 0.5).tolist()
    [[1.0, 0.5], [0.5, 1.0]]
    """
    return national + (1.0 - national) * np.asarray(matrix, dtype=float)


def build_correlation(
    units: Units,
    *,
    matrix: str | Path | pd.DataFrame | np.ndarray | None = None,
    national: float | None = None,
    regional: float | None = None,
    regions: Sequence[str] | None = None,
    repair: bool = False,
) -> Correlation | None:
    """The correlation structure from its parts: a matrix (optionally blended with a national swing),
    or national and regional shares, or None (independent units).

    >>> c = build_correlation(units_for(2020), national=0.5)
    >>> c.national
    0.5
    >>> build_correlation(units_for(2020), matrix="economist", national=0.3).values.shape
    (56, 56)
    """
    national_share = 0.0 if national is None else parse_share(national, "national share")
    regional_share = 0.0 if regional is None else parse_share(regional, "regional share")
    if matrix is not None:
        if regional_share:
            raise InvalidInput("a regional share cannot be combined with a correlation matrix")
        if isinstance(matrix, np.ndarray):
            values = validate_correlation(matrix, repair=repair)
            if values.shape != (len(units), len(units)):
                raise InvalidInput(f"correlation matrix is {values.shape[0]}x{values.shape[1]}, but {units.year} has {len(units)} units")
        else:
            table = read_correlation(matrix)
            values = validate_correlation(table.to_numpy(), repair=repair, labels=list(table.index))
            values = expand_to_units(pd.DataFrame(values, index=table.index, columns=table.index), units)
        return MatrixCorrelation.of(blend_national(values, national_share) if national_share else values)
    if regional_share and not regions:
        raise InvalidInput("a regional share needs a region for each unit (a 'region' column in the input)")
    if national_share == 0 and regional_share == 0:
        return None
    return _check_factor(FactorCorrelation(national_share, regional_share, tuple(regions or ())), len(units))


# -- loading inputs -------------------------------------------------------------------------------------


def _records(source: str | Path | pd.DataFrame | Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Rows and metadata (year, sides, df, national, regional) from a file, DataFrame or JSON-like value."""
    if isinstance(source, pd.DataFrame):
        return source.copy(), {}
    if isinstance(source, Mapping):
        meta = {k: v for k, v in source.items() if k != "units"}
        if "units" not in source:
            raise InvalidInput("a JSON forecast needs a 'units' list of {unit, p} or {unit, margin, sd} objects")
        return pd.DataFrame(list(source["units"])), meta
    if isinstance(source, Sequence) and not isinstance(source, str):
        return pd.DataFrame(list(source)), {}
    name = str(source)
    if name in EXAMPLES:
        with resources.files("electoral.data").joinpath(f"{EXAMPLES[name]}.csv").open(encoding="utf-8") as handle:
            return pd.read_csv(handle, dtype={"region": str}), {}
    path = Path(name)
    if not path.is_file():
        raise InvalidInput(f"input file not found: {name!r} (or use a packaged example: {', '.join(EXAMPLES)})")
    try:
        if path.suffix.lower() == ".json":
            return _records(json.loads(path.read_text(encoding="utf-8")))
        return pd.read_csv(path, dtype={"region": str, "unit": str}), {}
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read input file {name!r}: {exc}") from None


def load_forecast(
    source: str | Path | pd.DataFrame | Mapping[str, Any] | Sequence[Mapping[str, Any]],
    *,
    year: int | str | None = None,
    sides: Sequence[str] | str | None = None,
    df: float | str | None = None,
    correlation: str | Path | pd.DataFrame | np.ndarray | None = None,
    national: float | str | None = None,
    regional: float | str | None = None,
    repair: bool = False,
) -> Forecast:
    """Read a forecast from a CSV or JSON file, a packaged example name, a DataFrame or JSON-like data.

    Columns: ``unit``; either ``p`` (probability that the first side wins) or ``margin`` and ``sd``;
    optional ``votes`` (expected votes cast, for the national popular vote), ``region`` (for a
    regional share) and ``year``. Other columns are ignored. A JSON object may also carry ``year``,
    ``sides``, ``df``, ``national``, ``regional``; keyword arguments override them.

    >>> f = load_forecast("example-2020", national=0.5)
    >>> f.units.year, f.sides, len(f.mean), f.correlation.national
    (2020, ('D', 'R'), 56, 0.5)
    """
    table, meta = _records(source)
    table.columns = [str(c).strip().lower() for c in table.columns]
    if "unit" not in table.columns:
        raise InvalidInput(f"input needs a 'unit' column (got columns: {', '.join(table.columns) or 'none'})")
    if year is None:
        year = meta.get("year")
    if year is None and "year" in table.columns:
        years = sorted({str(y) for y in table["year"].dropna()})
        if len(years) != 1:
            raise InvalidInput(f"input must be for one year, got years: {', '.join(years) or 'none'}")
        year = years[0].split(".")[0]
    if year is None:
        raise InvalidInput("no year: add a 'year' column or pass the year (CLI --year)")
    codes = [str(c) for c in table["unit"]]
    has_p = "p" in table.columns
    has_margin = "margin" in table.columns or "sd" in table.columns
    if has_p == has_margin:
        raise InvalidInput("input needs either a 'p' column or 'margin' and 'sd' columns (not both)")
    if has_margin and not {"margin", "sd"} <= set(table.columns):
        raise InvalidInput("input with margins needs both 'margin' and 'sd' columns")

    def numbers(column: str) -> list[float]:
        try:
            return [float(v) if v is not None and str(v).strip() != "" else float("nan") for v in table[column]]
        except ValueError as exc:
            raise InvalidInput(f"column {column!r} must hold numbers: {exc}") from None

    if has_p:
        forecasts: dict[str, Any] = dict(zip(codes, numbers("p")))
    else:
        forecasts = {code: pair for code, pair in zip(codes, zip(numbers("margin"), numbers("sd")))}
    if len(forecasts) != len(codes):
        duplicate = next(c for c in codes if codes.count(c) > 1)
        raise InvalidInput(f"forecast: unit {duplicate!r} is given twice")
    votes = None
    if "votes" in table.columns:
        votes = {code: v for code, v in zip(codes, numbers("votes")) if "-" not in _unit_code(code)}
    t_df = parse_df(df if df is not None else meta.get("df"))
    units = units_for(year)
    regions = None
    if "region" in table.columns:
        by_code = {_unit_code(c): ("" if pd.isna(r) else str(r).strip()) for c, r in zip(codes, table["region"])}
        regions = [by_code.get(code, "") for code in units.codes]
    built = build_correlation(
        units,
        matrix=correlation if correlation is not None else meta.get("correlation"),
        national=national if national is not None else meta.get("national"),
        regional=regional if regional is not None else meta.get("regional"),
        regions=regions,
        repair=repair,
    )
    return make_forecast(year, forecasts, votes=votes, sides=sides or meta.get("sides") or DEFAULT_SIDES, df=t_df,
                         correlation=built)


@lru_cache(maxsize=None)
def economist_correlation() -> pd.DataFrame:
    """The packaged 51x51 state correlation matrix (The Economist, 2020 model; MIT licence; see docs).

    >>> m = economist_correlation()
    >>> bool(np.allclose(m.to_numpy(), m.to_numpy().T)), m.index[0]
    (True, 'AL')
    """
    return read_correlation("economist")
