"""Paths to a majority: how many ways the open units can fall, and the minimal winning sets.

With some units decided and the rest open, every open unit goes to one of two candidates, so
there are ``2^n`` outcomes. :func:`count_paths` counts exactly how many give each candidate a
majority and how many leave both short (a 269-269 tie when 538 electors are appointed), by a
dynamic program over electoral votes. :func:`minimal_winning` lists the *minimal* winning sets
of open units: the candidate wins with them, and loses if any one of them is dropped.

>>> count_paths([10, 6, 3, 1], first_votes=0, second_votes=0, majority=11)
PathCounts(first=7, second=7, ties=2, total=16)
>>> minimal_winning([10, 6, 3, 1], needed=11)  # 6 + 3 + 1 = 10 falls short without the 10
((0, 1), (0, 2), (0, 3))
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from electoral.analysis.inputs import Contest, contest, side_index
from electoral.analysis.subsets import as_weights, subset_counts
from electoral.errors import InvalidInput
from electoral.limits import LIMITS
from electoral.units import normalize_code

DEFAULT_LIMIT = 10


@dataclass(frozen=True)
class PathCounts:
    """How the ``total = 2^n`` outcomes of the open units split: first wins, second wins, neither."""

    first: int
    second: int
    ties: int  # neither candidate reaches the majority (269-269 when 538 are appointed)
    total: int


def count_paths(
    open_votes: Sequence[int] | np.ndarray, first_votes: int, second_votes: int, majority: int
) -> PathCounts:
    """Count the outcomes of the open units that give each candidate ``majority`` electoral votes.

    ``first_votes`` and ``second_votes`` are the electoral votes already decided for each.
    Counts are exact integers (they reach 2^56 with 56 units open).

    >>> count_paths([20, 16, 15], first_votes=232, second_votes=255, majority=270)
    PathCounts(first=1, second=7, ties=0, total=8)
    """
    weights = as_weights(open_votes, "electoral votes")
    open_total = int(weights.sum())
    if first_votes < 0 or second_votes < 0:
        raise InvalidInput(f"decided electoral votes must be >= 0, got {first_votes} and {second_votes}")
    if 2 * majority <= first_votes + second_votes + open_total:
        raise InvalidInput(f"a majority of {majority} would let both candidates win "
                           f"{first_votes + second_votes + open_total} electoral votes")
    # by_first[s]: outcomes in which the first candidate takes exactly s of the open votes
    by_first = subset_counts(weights, open_total + 1)
    takes = np.arange(open_total + 1)
    first = sum(int(c) for c in by_first[first_votes + takes >= majority])
    second = sum(int(c) for c in by_first[second_votes + open_total - takes >= majority])
    total = 2 ** len(weights)
    return PathCounts(first, second, total - first - second, total)


def minimal_winning(
    open_votes: Sequence[int] | np.ndarray,
    needed: int,
    strength: Sequence[float] | np.ndarray | None = None,
    limit: int = DEFAULT_LIMIT,
) -> tuple[tuple[int, ...], ...]:
    """Minimal sets of open units (indices) worth at least ``needed`` electoral votes.

    Order: fewest units first; among sets of one size, units are taken from the strongest
    (highest ``strength``, e.g. the candidate's margin; default: most electoral votes), so the
    first sets listed are the candidate's most likely paths. At most ``limit`` sets.

    >>> minimal_winning([20, 16, 15, 10], needed=30, strength=[0.01, 0.02, 0.03, 0.04])
    ((3, 0), (2, 1), (2, 0), (1, 0))
    """
    weights = as_weights(open_votes, "electoral votes")
    if limit < 1:
        raise InvalidInput(f"limit must be at least 1, got {limit}")
    if needed <= 0:
        return ((),)  # already won: nothing more is needed
    if int(weights.sum()) < needed:
        return ()
    key = -weights.astype(float) if strength is None else -np.asarray(strength, dtype=float)
    if key.shape != weights.shape or np.isnan(key).any():
        raise InvalidInput("strength must give one number per open unit, without NaN")
    order = [i for i in np.lexsort((np.arange(len(weights)), -weights, key)).tolist() if weights[i] > 0]
    found: list[tuple[int, ...]] = []
    for size in range(1, len(order) + 1):
        for combo in _minimal_of_size([int(weights[i]) for i in order], needed, size):
            found.append(tuple(order[i] for i in combo))
            if len(found) == limit:
                return tuple(found)
    return tuple(found)


def _minimal_of_size(w: list[int], needed: int, size: int) -> Iterator[tuple[int, ...]]:
    """Minimal winning sets of exactly ``size`` positions of ``w``, in lexicographic order."""
    n = len(w)
    # best[i][j] / least[i][j]: the largest / smallest total of j weights taken from w[i:]
    best, least = [], []
    for i in range(n + 1):
        tail = sorted(w[i:])
        least.append([0, *np.cumsum(tail).tolist()])
        best.append([0, *np.cumsum(tail[::-1]).tolist()])

    def extend(start: int, left: int, total: int, smallest: int, chosen: tuple[int, ...]) -> Iterator[tuple[int, ...]]:
        if left == 0:
            yield chosen  # the checks below guarantee total >= needed > total - smallest
            return
        for i in range(start, n - left + 1):
            t, s, rest = total + w[i], min(smallest, w[i]), left - 1
            if t + best[i + 1][rest] < needed:
                continue  # even the largest remaining units cannot reach the majority
            # least possible (total - smallest unit) once complete: the smallest is s or a unit to come
            floor = t - s if rest == 0 else min(t - s + least[i + 1][rest], t + least[i + 1][rest - 1])
            if floor >= needed:
                continue  # some unit would be superfluous: not minimal
            yield from extend(i + 1, rest, t, s, (*chosen, i))

    yield from extend(0, size, 0, 10**18, ())


@dataclass(frozen=True)
class CandidatePaths:
    """One candidate's paths: the outcomes that win and the first minimal winning sets."""

    candidate: str
    decided_votes: int
    needed: int  # electoral votes still needed from the open units
    winning_outcomes: int
    minimal_sets: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PathsReport:
    """Paths to a majority in one year with some units decided."""

    year: int
    majority_needed: int
    electors_appointed: int
    decided: tuple[tuple[str, str], ...]  # (unit, candidate)
    open_units: tuple[str, ...]
    counts: PathCounts
    candidates: tuple[CandidatePaths, CandidatePaths]
    estimated: tuple[str, ...]  # open units ordered by an estimated margin (see inputs.Contest)
    definition: str | None = None  # the margin definition that orders the minimal sets


def paths(
    year: int | str, decided: Mapping[str, str] | None = None, limit: int = DEFAULT_LIMIT,
    first: str | None = None, second: str | None = None, margin: str | None = None,
) -> PathsReport:
    """Paths to a majority for the year's two leading candidates, given ``decided`` units.

    ``decided`` maps a unit code to a side: a party initial (``"R"``), party, or candidate name.
    Minimal sets list units in the candidate's order of strength (their recorded margins, under
    the margin definition ``margin``: ``all`` by default, or ``two-party``). A unit counts with all
    its electors for the side it goes to, as a what-if flip gives them.

    >>> r = paths(2020, {"PA": "R", "GA": "D"})
    >>> len(r.open_units), r.counts.total == 2 ** 54
    (54, True)
    """
    race = contest(year, first, second, margin)
    return paths_of(race, decided or {}, limit)


def paths_of(race: Contest, decided: Mapping[str, str], limit: int = DEFAULT_LIMIT) -> PathsReport:
    """:func:`paths` for any contest (a historical year or a scenario); ``limit`` is checked against the
    ``path_sets`` limit (electoral.limits) before any work."""
    LIMITS["path_sets"].check(limit, "limit")
    side = np.full(len(race.codes), -1)
    for code, who in decided.items():
        i = race.index(code)
        if side[i] >= 0:
            raise InvalidInput(f"{normalize_code(code)} is decided twice")
        side[i] = side_index(race, who)
    ev = race.electoral_votes
    open_idx = np.flatnonzero(side < 0)
    decided_votes = (int(ev[side == 0].sum()), int(ev[side == 1].sum()))
    counts = count_paths(ev[open_idx], *decided_votes, race.majority_needed)
    per = []
    for who in (0, 1):
        needed = race.majority_needed - decided_votes[who]
        strength = race.margin[open_idx] * (1 if who == 0 else -1)
        sets = minimal_winning(ev[open_idx], needed, strength, limit)
        per.append(CandidatePaths(race.candidates[who], decided_votes[who], max(needed, 0),
                                  counts.first if who == 0 else counts.second,
                                  tuple(tuple(race.codes[open_idx[i]] for i in s) for s in sets)))
    return PathsReport(
        race.year, race.majority_needed, int(ev.sum()),
        tuple((race.codes[i], race.candidates[side[i]]) for i in np.flatnonzero(side >= 0)),
        tuple(race.codes[i] for i in open_idx), counts, (per[0], per[1]),
        tuple(race.codes[i] for i in open_idx if race.estimated[i]), race.definition,
    )
