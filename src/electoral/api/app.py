"""The HTTP API and the map page: ``create_app()`` builds the FastAPI application.

Interfaces never compute: each route calls one library function and returns its output model
from :mod:`electoral.output`. Errors: an :class:`~electoral.errors.ElectoralError` becomes a
4xx JSON body ``{"error": "..."}`` naming the bad value; request validation errors become 422
with the same body; anything else is a bug, logged and answered with a plain 500.

>>> from fastapi.testclient import TestClient
>>> TestClient(create_app()).get("/api/elections/2023/tally").json()["error"].split(":")[0]
'no presidential election in 2023'
"""

from __future__ import annotations

import importlib
import logging
import mimetypes
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from electoral import __version__
from electoral.api.docs_page import openapi_html
from electoral.api.guard import BodyGuard
from electoral.api.pool import ClientGone, Pool, PoolFull, TimeLimit
from electoral.api.settings import ServerSettings, settings_from_env
from electoral.errors import ElectoralError, InvalidInput, UnknownUnit, UnknownYear
from electoral.output.base import document
from electoral.output.errors import error_out
from electoral.units import record_span

log = logging.getLogger("electoral.api")

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"

# Each module defines ``router``; add a module here to add its endpoints.
ROUTE_MODULES: tuple[str, ...] = (
    "electoral.api.routes.record",
    "electoral.api.routes.scenario",
    "electoral.api.routes.apportionment",
    "electoral.api.routes.calendar",
    "electoral.api.routes.analysis",
    "electoral.api.routes.probability",
    "electoral.api.routes.forecast",
    "electoral.api.routes.contingent",
    "electoral.api.routes.ledger",
)

MISSING_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>electoral</title></head>
<body><h1>electoral</h1>
<p>The map page assets are missing from this installation (<code>electoral/web/static/</code>).
The JSON API works: see <a href="/docs">/docs</a>.</p></body></html>
"""


def error_status(exc: ElectoralError, method: str) -> int:
    """HTTP status of a library error: a missing year or unit in the URL is 404, bad content 422.

    >>> error_status(UnknownYear("1787"), "GET"), error_status(UnknownUnit("ZZ"), "POST")
    (404, 422)
    """
    if isinstance(exc, (UnknownYear, UnknownUnit)):
        return 404 if method in ("GET", "HEAD") else 422
    return 422 if isinstance(exc, InvalidInput) else 400


def validation_message(errors: list[dict]) -> str:
    """One line from pydantic's validation errors, naming where and what the bad value was.

    >>> validation_message([{"loc": ("body", "year"), "msg": "Input should be a valid integer", "input": "x"}])
    "body.year: Input should be a valid integer (got 'x')"
    """
    parts = []
    for error in errors[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()))
        got = f" (got {error['input']!r})" if "input" in error and not isinstance(error["input"], dict) else ""
        parts.append(f"{where}: {error.get('msg', 'invalid')}{got}"[:300])
    more = f"; and {len(errors) - 3} more" if len(errors) > 3 else ""
    return "; ".join(parts) + more


def _jsonable_errors(errors: list[dict]) -> list[dict]:
    """Validation errors without the raw input/context objects (they may not serialize)."""
    return [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in errors]


def _error_handlers(app: FastAPI) -> None:
    """Library errors 4xx, validation 422, HTTP errors with their status, the pool's 429/503, bugs 500."""
    @app.exception_handler(ElectoralError)
    async def electoral_error(request: Request, exc: ElectoralError) -> JSONResponse:
        return JSONResponse(document(error_out(str(exc))), status_code=error_status(exc, request.method))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        return JSONResponse(document(error_out(validation_message(errors), _jsonable_errors(errors))),
                            status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(document(error_out(f"{exc.detail}: {request.method} {request.url.path}")),
                            status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> JSONResponse:  # a true bug: log it, say little
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(document(error_out("internal error")), status_code=500)
    _pool_errors(app)


def _pool_errors(app: FastAPI) -> None:
    """429 with Retry-After when the pool is full, 503 past the time limit (both JSON, see docs/api.md)."""

    @app.exception_handler(PoolFull)
    async def busy(request: Request, exc: PoolFull) -> JSONResponse:
        return JSONResponse(document(error_out(str(exc))), status_code=429,
                            headers={"Retry-After": str(exc.retry_after)})

    @app.exception_handler(TimeLimit)
    async def too_long(request: Request, exc: TimeLimit) -> JSONResponse:
        return JSONResponse(document(error_out(str(exc))), status_code=503, headers={"Retry-After": "1"})

    @app.exception_handler(ClientGone)
    async def gone(request: Request, exc: ClientGone) -> JSONResponse:  # no one reads it
        return JSONResponse(document(error_out(str(exc))), status_code=503)


def create_app(static_dir: Path | None = None, settings: ServerSettings | None = None) -> FastAPI:
    """Build the application: JSON API under ``/api``, the map page at ``/`` and ``/static``.

    Every request goes through FastAPI's routing and middleware, so middleware added the ordinary
    way (``app.add_middleware``) sees every route, the per-click ones included. ``settings`` (default:
    what ``electoral serve`` put in the environment) size the pool of expensive work and bound bodies.
    """
    chosen = settings_from_env() if settings is None else settings
    pool = Pool(chosen.pool)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        lifespan=lifespan,
        title="electoral",
        version=__version__,
        docs_url=None,  # the default Swagger UI loads from a CDN: /docs is rendered here instead
        redoc_url=None,
        description=f"The U.S. Electoral College over HTTP: the record {record_span()}, what-ifs, analytics, "
                    "probabilities, apportionment, calendar and certification status.",
    )

    _error_handlers(app)
    app.state.pool = pool
    app.add_middleware(BodyGuard, limit=chosen.body_bytes, seconds=chosen.body_seconds)
    for name in ROUTE_MODULES:
        app.include_router(importlib.import_module(name).router, prefix="/api")

    folder = STATIC_DIR if static_dir is None else static_dir
    if folder.is_dir():
        # The page's scripts are ES modules, which browsers run only when served with a JavaScript
        # type; StaticFiles takes the type from the system's table, which can say text/plain for .js
        # (a Windows registry entry, an old mime.types). The standard type (RFC 9239) wins here.
        mimetypes.add_type("text/javascript", ".js")
        app.mount("/static", StaticFiles(directory=folder), name="static")

    docs_page: list[str] = []  # rendered on first request, once the schema has every route

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        if not docs_page:
            docs_page.append(openapi_html(app.openapi()))
        return HTMLResponse(docs_page[0])

    @app.get("/", include_in_schema=False, response_model=None)
    async def index() -> FileResponse | HTMLResponse:
        page = folder / "index.html"
        return FileResponse(page) if page.is_file() else HTMLResponse(MISSING_PAGE)

    return app


app = create_app()
