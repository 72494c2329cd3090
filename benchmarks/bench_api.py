"""HTTP API latency: p50/p95 of tally, scenario and what-if requests with 50 concurrent clients.

Starts ``uvicorn electoral.api.app:app`` on a free port of 127.0.0.1, waits until it answers, then
runs 50 closed-loop clients (each on its own keep-alive connection sends its next request when the
previous one returns). Latency is measured at the client, so it includes queueing in the server.

The load generator is ``wrk`` (C; ``bash scripts/install_bench_tools.sh`` installs it): it shares
the machine's two cores with the server, and a Python client spent as much CPU making requests as
the server spent answering them (a cached answer measured the client, not the server). Without
wrk, a Python asyncio client on uvloop is used and the lines say ``client=python``.

Every timed what-if is a different request (flips of subsets of 18 battlegrounds, 30,000 of them
in turn), so none is served from the server's cache; ``whatif_repeated`` is one what-if again
and again. Exact-odds latency is measured with one client (probability computations run one at a time).

``*_cpu_per_request`` is what one request costs the server, whatever the load generator or the
other work on the machine: the single worker's CPU time (user + system, from ``/proc``) over
requests sent one at a time by one client, divided by their number.

Run: ``python benchmarks/bench_api.py`` (about a minute). Prints ``name  value  unit  target`` lines.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np
import uvloop  # the client's event loop: the load generator shares the machine's cores with the server
from _report import report

CLIENTS = 50
REQUESTS_PER_CLIENT = 20  # Python client: 1,000 timed requests per endpoint
WARMUP = 50
SECONDS = 5  # wrk: timed seconds per endpoint
DISTINCT_WHATIFS = 30_000  # more than wrk sends in SECONDS: every timed what-if is new
CPU_REQUESTS = 5_000  # per endpoint for the CPU cost of one request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int = 1) -> subprocess.Popen:
    """uvicorn in a child process, as ``electoral serve --workers N`` runs it."""
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "electoral.api.app:app", "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "warning", "--no-access-log", "--workers", str(workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    return wait_until_up(server, port)


def wait_until_up(server: subprocess.Popen, port: int) -> subprocess.Popen:
    """``server`` once it answers on ``port`` (else it is killed and the benchmark stops)."""
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/years", timeout=2).raise_for_status()
            return server
        except httpx.TransportError:
            time.sleep(0.05)
    server.kill()
    raise SystemExit(f"server did not start: {server.stderr.read().decode() if server.stderr else ''}")


def http_request(method: str, path: str, body: bytes = b"") -> bytes:
    """The bytes of one HTTP/1.1 keep-alive request."""
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


async def exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    """Send one request and read its whole response; returns the status code."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:"))
    await reader.readexactly(length)
    return int(lines[0].split()[1])


async def load(port: int, requests: list[bytes], warmup: bytes, clients: int = CLIENTS,
               per_client: int = REQUESTS_PER_CLIENT) -> np.ndarray:
    """Latencies in milliseconds of ``clients * per_client`` requests, ``clients`` at a time.

    Client ``c`` sends ``requests[(c * per_client + k) % len(requests)]`` as its ``k``-th request, so a
    list of distinct requests is sent once each when it is long enough.

    A minimal keep-alive client on asyncio streams, so that the client's own work (one process on
    the same machine) adds as little as possible to what is measured.
    """
    connections = [await asyncio.open_connection("127.0.0.1", port) for _ in range(clients)]
    reader, writer = connections[0]
    for _ in range(WARMUP):
        assert await exchange(reader, writer, warmup) == 200
    latencies: list[float] = []

    async def one_client(c: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for k in range(per_client):
            request = requests[(c * per_client + k) % len(requests)]
            start = time.perf_counter()
            status = await exchange(reader, writer, request)
            latencies.append((time.perf_counter() - start) * 1000)
            if status != 200:
                raise SystemExit(f"HTTP {status} for {request[:60]!r}")

    await asyncio.gather(*(one_client(c, r, w) for c, (r, w) in enumerate(connections)))
    for _, writer in connections:
        writer.close()
    return np.array(latencies)


WRK_SCRIPT = """
local requests = {%s}
local n = 0
request = function()
  n = n + 1
  return requests[(n - 1) %% #requests + 1]
end
done = function(summary, latency, _)
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\\n", latency:percentile(50), latency:percentile(95),
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end
"""


def wrk_load(port: int, requests: list[bytes], warmup: bytes) -> tuple[float, float, float]:
    """(p50 ms, p95 ms, requests/s) of ``wrk`` sending ``requests`` in turn on ``CLIENTS`` connections."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % ",".join(_lua_string(r) for r in requests))
    command = ["wrk", "-t1", f"-c{CLIENTS}", "-s", script.name, f"http://127.0.0.1:{port}"]
    try:
        asyncio.run(_warm(port, warmup))
        # one untimed second on every connection, so that every worker process has loaded the year
        subprocess.run([*command, "-d1s"], capture_output=True, check=True)
        out = subprocess.run([*command, f"-d{SECONDS}s"], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    p50, p95, count, micros, bad_status, socket_errors = map(int, out.split("RESULT")[1].split())
    if bad_status or socket_errors:
        raise SystemExit(f"wrk: {bad_status} non-2xx responses, {socket_errors} socket errors")
    return p50 / 1000, p95 / 1000, count / (micros / 1e6)


def _lua_string(request: bytes) -> str:
    """A quoted Lua string (not a long bracket: Lua would turn the request's CRLFs into LFs)."""
    text = request.decode().replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r").replace("\n", "\\n")
    return f'"{text}"'


async def _warm(port: int, request: bytes) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for _ in range(WARMUP):
        assert await exchange(reader, writer, request) == 200
    writer.close()


def server_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _one_client(port: int, requests: list[bytes]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for request in requests:
        if await exchange(reader, writer, request) != 200:
            raise SystemExit(f"non-200 answer to {request[:60]!r}")
    writer.close()


def cpu_per_request(server: subprocess.Popen, port: int, requests: list[bytes]) -> float:
    """Microseconds of the server's CPU per request, ``requests`` sent in turn by one client (one worker)."""
    uvloop.run(_one_client(port, requests[:WARMUP]))
    before = server_cpu_seconds(server.pid)
    uvloop.run(_one_client(port, requests))
    return (server_cpu_seconds(server.pid) - before) / len(requests) * 1e6


def report_latencies(name: str, latencies: np.ndarray, target_ms: float) -> None:
    for label, q in (("p50", 50), ("p95", 95)):
        report(f"{name}_{label}", float(np.percentile(latencies, q)), "ms", f"< {target_ms:g}" if label == "p95" else "-")


def recorded_sides(base: str, year: int) -> dict[str, str]:
    units = httpx.get(f"{base}/api/elections/{year}/map", timeout=10).json()["units"]
    return {u["code"]: u["side"] for u in units if u["side"]}


def distinct_whatifs(count: int = DISTINCT_WHATIFS, seed: int = 2020) -> list[bytes]:
    """``count`` different what-if requests (flips of 1-7 of 18 2020 battlegrounds): none is cached."""
    battlegrounds = ["PA", "GA", "AZ", "WI", "MI", "NV", "NC", "FL", "TX", "OH", "IA", "MN", "NH", "ME-2", "NE-2",
                     "VA", "CO", "NM"]
    rng = np.random.default_rng(seed)
    seen: set[tuple[str, ...]] = set()
    while len(seen) < count:
        seen.add(tuple(sorted(rng.choice(battlegrounds, size=int(rng.integers(1, 8)), replace=False).tolist())))
    return [http_request("POST", "/api/whatif", json.dumps({"year": 2020, "flips": dict.fromkeys(flips)}).encode())
            for flips in sorted(seen)]


def sequential(base: str, path: str, body: dict, repeat: int = 40) -> np.ndarray:
    """Latencies in milliseconds of one client sending the same request ``repeat`` times."""
    latencies = []
    with httpx.Client(base_url=base, timeout=30) as client:
        client.post(path, json=body).raise_for_status()
        for _ in range(repeat):
            start = time.perf_counter()
            client.post(path, json=body).raise_for_status()
            latencies.append((time.perf_counter() - start) * 1000)
    return np.array(latencies)


def main() -> None:
    for workers in (1, 2):  # electoral serve's default, and --workers 2 on this 2-core machine
        run_suite(workers)


def run_suite(workers: int) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(port, workers)
    tag = "" if workers == 1 else f"_{workers}_workers"
    try:
        winners = recorded_sides(base, 2020)
        winners.update(GA="R", AZ="R", WI="R")
        tally = http_request("GET", "/api/elections/2020/tally")
        scenario = http_request("POST", "/api/scenario", json.dumps({"year": 2020, "winners": winners}).encode())
        whatifs = distinct_whatifs()
        loads = {  # name: (timed requests, warm-up request)
            "tally": ([tally], tally),
            "scenario": ([scenario], scenario),
            "whatif": (whatifs[1:], whatifs[0]),  # every timed what-if is a new one (not cached)
            "whatif_repeated": ([whatifs[0]], whatifs[0]),  # one what-if again and again (from the cache)
        }
        for name, (requests, _) in loads.items() if workers == 1 else ():
            # one client, before any load: the last what-ifs of the list are new to the server's cache
            requests = whatifs[-CPU_REQUESTS:] if name == "whatif" else (requests * CPU_REQUESTS)[:CPU_REQUESTS]
            report(f"api_{name}_cpu_per_request", cpu_per_request(server, port, requests), "us", "- (client=python)")
        for name, (requests, warmup) in loads.items():
            if shutil.which("wrk"):
                p50, p95, rate = wrk_load(port, requests, warmup)
                client = "wrk"
            else:
                latencies = uvloop.run(load(port, requests, warmup))
                p50, p95 = np.percentile(latencies, 50), np.percentile(latencies, 95)
                rate, client = len(latencies) / (latencies.sum() / 1000 / CLIENTS), "python"
            label = f"api{tag}_{name}_{CLIENTS}_clients"
            report(f"{label}_p50", p50, "ms", f"- (client={client})")
            report(f"{label}_p95", p95, "ms", f"< 20 (client={client})")
            report(f"api{tag}_{name}_throughput", rate, "requests/s", f"- (client={client})")
        if workers > 1:
            return
        tossups = {code: 0.5 for code in ("PA", "GA", "AZ", "WI", "MI", "NV", "NC", "FL")}
        for name, body in (("independent", {"year": 2020, "probabilities": tossups}),
                           ("national_0.5", {"year": 2020, "probabilities": tossups, "national": 0.5}),
                           ("all_56_units", {"year": 2020, "missing": "even"})):
            report_latencies(f"api_probability_exact_{name}", sequential(base, "/api/probability/exact", body), 50)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
