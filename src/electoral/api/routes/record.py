"""The record: election years, the map document, the tally and per-state results."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Path, Query

from electoral.api.schemas import ERRORS, YEAR_DOC, MapOut, ResultsOut, TallyOut, YearsOut
from electoral.record import election
from electoral.serialize import map_json, results_json, tally_json
from electoral.units import election_years, normalize_code

router = APIRouter(tags=["record"], responses=ERRORS)

YearPath = Path(description=YEAR_DOC, examples=[2020])


# The record never changes while the server runs: build each document once per year.
@lru_cache(maxsize=None)
def _map_doc(year: int) -> dict[str, Any]:
    return map_json(election(year))


@lru_cache(maxsize=None)
def _tally_doc(year: int) -> dict[str, Any]:
    return tally_json(election(year).tally())


@lru_cache(maxsize=512)
def _results_doc(year: int, state: str | None) -> dict[str, Any]:
    return results_json(election(year), state)


@router.get("/years", response_model=YearsOut, summary="Every election year in the record")
async def years() -> dict[str, Any]:
    return {"years": list(election_years())}


@router.get("/elections/{year}/map", response_model=MapOut, summary="Allotment, winners and margins per unit")
async def election_map(year: int = YearPath) -> dict[str, Any]:
    """What the map page draws: every unit with its electors, winner, side (D/R/O) and two-party margin."""
    return _map_doc(year)


@router.get("/elections/{year}/tally", response_model=TallyOut, summary="Electoral votes and the outcome")
async def tally(year: int = YearPath) -> dict[str, Any]:
    """The tally as Congress counted it (the same JSON as ``electoral tally YEAR --json``)."""
    return _tally_doc(year)


@router.get("/elections/{year}/results", response_model=ResultsOut, summary="Per-state results")
async def results(year: int = YearPath,
                  state: str | None = Query(None, description="Two-letter state code, e.g. PA.")) -> dict[str, Any]:
    """Electoral and popular votes per state and candidate (the same JSON as ``electoral results --json``)."""
    return _results_doc(year, normalize_code(state) if state is not None else None)
