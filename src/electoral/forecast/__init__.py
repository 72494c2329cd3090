"""Forecasts from polls: readers, the model, national odds through the probability engine, the backtest.

Modules, one concept each: ``polls`` (the poll table and its problems), ``readers`` (poll file formats, a
registry), ``history`` (past results: priors, leans, their correlation), ``model`` (the Gaussian-process posterior),
``estimate`` (a forecast as of a date), ``series`` (a daily series and conditional odds), ``backtest`` (scores),
``plot``. See docs/forecast.md.

>>> f = example_forecast()
>>> f.year, f.as_of.isoformat(), f.code_probability("CA") > 0.99
(2020, '2020-11-02', True)
"""

from __future__ import annotations

from importlib import resources

from electoral.forecast.backtest import Backtest, Score, run_backtest
from electoral.forecast.estimate import StateForecast, forecast_polls, national_odds
from electoral.forecast.model import Settings
from electoral.forecast.polls import Polls, Problem, polls_from_rows
from electoral.forecast.readers import POLL_READERS, read_poll_file, read_polls
from electoral.forecast.series import conditional_odds, forecast_series

EXAMPLE_POLLS = "example_polls_2020.csv"  # packaged: FiveThirtyEight's 2020 polls ending 27 Oct - 2 Nov 2020


def example_polls() -> Polls:
    """The packaged example polls (built by scripts/build_example_polls.py; Data: FiveThirtyEight, CC BY 4.0)."""
    with resources.as_file(resources.files("electoral.data") / EXAMPLE_POLLS) as path:
        return read_poll_file(path)


def example_forecast() -> StateForecast:
    """The forecast of 2020 as of 2 November 2020 from the packaged example polls."""
    return forecast_polls(example_polls(), "2020-11-02")


__all__ = [
    "POLL_READERS", "Backtest", "Polls", "Problem", "Score", "Settings", "StateForecast", "conditional_odds",
    "example_forecast", "example_polls", "forecast_polls", "forecast_series", "national_odds", "polls_from_rows",
    "read_poll_file", "read_polls", "run_backtest",
]
