"""Speed of apportionment and what-ifs.

Run: ``python benchmarks/bench_rules.py``. Prints ``name  value  unit  target`` lines.
"""

from __future__ import annotations

import time

from _report import report
from bench_analysis import median_ms  # same timing helper as the analytics benchmark


def main() -> None:
    from electoral.rules.apportionment import METHODS, apportion_census
    from electoral.scenario import Scenario, Swing, run, smallest_swings

    for name in METHODS:
        report(f"apportion_2020_435_{name}", median_ms(lambda n=name: apportion_census(2020, 435, n), 20), "ms", "< 10")
    report("apportion_2020_10000_seats_huntington_hill",
           median_ms(lambda: apportion_census(2020, 10_000, "huntington-hill"), 5), "ms", "< 200")
    report("apportion_all_censuses_as_law", median_ms(
        lambda: [apportion_census(c) for c in (1790, 1870, 1880, *range(1910, 2021, 10)) if c != 1920], 5), "ms", "< 200")
    start = time.perf_counter()
    run(Scenario(2020))
    report("scenario_2020_cold_with_record_load", (time.perf_counter() - start) * 1e3, "ms", "< 1000")
    report("scenario_2020_swing", median_ms(lambda: run(Scenario(2020, swing=Swing("R", 1.5))), 50), "ms", "< 10")
    report("scenario_2020_flip_3", median_ms(
        lambda: run(Scenario(2020, flips={"GA": None, "AZ": None, "WI": None})), 50), "ms", "< 10")
    report("scenario_2020_house_600", median_ms(lambda: run(Scenario(2020, house_size=600)), 20), "ms", "< 20")
    report("scenario_2016_npvic", median_ms(lambda: run(Scenario(2016, method="npvic")), 20), "ms", "< 20")
    report("smallest_swings_2020", median_ms(lambda: smallest_swings(2020), 10), "ms", "< 100")


if __name__ == "__main__":
    main()
