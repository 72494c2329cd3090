"""Schemathesis against the OpenAPI schema: no input gives a 5xx, every response matches the schema.

Generated requests (valid and invalid) go to every documented operation. The checks fail on any
5xx, an undocumented status code, a wrong content type, or a body that violates the response model.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from electoral.api.app import app

schema = schemathesis.openapi.from_asgi("/openapi.json", app)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

# Keep the run short: simulations are valid up to 200,000 draws and exact odds with a national share
# near 1 take seconds; the examples here stay small (still valid requests) so the run takes < 60 s.
SMALL = {"draws": 2_000, "national": 0.6}


def _keep_small(body: object) -> None:
    if isinstance(body, dict):
        for key, ceiling in SMALL.items():
            value = body.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value > ceiling:
                body[key] = type(value)(ceiling)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case) -> None:
    _keep_small(case.body)
    case.call_and_validate(checks=CHECKS)


def test_every_api_route_is_in_the_schema() -> None:
    """Schemathesis reaches every endpoint only if the schema lists it (the event stream is endless by design)."""
    import importlib

    from electoral.api.app import ROUTE_MODULES

    listed = {(path, method.upper()) for path, item in app.openapi()["paths"].items() for method in item}
    routes = {("/api" + route.path, method) for name in ROUTE_MODULES
              for route in importlib.import_module(name).router.routes
              if not route.path.endswith("/stream") for method in route.methods}
    assert routes == listed
