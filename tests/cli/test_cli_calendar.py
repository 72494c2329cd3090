"""``electoral calendar`` and ``electoral status`` as a user runs them."""

from __future__ import annotations

import json

import pytest


def test_calendar_2020_json(run_cli) -> None:
    result = run_cli("calendar", "2020", "--json")
    assert result.returncode == 0, result.stderr
    steps = {s["step"]: s for s in json.loads(result.stdout)["steps"]}
    # CRS report RL32717 (2020); PBS NewsHour (20 Jan 2021).
    assert {k: v["date"] for k, v in steps.items()} == {
        "election_day": "2020-11-03", "safe_harbor": "2020-12-08", "electors_meet": "2020-12-14",
        "joint_session": "2021-01-06", "inauguration": "2021-01-20"}
    assert steps["joint_session"]["until"] == "2021-01-07" and steps["joint_session"]["source"]
    assert "3 U.S.C." in steps["electors_meet"]["citation"]


def test_calendar_2028_table_under_the_2022_act(run_cli) -> None:
    result = run_cli("calendar", "2028")
    assert result.returncode == 0, result.stderr
    for text in ("7 Nov 2028", "13 Dec 2028", "19 Dec 2028", "6 Jan 2029", "20 Jan 2029", "2022 act"):
        assert text in result.stdout


def test_status_after_the_electors_voted(run_cli) -> None:
    result = run_cli("status", "2020", "--as-of", "2020-12-15")
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    for text in ("electors voted on 14 Dec 2020", "Joe Biden 306", "Donald Trump 232", "270 of 538",
                 "majority reached by Joe Biden", "Next: joint session of Congress counts the votes", "6 Jan 2021"):
        assert text in out


def test_status_before_certification_json(run_cli) -> None:
    result = run_cli("status", "2020", "--as-of", "2020-11-10", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["stage"] == "counting" and data["tally"] is None
    # 2020 has a packaged ledger: by 10 Nov Oklahoma, South Carolina and Vermont had certified.
    assert "the electors had not yet voted" in data["summary"] and "not yet certified" not in data["summary"]
    assert {"OK", "SC", "VT"} <= set(data["ledger"]["certified_units"])
    assert data["next_step"]["step"] == "safe_harbor"


def test_status_json_carries_the_confirmed_tally(run_cli) -> None:
    data = json.loads(run_cli("status", "2020", "--as-of", "2020-12-15", "--json").stdout)
    votes = {c["name"]: c["electoral_votes"] for c in data["tally"]["candidates"]}
    assert votes["Joe Biden"] == 306 and data["tally"]["majority_needed"] == 270 and data["confirmed_by"] == "electors"


def test_status_1876_hayes_took_office_on_4_march_1877(run_cli) -> None:
    # 1792 act, 12 (R.S. 152): the term commenced "on the fourth day of March next succeeding" the
    # electors' vote. 4 March 1877 was a Sunday; Hayes's private oath of Saturday 3 March did not
    # end Grant's term.
    before = " ".join(run_cli("status", "1876", "--as-of", "1877-03-03").stdout.split())
    assert "counted by Congress" in before and "Next: term of office begins on 4 Mar 1877" in before
    summary = json.loads(run_cli("status", "1876", "--as-of", "1877-03-03", "--json").stdout)["summary"]
    assert "began" not in summary and summary.endswith("Next: term of office begins on 4 Mar 1877.")
    after = run_cli("status", "1876", "--as-of", "1877-03-04", "--json")
    doc = json.loads(after.stdout)
    assert doc["stage"] == "inaugurated" and doc["last_step"]["date"] == "1877-03-04"
    assert "The term of Rutherford B. Hayes began on 4 Mar 1877" in doc["summary"]
    table = run_cli("calendar", "1876", "--json")
    step = next(s for s in json.loads(table.stdout)["steps"] if s["step"] == "inauguration")
    assert step["date"] == "1877-03-04" and "Saturday 3 March" in step["note"]


@pytest.mark.parametrize("args, named", [
    (("status", "2020", "--as-of", "2020-02-30"), "2020-02-30"),
    (("status", "1789", "--as-of", "1788-01-01"), "1788-01-01"),
    (("status", "2022", "--as-of", "2022-11-08"), "2022"),
    (("calendar", "2023"), "2023"),
    (("calendar", "next"), "next"),
])
def test_bad_input_is_one_line_and_exit_code_2(run_cli, args: tuple[str, ...], named: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and named in lines[0]
    assert "Traceback" not in result.stderr
