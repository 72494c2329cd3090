"""The packaged popular vote against independent compilations and official figures.

Runs ``scripts/crosscheck_popular_vote.py`` on the extracts committed in ``scripts/crosscheck/``
(American Presidency Project, Dave Leip's Atlas, tonmcg 2024, Wikipedia winners' totals, FEC state tables
and FEC national totals; provenance in ``scripts/crosscheck/reference/SOURCES.md``). Nothing outside the
repository is read.

Fails when a difference has no adjudication, or when a packaged value disagrees with an official value
(an adjudicated official state value, an FEC state-table value or an FEC national total). The only
disagreements allowed are the national totals listed below, each with the reason its own row of
``scripts/crosscheck/adjudications.csv`` gives in full: the official total counts votes the state returns
do not itemize, or state cells that no official document here decides. State cells without an official
figure (compilations disagree with the packaged value and no FEC or House Clerk figure was read) stay
as packaged; their adjudication rows say ``unresolved`` and why.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("crosscheck_popular_vote", REPO / "scripts" / "crosscheck_popular_vote.py")
crosscheck = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = crosscheck
_SPEC.loader.exec_module(crosscheck)

_WRITE_INS = "FEC counts write-ins or minor lines the state returns leave unnamed"
# National totals that differ from FEC's, and why (the full reasons are in adjudications.csv, category "explained").
KNOWN_NATIONAL_DIFFERENCES: dict[tuple[int, str], str] = {
    (1992, "Bill Clinton"): "FL -1,000 and MA -23 (compilations agree, no official state figure), NE -480 (Leip), 83 untraced",
    (1992, "George H. W. Bush"): "MA -10 (compilations agree, no official state figure), NE -668 (Leip), +5 untraced",
    (1996, "Bill Clinton"): "MA -254 and MN -58: compilations agree, no official state figure",
    (1996, "Bob Dole"): "MA -49 and CA +1: compilations agree, no official state figure",
    (1996, "Ross Perot"): "MA, SC, MN, NH (-29 in all): compilations agree, no official state figure",
    (1996, "Ralph Nader"): _WRITE_INS,
    (1996, "Harry Browne"): _WRITE_INS,
    (1996, "Howard Phillips"): _WRITE_INS,
    (1996, "John Hagelin"): _WRITE_INS,
}
KNOWN = {(y, crosscheck.NATIONAL, crosscheck.surname(c)) for y, c in KNOWN_NATIONAL_DIFFERENCES}

PACKAGED = crosscheck.Packaged.load()
RESULT = crosscheck.compare(PACKAGED)
VERDICTS = {(r["year"], r["state"], crosscheck.surname(str(r["candidate"]))): r["verdict"] for r in RESULT.rows}


def _official_values() -> list[tuple[int, str, str, int]]:
    """Every adjudicated official state value, every FEC state-table value and every FEC national total."""
    out = [(int(r["year"]), r["state"], r["candidate"], int(r["official_value"]))
           for r in crosscheck.read_csv(crosscheck.ADJUDICATIONS) if r["state"] != "*" and r["official_value"]]
    out += [(int(r["year"]), r["state"], r["candidate"], int(r["votes"]))
            for r in crosscheck.official_state_rows()]
    out += [(int(r["year"]), crosscheck.NATIONAL, r["candidate"], int(r["votes"]))
            for r in crosscheck.read_csv(crosscheck.REFERENCE / "official_national_totals.csv")]
    return out


def test_surname_matching_rule():
    s = crosscheck.surname
    assert s("Robert M. La Follette") == s("Robert LaFollette") == "lafollette"
    assert s("Robert F. Kennedy Jr.") == "kennedy"
    assert s("Claudia De La Cruz") == "delacruz"
    assert s('Eugene "Gene" McCarthy') == "mccarthy"
    assert s("John Frémont") == "fremont"


def test_every_difference_is_adjudicated():
    unadjudicated = [(r["year"], r["state"], r["candidate"]) for r in RESULT.rows if r["verdict"] == "unadjudicated"]
    assert not unadjudicated


def test_no_packaged_state_value_waits_for_a_correction():
    """Every state cell with an official value is applied by the build (popular_vote_corrections.csv)."""
    needed = [(r["year"], r["state"], r["candidate"], r["ours"], r["official"]) for r in RESULT.rows
              if r["verdict"] == "correction-needed"]
    assert not needed


@pytest.mark.parametrize(("year", "state", "name", "votes"),
                         [pytest.param(*v, id=f"{v[0]}-{v[1]}-{v[2]}") for v in _official_values()])
def test_packaged_value_equals_the_official_value(year, state, name, votes):
    match = PACKAGED.match(year, state, name)
    ours = match[1] if match else 0
    key = (year, state, crosscheck.surname(name))
    if key in KNOWN and ours != votes:  # a listed national difference: it must carry its explanation
        assert VERDICTS.get(key) == "explained", f"{key}: no 'explained' row in adjudications.csv"
        return
    assert ours == votes


def test_the_list_of_known_national_differences_is_current():
    """A listed difference the build has since removed must leave the list (and its adjudication row)."""
    explained = {k for k, v in VERDICTS.items() if v == "explained"}
    assert explained == KNOWN, (f"no longer differing: {sorted(KNOWN - explained)}; "
                                f"explained but not listed here: {sorted(explained - KNOWN)}")


def test_every_unresolved_difference_says_why():
    for row in RESULT.rows:
        if row["verdict"] == "unresolved":
            assert len(str(row["adjudication"])) > 40, row
    no_official = [r for r in RESULT.rows if r["verdict"] == "unresolved" and r["state"] != crosscheck.NATIONAL
                   and int(r["year"]) >= 1976 and r["category"] == "refs-agree"]
    assert no_official and all("unresolved: compilations differ from MEDSL" in str(r["adjudication"]) for r in no_official)


def test_the_comparison_covers_every_reference_year():
    years = Counter(r["year"] for r in crosscheck.read_csv(crosscheck.REFERENCE / "leip_state_votes.csv"))
    assert sorted(int(y) for y in years) == list(range(1976, 2021, 4))
    assert RESULT.counts["cells compared"] > 1800 and RESULT.counts["national compared"] >= 90
    winners = {int(r["year"]) for r in crosscheck.read_csv(crosscheck.REFERENCE / "wikipedia_winner_national_totals.csv")}
    assert winners == set(range(1824, 2025, 4))


def test_app_extract_adds_up_to_its_printed_totals():
    """The transcription check: APP's state cells sum to APP's own Totals row in each full year."""
    cells: Counter = Counter()
    states: dict[str, set] = {}
    for row in crosscheck.read_csv(crosscheck.REFERENCE / "app_state_votes.csv"):
        cells[(row["year"], crosscheck.surname(row["candidate"]))] += int(row["votes"])
        states.setdefault(row["year"], set()).add(row["state"])
    for row in crosscheck.read_csv(crosscheck.REFERENCE / "app_national_totals.csv"):
        if len(states.get(row["year"], ())) == 51:
            assert cells[(row["year"], crosscheck.surname(row["candidate"]))] == int(row["votes"]), row


def test_fec_2024_extract_adds_up_by_state_and_by_candidate():
    """The transcription of FEC's 2024 results is whole: every state's columns add up to its total_votes,
    and every column over the 51 units to the sheet's own Total row."""
    cells: dict[str, dict[str, int]] = {}
    for row in crosscheck.read_csv(crosscheck.REFERENCE / crosscheck.FEC_2024):
        cells.setdefault(row["state"], {})[row["column"]] = int(row["votes"])
    total = cells.pop("TOTAL")
    assert len(cells) == 51
    for state, columns in cells.items():
        assert sum(v for k, v in columns.items() if k != "total_votes") == columns["total_votes"], state
    sums: Counter = Counter()
    for columns in cells.values():
        sums.update(columns)
    assert dict(sums) == total
    assert set(crosscheck.FEC_2024_NAMES) <= set(total)


def test_2024_every_named_candidate_national_total_equals_fec():
    totals = {r["column"]: int(r["votes"]) for r in crosscheck.read_csv(crosscheck.REFERENCE / crosscheck.FEC_2024)
              if r["state"] == "TOTAL"}
    for column, name in crosscheck.FEC_2024_NAMES.items():
        match = PACKAGED.match(2024, crosscheck.NATIONAL, name)
        assert match and match[1] == totals[column], (name, match, totals[column])


def test_full_fec_years_sum_to_the_recorded_national_totals():
    """Each full FEC extract, person by person, adds up to every FEC national total recorded for that year
    (printed totals, or totals read elsewhere): the transcriptions are whole and the person grouping is right."""
    official = {(int(r["year"]), crosscheck.surname(r["candidate"])): int(r["votes"])
                for r in crosscheck.read_csv(crosscheck.REFERENCE / "official_national_totals.csv")}
    checked = 0
    for year in crosscheck.FEC_FULL_YEARS:
        sums: Counter = Counter()
        for (_, last), entry in crosscheck.fec_full_people(year).items():
            sums[last] += int(entry["votes"])
        for (y, last), votes in official.items():
            if y == int(year):
                assert sums[last] == votes, (year, last, sums[last], votes)
                checked += 1
    assert checked >= 20
