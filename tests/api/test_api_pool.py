"""The pool of expensive work: bounded, refused at once when full, stopped on time limit or disconnect;
cheap requests do not wait for it."""

from __future__ import annotations

import asyncio
import os
import time

import httpx
import pytest

from electoral.api.app import create_app
from electoral.api.pool import ClientGone, Pool, PoolFull, PoolSettings, TimeLimit
from electoral.api.settings import ServerSettings

HEAVY = {"year": 2020, "missing": "even", "df": 1, "national": 0.9}  # about a second of CPU


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a killed child not yet reaped is a zombie
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[1].split()[0] != "Z"
    except OSError:
        return False


def test_full_pool_refuses_at_once_and_recovers() -> None:
    async def scenario() -> tuple[float, BaseException | None, float]:
        pool = Pool(PoolSettings(workers=1, queue=1, seconds=30))
        try:
            await pool.run(abs, -1)  # start the worker
            first = asyncio.ensure_future(pool.run(time.sleep, 1.0))
            second = asyncio.ensure_future(pool.run(time.sleep, 0.1))
            await asyncio.sleep(0.05)
            started = time.monotonic()
            try:
                await pool.run(abs, -3)
                refused = None
            except PoolFull as exc:
                refused = exc
            waited = time.monotonic() - started
            await asyncio.gather(first, second)
            return waited, refused, await pool.run(abs, -2)
        finally:
            pool.close()

    waited, refused, after = asyncio.run(scenario())
    assert isinstance(refused, PoolFull) and refused.retry_after >= 1 and "--pool-queue" in str(refused)
    assert waited < 0.5  # refused without waiting for the running job (1 s)
    assert after == 2


def test_time_limit_stops_the_job_and_a_new_worker_takes_over() -> None:
    async def scenario() -> tuple[BaseException | None, int, int]:
        pool = Pool(PoolSettings(workers=1, queue=0, seconds=2.0))
        try:
            pid = await pool.run(os.getpid)
            try:
                await pool.run(time.sleep, 60)
                error = None
            except TimeLimit as exc:
                error = exc
            return error, pid, await pool.run(os.getpid)
        finally:
            pool.close()

    error, pid, new_pid = asyncio.run(scenario())
    assert isinstance(error, TimeLimit) and "2 s" in str(error)
    assert new_pid != pid and not _alive(pid)


def test_a_client_that_goes_away_stops_its_job() -> None:
    async def scenario() -> tuple[BaseException | None, int]:
        pool = Pool(PoolSettings(workers=1, queue=0, seconds=60))
        try:
            pid = await pool.run(os.getpid)
            try:
                await pool.run(time.sleep, 60, gone=lambda: asyncio.sleep(0.3))
                error = None
            except ClientGone as exc:
                error = exc
            return error, pid
        finally:
            pool.close()

    error, pid = asyncio.run(scenario())
    assert isinstance(error, ClientGone) and not _alive(pid)


def test_library_errors_come_back_from_the_worker(client, assert_error) -> None:
    assert_error(client.get("/api/elections/2020/min-votes", params={"mode": "nope"}), 422, "nope")
    assert_error(client.post("/api/probability/exact", json={"year": 2020, "probabilities": {"ZZ": 0.5}}), 422, "ZZ")


def test_busy_api_answers_429_with_retry_after_and_cheap_requests_do_not_wait() -> None:
    app = create_app(settings=ServerSettings(pool=PoolSettings(workers=1, queue=0, seconds=60)))

    async def scenario() -> tuple[httpx.Response, httpx.Response, list[str]]:
        finished: list[str] = []
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test", timeout=60) as client:
            await client.post("/api/probability/exact", json={"year": 2020})  # start the worker

            async def heavy() -> httpx.Response:
                answer = await client.post("/api/probability/exact", json=HEAVY)
                finished.append("heavy")
                return answer

            running = asyncio.ensure_future(heavy())
            await asyncio.sleep(0.05)
            refused = await client.post("/api/probability/exact", json=HEAVY)
            for _ in range(5):  # the map and tallies answer while the heavy one runs in the worker
                assert (await client.get("/api/elections/2020/tally")).status_code == 200
                finished.append("cheap")
            return refused, await running, finished

    try:
        refused, done, finished = asyncio.run(scenario())
    finally:
        app.state.pool.close()
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert "busy" in refused.json()["error"]
    assert done.status_code == 200 and finished == ["cheap"] * 5 + ["heavy"]


class _SlowPool:
    async def run(self, *args, **kwargs):
        raise TimeLimit("the request took longer than the server's limit of 20 s (--time-limit) and was stopped")


def test_time_limit_is_a_503_json_naming_the_limit(assert_error) -> None:
    from fastapi.testclient import TestClient

    app = create_app()
    app.state.pool = _SlowPool()
    answer = TestClient(app).post("/api/probability/exact", json={"year": 2020})
    assert_error(answer, 503, "--time-limit", "20 s")


@pytest.mark.parametrize(("path", "method"), [
    ("/api/elections/{year}/power", "get"), ("/api/elections/{year}/min-votes", "get"), ("/api/paths", "post"),
    ("/api/probability/exact", "post"), ("/api/probability/simulate", "post"), ("/api/contingent", "post"),
    ("/api/forecast", "post"), ("/api/forecast/conditional", "post"),
])
def test_pooled_routes_document_429_and_503(client, path: str, method: str) -> None:
    operation = client.get("/openapi.json").json()["paths"][path][method]
    assert {"429", "503"} <= set(operation["responses"])


def test_a_job_that_could_not_finish_in_time_is_not_started() -> None:
    async def scenario() -> tuple[BaseException | None, float, int, int]:
        pool = Pool(PoolSettings(workers=1, queue=1, seconds=2.0))
        try:
            pid = await pool.run(os.getpid)
            first = asyncio.ensure_future(pool.run(time.sleep, 1.6))
            await asyncio.sleep(0.05)
            started = time.monotonic()
            try:
                await pool.run(time.sleep, 0.5)  # the worker comes free with about 0.4 s of its 2 s left
                error = None
            except TimeLimit as exc:
                error = exc
            waited = time.monotonic() - started
            await first
            return error, waited, pid, await pool.run(os.getpid)
        finally:
            pool.close()

    error, waited, pid, after = asyncio.run(scenario())
    assert isinstance(error, TimeLimit) and waited < 1.95  # answered when the worker came free, not at 2 s
    assert after == pid  # nothing was stopped


def test_the_pool_answers_what_the_library_computes_in_process(client) -> None:
    from electoral.api.routes.forecast import forecast_doc
    from electoral.api.routes.probability import exact_doc
    from electoral.api.schemas import ForecastIn, ProbabilityIn

    exact = {"year": 2020, "probabilities": {"PA": 0.5, "GA": 0.4}, "national": 0.3}
    assert client.post("/api/probability/exact", json=exact).content == exact_doc(ProbabilityIn(**exact))
    forecast = {"year": 2020, "as_of": "2020-11-02", "preset": "example-2020", "draws": 2000}
    assert client.post("/api/forecast", json=forecast).content == forecast_doc(ForecastIn(**forecast))
