"""Where Monte Carlo chunks run: threads on this machine, or a Dask cluster.

A backend maps a pure chunk function over a fixed plan of ``(size, SeedSequence)`` tasks and adds up
the integer counts it returns. Because the plan (chunk sizes and seeds) depends only on the number
of draws, the chunk size and the seed, and integer sums do not depend on the order of addition, the
result is identical on any backend and any number of workers.

>>> sorted(BACKENDS)
['dask', 'numpy']
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from itertools import islice
from typing import Any, Protocol, TypeVar

import numpy as np
from threadpoolctl import ThreadpoolController

from electoral.errors import InvalidInput


class Addable(Protocol):
    def __add__(self, other: Any) -> Any: ...


T = TypeVar("T", bound=Addable)
Task = tuple[int, np.random.SeedSequence]
ChunkFunction = Callable[[Any, int, np.random.SeedSequence], T]
Progress = Callable[[int], None] | None


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    """threadpoolctl's controller of the BLAS libraries loaded in this process (numpy's OpenBLAS)."""
    return ThreadpoolController().select(user_api="blas")


def blas_threads() -> int | None:
    """Threads the loaded BLAS uses now (None when no BLAS library can be controlled)."""
    info = _blas_controller().info()
    return min(lib["num_threads"] for lib in info) if info else None


_blas_lock = threading.Lock()
_blas_users = 0
_blas_limiter: Any = None


def can_limit_blas() -> bool:
    """Whether :func:`single_threaded_blas` can act here (a BLAS threadpoolctl can control).

    >>> isinstance(can_limit_blas(), bool)
    True
    """
    return bool(_blas_controller().info())


@contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Run BLAS on one thread while inside (re-entrant across threads: the last one out restores it).

    Parallel chunks each call BLAS; a multi-threaded OpenBLAS then makes them contend and spin, which
    costs more than it gains for our small matrix products (measured: 1M draws 1.5 s -> 0.5 s).
    The limit is process-wide, so concurrent chunks share one reference-counted setting.

    >>> with single_threaded_blas():
    ...     float(np.ones((2, 2)) @ np.ones(2) @ np.ones(2))
    4.0
    """
    global _blas_users, _blas_limiter
    with _blas_lock:
        if _blas_users == 0:
            _blas_limiter = _blas_controller().limit(limits=1)
        _blas_users += 1
    try:
        yield
    finally:
        with _blas_lock:
            _blas_users -= 1
            if _blas_users == 0:
                _blas_limiter.restore_original_limits()
                _blas_limiter = None


def run_chunk(chunk: ChunkFunction, model: Any, size: int, seed: np.random.SeedSequence) -> Any:
    """One chunk with single-threaded BLAS (on Dask workers too: they run several chunks at once).

    >>> run_chunk(lambda model, size, seed: 2 * size, None, 5, np.random.SeedSequence(0))
    10
    """
    with single_threaded_blas():
        return chunk(model, size, seed)


def chunk_plan(draws: int, chunk_size: int, seed: int) -> list[Task]:
    """Fixed-size chunks in order, each with its own child of ``SeedSequence(seed)``.

    >>> [size for size, _ in chunk_plan(10, 4, seed=1)]
    [4, 4, 2]
    """
    count = -(-draws // chunk_size)
    children = np.random.SeedSequence(seed).spawn(count)
    return [(min(chunk_size, draws - i * chunk_size), child) for i, child in enumerate(children)]


IN_FLIGHT_PER_WORKER = 4  # chunks submitted ahead of the results: bounded memory for any number of draws


def _add(total: Any, part: Any) -> Any:
    return part if total is None else total + part


def run_local(chunk: ChunkFunction, model: Any, plan: list[Task], *, workers: int | None = None,
              progress: Progress = None) -> Any:
    """Run the chunks on a thread pool (numpy's generators and ufuncs release the GIL).

    >>> run_local(lambda model, size, seed: size, None, chunk_plan(10, 4, seed=1))
    10
    """
    # Without control over BLAS threads, one worker thread and a multi-threaded BLAS beat contention.
    default = (os.cpu_count() or 1) if can_limit_blas() else 1
    workers = max(1, min(workers or default, len(plan)))
    done, total = 0, None
    tasks = iter(plan)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        window: deque[tuple[int, Any]] = deque()
        for size, seed in islice(tasks, workers * IN_FLIGHT_PER_WORKER):
            window.append((size, pool.submit(run_chunk, chunk, model, size, seed)))
        while window:
            size, future = window.popleft()
            total = _add(total, future.result())  # counts are summed as they come: nothing piles up
            done += size
            if progress:
                progress(done)
            following = next(tasks, None)
            if following is not None:
                window.append((following[0], pool.submit(run_chunk, chunk, model, *following)))
    return total


def run_dask(chunk: ChunkFunction, model: Any, plan: list[Task], *, client: Any = None, address: str | None = None,
             progress: Progress = None) -> Any:
    """Run the chunks on a Dask cluster: ``client`` (a ``distributed.Client``) or a scheduler ``address``.

    Without either, the current default client is used if there is one. A bounded number of chunks is
    submitted ahead (four per worker thread), so the scheduler holds few tasks whatever the draws.
    """
    try:
        from distributed import Client, as_completed, default_client
    except ImportError:  # pragma: no cover - the dask extra is not installed
        raise InvalidInput("the dask backend needs the 'dask' extra: pip install 'electoral[dask]'") from None
    own_client = None
    if client is None and address:
        try:
            client = own_client = Client(address, timeout="10s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise InvalidInput(f"cannot reach the Dask scheduler at {address!r}: {exc}") from None
    if client is None:
        try:
            client = default_client()
        except ValueError:
            raise InvalidInput("backend 'dask' needs a client or a scheduler address (CLI --address)") from None
    try:
        shared = client.scatter(model, broadcast=True)
        threads = max(1, sum(client.nthreads().values()))
        tasks = iter(plan)
        sizes: dict[str, int] = {}
        pending = as_completed([], loop=client.loop)

        def submit(size: int, seed: np.random.SeedSequence) -> None:
            future = client.submit(run_chunk, chunk, shared, size, seed, pure=False)
            sizes[future.key] = size
            pending.add(future)

        for task in islice(tasks, threads * IN_FLIGHT_PER_WORKER):
            submit(*task)
        done, total = 0, None
        for future in pending:
            total = _add(total, future.result())
            done += sizes.pop(future.key)
            if progress:
                progress(done)
            future.release()  # drop the finished chunk's result from the cluster
            following = next(tasks, None)
            if following is not None:
                submit(*following)
        return total
    finally:
        if own_client is not None:
            own_client.close()


# Backends by name: the CLI, the API and tests enumerate this registry.
BACKENDS: dict[str, Callable[..., Any]] = {"numpy": run_local, "dask": run_dask}
