"""The lean middleware answers exactly as FastAPI would, and passes on everything it is unsure of."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
import json

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from electoral.api.app import create_app
from electoral.api.lean import MAX_BODY, LeanRoutes
from electoral.api.routes.scenario import scenario_of
from electoral.api.schemas import WhatIfIn
from electoral.errors import ElectoralError
from electoral.scenario import reapportions

LEAN = TestClient(create_app())
PLAIN = TestClient(create_app(lean=False))  # every request through FastAPI's routing


def _same(method: str, path: str, **request) -> None:
    lean, plain = LEAN.request(method, path, **request), PLAIN.request(method, path, **request)
    assert (lean.status_code, lean.headers["content-type"], lean.content) == \
           (plain.status_code, plain.headers["content-type"], plain.content), (method, path, request)
    assert lean.status_code < 500


@pytest.mark.parametrize("path", ["/api/elections/2020/tally", "/api/elections/1800/tally",
                                  "/api/elections/2023/tally", "/api/elections/0800/tally",
                                  "/api/elections/02020/tally", "/api/elections/x/tally",
                                  "/api/elections/2020/tally?pretty=1"])
def test_tally_paths(path: str) -> None:
    _same("GET", path)


@pytest.mark.parametrize("content", [
    b'{"year": 2020, "flips": {"GA": null, "AZ": null, "WI": null}}',
    b'{"year": 2020, "flips": {"ZZ": null}}',  # unknown unit: a library error
    b'{"year": 2020, "swing": "R+NaN"}',
    b'{"year": "2020", "flips": {"pa": "Trump"}}',  # coerced as FastAPI coerces
    b'{"year": 2020, "house_size": 600}',  # re-apportioned: FastAPI runs it in a thread
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
                                  {"year": 2020, "winners": {"GA": "X"}}, {"year": 1788, "winners": {}}, {}])
def test_side_tally_bodies(body: dict) -> None:
    _same("POST", "/api/scenario", json=body)


CODES = ["PA", "GA", "AZ", "WI", "MI", "NV", "NC", "NE-2", "ME-2", "DC", "CA", "TX", "me-1", "va", "ZZ"]
VALID = st.fixed_dictionaries({"year": st.sampled_from([2020, 2016, 2000, 1968, 1912, 1824, 1800])}, optional={
    "flips": st.dictionaries(st.sampled_from(CODES[:-1]), st.none(), max_size=6),
    "swing": st.sampled_from(["R+1.5", "D+0.3", "R+4"]),
    "method": st.sampled_from(["district", "proportional:webster", "npvic", "winner-take-all"]),
    "remove": st.lists(st.sampled_from(["DC", "CA", "TX"]), max_size=2),
    "house_size": st.sampled_from([None, 435, 600]),  # a re-apportionment: passed on to FastAPI
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
WHATIFS = st.one_of(VALID, ANY)  # about half are answered by the middleware, half are errors passed on


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


class _Recorder:
    """An inner ASGI app that records what reached it (the request and its whole body)."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, bytes]] = []

    async def __call__(self, scope, receive, send) -> None:
        body, more = b"", True
        while more:
            message = await receive()
            body, more = body + message.get("body", b""), message.get("more_body", False)
        self.seen.append((scope["path"], body))
        await send({"type": "http.response.start", "status": 599, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def _call(app, method: str, path: str, chunks: list[bytes], headers=((b"content-type", b"application/json"),),
          query: bytes = b"") -> int:
    messages = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]
    sent: list[dict] = []

    async def receive():
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "query_string": query, "headers": list(headers)}
    # a thread of its own: the browser tests' Playwright keeps an event loop running in the main thread of the
    # same test process, and asyncio.run refuses to start inside it
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, app(scope, receive, send)).result()
    return sent[0]["status"] if sent else 0


def test_answers_without_fastapi_and_passes_on_the_whole_body() -> None:
    inner = _Recorder()
    lean = LeanRoutes(inner)
    assert _call(lean, "GET", "/api/elections/2020/tally", [b""]) == 200
    assert _call(lean, "POST", "/api/whatif", [b'{"year": 2020, ', b'"flips": {"GA": null}}']) == 200
    assert inner.seen == []  # both answered by the middleware
    passed = [b'{"year": 2020, "flips": {"ZZ": null}}',  # a library error
              b'{"year": 2020, "house_size": 500}',  # a re-apportionment
              b"x" * (MAX_BODY + 10)]  # too large to read here
    for body in passed:
        assert _call(lean, "POST", "/api/whatif", [body[:7], body[7:]]) == 599
    assert _call(lean, "POST", "/api/whatif", [b"{}"], headers=()) == 599  # no content type
    assert _call(lean, "GET", "/api/elections/2020/tally", [b""], query=b"x=1") == 599
    assert _call(lean, "GET", "/api/years", [b""]) == 599  # not a lean route
    assert inner.seen == [("/api/whatif", body) for body in passed] + [
        ("/api/whatif", b"{}"), ("/api/elections/2020/tally", b""), ("/api/years", b"")]


def test_a_client_that_leaves_gets_nothing() -> None:
    inner = _Recorder()
    assert _call(LeanRoutes(inner), "POST", "/api/whatif", []) == 0  # nothing sent: only a disconnect arrives
    assert inner.seen == []
