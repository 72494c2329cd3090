"""GET /api/calendar/{year} and /api/status/{year} against statutory and recorded dates."""

from __future__ import annotations

import json

import pytest


def _dates(doc: dict) -> dict[str, str]:
    return {s["step"]: s["date"] for s in doc["steps"]}


def test_calendar_2020(client) -> None:
    dates = _dates(client.get("/api/calendar/2020").json())
    # 3 U.S.C. 1, 5, 7 and 15 (as in force in 2020) and the 20th Amendment.
    assert dates["election_day"] == "2020-11-03" and dates["safe_harbor"] == "2020-12-08"
    assert dates["electors_meet"] == "2020-12-14" and dates["joint_session"] == "2021-01-06"
    assert dates["inauguration"] == "2021-01-20"


def test_calendar_2028_under_the_2022_act(client) -> None:
    doc = client.get("/api/calendar/2028").json()
    assert doc["statutory_only"] is True
    # Electoral Count Reform Act of 2022: electors meet the first Tuesday after the second Wednesday in December.
    assert _dates(doc)["electors_meet"] == "2028-12-19" and _dates(doc)["election_day"] == "2028-11-07"


def test_status_after_the_electors_voted(client) -> None:
    doc = client.get("/api/status/2020", params={"as_of": "2020-12-15"}).json()
    assert doc["stage"] == "electors_voted" and doc["confirmed_by"] == "electors"
    assert doc["tally"]["winner"] == "Joe Biden" and doc["next_step"]["date"] == "2021-01-06"
    assert [s["step"] for s in doc["steps"] if s["reached"]] == ["election_day", "safe_harbor", "electors_meet"]


@pytest.mark.parametrize(("as_of", "stage"), [("1877-03-03", "counted"), ("1877-03-04", "inaugurated")])
def test_status_1876_the_term_began_on_4_march(client, run_cli, as_of: str, stage: str) -> None:
    # 1792 act, 12: the term began on 4 March 1877 (a Sunday), not at Hayes's private oath of 3 March
    doc = client.get("/api/status/1876", params={"as_of": as_of}).json()
    assert doc["stage"] == stage and _dates(doc)["inauguration"] == "1877-03-04"
    assert doc == json.loads(run_cli("status", "1876", "--as-of", as_of, "--json").stdout)


def test_status_before_election_day(client) -> None:
    doc = client.get("/api/status/2024", params={"as_of": "2024-10-01"}).json()
    assert doc["tally"] is None and doc["next_step"]["step"] == "election_day"
    assert doc["next_step"]["date"] == "2024-11-05"


@pytest.mark.parametrize(("path", "status", "named"), [
    ("/api/calendar/2022", 404, "2022"), ("/api/status/2021?as_of=2021-01-01", 404, "2021"),
    ("/api/status/2020?as_of=2020-13-01", 422, "2020-13-01"), ("/api/status/2020?as_of=1700-01-01", 422, "1700-01-01"),
    ("/api/calendar/soon", 422, "soon"),
])
def test_bad_year_or_date(client, assert_error, path: str, status: int, named: str) -> None:
    assert_error(client.get(path), status, named)
