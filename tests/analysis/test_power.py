"""Power indices: exact values from the literature, brute force on random games, and the powerindex package."""

from __future__ import annotations

from fractions import Fraction
from itertools import permutations
from math import factorial

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from electoral.analysis.power import power, power_indices
from electoral.errors import InvalidInput, UnknownUnit, UnknownYear


def brute_force(weights: list[int], quota: int) -> tuple[list[int], list[Fraction]]:
    """Swings and Shapley-Shubik by enumerating every coalition (the definitions, term by term)."""
    n = len(weights)
    w = np.array(weights)
    members = (np.arange(2**n)[:, None] >> np.arange(n)) & 1  # every coalition as a 0/1 row
    weight = members @ w
    size = members.sum(axis=1)
    swings, shapley = [], []
    for i in range(n):
        pivotal = (members[:, i] == 0) & (weight < quota) & (weight + w[i] >= quota)
        swings.append(int(pivotal.sum()))
        by_size = np.bincount(size[pivotal], minlength=n)  # swung coalitions of each size
        shapley.append(sum((Fraction(int(c) * factorial(k) * factorial(n - k - 1), factorial(n))
                            for k, c in enumerate(by_size[:n])), Fraction(0)))
    return swings, shapley


games = st.integers(1, 16).flatmap(
    lambda n: st.tuples(st.lists(st.integers(0, 12), min_size=n, max_size=n), st.floats(0.01, 1.0)))


@settings(max_examples=60, deadline=None)
@given(games)
@example(([12, 3, 7, 1, 9, 4, 4, 11, 6, 2, 8, 5, 10, 1, 3, 6], 0.5))  # 16 players
def test_equals_brute_force_on_random_games(game: tuple[list[int], float]) -> None:
    weights, fraction = game
    total = sum(weights)
    if total == 0:
        return
    quota = max(1, int(np.ceil(fraction * total)))
    p = power_indices(weights, quota)
    swings, shapley = brute_force(weights, quota)
    assert list(p.swings) == swings
    assert p.shapley_shubik_exact() == tuple(shapley)
    assert sum(p.shapley_shubik_exact()) == 1
    assert np.allclose(p.shapley_shubik, [float(x) for x in shapley], rtol=1e-12, atol=1e-15)
    assert np.allclose(p.banzhaf_raw, np.array(swings) / 2 ** (len(weights) - 1))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(1, 9), min_size=1, max_size=6), st.floats(0.01, 1.0))
def test_shapley_shubik_is_the_share_of_orderings_where_a_unit_pivots(weights: list[int], fraction: float) -> None:
    quota = max(1, int(np.ceil(fraction * sum(weights))))
    pivots = [0] * len(weights)
    orders = list(permutations(range(len(weights))))
    for order in orders:
        running = 0
        for i in order:
            running += weights[i]
            if running >= quota:
                pivots[i] += 1
                break
    assert power_indices(weights, quota).shapley_shubik_exact() == tuple(Fraction(c, len(orders)) for c in pivots)


def test_council_of_the_eec_1958() -> None:
    # The Council of the European Economic Community, 1958-1972: France, Germany, Italy 4 votes,
    # Belgium and the Netherlands 2, Luxembourg 1, quota 12. Luxembourg is a dummy; Banzhaf
    # 5/21, 3/21, 0 and Shapley-Shubik 14/60, 9/60, 0 (Felsenthal & Machover, "The Measurement
    # of Voting Power", 1998, sec. 3.3).
    p = power_indices([4, 4, 4, 2, 2, 1], 12, ["FR", "DE", "IT", "BE", "NL", "LU"])
    assert list(p.banzhaf) == pytest.approx([5 / 21] * 3 + [3 / 21] * 2 + [0])
    assert p.shapley_shubik_exact() == (Fraction(14, 60),) * 3 + (Fraction(9, 60),) * 2 + (Fraction(0),)


def test_2024_agrees_with_the_powerindex_package() -> None:
    powerindex = pytest.importorskip("powerindex")
    p = power(2024)
    game = powerindex.Game(p.quota, weights=[int(w) for w in p.weights])
    game.calc_banzhaf()
    game.calc_shapley_shubik()
    assert np.allclose(p.banzhaf, game.banzhaf, rtol=1e-9)
    assert np.allclose(p.shapley_shubik, game.shapley_shubik, rtol=1e-9)


def test_2024_game_facts() -> None:
    p = power(2024)
    assert len(p.codes) == 56 and p.quota == 270 and int(p.weights.sum()) == 538
    assert p.banzhaf.sum() == pytest.approx(1) and p.shapley_shubik.sum() == pytest.approx(1)
    # equal weights, equal power; and more weight never means less power
    order = np.argsort(p.weights, kind="stable")
    assert np.all(np.diff(p.banzhaf[order]) >= -1e-15) and np.all(np.diff(p.shapley_shubik[order]) >= -1e-15)
    ca = p.codes.index("CA")
    # California's 54 of 538 votes carry more than their proportional share
    assert p.banzhaf[ca] > 54 / 538 and p.shapley_shubik[ca] > 54 / 538


def test_scenario_votes_and_quota() -> None:
    base, changed = power(2024), power(2024, {"ca": 60}, quota=300)
    assert changed.quota == 300 and int(changed.weights[changed.codes.index("CA")]) == 60
    assert changed.banzhaf[changed.codes.index("CA")] > base.banzhaf[base.codes.index("CA")]


def test_more_than_62_players_uses_python_integers() -> None:
    p = power_indices([1] * 70, 36)
    assert p.swings[0] == __import__("math").comb(69, 35)  # pivotal when exactly 35 of the 69 others join
    assert p.shapley_shubik_exact()[0] == Fraction(1, 70)


@pytest.mark.parametrize(
    ("call", "error", "bad"),
    [(lambda: power_indices([3, 2], 6), InvalidInput, "6"), (lambda: power_indices([3, -2], 2), InvalidInput, "-2"),
     (lambda: power_indices([3, 2.5], 2), InvalidInput, "2.5"), (lambda: power(2023), UnknownYear, "2023"),
     (lambda: power(2024, {"ZZ": 3}), UnknownUnit, "ZZ"), (lambda: power(2024, quota=0), InvalidInput, "0")],
)
def test_bad_input_names_the_value(call, error: type, bad: str) -> None:
    with pytest.raises(error, match=bad):
        call()
