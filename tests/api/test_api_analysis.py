"""Analytics endpoints: tipping point, paths, power, minimum votes (hand-derived from certified counts)."""

from __future__ import annotations

import json

import pytest

# 2020 certified results (state canvasses): Biden - Trump two-party leads in the closest states.
LEADS_2020 = {"AZ": 10457, "GA": 11779, "WI": 20682}


def test_tipping_point_2020(client, run_cli) -> None:
    doc = client.get("/api/elections/2020/tipping-point?margin=two-party").json()
    assert doc["tipping_point"] == "WI" and doc["favours"] == "Donald Trump" and doc["margin_definition"] == "two-party"
    # Wisconsin: Biden 1,630,866, Trump 1,610,184; nation: Biden 81,283,501, Trump 74,223,975 (FEC).
    wi = (1630866 - 1610184) / (1630866 + 1610184)
    nation = (81283501 - 74223975) / (81283501 + 74223975)
    assert doc["tipping_margin"] == pytest.approx(wi, abs=1e-6)
    assert doc["bias"] == pytest.approx(wi - nation, abs=2e-4)
    assert doc["rows"][-1]["cumulative"] == 306
    assert doc == json.loads(run_cli("tipping-point", "2020", "--margin", "two-party", "--json").stdout)


@pytest.mark.parametrize(("margin", "unit"), [(None, "CO"), ("all", "CO"), ("two-party", "PA")])
def test_tipping_point_margin_parameter(client, run_cli, margin: str | None, unit: str) -> None:
    query = f"?margin={margin}" if margin else ""
    doc = client.get(f"/api/elections/2012/tipping-point{query}").json()
    assert doc["tipping_point"] == unit and doc["margin_definition"] == (margin or "all")
    assert doc == json.loads(run_cli("tipping-point", "2012", "--margin", margin or "all", "--json").stdout)
    swings = client.get(f"/api/elections/2012/smallest-swings{query}").json()["smallest_swings"]
    assert swings[0]["tipping_unit"] == unit and swings[0]["margin"] == (margin or "all")


def test_margin_is_an_enum_in_the_schema(client) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/elections/{year}/tipping-point", "/api/elections/{year}/smallest-swings"):
        parameter = next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "margin")
        assert parameter["schema"]["enum"] == ["all", "two-party"] and parameter["schema"]["default"] == "all"
    for model in ("WhatIfIn", "PathsIn"):
        assert schema["components"]["schemas"][model]["properties"]["margin"]["enum"] == ["all", "two-party"]


def test_paths_with_four_states_open(client) -> None:
    winners = {u["code"]: u["side"] for u in client.get("/api/elections/2020/map").json()["units"]}
    decided = {code: side for code, side in winners.items() if code not in ("PA", "GA", "AZ", "WI")}
    doc = client.post("/api/paths", json={"year": 2020, "decided": decided, "limit": 20}).json()
    # Biden holds 249, Trump 232; PA 20, GA 16, AZ 11, WI 10 open: 16 outcomes, counted by hand:
    # Biden needs 21 (11 subsets), Trump needs 38 (Biden keeps <= 19: 4 subsets), PA alone to Biden ties 269-269.
    assert sorted(doc["open_units"]) == ["AZ", "GA", "PA", "WI"] and doc["outcomes"] == 16
    biden, trump = doc["candidates"]
    assert (biden["decided_votes"], trump["decided_votes"]) == (249, 232)
    assert (biden["winning_outcomes"], trump["winning_outcomes"], doc["ties"]) == (11, 4, 1)
    assert sorted(map(sorted, biden["minimal_sets"])) == [["AZ", "GA"], ["AZ", "PA"], ["AZ", "WI"], ["GA", "PA"],
                                                          ["GA", "WI"], ["PA", "WI"]]


def test_power_2020(client) -> None:
    doc = client.get("/api/elections/2020/power").json()
    units = {u["unit"]: u for u in doc["units"]}
    assert doc["quota"] == 270 and doc["players"] == 56
    assert sum(u["banzhaf"] for u in units.values()) == pytest.approx(1)
    assert sum(u["shapley_shubik"] for u in units.values()) == pytest.approx(1)
    assert max(units.values(), key=lambda u: u["banzhaf"])["unit"] == "CA"
    assert units["WY"]["swings"] == units["DC"]["swings"]  # equal weights, equal power


def test_min_votes_2020(client) -> None:
    doc = client.get("/api/elections/2020/min-votes").json()
    deny = doc["changes"][0]
    # Moving lead // 2 + 1 voters in each of AZ, GA, WI gives 269-269.
    assert deny["votes"] == sum(lead // 2 + 1 for lead in LEADS_2020.values()) == 21461
    assert deny["after"] == [269, 269] and sorted(f["state"] for f in deny["flips"]) == sorted(LEADS_2020)


@pytest.mark.parametrize(("method", "path", "body", "status", "named"), [
    ("get", "/api/elections/1800/tipping-point", None, 422, "1800"),
    ("get", "/api/elections/2020/tipping-point?first=Nobody", None, 404, "Nobody"),
    ("get", "/api/elections/2021/power", None, 404, "2021"),
    ("get", "/api/elections/2020/power?quota=600", None, 422, "600"),
    ("get", "/api/elections/2020/min-votes?mode=bogus", None, 422, "bogus"),
    ("post", "/api/paths", {"year": 2020, "decided": {"PA": "X"}}, 422, "'X'"),
    ("post", "/api/paths", {"year": 2020, "decided": {"QQ": "R"}}, 422, "QQ"),
    ("post", "/api/paths", {"year": 2020, "limit": 1000}, 422, "limit"),
    ("get", "/api/elections/2020/tipping-point?margin=three-party", None, 422, "three-party"),
    ("get", "/api/elections/2020/smallest-swings?margin=half", None, 422, "half"),
    ("post", "/api/whatif", {"year": 2020, "swing": "R+1", "margin": "popular"}, 422, "popular"),
    ("post", "/api/paths", {"year": 2020, "margin": "popular"}, 422, "popular"),
])
def test_bad_input(client, assert_error, method: str, path: str, body, status: int, named: str) -> None:
    response = client.post(path, json=body) if method == "post" else client.get(path)
    assert_error(response, status, named)
