"""``GET /api/contingent/{year}`` and ``POST /api/contingent``: the same document as the CLI's --json."""

from __future__ import annotations

from electoral.contingent import contingent_election
from electoral.output.contingent import ContingentOut, contingent_doc
from electoral.scenario import Scenario


def test_post_what_if_matches_the_library(client) -> None:
    body = {"year": 2020, "flips": {"GA": None, "AZ": None, "WI": None}}
    response = client.post("/api/contingent", json=body)
    assert response.status_code == 200, response.text
    doc = ContingentOut.model_validate(response.json())
    expected = contingent_doc(contingent_election(2020, Scenario(2020, flips=body["flips"])))
    assert doc == expected
    assert doc.house.by_majority["rep"] == 27 and doc.president == "Donald Trump" and doc.vice_president == "Mike Pence"


def test_get_year_and_tie(client) -> None:
    record = client.get("/api/contingent/1800").json()
    assert [b["ballot"] for b in record["recorded"]] == ["1-35", "36"]
    assert record["recorded"][1]["chosen"] == "Thomas Jefferson"
    tie = client.get("/api/contingent/2020", params={"tie": "true"}).json()
    assert tie["what_if"] == {"flips": {"AZ": None, "GA": None, "WI": None}} and tie["house"]["needed"] == 26


def test_errors_name_the_bad_value(client, assert_error) -> None:
    assert_error(client.get("/api/contingent/2023"), 404, "2023")
    assert_error(client.get("/api/contingent/1789"), 422, "1st Congress")
    assert_error(client.post("/api/contingent", json={"year": 2020, "flips": {"ZZ": None}}), 422, "ZZ")
    assert_error(client.post("/api/contingent", json={"year": 2020, "house_size": 600}), 422, "re-apportion")


def test_a_what_if_with_faithless_electors_then_the_delegations_the_map_needs(client) -> None:
    # Washington voids a faithless vote from 2020 (its UFPEA): still 269-269, the House decides
    body = {"year": 2020, "flips": {"GA": None, "AZ": None, "WI": None}, "faithless": {"WA": "1"}}
    doc = client.post("/api/contingent", json=body).json()
    assert doc["what_if"]["faithless"] == {"WA": {"electors": 1, "to": None}}
    assert any(n.startswith("faithless WA") and "voided" in n for n in doc["what_if_notes"])
    delegations = {d["state"]: d for d in doc["house"]["delegations"]}
    assert len(delegations) == 50 and "DC" not in delegations  # DC has no vote in the House
    assert {d["majority"] for d in delegations.values()} <= {"dem", "rep", "other", None}
    assert all(d["dem"] + d["rep"] + d["other"] + (d["vacant"] or 0) == d["seats"] for d in delegations.values()
               if d["seats"] is not None)


def test_bad_faithless_and_compact_values_are_named(client, assert_error) -> None:
    assert_error(client.post("/api/whatif", json={"year": 2020, "faithless": {"WA": "x"}}), 422, "WA=x")
    assert_error(client.post("/api/whatif", json={"year": 2020, "faithless": {"WA": "13"}}), 422, "WA=13")
    assert client.post("/api/whatif", json={"year": 2020, "compact": "some"}).status_code == 422
