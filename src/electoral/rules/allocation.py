"""Allocation: how a state turns its vote into electors, per state and year, and the what-if methods.

The method each state used is data (``allocation_methods.csv``: state, first and last year,
method, source); the methods are registered functions in :data:`ALLOCATION_METHODS`, so the CLI,
API and tests enumerate them. Each declares what it reads (``needs``: the statewide ``winner``,
the ``districts``' winners, the statewide ``votes``, the ``national`` winner) and how it meets a
flip, a compact, a rounding rule or a new number of districts; the what-if engine
(:mod:`electoral.scenario`) asks these fields and never a method's name. A new method is one
:func:`register_method` call:

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

from electoral.data.loaders import read_rows
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


NEEDS = ("winner", "districts", "votes", "national")  # what a method may read of a StateVote
DEFAULT_ROUNDING = "hamilton"  # largest remainders, for a method that takes a rounding rule and names none


@dataclass(frozen=True)
class AllocationMethod:
    """A registered allocation method: its function and what the what-if engine must know about it.

    - ``function(vote, rounding) -> Allocation``; ``rounding`` is an apportionment method name;
    - ``needs``: what it reads, a subset of :data:`NEEDS`: ``winner`` (the statewide winner, which
      a flip or swing may set), ``districts`` (each district's winner), ``votes`` (the statewide
      candidates' votes), ``national`` (the national popular-vote winner);
    - ``flip_overrides``: a flip names the state's winner and the method follows it; False: a flip of
      the state conflicts with the method and is an error;
    - ``rounding``: takes a rounding rule (``name:webster``);
    - ``compact``: applies only once the states that choose it hold a majority of all electors,
      otherwise they keep their own method;
    - ``empty_without_winner``: a state with no winner (a blank map) gets no electors, not an error;
    - ``redistrict(vote)``: the allocation when the state has more or fewer district electors than
      district results (a new House), or None when they match.

    >>> m = ALLOCATION_METHODS["district"]
    >>> sorted(m.needs), m.flip_overrides, ALLOCATION_METHODS["npvic"].flip_overrides
    (['districts', 'winner'], True, False)
    """

    name: str
    description: str
    function: Callable[[StateVote, str], Allocation] = field(repr=False)
    needs: frozenset[str]
    flip_overrides: bool = False
    rounding: bool = False
    compact: bool = False
    empty_without_winner: bool = False
    redistrict: Callable[[StateVote], Allocation | None] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "needs", frozenset(self.needs))
        unknown = self.needs - set(NEEDS)
        if unknown or not self.needs:
            raise InvalidInput(f"allocation method {self.name!r}: needs must be some of {', '.join(NEEDS)},"
                               f" got {sorted(self.needs)}")


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


def _district_rescaled(vote: StateVote) -> Allocation | None:
    """A new House gave the state another number of districts: district electors split like the recorded winners.

    >>> _district_rescaled(StateVote("NE", 6, (), (("NE-1", "R"), ("NE-2", "D"), ("NE-3", "R")), decided="R")).totals()
    {'R': 5, 'D': 1}
    """
    if not vote.districts or len(vote.districts) == vote.electors - 2:
        return None
    won: dict[str, int] = {}
    for _, w in vote.districts:
        if w:
            won[w] = won.get(w, 0) + 1
    statewide = vote.winner
    split: dict[str, int] = {statewide: 2} if statewide else {}
    if won:
        shares = apportion(won, vote.electors - 2, "hamilton", min_seats=0)
        for candidate, n in zip(shares.states, shares.seats):
            name = next(c for c in won if c.upper() == candidate)
            split[name] = split.get(name, 0) + int(n)
    note = (f"{vote.state}: {vote.electors - 2} districts instead of {len(vote.districts)}; district electors split in"
            f" proportion to the {vote.year} district winners (largest remainders)")
    ordered = tuple(sorted(split.items(), key=lambda cv: -cv[1]))
    return Allocation("district (rescaled)", ((vote.state, ordered),), note)


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


ALLOCATION_METHODS: dict[str, AllocationMethod] = {}  # name -> method; add with register_method


def register_method(method: AllocationMethod) -> AllocationMethod:
    """Add ``method`` to :data:`ALLOCATION_METHODS`: the CLI, the API and what-ifs take its name from then on.

    A name already registered is an error (the built-in methods cannot be replaced by accident).

    >>> register_method(ALLOCATION_METHODS["npvic"])
    Traceback (most recent call last):
    ...
    electoral.errors.InvalidInput: allocation method 'npvic' is already registered
    """
    if method.name in ALLOCATION_METHODS:
        raise InvalidInput(f"allocation method {method.name!r} is already registered")
    ALLOCATION_METHODS[method.name] = method
    return method


for _method in (
    AllocationMethod("winner-take-all", "all electors to the statewide plurality winner", _winner_take_all,
                     {"winner"}, flip_overrides=True, empty_without_winner=True),
    AllocationMethod("district", "two electors to the statewide winner, one per congressional district", _district,
                     {"winner", "districts"}, flip_overrides=True, redistrict=_district_rescaled),
    AllocationMethod("proportional", "electors split by popular-vote share (default rounding: largest remainders)",
                     _proportional, {"votes"}, rounding=True),
    AllocationMethod("npvic", "National Popular Vote Interstate Compact: all electors to the national "
                     "popular-vote winner once members hold a majority", _npvic, {"national"}, compact=True),
):
    register_method(_method)

SLATE = ALLOCATION_METHODS["winner-take-all"]
COMPACT = ALLOCATION_METHODS["npvic"]  # the method a compact what-if gives its members  # how a what-if reallocates a legislature's or unrecorded slate


def method_or_slate(name: str) -> AllocationMethod:
    """The registered method ``name``, or for a method only of the record (``legislature``, ``unrecorded``)
    the slate rule: all the state's electors to its one candidate.

    >>> method_or_slate("proportional").name, method_or_slate("legislature").name
    ('proportional', 'winner-take-all')
    """
    return ALLOCATION_METHODS.get(name, SLATE)


ALIASES = {"wta": "winner-take-all", "winner-takes-all": "winner-take-all", "districts": "district",
           "congressional-district": "district", "npv": "npvic"}  # other spellings users type


def parse_method(text: str) -> tuple[str, str]:
    """Split a method spec into (method, rounding): ``"proportional:webster"`` -> ``("proportional", "webster")``.

    Unknown names, and a rounding rule for a method that takes none, are :class:`InvalidInput`.

    >>> parse_method("Proportional"), parse_method("wta")
    (('proportional', 'hamilton'), ('winner-take-all', 'hamilton'))
    """
    name, _, rounding = str(text).strip().lower().partition(":")
    name = ALIASES.get(name, name)
    if name not in ALLOCATION_METHODS:
        raise InvalidInput(f"unknown allocation method {text!r} (known: {', '.join(ALLOCATION_METHODS)};"
                           " proportional takes a rounding rule, e.g. proportional:webster)")
    if rounding and not ALLOCATION_METHODS[name].rounding:
        takes = " and ".join(m.name for m in ALLOCATION_METHODS.values() if m.rounding)
        raise InvalidInput(f"only the {takes} method takes a rounding rule, got {text!r}")
    return name, apportionment_method(rounding or DEFAULT_ROUNDING).name


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
    return tuple(StateMethod(r.state, r.first_year, r.last_year, r.method, r.source)
                 for r in read_rows("allocation_methods"))


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


def npvic_members(year: int | None = None) -> tuple[str, ...]:
    """States (and DC) that were members of the compact on the Election Day of ``year`` (all members if
    ``year`` is None), in order of enactment (:mod:`electoral.rules.compact`).

    >>> len(npvic_members()), "ME" in npvic_members(2020), "ME" in npvic_members(2024)
    (18, False, True)
    """
    from electoral.rules.compact import compact_members, membership  # the compact reads the calendar

    return tuple(m.state for m in compact_members()) if year is None else membership(year).states
