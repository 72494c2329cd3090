"""The ledger endpoints over the packaged historical ledgers (no database named)."""

from __future__ import annotations


def test_status_2020_from_the_packaged_ledger(client, monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("ELECTORAL_LEDGER_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    doc = client.get("/api/ledger/2020/status", params={"as_of": "2020-12-15"}).json()
    assert doc["ledger"] == "packaged" and doc["cast"] == {"Joe Biden": 306, "Donald Trump": 232}
    units = {u["unit"]: u for u in doc["units"]}
    assert units["GA"]["stage"] == "electors_voted" and units["GA"]["leader"] == "Joe Biden"
    calls = client.get("/api/ledger/2020/events", params={"unit": "PA", "kind": "race_call", "actor": "AP"}).json()
    assert [e["effective"] for e in calls["events"]] == ["2020-11-07T11:25:00-05:00"]


def test_a_bad_moment_is_a_4xx_naming_it(client, assert_error, monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("ELECTORAL_LEDGER_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert_error(client.get("/api/ledger/2020/status", params={"as_of": "2020-11-25T12:00"}), 422, "2020-11-25T12:00")


def test_the_desk_chooses_whose_calls_project(client, assert_error, monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("ELECTORAL_LEDGER_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    at = {"as_of": "2020-11-05"}
    every = client.get("/api/ledger/2020/status", params=at).json()["projected"]
    ddhq = client.get("/api/ledger/2020/status", params={**at, "desk": "decision desk hq"}).json()["projected"]
    assert ddhq != every and sum(ddhq.values()) < sum(every.values())  # one desk called fewer states by then
    assert_error(client.get("/api/ledger/2020/status", params={**at, "desk": "FOO"}), 422, "FOO")


def test_an_unknown_query_parameter_is_refused(client, assert_error, monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("ELECTORAL_LEDGER_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert_error(client.get("/api/ledger/2020/status", params={"dsk": "AP"}), 422, "dsk")
    assert_error(client.get("/api/ledger/2020/events", params={"units": "PA"}), 422, "units")


def test_an_unknown_unit_filter_is_422(client, assert_error, monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("ELECTORAL_LEDGER_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert_error(client.get("/api/ledger/2020/events", params={"unit": "XX"}), 422, "XX")
    assert_error(client.get("/api/ledger/1988/events", params={"unit": "NE-2"}), 422, "NE-2")
    assert client.get("/api/ledger/2020/events", params={"unit": "NE-2"}).status_code == 200


def test_ledger_times_share_one_iso_parser(client, assert_error, monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("ELECTORAL_LEDGER_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    status = lambda at: client.get("/api/ledger/2020/status", params={"as_of": at}).json()["as_of"]  # noqa: E731
    assert status("20201107") == status("2020-W45-6") == status("2020-11-07") == "2020-11-07T23:59:59.999999-05:00"
    assert status("0001-01-01").endswith("-05:00")  # never New York's local mean time (-04:56)
    # Georgia finished its second recount and recertified on 7 December 2020: a bare day bounds both sides.
    found = client.get("/api/ledger/2020/events", params={"unit": "GA", "since": "2020-12-07", "until": "20201207"})
    assert {e["effective"][:10] for e in found.json()["events"]} == {"2020-12-07"} and "recertified" in [
        e["kind"] for e in found.json()["events"]]
    assert_error(client.get("/api/ledger/2020/events", params={"since": "2020-12-07T10:00"}), 422, "no time zone")


def test_a_negative_year_is_422_not_404(client, assert_error) -> None:
    assert_error(client.get("/api/ledger/-4/status"), 422, "-4")
