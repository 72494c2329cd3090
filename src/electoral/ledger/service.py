"""The ledger's operations over a store, shared by the CLI and the HTTP API: ingest a source, read events,
the status at a moment (with the timeline kept while the ledger has no new event).

>>> import tempfile, pathlib
>>> from electoral.ledger.store import open_store
>>> store = open_store(str(pathlib.Path(tempfile.mkdtemp()) / "ledger.db"))
>>> [(r.stored, r.duplicates, r.unchanged) for r in ingest(store, "ap-2024-night-1.json", "ap", test=True)]
[(7, 0, 0), (5, 0, 0), (2, 1, 1)]
>>> [(r.stored, r.duplicates, r.unchanged) for r in ingest(store, "ap-2024-night-1.json", "ap", test=True)]  # again
[(0, 6, 1), (0, 3, 2), (0, 2, 2)]
>>> status(store, 2024, "2024-11-06T08:00Z").projected
{'Donald Trump': 66}
>>> store.close()
"""

from __future__ import annotations

import os
from dataclasses import replace
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from threading import Lock

from electoral.ledger.events import NATIONAL, Event, unit_electors
from electoral.errors import ElectoralError, InvalidInput
from electoral.ledger.feeds import AP_DESK, APCalls, pages, read_ap, read_source
from electoral.ledger.history import packaged_events, packaged_timeline, packaged_years
from electoral.ledger.status import LedgerStatus, Timeline, build_timeline, extend_timeline, one_desk, status_at
from electoral.ledger.store import URL_VARIABLE, Appended, Filters, Recorded, Store
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
        before = calls.unchanged
        events = read_ap(page.doc or {}, calls, received)
        yield replace(store.append(events), unchanged=calls.unchanged - before)


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


PACKAGED, DATABASE = "packaged", "database"


def database_named(db: str | None) -> bool:
    """Whether a database was chosen: ``db`` given (``--db``) or ``$ELECTORAL_LEDGER_URL`` set.

    >>> database_named("ledger.db")
    True
    """
    return db is not None or bool(os.environ.get(URL_VARIABLE))


def ledger_of(store: Store, year: int | str, named: bool = False) -> str:
    """Which ledger answers for ``year``: a database that was chosen (``named``: ``--db`` or
    ``$ELECTORAL_LEDGER_URL``) always; otherwise the default database when it holds events of the year, else
    the packaged historical ledger when the year has one (2000, 2004, 2016, 2020, 2024).

    >>> from electoral.ledger.store import open_store
    >>> ledger_of(open_store("no-such-folder/ledger.db", create=False), 2020)
    'packaged'
    """
    number = validate_calendar_year(year)
    if not named and number in packaged_years() and not store.read(number, Filters(limit=1)):
        return PACKAGED
    return DATABASE


def desk_named(events: Iterable[Event], desk: str, year: int) -> str:
    """The decision desk of ``events`` that ``desk`` names, matched without regard to case ("" for every desk).

    Raises InvalidInput naming ``desk`` and the desks that called races in the ledger when none matches.

    >>> from electoral.ledger.events import make_event
    >>> calls = [make_event(2020, "AZ", "race_call", "2020-11-04T02:50Z", "AP", fields={"candidate": "Biden"})]
    >>> desk_named(calls, "ap", 2020)
    'AP'
    >>> desk_named(calls, "FOO", 2020)
    Traceback (most recent call last):
    ...
    electoral.errors.InvalidInput: unknown desk 'FOO': the desks in the 2020 ledger are AP
    """
    wanted = desk.strip()
    if not wanted:
        return ""
    desks = sorted({e.actor for e in events if e.kind in ("race_call", "call_retracted")})
    for known in desks:
        if known.casefold() == wanted.casefold():
            return known
    raise InvalidInput(f"unknown desk {desk!r}: the desks in the {year} ledger are {', '.join(desks) or 'none'}")


def year_timeline(store: Store, year: int | str, desk: str = "", named: bool = False) -> Timeline:
    """The timeline of the ledger that answers for ``year`` (see :func:`ledger_of`), with every desk's calls
    or only ``desk``'s (see :func:`desk_named`: InvalidInput for a desk the ledger does not hold).

    >>> from electoral.ledger.store import open_store
    >>> year_timeline(open_store("no-such-folder/ledger.db", create=False), 2024).majority
    270
    """
    number = validate_calendar_year(year)
    if ledger_of(store, number, named) == PACKAGED:
        return packaged_timeline(number, desk_named(packaged_events(number), desk, number))
    if desk:
        events = store.events(number)
        return build_timeline(one_desk(events, desk_named(events, desk, number)), number)
    return timeline(store, number)


def year_status(store: Store, year: int | str, as_of: datetime | date | str, desk: str = "",
                named: bool = False) -> tuple[LedgerStatus, str]:
    """The status of ``year`` at ``as_of`` and which ledger gave it (see :func:`ledger_of`); with ``desk``,
    only that decision desk's calls project a unit.

    >>> from electoral.ledger.store import open_store
    >>> s, where = year_status(open_store("no-such-folder/ledger.db", create=False), 2020, "2020-12-15")
    >>> where, s.cast["Joe Biden"]
    ('packaged', 306)
    """
    where = ledger_of(store, year, named)
    return status_at(year_timeline(store, year, desk, named), as_of), where


def answering_status(year: int | str, as_of: datetime | date | str,
                     db: str | None = None) -> tuple[LedgerStatus, str] | None:
    """The status at ``as_of`` from the ledger that answers for ``year`` (:func:`ledger_of`: the choice every
    command and the API make) and which ledger it is; None when no ledger holds events of the year. Opens the
    database ``db`` (default: ``$ELECTORAL_LEDGER_URL``, else the user's ledger.db) for reading only.

    >>> answering_status(2012, "2012-12-01", "no-such-folder/ledger.db") is None  # no ledger holds 2012
    True
    """
    from electoral.ledger.store import open_store

    number = validate_calendar_year(year)
    store = open_store(db, create=False)
    try:
        found, where = year_status(store, number, as_of, "", database_named(db))
    finally:
        store.close()
    return (found, where) if found.events else None


def ingest_database(db: str | None, test: bool) -> str | None:
    """The database an ingest writes to: ``db`` or ``$ELECTORAL_LEDGER_URL`` when named; otherwise, in test
    mode (fixtures, made-up nights), ``ledger-test.db`` in the user's data folder, so a fixture never enters
    the user's own ledger (nor hides a packaged year there); else the default ledger.db (None).

    >>> ingest_database(None, True).endswith("ledger-test.db") or database_named(None)
    True
    >>> ingest_database("mine.db", True)
    'mine.db'
    """
    from electoral.ledger.store import data_dir

    if database_named(db) or not test:
        return db
    return str(data_dir() / "ledger-test.db")


def hiding_note(year: int, ledger: str) -> str:
    """A one-line note when a database answers for a year that has a packaged historical ledger ("" else).

    >>> hiding_note(2024, "database")[:60]
    'note: the database holds events of 2024 and answers instead '
    """
    if ledger != DATABASE or year not in packaged_years():
        return ""
    return (f"note: the database holds events of {year} and answers instead of the packaged historical ledger "
            f"(ledger events {year} lists them; another --db or ${URL_VARIABLE} chooses another database)")


def _matches(e: Event, f: Filters) -> bool:
    return ((f.unit is None or e.unit == f.unit) and (f.kind is None or e.kind == f.kind)
            and (f.actor is None or e.actor == f.actor) and (f.since is None or e.effective >= f.since)
            and (f.until is None or e.effective <= f.until))


def check_unit(year: int, unit: str | None) -> None:
    """Refuse a unit filter that names no unit of ``year``: the states, DC, the districts of Maine (from 1972)
    and Nebraska (from 1992) that the year's record has, and ``US`` (the national events).

    Raises InvalidInput naming ``unit`` and listing the year's codes.

    >>> check_unit(2020, "NE-2")
    >>> check_unit(1988, "NE-2")
    Traceback (most recent call last):
    ...
    electoral.errors.InvalidInput: no unit 'NE-2' in 1988: the units are AK AL AR AZ CA CO CT DC DE FL GA HI IA ID IL IN KS KY LA MA MD ME ME-1 ME-2 MI MN MO MS MT NC ND NE NH NJ NM NV NY OH OK OR PA RI SC SD TN TX UT VA VT WA WI WV WY US
    """
    codes = [*sorted(unit_electors(year)), NATIONAL]
    if unit is not None and unit not in codes:
        raise InvalidInput(f"no unit {unit!r} in {year}: the units are {' '.join(codes)}")


def year_events(store: Store, year: int | str, filters: Filters, named: bool = False) -> list[Recorded]:
    """The events of ``year`` matching ``filters`` from the ledger that answers for it (packaged events have no
    arrival order: their ``seq`` is their place in effective order, from 1).

    >>> from electoral.ledger.store import open_store
    >>> found = year_events(open_store("no-such-folder/ledger.db", create=False), 2020,
    ...                     Filters(unit="GA", kind="recertified"))
    >>> [r.event.effective.date().isoformat() for r in found]
    ['2020-12-07']
    """
    number = validate_calendar_year(year)
    check_unit(number, filters.unit)
    if ledger_of(store, number, named) == DATABASE:
        return store.read(number, filters)
    found = [Recorded(i, e) for i, e in enumerate(packaged_events(number), start=1)
             if _matches(e, filters) and (filters.after_seq is None or i > filters.after_seq)]
    return found[:filters.limit] if filters.limit is not None else found
