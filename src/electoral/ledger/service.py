"""The ledger's operations over a store, shared by the CLI and the HTTP API: ingest a source, read events,
the status at a moment (with the timeline kept while the ledger has no new event).

>>> import tempfile, pathlib
>>> from electoral.ledger.store import open_store
>>> store = open_store(str(pathlib.Path(tempfile.mkdtemp()) / "ledger.db"))
>>> [(r.stored, r.duplicates) for r in ingest(store, "ap-2024-night-1.json", "ap", test=True)]
[(7, 0), (5, 0), (2, 1)]
>>> [(r.stored, r.duplicates) for r in ingest(store, "ap-2024-night-1.json", "ap", test=True)]  # again: nothing new
[(0, 6), (0, 3), (0, 2)]
>>> status(store, 2024, "2024-11-06T08:00Z").projected
{'Donald Trump': 66}
>>> store.close()
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from threading import Lock

from electoral.ledger.events import Event
from electoral.errors import ElectoralError
from electoral.ledger.feeds import AP_DESK, APCalls, pages, read_ap, read_source
from electoral.ledger.status import LedgerStatus, Timeline, build_timeline, extend_timeline, status_at
from electoral.ledger.store import Appended, Filters, Store
from electoral.rules.calendar import validate_calendar_year


def standing_calls(events: Iterable[Event], desk: str) -> dict[str, str]:
    """The calls of ``desk`` still standing after ``events`` (by unit).

    >>> from electoral.ledger.events import make_event
    >>> standing_calls([make_event(2020, "AZ", "race_call", "2020-11-04T02:50Z", "AP", fields={"candidate": "Biden"})],
    ...                "AP")
    {'AZ': 'Joe Biden'}
    """
    calls: dict[str, str] = {}
    for e in sorted(events, key=lambda e: e.effective_us):
        if e.actor == desk and e.kind == "race_call":
            calls[e.unit] = e.fields["candidate"]
        elif e.actor == desk and e.kind == "call_retracted":
            calls.pop(e.unit, None)
    return calls


def ingest_batches(store: Store, source: str, fmt: str = "own", test: bool = False,
                   received: datetime | None = None, poll: float = 0.0) -> Iterator[Appended]:
    """Read ``source`` and append it, one transaction per batch (a file, or a feed page), yielding each result
    once committed; a failing batch stores nothing and stops the ingest (the batches before it stay stored).
    See the module's example.
    """
    if fmt != "ap":
        for batch in read_source(source, fmt, test, None, received):
            yield store.append(batch)
        return
    calls: APCalls | None = None
    for page in pages(source, test=test, poll=poll, max_pages=10**9 if poll > 0 else 1000):
        if calls is None:  # AP's standing calls, from the ledger, before the first page is read
            calls = APCalls(_ledger_calls(store, (page.doc or {}).get("electionDate")))
        yield store.append(read_ap(page.doc or {}, calls, received))


def _ledger_calls(store: Store, election_date: object) -> dict[str, str]:
    try:
        year = validate_calendar_year(str(election_date)[:4])
    except ElectoralError:
        return {}  # read_ap names what is wrong with the page
    return standing_calls([r.event for r in store.read(year) if r.event.kind in ("race_call", "call_retracted")],
                          AP_DESK)


def ingest(store: Store, source: str, fmt: str = "own", test: bool = False,
           received: datetime | None = None) -> list[Appended]:
    """Every batch of ``source`` appended (see :func:`ingest_batches`)."""
    return list(ingest_batches(store, source, fmt, test, received))


_timelines: dict[tuple[str, int], tuple[int, Timeline]] = {}
_lock = Lock()


def timeline(store: Store, year: int | str) -> Timeline:
    """The timeline of ``year``: extended with the events stored since the last call when they all come later
    (a live night), built again from the whole ledger otherwise.

    >>> from electoral.ledger.store import open_store
    >>> timeline(open_store("no-such-folder/ledger.db", create=False), 2024).events
    0
    """
    number = validate_calendar_year(year)
    key = (store.url, number)
    with _lock:
        cached = _timelines.get(key)
    built = None
    if cached is not None:
        records = store.read(number, Filters(after_seq=cached[0]))
        if not records:
            return cached[1]
        built = extend_timeline(cached[1], [r.event for r in records])
    if built is None:
        records = store.read(number)
        built = build_timeline([r.event for r in records], number)
    seq = max((r.seq for r in records), default=cached[0] if cached else 0)  # the newest event swept
    with _lock:
        _timelines[key] = (seq, built)
    return built


def status(store: Store, year: int | str, as_of: datetime | date | str) -> LedgerStatus:
    """The status of ``year`` at ``as_of`` from the ledger in ``store``.

    >>> from electoral.ledger.store import open_store
    >>> status(open_store("no-such-folder/ledger.db", create=False), 2024, "2024-11-06").stages["not_projected"]
    56
    """
    return status_at(timeline(store, year), as_of)
