"""Contingent elections: ``GET /api/contingent/{year}`` (the record, or ``?tie=true``) and ``POST /api/contingent``
(a what-if body, the same as ``POST /api/whatif``). The same JSON as ``electoral contingent YEAR --json``."""

from __future__ import annotations

from typing import Annotated
from functools import lru_cache

from fastapi import APIRouter, Path, Query, Request, Response

from electoral.api.pool import in_pool
from electoral.api.routes.record import json_bytes, json_response
from electoral.api.routes.scenario import scenario_of
from electoral.api.schemas import BUSY, ERRORS, WhatIfIn, PathYear
from electoral.contingent import contingent_election, tie_scenario
from electoral.output.contingent import ContingentOut, contingent_doc

router = APIRouter(tags=["contingent"], responses=ERRORS)


@router.get("/contingent/{year}", response_model=ContingentOut, summary="The contingent election of a year")
def contingent_year(
    year: Annotated[PathYear, Path(description="Election year, 1792-2024 (every fourth year).", examples=[2020])],
    tie: bool = Query(False, description="Flip the winner's closest units to a tie (else to no majority) first."),
) -> Response:
    """Who is eligible, each state's House delegation, the House's and the Senate's choice on party lines,
    and the recorded ballots of 1801, 1825 and 1837. Without ``tie`` a year with a winner is shown as if no
    one had a majority."""
    return json_response(_year_doc(year, tie))


@lru_cache(maxsize=256)
def _year_doc(year: int, tie: bool) -> bytes:
    doc = contingent_doc(contingent_election(year, tie_scenario(year) if tie else None))
    return json_bytes(doc.model_dump(mode="json"))


def contingent_whatif_doc(body: WhatIfIn) -> bytes:
    """The encoded contingent election of a what-if (run in a worker process)."""
    doc = contingent_doc(contingent_election(body.year, scenario_of(body)))
    return json_bytes(doc.model_dump(mode="json"))


@router.post("/contingent", response_model=ContingentOut, summary="The contingent election of a what-if",
             responses=BUSY)
async def contingent_whatif(body: WhatIfIn, request: Request) -> Response:
    """A what-if (flips, swings, methods) and the contingent election that would follow it (in the pool of
    worker processes: a re-apportionment and the Congress it implies take up to tens of milliseconds)."""
    return json_response(await in_pool(request, contingent_whatif_doc, body))
