"""POST /api/whatif: scenarios over the record, the same JSON as ``electoral whatif --json``."""

from __future__ import annotations

import json

import pytest


def _votes(doc: dict) -> dict[str, int]:
    return {c["name"]: c["electoral_votes"] for c in doc["tally"]["candidates"] if c["electoral_votes"]}


def test_flip_georgia_arizona_wisconsin(client) -> None:
    doc = client.post("/api/whatif", json={"year": 2020, "flips": {"GA": None, "AZ": None, "WI": None}}).json()
    # 2020 certified: Georgia 16, Arizona 11, Wisconsin 10 electors; 306 - 37 = 269.
    assert _votes(doc) == {"Joe Biden": 269, "Donald Trump": 269}
    assert doc["diff"]["no_majority"] is True and {f["unit"] for f in doc["diff"]["flipped"]} == {"GA", "AZ", "WI"}
    assert doc["actual"]["winner"] == "Joe Biden"


def test_uniform_swing(client) -> None:
    doc = client.post("/api/whatif", json={"year": 2020, "swing": "R+1.5"}).json()
    # Certified 2020 margins under 1.5 points: GA 0.24, AZ 0.31, WI 0.63, PA 1.16 (16 + 11 + 10 + 20 = 57).
    assert _votes(doc) == {"Donald Trump": 232 + 57, "Joe Biden": 306 - 57}
    assert doc["diff"]["winner_changed"] is True


def test_popular_vote_compact_2016(client) -> None:
    # Clinton won the 2016 national popular vote by 2,868,686 (FEC, Federal Elections 2016).
    doc = client.post("/api/whatif", json={"year": 2016, "method": "npvic"}).json()
    assert doc["tally"]["winner"] == "Hillary Clinton"


def test_reapportioned_house(client) -> None:
    # Re-apportionments run off the event loop: the answer must be the same as any other what-if's.
    # 600 seats + 100 senators + DC's 3 = 703 electors, so 352 are needed (the 23rd Amendment keeps DC at 3).
    doc = client.post("/api/whatif", json={"year": 2020, "house_size": 600}).json()
    assert doc["tally"]["electors_appointed"] == 703 and doc["tally"]["majority_needed"] == 352
    assert sum(_votes(doc).values()) == 703  # 2020 had no faithless electors: every elector is counted
    units = {u["unit"]: u["electors"] for u in doc["units"]}
    assert units["DC"] == 3 and units["WY"] >= 3


@pytest.mark.parametrize("body", [
    {"year": 2020, "flips": {"NE-2": None, "ME-2": None, "PA": "Trump"}},
    {"year": 2016, "swing": "D+1"},
    {"year": 1976, "blank": True, "flips": {"CA": "Ford"}},
    {"year": 2024, "add_states": {"PR": None}, "flips": {"PR": "D"}, "remove": ["DC"]},
])
def test_same_json_as_the_library(client, body) -> None:
    # the API embeds the record's units pre-encoded; the document must not differ from the library's
    from electoral.api.routes.scenario import scenario_of
    from electoral.api.schemas import WhatIfIn
    from electoral.output.base import document
    from electoral.output.scenario import whatif_out
    from electoral.scenario import run

    expected = json.loads(json.dumps(document(whatif_out(run(scenario_of(WhatIfIn.model_validate(body)))))))
    assert client.post("/api/whatif", json=body).json() == expected


def test_same_json_as_the_cli(client, run_cli) -> None:
    api = client.post("/api/whatif", json={"year": 2020, "flips": {"GA": None}}).json()
    cli = json.loads(run_cli("whatif", "2020", "--flip", "GA", "--json").stdout)
    swings = client.get("/api/elections/2020/smallest-swings").json()
    assert api == {k: v for k, v in cli.items() if k != "smallest_swings"}
    assert swings["smallest_swings"] == cli["smallest_swings"]


def test_smallest_swing_2020(client) -> None:
    first = client.get("/api/elections/2020/smallest-swings?margin=two-party").json()["smallest_swings"][0]
    # Wisconsin certified: Biden 1,630,866, Trump 1,610,184: a 0.638-point two-party margin.
    assert first["tipping_unit"] == "WI" and first["toward"] == "Donald Trump"
    assert first["points"] == pytest.approx(100 * (1630866 - 1610184) / (1630866 + 1610184), abs=1e-3)


@pytest.mark.parametrize(("body", "named"), [
    ({"year": 1800}, "1800"), ({"year": 2020, "flips": {"ZZ": None}}, "ZZ"),
    ({"year": 2020, "swing": "sideways"}, "sideways"), ({"year": 2020, "method": "bogus"}, "bogus"),
    ({"year": 2020, "add_states": {"PR": -5}}, "-5"), ({"year": 2020, "add_states": {"Puerto Rico": 5}}, "Puerto Rico"),
    ({"year": 2020, "house_size": 0}, "house_size"), ({"year": 2020, "house_size": 10**6}, "1000000"),
    ({"year": 2020, "flips": {"TX": None}, "remove": ["TX"]}, "TX is removed"),  # was a KeyError (500)
])
def test_bad_scenarios_are_422(client, assert_error, body: dict, named: str) -> None:
    assert_error(client.post("/api/whatif", json=body), 422, named)


def test_faithless_electors_follow_the_law_in_force(client) -> None:
    body = {"year": 2016, "faithless": {"CO": "1:John Kasich", "TX": "1:John Kasich"}}
    doc = client.post("/api/whatif", json=body).json()
    # Colorado voided Baca's Kasich vote in 2016; Texas, with no law, counted its elector's
    assert [(f["state"], f["counted"]) for f in doc["faithless"]] == [("CO", False), ("TX", True)]
    assert _votes(doc)["John Kasich"] == 2


@pytest.mark.parametrize("faithless", [{"TX": "1:Nobody"}, {"TX": "1:Trump"}, {"TX": "1:Biden:x"}])
def test_a_faithless_vote_for_no_one_known_or_the_pledged_one_is_422(client, faithless) -> None:
    response = client.post("/api/whatif", json={"year": 2020, "faithless": faithless})
    assert response.status_code == 422 and "TX" in response.json()["error"]


@pytest.mark.parametrize(("path", "body", "field"), [
    ("/api/whatif", {"faithless": {"TX": "99"}}, "faithless TX=99:"),
    ("/api/whatif", {"faithless": {"TX": "1:A:b"}}, "faithless: "),
    ("/api/whatif", {"flips": {"GA": "Nobody"}}, "flips GA:"),
    ("/api/whatif", {"state_swings": {"PA": "Nobody+2"}}, "state_swings PA:"),
    ("/api/contingent", {"faithless": {"WA": "1:Biden"}}, "faithless WA=1:Joe Biden: "),
])
def test_errors_name_the_json_field_not_a_command_line_flag(client, path, body, field) -> None:
    response = client.post(path, json={"year": 2020, **body})
    error = response.json()["error"]
    assert response.status_code == 422 and error.startswith(field) and "--" not in error


def test_compact_members_of_2024_as_if_in_force(client) -> None:
    doc = client.post("/api/whatif", json={"year": 2024, "compact": "as-if"}).json()
    assert doc["compact"]["electoral_votes"] == 209 and doc["compact"]["active"] is False
    assert _votes(doc) == {"Donald Trump": 520, "Kamala Harris": 18}
