"""Units: the bodies that appoint electors, and a year's allotment as aligned arrays.

A *unit* is a state voting at large, or one of Maine's (from 1972) or Nebraska's (from 1992)
congressional districts (``ME-1``, ``ME-2``, ``NE-1`` ... ``NE-3``). In those split years the
state's own code (``ME``, ``NE``) stands for its two at-large electors. DC is a unit from 1964.

Analysis and probability code works on :class:`Units`: numpy arrays aligned to one fixed order
(the order of the packaged table: states alphabetically by code, each followed by its districts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from electoral.data.loaders import keys_of, read_rows, rows_for
from electoral.errors import UnknownUnit, UnknownYear
from electoral.parse import year_number


@dataclass(frozen=True)
class State:
    """A state (or DC) as it appears in the record."""

    code: str
    fips: str
    name: str
    admitted: str  # ISO date the state joined the Union (DC: date of the 23rd Amendment)
    note: str = ""


@dataclass(frozen=True)
class Units:
    """A year's allotment: unit codes with their electors, as aligned arrays.

    >>> u = units_for(2020)
    >>> len(u), u.total, int(u.electoral_votes[u.index("ME-2")])
    (56, 538, 1)
    """

    year: int
    codes: tuple[str, ...]
    states: tuple[str, ...]  # the state each unit belongs to (``ME-2`` -> ``ME``)
    electoral_votes: np.ndarray = field(repr=False)  # int64, read-only
    _positions: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.electoral_votes.setflags(write=False)
        self._positions.update({code: i for i, code in enumerate(self.codes)})

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def total(self) -> int:
        """Electors appointed in all (the House's 435 + 100 + 3 = 538 since 1964)."""
        return int(self.electoral_votes.sum())

    def index(self, code: str) -> int:
        """Position of a unit code (case-insensitive) in the arrays; raises :class:`UnknownUnit`."""
        try:
            return self._positions[normalize_code(code)]
        except KeyError:
            raise UnknownUnit(
                f"unknown state or district {code!r} for {self.year}"
                f" (known: {', '.join(self.codes)})"
            ) from None

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and normalize_code(code) in self._positions


def normalize_code(code: str) -> str:
    """Canonical spelling of a unit code: ``" me2 "`` -> ``"ME-2"``, ``"pa"`` -> ``"PA"``."""
    text = code.strip().upper().replace("_", "-")
    if len(text) == 3 and text[:2].isalpha() and text[2].isdigit():
        text = f"{text[:2]}-{text[2]}"
    return text


@lru_cache(maxsize=None)
def states() -> dict[str, State]:
    """All states and DC by USPS code.

    >>> states()["DC"].name
    'District of Columbia'
    """
    return {row.code: State(row.code, row.fips, row.name, row.admitted.isoformat(), row.note)
            for row in read_rows("states")}


@lru_cache(maxsize=None)
def election_years() -> tuple[int, ...]:
    """Every presidential election year in the record (the years of the allotment table), in order.

    The last one is the last election recorded: adding a year's rows to the data adds the year.

    >>> election_years()[:3], election_years()[-1] >= 2024
    ((1789, 1792, 1796), True)
    """
    return keys_of("electoral_votes")


def record_span() -> str:
    """The years of the record as text, ``first-last``, for help strings and messages (the last year is the
    data's: a new year in the tables moves it).

    >>> record_span().startswith("1789-")
    True
    """
    years = election_years()
    return f"{years[0]}-{years[-1]}"


def validate_year(year: object) -> int:
    """Return ``year`` as an int if it is an election year in the record, else raise :class:`UnknownYear`.

    >>> validate_year("2020")
    2020
    >>> validate_year("2_020")
    Traceback (most recent call last):
    electoral.errors.UnknownYear: year must be a whole number written in digits 0-9, got '2_020'
    """
    value = year_number(year)
    years = election_years()
    if value not in years:
        raise UnknownYear(
            f"no presidential election in {value}: the record covers "
            f"{years[0]}-{years[-1]}, every fourth year from 1792"
        )
    return value


@lru_cache(maxsize=None)
def units_for(year: int) -> Units:
    """The allotment of ``year``: every unit that appointed electors, in the fixed order.

    >>> units_for(1789).total  # New York, North Carolina and Rhode Island appointed none
    73
    """
    year = validate_year(year)
    rows = rows_for("electoral_votes", year)
    return Units(
        year=year,
        codes=tuple(row.unit for row in rows),
        states=tuple(row.state for row in rows),
        electoral_votes=np.array([row.electoral_votes for row in rows], dtype=np.int64),
    )
