"""Monte Carlo: reproducibility, conditional odds as filtered draws, tipping points, the popular vote."""

from __future__ import annotations

import numpy as np
import pytest

from electoral.errors import InvalidInput
from electoral.probability import load_forecast, make_forecast, simulate
from electoral.probability.backends import chunk_plan
from electoral.probability.montecarlo import draw_margins, sampling_model


@pytest.fixture(scope="module")
def forecast():
    return load_forecast("example-2020", correlation="economist", national=0.5)


def replay(forecast, n: int, chunk: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The margins and wins of every draw, regenerated from the documented seeding scheme."""
    model = sampling_model(forecast)
    all_margins = np.concatenate([draw_margins(model, size, np.random.Generator(np.random.SFC64(child)))
                                  for size, child in chunk_plan(n, chunk, seed)])
    return all_margins, all_margins > 0


def test_same_seed_same_answer_and_any_thread_count(forecast) -> None:
    one = simulate(forecast, 30_000, seed=5, chunk_size=7_000, workers=1)
    two = simulate(forecast, 30_000, seed=5, chunk_size=7_000, workers=2)
    np.testing.assert_array_equal(one.pmf, two.pmf)
    np.testing.assert_array_equal(one.tipping_point, two.tipping_point)
    assert one.p_popular_split == two.p_popular_split
    other = simulate(forecast, 30_000, seed=6, chunk_size=7_000)
    assert not np.array_equal(one.pmf, other.pmf)


def test_unseeded_run_reports_a_seed_that_repeats_it() -> None:
    f = make_forecast(2020, {}, default_probability=0.5)
    first = simulate(f, 5_000)
    np.testing.assert_array_equal(simulate(f, 5_000, seed=first.seed).pmf, first.pmf)


def test_conditional_odds_equal_the_filtered_draws(forecast) -> None:
    condition = {"PA": "R", "GA": "D"}
    result = simulate(forecast, 40_000, seed=9, chunk_size=10_000, given=condition)
    margins, wins = replay(forecast, 40_000, 10_000, 9)
    u = forecast.units
    keep = ~wins[:, u.index("PA")] & wins[:, u.index("GA")]
    votes = wins[keep] @ u.electoral_votes
    assert result.draws == keep.sum() and result.p_given == keep.mean()
    np.testing.assert_allclose(result.pmf, np.bincount(votes, minlength=539) / keep.sum())
    assert result.p_win("D") == pytest.approx((votes >= 270).mean())
    np.testing.assert_allclose(result.unit_probabilities, wins[keep].mean(axis=0))


def tipping_point_by_hand(margins: np.ndarray, electoral_votes: np.ndarray) -> int:
    votes = int(electoral_votes[margins > 0].sum())
    if votes == 269:
        return -1
    sign = 1 if votes >= 270 else -1
    running = 0
    for i in sorted(range(len(margins)), key=lambda j: -sign * margins[j]):
        running += int(electoral_votes[i])
        if running >= 270:
            return i
    raise AssertionError("unreachable")


def test_tipping_points_and_popular_vote_match_a_plain_loop(forecast) -> None:
    result = simulate(forecast, 3_000, seed=2, chunk_size=1_000)
    margins, wins = replay(forecast, 3_000, 1_000, 2)
    ev = forecast.units.electoral_votes
    tips = np.array([tipping_point_by_hand(m, ev) for m in margins])
    np.testing.assert_allclose(result.tipping_point, np.bincount(tips[tips >= 0], minlength=56) / 3_000)
    votes = np.where([("-" not in c) for c in forecast.units.codes], np.nan_to_num(forecast.votes), 0.0)
    weights = sampling_model(forecast).weights  # the expected votes of the states (districts: 0), normalized
    np.testing.assert_allclose(weights, votes / votes.sum(), rtol=1e-6)
    national = margins @ weights
    ev_first = wins @ ev
    split = ((ev_first >= 270) & (national < 0)) | ((ev_first <= 268) & (national > 0))
    assert result.p_popular_split == pytest.approx(split.mean())
    assert result.p_popular_first == pytest.approx((national > 0).mean())
    assert result.tipping_point.sum() == pytest.approx(1 - result.p_tie)


def test_progress_reports_every_chunk() -> None:
    seen: list[int] = []
    simulate(make_forecast(2020, {}, default_probability=0.5), 25_000, seed=1, chunk_size=10_000, progress=seen.append)
    assert sorted(seen) == [10_000, 20_000, 25_000]


def test_bad_requests_are_clear_errors(forecast) -> None:
    with pytest.raises(InvalidInput, match="'0'"):
        simulate(forecast, "0")
    with pytest.raises(InvalidInput, match="-5"):
        simulate(forecast, -5)
    with pytest.raises(InvalidInput, match="chunk size"):
        simulate(forecast, 10, chunk_size=0)
    with pytest.raises(InvalidInput, match="'spark'"):
        simulate(forecast, 10, backend="spark")
    with pytest.raises(InvalidInput, match="-1"):
        simulate(forecast, 10, seed=-1)
    near_certain = make_forecast(2020, {"CA": 0.999999}, default_probability=0.5)
    with pytest.raises(InvalidInput, match="CA=R"):
        simulate(near_certain, 1_000, seed=1, given={"CA": "R"})


def test_blas_runs_single_threaded_inside_chunks_and_is_restored() -> None:
    from electoral.probability.backends import blas_threads, can_limit_blas, single_threaded_blas

    if not can_limit_blas():
        pytest.skip("numpy is not linked to a BLAS that threadpoolctl can control here")
    threads = blas_threads
    before = threads()
    with single_threaded_blas():
        with single_threaded_blas():  # re-entrant: nested and concurrent chunks share one setting
            assert threads() == 1
        assert threads() == 1
    assert threads() == before
    simulate(make_forecast(2020, {}, default_probability=0.5), 20_000, seed=1, chunk_size=2_000, workers=2)
    assert threads() == before
