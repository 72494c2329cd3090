"""One small hierarchy of errors, each naming the bad value.

The CLI turns any :class:`ElectoralError` into one line on stderr and exit code 2;
the HTTP API turns it into a 4xx response with a JSON body.
"""

from __future__ import annotations


class ElectoralError(ValueError):
    """Base class: bad input or a question the record cannot answer."""


class UnknownYear(ElectoralError):
    """A year with no presidential election in the record (or not a valid year at all)."""


class UnknownUnit(ElectoralError):
    """A state, district or candidate code that does not exist for the year asked."""


class InvalidInput(ElectoralError):
    """A malformed value: a probability outside [0, 1], NaN, a bad file, a bad option."""
