"""A two-candidate contest as aligned arrays: the input of every analysis.

:func:`contest` reads one year from the record (:func:`electoral.record.election`); scenarios
build a :class:`Contest` directly with :meth:`Contest.from_margins`.

Definitions
- *Two-party margin* of the first candidate in a unit: ``(a - b) / (a + b)`` over the two
  candidates' popular votes only; the *national* margin sums the states' votes (each district's
  votes are already in its state's).
- The default candidates are the top two in electoral votes among those with recorded popular
  votes (in 1872 Grant and Greeley: Greeley died before the electors voted).
- A unit's margin is *estimated* where its popular vote is not recorded, and the reason is kept
  in ``estimated``: a Maine/Nebraska district without district returns takes the size of its
  state's margin in the direction of the district's recorded winner (the state's own margin when
  both went the same way); a unit whose electors were not chosen by voters (a legislature) takes
  ``+1``/``-1`` toward its recorded winner (the safest), ``0`` if neither candidate won it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from electoral.errors import InvalidInput, UnknownUnit
from electoral.record import election
from electoral.tally import majority_needed as majority_of
from electoral.units import normalize_code

OTHER = -1  # won_by: neither of the two candidates (a third candidate, or no electors counted)


@dataclass(frozen=True)
class Contest:
    """Two candidates' votes and margins per unit, aligned to ``codes``.

    >>> c = Contest.from_margins(["X", "Y", "Z"], [5, 3, 1], [0.1, -0.2, 0.05])
    >>> c.won_by.tolist(), c.majority_needed
    ([0, 1, 0], 5)
    """

    year: int | None
    codes: tuple[str, ...]
    states: tuple[str, ...]  # the state of each unit (a district's state)
    electoral_votes: np.ndarray = field(repr=False)  # int64
    candidates: tuple[str, str]
    parties: tuple[str, str]
    votes: np.ndarray = field(repr=False)  # float64 (n, 2) popular votes, NaN where not recorded
    total: np.ndarray = field(repr=False)  # float64 all votes cast per unit, NaN where not recorded
    margin: np.ndarray = field(repr=False)  # float64 first candidate's two-party margin, estimated where NaN
    won_by: np.ndarray = field(repr=False)  # int: 0 first, 1 second, OTHER neither (recorded winner)
    estimated: tuple[str, ...]  # "" or why the unit's margin is estimated
    majority_needed: int
    national_margin: float

    @classmethod
    def from_margins(
        cls, codes: list[str] | tuple[str, ...], electoral_votes: list[int] | np.ndarray,
        margins: list[float] | np.ndarray, candidates: tuple[str, str] = ("A", "B"),
        national_margin: float = float("nan"), year: int | None = None,
    ) -> Contest:
        """A scenario: each unit goes to whoever leads its margin (first candidate if > 0)."""
        margin = np.asarray(margins, dtype=float)
        ev = np.asarray(electoral_votes, dtype=np.int64)
        if not (len(codes) == len(ev) == len(margin)) or np.isnan(margin).any():
            raise InvalidInput("codes, electoral votes and margins must align, without NaN")
        won_by = np.where(margin > 0, 0, np.where(margin < 0, 1, OTHER))
        return cls(year, tuple(codes), tuple(codes), ev, candidates, ("", ""), np.full((len(ev), 2), np.nan),
                   np.full(len(ev), np.nan), margin, won_by, ("",) * len(ev), majority_of(int(ev.sum())),
                   national_margin)

    def index(self, code: str) -> int:
        """Position of a unit; raises :class:`UnknownUnit` naming the code."""
        try:
            return self.codes.index(normalize_code(code))
        except ValueError:
            raise UnknownUnit(f"unknown state or district {code!r}"
                              + (f" for {self.year}" if self.year else "")) from None

    def side_votes(self, side: int) -> int:
        """Electoral votes of the units the recorded winner of which is ``side``."""
        return int(self.electoral_votes[self.won_by == side].sum())


@lru_cache(maxsize=None)
def contest(year: int | str, first: str | None = None, second: str | None = None) -> Contest:
    """The year's contest between ``first`` and ``second`` (default: the top two with popular votes).

    >>> c = contest(2020)
    >>> c.candidates, c.parties, round(c.national_margin, 4)
    (('Joe Biden', 'Donald Trump'), ('Democratic', 'Republican'), 0.0454)
    """
    e = election(year)
    ranked = [c.name for c in e.tally().candidates if c.popular_votes]
    first = first or (ranked[0] if ranked else None)
    second = second or next((name for name in ranked if name != first), None)
    tp = e.two_party(first, second)
    units = tp.units
    if not np.isfinite(tp.national_margin):
        raise InvalidInput(f"no popular vote is recorded for {e.year} (the record has popular votes from 1824)")
    winners = e.winners()
    won_by = np.array([0 if w == tp.candidates[0] else 1 if w == tp.candidates[1] else OTHER for w in winners])
    margin, estimated = estimate_margins(units.codes, units.states, tp.margin, won_by)
    return Contest(e.year, units.codes, units.states, units.electoral_votes, tp.candidates,
                   tuple(e.parties.get(c, "") for c in tp.candidates), tp.votes, tp.total, margin, won_by,
                   estimated, e.tally().majority_needed, tp.national_margin)


def estimate_margins(
    codes: tuple[str, ...], states: tuple[str, ...], recorded: np.ndarray, won_by: np.ndarray
) -> tuple[np.ndarray, tuple[str, ...]]:
    """Fill the margins that have no recorded popular vote, and say why each was filled.

    A district takes the size of its state's margin toward its own recorded winner; a unit with
    no popular vote at all takes +1/-1 toward its winner (0 if neither candidate carried it).

    >>> m, why = estimate_margins(("ST", "ST-1", "LG"), ("ST", "ST", "LG"), np.array([0.1, np.nan, np.nan]),
    ...                           np.array([0, 1, 0]))
    >>> m.tolist(), [w.split(":")[0] for w in why]
    ([0.1, -0.1, 1.0], ['', 'district votes missing', 'no popular vote (electors not chosen by voters)'])
    """
    by_state = {code: recorded[i] for i, code in enumerate(codes) if code == states[i]}
    margin = np.array(recorded, dtype=float)
    estimated = [""] * len(codes)
    for i in np.flatnonzero(~np.isfinite(margin)):
        toward = {0: 1.0, 1: -1.0}.get(int(won_by[i]), 0.0)  # the recorded winner's direction
        statewide = by_state.get(states[i], np.nan)
        if codes[i] != states[i] and np.isfinite(statewide):
            margin[i] = toward * abs(statewide)
            estimated[i] = "district votes missing: the statewide margin's size, toward the district's winner"
        else:
            margin[i] = toward
            estimated[i] = "no popular vote (electors not chosen by voters): counted as the winner's safest unit"
    return margin, tuple(estimated)


def side_names(race: Contest) -> dict[str, int]:
    """Every accepted spelling of each side: name, last name, party, party initial (when unambiguous).

    >>> sorted(k for k, v in side_names(contest(2020)).items() if v == 1)
    ['DONALD TRUMP', 'R', 'REPUBLICAN', 'TRUMP']
    """
    spellings: dict[str, set[int]] = {}
    for side, (name, party) in enumerate(zip(race.candidates, race.parties)):
        words = {name, name.split()[-1], party, party[:1]}
        for word in filter(None, words):
            spellings.setdefault(word.upper(), set()).add(side)
    return {word: sides.pop() for word, sides in spellings.items() if len(sides) == 1}


def side_index(race: Contest, who: str) -> int:
    """0 for the first candidate, 1 for the second; raises :class:`InvalidInput` for anything else.

    >>> side_index(contest(2020), "d"), side_index(contest(2020), "Trump")
    (0, 1)
    """
    names = side_names(race)
    key = who.strip().upper()
    if key not in names:
        raise InvalidInput(f"unknown side {who!r}: use one of {', '.join(sorted(names))}")
    return names[key]
