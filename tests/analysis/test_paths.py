"""Paths to a majority: exact counts and minimal winning sets against brute force, and the 2020 map."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from electoral.analysis.paths import count_paths, minimal_winning, paths
from electoral.errors import InvalidInput, UnknownUnit, UnknownYear
from electoral.units import units_for


def every_split(n: int) -> np.ndarray:
    """All 2^n ways n open units can go: row r, column i is 1 when unit i goes to the first candidate."""
    return (np.arange(2**n)[:, None] >> np.arange(n)) & 1


games = st.integers(0, 16).flatmap(lambda n: st.tuples(
    st.lists(st.integers(0, 15), min_size=n, max_size=n), st.integers(0, 30), st.integers(0, 30), st.integers(0, 20)))


@settings(max_examples=60, deadline=None)
@given(games)
@example(([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 1, 2, 3], 0, 0, 0))  # 16 units: all 65,536 outcomes
def test_counts_equal_brute_force_and_sum_to_2_to_the_n(game: tuple[list[int], int, int, int]) -> None:
    votes, first, second, other = game
    total = sum(votes) + first + second + other  # ``other``: electors pledged to neither candidate
    majority = total // 2 + 1
    counts = count_paths(votes, first, second, majority)
    taken = every_split(len(votes)) @ np.array(votes, dtype=np.int64)
    assert counts.first == int((first + taken >= majority).sum())
    assert counts.second == int((second + sum(votes) - taken >= majority).sum())
    assert counts.first + counts.second + counts.ties == counts.total == 2 ** len(votes)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 16).flatmap(lambda n: st.tuples(
    st.lists(st.integers(0, 12), min_size=n, max_size=n), st.lists(st.floats(-1, 1), min_size=n, max_size=n),
    st.integers(1, 80))))
@example(([5, 0, 12, 7, 3, 9, 1, 4, 11, 6, 2, 8, 10, 3, 7, 5], [0.1 * k - 0.8 for k in range(16)], 45))
def test_minimal_sets_equal_brute_force_in_the_promised_order(game: tuple[list[int], list[float], int]) -> None:
    votes, strength, needed = game
    members = every_split(len(votes)).astype(bool)
    w = np.array(votes)
    total = members @ w
    smallest = np.where(members, w, np.iinfo(np.int64).max).min(axis=1)  # the lightest member of each set
    minimal = (total >= needed) & (total - smallest < needed)
    expected = {frozenset(np.flatnonzero(row).tolist()) for row in members[minimal]}
    found = minimal_winning(votes, needed, strength, limit=10**6)
    assert {frozenset(s) for s in found} == expected and len(found) == len(expected)
    # fewest units first; within a size, by the units' strength ranks, strongest first
    rank = {i: r for r, i in enumerate(sorted(range(len(votes)), key=lambda i: (-strength[i], -votes[i], i)))}
    keys = [(len(s), [rank[i] for i in s]) for s in found]
    assert keys == sorted(keys)
    assert all(list(s) == sorted(s, key=rank.get) for s in found)
    assert found[:3] == minimal_winning(votes, needed, strength, limit=3)


def test_all_56_units_open_in_2020() -> None:
    ev = units_for(2020).electoral_votes
    counts = count_paths(ev, 0, 0, 270)
    assert counts.total == 2**56 and counts.first == counts.second  # symmetric when nothing is decided
    assert counts.first + counts.second + counts.ties == 2**56
    # ties are the outcomes where the first candidate takes exactly 269: the coefficient of x^269
    # in prod (1 + x^w), multiplied out here with Python integers
    polynomial = np.array([1], dtype=object)
    for w in ev.tolist():
        polynomial = np.convolve(polynomial, np.array([1] + [0] * (w - 1) + [1], dtype=object))
    assert counts.ties == polynomial[269] and sum(polynomial[270:]) == counts.first


def test_the_2020_result_leaves_nothing_open() -> None:
    units = units_for(2020)
    biden = {"AZ", "CA", "CO", "CT", "DC", "DE", "GA", "HI", "IL", "MA", "MD", "ME", "ME-1", "MI", "MN", "NE-2",
             "NH", "NJ", "NM", "NV", "NY", "OR", "PA", "RI", "VA", "VT", "WA", "WI"}
    decided = {code: ("D" if code in biden else "R") for code in units.codes}
    report = paths(2020, decided)
    assert report.open_units == () and report.counts.total == 1
    assert report.candidates[0].decided_votes == 306 and report.candidates[1].decided_votes == 232  # certified
    assert report.counts.first == 1 and report.candidates[0].minimal_sets == ((),)


def test_battlegrounds_2020() -> None:
    # Everything but seven states as certified; Biden needs 270 - 227 = 43 of their 93.
    open_states = {"AZ", "GA", "MI", "NC", "NV", "PA", "WI"}
    biden = {"CA", "CO", "CT", "DC", "DE", "HI", "IL", "MA", "MD", "ME", "ME-1", "MN", "NE-2", "NH", "NJ", "NM",
             "NY", "OR", "RI", "VA", "VT", "WA"}
    units = units_for(2020)
    decided = {c: ("Biden" if c in biden else "Trump") for c in units.codes if c not in open_states}
    report = paths(2020, decided, limit=100)  # the most the limits allow (electoral.limits)
    assert set(report.open_units) == open_states
    biden_paths = report.candidates[0]
    assert biden_paths.decided_votes == 227 and biden_paths.needed == 43
    ev = {c: int(units.electoral_votes[units.index(c)]) for c in open_states}
    wins = sum(1 for k in range(8) for c in combinations(sorted(open_states), k) if sum(ev[s] for s in c) >= 43)
    assert biden_paths.winning_outcomes == wins
    assert all(sum(ev[s] for s in combo) >= 43 for combo in biden_paths.minimal_sets)
    # Biden's fewest-unit paths use Pennsylvania (20) and Michigan (16)
    assert set(biden_paths.minimal_sets[0]) >= {"PA", "MI"}


@pytest.mark.parametrize(
    ("decided", "error", "bad"),
    [({"PA": "R", "ZZ": "D"}, UnknownUnit, "ZZ"), ({"PA": "X"}, InvalidInput, "X"),
     ({"ME2": "R", "ME-2": "D"}, InvalidInput, "ME-2"), ({"PA": "Jefferson"}, InvalidInput, "Jefferson")],
)
def test_bad_decided_units(decided: dict[str, str], error: type, bad: str) -> None:
    with pytest.raises(error, match=bad):
        paths(2020, decided)


def test_a_year_without_popular_votes_or_an_unknown_year() -> None:
    with pytest.raises(InvalidInput, match="1800"):
        paths(1800)
    with pytest.raises(UnknownYear, match="2021"):
        paths(2021)


def test_inconsistent_majority_is_refused() -> None:
    with pytest.raises(InvalidInput, match="both"):
        count_paths([3, 3], 0, 0, majority=3)
