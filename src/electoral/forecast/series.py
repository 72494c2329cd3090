"""A daily series of forecasts, and odds conditional on some units' winners through the forecast's correlation.

>>> from electoral.forecast import example_forecast
>>> d = conditional_odds(example_forecast(), {"PA": "R"}, draws=20_000)
>>> d.unit_probability("PA"), d.unit_probability("WI") < example_forecast().code_probability("WI")
(0.0, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import numpy as np

from electoral.errors import InvalidInput
from electoral.forecast.estimate import StateForecast, forecast_polls, national_odds, parse_day
from electoral.forecast.history import History
from electoral.forecast.model import Settings
from electoral.forecast.polls import Polls
from electoral.limits import LIMITS
from electoral.probability import Distribution, load_forecast, simulate

SERIES_DRAWS = 10_000  # national odds per day of a series (seeded)


@dataclass(frozen=True)
class SeriesDay:
    """One day of a series: the forecast and its national odds."""

    forecast: StateForecast
    p_win: float
    electoral_votes: float


def forecast_series(polls: Polls, start: object, end: object, *, history: History | None = None,
                    settings: Settings = Settings(), draws: int = SERIES_DRAWS) -> list[SeriesDay]:
    """A forecast as of every day from ``start`` to ``end`` (inclusive), each seeing only the polls ending by then.

    At most the ``series_days`` limit of days; InvalidInput for an empty or reversed range.
    """
    first, last = parse_day(start, "series start"), parse_day(end, "series end")
    days = (last - first).days + 1
    if days < 1:
        raise InvalidInput(f"series end {last} is before its start {first}")
    LIMITS["series_days"].check(days, "the series")
    out = []
    for k in range(days):
        f = forecast_polls(polls, first + timedelta(days=k), history=history, settings=settings)
        d = national_odds(f, draws=draws)
        out.append(SeriesDay(f, d.p_win("D"), d.mean))
    return out


def conditional_odds(forecast: StateForecast | Mapping[str, Any], given: Mapping[str, str], *,
                     draws: int = 100_000, seed: int = 2024) -> Distribution:
    """Every unit's P(D) and the national odds given some units' winners (``{"PA": "R"}``), through the
    forecast's correlation and t tails: the seeded simulation keeps the draws matching ``given``.

    ``forecast`` is a :class:`StateForecast` or its engine document (``engine`` of ``electoral forecast --json``).
    Raises InvalidInput for an unknown unit or side, a correlation that is not a correlation matrix (e.g. not
    positive semi-definite), or outcomes no draw matches.
    """
    if isinstance(forecast, StateForecast):
        engine = forecast.to_forecast()
    else:
        engine = load_forecast(dict(forecast))  # an invalid correlation is refused, never silently repaired
    if not np.isfinite(engine.mean).all():
        raise InvalidInput("the forecast has a unit without a finite margin")
    return simulate(engine, draws, seed=seed, given=dict(given), tipping=True, workers=1)
