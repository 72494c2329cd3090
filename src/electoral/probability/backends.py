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
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol, TypeVar

import numpy as np

from electoral.errors import InvalidInput


class Addable(Protocol):
    def __add__(self, other: Any) -> Any: ...


T = TypeVar("T", bound=Addable)
Task = tuple[int, np.random.SeedSequence]
ChunkFunction = Callable[[Any, int, np.random.SeedSequence], T]
Progress = Callable[[int], None] | None


def chunk_plan(draws: int, chunk_size: int, seed: int) -> list[Task]:
    """Fixed-size chunks in order, each with its own child of ``SeedSequence(seed)``.

    >>> [size for size, _ in chunk_plan(10, 4, seed=1)]
    [4, 4, 2]
    """
    count = -(-draws // chunk_size)
    children = np.random.SeedSequence(seed).spawn(count)
    return [(min(chunk_size, draws - i * chunk_size), child) for i, child in enumerate(children)]


def _total(results: Sequence[T]) -> T:
    total = results[0]
    for item in results[1:]:
        total = total + item
    return total


def run_local(chunk: ChunkFunction, model: Any, plan: list[Task], *, workers: int | None = None,
              progress: Progress = None) -> Any:
    """Run the chunks on a thread pool (numpy's generators and BLAS release the GIL).

    >>> run_local(lambda model, size, seed: size, None, chunk_plan(10, 4, seed=1))
    10
    """
    workers = max(1, min(workers or os.cpu_count() or 1, len(plan)))
    done = 0
    results = []
    # Only `workers` chunks exist at once: memory stays bounded whatever the number of draws.
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for (size, _), result in zip(plan, pool.map(lambda task: chunk(model, *task), plan)):
            results.append(result)
            done += size
            if progress:
                progress(done)
    return _total(results)


def run_dask(chunk: ChunkFunction, model: Any, plan: list[Task], *, client: Any = None, address: str | None = None,
             progress: Progress = None) -> Any:
    """Run the chunks on a Dask cluster: ``client`` (a ``distributed.Client``) or a scheduler ``address``.

    Without either, the current default client is used if there is one.
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
        futures = client.map(chunk, [shared] * len(plan), [s for s, _ in plan], [q for _, q in plan], pure=False)
        sizes = {f.key: s for f, (s, _) in zip(futures, plan)}
        done = 0
        results = []
        for future in as_completed(futures, loop=client.loop):
            results.append(future.result())
            done += sizes[future.key]
            if progress:
                progress(done)
            future.release()  # drop the finished chunk's result from the cluster
        return _total(results)
    finally:
        if own_client is not None:
            own_client.close()


# Backends by name: the CLI, the API and tests enumerate this registry.
BACKENDS: dict[str, Callable[..., Any]] = {"numpy": run_local, "dask": run_dask}
