"""Quadrature for correlated units: against brute force, Monte Carlo (within 3 standard errors) and invariants."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from scipy import stats

from electoral.errors import InvalidInput
from electoral.probability import FactorCorrelation, exact, load_forecast, make_forecast, simulate
from electoral.probability.correlated import factor_distribution
from electoral.probability.exact import independent
from electoral.units import units_for

DRAWS = 200_000


def within_3_se(exact_p: float, estimate: float, draws: int) -> None:
    se = math.sqrt(max(exact_p * (1 - exact_p), 1e-12) / draws)
    assert abs(estimate - exact_p) <= 3 * se + 1e-12, (estimate, exact_p, se)


def assert_agrees(exact_d, mc_d) -> None:
    for side in exact_d.sides:
        within_3_se(exact_d.p_win(side), mc_d.p_win(side), mc_d.draws)
    within_3_se(exact_d.p_tie, mc_d.p_tie, mc_d.draws)
    assert abs(mc_d.mean - exact_d.mean) <= 3 * exact_d.sd / math.sqrt(mc_d.draws)
    for code in ("PA", "GA", "NE-2", "TX"):
        within_3_se(exact_d.unit_probability(code), mc_d.unit_probability(code), mc_d.draws)


def test_national_swing_quadrature_agrees_with_monte_carlo() -> None:
    forecast = load_forecast("example-2020", national=0.6)
    assert_agrees(exact(forecast), simulate(forecast, DRAWS, seed=11, tipping=False))


def test_regional_swings_quadrature_agrees_with_monte_carlo() -> None:
    forecast = load_forecast("example-2020", national=0.4, regional=0.3)
    assert_agrees(exact(forecast), simulate(forecast, DRAWS, seed=12, tipping=False))


def test_student_t_quadrature_agrees_with_monte_carlo() -> None:
    forecast = load_forecast("example-2020", national=0.5, df=4)
    assert_agrees(exact(forecast), simulate(forecast, DRAWS, seed=13, tipping=False))


def test_conditional_quadrature_agrees_with_filtered_monte_carlo() -> None:
    forecast = load_forecast("example-2020", national=0.5, regional=0.2)
    condition = {"PA": "R", "GA": "D"}
    e = exact(forecast, condition)
    m = simulate(forecast, DRAWS, seed=14, given=condition, tipping=False)
    assert_agrees(e, m)
    within_3_se(e.p_given, m.p_given, DRAWS)
    assert e.unit_probability("PA") == 0.0 and e.unit_probability("GA") == 1.0


def brute_force_national(p: np.ndarray, votes: np.ndarray, national: float) -> np.ndarray:
    """Enumerate outcomes; integrate over the national swing with a fine trapezoid grid (not Gauss-Hermite)."""
    grid = np.linspace(-9, 9, 6001)
    density = stats.norm.pdf(grid) * (grid[1] - grid[0])
    loc = stats.norm.ppf(p)
    conditional = stats.norm.cdf((loc[None, :] + math.sqrt(national) * grid[:, None]) / math.sqrt(1 - national))
    pmf = np.zeros(int(votes.sum()) + 1)
    for outcome in itertools.product((False, True), repeat=len(p)):
        won = np.array(outcome)
        pmf[int(votes[won].sum())] += density @ np.prod(np.where(won, conditional, 1 - conditional), axis=1)
    return pmf


def test_quadrature_equals_enumeration_over_outcomes_in_1789() -> None:
    units = units_for(1789)
    p = np.random.default_rng(3).random(len(units))
    forecast = make_forecast(1789, dict(zip(units.codes, p)), correlation=FactorCorrelation(0.7))
    np.testing.assert_allclose(exact(forecast).pmf, brute_force_national(p, units.electoral_votes, 0.7), atol=1e-9)


def test_marginal_probabilities_survive_correlation() -> None:
    """Probability inputs go through the normal (or t) quantile, so each unit's own odds are unchanged."""
    units = units_for(2020)
    p = np.linspace(0.02, 0.98, len(units))
    for df in (None, 5):
        forecast = make_forecast(2020, dict(zip(units.codes, p)), df=df,
                                 correlation=FactorCorrelation(0.5, 0.2, tuple(s[0] for s in units.states)))
        np.testing.assert_allclose(exact(forecast).unit_probabilities, p, atol=1e-8)


def test_zero_national_share_is_the_independent_case() -> None:
    base = load_forecast("example-2020")
    np.testing.assert_allclose(factor_distribution(base.with_correlation(FactorCorrelation(0.0))).pmf,
                               independent(base).pmf, atol=1e-14)


def test_more_nodes_do_not_change_the_answer() -> None:
    forecast = load_forecast("example-2020", national=0.8)
    np.testing.assert_allclose(exact(forecast).pmf, factor_distribution(forecast, nodes=1000).pmf, atol=1e-6)


def test_correlation_widens_the_distribution() -> None:
    base = load_forecast("example-2020")
    spreads = [exact(base.with_correlation(FactorCorrelation(a)) if a else base).sd for a in (0.0, 0.3, 0.6, 0.9)]
    assert spreads == sorted(spreads)


def test_bad_node_counts_are_rejected() -> None:
    forecast = load_forecast("example-2020", national=0.5)
    with pytest.raises(InvalidInput, match="5000"):
        exact(forecast, nodes=5000)
