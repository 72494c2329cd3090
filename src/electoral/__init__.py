"""electoral: an engine for the U.S. Electoral College.

>>> import electoral
>>> electoral.election(2020).tally().winner
'Joe Biden'
"""

from __future__ import annotations

from electoral.errors import ElectoralError, InvalidInput, UnknownUnit, UnknownYear
from electoral.units import Units, election_years, units_for

__all__ = [
    "ElectoralError",
    "InvalidInput",
    "UnknownUnit",
    "UnknownYear",
    "Units",
    "election",
    "election_years",
    "units_for",
    "calendar_for",
    "status_as_of",
]

__version__ = "0.1.0"


def __getattr__(name: str):  # lazy: keep ``import electoral`` fast
    if name == "election":
        from electoral.record import election

        return election
    if name in ("calendar_for", "status_as_of"):  # the certification calendar (docs/calendar.md)
        from electoral import certification

        return getattr(certification, name)
    raise AttributeError(f"module 'electoral' has no attribute {name!r}")
