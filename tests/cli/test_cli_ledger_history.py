"""``electoral ledger status|events|plot`` over the packaged historical ledgers, with no database at all."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def no_database(monkeypatch, tmp_path):
    """No database named and an empty user data folder: the packaged ledger answers its years."""
    monkeypatch.delenv("ELECTORAL_LEDGER_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


def test_status_2020_as_of_25_november_needs_no_database(run_cli, no_database) -> None:
    result = run_cli("ledger", "status", "2020", "--as-of", "2020-11-25T12:00-05:00", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["ledger"] == "packaged" and doc["projected"] == {"Joe Biden": 306, "Donald Trump": 232}
    certified = {u["unit"]: u for u in doc["units"] if u["certified"]}
    assert sum(u["electors"] for u in certified.values()) == sum(doc["certified"].values())
    assert certified["PA"]["certified"] == "Joe Biden"
    assert not (no_database / "data" / "electoral" / "ledger.db").exists()  # reading created no database
    text = run_cli("ledger", "status", "2020", "--as-of", "2020-11-25T12:00-05:00")
    assert "projected: Joe Biden 306, Donald Trump 232" in text.stdout and "PA 20 Biden" in text.stdout


def test_the_moments_of_270_and_the_deadlines(run_cli, no_database) -> None:
    doc = json.loads(run_cli("ledger", "status", "2020", "--as-of", "2021-01-08", "--desk", "AP", "--json").stdout)
    first = {m["measure"]: m for m in doc["milestones"]}
    assert first["projected"]["at"] == "2020-11-07T11:25:00-05:00" and first["projected"]["units"] == ["PA"]
    assert first["certified"]["at"].startswith("2020-12-04") and "CA" in first["certified"]["units"]
    assert [d["step"] for d in doc["deadlines"]] == ["safe_harbor", "electors_meet", "joint_session"]
    later = json.loads(run_cli("ledger", "status", "2024", "--as-of", "2024-12-12", "--json").stdout)
    assert [d["step"] for d in later["deadlines"]][0] == "certificates"  # the 2022 act's certificate deadline


def test_a_named_database_is_never_replaced_by_the_packaged_ledger(run_cli, no_database) -> None:
    db = str(no_database / "empty.db")
    doc = json.loads(run_cli("ledger", "status", "2020", "--as-of", "2020-12-15", "--db", db, "--json").stdout)
    assert doc["ledger"] == "database" and doc["cast"] == {}


def test_events_of_a_packaged_year(run_cli, no_database) -> None:
    result = run_cli("ledger", "events", "2020", "--unit", "GA", "--kind", "recertified", "--json")
    [event] = json.loads(result.stdout)["events"]
    assert event["effective"].startswith("2020-12-07") and event["fields"]["time_known"] is False


def test_plot_writes_a_png(run_cli, no_database) -> None:
    out = no_database / "certified.png"
    result = run_cli("ledger", "plot", "2020", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plotting_a_ledger_without_electoral_votes_is_refused_and_writes_nothing(run_cli, no_database) -> None:
    out = no_database / "empty.png"
    result = run_cli("ledger", "plot", "2012", "--out", str(out))
    assert result.returncode == 2 and result.stderr.strip().splitlines() == [
        "error: nothing to plot: the 2012 ledger has no electoral votes certified yet"]
    assert "Warning" not in result.stderr and not out.exists()


@pytest.mark.parametrize(("args", "named"), [
    (("ledger", "status", "2020", "--as-of", "2020-11-25T12:00"), "no time zone"),
    (("ledger", "status", "2020", "--as-of", "25 Nov"), "25 Nov"),
    (("ledger", "status", "2019"), "2019"),
    (("ledger", "plot", "2020", "--out", "x.jpg"), "x.jpg"),
    (("ledger", "plot", "2020", "--out", "x.png", "--measure", "counted"), "counted"),
])
def test_bad_input_is_one_line_and_exit_2(run_cli, no_database, args, named) -> None:
    result = run_cli(*args)
    assert result.returncode == 2 and named in result.stderr and "Traceback" not in result.stderr


def test_a_moment_resting_on_upper_bounds_says_so(run_cli, no_database) -> None:
    doc = json.loads(run_cli("ledger", "status", "2024", "--as-of", "2024-12-16", "--json").stdout)
    certified = next(m for m in doc["milestones"] if m["measure"] == "certified")
    assert certified["upper_bound"] is True and "TX" in certified["bounded_by"]
    text = run_cli("ledger", "status", "2024", "--as-of", "2024-12-16").stdout
    assert "Donald Trump held 270+ certified no later than 2024-12-11" in " ".join(text.split())
    assert "upper bound: rests on" in " ".join(text.split())
