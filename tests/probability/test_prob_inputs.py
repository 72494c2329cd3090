"""Inputs: loading, validation against the year's units, correlation policy, packaged data facts."""

from __future__ import annotations

import json
import warnings
from importlib import resources

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from electoral.errors import InvalidInput, UnknownUnit, UnknownYear
from electoral.probability import (
    CorrelationRepaired,
    FactorCorrelation,
    MatrixCorrelation,
    economist_correlation,
    load_forecast,
    make_forecast,
    nearest_correlation,
)
from electoral.probability.correlation import expand_to_units, read_correlation, validate_correlation
from electoral.units import units_for

CODES_2020 = units_for(2020).codes


def frame(**columns) -> pd.DataFrame:
    return pd.DataFrame({"year": 2020, "unit": CODES_2020, **columns})


def test_csv_json_and_dataframe_give_the_same_forecast(tmp_path) -> None:
    p = np.linspace(0.1, 0.9, 56)
    df = frame(p=p)
    df.to_csv(tmp_path / "f.csv", index=False)
    (tmp_path / "f.json").write_text(json.dumps({"year": 2020, "sides": ["Biden", "Trump"],
                                                 "units": [{"unit": c, "p": v} for c, v in zip(CODES_2020, p)]}))
    from_csv = load_forecast(tmp_path / "f.csv")
    from_json = load_forecast(str(tmp_path / "f.json"))
    from_frame = load_forecast(df)
    for f in (from_csv, from_json, from_frame):
        np.testing.assert_allclose(f.probabilities, p)
    assert from_json.sides == ("Biden", "Trump") and from_csv.sides == ("D", "R")


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan")])
def test_probabilities_outside_0_1_or_nan_are_rejected(bad: float) -> None:
    p = np.full(56, 0.5)
    p[CODES_2020.index("GA")] = bad
    with pytest.raises(InvalidInput, match=r"GA .*" + ("nan" if bad != bad else str(bad))):
        load_forecast(frame(p=p))


def test_units_must_match_the_year() -> None:
    with pytest.raises(InvalidInput, match="ME-1, ME-2, NE-1, NE-2, NE-3"):
        load_forecast(pd.DataFrame({"unit": [c for c in CODES_2020 if "-" not in c], "p": 0.5}), year=2020)
    with pytest.raises(UnknownUnit, match="'PR'"):
        load_forecast(pd.DataFrame({"unit": [*CODES_2020, "PR"], "p": 0.5}), year=2020)
    with pytest.raises(InvalidInput, match="'PA' is given twice"):
        load_forecast(pd.DataFrame({"unit": [*CODES_2020, "PA"], "p": 0.5}), year=2020)
    with pytest.raises(UnknownUnit, match="'DC'"):  # DC appointed no electors before 1964
        make_forecast(1960, {"DC": 0.9}, default_probability=0.5)
    with pytest.raises(UnknownYear, match="2023"):
        load_forecast(frame(p=0.5), year=2023)
    with pytest.raises(InvalidInput, match="no year"):
        load_forecast(pd.DataFrame({"unit": CODES_2020, "p": 0.5}))


def test_margins_need_a_positive_sd_and_votes_need_margins() -> None:
    with pytest.raises(InvalidInput, match="sd for AK .* -1"):
        load_forecast(frame(margin=1.0, sd=[-1.0] + [3.0] * 55))
    with pytest.raises(InvalidInput, match="not both"):
        load_forecast(frame(p=0.5, margin=1.0, sd=2.0))
    with pytest.raises(InvalidInput, match="votes need margins"):
        load_forecast(frame(p=0.5, votes=1000))
    f = load_forecast(frame(margin=np.linspace(-10, 10, 56), sd=5.0, votes=1000.0))
    assert np.isnan(f.votes[CODES_2020.index("NE-2")]) and f.votes[CODES_2020.index("NE")] == 1000


def test_districts_inherit_their_state_row_and_ka_is_kansas(tmp_path) -> None:
    units = units_for(2020)
    table = economist_correlation()
    assert "KS" in table.index and "KA" not in table.index and table.shape == (51, 51)
    m = expand_to_units(table, units)
    for district, state in (("ME-2", "ME"), ("NE-3", "NE")):
        i, j = units.index(district), units.index(state)
        np.testing.assert_array_equal(m[i], m[j])
    # The Economist's own layout: header row only, Kansas written KA.
    raw = table.rename(index={"KS": "KA"}, columns={"KS": "KA"})
    raw.to_csv(tmp_path / "raw.csv", index=False)
    np.testing.assert_allclose(read_correlation(tmp_path / "raw.csv").to_numpy(), table.to_numpy())
    # The packaged file itself, given as a path (row labels and a source column).
    packaged = read_correlation(resources.files("electoral.data") / "state_correlation.csv")
    np.testing.assert_allclose(packaged.to_numpy(), table.to_numpy())


def test_packaged_matrix_is_a_correlation_matrix_close_to_the_published_one() -> None:
    m = economist_correlation()
    values = m.to_numpy()
    assert np.allclose(values, values.T) and np.allclose(np.diag(values), 1)
    assert np.linalg.eigvalsh(values).min() > -1e-8
    # Entries of the published matrix (TheEconomist/us-potus-model, data/state_correlation_matrix.csv):
    # the repair moved no entry by more than 0.31 (scripts/build_correlation.py prints 0.301).
    published = {("AL", "AK"): -0.804968376, ("AL", "GA"): 0.843692678, ("AK", "CO"): 0.83969348}
    for (a, b), value in published.items():
        assert abs(m.loc[a, b] - value) <= 0.31


def test_non_symmetric_and_non_psd_matrices() -> None:
    with pytest.raises(InvalidInput, match="not symmetric"):
        validate_correlation(np.array([[1.0, 0.5], [0.4, 1.0]]))
    with pytest.raises(InvalidInput, match="diagonal"):
        validate_correlation(np.array([[2.0, 0.5], [0.5, 1.0]]))
    indefinite = np.array([[1.0, 0.9, 0.9], [0.9, 1.0, -0.9], [0.9, -0.9, 1.0]])
    with pytest.raises(InvalidInput, match="not positive semi-definite.*--repair"):
        validate_correlation(indefinite)
    with pytest.warns(CorrelationRepaired, match="nearest correlation matrix"):
        repaired = validate_correlation(indefinite, repair=True)
    assert np.linalg.eigvalsh(repaired).min() > -1e-10 and np.allclose(np.diag(repaired), 1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a valid matrix passes silently
        MatrixCorrelation.of(np.eye(3))


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 8), st.integers(0, 10_000))
def test_nearest_correlation_is_a_correlation_matrix_and_fixes_valid_ones(size: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    noisy = rng.uniform(-1, 1, (size, size))
    noisy = (noisy + noisy.T) / 2
    np.fill_diagonal(noisy, 1)
    result = nearest_correlation(noisy)
    assert np.linalg.eigvalsh(result).min() > -1e-10
    np.testing.assert_allclose(np.diag(result), 1)
    np.testing.assert_allclose(result, result.T)
    valid = np.corrcoef(rng.normal(size=(size, size + 5)))
    np.testing.assert_allclose(nearest_correlation(valid), valid, atol=1e-8)


def test_factor_shares_are_validated() -> None:
    with pytest.raises(InvalidInput, match="1.2"):
        load_forecast("example-2020", national="1.2")
    with pytest.raises(InvalidInput, match="below 1"):
        load_forecast("example-2020", national=0.6, regional=0.5)
    with pytest.raises(InvalidInput, match="region"):
        load_forecast(frame(p=0.5), regional=0.3)
    with pytest.raises(InvalidInput, match="df"):
        load_forecast("example-2020", df="0.5")
    f = load_forecast("example-2020", national=0.5, regional=0.2)
    assert isinstance(f.correlation, FactorCorrelation)
    m = f.correlation.matrix(56)
    u = f.units
    assert m[u.index("PA"), u.index("NY")] == pytest.approx(0.7)  # both Northeast
    assert m[u.index("PA"), u.index("TX")] == pytest.approx(0.5)


def test_worked_example_matches_fivethirtyeight_published_figures() -> None:
    """FiveThirtyEight's final 2020 forecast (11/3/2020), winstate_chal as published:
    PA 0.8431, WI 0.9436, FL 0.691, NE-2 0.717, ME-2 0.573 (see the data kit's SOURCES.md)."""
    f = load_forecast("example-2020")
    table = pd.read_csv(resources.files("electoral.data") / "example_2020_polls.csv")
    published = dict(zip(table.unit, table.fivethirtyeight_p))
    for code, value in {"PA": 0.8431, "WI": 0.9436, "FL": 0.691, "NE-2": 0.717, "ME-2": 0.573}.items():
        assert published[code] == pytest.approx(value, abs=6e-4)
        # the normal approximation from the 80% interval stays within 1.5 points of 538's own odds
        assert f.probabilities[f.units.index(code)] == pytest.approx(value, abs=0.015)
    assert f.units.year == 2020 and len(table) == 56 and (f.mean[f.units.index("DC")] > 80)


def test_with_correlation_validates_like_loading() -> None:
    f = load_forecast("example-2020")
    with pytest.raises(InvalidInput, match="below 1"):
        f.with_correlation(FactorCorrelation(0.7, 0.4, tuple("x" * 56)))
    with pytest.raises(InvalidInput, match="3x3"):
        f.with_correlation(MatrixCorrelation.of(np.eye(3)))
