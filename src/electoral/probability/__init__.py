"""Probabilities: national odds from state-level forecasts.

Exact distributions (independent units by convolution, correlated units by quadrature over a national
and regional swing), reproducible Monte Carlo in bounded chunks on numpy threads or a Dask cluster,
and conditional odds ("P(win | PA goes R, GA goes D)"). See docs/probability.md.

>>> f = load_forecast("example-2020", national=0.6)
>>> d = odds(f, {"PA": "R"})
>>> d.method, d.p_win("D") < odds(f).p_win("D")
('exact-factor', True)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from electoral.errors import InvalidInput
from electoral.probability.backends import BACKENDS
from electoral.probability.distribution import Distribution
from electoral.probability.exact import ev_pmf, exact
from electoral.probability.inputs import (
    CorrelationRepaired,
    FactorCorrelation,
    Forecast,
    MatrixCorrelation,
    build_correlation,
    economist_correlation,
    load_forecast,
    make_forecast,
    nearest_correlation,
)
from electoral.probability.montecarlo import simulate

# Methods by name: the CLI, the API and tests enumerate this registry.
METHODS: dict[str, Callable[..., Distribution]] = {"exact": exact, "montecarlo": simulate}


def odds(forecast: Forecast, given: Mapping[str, str] | None = None, *, method: str = "exact", **options: Any) -> Distribution:
    """Odds, optionally conditional on fixed outcomes (``{"PA": "R", "GA": "D"}``), by a named method.

    >>> f = make_forecast(2020, {}, default_probability=0.5)
    >>> odds(f, {"CA": "R", "TX": "R"}).unit_probability("TX")
    0.0
    """
    if method not in METHODS:
        raise InvalidInput(f"unknown method {method!r} (known: {', '.join(METHODS)})")
    return METHODS[method](forecast, given=given, **options)


__all__ = [
    "BACKENDS", "METHODS", "CorrelationRepaired", "Distribution", "FactorCorrelation", "Forecast", "MatrixCorrelation",
    "build_correlation", "economist_correlation", "ev_pmf", "exact", "load_forecast", "make_forecast",
    "nearest_correlation", "odds", "simulate",
]
