"""The backtest: no leakage (a late poll and a changed result of the target year change nothing), and the scores
against hand-computed values."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from electoral.errors import InvalidInput
from electoral.forecast import forecast_polls, read_poll_file, run_backtest
from electoral.forecast.backtest import brier, log_loss, score
from electoral.forecast.history import record_history
from electoral.forecast.polls import combine, polls_from_rows

HERE = Path(__file__).parent / "fixtures"
AS_OF = "2020-10-30"


def test_a_poll_ending_after_the_as_of_date_changes_nothing():
    polls = read_poll_file(HERE / "polls_538_2020.csv")
    planted = polls_from_rows([{"unit": "PA", "start": "2020-10-30", "end": "2020-10-31", "dem": 30, "rep": 65,
                                "n": 5000, "pollster": "Future"}], year=2020)
    a = forecast_polls(polls, AS_OF)
    b = forecast_polls(combine([polls, planted]), AS_OF)
    assert np.array_equal(a.mean, b.mean) and np.array_equal(a.cov, b.cov) and a.effects == b.effects
    c = forecast_polls(combine([polls, planted]), "2020-10-31")  # the planted poll does count once it is allowed
    assert c.mean[c.codes.index("PA")] < a.mean[a.codes.index("PA")] - 1


def test_a_changed_result_of_the_target_year_changes_the_forecast_not_at_all():
    polls = read_poll_file(HERE / "polls_538_2020.csv")
    history = record_history()
    row = history.row(2020)
    dem = history.dem.copy()
    dem[row] *= 3.0  # a landslide nobody had
    changed = replace(history, dem=dem)
    a = forecast_polls(polls, AS_OF, history=history)
    b = forecast_polls(polls, AS_OF, history=changed)
    assert np.array_equal(a.mean, b.mean) and np.array_equal(a.cov, b.cov) and np.array_equal(a.votes, b.votes)
    bt_a = run_backtest({2020: polls}, [4], history=history, draws=2000)
    bt_b = run_backtest({2020: polls}, [4], history=changed, draws=2000)
    assert np.array_equal(bt_a.probabilities, bt_b.probabilities)
    assert bt_a.scores[0].rmse != bt_b.scores[0].rmse  # only the scoring reads the target year's results


def test_brier_and_log_loss_by_hand():
    p, y = np.array([0.9, 0.2, 0.5]), np.array([1.0, 1.0, 0.0])
    assert brier(p, y) == pytest.approx((0.01 + 0.64 + 0.25) / 3)
    assert brier(p, y, np.array([1.0, 0.0, 0.0])) == pytest.approx(0.01)
    assert log_loss(p, y) == pytest.approx(-(np.log(0.9) + np.log(0.2) + np.log(0.5)) / 3)


def test_score_of_a_forecast_against_itself_is_perfect_coverage_and_zero_rmse():
    f = forecast_polls(read_poll_file(HERE / "polls_538_2020.csv"), AS_OF)
    s = score(f, f.mean.copy(), 4, 0.5)
    assert s.rmse == 0.0 and s.coverage_80 == 1.0 and s.coverage_95 == 1.0 and s.national_error == pytest.approx(0.0)
    ev = f.to_forecast().electoral_votes
    won = f.mean > 50
    assert s.ev_error == pytest.approx(float(ev @ f.probabilities - ev @ won))


def test_backtest_scores_every_year_and_horizon():
    polls = read_poll_file(HERE / "polls_538_2020.csv")
    bt = run_backtest({2020: polls}, [8, 1], draws=2000)
    assert [(s.year, s.days_before) for s in bt.scores] == [(2020, 8), (2020, 1)]
    assert len(bt.probabilities) == 2 * 51 and set(np.unique(bt.outcomes)) <= {0.0, 1.0}
    assert bt.scores[0].polls <= bt.scores[1].polls


def test_a_forecast_without_any_usable_poll_is_refused_not_made_from_the_prior():
    polls = read_poll_file(HERE / "polls_538_2020.csv")  # the earliest poll ends 2020-10-22
    for as_of in ("2020-10-21", "2016-11-01"):
        with pytest.raises(InvalidInput, match=f"no poll ends on or before the as-of date {as_of}"):
            forecast_polls(polls, as_of)
    with pytest.raises(InvalidInput, match="backtest of 2020, 14 days before Election Day: no poll ends"):
        run_backtest({2020: polls}, [14, 1], draws=2000)
