"""What-if scenarios: assign units to sides and tally the map."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from electoral.api.schemas import ERRORS, ScenarioIn, ScenarioOut
from electoral.sides import tally_sides
from electoral.units import units_for

router = APIRouter(tags=["scenarios"], responses=ERRORS)


@router.post("/scenario", response_model=ScenarioOut, summary="Tally a map of unit winners by side")
async def scenario(body: ScenarioIn) -> JSONResponse:
    """Electoral votes per side (D, R, O) for the units given; the rest count as undecided."""
    result = tally_sides(units_for(body.year), body.winners)
    # Returned as a response: the page calls this on every click, and the shape is checked by the tests.
    return JSONResponse({"year": result.year, "electoral_votes": dict(result.electoral_votes), "undecided": result.undecided,
            "majority_needed": result.majority_needed, "winner": result.winner, "outcome": result.outcome})
