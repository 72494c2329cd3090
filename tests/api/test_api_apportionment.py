"""GET /api/apportion and /api/apportion/methods against published apportionments."""

from __future__ import annotations

import json

import pytest


def test_2020_as_the_census_bureau_published(client) -> None:
    doc = client.get("/api/apportion", params={"census": 2020, "seats": 435, "method": "huntington-hill"}).json()
    seats = {s["state"]: s["seats"] for s in doc["states"]}
    # Census Bureau, 2020 Census Apportionment Results, Table 1.
    assert (seats["CA"], seats["TX"], seats["FL"], seats["NY"], seats["MT"], seats["WY"]) == (52, 38, 28, 26, 2, 1)
    assert sum(seats.values()) == 435 and len(seats) == 50
    # Minnesota won seat 435; New York would have had the 436th (it fell 89 residents short).
    assert doc["last_seat"]["state"] == "MN" and doc["next_in_line"]["state"] == "NY"
    defaults = client.get("/api/apportion").json()  # the defaults are the law in force ...
    assert defaults.pop("statutory_seats_added") and not doc.pop("statutory_seats_added")  # ... with its statutes
    assert defaults == doc
    assert doc["tie"] is None  # no real apportionment met an exact tie at the last seat


@pytest.mark.parametrize("args", [("2020",), ("1870",), ("1880", "--seats", "300", "--method", "hamilton"),
                                  ("2020", "--seats", "400", "--method", "webster")])
def test_same_json_as_the_cli(client, run_cli, args: tuple[str, ...]) -> None:
    params = {"census": args[0], **dict(zip(("seats", "method"), args[2::2]))}
    assert client.get("/api/apportion", params=params).json() == json.loads(run_cli("apportion", *args, "--json").stdout)


def test_alabama_paradox_1880(client) -> None:
    # Hamilton's method, 1880 census: Alabama gets 8 seats of 299 but 7 of 300 (the Alabama paradox).
    def alabama(size: int) -> int:
        doc = client.get("/api/apportion", params={"census": 1880, "seats": size, "method": "hamilton"}).json()
        return next(s["seats"] for s in doc["states"] if s["state"] == "AL")

    assert (alabama(299), alabama(300)) == (8, 7)


def test_methods_are_the_registry(client) -> None:
    from electoral.rules.apportionment import METHODS

    names = [m["name"] for m in client.get("/api/apportion/methods").json()["methods"]]
    assert sorted(names) == sorted(METHODS) and "huntington-hill" in names and "webster" in names


@pytest.mark.parametrize(("params", "status", "named"), [
    ({"census": 2021}, 404, "2021"), ({"census": 2020, "method": "bogus"}, 422, "bogus"),
    ({"census": 2020, "seats": 20}, 422, "20"), ({"census": 2020, "seats": 10_001}, 422, "10001"),
    ({"census": "nineteen"}, 422, "nineteen"),
])
def test_bad_parameters(client, assert_error, params: dict, status: int, named: str) -> None:
    assert_error(client.get("/api/apportion", params=params), status, named)
