"""House apportionment: seats from a census's populations by any registered method."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from electoral.api.schemas import ERRORS, MAX_HOUSE_SIZE, ApportionmentOut, MethodsOut
from electoral.rules.apportionment import METHODS, apportion_census
from electoral.serialize import census_apportionment_json

router = APIRouter(tags=["apportionment"], responses=ERRORS)


@router.get("/apportion", response_model=ApportionmentOut, summary="Apportion the House after a census")
def apportion(
    census: int = Query(2020, description="Census year (1790-2020); 404 for a year without a census."),
    seats: int | None = Query(None, ge=1, le=MAX_HOUSE_SIZE, description="House size (default: the law's)."),
    method: str | None = Query(None, description="A method name from /api/apportion/methods (default: the law's)."),
) -> dict[str, Any]:
    """Seats per state; with no size or method, the law then in force and its statutory extra seats.

    The same JSON as ``electoral apportion CENSUS --json``, including ``tie`` (an exact tie at the
    last seat, which the law does not decide).
    """
    by_law = seats is None and method is None
    return census_apportionment_json(apportion_census(census, house_size=seats, method=method), by_law)


@router.get("/apportion/methods", response_model=MethodsOut, summary="The registered apportionment methods")
async def methods() -> dict[str, Any]:
    return {"methods": [{"name": m.name, "kind": m.kind, "description": m.description} for m in METHODS.values()]}
