"""Speed and memory of forecasts from polls.

Run: ``python benchmarks/bench_forecast.py [RAW_FOLDER]`` (the raw poll files, default ../shared/data; see
docs/forecast.md). Prints ``name  value  unit  target`` lines:

- one as-of date (2 Nov 2020) with every 2020 poll, including national odds from 100,000 draws (target < 10 s);
- the whole backtest: 2008, 2012, 2016, 2020 at 100, 50, 14 and 1 days before (target < 5 min);
- a 150-day daily series of 2020 ending on 2 Nov (target < 3 min);
- peak resident memory of the one-date forecast in a fresh process (target < 1 GB).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from _report import report

ROOT = Path(__file__).resolve().parents[1]
FILES = {2008: "economist/all_polls_2008.csv", 2012: "economist/all_polls_2012.csv",
         2016: "economist/all_polls.csv", 2020: "fivethirtyeight/presidential_polls_2020.csv"}
AS_OF = date(2020, 11, 2)


def one_date(raw: Path) -> float:
    from electoral.forecast import forecast_polls, national_odds, read_poll_file

    start = time.perf_counter()
    polls = read_poll_file(raw / FILES[2020])
    national_odds(forecast_polls(polls, AS_OF), draws=100_000)
    return time.perf_counter() - start


def main(raw_root: str = str(ROOT.parent / "shared/data")) -> None:
    from electoral.forecast import forecast_series, read_poll_file, run_backtest

    raw = Path(raw_root)
    if len(sys.argv) > 2 and sys.argv[2] == "--memory":
        one_date(raw)
        sys.stdout.write(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\n")  # read by the parent, not a report
        return
    one_date(raw)  # warm the record's caches once
    report("forecast_one_as_of_date_every_2020_poll", min(one_date(raw) for _ in range(3)), "s", "< 10")
    polls = {year: read_poll_file(raw / path) for year, path in FILES.items()}
    start = time.perf_counter()
    run_backtest(polls, (100, 50, 14, 1))
    report("forecast_backtest_4_years_x_4_horizons", time.perf_counter() - start, "s", "< 300")
    start = time.perf_counter()
    forecast_series(polls[2020], AS_OF - timedelta(days=149), AS_OF)
    report("forecast_150_day_daily_series_2020", time.perf_counter() - start, "s", "< 180")
    out = subprocess.run([sys.executable, __file__, str(raw), "--memory"], capture_output=True, text=True, check=True)
    report("forecast_peak_memory_one_as_of_date", int(out.stdout.split()[-1]) / 1024, "MB", "< 1024")


if __name__ == "__main__":
    main(*sys.argv[1:2])
