"""POST /api/probability/exact and /simulate: odds from state probabilities, checked by counting."""

from __future__ import annotations

import pytest

TOSSUPS = {"PA": 0.5, "GA": 0.5, "AZ": 0.5, "WI": 0.5}


def test_four_tossups_by_hand(client) -> None:
    # 2020 as recorded except PA 20, GA 16, AZ 11, WI 10 at 50%: Biden holds 249 and needs 21 of the 57.
    # Of the 16 equally likely outcomes Biden wins 11, Trump 4 and one (PA alone to Biden) is 269-269.
    doc = client.post("/api/probability/exact", json={"year": 2020, "probabilities": TOSSUPS}).json()
    assert doc["p_win"]["D"] == pytest.approx(11 / 16) and doc["p_win"]["R"] == pytest.approx(4 / 16)
    assert doc["p_tie"] == pytest.approx(1 / 16)
    assert doc["histogram"][269] == pytest.approx(1 / 16) and len(doc["histogram"]) == 539
    units = {u["unit"]: u["p_D"] for u in doc["units"]}
    assert (units["CA"], units["TX"], units["PA"]) == (1.0, 0.0, 0.5)


def test_conditional_on_pennsylvania(client) -> None:
    # Given PA to Trump, Biden needs 21 of GA 16, AZ 11, WI 10: GA+AZ, GA+WI, AZ+WI, all three: 4 of 8.
    doc = client.post("/api/probability/exact",
                      json={"year": 2020, "probabilities": TOSSUPS, "given": {"PA": "R"}}).json()
    assert doc["p_win"]["D"] == pytest.approx(0.5) and doc["p_given"] == pytest.approx(0.5)


def test_all_even_tie_matches_the_path_count(client) -> None:
    # Two independent algorithms: the exact convolution and the paths dynamic program over 2^56 outcomes.
    odds = client.post("/api/probability/exact", json={"year": 2020, "missing": "even"}).json()
    paths = client.post("/api/paths", json={"year": 2020, "limit": 1}).json()
    assert odds["p_tie"] == pytest.approx(paths["ties"] / paths["outcomes"], rel=1e-9)
    assert odds["p_win"]["D"] == pytest.approx(odds["p_win"]["R"])


def test_national_swing_and_preset(client) -> None:
    doc = client.post("/api/probability/exact", json={"year": 2020, "preset": "example-2020", "national": 0.5}).json()
    assert doc["method"] == "exact-factor" and sum(doc["histogram"]) == pytest.approx(1)


def test_simulation_is_reproducible_and_close(client) -> None:
    body = {"year": 2020, "probabilities": TOSSUPS, "draws": 20_000, "seed": 7}
    first = client.post("/api/probability/simulate", json=body).json()
    assert first == client.post("/api/probability/simulate", json=body).json()
    assert first["draws"] == 20_000 and first["seed"] == 7
    assert abs(first["p_win"]["D"] - 11 / 16) < 5 * first["standard_error"]["D"]


def test_a_fresh_seed_is_reported_and_repeats_the_run(client) -> None:
    # the seed drawn for a request without one must be accepted back by the API (0 <= seed < 2**63)
    body = {"year": 2020, "probabilities": TOSSUPS, "draws": 2_000}
    first = client.post("/api/probability/simulate", json=body).json()
    assert 0 <= first["seed"] < 2**63
    again = client.post("/api/probability/simulate", json={**body, "seed": first["seed"]})
    assert again.status_code == 200 and again.json() == first


@pytest.mark.parametrize(("path", "body", "named"), [
    ("exact", {"year": 2020, "probabilities": {"PA": 1.5}}, "1.5"),
    ("exact", {"year": 2020, "probabilities": {"ZZ": 0.5}}, "ZZ"),
    ("exact", {"year": 1968}, "AL"),  # Wallace carried AL, AR, GA, LA, MS: they need probabilities
    ("exact", {"year": 2020, "preset": "/etc/passwd"}, "/etc/passwd"),
    ("exact", {"year": 2020, "given": {"CA": "R"}}, "CA=R"),
    ("exact", {"year": 2023}, "2023"),
    ("simulate", {"year": 2020, "draws": 200_001}, "200001"),
    ("simulate", {"year": 2020, "draws": 0}, "draws"),
])
def test_bad_input_is_422(client, assert_error, path: str, body: dict, named: str) -> None:
    assert_error(client.post(f"/api/probability/{path}", json=body), 422, named)


def test_preset_is_the_cli_odds(client, run_cli) -> None:
    import json

    api = client.post("/api/probability/exact", json={"year": 2020, "preset": "example-2020", "national": 0.5,
                                                      "given": {"PA": "R"}}).json()
    cli = json.loads(run_cli("odds", "example-2020", "--exact", "--national", "0.5", "--given", "PA=R",
                             "--json").stdout)
    assert api == cli
