"""Speed of the ledger: ingest into SQLite, status as of a moment over a 100,000-event ledger, and a replayed
election night of 5,000 reporting-unit updates every 30 seconds handled by one worker.

Run: ``python benchmarks/bench_ledger.py``. Prints ``name  value  unit  target`` lines. With
``ELECTORAL_TEST_POSTGRES_URL`` set (``bash scripts/install_postgres.sh`` prints one) the ingest is also
measured into PostgreSQL, in a schema of its own that is dropped afterwards.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import orjson

from _report import report

EVENTS = 100_000
BATCH = 10_000
WAVES = 10  # thirty-second waves of the replayed night
WAVE_UPDATES = 5_000
WAVE_SECONDS = 30.0


def night_events(n: int, tag: str = "") -> list:
    """``n`` results updates over the 2020 night and the weeks after, with calls, certifications, electors'
    votes and the count, as a real ledger would hold them."""
    from electoral.ledger.events import EASTERN, make_event, unit_electors
    from electoral.record import election

    e = election(2020)
    winners = dict(zip(e.units.codes, e.winners()))
    start = datetime(2020, 11, 3, 19, 0, tzinfo=EASTERN)
    rng = random.Random(1)
    units = list(winners)
    events = []
    for i in range(n - 3 * len(units) - 1):
        unit = units[i % len(units)]
        when = start + timedelta(seconds=i * 1_200_000 // n)
        events.append(make_event(2020, unit, "results_update", when, "AP", source=f"bench {tag}",
                                 fields={"votes": {"Biden": rng.randrange(10**6), "Trump": rng.randrange(10**6)},
                                         "eevp": min(100.0, i * 100 / n)}))
    for k, unit in enumerate(units):
        events.append(make_event(2020, unit, "race_call", start + timedelta(minutes=5 * k), "AP",
                                 fields={"candidate": winners[unit]}))
        events.append(make_event(2020, unit, "certified", start + timedelta(days=20, minutes=k), "canvass",
                                 fields={"candidate": winners[unit]}))
        events.append(make_event(2020, unit, "electors_voted", "2020-12-14T15:00:00-05:00", "electors",
                                 fields={"votes": {winners[unit]: unit_electors(2020)[unit]}}))
    events.append(make_event(2020, "US", "count_declared", "2021-01-07T03:41:00-05:00", "Congress"))
    return events


def ingest_rate(url: str, events: list) -> tuple[float, float]:
    """Events per second (wall clock, and per second of this process's CPU) appended in batches of ``BATCH``
    into a new ledger at ``url``. On a shared machine the CPU figure is the one that does not depend on load."""
    from electoral.ledger.store import open_store

    store = open_store(url)
    started, cpu = time.perf_counter(), time.process_time()
    for k in range(0, len(events), BATCH):
        store.append(events[k:k + BATCH])
    elapsed, used = time.perf_counter() - started, time.process_time() - cpu
    store.close()
    return len(events) / elapsed, len(events) / used


def postgres_rate(base: str, events: list) -> tuple[float, float]:
    import sqlalchemy as sa

    from electoral.ledger.store import database_url

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(database_url(base))
    with engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        separator = "&" if "?" in base else "?"
        return ingest_rate(f"{base}{separator}options={quote(f'-csearch_path={schema}')}", events)
    finally:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


def status_p95(events: list) -> None:
    from electoral.ledger.status import build_timeline, status_at

    started = time.perf_counter()
    timeline = build_timeline(events, 2020)
    report("ledger_timeline_build_100k_events", (time.perf_counter() - started) * 1e3, "ms", "- (once, then extended)")
    from electoral.ledger.events import make_event, unit_electors
    from electoral.ledger.status import extend_timeline

    page = [make_event(2020, unit, "results_update", "2021-01-07T12:00:00-05:00", "AP",
                       fields={"votes": {"Biden": 1, "Trump": 2}}) for unit in unit_electors(2020)]
    started = time.perf_counter()
    extend_timeline(timeline, page)
    report("ledger_timeline_extend_100k_by_56_events", (time.perf_counter() - started) * 1e3, "ms")
    rng = random.Random(2)
    lo, hi = events[0].effective_us, events[-1].effective_us
    moments = [datetime.fromtimestamp(rng.randrange(lo, hi) / 1e6).astimezone() for _ in range(1000)]
    times = []
    for moment in moments:
        t = time.perf_counter()
        status_at(timeline, moment)
        times.append((time.perf_counter() - t) * 1e3)
    report("ledger_status_as_of_p95_100k_events", statistics.quantiles(times, n=20)[-1], "ms", "< 5")


def wave_page(wave: int) -> bytes:
    """An AP-shaped page: ``WAVE_UPDATES`` county reporting units plus every state's and district's roll-up."""
    from electoral.ledger.events import unit_electors

    stamp = (datetime(2024, 11, 6, 1, 0) + timedelta(seconds=WAVE_SECONDS * wave)).isoformat() + "Z"
    units = list(unit_electors(2024))
    races = {u.split("-")[0]: [] for u in units}
    for i in range(WAVE_UPDATES):
        state = list(races)[i % len(races)]
        races[state].append({"level": "county", "reportingunitName": f"County {i}", "lastUpdated": stamp,
                             "candidates": [{"first": "Donald", "last": "Trump", "voteCount": 1000 + wave + i},
                                            {"first": "Kamala", "last": "Harris", "voteCount": 900 + wave + i}]})
    for unit in units:
        state, _, district = unit.partition("-")
        races[state].append({"level": "district" if district else "state", "districtNum": district,
                             "lastUpdated": stamp, "eevp": min(99.0, wave * 5.0),
                             "candidates": [{"first": "Donald", "last": "Trump", "voteCount": 10**5 + wave},
                                            {"first": "Kamala", "last": "Harris", "voteCount": 10**5 - wave}]})
    return orjson.dumps({"electionDate": "2024-11-05", "timestamp": stamp, "races": [
        {"officeID": "P", "statePostal": s, "reportingUnits": r} for s, r in races.items()]})


def replay_night() -> None:
    """One worker: parse each wave's page, append its events, rebuild the status; the wave time against 30 s."""
    from electoral.ledger.feeds import APCalls, read_ap
    from electoral.ledger.service import status
    from electoral.ledger.store import open_store

    pages = [wave_page(w) for w in range(WAVES)]
    store = open_store(str(Path(tempfile.mkdtemp()) / "night.db"))
    calls, times = APCalls(), []
    for w, page in enumerate(pages):
        started = time.perf_counter()
        store.append(read_ap(orjson.loads(page), calls))
        status(store, 2024, datetime(2024, 11, 6, 1, 0).astimezone() + timedelta(seconds=WAVE_SECONDS * w))
        times.append(time.perf_counter() - started)
    store.close()
    worst = max(times)
    report("ledger_replay_wave_5000_updates_worst", worst * 1e3, "ms", f"< {WAVE_SECONDS * 1e3:.0f} (a 30 s wave)")
    report("ledger_replay_speedup_one_worker_keeps_up", WAVE_SECONDS / worst, "x_real_time", ">= 1")


def main() -> None:
    started = time.perf_counter()
    events = night_events(EVENTS)
    report("ledger_event_checks", EVENTS / (time.perf_counter() - started), "events/s", "- (build + check)")
    wall, cpu = ingest_rate(str(Path(tempfile.mkdtemp()) / "bench.db"), events)
    report("ledger_ingest_sqlite_batches_of_10000", wall, "events/s", ">= 50000")
    report("ledger_ingest_sqlite_batches_of_10000_per_cpu_second", cpu, "events/s", ">= 50000")
    base = os.environ.get("ELECTORAL_TEST_POSTGRES_URL")
    if base:
        wall, cpu = postgres_rate(base, events)
        report("ledger_ingest_postgresql_batches_of_10000", wall, "events/s", "- (server on the same machine)")
    status_p95(events)
    replay_night()


if __name__ == "__main__":
    main()
