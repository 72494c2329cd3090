"""``electoral contingent YEAR [--flip ...]`` as a user runs it."""

from __future__ import annotations

import json


def test_whatif_then_contingent_2020(run_cli) -> None:
    whatif = run_cli("whatif", "2020", "--flip", "GA,AZ,WI")
    assert whatif.returncode == 0 and "no majority" in whatif.stdout
    out = run_cli("contingent", "2020", "--flip", "GA,AZ,WI")
    assert out.returncode == 0, out.stderr
    text = " ".join(out.stdout.split())
    assert "House of the 117th Congress, seated 2021-01-03" in text
    assert "Democratic 20, Republican 27, split 3" in text and "26 needed" in text
    assert "House's choice on party lines: Donald Trump" in text and "no vote: MI, MN, PA" in text
    assert "Senate's choice on party lines: Mike Pence" in text and "51 of 100 needed" in text
    assert "│ PA │ 9 │ 9 │" in text and "split 9-9" in text


def test_contingent_json_is_the_api_model(run_cli) -> None:
    doc = json.loads(run_cli("contingent", "2020", "--flip", "GA,AZ,WI", "--json").stdout)
    assert doc["house"]["congress"] == 117 and doc["president"] == "Donald Trump"
    assert doc["vice_president"] == "Mike Pence" and doc["what_if"] == {"flips": {"GA": None, "AZ": None, "WI": None}}
    pa = next(d for d in doc["house"]["delegations"] if d["state"] == "PA")
    assert (pa["dem"], pa["rep"], pa["vote"]) == (9, 9, None)


def test_contingent_1824_shows_the_recorded_ballot(run_cli) -> None:
    out = run_cli("contingent", "1824")
    assert out.returncode == 0, out.stderr
    assert "John Quincy Adams 13" in out.stdout and "needed 13 of 24" in out.stdout


def test_contingent_tie_option(run_cli) -> None:
    doc = json.loads(run_cli("contingent", "2024", "--tie", "--json").stdout)
    assert doc["house"]["congress"] == 119 and doc["what_if"]["flips"] == {"AZ": None, "GA": None, "NC": None}


def test_contingent_errors_are_one_line(run_cli) -> None:
    for args, named in ((("2023",), "2023"), (("2020", "--flip", "ZZ"), "'ZZ'"), (("1789",), "1st Congress"),
                        (("2020", "--tie", "--flip", "GA"), "--tie")):
        out = run_cli("contingent", *args)
        assert out.returncode == 2 and out.stderr.startswith("error: ") and named in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_faithless_whatif_then_contingent(run_cli) -> None:
    # Washington voids a faithless vote from 2020: still 269-269, and the House decides as without it
    out = run_cli("contingent", "2020", "--flip", "GA,AZ,WI", "--faithless", "WA=1")
    assert out.returncode == 0, out.stderr
    text = " ".join(out.stdout.split())
    assert "faithless WA=1" in text and "vote voided and the elector replaced by law" in text
    assert "House's choice on party lines: Donald Trump" in text
    # Texas has no law: a counted defection gives Biden 270 before any contingent election
    counted = run_cli("whatif", "2020", "--flip", "GA,AZ,WI", "--faithless", "TX=1:Biden")
    assert counted.returncode == 0 and "Joe Biden wins with 270" in " ".join(counted.stdout.split())


def test_compact_and_faithless_errors_are_one_line(run_cli) -> None:
    for args, named in ((("--faithless", "WA=x"), "WA=x"), (("--compact", "some"), "some")):
        out = run_cli("whatif", "2024", *args)
        assert out.returncode == 2 and named in out.stderr and "Traceback" not in out.stderr


def test_eligible_candidates_read_plainly(run_cli) -> None:
    # 2016 under the compact for every state: Sanders's one faithless vote is "1 electoral vote", and a candidate
    # with no nomination is not written in doubled parentheses
    done = run_cli("contingent", "2016", "--compact", "all")
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    assert "Bernie Sanders (no presidential nomination, 1 electoral vote)" in text
    assert "((" not in text and "1 electoral votes" not in text
