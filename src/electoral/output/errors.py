"""Output model of every error body of the HTTP API.

>>> from electoral.output.base import document
>>> document(error_out("unknown unit 'ZZ'"))
{'error': "unknown unit 'ZZ'"}
"""

from __future__ import annotations

from typing import Any

from electoral.output.base import Output


class ErrorOut(Output):
    """Every 4xx/5xx body: one message naming the bad value (``detail`` lists validation errors)."""

    error: str
    detail: list[dict[str, Any]] | None = None


def error_out(message: str, detail: list[dict[str, Any]] | None = None) -> ErrorOut:
    """An error body; ``detail`` (validation errors) is left out when not given."""
    if detail is None:
        return ErrorOut.of(error=message)
    return ErrorOut.of(error=message, detail=detail)
