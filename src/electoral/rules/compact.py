"""The National Popular Vote Interstate Compact as data: who was a member on a year's Election Day, and
whether the members held the majority of electors that brings it into force.

Members and the dates their laws were enacted are ``allocation_npvic.csv`` (built by
``scripts/build_law_tables.py`` from a cited input: each state's signing, veto override or
law-without-signature, with the statute and the sources; see docs/compact.md). A state is a member
in the election of ``year`` when its law was enacted on or before that year's Election Day (from the
certification calendar, :mod:`electoral.rules.calendar`); its electors are those of the
apportionment in force (:func:`electoral.rules.apportionment.electors_in_force`). The compact binds
its members only once they hold a majority of all electors (270 of 538; Article III of the compact).

>>> m = membership(2024)
>>> len(m.members), m.electoral_votes, m.needed, m.active
(18, 209, 270, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from electoral.data.loaders import read_rows
from electoral.rules.apportionment import electors_in_force
from electoral.rules.calendar import calendar_for
from electoral.tally import majority_needed


@dataclass(frozen=True)
class Member:
    """One member of the compact: its enactment date, how it was enacted, the statute and the sources."""

    state: str
    enacted: date
    how: str
    citation: str
    source: str
    note: str = ""


@dataclass(frozen=True)
class Membership:
    """The compact on the Election Day of ``year``: its members with their electors, and whether it is active.

    ``electors`` are ``((state, electors), ...)`` in order of enactment; ``needed`` is a majority of all
    electors appointed that year; ``active`` is ``electoral_votes >= needed``.
    """

    year: int
    election_day: date
    members: tuple[Member, ...]
    electors: tuple[tuple[str, int], ...]
    total_electors: int

    @property
    def electoral_votes(self) -> int:
        """The members' electors together."""
        return sum(n for _, n in self.electors)

    @property
    def needed(self) -> int:
        """A majority of all electors (270 of 538)."""
        return majority_needed(self.total_electors)

    @property
    def active(self) -> bool:
        """Whether the members hold the majority that brings the compact into force."""
        return self.electoral_votes >= self.needed

    @property
    def states(self) -> tuple[str, ...]:
        """The members' codes in order of enactment."""
        return tuple(m.state for m in self.members)


@lru_cache(maxsize=1)
def compact_members() -> tuple[Member, ...]:
    """Every member ever, in order of enactment (``allocation_npvic.csv``).

    >>> compact_members()[0].state, compact_members()[0].enacted.isoformat()
    ('MD', '2007-04-10')
    """
    return tuple(Member(r.state, r.enacted, r.how, r.citation, r.source, r.note)
                 for r in sorted(read_rows("allocation_npvic"), key=lambda r: (r.enacted, r.state)))


@lru_cache(maxsize=None)
def membership(year: int) -> Membership:
    """The compact's members on the Election Day of ``year`` and their electors under that year's apportionment.

    Raises :class:`~electoral.errors.UnknownYear` / :class:`~electoral.errors.InvalidInput` for a year
    the calendar does not know (not a presidential election year).

    >>> membership(2020).states[-1], membership(2020).electoral_votes, "MN" in membership(2020).states
    ('OR', 196, False)
    >>> membership(2004).electoral_votes, membership(2008).states
    (0, ('MD', 'NJ', 'IL', 'HI'))
    """
    day = calendar_for(year).step("election_day").date
    electors = electors_in_force(year)
    members = tuple(m for m in compact_members() if m.enacted <= day and m.state in electors)
    return Membership(year, day, members, tuple((m.state, electors[m.state]) for m in members),
                      sum(electors.values()))
