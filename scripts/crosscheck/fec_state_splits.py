"""Corrections that give each official FEC state figure to its candidate, and keep the state total nearest FEC's.

``scripts/crosscheck_popular_vote.py`` lists the state cells whose packaged value differs from an official
state figure (``needed_corrections.csv``). Most are votes the raw returns leave in an unnamed line
("Other", unnamed write-ins) or give to another row. For each state this script sets every such cell to
the official figure and then moves the net change out of (or into) one of the state's unnamed lines (a
new "Write-In" line when a raw row held votes of people the record does not name), or none, whichever
leaves the state's total nearest FEC's total for that state (from the year's full FEC
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
NEW_LINE = "Write-In"  # the unnamed line added when a raw row held votes FEC gives to people the record does not name


def fec_state_totals(year: str) -> Counter:
    """Every line of FEC's full extract summed by state (New York's combined rows left out)."""
    totals: Counter = Counter()
    for row in crosscheck.fec_full_lines(year):
        totals[row["state"]] += int(row["votes"])
    return totals


def packaged_state(year: str, state: str) -> list[dict[str, str]]:
    return [r for r in crosscheck.read_csv(crosscheck.PACKAGED) if r["year"] == year and r["state"] == state]


def exact_subset(items: list[tuple[str, int]], target: int) -> list[tuple[str, int]] | None:
    """The fewest ``items`` whose votes add up to ``target`` exactly, or None.

    >>> exact_subset([("McKinney", 35), ("Keyes", 31), ("Allen", 2), ("Moore", 2), ("Judd", 1)], 71)
    [('McKinney', 35), ('Keyes', 31), ('Allen', 2), ('Moore', 2), ('Judd', 1)]
    >>> exact_subset([("Duncan", 3905), ("Cobb", 12)], 3905), exact_subset([("Cobb", 12)], 5)
    ([('Duncan', 3905)], None)
    """
    best: dict[int, list[int]] = {0: []}
    for index, (_, votes) in enumerate(items):
        for total, chosen in list(best.items()):
            reached = total + votes
            if votes > 0 and reached <= target and (reached not in best or len(best[reached]) > len(chosen) + 1):
                best[reached] = chosen + [index]
    return [items[i] for i in best[target]] if target in best and target > 0 else None


def reaches(values: list[int], target: int) -> bool:
    """Whether some of ``values`` add up to ``target`` (0 always does)."""
    sums = 1
    for value in values:
        sums |= sums << value
    return target >= 0 and bool(sums >> target & 1)


def unnamed_people(year: str, state: str, cells: list[dict[str, str]], rows: list[dict[str, str]]) -> list[tuple[str, int]]:
    """FEC's people in the state whom the record does not name there (nor the cells being set)."""
    def person(name: str) -> tuple[str, str]:
        return crosscheck.surname(name), crosscheck.initial(name)

    named = {person(r["candidate"]) for r in rows if r["kind"] == "candidate"} | {person(c["candidate"]) for c in cells}
    return [(str(e["name"]), int(e["votes"])) for (s, last), e in sorted(crosscheck.fec_full_people(year).items())
            if s == state and person(str(e["name"])) not in named and " sr" not in last]


def fec_aggregates(year: str, state: str) -> list[int]:
    return [int(r["votes"]) for r in crosscheck.fec_full_lines(year)
            if r["state"] == state and crosscheck.FEC_AGGREGATE.match(r["label"].strip())]


def plan_state(year: str, state: str, cells: list[dict[str, str]], fec_total: int) -> list[tuple[str, int, int, str]]:
    """(candidate, packaged votes, new votes, why) for one state.

    1. Every cell takes FEC's figure.
    2. Votes a raw row held beyond FEC's figure go to the people FEC gives exactly that many votes
       (cells being raised, or people the record does not name there, added), when such a set exists.
    3. Each cell still being raised takes its votes out of an unnamed line whose remainder is then
       exactly what FEC gives some of the people and lines the record leaves unnamed.
    4. What is left (raised votes no line accounts for, held votes no one takes) moves the total, or
       comes out of (goes into) an unnamed line, whichever leaves the state total nearest FEC's."""
    rows = packaged_state(year, state)
    total = int(rows[0]["total_votes"]) if rows else 0
    plan = [(c["candidate"], int(c["packaged"] or 0), int(c["official"]), "official") for c in cells]
    raised = [(name, new - old) for name, old, new, _ in plan if new > old]
    excess = sum(old - new for _, old, new, _ in plan if new < old)
    others = unnamed_people(year, state, cells, rows)
    taken = exact_subset(raised + others, excess) if excess else None
    if taken:
        plan += [(name, 0, votes, "held") for name, votes in taken if (name, votes) in others]
        raised = [item for item in raised if item not in taken]
        excess = 0
    rest = [votes for item in others if item not in (taken or []) for votes in [item[1]]] + fec_aggregates(year, state)
    lines = {r["candidate"]: int(r["votes"]) for r in rows if r["kind"] in UNNAMED}
    before = dict(lines)
    unfunded = 0
    for _, votes in sorted(raised, key=lambda item: -item[1]):
        line = next((name for name, have in sorted(lines.items(), key=lambda kv: -kv[1])
                     if have >= votes and reaches(rest, have - votes)), None)
        if line is None:
            unfunded += votes
        else:
            lines[line] -= votes
    _settle(lines, unfunded - excess, total + unfunded - excess, fec_total)
    changed = [(name, before.get(name, 0), votes, "unnamed") for name, votes in lines.items() if votes != before.get(name, 0)]
    return plan + [row for line in changed for row in _name_the_rest(line, others, taken or [])]


def _name_the_rest(line: tuple[str, int, int, str], others, taken) -> list[tuple[str, int, int, str]]:
    """5. A changed unnamed line left with exactly the votes FEC gives one person the record does not name
    there is that person's (Illinois 2000's "(Other Candidates)" 2,127 is FEC's Hagelin)."""
    name, old, new, why = line
    match = [person for person in others if person[1] == new and person not in taken]
    if new > 0 and len(match) == 1:
        return [(name, old, 0, why), (match[0][0], 0, new, "held")]
    return [line]


def _settle(lines: dict[str, int], change: int, total_after: int, fec_total: int) -> None:
    """Step 4 of ``plan_state``, in place: leave ``change`` in the total, or move it out of (into) the
    largest unnamed line that can take it (a new "Write-In" line if none), whichever is nearer FEC's total."""
    if change == 0:
        return
    fits = [name for name, have in sorted(lines.items(), key=lambda kv: -kv[1]) if have - change >= 0]
    if change < 0 and not fits:
        fits = [NEW_LINE]
    if fits and abs(total_after - change - fec_total) < abs(total_after - fec_total):
        lines[fits[0]] = lines.get(fits[0], 0) - change


def note(year: str, state: str, plan: list[tuple[str, int, int, str]], kind: str, candidate: str) -> str:
    others = ", ".join(f"{name} {new - old:+,}" for name, old, new, why in plan if why != "unnamed")
    if kind == "unnamed":
        line = next((old - new for name, old, new, why in plan if name == candidate and why == "unnamed"), 0)
        return (f"the raw unnamed line gives up {line:,} votes" if line >= 0 else f"the raw unnamed line takes {-line:,} votes") + (
            f" of the changes FEC decides in this state ({others}); the rest, if any, moves the state total; {READ_FROM}")
    if kind == "held":
        return (f"FEC's state figure for {candidate}, whose votes a raw row held (the cells FEC decides here: {others}); "
                f"{READ_FROM}")
    return f"FEC's state figure for {candidate} (all of the candidate's lines); {READ_FROM}"


def record_spelling(packaged, year: str, name: str) -> str:
    """The record's spelling of a person it names elsewhere that year (same surname and first initial),
    else FEC's."""
    same = [c for c in packaged.national[int(year)] if crosscheck.surname(c) == crosscheck.surname(name)
            and crosscheck.initial(c) == crosscheck.initial(name)]
    return max(same, key=lambda c: packaged.national[int(year)][c]) if same else name


def proposed_rows() -> list[dict[str, str]]:
    """A correction row per cell to change, from the cross-check's list of needed corrections."""
    needed = crosscheck.read_csv(crosscheck.NEEDED)
    packaged = crosscheck.Packaged.load()
    by_state: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in needed:
        if not row["packaged"]:  # a candidate missing in this state takes the record's spelling of that year
            row = dict(row, candidate=record_spelling(packaged, row["year"], row["candidate"]))
        by_state[(row["year"], row["state"])].append(row)
    out = []
    for (year, state), cells in sorted(by_state.items()):
        plan = plan_state(year, state, cells, fec_state_totals(year)[state])
        for name, old, new, why in plan:
            if why == "held":
                name = record_spelling(packaged, year, name)
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
