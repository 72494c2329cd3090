"""Probabilities: national odds from state-level forecasts.

Exact distributions (independent units by convolution, correlated units by quadrature over a national
and regional swing), reproducible Monte Carlo in bounded chunks on numpy threads or a Dask cluster,
and conditional odds ("P(win | PA goes R, GA goes D)"). See docs/probability.md.

Modules, one concept each: ``values`` (parsers of seeds, shares, df, sides), ``correlation`` (factor and
matrix correlation, reading and repairing matrices), ``forecast`` (the per-unit forecast and conditioning),
``readers`` (input formats by registry, the policy for omitted units), ``pmf`` (convolution), ``exact`` and
``correlated`` (exact distributions), ``montecarlo`` and ``backends`` (simulation), ``distribution``
(the result) and ``plot``.

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
from electoral.probability.correlation import (
    CorrelationRepaired,
    FactorCorrelation,
    MatrixCorrelation,
    build_correlation,
    economist_correlation,
    nearest_correlation,
)
from electoral.probability.exact import exact
from electoral.probability.forecast import Forecast, make_forecast
from electoral.probability.montecarlo import simulate
from electoral.probability.pmf import ev_pmf
from electoral.probability.readers import MISSING_POLICIES, complete_probabilities, load_forecast

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
    "BACKENDS", "METHODS", "MISSING_POLICIES", "CorrelationRepaired", "Distribution", "FactorCorrelation", "Forecast",
    "MatrixCorrelation", "build_correlation", "complete_probabilities", "economist_correlation", "ev_pmf", "exact",
    "load_forecast", "make_forecast", "nearest_correlation", "odds", "simulate",
]
