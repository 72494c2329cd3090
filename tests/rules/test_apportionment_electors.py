"""The packaged electoral votes agree with the apportionment in force for every election."""

from __future__ import annotations

from collections import Counter

import pytest

from electoral.rules.apportionment import adjustments, census_in_force, electors_in_force, official_seats
from electoral.units import election_years, units_for


@pytest.mark.parametrize("year", election_years())
def test_electors_are_seats_plus_two(year: int) -> None:
    record: Counter = Counter()
    units = units_for(year)
    for state, electors in zip(units.states, units.electoral_votes):
        record[state] += int(electors)
    expected = electors_in_force(year)
    # every state that appointed electors; states absent from the record (not yet in the Union,
    # in secession, or appointing none) are not compared
    assert {s: record[s] for s in record} == {s: expected.get(s) for s in record}


def test_known_allotments() -> None:
    # House Clerk, electoral votes by state: 2024 (2020 census), 1960 (Alaska and Hawaii 3 each, 537 in all)
    assert electors_in_force(2024)["TX"] == 40 and electors_in_force(2020)["TX"] == 38
    assert sum(electors_in_force(1960).values()) == 537
    assert electors_in_force(1964)["DC"] == 3 and "DC" not in electors_in_force(1960)
    assert census_in_force(1928) == 1910  # no apportionment after 1920


def test_every_adjustment_is_cited_and_statutory_seats_are_in_the_official_table() -> None:
    for adj in adjustments():
        assert adj.source and adj.kind in {"statute", "admission", "transfer"}
        if adj.kind == "statute":
            assert adj.state in official_seats(adj.census)
