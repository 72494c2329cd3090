"""A new election year is a data change: a synthetic 2028 in a copied data folder works with no code edited.

The folder holds the packaged tables plus made-up 2028 rows: the allotment of 2024 (both from the 2020
census), a result in which Pennsylvania, Michigan and Wisconsin flip to the Democrat (270-268), the
popular vote of 2024 under new names with those states' votes swapped, and the 2024 district rows.
The calendar needs no rows: the 2022 act's rules have no end year. Every command runs in a subprocess
whose ``ELECTORAL_DATA`` names the folder.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from electoral.data.loaders import DATA_ENV, rows_for
from electoral.units import election_years

BASE, NEW = 2024, 2028
NAMES = {"Kamala Harris": ("Alex Doe", "Democratic"), "Donald Trump": ("Sam Roe", "Republican")}
FLIPPED = {"PA", "MI", "WI"}  # Trump 2024 -> the Democrat in 2028


def _swap(state: str, name: str) -> str:
    """The 2028 name of a 2024 candidate's votes: the two nominees trade places in a flipped state."""
    if state.split("-")[0] not in FLIPPED or name not in NAMES:
        return NAMES.get(name, (name, ""))[0]
    other = next(n for n in NAMES if n != name)
    return NAMES[other][0]


def _append(folder: Path, table: str, rows: list[dict]) -> None:
    with (folder / f"{table}.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writerows(rows)


def build_year(folder: Path) -> None:
    """Copy the packaged tables to ``folder`` and add the synthetic 2028 rows."""
    for entry in resources.files("electoral.data").iterdir():
        if entry.name.endswith(".csv"):
            (folder / entry.name).write_bytes(entry.read_bytes())
    made_up = "synthetic 2028 (test data, not a record)"
    _append(folder, "electoral_votes", [{**r._asdict(), "year": NEW, "source": made_up}
                                        for r in rows_for("electoral_votes", BASE)])
    _append(folder, "electoral_votes_cast", [{**r._asdict(), "year": NEW, "candidate": _swap(r.unit, r.candidate),
                                              "source": made_up} for r in rows_for("electoral_votes_cast", BASE)])
    _append(folder, "candidates", [{"year": NEW, "candidate": name, "party": party} for name, party in NAMES.values()])
    _append(folder, "popular_vote", [{**r._asdict(), "year": NEW, "candidate": _swap(r.state, r.candidate),
                                      "party": NAMES.get(r.candidate, ("", r.party))[1] if r.candidate in NAMES
                                      else r.party, "source": made_up} for r in rows_for("popular_vote", BASE)])
    _append(folder, "district_popular_vote", [{**r._asdict(), "year": NEW, "candidate": NAMES[r.candidate][0],
                                               "source": made_up} for r in rows_for("district_popular_vote", BASE)])


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("data")
    build_year(folder)
    return folder


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, DATA_ENV: str(folder)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=300, env=env)


def _cli(folder: Path, *args: str) -> dict:
    run = _run(folder, "-m", "electoral.cli.app", *args)
    assert run.returncode == 0, run.stdout + run.stderr
    return json.loads(run.stdout)


def test_the_packaged_data_has_no_2028() -> None:
    assert NEW not in election_years()  # else this test proves nothing


def test_tally_whatif_tipping_point_and_status_of_a_new_year(data_folder: Path) -> None:
    tally = _cli(data_folder, "tally", str(NEW), "--json")
    assert (tally["year"], tally["winner"], tally["majority_needed"]) == (NEW, "Alex Doe", 270)
    assert {c["name"]: c["electoral_votes"] for c in tally["candidates"]} == {"Alex Doe": 270, "Sam Roe": 268}
    whatif = _cli(data_folder, "whatif", str(NEW), "--flip", "WI", "--json")
    assert whatif["tally"]["winner"] == "Sam Roe"
    tipping = _cli(data_folder, "tipping-point", str(NEW), "--json")
    assert (tipping["year"], tipping["winner"], tipping["tipping_point"]) == (NEW, "Alex Doe", "WI")  # narrowest win
    status = _cli(data_folder, "status", str(NEW), "--as-of", f"{NEW}-12-20", "--json")
    assert status["stage"] == "electors_voted" and status["tally"]["winner"] == "Alex Doe"
    assert status["next_step"]["date"] == f"{NEW + 1}-01-06"


API_SCRIPT = """
import json, sys
from fastapi.testclient import TestClient
from electoral.api.app import app
year = int(sys.argv[1])
client = TestClient(app)
out = {"years": client.get("/api/years").json()["years"]}
for name in ("tally", "map", "tipping-point"):
    response = client.get(f"/api/elections/{year}/{name}")
    out[name] = (response.status_code, response.json())
units = out["map"][1]["units"]
open_units = {u["code"]: "D" for u in units if u["code"] not in ("PA", "MI", "WI", "GA", "AZ")}
response = client.post("/api/paths", json={"year": year, "decided": open_units, "limit": 5})
out["paths"] = (response.status_code, response.json())
out["page"] = client.get("/").status_code
print(json.dumps(out))
"""


def test_the_api_and_the_map_page_data_of_a_new_year(data_folder: Path) -> None:
    run = _run(data_folder, "-c", API_SCRIPT, str(NEW))
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["years"][-1] == NEW and out["page"] == 200
    assert all(status == 200 for status, _ in (out["tally"], out["map"], out["tipping-point"], out["paths"]))
    assert out["tally"][1]["winner"] == "Alex Doe"
    doc = out["map"][1]
    assert doc["year"] == NEW and doc["majority_needed"] == 270
    assert {u["code"]: u["winner"] for u in doc["units"]}["PA"] == "Alex Doe"
