"""POST /api/scenario: the map page's tally of clicked states."""

from __future__ import annotations


def _recorded_sides(client, year: int) -> dict[str, str]:
    return {u["code"]: u["side"] for u in client.get(f"/api/elections/{year}/map").json()["units"]}


def test_2020_as_recorded_then_269_269(client) -> None:
    winners = _recorded_sides(client, 2020)
    doc = client.post("/api/scenario", json={"year": 2020, "winners": winners}).json()
    assert doc["electoral_votes"] == {"D": 306, "R": 232, "O": 0} and doc["undecided"] == 0
    assert doc["winner"] == "D" and doc["majority_needed"] == 270
    # Georgia (16), Arizona (11) and Wisconsin (10) to Trump: 306 - 37 = 269 each, the House decides.
    winners.update(GA="R", AZ="R", WI="R")
    doc = client.post("/api/scenario", json={"year": 2020, "winners": winners}).json()
    assert doc["electoral_votes"] == {"D": 269, "R": 269, "O": 0} and doc["winner"] is None
    assert doc["outcome"].startswith("no majority: the House chooses (12th Amendment)")


def test_unlisted_units_are_undecided(client) -> None:
    doc = client.post("/api/scenario", json={"year": 2020, "winners": {"CA": "D", "ME-2": "R"}}).json()
    # California 55, Maine's 2nd district 1 (2020 allotment, 2010 census).
    assert doc["electoral_votes"] == {"D": 55, "R": 1, "O": 0} and doc["undecided"] == 538 - 56
    assert doc["winner"] is None and "undecided" in doc["outcome"]


def test_empty_map(client) -> None:
    doc = client.post("/api/scenario", json={"year": 1789}).json()
    # 1789: 73 electors appointed (69 voted; two in Maryland and two in Virginia did not).
    assert doc["undecided"] == 73 and doc["majority_needed"] == 37


def test_bad_unit_and_side(client, assert_error) -> None:
    assert_error(client.post("/api/scenario", json={"year": 2020, "winners": {"XX": "R"}}), 422, "XX")
    assert_error(client.post("/api/scenario", json={"year": 2020, "winners": {"PA": "Q"}}), 422, "PA", "Q")
    assert_error(client.post("/api/scenario", json={"year": 1788, "winners": {}}), 422, "1788")
    assert_error(client.post("/api/scenario", json={"year": 1964, "winners": {"NE-2": "R"}}), 422, "NE-2")
    assert_error(client.post("/api/scenario", content=b"{", headers={"content-type": "application/json"}), 422)
    assert_error(client.post("/api/scenario", json={"winners": {}}), 422, "year")
