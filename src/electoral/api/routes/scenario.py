"""What-ifs: the map page's side tally (``/scenario``) and full scenarios over the record (``/whatif``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, NamedTuple

import orjson
from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from electoral.api.fastpath import FastPathRoute, answers_first, json_body
from electoral.api.routes.record import json_bytes, json_response, tally_doc
from electoral.api.schemas import ERRORS, MARGIN_DOC, YEAR_DOC, MarginName, ScenarioIn, WhatIfIn, PathYear
from electoral.margins import DEFAULT_MARGIN
from electoral.output.base import document
from electoral.output.scenario import (
    ScenarioOut, SwingsOut, WhatIfOut, side_tally_out, swings_out, unit_document, unit_out, whatif_out,
)
from electoral.scenario import Scenario, UnitOutcome, parse_faithless, parse_swing, reapportions, recorded_units, run, smallest_swings
from electoral.sides import tally_sides
from electoral.units import units_for

router = APIRouter(tags=["scenarios"], responses=ERRORS, route_class=FastPathRoute)


async def _side_tally_fast(request: Request) -> Response | None:
    body = await json_body(request, ScenarioIn)
    return None if body is None else json_response(side_tally_doc(body))


@router.post("/scenario", response_model=ScenarioOut, summary="Tally a map of unit winners by side")
@answers_first(_side_tally_fast)
async def scenario(body: ScenarioIn) -> Response:
    """Electoral votes per side (D, R, O) for the units given; the rest count as undecided."""
    return json_response(side_tally_doc(body))


def side_tally_doc(body: ScenarioIn) -> bytes:
    """The encoded side tally of a map (repeated maps are served from a cache).

    The page computes the same in the browser on every click; this is it for API clients.
    """
    return _side_tally(_Request(body))


@lru_cache(maxsize=256)
def _side_tally(request: _Request) -> bytes:
    body = request.body
    result = tally_sides(units_for(body.year), body.winners)
    return json_bytes(side_tally_out(result))


async def _whatif_fast(request: Request) -> Response | None:
    body = await json_body(request, WhatIfIn)
    return None if body is None else await whatif_response(body)


@router.post("/whatif", response_model=WhatIfOut, summary="Run a what-if over a recorded election")
@answers_first(_whatif_fast)
async def whatif(body: WhatIfIn) -> Response:
    """Flip units, swing margins, change allocation methods or the apportionment: the new tally and the diff.

    The same JSON as ``electoral whatif YEAR ... --json``.
    """
    return await whatif_response(body)


async def whatif_response(body: WhatIfIn) -> Response:
    """The what-if's response: re-apportionments in a thread, the rest on the event loop."""
    if reapportions(body):  # up to ~15 ms (a 10,000-seat House): off the event loop
        return json_response(await run_in_threadpool(whatif_doc, body))
    # Flips, swings and methods take well under a millisecond, less than handing them to a thread.
    return json_response(whatif_doc(body))


def whatif_doc(body: WhatIfIn) -> bytes:
    """The encoded what-if of a request body (repeated requests are served from a cache)."""
    return _whatif(_Request(body))


class _Request:
    """A validated request body that hashes and compares by its canonical JSON: a cache's key."""

    __slots__ = ("body", "key")

    def __init__(self, body: BaseModel) -> None:
        self.body, self.key = body, body.model_dump_json()

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Request) and other.key == self.key


def scenario_of(body: WhatIfIn) -> Scenario:
    """The library's scenario for a request body."""
    return Scenario(
        year=body.year, flips=body.flips, swing=parse_swing(body.swing) if body.swing is not None else None,
        state_swings={code: parse_swing(text) for code, text in body.state_swings.items()},
        method=body.method, methods=body.methods, house_size=body.house_size,
        apportionment_method=body.apportionment_method, census=body.census, add_states=body.add_states,
        remove=tuple(body.remove), blank=body.blank, margin=body.margin,
        faithless=parse_faithless(",".join(f"{code}={value}" for code, value in body.faithless.items()), "faithless")
        if body.faithless else {}, compact=body.compact,
    )


@lru_cache(maxsize=256)  # a what-if is a pure function of its request: repeated ones are served from here
def _whatif(request: _Request) -> bytes:
    result = run(scenario_of(request.body))
    record = _encoded_record(result.scenario.year)
    if len(result.units) == len(record.units):  # most what-ifs: the record's units with a few replaced
        units = [part if unit is recorded else unit_document(unit)
                 for unit, recorded, part in zip(result.units, record.units, record.parts)]
    else:
        units = [unit_document(unit) for unit in result.units]
    # The units go in after the model's other fields are dumped: a list of encoded parts where the model
    # declares unit models would send each one through pydantic's slow path for unexpected types.
    doc = document(whatif_out(result, units=(), actual=record.actual))  # result.actual is the record's tally
    doc["units"] = units  # the key is already in its place
    try:
        return json_bytes(doc)
    except TypeError:  # json_bytes's fallback for integers beyond 64 bits cannot embed encoded parts
        return json_bytes(whatif_out(result))


class _EncodedRecord(NamedTuple):
    units: tuple[UnitOutcome, ...]  # the record's units in a what-if's order
    parts: tuple[orjson.Fragment, ...]  # each of them encoded
    actual: orjson.Fragment  # the record's tally


@lru_cache(maxsize=None)
def _encoded_record(year: int) -> _EncodedRecord:
    """What every what-if of ``year`` repeats from the record, encoded once: its units and its tally.

    A what-if reports the record's own unit objects for the units it leaves alone, so ``is`` finds them.
    """
    units = recorded_units(year)
    return _EncodedRecord(units, tuple(orjson.Fragment(json_bytes(unit_out(unit))) for unit in units),
                          orjson.Fragment(tally_doc(year)))


@router.get("/elections/{year}/smallest-swings", response_model=SwingsOut,
            summary="The smallest uniform swings that change the winner")
def swings(year: Annotated[PathYear, Path(description=YEAR_DOC, examples=[2020])],
           margin: MarginName = Query(DEFAULT_MARGIN, description=MARGIN_DOC)) -> Response:
    """The uniform swings away from the winner that (1) deny them a majority, (2) elect the runner-up.

    What ``electoral whatif --json`` adds as ``smallest_swings`` (the same ``margin`` definition).
    """
    return json_response(_swings(year, margin))


@lru_cache(maxsize=None)
def _swings(year: int, margin: str) -> bytes:
    return json_bytes(swings_out(year, smallest_swings(year, margin)))
