"""``electoral tipping-point``, ``paths``, ``min-votes`` and ``power`` as a user runs them."""

from __future__ import annotations

import json

import pytest


def test_tipping_point_2020(run_cli) -> None:
    out = run_cli("tipping-point", "2020")
    assert out.returncode == 0, out.stderr
    assert "tipping point: WI" in out.stdout and "toward" in out.stdout and "Donald Trump" in out.stdout
    data = json.loads(run_cli("tipping-point", "2020", "--json").stdout)
    assert data["tipping_point"] == "WI" and data["winner"] == "Joe Biden" and len(data["rows"]) == 56
    assert -0.0395 < data["bias"] < -0.038 and data["favours"] == "Donald Trump"


def test_tipping_point_margin_definitions(run_cli) -> None:
    # 2012: Colorado by the published convention (shares of all votes), Pennsylvania two-party
    default = json.loads(run_cli("tipping-point", "2012", "--json").stdout)
    two = json.loads(run_cli("tipping-point", "2012", "--margin", "two-party", "--json").stdout)
    assert (default["tipping_point"], default["margin_definition"]) == ("CO", "all")
    assert (two["tipping_point"], two["margin_definition"]) == ("PA", "two-party")
    table = run_cli("tipping-point", "2012", "--margin", "Two-Party")
    assert table.returncode == 0 and "tipping point: PA" in table.stdout and "two-party votes" in table.stdout


@pytest.mark.parametrize("margin", ["all", "two-party"])
def test_whatif_smallest_swing_uses_the_tipping_point_definition(run_cli, margin: str) -> None:
    whatif = json.loads(run_cli("whatif", "2012", "--flip", "OH", "--margin", margin, "--json").stdout)
    tipping = json.loads(run_cli("tipping-point", "2012", "--margin", margin, "--json").stdout)
    first = whatif["smallest_swings"][0]
    assert whatif["scenario"]["margin"] == first["margin"] == margin
    assert first["tipping_unit"] == tipping["tipping_point"]
    assert first["points"] == pytest.approx(100 * tipping["tipping_swing"])


def test_paths_with_decided_states(run_cli) -> None:
    out = run_cli("paths", "2020", "--decided", "PA=R,GA=D", "--limit", "2", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["decided"] == {"GA": "Joe Biden", "PA": "Donald Trump"} and data["outcomes"] == 2**54
    biden, trump = data["candidates"]
    assert biden["winning_outcomes"] + trump["winning_outcomes"] + data["ties"] == 2**54
    assert len(biden["minimal_sets"]) == 2 and trump["decided_votes"] == 20
    table = run_cli("paths", "2020", "--decided", "pa=republican")
    assert table.returncode == 0 and "Winning outcomes" in table.stdout


def test_min_votes_2020(run_cli) -> None:
    data = json.loads(run_cli("min-votes", "2020", "--json").stdout)
    deny = data["changes"][0]
    assert [f["state"] for f in deny["flips"]] == ["AZ", "GA", "WI"]
    assert deny["margin_votes"] == 42_918 and deny["votes"] == 21_461
    assert 0.15 < data["smallest_share"]["share"] < 0.25
    table = run_cli("min-votes", "2020", "--mode", "added")
    assert table.returncode == 0 and "42,921" in table.stdout


def test_power_2024(run_cli) -> None:
    data = json.loads(run_cli("power", "2024", "--json").stdout)
    assert data["quota"] == 270 and data["players"] == 56
    assert abs(sum(u["banzhaf"] for u in data["units"]) - 1) < 1e-9
    table = run_cli("power", "2024", "--set", "CA=60", "--quota", "300")
    assert table.returncode == 0 and "quota 300 of 544" in table.stdout


@pytest.mark.parametrize(
    ("args", "bad"),
    [
        (("paths", "2020", "--decided", "PA=R,PA=D"), "PA"),  # decided twice
        (("paths", "2020", "--decided", "ME2=R,ME-2=D"), "ME-2"),  # twice, spelled two ways
        (("paths", "2020", "--decided", "ZZ=R"), "ZZ"),  # unknown state
        (("paths", "2020", "--decided", "PA=Q"), "Q"),  # unknown side
        (("paths", "2020", "--decided", "PA"), "PA"),  # malformed
        (("paths", "2020", "--limit", "zero"), "zero"),
        (("paths", "1800"), "1800"),  # a year without popular votes
        (("tipping-point", "2021"), "2021"),  # a year without an election
        (("tipping-point", "1796"), "1796"),
        (("tipping-point", "2020", "--margin", "three-party"), "three-party"),
        (("paths", "2020", "--margin", "popular"), "popular"),
        (("whatif", "2020", "--swing", "R+1", "--margin", "half"), "half"),
        (("min-votes", "2020", "--mode", "bribed"), "bribed"),
        (("min-votes", "twenty"), "twenty"),
        (("power", "2024", "--set", "CA=-5"), "-5"),
        (("power", "2024", "--quota", "9999"), "9999"),
    ],
)
def test_bad_input_is_one_line_exit_2(run_cli, args: tuple[str, ...], bad: str) -> None:
    out = run_cli(*args)
    assert out.returncode == 2, out.stdout
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and bad in lines[0]
