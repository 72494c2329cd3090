"""Allocation methods: the table of what each state did, and the what-if methods."""

from __future__ import annotations

import pytest

from electoral.errors import InvalidInput
from electoral.rules.allocation import (
    ALLOCATION_METHODS, StateVote, allocate, allocation_table, method_in_force, npvic_members, parse_method,
)
from electoral.rules.apportionment import electors_in_force


def test_registry_enumerates_the_methods() -> None:
    assert set(ALLOCATION_METHODS) == {"winner-take-all", "district", "proportional", "npvic"}
    assert parse_method("proportional:sainte-lague") == ("proportional", "webster")
    for bad in ("borda", "district:webster", "proportional:borda"):
        with pytest.raises(InvalidInput, match=bad.split(":")[-1]):
            parse_method(bad)


def test_maine_from_1972_nebraska_from_1992() -> None:
    # Maine: 21-A M.R.S. sec. 802 (first used 1972); Nebraska: Neb. Rev. Stat. sec. 32-710 (first used 1992)
    assert [method_in_force("ME", y).method for y in (1968, 1972, 2024)] == ["winner-take-all", "district", "district"]
    assert [method_in_force("NE", y).method for y in (1988, 1992, 2024)] == ["winner-take-all", "district", "district"]
    assert method_in_force("MI", 1892).method == "district" and method_in_force("MI", 1896).method == "winner-take-all"
    assert method_in_force("SC", 1860).method == "legislature" and method_in_force("SC", 1868).method == "winner-take-all"
    assert method_in_force("VA", 1800).method == "unrecorded"
    assert all(row.source for row in allocation_table())


def test_every_table_method_is_registered_or_historical_only() -> None:
    assert {row.method for row in allocation_table()} - set(ALLOCATION_METHODS) == {"legislature", "unrecorded"}


def test_textbook_proportional_rounding_rules() -> None:
    # The standard D'Hondt / Sainte-Lague illustration: 8 seats, votes 100,000 / 80,000 / 30,000 / 20,000
    vote = StateVote("XX", 8, (("A", 100_000), ("B", 80_000), ("C", 30_000), ("D", 20_000)))
    assert allocate("proportional:jefferson", vote).totals() == {"A": 4, "B": 3, "C": 1}
    assert allocate("proportional:webster", vote).totals() == {"A": 3, "B": 3, "C": 1, "D": 1}
    assert allocate("proportional", vote).method == "proportional:hamilton"


def test_district_method_needs_every_district() -> None:
    full = StateVote("NE", 5, (("R", 556_846), ("D", 374_583)), (("NE-1", "R"), ("NE-2", "D"), ("NE-3", "R")), year=2020)
    assert allocate("district", full).totals() == {"R": 4, "D": 1}
    with pytest.raises(InvalidInput, match="PA in 2020.*19 congressional districts"):
        allocate("district", StateVote("PA", 21, (("D", 1.0),), year=2020))
    # a one-district state: the district is the state
    assert allocate("district", StateVote("WY", 3, (("R", 2.0), ("D", 1.0)))).totals() == {"R": 3}


def test_winner_take_all_and_compact_need_their_inputs() -> None:
    assert allocate("winner-take-all", StateVote("GA", 16, (("A", 10.0), ("B", 9.0)), decided="B")).totals() == {"B": 16}
    with pytest.raises(InvalidInput, match="national popular vote"):
        allocate("npvic", StateVote("CA", 54))


def test_npvic_members_hold_209_electors_in_2024() -> None:
    # Council of State Governments compact page: 17 states and DC; 209 electoral votes as of 2024
    members = npvic_members(2024)
    electors = electors_in_force(2024)
    assert len(members) == 18 and sum(electors[s] for s in members) == 209
    assert "MN" not in npvic_members(2020) and "MN" in npvic_members(2024)
