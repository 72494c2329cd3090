"""Minimum votes: certified margins of 2020 and 2000, and the knapsack against brute force."""

from __future__ import annotations

from itertools import product

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from electoral.analysis.inputs import OTHER, Contest, contest
from electoral.analysis.minvotes import FLIP_COSTS, cheapest_cover, min_votes, min_votes_of
from electoral.errors import InvalidInput, UnknownYear

# Certified 2020 two-candidate results (Biden, Trump): Arizona Secretary of State canvass,
# Georgia Secretary of State recount certification, Wisconsin Elections Commission canvass.
CERTIFIED_2020 = {"AZ": (1_672_143, 1_661_686), "GA": (2_473_633, 2_461_854), "WI": (1_630_866, 1_610_184)}


def test_2020_arizona_georgia_wisconsin_deny_biden() -> None:
    report = min_votes(2020)
    deny = report.changes[0]
    assert deny.goal == "deny Joe Biden a majority"
    assert [f.state for f in deny.flips] == ["AZ", "GA", "WI"]
    leads = {s: b - t for s, (b, t) in CERTIFIED_2020.items()}
    assert deny.margin_votes == sum(leads.values()) == 42_918
    assert deny.votes == sum(lead // 2 + 1 for lead in leads.values()) == 21_461
    assert deny.electoral_votes == 37 and deny.after == (269, 269)  # the 12th Amendment's House election


def test_2020_added_votes() -> None:
    deny = min_votes(2020, "added").changes[0]
    assert [f.state for f in deny.flips] == ["AZ", "GA", "WI"] and deny.votes == 42_918 + 3


def test_2000_florida() -> None:
    # Florida certified: Bush 2,912,790, Gore 2,912,253: 269 switched votes would have elected Gore
    report = min_votes(2000)
    assert [(f.state, f.margin_votes, f.votes) for f in report.changes[0].flips] == [("FL", 537, 269)]


def test_smallest_winning_share_2020() -> None:
    report = min_votes(2020)
    s = report.smallest_share
    assert s.electoral_votes >= 270
    assert sum(f.votes for f in s.flips) == s.votes
    assert 0.15 < report.share < 0.25  # about 22%: bare majorities in the smallest states
    # each state it carries at large is carried by a bare majority of the votes cast there
    race = contest(2020)
    for f in s.flips:
        if f.units == (f.state,):
            assert f.votes == int(race.total[race.index(f.state)]) // 2 + 1
    # the smallest states come first: Wyoming (3 electors, 276,765 votes cast) is in, California is not
    carried = {u for f in s.flips for u in f.units}
    assert "WY" in carried and "CA" not in carried


def test_no_majority_year_gives_each_candidate_a_path() -> None:
    report = min_votes(1824)
    assert [s.goal for s in report.changes] == ["give John Quincy Adams a majority", "give Andrew Jackson a majority"]
    assert all(s.after is not None and max(s.after) >= 131 for s in report.changes)


def split_state() -> Contest:
    """A state like Maine: at-large electors plus two districts, and one ordinary state."""
    codes = ("AA", "AA-1", "AA-2", "BB")
    votes = np.array([[110.0, 100.0], [50.0, 60.0], [60.0, 40.0], [300.0, 200.0]])
    return Contest(2020, codes, ("AA", "AA", "AA", "BB"), np.array([2, 1, 1, 3]), ("A", "B"), ("", ""), votes,
                   votes.sum(axis=1), (votes[:, 0] - votes[:, 1]) / votes.sum(axis=1),
                   np.array([0, 1, 0, 0]), ("",) * 4, 4, 0.0)


def test_a_vote_counts_in_its_district_and_statewide() -> None:
    # A holds AA (2), AA-2 (1), BB (3) = 6 of 7; denying A takes 3 away. Moving 11 votes in AA-2
    # (lead 20) also wipes out A's statewide lead of 10, so AA and AA-2 together cost 11, not
    # 6 + 11; BB alone (lead 100) would cost 51.
    report = min_votes_of(split_state())
    deny = report.changes[0]
    assert [(f.state, f.units, f.votes) for f in deny.flips] == [("AA", ("AA", "AA-2"), 11)]
    assert deny.after == (3, 4)


@st.composite
def menus(draw: st.DrawFn) -> tuple[list[list[tuple[int, int]]], int]:
    groups = draw(st.lists(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 50)), max_size=3), max_size=6))
    return groups, draw(st.integers(0, 40))


@settings(max_examples=100, deadline=None)
@given(menus())
def test_knapsack_equals_brute_force(game: tuple[list[list[tuple[int, int]]], int]) -> None:
    groups, target = game
    best = None
    for choice in product(*[range(-1, len(g)) for g in groups]):
        picked = [groups[k][c] for k, c in enumerate(choice) if c >= 0]
        if sum(ev for ev, _ in picked) >= target:
            cost = sum(c for _, c in picked)
            best = cost if best is None else min(best, cost)
    found = cheapest_cover(groups, target)
    if best is None:
        assert found is None
        return
    cost, choice = found
    assert cost == best
    picked = [groups[k][c] for k, c in enumerate(choice) if c >= 0]
    assert sum(c for _, c in picked) == cost and sum(ev for ev, _ in picked) >= target


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 9), st.integers(0, 500), st.integers(0, 500)), min_size=1, max_size=9))
def test_flips_equal_brute_force(units: list[tuple[int, int, int]]) -> None:
    codes = [f"S{i}" for i in range(len(units))]
    ev = np.array([u[0] for u in units])
    votes = np.array([[float(u[1]), float(u[2])] for u in units])
    won_by = np.where(votes[:, 0] > votes[:, 1], 0, np.where(votes[:, 0] < votes[:, 1], 1, OTHER))
    with np.errstate(invalid="ignore"):
        margin = np.nan_to_num((votes[:, 0] - votes[:, 1]) / votes.sum(axis=1))
    race = Contest(None, tuple(codes), tuple(codes), ev, ("A", "B"), ("", ""), votes, votes.sum(axis=1), margin,
                   won_by, ("",) * len(codes), int(ev.sum()) // 2 + 1, 0.0)
    report = min_votes_of(race)
    carried = [int(ev[won_by == s].sum()) for s in (0, 1)]
    for solution in report.changes:
        verb, name = solution.goal.split()[:2]  # "deny A a majority" / "give B a majority"
        named = race.candidates.index(name)
        side = named if verb == "deny" else 1 - named  # whose units change hands
        target = carried[named] - race.majority_needed + 1 if verb == "deny" else race.majority_needed - carried[named]
        lead = {i: int(votes[i, side] - votes[i, 1 - side]) for i in range(len(codes)) if won_by[i] == side}
        best = None
        for mask in range(2 ** len(lead)):
            chosen = [i for k, i in enumerate(lead) if mask >> k & 1]
            if sum(int(ev[i]) for i in chosen) >= target:
                cost = sum(FLIP_COSTS["moved"](int(votes[i, side]), int(votes[i, 1 - side]), 0) for i in chosen)
                best = cost if best is None else min(best, cost)
        assert solution.votes == best


def test_bad_input() -> None:
    with pytest.raises(InvalidInput, match="teleported"):
        min_votes(2020, "teleported")
    with pytest.raises(InvalidInput, match="1796"):
        min_votes(1796)
    with pytest.raises(UnknownYear, match="1999"):
        min_votes(1999)
