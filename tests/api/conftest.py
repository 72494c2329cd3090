"""A TestClient over the application (no server, no network)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from electoral.api.app import app


@pytest.fixture(scope="session")
def client() -> TestClient:
    return TestClient(app)


def _assert_error(response, status: int, *named: str) -> dict:
    """A JSON error body with ``status`` whose message names each of ``named``."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) <= {"error", "detail"} and isinstance(body["error"], str)
    for value in named:
        assert value in body["error"], (value, body["error"])
    return body


@pytest.fixture
def assert_error():
    """``assert_error(response, status, *named)``: check a JSON error that names the bad values."""
    return _assert_error
