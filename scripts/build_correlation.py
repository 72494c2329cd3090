#!/usr/bin/env python3
"""Build the probability module's packaged tables from the raw data kit.

Reads ``../shared/data`` (next to the checkout, or ``--kit DIR``) and writes into ``src/electoral/data/``:

- ``state_correlation.csv``   The Economist's 2020 state correlation matrix (MIT licence), 51 x 51,
                              labelled by USPS code (its ``KA`` is Kansas, ``KS``). The published matrix
                              is NOT positive semi-definite (smallest eigenvalue about -1.27), so the
                              table holds the nearest correlation matrix (Higham 2002), computed by the
                              library's own ``nearest_correlation``; the script prints how far it moved.
- ``example_2020_polls.csv``  FiveThirtyEight's final 2020 forecast per unit (model date 11/3/2020;
                              CC BY 4.0, "Data: FiveThirtyEight"): Biden-minus-Trump margin in points,
                              its standard deviation from the 80% interval, forecast turnout, and the
                              Census region of each unit, as a worked input for ``electoral simulate``.

The output is deterministic: run ``python scripts/build_correlation.py`` and ``git diff`` shows what changed.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "electoral" / "data"
sys.path.insert(0, str(REPO / "src"))

from electoral.probability.correlation import nearest_correlation  # noqa: E402
from electoral.probability.values import CODE_ALIASES  # noqa: E402
from electoral.units import states, units_for  # noqa: E402

ECONOMIST_SOURCE = (
    "The Economist 2020 presidential model (TheEconomist/us-potus-model, data/state_correlation_matrix.csv, "
    "commit b89e602e; MIT licence, (c) 2020 The Economist Newspaper, Andrew Gelman and Merlin Heidemanns); "
    "nearest correlation matrix (Higham 2002) of the published one, which is not positive semi-definite"
)
FIVETHIRTYEIGHT_SOURCE = (
    "Data: FiveThirtyEight (CC BY 4.0), presidential_state_toplines_2020.csv, final forecast of 11/3/2020; "
    "changed: margin made Biden minus Trump, sd derived from the 80% interval"
)

# Census regions (U.S. Census Bureau, "Census Regions and Divisions of the United States");
# Maine's and Nebraska's districts take their state's region.
CENSUS_REGIONS: dict[str, tuple[str, ...]] = {
    "Northeast": ("CT", "ME", "MA", "NH", "RI", "VT", "NJ", "NY", "PA"),
    "Midwest": ("IL", "IN", "MI", "OH", "WI", "IA", "KS", "MN", "MO", "NE", "ND", "SD"),
    "South": ("DE", "DC", "FL", "GA", "MD", "NC", "SC", "VA", "WV", "AL", "KY", "MS", "TN", "AR", "LA", "OK", "TX"),
    "West": ("AZ", "CO", "ID", "MT", "NV", "NM", "UT", "WY", "AK", "CA", "HI", "OR", "WA"),
}

# FiveThirtyEight's margin_lo / margin_hi bound an 80% interval (election-forecasts-2020 README), so the
# normal standard deviation is the interval's width over 2 * z(0.9).
Z_80 = float(stats.norm.ppf(0.9))


def build_correlation(kit: Path) -> None:
    raw = pd.read_csv(kit / "economist" / "state_correlation_matrix.csv")
    codes = [CODE_ALIASES.get(c, c) for c in raw.columns]
    published = raw.to_numpy(dtype=float)
    assert sorted(codes) == sorted(states()), "the matrix should cover the 50 states and DC"
    assert np.abs(published - published.T).max() == 0.0 and np.allclose(np.diag(published), 1.0)
    smallest = float(np.linalg.eigvalsh(published).min())
    repaired = nearest_correlation(published)
    change = np.abs(repaired - published)
    print(f"economist: published smallest eigenvalue {smallest:.4f}; nearest correlation matrix moved entries by "
          f"at most {change.max():.4f} (mean {change.mean():.4f}); repaired smallest eigenvalue "
          f"{np.linalg.eigvalsh(repaired).min():.2e}")
    with (OUT / "state_correlation.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["state", *codes, "source"])
        for code, row in zip(codes, repaired):
            writer.writerow([code, *(f"{v:.9f}" for v in row), ECONOMIST_SOURCE])


def build_example(kit: Path) -> None:
    toplines = pd.read_csv(kit / "fivethirtyeight" / "presidential_state_toplines_2020.csv")
    final = toplines[toplines["modeldate"] == "11/3/2020"]
    by_name = {s.name: code for code, s in states().items()}
    region_of = {code: region for region, codes in CENSUS_REGIONS.items() for code in codes}
    units = units_for(2020)
    rows = {}
    for r in final.itertuples():
        code = r.state if r.state in units else by_name[r.state]
        # margin is the incumbent's (Trump) minus the challenger's (Biden); the example's first side is Biden (D).
        sd = (r.margin_hi - r.margin_lo) / (2 * Z_80)
        rows[code] = {
            "year": 2020, "unit": code, "margin": round(-r.margin, 4), "sd": round(sd, 4),
            "votes": "" if "-" in code else int(round(r.state_turnout)),
            "region": region_of[code.split("-")[0]],
            "fivethirtyeight_p": round(r.winstate_chal, 6), "source": FIVETHIRTYEIGHT_SOURCE,
        }
    assert sorted(rows) == sorted(units.codes), "one row per 2020 unit"
    implied = np.array([stats.norm.cdf(rows[c]["margin"] / rows[c]["sd"]) for c in units.codes])
    published = np.array([rows[c]["fivethirtyeight_p"] for c in units.codes])
    print(f"example: 56 units; normal approximation vs 538's win probability: largest gap {np.abs(implied - published).max():.3f}")
    with (OUT / "example_2020_polls.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(next(iter(rows.values()))), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows[c] for c in units.codes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kit", type=Path, default=REPO.parent / "shared" / "data", help="raw data kit folder")
    kit = parser.parse_args().kit
    build_correlation(kit)
    build_example(kit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
