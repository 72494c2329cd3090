"""Minimum votes: the fewest popular votes that change an outcome, exact, by knapsack over states.

Two questions on a year's recorded turnout:

- **Change the outcome.** Which units, flipped from the winner to the runner-up, deny the winner
  a majority (or give the runner-up one) with the fewest votes? A unit's price depends on the
  mode (a registry, :data:`FLIP_COSTS`) and on the votes of the carrier ``w``, the runner-up ``r``
  and the strongest other candidate ``c``: ``moved`` voters switch from ``w`` to ``r`` until ``r``
  leads everyone (``max((w - r) // 2 + 1, c - r + 1)``), ``added`` new voters join ``r``
  (``max(w, c) - r + 1``). Electoral votes are those Congress counted (a faithless elector's vote
  is not the candidate's), and a flipped unit gives all its electors to the runner-up, as
  :func:`electoral.scenario.run` does with the same flips.
- **Smallest winning share.** The fewest votes that carry a majority of electors when a unit is
  won by a majority of the votes cast in it (``total // 2 + 1``), nothing anywhere else; as a
  share of all votes cast nationally.

Only units carried by one of the two candidates by the plurality of their recorded popular votes
can change hands (:meth:`~electoral.analysis.inputs.Contest.movable`).
In Maine and Nebraska a vote counts in its district and statewide, so a state is one knapsack
item with a choice: flipping its at-large electors and districts ``D`` costs
``max(statewide price, sum of the prices of D)``.

>>> cheapest_cover([[(3, 100)], [(2, 40)], [(2, 50)]], target=4)
(90, (-1, 0, 0))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from electoral.analysis.inputs import Contest, contest
from electoral.errors import InvalidInput

FLIP_COSTS: dict[str, Callable[[int, int, int], int]] = {
    # (carrier's votes, runner-up's, strongest other candidate's) -> votes that make the runner-up the plurality
    "moved": lambda w, r, c: max((w - r) // 2 + 1, c - r + 1),  # a switched voter narrows w's lead by two, c's by one
    "added": lambda w, r, c: max(w, c) - r + 1,  # each new voter narrows every lead by one
}


def majority_of_votes(total: int) -> int:
    """Votes that carry a unit outright: a majority of all votes cast.

    >>> majority_of_votes(101), majority_of_votes(100)
    (51, 51)
    """
    return total // 2 + 1


def cheapest_cover(groups: Sequence[Sequence[tuple[int, int]]], target: int) -> tuple[int, tuple[int, ...]] | None:
    """Choose at most one option ``(electoral_votes, cost)`` per group, reaching ``target`` at least cost.

    Returns the cost and the chosen option of each group (-1 for none), or None if ``target`` is
    out of reach. A dynamic program over electoral votes (capped at ``target``), exact in integers.

    >>> cheapest_cover([[(1, 5), (2, 8)], [(1, 4)]], target=3)
    (12, (1, 0))
    >>> cheapest_cover([[(1, 5)]], target=2) is None
    True
    """
    if target <= 0:
        return 0, (-1,) * len(groups)
    big = np.iinfo(np.int64).max // 4  # "unreachable", with room to add any cost
    levels = np.arange(target + 1)
    best = np.full(target + 1, big, dtype=np.int64)
    best[0] = 0
    trail: list[tuple[np.ndarray, np.ndarray]] = []
    for options in groups:
        new, pick, came_from = best.copy(), np.full(target + 1, -1), levels.copy()
        for o, (ev, cost) in enumerate(options):
            if ev <= 0:
                continue
            reach, source = np.full(target + 1, big, dtype=np.int64), levels.copy()
            below = max(target - ev, 0)
            reach[ev:target] = best[: max(target - ev, 0)] + cost
            source[ev:target] = levels[: max(target - ev, 0)]
            j = below + int(np.argmin(best[below:]))  # every level from ``below`` up reaches the target
            reach[target], source[target] = best[j] + cost, j
            better = reach < new
            new[better], pick[better], came_from[better] = reach[better], o, source[better]
        trail.append((pick, came_from))
        best = new
    if best[target] >= big:
        return None
    chosen, level = [], target
    for pick, came_from in reversed(trail):
        chosen.append(int(pick[level]))
        level = int(came_from[level])
    return int(best[target]), tuple(reversed(chosen))


@dataclass(frozen=True)
class Flip:
    """One state's part of a solution: its units that change hands and the votes that does."""

    state: str
    units: tuple[str, ...]
    electoral_votes: int
    margin_votes: int  # the lead overcome (statewide when its at-large electors flip); 0 for a share
    votes: int  # votes needed in this state


@dataclass(frozen=True)
class Solution:
    """The cheapest set of units that achieves ``goal``; ``votes`` is None when no set can."""

    goal: str
    mode: str
    votes: int | None
    electoral_votes: int
    flips: tuple[Flip, ...]
    after: tuple[int, int] | None = None  # electoral votes of the two candidates afterwards

    @property
    def margin_votes(self) -> int:
        """The leads overcome, summed (the combined margin of the flipped units)."""
        return sum(f.margin_votes for f in self.flips)


@dataclass(frozen=True)
class MinVotesReport:
    """Minimum-votes answers for one year."""

    year: int | None
    candidates: tuple[str, str]
    mode: str
    changes: tuple[Solution, ...]  # deny the winner a majority; give the runner-up one
    smallest_share: Solution  # win a majority with the fewest votes (majority of votes cast per unit)
    national_votes: int  # all votes cast in the units counted
    notes: tuple[str, ...]

    @property
    def share(self) -> float | None:
        """The smallest share of the national popular vote that wins a majority of electors."""
        votes = self.smallest_share.votes
        return votes / self.national_votes if votes is not None and self.national_votes else None


def _state_options(units: Sequence[int], at_large: int | None, price: dict[int, int], statewide: int | None,
                   electoral_votes: np.ndarray) -> list[tuple[tuple[int, ...], int, int]]:
    """Every non-empty set of one state's available units with its electoral votes and price."""
    found = []
    for size in range(1, len(units) + 1):
        for chosen in combinations(units, size):
            districts = sum(price[i] for i in chosen if i != at_large)
            cost = max(districts, statewide) if at_large in chosen and statewide is not None else districts
            found.append((chosen, int(electoral_votes[list(chosen)].sum()), cost))
    return found


def cheapest_units(
    race: Contest, price: dict[int, int], statewide: dict[str, int], lead: dict[int, int], target: int,
    goal: str, mode: str, worth: np.ndarray | None = None,
) -> Solution:
    """The cheapest units among those priced (``price``: unit index -> votes) worth ``target`` electoral votes.

    ``statewide`` holds the price of a split state's at-large electors by state; ``lead`` the
    margin each unit's flip overcomes (statewide for at-large units); ``worth`` what each unit's
    flip counts toward ``target`` (default: its electors).
    """
    worth = race.electoral_votes if worth is None else worth
    groups: dict[str, list[int]] = {}
    for i in sorted(price):
        groups.setdefault(race.states[i], []).append(i)
    menus = []
    for state, members in groups.items():
        at_large = next((i for i in members if race.codes[i] == state), None)
        menus.append(_state_options(members, at_large, price, statewide.get(state), worth))
    answer = cheapest_cover([[(ev, cost) for _, ev, cost in menu] for menu in menus], target)
    if answer is None:
        return Solution(goal, mode, None, 0, ())
    flips = [_flip(race, state, menu[pick], lead) for state, menu, pick in zip(groups, menus, answer[1]) if pick >= 0]
    return Solution(goal, mode, answer[0], sum(f.electoral_votes for f in flips), tuple(flips))


def _flip(race: Contest, state: str, option: tuple[tuple[int, ...], int, int], lead: dict[int, int]) -> Flip:
    """One state's chosen units as a :class:`Flip` (the lead it overcomes: statewide if its at-large unit flips)."""
    chosen, _, cost = option
    at_large = [i for i in chosen if race.codes[i] == state]
    overcome = lead[at_large[0]] if at_large else sum(lead[i] for i in chosen)
    return Flip(state, tuple(race.codes[i] for i in chosen), int(race.electoral_votes[list(chosen)].sum()),
                overcome, cost)


def _leads(race: Contest, side: int, votes: np.ndarray, known: np.ndarray, notes: list[str]) -> dict[int, int]:
    """Unit index -> ``side``'s popular lead, for the units ``side`` carried that a change of votes can move."""
    movable = race.movable()
    lead: dict[int, int] = {}
    for i in np.flatnonzero((race.won_by == side) & known):
        if movable[i]:
            lead[int(i)] = int(votes[i, side] - votes[i, 1 - side])
        else:
            notes.append(f"{race.codes[i]}: carried by {race.candidates[side]} without the most popular votes, "
                         "left out")
    return lead


def _goals(race: Contest, side: int, carried: tuple[int, int]) -> list[tuple[str, int, np.ndarray]]:
    """What flipping ``side``'s units can achieve: (goal, electoral votes needed, what each unit's flip counts)."""
    other, need = 1 - side, race.majority_needed
    goals = []
    if carried[side] >= need:  # each flip takes away the electors counted for ``side``
        goals.append((f"deny {race.candidates[side]} a majority", carried[side] - need + 1, race.counted[:, side]))
    if carried[other] < need:  # each flip gives ``other`` all the unit's electors
        goals.append((f"give {race.candidates[other]} a majority", need - carried[other],
                      race.electoral_votes - race.counted[:, other]))
    return goals


def _side_changes(race: Contest, side: int, mode: str, votes: np.ndarray, known: np.ndarray,
                  notes: list[str]) -> list[Solution]:
    """The cheapest changes that flip units from ``side`` to the other candidate, one per goal."""
    other, cost_of = 1 - side, FLIP_COSTS[mode]
    lead = _leads(race, side, votes, known, notes)
    price = {i: cost_of(int(votes[i, side]), int(votes[i, other]), int(race.others[i])) for i in lead}
    statewide = {race.states[i]: price[i] for i in price if race.codes[i] == race.states[i]}
    changes = []
    for goal, target, worth in _goals(race, side, (race.side_votes(0), race.side_votes(1))):
        found = cheapest_units(race, price, statewide, lead, target, goal, mode, worth)
        flipped = [race.index(code) for f in found.flips for code in f.units]
        after = race.after_flips(flipped, to=other) if found.votes is not None else None
        changes.append(Solution(goal, mode, found.votes, found.electoral_votes, found.flips, after))
    return changes


def _smallest_share(race: Contest) -> tuple[Solution, int]:
    """The fewest votes that carry a majority of electors (half the votes cast, plus one, in each unit taken),
    and the national total of votes cast."""
    totals = np.asarray(race.total, dtype=float)
    counted = np.isfinite(totals)
    half = {int(i): majority_of_votes(int(totals[i])) for i in np.flatnonzero(counted)}
    at_large_half = {race.states[i]: v for i, v in half.items() if race.codes[i] == race.states[i]}
    share = cheapest_units(race, half, at_large_half, {i: 0 for i in half}, race.majority_needed,
                           "win a majority with the fewest votes", "majority of votes cast")
    return share, int(sum(totals[i] for i in np.flatnonzero(counted) if race.codes[i] == race.states[i]))


def min_votes_of(race: Contest, mode: str = "moved") -> MinVotesReport:
    """:func:`min_votes` for any contest with popular votes."""
    if mode not in FLIP_COSTS:
        raise InvalidInput(f"unknown mode {mode!r}: use one of {', '.join(FLIP_COSTS)}")
    votes = np.asarray(race.votes, dtype=float)
    known = np.isfinite(votes).all(axis=1)
    notes = [f"{race.codes[i]}: no popular vote recorded, cannot change hands" for i in np.flatnonzero(~known)]
    carried = (race.side_votes(0), race.side_votes(1))
    holder = 0 if carried[0] >= carried[1] else 1
    changes = _side_changes(race, holder, mode, votes, known, notes)
    if carried[holder] < race.majority_needed:  # no majority to deny: the runner-up's units may give one too
        changes += _side_changes(race, 1 - holder, mode, votes, known, notes)
    share, national = _smallest_share(race)
    return MinVotesReport(race.year, race.candidates, mode, tuple(changes), share, national, tuple(dict.fromkeys(notes)))


def min_votes(year: int | str, mode: str = "moved", first: str | None = None, second: str | None = None) -> MinVotesReport:
    """The fewest votes that would have changed the outcome of ``year``, and the smallest winning share.

    >>> r = min_votes(2020)
    >>> deny = r.changes[0]
    >>> deny.goal, [f.state for f in deny.flips], deny.margin_votes, deny.votes
    ('deny Joe Biden a majority', ['AZ', 'GA', 'WI'], 42918, 21461)
    """
    return min_votes_of(contest(year, first, second), mode)
