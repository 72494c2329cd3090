"""CLI, HTTP API and the forecast file: the same document, bad input as one line (CLI, exit 2) or a 4xx (API),
and the conditional-odds endpoint."""

from __future__ import annotations

import contextlib
import io
import json
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from electoral.api.app import create_app
from electoral.cli.app import main
from electoral.output.forecast import ForecastOut
from electoral.output.probability import DistributionOut

HERE = Path(__file__).parent / "fixtures"
EXAMPLE = str(resources.files("electoral.data") / "example_polls_2020.csv")


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), pytest.raises(SystemExit) as exit_:
        main(list(argv))
    return exit_.value.code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def api_doc(client) -> dict:
    response = client.post("/api/forecast", json={"year": 2020, "as_of": "2020-11-02", "preset": "example-2020",
                                                  "draws": 5000, "seed": 3})
    assert response.status_code == 200, response.text
    ForecastOut.model_validate_json(response.content)
    return response.json()


def test_cli_json_equals_the_api(api_doc):
    code, out, err = run("forecast", EXAMPLE, "--as-of", "2020-11-02", "--draws", "5000", "--seed", "3", "--json")
    assert code == 0, err
    assert json.loads(out) == api_doc
    units = {u["unit"]: u["p_D"] for u in api_doc["units"]}
    assert len(units) == 56 and units["CA"] > 0.99 and units["WY"] < 0.01


def test_the_forecast_file_is_read_by_odds_and_simulate(tmp_path, api_doc):
    target = tmp_path / "f.json"
    code, _, err = run("forecast", EXAMPLE, "--as-of", "2020-11-02", "--draws", "2000", "--out", str(target))
    assert code == 0, err
    assert json.loads(target.read_text())["units"] == api_doc["engine"]["units"]
    code, out, err = run("simulate", str(target), "-n", "20000", "--seed", "1", "--json")
    assert code == 0, err
    simulated = json.loads(out)
    assert abs(simulated["p_win"]["D"] - api_doc["national"]["p_win"]["D"]) < 0.05
    code, out, err = run("odds", str(target), "--given", "PA=R", "-n", "20000", "--seed", "1", "--json")
    assert code == 0, err
    assert json.loads(out)["p_win"]["D"] < simulated["p_win"]["D"]


def test_the_forecast_json_document_is_read_by_odds_and_simulate_as_its_engine_member(tmp_path, api_doc):
    whole, engine = tmp_path / "doc.json", tmp_path / "engine.json"
    whole.write_text(json.dumps(api_doc))
    engine.write_text(json.dumps(api_doc["engine"]))
    for command in ("simulate", "odds"):
        results = [run(command, str(f), "-n", "5000", "--seed", "1", "--json") for f in (whole, engine)]
        assert [r[0] for r in results] == [0, 0], results[0][2]
        assert json.loads(results[0][1]) == json.loads(results[1][1])


def test_conditional_odds_endpoint(client, api_doc):
    body = {"forecast": api_doc["engine"], "given": {"PA": "R", "GA": "D"}, "draws": 20000, "seed": 5}
    response = client.post("/api/forecast/conditional", json=body)
    assert response.status_code == 200, response.text
    doc = DistributionOut.model_validate_json(response.content)
    p = {u.unit: u.p_D for u in doc.units}
    before = {u["unit"]: u["p_D"] for u in api_doc["units"]}
    assert p["PA"] == 0.0 and p["GA"] == 1.0
    assert p["WI"] < before["WI"] and p["NC"] > before["NC"]  # correlated with PA going R and GA going D
    assert doc.given == {"PA": "R", "GA": "D"} and 0 < doc.p_given < 1


@pytest.mark.parametrize(("argv", "message"), [
    (["forecast", EXAMPLE], "--as-of"),
    (["forecast", EXAMPLE, "--as-of", "soon"], "as-of date must be a date"),
    (["forecast", "no-such.csv", "--as-of", "2020-11-02"], "poll file not found"),
    (["forecast", "backtest", EXAMPLE], "--years"),
    (["forecast", "backtest", EXAMPLE, "--years", "2016"], "no poll file for 2016"),
    (["forecast", EXAMPLE, "--as-of", "2016-11-01"], "no poll ends on or before the as-of date 2016-11-01"),
    (["forecast", EXAMPLE, "--as-of", "2020-11-02", "--plot-unit", "PA"], "--plot-unit PA needs --plot FILE"),
    (["forecast", EXAMPLE, "--as-of", "2020-11-02", "--plot", "nope.png", "--plot-unit", "XX"], "no unit 'XX'"),
    (["forecast", EXAMPLE, "--as-of", "2020-11-02", "--draws", "0"], "--draws must be at least 1 draw"),
    (["forecast", "backtest", EXAMPLE, "--years", "2020", "--as-of", "2020-11-01"], "--as-of does not apply"),
    (["forecast", "backtest", EXAMPLE, "--years", "2020", "--days-before", "100000"], "--days-before must be at most 365"),
    (["forecast", EXAMPLE, "--as-of", "2020-11-02", "--format", "huffpost"], "no column 'start.date'"),
    (["forecast", str(HERE / "polls_538_2024_switch.csv"), "--as-of", "2024-03-10"], "no poll ends on or before"),
])
def test_cli_bad_input_is_one_line_and_exit_2(argv, message):
    code, out, err = run(*argv)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert out == ""  # refused before any work or output


@pytest.mark.parametrize(("path", "body", "status", "message"), [
    ("/api/forecast", {"year": 2020, "as_of": "2020-13-40", "preset": "example-2020"}, 422, "as-of date"),
    ("/api/forecast", {"year": 2016, "as_of": "2016-11-07", "preset": "example-2020"}, 422, "preset is of 2020"),
    ("/api/forecast", {"year": 2020, "as_of": "2020-11-02", "polls": [{"unit": "PA", "start": "2020-10-01",
                       "end": "2020-10-02", "dem": 50, "rep": 40, "n": 0}]}, 422, "sample size not positive"),
    ("/api/forecast", {"year": 2020, "as_of": "2020-11-02", "draws": 10**9, "preset": "example-2020"}, 422, "draws"),
    ("/api/forecast", {"year": 2020, "as_of": "2020-09-01", "polls": [{"unit": "PA", "start": "2020-10-01",
                       "end": "2020-10-02", "dem": 50, "rep": 40}]}, 422, "no poll ends on or before the as-of date"),
    ("/api/forecast/conditional", {"forecast": {"year": 2020, "units": [{"unit": "PA", "margin": 1, "sd": 3}]}},
     422, "no forecast for 55 unit"),
])
def test_api_bad_input_is_a_4xx_naming_it(client, path, body, status, message):
    response = client.post(path, json=body)
    assert response.status_code == status and message in response.json()["error"], response.text


def test_api_refuses_too_many_polls(client):
    poll = {"unit": "PA", "start": "2020-10-01", "end": "2020-10-02", "dem": 50, "rep": 40}
    response = client.post("/api/forecast", json={"year": 2020, "as_of": "2020-11-02", "polls": [poll] * 3001})
    assert response.status_code == 422 and "polls" in response.json()["error"]


def test_backtest_command_on_fixture(tmp_path):
    plot = tmp_path / "cal.png"
    code, out, err = run("forecast", "backtest", str(HERE / "polls_538_2020.csv"), "--years", "2020",
                         "--days-before", "10", "1", "--json", "--plot", str(plot))
    assert code == 0, err
    doc = json.loads(out)
    assert [s["days_before"] for s in doc["scores"]] == [10, 1] and plot.stat().st_size > 1000


def test_plots_are_written(tmp_path):
    for extra in ([], ["--plot-unit", "PA"]):
        target = tmp_path / f"p{len(extra)}.png"
        code, _, err = run("forecast", EXAMPLE, "--as-of", "2020-11-01", "--draws", "2000", "--plot", str(target), *extra)
        assert code == 0, err
        assert target.read_bytes()[:4] == b"\x89PNG"


def test_daily_series_each_day_sees_only_its_past():
    code, out, err = run("forecast", str(HERE / "polls_538_2020.csv"), "--from", "2020-10-22", "--as-of",
                         "2020-11-02", "--json")
    assert code == 0, err
    days = json.loads(out)["days"]
    assert [d["date"] for d in days][:2] == ["2020-10-22", "2020-10-23"] and len(days) == 12
    used = [d["polls_used"] for d in days]
    assert used == sorted(used) and used[0] == 1 and used[-1] == 4  # PA (ends 22 Oct), then NE-2, US, GA
    assert days[0]["p_D"]["GA"] != days[-1]["p_D"]["GA"]  # the GA poll of 2 Nov moves GA only at the end
    code, _, err = run("forecast", str(HERE / "polls_538_2020.csv"), "--from", "2020-11-02", "--as-of", "2020-10-01")
    assert code == 2 and "before its start" in err


def test_a_forecast_file_with_a_ragged_correlation_list_is_refused(tmp_path, api_doc):
    broken = dict(api_doc["engine"], correlation=[[1.0, 0.5], [0.5]])
    target = tmp_path / "broken.json"
    target.write_text(json.dumps(broken))
    code, _, err = run("simulate", str(target), "-n", "1000")
    assert code == 2 and "square list of lists" in err


def test_conditional_odds_refuse_a_correlation_that_is_not_positive_semi_definite(client, api_doc):
    engine = json.loads(json.dumps(api_doc["engine"]))
    n = len(engine["correlation"])
    engine["correlation"] = [[1.0 if i == j else -1.0 for j in range(n)] for i in range(n)]  # eigenvalue 2 - n
    response = client.post("/api/forecast/conditional", json={"forecast": engine, "given": {"PA": "R"}, "draws": 2000})
    assert response.status_code == 422 and "not positive semi-definite" in response.json()["error"], response.text


def test_the_text_output_reports_skipped_rows_as_the_json_does(run_cli) -> None:
    # the 2024 file's Biden-Trump questions are skipped, each reported by row; the tables alone hid them
    done = run_cli("forecast", str(HERE / "polls_538_2024_switch.csv"), "--as-of", "2024-11-04")
    assert done.returncode == 0, done.stderr
    assert "10 poll row(s) skipped or amended" in done.stderr
    assert "not a question between the nominees" in done.stderr
