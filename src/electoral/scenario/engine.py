"""The what-if engine: a :class:`~electoral.scenario.plan.Plan` applied to its year's baseline.

The plan has decided every unit's winner (swings, flips) and resolved every input. The engine
allocates every state the scenario touches by its method (the registry in
:mod:`electoral.rules.allocation` says what each method reads and how it meets a flip), splices
those states into the recorded units, and tallies and diffs. A state nothing touched keeps its
recorded units, so a what-if costs what it changes.

>>> r = run(Scenario(2016, method="npvic"))
>>> r.tally.winner, r.diff.winner_changed
('Hillary Clinton', True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from electoral.errors import InvalidInput
from electoral.rules.allocation import DEFAULT_ROUNDING, AllocationMethod, StateVote, method_or_slate
from electoral.rules.faithless import law_in_force
from electoral.scenario.baseline import Votes, rounded, unit_outcome
from electoral.scenario.plan import Plan, plan
from electoral.scenario.result import FaithlessVote, ScenarioResult, UnitOutcome, diff
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
    """What one run computes on the way: the national winner if a method reads it, and the notes."""

    plan: Plan
    notes: list[str]
    national: str | None = None


def execute(p: Plan) -> ScenarioResult:
    """Run a resolved scenario: the new units, tally and diff (see the module docstring for the steps)."""
    base = p.base
    work = _Work(p, list(p.notes))
    if p.national:
        work.national = _national_winner(p.state_votes, p.removed)
    touched = set(p.electors) if p.scenario.blank else (p.changed - p.removed) | p.methods.keys() | (
        {st for st, n in p.electors.items() if n != base.state_electors.get(st)} if p.scenario.reapportions else set())
    new_units = {st: _allocate_state(work, st) for st in sorted(touched, key=lambda s: (s not in base.by_state, s))}
    faithless = _faithless(work, new_units, touched)
    recomputed = [unit for units in new_units.values() for unit in units]
    tally = _tally(work, recomputed, touched)
    outcomes = _splice(p, new_units, touched)
    return ScenarioResult(p.scenario, tally, base.actual, diff(base, recomputed, tally, touched | p.removed),
                          tuple(outcomes), tuple(work.notes), faithless, p.compact_status)


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
    hows = {p.how[i] for i in idx}
    if "flip" in hows and not method.flip_overrides:
        raise InvalidInput(f"flips {st} conflicts with the {name} method for {st}")
    recorded = [unit_outcome(base, i, p.winners[i], p.how[i], p.scenario.blank) for i in idx]
    if name == historical and electors == base.state_electors[st]:
        if hows != {"as recorded"} and "districts" in method.needs and not base.districts[st]:
            work.notes.append(f"{st}: district results for {base.year} are not packaged; kept as recorded")
        return _as_cast(p, recorded)
    return _as_cast(p, _reallocate(work, st, method, rounding, recorded))


def _as_cast(p: Plan, units: list[UnitOutcome]) -> list[UnitOutcome]:
    """``units`` with the recorded electors' votes wherever a unit appoints the slate the record did.

    A method or flip decides which slate of electors a unit appoints, not how they vote: a unit whose
    electors all go to the candidate its recorded electors were pledged to (the one with most of its
    votes), in the recorded number, keeps the votes they cast, faithless ones included (2016's Washington
    under the compact: Clinton 8, Powell 3, Spotted Eagle 1). A new slate votes for its candidate. A flip
    names how a unit's electors vote: all of them for the named candidate, even the recorded one (so a what-if
    that flips units agrees with the analyses that decide units: paths, minimum votes).
    """
    base = p.base
    if p.scenario.blank:
        return units
    flipped = {base.codes[i] for i, _ in p.flips}
    out = []
    for unit in units:
        i = base.index.get(unit.unit)
        same = i is not None and unit.unit not in flipped and unit.electors == base.electors[i] and \
            unit.votes == ((base.before[unit.unit], unit.electors),)
        out.append(UnitOutcome(unit.unit, unit.state, unit.electors, base.cast[i], unit.how)
                   if same and unit.votes != base.cast[i] else unit)
    return out


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
    votes = () if p.scenario.blank else p.state_votes.get(st, ())
    if "votes" in method.needs and not votes:
        if st in p.explicit:
            raise InvalidInput(f"{st} in {year}: no popular vote to split proportionally ({base.historical[st]})")
        work.notes.append(f"{st}: no popular vote in {year} ({base.historical[st]}); kept as recorded")
        return recorded
    vote = StateVote(st, electors, votes, tuple((base.codes[i], p.winners[i]) for i in base.districts[st]),
                     work.national, year,
                     decided=p.winners[base.at_large[st]] if "winner" in method.needs else None)
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


# -- faithless electors ---------------------------------------------------------------------------------
def _faithless(work: _Work, new_units: dict[str, list[UnitOutcome]], touched: set[str]) -> tuple[FaithlessVote, ...]:
    """Apply the scenario's faithless electors under each state's law in force that year (in place).

    A law that voids the vote leaves it with the pledged candidate (the elector is replaced); any other
    law, or none, counts it for the candidate the electors chose. Each outcome is noted.
    """
    p = work.plan
    base, out = p.base, []
    for unit_code, st, n, to in p.faithless:
        if st not in new_units:  # a state the scenario left as recorded: its recorded units
            new_units[st] = list(base.recorded_in_order[slice(*base.span[st])])
            touched.add(st)
        units = new_units[st]
        i = next((k for k, u in enumerate(units) if u.unit == unit_code), None)
        if i is None:
            raise InvalidInput(f"faithless {unit_code}: {st} has no such unit in this scenario")
        unit, law = units[i], law_in_force(st, base.year)
        pledged = unit.winner
        have = dict(unit.votes).get(pledged, 0) if pledged else 0
        if n > have or pledged is None:
            raise InvalidInput(f"faithless {unit_code}={n}: the unit has {have} electors pledged to one candidate")
        if to == pledged:
            raise InvalidInput(f"faithless {unit_code}={n}:{to}: its electors are pledged to {to}; a vote for"
                               " the pledged candidate is not faithless")
        counted = not law.voids
        if counted:
            units[i] = UnitOutcome(unit.unit, st, unit.electors, _moved(unit.votes, pledged, to, n), unit.how)
        work.notes.append(f"faithless {unit_code}: {n} elector(s) pledged to {pledged} voted for {to}: {law.text}")
        out.append(FaithlessVote(unit_code, st, n, pledged, to, counted, law.law, law.text, law.source))
    return tuple(out)


def _moved(votes: tuple[tuple[str, int], ...], pledged: str, to: str, n: int) -> tuple[tuple[str, int], ...]:
    """``votes`` with ``n`` moved from ``pledged`` to ``to``, most first, empty shares dropped.

    >>> _moved((("A", 12),), "A", "B", 4)
    (('A', 8), ('B', 4))
    """
    split = dict(votes)
    split[pledged] -= n
    split[to] = split.get(to, 0) + n
    return tuple(sorted(((c, k) for c, k in split.items() if k > 0), key=lambda ck: -ck[1]))


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
    base = p.base
    votes = dict(base.votes_total)
    for st in touched | p.removed:
        for candidate, n in base.actual_split.get(st, {}).items():
            votes[candidate] -= n
    for outcome in recomputed:
        for candidate, n in outcome.votes:
            votes[candidate] = votes.get(candidate, 0) + n
    votes = {candidate: n for candidate, n in votes.items() if n > 0}
    appointed = base.total_electors if p.electors is base.state_electors else sum(p.electors.values())
    return tally_votes(base.year, votes, electors_appointed=appointed, parties=base.parties,
                       popular_votes=_popular(p) or None, notes=tuple(work.notes))


def _popular(p: Plan) -> Mapping[str, int]:
    """Candidate -> national popular votes in the scenario (none on a blank map)."""
    base = p.base
    if p.scenario.blank:
        return {}
    if not (p.shift or p.removed):
        return base.popular_total
    popular: Counter = Counter()
    for st, pairs in p.state_votes.items():
        if st not in p.removed:
            # a swing moves candidates' votes; the state's other rows (write-ins ...) stay as recorded
            popular.update({**base.popular[st], **rounded(pairs)} if st in p.shift else base.popular[st])
    return popular
