#!/usr/bin/env python3
"""Build the package's record tables from the raw data kit.

Reads ``../shared/data`` (next to the checkout, or ``--kit DIR``) and writes compact CSV files into
``src/electoral/data/``:

- ``states.csv``                 USPS code, FIPS, name, date of admission
- ``electoral_votes.csv``        electors allotted to every unit in every election 1789-2024
- ``electoral_votes_cast.csv``   electoral votes for president per unit and candidate, with status
                                 (counted, rejected, abstained, not_voted), faithless pledges, sources
- ``candidates.csv``             candidates per election with their party
- ``popular_vote.csv``           popular votes per state and candidate (1824-2024, as far as the kit goes)
- ``not_counted.csv``            states that did not take part, or whose votes Congress did not count
- ``contingent_elections.csv``   what the House (or Senate) did when no one had a majority
- ``ballot_rules.csv``           votes per elector and the contingent rule, by constitutional period
- ``sources.csv``                the full citation behind each short source key used in the tables

Every change to a raw value, and everything year-specific, is data: cited CSV tables in
``scripts/build_inputs/`` (electoral-vote corrections, name and party fixes, district splits, which
raw file and source key give each year's results, the candidates of years without an electoral-vote
file, the kit's file names, ...) and, for popular votes, the packaged cited tables
``popular_vote_corrections.csv`` and ``ballot_line_nominees.csv``; every row names its source. The code
here only reads them. Run ``python scripts/build_data.py`` after changing the kit or a table; the
output is deterministic, so ``git diff`` shows exactly what a change did.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import importlib.util
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "electoral" / "data"

# Inputs the build reads besides the raw kit: cited CSV tables in scripts/build_inputs/, one row per
# fact, each with its source (a key of sources.csv, or for the constitutional and statutory tables
# the text cited). docs/record.md, "Reading the tables, and adding an election", says which to extend.
INPUTS = REPO / "scripts" / "build_inputs"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# Rows cite their source by a short key; sources.csv holds the full citation of each key.
SOURCES: dict[str, str] = {row["key"]: row["citation"] for row in _read_csv(INPUTS / "sources.csv")}


def _election_day(year: int) -> str:
    """Election Day: the Tuesday after the first Monday of November (3 U.S.C. 1; 1848 on)."""
    day = datetime.date(year, 11, 2)
    while day.weekday() != 1:  # Tuesday
        day += datetime.timedelta(days=1)
    return f"{day:%B} {day.day}, {year}"


def citation(key: str) -> str:
    """The full citation of a source key: a named source, or one of the official series by year.

    ``fec-YEAR``: the Federal Election Commission's "Federal Elections YEAR" (state-by-state official
    results, compiled from the states' certified canvasses); ``house-clerk-YEAR``: the House Clerk's
    "Statistics of the Presidential and Congressional Election" of that year.

    >>> citation("house-clerk-1968").split(" of ")[-1]
    "November 5, 1968 (from the states' certified returns)"
    """
    if key in SOURCES:
        return SOURCES[key]
    series, _, year = key.rpartition("-")
    if series == "fec" and year.isdigit():
        return (f"Federal Election Commission, Federal Elections {year}: Election Results for the U.S. President, "
                f"the U.S. Senate and the U.S. House of Representatives (official results by state, from the states' certified canvasses)")
    if series == "house-clerk" and year.isdigit():
        return (f"Office of the Clerk, U.S. House of Representatives, Statistics of the Presidential and Congressional "
                f"Election of {_election_day(int(year))} (from the states' certified returns)")
    raise SystemExit(f"unknown source key {key!r}: add it to scripts/build_inputs/sources.csv")

# ---------------------------------------------------------------------------------------------
# States: USPS code -> (name, FIPS, date of admission). Admission dates: ratification of the
# Constitution for the original thirteen, else the date of admission by act or proclamation
# (U.S. Senate, "States in the Senate"; National Archives). DC: ratification of the 23rd Amendment.
# ---------------------------------------------------------------------------------------------
STATES: dict[str, tuple[str, str, str, str]] = {
    "AL": ("Alabama", "01", "1819-12-14", ""),
    "AK": ("Alaska", "02", "1959-01-03", ""),
    "AZ": ("Arizona", "04", "1912-02-14", ""),
    "AR": ("Arkansas", "05", "1836-06-15", ""),
    "CA": ("California", "06", "1850-09-09", ""),
    "CO": ("Colorado", "08", "1876-08-01", ""),
    "CT": ("Connecticut", "09", "1788-01-09", "ratified the Constitution"),
    "DE": ("Delaware", "10", "1787-12-07", "ratified the Constitution"),
    "DC": ("District of Columbia", "11", "1961-03-29", "23rd Amendment ratified; first appointed electors in 1964"),
    "FL": ("Florida", "12", "1845-03-03", ""),
    "GA": ("Georgia", "13", "1788-01-02", "ratified the Constitution"),
    "HI": ("Hawaii", "15", "1959-08-21", ""),
    "ID": ("Idaho", "16", "1890-07-03", ""),
    "IL": ("Illinois", "17", "1818-12-03", ""),
    "IN": ("Indiana", "18", "1816-12-11", ""),
    "IA": ("Iowa", "19", "1846-12-28", ""),
    "KS": ("Kansas", "20", "1861-01-29", ""),
    "KY": ("Kentucky", "21", "1792-06-01", ""),
    "LA": ("Louisiana", "22", "1812-04-30", ""),
    "ME": ("Maine", "23", "1820-03-15", ""),
    "MD": ("Maryland", "24", "1788-04-28", "ratified the Constitution"),
    "MA": ("Massachusetts", "25", "1788-02-06", "ratified the Constitution"),
    "MI": ("Michigan", "26", "1837-01-26", ""),
    "MN": ("Minnesota", "27", "1858-05-11", ""),
    "MS": ("Mississippi", "28", "1817-12-10", ""),
    "MO": ("Missouri", "29", "1821-08-10", ""),
    "MT": ("Montana", "30", "1889-11-08", ""),
    "NE": ("Nebraska", "31", "1867-03-01", ""),
    "NV": ("Nevada", "32", "1864-10-31", ""),
    "NH": ("New Hampshire", "33", "1788-06-21", "ratified the Constitution"),
    "NJ": ("New Jersey", "34", "1787-12-18", "ratified the Constitution"),
    "NM": ("New Mexico", "35", "1912-01-06", ""),
    "NY": ("New York", "36", "1788-07-26", "ratified the Constitution"),
    "NC": ("North Carolina", "37", "1789-11-21", "ratified the Constitution"),
    "ND": ("North Dakota", "38", "1889-11-02", ""),
    "OH": ("Ohio", "39", "1803-03-01", ""),
    "OK": ("Oklahoma", "40", "1907-11-16", ""),
    "OR": ("Oregon", "41", "1859-02-14", ""),
    "PA": ("Pennsylvania", "42", "1787-12-12", "ratified the Constitution"),
    "RI": ("Rhode Island", "44", "1790-05-29", "ratified the Constitution"),
    "SC": ("South Carolina", "45", "1788-05-23", "ratified the Constitution"),
    "SD": ("South Dakota", "46", "1889-11-02", ""),
    "TN": ("Tennessee", "47", "1796-06-01", ""),
    "TX": ("Texas", "48", "1845-12-29", ""),
    "UT": ("Utah", "49", "1896-01-04", ""),
    "VT": ("Vermont", "50", "1791-03-04", ""),
    "VA": ("Virginia", "51", "1788-06-25", "ratified the Constitution"),
    "WA": ("Washington", "53", "1889-11-11", ""),
    "WV": ("West Virginia", "54", "1863-06-20", ""),
    "WI": ("Wisconsin", "55", "1848-05-29", ""),
    "WY": ("Wyoming", "56", "1890-07-10", ""),
}
CODE_BY_NAME = {name: code for code, (name, *_rest) in STATES.items()}
# Raw defect: clavesi spells DC "Distric of Columbia" in all files 1964-2020.
CODE_BY_NAME["Distric of Columbia"] = "DC"

# Recipients of faithless or unpledged electors' votes had no presidential nomination of their own;
# their party column says so rather than repeating the raw "Faithless" label.
NO_NOMINATION = "(no presidential nomination)"

# Popular votes that differ from the official record, as a cited table the build applies:
# src/electoral/data/popular_vote_corrections.csv (year, state, candidate, raw_votes, votes, source, note).
# ``raw_votes`` is what the raw files give (empty: no row there); ``votes`` the official figure (0: the
# row is not a vote for that candidate and is removed). A correction whose raw value no longer
# matches stops the build. Blank-name MEDSL rows on a party's ballot line belong to that party's
# nominee: src/electoral/data/ballot_line_nominees.csv (year, state or *, party line, write-in flag).
CORRECTIONS_TABLE = OUT / "popular_vote_corrections.csv"
NOMINEES_TABLE = OUT / "ballot_line_nominees.csv"


def read_cited_table(path: Path) -> list[dict[str, str]]:
    """Rows of a cited build table; every row must name a source key the build can cite."""
    rows = _read_csv(path)
    for row in rows:
        citation(row["source"])
    return rows


def read_input(name: str) -> list[dict[str, str]]:
    """Rows of ``scripts/build_inputs/<name>.csv`` whose ``source`` is a citable key."""
    return read_cited_table(INPUTS / f"{name}.csv")


# Which raw file and source key give each year's electoral and popular votes (election_results.csv):
# ``electoral_votes_from`` is ``clavesi`` (the year's clavesi file, with the corrections below) or
# ``plurality`` (each unit's plurality winner in the popular-vote file takes the kit's allotment, as
# the National Archives' certificates record); ``popular_vote_from`` is ``clavesi`` (party lines),
# ``medsl`` (summed over ballot lines) or empty (no popular vote in the kit).
ELECTIONS: dict[int, dict[str, str]] = {int(row["year"]): row for row in _read_csv(INPUTS / "election_results.csv")}
for _row in ELECTIONS.values():
    for _key in ("electoral_votes_source", "popular_vote_source"):
        if _row[_key]:
            citation(_row[_key])
# Candidates of the years without an electoral-vote file (their party; their surnames name them in MEDSL).
ELECTION_CANDIDATES = read_input("election_candidates")
# The kit's apportionment files (table -> path inside the kit).
KIT_FILES: dict[str, str] = {row["table"]: row["path"] for row in _read_csv(INPUTS / "kit_files.csv")}

# Candidate names: raw spelling -> name in the official record (House Clerk / National Archives).
# A row with an empty ``state`` applies in every state that year; one with a state only there.
NAME_FIXES: dict[tuple[int, str, str], str] = {(int(r["year"]), r["state"], r["raw_name"]): r["name"]
                                               for r in read_input("name_fixes")}


def fixed_name(year: int, state: str, name: str) -> str:
    """The record's spelling of a raw name (``name_fixes.csv``): the state's own row, else the year's.

    >>> fixed_name(1924, "WI", "Robert LaFollette"), fixed_name(2016, "NV", "Kyle Kenley Kopitke")
    ('Robert M. La Follette', 'Darrell L. Castle')
    >>> fixed_name(2016, "CO", "Kyle Kenley Kopitke")  # his own Colorado line
    'Kyle Kenley Kopitke'
    """
    return NAME_FIXES.get((year, state, name), NAME_FIXES.get((year, "", name), name))
# Misspelled party labels in the raw file (House Clerk record: Constitutional Union, Republican).
PARTY_SPELLING: dict[str, str] = {r["raw_party"]: r["party"] for r in read_input("party_spelling")}
# Parties of candidates the raw file lacks or labels "Faithless"/"Various".
PARTY_FIXES: dict[str, str] = {r["candidate"]: r["party"] for r in read_input("party_fixes")}

# Per-state electoral votes that replace the raw file's, with the official record:
# (year, state) -> its rows (candidate, electoral_votes, status, pledged_to, note, source).
CAST_CORRECTIONS: dict[tuple[int, str], list[dict[str, str]]] = defaultdict(list)
for _row in read_input("electoral_vote_corrections"):
    CAST_CORRECTIONS[(int(_row["year"]), _row["state"])].append(_row)

# Maine (from 1972) and Nebraska (from 1992) appoint two electors at large and one per district.
DISTRICTS = {"ME": (1972, 2), "NE": (1992, 3)}
# Districts whose elector went against the statewide winner (Maine and Nebraska Secretaries of
# State, certified results; House Clerk record): year -> {district: candidate}.
DISTRICT_SPLITS: dict[int, dict[str, str]] = defaultdict(dict)
SPLIT_SOURCES: dict[tuple[int, str], str] = {}
for _row in read_input("district_splits"):
    DISTRICT_SPLITS[int(_row["year"])][_row["unit"]] = _row["candidate"]
    SPLIT_SOURCES[(int(_row["year"]), _row["unit"])] = _row["source"]

# States that did not take part, or that Congress did not count (House Clerk record; Senate Journal).
NOT_COUNTED = read_input("not_counted")
# Contingent elections (12th Amendment; Art. II Sec. 1 before it); source: House and Senate Journals.
CONTINGENT = _read_csv(INPUTS / "contingent_elections.csv")
# Votes per elector and the contingent rule by constitutional period; source: the Constitution.
BALLOT_RULES = _read_csv(INPUTS / "ballot_rules.csv")


def votes_per_elector(year: int) -> int:
    """Votes each elector cast for president (two before the 12th Amendment), from ballot_rules.csv."""
    return next(int(r["votes_per_elector"]) for r in BALLOT_RULES if int(r["first_year"]) <= year <= int(r["last_year"]))


def apply_corrections(rows: list[dict[str, object]], corrections: list[dict[str, str]]) -> list[dict[str, object]]:
    """Replace raw popular votes by the official figures; fail if a raw value no longer matches.

    >>> raw = [dict(year=2012, state="WI", candidate="Mitt Romney", votes=1410966, source="m")]
    >>> fix = [dict(year="2012", state="WI", candidate="Mitt Romney", raw_votes="1410966", votes="1407966", source="fec-2012")]
    >>> [(r["votes"], r["source"]) for r in apply_corrections(raw, fix)]
    [(1407966, 'fec-2012')]
    """
    by_key = {(r["year"], r["state"], r["candidate"]): r for r in rows}
    problems, added = [], []
    keys = Counter((c["year"], c["state"], c["candidate"]) for c in corrections)
    problems += [f"{key}: {n} correction rows (one row per cell: merge them)" for key, n in keys.items() if n > 1]
    for fix in corrections:
        key = (int(fix["year"]), fix["state"], fix["candidate"])
        expected = int(fix["raw_votes"]) if fix["raw_votes"] else None
        found = by_key[key]["votes"] if key in by_key else None
        if found != expected:
            problems.append(f"{key}: raw {found}, table expects {expected}")
            continue
        if key in by_key:
            by_key[key].update(votes=int(fix["votes"]), source=fix["source"])
        else:
            added.append(dict(year=key[0], state=key[1], candidate=key[2], party="", votes=int(fix["votes"]), source=fix["source"]))
    if problems:
        raise SystemExit("popular-vote corrections no longer match the raw data:\n  " + "\n  ".join(problems))
    return [r for r in rows + added if r["votes"] > 0]



# Raw "candidates" that are not votes for anyone: over/under votes, blank, void and spoiled ballots,
# and the returns that lump blanks with scattered write-ins (New York, Massachusetts, Pennsylvania,
# Wisconsin, Iowa, Maine). They are dropped, so ``total_votes`` counts valid votes only.
NOT_A_VOTE = {
    "OVERVOTES", "UNDERVOTES", "OVER VOTE", "UNDER VOTE", "OVERVOTE", "UNDERVOTE", "BLANK VOTE", "BLANK VOTES",
    "VOID", "VOID VOTE", "SPOILED", "BLANK", "BLANK VOTE/SCATTERING", "BLANK VOTE/VOID VOTE/SCATTERING",
}
# Row names for votes the raw file gives to no named person.
UNNAMED_WRITE_INS = "(Unnamed Write-Ins)"  # a blank name on a write-in line
OTHER_CANDIDATES = "(Other Candidates)"  # a blank name (or "not designated") on a ballot line of several candidates
UNPLEDGED = "Unpledged Democratic Electors"

# What a popular-vote row is (column ``kind``; docs/record.md, "What a popular-vote row is"):
# ``candidate``, a named person; ``write_ins``, votes for people the return does not name (scattered or
# unnamed write-ins, an "other" aggregate); ``other_candidates``, ballot-listed candidates the return
# lumps together unnamed; ``unpledged_electors``, a slate pledged to no one; ``none_of_these``, Nevada's
# ballot option. All count in ``total_votes``; only candidates can win electors in an allocation.
ROW_KINDS: dict[str, str] = {
    UNNAMED_WRITE_INS: "write_ins", "Write-In": "write_ins", "Scattering": "write_ins", "Other": "write_ins",
    "Others": "write_ins", OTHER_CANDIDATES: "other_candidates", UNPLEDGED: "unpledged_electors",
    "None Of These Candidates": "none_of_these", "None Of The Above": "none_of_these",
    "Nonpartisan": "write_ins",  # Rhode Island 2004: the sum of FEC's 17 write-in lines, not a person
}


def row_kind(name: str) -> str:
    """What a popular-vote row is, from its candidate name (``candidate`` unless listed in ROW_KINDS)."""
    return ROW_KINDS.get(name, "candidate")


def title_name(raw: str) -> str:
    """MEDSL's ``LAST, FIRST M.`` (or ``FIRST LAST AND RUNNING MATE``) -> ``First M. Last``.

    A generational suffix goes last, wherever the raw name puts it:

    >>> [title_name(n) for n in ("KENNEDY, ROBERT F. JR", "LAROUCHE, LYNDON, JR.", "JOHN R. GIBB, JR.")]
    ['Robert F. Kennedy Jr.', 'Lyndon Larouche Jr.', 'John R. Gibb Jr.']
    >>> title_name('MCCARTHY, EUGENE ""GENE""')
    'Eugene McCarthy'
    """
    text = re.sub(r'""?[^"]*""?', "", raw).strip()  # drop nicknames in doubled quotes
    text = re.sub(r"\s+AND\s+.*$", "", text)  # drop a running mate written on the same line
    suffix = ""
    found = re.search(r",?\s+(JR|SR|II|III|IV)\.?$", text)
    if found:
        text, suffix = text[: found.start()], found.group(1)
        suffix = f" {suffix.title()}." if suffix in ("JR", "SR") else f" {suffix}"
    if "," in text:
        last, first = (part.strip() for part in text.split(",", 1))
        text = f"{first} {last}"
    text = " ".join(text.split()).title() + suffix
    return re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kit", type=Path, default=REPO.parent / "shared" / "data", help="raw data kit folder")
    kit = parser.parse_args().kit
    seats, official_ev = _read_apportionment(kit)
    cast_rows, candidates, popular_rows = _read_clavesi(kit)
    for row in ELECTION_CANDIDATES:
        candidates[int(row["year"])][row["candidate"]] = row["party"]
    nominees = read_cited_table(NOMINEES_TABLE)
    medsl = _read_medsl(kit, nominees)
    for year in medsl:
        _EV_LAST_NAMES[year] = {name.split()[-1].upper(): name for name in candidates[year]}
    cast_rows += _plurality_rows(medsl, official_ev)
    cast_rows = _split_districts(cast_rows)
    popular_rows = _popular_rows(popular_rows, medsl, nominees, candidates)
    candidate_rows = _candidate_rows(cast_rows, candidates)
    allotment = _allotment(cast_rows)
    _check_and_source_allotment(allotment, seats, official_ev)
    _write_tables(allotment, cast_rows, candidate_rows, popular_rows, nominees)
    print(f"wrote {len(allotment)} allotment rows, {len(cast_rows)} cast rows, {len(popular_rows)} popular-vote rows to {OUT.relative_to(REPO)}")
    return _crosscheck()


def _crosscheck() -> int:
    """Run the popular-vote cross-check on what was just written (docs/record.md, "Cross-check"): 1 when
    a packaged value differs from an official figure or a difference has no adjudication, else 0."""
    path = REPO / "scripts" / "crosscheck_popular_vote.py"
    spec = importlib.util.spec_from_file_location("crosscheck_popular_vote", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    result = module.compare()
    module.write(result)
    bad = result.counts["correction-needed"] + result.counts["unadjudicated"]
    print(f"cross-check: {result.counts['cells compared']} state cells and {result.counts['national compared']} national "
          f"totals compared, {result.counts['differences']} differences, {bad} to correct or adjudicate"
          + (" (scripts/crosscheck/needed_corrections.csv; scripts/crosscheck/fec_state_splits.py --write)" if bad else ""))
    return 1 if bad else 0


def _read_apportionment(kit: Path) -> tuple[dict[int, dict[str, int]], dict[int, dict[str, int]]]:
    """Apportionment in force: House seats per census, and the kit's electors per election (1912 on)."""
    seats: dict[int, dict[str, int]] = defaultdict(dict)
    for row in _read_csv(kit / KIT_FILES["house_seats"]):
        seats[int(row["census_year"])][row["state_po"]] = int(row["seats"])
    official_ev: dict[int, dict[str, int]] = defaultdict(dict)
    for row in _read_csv(kit / KIT_FILES["electoral_votes_by_state"]):
        official_ev[int(row["election_year"])][row["state_po"]] = int(row["electoral_votes"])
    return seats, official_ev


def _read_clavesi(kit: Path):
    """Electoral votes cast (with corrections), candidates and party-line popular votes of the clavesi years."""
    cast_rows: list[dict[str, object]] = []
    candidates: dict[int, dict[str, str]] = defaultdict(dict)
    popular_rows: list[dict[str, object]] = []
    for year, spec in sorted(ELECTIONS.items()):
        if spec["electoral_votes_from"] != "clavesi":
            continue
        raw = json.loads((kit / spec["electoral_votes_file"]).read_text(encoding="utf-8"))
        fix = lambda name: fixed_name(year, "", name)  # noqa: E731
        for name, party in raw["candidates"].items():
            if name == "Others":
                continue  # 1789/1796: replaced by the named recipients in CAST_CORRECTIONS
            party = PARTY_SPELLING.get(party, party)
            candidates[year][fix(name)] = NO_NOMINATION if party == "Faithless" else party
        for state_name, entry in raw["votes"].items():
            if state_name != "Total":
                cast_rows += _clavesi_cast(year, CODE_BY_NAME[state_name], entry.get("electoral", entry), fix, spec)
                if spec["popular_vote_from"] == "clavesi":
                    popular_rows += _clavesi_popular(year, CODE_BY_NAME[state_name], entry.get("popular", {}), fix, candidates, spec)
    return cast_rows, candidates, popular_rows


def _clavesi_cast(year: int, code: str, electoral: dict, fix, spec: dict[str, str]) -> list[dict[str, object]]:
    """One state's electoral-vote rows: the correction's rows if it has one, else the raw file's."""
    if (year, code) in CAST_CORRECTIONS:
        return _corrected_rows(year, code)
    if "status" in electoral:
        return []
    return [dict(year=year, unit=code, state=code, candidate=fix(name), electoral_votes=int(votes), status="counted",
                 pledged_to="", note="", source=spec["electoral_votes_source"])
            for name, votes in electoral.items() if int(votes) > 0 and name != "Others"]


def _corrected_rows(year: int, code: str) -> list[dict[str, object]]:
    """A state's electoral-vote rows from electoral_vote_corrections.csv (they replace the raw file's)."""
    return [dict(year=year, unit=code, state=code, candidate=r["candidate"], electoral_votes=int(r["electoral_votes"]),
                 status=r["status"], pledged_to=r["pledged_to"], note=r["note"], source=r["source"])
            for r in CAST_CORRECTIONS[(year, code)]]


def _clavesi_popular(year: int, code: str, popular: dict, fix, candidates, spec: dict[str, str]) -> list[dict[str, object]]:
    """One state's party-line popular votes from the clavesi file."""
    if not popular or "status" in popular:
        return []
    return [dict(year=year, state=code, candidate=fix(name), party=candidates[year].get(fix(name), ""), votes=int(votes),
                 source=spec["popular_vote_source"])
            for name, votes in popular.items() if int(votes) > 0]


def _plurality_rows(medsl, official_ev) -> list[dict[str, object]]:
    """Years without an electoral-vote file: each state's electors go to its plurality winner (the kit's
    allotment), as the National Archives' certificates record; districts are split after."""
    rows = []
    for year, spec in sorted(ELECTIONS.items()):
        if spec["electoral_votes_from"] != "plurality":
            continue
        winners = {state: max(votes.items(), key=lambda kv: kv[1][0])[0] for state, votes in medsl[year].items()}
        for state, ev in sorted(official_ev[year].items()):
            if (year, state) in CAST_CORRECTIONS:  # e.g. a faithless elector: the certificates' rows
                rows += _corrected_rows(year, state)
                continue
            rows.append(dict(year=year, unit=state, state=state, candidate=_canonical(year, winners[state]), electoral_votes=ev,
                             status="counted", pledged_to="", note="statewide plurality winner", source=spec["electoral_votes_source"], whole_state=True))
    return rows


def _popular_rows(clavesi_rows, medsl, nominees, candidates) -> list[dict[str, object]]:
    """Popular votes: clavesi's party lines, then MEDSL per candidate (fusion lines summed), corrected."""
    resolved_names = {UNNAMED_WRITE_INS, OTHER_CANDIDATES} | {row["nominee"] for row in nominees}
    rows = list(clavesi_rows)
    for year in sorted(medsl):
        source = ELECTIONS[year]["popular_vote_source"]
        for state, votes_by_name in sorted(medsl[year].items()):
            for raw_name, (votes, party) in sorted(votes_by_name.items()):
                name = raw_name if raw_name in resolved_names else _canonical(year, raw_name)
                name = fixed_name(year, state, name)  # irregular forms (e.g. 2024 Connecticut's "West")
                rows.append(dict(year=year, state=state, candidate=name, party=party, votes=votes, source=source))
    unify_names([r for r in rows if r["year"] in medsl])
    for row in rows:
        row["party"] = candidates[row["year"]].get(row["candidate"], row["party"])
    rows = _merge_popular(apply_corrections(_merge_popular(rows), read_cited_table(CORRECTIONS_TABLE)))
    _fill_parties(rows, candidates)
    for row in rows:
        row["kind"] = row_kind(row["candidate"])
    return rows


def _candidate_rows(cast_rows, candidates) -> list[dict[str, object]]:
    """Parties for every candidate of a year, including everyone who received an electoral vote."""
    for row in cast_rows:
        if row["candidate"] and row["candidate"] not in candidates[row["year"]]:
            candidates[row["year"]][row["candidate"]] = PARTY_FIXES.get(row["candidate"], "")
    out = []
    for year in sorted(candidates):
        for name, party in sorted(candidates[year].items()):
            if party in ("", "Various"):
                party = PARTY_FIXES.get(name, party)
            if party == "Faithless" or party == "":
                party = NO_NOMINATION
            out.append(dict(year=year, candidate=name, party=party))
    return out


def _allotment(cast_rows) -> dict[tuple[int, str], dict[str, object]]:
    """Per unit, electors = votes cast / votes per elector + not cast."""
    allotment: dict[tuple[int, str], dict[str, object]] = {}
    for row in cast_rows:
        per_elector = votes_per_elector(row["year"])
        key = (row["year"], row["unit"])
        entry = allotment.setdefault(key, dict(year=row["year"], unit=row["unit"], state=row["state"], electoral_votes=0, source=""))
        entry["electoral_votes"] += row["electoral_votes"] // per_elector if per_elector == 1 else row["electoral_votes"] / per_elector
    for entry in allotment.values():
        if isinstance(entry["electoral_votes"], float):
            assert entry["electoral_votes"].is_integer(), entry
            entry["electoral_votes"] = int(entry["electoral_votes"])
    return allotment


def _write_tables(allotment, cast_rows, candidate_rows, popular_rows, nominees) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    _write("states", ["code", "fips", "name", "admitted", "note"],
           [dict(code=c, fips=f, name=n, admitted=a, note=note) for c, (n, f, a, note) in sorted(STATES.items())])
    order = _unit_order
    _write("electoral_votes", ["year", "unit", "state", "electoral_votes", "source"],
           sorted(allotment.values(), key=lambda r: (r["year"], order(r["unit"]))))
    _write("electoral_votes_cast", ["year", "unit", "state", "candidate", "electoral_votes", "status", "pledged_to", "note", "source"],
           sorted(cast_rows, key=lambda r: (r["year"], order(r["unit"]), r["status"] != "counted", -r["electoral_votes"], r["candidate"])))
    _write("candidates", ["year", "candidate", "party"], candidate_rows)
    _write("popular_vote", ["year", "state", "candidate", "party", "kind", "votes", "total_votes", "source"],
           sorted(popular_rows, key=lambda r: (r["year"], r["state"], -r["votes"], r["candidate"])))
    _write("not_counted", ["year", "state", "reason", "source"], NOT_COUNTED)
    _write("contingent_elections", ["year", "office", "decided_by", "chosen", "date", "detail", "source"], CONTINGENT)
    inputs = [*CAST_CORRECTIONS.values(), NOT_COUNTED, ELECTION_CANDIDATES,
              *(read_input(name) for name in ("name_fixes", "party_spelling", "party_fixes", "district_splits"))]
    used = {row["source"] for table in (popular_rows, nominees, read_cited_table(CORRECTIONS_TABLE), *inputs) for row in table}
    used |= {spec[key] for spec in ELECTIONS.values() for key in ("electoral_votes_source", "popular_vote_source") if spec[key]}
    keys = list(SOURCES) + sorted(used - set(SOURCES))
    _write("sources", ["key", "citation"], [dict(key=k, citation=citation(k)) for k in keys])
    _write("ballot_rules", ["first_year", "last_year", "votes_per_elector", "contingent_rule", "source"], BALLOT_RULES)


def _unit_order(unit: str) -> tuple[str, int]:
    state, _, district = unit.partition("-")
    return (state, int(district) if district else 0)


def medsl_name(row: dict[str, str], nominees: list[dict[str, str]]) -> str | None:
    """The name a MEDSL row counts under, or None when it is not a vote for anyone.

    A blank name on a party's ballot line is that party's nominee (``nominees`` table); otherwise a
    blank name is ``(Unnamed Write-Ins)`` on a write-in line and ``(Other Candidates)`` on a ballot line
    (several independents lumped together), as is Ohio's and North Carolina's "not designated" line.

    >>> line = dict(year="2016", state_po="IN", candidate="", party_detailed="GREEN", writein="TRUE")
    >>> medsl_name(line, [dict(year="2016", state="IN", party_line="GREEN", writein="TRUE", nominee="Jill Stein")])
    'Jill Stein'
    >>> medsl_name(dict(line, party_detailed="INDEPENDENT", writein="FALSE"), [])
    '(Other Candidates)'
    >>> medsl_name(dict(line, candidate="BLANK VOTE/SCATTERING"), []) is None
    True
    """
    raw = " ".join(row["candidate"].split())  # Raw defect: 2024 California splits a write-in name across a line break.
    if raw.upper() in NOT_A_VOTE:
        return None
    if raw and raw.upper() != "NOT DESIGNATED":
        return raw
    writein = row["writein"].upper() not in ("FALSE", "")
    for n in nominees:
        if (n["year"] == row["year"] and n["state"] in ("*", row["state_po"]) and n["party_line"] == row["party_detailed"]
                and (n["writein"].upper() == "TRUE") == writein):
            return n["nominee"]
    return UNNAMED_WRITE_INS if writein and raw != "NOT DESIGNATED" else OTHER_CANDIDATES


def _read_medsl(kit: Path, nominees: list[dict[str, str]]) -> dict[int, dict[str, dict[str, tuple[int, str]]]]:
    """year -> state -> raw candidate -> (votes summed over fusion lines, party of the largest line).

    Each year is read from the MEDSL file election_results.csv names for it (other years' rows skipped)."""
    out: dict[int, dict[str, dict[str, list]]] = defaultdict(lambda: defaultdict(dict))
    files = dict.fromkeys(spec["popular_vote_file"] for spec in ELECTIONS.values() if spec["popular_vote_from"] == "medsl")
    for name in files:
        with open(kit / name, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if ELECTIONS.get(int(row["year"]), {}).get("popular_vote_file") == name:
                    _add_medsl_row(out, row, nominees)
    return {y: {s: {c: (v[0], v[1]) for c, v in rows.items()} for s, rows in states.items()} for y, states in out.items()}


def _add_medsl_row(out, row: dict[str, str], nominees: list[dict[str, str]]) -> None:
    year, state = int(row["year"]), row["state_po"]
    raw = medsl_name(row, nominees)
    if raw is None:
        return  # over/under votes, blanks and void ballots are not votes for anyone
    raw = fixed_name(year, state, raw)  # e.g. 2012 Washington's "MITT, ROMNEY"
    votes = int(row["candidatevotes"])
    party = (row["party_simplified"] or row["party_detailed"] or "").title()
    entry = out[year][state].setdefault(raw, [0, party, -1])
    entry[0] += votes
    if votes > entry[2]:  # party of the candidate's largest ballot line
        entry[1], entry[2] = party, votes


# MEDSL surnames of a year's candidates (the clavesi file's, or election_candidates.csv's) -> the name
# in the electoral record; filled by main() for every year whose popular vote is MEDSL's.
_EV_LAST_NAMES: dict[int, dict[str, str]] = {}


def _canonical(year: int, raw: str) -> str:
    """Map a MEDSL candidate to the record's spelling when the surname matches a candidate of that year."""
    known = _EV_LAST_NAMES.get(year, {})
    if "," in raw:
        last, first = raw.split(",", 1)
    else:
        *first_parts, last = raw.split()
        first = " ".join(first_parts)
    name = known.get(last.strip().upper())
    # Same surname and first initial: a write-in namesake (e.g. another Harris in 2024) stays apart.
    if name and first.strip()[:1].upper() in {name[:1].upper(), NICKNAMES.get(name.split()[0], "")[:1]}:
        return name
    return title_name(raw)


# The record's familiar first names whose ballot name starts with another letter.
NICKNAMES = {"Bob": "Robert", "Bill": "William", "Dick": "Richard", "Ted": "Edward", "Jack": "John"}
# Short and full forms of a first name that name one person within a year (1992 Ron/Ronald Daniels,
# 2012 Jerry/Jerome White, 2016 Jim/James Hedges, 2024 Doug/Douglas Jenkins).
SAME_FIRST_NAME = {"ron": "ronald", "jerry": "jerome", "jim": "james", "doug": "douglas", "walt": "walter", "bob": "robert",
                   "bill": "william", "dick": "richard", "ted": "edward", "jack": "john"}
# A running mate written on the candidate's line: "Peter Sonski / Lauren Onak", "Cornel West & Melina Abdullah".
TICKET = re.compile(r"\s*[/&]\s*")
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def person_key(name: str) -> tuple[str, str]:
    """(first name, surname) of a candidate name, folded: accents, punctuation, middle names, initials
    and suffixes do not count, and a short first name counts as its full form.

    >>> person_key("André Ramon McNeil Sr.") == person_key("Andre Ramon McNeil") == ("andre", "mcneil")
    True
    >>> person_key("Jay J. Bowman") == person_key("Jay Bowman"), person_key("Doug Jenkins")
    (True, ('douglas', 'jenkins'))
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"\bmc\s+", "mc", folded)  # Utah 2024's "Andre Ramon Mc Neil"
    tokens = [t for t in re.split(r"[^a-z]+", folded) if t and t not in _NAME_SUFFIXES]
    if len(tokens) < 2:
        return ("", tokens[0] if tokens else "")
    return (SAME_FIRST_NAME.get(tokens[0], tokens[0]), tokens[-1])


def unify_names(rows: list[dict[str, object]]) -> None:
    """One spelling per person and year, in place, for rows whose name is a person's.

    A running mate on the line is dropped (the part that names a person with a line of their own that
    year is the candidate, else the first part), then every spelling of one ``person_key`` takes the
    spelling used in the most states (ties: the most votes). MEDSL writes 2024's minor candidates up to
    five ways ("Jay J Bowman", "Jay J. Bowman / De Bowman", "Jay Bowman"), which split their national
    totals.
    """
    people = [r for r in rows if row_kind(str(r["candidate"])) == "candidate" and not str(r["candidate"]).startswith("(")]
    by_year: dict[int, list[dict[str, object]]] = defaultdict(list)
    for row in people:
        by_year[int(row["year"])].append(row)
    for year_rows in by_year.values():
        solo = {person_key(str(r["candidate"])) for r in year_rows if not TICKET.search(str(r["candidate"]))}
        for row in year_rows:
            parts = TICKET.split(str(row["candidate"]))
            row["candidate"] = next((p for p in parts if person_key(p) in solo), parts[0])
        spellings: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for row in year_rows:
            spellings[person_key(str(row["candidate"]))][str(row["candidate"])] += 1
        votes: Counter = Counter()
        for row in year_rows:
            votes[str(row["candidate"])] += int(row["votes"])
        for row in year_rows:
            counts = spellings[person_key(str(row["candidate"]))]
            row["candidate"] = max(counts, key=lambda name: (counts[name], votes[name], name))


def _fill_parties(rows: list[dict[str, object]], candidates: dict[int, dict[str, str]]) -> None:
    """Give rows a correction added a party: the record's, else the candidate's usual label that year."""
    usual: dict[tuple[int, str], Counter] = defaultdict(Counter)
    for row in rows:
        if row["party"]:
            usual[(row["year"], row["candidate"])][row["party"]] += row["votes"]
    for row in rows:
        if not row["party"]:
            key = (row["year"], row["candidate"])
            found = candidates[row["year"]].get(row["candidate"]) or (usual[key].most_common(1)[0][0] if usual[key] else "")
            row["party"] = "Democratic (unpledged electors)" if row["candidate"] == UNPLEDGED else found


def _merge_popular(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Sum rows that name the same candidate in one state; add each state's total of valid votes."""
    merged: dict[tuple, dict[str, object]] = {}
    for row in rows:
        key = (row["year"], row["state"], row["candidate"])
        if key in merged:
            merged[key]["votes"] += row["votes"]
        else:
            merged[key] = dict(row)
    totals: Counter = Counter()
    for row in merged.values():
        totals[(row["year"], row["state"])] += row["votes"]
    for row in merged.values():
        row["total_votes"] = totals[(row["year"], row["state"])]
    return list(merged.values())


def _split_districts(cast_rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Give Maine's and Nebraska's district electors their own units (``ME-1`` ...)."""
    out = []
    for row in cast_rows:
        first, n_districts = DISTRICTS.get(row["state"], (9999, 0))
        if row["year"] < first:
            out.append(row)
        else:
            out += _district_rows(row, cast_rows, n_districts)
    return out


def _district_rows(row: dict[str, object], cast_rows: list[dict[str, object]], n_districts: int) -> list[dict[str, object]]:
    """A district state's row as its at-large row and one row per district (none for a district winner's row)."""
    state, year = row["state"], row["year"]
    splits = {unit: winner for unit, winner in DISTRICT_SPLITS.get(year, {}).items() if unit.startswith(f"{state}-")}
    counted = {r["candidate"]: r["electoral_votes"] for r in cast_rows
               if r["year"] == year and r["state"] == state and r["status"] == "counted"}
    statewide = max(counted, key=counted.get)
    if row["candidate"] != statewide and row["status"] == "counted":
        return []  # emitted as the district(s) it came from
    if not row.get("whole_state"):  # a plurality winner's row holds all the state's electors: nothing to check
        _check_split(year, state, statewide, splits, counted, n_districts)
    out = [{**row, "electoral_votes": 2, "note": "at-large electors"}]
    for d in range(1, n_districts + 1):
        unit = f"{state}-{d}"
        winner = splits.get(unit, statewide)
        against = winner != statewide
        out.append({**row, "unit": unit, "candidate": winner, "electoral_votes": 1,
                    "note": "district elector" + (" (district won against the statewide result)" if against else ""),
                    "source": SPLIT_SOURCES[(year, unit)] if against else row["source"]})
    return out


def _check_split(year: int, state: str, statewide: str, splits: dict[str, str], counted: dict[str, int], n_districts: int) -> None:
    """The raw file's state rows must equal 2 + districts won by the statewide winner, 1 per split district."""
    expected = {statewide: 2 + sum(1 for d in range(1, n_districts + 1) if splits.get(f"{state}-{d}", statewide) == statewide)}
    for winner in splits.values():
        expected[winner] = expected.get(winner, 0) + 1
    assert expected == counted, (year, state, expected, counted)


def _census_in_force(year: int, censuses) -> int:
    """The apportionment in force for an election: the latest census of the kit's seat table two years
    before it (none after 1920, so 1912-1928 use 1910's); 1789 the Constitution's initial seats."""
    if year == 1789:
        return 1789
    return max(c for c in censuses if c != 1789 and c + 2 <= year)


# States admitted between censuses sat with the Representatives their admission act gave them until
# the next apportionment; their electors are those seats + 2 (Statutes at Large, admission acts;
# Census Bureau, "Apportionment of the U.S. House of Representatives", notes to the historical table).
# admitted_between_censuses.csv: state, first and last election, seats, statute.
ALLOTMENT_EXCEPTIONS: dict[tuple[int, str], tuple[int, str]] = {
    (year, r["state"]): (int(r["seats"]) + 2, f"{r['seats']} seat{'s' if int(r['seats']) > 1 else ''} + 2: {r['source']}")
    for r in _read_csv(INPUTS / "admitted_between_censuses.csv")
    for year in range(int(r["first_year"]), int(r["last_year"]) + 1, 4)
}


def _check_and_source_allotment(allotment, seats, official_ev) -> None:
    """Every state's electors must equal seats + 2 (DC 3) under the census in force, or be explained."""
    per_state: Counter = Counter()
    for (year, unit), entry in allotment.items():
        per_state[(year, entry["state"])] += entry["electoral_votes"]
    problems = []
    for (year, state), electors in sorted(per_state.items()):
        census = _census_in_force(year, seats)
        if year in official_ev:
            expected, how = official_ev[year].get(state), f"kit electoral-vote table ({census} apportionment)"
        elif state in seats[census]:
            expected, how = seats[census][state] + 2, f"House seats under the {census} apportionment + 2"
        else:
            expected, how = None, ""
        if state == "DC" and year >= 1964:
            expected, how = 3, "23rd Amendment"
        if (year, state) in ALLOTMENT_EXCEPTIONS:
            expected, how = ALLOTMENT_EXCEPTIONS[(year, state)]
        if expected == electors:
            source = how
        else:
            problems.append(f"{year} {state}: record {electors}, apportionment {expected}")
            source = "electors who voted or were counted (no apportionment row)"
        for (y, unit), entry in allotment.items():
            if y == year and entry["state"] == state:
                entry["source"] = source
    if problems:
        raise SystemExit("allotment differs from apportionment:\n  " + "\n  ".join(problems))


def _write(name: str, fields: list[str], rows) -> None:
    with open(OUT / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    sys.exit(main())
