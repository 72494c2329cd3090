"""``electoral serve``: starts the server, prints the URL; bad options are one-line errors."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time

import httpx
import pytest

from electoral.limits import LIMITS
from electoral.units import election_years


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_prints_url_and_answers(workers: str) -> None:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "electoral.cli.app", "serve", "--port", str(port), "--json",
                               "--workers", workers],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = [server.stdout.readline()]
        while lines[-1] and lines[-1].rstrip() != "}":  # the JSON document printed before serving
            lines.append(server.stdout.readline())
        first = json.loads("".join(lines))
        assert first["url"] == f"http://127.0.0.1:{port}/"
        for _ in range(100):  # wait for uvicorn to bind (not a timed assertion: just a bounded wait)
            try:
                response = httpx.get(f"{first['url']}api/years", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert response.json()["years"][-1] == election_years()[-1]
        assert httpx.get(first["url"], timeout=5).status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize(("args", "bad"), [
    (("serve", "--port", "99999"), "99999"), (("serve", "--port", "http"), "http"),
    (("serve", "--host", "no such host!"), "no such host!"), (("serve", "--workers", "0"), "0"),
    (("serve", "--pool-workers", "0"), "--pool-workers"), (("serve", "--pool-queue", "-1"), "-1"),
    (("serve", "--time-limit", "inf"), "inf"), (("serve", "--body-limit", "99999999999"), f"{LIMITS['request_body_bytes'].value:,}"),
    (("serve", "--body-timeout", "ten"), "ten"),
])
def test_serve_bad_options(run_cli, args: tuple[str, ...], bad: str) -> None:
    out = run_cli(*args)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and bad in lines[0]


def test_serve_port_in_use(run_cli) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = run_cli("serve", "--port", str(port))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip().startswith("error: cannot serve on 127.0.0.1:") and str(port) in out.stderr


def _serve(*options: str) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "electoral.cli.app", "serve", "--port", str(port), *options],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):  # a bounded wait for uvicorn to bind
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/years", timeout=5)
            return server, port
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise AssertionError("server did not start")


def test_a_body_that_never_ends_is_answered_408_and_the_connection_closed() -> None:
    server, port = _serve("--body-timeout", "1")
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=20) as connection:
            connection.sendall(b"POST /api/whatif HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               b"Transfer-Encoding: chunked\r\n\r\n5\r\n{\"yea\r\n")  # ... and nothing more
            answer = b""
            while chunk := connection.recv(65536):  # the server closes the connection after its answer
                answer += chunk
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 408")
        assert "--body-timeout" in json.loads(body)["error"]
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_large_declared_body_is_refused_before_it_is_sent() -> None:
    server, port = _serve("--body-limit", "1000")
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=20) as connection:
            connection.sendall(b"POST /api/whatif HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               b"Content-Length: 50000000\r\n\r\n")  # the headers only: the answer comes anyway
            answer = b""
            while chunk := connection.recv(65536):  # the server closes the connection after its answer
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 413") and b"1,000 bytes" in answer
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_client_that_goes_away_has_its_expensive_job_stopped() -> None:
    import psutil

    server, port = _serve()
    body = json.dumps({"year": 2020, "missing": "even", "df": 1, "national": 0.9}).encode()

    def workers() -> set[int]:
        found = set()
        for child in psutil.Process(server.pid).children(recursive=True):
            try:  # a stopped worker may linger a moment as a zombie
                if child.status() != psutil.STATUS_ZOMBIE and "resource_tracker" not in " ".join(child.cmdline()):
                    found.add(child.pid)
            except psutil.Error:
                pass
        return found

    try:
        httpx.post(f"http://127.0.0.1:{port}/api/probability/exact", content=body, timeout=60,
                   headers={"content-type": "application/json"}).raise_for_status()  # starts the pool's worker
        before = workers()
        with socket.create_connection(("127.0.0.1", port)) as connection:
            connection.sendall(b"POST /api/probability/exact HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               b"Content-Length: %d\r\n\r\n" % len(body) + body)
            time.sleep(0.3)  # the job is running; the client leaves
        for _ in range(300):  # a bounded wait (30 s: a replacement worker spawns slowly on a loaded machine)
            if workers() and workers() != before:
                break
            time.sleep(0.1)
        assert before and workers() and not (workers() & before)  # the busy worker was stopped and replaced
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_large_requests_and_answers_cross_the_pool_on_the_real_server() -> None:
    """uvicorn's uvloop leaves a watched pipe non-blocking: a pooled answer (a forecast, ~50 KB) or request (a
    conditional forecast carrying the 56x56 correlation) larger than a pipe's buffer must still cross whole."""
    server, port = _serve()
    try:
        base = f"http://127.0.0.1:{port}/api"
        answer = httpx.post(f"{base}/forecast", json={"year": 2020, "as_of": "2020-11-02", "preset": "example-2020"},
                            timeout=120)
        assert answer.status_code == 200, answer.text
        forecast = answer.json()
        assert len(answer.content) > 65536 or len(json.dumps(forecast["engine"])) > 30000
        given = httpx.post(f"{base}/forecast/conditional", json={"forecast": forecast["engine"], "given": {"PA": "R"}},
                           timeout=120)
        assert given.status_code == 200, given.text
        assert given.json()["p_win"]["D"] < forecast["national"]["p_win"]["D"]
    finally:
        server.terminate()
        server.wait(timeout=10)
