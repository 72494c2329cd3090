"""Speed and memory of the probability engine.

Run: ``python benchmarks/bench_probability.py``. Prints ``name  value  unit  target`` lines:

- exact distribution for the 56 units of 2020, independent (target < 1 ms);
- exact correlated distribution, national swing by Gauss-Hermite quadrature (target < 20 ms);
- 1,000,000 correlated draws over 51 states: this library side by side with a plain numpy
  reference (``multivariate_normal`` then count), target: no slower than the reference and < 1 s;
- 10,000,000 draws in a fresh process: peak resident memory (target < 1 GB).

Times are the best of several repeats (the machine is shared; the best run is the least disturbed).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from _report import report
from electoral.probability import economist_correlation, exact, load_forecast, simulate
from electoral.probability.exact import ev_pmf


def best(function: Callable[[], object], repeats: int) -> float:
    """Best wall time of ``repeats`` calls, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def numpy_reference(forecast, state_matrix: np.ndarray, n: int, seed: int) -> float:
    """The plain way: draw every state at once from a multivariate normal, then count. Returns P(D wins)."""
    units = forecast.units
    states = list(economist_correlation().index)
    state_of_unit = np.array([states.index(s) for s in units.states])
    rng = np.random.default_rng(seed)
    z = rng.multivariate_normal(np.zeros(len(states)), state_matrix, size=n)
    margins = forecast.mean + forecast.sd * z[:, state_of_unit]
    first = (margins > 0) @ units.electoral_votes
    histogram = np.bincount(first, minlength=units.total + 1)
    return float(histogram[270:].sum() / n)


def main() -> int:
    independent = load_forecast("example-2020")
    p, votes = independent.probabilities, independent.electoral_votes
    report("exact_independent_56_units_ev_pmf", best(lambda: ev_pmf(p, votes), 300) * 1e3, "ms", "< 1")
    report("exact_independent_56_units_full_result", best(lambda: exact(independent), 100) * 1e3, "ms", "< 1")

    national = load_forecast("example-2020", national=0.6)
    report("exact_correlated_national_0.6_64_nodes", best(lambda: exact(national), 20) * 1e3, "ms", "< 20")
    regional = load_forecast("example-2020", national=0.4, regional=0.3)
    report("exact_correlated_national+4_regions", best(lambda: exact(regional), 5) * 1e3, "ms", "-")

    n = 1_000_000
    table = economist_correlation()
    cases = {
        "economist+national_0.5": 0.5 + 0.5 * table.to_numpy(),  # rank 21: the repaired matrix has rank 20
        "full_rank_51": 0.5 * table.to_numpy() + 0.5 * np.eye(len(table)),
    }
    for label, state_matrix in cases.items():
        forecast = load_forecast("example-2020", correlation=pd.DataFrame(state_matrix, index=table.index, columns=table.index))
        start = time.perf_counter()
        reference_p = numpy_reference(forecast, state_matrix, n, 1)
        reference_time = time.perf_counter() - start
        ours_time = best(lambda: simulate(forecast, n, seed=1, tipping=False), 3)
        full_time = best(lambda: simulate(forecast, n, seed=1), 2)
        ours_p = simulate(forecast, n, seed=1, tipping=False).p_win("D")
        report(f"mc_1M_{label}_numpy_reference", reference_time, "s", "- (reference)")
        report(f"mc_1M_{label}_electoral", ours_time, "s", f"< 1 (and <= reference; P(D) {ours_p:.4f} vs {reference_p:.4f})")
        report(f"mc_1M_{label}_electoral_with_tipping_points", full_time, "s", "- (all outputs)")

    # A fresh process, so the peak is the simulation's own (VmHWM: this process's resident high-water mark).
    child = subprocess.run(
        [sys.executable, "-c",
         "import time\n"
         "from electoral.probability import load_forecast, simulate\n"
         "f = load_forecast('example-2020', correlation='economist', national=0.5)\n"
         "start = time.perf_counter(); d = simulate(f, 10_000_000, seed=1)\n"
         "peak = next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]\n"
         "print(time.perf_counter() - start, peak)"],
        capture_output=True, text=True, check=True)
    seconds, peak_kb = child.stdout.split()
    report("mc_10M_draws_peak_resident_memory", int(peak_kb) / 1024, "MB", "< 1024 (whole process)")
    report("mc_10M_draws_time_with_tipping_points", float(seconds), "s", "-")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
