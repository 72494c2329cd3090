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

Every change to a raw value is made here, in a named table with a comment naming the official
record, or, for popular votes, in the packaged cited tables ``popular_vote_corrections.csv`` and
``ballot_line_nominees.csv`` that this script reads (adding a correction is one row there). Run
``python scripts/build_data.py`` after changing the kit or a correction; the output is
deterministic, so ``git diff`` shows exactly what a change did.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "electoral" / "data"

# Rows cite their source by a short key; sources.csv holds the full citation of each key.
SOURCES: dict[str, str] = {
    "clavesi": "clavesi/presidential-election-results, json/<year>.json, commit 64533eda (hand-entered from the American Presidency Project, 1789-1920, and the House Clerk's election statistics, 1924-2020)",
    "clavesi-party-line": "clavesi/presidential-election-results, json/<year>.json, commit 64533eda: popular votes on the candidate's main party line only (fusion lines inconsistently included before 1976)",
    "medsl-1976-2020": "MIT Election Data and Science Lab, U.S. President 1976-2020, Harvard Dataverse doi:10.7910/DVN/42MVDX (version 20210113), CC0; from the states' certified returns; votes summed over a candidate's ballot lines",
    "medsl-2024": "MIT Election Data and Science Lab, U.S. President 1976-2024 (2024 rows, version 11/20/2025), update of doi:10.7910/DVN/42MVDX, CC0; votes summed over a candidate's ballot lines",
    "house-clerk": "Office of the Clerk, U.S. House of Representatives, Electoral Votes for President and Vice President 1789-present; National Archives, Electoral College results by year",
    "nara-2024": "National Archives, 2024 Electoral College results (Certificates of Ascertainment and Certificates of Vote): each state's electors voted for its plurality winner, no faithless votes",
    "ncsbe-2020": "North Carolina State Board of Elections, certified results of the 3 November 2020 general election (also FEC, Federal Elections 2020)",
    # FEC documents whose figures were read from a public parse or transcription (named here and in each row's note)
    "fec-1984-text": "Federal Election Commission, Federal Elections 84: Election Results for the U.S. President, the U.S. Senate and the U.S. House of Representatives (federalelections84.pdf), presidential results by state, pp. 8-19; figures read from the text extracted from that PDF in rubenviolinha/us-government-data-atlas, data/normalized/fec_presidential_general_1984.json (commit 79f2b4f7)",
    "fec-1996-xlsx": "Federal Election Commission, Federal Elections 96, presidential general election results by state (FederalElections96_PresidentialGeneralElectionResults.xlsx, Table 1); figures read from the parse of that spreadsheet in rubenviolinha/us-government-data-atlas, data/normalized/fec_presidential_general_1996.json (commit 425a8ea9)",
    "fec-2000-xls": "Federal Election Commission, 2000 Official Presidential General Election Results (2000presge.xls, sheet 'Master By State'); figures read from the parse of that spreadsheet in rubenviolinha/us-government-data-atlas, data/normalized/fec_presidential_general_2000.json (commit 890d7573), summed per candidate over ballot lines",
    "fec-2016-results": "Federal Election Commission, Federal Elections 2016 (federalelections2016.xlsx), sheet '2016 Pres General Results' (one row per candidate, ballot line and state); figures read from the parse of that sheet in rubenviolinha/us-government-data-atlas, data/normalized/fec_presidential_general_2016.json (commit d08c43eb)",
    "fec-2016-table2": "Federal Election Commission, Federal Elections 2016 (federalelections2016.xlsx), Table 2: Electoral & Popular Vote by state; figures read from the parse of that sheet in AbrilHerrero/prediccion-elecciones-eeuu-2026, dataset_elecciones_estado.csv (commit 8fdbedb3), columns pres_votes_d and pres_votes_r",
    "fec-2020-table2": "Federal Election Commission, Federal Elections 2020 (federalelections2020.xlsx), Table 2: Electoral & Popular Vote by state (sheet '3. Table 2 Electoral & Pop Vote'); figures read from the parse of that sheet in AbrilHerrero/prediccion-elecciones-eeuu-2026, dataset_elecciones_estado.csv (commit 8fdbedb3), columns pres_votes_d and pres_votes_r; its 50 state rows with DC's 317,323 and 18,586 add up to FEC's national totals Biden 81,283,501 and Trump 74,223,975",
    "sos-districts": "as the state's own row; district winners from the Maine and Nebraska Secretaries of State certified results by congressional district",
}
CLAVESI, MEDSL_2020, MEDSL_2024, HOUSE_CLERK_EV, NARA_2024 = "clavesi", "medsl-1976-2020", "medsl-2024", "house-clerk", "nara-2024"


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
    raise SystemExit(f"unknown source key {key!r}: add it to SOURCES in scripts/build_data.py")

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

# ---------------------------------------------------------------------------------------------
# Candidate names: raw spelling -> name in the official record (House Clerk / National Archives).
# ---------------------------------------------------------------------------------------------
NAME_FIXES: dict[tuple[int | None, str], str] = {
    (1856, "John FrÃ©mont"): "John C. Frémont",  # mojibake in the raw file (UTF-8 read as Latin-1)
    (1860, "John Breckingridge"): "John C. Breckinridge",  # typo in the raw file
    # The Federalist candidate of 1800-1808 was Charles Cotesworth Pinckney (House Clerk record).
    (1800, "Charles Pinckney"): "Charles Cotesworth Pinckney",
    (1804, "Charles Pinckney"): "Charles Cotesworth Pinckney",
    (1808, "Charles Pinckney"): "Charles Cotesworth Pinckney",
    (1796, "Thomas Pinckney"): "Thomas Pinckney",
    # House Clerk record: "Robert M. La Follette" (the raw file writes "LaFollette"); the raw file also
    # names Byrd (1960) and W. B. Jones (1956) without the initials the electoral-vote rows carry.
    (1924, "Robert LaFollette"): "Robert M. La Follette",
    (1960, "Harry Byrd"): "Harry F. Byrd",
    (1956, "Walter Jones"): "Walter B. Jones",
}

# Recipients of faithless or unpledged electors' votes had no presidential nomination of their own;
# their party column says so rather than repeating the raw "Faithless" label.
NO_NOMINATION = "(no presidential nomination)"

# ---------------------------------------------------------------------------------------------
# Per-state electoral votes that replace the raw file's, with the official record.
# Each entry: (year, state) -> list of (candidate, votes, status, pledged_to, note).
# ---------------------------------------------------------------------------------------------
Row = tuple[str, int, str, str, str]
CAST_CORRECTIONS: dict[tuple[int, str], tuple[list[Row], str]] = {}


def _correct(year: int, state: str, rows: list[Row], source: str = HOUSE_CLERK_EV) -> None:
    CAST_CORRECTIONS[(year, state)] = (rows, source)


# 1789: the raw file lumps 26 votes into "Others"; the official count names every recipient
# (Senate Journal, 6 April 1789; House Clerk record). Each elector cast two votes.
_correct(1789, "CT", [("George Washington", 7, "counted", "", ""), ("John Adams", 5, "counted", "", ""), ("Samuel Huntington", 2, "counted", "", "")])
_correct(1789, "GA", [("George Washington", 5, "counted", "", ""), ("John Milton", 2, "counted", "", ""), ("James Armstrong", 1, "counted", "", ""), ("Benjamin Lincoln", 1, "counted", "", ""), ("Edward Telfair", 1, "counted", "", "")])
_correct(1789, "MD", [("George Washington", 6, "counted", "", ""), ("Robert H. Harrison", 6, "counted", "", ""), ("", 4, "not_voted", "", "2 of Maryland's 8 electors did not vote (two votes each)")])
_correct(1789, "PA", [("George Washington", 10, "counted", "", ""), ("John Adams", 8, "counted", "", ""), ("John Hancock", 2, "counted", "", "")])
_correct(1789, "SC", [("George Washington", 7, "counted", "", ""), ("John Rutledge", 6, "counted", "", ""), ("John Hancock", 1, "counted", "", "")])
_correct(1789, "VA", [("George Washington", 10, "counted", "", ""), ("John Adams", 5, "counted", "", ""), ("George Clinton", 3, "counted", "", ""), ("John Jay", 1, "counted", "", ""), ("John Hancock", 1, "counted", "", ""), ("", 4, "not_voted", "", "2 of Virginia's 12 electors did not vote (two votes each)")])
# 1796: the raw file lumps 48 votes into "Others" (House Clerk record names them).
_correct(1796, "CT", [("John Adams", 9, "counted", "", ""), ("Thomas Pinckney", 4, "counted", "", ""), ("John Jay", 5, "counted", "", "")])
_correct(1796, "GA", [("Thomas Jefferson", 4, "counted", "", ""), ("George Clinton", 4, "counted", "", "")])
_correct(1796, "MD", [("John Adams", 7, "counted", "", ""), ("Thomas Jefferson", 4, "counted", "", ""), ("Thomas Pinckney", 4, "counted", "", ""), ("Aaron Burr", 3, "counted", "", ""), ("John Henry", 2, "counted", "", "")])
_correct(1796, "MA", [("John Adams", 16, "counted", "", ""), ("Thomas Pinckney", 13, "counted", "", ""), ("Oliver Ellsworth", 1, "counted", "", ""), ("Samuel Johnston", 2, "counted", "", "")])
_correct(1796, "NH", [("John Adams", 6, "counted", "", ""), ("Oliver Ellsworth", 6, "counted", "", "")])
_correct(1796, "NC", [("Thomas Jefferson", 11, "counted", "", ""), ("Aaron Burr", 6, "counted", "", ""), ("John Adams", 1, "counted", "", ""), ("Thomas Pinckney", 1, "counted", "", ""), ("James Iredell", 3, "counted", "", ""), ("George Washington", 1, "counted", "", ""), ("Charles Cotesworth Pinckney", 1, "counted", "", "")])
_correct(1796, "RI", [("John Adams", 4, "counted", "", ""), ("Oliver Ellsworth", 4, "counted", "", "")])
_correct(1796, "VA", [("Thomas Jefferson", 20, "counted", "", ""), ("Samuel Adams", 15, "counted", "", ""), ("George Clinton", 3, "counted", "", ""), ("John Adams", 1, "counted", "", ""), ("Thomas Pinckney", 1, "counted", "", ""), ("Aaron Burr", 1, "counted", "", ""), ("George Washington", 1, "counted", "", "")])
# Electors who did not vote (House Clerk record; counts agree with seats + 2 under the census in force).
_correct(1792, "MD", [("George Washington", 8, "counted", "", ""), ("John Adams", 8, "counted", "", ""), ("", 4, "not_voted", "", "2 of Maryland's 10 electors did not vote (two votes each)")])
_correct(1792, "VT", [("George Washington", 3, "counted", "", ""), ("John Adams", 3, "counted", "", ""), ("", 2, "not_voted", "", "1 of Vermont's 4 electors did not vote (two votes each)")])
_correct(1808, "KY", [("James Madison", 7, "counted", "", ""), ("", 1, "not_voted", "", "1 of Kentucky's 8 electors did not vote")])
_correct(1812, "OH", [("James Madison", 7, "counted", "", ""), ("", 1, "not_voted", "", "1 of Ohio's 8 electors did not vote")])
_correct(1816, "DE", [("Rufus King", 3, "counted", "", ""), ("", 1, "not_voted", "", "1 of Delaware's 4 electors did not vote")])
_correct(1816, "MD", [("James Monroe", 8, "counted", "", ""), ("", 3, "not_voted", "", "3 of Maryland's 11 electors did not vote")])
_correct(1820, "MS", [("James Monroe", 2, "counted", "", ""), ("", 1, "not_voted", "", "1 elector died before the meeting")])
_correct(1820, "PA", [("James Monroe", 24, "counted", "", ""), ("", 1, "not_voted", "", "1 elector died before the meeting")])
_correct(1820, "TN", [("James Monroe", 7, "counted", "", ""), ("", 1, "not_voted", "", "1 elector died before the meeting")])
# 1820: William Plumer, an elector pledged to Monroe, voted for John Quincy Adams.
_correct(1820, "NH", [("James Monroe", 7, "counted", "", ""), ("John Quincy Adams", 1, "counted", "James Monroe", "faithless elector William Plumer")])
_correct(1832, "MD", [("Henry Clay", 5, "counted", "", ""), ("Andrew Jackson", 3, "counted", "", ""), ("", 2, "not_voted", "", "2 of Maryland's 10 electors did not vote")])
_correct(1864, "NV", [("Abraham Lincoln", 2, "counted", "", ""), ("", 1, "not_voted", "", "1 of Nevada's 3 electors did not vote (snowbound)")])
# 1872: Horace Greeley died on 29 November 1872, before the electors met. His electors scattered
# their votes; Congress rejected Georgia's 3 votes for Greeley, and the returns of Arkansas and
# Louisiana (Congressional Globe, 12 February 1873; House Clerk record).
_correct(1872, "GA", [("Benjamin Gratz Brown", 6, "counted", "", ""), ("Charles J. Jenkins", 2, "counted", "", ""), ("Horace Greeley", 3, "rejected", "", "votes for Greeley (died 29 Nov 1872) rejected by Congress")])
_correct(1872, "KY", [("Thomas A. Hendricks", 8, "counted", "", ""), ("Benjamin Gratz Brown", 4, "counted", "", "")])
_correct(1872, "MD", [("Thomas A. Hendricks", 8, "counted", "", "")])
_correct(1872, "MO", [("Thomas A. Hendricks", 6, "counted", "", ""), ("Benjamin Gratz Brown", 8, "counted", "", ""), ("David Davis", 1, "counted", "", "")])
_correct(1872, "TN", [("Thomas A. Hendricks", 12, "counted", "", "")])
_correct(1872, "TX", [("Thomas A. Hendricks", 8, "counted", "", "")])
_correct(1872, "AR", [("Ulysses S. Grant", 6, "rejected", "", "Arkansas's return rejected by Congress for irregularities")])
_correct(1872, "LA", [("Ulysses S. Grant", 8, "rejected", "", "Louisiana sent rival returns; Congress counted neither")])
# Faithless and unpledged electors since 1948 (House Clerk record; National Archives).
_correct(1948, "TN", [("Harry Truman", 11, "counted", "", ""), ("Strom Thurmond", 1, "counted", "Harry Truman", "faithless elector Preston Parks")])
_correct(1956, "AL", [("Adlai Stevenson", 10, "counted", "", ""), ("Walter B. Jones", 1, "counted", "Adlai Stevenson", "faithless elector W. F. Turner")])
_correct(1960, "AL", [("John F. Kennedy", 5, "counted", "", ""), ("Harry F. Byrd", 6, "counted", "", "unpledged Democratic electors")])
_correct(1960, "MS", [("Harry F. Byrd", 8, "counted", "", "unpledged Democratic electors")])
_correct(1960, "OK", [("Richard Nixon", 7, "counted", "", ""), ("Harry F. Byrd", 1, "counted", "Richard Nixon", "faithless elector Henry D. Irwin")])
_correct(1968, "NC", [("Richard Nixon", 12, "counted", "", ""), ("George Wallace", 1, "counted", "Richard Nixon", "faithless elector Lloyd W. Bailey")])
_correct(1972, "VA", [("Richard Nixon", 11, "counted", "", ""), ("John Hospers", 1, "counted", "Richard Nixon", "faithless elector Roger MacBride")])
_correct(1976, "WA", [("Gerald Ford", 8, "counted", "", ""), ("Ronald Reagan", 1, "counted", "Gerald Ford", "faithless elector Mike Padden")])
_correct(1988, "WV", [("Michael Dukakis", 5, "counted", "", ""), ("Lloyd Bentsen", 1, "counted", "Michael Dukakis", "faithless elector Margarette Leach")])
# 2000: Barbara Lett-Simmons, a DC elector pledged to Gore, cast a blank ballot.
_correct(2000, "DC", [("Al Gore", 2, "counted", "", ""), ("", 1, "abstained", "Al Gore", "elector Barbara Lett-Simmons cast a blank ballot")])
_correct(2004, "MN", [("John Kerry", 9, "counted", "", ""), ("John Edwards", 1, "counted", "John Kerry", "an anonymous elector voted for John Edwards (as 'John Ewards')")])
_correct(2016, "HI", [("Hillary Clinton", 3, "counted", "", ""), ("Bernie Sanders", 1, "counted", "Hillary Clinton", "faithless elector David Mulinix")])
# 2016: the raw file gives Washington 8+1 of 12 and credits Texas's Ron Paul vote to Powell.
_correct(2016, "WA", [("Hillary Clinton", 8, "counted", "", ""), ("Colin Powell", 3, "counted", "Hillary Clinton", "faithless electors"), ("Faith Spotted Eagle", 1, "counted", "Hillary Clinton", "faithless elector Robert Satiacum")])
_correct(2016, "TX", [("Donald Trump", 36, "counted", "", ""), ("John Kasich", 1, "counted", "Donald Trump", "faithless elector Christopher Suprun"), ("Ron Paul", 1, "counted", "Donald Trump", "faithless elector Bill Greene")])

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
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        citation(row["source"])
    return rows


def apply_corrections(rows: list[dict[str, object]], corrections: list[dict[str, str]]) -> list[dict[str, object]]:
    """Replace raw popular votes by the official figures; fail if a raw value no longer matches.

    >>> raw = [dict(year=2012, state="WI", candidate="Mitt Romney", votes=1410966, source="m")]
    >>> fix = [dict(year="2012", state="WI", candidate="Mitt Romney", raw_votes="1410966", votes="1407966", source="fec-2012")]
    >>> [(r["votes"], r["source"]) for r in apply_corrections(raw, fix)]
    [(1407966, 'fec-2012')]
    """
    by_key = {(r["year"], r["state"], r["candidate"]): r for r in rows}
    problems, added = [], []
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


# Misspelled party labels in the raw file (House Clerk record: Constitutional Union, Republican).
PARTY_SPELLING = {"Constituional Union": "Constitutional Union", "Repubican": "Republican"}

# Parties of candidates the raw file lacks or labels "Faithless"/"Various".
PARTY_FIXES: dict[str, str] = {
    "Samuel Huntington": "Federalist", "John Milton": "Federalist", "James Armstrong": "Federalist",
    "Benjamin Lincoln": "Federalist", "Edward Telfair": "Anti-Federalist", "Robert H. Harrison": "Federalist",
    "John Rutledge": "Federalist", "John Hancock": "Federalist", "George Clinton": "Anti-Federalist",
    "Samuel Adams": "Democratic-Republican", "Oliver Ellsworth": "Federalist", "James Iredell": "Federalist",
    "John Henry": "Democratic-Republican", "Samuel Johnston": "Federalist", "George Washington": "Independent",
    "Charles Cotesworth Pinckney": "Federalist", "John Jay": "Federalist",
    "Thomas A. Hendricks": "Democratic", "Benjamin Gratz Brown": "Liberal Republican",
    "Charles J. Jenkins": "Democratic", "David Davis": "Liberal Republican",
    "Horace Greeley": "Liberal Republican / Democratic", "John Hospers": "Libertarian",
}
# 1796-1808 George Clinton appears as a Democratic-Republican in the raw file; keep the year's label.

# Maine (from 1972) and Nebraska (from 1992) appoint two electors at large and one per district.
DISTRICTS = {"ME": (1972, 2), "NE": (1992, 3)}
# Districts whose elector went against the statewide winner (Maine and Nebraska Secretaries of
# State, certified results; House Clerk record): year -> {district: candidate}.
DISTRICT_SPLITS: dict[int, dict[str, str]] = {
    2008: {"NE-2": "Barack Obama"},
    2016: {"ME-2": "Donald Trump"},
    2020: {"ME-2": "Donald Trump", "NE-2": "Joe Biden"},
    2024: {"ME-2": "Donald Trump", "NE-2": "Kamala Harris"},
}

# States that did not take part, or that Congress did not count (House Clerk record; Senate Journal).
NOT_COUNTED: list[tuple[int, str, str]] = [
    (1789, "NY", "the legislature deadlocked and appointed no electors"),
    (1789, "NC", "had not yet ratified the Constitution"),
    (1789, "RI", "had not yet ratified the Constitution"),
    *[(1864, s, "in secession; by the joint resolution of 8 February 1865 no electoral votes were counted (Tennessee and Louisiana had chosen electors)")
      for s in ("AL", "AR", "FL", "GA", "LA", "MS", "NC", "SC", "TN", "TX", "VA")],
    *[(1868, s, "not yet readmitted to representation in Congress; appointed no electors") for s in ("MS", "TX", "VA")],
    (1872, "AR", "electors appointed, but Congress rejected the return"),
    (1872, "LA", "rival returns; Congress counted neither"),
]

# Contingent elections (12th Amendment; Art. II Sec. 1 before it): House Journal; Senate Journal.
CONTINGENT: list[tuple[int, str, str, str, str, str]] = [
    (1800, "president", "House of Representatives", "Thomas Jefferson", "1801-02-17",
     "Jefferson and Burr tied with 73 votes each; the House, voting by state delegation, chose Jefferson on the 36th ballot"),
    (1824, "president", "House of Representatives", "John Quincy Adams", "1825-02-09",
     "no candidate had a majority; the House chose among the top three (Jackson, Adams, Crawford) and elected Adams on the first ballot with 13 of 24 state delegations"),
    (1836, "vice president", "Senate", "Richard Mentor Johnson", "1837-02-08",
     "Virginia's electors withheld their votes from Johnson, leaving him one short of a vice-presidential majority; the Senate elected him"),
]
CONTINGENT_SOURCE = "House Journal and Senate Journal; House Clerk, contingent elections of 1801, 1825 and 1837"

BALLOT_RULES = [
    # first_year, last_year, votes_per_elector, contingent_rule, source
    (1789, 1800, 2, "a majority of electors appointed elects; a tie between majority holders, or no majority (then among the top five), goes to the House, one vote per state",
     "U.S. Constitution, Art. II, Sec. 1, Cl. 3"),
    (1804, 9999, 1, "a majority of electors appointed elects; with no majority the House chooses among the top three, one vote per state (12th Amendment)",
     "U.S. Constitution, 12th Amendment (ratified 1804)"),
]

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
    results = kit / "results"
    apportionment = kit / "apportionment"

    # -- apportionment in force: seats + 2 per state (electoral votes 1912-2024 from the kit) -----
    seats: dict[int, dict[str, int]] = defaultdict(dict)
    with open(apportionment / "house_seats_by_state_1789_2020.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            seats[int(row["census_year"])][row["state_po"]] = int(row["seats"])
    official_ev: dict[int, dict[str, int]] = defaultdict(dict)
    with open(apportionment / "electoral_votes_by_state_1912_2024.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            official_ev[int(row["election_year"])][row["state_po"]] = int(row["electoral_votes"])

    # -- electoral votes cast, 1789-2020 from clavesi, with corrections -----------------------------
    cast_rows: list[dict[str, object]] = []
    candidates: dict[int, dict[str, str]] = defaultdict(dict)
    popular_rows: list[dict[str, object]] = []
    years = sorted(int(p.stem) for p in (results / "presidential-election-results" / "json").glob("*.json"))
    for year in years:
        raw = json.loads((results / "presidential-election-results" / "json" / f"{year}.json").read_text(encoding="utf-8"))
        fix = lambda name: NAME_FIXES.get((year, name), name)  # noqa: E731
        for name, party in raw["candidates"].items():
            if name == "Others":
                continue  # 1789/1796: replaced by the named recipients in CAST_CORRECTIONS
            party = PARTY_SPELLING.get(party, party)
            candidates[year][fix(name)] = NO_NOMINATION if party == "Faithless" else party
        for state_name, entry in raw["votes"].items():
            if state_name == "Total":
                continue
            code = CODE_BY_NAME[state_name]
            electoral = entry.get("electoral", entry)
            if (year, code) in CAST_CORRECTIONS:
                rows, source = CAST_CORRECTIONS[(year, code)]
                for candidate, votes, status, pledged, note in rows:
                    cast_rows.append(dict(year=year, unit=code, state=code, candidate=candidate, electoral_votes=votes,
                                          status=status, pledged_to=pledged, note=note, source=source))
            elif "status" not in electoral:
                for name, votes in electoral.items():
                    if int(votes) > 0 and name != "Others":
                        cast_rows.append(dict(year=year, unit=code, state=code, candidate=fix(name), electoral_votes=int(votes),
                                              status="counted", pledged_to="", note="", source=CLAVESI))
            popular = entry.get("popular", {})
            if year < 1976 and popular and "status" not in popular:
                for name, votes in popular.items():
                    if int(votes) > 0:
                        popular_rows.append(dict(year=year, state=code, candidate=fix(name), party=candidates[year].get(fix(name), ""),
                                                 votes=int(votes), source="clavesi-party-line"))

    for year in years:
        if year >= 1976:
            _EV_LAST_NAMES[year] = {name.split()[-1].upper(): name for name in candidates[year]}

    # -- 2024: no electoral-vote file in the kit. Electors went to each state's (or district's)
    # plurality winner with no faithless votes (National Archives, 2024 Certificates of Vote).
    nominees = read_cited_table(NOMINEES_TABLE)
    resolved_names = {UNNAMED_WRITE_INS, OTHER_CANDIDATES} | {row["nominee"] for row in nominees}
    medsl = _read_medsl(results, nominees)
    winners_2024 = {}
    for state, rows in medsl[2024].items():
        winners_2024[state] = max(rows.items(), key=lambda kv: kv[1][0])[0]
    for state, ev in sorted(official_ev[2024].items()):
        cast_rows.append(dict(year=2024, unit=state, state=state, candidate=_canonical(2024, winners_2024[state]),
                              electoral_votes=ev, status="counted", pledged_to="", note="statewide plurality winner", source=NARA_2024))
    candidates[2024] = {"Donald Trump": "Republican", "Kamala Harris": "Democratic"}

    # -- split Maine and Nebraska into at-large and district units ---------------------------------
    cast_rows = _split_districts(cast_rows)

    # -- popular vote 1976-2024 from MEDSL, per candidate (fusion lines summed) ------------------
    for year in sorted(medsl):
        source = MEDSL_2024 if year == 2024 else MEDSL_2020
        for state, rows in sorted(medsl[year].items()):
            for raw_name, (votes, party) in sorted(rows.items()):
                name = raw_name if raw_name in resolved_names else _canonical(year, raw_name)
                popular_rows.append(dict(year=year, state=state, candidate=name,
                                         party=candidates[year].get(name, party), votes=votes, source=source))
    popular_rows = apply_corrections(_merge_popular(popular_rows), read_cited_table(CORRECTIONS_TABLE))
    popular_rows = _merge_popular(popular_rows)
    _fill_parties(popular_rows, candidates)

    # -- parties for every candidate who received an electoral vote ------------------------------
    candidate_rows = []
    for row in cast_rows:
        if row["candidate"] and row["candidate"] not in candidates[row["year"]]:
            candidates[row["year"]][row["candidate"]] = PARTY_FIXES.get(row["candidate"], "")
    for year in sorted(candidates):
        for name, party in sorted(candidates[year].items()):
            if party in ("", "Various"):
                party = PARTY_FIXES.get(name, party)
            if party == "Faithless" or party == "":
                party = NO_NOMINATION
            candidate_rows.append(dict(year=year, candidate=name, party=party))

    # -- allotment: per unit, electors = votes cast / votes per elector + not cast ----------------
    allotment: dict[tuple[int, str], dict[str, object]] = {}
    for row in cast_rows:
        per_elector = 2 if row["year"] <= 1800 else 1
        key = (row["year"], row["unit"])
        entry = allotment.setdefault(key, dict(year=row["year"], unit=row["unit"], state=row["state"], electoral_votes=0, source=""))
        entry["electoral_votes"] += row["electoral_votes"] // per_elector if per_elector == 1 else row["electoral_votes"] / per_elector
    for entry in allotment.values():
        if isinstance(entry["electoral_votes"], float):
            assert entry["electoral_votes"].is_integer(), entry
            entry["electoral_votes"] = int(entry["electoral_votes"])
    _check_and_source_allotment(allotment, seats, official_ev)

    # -- write ---------------------------------------------------------------------------------
    OUT.mkdir(parents=True, exist_ok=True)
    _write("states", ["code", "fips", "name", "admitted", "note"],
           [dict(code=c, fips=f, name=n, admitted=a, note=note) for c, (n, f, a, note) in sorted(STATES.items())])
    order = _unit_order
    _write("electoral_votes", ["year", "unit", "state", "electoral_votes", "source"],
           sorted(allotment.values(), key=lambda r: (r["year"], order(r["unit"]))))
    _write("electoral_votes_cast", ["year", "unit", "state", "candidate", "electoral_votes", "status", "pledged_to", "note", "source"],
           sorted(cast_rows, key=lambda r: (r["year"], order(r["unit"]), r["status"] != "counted", -r["electoral_votes"], r["candidate"])))
    _write("candidates", ["year", "candidate", "party"], candidate_rows)
    for row in popular_rows:
        row["kind"] = row_kind(row["candidate"])
    _write("popular_vote", ["year", "state", "candidate", "party", "kind", "votes", "total_votes", "source"],
           sorted(popular_rows, key=lambda r: (r["year"], r["state"], -r["votes"], r["candidate"])))
    _write("not_counted", ["year", "state", "reason", "source"],
           [dict(year=y, state=s, reason=r, source=HOUSE_CLERK_EV) for y, s, r in NOT_COUNTED])
    _write("contingent_elections", ["year", "office", "decided_by", "chosen", "date", "detail", "source"],
           [dict(year=y, office=o, decided_by=b, chosen=c, date=d, detail=t, source=CONTINGENT_SOURCE) for y, o, b, c, d, t in CONTINGENT])
    used = {row["source"] for table in (popular_rows, nominees, read_cited_table(CORRECTIONS_TABLE)) for row in table}
    keys = list(SOURCES) + sorted(used - set(SOURCES))
    _write("sources", ["key", "citation"], [dict(key=k, citation=citation(k)) for k in keys])
    _write("ballot_rules", ["first_year", "last_year", "votes_per_elector", "contingent_rule", "source"],
           [dict(first_year=a, last_year=b, votes_per_elector=v, contingent_rule=r, source=s) for a, b, v, r, s in BALLOT_RULES])
    print(f"wrote {len(allotment)} allotment rows, {len(cast_rows)} cast rows, {len(popular_rows)} popular-vote rows to {OUT.relative_to(REPO)}")
    return 0


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


def _read_medsl(results: Path, nominees: list[dict[str, str]]) -> dict[int, dict[str, dict[str, tuple[int, str]]]]:
    """year -> state -> raw candidate -> (votes summed over fusion lines, party of the largest line)."""
    out: dict[int, dict[str, dict[str, list]]] = defaultdict(lambda: defaultdict(dict))
    for name in ("1976-2020-president.csv", "1976-2024-president_2024-rows.csv"):
        with open(results / name, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                year, state = int(row["year"]), row["state_po"]
                if name.startswith("1976-2020") and year == 2024:
                    continue
                raw = medsl_name(row, nominees)
                if raw is None:
                    continue  # over/under votes, blanks and void ballots are not votes for anyone
                # Raw defect: 2012 Washington lists Romney as "MITT, ROMNEY" (WA Secretary of State: Mitt Romney).
                if year == 2012 and raw == "MITT, ROMNEY":
                    raw = "ROMNEY, MITT"
                votes = int(row["candidatevotes"])
                party = (row["party_simplified"] or row["party_detailed"] or "").title()
                entry = out[year][state].setdefault(raw, [0, party, -1])
                entry[0] += votes
                if votes > entry[2]:  # party of the candidate's largest ballot line
                    entry[1], entry[2] = party, votes
    return {y: {s: {c: (v[0], v[1]) for c, v in rows.items()} for s, rows in states.items()} for y, states in out.items()}


# MEDSL spellings of electoral-vote recipients -> the name in the electoral record.
_EV_LAST_NAMES: dict[int, dict[str, str]] = {}


def _canonical(year: int, raw: str) -> str:
    """Map a MEDSL candidate to the record's spelling when the surname matches a candidate of that year."""
    known = {"HARRIS": "Kamala Harris", "TRUMP": "Donald Trump"} if year == 2024 else _EV_LAST_NAMES.get(year, {})
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
        state, year = row["state"], row["year"]
        first, n_districts = DISTRICTS.get(state, (9999, 0))
        if year < first:
            out.append(row)
            continue
        splits = DISTRICT_SPLITS.get(year, {})
        counted = {r["candidate"]: r["electoral_votes"] for r in cast_rows
                   if r["year"] == year and r["state"] == state and r["status"] == "counted"}
        statewide = max(counted, key=counted.get)
        if row["candidate"] != statewide and row["status"] == "counted":
            continue  # emitted below as the district(s) it came from
        out.append({**row, "electoral_votes": 2, "note": "at-large electors"})
        for d in range(1, n_districts + 1):
            unit = f"{state}-{d}"
            winner = splits.get(unit, statewide)
            out.append({**row, "unit": unit, "candidate": winner, "electoral_votes": 1,
                        "note": "district elector" + (" (district won against the statewide result)" if winner != statewide else ""),
                        "source": "sos-districts" if winner != statewide else row["source"]})
        # the statewide row's own votes must equal 2 + districts won by the statewide winner
        expected = {statewide: 2 + sum(1 for d in range(1, n_districts + 1) if splits.get(f"{state}-{d}", statewide) == statewide)}
        for unit, winner in splits.items():
            if unit.startswith(state):
                expected[winner] = expected.get(winner, 0) + 1
        if year < 2024:
            assert expected == counted, (year, state, expected, counted)
    return out


def _census_in_force(year: int) -> int:
    if year == 1789:
        return 1789
    if 1912 <= year <= 1928:
        return 1910  # no reapportionment after the 1920 census
    return max(c for c in (1790, 1800, 1810, 1820, 1830, 1840, 1850, 1860, 1870, 1880, 1890, 1900, 1910, 1930, 1940,
                           1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020) if c + 2 <= year)


# States admitted between censuses sat with the Representatives their admission act gave them until
# the next apportionment; their electors are those seats + 2 (Statutes at Large, admission acts;
# Census Bureau, "Apportionment of the U.S. House of Representatives", notes to the historical table).
# (state, first election, last election) -> (seats, statute)
ADMITTED_BETWEEN_CENSUSES: dict[tuple[str, int, int], tuple[int, str]] = {
    ("TN", 1796, 1800): (1, "Tennessee admission act of 1 June 1796 (1 Stat. 491)"),
    ("IN", 1816, 1820): (1, "Indiana enabling act of 19 April 1816 (3 Stat. 289)"),
    ("MS", 1820, 1820): (1, "Mississippi enabling act of 1 March 1817 (3 Stat. 348)"),
    ("IL", 1820, 1820): (1, "Illinois enabling act of 18 April 1818 (3 Stat. 428)"),
    ("AL", 1820, 1820): (1, "Alabama enabling act of 2 March 1819 (3 Stat. 489)"),
    ("ME", 1820, 1820): (7, "Maine admission act of 3 March 1820 (3 Stat. 544): 7 of Massachusetts's 20 seats passed to Maine"),
    ("MA", 1820, 1820): (13, "Maine admission act of 3 March 1820 (3 Stat. 544): Massachusetts kept 13 of its 20 seats"),
    ("MO", 1820, 1820): (1, "Missouri enabling act of 6 March 1820 (3 Stat. 545); its votes were counted in the alternative"),
    ("AR", 1836, 1840): (1, "Arkansas admission act of 15 June 1836 (5 Stat. 50)"),
    ("MI", 1836, 1840): (1, "Michigan admission act of 26 January 1837 (5 Stat. 144); its 1836 votes were counted in the alternative"),
    ("FL", 1848, 1848): (1, "Florida and Iowa admission act of 3 March 1845 (5 Stat. 742)"),
    ("IA", 1848, 1848): (2, "Iowa admission act of 28 December 1846 (9 Stat. 117)"),
    ("TX", 1848, 1848): (2, "Texas admission resolution of 29 December 1845 (9 Stat. 108)"),
    ("WI", 1848, 1848): (2, "Wisconsin admission act of 29 May 1848 (9 Stat. 233)"),
    ("MN", 1860, 1860): (2, "Minnesota admission act of 11 May 1858 (11 Stat. 285)"),
    ("OR", 1860, 1860): (1, "Oregon admission act of 14 February 1859 (11 Stat. 383)"),
    ("NV", 1864, 1868): (1, "Nevada enabling act of 21 March 1864 (13 Stat. 30)"),
    ("WV", 1864, 1868): (3, "West Virginia admission act of 31 December 1862 (12 Stat. 633)"),
    ("NE", 1868, 1868): (1, "Nebraska enabling act of 19 April 1864 (13 Stat. 47)"),
    ("CO", 1876, 1880): (1, "Colorado enabling act of 3 March 1875 (18 Stat. 474)"),
    ("UT", 1896, 1900): (1, "Utah enabling act of 16 July 1894 (28 Stat. 107)"),
    ("OK", 1908, 1908): (5, "Oklahoma enabling act of 16 June 1906 (34 Stat. 267)"),
}
ALLOTMENT_EXCEPTIONS: dict[tuple[int, str], tuple[int, str]] = {
    (year, state): (seats + 2, f"{seats} seat{'s' if seats > 1 else ''} + 2: {statute}")
    for (state, first, last), (seats, statute) in ADMITTED_BETWEEN_CENSUSES.items()
    for year in range(first, last + 1, 4)
}


def _check_and_source_allotment(allotment, seats, official_ev) -> None:
    """Every state's electors must equal seats + 2 (DC 3) under the census in force, or be explained."""
    per_state: Counter = Counter()
    for (year, unit), entry in allotment.items():
        per_state[(year, entry["state"])] += entry["electoral_votes"]
    problems = []
    for (year, state), electors in sorted(per_state.items()):
        census = _census_in_force(year)
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
