"""Forecasts from polls: ``POST /api/forecast`` (polls in the body, or the packaged example) and
``POST /api/forecast/conditional`` (a forecast's engine document and assumed winners -> conditional odds).

Responses: :class:`electoral.output.forecast.ForecastOut` (the CLI's ``electoral forecast --json``) and
:class:`electoral.output.probability.DistributionOut`. Work is bounded: at most ``forecast_polls`` polls and
``api_draws`` draws per request, computed in the server's pool of worker processes (:mod:`electoral.api.pool`;
see docs/api.md's limits).
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from electoral.api.pool import in_pool
from electoral.api.routes.record import json_bytes, json_response
from electoral.api.schemas import BUSY, ERRORS, ConditionalIn, ForecastIn
from electoral.errors import InvalidInput
from electoral.output.forecast import ForecastOut, forecast_out
from electoral.output.probability import DistributionOut, distribution_out

router = APIRouter(tags=["forecasts"], responses={**ERRORS, **BUSY})


@router.post("/forecast", response_model=ForecastOut, summary="Forecast an election from polls as of a date")
async def forecast(body: ForecastIn, request: Request) -> Response:
    """Every unit's forecast share, margin, intervals and P(D); national odds, EV distribution, tipping points.
    Bad poll rows are skipped and listed in ``problems``."""
    return json_response(await in_pool(request, forecast_doc, body))


def forecast_doc(body: ForecastIn) -> bytes:
    """The encoded forecast of a request (run in a worker process)."""
    from electoral.forecast import example_polls, forecast_polls, polls_from_rows

    if body.preset is not None:
        if body.polls:
            raise InvalidInput(f"give either a preset ({body.preset!r}) or polls, not both")
        polls = example_polls()
    else:
        polls = polls_from_rows([{**p.model_dump(), "row": i} for i, p in enumerate(body.polls)],
                                year=body.year, source="polls")  # problems name polls[i] as "polls row i"
    if polls.year != body.year:
        raise InvalidInput(f"the preset is of {polls.year}, not {body.year}")
    return json_bytes(forecast_out(forecast_polls(polls, body.as_of, national_prior=body.national_prior),
                                   draws=body.draws, seed=body.seed))


@router.post("/forecast/conditional", response_model=DistributionOut,
             summary="Odds of every unit and the nation given some units' winners")
async def conditional(body: ConditionalIn, request: Request) -> Response:
    """Conditional odds through the forecast's correlation (seeded simulation keeping the matching draws)."""
    return json_response(await in_pool(request, conditional_doc, body))


def conditional_doc(body: ConditionalIn) -> bytes:
    """The encoded conditional odds of a request (run in a worker process)."""
    from electoral.forecast import conditional_odds

    document = body.forecast.model_dump(exclude_none=True)
    document["units"] = [{k: v for k, v in u.items() if v is not None} for u in document["units"]]
    return json_bytes(distribution_out(conditional_odds(document, body.given, draws=body.draws, seed=body.seed)))
