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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from electoral.data.loaders import read_table
from electoral.errors import InvalidInput, UnknownUnit, UnknownYear

Signpost = Callable[[int], float]


# -- methods ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Method:
    """One apportionment method: a name, what it is, and the function that applies it."""

    name: str
    kind: str  # "divisor" or "quota"
    description: str
    signpost: Signpost | None = field(default=None, repr=False)  # divisor methods only

    def __call__(self, populations: np.ndarray, house_size: int, min_seats: int = 1) -> np.ndarray:
        """Seats per state (int64 array aligned to ``populations``)."""
        if self.signpost is not None:
            return _divisor_seats(populations, house_size, min_seats, self.signpost)[0]
        return _hamilton_seats(populations, house_size, min_seats)


def _jefferson(s: int) -> float:
    return s + 1.0


def _webster(s: int) -> float:
    return s + 0.5


def _adams(s: int) -> float:
    return float(s)


def _dean(s: int) -> float:
    return s * (s + 1) / (s + 0.5)  # harmonic mean of s and s + 1


def _huntington_hill(s: int) -> float:
    return math.sqrt(s * (s + 1.0))  # geometric mean of s and s + 1


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


def _divisor_seats(populations: np.ndarray, house_size: int, min_seats: int,
                   signpost: Signpost) -> tuple[np.ndarray, tuple[int, float] | None, tuple[int, float] | None]:
    """Priority-list form of a divisor method; also returns (state, priority) of the last seat and the next in line."""
    seats = np.full(len(populations), min_seats, dtype=np.int64)

    def priority(i: int) -> float:
        d = signpost(int(seats[i]))
        return math.inf if d == 0 else float(populations[i]) / d

    # heap of (-priority, index): ties go to the state listed first, so results are deterministic
    heap = [(-priority(i), i) for i in range(len(populations)) if populations[i] > 0]
    heapq.heapify(heap)
    last = None
    for _ in range(house_size - int(seats.sum())):
        neg, i = heapq.heappop(heap)
        seats[i] += 1
        last = (i, -neg)
        heapq.heappush(heap, (-priority(i), i))
    following = (heap[0][1], -heap[0][0]) if heap else None
    return seats, last, following


def _hamilton_seats(populations: np.ndarray, house_size: int, min_seats: int) -> np.ndarray:
    """Vinton's rule: whole quotas (at least the minimum), then one seat each to the largest fractions.

    A state lifted to its constitutional minimum takes no leftover seat: the 1850 act ranks only the
    fractions of states whose whole quota stands (this reproduces the 1882 apportionment exactly).
    """
    quotas = populations * (house_size / populations.sum())
    whole = np.floor(quotas).astype(np.int64)
    seats = np.maximum(whole, min_seats)
    fractions = np.where(whole >= min_seats, quotas - whole, -1.0)
    leftover = house_size - int(seats.sum())
    if leftover >= 0:
        order = np.argsort(-fractions, kind="stable")
        seats[order[:leftover]] += 1
        return seats
    # Minimums took more than the leftovers (tiny Houses only): the smallest fractions above the
    # minimum give their seat back, one each, until the House adds up.
    while leftover < 0:
        candidates = np.where(seats > min_seats, quotas - seats + 1, np.inf)
        seats[int(np.argmin(candidates))] -= 1
        leftover += 1
    return seats


# -- results --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Apportionment:
    """Seats per state for one house size and method, aligned to ``states``.

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

    >>> apportion({"A": 10, "B": 1}, house_size=3, method="jefferson").as_dict()
    {'A': 2, 'B': 1}
    """
    codes, pops = validate_populations(populations)
    chosen = globals()["method"](method)
    try:
        house_size = int(str(house_size).strip()) if isinstance(house_size, str) else int(house_size)
    except ValueError:
        raise InvalidInput(f"house size must be a whole number, got {house_size!r}") from None
    if house_size < len(codes) * min_seats:
        raise InvalidInput(f"a House of {house_size} seats is smaller than the {len(codes)} states"
                           f" (each state gets at least {min_seats})")
    if min_seats < 0:
        raise InvalidInput(f"minimum seats must be >= 0, got {min_seats}")
    last = following = None
    if chosen.signpost is not None:
        seats, last_i, next_i = _divisor_seats(pops, house_size, min_seats, chosen.signpost)
        last = (codes[last_i[0]], last_i[1]) if last_i else None
        following = (codes[next_i[0]], next_i[1]) if next_i else None
    else:
        seats = _hamilton_seats(pops, house_size, min_seats)
    return Apportionment(chosen.name, house_size, codes, pops, seats, census, last, following)


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
    def number(text: str) -> int | None:
        return int(text) if text else None

    return tuple(ApportionmentAct(int(r["census_year"]), r["act"], r["method"], number(r["house_size"]),
                                  number(r["ratio"]), number(r["first_election"]), int(r["dc_electors"]), r["source"])
                 for r in read_table("apportionment_history"))


@lru_cache(maxsize=None)
def adjustments() -> tuple[Adjustment, ...]:
    """Seats added by statute or on admission between censuses, with citations."""
    return tuple(Adjustment(int(r["census_year"]), r["state"], int(r["seats"]), int(r["first_election"]), r["kind"],
                            r["source"]) for r in read_table("apportionment_adjustments"))


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
    seats = {r["state"]: int(r["seats"]) for r in read_table("apportionment_seats") if int(r["census_year"]) == year}
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
    rows = [r for r in read_table("apportionment_populations") if int(r["census_year"]) == year]
    if not rows:
        have = sorted({int(r["census_year"]) for r in read_table("apportionment_populations")})
        raise UnknownYear(f"no populations packaged for the {year} census (packaged: {', '.join(map(str, have))});"
                          " before 1870 the three-fifths count by state is not in the data kit")
    base = [r for r in rows if r["apportioned"] == "yes"]
    citations = {r["key"]: r["citation"] for r in read_table("apportionment_sources")}
    return CensusPopulations(year, tuple(r["state"] for r in base),
                             np.array([float(r["population"]) for r in base]),
                             {r["state"]: int(r["population"]) for r in rows if r["apportioned"] != "yes"},
                             "; ".join(sorted({citations[r["source"]] for r in base})))


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
    if statutory if statutory is not None else in_force:
        seats = result.as_dict()
        for adj in adjustments():
            if adj.census == law.census and adj.kind == "statute":
                seats[adj.state] = seats.get(adj.state, 0) + adj.seats
        codes = tuple(sorted(seats))
        pops = dict(zip(result.states, result.populations))
        result = Apportionment(result.method, sum(seats.values()), codes,
                               np.array([pops.get(c, np.nan) for c in codes]),
                               np.array([seats[c] for c in codes], dtype=np.int64), law.census,
                               result.last_seat, result.next_in_line)
    return result


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
    try:
        return int(str(value).strip())
    except ValueError:
        raise UnknownYear(f"year must be a whole number, got {value!r}") from None
