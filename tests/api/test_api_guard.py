"""Request bodies are bounded while they are read (413 before parsing, 408 for a body that never ends);
HEAD answers as GET without a body."""

from __future__ import annotations

import asyncio

import pytest

from electoral.api.guard import BodyGuard
from electoral.limits import LIMITS

LIMIT = LIMITS["request_body_bytes"].value


def test_content_length_over_the_limit_is_refused_before_reading(client, assert_error) -> None:
    body = b'{"year": 2020, "winners": {}, "pad": "' + b"x" * LIMIT + b'"}'
    assert_error(client.post("/api/whatif", content=body, headers={"content-type": "application/json"}),
                 413, f"{LIMIT:,} bytes", "--body-limit")


def test_chunked_body_over_the_limit_is_refused_while_reading(client, assert_error) -> None:
    def chunks():  # no Content-Length: the guard counts the bytes as they come
        for _ in range(LIMIT // 65536 + 2):
            yield b"x" * 65536

    assert_error(client.post("/api/scenario", content=chunks()), 413, f"{LIMIT:,} bytes")


def _call(guard: BodyGuard, messages: list[dict], method: str = "POST") -> tuple[list[dict], list[str]]:
    """Run ``guard`` over a request whose body arrives as ``messages`` and then never ends."""
    sent: list[dict] = []
    seen: list[str] = []

    async def app(scope, receive, send):
        seen.append((await receive())["body"].decode())
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    async def run() -> None:
        queue = list(messages)

        async def receive():
            if queue:
                return queue.pop(0)
            await asyncio.Event().wait()  # a body that never ends

        async def send(message):
            sent.append(message)

        guard.app = app
        await guard({"type": "http", "method": method, "headers": []}, receive, send)

    asyncio.run(run())
    return sent, seen


def test_a_body_that_never_ends_is_408_and_never_parsed() -> None:
    parts = [{"type": "http.request", "body": b'{"year": 20', "more_body": True}]
    sent, seen = _call(BodyGuard(None, limit=100, seconds=0.3), parts)
    assert sent[0]["status"] == 408 and b"0.3 s" in sent[1]["body"] and b"--body-timeout" in sent[1]["body"]
    assert seen == []


def test_a_chunked_body_past_the_limit_never_reaches_the_app() -> None:
    parts = [{"type": "http.request", "body": b"x" * 60, "more_body": True}] * 2
    sent, seen = _call(BodyGuard(None, limit=100, seconds=5), parts)
    assert sent[0]["status"] == 413 and seen == []


def test_a_body_within_the_limit_reaches_the_app_whole() -> None:
    parts = [{"type": "http.request", "body": b"ab", "more_body": True},
             {"type": "http.request", "body": b"cd", "more_body": False}]
    sent, seen = _call(BodyGuard(None, limit=4, seconds=5), parts)
    assert sent[0]["status"] == 200 and seen == ["abcd"]


@pytest.mark.parametrize("path", ["/api/elections/2020/tally", "/api/years", "/api/elections/2020/map", "/",
                                  "/api/calendar/2020", "/openapi.json"])
def test_head_answers_as_get_without_body(client, path: str) -> None:
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]
    assert head.headers.get("content-length") == get.headers.get("content-length")


def test_head_of_a_post_route_is_405_like_get(client) -> None:
    assert client.head("/api/whatif").status_code == client.get("/api/whatif").status_code == 405
