"""Request values are read strictly: JSON booleans and strings are not numbers, a year in a URL is ASCII
digits, and the OpenAPI schema states the bounds and enums the server enforces."""

from __future__ import annotations

import pytest

from electoral.limits import LIMITS
from electoral.rules.apportionment import METHODS
from electoral.units import election_years


@pytest.mark.parametrize(("path", "body", "bad"), [
    ("/api/scenario", {"year": True}, "year"),
    ("/api/scenario", {"year": "2020"}, "year"),
    ("/api/scenario", {"year": 2020.0}, "year"),
    ("/api/whatif", {"year": True}, "year"),
    ("/api/whatif", {"year": 2020, "blank": 1}, "blank"),
    ("/api/whatif", {"year": 2020, "house_size": True}, "house_size"),
    ("/api/whatif", {"year": 2020, "house_size": "600"}, "house_size"),
    ("/api/whatif", {"year": 2020, "apportionment_method": "bogus"}, "apportionment_method"),
    ("/api/paths", {"year": 2020, "limit": True}, "limit"),
    ("/api/probability/exact", {"year": True}, "year"),
    ("/api/probability/exact", {"year": 2020, "national": False}, "national"),
    ("/api/probability/exact", {"year": 2020, "df": True}, "df"),
    ("/api/probability/exact", {"year": 2020, "probabilities": {"PA": True}}, "PA"),
    ("/api/probability/simulate", {"year": 2020, "seed": False}, "seed"),
    ("/api/probability/simulate", {"year": 2020, "draws": True}, "draws"),
    ("/api/contingent", {"year": False}, "year"),
])
def test_booleans_and_strings_are_not_numbers(client, assert_error, path: str, body: dict, bad: str) -> None:
    assert_error(client.post(path, json=body), 422, bad)


def test_integers_are_still_numbers(client) -> None:
    answer = client.post("/api/probability/exact", json={"year": 2020, "national": 0, "probabilities": {"PA": 1}})
    assert answer.status_code == 200, answer.text


@pytest.mark.parametrize("path", [
    "/api/elections/2_020/tally", "/api/elections/2_020/map", "/api/elections/%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%90/tally",
    "/api/elections/+2020/results", "/api/calendar/2_020", "/api/status/2_020", "/api/elections/2_020/power",
    "/api/elections/2020/power?quota=2_70", "/api/apportion?census=2_020", "/api/apportion?seats=4_35",
    "/api/contingent/2_020", "/api/ledger/2_024/events",
])
def test_numbers_in_urls_are_ascii_digits(client, path: str) -> None:
    answer = client.get(path)
    assert 400 <= answer.status_code < 500, (path, answer.status_code)
    assert "error" in answer.json()


def _schema(client) -> dict:
    return client.get("/openapi.json").json()


def _body(schema: dict, name: str) -> dict:
    return schema["components"]["schemas"][name]["properties"]


def _param(schema: dict, path: str, name: str) -> dict:
    parameters = schema["paths"][path]["get"]["parameters"]
    return next(p["schema"] for p in parameters if p["name"] == name)


def _number(schema: dict) -> dict:
    return next((option for option in schema.get("anyOf", [schema]) if option.get("type") in ("number", "integer")),
                schema)


def test_schema_states_bounds_and_enums(client) -> None:
    schema = _schema(client)
    year = _body(schema, "ScenarioIn")["year"]
    assert (year["type"], year["minimum"], year["maximum"]) == ("integer", election_years()[0], election_years()[-1])
    probability = _body(schema, "ProbabilityIn")["probabilities"]["additionalProperties"]
    assert (probability["minimum"], probability["maximum"]) == (0, 1)
    assert _body(schema, "ProbabilityIn")["missing"]["enum"] == ["recorded", "even"]
    assert _number(_body(schema, "SimulateIn")["draws"])["maximum"] == LIMITS["api_draws"].value
    assert _number(_body(schema, "PathsIn")["limit"])["maximum"] == LIMITS["path_sets"].value
    method = _param(schema, "/api/apportion", "method")
    assert set(next(o for o in method["anyOf"] if "enum" in o)["enum"]) == set(METHODS)
    assert _param(schema, "/api/elections/{year}/min-votes", "mode")["enum"] == ["moved", "added"]
    assert _number(_param(schema, "/api/apportion", "seats"))["maximum"] == LIMITS["house_size"].value
