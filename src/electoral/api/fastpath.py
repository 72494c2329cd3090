"""Per-click routes that stay ordinary FastAPI routes but skip FastAPI's body and parameter machinery.

:class:`FastPathRoute` is a FastAPI route class (``APIRouter(route_class=FastPathRoute)``). Routing,
middleware, exception handlers and the OpenAPI schema are FastAPI's as for any route; only the
route's own handler changes. An endpoint marked with :func:`answers_first` gets ``fast(request)``
called first, which reads the raw request (a path parameter, the JSON body with ``orjson``) and
returns a response, or None when it is not sure it would read the request exactly as FastAPI does;
then FastAPI's own handler answers, body included (Starlette keeps the body it read). A library
error raised by ``fast`` is answered by the app's exception handlers, as from the endpoint.

FastAPI's dependency solving and body handling cost about 50 µs a request, as much as a new
what-if; a fast path skips them. ``tests/api/test_hot_routes.py`` checks that both give the same
bytes, and that middleware added the ordinary way sees these routes.

>>> from fastapi.testclient import TestClient
>>> from electoral.api.app import create_app
>>> TestClient(create_app()).get("/api/elections/2020/tally").json()["outcome"]
'Joe Biden wins with 306 electoral votes of 538; 270 needed'
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import orjson
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response

FastPath = Callable[[Request], Awaitable[Response | None]]
Model = TypeVar("Model", bound=BaseModel)
Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


def answers_first(fast: FastPath) -> Callable[[Endpoint], Endpoint]:
    """Mark an endpoint: :class:`FastPathRoute` calls ``fast(request)`` before FastAPI's parsing."""

    def mark(endpoint: Endpoint) -> Endpoint:
        endpoint.fast_path = fast  # type: ignore[attr-defined]
        return endpoint

    return mark


class FastPathRoute(APIRoute):
    """An APIRoute whose marked endpoint answers first from the raw request (see the module docstring)."""

    def get_route_handler(self) -> Callable[[Request], Awaitable[Response]]:
        standard = super().get_route_handler()
        fast: FastPath | None = getattr(self.endpoint, "fast_path", None)
        if fast is None:
            return standard

        async def handler(request: Request) -> Response:
            response = await fast(request)
            return response if response is not None else await standard(request)

        return handler


async def json_body(request: Request, model: type[Model]) -> Model | None:
    """The request's body as ``model``, read as FastAPI reads it, or None where FastAPI should decide.

    FastAPI validates the decoded JSON document in Python mode. What ``orjson`` refuses and ``json``
    accepts (NaN, integers beyond 64 bits, UTF-16), any other content type, and bodies that do not
    validate return None: FastAPI then answers with its own status and error body.
    """
    types = request.headers.getlist("content-type")
    if len(types) != 1 or types[0].split(";")[0].strip().lower() != "application/json":
        return None
    try:
        return model.model_validate(orjson.loads(await request.body()))
    except ValueError:  # orjson.JSONDecodeError and pydantic's ValidationError are ValueErrors
        return None
