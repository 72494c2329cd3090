"""Each CLI ``--json`` document equals the matching HTTP API response, for every year, key order included.

Both print the same output model (electoral.output); this proves the CLI's indented JSON and the API's
compact bytes are the same document, and that each is valid for its model (the OpenAPI schema's).
"""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from fastapi.testclient import TestClient

from electoral.api.app import create_app
from electoral.cli.app import main
from electoral.output.analysis import MinVotesOut, PathsOut, PowerOut, TippingPointOut
from electoral.output.probability import DistributionOut
from electoral.output.record import ResultsOut, TallyOut
from electoral.output.rules import ApportionmentOut, CalendarOut, StatusOut
from electoral.output.scenario import SwingsOut, WhatIfOut, WhatIfSwingsOut
from electoral.units import election_years

YEARS = list(election_years())


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


class Doc(list):
    """A JSON document parsed keeping key order (pairs; a dict compares equal whatever its order), with its text."""

    def __init__(self, text: str | bytes) -> None:
        super().__init__(json.loads(text, object_pairs_hook=list))
        self.text = text


def cli_json(*argv: str) -> Doc:
    """The command's --json document."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exit_:
        main([*argv, "--json"])
    assert exit_.value.code == 0, out.getvalue()
    return Doc(out.getvalue())


def ordered(response) -> Doc:
    assert response.status_code == 200, response.text
    return Doc(response.content)


def valid(model, doc: Doc) -> Doc:
    """``doc`` validates against ``model`` (the response model of the OpenAPI schema)."""
    model.model_validate_json(doc.text)
    return doc


@pytest.mark.parametrize("year", YEARS)
def test_record_and_calendar(client, year: int) -> None:
    y = str(year)
    assert valid(TallyOut, cli_json("tally", y)) == ordered(client.get(f"/api/elections/{y}/tally"))
    assert valid(ResultsOut, cli_json("results", y)) == ordered(client.get(f"/api/elections/{y}/results"))
    assert valid(CalendarOut, cli_json("calendar", y)) == ordered(client.get(f"/api/calendar/{y}"))
    as_of = f"{year + 1}-01-01"
    assert (valid(StatusOut, cli_json("status", y, "--as-of", as_of))
            == ordered(client.get(f"/api/status/{y}?as_of={as_of}")))


@pytest.mark.parametrize("year", [y for y in YEARS if y >= 1804])
def test_whatif(client, year: int) -> None:
    cli = dict(valid(WhatIfSwingsOut, cli_json("whatif", str(year))))  # top-level pairs
    swings = ordered(client.get(f"/api/elections/{year}/smallest-swings"))
    api = ordered(client.post("/api/whatif", json={"year": year}))
    assert valid(WhatIfOut, api) == [(k, v) for k, v in cli.items() if k != "smallest_swings"]
    assert valid(SwingsOut, swings) == [("year", year), ("smallest_swings", cli["smallest_swings"])]


def test_whatif_with_faithless_electors_and_the_compact(client) -> None:
    cli = dict(valid(WhatIfSwingsOut, cli_json("whatif", "2020", "--flip", "GA,AZ,WI", "--faithless",
                                               "TX=1:Biden,WA=1", "--compact", "as-if")))
    api = ordered(client.post("/api/whatif", json={"year": 2020, "flips": {"GA": None, "AZ": None, "WI": None},
                                                  "faithless": {"TX": "1:Biden", "WA": "1"}, "compact": "as-if"}))
    assert valid(WhatIfOut, api) == [(k, v) for k, v in cli.items() if k != "smallest_swings"]
    assert [dict(f)["counted"] for f in cli["faithless"]] == [True, False]  # Texas: no law; Washington: voids


@pytest.mark.parametrize("year", [y for y in YEARS if y >= 1828])
def test_analytics(client, year: int) -> None:
    y = str(year)
    for command, tail, model in (("tipping-point", "tipping-point", TippingPointOut),
                                 ("min-votes", "min-votes", MinVotesOut), ("power", "power", PowerOut)):
        assert valid(model, cli_json(command, y)) == ordered(client.get(f"/api/elections/{y}/{tail}")), command
    assert (valid(PathsOut, cli_json("paths", y, "--limit", "5"))
            == ordered(client.post("/api/paths", json={"year": year, "limit": 5})))


@pytest.mark.parametrize("census", [1790, 1880, 1910, 1950, 2000, 2020])
def test_apportion(client, census: int) -> None:
    assert (valid(ApportionmentOut, cli_json("apportion", str(census)))
            == ordered(client.get(f"/api/apportion?census={census}")))


@pytest.mark.parametrize("national", ["0", "0.6"])
def test_exact_odds(client, national: str) -> None:
    cli = cli_json("odds", "example-2020", "--exact", "--national", national)
    api = client.post("/api/probability/exact",
                      json={"year": 2020, "preset": "example-2020", "national": float(national)})
    assert valid(DistributionOut, cli) == ordered(api)


def test_simulated_odds(client) -> None:
    cli = cli_json("simulate", "example-2020", "-n", "5000", "--seed", "7", "--correlation", "economist")
    api = client.post("/api/probability/simulate", json={"year": 2020, "preset": "example-2020", "draws": 5000,
                                                          "seed": 7, "correlation": "economist"})
    assert valid(DistributionOut, cli) == ordered(api)
