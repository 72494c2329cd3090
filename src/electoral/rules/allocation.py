"""Allocation: how a state turns its vote into electors, per state and year, and the what-if methods.

The method each state used is data (``allocation_methods.csv``: state, first and last year,
method, source); the methods are registered functions in :data:`ALLOCATION_METHODS`, so the CLI,
API and tests enumerate them:

- ``winner-take-all``: every elector to the statewide plurality winner;
- ``district``: two electors to the statewide winner, one to the winner of each district
  (Maine from 1972, Nebraska from 1992); needs district results, else a clear error;
- ``proportional``: electors split by popular-vote share, rounded by a named apportionment rule
  (``proportional`` = largest remainders; ``proportional:webster``, ``proportional:jefferson`` ...);
- ``npvic``: the National Popular Vote Interstate Compact: members' electors go to the national
  popular-vote winner once the members hold a majority of all electors (members in
  ``allocation_npvic.csv``; the scenario layer decides whether the compact is in force).

>>> allocate("proportional", StateVote("CO", 10, (("A", 55.0), ("B", 45.0)))).electors
(('CO', (('A', 6), ('B', 4))),)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from electoral.data.loaders import read_table
from electoral.errors import InvalidInput
from electoral.rules.apportionment import apportion, method as apportionment_method


@dataclass(frozen=True)
class StateVote:
    """What an allocation method needs to know about one state in one election.

    ``votes`` are statewide popular votes (empty where none were cast); ``districts`` are the
    state's district units with their winners (empty where the state has no district results).
    """

    state: str
    electors: int
    votes: tuple[tuple[str, float], ...] = ()
    districts: tuple[tuple[str, str | None], ...] = ()
    national_winner: str | None = None
    year: int | None = None
    decided: str | None = None  # the statewide winner as decided elsewhere (record, flip), if not by ``votes``

    @property
    def winner(self) -> str | None:
        """The statewide winner: ``decided`` if given, else the plurality of ``votes`` (first listed on a tie).

        >>> StateVote("GA", 16, (("A", 49.5), ("B", 49.2))).winner
        'A'
        """
        if self.decided is not None:
            return self.decided
        best = max(self.votes, key=lambda cv: cv[1], default=None)
        return best[0] if best and best[1] > 0 else None


@dataclass(frozen=True)
class Allocation:
    """Electors per unit and candidate: ``((unit, ((candidate, electors), ...)), ...)``."""

    method: str
    electors: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    note: str = ""

    def totals(self) -> dict[str, int]:
        """Candidate -> electors over all of the state's units."""
        out: dict[str, int] = {}
        for _, split in self.electors:
            for name, n in split:
                out[name] = out.get(name, 0) + n
        return out


@dataclass(frozen=True)
class AllocationMethod:
    """A registered allocation method."""

    name: str
    description: str
    function: Callable[[StateVote, str], Allocation] = field(repr=False)
    needs: str  # what it reads: "winner", "districts", "votes", "national"


def _winner_take_all(vote: StateVote, rounding: str) -> Allocation:
    winner = vote.winner
    if winner is None:
        raise InvalidInput(f"{vote.state}{_in(vote)}: no popular vote to allocate by winner-take-all")
    return Allocation("winner-take-all", ((vote.state, ((winner, vote.electors),)),))


def _district(vote: StateVote, rounding: str) -> Allocation:
    expected = vote.electors - 2
    if expected == 1 and not vote.districts and vote.winner is not None:
        # one district is the whole state: all three electors follow the statewide vote
        return Allocation("district", ((vote.state, ((vote.winner, vote.electors),)),))
    if expected < 1 or len(vote.districts) != expected or any(w is None for _, w in vote.districts):
        raise InvalidInput(
            f"{vote.state}{_in(vote)}: the district method needs the winner of each of its {max(expected, 0)} "
            f"congressional districts; district results are not packaged for this state and year")
    winner = vote.winner
    if winner is None:
        raise InvalidInput(f"{vote.state}{_in(vote)}: no statewide popular vote for the two at-large electors")
    units = ((vote.state, ((winner, 2),)),) + tuple((code, ((w, 1),)) for code, w in vote.districts)
    return Allocation("district", units)


def _proportional(vote: StateVote, rounding: str) -> Allocation:
    positive = {name: v for name, v in vote.votes if v > 0}
    if not positive:
        raise InvalidInput(f"{vote.state}{_in(vote)}: no popular vote to split proportionally")
    rule = apportionment_method(rounding).name
    # candidates are the "states" of an apportionment problem with no minimum seat
    shares = apportion(positive, vote.electors, rule, min_seats=0)
    split = tuple((name, int(n)) for name, n in zip(positive, shares.seats) if n > 0)
    return Allocation(f"proportional:{rule}", ((vote.state, split),))


def _npvic(vote: StateVote, rounding: str) -> Allocation:
    if vote.national_winner is None:
        raise InvalidInput(f"{vote.state}{_in(vote)}: no national popular vote recorded for the compact to follow")
    return Allocation("npvic", ((vote.state, ((vote.national_winner, vote.electors),)),))


def _in(vote: StateVote) -> str:
    return f" in {vote.year}" if vote.year else ""


ALLOCATION_METHODS: dict[str, AllocationMethod] = {
    m.name: m
    for m in (
        AllocationMethod("winner-take-all", "all electors to the statewide plurality winner", _winner_take_all, "winner"),
        AllocationMethod("district", "two electors to the statewide winner, one per congressional district", _district,
                         "districts"),
        AllocationMethod("proportional", "electors split by popular-vote share (default rounding: largest remainders)",
                         _proportional, "votes"),
        AllocationMethod("npvic", "National Popular Vote Interstate Compact: all electors to the national "
                         "popular-vote winner once members hold a majority", _npvic, "national"),
    )
}


def parse_method(text: str) -> tuple[str, str]:
    """Split a method spec into (method, rounding): ``"proportional:webster"`` -> ``("proportional", "webster")``.

    >>> parse_method("Proportional"), parse_method("wta")
    (('proportional', 'hamilton'), ('winner-take-all', 'hamilton'))
    """
    name, _, rounding = str(text).strip().lower().partition(":")
    name = {"wta": "winner-take-all", "winner-takes-all": "winner-take-all", "districts": "district",
            "congressional-district": "district", "npv": "npvic"}.get(name, name)
    if name not in ALLOCATION_METHODS:
        raise InvalidInput(f"unknown allocation method {text!r} (known: {', '.join(ALLOCATION_METHODS)};"
                           " proportional takes a rounding rule, e.g. proportional:webster)")
    if rounding and name != "proportional":
        raise InvalidInput(f"only the proportional method takes a rounding rule, got {text!r}")
    return name, apportionment_method(rounding or "hamilton").name


def allocate(spec: str, vote: StateVote) -> Allocation:
    """Apply the allocation method ``spec`` to one state's vote.

    >>> allocate("district", StateVote("NE", 5, (("R", 6.0), ("D", 4.0)),
    ...          (("NE-1", "R"), ("NE-2", "D"), ("NE-3", "R")))).totals()
    {'R': 4, 'D': 1}
    """
    name, rounding = parse_method(spec)
    return ALLOCATION_METHODS[name].function(vote, rounding)


@dataclass(frozen=True)
class StateMethod:
    """How one state appointed its electors in one year (a row of ``allocation_methods.csv``)."""

    state: str
    first_year: int
    last_year: int | None
    method: str  # a registered method, or "legislature" / "unrecorded"
    source: str


@lru_cache(maxsize=None)
def allocation_table() -> tuple[StateMethod, ...]:
    """Every row of the allocation table (``*`` rows are the default for every state)."""
    return tuple(StateMethod(r["state"], int(r["first_year"]), int(r["last_year"]) if r["last_year"] else None,
                             r["method"], r["source"]) for r in read_table("allocation_methods"))


@lru_cache(maxsize=None)  # the table is fixed data: what-ifs ask this for every state they recompute
def method_in_force(state: str, year: int) -> StateMethod:
    """The method ``state`` used in ``year``: its own row, else the default row for the year.

    >>> method_in_force("NE", 2020).method, method_in_force("NE", 1988).method, method_in_force("SC", 1860).method
    ('district', 'winner-take-all', 'legislature')
    """
    code = str(state).strip().upper()
    rows = [r for r in allocation_table()
            if r.first_year <= year <= (r.last_year if r.last_year is not None else year)]
    own = [r for r in rows if r.state == code]
    if own:
        return own[0]
    default = [r for r in rows if r.state == "*"]
    if not default:
        raise InvalidInput(f"no allocation rule covers {year}")
    return default[0]


@lru_cache(maxsize=None)
def npvic_members(year: int | None = None) -> tuple[str, ...]:
    """States (and DC) that had joined the compact by ``year`` (all members if ``year`` is None).

    >>> len(npvic_members()), "ME" in npvic_members(2020)
    (18, False)
    """
    return tuple(r["state"] for r in read_table("allocation_npvic") if year is None or int(r["joined"]) <= year)
