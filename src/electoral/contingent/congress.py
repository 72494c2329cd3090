"""Each state's House delegation and the Senate on the first day of a Congress (packaged tables).

Members seated on the reference date (the first day of the Congress's first regular session for
the House, of its first session for the Senate); vacancies are apportioned seats with no member
seated. ``dem`` and ``rep`` are Democrats and Republicans (``rep`` from 1855); everyone else,
independents included, is ``other`` with their parties named in ``other_parties``.

>>> h = house(117)
>>> h.reference_date, len(h.delegations), h.delegation("PA").split, h.delegation("LA").vacant
('2021-01-03', 50, True, 1)
>>> s = senate(117)
>>> s.dem, s.rep, s.other, s.vacant, s.seats
(46, 51, 2, 1, 100)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from electoral.data.loaders import rows_for
from electoral.errors import UnknownUnit, UnknownYear

PARTIES = ("dem", "rep", "other")


@dataclass(frozen=True, slots=True)
class Delegation:
    """One state's Representatives seated on the first day, by party."""

    state: str
    dem: int
    rep: int
    other: int
    vacant: int | None  # None where the source's seat count conflicts or is missing
    seats: int | None
    other_parties: str = ""
    conflict: bool = False

    @property
    def seated(self) -> int:
        """Members seated (vacant seats do not vote)."""
        return self.dem + self.rep + self.other

    @property
    def majority_party(self) -> str | None:
        """``dem``, ``rep`` or ``other`` if that group holds more than half the seated members, else None.

        >>> Delegation("XX", 3, 2, 1, 0, 6).majority_party, Delegation("XX", 4, 2, 0, 0, 6).majority_party
        (None, 'dem')
        """
        for party in PARTIES:
            if 2 * getattr(self, party) > self.seated:
                return party
        return None

    @property
    def split(self) -> bool:
        """Evenly divided between Democrats and Republicans (it casts no vote on party lines)."""
        return self.seated > 0 and self.dem == self.rep and self.other == 0


@dataclass(frozen=True)
class House:
    """The House of one Congress on its first day: one delegation per state in the Union (DC has none)."""

    congress: int
    first_year: int
    reference_date: str
    delegations: tuple[Delegation, ...]

    def delegation(self, state: str) -> Delegation:
        """The delegation of ``state`` (a two-letter code)."""
        for d in self.delegations:
            if d.state == state.upper():
                return d
        raise UnknownUnit(f"{state!r} had no House delegation in the {ordinal(self.congress)} Congress")


@dataclass(frozen=True)
class Senate:
    """The Senate of one Congress on its first day."""

    congress: int
    reference_date: str
    dem: int
    rep: int
    other: int
    vacant: int
    seats: int  # two per state in the Union: the whole number of Senators
    other_parties: str
    vacant_states: str

    @property
    def seated(self) -> int:
        """Senators seated."""
        return self.dem + self.rep + self.other

    def caucusing(self, party: str) -> int:
        """Others recorded (Bioguide) as caucusing with ``party`` ("Democrat" or "Republican").

        >>> senate(119).caucusing("Democrat"), senate(117).caucusing("Democrat")
        (2, 0)
        """
        total = 0
        for part in filter(None, (p.strip() for p in self.other_parties.split(";"))):
            label, _, count = part.rpartition(" ")
            if f"[caucus {party}]" in label:
                total += int(count)
        return total


def ordinal(n: int) -> str:
    """``117`` -> ``'117th'``.

    >>> ordinal(1), ordinal(2), ordinal(3), ordinal(11), ordinal(112), ordinal(117)
    ('1st', '2nd', '3rd', '11th', '112th', '117th')
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@lru_cache(maxsize=None)
def _congress_row(congress: int) -> Any:
    rows = rows_for("congresses", congress)
    if rows:
        return rows[0]
    raise UnknownYear(f"no {ordinal(congress)} Congress in the tables: they cover the 1st to the 119th")


@lru_cache(maxsize=None)
def house(congress: int) -> House:
    """The House of ``congress`` on its reference date.

    >>> h = house(18)
    >>> h.reference_date, len(h.delegations)
    ('1823-12-01', 24)
    """
    row = _congress_row(congress)
    delegations = tuple(Delegation(r.state, r.dem, r.rep, r.other, r.vacant, r.seats, r.other_parties, r.conflict == 1)
                        for r in rows_for("congress_house_delegations", congress))
    return House(congress, row.first_year, row.house_reference_date.isoformat(), delegations)


@lru_cache(maxsize=None)
def senate(congress: int) -> Senate:
    """The Senate of ``congress`` on its reference date.

    >>> s = senate(107)
    >>> s.dem, s.rep, s.seats
    (50, 50, 100)
    """
    r = _congress_row(congress)
    return Senate(congress, r.senate_reference_date.isoformat(), r.senate_dem, r.senate_rep, r.senate_other,
                  r.senate_vacant, r.senate_seats, r.senate_other_parties, r.senate_vacant_states)
