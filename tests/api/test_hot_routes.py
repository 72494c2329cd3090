"""The per-click routes (tally, what-if, side tally) are ordinary FastAPI routes with a fast path.

Their fast path (:mod:`electoral.api.fastpath`) must answer exactly as FastAPI's own handler of the
same route: the same status, content type and bytes, over fixed cases and a Hypothesis search of
what-if bodies. ``PLAIN`` is the same app with the fast paths taken off. Middleware added the
ordinary way sees these routes.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor

import fastapi.routing
import pytest
from fastapi import Request
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from electoral.api.app import create_app
from electoral.api.routes import record, scenario
from electoral.api.routes.scenario import scenario_of
from electoral.api.schemas import WhatIfIn
from electoral.errors import ElectoralError
from electoral.scenario import reapportions

HOT = [("GET", "/api/elections/2020/tally", None), ("POST", "/api/whatif", {"year": 2020, "flips": {"GA": None}}),
       ("POST", "/api/scenario", {"year": 2020, "winners": {"GA": "R"}})]


def _plain_client() -> TestClient:
    """The app with FastAPI's own handlers on the hot routes (built, on first use, while the marks are off)."""
    endpoints = (record.tally, scenario.whatif, scenario.scenario)
    marks = [endpoint.fast_path for endpoint in endpoints]
    try:
        for endpoint in endpoints:
            del endpoint.fast_path
        client = TestClient(create_app())
        for method, path, body in HOT:
            assert client.request(method, path, json=body).status_code == 200
    finally:
        for endpoint, mark in zip(endpoints, marks):
            endpoint.fast_path = mark
    return client


FAST = TestClient(create_app())
PLAIN = _plain_client()


def _same(method: str, path: str, **request) -> None:
    fast, plain = FAST.request(method, path, **request), PLAIN.request(method, path, **request)
    assert (fast.status_code, fast.headers["content-type"], fast.content) == \
           (plain.status_code, plain.headers["content-type"], plain.content), (method, path, request)
    assert fast.status_code < 500


def test_the_fast_paths_skip_fastapis_parsing_and_the_plain_app_does_not(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("FastAPI's dependency solving ran")

    monkeypatch.setattr(fastapi.routing, "solve_dependencies", refuse)
    fast, plain = TestClient(FAST.app, raise_server_exceptions=False), TestClient(PLAIN.app, raise_server_exceptions=False)
    for method, path, body in HOT:
        assert fast.request(method, path, json=body).status_code == 200
        assert plain.request(method, path, json=body).status_code == 500


def test_middleware_added_the_ordinary_way_sees_the_hot_routes() -> None:
    app = create_app()
    seen: list[str] = []

    @app.middleware("http")
    async def spy(request: Request, call_next):
        seen.append(f"{request.method} {request.url.path}")
        response = await call_next(request)
        response.headers["x-seen"] = "1"
        return response

    client = TestClient(app)
    for method, path, body in HOT:
        answer = client.request(method, path, json=body)
        assert answer.status_code == 200 and answer.headers["x-seen"] == "1"
    assert seen == [f"{method} {path}" for method, path, _ in HOT]


@pytest.mark.parametrize("path", ["/api/elections/2020/tally", "/api/elections/1800/tally",
                                  "/api/elections/2023/tally", "/api/elections/0800/tally",
                                  "/api/elections/02020/tally", "/api/elections/x/tally",
                                  "/api/elections/2020/tally?pretty=1", "/api/elections/%C2%B2/tally"])
def test_tally_paths(path: str) -> None:
    _same("GET", path)


@pytest.mark.parametrize("content", [
    b'{"year": 2020, "flips": {"GA": null, "AZ": null, "WI": null}}',
    b'{"year": 2020, "flips": {"ZZ": null}}',  # unknown unit: a library error
    b'{"year": 2020, "swing": "R+NaN"}',
    b'{"year": "2020", "flips": {"pa": "Trump"}}',  # coerced as FastAPI coerces
    b'{"year": 2020, "house_size": 600}',  # re-apportioned: in a thread
    b'{"year": NaN}', b'{"year": 2020, "house_size": 123456789012345678901234567890}',
    b'{"year": 2020', b"", b"[]", b"null", '{"year": 2020, "swing": "D+1"}'.encode("utf-16"),
    b'{"year": 2020, "flips": {"GA": null}, "flips": {"AZ": null}}',  # duplicate keys: the last counts
])
def test_whatif_bodies(content: bytes) -> None:
    _same("POST", "/api/whatif", content=content, headers={"content-type": "application/json"})


@pytest.mark.parametrize("headers", [{}, {"content-type": "text/plain"}, {"content-type": "application/json; charset=utf-8"},
                                     {"content-type": "application/merge-patch+json"}])
def test_whatif_content_types(headers: dict) -> None:
    _same("POST", "/api/whatif", content=b'{"year": 2016, "flips": {"WI": null}}', headers=headers)


@pytest.mark.parametrize("body", [{"year": 2020, "winners": {"GA": "R", "AZ": "R", "WI": "R"}},
                                  {"year": 2020, "winners": {"GA": "X"}}, {"year": 1788, "winners": {}}, {},
                                  {"year": 1856, "winners": {"CA": "D"}}])
def test_side_tally_bodies(body: dict) -> None:
    _same("POST", "/api/scenario", json=body)
    _same("POST", "/api/scenario", json=body)  # the second time from the cache


CODES = ["PA", "GA", "AZ", "WI", "MI", "NV", "NC", "NE-2", "ME-2", "DC", "CA", "TX", "me-1", "va", "ZZ"]
VALID = st.fixed_dictionaries({"year": st.sampled_from([2020, 2016, 2000, 1968, 1912, 1824, 1800])}, optional={
    "flips": st.dictionaries(st.sampled_from(CODES[:-1]), st.none(), max_size=6),
    "swing": st.sampled_from(["R+1.5", "D+0.3", "R+4"]),
    "method": st.sampled_from(["district", "proportional:webster", "npvic", "winner-take-all"]),
    "remove": st.lists(st.sampled_from(["DC", "CA", "TX"]), max_size=2),
    "house_size": st.sampled_from([None, 435, 600]),  # a re-apportionment: in a thread
    "margin": st.sampled_from(["all", "two-party"]),
    "unknown_field": st.integers(),  # ignored, as FastAPI ignores it
})
ANY = st.fixed_dictionaries({"year": st.sampled_from([2020, 1789, 2023, "2020", "x", None])}, optional={
    "flips": st.dictionaries(st.sampled_from(CODES), st.sampled_from([None, "D", "R", "Trump", "Clinton", "Nobody", 3]),
                             max_size=5),
    "swing": st.sampled_from(["R+1.5", "Biden+2", "X+1", "R+", "nonsense"]),
    "state_swings": st.dictionaries(st.sampled_from(CODES), st.sampled_from(["D+2", "R+0.1", "?"]), max_size=2),
    "method": st.sampled_from(["district", "npvic", "lottery"]),
    "methods": st.dictionaries(st.sampled_from(CODES), st.sampled_from(["district", "npvic", "x"]), max_size=2),
    "remove": st.lists(st.sampled_from(CODES), max_size=2),
    "add_states": st.dictionaries(st.sampled_from(["PR", "GU", "XX"]), st.one_of(st.none(), st.floats(0, 1e7)),
                                  max_size=1),
    "blank": st.booleans(),
    "margin": st.sampled_from(["all", "two-party", "Two-Party", "popular", None]),
})
WHATIFS = st.one_of(VALID, ANY)  # about half are answered by the fast path, half are errors


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WHATIFS)
def test_any_whatif_answers_as_fastapi_would(body: dict) -> None:
    _same("POST", "/api/whatif", content=json.dumps(body).encode(), headers={"content-type": "application/json"})
    try:  # the request decides where it runs by the library's rule
        request = WhatIfIn.model_validate(body)
        scenario = scenario_of(request)
    except (ValidationError, ElectoralError):
        return
    assert reapportions(request) == scenario.reapportions


def _call(app, method: str, path: str, chunks: list[bytes]) -> tuple[int, bytes]:
    """Status and body of one request whose body arrives in ``chunks``, straight through the ASGI app."""
    messages = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]
    sent: list[dict] = []

    async def receive():
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "path": path,
             "raw_path": path.encode(), "root_path": "", "scheme": "http", "query_string": b"",
             "headers": [(b"host", b"test"), (b"content-type", b"application/json")],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    # a thread of its own: the browser tests' Playwright keeps an event loop running in the main thread of the
    # same test process, and asyncio.run refuses to start inside it
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, app(scope, receive, send)).result()
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_a_body_in_pieces_is_read_whole() -> None:
    whole = b'{"year": 2020, "flips": {"GA": null}}'
    status, content = _call(FAST.app, "POST", "/api/whatif", [whole[:7], whole[7:20], whole[20:]])
    assert status == 200 and content == FAST.post("/api/whatif", content=whole,
                                                  headers={"content-type": "application/json"}).content
