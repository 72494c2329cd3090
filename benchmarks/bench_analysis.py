"""Speed of the analytics: paths with every unit open, power indices, minimum votes.

Run: ``python benchmarks/bench_analysis.py``. Prints ``name  value  unit  target`` lines; the power
indices are timed side by side with the ``powerindex`` package on the same 2024 game.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np

from _report import report


def median_ms(run: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``run`` in milliseconds, after one warm-up call."""
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def main() -> None:
    from electoral.analysis.minvotes import min_votes
    from electoral.analysis.paths import count_paths
    from electoral.analysis.power import power_indices
    from electoral.units import units_for

    start = time.perf_counter()
    min_votes(2016)  # cold: reads the record's tables (after imports) and builds the contest
    report("min_votes_2016_cold_with_record_load", (time.perf_counter() - start) * 1e3, "ms", "< 1000")

    ev = units_for(2024).electoral_votes
    report("paths_count_56_units_open", median_ms(lambda: count_paths(ev, 0, 0, 270), 200), "ms", "< 10")

    def ours() -> None:
        p = power_indices(ev, 270)
        p.banzhaf, p.shapley_shubik  # noqa: B018 - the indices are computed on access

    ours_ms = median_ms(ours, 50)
    report("power_banzhaf_shapley_2024_electoral", ours_ms, "ms")
    try:
        import powerindex
    except ImportError:
        report("power_powerindex_2024", "skipped", "-", "- (pip install powerindex)")
    else:
        def theirs() -> None:
            game = powerindex.Game(270, weights=[int(w) for w in ev])
            game.calc_banzhaf()
            game.calc_shapley_shubik()

        theirs_ms = median_ms(theirs, 3)
        report("power_banzhaf_shapley_2024_powerindex", theirs_ms, "ms")
        report("power_speedup_vs_powerindex", theirs_ms / ours_ms, "x", ">= 5")
        game = powerindex.Game(270, weights=[int(w) for w in ev])
        game.calc_banzhaf()
        game.calc_shapley_shubik()
        p = power_indices(ev, 270)
        gap = max(np.abs(np.array(game.banzhaf) - p.banzhaf).max(),
                  np.abs(np.array(game.shapley_shubik) - p.shapley_shubik).max())
        report("power_max_difference_vs_powerindex", gap, "abs", "< 1e-12")

    report("min_votes_2020_record_cached", median_ms(lambda: min_votes(2020), 20), "ms", "< 1000")


if __name__ == "__main__":
    main()
