"""Every analysis agrees with the what-if engine (scenario.run) on the same inputs.

Minimum votes, tipping points, paths and power indices are computed from the record's arrays;
here each answer is applied as a what-if (the flips it implies, or the very vote moves) and the
engine's tally must give the claimed outcome.
"""

from __future__ import annotations

from itertools import product

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from electoral.analysis.inputs import contest
from electoral.analysis.minvotes import FLIP_COSTS, min_votes
from electoral.analysis.paths import paths
from electoral.analysis.power import power
from electoral.analysis.tipping import tipping_point
from electoral.margins import MARGINS
from electoral.record import election
from electoral.scenario import Scenario, Swing, run, smallest_swings
from electoral.units import election_years

POPULAR_YEARS = [y for y in election_years() if y >= 1824]


def _tally(result, candidates: tuple[str, str]) -> tuple[int, int]:
    return result.tally.electoral_votes(candidates[0]), result.tally.electoral_votes(candidates[1])


def _flips(solution, to: str) -> dict[str, str]:
    return {code: to for f in solution.flips for code in f.units}


@pytest.mark.parametrize("mode", list(FLIP_COSTS))
@pytest.mark.parametrize("year", POPULAR_YEARS)
def test_min_votes_flips_give_the_claimed_outcome(year: int, mode: str) -> None:
    report = min_votes(year, mode)
    race = contest(year)
    majority = race.majority_needed
    for solution in report.changes:
        if solution.votes is None:
            continue
        verb, rest = solution.goal.split(" ", 1)
        named = next(c for c in race.candidates if rest.startswith(c + " "))
        to = named if verb == "give" else race.candidates[1 - race.candidates.index(named)]
        result = run(Scenario(year, flips=_flips(solution, to)))
        after = _tally(result, race.candidates)
        assert after == solution.after, (year, solution.goal)
        mine = after[race.candidates.index(named)]
        assert mine >= majority if verb == "give" else mine < majority, (year, solution.goal, after)
        # and it is the cheapest: no flip can be left out
        for f in solution.flips:
            rest_flips = {c: t for c, t in _flips(solution, to).items() if c not in f.units}
            fewer = _tally(run(Scenario(year, flips=rest_flips)), race.candidates)[race.candidates.index(named)]
            assert fewer < majority if verb == "give" else fewer >= majority, (year, solution.goal, f.state)


@pytest.mark.parametrize("year", POPULAR_YEARS)
def test_smallest_winning_share_carries_a_majority(year: int) -> None:
    # its units to either candidate, every other unit to the other: that candidate has the majority
    share = min_votes(year).smallest_share
    race = contest(year)
    if share.votes is None:
        return
    carried = {code for f in share.flips for code in f.units}
    for k, name in enumerate(race.candidates):
        other = race.candidates[1 - k]
        sides = {code: name if code in carried else other for code in race.codes}
        assert _tally(run(Scenario(year, flips=sides)), race.candidates)[k] >= race.majority_needed, (year, name)


@pytest.mark.parametrize("year", POPULAR_YEARS)
def test_min_votes_moved_votes_give_the_claimed_outcome(year: int) -> None:
    # The very vote moves, as a what-if: in each state, move the solution's votes from the carrier
    # to the other candidate (a state swing of 2 * votes / (a + b) two-party points). States voting
    # by district are left to the flip test (a state swing moves every district's margin alike).
    race = contest(year)
    pair = race.candidates
    for solution in min_votes(year).changes:
        if solution.votes is None or any(len(f.units) > 1 or f.units != (f.state,) for f in solution.flips):
            continue
        if any(code.startswith(f.state + "-") for f in solution.flips for code in race.codes):
            continue
        verb, rest = solution.goal.split(" ", 1)
        named = next(c for c in pair if rest.startswith(c + " "))
        to = named if verb == "give" else pair[1 - pair.index(named)]
        swings = {}
        for f in solution.flips:
            a, b = race.votes[race.index(f.state)]
            swings[f.state] = Swing(to, 200 * f.votes / (a + b))
        result = run(Scenario(year, state_swings=swings, margin="two-party"))
        assert {u.unit for u in result.diff.flipped} == {f.state for f in solution.flips}, (year, solution.goal)
        assert _tally(result, pair) == solution.after, (year, solution.goal)
        # one vote fewer in the state with the smallest price leaves the carrier ahead there
        f = min(solution.flips, key=lambda f: f.votes)
        a, b = race.votes[race.index(f.state)]
        short = run(Scenario(year, state_swings={**swings, f.state: Swing(to, 200 * (f.votes - 1) / (a + b))},
                             margin="two-party"))
        assert f.state not in {u.unit for u in short.diff.flipped}, (year, f.state)


def test_1960_hawaii_and_illinois_leave_kennedy_273() -> None:
    # Congress counted 303 for Kennedy, 5 of them from Alabama (carried by Byrd's 6 unpledged electors)
    result = run(Scenario(1960, flips={"HI": None, "IL": None}))
    assert _tally(result, ("John F. Kennedy", "Richard Nixon")) == (273, 249) and result.tally.winner == "John F. Kennedy"
    race = contest(1960)
    assert race.after_flips([race.index("HI"), race.index("IL")], to=1) == (273, 249)
    deny = min_votes(1960).changes[0]
    assert deny.goal == "deny John F. Kennedy a majority"
    assert deny.after[0] < 269 and {"HI", "IL"} < {f.state for f in deny.flips}
    assert _tally(run(Scenario(1960, flips=_flips(deny, "Richard Nixon"))), race.candidates) == deny.after


@pytest.mark.parametrize("margin", list(MARGINS))
@pytest.mark.parametrize("year", [y for y in election_years() if y >= 1828])
def test_smallest_swing_tips_on_the_tipping_point(year: int, margin: str) -> None:
    tp = tipping_point(year, margin=margin)
    swings = smallest_swings(year, margin)
    if tp.unit is None:
        assert swings == ()
        return
    first = swings[0]
    assert (first.tipping_unit, first.margin) == (tp.unit, margin)
    assert first.points == pytest.approx(100 * tp.swing, abs=1e-9)
    # checked here again by the engine: just below, the winner keeps the majority; just above, not
    below = run(Scenario(year, swing=Swing(first.toward, first.points - 1e-6), margin=margin))
    above = run(Scenario(year, swing=Swing(first.toward, first.points + 1e-6), margin=margin))
    assert below.tally.winner == tp.winner and above.tally.winner != tp.winner


def _outcome(year: int, sides: dict[str, str]) -> tuple[int, int]:
    """Electoral votes of the two leading candidates when every unit goes to the candidate named in ``sides``."""
    race = contest(year)
    return _tally(run(Scenario(year, flips=sides)), race.candidates)


@pytest.mark.parametrize(("year", "open_units"), [
    (2020, ("PA", "GA", "AZ", "WI", "NE-2", "ME-2")), (1960, ("IL", "TX", "MO", "NJ", "HI")),
    (2016, ("PA", "MI", "WI", "FL", "TX")),
])
def test_paths_are_what_ifs(year: int, open_units: tuple[str, ...]) -> None:
    race = contest(year)
    winners = election(year).winners()
    # the other units as recorded, each whole to its carrier (a third candidate's units to the runner-up)
    decided = {code: (w if w in race.candidates else race.candidates[1]) for code, w in zip(race.codes, winners)
               if code not in open_units}
    report = paths(year, decided, limit=50)
    wins = [0, 0]
    for choice in product((0, 1), repeat=len(open_units)):
        sides = {**decided, **{code: race.candidates[s] for code, s in zip(open_units, choice)}}
        after = _outcome(year, sides)
        for k in (0, 1):
            wins[k] += after[k] >= race.majority_needed
    assert wins == [c.winning_outcomes for c in report.candidates]
    assert report.counts.ties == 2 ** len(open_units) - sum(wins)
    for k, c in enumerate(report.candidates):
        other = race.candidates[1 - k]
        for units in c.minimal_sets:  # wins with the set; loses if any one of them goes the other way
            sides = {**decided, **{code: other for code in open_units}, **{code: c.candidate for code in units}}
            assert _outcome(year, sides)[k] >= race.majority_needed
            for dropped in units:
                assert _outcome(year, {**sides, dropped: other})[k] < race.majority_needed


@pytest.mark.parametrize("year", [y for y in election_years()])
def test_power_quota_is_the_majority_congress_needs(year: int) -> None:
    assert power(year).quota == election(year).tally().majority_needed


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([1960, 2000, 2016, 2020]), st.data())
def test_power_swings_are_what_ifs(year: int, data: st.DataObject) -> None:
    race = contest(year)
    p = power(year)
    assert p.codes == race.codes and np.array_equal(p.weights, race.electoral_votes)
    coalition = data.draw(st.sets(st.sampled_from(race.codes)))
    unit = data.draw(st.sampled_from([c for c in race.codes if c not in coalition] or [race.codes[0]]))
    if unit in coalition:
        return
    first, second = race.candidates

    def first_wins(members: set[str]) -> bool:
        sides = {code: first if code in members else second for code in race.codes}
        return _outcome(year, sides)[0] >= p.quota

    weight = sum(int(w) for c, w in zip(p.codes, p.weights) if c in coalition)
    assert first_wins(coalition) == (weight >= p.quota)
    swings = not first_wins(coalition) and first_wins(coalition | {unit})
    assert swings == (weight < p.quota <= weight + int(p.weights[p.codes.index(unit)]))
