"""``/api/ledger/{year}/...``: status, events with filters, and the server-sent events stream."""

from __future__ import annotations

import pytest

from electoral.ledger.service import ingest
from electoral.ledger.store import URL_VARIABLE, open_store


@pytest.fixture
def ledger(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    store = open_store(url)
    ingest(store, "ap-2024-night-1.json", "ap", test=True)
    monkeypatch.setenv(URL_VARIABLE, url)
    yield store
    store.close()


def test_status_as_of_a_moment(client, ledger) -> None:
    doc = client.get("/api/ledger/2024/status", params={"as_of": "2024-11-06T03:00:00-05:00"}).json()
    assert doc["projected"] == {"Donald Trump": 66} and doc["stages"]["projected"] == 4
    assert doc["as_of"] == "2024-11-06T03:00:00-05:00" and doc["events"] == 14


def test_events_filtered(client, ledger) -> None:
    body = client.get("/api/ledger/2024/events", params={"kind": "race_call", "unit": "me2"}).json()
    assert [(e["unit"], e["fields"]["candidate"]) for e in body["events"]] == [("ME-2", "Donald Trump")]
    window = client.get("/api/ledger/2024/events", params={"since": "2024-11-06T06:00:00Z",
                                                           "until": "2024-11-06T06:30:00Z", "actor": "AP"}).json()
    assert {e["unit"] for e in window["events"]} == {"GA", "PA", "ME-2"}


def test_bad_filters_are_4xx_naming_the_value(client, ledger, assert_error) -> None:
    assert_error(client.get("/api/ledger/2024/events", params={"kind": "vibes"}), 422, "'vibes'")
    assert_error(client.get("/api/ledger/2024/events", params={"since": "yesterday"}), 422, "'yesterday'")
    assert_error(client.get("/api/ledger/2023/status"), 404, "2023")
    assert_error(client.get("/api/ledger/2024/status", params={"as_of": "2024-11-06T03:00"}), 422, "no time zone")


def test_the_stream_sends_new_events(client, ledger) -> None:
    with client.stream("GET", "/api/ledger/2024/stream", params={"after": 12, "limit": 2}) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        text = "".join(response.iter_text())
    blocks = [b for b in text.split("\n\n") if b.startswith("id:")]
    assert [b.splitlines()[0] for b in blocks] == ["id: 13", "id: 14"]
    assert blocks[1].splitlines()[1] == "event: race_call"


def test_a_ledger_that_does_not_exist_reads_as_empty(client, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(URL_VARIABLE, str(tmp_path / "none.db"))
    assert client.get("/api/ledger/2024/events").json() == {"year": 2024, "count": 0, "events": []}
    assert not (tmp_path / "none.db").exists()
