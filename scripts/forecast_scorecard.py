"""Run the forecast backtest over the raw poll files and write the scorecard into docs/forecast.md.

Reads the raw poll files (kept outside the repository; default folder ../shared/data, see its SOURCES.md files),
runs ``electoral.forecast.run_backtest`` for 2008, 2012, 2016 and 2020 at 100, 50, 14 and 1 days before Election
Day, and replaces the block between ``<!-- scorecard -->`` and ``<!-- /scorecard -->`` in docs/forecast.md with
the scores, the published anchors next to the final-day Brier, and writes docs/forecast_calibration.png.

Run: ``python scripts/forecast_scorecard.py [RAW_FOLDER]``.
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from electoral.forecast import Settings, read_poll_file, run_backtest
from electoral.forecast.plot import plot_calibration

ROOT = Path(__file__).resolve().parents[1]
FILES = {2008: "economist/all_polls_2008.csv", 2012: "economist/all_polls_2012.csv",
         2016: "economist/all_polls.csv", 2020: "fivethirtyeight/presidential_polls_2020.csv"}
DAYS = (100, 50, 14, 1)
# Published final-forecast Brier scores on the same 51 units (as given in the project's issue 17).
ANCHORS = {2008: {"The Economist (backtest)": 0.0290},
           2012: {"Linzer (Votamatic)": 0.0038, "FiveThirtyEight": 0.0091, "The Economist (backtest)": 0.0193},
           2016: {"The Economist (backtest)": 0.0508, "FiveThirtyEight polls-plus": 0.0664,
                  "Princeton Election Consortium": 0.0744},
           2020: {"FiveThirtyEight": 0.0359, "The Economist": 0.0368}}
COLUMNS = ("year", "days_before", "polls", "brier", "brier_ev", "brier_districts", "log_loss", "rmse",
           "coverage_80", "coverage_95", "national_error", "ev_error", "p_win")


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}" if abs(value) >= 10 else f"{value:.4f}" if abs(value) < 1 else f"{value:.2f}"
    return str(value)


def tables(backtest) -> str:
    rows = ["| " + " | ".join(COLUMNS) + " |", "|" + " ---: |" * len(COLUMNS)]
    rows += ["| " + " | ".join(_cell(getattr(s, c)) for c in COLUMNS) + " |" for s in backtest.scores]
    final = {s.year: s for s in backtest.scores if s.days_before == 1}
    rows += ["", "| year | this model, final day (1 day before) | published final forecasts | best anchor | goal met |",
             "| ---: | ---: | --- | ---: | --- |"]
    for year, anchors in ANCHORS.items():
        best = min(anchors.values())
        listed = "; ".join(f"{name} {value:.4f}" for name, value in anchors.items())
        mine = final[year].brier
        rows.append(f"| {year} | {mine:.4f} | {listed} | {best:.4f} | {'yes' if mine < best else 'no'} |")
    cover95 = np.mean([s.coverage_95 for s in backtest.scores])
    cover80 = np.mean([s.coverage_80 for s in backtest.scores])
    rows += ["", f"Coverage of the state shares over every year and horizon: 95% intervals {cover95:.1%}, "
                 f"80% intervals {cover80:.1%} (goal: 95% coverage of at least 93%)."]
    return "\n".join(rows)


# The candidates the three tuned settings were picked from (docs/forecast.md, "How the settings were chosen").
CANDIDATES = [{"national_error_var": a, "state_error_var": b, "national_drift": c}
              for a, b, c in itertools.product((0.5, 1.0, 1.69), (1.5, 2.25, 3.24), (0.04, 0.1))]


def leave_one_year_out(polls: dict) -> str:
    """The tuning made honest: for each year, the candidate with the best mean final-day Brier on the OTHER years,
    scored on the held-out year."""
    final = {}
    for k, candidate in enumerate(CANDIDATES):
        bt = run_backtest(polls, (1,), settings=replace(Settings(), **candidate), draws=1000)
        final[k] = {s.year: s.brier for s in bt.scores}
    rows = ["| held-out year | settings picked on the other years | final-day Brier (held out) |", "| ---: | --- | ---: |"]
    for year in polls:
        best = min(final, key=lambda k: np.mean([b for y, b in final[k].items() if y != year]))
        picked = ", ".join(f"{name} {value:g}" for name, value in CANDIDATES[best].items())
        rows.append(f"| {year} | {picked} | {final[best][year]:.4f} |")
    return "\n".join(rows)


def main(raw_root: str = "../shared/data") -> None:
    polls = {year: read_poll_file(Path(raw_root) / path) for year, path in FILES.items()}
    backtest = run_backtest(polls, DAYS)
    doc_path = ROOT / "docs/forecast.md"
    text = doc_path.read_text(encoding="utf-8")
    start, end = text.index("<!-- scorecard -->") + len("<!-- scorecard -->"), text.index("<!-- /scorecard -->")
    text = text[:start] + "\n" + tables(backtest) + "\n" + text[end:]
    start, end = text.index("<!-- loyo -->") + len("<!-- loyo -->"), text.index("<!-- /loyo -->")
    loyo = leave_one_year_out(polls)
    doc_path.write_text(text[:start] + "\n" + loyo + "\n" + text[end:], encoding="utf-8")
    print(loyo)
    plot_calibration(backtest, ROOT / "docs/forecast_calibration.png")
    print(tables(backtest))


if __name__ == "__main__":
    main(*sys.argv[1:])
