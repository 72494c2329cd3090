"""The what-if engine: a :class:`~electoral.scenario.plan.Plan` applied to its year's baseline.

Steps: swing the votes and decide the units they move; apply the flips; allocate every state the
scenario touches by its method (the registry in :mod:`electoral.rules.allocation` says what each
method reads and how it meets a flip); splice those states into the recorded units; tally and diff.
A state nothing touched keeps its recorded units, so a what-if costs what it changes.

>>> r = run(Scenario(2016, method="npvic"))
>>> r.tally.winner, r.diff.winner_changed
('Hillary Clinton', True)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from electoral.errors import InvalidInput
from electoral.margins import swing_base
from electoral.rules.allocation import DEFAULT_ROUNDING, AllocationMethod, StateVote, method_or_slate
from electoral.scenario.baseline import Votes, rounded, unit_outcome
from electoral.scenario.plan import Plan, plan
from electoral.scenario.result import ScenarioResult, UnitOutcome, diff
from electoral.scenario.spec import Scenario
from electoral.tally import tally_votes


def run(scenario: Scenario) -> ScenarioResult:
    """Apply a scenario to its year's record and tally the result (bad input raises while planning).

    >>> run(Scenario(2020, flips={"GA": None, "AZ": None, "WI": None})).tally.winner is None
    True
    """
    return execute(plan(scenario))


@dataclass
class _Work:
    """What one run computes on the way: the swung votes, each unit's winner and how it was decided, notes."""

    plan: Plan
    state_votes: Mapping[str, Votes]
    winners: list[str | None]
    how: list[str]
    changed: set[str]  # states with a unit whose winner the scenario changed
    notes: list[str]
    national: str | None = None


def execute(p: Plan) -> ScenarioResult:
    """Run a resolved scenario: the new units, tally and diff (see the module docstring for the steps)."""
    base = p.base
    blank = p.scenario.blank
    work = _Work(p, _swung_votes(p), list(base.winners) if not blank else [None] * len(base.codes),
                 ["as recorded"] * len(base.codes), set(), list(p.swing_notes))
    if p.shift and not blank:
        _apply_swings(work)
    _apply_flips(work)
    work.notes.extend(p.notes)
    if p.national:
        work.national = _national_winner(work.state_votes, p.removed)
    touched = set(p.electors) if blank else (work.changed - p.removed) | p.methods.keys() | (
        {st for st, n in p.electors.items() if n != base.state_electors.get(st)} if p.scenario.reapportions else set())
    new_units = {st: _allocate_state(work, st) for st in sorted(touched, key=lambda s: (s not in base.by_state, s))}
    recomputed = [unit for units in new_units.values() for unit in units]
    tally = _tally(work, recomputed, touched)
    outcomes = _splice(p, new_units, touched)
    return ScenarioResult(p.scenario, tally, base.actual, diff(base, recomputed, tally, touched | p.removed),
                          tuple(outcomes), tuple(work.notes))


# -- swings and flips ---------------------------------------------------------------------------------
def _swung_votes(p: Plan) -> Mapping[str, Votes]:
    """Candidates' votes per state after the swings (the baseline's own mapping when nothing swings)."""
    state_votes = p.base.state_votes
    if not p.shift:
        return state_votes
    a, b = p.base.pair
    swung = dict(state_votes)
    for st, delta in p.shift.items():
        if st in swung:
            swung[st] = _swung(swung[st], a, b, delta, p.definition, p.base.state_total[st])
    return swung


def _swung(votes: Votes, a: str, b: str, delta: float, definition: str, total: float) -> Votes:
    """Move the margin of ``a`` (under ``definition``) by ``delta`` keeping ``a + b`` (others unchanged).

    ``total`` is all votes cast in the state; a margin point moves ``base / 200`` votes from one to the other.

    >>> _swung((("A", 55.0), ("B", 45.0), ("C", 0.0)), "A", "B", -0.2, "all", 100.0)
    (('A', 45.0), ('B', 55.0), ('C', 0.0))
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


def _apply_swings(work: _Work) -> None:
    """Each unit of a swung state carried by one of the pair follows its new margin (districts their own)."""
    p = work.plan
    base, winners, year = p.base, work.winners, p.base.year
    a, b = base.pair
    for i, (code, st) in enumerate(zip(base.codes, base.states)):
        delta = p.shift.get(st, 0.0)
        if not delta or winners[i] not in (a, b):
            continue
        if "-" in code:  # a district: its own two-party margin
            margin = base.margins[p.definition][i]
            if math.isnan(margin):
                work.notes.append(f"{code}: no district popular vote packaged for {year}; kept as recorded")
                continue
            new = a if margin + delta > 0 else b if margin + delta < 0 else winners[i]
        else:
            votes = work.state_votes.get(st)
            if not votes:
                work.notes.append(f"{code}: no popular vote in {year} ({base.historical[st]}); kept as recorded")
                continue
            if _plurality(base.state_votes[st]) != winners[i]:  # electors not for the popular winner (e.g. unpledged)
                work.notes.append(f"{code}: its electors did not follow its popular vote in {year}; kept as recorded")
                continue
            new = _plurality(votes)
        if new != winners[i]:
            winners[i], work.how[i] = new, "swing"
            work.changed.add(st)


def _plurality(votes: Votes) -> str:
    return max(votes, key=lambda cv: cv[1])[0]


def _apply_flips(work: _Work) -> None:
    """Each flip's new winner: the one it names, else the other of the pair from the winner after the swings."""
    base = work.plan.base
    a, b = base.pair
    for i, target in work.plan.flips:
        if target is None:
            current = work.winners[i]
            if current not in (a, b):  # e.g. a third candidate, or one a swing made the plurality
                raise InvalidInput(f"--flip {base.codes[i]}: its winner in {base.year} is {current!r}; name the new"
                                   f" winner ({base.codes[i]}=candidate)")
            target = b if current == a else a
        work.winners[i], work.how[i] = target, "flip"
        work.changed.add(base.states[i])


def _national_winner(state_votes: Mapping[str, Votes], removed: frozenset[str]) -> str | None:
    totals: Counter = Counter()
    for st, pairs in state_votes.items():
        if st not in removed:
            for candidate, v in pairs:
                totals[candidate] += v
    return totals.most_common(1)[0][0] if totals else None


# -- allocation per state -------------------------------------------------------------------------------
def _allocate_state(work: _Work, st: str) -> list[UnitOutcome]:
    """The units of one state in the scenario, by its method (the scenario's, else the one in force)."""
    p = work.plan
    base, electors = p.base, p.electors[st]
    idx = base.by_state.get(st, ())
    if not idx:  # a state the record does not have (added, or in a newer census)
        return [_new_state_unit(work, st, electors)]
    historical = base.historical[st]
    chosen, rounding = p.methods.get(st, (None, DEFAULT_ROUNDING))
    # a compact not in force leaves its members with their own method
    name = chosen.name if chosen is not None and (p.compact or not chosen.compact) else historical
    method = method_or_slate(name)
    hows = {work.how[i] for i in idx}
    if "flip" in hows and not method.flip_overrides:
        raise InvalidInput(f"--flip {st} conflicts with the {name} method for {st}")
    recorded = [unit_outcome(base, i, work.winners[i], work.how[i], p.scenario.blank) for i in idx]
    if name == historical and electors == base.state_electors[st]:
        if hows != {"as recorded"} and "districts" in method.needs and not base.districts[st]:
            work.notes.append(f"{st}: district results for {base.year} are not packaged; kept as recorded")
        return recorded
    return _reallocate(work, st, method, rounding, recorded)


def _new_state_unit(work: _Work, st: str, electors: int) -> UnitOutcome:
    winner = work.plan.added.get(st)
    if winner is None:
        work.notes.append(f"{st}: no result (name its winner with a flip, {st}=candidate)")
        return UnitOutcome(st, st, electors, (), "no result")
    return UnitOutcome(st, st, electors, ((winner, electors),), "flip")


def _reallocate(work: _Work, st: str, method: AllocationMethod, rounding: str,
                recorded: list[UnitOutcome]) -> list[UnitOutcome]:
    """A state's units by ``method``, from what it needs: the statewide winner, district winners, votes."""
    p = work.plan
    base, electors, year = p.base, p.electors[st], p.base.year
    votes = () if p.scenario.blank else work.state_votes.get(st, ())
    if "votes" in method.needs and not votes:
        if st in p.explicit:
            raise InvalidInput(f"{st} in {year}: no popular vote to split proportionally ({base.historical[st]})")
        work.notes.append(f"{st}: no popular vote in {year} ({base.historical[st]}); kept as recorded")
        return recorded
    vote = StateVote(st, electors, votes, tuple((base.codes[i], work.winners[i]) for i in base.districts[st]),
                     work.national, year,
                     decided=work.winners[base.at_large[st]] if "winner" in method.needs else None)
    allocation = method.redistrict(vote) if method.redistrict else None
    if allocation is None:
        if method.empty_without_winner and vote.winner is None:
            work.notes.append(f"{st}: no result in {year}")
            return [UnitOutcome(st, st, electors, (), "no result")]
        allocation = method.function(vote, rounding)
    if allocation.note:
        work.notes.append(allocation.note)
    if len(allocation.electors) == 1:  # the whole state as one unit: all its electors, whoever receives them
        return [UnitOutcome(st, st, electors, allocation.electors[0][1], allocation.method)]
    return [UnitOutcome(unit, st, sum(n for _, n in split), split, allocation.method)
            for unit, split in allocation.electors]


# -- splice, tally --------------------------------------------------------------------------------------
def _splice(p: Plan, new_units: Mapping[str, list[UnitOutcome]], touched: set[str]) -> list[UnitOutcome]:
    """Every unit in a scenario's order: the recorded ones, with the recomputed states in their place."""
    base = p.base
    if p.electors is base.state_electors or p.electors.keys() == base.state_electors.keys():
        outcomes = list(base.recorded_in_order)
        for st in sorted(touched, key=base.span.__getitem__, reverse=True):
            start, stop = base.span[st]
            outcomes[start:stop] = new_units[st]
        return outcomes
    # states added or removed
    return [unit for st in sorted(p.electors, key=lambda s: (s not in base.by_state, s))
            for unit in (new_units[st] if st in touched else base.recorded_in_order[slice(*base.span[st])])]


def _tally(work: _Work, recomputed: list[UnitOutcome], touched: set[str]):
    """The recorded electoral votes less those of states recomputed or removed, plus their new ones; tallied."""
    p = work.plan
    base, blank = p.base, p.scenario.blank
    votes = dict(base.votes_total)
    for st in touched | p.removed:
        for candidate, n in base.actual_split.get(st, {}).items():
            votes[candidate] -= n
    for outcome in recomputed:
        for candidate, n in outcome.votes:
            votes[candidate] = votes.get(candidate, 0) + n
    votes = {candidate: n for candidate, n in votes.items() if n > 0}
    popular: Mapping[str, int] = {} if blank else base.popular_total
    if not blank and (p.shift or p.removed):
        popular = Counter()
        for st, pairs in work.state_votes.items():
            if st not in p.removed:
                # a swing moves candidates' votes; the state's other rows (write-ins ...) stay as recorded
                popular.update({**base.popular[st], **rounded(pairs)} if st in p.shift else base.popular[st])
    appointed = base.total_electors if p.electors is base.state_electors else sum(p.electors.values())
    return tally_votes(base.year, votes, electors_appointed=appointed, parties=base.parties,
                       popular_votes=popular or None, notes=tuple(work.notes))
