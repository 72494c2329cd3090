"""House apportionment: seats from a census's populations by any registered method."""

from __future__ import annotations

from typing import Annotated
from fastapi import APIRouter, Query

from electoral.api.schemas import ERRORS, ApportionmentMethod, MAX_HOUSE_SIZE, PathYear, bounded
from electoral.output.rules import ApportionmentOut, MethodsOut, census_apportionment_out, methods_out
from electoral.rules.apportionment import METHODS, apportion_census

router = APIRouter(tags=["apportionment"], responses=ERRORS)


@router.get("/apportion", response_model=ApportionmentOut, summary="Apportion the House after a census")
def apportion(
    census: Annotated[PathYear, Query(description="Census year (1790-2020); 404 for a year without a census.")] = 2020,
    seats: Annotated[bounded(1, MAX_HOUSE_SIZE) | None, Query(description="House size (default: the law's).")] = None,
    method: ApportionmentMethod | None = Query(None, description="A method name from /api/apportion/methods (default: the law's)."),
) -> ApportionmentOut:
    """Seats per state; with no size or method, the law then in force and its statutory extra seats.

    The same JSON as ``electoral apportion CENSUS --json``, including ``tie`` (an exact tie at the
    last seat, which the law does not decide).
    """
    by_law = seats is None and method is None
    return census_apportionment_out(apportion_census(census, house_size=seats, method=method), by_law)


@router.get("/apportion/methods", response_model=MethodsOut, summary="The registered apportionment methods")
async def methods() -> MethodsOut:
    return methods_out(METHODS.values())
