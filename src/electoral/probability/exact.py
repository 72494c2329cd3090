"""Exact electoral-vote distributions.

With independent units the distribution of the first side's electoral votes is the product of one
polynomial per unit, ``(1 - p_i) + p_i x^{ev_i}``: multiplying them in turn costs
O(units x electors), well under a millisecond for 56 units. Correlated forecasts (a national swing,
regional swings, Student t tails) are handled in :mod:`electoral.probability.correlated` by
quadrature over the common factors, each node being such a product.

>>> ev_pmf(np.array([0.5, 0.5]), np.array([1, 2])).tolist()
[0.25, 0.25, 0.25, 0.25]
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from electoral.errors import InvalidInput
from electoral.probability.distribution import Distribution
from electoral.probability.inputs import Forecast, MatrixCorrelation

DEFAULT_NODES = 64  # fewest Gauss-Hermite nodes over the national factor


def ev_pmf_batch(probabilities: np.ndarray, electoral_votes: np.ndarray) -> np.ndarray:
    """Row-wise exact distributions: ``probabilities`` is (rows, units); returns (rows, total + 1).

    Each row is a separate set of independent units (e.g. one quadrature node).

    >>> ev_pmf_batch(np.array([[1.0, 0.0], [0.5, 0.5]]), np.array([3, 1])).round(2).tolist()
    [[0.0, 0.0, 0.0, 1.0, 0.0], [0.25, 0.25, 0.0, 0.25, 0.25]]
    """
    p = np.asarray(probabilities, dtype=float)
    votes = np.asarray(electoral_votes, dtype=np.int64)
    total = int(votes.sum())
    result = np.zeros((p.shape[0], total + 1))
    result[:, 0] = 1.0
    support = 0  # highest reachable count so far: only that prefix is touched
    for i, ev in enumerate(votes.tolist()):
        if ev == 0:
            continue
        column = p[:, i : i + 1]
        carried = result[:, : support + 1] * column
        result[:, : support + 1] *= 1.0 - column
        result[:, ev : ev + support + 1] += carried
        support += ev
    return result


def ev_pmf(probabilities: np.ndarray, electoral_votes: np.ndarray) -> np.ndarray:
    """Exact distribution of electoral votes won when unit i is carried independently with probability p_i.

    >>> ev_pmf(np.array([1.0, 0.25]), np.array([2, 1])).tolist()
    [0.0, 0.0, 0.75, 0.25]
    """
    return ev_pmf_batch(np.asarray(probabilities, dtype=float)[None, :], electoral_votes)[0]


def resolve_given(forecast: Forecast, given: Mapping[str, str] | None) -> tuple[np.ndarray, np.ndarray, tuple[tuple[str, str], ...]]:
    """Fixed outcomes as (unit positions, first-side-wins flags, canonical pairs); validates codes and sides.

    >>> from electoral.probability.inputs import make_forecast
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


def _impossible(pairs: tuple[tuple[str, str], ...]) -> InvalidInput:
    text = ", ".join(f"{u}={s}" for u, s in pairs)
    return InvalidInput(f"the given outcomes ({text}) have probability 0 under this forecast")


def independent(forecast: Forecast, given: Mapping[str, str] | None = None) -> Distribution:
    """Exact distribution for independent units (no correlation, normal errors), optionally conditional.

    >>> from electoral.probability.inputs import make_forecast
    >>> f = make_forecast(2020, {}, default_probability=0.5)
    >>> d = independent(f, {"CA": "R"})
    >>> d.unit_probability("CA"), round(d.p_given, 2)
    (0.0, 0.5)
    """
    positions, outcomes, pairs = resolve_given(forecast, given)
    p = np.array(forecast.probabilities, dtype=float)
    p_given = float(np.prod(np.where(outcomes, p[positions], 1.0 - p[positions])))
    if p_given <= 0.0:
        raise _impossible(pairs)
    p[positions] = outcomes  # conditioning independent units only fixes the given ones
    return Distribution(forecast.units, forecast.sides, ev_pmf(p, forecast.electoral_votes), p,
                        method="exact-independent", given=pairs, p_given=p_given)


def exact(forecast: Forecast, given: Mapping[str, str] | None = None, *, nodes: int | None = None) -> Distribution:
    """The exact distribution: convolution for independent units, quadrature for factor correlation.

    A full correlation matrix has no exact method here (units are not independent given a few
    factors): use :func:`electoral.probability.simulate`.

    >>> from electoral.probability.inputs import make_forecast, FactorCorrelation
    >>> f = make_forecast(2020, {}, default_probability=0.5, correlation=FactorCorrelation(0.5))
    >>> round(exact(f).p_win("D"), 3) == round(exact(f).p_win("R"), 3)
    True
    """
    if isinstance(forecast.correlation, MatrixCorrelation):
        raise InvalidInput("the exact method needs independent units or a national/regional factor correlation; "
                           "a full correlation matrix needs Monte Carlo (method 'montecarlo', CLI without --exact)")
    if forecast.correlation is None and forecast.df is None:
        return independent(forecast, given)
    from electoral.probability.correlated import factor_distribution

    return factor_distribution(forecast, given, nodes=nodes)
