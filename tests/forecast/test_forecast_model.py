"""The model's properties: the prior without polls, polls moving their unit and (less) others, house effects,
districts forecast on their own, intervals and probabilities consistent with each other."""

from __future__ import annotations

import numpy as np
import pytest

from electoral.errors import InvalidInput
from electoral.forecast import forecast_polls, polls_from_rows
from electoral.forecast.history import UNIT_CODES, before, prior_lean, record_history
from electoral.forecast.model import Prior, Settings, posterior
from electoral.forecast.polls import NATIONAL

DAY = np.datetime64("2020-11-03")


def polls(rows, year=2020):
    base = {"start": "2020-10-20", "end": "2020-10-22", "n": 1000, "pollster": "X", "population": "lv"}
    return polls_from_rows([{**base, **r} for r in rows], year=year)


def test_without_polls_the_posterior_is_the_prior():
    empty = polls([{"unit": "PA", "dem": 50, "rep": 45}]).take(np.zeros(1, dtype=bool))
    lean = np.linspace(-10, 10, len(UNIT_CODES))
    post = posterior(empty, Prior(51.0, lean), DAY)
    assert np.allclose(post.mean[:-1], 51.0 + lean) and post.mean[-1] == 51.0
    s = Settings()
    assert post.cov[-1, -1] == pytest.approx(s.national_prior_var)


def test_a_state_poll_moves_its_state_most_and_the_nation_through_the_shared_national_share():
    post = posterior(polls([{"unit": "PA", "dem": 55, "rep": 41}]), Prior(50.0, np.zeros(len(UNIT_CODES))), DAY)
    pa, wi, nat = UNIT_CODES.index("PA"), UNIT_CODES.index("WI"), -1
    assert post.mean[pa] > post.mean[wi] > 50.0
    assert post.mean[nat] == pytest.approx(post.mean[wi])  # WI has no poll: its lean stays at its prior
    assert post.cov[pa, pa] < post.cov[wi, wi]


def test_more_and_later_polls_narrow_the_forecast():
    one = posterior(polls([{"unit": NATIONAL, "dem": 52, "rep": 46}]), Prior(50.0, np.zeros(56)), DAY)
    many = posterior(polls([{"unit": NATIONAL, "dem": 52, "rep": 46, "pollster": f"P{i}"} for i in range(20)]),
                     Prior(50.0, np.zeros(56)), DAY)
    early = posterior(polls([{"unit": NATIONAL, "dem": 52, "rep": 46, "start": "2020-06-01", "end": "2020-06-03"}]),
                      Prior(50.0, np.zeros(56)), DAY)
    assert many.cov[-1, -1] < one.cov[-1, -1] < early.cov[-1, -1]


def test_a_pollster_consistently_off_gets_a_house_effect_and_moves_the_forecast_less():
    rows = [{"unit": NATIONAL, "dem": 50, "rep": 50, "pollster": f"Fair{i}"} for i in range(8)]
    rows += [{"unit": NATIONAL, "dem": 56, "rep": 44, "pollster": "Lean"} for _ in range(8)]
    post = posterior(polls(rows), Prior(50.0, np.zeros(56)), DAY)
    assert post.effects["house:Lean"] > 1.0
    assert post.mean[-1] < 50.0 + (53.0 - 50.0) / 2 + 0.5  # closer to the fair pollsters than a plain average


def test_districts_get_their_own_forecast_from_their_own_lean():
    f = forecast_polls(polls([{"unit": NATIONAL, "dem": 52, "rep": 46}]), "2020-10-25")
    me, me2, me1 = (f.mean[f.codes.index(c)] for c in ("ME", "ME-2", "ME-1"))
    assert me2 < me < me1  # ME-2 leans right of the state, ME-1 left (the record's district results)
    lean = prior_lean(before(record_history(), 2020))
    assert me1 - me2 == pytest.approx(lean[UNIT_CODES.index("ME-1")] - lean[UNIT_CODES.index("ME-2")], abs=0.5)


def test_probabilities_and_intervals_agree():
    f = forecast_polls(polls([{"unit": "PA", "dem": 50, "rep": 46}]), "2020-10-25")
    lo, hi = f.interval(0.95)
    lo80, hi80 = f.interval(0.8)
    assert np.all(lo < lo80) and np.all(hi80 < hi) and np.all(lo80 < f.mean)
    p = f.probabilities
    assert np.all((lo80 > 50) <= (p > 0.9)) and np.all((hi80 < 50) <= (p < 0.1))


def test_bad_dates_and_prior_are_refused():
    with pytest.raises(InvalidInput, match="as-of date must be a date"):
        forecast_polls(polls([{"unit": "PA", "dem": 50, "rep": 46}]), "yesterday")
    with pytest.raises(InvalidInput, match="finite lean"):
        posterior(polls([{"unit": "PA", "dem": 50, "rep": 46}]), Prior(50.0, np.zeros(3)), DAY)


def test_the_national_prior_moves_every_unit_by_less_than_its_shift_and_is_bounded():
    one = polls([{"unit": "PA", "dem": 50, "rep": 46, "start": "2020-09-01", "end": "2020-09-02"}])
    low, high = forecast_polls(one, "2020-10-01", national_prior=47.0), forecast_polls(one, "2020-10-01", national_prior=53.0)
    shift = high.mean - low.mean
    assert low.polls_used == 1 and 0.0 < shift.min() and shift.max() < 6.0  # the poll pulls part of it back
    with pytest.raises(InvalidInput, match="national prior"):
        forecast_polls(one, "2020-10-01", national_prior=95.0)
