"""``electoral ledger ...`` as a user runs it: ingest, status, events, replay; errors are one line, exit 2."""

from __future__ import annotations

import json


def test_ingest_twice_then_status_and_events(run_cli, tmp_path) -> None:
    db = str(tmp_path / "ledger.db")
    first = run_cli("ledger", "ingest", "ap-2024-night-1.json", "--format", "ap", "--test", "--db", db, "--json")
    assert first.returncode == 0, first.stderr
    # 16 items on 3 pages: 15 events (page 3 repeats page 2's Georgia results) and Georgia's winner mark again.
    assert json.loads(first.stdout) == {"batches": 3, "read": 16, "stored": 14, "duplicates": 1, "unchanged": 1}
    again = run_cli("ledger", "ingest", "ap-2024-night-1.json", "--format", "ap", "--test", "--db", db, "--json")
    assert json.loads(again.stdout) == {"batches": 3, "read": 16, "stored": 0, "duplicates": 11, "unchanged": 5}

    status = run_cli("ledger", "status", "2024", "--as-of", "2024-11-06T02:20:00-05:00", "--db", db, "--json")
    assert status.returncode == 0, status.stderr
    doc = json.loads(status.stdout)
    assert doc["projected"] == {"Donald Trump": 47} and doc["majority_needed"] == 270  # FL, GA, ME-2; PA at 2:24 a.m.
    units = {u["unit"]: u for u in doc["units"]}
    assert units["PA"]["stage"] == "not_projected" and units["PA"]["leader"] == "Donald Trump"
    assert (units["PA"]["call_status"], units["PA"]["counting"], units["PA"]["eevp"]) == (
        "Too Close to Call", "Active Tabulation", 85.0)
    assert units["ME-1"]["leader"] == "Kamala Harris" and units["GA"]["calls"] == {"AP": "Donald Trump"}
    text = run_cli("ledger", "status", "2024", "--as-of", "2024-11-07", "--db", db)
    assert "projected: Donald Trump 66" in text.stdout and "certificates of ascertainment due" in text.stdout

    events = run_cli("ledger", "events", "2024", "--kind", "race_call", "--db", db, "--json")
    assert [e["unit"] for e in json.loads(events.stdout)["events"]] == ["FL", "ME-2", "GA", "PA"]
    out = tmp_path / "calls.jsonl"
    out.write_text("\n".join(json.dumps(e) for e in json.loads(events.stdout)["events"]))
    back = run_cli("ledger", "ingest", str(out), "--db", db, "--json")  # what events prints, ingest reads
    assert json.loads(back.stdout) == {"batches": 1, "read": 4, "stored": 0, "duplicates": 4, "unchanged": 0}


def test_replay_prints_the_night_in_order(run_cli, tmp_path) -> None:
    result = run_cli("ledger", "replay", "ap-2024-night-1.json", "--format", "ap", "--test", "--speed", "1000000",
                     "--db", str(tmp_path / "r.db"))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 15 and [x["effective"] for x in lines] == sorted(x["effective"] for x in lines)
    assert "replayed 15 event(s)" in result.stderr


def test_errors_are_one_line_and_exit_2(run_cli, tmp_path) -> None:
    db = str(tmp_path / "ledger.db")
    for args, named in [
        (("ledger", "status", "2023", "--db", db), "2023"),
        (("ledger", "status", "2024", "--as-of", "2024-11-06T02:30", "--db", db), "no time zone"),
        (("ledger", "events", "2024", "--kind", "vibes", "--db", db), "'vibes'"),
        (("ledger", "ingest", str(tmp_path / "none.jsonl"), "--db", db), "does not exist"),
        (("ledger", "ingest", "x.json", "--format", "xml", "--db", db), "'xml'"),
        (("ledger", "replay", "ap-2024-night-1.json", "--format", "ap", "--test", "--speed", "-1"), "speed"),
    ]:
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and named in result.stderr and "Traceback" not in result.stderr


def test_a_rejected_batch_stores_nothing(run_cli, tmp_path) -> None:
    db = str(tmp_path / "ledger.db")
    feed = tmp_path / "night.jsonl"
    good = {"year": 2020, "unit": "AZ", "kind": "race_call", "effective": "2020-11-04T02:50:00Z", "actor": "AP",
            "fields": {"candidate": "Biden"}}
    bad = {**good, "unit": "AZ", "kind": "call_retracted", "actor": "Fox News", "fields": {}}
    feed.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    result = run_cli("ledger", "ingest", str(feed), "--db", db)
    assert result.returncode == 2 and "no call by Fox News to retract" in result.stderr
    listed = run_cli("ledger", "events", "2020", "--db", db, "--json")
    assert json.loads(listed.stdout)["count"] == 0


def test_status_text_names_the_presidency_call(run_cli, tmp_path) -> None:
    # AP called the 2016 presidency for Trump at 2:29 a.m. ET on 9 November (AP's own account).
    result = run_cli("ledger", "status", "2016", "--as-of", "2016-11-10")
    assert result.returncode == 0, result.stderr
    assert "presidency called: Donald Trump by AP at 2016-11-09T02:29:00-05:00" in result.stdout


def test_desk_matches_any_case_and_an_unknown_desk_is_refused(run_cli) -> None:
    moment = ("--as-of", "2020-11-05", "--json")
    upper = json.loads(run_cli("ledger", "status", "2020", "--desk", "AP", *moment).stdout)
    lower = json.loads(run_cli("ledger", "status", "2020", "--desk", "ap", *moment).stdout)
    assert upper["projected"] == lower["projected"] and upper["projected"]  # AP had called states by then
    bad = run_cli("ledger", "status", "2020", "--desk", "FOO", *moment)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    assert "'FOO'" in bad.stderr and "AP" in bad.stderr and "Fox News" in bad.stderr


def test_an_unknown_unit_filter_is_refused_naming_the_years_units(run_cli) -> None:
    bad = run_cli("ledger", "events", "2020", "--unit", "XX")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "'XX'" in bad.stderr and "NE-2" in bad.stderr
    # Nebraska has chosen electors by district since 1992 (Maine since 1972): NE-2 is no unit of 1988.
    early = run_cli("ledger", "events", "1988", "--unit", "NE-2")
    assert early.returncode == 2 and "'NE-2'" in early.stderr and "ME-2" in early.stderr
    assert run_cli("ledger", "events", "2020", "--unit", "ne-2").returncode == 0


def _run(env: dict, *args: str):
    import os
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "electoral.cli.app", *args], capture_output=True, text=True,
                          timeout=120, env={k: v for k, v in {**os.environ, **env}.items()
                                            if k != "ELECTORAL_LEDGER_URL"})


def test_every_command_answers_a_year_from_the_same_ledger(tmp_path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path)}
    fixture = _run(env, "ledger", "ingest", "ap-2024-night-1.json", "--format", "ap", "--test")
    assert fixture.returncode == 0 and "ledger-test.db" in fixture.stdout.replace("\n", "")  # not ledger.db
    assert json.loads(_run(env, "ledger", "status", "2024", "--json").stdout)["ledger"] == "packaged"
    night = tmp_path / "night.jsonl"
    night.write_text(json.dumps({"year": 2024, "unit": "PA", "kind": "race_call", "effective": "2024-11-06T02:24Z",
                                 "actor": "AP", "fields": {"candidate": "Trump"}}) + "\n")
    assert _run(env, "ledger", "ingest", str(night)).returncode == 0  # into the default ledger.db
    ledger = json.loads(_run(env, "ledger", "status", "2024", "--as-of", "2024-12-20", "--json").stdout)
    calendar = json.loads(_run(env, "calendar", "2024", "--json").stdout)
    status = json.loads(_run(env, "status", "2024", "--as-of", "2024-12-20", "--json").stdout)
    assert (ledger["ledger"], calendar["ledger_source"], status["ledger"]["source"]) == ("database",) * 3
    assert ledger["certified"] == {} == status["ledger"]["electoral_votes"]["certified"]
    for args in (("ledger", "status", "2024"), ("status", "2024", "--as-of", "2024-12-20")):
        assert "answers instead of the packaged historical ledger" in " ".join(_run(env, *args).stdout.split())
