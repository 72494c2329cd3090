"""Corrections that give each official FEC state figure to its candidate, and keep the state total nearest FEC's.

``scripts/crosscheck_popular_vote.py`` lists the state cells whose packaged value differs from an official
state figure (``needed_corrections.csv``). Most are votes the raw returns leave in an unnamed line
("Other", unnamed write-ins) or give to another row. For each state this script sets every such cell to
the official figure and then moves the net change out of (or into) one of the state's unnamed lines, or
none, whichever leaves the state's total nearest FEC's total for that state (from the year's full FEC
extract, ``reference/fec_results_YEAR.csv``). Every row cites the FEC source key of its year.

    python scripts/crosscheck/fec_state_splits.py           # print the rows it would write
    python scripts/crosscheck/fec_state_splits.py --write   # merge them into popular_vote_corrections.csv

A cell that already has a correction row gets that row's value replaced (one row per cell; the build
refuses two), so the script can be re-run after the raw data or the extracts change. Rebuild with
``python scripts/build_data.py`` and re-run the cross-check afterwards.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("crosscheck_popular_vote", REPO / "scripts" / "crosscheck_popular_vote.py")
crosscheck = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = crosscheck
_SPEC.loader.exec_module(crosscheck)

CORRECTIONS = REPO / "src" / "electoral" / "data" / "popular_vote_corrections.csv"
SOURCE_KEY = {"2000": "fec-2000-xls", "2004": "fec-2004-results", "2008": "fec-2008-results", "2012": "fec-2012-results",
              "2016": "fec-2016-results", "2020": "fec-2020-results"}
READ_FROM = "figure read from rubenviolinha/us-government-data-atlas's parse of the FEC sheet, not from the document itself"
UNNAMED = {"write_ins", "other_candidates"}


def fec_state_totals(year: str) -> Counter:
    """Every line of FEC's full extract summed by state (New York's combined rows left out)."""
    totals: Counter = Counter()
    for row in crosscheck.fec_full_lines(year):
        totals[row["state"]] += int(row["votes"])
    return totals


def packaged_state(year: str, state: str) -> list[dict[str, str]]:
    return [r for r in crosscheck.read_csv(crosscheck.PACKAGED) if r["year"] == year and r["state"] == state]


def plan_state(year: str, state: str, cells: list[dict[str, str]], fec_total: int) -> list[tuple[str, int, int, str]]:
    """(candidate, packaged votes, new votes, why) for one state: the official cells, and at most one
    unnamed line that gives up (or takes) their net change, chosen to leave the total nearest FEC's."""
    rows = packaged_state(year, state)
    total = int(rows[0]["total_votes"]) if rows else 0
    plan = [(c["candidate"], int(c["packaged"] or 0), int(c["official"]), "official") for c in cells]
    change = sum(new - old for _, old, new, _ in plan)
    options = [(abs(total + change - fec_total), 0, None)]
    for row in rows:
        if row["kind"] in UNNAMED and int(row["votes"]) - change >= 0:
            options.append((abs(total - fec_total), -int(row["votes"]), row))
    _, _, line = min(options, key=lambda o: (o[0], o[1]))
    if line is not None:
        plan.append((line["candidate"], int(line["votes"]), int(line["votes"]) - change, "unnamed"))
    return plan


def note(year: str, state: str, plan: list[tuple[str, int, int, str]], kind: str, candidate: str) -> str:
    others = ", ".join(f"{name} {new - old:+,}" for name, old, new, why in plan if why == "official")
    if kind == "unnamed":
        return (f"the raw unnamed line gives up (or takes) the change of the cells FEC decides in this state ({others}), "
                f"which leaves the state total nearest FEC's; {READ_FROM}")
    return f"FEC's state figure for {candidate} (all of the candidate's lines); {READ_FROM}"


def proposed_rows() -> list[dict[str, str]]:
    """A correction row per cell to change, from the cross-check's list of needed corrections."""
    needed = crosscheck.read_csv(crosscheck.NEEDED)
    packaged = crosscheck.Packaged.load()
    by_state: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in needed:
        if not row["packaged"]:  # a candidate missing in this state takes the record's spelling of that year
            known = packaged.match(int(row["year"]), crosscheck.NATIONAL, row["candidate"])
            row = dict(row, candidate=known[0] if known else row["candidate"])
        by_state[(row["year"], row["state"])].append(row)
    out = []
    for (year, state), cells in sorted(by_state.items()):
        plan = plan_state(year, state, cells, fec_state_totals(year)[state])
        for name, old, new, why in plan:
            out.append(dict(year=year, state=state, candidate=name, raw_votes=str(old) if old else "", votes=str(new),
                            source=SOURCE_KEY[year], note=note(year, state, plan, why, name)))
    return out


def merge(rows: list[dict[str, str]]) -> None:
    """Write ``rows`` into the corrections table: replace the value of a cell's existing row, else append."""
    table = crosscheck.read_csv(CORRECTIONS)
    index = {(r["year"], r["state"], r["candidate"]): r for r in table}
    for row in rows:
        key = (row["year"], row["state"], row["candidate"])
        if key in index:
            index[key].update(votes=row["votes"], source=row["source"], note=f"{index[key]['note']}; then {row['note']}")
        else:
            table.append(row)
    with open(CORRECTIONS, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, list(table[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="merge the rows into popular_vote_corrections.csv")
    rows = proposed_rows()
    if parser.parse_args().write:
        merge(rows)
    writer = csv.DictWriter(sys.stdout, ["year", "state", "candidate", "raw_votes", "votes"], extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
