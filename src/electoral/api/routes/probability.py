"""Probabilities: national odds from state-level win probabilities, exact or simulated.

Requests give P(D carries the unit) per unit; units not listed take the record's winner as certain
(``missing="recorded"``) or a coin flip (``missing="even"``). The response is
:class:`electoral.output.probability.DistributionOut`, the same document as the CLI's ``--json``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from fastapi import APIRouter, Response

from electoral.api.routes.record import json_bytes, json_response
from electoral.api.schemas import ERRORS, ProbabilityIn, SimulateIn
from electoral.errors import InvalidInput
from electoral.output.probability import DistributionOut, distribution_out
from electoral.probability import Forecast, build_correlation, complete_probabilities, exact as exact_distribution
from electoral.probability import load_forecast, make_forecast, simulate as simulate_distribution
from electoral.units import units_for

router = APIRouter(tags=["probabilities"], responses=ERRORS)

# One probability computation at a time (they take up to seconds of CPU): on a small machine the
# other core keeps serving the map, tallies and what-ifs; further requests wait their turn.
_ONE_AT_A_TIME = threading.Lock()
T = TypeVar("T")


def serialized(compute: Callable[[], T]) -> T:
    with _ONE_AT_A_TIME:
        return compute()


def forecast_of(body: ProbabilityIn, correlation: str | None = None) -> Forecast:
    """The library's forecast for a request: a preset, or the probabilities completed as ``missing`` says."""
    if body.preset is not None:
        if body.probabilities:
            raise InvalidInput(f"give either a preset ({body.preset!r}) or probabilities, not both")
        return load_forecast(body.preset, year=body.year, df=body.df, correlation=correlation,
                             national=body.national or None)
    units = units_for(body.year)
    built = build_correlation(units, matrix=correlation, national=body.national or None)
    filled = complete_probabilities(units, body.probabilities, body.missing)
    return make_forecast(body.year, filled, df=body.df, correlation=built)


@router.post("/probability/exact", response_model=DistributionOut, summary="Exact odds from state probabilities")
def exact(body: ProbabilityIn) -> Response:
    """The exact distribution of D's electoral votes: convolution for independent units, quadrature over
    the national swing when ``national`` > 0."""
    forecast = forecast_of(body)
    distribution = serialized(lambda: exact_distribution(forecast, body.given or None))
    return json_response(json_bytes(distribution_out(distribution)))


@router.post("/probability/simulate", response_model=DistributionOut,
             summary="Monte Carlo odds (bounded number of draws)")
def simulate(body: SimulateIn) -> Response:
    """Simulated elections with correlated errors; reproducible with a seed. One worker thread per request,
    so one simulation cannot take every core of the server."""
    forecast = forecast_of(body, body.correlation)
    distribution = serialized(lambda: simulate_distribution(forecast, body.draws, seed=body.seed,
                                                            given=body.given or None, workers=1))
    return json_response(json_bytes(distribution_out(distribution)))
