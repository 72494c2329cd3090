#!/usr/bin/env python3
"""Maine and Nebraska presidential popular vote by congressional district, from cited input tables.

Writes ``src/electoral/data/district_popular_vote.csv`` with the columns
``year, unit, candidate, party, votes, total_votes, source``: one row for the Democratic and one
for the Republican nominee in every district that chose an elector (``ME-1``, ``ME-2`` since 1972;
``NE-1``..``NE-3`` since 1992). ``total_votes`` is the district's vote for all presidential
candidates as the source prints it (blank ballots are not votes and are not counted).

The raw kit has no district returns (see ``shared/data/README.md``), so the numbers are read from
public repository files and kept in cited tables in ``scripts/build_inputs/`` (its ``README.md``
gives the columns; this script has no year in its code):

- ``district_returns.csv``: one row per district and year (Democratic, Republican and other votes,
  source key, and a note on why that source was chosen where it replaces another). A row with blank
  numbers is the sum of its ``district_canvass.csv`` lines (county or county-part canvass lines).
- ``district_sources.csv``: per source key and year, the repository, path and commit read; the
  packaged ``source`` column cites them as ``repository path @commit (description)``.
- ``district_differences.csv``: where the district sums differ from the certified statewide vote.

Candidate names and parties come from the package's own ``candidates.csv``. Run
``python scripts/district_results.py`` to rewrite the CSV (deterministic); with the raw kit next to
the checkout (or ``--kit DIR``) it also prints the district sums against the statewide returns of
the kit's popular-vote file for that year (``election_results.csv``).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INPUTS = REPO / "scripts" / "build_inputs"
OUT = REPO / "src" / "electoral" / "data" / "district_popular_vote.csv"
CANDIDATES = REPO / "src" / "electoral" / "data" / "candidates.csv"
COLUMNS = ("year", "unit", "candidate", "party", "votes", "total_votes", "source")
PARTIES = ("Democratic", "Republican")
STATE_NAMES = {"ME": "Maine", "NE": "Nebraska"}  # the states that choose electors by district


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class DistrictReturn:
    """One district's presidential vote as a source prints it: Democratic, Republican, all others.

    >>> r = DistrictReturn(2020, "ME-2", dem=168696, rep=196692, other=10961, source="s")
    >>> r.total_votes
    376349
    """

    year: int
    unit: str
    dem: int
    rep: int
    other: int
    source: str

    @property
    def total_votes(self) -> int:
        """Votes for all presidential candidates in the district."""
        return self.dem + self.rep + self.other


@dataclass(frozen=True)
class DistrictVote:
    """One row of ``district_popular_vote.csv``."""

    year: int
    unit: str
    candidate: str
    party: str
    votes: int
    total_votes: int
    source: str


def citations(rows: list[dict[str, str]]) -> dict[tuple[str, int], str]:
    """(source key, year) -> the citation printed in the packaged ``source`` column.

    >>> citations([{"key": "k", "year": "2020", "repository": "o/r", "path": "f.txt", "commit": "abc",
    ...             "description": ""}])
    {('k', 2020): 'o/r f.txt @abc'}
    """
    out = {}
    for r in rows:
        text = f"{r['repository']} {r['path']} @{r['commit']}"
        out[(r["key"], int(r["year"]))] = f"{text} ({r['description']})" if r["description"] else text
    return out


def canvass_sums(rows: list[dict[str, str]]) -> dict[tuple[int, str, str], tuple[int, int, int]]:
    """(year, unit, source key) -> summed (Democratic, Republican, other) votes of canvass lines.

    >>> lines = [{"year": "2016", "unit": "NE-1", "source": "c", "dem": "2", "rep": "3", "other": "1"},
    ...          {"year": "2016", "unit": "NE-1", "source": "c", "dem": "1", "rep": "4", "other": "2"}]
    >>> canvass_sums(lines)
    {(2016, 'NE-1', 'c'): (3, 7, 3)}
    """
    sums: dict[tuple[int, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in rows:
        acc = sums[(int(r["year"]), r["unit"], r["source"])]
        for i, column in enumerate(("dem", "rep", "other")):
            acc[i] += int(r[column])
    return {key: (v[0], v[1], v[2]) for key, v in sums.items()}


def to_return(row: dict[str, str], cited: dict[tuple[str, int], str],
              summed: dict[tuple[int, str, str], tuple[int, int, int]]) -> DistrictReturn:
    """A ``district_returns.csv`` row, its numbers from the row or (blank) from its canvass lines."""
    year, unit, key = int(row["year"]), row["unit"], row["source"]
    if (key, year) not in cited:
        raise SystemExit(f"{year} {unit}: no district_sources.csv row for source {key!r} in {year}")
    if row["dem"] == row["rep"] == row["other"] == "":
        if (year, unit, key) not in summed:
            raise SystemExit(f"{year} {unit}: blank return but no district_canvass.csv lines from {key!r}")
        dem, rep, other = summed[(year, unit, key)]
    else:
        dem, rep, other = int(row["dem"]), int(row["rep"]), int(row["other"])
    return DistrictReturn(year, unit, dem, rep, other, cited[(key, year)])


def all_returns(inputs: Path = INPUTS) -> tuple[DistrictReturn, ...]:
    """Every district return of the input tables, sorted by year and unit."""
    rows = read_csv(inputs / "district_returns.csv")
    cited = citations(read_csv(inputs / "district_sources.csv"))
    summed = canvass_sums(read_csv(inputs / "district_canvass.csv"))
    unused = set(summed) - {(int(r["year"]), r["unit"], r["source"]) for r in rows if not r["dem"]}
    if unused:
        raise SystemExit(f"district_canvass.csv lines with no blank district_returns.csv row: {sorted(unused)}")
    returns = [to_return(row, cited, summed) for row in rows]
    keys = [(r.year, r.unit) for r in returns]
    if len(keys) != len(set(keys)):
        raise SystemExit("duplicate district return")
    return tuple(sorted(returns, key=lambda r: (r.year, r.unit)))


def nominees(path: Path = CANDIDATES) -> dict[tuple[int, str], str]:
    """(year, party) -> candidate for the Democratic and Republican nominees, from candidates.csv."""
    return {(int(r["year"]), r["party"]): r["candidate"] for r in read_csv(path) if r["party"] in PARTIES}


def rows_for(ret: DistrictReturn, names: dict[tuple[int, str], str]) -> tuple[DistrictVote, DistrictVote]:
    """The Democratic and Republican rows of one district return.

    >>> r = DistrictReturn(2008, "NE-2", dem=138809, rep=135439, other=3561, source="s")
    >>> d, rep = rows_for(r, {(2008, "Democratic"): "Barack Obama", (2008, "Republican"): "John McCain"})
    >>> d.candidate, d.votes, rep.candidate, rep.total_votes
    ('Barack Obama', 138809, 'John McCain', 277809)
    """
    def row(party: str, votes: int) -> DistrictVote:
        return DistrictVote(ret.year, ret.unit, names[(ret.year, party)], party, votes, ret.total_votes, ret.source)

    return row("Democratic", ret.dem), row("Republican", ret.rep)


def build_rows() -> tuple[DistrictVote, ...]:
    """All rows of district_popular_vote.csv."""
    names = nominees()
    return tuple(row for ret in all_returns() for row in rows_for(ret, names))


def write(rows: tuple[DistrictVote, ...], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(COLUMNS)
        for r in rows:
            out.writerow((r.year, r.unit, r.candidate, r.party, r.votes, r.total_votes, r.source))


def _clavesi_statewide(path: Path, states: dict[str, str]) -> dict[str, list[int]]:
    """state code -> (Democratic, Republican) party-line votes of a clavesi year file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for code, name in states.items():
        for candidate, votes in data["votes"][name]["popular"].items():
            party = data["candidates"][candidate]
            if party in PARTIES:
                out[code][party == "Republican"] += int(votes)
    return out


def _medsl_statewide(path: Path, year: int, states: dict[str, str]) -> dict[str, list[int]]:
    """state code -> (Democratic, Republican) votes of a MEDSL file's rows of one year."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in read_csv(path):
        if int(r["year"]) == year and r["state_po"] in states and r["party_simplified"] in ("DEMOCRAT", "REPUBLICAN"):
            out[r["state_po"]][r["party_simplified"] == "REPUBLICAN"] += int(r["candidatevotes"])
    return out


def statewide_from_kit(kit: Path, years: set[int], states: dict[str, str],
                       inputs: Path = INPUTS) -> dict[tuple[int, str], tuple[int, int]]:
    """(year, state) -> statewide (Democratic, Republican) votes from each year's popular-vote file.

    The file and its reading (``clavesi`` party lines or ``medsl``) are the year's
    ``election_results.csv`` row, as for ``scripts/build_data.py``.
    """
    out: dict[tuple[int, str], tuple[int, int]] = {}
    for row in read_csv(inputs / "election_results.csv"):
        year, path = int(row["year"]), kit / row["popular_vote_file"]
        if year not in years or not row["popular_vote_file"] or not path.is_file():
            continue
        if row["popular_vote_from"] == "clavesi":
            votes = _clavesi_statewide(path, states)
        else:
            votes = _medsl_statewide(path, year, states)
        out.update({(year, code): (v[0], v[1]) for code, v in votes.items()})
    return out


def report(kit: Path, inputs: Path = INPUTS) -> int:
    """Print district sums against the statewide returns; 1 if a difference is not in district_differences.csv."""
    known = {(int(r["year"]), r["state"]): (int(r["dem"]), int(r["rep"]))
             for r in read_csv(inputs / "district_differences.csv")}
    sums: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in all_returns(inputs):
        acc = sums[(r.year, r.unit[:2])]
        acc[0] += r.dem
        acc[1] += r.rep
    states = {code: STATE_NAMES[code] for _, code in sums}
    statewide = statewide_from_kit(kit, {year for year, _ in sums}, states, inputs)
    bad = 0
    print("year state  D districts-statewide  R districts-statewide")
    for key in sorted(sums):
        if key not in statewide:
            print(f"{key[0]} {key[1]}  (no statewide return in the kit)")
            continue
        diff = (sums[key][0] - statewide[key][0], sums[key][1] - statewide[key][1])
        flag = "" if diff == known.get(key, (0, 0)) else "  UNEXPECTED"
        bad += bool(flag)
        print(f"{key[0]} {key[1]}  {diff[0]:+7d}  {diff[1]:+7d}{flag}")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kit", type=Path, default=REPO.parent / "shared" / "data",
                        help="raw data kit, only for the statewide cross-check (default: ../shared/data)")
    args = parser.parse_args(argv)
    rows = build_rows()
    write(rows)
    print(f"wrote {len(rows)} rows to {OUT.relative_to(REPO)}")
    if (args.kit / "results").is_dir():
        return report(args.kit)
    print("kit not found: statewide cross-check skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
