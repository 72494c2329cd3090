"""Output models of forecasts from polls: one forecast, a daily series, the backtest scorecard.

``engine`` in :class:`ForecastOut` is the forecast as the probability engine reads it (the JSON forecast file of
``electoral odds`` and ``electoral simulate``, and the input of ``POST /api/forecast/conditional``): per unit the
Democratic margin and its scale in points of the two-party vote and the state's turnout, the Student t ``df`` and
the full unit-by-unit ``correlation`` matrix (rows and columns in the order of ``units``).

>>> from electoral.forecast import example_forecast
>>> doc = forecast_out(example_forecast(), draws=2000)
>>> doc.units[0].unit, 0.0 <= doc.national.p_win["D"] <= 1.0, len(doc.engine["units"])
('AK', True, 56)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field

from electoral.output.base import Output
from electoral.output.probability import ElectoralVotesSummary, REPORTED_QUANTILES

if TYPE_CHECKING:
    from electoral.forecast.backtest import Backtest
    from electoral.forecast.estimate import StateForecast
    from electoral.forecast.series import SeriesDay
    from electoral.probability.distribution import Distribution

MAX_PROBLEMS = 200  # problems listed in a document (all are counted)


class UnitForecastOut(Output):
    unit: str
    electoral_votes: int
    polls: int = Field(description="Polls of this unit the model used.")
    share: float = Field(description="Forecast Democratic share of the two-party vote, percent.")
    share_80: list[float] = Field(description="80% interval of the share.")
    share_95: list[float] = Field(description="95% interval of the share.")
    margin: float = Field(description="Forecast Democratic margin (D minus R) in points of the two-party vote.")
    margin_80: list[float]
    margin_95: list[float]
    p_D: float = Field(description="P(the Democrat carries the unit).")
    tipping_point: float = Field(description="Share of simulated elections in which this unit tipped the outcome.")


class NationalForecastOut(Output):
    p_win: dict[str, float]
    p_tie: float = Field(description="P(269-269 or no majority).")
    p_popular_vote: dict[str, float]
    p_popular_split: float = Field(description="P(the electoral winner loses the national two-party vote).")
    share: float = Field(description="Forecast national Democratic two-party share (turnout-weighted states).")
    share_80: list[float]
    share_95: list[float]
    electoral_votes: ElectoralVotesSummary
    draws: int
    seed: int
    histogram: list[float] = Field(description="P(D wins exactly k electoral votes), k = 0 .. electors.")


class ForecastOut(Output):
    year: int
    as_of: str
    election_day: str
    model: str
    polls_used: int
    problems_total: int
    problems: list[str] = Field(description=f"Skipped or amended input rows (the first {MAX_PROBLEMS}).")
    national: NationalForecastOut
    units: list[UnitForecastOut]
    effects: dict[str, float] = Field(description="Estimated house, population and sponsor effects (points, + = D).")
    engine: dict[str, Any] = Field(description="The forecast file for electoral odds/simulate and the conditional odds.")


def _pair(lo: float, hi: float) -> list[float]:
    return [round(float(lo), 3), round(float(hi), 3)]


def engine_document(f: StateForecast) -> dict[str, Any]:
    """The forecast as the probability engine's JSON forecast file (margins, scales, votes, df, correlation)."""
    sd = f.sd
    corr = f.cov / (sd[:, None] * sd[None, :])
    units = [{"unit": c, "margin": round(float(2 * m - 100), 4), "sd": round(float(2 * s), 4),
              **({"votes": int(v)} if "-" not in c else {})} for c, m, s, v in zip(f.codes, f.mean, sd, f.votes)]
    return {"year": f.year, "sides": ["D", "R"], "df": f.df, "units": units,
            "correlation": [[round(float(x), 6) for x in row] for row in corr]}


def _national(f: StateForecast, d: Distribution) -> NationalForecastOut:
    from scipy import special

    mean, scale = f.national()
    q80, q95 = (float(special.stdtrit(f.df, 0.5 + level / 2)) * scale for level in (0.8, 0.95))
    p_pop = float(d.p_popular_first or 0.0)
    return NationalForecastOut.of(
        p_win={"D": d.p_win("D"), "R": d.p_win("R")}, p_tie=d.p_tie, p_popular_vote={"D": p_pop, "R": 1 - p_pop},
        p_popular_split=float(d.p_popular_split or 0.0), share=round(mean, 3), share_80=_pair(mean - q80, mean + q80),
        share_95=_pair(mean - q95, mean + q95),
        electoral_votes=ElectoralVotesSummary.of(side="D", mean=d.mean, sd=d.sd, median=d.median,
                                                 quantiles={str(q): d.quantile(q) for q in REPORTED_QUANTILES}),
        draws=int(d.draws or 0), seed=int(d.seed or 0), histogram=[float(v) for v in d.pmf])


def forecast_out(f: StateForecast, *, draws: int = 100_000, seed: int = 2024,
                 distribution: Distribution | None = None) -> ForecastOut:
    """One forecast: every unit's share, margin, intervals, P(D), tipping point; national odds (``electoral
    forecast --json``, ``POST /api/forecast``)."""
    from electoral.forecast.estimate import national_odds

    d = distribution or national_odds(f, draws=draws, seed=seed)
    ev = d.units.electoral_votes
    lo80, hi80 = f.interval(0.8)
    lo95, hi95 = f.interval(0.95)
    p = f.probabilities
    units = [UnitForecastOut.of(
        unit=c, electoral_votes=int(ev[i]), polls=int(f.polls_per_unit[i]), share=round(float(f.mean[i]), 3),
        share_80=_pair(lo80[i], hi80[i]), share_95=_pair(lo95[i], hi95[i]), margin=round(float(2 * f.mean[i] - 100), 3),
        margin_80=_pair(2 * lo80[i] - 100, 2 * hi80[i] - 100), margin_95=_pair(2 * lo95[i] - 100, 2 * hi95[i] - 100),
        p_D=float(p[i]), tipping_point=float(d.tipping_point[i]) if d.tipping_point is not None else 0.0)
        for i, c in enumerate(f.codes)]
    return ForecastOut.of(
        year=f.year, as_of=f.as_of.isoformat(), election_day=f.election_day.isoformat(),
        model="gaussian-process polls + record prior (docs/forecast.md)", polls_used=f.polls_used,
        problems_total=len(f.problems), problems=[p.message() for p in f.problems[:MAX_PROBLEMS]],
        national=_national(f, d), units=units, effects={k: round(v, 3) for k, v in sorted(f.effects.items())},
        engine=engine_document(f))


class SeriesDayOut(Output):
    date: str
    polls_used: int
    p_win_D: float
    electoral_votes_D: float
    national_share: float
    p_D: dict[str, float] = Field(description="Unit -> P(D carries it).")
    share: dict[str, float] = Field(description="Unit -> forecast D two-party share.")


class SeriesOut(Output):
    year: int
    days: list[SeriesDayOut]


def series_out(days: list[SeriesDay]) -> SeriesOut:
    """A daily series (``electoral forecast --from DATE --as-of DATE --json``): per day, P(D wins), expected D
    electoral votes, the national share, and every unit's P(D) and share."""
    rows = []
    for day in days:
        f = day.forecast
        rows.append(SeriesDayOut.of(
            date=f.as_of.isoformat(), polls_used=f.polls_used, p_win_D=day.p_win, electoral_votes_D=day.electoral_votes,
            national_share=round(f.national()[0], 3),
            p_D={c: float(p) for c, p in zip(f.codes, f.probabilities)},
            share={c: round(float(m), 3) for c, m in zip(f.codes, f.mean)}))
    return SeriesOut.of(year=days[0].forecast.year if days else 0, days=rows)


class ScoreOut(Output):
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
    p_win: float
    won: bool


class BacktestOut(Output):
    scores: list[ScoreOut]
    coverage_95_all: float = Field(description="95% coverage of state shares over every year and horizon.")


def backtest_out(backtest: Backtest) -> BacktestOut:
    """The scorecard (``electoral forecast backtest --json``)."""
    import dataclasses

    scores = [ScoreOut.of(**dataclasses.asdict(s)) for s in backtest.scores]
    cover = sum(s.coverage_95 for s in backtest.scores) / max(len(backtest.scores), 1)
    return BacktestOut.of(scores=scores, coverage_95_all=cover)
