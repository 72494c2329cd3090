"""Exact distributions for independent units against brute-force enumeration and hand-worked cases."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from electoral.errors import InvalidInput, UnknownUnit
from electoral.probability import exact, make_forecast
from electoral.probability.exact import independent
from electoral.probability.pmf import ev_pmf, ev_pmf_batch
from electoral.units import units_for


def brute_force(p: np.ndarray, votes: np.ndarray) -> np.ndarray:
    """Enumerate every combination of unit outcomes."""
    pmf = np.zeros(int(votes.sum()) + 1)
    for outcome in itertools.product((False, True), repeat=len(p)):
        won = np.array(outcome)
        pmf[int(votes[won].sum())] += float(np.prod(np.where(won, p, 1 - p)))
    return pmf


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 12)), min_size=1, max_size=9))
def test_convolution_equals_enumeration(units: list[tuple[float, int]]) -> None:
    p = np.array([u[0] for u in units])
    votes = np.array([u[1] for u in units])
    result = ev_pmf(p, votes)
    assert result.shape == (votes.sum() + 1,)
    np.testing.assert_allclose(result, brute_force(p, votes), atol=1e-12)
    assert result.sum() == pytest.approx(1.0)


def test_batch_rows_are_independent_problems() -> None:
    rng = np.random.default_rng(5)
    p = rng.random((4, 6))
    votes = np.array([3, 1, 4, 1, 5, 9])
    batch = ev_pmf_batch(p, votes)
    for row, probabilities in zip(batch, p):
        np.testing.assert_allclose(row, brute_force(probabilities, votes), atol=1e-12)


def test_1789_forecast_equals_enumeration() -> None:
    """A whole (small) year: the ten states that appointed electors in 1789, 73 electors, 37 needed."""
    units = units_for(1789)
    rng = np.random.default_rng(1789)
    p = rng.random(len(units))
    d = exact(make_forecast(1789, dict(zip(units.codes, p))))
    pmf = brute_force(p, units.electoral_votes)
    np.testing.assert_allclose(d.pmf, pmf, atol=1e-12)
    assert d.majority_needed == 37
    assert d.p_win("D") == pytest.approx(pmf[37:].sum())
    assert d.p_win("R") == pytest.approx(pmf[:37].sum())
    assert d.p_tie == pytest.approx(0.0, abs=1e-12)  # 73 electors: no tie possible
    assert d.mean == pytest.approx(float(p @ units.electoral_votes))
    cdf = np.cumsum(pmf)
    assert d.median == int(np.argmax(cdf >= 0.5))
    assert d.quantile(0.9) == int(np.argmax(cdf >= 0.9))


def test_conditional_equals_enumeration_restricted_to_the_condition() -> None:
    units = units_for(1789)
    rng = np.random.default_rng(1)
    p = rng.random(len(units))
    forecast = make_forecast(1789, dict(zip(units.codes, p)))
    d = independent(forecast, {"VA": "R", "PA": "D"})
    va, pa = units.index("VA"), units.index("PA")
    pmf = np.zeros(74)
    total = 0.0
    for outcome in itertools.product((False, True), repeat=len(p)):
        won = np.array(outcome)
        if won[va] or not won[pa]:
            continue
        weight = float(np.prod(np.where(won, p, 1 - p)))
        pmf[int(units.electoral_votes[won].sum())] += weight
        total += weight
    np.testing.assert_allclose(d.pmf, pmf / total, atol=1e-12)
    assert d.p_given == pytest.approx(total)
    assert d.unit_probability("VA") == 0.0 and d.unit_probability("PA") == 1.0
    assert d.given == (("VA", "R"), ("PA", "D"))


def test_coin_flips_in_2020_are_symmetric_with_a_269_tie() -> None:
    d = exact(make_forecast(2020, {}, default_probability=0.5))
    np.testing.assert_allclose(d.pmf, d.pmf[::-1], atol=1e-15)
    assert d.p_win("D") == pytest.approx(d.p_win("R"))
    assert d.p_tie == pytest.approx(d.pmf[269]) and d.p_tie > 0
    assert d.mean == pytest.approx(269.0) and d.median == 269
    assert d.landslide("D") == pytest.approx(d.pmf[350:].sum())


def test_certain_states_give_a_point_mass() -> None:
    units = units_for(2020)
    biden_2020 = {code: 1.0 for code in units.codes}
    # Trump's 2020 units (House Clerk: 232 electoral votes)
    for code in ("AK", "AL", "AR", "FL", "ID", "IN", "IA", "KS", "KY", "LA", "ME-2", "MO", "MS", "MT", "NC", "ND",
                 "NE", "NE-1", "NE-3", "OH", "OK", "SC", "SD", "TN", "TX", "UT", "WV", "WY"):
        biden_2020[code] = 0.0
    d = exact(make_forecast(2020, biden_2020))
    assert d.pmf[306] == 1.0 and d.p_win("D") == 1.0 and d.quantile(0.01) == 306


def test_impossible_condition_and_bad_sides_are_clear_errors() -> None:
    forecast = make_forecast(2020, {"CA": 1.0}, default_probability=0.5)
    with pytest.raises(InvalidInput, match="CA=R"):
        exact(forecast, {"CA": "R"})
    with pytest.raises(InvalidInput, match="'X'"):
        exact(forecast, {"PA": "X"})
    with pytest.raises(UnknownUnit, match="ZZ"):
        exact(forecast, {"ZZ": "D"})
    with pytest.raises(InvalidInput, match="1.5"):
        exact(forecast).quantile(1.5)
