"""How the units' forecast errors are correlated, and how correlation matrices are read, checked and repaired.

The errors ``z`` are standard normal (or Student t, see :class:`~electoral.probability.forecast.Forecast`'s ``df``)
and correlated in one of two ways:

- :class:`FactorCorrelation`: a common national swing, an optional regional swing per region, and
  each unit's own noise, given as shares of each unit's error variance;
- :class:`MatrixCorrelation`: a full correlation matrix (state-level matrices are expanded so that
  Maine's and Nebraska's districts inherit their state's row).

Policy for a matrix that is not a correlation matrix: a non-square, non-symmetric, non-finite one,
or one whose diagonal is not 1, is rejected. One that is symmetric but not positive semi-definite is
rejected too, unless ``repair=True`` (CLI ``--repair``): then the nearest correlation matrix
(Higham 2002) is used and a :class:`CorrelationRepaired` warning says by how much it moved.

>>> build_correlation(units_for(2020), matrix="economist", national=0.3).values.shape
(56, 56)
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from electoral.errors import InvalidInput
from electoral.limits import LIMITS
from electoral.probability.values import parse_share, unit_code
from electoral.units import Units, units_for


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


def check_factor(correlation: FactorCorrelation, n_units: int) -> FactorCorrelation:
    national = parse_share(correlation.national, "national share")
    regional = parse_share(correlation.regional, "regional share")
    if national + regional >= 1.0:
        raise InvalidInput(f"national share {national} + regional share {regional} must stay below 1 "
                           "(each unit keeps some error of its own)")
    if regional > 0 and len(correlation.regions) != n_units:
        raise InvalidInput(f"a regional share needs a region for each of the {n_units} units (a 'region' column)")
    return FactorCorrelation(national, regional, tuple(correlation.regions))


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
        table = _read_correlation_file(source)
    table.index = [unit_code(c) for c in table.index]
    table.columns = [unit_code(c) for c in table.columns]
    if list(table.index) != list(table.columns):
        raise InvalidInput("correlation table: row labels must equal column labels in the same order")
    if len(set(table.index)) != len(table.index):
        raise InvalidInput("correlation table: a label is repeated")
    try:
        return table.astype(float)
    except (TypeError, ValueError):
        raise InvalidInput("correlation table: every entry must be a number") from None


def _read_correlation_file(source: str | Path) -> pd.DataFrame:
    """A correlation CSV, labelled: row labels from its first column, or else from its header."""
    path = Path(source)
    if not path.is_file():
        raise InvalidInput(f"correlation file not found: {str(source)!r} (or use one of: {', '.join(CORRELATIONS)})")
    LIMITS["input_file_bytes"].check(path.stat().st_size, f"correlation file {str(source)!r}")
    try:
        table = pd.read_csv(path)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read correlation file {str(source)!r}: {exc}") from None
    table = table.drop(columns=[c for c in ("source",) if c in table.columns])  # the packaged layout
    first = table.columns[0]
    if table.shape[1] == table.shape[0] + 1 and not pd.api.types.is_numeric_dtype(table[first]):
        return table.set_index(first)
    if table.shape[0] == table.shape[1]:
        table.index = table.columns
        return table
    raise InvalidInput(f"correlation file {str(source)!r} is not square: {table.shape[0]} rows, {table.shape[1]} columns")


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
        values = _unit_matrix(units, matrix, repair)
        return MatrixCorrelation.of(blend_national(values, national_share) if national_share else values)
    if regional_share and not regions:
        raise InvalidInput("a regional share needs a region for each unit (a 'region' column in the input)")
    if national_share == 0 and regional_share == 0:
        return None
    return check_factor(FactorCorrelation(national_share, regional_share, tuple(regions or ())), len(units))


def _unit_matrix(units: Units, matrix: str | Path | pd.DataFrame | np.ndarray, repair: bool) -> np.ndarray:
    """A validated unit-by-unit matrix: an array as given (one row per unit), a table expanded to the units."""
    if isinstance(matrix, (list, tuple)):  # a JSON forecast's nested list (as electoral forecast writes)
        try:
            matrix = np.array(matrix, dtype=float)
        except (TypeError, ValueError):
            raise InvalidInput("a correlation given as a list must be a square list of lists of numbers") from None
    if isinstance(matrix, np.ndarray):
        values = validate_correlation(matrix, repair=repair)
        if values.shape != (len(units), len(units)):
            raise InvalidInput(f"correlation matrix is {values.shape[0]}x{values.shape[1]}, but {units.year} has {len(units)} units")
        return values
    table = read_correlation(matrix)
    values = validate_correlation(table.to_numpy(), repair=repair, labels=list(table.index))
    return expand_to_units(pd.DataFrame(values, index=table.index, columns=table.index), units)


@lru_cache(maxsize=None)
def economist_correlation() -> pd.DataFrame:
    """The packaged 51x51 state correlation matrix (The Economist, 2020 model; MIT licence; see docs).

    >>> m = economist_correlation()
    >>> bool(np.allclose(m.to_numpy(), m.to_numpy().T)), m.index[0]
    (True, 'AL')
    """
    return read_correlation("economist")
