"""The store, on SQLite and on PostgreSQL: append-only, idempotent, atomic batches, migrated on open."""

from __future__ import annotations

import dataclasses

import pytest
import sqlalchemy as sa

from electoral.errors import InvalidInput
from electoral.ledger.events import make_event
from electoral.ledger.store import Filters, open_store


def updates(n: int, tag: str = "", year: int = 2024, unit: str = "PA") -> list:
    return [make_event(year, unit, "results_update", f"2024-11-05T21:{i // 60 % 60:02d}:{i % 60:02d}-05:00", "AP",
                       source=f"test {tag}", fields={"votes": {"Trump": i, "Harris": i + 1}, "eevp": i % 100})
            for i in range(n)]


def test_the_schema_is_migrated_on_open_and_reopening_changes_nothing(ledger_url):
    first = open_store(ledger_url)
    first.append(updates(3))
    first.close()
    again = open_store(ledger_url)
    with again.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0001"
    assert len(again.events(2024)) == 3
    again.close()


def test_the_same_event_delivered_twice_is_stored_once(store):
    batch = updates(50)
    assert (store.append(batch).stored, store.append(batch).stored) == (50, 0)
    assert store.append(batch + batch[:5]).duplicates == 55
    later = [dataclasses.replace(e, received=e.received.replace(year=2026)) for e in batch]  # re-delivered
    assert store.append(later).stored == 0
    assert len(store.events(2024)) == 50


def test_a_batch_that_fails_its_checks_stores_nothing(store):
    good = updates(10)
    stray = make_event(2024, "PA", "call_retracted", "2024-11-06T03:00:00-05:00", "AP")
    with pytest.raises(InvalidInput, match="no call by AP to retract"):
        store.append(good + [stray])
    assert store.events(2024) == []


def test_a_batch_that_fails_halfway_through_the_insert_stores_nothing(store):
    # 2,500 rows go to the database in several statements; the last row breaks a NOT NULL constraint
    batch = updates(2500)
    batch[-1] = dataclasses.replace(batch[-1], actor=None)
    with pytest.raises(InvalidInput, match="the database refused the batch, so nothing of it was stored: (?i:.*null)"):
        store.append(batch)
    assert store.events(2024) == []
    assert store.append(batch[:-1]).stored == 2499


def test_rows_can_never_be_updated_or_deleted(store):
    store.append(updates(2))
    for statement in ("UPDATE ledger_events SET actor = 'x'", "DELETE FROM ledger_events"):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"):
            with store.engine.begin() as connection:
                connection.execute(sa.text(statement))
    assert len(store.events(2024)) == 2


def test_a_retraction_is_checked_against_the_stored_calls(store):
    call = make_event(2020, "AZ", "race_call", "2020-11-04T02:50:00Z", "Fox News", fields={"candidate": "Biden"})
    undo = make_event(2020, "AZ", "call_retracted", "2020-11-05T02:50:00Z", "Fox News")
    store.append([call])
    assert store.append([undo]).stored == 1
    again = make_event(2020, "AZ", "call_retracted", "2020-11-06T02:50:00Z", "Fox News")
    with pytest.raises(InvalidInput, match="no call by Fox News"):
        store.append([again])


def test_filters_and_order(store):
    store.append(updates(5, "pa"))
    store.append(updates(5, "ga", unit="GA") + [make_event(2020, "GA", "race_call", "2020-11-13T12:00:00-05:00",
                                                           "AP", fields={"candidate": "Biden"})])
    assert [r.event.unit for r in store.read(2024, Filters(unit="GA"))] == ["GA"] * 5
    assert len(store.read(2020)) == 1 and len(store.read(2024)) == 10
    times = [r.event.effective for r in store.read(2024)]
    assert times == sorted(times)
    window = store.read(2024, Filters(since=times[2], until=times[3]))
    assert {r.event.effective for r in window} == {times[2], times[3]}
    newest = store.last_seq()
    assert store.read(2024, Filters(after_seq=newest)) == [] and len(store.read(2024, Filters(limit=3))) == 3
    stored = store.read(2020)[0].event
    assert stored.fields == {"candidate": "Joe Biden"} and stored.effective.utcoffset().total_seconds() == -5 * 3600


def test_a_missing_sqlite_ledger_opened_to_read_is_empty_and_not_created(tmp_path):
    path = tmp_path / "none" / "ledger.db"
    store = open_store(str(path), create=False)
    assert store.read(2024) == [] and store.last_seq() == 0 and not path.exists()
    with pytest.raises(InvalidInput, match="read-only"):
        store.append(updates(1))


def test_a_bad_database_url_is_one_clear_error():
    with pytest.raises(InvalidInput, match="unsupported database URL 'mysql://x'"):
        open_store("mysql://x")


def test_stores_opened_at_once_in_threads_all_migrate(tmp_path) -> None:
    # the server opens a store per request in a thread pool; Alembic's context is process-global, and two
    # migrations at once failed ("module 'alembic.context' has no attribute 'config'": a 500 on a fresh ledger)
    from concurrent.futures import ThreadPoolExecutor

    url = f"sqlite:///{tmp_path / 'ledger.db'}"

    def open_and_read(_: int) -> int:
        store = open_store(url)
        try:
            return len(store.events(2024))
        finally:
            store.close()

    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(open_and_read, range(32))) == [0] * 32
