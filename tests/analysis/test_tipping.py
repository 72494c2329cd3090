"""Tipping point and bias: the record against published certified counts, and properties on scenarios."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from electoral.analysis.inputs import OTHER, Contest, contest, estimate_margins
from electoral.analysis.tipping import tipping_point, tipping_point_of
from electoral.errors import InvalidInput, UnknownUnit, UnknownYear
from electoral.record import election


def test_2020_wisconsin_and_the_bias() -> None:
    tp = tipping_point(2020, margin="two-party")
    assert tp.candidates == ("Joe Biden", "Donald Trump") and tp.winner == "Joe Biden"
    assert tp.unit == "WI" and tp.definition == "two-party"
    # Wisconsin Elections Commission certified canvass: Biden 1,630,866, Trump 1,610,184
    assert tp.margin == pytest.approx((1_630_866 - 1_610_184) / (1_630_866 + 1_610_184))
    # Biden 81,283,501 and Trump 74,223,975 nationally (FEC, Federal Elections 2020): +4.5 two-party
    assert tp.national_margin == pytest.approx((81_283_501 - 74_223_975) / (81_283_501 + 74_223_975), abs=2e-4)
    assert -0.0395 < tp.bias < -0.038 and tp.favours == "Donald Trump"


def test_2020_wisconsin_as_a_share_of_all_votes_by_default() -> None:
    tp = tipping_point(2020)
    # the same canvass: 3,298,041 votes cast in Wisconsin, all candidates
    assert tp.definition == "all" and tp.unit == "WI"
    assert tp.margin == pytest.approx((1_630_866 - 1_610_184) / 3_298_041)


def test_2012_colorado_under_all_votes_pennsylvania_under_two_party() -> None:
    # Published tipping-point tables rank margins as shares of all votes: CO 5.37, PA 5.38 (2012);
    # as two-party margins PA 5.46 is below CO 5.50, so PA tips instead.
    every, two = tipping_point(2012), tipping_point(2012, margin="two-party")
    assert (every.unit, round(every.margin * 100, 2)) == ("CO", 5.37)
    assert (two.unit, round(two.margin * 100, 2)) == ("PA", 5.46)
    margins = {r.unit: r.margin * 100 for r in every.rows}
    # Pennsylvania's certified total (5,753,670) includes 11,630 write-ins; computed from the record's
    # own rows, its margin is within a few hundredths of the published 5.38 and above Colorado's
    pa = election(2012).popular_vote().query("state == 'PA'")
    votes = pa.set_index("candidate").votes
    assert margins["PA"] == pytest.approx(100 * (votes["Barack Obama"] - votes["Mitt Romney"]) / pa.total_votes.iloc[0])
    assert round(margins["CO"], 2) == 5.37 < margins["PA"] and abs(margins["PA"] - 5.38) < 0.03
    margins = {r.unit: round(r.margin * 100, 2) for r in two.rows}
    assert (margins["CO"], margins["PA"]) == (5.50, 5.46)


@pytest.mark.parametrize("margin", ["all", "two-party"])
@pytest.mark.parametrize(("year", "winner", "unit"), [
    # Trump 304 counted (two Texas electors voted for others): Wisconsin's 10 take him from 258 to
    # 268 only; Pennsylvania's 20 reach 288
    (2016, "Donald Trump", "PA"),
    (2000, "George W. Bush", "FL"),  # Florida's 25 electors took Bush from 246 to 271
])
def test_tipping_points_from_the_record(year: int, winner: str, unit: str, margin: str) -> None:
    tp = tipping_point(year, margin=margin)
    assert (tp.winner, tp.unit) == (winner, unit)


def test_2000_florida_margin_and_bias() -> None:
    tp = tipping_point(2000, margin="two-party")
    # Florida certified: Bush 2,912,790, Gore 2,912,253 (537 votes) of 5,963,110 cast; Gore won the national vote
    assert tp.margin == pytest.approx(537 / (2_912_790 + 2_912_253))
    assert tp.national_margin < 0 and tp.bias > 0 and tp.favours == "George W. Bush"
    assert tipping_point(2000).margin == pytest.approx(537 / 5_963_110)


def test_snake_rows_add_up() -> None:
    tp = tipping_point(2020)
    assert len(tp.rows) == 56 and tp.rows[-1].cumulative == tp.winner_votes == 306
    assert all(a.winner_margin >= b.winner_margin for a, b in zip(tp.rows, tp.rows[1:]))
    tip = next(k for k, r in enumerate(tp.rows) if r.unit == "WI")
    assert tp.rows[tip].cumulative >= 270 > tp.rows[tip - 1].cumulative


def test_counted_electors_and_fixed_units() -> None:
    # 1960: Congress counted 303 for Kennedy, 5 of them from Alabama (carried by Byrd's 6)
    tp = tipping_point(1960)
    assert tp.winner_votes == 303 == tp.rows[-1].cumulative
    alabama = next(r for r in tp.rows if r.unit == "AL")
    assert alabama.won_by is None and alabama.winner_votes == 5 and alabama.swing == np.inf
    # 1908: Maryland's popular vote went to Taft by 605 votes, 6 of its 8 electors to Bryan: no swing
    # moves Taft's 2, so they count first, before any unit a swing can take
    tp = tipping_point(1908)
    maryland = next(k for k, r in enumerate(tp.rows) if r.unit == "MD")
    assert tp.rows[maryland].winner_votes == 2 and all(r.swing == np.inf for r in tp.rows[: maryland + 1])


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
