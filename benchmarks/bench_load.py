"""Election night on one server: cheap requests stay fast and memory stays bounded while 50 expensive
requests are in flight.

Run: ``python benchmarks/bench_load.py`` (about a minute, loopback only). Starts ``electoral serve`` (one
worker, the default settings) on a free port of 127.0.0.1 and keeps 50 clients sending exact-odds
requests with heavy tails (``{"year": 2020, "missing": "even", "df": 1, "national": 0.9}``, about a
second of CPU each); a client told 429 waits ``Retry-After`` seconds, as a client should. Meanwhile one
client asks for cheap things in turn (a tally, the map page, a static file) and the server's memory is
sampled (RSS of the server process, the sum of RSS over it and its pool's processes, which counts
shared libraries once per process, and the same sum as PSS, which counts them once). Prints ``name  value  unit  target`` lines: p95 of the cheap requests (< 50 ms), the peak
resident memory of the server process and of the server with its pool workers (< 500 MB), and how
many expensive requests were answered 200, 429 and 503.
"""

from __future__ import annotations

import asyncio
import collections
import json
import os
import subprocess
import sys
import time

import httpx
import numpy as np
import psutil
from _report import report
from bench_api import exchange, free_port, http_request, wait_until_up

EXPENSIVE_CLIENTS = 50
SECONDS = 40  # timed load; the whole run stays under two minutes
HEAVY = json.dumps({"year": 2020, "missing": "even", "df": 1, "national": 0.9}).encode()
CHEAP = {"tally": http_request("GET", "/api/elections/2020/tally"), "map_page": http_request("GET", "/"),
         "static_file": http_request("GET", "/static/style.css")}


def start_serve(port: int) -> subprocess.Popen:
    """``electoral serve --port PORT`` with every other setting at its default."""
    server = subprocess.Popen([sys.executable, "-m", "electoral.cli.app", "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=open(os.environ.get("BENCH_LOAD_LOG", os.devnull), "w"),
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    return wait_until_up(server, port)


async def read_response(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:] if line)}
    await reader.readexactly(int(headers.get("content-length", "0")))
    return int(head[0].split()[1]), headers


async def expensive_client(port: int, stop: float, statuses: collections.Counter) -> None:
    """Exact odds again and again until ``stop``; honours Retry-After."""
    request = http_request("POST", "/api/probability/exact", HEAVY)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    while time.monotonic() < stop:
        try:
            writer.write(request)
            status, headers = await read_response(reader)
        except (ConnectionError, asyncio.IncompleteReadError):  # the server closed an idle keep-alive connection
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            continue
        statuses[status] += 1
        if status == 429:
            await asyncio.sleep(float(headers.get("retry-after", "1")))
    writer.close()


async def cheap_client(port: int, stop: float, latencies: dict[str, list[float]]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    while time.monotonic() < stop:
        for name, request in CHEAP.items():
            started = time.perf_counter()
            status = await exchange(reader, writer, request)
            latencies[name].append((time.perf_counter() - started) * 1000)
            if status != 200:
                raise SystemExit(f"HTTP {status} for {name}")
        await asyncio.sleep(0.02)
    writer.close()


async def memory_sampler(pid: int, stop: float, peaks: dict[str, float]) -> None:
    server = psutil.Process(pid)
    while time.monotonic() < stop:
        try:
            processes = [server, *server.children(recursive=True)]
            own = server.memory_info().rss
            tree = sum(process.memory_info().rss for process in processes)
            shared_once = sum(process.memory_full_info().pss for process in processes)
        except psutil.Error:  # a pool process ended while it was read
            await asyncio.sleep(0.05)
            continue
        for name, value in (("server", own), ("server_and_pool", tree), ("server_and_pool_pss", shared_once)):
            peaks[name] = max(peaks.get(name, 0.0), value / 2**20)
        await asyncio.sleep(0.2)


async def run_load(port: int, pid: int) -> tuple[dict[str, list[float]], collections.Counter, dict[str, float]]:
    stop = time.monotonic() + SECONDS
    latencies: dict[str, list[float]] = {name: [] for name in CHEAP}
    statuses: collections.Counter = collections.Counter()
    peaks: dict[str, float] = {}
    expensive = [expensive_client(port, stop, statuses) for _ in range(EXPENSIVE_CLIENTS)]
    await asyncio.sleep(0)
    await asyncio.gather(*expensive, cheap_client(port, stop, latencies), memory_sampler(pid, stop + 5, peaks))
    return latencies, statuses, peaks


def main() -> None:
    port = free_port()
    server = start_serve(port)
    try:
        base = f"http://127.0.0.1:{port}"
        httpx.post(f"{base}/api/probability/exact", content=HEAVY, timeout=60,
                   headers={"content-type": "application/json"}).raise_for_status()  # start the pool
        for request in ("/api/elections/2020/tally", "/", "/static/style.css"):
            httpx.get(base + request, timeout=10).raise_for_status()
        latencies, statuses, peaks = asyncio.run(run_load(port, server.pid))
    finally:
        server.terminate()
        server.wait(timeout=10)
    every = np.concatenate([np.array(values) for values in latencies.values()])
    report(f"load_cheap_p95_with_{EXPENSIVE_CLIENTS}_expensive_in_flight", float(np.percentile(every, 95)), "ms", "< 50")
    for name, values in latencies.items():
        report(f"load_{name}_p95", float(np.percentile(values, 95)), "ms", "< 50")
    report("load_cheap_max", float(every.max()), "ms")
    report("load_cheap_requests", len(every), "requests")
    report("load_server_peak_rss", peaks.get("server", 0.0), "MB", "< 500")
    report("load_server_and_pool_peak_rss", peaks.get("server_and_pool", 0.0), "MB", "< 500")
    report("load_server_and_pool_peak_pss", peaks.get("server_and_pool_pss", 0.0), "MB", "- (shared pages counted once)")
    for status in (200, 429, 503):
        report(f"load_expensive_answered_{status}", statuses.get(status, 0), "requests")
    others = sum(count for status, count in statuses.items() if status not in (200, 429, 503))
    report("load_expensive_answered_other", others, "requests", "0")


if __name__ == "__main__":
    main()
