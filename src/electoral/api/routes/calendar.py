"""The certification calendar of an election and its status on a date."""

from __future__ import annotations

from typing import Annotated
from datetime import date
from fastapi import APIRouter, Path, Query

from electoral.api.schemas import ERRORS, PathYear
from electoral.certification import status_as_of
from electoral.output.rules import CalendarOut, StatusOut, calendar_out, status_out
from electoral.rules.calendar import calendar_for
from electoral.units import election_years

router = APIRouter(tags=["calendar"], responses=ERRORS)

CalendarYear = Path(description=f"Presidential election year: 1789, 1792 ... {election_years()[-1]}, or a later one "
                                f"({election_years()[-1] + 4} ...).", examples=[2020])


@router.get("/calendar/{year}", response_model=CalendarOut, summary="The legal steps of an election and their dates")
def calendar(year: Annotated[PathYear, CalendarYear]) -> CalendarOut:
    """Appointment of electors to the start of the term under the law in force, with the recorded exceptions."""
    return calendar_out(calendar_for(year))


@router.get("/status/{year}", response_model=StatusOut, summary="Where an election stood on a date")
def status(year: Annotated[PathYear, CalendarYear],
           as_of: str | None = Query(None, description="ISO date YYYY-MM-DD (default: today).",
                                     examples=["2020-12-15"])) -> StatusOut:
    """The last step reached by the end of ``as_of``, the result confirmed then, and the next step."""
    return status_out(status_as_of(year, as_of if as_of is not None else date.today()))
