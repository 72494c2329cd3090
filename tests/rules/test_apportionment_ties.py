"""Exact ties in apportionment: no method may depend on the order states are listed in.

The law has no tie rule (2 U.S.C. 2a and the earlier acts name a method, never a tie-break), so a
tie at the last seat is reported and settled by a documented, order-independent fallback.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from electoral.rules.allocation import StateVote, allocate
from electoral.rules.apportionment import METHODS, apportion, apportion_census, census_populations
from electoral.scenario import Scenario, run

ALL = sorted(METHODS)

# Populations drawn from a few values make exact ties frequent; the wide range covers the rest.
population = st.one_of(st.sampled_from([100, 200, 300, 150, 50]), st.integers(min_value=0, max_value=10**9))


@st.composite
def problems(draw):
    values = draw(st.lists(population, min_size=1, max_size=9).filter(lambda v: sum(v) > 0))
    states = {f"S{i}": v for i, v in enumerate(values)}
    minimum = draw(st.sampled_from([0, 1]))
    house = len(values) * minimum + draw(st.integers(min_value=0, max_value=40))
    order = draw(st.permutations(list(states)))
    return states, {code: states[code] for code in order}, house, minimum


@settings(max_examples=150, deadline=None)
@given(problems(), st.sampled_from(ALL))
def test_every_method_gives_the_same_seats_for_any_order_of_the_states(problem, name) -> None:
    states, shuffled, house, minimum = problem
    a = apportion(states, house, name, min_seats=minimum)
    b = apportion(shuffled, house, name, min_seats=minimum)
    assert a.as_dict() == b.as_dict()
    assert a.tie == b.tie and a.last_seat == b.last_seat and a.next_in_line == b.next_in_line
    assert int(a.seats.sum()) == house


@settings(max_examples=100, deadline=None)
@given(problems(), st.sampled_from(sorted(n for n, m in METHODS.items() if m.kind == "divisor")))
def test_a_reported_tie_is_exactly_the_contested_seats_of_a_divisor_method(problem, name) -> None:
    states, _, house, minimum = problem
    result = apportion(states, house, name, min_seats=minimum)
    if result.tie is None:
        return
    tie = result.tie
    assert 0 < tie.seats < len(tie.states) and list(tie.states) == sorted(tie.states)
    assert tie.given_to == tie.states[:tie.seats]
    # without the contested seats no one holds one; with one more per loser, every tied state does
    fewer = apportion(states, house - tie.seats, name, min_seats=minimum).as_dict()
    more = apportion(states, house - tie.seats + len(tie.states), name, min_seats=minimum).as_dict()
    seats = result.as_dict()
    assert fewer == {s: n - (s in tie.given_to) for s, n in seats.items()}
    assert more == {s: n + (s in tie.left_out) for s, n in seats.items()}


@pytest.mark.parametrize("name", ALL)
def test_exact_tie_at_the_last_seat_is_reported_whatever_the_order(name) -> None:
    for populations in ({"X": 100, "Y": 100}, {"Y": 100, "X": 100}):
        result = apportion(populations, 3, name)
        assert result.as_dict() == {"X": 2, "Y": 1}  # the fallback: first code alphabetically
        assert result.tie is not None
        assert (result.tie.states, result.tie.seats, result.tie.given_to) == (("X", "Y"), 1, ("X",))
        assert result.tie.left_out == ("Y",)


@pytest.mark.parametrize("name", ALL)
def test_three_states_tied_for_two_seats(name) -> None:
    result = apportion({"C": 100, "B": 100, "A": 100}, 5, name)
    assert result.as_dict() == {"A": 2, "B": 2, "C": 1}
    assert (result.tie.states, result.tie.seats, result.tie.given_to) == (("A", "B", "C"), 2, ("A", "B"))


@pytest.mark.parametrize("name", ALL)
def test_ties_that_do_not_straddle_the_last_seat_are_not_reported(name) -> None:
    # X and Y are tied for seats 3 and 4 and both get one: the law's result is decided
    assert apportion({"Y": 100, "X": 100}, 4, name).tie is None
    # X and Y tie everywhere, Z is far behind: an even House settles every tie among them
    result = apportion({"Z": 1, "Y": 1_000, "X": 1_000}, 9, name)
    assert result.as_dict() == {"X": 4, "Y": 4, "Z": 1} and result.tie is None


def test_no_real_apportionment_had_a_tie() -> None:
    for census in (1790, 1870, 1880, *range(1910, 2021, 10)):
        if census != 1920:
            assert apportion_census(census).tie is None


def test_floating_point_does_not_invent_a_huntington_hill_tie() -> None:
    # 2642885282**2 = 3 * 1525870529**2 + 1, so B's claim to a third seat, B / sqrt(6), beats A's
    # claim to a second, A / sqrt(2), by a hair: equal in floating point, unequal exactly.
    a, b = 1525870529, 2642885282
    assert a / math.sqrt(2) == b / math.sqrt(6) and b * b == 3 * a * a + 1
    for populations in ({"A": a, "B": b}, {"B": b, "A": a}):
        result = apportion(populations, 4, "huntington-hill")
        assert result.as_dict() == {"A": 1, "B": 3} and result.tie is None
        assert result.last_seat[0] == "B" and result.next_in_line[0] == "A"


def test_floating_point_does_not_hide_a_hamilton_tie() -> None:
    # quotas 4/3, 7/3 and 19/3 of a 10-seat House: all three fractions are exactly 1/3, one seat left
    quotas = [4 * (10 / 30) % 1, 7 * (10 / 30) % 1, 19 * (10 / 30) % 1]
    assert len(set(quotas)) > 1  # in floating point the fractions differ
    result = apportion({"C": 19, "B": 7, "A": 4}, 10, "hamilton")
    assert result.as_dict() == {"A": 2, "B": 2, "C": 6}
    assert (result.tie.states, result.tie.seats, result.tie.given_to) == (("A", "B", "C"), 1, ("A",))


@pytest.mark.parametrize("rounding", ["hamilton", "webster", "jefferson", "huntington-hill"])
def test_proportional_allocation_ties_follow_the_same_rule(rounding: str) -> None:
    # 3 electors, a 50-50 vote: the odd elector is an exact tie, settled the same way in either order
    first = allocate(f"proportional:{rounding}", StateVote("XX", 3, (("Bo", 50.0), ("Al", 50.0)))).totals()
    second = allocate(f"proportional:{rounding}", StateVote("XX", 3, (("Al", 50.0), ("Bo", 50.0)))).totals()
    assert first == second == {"Al": 2, "Bo": 1}


def test_a_what_if_apportionment_notes_its_tie() -> None:
    # Puerto Rico as a state exactly as populous as Minnesota: with 442 seats the last one is a tie
    twin = census_populations(2020).as_dict()["MN"]
    result = run(Scenario(2024, census=2020, house_size=442, add_states={"PR": twin}))
    assert any("exact tie: MN, PR have equal claims to 1 seat" in note for note in result.notes)
    assert not any("exact tie" in note for note in run(Scenario(2024, census=2020, house_size=435)).notes)
