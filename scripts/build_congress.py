#!/usr/bin/env python3
"""Build the Congress tables of a contingent election from the raw data kit.

Reads ``../shared/data/congress`` (next to the checkout, or ``--kit DIR``; its SOURCES.md gives the
counting rule, the cross-checks and the weak spots) and writes into ``src/electoral/data/``:

- ``congress_house_delegations.csv``  congress, state, dem, rep, other, vacant, seats, other_parties,
  conflict, source: each state's Representatives seated on the House's reference date
- ``congresses.csv``                  congress, first_year, the House's and the Senate's reference dates and
  the Senate's composition on its reference date (dem, rep, other, vacant, seats, other_parties,
  vacant_states, source)
- ``contingent_congress.csv``         election_year, congress_elected, deciding_congress (the first
  election, 1788-89, under the record's year 1789)
- ``contingent_ballots.csv``          the recorded ballots of 1801, 1825 (House) and 1837 (Senate)
- ``congress_sources.csv``            the full citation behind each short source key

``dem`` counts Democrats, ``rep`` Republicans (from the 34th Congress, 1855), ``other`` everyone else
(every member before 1855); ``other_parties`` names those parties (with the caucus where Bioguide
records a different one). ``vacant`` is blank where the kit flags a conflict (more members counted
than seats apportioned) or has no apportioned figure. The packaged tables never name the kit's path.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "electoral" / "data"

SOURCES: dict[str, str] = {
    "bioguide": (
        "Biographical Directory of the United States Congress, profile JSONs as committed in "
        "declanrjb/congress-bioguide data/raw/<bioguideID>.json @884d69a1 (2024-12-18); public domain (U.S. "
        "Government work). Members seated on the reference date, counted as described in docs/contingent.md"),
    "congress-legislators": (
        "unitedstates/congress-legislators legislators-current.yaml, commits ce2c4664 (2025-01-03) .. 5f5e8470 "
        "(2025-02-23), CC0: terms covering 2025-01-03 (the 119th Congress only)"),
    "govtrack-sessions": (
        "GovTrack sessions.tsv, govtrack/govtrack.us-web @bfabd333: the first day of each Congress's first "
        "regular session (House) and of its first session of any kind (Senate)"),
    "apportionment": (
        "Seats apportioned per state by the census in force for the Congress (the package's "
        "apportionment_seats table, same official figures)"),
    "ballots": (
        "Recorded ballots of the contingent elections: House Journal and Senate Journal as quoted in "
        "Britannica (1801), the Abridgment of the Debates of Congress vol. 2 (1801), presidentialhistory.com "
        "and the Boundless U.S. History map caption (1825), Senate Doc. 104-26 (Hatfield et al., Vice "
        "Presidents of the United States) via portraits.allenbrowne.info, Politico and Annenberg Classroom "
        "(1837); each row names its pages"),
}


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(name: str, header: list[str], rows: list[list[object]]) -> None:
    with (OUT / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)
    print(f"{name}.csv: {len(rows)} rows")


def source_key(text: str) -> str:
    """The short key of a kit row's source text."""
    return "congress-legislators" if text.startswith("unitedstates/congress-legislators") else "bioguide"


def note_part(note: str, label: str) -> str:
    """The ``label=...`` part of a kit note (parts are separated by ' | ')."""
    for part in note.split(" | "):
        if part.startswith(label + "="):
            return part[len(label) + 1:]
    return ""


def house_rows(kit: Path) -> list[list[object]]:
    rows = []
    for r in read(kit / "house_delegations.csv"):
        rows.append([r["congress"], r["state"], r["dem"], r["rep"], r["other"], r["vacant"], r["total_seats"],
                     note_part(r["note"], "other"), int("DATA CONFLICT" in r["note"]), source_key(r["source"])])
    return rows


def congress_rows(kit: Path) -> list[list[object]]:
    dates = {r["congress"]: r for r in read(kit / "congress_reference_dates.csv")}
    rows = []
    for s in read(kit / "senate_composition.csv"):
        d = dates[s["congress"]]
        if d["senate_reference_date"] != s["reference_date"]:
            sys.exit(f"Senate reference dates disagree for Congress {s['congress']}")
        rows.append([s["congress"], s["first_year"], d["house_reference_date"], d["senate_reference_date"],
                     s["dem"], s["rep"], s["other"], s["vacant"], s["total_seats"],
                     note_part(s["note"], "other"), note_part(s["note"], "vacant seats (state: count)").replace(" ", ""),
                     source_key(s["source"])])
    return rows


def deciding_rows(kit: Path) -> list[list[object]]:
    # The first election (December 1788 - January 1789) is the record's 1789.
    return [["1789" if r["election_year"] == "1788" else r["election_year"], r["congress_elected_concurrently"],
             r["house_senate_congress_that_would_decide"]] for r in read(kit / "election_to_congress.csv")]


def ballot_rows(kit: Path) -> list[list[object]]:
    rows = []
    for r in read(kit / "contingent_elections_ballots.csv"):
        ballot = r["ballot"].split(" ")[0]
        through = "35" if "ballots 2-35 unchanged" in r["ballot"] else ballot
        rows.append([r["election_year"], "House" if r["body"].startswith("House") else "Senate", r["congress"],
                     r["date"], ballot, through, r["candidate"], r["count"], r["units_list"].replace(";", " "),
                     r["needed_to_win"], r["source"] if r["source"] != "same as above" else ""])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kit", type=Path, default=REPO.parent / "shared" / "data" / "congress",
                        help="folder of the raw Congress data kit")
    kit = parser.parse_args().kit
    if not (kit / "house_delegations.csv").is_file():
        sys.exit(f"no data kit in {kit}: pass --kit DIR")
    write("congress_house_delegations", ["congress", "state", "dem", "rep", "other", "vacant", "seats",
                                         "other_parties", "conflict", "source"], house_rows(kit))
    write("congresses", ["congress", "first_year", "house_reference_date", "senate_reference_date", "senate_dem",
                         "senate_rep", "senate_other", "senate_vacant", "senate_seats", "senate_other_parties",
                         "senate_vacant_states", "source"], congress_rows(kit))
    write("contingent_congress", ["election_year", "congress_elected", "deciding_congress"], deciding_rows(kit))
    write("contingent_ballots", ["year", "body", "congress", "date", "ballot", "through_ballot", "candidate",
                                 "count", "units", "needed", "source"], ballot_rows(kit))
    write("congress_sources", ["key", "citation"], [[k, v] for k, v in SOURCES.items()])


if __name__ == "__main__":
    main()
