"""What-ifs against independent checks computed here from the record's popular and electoral votes."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from electoral.errors import InvalidInput, UnknownUnit
from electoral.record import election
from electoral.rules.allocation import StateVote, allocate
from electoral.scenario import Scenario, Swing, parse_optional_pairs, parse_swing, run, smallest_swings
from electoral.units import election_years, units_for


def _statewide_margins(year: int, a: str, b: str) -> dict[str, float]:
    df = election(year).popular_vote()
    votes = df.pivot_table(index="state", columns="candidate", values="votes", aggfunc="sum")
    return {s: (r[a] - r[b]) / (r[a] + r[b]) for s, r in votes.iterrows()}


@pytest.mark.parametrize("year", [y for y in election_years() if y >= 1804])
def test_an_empty_scenario_is_the_record(year: int) -> None:
    result = run(Scenario(year))
    assert result.tally.candidates == election(year).tally().candidates
    assert result.diff.flipped == () and not result.diff.winner_changed


def test_2020_flip_georgia_arizona_wisconsin_ties_269_269() -> None:
    result = run(Scenario(2020, flips={"GA": None, "AZ": None, "WI": None}))
    assert (result.tally.electoral_votes("Joe Biden"), result.tally.electoral_votes("Donald Trump")) == (269, 269)
    assert result.tally.winner is None and result.diff.no_majority and result.diff.winner_changed
    assert result.tally.outcome.startswith("no majority: the House chooses")
    assert {f.unit for f in result.diff.flipped} == {"GA", "AZ", "WI"}


def test_smallest_uniform_swing_2020_is_the_tipping_point_margin() -> None:
    # Independently: Biden's statewide two-party margins, smallest first; remove states until he is below 270
    margins = _statewide_margins(2020, "Joe Biden", "Donald Trump")
    units = units_for(2020)
    biden = 306  # House Clerk, 2020 electoral votes
    for state in sorted((s for s in margins if margins[s] > 0), key=margins.get):
        biden -= int(units.electoral_votes[units.index(state)])  # at-large unit (ME: 2 of its 4)
        if biden < 270:
            tipping = state
            break
    assert tipping == "WI"
    first = smallest_swings(2020, "two-party")[0]
    assert first.tipping_unit == tipping and first.toward == "Donald Trump" and first.margin == "two-party"
    assert first.points == pytest.approx(100 * margins[tipping], abs=1e-9)
    below = run(Scenario(2020, swing=Swing("R", first.points - 0.001), margin="two-party"))
    above = run(Scenario(2020, swing=Swing("R", first.points + 0.001), margin="two-party"))
    assert below.tally.winner == "Joe Biden" and above.tally.winner is None


def test_uniform_swing_flips_exactly_the_closer_states() -> None:
    margins = _statewide_margins(2020, "Joe Biden", "Donald Trump")
    result = run(Scenario(2020, swing=parse_swing("R+1.5")))
    expected = {s for s, m in margins.items() if 0 < m < 0.015}
    assert {f.unit for f in result.diff.flipped} == expected == {"AZ", "GA", "PA", "WI"}


@pytest.mark.parametrize(("year", "winner"), [(2000, "Al Gore"), (2016, "Hillary Clinton")])
def test_npvic_elects_the_national_popular_vote_winner(year: int, winner: str) -> None:
    totals = election(year).popular_vote().groupby("candidate").votes.sum()
    assert totals.idxmax() == winner
    result = run(Scenario(year, method="npvic"))
    assert result.tally.winner == winner and result.diff.winner_changed


def test_compact_with_its_real_members_is_not_in_force() -> None:
    members = ("CA", "CO", "CT", "DC", "DE", "HI", "IL", "MA", "MD", "ME", "MN", "NJ", "NM", "NY", "OR", "RI", "VT", "WA")
    result = run(Scenario(2016, methods={s: "npvic" for s in members}))
    assert result.tally.winner == "Donald Trump"
    assert any("not in force" in n for n in result.notes)


def test_proportional_conserves_electors_and_stays_within_each_state_quota() -> None:
    result = run(Scenario(2020, method="proportional"))
    assert sum(c.electoral_votes for c in result.tally.candidates) == 538
    votes = election(2020).popular_vote().query("kind == 'candidate'")  # only candidates receive electors
    for unit in result.units:
        state_votes = votes[votes.state == unit.state].set_index("candidate").votes
        for name, n in unit.votes:
            quota = unit.electors * state_votes[name] / state_votes.sum()
            assert int(quota) <= n <= int(quota) + 1


def _largest_remainders(votes: dict[str, int], seats: int) -> dict[str, int]:
    """Hamilton's method written out: whole quotas, then one more seat to the largest remainders."""
    total = sum(votes.values())
    floor = {name: v * seats // total for name, v in votes.items()}
    by_remainder = sorted(votes, key=lambda name: -(votes[name] * seats % total))
    for name in by_remainder[: seats - sum(floor.values())]:
        floor[name] += 1
    return {name: n for name, n in floor.items() if n}


def test_1992_new_york_proportional_gives_no_elector_to_blank_votes() -> None:
    # The figures: X 3,444,450, Y 2,346,649, Z 1,090,721 and a blank row of 152,951 for 33
    # electors. Largest remainders among the three candidates give 17, 11, 5; counting the blank row
    # as a fourth party would hand it one of the 33.
    figures = {"X": 3_444_450, "Y": 2_346_649, "Z": 1_090_721}
    assert _largest_remainders(figures, 33) == {"X": 17, "Y": 11, "Z": 5}
    assert _largest_remainders({**figures, "blank": 152_951}, 33)["blank"] == 1
    assert allocate("proportional", StateVote("NY", 33, tuple(figures.items()))).totals() == {"X": 17, "Y": 11, "Z": 5}
    # the record: New York's candidate rows alone decide the split
    df = election(1992).popular_vote().query("state == 'NY'")
    candidates = df[df.kind == "candidate"].groupby("candidate").votes.sum().to_dict()
    ny = next(u for u in run(Scenario(1992, methods={"NY": "proportional"})).units if u.unit == "NY")
    assert dict(ny.votes) == _largest_remainders(candidates, 33)
    assert {name: n for name, n in ny.votes if name in {"Bill Clinton", "George H. W. Bush", "Ross Perot"}} == {
        "Bill Clinton": 17, "George H. W. Bush": 11, "Ross Perot": 5}


def _what_ifs(year: int, kind: str) -> list[Scenario]:
    if kind == "swing":  # plurality after a swing toward the runner-up, and toward the winner
        first, second = (c.name for c in election(year).tally().candidates[:2])
        return [Scenario(year, swing=Swing(second, 3)), Scenario(year, swing=Swing(first, 3))]
    if kind == "district":
        return [Scenario(year, methods={"ME": "district", "NE": "district"})] if year >= 1992 else []
    return [Scenario(year, method=kind)]


@pytest.mark.parametrize("kind", ["proportional", "proportional:webster", "npvic", "district", "swing"])
def test_only_candidates_ever_receive_electors(kind: str) -> None:
    # every year with popular votes: no write-in, scattering or "none of these" row gets an elector
    for year in [y for y in election_years() if y >= 1824]:
        df = election(year).popular_vote()
        not_candidates = set(df[df.kind != "candidate"].candidate) - set(df[df.kind == "candidate"].candidate)
        for scenario in _what_ifs(year, kind):
            try:
                result = run(scenario)
            except InvalidInput:
                continue  # a state with no popular vote to split (a legislature's choice), said by name
            receivers = {name for u in result.units for name, n in u.votes if n}
            assert not receivers & not_candidates, (year, kind, receivers & not_candidates)


def test_house_size_and_new_states_change_the_electors() -> None:
    assert run(Scenario(2020, house_size=600)).tally.electors_appointed == 600 + 100 + 3
    # Puerto Rico as a state on the 2020 census (3,285,874 people): 4 seats, 6 electors, still 435 seats
    with_pr = run(Scenario(2020, census=2020, add_states={"PR": None}, flips={"PR": "D"}))
    assert with_pr.tally.electors_appointed == 435 + 102 + 3
    assert next(u for u in with_pr.units if u.unit == "PR").votes == (("Joe Biden", 6),)
    assert run(Scenario(2020, remove=("DC",))).tally.electors_appointed == 535


def test_a_removed_state_stays_out_when_a_swing_would_flip_it() -> None:
    # Texas 2020: Trump 5,890,347, Biden 5,259,126 (certified canvass), 5.66 points of the two-party
    # vote; 38 electors. D+6 flips it; with Texas removed, Biden has the swung total less its 38.
    swung = run(Scenario(2020, swing=Swing("D", 6)))
    without_texas = run(Scenario(2020, swing=Swing("D", 6), remove=("TX",)))
    assert next(u for u in swung.units if u.unit == "TX").winner == "Joe Biden"
    assert without_texas.tally.electors_appointed == 538 - 38
    assert without_texas.tally.electoral_votes("Joe Biden") == swung.tally.electoral_votes("Joe Biden") - 38
    assert "TX" not in {u.unit for u in without_texas.units}


def test_blank_scenario_counts_only_named_winners() -> None:
    result = run(Scenario(2020, blank=True, flips={"CA": "D", "TX": "R"}))
    assert result.tally.electoral_votes("Joe Biden") == 55 and result.tally.electoral_votes("Donald Trump") == 38
    assert result.tally.electors_appointed == 538 and result.tally.winner is None


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    (dict(year=2020, flips={"XX": None}), UnknownUnit, "'XX'"),
    (dict(year=2020, swing=Swing("Jorgensen", 1)), InvalidInput, "Jorgensen"),
    (dict(year=1800, flips={"NY": None}), InvalidInput, "1800"),
    (dict(year=2020, method="proportional", flips={"CA": None}), InvalidInput, "CA conflicts"),
    (dict(year=2020, method="district"), InvalidInput, "AL in 2020"),
    (dict(year=1856, methods={"SC": "proportional"}), InvalidInput, "SC in 1856"),
    (dict(year=2020, blank=True, swing=Swing("R", 1)), InvalidInput, "blank"),
    (dict(year=2020, flips={"ME-2": None}, remove=("ME",)), InvalidInput, "ME-2: ME is removed"),
    (dict(year=2020, state_swings={"TX": Swing("D", 9)}, remove=("tx",)), InvalidInput, "TX is removed"),
])
def test_bad_scenarios_name_the_problem(kwargs, error, message) -> None:
    with pytest.raises(error, match=message):
        run(Scenario(**kwargs))


def test_parsers_reject_malformed_input() -> None:
    assert parse_swing(" D-2 ") == Swing("D", -2.0)
    for bad in ("R1.5", "+1.5", "R+", "R+x", "R+1.5.2"):
        with pytest.raises(InvalidInput, match="swing"):
            parse_swing(bad)
    assert parse_optional_pairs("ne2,GA=R", "--flip") == {"NE-2": None, "GA": "R"}
    for bad in ("GA=", "=R", "Georgia", "GA,ga"):
        with pytest.raises(InvalidInput, match="--flip"):
            parse_optional_pairs(bad, "--flip")


UNITS_2020 = units_for(2020).codes


@settings(max_examples=40, deadline=None)
@given(st.sets(st.sampled_from(UNITS_2020), max_size=12))
def test_flips_move_whole_units_and_conserve_electors(flipped) -> None:
    result = run(Scenario(2020, flips={u: None for u in flipped}))
    winners = dict(zip(UNITS_2020, election(2020).winners()))
    electors = dict(zip(UNITS_2020, units_for(2020).electoral_votes))
    expected: Counter = Counter()
    for unit in UNITS_2020:
        winner = winners[unit]
        if unit in flipped:
            winner = "Donald Trump" if winner == "Joe Biden" else "Joe Biden"
        expected[winner] += int(electors[unit])
    assert {c.name: c.electoral_votes for c in result.tally.candidates if c.electoral_votes} == dict(+expected)


@settings(max_examples=25, deadline=None)
@given(st.floats(min_value=0, max_value=20), st.floats(min_value=0, max_value=20))
def test_a_bigger_swing_never_costs_the_favoured_candidate(small, extra) -> None:
    before = run(Scenario(2020, swing=Swing("R", small))).tally.electoral_votes("Donald Trump")
    after = run(Scenario(2020, swing=Swing("R", small + extra))).tally.electoral_votes("Donald Trump")
    assert after >= before


def test_adding_a_state_that_exists_is_an_error_but_removing_it_first_replaces_it():
    import pytest as _pytest

    from electoral.errors import InvalidInput
    from electoral.scenario import Scenario, run

    with _pytest.raises(InvalidInput, match="TX is already a state"):
        run(Scenario(2020, add_states={"TX": 100.0}))
    replaced = {u.unit: u for u in run(Scenario(2020, remove=("TX",), add_states={"TX": 100.0})).units}
    assert replaced["TX"].electors == 3  # the smallest state's seat plus two senators
