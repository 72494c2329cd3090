"""/api/years, /api/elections/{year}/map, /tally, /results against the official record."""

from __future__ import annotations

import pytest

from electoral.units import election_years


def test_years_are_every_election(client) -> None:
    years = client.get("/api/years").json()["years"]
    # 1789, then every fourth year from 1792 to the last in the data (House Clerk, "Electoral Votes for
    # President": 60 elections to 2024).
    assert years[0] == 1789 and years[-1] == election_years()[-1] >= 2024
    assert years[1:] == list(range(1792, years[-1] + 1, 4))


def test_map_2020(client) -> None:
    doc = client.get("/api/elections/2020/map").json()
    assert (doc["electors_appointed"], doc["majority_needed"]) == (538, 270)
    assert [(c["name"], c["side"], c["electoral_votes"]) for c in doc["candidates"]] == [
        ("Joe Biden", "D", 306), ("Donald Trump", "R", 232)]
    units = {u["code"]: u for u in doc["units"]}
    assert len(units) == 56 and sum(u["electoral_votes"] for u in units.values()) == 538
    # Split electoral votes in 2020 (Maine and Nebraska certificates of ascertainment).
    assert units["NE-2"]["side"] == "D" and units["ME-2"]["side"] == "R" and units["NE"]["side"] == "R"
    assert units["ME-2"]["name"] == "Maine district 2" and units["ME"]["name"] == "Maine at large"
    # Wisconsin certified: Biden 1,630,866, Trump 1,610,184 (Wisconsin Elections Commission canvass).
    assert units["WI"]["margin"] == pytest.approx((1630866 - 1610184) / (1630866 + 1610184), abs=1e-6)
    assert doc["margin_candidates"] == ["Joe Biden", "Donald Trump"]
    sides = {}
    for u in units.values():
        sides[u["side"]] = sides.get(u["side"], 0) + u["electoral_votes"]
    assert sides == {"D": 306, "R": 232}


def test_map_before_popular_vote(client) -> None:
    doc = client.get("/api/elections/1800/map").json()
    assert doc["electors_appointed"] == 138  # 1800: 138 electors, each casting two votes
    assert all(u["margin"] is None for u in doc["units"])  # legislatures chose most electors; no popular vote packaged
    assert {c["side"] for c in doc["candidates"] if c["name"] in ("Thomas Jefferson", "John Adams")} == {"D", "R"}


@pytest.mark.parametrize("year", [1789, 1820, 1864, 1872, 1912, 1968, 2016, 2024])
def test_map_every_unit_and_side_is_well_formed(client, year: int) -> None:
    doc = client.get(f"/api/elections/{year}/map").json()
    assert sum(u["electoral_votes"] for u in doc["units"]) == doc["electors_appointed"]
    assert all(u["side"] in ("D", "R", "O", None) for u in doc["units"])
    assert all(u["margin"] is None or -1 <= u["margin"] <= 1 for u in doc["units"])


def test_tally_is_the_cli_json(client, run_cli) -> None:
    import json

    api = client.get("/api/elections/2016/tally").json()
    cli = json.loads(run_cli("tally", "2016", "--json").stdout)
    assert api == cli
    # 2016: Trump 304, Clinton 227, seven faithless electors (Joint Session, Jan 6 2017).
    assert [(c["name"], c["electoral_votes"]) for c in api["candidates"][:2]] == [("Donald Trump", 304),
                                                                                   ("Hillary Clinton", 227)]


def test_tally_1824_no_majority(client) -> None:
    doc = client.get("/api/elections/1824/tally").json()
    assert doc["winner"] is None and doc["elected"] == "John Quincy Adams"
    assert doc["contingent"]["decided_by"] == "House of Representatives"


def test_results_one_state(client) -> None:
    doc = client.get("/api/elections/2020/results", params={"state": "ga"}).json()
    assert doc["state"] == "GA"
    votes = {r["candidate"]: r["popular_votes"] for r in doc["rows"]}
    # Georgia certified (after the hand recount): Biden 2,473,633, Trump 2,461,854.
    assert votes["Joe Biden"] == 2473633 and votes["Donald Trump"] == 2461854
    assert {r["candidate"]: r["electoral_votes"] for r in doc["rows"] if r["electoral_votes"]} == {"Joe Biden": 16}


def test_results_all_states(client) -> None:
    doc = client.get("/api/elections/1860/results").json()
    assert doc["state"] is None
    assert sum(r["electoral_votes"] for r in doc["rows"]) == 303  # 1860: 303 electors, all voted


@pytest.mark.parametrize("path, named", [
    ("/api/elections/2023/map", "2023"), ("/api/elections/1787/tally", "1787"),
    ("/api/elections/2020/results?state=ZZ", "ZZ"), ("/api/elections/1789/results?state=NY", "NY"),
])
def test_unknown_year_or_state_is_404(client, assert_error, path: str, named: str) -> None:
    assert_error(client.get(path), 404, named)


def test_year_not_a_number_is_422(client, assert_error) -> None:
    assert_error(client.get("/api/elections/twenty/tally"), 422, "twenty", "year")
