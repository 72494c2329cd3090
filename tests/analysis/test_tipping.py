"""Tipping point and bias: the record against published certified counts, and properties on scenarios."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from electoral.analysis.inputs import OTHER, Contest, contest, estimate_margins
from electoral.analysis.tipping import tipping_point, tipping_point_of
from electoral.errors import InvalidInput, UnknownUnit, UnknownYear


def test_2020_wisconsin_and_the_bias() -> None:
    tp = tipping_point(2020)
    assert tp.candidates == ("Joe Biden", "Donald Trump") and tp.winner == "Joe Biden"
    assert tp.unit == "WI"
    # Wisconsin Elections Commission certified canvass: Biden 1,630,866, Trump 1,610,184
    assert tp.margin == pytest.approx((1_630_866 - 1_610_184) / (1_630_866 + 1_610_184))
    # Biden 81,283,501 and Trump 74,223,975 nationally (FEC, Federal Elections 2020): +4.5 two-party
    assert tp.national_margin == pytest.approx((81_283_501 - 74_223_975) / (81_283_501 + 74_223_975), abs=2e-4)
    assert -0.0395 < tp.bias < -0.038 and tp.favours == "Donald Trump"


@pytest.mark.parametrize(("year", "winner", "unit"), [
    (2016, "Donald Trump", "WI"),  # Trump 306 pledged electors; Wisconsin's 10 take him from 260 to 270
    (2000, "George W. Bush", "FL"),  # Florida's 25 electors took Bush from 246 to 271
])
def test_tipping_points_from_the_record(year: int, winner: str, unit: str) -> None:
    tp = tipping_point(year)
    assert (tp.winner, tp.unit) == (winner, unit)


def test_2000_florida_margin_and_bias() -> None:
    tp = tipping_point(2000)
    # Florida certified: Bush 2,912,790, Gore 2,912,253 (537 votes); Gore won the national vote
    assert tp.margin == pytest.approx(537 / (2_912_790 + 2_912_253))
    assert tp.national_margin < 0 and tp.bias > 0 and tp.favours == "George W. Bush"


def test_snake_rows_add_up() -> None:
    tp = tipping_point(2020)
    assert len(tp.rows) == 56 and tp.rows[-1].cumulative == tp.winner_votes == 306
    assert all(a.winner_margin >= b.winner_margin for a, b in zip(tp.rows, tp.rows[1:]))
    tip = next(k for k, r in enumerate(tp.rows) if r.unit == "WI")
    assert tp.rows[tip].cumulative >= 270 > tp.rows[tip - 1].cumulative


def test_missing_margins_are_estimated_toward_the_recorded_winner_and_flagged() -> None:
    codes = ("ME", "ME-1", "ME-2", "SC", "XX")
    recorded = np.array([0.09, np.nan, np.nan, np.nan, 0.2])
    margin, why = estimate_margins(codes, ("ME", "ME", "ME", "SC", "XX"), recorded, np.array([0, 0, 1, 1, OTHER]))
    assert margin.tolist() == [0.09, 0.09, -0.09, -1.0, 0.2]
    assert [bool(w) for w in why] == [False, True, True, True, False]
    assert "district" in why[2] and "no popular vote" in why[3]


def test_1876_colorado_legislature_is_flagged() -> None:
    # Colorado's legislature chose its three electors in 1876 (no popular vote); Hayes carried them
    tp = tipping_point(1876)
    assert tp.estimated == ("CO",) and tp.unit == "SC"


def test_district_margins_are_recorded_in_2020() -> None:
    race = contest(2020)
    assert not any(race.estimated)
    assert race.won_by[race.index("NE-2")] == 0 and race.margin[race.index("NE-2")] > 0
    assert race.won_by[race.index("ME-2")] == 1 and race.margin[race.index("ME-2")] < 0


def test_no_majority_has_no_tipping_point() -> None:
    tp = tipping_point(1824)  # Jackson led with 99 of 261 electors; the House chose Adams
    assert tp.winner == "Andrew Jackson" and tp.unit is None and tp.bias is None


def test_1872_pairs_grant_with_greeley() -> None:
    # Greeley died before the electors met; his electors scattered, but he ran in the popular vote
    assert tipping_point(1872).candidates == ("Ulysses S. Grant", "Horace Greeley")


scenarios = st.integers(1, 20).flatmap(lambda n: st.tuples(
    st.lists(st.integers(1, 20), min_size=n, max_size=n),
    st.lists(st.floats(-0.5, 0.5).filter(lambda m: m != 0), min_size=n, max_size=n),
    st.floats(-0.2, 0.2)))


@settings(max_examples=80, deadline=None)
@given(scenarios)
def test_scenarios(scenario: tuple[list[int], list[float], float]) -> None:
    votes, margins, national = scenario
    race = Contest.from_margins([f"U{i}" for i in range(len(votes))], votes, margins, national_margin=national)
    tp = tipping_point_of(race)
    first = sum(v for v, m in zip(votes, margins) if m > 0)
    winner_votes = max(first, sum(votes) - first)
    assert tp.winner_votes == winner_votes
    if winner_votes < race.majority_needed:
        assert tp.unit is None and tp.bias is None
        return
    # the tipping unit is the weakest unit the winner could not do without, counting strongest first
    sign = 1 if tp.winner == "A" else -1
    won = sorted((sign * m, v) for v, m in zip(votes, margins) if sign * m > 0)
    running, expected = winner_votes, None
    for margin, v in won:  # strip the weakest wins while the majority holds
        if running - v < race.majority_needed:
            expected = margin
            break
        running -= v
    assert sign * tp.margin == expected
    assert tp.bias == pytest.approx(tp.margin - national)
    # mirroring every margin mirrors the answer
    mirror = tipping_point_of(Contest.from_margins(race.codes, votes, [-m for m in margins],
                                                   national_margin=-national))
    assert mirror.unit == tp.unit and mirror.bias == pytest.approx(-tp.bias)


@pytest.mark.parametrize(("call", "error", "bad"), [
    (lambda: tipping_point(1800), InvalidInput, "1800"), (lambda: tipping_point(2019), UnknownYear, "2019"),
    (lambda: tipping_point(2020, "Joe Biden", "Nobody Atall"), UnknownUnit, "Nobody Atall"),
])
def test_bad_input(call, error: type, bad: str) -> None:
    with pytest.raises(error, match=bad):
        call()
