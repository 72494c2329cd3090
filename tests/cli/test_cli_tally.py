"""``electoral tally`` and ``electoral results`` as a user runs them."""

from __future__ import annotations

import json

import pytest


def test_tally_2020_table(run_cli) -> None:
    out = run_cli("tally", "2020")
    assert out.returncode == 0, out.stderr
    assert "Joe Biden" in out.stdout and "306" in out.stdout and "232" in out.stdout
    assert "Joe Biden wins with 306 electoral votes of 538; 270 needed" in out.stdout


def test_tally_2020_json(run_cli) -> None:
    out = run_cli("tally", "2020", "--json")
    data = json.loads(out.stdout)
    assert data["year"] == 2020 and data["electors_appointed"] == 538 and data["majority_needed"] == 270
    assert data["winner"] == "Joe Biden" and data["contingent"] is None
    first = data["candidates"][0]
    assert {"name", "party", "electoral_votes", "popular_votes"} <= set(first)
    assert [(c["name"], c["electoral_votes"]) for c in data["candidates"][:2]] == [("Joe Biden", 306), ("Donald Trump", 232)]


def test_tally_1824_goes_to_the_house(run_cli) -> None:
    data = json.loads(run_cli("tally", "1824", "--json").stdout)
    assert data["winner"] is None
    assert data["contingent"]["chosen"] == "John Quincy Adams"
    assert data["contingent"]["reason"] == "no majority: the House chooses (12th Amendment)"


def test_results_state(run_cli) -> None:
    data = json.loads(run_cli("results", "2016", "--state", "tx", "--json").stdout)
    ev = {r["candidate"]: r["electoral_votes"] for r in data["rows"] if r["electoral_votes"]}
    assert ev == {"Donald Trump": 36, "John Kasich": 1, "Ron Paul": 1}
    table = run_cli("results", "2020")
    assert table.returncode == 0 and "WY" in table.stdout


@pytest.mark.parametrize(
    ("args", "bad"),
    [(("tally", "2023"), "2023"), (("tally", "1787"), "1787"), (("results", "2020", "--state", "ZZ"), "ZZ"),
     (("tally", "abc"), "abc"), (("results", "twenty"), "twenty")],
)
def test_bad_input_is_one_line_exit_2(run_cli, args: tuple[str, ...], bad: str) -> None:
    out = run_cli(*args)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and bad in lines[0]
