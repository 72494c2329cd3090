#!/usr/bin/env python3
"""Build the two election-law tables of what-ifs from their cited inputs in ``scripts/build_inputs/``.

- ``faithless_laws.csv`` (from ``build_inputs/faithless_laws.csv``): per state the periods in force of
  its law on faithless electors: ``none`` (no law), ``binding`` (a pledge or a penalty; the vote is
  counted as cast), ``void`` (the vote is voided and the elector replaced or made to vote again, by
  statute or by the presiding official's ruling: ``basis``); ``penalty`` says whether a fine or a
  crime attaches. Years before a state's first row are not recorded.
- ``allocation_npvic.csv`` (from ``build_inputs/npvic_members.csv``): each member of the National Popular
  Vote Interstate Compact with the date its law was enacted (signed, or passed over a veto, or let
  become law unsigned), how, the statute and the sources.

Checks: every state code is a state or DC, periods of a state do not overlap, laws and dates parse,
every row has a source. ``python scripts/build_law_tables.py`` rewrites both tables.
"""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INPUTS = REPO / "scripts" / "build_inputs"
OUT = REPO / "src" / "electoral" / "data"
LAWS = ("none", "binding", "void")
BASES = ("none", "statute", "official")


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def state_codes() -> set[str]:
    return {r["code"] for r in read(OUT / "states.csv")}


def check_faithless(rows: list[dict[str, str]], codes: set[str]) -> list[str]:
    """Problems of the faithless-law input (empty when it is sound)."""
    problems, spans = [], {}
    for r in rows:
        where = f"{r['state']} {r['first_year']}"
        if r["state"] not in codes:
            problems.append(f"{where}: unknown state")
        if r["law"] not in LAWS or r["basis"] not in BASES or r["penalty"] not in ("yes", "no"):
            problems.append(f"{where}: law {r['law']!r}, basis {r['basis']!r}, penalty {r['penalty']!r}")
        if not r["source"]:
            problems.append(f"{where}: no source")
        first, last = int(r["first_year"]), int(r["last_year"] or 9999)
        if last < first:
            problems.append(f"{where}: last year before first")
        for other in spans.get(r["state"], []):
            if first <= other[1] and other[0] <= last:
                problems.append(f"{where}: overlaps the period from {other[0]}")
        spans.setdefault(r["state"], []).append((first, last))
    return problems


def npvic_rows(rows: list[dict[str, str]], codes: set[str]) -> tuple[list[dict[str, str]], list[str]]:
    """The packaged compact table (sorted by enactment) and the input's problems."""
    problems = []
    for r in rows:
        if r["state"] not in codes:
            problems.append(f"{r['state']}: unknown state")
        try:
            date.fromisoformat(r["enacted"])
        except ValueError:
            problems.append(f"{r['state']}: enacted {r['enacted']!r} is not a date")
        if not r["source"]:
            problems.append(f"{r['state']}: no source")
    ordered = sorted(rows, key=lambda r: (r["enacted"], r["state"]))
    return [{k: r[k] for k in ("state", "enacted", "how", "citation", "citation_checked", "source", "note")}
            for r in ordered], problems


def main() -> int:
    codes = state_codes()
    faithless = read(INPUTS / "faithless_laws.csv")
    members, problems = npvic_rows(read(INPUTS / "npvic_members.csv"), codes)
    problems += check_faithless(faithless, codes)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    write(OUT / "faithless_laws.csv", sorted(faithless, key=lambda r: (r["state"], int(r["first_year"]))))
    write(OUT / "allocation_npvic.csv", members)
    covered = {r["state"] for r in faithless}
    print(f"faithless_laws.csv: {len(faithless)} periods, {len(covered)} states; "
          f"allocation_npvic.csv: {len(members)} members")
    return 0


if __name__ == "__main__":
    sys.exit(main())
