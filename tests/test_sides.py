"""Sides D/R/O and the tally of a map of sides."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral.errors import InvalidInput, UnknownUnit
from electoral.record import election
from electoral.sides import SIDES, side_of, tally_sides
from electoral.units import election_years, units_for


@pytest.mark.parametrize(("party", "side"), [
    ("Democratic", "D"), ("Democratic-Republican", "D"), ("Republican", "R"), ("Whig", "R"), ("Federalist", "R"),
    ("National Republican", "R"), ("Southern Democratic", "O"), ("Libertarian", "O"), ("", "O"), (None, "O"),
])
def test_side_of(party: str | None, side: str) -> None:
    assert side_of(party) == side


@pytest.mark.parametrize(("year", "nominee"), [(1860, "Stephen Douglas"), (1872, "Horace Greeley"),
                                               (1896, "William Jennings Bryan")])
def test_democratic_nominees_on_fusion_tickets(year: int, nominee: str) -> None:
    # Nominees of the Democratic National Convention of each year (the party's own convention records).
    assert side_of(election(year).parties[nominee]) == "D"


def test_2000_without_florida() -> None:
    # 2000 as certified (Joint Session, Jan 6 2001): Bush 271, Gore 266, one DC elector abstained.
    # With Florida (25) undecided Bush has 246: no majority yet. Nebraska's districts all went to Bush.
    units = units_for(2000)
    bush = {"AL", "AK", "AZ", "AR", "CO", "GA", "ID", "IN", "KS", "KY", "LA", "MS", "MO", "MT", "NE", "NV", "NH",
            "NC", "ND", "OH", "OK", "SC", "SD", "TN", "TX", "UT", "VA", "WV", "WY", "NE-1", "NE-2", "NE-3"}
    winners = {code: ("R" if code in bush else "D") for code in units.codes if code != "FL"}
    result = tally_sides(units, winners)
    assert result.electoral_votes["R"] == 271 - 25 and result.undecided == 25 and result.winner is None
    assert result.electoral_votes["D"] == 267  # Gore's 266 plus the DC elector who abstained
    winners["FL"] = "R"
    assert tally_sides(units, winners).winner == "R"


@given(year=st.sampled_from(election_years()), data=st.data())
def test_votes_are_conserved(year: int, data) -> None:
    units = units_for(year)
    chosen = data.draw(st.dictionaries(st.sampled_from(units.codes), st.sampled_from(SIDES)))
    result = tally_sides(units, chosen)
    assert sum(result.electoral_votes.values()) + result.undecided == units.total
    winners = [s for s, v in result.electoral_votes.items() if v >= result.majority_needed]
    assert len(winners) <= 1 and result.winner == (winners[0] if winners else None)


def test_errors_name_the_bad_value() -> None:
    with pytest.raises(InvalidInput, match="'X'"):
        tally_sides(units_for(2020), {"PA": "X"})
    with pytest.raises(UnknownUnit, match="'GU'"):
        tally_sides(units_for(2020), {"GU": "D"})
