#!/usr/bin/env python3
"""Build the apportionment tables of the package from the raw data kit.

Reads ``../shared/data/apportionment`` (next to the checkout, or ``--kit DIR``) and writes into
``src/electoral/data/``:

- ``apportionment_populations.csv``  census_year, state, population, apportioned, source
- ``apportionment_seats.csv``        census_year, state, seats, source (official seats 1789-2020)
- ``apportionment_sources.csv``      the full citation behind each short source key

The hand-kept rule tables (``apportionment_history.csv``: method, House size and statute per
census; ``apportionment_adjustments.csv``: seats given by statute or on admission) are data with
a citation per row and are edited directly, not generated here.

Populations packaged (and why only these):

- 1790: the "federal numbers" used by the Act of 14 April 1792 (free persons plus three fifths of
  "all other persons"). The kit has no apportionment populations before 1910; these are typed
  in below from a stored public copy, cited in ``SOURCES``.
- 1870-1900: the kit's census RESIDENT populations (sarahscheffler/dp-census). After the 14th
  Amendment the apportionment base is the whole number of persons less "Indians not taxed", so
  these are close to, but not exactly, the official bases (see docs/apportionment.md).
- 1910-2020: the kit's Census Bureau apportionment populations (1920: computed, never used).
- DC, Puerto Rico (and Arizona/New Mexico in 1910) are kept with ``apportioned=no`` so that
  what-ifs can add them as states; they are never part of a historical apportionment base.

1800-1860 populations need the three-fifths count by state, which is not in the kit; those
censuses carry official seats only.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "electoral" / "data"

SOURCES: dict[str, str] = {
    "census-apportionment": (
        "U.S. Census Bureau apportionment populations 1910-2020 (resident population less 'Indians not taxed' "
        "1910-1930, plus overseas federal personnel 1970 and 1990-2020), from GPHemsley/house-apportionment "
        "data/<year>_census.csv @7c54ad3 (CC0) as compiled in the data kit; 2020 equals Census 2020 Table 1"),
    "census-resident": (
        "U.S. Census Bureau resident population by state, from sarahscheffler/dp-census "
        "census_data/historical_populations.csv @329797c (BSD-2-Clause): census totals, not the official "
        "apportionment base (Indians not taxed are not excluded)"),
    "federal-numbers-1790": (
        "1790 census 'federal numbers' (free persons + three fifths of all other persons) as printed in "
        "jalapic/apportR vignettes/my-vignette.utf8.md @c17495b (data set usa1790, total 3,615,920); same "
        "figures at tutorsglobe.com 'The First Apportionment of the House of Representatives'. Jefferson's "
        "method at 1:33,000 gives the Act of 14 April 1792 seat for seat"),
    "census-territory": (
        "U.S. Census Bureau population of an area that was not a state at the census (DC, Puerto Rico; Arizona "
        "and New Mexico in 1910), same definition as the apportionment population, from the data kit; never part "
        "of a historical apportionment base"),
    "constitution": "U.S. Constitution, Art. I, Sec. 2, cl. 3: the 65 seats held until the first census",
    "census-seats-1790-1900": (
        "U.S. Census Bureau, 'Apportionment of membership of the House of Representatives 1789-2000', via "
        "sarahscheffler/dp-census census_data/house_apportionments.csv @329797c; totals include seats given by "
        "statute to Ohio (1803), Louisiana (1812), California (1852) and the additions of 1862 and 1872"),
    "census-seats-1910-2020": (
        "U.S. Census Bureau historical apportionment table apportionment.csv (1910-2020); Arizona and New Mexico "
        "1910: one seat each under the Act of 8 August 1911, sec. 2 (dp-census table)"),
}

# 1790 federal numbers (source key "federal-numbers-1790"): not in the kit. Jefferson's method with
# the statutory ratio 1:33,000 reproduces the Act of 14 April 1792 (1 Stat. 253) from these.
FEDERAL_NUMBERS_1790: dict[str, int] = {
    "VA": 630560, "MA": 475327, "PA": 432879, "NC": 353523, "NY": 331589, "MD": 278514, "CT": 236841,
    "SC": 206236, "NJ": 179570, "NH": 141822, "VT": 85533, "GA": 70835, "KY": 68705, "RI": 68446, "DE": 55540,
}
RESIDENT_CENSUSES = ("1870", "1880", "1890", "1900")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kit", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    kit = args.kit / "apportionment"

    seats_rows = []
    with open(kit / "house_seats_by_state_1789_2020.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            year = int(row["census_year"])
            key = "constitution" if year == 1789 else "census-seats-1790-1900" if year < 1910 else "census-seats-1910-2020"
            seats_rows.append({"census_year": year, "state": row["state_po"], "seats": int(row["seats"]), "source": key})
    states_with_seats: dict[int, set[str]] = {}
    for row in seats_rows:
        states_with_seats.setdefault(row["census_year"], set()).add(row["state"])

    populations = [{"census_year": 1790, "state": code, "population": value, "apportioned": "yes",
                    "source": "federal-numbers-1790"} for code, value in FEDERAL_NUMBERS_1790.items()]
    assert set(FEDERAL_NUMBERS_1790) == states_with_seats[1790]
    assert sum(FEDERAL_NUMBERS_1790.values()) == 3_615_920

    po_by_name = {}
    with open(kit / "house_seats_by_state_1789_2020.csv", newline="", encoding="utf-8") as handle:
        po_by_name = {row["state"]: row["state_po"] for row in csv.DictReader(handle)}
    with open(kit / "raw" / "dp-census" / "historical_populations.csv", newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            code = po_by_name.get(row["Name"])
            for census in RESIDENT_CENSUSES:
                if code in states_with_seats[int(census)]:
                    populations.append({"census_year": int(census), "state": code, "population": int(row[census]),
                                        "apportioned": "yes", "source": "census-resident"})

    with open(kit / "apportionment_population_1910_2020.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            year, code = int(row["census_year"]), row["state_po"]
            if row["apportionment_population"]:
                populations.append({"census_year": year, "state": code, "population": int(row["apportionment_population"]),
                                    "apportioned": "yes", "source": "census-apportionment"})
            elif row["resident_population"]:
                # Same definition as the apportionment population: less Indians not taxed, plus overseas.
                value = int(row["resident_population"]) - int(row["population_not_taxed"] or 0) + int(row["overseas_population"] or 0)
                populations.append({"census_year": year, "state": code, "population": value,
                                    "apportioned": "no", "source": "census-territory"})

    populations.sort(key=lambda r: (r["census_year"], r["apportioned"] != "yes", r["state"]))
    seats_rows.sort(key=lambda r: (r["census_year"], r["state"]))
    _write("apportionment_populations", ["census_year", "state", "population", "apportioned", "source"], populations)
    _write("apportionment_seats", ["census_year", "state", "seats", "source"], seats_rows)
    _write("apportionment_sources", ["key", "citation"], [{"key": k, "citation": v} for k, v in SOURCES.items()])
    totals = {}
    for row in populations:
        if row["apportioned"] == "yes":
            totals[row["census_year"]] = totals.get(row["census_year"], 0) + row["population"]
    for year, total in sorted(totals.items()):
        print(f"{year}: {total:>12,} apportionment base")
    return 0


def _write(name: str, fields: list[str], rows: list[dict]) -> None:
    with open(OUT / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    sys.exit(main())
