"""Properties every apportionment method must have, checked on random populations (Hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from electoral.rules.apportionment import METHODS, apportion

populations = st.lists(st.integers(min_value=1, max_value=50_000_000), min_size=1, max_size=15)
DIVISOR = sorted(name for name, m in METHODS.items() if m.kind == "divisor")


def _as_states(values: list[int]) -> dict[str, int]:
    return {f"S{i:02d}": v for i, v in enumerate(values)}


@settings(max_examples=60, deadline=None)
@given(populations, st.integers(min_value=0, max_value=300), st.sampled_from(sorted(METHODS)))
def test_every_method_hands_out_exactly_the_house(values, extra, name) -> None:
    house = len(values) + extra
    result = apportion(_as_states(values), house, name)
    assert int(result.seats.sum()) == house
    assert (result.seats >= 1).all()  # the Constitution's one seat each


@settings(max_examples=40, deadline=None)
@given(populations, st.integers(min_value=0, max_value=150), st.sampled_from(DIVISOR))
def test_divisor_methods_never_take_a_seat_when_the_house_grows(values, extra, name) -> None:
    states = _as_states(values)
    house = len(values) + extra
    smaller = apportion(states, house, name).seats
    larger = apportion(states, house + 1, name).seats
    assert (larger >= smaller).all() and int((larger - smaller).sum()) == 1


@settings(max_examples=60, deadline=None)
@given(populations, st.integers(min_value=0, max_value=300))
def test_hamilton_stays_within_quota_for_states_above_the_minimum(values, extra) -> None:
    result = apportion(_as_states(values), len(values) + extra, "hamilton")
    # where the one-seat minimums alone overfill a tiny House, no method can stay within quota
    assume(np.maximum(np.floor(result.quotas), 1).sum() <= result.house_size)
    above = result.quotas >= 1
    assert (result.seats[above] >= np.floor(result.quotas[above])).all()
    assert (result.seats[above] <= np.ceil(result.quotas[above])).all()


@settings(max_examples=40, deadline=None)
@given(populations, st.integers(min_value=0, max_value=200))
def test_jefferson_favours_large_states_adams_small_ones(values, extra) -> None:
    # Jefferson's signposts are the highest, Adams's the lowest: the largest state can only do
    # at least as well under Jefferson as under any other divisor method
    states = _as_states(values)
    house = len(values) + extra
    biggest = int(np.argmax(values))
    seats = {name: apportion(states, house, name).seats[biggest] for name in DIVISOR}
    assert seats["jefferson"] == max(seats.values()) and seats["adams"] == min(seats.values())
