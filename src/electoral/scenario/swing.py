"""Swings: move the margin between the two leading candidates in each state, and find the units that change hands.

A swing of ``d`` points under a margin definition moves ``d / 200`` of its base (all votes cast, or
the pair's votes) from one candidate to the other, keeping their sum; a state's at-large unit
follows the new plurality of its candidates, a district its own packaged margin.

>>> _swung((("A", 55.0), ("B", 45.0), ("C", 0.0)), "A", "B", -0.2, "all", 100.0)
(('A', 45.0), ('B', 55.0), ('C', 0.0))
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

from electoral.margins import swing_base
from electoral.scenario.baseline import Baseline, Votes


class Swung(NamedTuple):
    """The record after the swings: votes per state, each unit's winner and how it was decided, notes."""

    state_votes: Mapping[str, Votes]
    winners: list[str | None]
    how: list[str]
    changed: set[str]  # states with a unit whose winner changed
    notes: list[str]  # units a swing could not move


def swing(base: Baseline, shift: Mapping[str, float], definition: str, blank: bool) -> Swung:
    """Apply ``shift`` (state -> change of the margin of ``base.pair[0]``, a fraction) to the record of ``base``.

    A blank scenario has no winners and nothing to swing.

    >>> from electoral.scenario.baseline import baseline
    >>> b = baseline(2020)
    >>> s = swing(b, dict.fromkeys(b.by_state, -0.015), "all", False)
    >>> sorted(b.codes[i] for i, how in enumerate(s.how) if how == "swing")
    ['AZ', 'GA', 'PA', 'WI']
    """
    state_votes = swung_votes(base, shift, definition)
    winners = list(base.winners) if not blank else [None] * len(base.codes)
    result = Swung(state_votes, winners, ["as recorded"] * len(base.codes), set(), [])
    if shift and not blank:
        _move_units(base, shift, definition, result)
    return result


def swung_votes(base: Baseline, shift: Mapping[str, float], definition: str) -> Mapping[str, Votes]:
    """Candidates' votes per state after the swings (the baseline's own mapping when nothing swings)."""
    if not shift:
        return base.state_votes
    a, b = base.pair
    votes = dict(base.state_votes)
    for st, delta in shift.items():
        if st in votes:
            votes[st] = _swung(votes[st], a, b, delta, definition, base.state_total[st])
    return votes


def _swung(votes: Votes, a: str, b: str, delta: float, definition: str, total: float) -> Votes:
    """Move the margin of ``a`` (under ``definition``) by ``delta`` keeping ``a + b`` (others unchanged).

    ``total`` is all votes cast in the state; a margin point moves ``base / 200`` votes from one to the other.
    """
    if not delta:
        return votes
    va = sum(v for n, v in votes if n == a)
    vb = sum(v for n, v in votes if n == b)
    pair = va + vb
    if pair <= 0:
        return votes
    lead = min(pair, max(-pair, (va - vb) + delta * swing_base(definition, va, vb, total)))
    new = {a: (pair + lead) / 2, b: (pair - lead) / 2}
    # a candidate with no row in the state (not on its ballot) gets one for the votes moved to them
    return tuple((n, new.get(n, v)) for n, v in votes) + tuple((n, new[n]) for n in (a, b)
                                                              if n not in {name for name, _ in votes})


def _move_units(base: Baseline, shift: Mapping[str, float], definition: str, out: Swung) -> None:
    """Each unit of a swung state carried by one of the pair follows its new margin (districts their own)."""
    winners, year = out.winners, base.year
    a, b = base.pair
    for i, (code, st) in enumerate(zip(base.codes, base.states)):
        delta = shift.get(st, 0.0)
        if not delta or winners[i] not in (a, b):
            continue
        if "-" in code:  # a district: its own two-party margin
            margin = base.margins[definition][i]
            if math.isnan(margin):
                out.notes.append(f"{code}: no district popular vote packaged for {year}; kept as recorded")
                continue
            new = a if margin + delta > 0 else b if margin + delta < 0 else winners[i]
        else:
            votes = out.state_votes.get(st)
            if not votes:
                out.notes.append(f"{code}: no popular vote in {year} ({base.historical[st]}); kept as recorded")
                continue
            if _plurality(base.state_votes[st]) != winners[i]:  # electors not for the popular winner (e.g. unpledged)
                out.notes.append(f"{code}: its electors did not follow its popular vote in {year}; kept as recorded")
                continue
            new = _plurality(votes)
        if new != winners[i]:
            winners[i], out.how[i] = new, "swing"
            out.changed.add(st)


def _plurality(votes: Votes) -> str:
    return max(votes, key=lambda cv: cv[1])[0]
