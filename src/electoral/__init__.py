"""electoral: an engine for the U.S. Electoral College.

>>> import electoral
>>> electoral.election(2020).tally().winner
'Joe Biden'
>>> electoral.faithless_law("WA", 2016).text, electoral.compact_membership(2024).electoral_votes
('binding law with a penalty (RCW 29A.56.340 (civil penalty up to $1000)); vote counted', 209)
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
    "faithless_law",
    "compact_membership",
]

__version__ = "0.1.0"


def __getattr__(name: str):  # lazy: keep ``import electoral`` fast
    if name == "election":
        from electoral.record import election

        return election
    if name in ("calendar_for", "status_as_of"):  # the certification calendar (docs/calendar.md)
        from electoral import certification

        return getattr(certification, name)
    if name == "faithless_law":  # a state's faithless-elector law in a year (docs/contingent.md)
        from electoral.rules.faithless import law_in_force

        return law_in_force
    if name == "compact_membership":  # the popular-vote compact on a year's Election Day (docs/compact.md)
        from electoral.rules.compact import membership

        return membership
    raise AttributeError(f"module 'electoral' has no attribute {name!r}")
