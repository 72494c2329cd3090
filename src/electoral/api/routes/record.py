"""The record: election years, the map document, the tally and per-state results.

The record never changes while the server runs, so each document is built and encoded once per
year and then served as bytes (the response models still describe it in the OpenAPI schema).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel

from electoral.api.fastpath import FastPathRoute, answers_first
from electoral.api.schemas import ERRORS, YEAR_DOC, PathYear
from electoral.output.base import document, to_jsonable
from electoral.output.record import MapOut, ResultsOut, TallyOut, YearsOut, map_out, results_out, tally_out, years_out
from electoral.record import election
from electoral.units import election_years, normalize_code

router = APIRouter(tags=["record"], responses=ERRORS, route_class=FastPathRoute)

YearPath = Path(description=YEAR_DOC, examples=[2020])


def json_bytes(doc: Any) -> bytes:
    """Compact JSON of an output model (its :func:`~electoral.output.base.document`) or of plain data, as FastAPI
    would send it (numpy values become plain numbers, NaN becomes null).

    orjson encodes a what-if's 8 kB about ten times faster than ``json`` over :func:`to_jsonable`;
    the standard library remains for what orjson refuses (integers beyond 64 bits, e.g. a seed).

    >>> json_bytes({"p": float("nan"), 2020: (306, 232)})
    b'{"p":null,"2020":[306,232]}'
    """
    if isinstance(doc, BaseModel):
        doc = document(doc)
    try:
        return orjson.dumps(doc, option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS)
    except TypeError:
        return json.dumps(to_jsonable(doc), ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def json_response(content: bytes) -> Response:
    """Already-encoded JSON as the response (FastAPI then skips re-validating it against the model)."""
    return Response(content, media_type="application/json")


@lru_cache(maxsize=None)
def _map_doc(year: int) -> bytes:
    return json_bytes(map_out(election(year)))


@lru_cache(maxsize=None)
def tally_doc(year: int) -> bytes:
    """The encoded tally of ``year`` as Congress counted it (built once per year)."""
    return json_bytes(tally_out(election(year).tally()))


@lru_cache(maxsize=512)
def _results_doc(year: int, state: str | None) -> bytes:
    return json_bytes(results_out(election(year), state))


@router.get("/years", response_model=YearsOut, summary="Every election year in the record")
async def years() -> Response:
    return json_response(_years_doc())


@lru_cache(maxsize=1)
def _years_doc() -> bytes:
    return json_bytes(years_out(election_years()))


@router.get("/elections/{year}/map", response_model=MapOut, summary="Allotment, winners and margins per unit")
async def election_map(year: Annotated[PathYear, YearPath]) -> Response:
    """What the map page draws: every unit with its electors, winner, side (D/R/O) and two-party margin."""
    return json_response(_map_doc(year))


async def _tally_fast(request: Request) -> Response | None:
    year = request.path_params["year"]  # FastAPI reads digits as the integer they spell
    return json_response(tally_doc(int(year))) if len(year) <= 4 and year.isascii() and year.isdigit() else None


@router.get("/elections/{year}/tally", response_model=TallyOut, summary="Electoral votes and the outcome")
@answers_first(_tally_fast)
async def tally(year: Annotated[PathYear, YearPath]) -> Response:
    """The tally as Congress counted it (the same JSON as ``electoral tally YEAR --json``)."""
    return json_response(tally_doc(year))


@router.get("/elections/{year}/results", response_model=ResultsOut, summary="Per-state results")
async def results(year: Annotated[PathYear, YearPath],
                  state: str | None = Query(None, description="Two-letter state code, e.g. PA.")) -> Response:
    """Electoral and popular votes per state and candidate (the same JSON as ``electoral results --json``)."""
    return json_response(_results_doc(year, normalize_code(state) if state is not None else None))
