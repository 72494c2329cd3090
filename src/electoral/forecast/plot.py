"""Plots of forecasts (matplotlib, the ``plot`` extra): a unit's polls with the model's average and interval over
time, the electoral-vote histogram, and the backtest's calibration. Files are written atomically; the format
follows the suffix (PNG, PDF, SVG).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from electoral.probability.plot import _pyplot, plot_format, write_atomically

if TYPE_CHECKING:
    from electoral.forecast.backtest import Backtest
    from electoral.forecast.estimate import StateForecast
    from electoral.forecast.polls import Polls
    from electoral.output.forecast import ForecastOut

TREND_POINTS = 30  # as-of dates along a unit's trend line


def _save(fig: Any, path: str | Path) -> None:
    write_atomically(Path(path), lambda target: fig.savefig(target, format=plot_format(path)))


def plot_unit_polls(polls: Polls, forecast: StateForecast, unit: str, path: str | Path) -> None:
    """A unit's polls (two-party D share) and the model's Election Day forecast as of each date, with 80% band.

    Raises UnknownUnit for a unit the forecast does not have.
    """
    from electoral.errors import UnknownUnit
    from electoral.forecast.estimate import forecast_polls

    code = unit.strip().upper()
    if code not in forecast.codes:
        raise UnknownUnit(f"no unit {unit!r} in the {forecast.year} forecast (known: {', '.join(forecast.codes)})")
    i = forecast.codes.index(code)
    first = polls.end.min().astype("datetime64[D]").item()
    span = max((forecast.as_of - first).days, 1)
    days = sorted({forecast.as_of - timedelta(days=int(k)) for k in np.linspace(0, span, TREND_POINTS)})
    trend = [forecast_polls(polls, d) for d in days]
    mean = np.array([t.mean[i] for t in trend])
    lo, hi = (np.array([t.interval(0.8)[k][i] for t in trend]) for k in (0, 1))
    plt = _pyplot(True)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    mine = (polls.unit == code) & (polls.end <= np.datetime64(forecast.as_of))
    ax.scatter(polls.end[mine].astype("datetime64[D]").astype(object), polls.share[mine], s=12, alpha=0.6, label="polls")
    ax.plot(days, mean, color="black", label="forecast for Election Day")
    ax.fill_between(days, lo, hi, color="grey", alpha=0.3, label="80% interval")
    ax.axhline(50, color="red", linewidth=0.8)
    ax.set_ylabel("Democratic share of the two-party vote (%)")
    ax.set_title(f"{code} {forecast.year}: polls and the model as of each date")
    ax.legend(loc="best", fontsize=8)
    fig.autofmt_xdate()
    _save(fig, path)
    plt.close(fig)


def plot_ev(doc: ForecastOut, path: str | Path) -> None:
    """The histogram of the Democrat's electoral votes with the majority line."""
    plt = _pyplot(True)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    hist = np.array(doc.national.histogram)
    k = np.arange(len(hist))
    need = (len(hist) - 1) // 2 + 1
    ax.bar(k, hist, width=1.0, color=np.where(k >= need, "#1f5fbf", "#c0392b"))
    ax.axvline(need - 0.5, color="black", linewidth=0.8)
    ax.set_xlabel("Democratic electoral votes")
    ax.set_ylabel("probability")
    ax.set_title(f"{doc.year} as of {doc.as_of}: P(D wins) {doc.national.p_win['D']:.1%}")
    _save(fig, path)
    plt.close(fig)


def calibration_table(probabilities: np.ndarray, outcomes: np.ndarray, bins: int = 10) -> list[tuple[float, float, int]]:
    """Per probability bin: mean forecast, observed frequency, count (empty bins left out).

    >>> [(round(p, 3), f, n) for p, f, n in calibration_table(np.array([0.05, 0.1, 0.95]), np.array([0.0, 0.0, 1.0]), bins=2)]
    [(0.075, 0.0, 2), (0.95, 1.0, 1)]
    """
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(probabilities, edges[1:-1]), 0, bins - 1)
    rows = []
    for b in range(bins):
        inside = which == b
        if inside.any():
            rows.append((float(probabilities[inside].mean()), float(outcomes[inside].mean()), int(inside.sum())))
    return rows


def plot_calibration(backtest: Backtest, path: str | Path) -> None:
    """Forecast probability against observed frequency over every state forecast of the backtest."""
    rows = calibration_table(backtest.probabilities, backtest.outcomes)
    plt = _pyplot(True)
    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], color="grey", linewidth=0.8)
    ax.scatter([r[0] for r in rows], [r[1] for r in rows], s=[10 + r[2] / 2 for r in rows])
    for p, f, n in rows:
        ax.annotate(str(n), (p, f), fontsize=7, xytext=(4, -8), textcoords="offset points")
    ax.set_xlabel("forecast P(D carries the state)")
    ax.set_ylabel("observed frequency")
    ax.set_title("Backtest calibration (point size: forecasts)")
    _save(fig, path)
    plt.close(fig)
