"""The record of one year as a what-if needs it: plain tuples and dicts, computed once per year.

Most what-ifs change a few units; the rest keep their recorded outcomes, splits and popular
votes, which :func:`baseline` precomputes so a run only does work for what changed. Units a
what-if leaves alone are the baseline's own objects (:func:`recorded_units`); units decided by a
flip or swing are shared between what-ifs (:func:`decided_unit`).

>>> b = baseline(2020)
>>> b.pair, b.state_electors["PA"], b.historical["NE"], b.total_electors
(('Joe Biden', 'Donald Trump'), 20, 'district', 538)
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

from electoral.margins import MARGINS, margin as margin_of
from electoral.record import Election, election, receives_electors
from electoral.rules.allocation import method_in_force
from electoral.scenario.result import UnitOutcome, positive
from electoral.tally import Tally
from electoral.units import validate_year

Votes = tuple[tuple[str, float], ...]  # (candidate, popular votes), in the record's order


@dataclass(frozen=True)
class Baseline:
    """Everything a scenario needs from the record of one year (positions index ``codes``)."""

    year: int
    codes: tuple[str, ...]
    states: tuple[str, ...]
    electors: tuple[int, ...]
    cast: tuple[tuple[tuple[str, int], ...], ...]  # counted electoral votes per unit
    winners: tuple[str | None, ...]
    margins: Mapping[str, tuple[float, ...]]  # definition -> margin of ``pair[0]`` per unit (NaN where unknown)
    pair: tuple[str, str]
    state_votes: Mapping[str, Votes]  # candidates' popular votes (who may get electors)
    state_total: Mapping[str, float]  # all votes cast per state (what margins of all votes are shares of)
    parties: Mapping[str, str]
    ranked: tuple[str, ...]  # candidates by electoral votes, then popular votes
    actual: Tally
    index: Mapping[str, int]  # unit code -> position
    by_state: Mapping[str, tuple[int, ...]]  # state -> positions of its units
    at_large: Mapping[str, int]  # state -> position of its statewide unit (its first unit if none)
    districts: Mapping[str, tuple[int, ...]]  # state -> positions of its district units (ME-1, NE-2 ...)
    state_electors: Mapping[str, int]  # recorded electors per state
    recorded: tuple[UnitOutcome, ...]  # every unit as cast, in the order of ``codes``
    recorded_in_order: tuple[UnitOutcome, ...]  # the same objects in a scenario's order (states A-Z)
    span: Mapping[str, tuple[int, int]]  # state -> where its units are in ``recorded_in_order``
    votes_total: Mapping[str, int]  # candidate -> electoral votes counted
    actual_split: Mapping[str, Mapping[str, int]]  # state -> candidate -> electoral votes counted
    before: Mapping[str, str | None]  # unit -> the candidate with most of its electoral votes
    popular: Mapping[str, Mapping[str, int]]  # state -> candidate -> popular votes (whole numbers)
    popular_total: Mapping[str, int]  # candidate -> popular votes over all states
    historical: Mapping[str, str]  # state -> its allocation method in force (allocation_methods.csv)
    actual_votes: Mapping[str, int]  # candidate -> electoral votes, in the actual tally's order
    total_electors: int


@lru_cache(maxsize=None)
def baseline(year: int) -> Baseline:
    """The baseline of ``year`` (a valid election year; cached for the life of the process)."""
    e = election(year)
    actual = e.tally()
    ranked = tuple(c.name for c in actual.candidates)
    pair, margins = _pair_and_margins(e, ranked)
    state_votes, every_vote, state_total = _popular_votes(e)
    codes, unit_states = tuple(e.units.codes), tuple(e.units.states)
    electors = tuple(int(v) for v in e.units.electoral_votes)
    cast = _cast(e, codes)
    return Baseline(
        year, codes, unit_states, electors, cast, e.winners(), margins, pair,
        {s: tuple(v) for s, v in state_votes.items()}, state_total, dict(e.parties),
        ranked + _other_candidates(e, ranked, state_votes, every_vote), actual,
        popular={st: rounded(votes) for st, votes in every_vote.items()},
        popular_total=rounded([pv for votes in every_vote.values() for pv in votes]),
        actual_votes={c.name: c.electoral_votes for c in actual.candidates},
        historical={st: method_in_force(st, year).method for st in dict.fromkeys(unit_states)},
        **_layout(codes, unit_states, electors, cast),
    )


def _other_candidates(e: Election, ranked: tuple[str, ...], state_votes: Mapping[str, list[tuple[str, float]]],
                      every_vote: Mapping[str, list[tuple[str, float]]]) -> tuple[str, ...]:
    """Names a flip may give electors to beyond the ranked ones: no write-in or "none of these" row."""
    not_candidates = {n for votes in every_vote.values() for n, _ in votes} - {
        n for votes in state_votes.values() for n, _ in votes}
    return tuple(n for n in e.parties if n not in ranked and n not in not_candidates)


def _layout(codes: tuple[str, ...], unit_states: tuple[str, ...], electors: tuple[int, ...],
            cast: tuple[tuple[tuple[str, int], ...], ...]) -> dict[str, Any]:
    """Where each state's units are, the recorded units, and the recorded electors and splits per state."""
    by_state: dict[str, list[int]] = defaultdict(list)
    state_electors: Counter = Counter()
    actual_split: dict[str, Counter] = defaultdict(Counter)
    for i, (st, n, votes) in enumerate(zip(unit_states, electors, cast)):
        by_state[st].append(i)
        state_electors[st] += n
        actual_split[st].update(dict(votes))
    recorded = tuple(UnitOutcome(c, st, n, v, "as recorded") for c, st, n, v in zip(codes, unit_states, electors, cast))
    votes_total: Counter = Counter()
    for split in actual_split.values():
        votes_total.update(split)
    return dict(
        state_electors=dict(state_electors),
        recorded=recorded,
        votes_total=positive(votes_total),
        actual_split={st: positive(split) for st, split in actual_split.items()},
        before={c: v[0][0] if v else None for c, v in zip(codes, cast)},
        total_electors=sum(state_electors.values()),
        **_positions(codes, by_state, recorded),
    )


def _positions(codes: tuple[str, ...], by_state: Mapping[str, list[int]],
               recorded: tuple[UnitOutcome, ...]) -> dict[str, Any]:
    """Each unit's position by code and by state (at large, districts), and the units in a scenario's order."""
    ordered = sorted(by_state)
    return dict(
        index={c: i for i, c in enumerate(codes)},
        by_state={st: tuple(idx) for st, idx in by_state.items()},
        at_large={st: next((i for i in idx if codes[i] == st), idx[0]) for st, idx in by_state.items()},
        districts={st: tuple(i for i in idx if "-" in codes[i]) for st, idx in by_state.items()},
        recorded_in_order=tuple(recorded[i] for st in ordered for i in by_state[st]),
        span=dict(zip(ordered, _spans([len(by_state[st]) for st in ordered]))),
    )


def _pair_and_margins(e: Election, ranked: tuple[str, ...]) -> tuple[tuple[str, str], dict[str, tuple[float, ...]]]:
    """The two candidates a swing moves between, and each unit's margin of the first under every definition."""
    if len(ranked) >= 2:
        two = e.two_party(*e.leading_pair()) if all(e.leading_pair()) else e.two_party()
        return two.candidates, {name: tuple(margin_of(name, two.votes[:, 0], two.votes[:, 1], two.total).tolist())
                                for name in MARGINS}
    pair = (ranked[0], ranked[0]) if ranked else ("", "")
    return pair, {name: tuple(math.nan for _ in e.units.codes) for name in MARGINS}


def _popular_votes(e: Election) -> tuple[dict[str, list[tuple[str, float]]], dict[str, list[tuple[str, float]]],
                                          dict[str, float]]:
    """Per state: candidates' votes (who may get electors), every row's votes, and all votes cast.

    Write-ins and "none of these" are counted in the popular vote (the second) but never receive
    electors, under any method, swing or flip.
    """
    state_votes: dict[str, list[tuple[str, float]]] = defaultdict(list)
    every_vote: dict[str, list[tuple[str, float]]] = defaultdict(list)
    state_total: dict[str, float] = {}
    for row in e.popular_vote().itertuples():
        state_total[row.state] = float(row.total_votes)
        every_vote[row.state].append((row.candidate, float(row.votes)))
        if receives_electors(row.kind):
            state_votes[row.state].append((row.candidate, float(row.votes)))
    return state_votes, every_vote, state_total


def _cast(e: Election, codes: tuple[str, ...]) -> tuple[tuple[tuple[str, int], ...], ...]:
    """Counted electoral votes per unit, most first (ties by name)."""
    cast: dict[str, Counter] = defaultdict(Counter)
    for row in e.electoral_votes_cast().itertuples():
        if row.status == "counted":
            cast[row.unit][row.candidate] += int(row.electoral_votes)
    return tuple(tuple(sorted(cast[c].items(), key=lambda cv: (-cv[1], cv[0]))) for c in codes)


def _spans(lengths: Sequence[int]) -> list[tuple[int, int]]:
    """(start, stop) of consecutive runs of the given lengths."""
    stops = list(accumulate(lengths))
    return [(stop - n, stop) for n, stop in zip(lengths, stops)]


def rounded(votes: Sequence[tuple[str, float]]) -> dict[str, int]:
    """Candidate -> whole popular votes, summed over the pairs given.

    >>> rounded([("A", 1.4), ("B", 2.6), ("A", 1.0)])
    {'A': 2, 'B': 3}
    """
    out: dict[str, int] = {}
    for candidate, v in votes:
        out[candidate] = out.get(candidate, 0) + round(v)
    return out


def recorded_units(year: int) -> tuple[UnitOutcome, ...]:
    """Every unit of ``year`` as cast, the objects a scenario reports for units it leaves alone.

    They live as long as the process, so a caller may key derived data (e.g. encoded JSON) by identity.

    >>> from electoral.scenario import Scenario, run
    >>> units = recorded_units(2020)
    >>> run(Scenario(2020, flips={"GA": None})).units[0] is units[0], units[0].unit, units[0].how
    (True, 'AK', 'as recorded')
    """
    return baseline(validate_year(year)).recorded_in_order


def unit_outcome(base: Baseline, i: int, winner: str | None, how: str, blank: bool) -> UnitOutcome:
    """Unit ``i`` keeping its electors: as cast if untouched, else all to its new winner (none if blank or None)."""
    if how == "as recorded" and not blank:
        return base.recorded[i]
    return decided_unit(base.year, i, winner, how)


@lru_cache(maxsize=4096)  # what-ifs share them: a flipped unit is the same object each time
def decided_unit(year: int, i: int, winner: str | None, how: str) -> UnitOutcome:
    """Unit ``i`` of ``year`` with all its electors to ``winner`` (none if None), shared between what-ifs.

    >>> decided_unit(2020, baseline(2020).index["GA"], "Donald Trump", "flip")
    UnitOutcome(unit='GA', state='GA', electors=16, votes=(('Donald Trump', 16),), how='flip')
    """
    base = baseline(year)
    code, st, n = base.codes[i], base.states[i], base.electors[i]
    if winner is None:
        return UnitOutcome(code, st, n, (), "no result")
    return UnitOutcome(code, st, n, ((winner, n),), how)
