"""House apportionment: seats from census populations, and the law in force after each census.

The classic methods are registered by name in :data:`METHODS` (the CLI, API and tests enumerate
it). Divisor methods differ only in their rounding *signpost* ``d(s)``, the point between ``s`` and
``s + 1`` seats at which a state's quotient rounds up; they are run as a priority list: every
state starts at its minimum, and each further seat goes to the state with the largest
``population / d(seats it has)``. Hamilton's (Vinton's) method hands out the whole-number parts
of the exact quotas and the leftover seats by largest fractions.

What the law did after each census (method, House size, statutes, seats added by statute or on
admission) is data: ``apportionment_history.csv`` and ``apportionment_adjustments.csv``.

>>> a = apportion_census(2020)
>>> [a.seats_of(s) for s in ("CA", "TX", "FL", "NY", "MT")]
[52, 38, 28, 26, 2]
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import lru_cache

import numpy as np

from electoral.data.loaders import keys_of, read_rows, rows_for
from electoral.errors import InvalidInput, UnknownUnit, UnknownYear
from electoral.limits import LIMITS
from electoral.parse import year_number

SignpostSquared = Callable[[int], Fraction]
Rank = tuple[int, Fraction]  # (1, 0) for an infinite priority, else (0, population**2 / signpost**2)


# -- methods ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Method:
    """One apportionment method: a name, what it is, and the function that applies it.

    A divisor method is given by the *square* of its signpost, ``signpost_squared(s)``: a rational
    number for every classic method (Huntington-Hill's signpost sqrt(s(s+1)) is irrational, its
    square is not), so priorities are compared exactly as ``population**2 / signpost**2``.

    >>> METHODS["huntington-hill"].signpost(1), METHODS["webster"].signpost(2)
    (1.4142135623730951, 2.5)
    """

    name: str
    kind: str  # "divisor" or "quota"
    description: str
    signpost_squared: SignpostSquared | None = field(default=None, repr=False)  # divisor methods only

    def signpost(self, seats: int) -> float:
        """The rounding point between ``seats`` and ``seats + 1`` (divisor methods), as a float."""
        if self.signpost_squared is None:
            raise InvalidInput(f"{self.name} is not a divisor method: it has no signpost")
        return math.sqrt(self.signpost_squared(seats))

    def __call__(self, populations: np.ndarray, house_size: int, min_seats: int = 1) -> np.ndarray:
        """Seats per state (int64 array aligned to ``populations``); exact ties go to the lower index."""
        order = tuple(range(len(populations)))
        if self.signpost_squared is not None:
            return _divisor_seats(populations, house_size, min_seats, self.signpost_squared, order).seats
        return _hamilton_seats(populations, house_size, min_seats, order).seats


def _jefferson(s: int) -> Fraction:
    return Fraction((s + 1) ** 2)


def _webster(s: int) -> Fraction:
    return Fraction(2 * s + 1, 2) ** 2


def _adams(s: int) -> Fraction:
    return Fraction(s * s)


def _dean(s: int) -> Fraction:
    return Fraction(2 * s * (s + 1), 2 * s + 1) ** 2  # harmonic mean of s and s + 1


def _huntington_hill(s: int) -> Fraction:
    return Fraction(s * (s + 1))  # geometric mean of s and s + 1, squared


METHODS: dict[str, Method] = {
    m.name: m
    for m in (
        Method("huntington-hill", "divisor", "equal proportions: round at the geometric mean sqrt(s(s+1)) (law since 1941)", _huntington_hill),
        Method("webster", "divisor", "major fractions / Sainte-Lague: round at s + 1/2 (1840, 1910, 1930)", _webster),
        Method("jefferson", "divisor", "greatest divisors / D'Hondt: round down, signpost s + 1 (1790-1830)", _jefferson),
        Method("adams", "divisor", "smallest divisors: round up, signpost s", _adams),
        Method("dean", "divisor", "harmonic mean: round at s(s+1)/(s+1/2)", _dean),
        Method("hamilton", "quota", "largest remainders / Vinton: whole quotas, then largest fractions (1850-1900)"),
    )
}


def method(name: str) -> Method:
    """The registered method called ``name`` (case-insensitive); raises :class:`InvalidInput`.

    >>> method("Webster").kind
    'divisor'
    """
    key = str(name).strip().lower().replace("_", "-").replace(" ", "-")
    key = {"hill": "huntington-hill", "equal-proportions": "huntington-hill", "vinton": "hamilton",
           "dhondt": "jefferson", "sainte-lague": "webster"}.get(key, key)
    if key not in METHODS:
        raise InvalidInput(f"unknown apportionment method {name!r} (known: {', '.join(sorted(METHODS))})")
    return METHODS[key]


# -- ties -------------------------------------------------------------------------------------------
TIE_RULE = ("the law has no tie rule; here the seats go to the tied states whose codes sort first "
            "alphabetically (not decided by the law)")


@dataclass(frozen=True)
class Tie:
    """An exact tie the law does not decide: ``states`` have equal claims to ``seats`` seats, fewer than them.

    ``states`` are in alphabetical order; ``given_to`` are the first ``seats`` of them, who hold the
    seats in the result by the documented fallback (:data:`TIE_RULE`).

    >>> apportion({"Y": 100, "X": 100}, 3).tie
    Tie(states=('X', 'Y'), seats=1, given_to=('X',))
    """

    states: tuple[str, ...]
    seats: int
    given_to: tuple[str, ...]

    @property
    def left_out(self) -> tuple[str, ...]:
        """Tied states that did not get a seat."""
        return tuple(s for s in self.states if s not in self.given_to)

    @property
    def text(self) -> str:
        """The tie in one line.

        >>> apportion({"Y": 100, "X": 100}, 3).tie.text
        'exact tie: X, Y have equal claims to 1 seat; the law has no tie rule (given here to X, first alphabetically)'
        """
        noun = "seat" if self.seats == 1 else "seats"
        return (f"exact tie: {', '.join(self.states)} have equal claims to {self.seats} {noun}; the law has no tie "
                f"rule (given here to {', '.join(self.given_to)}, first alphabetically)")


def _settle(seats: np.ndarray, holders: Sequence[int], waiting: Sequence[int],
            order: Sequence[int]) -> _TieIndices | None:
    """Give the seats ``holders`` hold at one exact level to the first tied states in ``order``.

    ``holders`` hold a seat at the level, ``waiting`` have an equal claim to one more; with no one
    waiting (or no seat at the level) there is no tie. ``order`` ranks the states (alphabetical codes).
    Returns (tied states, states given the seats), as indices.
    """
    if not holders or not waiting:
        return None
    tied = sorted({*holders, *waiting}, key=lambda i: order[i])
    given = tied[:len(holders)]
    for i in holders:
        seats[i] -= 1
    for i in given:
        seats[i] += 1
    return tuple(tied), tuple(given)


_TieIndices = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class _Seats:
    seats: np.ndarray
    last: tuple[int, float] | None = None  # divisor methods: (state, priority) of the last seat
    following: tuple[int, float] | None = None  # ... and of the next in line
    tie: _TieIndices | None = None


class _Claims:
    """Claims to seats under one divisor method, on the seats handed out so far (``seats``, changed in place).

    ``priority`` is the float ``population / signpost(s)`` the list sorts by; ``rank`` the exact
    :data:`Rank` the boundary is checked with. Signposts and ranks are computed once each.
    """

    def __init__(self, populations: np.ndarray, signpost_squared: SignpostSquared, seats: np.ndarray,
                 order: Sequence[int]) -> None:
        self.populations, self.signpost_squared, self.seats, self.order = populations, signpost_squared, seats, order
        self.live = [i for i in range(len(populations)) if populations[i] > 0]
        self.exact = [Fraction(float(p)) for p in populations]
        self.squares: dict[int, Fraction] = {}  # signpost(s)**2 and signpost(s), computed once per s
        self.floats: dict[int, float] = {}
        self.ranks: dict[tuple[int, int], Rank] = {}

    def square(self, s: int) -> Fraction:
        if s not in self.squares:
            self.squares[s] = self.signpost_squared(s)
        return self.squares[s]

    def priority(self, i: int, s: int) -> float:
        if s not in self.floats:
            self.floats[s] = math.sqrt(self.square(s))
        return math.inf if self.floats[s] == 0 else float(self.populations[i]) / self.floats[s]

    def rank(self, i: int, s: int) -> Rank:
        if (i, s) not in self.ranks:
            d2 = self.square(s)
            self.ranks[i, s] = (1, Fraction(0)) if d2 == 0 else (0, self.exact[i] * self.exact[i] / d2)
        return self.ranks[i, s]

    def claim(self, i: int) -> Rank:
        """Rank of i's claim to one more seat."""
        return self.rank(i, int(self.seats[i]))

    def held(self, i: int) -> Rank:
        """Rank of the last seat i holds."""
        return self.rank(i, int(self.seats[i]) - 1)

    def strongest(self) -> int:
        """The next in line: the highest claim, then the first in order."""
        return max(self.live, key=lambda i: (self.claim(i), -self.order[i]))

    def at(self, i: int, held: int = 0) -> tuple[int, float]:
        """(i, the float priority of its claim to one more seat, or with ``held=1`` of the last seat it holds)."""
        return i, self.priority(i, int(self.seats[i]) - held)


def _divisor_seats(populations: np.ndarray, house_size: int, min_seats: int, signpost_squared: SignpostSquared,
                   order: Sequence[int]) -> _Seats:
    """Priority-list form of a divisor method, exact at the boundary, independent of input order.

    A float priority list hands out the seats (equal floats go first in ``order``); the boundary is
    then checked in exact arithmetic: every seat held must rank at least as high as any claim to one
    more, ``population**2 / signpost(seats)**2`` compared as fractions. A float that misordered two
    claims is corrected there; claims exactly equal at the last seat are a tie (:func:`_settle`).
    """
    seats = np.full(len(populations), min_seats, dtype=np.int64)
    c = _Claims(populations, signpost_squared, seats, order)
    heap = [(-c.priority(i, min_seats), order[i], i) for i in c.live]
    heapq.heapify(heap)
    for _ in range(house_size - int(seats.sum())):
        _, _, i = heapq.heappop(heap)
        seats[i] += 1
        heapq.heappush(heap, (-c.priority(i, int(seats[i])), order[i], i))
    holders = [i for i in c.live if seats[i] > min_seats]
    if not holders:
        return _Seats(seats, None, c.at(c.strongest()))
    weakest, holders = _repair(c, holders, min_seats)
    cutoff = c.held(weakest)
    at_cutoff = [i for i in holders if c.held(i) == cutoff]
    tie = _settle(seats, at_cutoff, [i for i in c.live if c.claim(i) == cutoff], order)
    last = max(tie[1] if tie else at_cutoff, key=lambda i: order[i])
    return _Seats(seats, c.at(last, held=1), c.at(c.strongest()), tie)


def _repair(c: _Claims, holders: list[int], min_seats: int) -> tuple[int, list[int]]:
    """Repair what float rounding misordered (rare): while the strongest claim outranks the weakest seat held,
    move that seat. Returns the weakest seat's holder and the states holding seats above the minimum."""
    while True:
        weakest = min(holders, key=lambda i: (c.held(i), -c.order[i]))
        best = c.strongest()
        if c.claim(best) <= c.held(weakest):
            return weakest, holders
        c.seats[weakest] -= 1
        c.seats[best] += 1
        holders = [i for i in c.live if c.seats[i] > min_seats]


def _hamilton_seats(populations: np.ndarray, house_size: int, min_seats: int, order: Sequence[int]) -> _Seats:
    """Vinton's rule: whole quotas (at least the minimum), then one seat each to the largest fractions.

    A state lifted to its constitutional minimum takes no leftover seat: the 1850 act ranks only the
    fractions of states whose whole quota stands (this reproduces the 1882 apportionment exactly).
    Quotas are exact fractions; fractions exactly equal at the last seat are a tie (:func:`_settle`).
    """
    exact = [Fraction(float(p)) for p in populations]
    total = sum(exact)
    quotas = [p * house_size / total for p in exact]
    whole = [math.floor(q) for q in quotas]
    seats = np.array([max(w, min_seats) for w in whole], dtype=np.int64)
    leftover = house_size - int(seats.sum())
    if leftover >= 0:
        return _largest_fractions(seats, quotas, whole, leftover, min_seats, order)
    return _give_back(seats, quotas, -leftover, min_seats, order)


def _largest_fractions(seats: np.ndarray, quotas: list[Fraction], whole: list[int], leftover: int, min_seats: int,
                       order: Sequence[int]) -> _Seats:
    """One leftover seat each to the largest fractions of the states whose whole quota stands."""
    eligible = [i for i in range(len(quotas)) if whole[i] >= min_seats]
    ranked = sorted(eligible, key=lambda i: (whole[i] - quotas[i], order[i]))  # largest fraction first
    given = ranked[:leftover]
    for i in given:
        seats[i] += 1
    if not given:
        return _Seats(seats)
    cutoff = quotas[given[-1]] - whole[given[-1]]
    level = [i for i in ranked if quotas[i] - whole[i] == cutoff]
    return _Seats(seats, tie=_settle(seats, [i for i in level if i in given],
                                     [i for i in level if i not in given], order))


def _give_back(seats: np.ndarray, quotas: list[Fraction], excess: int, min_seats: int,
               order: Sequence[int]) -> _Seats:
    """Minimums took more than the leftovers (tiny Houses only): the smallest fractions above the minimum give
    their seat back, one each, until the House adds up (equal ones: the last in order first)."""
    n = len(quotas)

    def margin(i: int) -> Fraction:
        return quotas[i] - int(seats[i]) + 1

    returned: list[tuple[Fraction, int]] = []
    for _ in range(excess):
        i = min((j for j in range(n) if seats[j] > min_seats), key=lambda j: (margin(j), -order[j]))
        returned.append((margin(i), i))
        seats[i] -= 1
    level = returned[-1][0]
    kept = [i for i in range(n) if seats[i] > min_seats and margin(i) == level]
    return _Seats(seats, tie=_settle(seats, kept, [i for value, i in returned if value == level], order))


# -- results --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Apportionment:
    """Seats per state for one house size and method, aligned to ``states``.

    The seats never depend on the order the states are given in. ``tie`` is set when states have
    exactly equal claims to fewer seats than there are of them at the end of the list (see :class:`Tie`);
    ``last_seat``/``next_in_line`` (divisor methods) name the last state given a seat and the state
    with the strongest claim to one more, equal claims ranked alphabetically.

    >>> a = apportion({"A": 5_000, "B": 3_000, "C": 2_000}, house_size=10, method="hamilton")
    >>> a.seats.tolist(), a.quotas.tolist()
    ([5, 3, 2], [5.0, 3.0, 2.0])
    """

    method: str
    house_size: int
    states: tuple[str, ...]
    populations: np.ndarray = field(repr=False)  # float64
    seats: np.ndarray = field(repr=False)  # int64
    census: int | None = None
    last_seat: tuple[str, float] | None = None  # divisor methods: who won the last seat, at what priority
    next_in_line: tuple[str, float] | None = None  # ... and who would get one more
    tie: Tie | None = None  # an exact tie at the last seat, which the law does not decide

    def __post_init__(self) -> None:
        self.populations.setflags(write=False)
        self.seats.setflags(write=False)

    @property
    def quotas(self) -> np.ndarray:
        """Exact proportional shares of the House (seats if fractions were allowed)."""
        return self.populations * (self.house_size / self.populations.sum())

    def seats_of(self, state: str) -> int:
        """Seats of one state; raises :class:`UnknownUnit`."""
        code = str(state).strip().upper()
        if code not in self.states:
            raise UnknownUnit(f"no state {state!r} in this apportionment (states: {', '.join(self.states)})")
        return int(self.seats[self.states.index(code)])

    def as_dict(self) -> dict[str, int]:
        """State -> seats."""
        return {s: int(n) for s, n in zip(self.states, self.seats)}


def validate_populations(populations: Mapping[str, object]) -> tuple[tuple[str, ...], np.ndarray]:
    """State codes and populations as a float array; every value a finite number >= 0, one positive.

    >>> validate_populations({"pr": "3285874"})[1].tolist()
    [3285874.0]
    """
    if not populations:
        raise InvalidInput("no states to apportion")
    codes, values = [], []
    for code, raw in populations.items():
        try:
            value = float(str(raw).replace(",", "").strip()) if isinstance(raw, str) else float(raw)
        except (TypeError, ValueError):
            raise InvalidInput(f"population of {code!r} must be a number >= 0, got {raw!r}") from None
        if not math.isfinite(value) or value < 0:
            raise InvalidInput(f"population of {code!r} must be a finite number >= 0, got {raw!r}")
        codes.append(str(code).strip().upper())
        values.append(value)
    if len(set(codes)) != len(codes):
        raise InvalidInput(f"a state is listed twice: {sorted(c for c in codes if codes.count(c) > 1)[0]!r}")
    array = np.array(values, dtype=np.float64)
    if array.sum() <= 0:
        raise InvalidInput("at least one population must be positive")
    return tuple(codes), array


def apportion(populations: Mapping[str, object], house_size: int, method: str = "huntington-hill",
              min_seats: int = 1, census: int | None = None) -> Apportionment:
    """Apportion ``house_size`` seats among states by ``method`` (every state gets ``min_seats``).

    ``populations`` maps state codes to numbers >= 0 (upper-cased codes; one must be positive).
    The result does not depend on the mapping's order. Claims are compared exactly (fractions, and
    squared priorities for Huntington-Hill), so floating point neither hides nor invents a tie; an
    exact tie at the last seat is reported in ``.tie`` and settled alphabetically (:data:`TIE_RULE`).
    Raises :class:`InvalidInput` for a bad population, method or House size (at most the ``house_size`` limit,
    :mod:`electoral.limits`).

    >>> apportion({"A": 10, "B": 1}, house_size=3, method="jefferson").as_dict()
    {'A': 2, 'B': 1}
    >>> a = apportion({"Y": 100, "X": 100}, 3)
    >>> a.as_dict(), a.tie.states, a.tie.given_to
    ({'Y': 1, 'X': 2}, ('X', 'Y'), ('X',))
    """
    codes, pops = validate_populations(populations)
    chosen = globals()["method"](method)
    try:
        house_size = int(str(house_size).strip()) if isinstance(house_size, str) else int(house_size)
    except ValueError:
        raise InvalidInput(f"house size must be a whole number, got {house_size!r}") from None
    LIMITS["house_size"].check(house_size, "house size")
    if house_size < len(codes) * min_seats:
        raise InvalidInput(f"a House of {house_size} seat{'' if house_size == 1 else 's'} is smaller than the "
                           f"{len(codes)} states (each state gets at least {min_seats})")
    if min_seats < 0:
        raise InvalidInput(f"minimum seats must be >= 0, got {min_seats}")
    order = _alphabetical(codes)
    if chosen.signpost_squared is not None:
        found = _divisor_seats(pops, house_size, min_seats, chosen.signpost_squared, order)
    else:
        found = _hamilton_seats(pops, house_size, min_seats, order)
    tie = None
    if found.tie:
        tied, given = found.tie
        tie = Tie(tuple(codes[i] for i in tied), len(given), tuple(codes[i] for i in given))
    last = (codes[found.last[0]], found.last[1]) if found.last else None
    following = (codes[found.following[0]], found.following[1]) if found.following else None
    return Apportionment(chosen.name, house_size, codes, pops, found.seats, census, last, following, tie)


def _alphabetical(codes: Sequence[str]) -> list[int]:
    """Each code's place in alphabetical order: the documented order for claims exactly equal."""
    place = {code: k for k, code in enumerate(sorted(codes))}
    return [place[c] for c in codes]


# -- the law after each census --------------------------------------------------------------------
@dataclass(frozen=True)
class ApportionmentAct:
    """What Congress did after one census (a row of ``apportionment_history.csv``)."""

    census: int
    act: str
    method: str  # a METHODS key, or "fixed" (1789) / "none" (1920)
    house_size: int | None  # seats the method handed out (before seats added by statute)
    ratio: int | None  # statutory people per Representative, where the act named one
    first_election: int | None  # first presidential election that used it
    dc_electors: int
    source: str


@dataclass(frozen=True)
class Adjustment:
    """Seats given (or moved) by statute outside the method (a row of ``apportionment_adjustments.csv``)."""

    census: int
    state: str
    seats: int
    first_election: int
    kind: str  # "statute": part of the official table; "admission"/"transfer": until the next census
    source: str


@lru_cache(maxsize=None)
def history() -> tuple[ApportionmentAct, ...]:
    """Every apportionment from the Constitution's 65 seats to the 2020 census.

    >>> [(a.census, a.method, a.house_size) for a in history()][-1]
    (2020, 'huntington-hill', 435)
    """
    return tuple(ApportionmentAct(r.census_year, r.act, r.method, r.house_size, r.ratio, r.first_election,
                                  r.dc_electors, r.source) for r in read_rows("apportionment_history"))


@lru_cache(maxsize=None)
def adjustments() -> tuple[Adjustment, ...]:
    """Seats added by statute or on admission between censuses, with citations."""
    return tuple(Adjustment(r.census_year, r.state, r.seats, r.first_election, r.kind, r.source)
                 for r in read_rows("apportionment_adjustments"))


def act(census: int | str) -> ApportionmentAct:
    """The apportionment made after ``census`` (1789 = the Constitution's); raises :class:`UnknownYear`.

    >>> act(1880).house_size, act(1880).method
    (325, 'hamilton')
    """
    year = _year(census)
    for row in history():
        if row.census == year:
            return row
    raise UnknownYear(f"no census in {year}: apportionments follow the censuses "
                      f"{', '.join(str(a.census) for a in history() if a.census != 1789)} (1789 = the Constitution)")


def census_in_force(election_year: int | str) -> int:
    """The census whose apportionment set the electors of a presidential election.

    >>> census_in_force(2020), census_in_force(1920), census_in_force(1792)
    (2010, 1910, 1790)
    """
    year = _year(election_year)
    used = [a for a in history() if a.first_election is not None and a.first_election <= year]
    if not used:
        raise UnknownYear(f"no apportionment was in force for an election in {year}")
    return max(used, key=lambda a: a.first_election).census


@lru_cache(maxsize=None)
def official_seats(census: int | str) -> dict[str, int]:
    """The official seats after ``census`` as the Census Bureau lists them (incl. seats added by statute).

    >>> official_seats(1790)["VA"], sum(official_seats(1870).values())
    (19, 292)
    """
    year = act(census).census
    seats = {r.state: r.seats for r in rows_for("apportionment_seats", year)}
    if not seats:
        raise UnknownYear(f"no apportionment was made after the {year} census (the previous one stayed in force)")
    return seats


@dataclass(frozen=True)
class CensusPopulations:
    """The populations of one census: the apportionment base, plus areas that were not states."""

    census: int
    states: tuple[str, ...]
    populations: np.ndarray = field(repr=False)
    others: dict[str, int] = field(default_factory=dict)  # DC, PR, ...: not apportioned
    source: str = ""

    def as_dict(self) -> dict[str, int]:
        """State -> population (the apportionment base only)."""
        return {s: int(p) for s, p in zip(self.states, self.populations)}


@lru_cache(maxsize=None)
def census_populations(census: int | str) -> CensusPopulations:
    """Packaged populations of ``census`` (1790, 1870-1900 resident counts, 1910-2020 official bases).

    >>> census_populations(2020).as_dict()["WY"]
    577719
    """
    year = _year(census)
    rows = rows_for("apportionment_populations", year)
    if not rows:
        have = keys_of("apportionment_populations")
        raise UnknownYear(f"no populations packaged for the {year} census (packaged: {', '.join(map(str, have))});"
                          " before 1870 the three-fifths count by state is not in the data kit")
    base = [r for r in rows if r.apportioned]
    citations = {r.key: r.citation for r in read_rows("apportionment_sources")}
    return CensusPopulations(year, tuple(r.state for r in base),
                             np.array([float(r.population) for r in base]),
                             {r.state: r.population for r in rows if not r.apportioned},
                             "; ".join(sorted({citations[r.source] for r in base})))


def apportion_census(census: int | str, house_size: int | None = None, method: str | None = None,
                     populations: Mapping[str, object] | None = None, statutory: bool | None = None) -> Apportionment:
    """Apportion a census's populations; by default with the method and House size then in force.

    ``populations`` adds or replaces states (e.g. ``{"PR": 3285874}``). ``statutory`` adds the seats
    the law gave outside the method (default: only when method and size are those in force), which
    reproduces the official table.

    >>> apportion_census(1880, house_size=299).seats_of("AL"), apportion_census(1880, house_size=300).seats_of("AL")
    (8, 7)
    """
    law = act(census)
    base = census_populations(law.census).as_dict()
    base.update({str(k).strip().upper(): v for k, v in (populations or {}).items()})
    in_force = house_size is None and method is None and not populations
    if law.method not in METHODS and (house_size is None or method is None):
        raise InvalidInput(f"no method was in force after the {law.census} census ({law.act}); give a House size and method")
    result = apportion(base, house_size or law.house_size, method or law.method, census=law.census)
    return _with_statutory_seats(result, law.census) if (in_force if statutory is None else statutory) else result


def _with_statutory_seats(result: Apportionment, census: int) -> Apportionment:
    """``result`` with the seats the law gave outside the method after ``census`` (apportionment_adjustments.csv)."""
    seats = result.as_dict()
    for adj in adjustments():
        if adj.census == census and adj.kind == "statute":
            seats[adj.state] = seats.get(adj.state, 0) + adj.seats
    codes = tuple(sorted(seats))
    pops = dict(zip(result.states, result.populations))
    return replace(result, house_size=sum(seats.values()), states=codes,
                   populations=np.array([pops.get(c, np.nan) for c in codes]),
                   seats=np.array([seats[c] for c in codes], dtype=np.int64))


def seats_in_force(election_year: int | str) -> dict[str, int]:
    """House seats per state that set the electors of ``election_year`` (admissions between censuses included).

    >>> seats_in_force(1908)["OK"], seats_in_force(1820)["ME"], seats_in_force(1820)["MA"]
    (5, 7, 13)
    """
    year = _year(election_year)
    census = census_in_force(year)
    seats = dict(official_seats(census))
    for adj in adjustments():
        if adj.census == census and adj.kind != "statute" and adj.first_election <= year:
            seats[adj.state] = seats.get(adj.state, 0) + adj.seats
    return seats


def electors_from_seats(seats: Mapping[str, int], dc_electors: int = 0) -> dict[str, int]:
    """Electors per state: seats + 2 senators, plus DC's electors where the 23rd Amendment applies.

    >>> electors_from_seats({"WY": 1, "CA": 52}, dc_electors=3)
    {'WY': 3, 'CA': 54, 'DC': 3}
    """
    electors = {state: int(n) + 2 for state, n in seats.items()}
    if dc_electors:
        electors["DC"] = dc_electors
    return electors


def electors_in_force(election_year: int | str) -> dict[str, int]:
    """Electors per state for ``election_year`` from the apportionment in force.

    >>> electors_in_force(2024)["CA"], electors_in_force(2020)["CA"], sum(electors_in_force(1960).values())
    (54, 55, 537)
    """
    year = _year(election_year)
    return electors_from_seats(seats_in_force(year), act(census_in_force(year)).dc_electors)


def _year(value: int | str) -> int:
    return year_number(value)
