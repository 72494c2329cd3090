"""The backtest: forecasts of past elections as of days before them, scored against the record.

No leakage: each forecast sees only polls ending on or before its as-of date (:func:`~electoral.forecast.polls.usable_on`)
and a history cut before the target year (:func:`~electoral.forecast.history.before`); the target year's results are
read only by :func:`score`, after the forecast is made.

Scores over the 50 states and DC (districts separately): Brier (unweighted and weighted by electoral votes), log
loss, RMSE of the Democratic two-party share, coverage of the 80% and 95% intervals of the share, the error of the
national two-party share (states' turnout-weighted forecast minus the result), and the error of the Democrat's
expected electoral votes against those the results gave (units' winners by votes, no faithless electors).

>>> import numpy as np
>>> brier(np.array([1.0, 0.0, 0.5]), np.array([1.0, 0.0, 1.0]))
0.08333333333333333
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

import numpy as np

from electoral.errors import InvalidInput
from electoral.forecast.estimate import StateForecast, forecast_polls, national_odds
from electoral.forecast.history import History, at_large, record_history
from electoral.forecast.model import Settings
from electoral.forecast.polls import Polls
from electoral.units import units_for

BACKTEST_DRAWS = 20_000  # national odds per backtest forecast (seeded)


@dataclass(frozen=True)
class Score:
    """One forecast's scores (see the module docstring); shares and errors in points."""

    year: int
    days_before: int
    as_of: str
    polls: int
    brier: float
    brier_ev: float
    brier_districts: float
    log_loss: float
    rmse: float
    coverage_80: float
    coverage_95: float
    national_error: float
    ev_error: float
    p_win: float  # P(Democrat wins the electoral college), Monte Carlo
    won: bool  # did the Democrat win (by the units' votes)


def brier(p: np.ndarray, outcome: np.ndarray, weights: np.ndarray | None = None) -> float:
    """Mean squared difference of probabilities and 0/1 outcomes (optionally weighted)."""
    return float(np.average((p - outcome) ** 2, weights=weights))


def log_loss(p: np.ndarray, outcome: np.ndarray) -> float:
    """Mean negative log probability of what happened (probabilities clipped to [1e-6, 1 - 1e-6]).

    >>> round(log_loss(np.array([0.5]), np.array([1.0])), 4)
    0.6931
    """
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(outcome * np.log(p) + (1 - outcome) * np.log(1 - p)))


def score(forecast: StateForecast, actual: np.ndarray, days_before: int, p_win: float) -> Score:
    """Score ``forecast`` against ``actual`` Democratic two-party shares (points, aligned to its codes)."""
    states = at_large(forecast.codes)
    won = (actual > 50.0).astype(float)
    p = forecast.probabilities
    ev = units_for(forecast.year).electoral_votes.astype(float)
    inside = {}
    for level in (0.8, 0.95):
        lo, hi = forecast.interval(level)
        inside[level] = float(np.mean((actual[states] >= lo[states]) & (actual[states] <= hi[states])))
    w = forecast.votes[states]
    national_actual = float(w @ actual[states] / w.sum())  # the same weights, so only the shares' error counts
    return Score(
        forecast.year, days_before, forecast.as_of.isoformat(), forecast.polls_used,
        brier(p[states], won[states]), brier(p[states], won[states], ev[states]), brier(p[~states], won[~states]),
        log_loss(p[states], won[states]), float(np.sqrt(np.mean((forecast.mean[states] - actual[states]) ** 2))),
        inside[0.8], inside[0.95], forecast.national()[0] - national_actual,
        float(ev @ p - ev @ won), p_win, bool(ev @ won > ev.sum() / 2))


@dataclass(frozen=True)
class Backtest:
    """Scores per year and horizon, and every (probability, outcome) pair of the states for calibration."""

    scores: tuple[Score, ...]
    probabilities: np.ndarray  # P(D) per state per forecast
    outcomes: np.ndarray  # 1 if D carried the state


def run_backtest(polls_by_year: Mapping[int, Polls], days_before: Sequence[int], *, history: History | None = None,
                 settings: Settings = Settings(), draws: int = BACKTEST_DRAWS) -> Backtest:
    """Forecast every year as of each number of days before its Election Day and score it.

    Raises InvalidInput naming the year and horizon when a forecast is refused (e.g. no poll ends by then).

    >>> from electoral.forecast.readers import read_poll_file
    >>> from importlib import resources
    >>> polls = read_poll_file(resources.files("electoral.data") / "example_polls_2020.csv")
    >>> bt = run_backtest({2020: polls}, [1], draws=2000)
    >>> bt.scores[0].year, 0.0 <= bt.scores[0].brier <= 1.0
    (2020, True)
    """
    from electoral.rules.calendar import calendar_for

    history = record_history() if history is None else history
    scores, probabilities, outcomes = [], [], []
    for year in sorted(polls_by_year):
        actual = history.share[history.row(year)]
        election_day = calendar_for(year).step("election_day").date
        for days in days_before:
            try:
                forecast = forecast_polls(polls_by_year[year], election_day - timedelta(days=int(days)),
                                          history=history, settings=settings)
            except InvalidInput as exc:
                raise InvalidInput(f"backtest of {year}, {days} days before Election Day: {exc}") from None
            p_win = national_odds(forecast, draws=draws).p_win("D")
            scores.append(score(forecast, actual, int(days), p_win))
            states = at_large(forecast.codes)
            probabilities.append(forecast.probabilities[states])
            outcomes.append((actual[states] > 50.0).astype(float))
    return Backtest(tuple(scores), np.concatenate(probabilities), np.concatenate(outcomes))
