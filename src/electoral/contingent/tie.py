"""A tie scenario for any year: the winner's closest units flipped so that no one has a majority.

An exact tie (269-269) when the electoral votes allow one, else no majority. "Closest": the smallest
margin ``m`` such that flipping some of the winner's units won by at most ``m`` (shares of all votes)
does it; among those sets, the fewest units, then the smallest sum of margins. Units come from the tipping-point table
(``electoral.analysis.tipping``): each unit the winner carried whole, flipped to the runner-up.

>>> tie_flips(2020)
('AZ', 'GA', 'WI')
>>> from electoral.scenario import run
>>> run(tie_scenario(2020)).tally.outcome.split(" (270")[0]
'no majority: the House chooses (12th Amendment) among Joe Biden, Donald Trump'
"""

from __future__ import annotations

from functools import lru_cache

from electoral.analysis.tipping import tipping_point
from electoral.errors import InvalidInput
from electoral.record import election
from electoral.scenario import Scenario


@lru_cache(maxsize=None)
def tie_flips(year: int) -> tuple[str, ...]:
    """The units of the closest tie (else no-majority) flip of ``year``, sorted by code."""
    tp = tipping_point(year)
    if tp.unit is None:
        raise InvalidInput(f"no one had a majority in {year}: no flip is needed for a contingent election")
    rows = sorted((r for r in tp.rows if r.won_by == tp.winner and r.winner_votes == r.electoral_votes
                   and r.winner_votes), key=lambda r: (r.winner_margin, r.unit))
    tally = election(year).tally()
    loser = tally.electoral_votes(tp.candidates[1 - tp.candidates.index(tp.winner)])
    total = tally.electors_appointed
    tie = {tp.winner_votes - total // 2} if tp.winner_votes + loser == total and total % 2 == 0 else set()
    no_majority = set(range(tp.winner_votes - tp.majority_needed + 1, tp.majority_needed - loser))
    for targets in (tie, no_majority):
        best = _closest(rows, targets)
        if best is not None:
            return tuple(sorted(best))
    raise InvalidInput(f"no set of the winner's units of {year} leaves both candidates short of a majority")


def _closest(rows: list, targets: set[int]) -> tuple[str, ...] | None:
    """Add units closest first; at the first that lets a subset move exactly a target number of electoral
    votes, the fewest units (then the smallest margin total) of those subsets. Knapsack over electoral votes."""
    best: dict[int, tuple[int, float, tuple[str, ...]]] = {0: (0, 0.0, ())}
    for r in rows:
        for moved, (count, margin, units) in list(best.items()):
            key = moved + r.electoral_votes
            candidate = (count + 1, margin + max(r.winner_margin, 0.0), units + (r.unit,))
            if key not in best or candidate[:2] < best[key][:2]:
                best[key] = candidate
        hits = [best[t] for t in targets if t in best and t]
        if hits:
            return min(hits)[2]
    return None


def tie_scenario(year: int) -> Scenario:
    """The what-if of :func:`tie_flips` (each unit flipped to the runner-up)."""
    return Scenario(year, flips={unit: None for unit in tie_flips(year)})
