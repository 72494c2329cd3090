"""The build's input tables (scripts/build_inputs/) are cited and cover every election of the record."""

from __future__ import annotations

import csv
from pathlib import Path

from electoral.data.loaders import read_table

INPUTS = Path(__file__).resolve().parents[2] / "scripts" / "build_inputs"
KEYED = ("electoral_vote_corrections", "name_fixes", "party_spelling", "party_fixes", "district_splits",
         "not_counted", "election_candidates")


def _rows(name: str) -> list[dict[str, str]]:
    with open(INPUTS / f"{name}.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_input_row_cites_a_packaged_source() -> None:
    sources = {r["key"] for r in read_table("sources")}
    for name in KEYED:
        for row in _rows(name):
            assert row["source"] in sources, (name, row)
    for row in _rows("election_results"):
        for key in ("electoral_votes_source", "popular_vote_source"):
            assert not row[key] or row[key] in sources, row


def test_every_election_has_a_results_row() -> None:
    years = {int(r["year"]) for r in read_table("electoral_votes")}
    spec = {int(r["year"]): r for r in _rows("election_results")}
    assert set(spec) == years
    for row in spec.values():
        assert row["electoral_votes_from"] in ("clavesi", "plurality"), row
        assert row["popular_vote_from"] in ("clavesi", "medsl", ""), row
        assert bool(row["electoral_votes_file"]) == (row["electoral_votes_from"] == "clavesi"), row
        assert bool(row["popular_vote_file"]) == bool(row["popular_vote_from"]), row


def test_plurality_years_name_their_candidates() -> None:
    named = {int(r["year"]) for r in _rows("election_candidates")}
    plurality = {int(r["year"]) for r in _rows("election_results") if r["electoral_votes_from"] == "plurality"}
    assert plurality <= named


def test_packaged_copies_equal_their_inputs() -> None:
    for name in ("not_counted", "contingent_elections", "ballot_rules"):
        assert _rows(name) == list(read_table(name)), name


def test_district_returns_cite_a_district_source_of_their_year() -> None:
    cited = {(r["key"], int(r["year"])) for r in _rows("district_sources")}
    returns = _rows("district_returns")
    assert len({(r["year"], r["unit"]) for r in returns}) == len(returns)
    for row in returns + _rows("district_canvass"):
        assert (row["source"], int(row["year"])) in cited, row
    for row in _rows("district_sources"):
        assert len(row["commit"]) == 40 and row["repository"].count("/") == 1 and row["path"], row


def test_district_returns_cover_every_district_of_the_record() -> None:
    packaged = {(int(r["year"]), r["unit"]) for r in read_table("district_popular_vote")}
    assert {(int(r["year"]), r["unit"]) for r in _rows("district_returns")} == packaged
