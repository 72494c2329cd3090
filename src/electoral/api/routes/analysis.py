"""Analytics: tipping point, paths to a majority, power indices, minimum votes to change the outcome.

Each response is the CLI's ``--json`` document (the models of :mod:`electoral.output.analysis`).
Results that depend only on the year are computed once and kept. Paths, power and minimum votes run in
the server's pool of worker processes (:mod:`electoral.api.pool`); their answers are kept in the server.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from electoral.analysis.minvotes import FLIP_COSTS, min_votes
from electoral.analysis.paths import paths as paths_report
from electoral.analysis.power import power as power_indices
from electoral.analysis.tipping import tipping_point as tipping_point_of
from electoral.api.pool import Results, in_pool
from electoral.api.routes.record import json_bytes, json_response
from electoral.api.schemas import BUSY, ERRORS, MARGIN_DOC, YEAR_DOC, MarginName, PathsIn, PathYear, bounded
from electoral.margins import DEFAULT_MARGIN
from electoral.output.analysis import (
    MinVotesOut, PathsOut, PowerOut, TippingPointOut, min_votes_out, paths_out, power_out, tipping_out,
)

router = APIRouter(tags=["analytics"], responses=ERRORS)

FlipCost = Literal.__getitem__(tuple(FLIP_COSTS))  # type: ignore[misc]
YearPath = Path(description=YEAR_DOC, examples=[2020])
CANDIDATE_DOC = "Full candidate name as in the record (default: the top two in electoral votes with popular votes)."


@router.get("/elections/{year}/tipping-point", response_model=TippingPointOut,
            summary="Tipping-point unit, Electoral College bias and the snake chart")
def tipping_point(year: Annotated[PathYear, YearPath], first: str | None = Query(None, description=CANDIDATE_DOC),
                  second: str | None = Query(None, description=CANDIDATE_DOC),
                  margin: MarginName = Query(DEFAULT_MARGIN, description=MARGIN_DOC)) -> Response:
    """Units in the winner's order of margin with cumulative electoral votes; margins are fractions."""
    return json_response(_tipping(year, first, second, margin))


@lru_cache(maxsize=256)
def _tipping(year: int, first: str | None, second: str | None, margin: str) -> bytes:
    return json_bytes(tipping_out(tipping_point_of(year, first, second, margin)))


def paths_doc(body: PathsIn) -> bytes:
    """The encoded paths of a request (run in a worker process)."""
    return json_bytes(paths_out(paths_report(body.year, body.decided, body.limit, margin=body.margin)))


def power_doc(year: int, quota: int | None) -> bytes:
    """The encoded power indices of a year (run in a worker process)."""
    return json_bytes(power_out(power_indices(year, quota=quota)))


def min_votes_doc(year: int, mode: str) -> bytes:
    """The encoded minimum votes of a year (run in a worker process)."""
    return json_bytes(min_votes_out(min_votes(year, mode)))


_kept = Results()


@router.post("/paths", response_model=PathsOut, summary="Paths to a majority with some units decided",
             responses=BUSY)
async def paths(body: PathsIn, request: Request) -> Response:
    """Exact counts of the ways the open units give each candidate a majority, and minimal winning sets."""
    return json_response(await in_pool(request, paths_doc, body))


@router.get("/elections/{year}/power", response_model=PowerOut, summary="Banzhaf and Shapley-Shubik power per unit",
            responses=BUSY)
async def power(request: Request, year: Annotated[PathYear, YearPath],
                quota: Annotated[bounded(1) | None, Query(description="Winning quota (default: the majority needed).")] = None
                ) -> Response:
    """Exact power indices of each unit in the weighted voting game of the year's electoral votes."""
    return json_response(await _kept.get(("power", year, quota), lambda: in_pool(request, power_doc, year, quota)))


@router.get("/elections/{year}/min-votes", response_model=MinVotesOut,
            summary="The fewest votes that would have changed the outcome", responses=BUSY)
async def fewest_votes(request: Request, year: Annotated[PathYear, YearPath],
                       mode: FlipCost = Query("moved", description=f"How votes change: {' or '.join(FLIP_COSTS)}.")
                       ) -> Response:
    """The cheapest sets of states to flip (by votes) and the smallest popular share that wins a majority."""
    key = ("min-votes", year, mode)
    return json_response(await _kept.get(key, lambda: in_pool(request, min_votes_doc, *key[1:])))
