"""The per-click requests answered without FastAPI's per-request machinery (an ASGI middleware).

FastAPI's middleware, routing, dependency solving and body handling cost 0.1-0.2 ms a request on
a small machine, as much as a what-if itself; with 50 concurrent clients that overhead alone
doubled the latency. :class:`LeanRoutes` answers the hottest requests (a recorded tally, a
what-if, the map's side tally) straight from the functions the FastAPI routes call, with the same
bytes. ``create_app()`` puts it in front of everything FastAPI does (:class:`~electoral.api.app.LeanFastAPI`).

It answers only what it is sure of. Anything else (a body that does not parse or validate, a
library error, a query string, another content type, a House re-apportionment, which runs in a
thread) is passed on, body included, to FastAPI, which answers it as it always has: errors, the
OpenAPI schema and ``/docs`` stay FastAPI's. ``tests/api/test_lean.py`` checks both paths agree.

>>> from fastapi.testclient import TestClient
>>> from electoral.api.app import create_app
>>> TestClient(create_app()).get("/api/elections/2020/tally").json()["outcome"]
'Joe Biden wins with 306 electoral votes of 538; 270 needed'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

import orjson
from pydantic import BaseModel
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from electoral.api.routes.record import json_response, tally_doc
from electoral.api.routes.scenario import side_tally_response, whatif_doc
from electoral.api.schemas import ScenarioIn, WhatIfIn
from electoral.scenario import reapportions

MAX_BODY = 64 * 1024  # a what-if is under 2 kB (lists are capped); anything larger goes to FastAPI


class LeanRoute(NamedTuple):
    """A request the middleware answers: ``answer`` returns the response, or None to pass it on."""

    method: str
    path: re.Pattern[str]
    answer: Callable[[re.Match[str], bytes], Response | None]


def _body(model: type[BaseModel], body: bytes) -> BaseModel:
    # As FastAPI reads a JSON body: the decoded document validated in Python mode. What orjson
    # refuses and json would accept (NaN, integers beyond 64 bits, UTF-16) raises: FastAPI decides.
    return model.model_validate(orjson.loads(body))


def _tally(match: re.Match[str], body: bytes) -> Response:
    return json_response(tally_doc(int(match[1])))


def _whatif(match: re.Match[str], body: bytes) -> Response | None:
    request = _body(WhatIfIn, body)
    if reapportions(request):  # FastAPI's route runs it in a thread
        return None
    return json_response(whatif_doc(request))


def _side_tally(match: re.Match[str], body: bytes) -> Response:
    return side_tally_response(_body(ScenarioIn, body))


ROUTES: tuple[LeanRoute, ...] = (
    LeanRoute("GET", re.compile(r"/api/elections/(\d{4})/tally"), _tally),
    LeanRoute("POST", re.compile(r"/api/whatif"), _whatif),
    LeanRoute("POST", re.compile(r"/api/scenario"), _side_tally),
)


class LeanRoutes:
    """ASGI middleware: answer :data:`ROUTES` directly, pass everything else on to ``app``."""

    def __init__(self, app: ASGIApp, routes: tuple[LeanRoute, ...] = ROUTES) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = self._route(scope)
        if found is None:
            await self.app(scope, receive, send)
            return
        route, match = found
        body, complete = await _read_body(receive)
        if body is None:  # the client left
            return
        response = None
        if complete:
            try:
                response = route.answer(match, body)
            except Exception:  # noqa: BLE001 - FastAPI answers it again and reports the error its own way
                response = None
        if response is None:
            await self.app(scope, _replay(body, complete, receive), send)
            return
        await response(scope, receive, send)

    def _route(self, scope: Scope) -> tuple[LeanRoute, re.Match[str]] | None:
        if scope["type"] != "http" or scope.get("query_string"):
            return None
        for route in self.routes:
            if scope["method"] == route.method and (match := route.path.fullmatch(scope["path"])):
                if route.method == "POST" and not _is_json(scope):
                    return None
                return route, match
        return None


def _is_json(scope: Scope) -> bool:
    """True if the request says its body is plain ``application/json`` (other types go to FastAPI)."""
    types = [value for name, value in scope["headers"] if name == b"content-type"]
    return len(types) == 1 and types[0].split(b";")[0].strip().lower() == b"application/json"


async def _read_body(receive: Receive) -> tuple[bytes | None, bool]:
    """The request body and whether it is complete (False: more than MAX_BODY); None if the client left."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None, False
        chunk = message.get("body", b"")
        chunks.append(chunk)
        size += len(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), True
        if size > MAX_BODY:
            return b"".join(chunks), False


def _replay(body: bytes, complete: bool, receive: Receive) -> Receive:
    """A ``receive`` that first gives back what was read, then continues with the client's."""
    pending = [{"type": "http.request", "body": body, "more_body": not complete}]

    async def replayed() -> Message:
        return pending.pop() if pending else await receive()

    return replayed
