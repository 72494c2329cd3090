"""The ledger of election events over HTTP: status at a moment, filtered events, a stream of new events.

The database is ``$ELECTORAL_LEDGER_URL`` (else ``ledger.db`` in the user's data folder), read when a
request comes; a ledger that does not exist yet reads as empty. When ``$ELECTORAL_LEDGER_URL`` is not set,
the years with a packaged historical ledger (2000, 2004, 2016, 2020, 2024) are answered from it unless the
default database holds events of the year; the stream follows the database only.
"""

from __future__ import annotations

from typing import Annotated
import asyncio
import time
from collections.abc import AsyncIterator
from threading import Lock

import anyio
from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.responses import StreamingResponse

from electoral.api.schemas import ERRORS, PathYear, bounded
from electoral.errors import InvalidInput
from electoral.ledger.events import kind_of
from electoral.output.ledger import EventOut, EventsOut, LedgerStatusOut
from electoral.ledger.service import database_named, year_events, year_status
from electoral.ledger.status import now, parse_moment
from electoral.ledger.store import Filters, Store, database_url, default_url, open_store
from electoral.rules.calendar import validate_calendar_year
from electoral.units import normalize_code

router = APIRouter(tags=["ledger"], responses=ERRORS)

LedgerYear = Path(description="Presidential election year: 1789 ... 2024, or a later one (2028 ...).", examples=[2024],
                  ge=1)  # a negative or zero year is a malformed request (422), not an unknown election (404)
STREAM_POLL = 0.5  # seconds between looks for new events
HEARTBEAT = 15.0  # seconds between comments that keep the connection open

_stores: dict[str, Store] = {}
_lock = Lock()


def ledger_store() -> Store:
    """The ledger of this server (opened once; a missing SQLite file is opened again once it exists)."""
    url = database_url(default_url())
    with _lock:
        store = _stores.get(url)
        if store is None or store.engine is None:
            store = open_store(url, create=False)
            _stores[url] = store
        return store


def known_parameters(request: Request, allowed: tuple[str, ...]) -> None:
    """Refuse a query parameter the route does not read (a misspelt one would otherwise be ignored silently).

    Raises InvalidInput naming the parameter and the ones the route reads.
    """
    unknown = sorted(set(request.query_params) - set(allowed))
    if unknown:
        raise InvalidInput(f"unknown query parameter {unknown[0]!r}; this route reads {', '.join(allowed)}")


@router.get("/ledger/{year}/status", response_model=LedgerStatusOut,
            summary="Where an election stood at a moment, from its ledger")
def ledger_status(request: Request, year: Annotated[PathYear, LedgerYear],
                  as_of: str | None = Query(None, description="A time with its zone or a day YYYY-MM-DD (its end, "
                                                              "Washington time); default: now.",
                                            examples=["2024-11-06T05:34:00-05:00"]),
                  desk: str = Query("", description="Only this decision desk's calls project a unit (e.g. AP; "
                                                    "any case); default: every desk's latest call.",
                                    max_length=200)) -> LedgerStatusOut:
    """Per unit the stage and leader; electoral votes projected, certified, cast and counted; the moments a
    candidate first held a majority; the deadlines in force, with the units overdue."""
    known_parameters(request, ("as_of", "desk"))
    number = validate_calendar_year(year)
    return LedgerStatusOut.of(*year_status(ledger_store(), number, as_of if as_of is not None else now(),
                                           desk, named=database_named(None)))


def _filters(unit: str | None, kind: str | None, actor: str | None, since: str | None, until: str | None,
             after: int | None, limit: int | None) -> Filters:
    return Filters(unit=normalize_code(unit) if unit else None, kind=kind_of(kind).name if kind else None,
                   actor=actor, since=parse_moment(since, "since", False) if since else None,
                   until=parse_moment(until, "until") if until else None, after_seq=after, limit=limit)


@router.get("/ledger/{year}/events", response_model=EventsOut, summary="The events of an election, filtered")
def ledger_events(request: Request, year: Annotated[PathYear, LedgerYear],
                  unit: str | None = Query(None, description="A state, district (ME-2) or US.", max_length=8),
                  kind: str | None = Query(None, description="An event kind, e.g. race_call.", max_length=40),
                  actor: str | None = Query(None, description="Who acted, exactly (AP, a court ...).", max_length=200),
                  since: str | None = Query(None, description="Effective at or after (a time with its zone, or a "
                                                              "day: its start)."),
                  until: str | None = Query(None, description="Effective at or before (a time with its zone, or a "
                                                              "day: its end)."),
                  limit: Annotated[bounded(1, 100_000), Query(description="At most this many events.")] = 1000) -> EventsOut:
    """The events in effective order, in the format ``electoral ledger ingest`` reads (with their ``seq``)."""
    known_parameters(request, ("unit", "kind", "actor", "since", "until", "limit"))
    number = validate_calendar_year(year)
    found = year_events(ledger_store(), number, _filters(unit, kind, actor, since, until, None, limit),
                        database_named(None))
    return EventsOut(year=number, count=len(found), events=[EventOut.of(r.event, r.seq) for r in found])


async def _stream(year: int, after: int, limit: int | None, seconds: float | None) -> AsyncIterator[str]:
    sent, last_beat, started = 0, time.monotonic(), time.monotonic()
    while seconds is None or time.monotonic() - started < seconds:
        found = await anyio.to_thread.run_sync(
            lambda: ledger_store().read(year, Filters(after_seq=after, limit=limit and limit - sent)))
        for r in found:
            after = r.seq
            sent += 1
            yield f"id: {r.seq}\nevent: {r.event.kind}\ndata: {EventOut.of(r.event, r.seq).model_dump_json()}\n\n"
        if limit is not None and sent >= limit:
            return
        if time.monotonic() - last_beat > HEARTBEAT:
            last_beat = time.monotonic()
            yield ": still here\n\n"
        await asyncio.sleep(STREAM_POLL)


@router.get("/ledger/{year}/stream", include_in_schema=False)
def ledger_stream(year: Annotated[PathYear, LedgerYear],
                  after: int | None = Query(None, ge=0, description="Send events stored after this seq "
                                                                    "(default: the newest; Last-Event-ID works too)."),
                  limit: int | None = Query(None, ge=1, description="Close after this many events."),
                  seconds: float | None = Query(None, gt=0, description="Close after this many seconds."),
                  last_event_id: str | None = Header(None)) -> StreamingResponse:
    """Server-sent events: each new event of ``year`` as it is stored (``id`` = its seq, ``event`` = its kind,
    ``data`` = the event's JSON). Not in the OpenAPI schema: an endless stream has no response body to check."""
    number = validate_calendar_year(year)
    start = after if after is not None else int(last_event_id) if (last_event_id or "").isdigit() \
        else ledger_store().last_seq()
    return StreamingResponse(_stream(number, start, limit, seconds), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
