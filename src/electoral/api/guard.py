"""An ASGI middleware ahead of the application: bounded request bodies, and HEAD answered as GET.

- A request whose ``Content-Length`` exceeds the limit is refused with 413 before any byte of its
  body is read; any other body is read here, counting bytes, and refused with 413 as soon as it
  passes the limit (a chunked body has no length to check first). Nothing is parsed until the whole
  body is in, so a large body costs at most the limit in memory.
- The whole body must arrive within ``seconds``, else 408: a body that never ends does not hold a
  connection (and its memory) forever.
- ``HEAD`` is answered as ``GET`` without the body (FastAPI's routes list GET only, which made HEAD 405).

The application then sees the body it would have read, and later ``receive`` calls go to the server
(a route learns that its client went away from them).

>>> from fastapi.testclient import TestClient
>>> from electoral.api.app import create_app
>>> TestClient(create_app()).post("/api/scenario", content=b"x" * (5 << 20)).status_code  # over 4 MiB
413
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import orjson

from electoral.output.base import document
from electoral.output.errors import error_out

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Message, Receive, Send], Awaitable[None]]


class TooLarge(Exception):
    """The body passed the limit."""


class BodyGuard:
    """Wrap ``app``: bodies of at most ``limit`` bytes, received within ``seconds`` (see the module docstring)."""

    def __init__(self, app: ASGIApp, limit: int, seconds: float) -> None:
        self.app, self.limit, self.seconds = app, limit, seconds

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if scope["method"] == "HEAD":
            scope, send = {**scope, "method": "GET"}, _without_body(send)
        length = _content_length(scope)
        if length is not None and length > self.limit:
            return await _refuse(send, 413, self._too_large(f"Content-Length {length:,}"))
        try:
            async with asyncio.timeout(self.seconds):
                body = await self._read(receive)
        except TooLarge:
            return await _refuse(send, 413, self._too_large("the body"))
        except TimeoutError:
            return await _refuse(send, 408, f"the request body did not arrive within the server's limit of "
                                            f"{self.seconds:g} s (--body-timeout)")
        if body is None:  # the client went away while sending
            return None
        return await self.app(scope, _replay(body, receive), send)

    def _too_large(self, what: str) -> str:
        return f"{what} exceeds the server's limit of {self.limit:,} bytes per request body (--body-limit)"

    async def _read(self, receive: Receive) -> bytes | None:
        parts, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                raise TooLarge
            parts.append(chunk)
            more = message.get("more_body", False)
        return b"".join(parts)


def _content_length(scope: Message) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isascii() and text.isdigit() else None
    return None


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives ``body`` once, then asks the server (for the disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


def _without_body(send: Send) -> Send:
    """A ``send`` for HEAD: the GET's status and headers (Content-Length included), no body."""
    done = False

    async def head(message: Message) -> None:
        nonlocal done
        if message["type"] != "http.response.body":
            return await send(message)
        if not done:
            done = True
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        return None

    return head


async def _refuse(send: Send, status: int, message: str) -> None:
    body = orjson.dumps(document(error_out(message)))
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
