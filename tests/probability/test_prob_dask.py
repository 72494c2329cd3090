"""The same seed gives the same answer locally and on Dask clusters of 1 and 3 workers."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from electoral.errors import InvalidInput
from electoral.probability import load_forecast, simulate
from electoral.probability.backends import chunk_plan
from electoral.probability.montecarlo import sampling_model, simulate_chunk

distributed = pytest.importorskip("distributed")

DRAWS, CHUNK, SEED = 24_000, 3_000, 2020


@pytest.fixture(scope="module")
def forecast():
    return load_forecast("example-2020", correlation="economist", national=0.5, df=6)


@pytest.fixture(scope="module")
def local(forecast):
    return simulate(forecast, DRAWS, seed=SEED, chunk_size=CHUNK, given={"PA": "D"})


def same(a, b) -> None:
    np.testing.assert_array_equal(a.pmf, b.pmf)
    np.testing.assert_array_equal(a.unit_probabilities, b.unit_probabilities)
    np.testing.assert_array_equal(a.tipping_point, b.tipping_point)
    assert (a.draws, a.p_given, a.p_popular_split) == (b.draws, b.p_given, b.p_popular_split)


@pytest.mark.parametrize("workers", [1, 3])
def test_dask_equals_local_whatever_the_worker_count(forecast, local, workers: int) -> None:
    with distributed.LocalCluster(n_workers=workers, processes=False, threads_per_worker=1, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        result = simulate(forecast, DRAWS, seed=SEED, chunk_size=CHUNK, given={"PA": "D"}, backend="dask", client=client)
    same(result, local)


def test_dask_by_scheduler_address(forecast, local) -> None:
    with distributed.LocalCluster(n_workers=2, processes=False, threads_per_worker=1, dashboard_address=None) as cluster:
        result = simulate(forecast, DRAWS, seed=SEED, chunk_size=CHUNK, given={"PA": "D"}, backend="dask",
                          address=cluster.scheduler_address)
    same(result, local)


def test_chunk_tasks_survive_pickling_for_worker_processes(forecast) -> None:
    """Worker processes receive the model and seeds pickled: the chunk must come out the same."""
    model = sampling_model(forecast, {"PA": "D"})
    size, seed = chunk_plan(DRAWS, CHUNK, SEED)[1]
    direct = simulate_chunk(model, size, seed)
    shipped = pickle.loads(pickle.dumps((simulate_chunk, model, size, seed)))
    again = shipped[0](*shipped[1:])
    np.testing.assert_array_equal(direct.histogram, again.histogram)
    np.testing.assert_array_equal(direct.tipping, again.tipping)


def test_dask_without_a_cluster_is_a_clear_error(forecast) -> None:
    with pytest.raises(InvalidInput, match="client or a scheduler address"):
        simulate(forecast, 100, seed=1, backend="dask")
