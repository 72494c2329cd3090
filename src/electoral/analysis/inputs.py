"""A two-candidate contest as aligned arrays: the input of every analysis.

:func:`contest` reads one year from the record (:func:`electoral.record.election`); scenarios
build a :class:`Contest` directly with :meth:`Contest.from_margins`.

Definitions
- *Margin* of the first candidate in a unit: ``(a - b) / base`` where the base is all votes cast
  (definition ``all``, the default and the published convention) or the two candidates' votes
  (``two-party``); see :mod:`electoral.margins`. The *national* margin sums the states' votes
  (each district's votes are already in its state's).
- *Counted* electoral votes: what Congress counted for each candidate in each unit, splits kept
  (1960 Alabama: 5 Kennedy, 6 Byrd; faithless electors). Flipping a unit gives all its electors to
  the new winner, as :func:`electoral.scenario.run` does.
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
from electoral.margins import margin as margin_of, margin_definition
from electoral.record import election
from electoral.tally import majority_needed as majority_of
from electoral.units import normalize_code, validate_year

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
    # int64 (n, 2): electoral votes counted for each candidate per unit; default: every elector to ``won_by``
    counted: np.ndarray | None = field(default=None, repr=False)
    # float64: popular votes of the strongest other candidate per unit (0 where none is recorded)
    others: np.ndarray | None = field(default=None, repr=False)
    definition: str | None = None  # the margin definition of ``margin`` (None: margins as given)

    def __post_init__(self) -> None:
        if self.counted is None:
            counted = np.zeros((len(self.codes), 2), dtype=np.int64)
            for side in (0, 1):
                counted[self.won_by == side, side] = self.electoral_votes[self.won_by == side]
            object.__setattr__(self, "counted", counted)
        if self.others is None:
            object.__setattr__(self, "others", np.zeros(len(self.codes)))

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
        """Electoral votes counted for ``side`` (0 or 1) over all units, as Congress counted them."""
        return int(self.counted[:, side].sum())

    def movable(self) -> np.ndarray:
        """Per unit, whether votes can take it from its carrier: carried by one of the two candidates, with
        recorded popular votes, and (at large) carried by the popular plurality among the candidates.

        A swing in :func:`electoral.scenario.run` leaves the other units as counted (a legislature's
        choice, 1908 Maryland's 6 Bryan electors for a state Taft carried by 605 votes, 1960 Alabama).

        >>> Contest.from_margins(["X", "Y", "Z"], [5, 3, 1], [0.1, -0.2, 0.0]).movable().tolist()
        [True, True, False]
        """
        carrier = np.where(self.won_by == 1, 1, 0)
        rows = np.arange(len(self.codes))
        own, rival = self.votes[rows, carrier], self.votes[rows, 1 - carrier]
        estimated = np.array([bool(why) for why in self.estimated], dtype=bool)
        given = ~np.isfinite(self.votes).all(axis=1) & ~estimated  # margins as given (a scenario's contest)
        district = np.array([code != state for code, state in zip(self.codes, self.states)], dtype=bool)
        with np.errstate(invalid="ignore"):
            plurality = (own >= rival) & ((own >= self.others) | district)  # district returns name two candidates
        return (self.won_by != OTHER) & ~estimated & (given | plurality)

    def swing_to_lose(self, side: int) -> np.ndarray:
        """Per unit, the uniform swing away from ``side`` (a fraction, in ``margin`` terms) past which ``side``
        no longer carries it; ``inf`` where ``side`` has counted electors a swing cannot move.

        It is ``side``'s margin over the other candidate, or less where a third candidate is ahead of
        the other one: moving ``x`` votes away narrows a lead over a third candidate by ``x`` only,
        so that lead is crossed at twice its size in margin points (1856: Buchanan's Southern states
        against Fillmore).

        >>> c = Contest.from_margins(["X", "Y"], [5, 3], [0.1, -0.2])
        >>> c.swing_to_lose(0).tolist()
        [0.1, -0.2]
        """
        margin = self.margin * (1.0 if side == 0 else -1.0)
        if self.definition is not None:
            own, rival = self.votes[:, side], self.votes[:, 1 - side]
            base = margin_definition(self.definition).base(own, rival, self.total)
            with np.errstate(invalid="ignore", divide="ignore"):
                to_third = 2 * (own - self.others) / base
                ahead = np.isfinite(to_third) & (self.others > rival)
            margin = np.where(ahead, np.minimum(margin, to_third), margin)
        fixed = ~self.movable() & (self.counted[:, side] > 0)
        return np.where(fixed, np.inf, margin)

    def after_flips(self, flipped: list[int] | tuple[int, ...] | np.ndarray, to: int) -> tuple[int, int]:
        """Both candidates' electoral votes once the units ``flipped`` give all their electors to side ``to``.

        >>> c = Contest.from_margins(["X", "Y", "Z"], [5, 3, 1], [0.1, -0.2, 0.05])
        >>> c.after_flips([2], to=1)
        (5, 4)
        """
        idx = np.asarray(flipped, dtype=np.int64)
        after = [self.side_votes(0), self.side_votes(1)]
        after[to] += int((self.electoral_votes[idx] - self.counted[idx, to]).sum())
        after[1 - to] -= int(self.counted[idx, 1 - to].sum())
        return after[0], after[1]


def contest(year: int | str, first: str | None = None, second: str | None = None,
            margin: str | None = None) -> Contest:
    """The year's contest between ``first`` and ``second`` (default: the top two with popular votes).

    ``margin`` names the margin definition (:data:`electoral.margins.MARGINS`; default ``all``).

    >>> c = contest(2020)
    >>> c.candidates, c.parties, round(c.national_margin, 4), c.definition
    (('Joe Biden', 'Donald Trump'), ('Democratic', 'Republican'), 0.0446, 'all')
    >>> round(contest(2020, margin="two-party").national_margin, 4)
    0.0454
    """
    return _contest(validate_year(year), first, second, margin_definition(margin).name)


@lru_cache(maxsize=None)
def _contest(year: int, first: str | None, second: str | None, definition: str) -> Contest:
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
    recorded = margin_of(definition, tp.votes[:, 0], tp.votes[:, 1], tp.total)
    margin, estimated = estimate_margins(units.codes, units.states, recorded, won_by)
    at_large = np.array(["-" not in code for code in units.codes]) & np.isfinite(tp.total)
    national = float(margin_of(definition, *(np.nansum(tp.votes[at_large, k]) for k in (0, 1)),
                               np.nansum(tp.total[at_large])))
    return Contest(e.year, units.codes, units.states, units.electoral_votes, tp.candidates,
                   tuple(e.parties.get(c, "") for c in tp.candidates), tp.votes, tp.total, margin, won_by,
                   estimated, e.tally().majority_needed, national, e.counted(tp.candidates), tp.others,
                   definition)


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
