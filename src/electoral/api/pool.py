"""The bounded pool of expensive work: worker processes, a bounded queue, a time limit per request.

Exact odds with heavy tails, simulations, power indices, minimum votes, paths and contingent what-ifs
(the ``pooled`` routes; see docs/api.md) take milliseconds to seconds of CPU. On the event loop, or
in threads that share its GIL, one of them delays every other request, the map and the tallies
included. Here they run in ``workers`` separate processes:

- at most ``workers`` run at once and at most ``queue`` more wait; the next one is refused at once
  with :class:`PoolFull` (the API answers 429 with ``Retry-After``);
- each has ``seconds`` from its arrival (waiting included) to finish, else :class:`TimeLimit` (503); a
  request whose worker comes free with less time left than a recent job took is answered so at once
  instead of being started and stopped;
- a job whose time ran out, or whose client went away, is stopped by ending its worker process
  (a thread cannot be stopped in the middle of a numpy call; a process can), and a new worker
  process replaces it.

The pool works from any event loop (a test client opens one per request): idle workers are kept
under a thread lock, and a waiting request is woken on its own loop.

>>> settings = PoolSettings(workers=1, queue=4, seconds=30.0)
>>> settings.capacity
5
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import os
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

CONTEXT = multiprocessing.get_context("spawn")  # never fork a process that runs an event loop and threads


def default_workers() -> int:
    """Worker processes by default: every core but one (left to the event loop), at least one.

    >>> default_workers() >= 1
    True
    """
    return max(1, (os.cpu_count() or 2) - 1)


@dataclass(frozen=True)
class PoolSettings:
    """``workers`` processes, ``queue`` waiting requests at most, ``seconds`` per request (waiting included)."""

    workers: int = default_workers()
    queue: int = 8
    seconds: float = 20.0

    @property
    def capacity(self) -> int:
        """Requests admitted at once: running plus waiting."""
        return self.workers + self.queue


class PoolFull(Exception):
    """Every worker is busy and the queue is full; ``retry_after`` is a whole number of seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class TimeLimit(Exception):
    """A request took longer than the pool's time limit (waiting included)."""


class _TooLate(Exception):
    """A worker came free too close to the request's deadline for a typical job to finish."""


class ClientGone(Exception):
    """The client disconnected before its job finished (the job was stopped)."""


def _serve(connection: Connection) -> None:  # the worker process: run jobs until the pipe closes
    while True:
        try:
            function, args = connection.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            answer: tuple[bool, Any] = (True, function(*args))
        except Exception as exc:  # noqa: BLE001 - sent back and raised in the server
            answer = (False, exc)
        try:
            connection.send(answer)
        except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
            connection.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


class _Worker:
    """One worker process and the server's end of its pipe."""

    def __init__(self) -> None:
        self.connection, child = CONTEXT.Pipe()
        self.process = CONTEXT.Process(target=_serve, args=(child,), daemon=True, name="electoral-pool")
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.connection.close()
        self.process.kill()
        self.process.join(timeout=5)


class Pool:
    """Worker processes started on first use; see the module docstring."""

    def __init__(self, settings: PoolSettings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._started = 0
        self._admitted = 0
        self._waiters: deque[tuple[asyncio.AbstractEventLoop, asyncio.Future[_Worker]]] = deque()
        self._seconds_per_job = 1.0  # a running mean, for Retry-After

    def retry_after(self) -> int:
        """Seconds until a refused request is likely to find room: the time the admitted jobs take to run."""
        drain = self._seconds_per_job * self._admitted / self.settings.workers
        return max(1, min(60, math.ceil(drain)))

    def _admit(self) -> asyncio.Future[_Worker] | _Worker:
        with self._lock:
            if self._admitted >= self.settings.capacity:
                raise PoolFull(f"the server is busy: {self.settings.workers} expensive request(s) running and "
                               f"{self.settings.queue} waiting (--pool-queue); try again later", self.retry_after())
            self._admitted += 1
            if self._idle:
                return self._idle.pop()
            if self._started < self.settings.workers:
                self._started += 1
                return _Worker()
            loop = asyncio.get_running_loop()
            waiting: asyncio.Future[_Worker] = loop.create_future()
            self._waiters.append((loop, waiting))
            return waiting

    def _release(self, worker: _Worker | None) -> None:
        """Give ``worker`` (None: a replacement for one that was stopped) to a waiter, or keep it idle."""
        with self._lock:
            self._admitted -= 1
            if worker is None:
                worker = _Worker()
            while self._waiters:
                loop, waiting = self._waiters.popleft()
                if not waiting.done() and not loop.is_closed():
                    loop.call_soon_threadsafe(_hand_over, waiting, worker, self)
                    return
            self._idle.append(worker)

    async def run(self, function: Callable[..., Any], *args: Any,
                  gone: Callable[[], Awaitable[Any]] | None = None) -> Any:
        """``function(*args)`` in a worker process: its result, or the exception it raised.

        Raises :class:`PoolFull` at once when the pool and its queue are full, :class:`TimeLimit` after
        ``seconds``, :class:`ClientGone` when ``gone()`` returns first (the client disconnected).
        ``function`` and ``args`` must pickle (a module-level function and plain values).
        """
        admitted = self._admit()
        worker: _Worker | None = None
        deadline = time.monotonic() + self.settings.seconds
        try:
            async with asyncio.timeout(self.settings.seconds):
                worker = admitted if isinstance(admitted, _Worker) else await _wait(admitted, gone)
                if deadline - time.monotonic() < self._seconds_per_job:
                    raise _TooLate  # it would most likely be stopped before it ends: do not start it
                started = time.monotonic()
                os.set_blocking(worker.connection.fileno(), True)  # uvloop's add_reader leaves it non-blocking
                worker.connection.send((function, args))
                ok, value = await _answer(worker.connection, gone)
        except _TooLate:
            self._release(worker)
            raise self._time_limit() from None
        except BaseException as exc:
            self._give_up(admitted, worker)
            if isinstance(exc, TimeoutError):
                raise self._time_limit() from None
            raise
        self._seconds_per_job = 0.8 * self._seconds_per_job + 0.2 * (time.monotonic() - started)
        self._release(worker)
        if not ok:
            raise value
        return value

    def _time_limit(self) -> TimeLimit:
        return TimeLimit(f"the request took longer than the server's limit of {self.settings.seconds:g} s "
                         f"(--time-limit) and was stopped")

    def _give_up(self, admitted: asyncio.Future[_Worker] | _Worker, worker: _Worker | None) -> None:
        """A request ended early: stop its worker (its job may still run), or leave the queue."""
        if worker is not None:
            worker.stop()
            self._release(None)
        elif isinstance(admitted, asyncio.Future) and not admitted.cancel() and not admitted.cancelled():
            self._release(admitted.result())  # a worker arrived, unused, as the time ran out
        else:
            with self._lock:
                self._admitted -= 1

    def close(self) -> None:
        """Stop every idle worker process (running jobs end with their requests)."""
        with self._lock:
            idle, self._idle, self._started = self._idle, [], 0
        for worker in idle:
            worker.stop()


def _hand_over(waiting: asyncio.Future[_Worker], worker: _Worker, pool: Pool) -> None:
    """On the waiter's loop: give it the worker, or (it gave up meanwhile) pass the worker on."""
    if waiting.done():
        with pool._lock:
            pool._admitted += 1  # _release counts the hand-over out again
        pool._release(worker)
    else:
        waiting.set_result(worker)


async def _first(work: Awaitable[Any], gone: Callable[[], Awaitable[Any]] | None) -> Any:
    """``await work``, unless ``gone()`` finishes first: then :class:`ClientGone`."""
    if gone is None:
        return await work
    task, watch = asyncio.ensure_future(work), asyncio.ensure_future(gone())
    try:
        done, _ = await asyncio.wait((task, watch), return_when=asyncio.FIRST_COMPLETED)
    finally:
        watch.cancel()
        if not task.done():
            task.cancel()
    if task not in done:
        raise ClientGone("the client disconnected")
    return task.result()


async def _wait(waiting: asyncio.Future[_Worker], gone: Callable[[], Awaitable[Any]] | None) -> _Worker:
    return await _first(asyncio.shield(waiting), gone)


async def _answer(connection: Connection, gone: Callable[[], Awaitable[Any]] | None) -> tuple[bool, Any]:
    """The worker's answer, awaited on the event loop without a thread (the pipe's descriptor wakes it)."""
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[None] = loop.create_future()
    loop.add_reader(connection.fileno(), lambda: ready.done() or ready.set_result(None))
    try:
        await _first(ready, gone)
    finally:
        loop.remove_reader(connection.fileno())
    # uvloop (uvicorn's default loop) makes a watched descriptor non-blocking; an answer larger than the
    # pipe's buffer would then fail with BlockingIOError midway. The first bytes are here: read the rest.
    os.set_blocking(connection.fileno(), True)
    return connection.recv()


class Results:
    """The last ``size`` answers of a pure function, kept in the server (worker processes come and go)."""

    def __init__(self, size: int = 256) -> None:
        self.size, self._kept = size, OrderedDict[Any, Any]()

    async def get(self, key: Any, compute: Callable[[], Awaitable[Any]]) -> Any:
        """The kept answer for ``key``, else ``await compute()`` kept (errors are not kept)."""
        if key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key]
        value = await compute()
        self._kept[key] = value
        if len(self._kept) > self.size:
            self._kept.popitem(last=False)
        return value


async def in_pool(request: Any, function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)`` in the application's pool (``request.app.state.pool``), stopped if the client
    of ``request`` (a Starlette request whose body was read) disconnects first."""

    async def gone() -> None:
        while (await request.receive())["type"] != "http.disconnect":
            pass

    return await request.app.state.pool.run(function, *args, gone=gone)
