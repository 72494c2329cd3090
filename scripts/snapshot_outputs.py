#!/usr/bin/env python3
"""Snapshot what the project answers, to prove a refactoring changes nothing.

Writes one JSON line per answer, ``{"key": ..., "status": ..., "sha256": ..., "body": ...}``, for

- at least 1,500 what-ifs (flips, swings, per-state swings, allocation methods, removals, blank maps and House
  sizes over every year 1804 to the last recorded year), each run through ``POST /api/whatif``;
- every GET endpoint of the API for every recorded year (map, tally, results, tipping point, power, min-votes,
  smallest swings, calendar, status) and the apportionment endpoints;
- every CLI command with ``--json`` for every year it takes (run in-process, as the console script runs it).

The what-if bodies come from a seeded generator, so two runs on two versions of the code ask the same questions.

    python scripts/snapshot_outputs.py --out before.jsonl          # on the old code
    python scripts/snapshot_outputs.py --out after.jsonl           # on the new code
    python scripts/snapshot_outputs.py --compare before.jsonl after.jsonl

``--compare`` prints every key whose answer differs (and keys present in only one file) and exits 1 if any do.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

SEED = 20261130
N_WHATIFS = 1600


def _years() -> list[int]:
    from electoral.units import election_years

    return list(election_years())


def whatif_bodies(n: int = N_WHATIFS, seed: int = SEED) -> list[dict]:
    """``n`` different what-if request bodies, the same for a given seed on any version of the code."""
    from electoral.rules.allocation import ALLOCATION_METHODS
    from electoral.units import units_for

    rng = random.Random(seed)
    years = [y for y in _years() if y >= 1804]
    methods = sorted(ALLOCATION_METHODS) + ["proportional:webster", "proportional:jefferson"]
    bodies: list[dict] = []
    seen: set[str] = set()

    def add(body: dict) -> None:
        key = json.dumps(body, sort_keys=True)
        if key not in seen:
            seen.add(key)
            bodies.append(body)

    # every year: the recorded map, a blank map, and the first three units flipped
    for year in years:
        codes = list(units_for(year).codes)
        add({"year": year})
        add({"year": year, "blank": True, "flips": {codes[0]: None}})
        add({"year": year, "flips": {c: None for c in codes[:3]}})
    kinds = ("flips", "swing", "state_swings", "method", "methods", "remove", "house_size", "mixed")
    while len(bodies) < n:
        year = rng.choice(years)
        codes = list(units_for(year).codes)
        states = sorted({c.split("-")[0] for c in codes})
        kind = rng.choice(kinds)
        body: dict = {"year": year}
        if kind in ("flips", "mixed"):
            body["flips"] = {c: None for c in rng.sample(codes, k=min(len(codes), rng.randint(1, 8)))}
        if kind in ("swing", "mixed"):
            body["swing"] = f"{rng.choice('DR')}+{rng.choice([0.5, 1, 2.5, 5, 10])}"
        if kind == "state_swings":
            body["state_swings"] = {s: f"{rng.choice('DR')}+{rng.choice([1, 3, 8])}"
                                    for s in rng.sample(states, k=min(len(states), rng.randint(1, 4)))}
        if kind == "method":
            body["method"] = rng.choice(methods)
        if kind in ("methods", "mixed"):
            body["methods"] = {s: rng.choice(methods) for s in rng.sample(states, k=min(len(states), 2))}
        if kind == "remove":
            body["remove"] = rng.sample(states, k=min(len(states), rng.randint(1, 3)))
        if kind == "house_size" and year >= 1792:
            body["house_size"] = rng.choice([100, 435, 436, 500, 600, 1000])
        add(body)
    return bodies


def _probability_bodies() -> Iterator[tuple[str, dict]]:
    for national in (0.0, 0.5, 0.9):
        yield "/api/probability/exact", {"year": 2020, "preset": "example-2020", "national": national}
        yield "/api/probability/exact", {"year": 2020, "probabilities": {"PA": 0.5, "GA": 0.4}, "national": national}
        yield "/api/probability/exact", {"year": 2016, "probabilities": {"PA": 0.7}, "missing": "even",
                                         "national": national, "given": {"FL": "R"}}
    yield "/api/probability/exact", {"year": 2020, "preset": "example-2020", "national": 0.5, "df": 5}
    for seed in (1, 2):
        yield "/api/probability/simulate", {"year": 2020, "preset": "example-2020", "draws": 20000, "seed": seed,
                                            "correlation": "economist", "national": 0.3}


def _get_paths(years: list[int]) -> Iterator[str]:
    yield "/api/years"
    yield "/api/apportion/methods"
    for year in years:
        for tail in ("map", "tally", "results", "smallest-swings", "tipping-point", "power", "min-votes"):
            yield f"/api/elections/{year}/{tail}"
        yield f"/api/calendar/{year}"
        yield f"/api/status/{year}?as_of={year + 1}-01-01"
    for census in (1790, 1880, 1910, 1950, 2000, 2020):
        yield f"/api/apportion?census={census}"


def _cli_commands(years: list[int]) -> Iterator[list[str]]:
    for year in years:
        y = str(year)
        yield ["tally", y, "--json"]
        yield ["results", y, "--json"]
        yield ["calendar", y, "--json"]
        yield ["status", y, "--as-of", f"{year + 1}-01-01", "--json"]
        if year >= 1804:
            yield ["whatif", y, "--json"]
        if year >= 1828:
            for command in ("tipping-point", "min-votes", "power"):
                yield [command, y, "--json"]
            yield ["paths", y, "--json", "--limit", "5"]
    for census in ("1790", "1880", "1910", "2020"):
        yield ["apportion", census, "--json"]
    yield ["odds", "example-2020", "--national", "0.6", "--exact", "--json"]
    yield ["odds", "example-2020", "--national", "0.6", "--given", "PA=R,GA=D", "--exact", "--json"]
    yield ["simulate", "example-2020", "-n", "20000", "--seed", "1", "--correlation", "economist", "--json"]


def _run_cli(argv: list[str]) -> tuple[int, str]:
    from electoral.cli.app import main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue() if code == 0 else err.getvalue()


def _line(key: str, status: int, body: str) -> str:
    digest = hashlib.sha256(body.encode()).hexdigest()
    return json.dumps({"key": key, "status": status, "sha256": digest, "body": body}, sort_keys=True)


def snapshot(out: Path) -> int:
    from fastapi.testclient import TestClient

    from electoral.api.app import app

    years = _years()
    client = TestClient(app)
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for body in whatif_bodies():
            response = client.post("/api/whatif", json=body)
            handle.write(_line("POST /api/whatif " + json.dumps(body, sort_keys=True), response.status_code,
                               response.text) + "\n")
            count += 1
        for path, body in _probability_bodies():
            response = client.post(path, json=body)
            handle.write(_line(f"POST {path} " + json.dumps(body, sort_keys=True), response.status_code,
                               response.text) + "\n")
            count += 1
        for path in _get_paths(years):
            response = client.get(path)
            handle.write(_line("GET " + path, response.status_code, response.text) + "\n")
            count += 1
        for argv in _cli_commands(years):
            code, text = _run_cli(argv)
            handle.write(_line("CLI " + " ".join(argv), code, text) + "\n")
            count += 1
    print(f"wrote {count} answers to {out}")
    return 0


def compare(before: Path, after: Path) -> int:
    def load(path: Path) -> dict[str, tuple[int, str]]:
        rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
        return {r["key"]: (r["status"], r["sha256"]) for r in rows}

    a, b = load(before), load(after)
    differ = sorted(k for k in a.keys() & b.keys() if a[k] != b[k])
    only_a, only_b = sorted(a.keys() - b.keys()), sorted(b.keys() - a.keys())
    for key in differ:
        print(f"differs: {key}")
    for key in only_a:
        print(f"only in {before.name}: {key}")
    for key in only_b:
        print(f"only in {after.name}: {key}")
    whatifs = sum(1 for k in a if k.startswith("POST /api/whatif"))
    print(f"{len(a)} answers ({whatifs} what-ifs) compared: {len(differ)} differ, "
          f"{len(only_a)} only before, {len(only_b)} only after")
    return 1 if differ or only_a or only_b else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write a snapshot here (JSON lines)")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"), help="compare two snapshots")
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if args.out:
        return snapshot(args.out)
    parser.error("give --out FILE or --compare BEFORE AFTER")
    return 2


if __name__ == "__main__":
    sys.exit(main())
