"""``electoral apportion`` and ``electoral whatif`` as a user runs them."""

from __future__ import annotations

import json

import pytest


def test_apportion_2020_reproduces_the_census(run_cli) -> None:
    out = run_cli("apportion", "2020", "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    seats = {s["state"]: s["seats"] for s in doc["states"]}
    # Census Bureau, 2020 apportionment results
    assert [seats[s] for s in ("CA", "TX", "FL", "NY", "MT")] == [52, 38, 28, 26, 2]
    assert doc["method"] == "huntington-hill" and doc["house_size"] == 435 and doc["last_seat"]["state"] == "MN"
    assert all(doc["official"][s] == n for s, n in seats.items())
    table = run_cli("apportion", "2020")
    assert "reproduces the official apportionment seat for seat" in table.stdout


def test_apportion_reports_an_exact_tie_at_the_last_seat(run_cli) -> None:
    from electoral.rules.apportionment import census_populations

    # a 51st state exactly as populous as Minnesota ties with it at every seat; with 442 seats the
    # last one falls between them: reported, not silently given to whichever was listed first
    twin = f"PR={int(census_populations(2020).as_dict()['MN'])}"
    args = ("apportion", "2020", "--population", twin, "--seats", "442")
    doc = json.loads(run_cli(*args, "--json").stdout)
    assert doc["tie"]["states"] == ["MN", "PR"] and doc["tie"]["seats"] == 1 and doc["tie"]["given_to"] == ["MN"]
    assert doc["tie"]["decided_by_law"] is False
    table = run_cli(*args)
    assert table.returncode == 0 and "exact tie: MN, PR have equal claims to 1 seat" in " ".join(table.stdout.split())
    assert "exact tie" not in run_cli("apportion", "2020").stdout
    assert json.loads(run_cli("apportion", "2020", "--json").stdout)["tie"] is None


def test_apportion_alabama_paradox(run_cli) -> None:
    seats = {}
    for house in ("299", "300"):
        doc = json.loads(run_cli("apportion", "1880", "--seats", house, "--method", "hamilton", "--json").stdout)
        seats[house] = next(s["seats"] for s in doc["states"] if s["state"] == "AL")
    assert seats == {"299": 8, "300": 7}


def test_apportion_history_and_official_only(run_cli) -> None:
    history = run_cli("apportion")
    assert history.returncode == 0 and "1941" in history.stdout and "jefferson" in history.stdout
    old = run_cli("apportion", "1850")
    assert old.returncode == 0 and "234 seats" in old.stdout and "not" in old.stdout
    ignored = run_cli("apportion", "--seats", "500")  # an option with no census was silently ignored
    assert ignored.returncode == 2 and "give its year" in ignored.stderr and "Traceback" not in ignored.stderr


def test_whatif_flip_ties_2020(run_cli) -> None:
    out = run_cli("whatif", "2020", "--flip", "GA,AZ,WI")
    assert out.returncode == 0, out.stderr
    assert "269" in out.stdout and "no majority: the House chooses" in out.stdout
    assert "tipping" in out.stdout and "WI" in out.stdout  # the smallest swing that changes the winner


@pytest.mark.parametrize(("year", "winner"), [("2000", "Al Gore"), ("2016", "Hillary Clinton")])
def test_whatif_npvic_elects_the_popular_vote_winner(run_cli, year, winner) -> None:
    doc = json.loads(run_cli("whatif", year, "--method", "npvic", "--json").stdout)
    assert doc["tally"]["winner"] == winner and doc["diff"]["winner_changed"] is True


def test_whatif_swing_json(run_cli) -> None:
    doc = json.loads(run_cli("whatif", "2020", "--swing", "R+1.5", "--json").stdout)
    assert doc["tally"]["winner"] == "Donald Trump"
    assert sorted(f["unit"] for f in doc["diff"]["flipped"]) == ["AZ", "GA", "PA", "WI"]
    assert doc["smallest_swings"][0]["tipping_unit"] == "WI"


@pytest.mark.parametrize(("args", "needle"), [
    (("apportion", "2020", "--population", "PR=-5"), "-5"),
    (("apportion", "2020", "--population", "PR=many"), "many"),
    (("apportion", "2020", "--seats", "40", "--method", "webster"), "smaller than the 50 states"),
    (("apportion", "2020", "--method", "borda"), "borda"),
    (("whatif", "2020", "--flip", "GA,XX"), "XX"),
    (("whatif", "2020", "--swing", "R1.5"), "R1.5"),
    (("whatif", "2020", "--method", "borda"), "borda"),
    (("apportion", "2020", "--seats", "many"), "many"),
    (("whatif", "2020", "--faithless", "TX=99"), "--faithless TX=99:"),
    (("whatif", "2020", "--faithless", "TX=1:Nobody"), "--faithless TX:"),
    (("whatif", "2020", "--faithless", "TX=1:Biden:x"), "--faithless: "),
    (("whatif", "2020", "--flip", "GA=Nobody"), "--flip GA:"),
    (("whatif", "2020", "--state-swing", "PA=Nobody+2"), "--state-swing PA:"),
    (("contingent", "2020", "--faithless", "WA=1:Biden"), "--faithless WA=1:Joe Biden: "),
])
def test_bad_input_is_one_line_exit_2(run_cli, args, needle) -> None:
    out = run_cli(*args)
    assert out.returncode == 2
    assert out.stderr.startswith("error: ") and needle in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
