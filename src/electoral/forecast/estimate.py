"""A forecast from polls as of a date: every unit's Election Day share with its uncertainty, and national odds.

:func:`forecast_polls` keeps the polls usable on the as-of date, builds the prior from the elections before the
target year only (:func:`electoral.forecast.history.before`), solves the model (:mod:`electoral.forecast.model`)
and adds the Election Day errors polls cannot see: a common error of all polls and states' errors correlated by
the correlation of their past changes in lean, with Student t tails. The result converts to the probability
engine's :class:`~electoral.probability.Forecast` (margins and standard deviations in points, the correlation
matrix, each state's last turnout for the national vote), so national odds come from the existing engine.

>>> from electoral.forecast.polls import polls_from_rows
>>> polls = polls_from_rows([{"unit": "US", "start": "2020-10-20", "end": "2020-10-22", "dem": 52, "rep": 44,
...                           "n": 1000, "pollster": "X"}], year=2020)
>>> f = forecast_polls(polls, "2020-10-25")
>>> f.code_probability("CA") > 0.99, f.code_probability("WY") < 0.01, f.polls_used
(True, True, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy import special

from electoral.errors import InvalidInput
from electoral.forecast.history import (UNIT_CODES, History, at_large, before, lean_correlation, prior_lean,
                                        record_history, turnout)
from electoral.forecast.model import Posterior, Prior, Settings, posterior
from electoral.forecast.polls import Polls, Problem, check_forecast_year, usable_on
from electoral.probability import Distribution, Forecast, MatrixCorrelation, make_forecast, simulate

DEFAULT_NATIONAL_PRIOR = 50.0  # national Democratic two-party share before any poll (points); override per call


@dataclass(frozen=True)
class StateForecast:
    """Election Day Democratic two-party shares (points) of the 56 units: mean, covariance, t tails."""

    year: int
    as_of: date
    election_day: date
    codes: tuple[str, ...]
    mean: np.ndarray = field(repr=False)
    cov: np.ndarray = field(repr=False)
    df: float
    votes: np.ndarray = field(repr=False)  # weights of the national vote (last two-party turnout; 0 for districts)
    polls_used: int
    polls_per_unit: np.ndarray = field(repr=False)
    problems: tuple[Problem, ...] = field(default=(), repr=False)
    effects: dict[str, float] = field(default_factory=dict, repr=False)
    posterior: Posterior | None = field(default=None, repr=False)

    @property
    def sd(self) -> np.ndarray:
        """Scale of each unit's t error (points of share)."""
        return np.sqrt(np.diag(self.cov))

    @property
    def probabilities(self) -> np.ndarray:
        """P(the Democrat carries each unit): the t distribution's mass above 50%."""
        return special.stdtr(self.df, (self.mean - 50.0) / self.sd)

    def code_probability(self, code: str) -> float:
        """P(the Democrat carries unit ``code``)."""
        return float(self.probabilities[self.codes.index(code)])

    def interval(self, level: float) -> tuple[np.ndarray, np.ndarray]:
        """Central ``level`` interval of each unit's share (points)."""
        half = special.stdtrit(self.df, 0.5 + level / 2.0) * self.sd
        return self.mean - half, self.mean + half

    def national(self) -> tuple[float, float]:
        """The national two-party share implied by the states (turnout-weighted): mean and t scale (points)."""
        w = self.votes / self.votes.sum()
        return float(w @ self.mean), float(np.sqrt(w @ self.cov @ w))

    def to_forecast(self) -> Forecast:
        """The engine's forecast: margins (D minus R, points of the two-party vote), sds, correlation, votes, df."""
        sd = self.sd
        correlation = MatrixCorrelation.of(self.cov / np.outer(sd, sd), repair=True)
        margins = {c: (2.0 * m - 100.0, 2.0 * s) for c, m, s in zip(self.codes, self.mean, sd)}
        votes = {c: float(v) for c, v in zip(self.codes, self.votes) if "-" not in c}
        return make_forecast(self.year, margins, votes=votes, df=self.df, correlation=correlation)


def parse_day(text: object, what: str = "as-of date") -> date:
    """An ISO date (``2020-11-02``), or InvalidInput naming the value."""
    if isinstance(text, date):
        return text
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise InvalidInput(f"{what} must be a date as YYYY-MM-DD, got {text!r}") from None


def forecast_polls(polls: Polls, as_of: object, *, history: History | None = None, settings: Settings = Settings(),
                   national_prior: float | None = None) -> StateForecast:
    """The forecast of ``polls.year`` as of ``as_of`` from the polls ending on or before it.

    ``history`` (default: the record) contributes only elections before ``polls.year``; ``national_prior`` is the
    prior national D two-party share in points (default 50, e.g. from a fundamentals model). Raises InvalidInput
    for a bad date or prior, a year no forecast covers (:func:`~electoral.forecast.polls.check_forecast_year`),
    or no poll usable on the as-of date (a forecast from the prior alone is refused).
    """
    from electoral.rules.calendar import calendar_for

    day = parse_day(as_of)
    check_forecast_year(polls.year)
    nat = DEFAULT_NATIONAL_PRIOR if national_prior is None else float(national_prior)
    if not 20.0 <= nat <= 80.0:
        raise InvalidInput(f"national prior must be a D two-party share from 20 to 80 (%), got {national_prior!r}")
    election_day = calendar_for(polls.year).step("election_day").date
    past = before(record_history() if history is None else history, polls.year)
    lean = prior_lean(past)
    usable = usable_on(polls, np.datetime64(day, "D"))
    if len(usable) == 0:
        raise InvalidInput(f"no poll ends on or before the as-of date {day} (the earliest of the {len(polls)} polls "
                           f"ends {polls.end.min()}): a forecast needs at least one poll")
    post = posterior(usable, Prior(nat, lean), np.datetime64(election_day, "D"), settings)
    units = len(UNIT_CODES)
    cov = post.cov[:units, :units] + settings.national_error_var + settings.state_error_var * lean_correlation(past)
    return StateForecast(polls.year, day, election_day, UNIT_CODES, post.mean[:units], cov, settings.df,
                         turnout(past), len(usable), post.polls_per_unit[:units], usable.problems, post.effects, post)


def national_odds(forecast: StateForecast, draws: int = 100_000, seed: int = 2024,
                  given: dict[str, str] | None = None) -> Distribution:
    """National odds through the engine's Monte Carlo (correlated t draws; tipping points, popular vote split).

    Reproducible: the same seed gives the same figures.
    """
    return simulate(forecast.to_forecast(), draws, seed=seed, given=given, tipping=True, workers=1)


def at_large_mask(forecast: StateForecast) -> np.ndarray:
    """True for the 50 states and DC."""
    return at_large(forecast.codes)
