"""Tipping point and Electoral College bias, with the rows of a snake chart.

Order the units by the winner's margin, strongest first, and add up the electoral votes counted
for the winner in each (as Congress counted them: a faithless elector's vote is not the winner's):
the *tipping-point* unit is the one that brings the winner to the majority. This is the unit a
uniform swing away from the winner must pass to deny the majority
(:func:`electoral.scenario.smallest_swings` under the same margin definition). The *bias* of the
Electoral College is the tipping-point margin minus the national margin, both as margins of the
first candidate: negative means the Electoral College leaned toward the second candidate,
positive toward the first. Margins are shares of all votes by default, or of the two-party vote
(``margin="two-party"``; :mod:`electoral.margins`).

>>> race = Contest.from_margins(["X", "Y", "Z"], [4, 3, 2], [0.20, 0.02, -0.30], national_margin=0.05)
>>> tp = tipping_point_of(race)
>>> tp.unit, round(tp.bias, 2), tp.favours
('Y', -0.03, 'B')
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from electoral.analysis.inputs import OTHER, Contest, contest


@dataclass(frozen=True)
class SnakeRow:
    """One unit in the winner's order: strongest first."""

    unit: str
    electoral_votes: int
    margin: float  # the first candidate's margin (estimated where ``estimated`` says why)
    winner_margin: float  # the same margin from the winner's side
    won_by: str | None  # the candidate whose electors carried the unit, None for a third candidate
    cumulative: int  # the winner's counted electoral votes from this unit and all stronger ones
    estimated: str = ""
    winner_votes: int = 0  # the winner's counted electoral votes in this unit
    swing: float = float("nan")  # the uniform swing away from the winner that takes the unit (inf: none can)


@dataclass(frozen=True)
class TippingPoint:
    """The tipping point of one contest, its bias and the snake-chart rows."""

    year: int | None
    candidates: tuple[str, str]
    winner: str  # the candidate with a majority, else the leader in electoral votes
    majority_needed: int
    winner_votes: int  # electoral votes counted for the winner
    unit: str | None  # the tipping-point unit; None when the winner has no majority
    margin: float | None  # its margin, as the first candidate's
    national_margin: float
    rows: tuple[SnakeRow, ...]
    definition: str | None = None  # the margin definition (electoral.margins); None: margins as given
    swing: float | None = None  # the swing away from the winner that takes the tipping unit (its margin, or less)

    @property
    def bias(self) -> float | None:
        """Tipping-point margin minus national margin (first candidate's terms; < 0 favours the second)."""
        if self.margin is None or not np.isfinite(self.national_margin):
            return None
        return self.margin - self.national_margin

    @property
    def favours(self) -> str | None:
        """The candidate the Electoral College leaned toward, None without a bias."""
        bias = self.bias
        if bias is None or bias == 0:
            return None
        return self.candidates[0] if bias > 0 else self.candidates[1]

    @property
    def estimated(self) -> tuple[str, ...]:
        """Units whose margins are estimated (no recorded popular vote)."""
        return tuple(r.unit for r in self.rows if r.estimated)


def tipping_point_of(race: Contest) -> TippingPoint:
    """The tipping point of any contest (historical or scenario)."""
    carried = (race.side_votes(0), race.side_votes(1))
    # the majority holder, else the leader (then there is no tipping point to report)
    side = 0 if carried[0] >= carried[1] else 1
    sign = 1.0 if side == 0 else -1.0
    winner_margin = race.margin * sign
    # strongest first (the largest swing needed to take the unit away); ties keep the table's order
    swing = race.swing_to_lose(side)
    order = np.argsort(-swing, kind="stable")
    counted = race.counted[order, side]
    cumulative = np.cumsum(counted)
    reached = np.flatnonzero(cumulative >= race.majority_needed)
    tipping = int(order[reached[0]]) if len(reached) else None
    names = {0: race.candidates[0], 1: race.candidates[1], OTHER: None}
    rows = tuple(
        SnakeRow(race.codes[i], int(race.electoral_votes[i]), float(race.margin[i]), float(winner_margin[i]),
                 names[int(race.won_by[i])], int(c), race.estimated[i], int(n), float(swing[i]))
        for i, c, n in zip(order.tolist(), cumulative.tolist(), counted.tolist())
    )
    return TippingPoint(
        race.year, race.candidates, race.candidates[side], race.majority_needed, carried[side],
        race.codes[tipping] if tipping is not None else None,
        float(race.margin[tipping]) if tipping is not None else None,
        race.national_margin, rows, race.definition, float(swing[tipping]) if tipping is not None else None,
    )


def tipping_point(year: int | str, first: str | None = None, second: str | None = None,
                  margin: str | None = None) -> TippingPoint:
    """The tipping point of a recorded election (default: the top two candidates in electoral votes).

    ``margin``: ``"all"`` (default; margins as shares of all votes, the published convention) or
    ``"two-party"``; anything else raises :class:`~electoral.errors.InvalidInput`.

    >>> tp = tipping_point(2020)
    >>> tp.unit, round(tp.margin * 100, 2), round(tp.bias * 100, 2), tp.favours, tp.definition
    ('WI', 0.63, -3.83, 'Donald Trump', 'all')
    >>> tipping_point(2012).unit, tipping_point(2012, margin="two-party").unit
    ('CO', 'PA')
    """
    return tipping_point_of(contest(year, first, second, margin))
