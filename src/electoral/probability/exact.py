"""Exact electoral-vote distributions.

Independent units: one convolution (:func:`electoral.probability.pmf.ev_pmf`). Correlated forecasts (a national swing,
regional swings, Student t tails) are handled in :mod:`electoral.probability.correlated` by
quadrature over the common factors, each node being such a product.

>>> from electoral.probability.forecast import make_forecast
>>> round(exact(make_forecast(2020, {}, default_probability=0.5)).p_win("D"), 3)
0.496
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from electoral.errors import InvalidInput
from electoral.probability.correlated import factor_distribution
from electoral.probability.correlation import MatrixCorrelation
from electoral.probability.distribution import Distribution
from electoral.probability.forecast import Forecast, impossible, resolve_given
from electoral.probability.pmf import ev_pmf


def independent(forecast: Forecast, given: Mapping[str, str] | None = None) -> Distribution:
    """Exact distribution for independent units (no correlation, normal errors), optionally conditional.

    >>> from electoral.probability.forecast import make_forecast
    >>> f = make_forecast(2020, {}, default_probability=0.5)
    >>> d = independent(f, {"CA": "R"})
    >>> d.unit_probability("CA"), round(d.p_given, 2)
    (0.0, 0.5)
    """
    positions, outcomes, pairs = resolve_given(forecast, given)
    p = np.array(forecast.probabilities, dtype=float)
    p_given = float(np.prod(np.where(outcomes, p[positions], 1.0 - p[positions])))
    if p_given <= 0.0:
        raise impossible(pairs)
    p[positions] = outcomes  # conditioning independent units only fixes the given ones
    return Distribution(forecast.units, forecast.sides, ev_pmf(p, forecast.electoral_votes), p,
                        method="exact-independent", given=pairs, p_given=p_given)


def exact(forecast: Forecast, given: Mapping[str, str] | None = None, *, nodes: int | None = None) -> Distribution:
    """The exact distribution: convolution for independent units, quadrature for factor correlation.

    A full correlation matrix has no exact method here (units are not independent given a few
    factors): use :func:`electoral.probability.simulate`.

    >>> from electoral.probability import FactorCorrelation, make_forecast
    >>> f = make_forecast(2020, {}, default_probability=0.5, correlation=FactorCorrelation(0.5))
    >>> round(exact(f).p_win("D"), 3) == round(exact(f).p_win("R"), 3)
    True
    """
    if isinstance(forecast.correlation, MatrixCorrelation):
        raise InvalidInput("the exact method needs independent units or a national/regional factor correlation; "
                           "a full correlation matrix needs Monte Carlo (method 'montecarlo', CLI without --exact)")
    if forecast.correlation is None and forecast.df is None:
        return independent(forecast, given)
    return factor_distribution(forecast, given, nodes=nodes)
