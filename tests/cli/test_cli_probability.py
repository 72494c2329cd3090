"""``electoral simulate`` and ``electoral odds`` as a user runs them."""

from __future__ import annotations

import json

import pytest

from electoral.units import units_for


def test_simulate_json_is_reproducible(run_cli) -> None:
    args = ("simulate", "example-2020", "-n", "20000", "--seed", "7", "--correlation", "economist",
            "--national", "0.5", "--json")
    first, second = run_cli(*args), run_cli(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and first.stderr == ""
    data = json.loads(first.stdout)
    assert data["method"] == "montecarlo" and data["draws"] == 20000 and data["seed"] == 7
    assert data["p_win"]["D"] + data["p_win"]["R"] + data["p_tie"] == pytest.approx(1.0)
    assert len(data["histogram"]) == 539 and len(data["units"]) == 56
    assert 0 <= data["p_popular_split"] <= 1
    assert sum(u["tipping_point"] for u in data["units"]) == pytest.approx(1 - data["p_tie"])


def test_simulate_table_and_plot(run_cli, tmp_path) -> None:
    png = tmp_path / "ev.png"
    out = run_cli("simulate", "example-2020", "-n", "5000", "--seed", "1", "--national", "0.5", "--plot", str(png))
    assert out.returncode == 0, out.stderr
    assert "P(D wins)" in out.stdout and "Most likely tipping points" in out.stdout
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_odds_exact_conditional(run_cli) -> None:
    out = run_cli("odds", "example-2020", "--national", "0.6", "--given", "PA=R,GA=D", "--exact", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["method"] == "exact-factor" and data["given"] == {"PA": "R", "GA": "D"}
    units = {u["unit"]: u["p_D"] for u in data["units"]}
    assert units["PA"] == 0.0 and units["GA"] == 1.0
    without_pa = json.loads(run_cli("odds", "example-2020", "--national", "0.6", "--given", "PA=R", "--exact", "--json").stdout)
    unconditional = json.loads(run_cli("odds", "example-2020", "--national", "0.6", "--exact", "--json").stdout)
    assert without_pa["p_win"]["D"] < unconditional["p_win"]["D"] < data["p_win"]["D"]


def test_odds_from_a_csv_of_probabilities(run_cli, tmp_path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("unit,p\n" + "".join(f"{c},0.5\n" for c in units_for(2024).codes))
    out = run_cli("odds", str(path), "--year", "2024", "--exact", "--sides", "Harris,Trump")
    assert out.returncode == 0, out.stderr
    assert "P(Harris wins)" in out.stdout and "P(tie 269-269)" in out.stdout


@pytest.mark.parametrize(
    ("args", "bad"),
    [
        (("simulate", "example-2020", "-n", "0"), "'0'"),
        (("simulate", "example-2020", "-n", "-3"), "-3"),
        (("simulate", "example-2020", "-n", "many"), "many"),
        (("odds", "example-2020", "--given", "PA=X"), "'X'"),
        (("odds", "example-2020", "--given", "ZZ=D"), "ZZ"),
        (("odds", "example-2020", "--national", "1.5"), "1.5"),
        (("odds", "example-2020", "--correlation", "economist", "--exact"), "full correlation matrix"),
        (("odds", "example-2020", "--year", "1960"), "'DC'"),  # units that do not match the year
        (("simulate", "no-such-file.csv"), "no-such-file.csv"),
        (("simulate", "example-2020", "--backend", "dask"), "scheduler address"),
    ],
)
def test_bad_input_is_one_line_exit_2(run_cli, args: tuple[str, ...], bad: str) -> None:
    out = run_cli(*args)
    assert out.returncode == 2, out.stdout
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and bad in lines[0], out.stderr


def test_bad_probability_and_non_psd_matrix_files(run_cli, tmp_path) -> None:
    codes = units_for(2020).codes
    bad_p = tmp_path / "bad.csv"
    bad_p.write_text("year,unit,p\n" + "".join(f"2020,{c},{1.2 if c == 'OH' else 0.5}\n" for c in codes))
    out = run_cli("odds", str(bad_p), "--exact")
    assert out.returncode == 2 and out.stderr.strip() == "error: probability for OH must be a finite number in [0, 1], got 1.2"
    matrix = tmp_path / "m.csv"
    states = sorted({c.split("-")[0] for c in codes})
    rows = [[1.0 if a == b else (0.9 if {a, b} == {"PA", "OH"} else (-0.9 if "PA" in (a, b) else 0.0)) for b in states] for a in states]
    matrix.write_text("state," + ",".join(states) + "\n" + "".join(f"{a}," + ",".join(map(str, r)) + "\n" for a, r in zip(states, rows)))
    out = run_cli("simulate", "example-2020", "-n", "1000", "--correlation", str(matrix))
    assert out.returncode == 2 and "not positive semi-definite" in out.stderr and "Traceback" not in out.stderr
    repaired = run_cli("simulate", "example-2020", "-n", "1000", "--seed", "1", "--correlation", str(matrix), "--repair", "--json")
    assert repaired.returncode == 0, repaired.stderr
    assert repaired.stderr.startswith("warning: correlation matrix was not positive semi-definite")
    assert json.loads(repaired.stdout)["draws"] == 1000
