"""A scenario's inputs resolved once against its year's record, before the engine allocates.

:func:`plan` checks and resolves, in this order: the year and margin definition, removed states,
swings (candidates and signs, then the units they move: :mod:`electoral.scenario.swing`), flips
(units, and candidates: a bare flip goes to the other of the two leading candidates from the
unit's winner after the swings), the electors per state (a new apportionment if asked), the
allocation methods (each spec parsed once into a registered
:class:`~electoral.rules.allocation.AllocationMethod`), whether a compact is in force, and the
winners named for added states. Every bad input raises here, naming the value; the engine
(:mod:`electoral.scenario.engine`) then allocates the states the plan touches and tallies.

>>> from electoral.scenario.spec import Scenario, Swing
>>> p = plan(Scenario(2020, swing=Swing("R", 1.5), flips={"GA": None}, method="proportional:webster"))
>>> round(p.shift["PA"], 3), p.flips, p.methods["PA"][0].name, p.methods["PA"][1]
(-0.015, ((10, 'Joe Biden'),), 'proportional', 'webster')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from electoral.candidates import resolve_candidate, resolve_person
from electoral.errors import InvalidInput, UnknownUnit
from electoral.margins import margin_definition
from electoral.rules.allocation import ALLOCATION_METHODS, COMPACT, DEFAULT_ROUNDING, AllocationMethod, parse_method
from electoral.rules.apportionment import (
    METHODS as APPORTIONMENT_METHODS, act, apportion, census_in_force, census_populations,
)
from electoral.rules.compact import compact_members, membership
from electoral.scenario.baseline import Baseline, Votes, baseline
from electoral.scenario.result import CompactStatus
from electoral.scenario.spec import COMPACT_MODES, Scenario, upper_codes
from electoral.scenario.swing import Swung, swing
from electoral.tally import ballot_rule, majority_needed
from electoral.units import normalize_code, validate_year

Choice = tuple[AllocationMethod, str]  # a registered method and its rounding rule


@dataclass(frozen=True)
class Plan:
    """A scenario with every input resolved: what the engine applies, by unit position and state code."""

    scenario: Scenario
    base: Baseline
    definition: str  # margin definition of the swings (electoral.margins)
    removed: frozenset[str]
    shift: Mapping[str, float]  # state -> change of the margin of ``base.pair[0]``, a fraction
    state_votes: Mapping[str, Votes]  # candidates' votes per state after the swings
    flips: tuple[tuple[int, str], ...]  # (unit position, its new winner) per flip of a recorded unit
    winners: tuple[str | None, ...]  # every unit's winner after swings and flips (None: no result)
    how: tuple[str, ...]  # how each unit's winner was decided: "as recorded", "swing", "flip"
    changed: frozenset[str]  # states with a unit whose winner the scenario changed
    electors: Mapping[str, int]  # state -> electors (the record's mapping itself when unchanged)
    methods: Mapping[str, Choice]  # state -> the method the scenario sets there
    explicit: frozenset[str]  # states whose method the scenario names one by one
    compact: bool  # whether the compact's members vote by it (they hold a majority of electors, or a mode forces it)
    national: bool  # whether some method in force reads the national popular-vote winner
    added: Mapping[str, str | None]  # an added state -> the winner a flip names (None: no result)
    notes: tuple[str, ...]  # swing, apportionment and compact notes, in that order
    compact_status: CompactStatus | None = None  # the compact's members and whether it applied
    faithless: tuple[tuple[str, str, int, str], ...] = ()  # (unit, state, faithless electors, their candidate)


def plan(scenario: Scenario) -> Plan:
    """Resolve ``scenario`` against its year's record; bad input is :class:`InvalidInput` or :class:`UnknownUnit`."""
    year = validate_year(scenario.year)
    if ballot_rule(year).votes_per_elector != 1:
        raise InvalidInput(f"what-ifs need one vote per elector (the 12th Amendment, from 1804); got {year}")
    base = baseline(year)
    definition = margin_definition(scenario.margin).name
    if scenario.blank and (scenario.swing or scenario.state_swings):
        raise InvalidInput("a blank scenario has no votes to swing; name winners with flips instead")

    def name(text: str) -> str:
        return resolve_candidate(text, base.ranked, base.parties, year)

    known = tuple(base.states) + tuple(upper_codes(scenario.add_states)) if scenario.remove else ()
    removed = frozenset(_state_code(c, known, year) for c in scenario.remove)
    shift, notes = _shifts(scenario, base, removed, definition, name)
    swung = swing(base, shift, definition, scenario.blank)
    notes.extend(swung.notes)
    flips = _flips(scenario, base, removed, name, swung)
    electors = _state_electors(base, scenario, removed, notes)
    methods = _chosen_methods(scenario, year, electors)
    status, compact = _compact_in_force(scenario.compact, methods, electors, notes, year)
    in_force = [m for m, _ in methods.values() if compact or not m.compact]
    faithless = _faithless(scenario, base, removed)
    added = {st: None if target is None else name(target) for st, target in _added_flips(scenario, base, electors)
             } if scenario.reapportions else {}  # only an apportionment gives electors to a state the record lacks
    return Plan(scenario, base, definition, removed, shift, swung.state_votes, flips, tuple(swung.winners),
                tuple(swung.how), frozenset(swung.changed), electors, methods,
                frozenset(_state_code(c, tuple(electors), year) for c in scenario.methods), compact,
                any("national" in m.needs for m in in_force), added, tuple(notes), status, faithless)


def _state_code(code: str, known: tuple[str, ...], year: int) -> str:
    text = normalize_code(code)
    if text not in known:
        raise UnknownUnit(f"unknown state {code!r} for {year} (known: {', '.join(sorted(set(known)))})")
    return text


def _shifts(scenario: Scenario, base: Baseline, removed: frozenset[str], definition: str,
            name: Callable[[str], str]) -> tuple[dict[str, float], list[str]]:
    """State -> shift of the margin of ``base.pair[0]`` (fractions, zero ones dropped), and the swing's note."""
    shift: dict[str, float] = {}
    notes: list[str] = []
    if scenario.swing:
        toward = name(scenario.swing.toward)
        delta = _sign(toward, base) * scenario.swing.points / 100
        shift = dict.fromkeys(base.by_state, delta)
        notes.append(f"uniform swing: {toward} {scenario.swing.points:+g} margin points ({definition} votes)"
                     " in every unit")
    for code, swing in scenario.state_swings.items():
        st = _state_code(code, base.states, base.year)
        if st in removed:
            raise InvalidInput(f"state_swings {code}: {st} is removed by this scenario (drop one or the other)")
        shift[st] = shift.get(st, 0.0) + _sign(_named("state_swings", code, swing.toward, name), base) \
            * swing.points / 100
    return {st: delta for st, delta in shift.items() if delta}, notes


def _sign(candidate: str, base: Baseline) -> float:
    pair = base.pair
    if candidate == pair[0]:
        return 1.0
    if candidate == pair[1]:
        return -1.0
    raise InvalidInput(f"a swing moves the margin between {pair[0]} and {pair[1]} in {base.year}; got {candidate!r}")


def _flips(scenario: Scenario, base: Baseline, removed: frozenset[str], name: Callable[[str], str],
           swung: Swung) -> tuple[tuple[int, str], ...]:
    """Apply the flips of recorded units to ``swung`` (in order); (unit position, new winner) per flip."""
    flips: list[tuple[int, str]] = []
    a, b = base.pair
    for code, target in scenario.flips.items():
        i = base.index.get(code)
        if i is None:
            i = _unit_index(code, base, scenario.add_states)
        if i is None:
            continue  # an added state: its winner is planned with the new units
        unit, current = base.codes[i], swung.winners[i]
        if base.states[i] in removed:
            raise InvalidInput(f"flips {code}: {base.states[i]} is removed by this scenario (drop one or the other)")
        if target is not None:
            new = _named("flips", unit, target, name)
        elif scenario.blank:
            raise InvalidInput(f"flips {unit}: a blank scenario has no winners to flip; name one ({unit}=candidate)")
        elif current not in (a, b):  # a third candidate's unit, or one a swing gave to a third candidate
            raise InvalidInput(f"flips {unit}: its winner in {base.year} is {current!r}; name the new winner"
                               f" ({unit}=candidate)")
        else:
            new = b if current == a else a
        swung.winners[i], swung.how[i] = new, "flip"
        swung.changed.add(base.states[i])
        flips.append((i, new))
    return tuple(flips)


def _named(field: str, code: str, text: str, name: Callable[[str], str]) -> str:
    """``name(text)``, an unknown name's error naming the scenario field and unit (``flips GA: ...``)."""
    try:
        return name(text)
    except InvalidInput as bad:
        raise InvalidInput(f"{field} {code}: {bad}") from None


def _unit_index(code: str, base: Baseline, added: Mapping[str, object]) -> int | None:
    text = normalize_code(code)
    if text in base.index:
        return base.index[text]
    if text in upper_codes(added):
        return None
    raise UnknownUnit(f"unknown state or district {code!r} for {base.year} (known: {', '.join(base.codes)})")


def _added_flips(scenario: Scenario, base: Baseline, electors: Mapping[str, int]) -> list[tuple[str, str | None]]:
    """(added state, the first flip's target for it) for every added state that has electors."""
    first: dict[str, str | None] = {}
    for code, target in scenario.flips.items():
        st = normalize_code(code)
        if st not in first:
            first[st] = target
    return [(st, first.get(st)) for st in electors if st not in base.by_state]


def _state_electors(base: Baseline, scenario: Scenario, removed: frozenset[str], notes: list[str]) -> Mapping[str, int]:
    """Electors per state: the record's, or seats + 2 under a new apportionment (DC keeps its own)."""
    recorded = base.state_electors
    if not scenario.reapportions:
        return {st: n for st, n in recorded.items() if st not in removed} if removed else recorded
    census = int(scenario.census) if scenario.census else census_in_force(base.year)
    law = act(census)
    populations = _populations(scenario, law.census, removed)
    house = scenario.house_size or law.house_size or 435
    method = scenario.apportionment_method or (law.method if law.method in APPORTIONMENT_METHODS else None)
    if method is None:
        raise InvalidInput(f"no apportionment method was in force after the {law.census} census; name one")
    seats = apportion(populations, house, method, census=law.census)
    notes.append(f"apportionment: {seats.house_size} seats by {seats.method} on the {law.census} census"
                 + (f" with {', '.join(upper_codes(scenario.add_states))} as a state" if scenario.add_states else ""))
    if seats.tie:
        notes.append(f"apportionment: {seats.tie.text}")
    electors = {st: n + 2 for st, n in seats.as_dict().items()}
    return _keep_the_others(electors, recorded, removed, law.census, notes)


def _keep_the_others(electors: dict[str, int], recorded: Mapping[str, int], removed: frozenset[str], census: int,
                     notes: list[str]) -> dict[str, int]:
    """Recorded states the census did not apportion keep their recorded electors (DC: the 23rd Amendment's)."""
    for st, n in recorded.items():
        if st in removed or st in electors:
            continue
        electors[st] = n
        if st != "DC":  # DC's electors do not depend on the House
            notes.append(f"{st}: not in the {census} census base; keeps its recorded {n} electors")
    return electors


def _populations(scenario: Scenario, census: int, removed: frozenset[str]) -> dict[str, float]:
    """The census's state populations less the removed ones, plus the added states (packaged or given)."""
    pops = census_populations(census)
    populations: dict[str, float] = {s: p for s, p in pops.as_dict().items() if s not in removed}
    for code, value in scenario.add_states.items():
        st = normalize_code(code)
        if st in populations:
            raise InvalidInput(f"{st} is already a state in the {census} census: adding a state cannot replace one "
                               f"(remove {st} as well to give it another population)")
        if value is None:
            if st not in pops.others:
                raise InvalidInput(f"no packaged population for {st!r} in the {census} census; give one ({st}=3285874)")
            value = pops.others[st]
        populations[st] = value
    return populations


def _chosen_methods(scenario: Scenario, year: int, electors: Mapping[str, int]) -> dict[str, Choice]:
    """State -> (method, rounding) wherever the scenario sets one; each spec is parsed once.

    A compact mode gives the compact's method to its members (every state for ``all``), except where
    the scenario names a state's method itself.
    """
    chosen: dict[str, Choice] = {}
    if scenario.method:
        choice = _choice(scenario.method)
        chosen = dict.fromkeys(electors, choice)
    if scenario.compact is not None:
        if scenario.compact not in COMPACT_MODES:
            raise InvalidInput(f"compact must be one of {', '.join(COMPACT_MODES)}, got {scenario.compact!r}")
        members = electors if scenario.compact == "all" else membership(year).states
        chosen.update({st: (COMPACT, DEFAULT_ROUNDING) for st in members if st in electors})
    for code, spec in scenario.methods.items():
        choice = _choice(spec)
        chosen[_state_code(code, tuple(electors), year)] = choice
    return chosen


def _choice(spec: str) -> Choice:
    name, rounding = parse_method(spec)
    return ALLOCATION_METHODS[name], rounding


def _compact_in_force(mode: str | None, chosen: Mapping[str, Choice], electors: Mapping[str, int],
                      notes: list[str], year: int) -> tuple[CompactStatus | None, bool]:
    """The compact's status (None: neither a mode nor a state names it) and whether it applies (``as-if`` and
    ``all`` apply it below a majority). A mode with no members (before the first enactment) says so."""
    members = tuple(st for st, (method, _) in chosen.items() if method.compact)
    held, total = sum(electors[st] for st in members), sum(electors.values())
    needed = majority_needed(total)
    if not members:
        if mode is None:
            return None, False
        first = compact_members()[0].enacted
        notes.append(f"compact not in force: no members in {year}" + (
            f" (the first enacted it on {first.isoformat()})" if year <= first.year else " in this scenario"))
        return CompactStatus(mode, (), 0, needed, False, False), False
    active = held >= needed
    applied = active or mode in ("as-if", "all")
    state = "in force" if active else ("applied as if in force" if applied else "not in force")
    notes.append(f"compact {state}: {len(members)} members hold {held} electors, {needed} needed")
    return CompactStatus(mode or "chosen", members, held, needed, active, applied), applied


def _faithless(scenario: Scenario, base: Baseline, removed: frozenset[str]) -> tuple[tuple[str, str, int, str], ...]:
    """(unit, state, electors, person they vote for) per faithless unit; unknown units and names are errors.

    The person is a candidate of the year by the usual lookup, else someone named in full
    (:func:`electoral.candidates.resolve_person`); unnamed, "other (faithless)".
    """
    out = []
    for code, defection in scenario.faithless.items():
        i = base.index.get(normalize_code(code))
        if i is None or base.states[i] in removed:
            raise UnknownUnit(f"faithless {code}: not a unit of {base.year} in this scenario"
                              f" (known: {', '.join(c for c in base.codes if base.states[base.index[c]] not in removed)})")
        try:
            to = resolve_person(defection.to, base.ranked, base.parties, base.year) if defection.to \
                else "other (faithless)"
        except InvalidInput as bad:
            raise InvalidInput(f"faithless {code}: {bad}") from None
        out.append((base.codes[i], base.states[i], defection.electors, to))
    return tuple(out)
