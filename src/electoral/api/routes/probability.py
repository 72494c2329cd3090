"""Probabilities: national odds from state-level win probabilities, exact or simulated.

Requests give P(D carries the unit) per unit; units not listed take the record's winner as certain
(``missing="recorded"``) or a coin flip (``missing="even"``). The response is
:class:`electoral.output.probability.DistributionOut`, the same document as the CLI's ``--json``.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from electoral.api.pool import in_pool
from electoral.api.routes.record import json_bytes, json_response
from electoral.api.schemas import BUSY, ERRORS, ProbabilityIn, SimulateIn
from electoral.errors import InvalidInput
from electoral.output.probability import DistributionOut, distribution_out
from electoral.probability import Forecast, build_correlation, complete_probabilities, exact as exact_distribution
from electoral.probability import load_forecast, make_forecast, simulate as simulate_distribution
from electoral.units import units_for

# Each computation takes up to seconds of CPU: it runs in the server's pool of worker processes
# (electoral.api.pool), so the map, tallies and what-ifs never wait for it.
router = APIRouter(tags=["probabilities"], responses={**ERRORS, **BUSY})


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


def exact_doc(body: ProbabilityIn) -> bytes:
    """The encoded exact distribution of a request (run in a worker process)."""
    return json_bytes(distribution_out(exact_distribution(forecast_of(body), body.given or None)))


def simulate_doc(body: SimulateIn) -> bytes:
    """The encoded simulated distribution of a request (run in a worker process, on one thread)."""
    distribution = simulate_distribution(forecast_of(body, body.correlation), body.draws, seed=body.seed,
                                         given=body.given or None, workers=1)
    return json_bytes(distribution_out(distribution))


@router.post("/probability/exact", response_model=DistributionOut, summary="Exact odds from state probabilities")
async def exact(body: ProbabilityIn, request: Request) -> Response:
    """The exact distribution of D's electoral votes: convolution for independent units, quadrature over
    the national swing when ``national`` > 0."""
    return json_response(await in_pool(request, exact_doc, body))


@router.post("/probability/simulate", response_model=DistributionOut,
             summary="Monte Carlo odds (bounded number of draws)")
async def simulate(body: SimulateIn, request: Request) -> Response:
    """Simulated elections with correlated errors; reproducible with a seed. One thread per request, so one
    simulation cannot take every core of the server."""
    return json_response(await in_pool(request, simulate_doc, body))
