"""Feeds: the own format (JSON lines, CSV with the kit's columns), AP-shaped pages from files and URLs, replay."""

from __future__ import annotations

import json

import httpx
import orjson
import pytest

from electoral.errors import InvalidInput, UnknownUnit
from electoral.ledger.events import make_event
from electoral.ledger.feeds import APCalls, event_record, pages, read_ap, read_own, read_source, replay

KIT_CSV = """year,unit,event,date,time,tz,actor,winner,detail,source_url,source_title,confidence
2020,MT,certified,2020-11-30,16:00,America/Denver,Montana Board of State Canvassers,Trump,Board met,https://example.org/mt,Montana certifies,high
2000,FL,litigation_decided,2000-12-12,22:00,America/New_York,U.S. Supreme Court,Bush,Bush v. Gore,https://example.org/bvg,Opinion,high
2016,WI,recertified,2016-12-12,,,Wisconsin Elections Commission,Trump,after the recount,https://example.org/wi,WEC,medium
"""


def test_kit_rows_map_onto_events():
    mt, fl, wi = read_own(KIT_CSV, "csv")
    assert (mt.kind, mt.candidate, mt.effective.isoformat(), mt.source) == (
        "certified", "Donald Trump", "2020-11-30T16:00:00-07:00", "https://example.org/mt")
    assert mt.fields["confidence"] == "high" and mt.fields["source_title"] == "Montana certifies"
    assert fl.kind == "court_case_decided" and fl.year == 2000
    assert wi.fields["time_known"] is False and wi.effective.isoformat() == "2016-12-12T23:59:59-05:00"


def test_a_bad_row_is_named_by_its_line():
    bad = KIT_CSV.replace("2020,MT", "2020,MX")
    with pytest.raises(UnknownUnit, match="line 2: certified MX: unknown unit 'MX' for 2020"):
        read_own(bad, "csv")
    with pytest.raises(InvalidInput, match="line 2: not JSON"):
        read_own('{"year": 2020, "unit": "PA", "kind": "recount_started", "effective": "2020-11-20T10:00:00-05:00", '
                 '"actor": "PA"}\n{oops', "jsonl")
    with pytest.raises(InvalidInput, match="unknown CSV column 'colour'"):
        read_own("year,colour\n2020,red\n", "csv")


def test_what_events_json_prints_reads_back_as_the_same_events():
    events = read_own(KIT_CSV, "csv")
    lines = "\n".join(orjson.dumps(event_record(e)).decode() for e in events)
    again = read_own(lines, "jsonl")
    assert [(e.id, e.received, dict(e.fields)) for e in again] == [(e.id, e.received, dict(e.fields)) for e in events]


def _page(stamp: str, winner: dict | None = None, nxt: str | None = None, level: str = "state") -> dict:
    trump = {"first": "Donald", "last": "Trump", "voteCount": 100}
    harris = {"first": "Kamala", "last": "Harris", "voteCount": 90}
    trump.update(winner or {})
    doc = {"electionDate": "2024-11-05", "timestamp": stamp, "races": [
        {"officeID": "P", "statePostal": "WI", "reportingUnits": [
            {"level": level, "lastUpdated": stamp, "eevp": 90, "tabulationStatus": "Active Tabulation",
             "candidates": [trump, harris]}]},
        {"officeID": "S", "statePostal": "WI", "reportingUnits": []}]}
    if nxt:
        doc["nextrequest"] = nxt
    return doc


def test_an_overturned_winner_retracts_the_call_once():
    calls = APCalls()
    called = read_ap(_page("2024-11-06T10:34:00Z", {"winner": "X", "winnerDateTime": "2024-11-06T10:34:00Z"}), calls)
    assert [e.kind for e in called] == ["results_update", "race_call"]
    again = read_ap(_page("2024-11-06T10:40:00Z", {"winner": "X", "winnerDateTime": "2024-11-06T10:34:00Z"}), calls)
    assert [e.kind for e in again] == ["results_update"]  # the flag repeated: no second call
    flag = {"winner": "X", "winnerOverturned": True}
    undone = read_ap(_page("2024-11-06T11:00:00Z", flag), calls)
    assert [(e.kind, e.candidate) for e in undone] == [("results_update", None), ("call_retracted", "Donald Trump")]
    assert [e.kind for e in read_ap(_page("2024-11-06T11:05:00Z", flag), calls)] == ["results_update"]
    assert read_ap(_page("2024-11-06T11:05:00Z", level="county")) == []


def test_pages_from_a_url_follow_nextrequest_and_send_the_etag():
    seen = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.path, request.headers.get("if-none-match")))
        if request.url.path == "/v3/elections/2024-11-05":
            return httpx.Response(200, json=_page("2024-11-06T10:00:00Z", nxt="https://feed.test/v3/next?n=1"),
                                  headers={"ETag": '"a1"'})
        if request.headers.get("if-none-match") == '"a1"' and request.url.params.get("n") == "1":
            return httpx.Response(200, json=_page("2024-11-06T10:30:00Z", nxt="https://feed.test/v3/next?n=2"),
                                  headers={"ETag": '"b2"'})
        return httpx.Response(304)

    client = httpx.Client(transport=httpx.MockTransport(answer))
    got = list(pages("https://feed.test/v3/elections/2024-11-05", client=client))
    assert [p.doc["timestamp"] for p in got] == ["2024-11-06T10:00:00Z", "2024-11-06T10:30:00Z"]
    assert seen == [("/v3/elections/2024-11-05", None), ("/v3/next", '"a1"'), ("/v3/next", '"b2"')]


def test_test_mode_reads_local_files_only(tmp_path):
    with pytest.raises(InvalidInput, match="test mode reads local files only"):
        list(pages("https://feed.test/x", test=True))
    (tmp_path / "one.json").write_text(json.dumps(_page("2024-11-06T10:00:00Z", nxt="two.json")))
    (tmp_path / "two.json").write_text(json.dumps(_page("2024-11-06T10:10:00Z", nxt="one.json")))
    batches = list(read_source(str(tmp_path / "one.json"), "ap", test=True))
    assert len(batches) == 2  # the loop back to one.json ends the feed
    with pytest.raises(InvalidInput, match="does not exist"):
        list(read_source(str(tmp_path / "none.json"), "ap", test=True))


def test_replay_keeps_the_pace_of_the_night():
    night = [make_event(2020, "PA", "results_update", f"2020-11-04T0{h}:00:00-05:00", "AP",
                        fields={"votes": {"Biden": h, "Trump": 10}}) for h in (3, 1, 2)]
    clock = [0.0]
    waits, out = [], []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 6))
        clock[0] += seconds

    lag = replay(night, 3600, out.append, sleep=sleep, clock=lambda: clock[0])
    assert [e.fields["votes"]["Joe Biden"] for e in out] == [1, 2, 3] and waits == [1.0, 1.0] and lag == 0
    with pytest.raises(InvalidInput, match="speed must be above 0"):
        replay(night, 0, out.append)


def test_polling_asks_again_after_not_modified():
    answers = iter([httpx.Response(200, json=_page("2024-11-06T10:00:00Z", nxt="https://feed.test/next"),
                                   headers={"ETag": '"a"'}),
                    httpx.Response(304),
                    httpx.Response(200, json=_page("2024-11-06T10:01:00Z", nxt="https://feed.test/next"),
                                   headers={"ETag": '"b"'})])
    client = httpx.Client(transport=httpx.MockTransport(lambda request: next(answers)))
    naps = []
    got = list(pages("https://feed.test/first", client=client, poll=5, max_pages=3, sleep=naps.append))
    assert [p.doc["timestamp"] for p in got] == ["2024-11-06T10:00:00Z", "2024-11-06T10:01:00Z"] and naps == [5, 5]


def test_a_later_ingest_retracts_a_call_the_ledger_already_holds(tmp_path):
    from electoral.ledger.service import ingest, status
    from electoral.ledger.store import open_store

    (tmp_path / "a.json").write_text(json.dumps(_page("2024-11-06T10:34:00Z", {"winner": "X"})))
    (tmp_path / "b.json").write_text(json.dumps(_page("2024-11-06T11:00:00Z", {"winner": "X",
                                                                               "winnerOverturned": True})))
    store = open_store(str(tmp_path / "ledger.db"))
    ingest(store, str(tmp_path / "a.json"), "ap", test=True)
    assert status(store, 2024, "2024-11-06T10:50:00Z").projected == {"Donald Trump": 10}
    (appended,) = ingest(store, str(tmp_path / "b.json"), "ap", test=True)
    assert appended.stored == 2  # the results and the retraction
    assert status(store, 2024, "2024-11-06T11:30:00Z").projected == {}
    assert [r.stored for r in ingest(store, str(tmp_path / "b.json"), "ap", test=True)] == [0]
    store.close()
