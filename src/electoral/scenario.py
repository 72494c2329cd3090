"""What-ifs: a year's record (or its bare allotment) with overrides -> the same Tally, plus a Diff.

A :class:`Scenario` starts from the historical election of ``year`` and may

- ``flips``: give a state or district to another candidate (``{"GA": None}`` = to the other of
  the two leading candidates, or ``{"GA": "Trump"}``); a state code means its at-large electors;
- ``swing`` / ``state_swings``: shift margins by percentage points (``Swing("R", 1.5)`` moves
  every unit's margin 1.5 points toward the Republican; a state's districts move with it); the
  margins are shares of all votes, or of the two-party vote with ``margin="two-party"``
  (:mod:`electoral.margins`);
- ``method`` / ``methods``: change the allocation method for all states or some (see
  :mod:`electoral.rules.allocation`);
- ``house_size`` / ``apportionment_method`` / ``census``: re-apportion the House, and so the electors;
- ``add_states`` / ``remove``: add a state with a population (e.g. Puerto Rico) or drop units;
- ``blank``: start from the allotment with no results (then name winners with ``flips``).

A unit whose winner, electors and method are unchanged keeps its electoral votes as cast
(faithless electors included), so an empty scenario reproduces the historical tally exactly.

>>> r = run(Scenario(2020, flips={"GA": None, "AZ": None, "WI": None}))
>>> r.tally.electoral_votes("Joe Biden"), r.tally.electoral_votes("Donald Trump"), r.tally.winner
(269, 269, None)
>>> r.tally.outcome.startswith("no majority: the House chooses")
True
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

from electoral.errors import InvalidInput, UnknownUnit
from electoral.margins import DEFAULT_MARGIN, MARGINS, margin as margin_of, margin_definition, swing_base
from electoral.record import election, receives_electors
from electoral.rules.allocation import ALLOCATION_METHODS, Allocation, StateVote, allocate, method_in_force, parse_method
from electoral.rules.apportionment import (
    METHODS as APPORTIONMENT_METHODS, act, apportion, census_in_force, census_populations,
)
from electoral.tally import Tally, ballot_rule, majority_needed, tally_votes
from electoral.units import normalize_code, states, validate_year


# -- inputs ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Swing:
    """A shift of the two-party margin by ``points`` percentage points toward ``toward`` (a candidate or party letter).

    >>> parse_swing("R+1.5"), parse_swing("Biden-2")
    (Swing(toward='R', points=1.5), Swing(toward='Biden', points=-2.0))
    """

    toward: str
    points: float


_SWING = re.compile(r"^\s*([A-Za-z][A-Za-z .'-]*?)\s*([+-])\s*(\d+(?:\.\d+)?)\s*$")


def parse_swing(text: str) -> Swing:
    """Parse ``"R+1.5"``, ``"D-2"``, ``"Trump+0.7"`` into a :class:`Swing`; anything else is an error."""
    match = _SWING.match(str(text))
    if not match:
        raise InvalidInput(f"swing must look like R+1.5 or D-2 (candidate or party, sign, points), got {text!r}")
    who, sign, points = match.groups()
    value = float(points)
    if value > 200:
        raise InvalidInput(f"a swing of {value} points exceeds the 200-point range of a margin, got {text!r}")
    return Swing(who.strip(), value if sign == "+" else -value)


def parse_optional_pairs(text: str, option: str) -> dict[str, str | None]:
    """Parse ``"GA,AZ,WI"`` or ``"GA=Trump,PR"`` into ``{code: value or None}``; malformed items are errors.

    >>> parse_optional_pairs("ga, az=R", "--flip")
    {'GA': None, 'AZ': 'R'}
    """
    result: dict[str, str | None] = {}
    for part in filter(None, (p.strip() for p in str(text).split(","))):
        key, sep, value = part.partition("=")
        key, value = key.strip(), value.strip()
        if not re.fullmatch(r"[A-Za-z]{2}(-?\d{1,2})?", key) or (sep and not value):
            raise InvalidInput(f"{option}: expected state or district codes (GA, NE-2), optionally CODE=VALUE, got {part!r}")
        code = normalize_code(key)
        if code in result:
            raise InvalidInput(f"{option}: {code!r} is given twice")
        result[code] = value or None
    return result


@dataclass(frozen=True)
class Scenario:
    """A what-if over the election of ``year`` (see the module docstring for each field)."""

    year: int
    flips: Mapping[str, str | None] = field(default_factory=dict)
    swing: Swing | None = None
    state_swings: Mapping[str, Swing] = field(default_factory=dict)
    method: str | None = None
    methods: Mapping[str, str] = field(default_factory=dict)
    house_size: int | None = None
    apportionment_method: str | None = None
    census: int | None = None
    add_states: Mapping[str, float | None] = field(default_factory=dict)
    remove: tuple[str, ...] = ()
    blank: bool = False
    margin: str = DEFAULT_MARGIN  # what a swing's points are shares of (electoral.margins)

    @property
    def reapportions(self) -> bool:
        """Whether the House (and so the electors) is apportioned anew."""
        return reapportions(self)


REAPPORTIONING = ("house_size", "apportionment_method", "census", "add_states")


def reapportions(fields: object) -> bool:
    """Whether a scenario, or anything with its field names (the API's request body), apportions the House anew.

    >>> reapportions(Scenario(2020, house_size=600)), reapportions(Scenario(2020, flips={"GA": None}))
    (True, False)
    """
    return any(getattr(fields, name) for name in REAPPORTIONING)


# -- outputs --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class UnitOutcome:
    """Electoral votes of one unit in the scenario, and how they were decided."""

    unit: str
    state: str
    electors: int
    votes: tuple[tuple[str, int], ...]
    how: str  # "as recorded", "flip", "swing", a method name, "no result"

    @property
    def winner(self) -> str | None:
        """The candidate with the most of this unit's electoral votes."""
        votes = self.votes
        if len(votes) == 1:  # most units: all electors to one candidate
            return votes[0][0]
        return max(votes, key=itemgetter(1))[0] if votes else None


@dataclass(frozen=True, slots=True)
class UnitFlip:
    """A unit whose winner changed."""

    unit: str
    before: str | None
    after: str | None
    electoral_votes: int


@dataclass(frozen=True, slots=True)
class CandidateChange:
    """One candidate's electoral votes: as recorded, in the scenario, and the change."""

    name: str
    actual: int
    scenario: int

    @property
    def change(self) -> int:
        """Scenario minus actual."""
        return self.scenario - self.actual


@dataclass(frozen=True, slots=True)
class Diff:
    """What the scenario changed against the record."""

    flipped: tuple[UnitFlip, ...]
    changed_states: tuple[str, ...]  # states whose electoral votes are split differently
    candidates: tuple[CandidateChange, ...]
    winner_before: str | None
    winner_after: str | None
    winner_changed: bool
    no_majority: bool
    outcome: str


@dataclass(frozen=True)
class SwingThreshold:
    """The smallest uniform swing (margin points) that changes an outcome, and the unit that tips it."""

    toward: str
    points: float  # any swing larger than this changes the outcome
    tipping_unit: str
    outcome: str
    margin: str = DEFAULT_MARGIN  # the margin definition the points are in (electoral.margins)


@dataclass(frozen=True, slots=True)
class ScenarioResult:
    """A scenario's tally (same type as the record's), the actual tally, and the difference."""

    scenario: Scenario
    tally: Tally
    actual: Tally
    diff: Diff
    units: tuple[UnitOutcome, ...]
    notes: tuple[str, ...]


# -- the record, as plain tuples and dicts (cached per year) ------------------------------------------
@dataclass(frozen=True)
class _Base:
    """Everything a scenario needs from the record of one year, computed once.

    Most what-ifs change a few units; the rest keep their recorded outcomes, splits and
    popular votes, which are precomputed here so a run only does work for what changed.
    """

    year: int
    codes: tuple[str, ...]
    states: tuple[str, ...]
    electors: tuple[int, ...]
    cast: tuple[tuple[tuple[str, int], ...], ...]  # counted electoral votes per unit
    winners: tuple[str | None, ...]
    margins: Mapping[str, tuple[float, ...]]  # definition -> margin of ``pair[0]`` per unit (NaN where unknown)
    pair: tuple[str, str]
    state_votes: Mapping[str, tuple[tuple[str, float], ...]]  # candidates' popular votes (who may get electors)
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
    historical: Mapping[str, str]  # state -> its allocation method in force ("district" where districts voted)
    actual_votes: Mapping[str, int]  # candidate -> electoral votes, in the actual tally's order
    total_electors: int


@lru_cache(maxsize=None)
def _base(year: int) -> _Base:
    e = election(year)
    units = e.units
    cast: dict[str, Counter] = defaultdict(Counter)
    for row in e.electoral_votes_cast().itertuples():
        if row.status == "counted":
            cast[row.unit][row.candidate] += int(row.electoral_votes)
    actual = e.tally()
    ranked = tuple(c.name for c in actual.candidates)
    if len(ranked) >= 2:
        two = e.two_party(*e.leading_pair()) if all(e.leading_pair()) else e.two_party()
        pair = two.candidates
        margins = {name: tuple(margin_of(name, two.votes[:, 0], two.votes[:, 1], two.total).tolist())
                   for name in MARGINS}
    else:
        pair = (ranked[0], ranked[0]) if ranked else ("", "")
        margins = {name: tuple(math.nan for _ in units.codes) for name in MARGINS}
    # The vote allocation reads: candidates only. Write-ins and "none of these" are counted in the
    # popular vote (``every_vote``) but never receive electors, under any method, swing or flip.
    state_votes: dict[str, list[tuple[str, float]]] = defaultdict(list)
    every_vote: dict[str, list[tuple[str, float]]] = defaultdict(list)
    state_total: dict[str, float] = {}
    for row in e.popular_vote().itertuples():
        state_total[row.state] = float(row.total_votes)
        every_vote[row.state].append((row.candidate, float(row.votes)))
        if receives_electors(row.kind):
            state_votes[row.state].append((row.candidate, float(row.votes)))
    # names a flip may give electors to: no write-in or "none of these" row (they are not candidates)
    not_candidates = {n for votes in every_vote.values() for n, _ in votes} - {
        n for votes in state_votes.values() for n, _ in votes}
    extra = tuple(n for n in e.parties if n not in ranked and n not in not_candidates)
    codes, unit_states = tuple(units.codes), tuple(units.states)
    electors = tuple(int(v) for v in units.electoral_votes)
    cast_sorted = tuple(tuple(sorted(cast[c].items(), key=lambda cv: (-cv[1], cv[0]))) for c in codes)
    by_state: dict[str, list[int]] = defaultdict(list)
    state_electors: Counter = Counter()
    actual_split: dict[str, Counter] = defaultdict(Counter)
    for i, (st, n, votes) in enumerate(zip(unit_states, electors, cast_sorted)):
        by_state[st].append(i)
        state_electors[st] += n
        actual_split[st].update(dict(votes))
    recorded = tuple(UnitOutcome(c, st, n, v, "as recorded")
                     for c, st, n, v in zip(codes, unit_states, electors, cast_sorted))
    votes_total: Counter = Counter()
    for split in actual_split.values():
        votes_total.update(split)
    return _Base(
        year, codes, unit_states, electors, cast_sorted, e.winners(), margins, pair,
        {s: tuple(v) for s, v in state_votes.items()}, state_total, dict(e.parties), ranked + extra, actual,
        index={c: i for i, c in enumerate(codes)},
        by_state={st: tuple(idx) for st, idx in by_state.items()},
        at_large={st: next((i for i in idx if codes[i] == st), idx[0]) for st, idx in by_state.items()},
        districts={st: tuple(i for i in idx if "-" in codes[i]) for st, idx in by_state.items()},
        state_electors=dict(state_electors),
        recorded=recorded,
        recorded_in_order=tuple(recorded[i] for st in sorted(by_state) for i in by_state[st]),
        span=dict(zip(sorted(by_state), _spans([len(by_state[st]) for st in sorted(by_state)]))),
        votes_total=_positive(votes_total),
        actual_split={st: _positive(split) for st, split in actual_split.items()},
        before={c: _top(v) for c, v in zip(codes, cast_sorted)},
        popular={st: _rounded(votes) for st, votes in every_vote.items()},
        popular_total=_rounded([pair for votes in every_vote.values() for pair in votes]),
        historical={st: "district" if any("-" in codes[i] for i in idx) else method_in_force(st, year).method
                    for st, idx in by_state.items()},
        actual_votes={c.name: c.electoral_votes for c in actual.candidates},
        total_electors=sum(state_electors.values()),
    )


def _spans(lengths: Sequence[int]) -> list[tuple[int, int]]:
    """(start, stop) of consecutive runs of the given lengths."""
    stops = list(accumulate(lengths))
    return [(stop - n, stop) for n, stop in zip(lengths, stops)]


def _positive(split: Mapping[str, int]) -> dict[str, int]:
    """The candidates with electoral votes, for comparing two splits."""
    return {c: n for c, n in split.items() if n > 0}


def _rounded(votes: Sequence[tuple[str, float]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for candidate, v in votes:
        out[candidate] = out.get(candidate, 0) + round(v)
    return out


def resolve_candidate(text: str, candidates: Sequence[str], parties: Mapping[str, str], year: int) -> str:
    """A candidate's full name from a name, a unique part of it, or a party initial (``"R"``, ``"D"``).

    >>> resolve_candidate("trump", ["Joe Biden", "Donald Trump"], {}, 2020)
    'Donald Trump'
    >>> resolve_candidate("D", ["Joe Biden", "Donald Trump"], {"Joe Biden": "Democratic"}, 2020)
    'Joe Biden'
    """
    wanted = _fold(text)
    if not wanted:
        raise InvalidInput("empty candidate name")
    exact = [n for n in candidates if _fold(n) == wanted]
    if exact:
        return exact[0]
    if len(wanted) <= 2 and wanted.isalpha():
        by_party = [n for n in candidates if parties.get(n, "").casefold().startswith(wanted)]
        if len(by_party) >= 1:
            return by_party[0]  # candidates come ranked: the leading candidate of that party
    partial = [n for n in candidates if wanted in _fold(n)]
    if len(partial) == 1:
        return partial[0]
    known = ", ".join(candidates[:6])
    raise InvalidInput(f"unknown or ambiguous candidate {text!r} in {year} (candidates: {known})")


def _fold(text: str) -> str:
    """Case- and accent-insensitive form: "Frémont" matches "fremont"."""
    return "".join(c for c in unicodedata.normalize("NFKD", str(text).strip()) if not unicodedata.combining(c)).casefold()


# -- running a scenario ---------------------------------------------------------------------------
def run(scenario: Scenario) -> ScenarioResult:
    """Apply a scenario to its year's record and tally the result.

    >>> r = run(Scenario(2016, method="npvic"))
    >>> r.tally.winner, r.diff.winner_changed
    ('Hillary Clinton', True)
    """
    year = validate_year(scenario.year)
    if ballot_rule(year).votes_per_elector != 1:
        raise InvalidInput(f"what-ifs need one vote per elector (the 12th Amendment, from 1804); got {year}")
    base = _base(year)
    definition = margin_definition(scenario.margin).name
    notes: list[str] = []
    a, b = base.pair
    name = lambda text: resolve_candidate(text, base.ranked, base.parties, year)  # noqa: E731
    if scenario.blank and (scenario.swing or scenario.state_swings):
        raise InvalidInput("a blank scenario has no votes to swing; name winners with flips instead")

    removed = {_state_code(c, tuple(base.states) + tuple(_upper(scenario.add_states)), year) for c in scenario.remove}

    # 1. swings: a shift of the margin of ``a`` per state, in fractions
    shift: dict[str, float] = defaultdict(float)
    if scenario.swing:
        toward = name(scenario.swing.toward)
        sign = _sign(toward, base.pair, year)
        for st in base.by_state:
            shift[st] += sign * scenario.swing.points / 100
        notes.append(f"uniform swing: {toward} {scenario.swing.points:+g} margin points ({definition} votes)"
                     " in every unit")
    for code, swing in scenario.state_swings.items():
        st = _state_code(code, base.states, year)
        if st in removed:
            raise InvalidInput(f"--state-swing {code}: {st} is removed by this scenario (drop one or the other)")
        shift[st] += _sign(name(swing.toward), base.pair, year) * swing.points / 100
    shift = {st: delta for st, delta in shift.items() if delta}

    state_votes = base.state_votes  # read only below; a swing works on a copy
    if shift:
        state_votes = dict(state_votes)
        for st, delta in shift.items():
            if st in state_votes:
                state_votes[st] = _swung_votes(state_votes[st], a, b, delta, definition, base.state_total[st])
    winners = list(base.winners) if not scenario.blank else [None] * len(base.codes)
    how = ["as recorded"] * len(base.codes)
    changed: set[str] = set()  # states with a unit whose winner the scenario changed
    for i, (code, st) in enumerate(zip(base.codes, base.states) if shift and not scenario.blank else ()):
        delta = shift.get(st, 0.0)
        if not delta or winners[i] not in (a, b):
            continue
        if "-" in code:  # a district: its own two-party margin
            margin = base.margins[definition][i]
            if math.isnan(margin):
                notes.append(f"{code}: no district popular vote packaged for {year}; kept as recorded")
                continue
            new = a if margin + delta > 0 else b if margin + delta < 0 else winners[i]
        else:
            votes = state_votes.get(st)
            if not votes:
                notes.append(f"{code}: no popular vote in {year} ({method_in_force(st, year).method}); kept as recorded")
                continue
            if _plurality(base.state_votes[st]) != winners[i]:  # electors not for the popular winner (e.g. unpledged)
                notes.append(f"{code}: its electors did not follow its popular vote in {year}; kept as recorded")
                continue
            new = _plurality(votes)
        if new != winners[i]:
            winners[i], how[i] = new, "swing"
            changed.add(st)

    # 2. flips
    for code, target in scenario.flips.items():
        i = base.index.get(code)
        if i is None:
            i = _unit_index(code, base, added=scenario.add_states)
        if i is None:
            continue  # an added state: handled with the new units below
        if base.states[i] in removed:
            raise InvalidInput(f"--flip {code}: {base.states[i]} is removed by this scenario (drop one or the other)")
        current = winners[i]
        if target is None:
            if scenario.blank:
                raise InvalidInput(f"--flip {base.codes[i]}: a blank scenario has no winners to flip; name one"
                                   f" ({base.codes[i]}=candidate)")
            if current not in (a, b):
                raise InvalidInput(f"--flip {base.codes[i]}: its winner in {year} is {current!r}; name the new winner"
                                   f" ({base.codes[i]}=candidate)")
            new = b if current == a else a
        else:
            new = name(target)
        winners[i], how[i] = new, "flip"
        changed.add(base.states[i])

    # 3. electors per state: the record's, or a new apportionment
    electors = _state_electors(base, scenario, removed, notes)

    # 4. allocation per state; a state nothing touched keeps its recorded units (no work)
    chosen = _chosen_methods(scenario, base, electors)
    compact = _compact_in_force(chosen, electors, notes)
    national = _national_winner(state_votes, removed) if compact else None  # only the compact needs it
    touched = set(electors) if scenario.blank else (changed - removed) | chosen.keys() | (
        {st for st, n in electors.items() if n != base.state_electors.get(st)} if scenario.reapportions else set())
    new_units = {st: _allocate_state(st, base, scenario, electors[st], winners, how, list(base.by_state.get(st, ())),
                                     chosen.get(st), compact, national, state_votes, notes)
                 for st in sorted(touched, key=lambda s: (s not in base.by_state, s))}
    recomputed = [unit for units in new_units.values() for unit in units]
    if electors is base.state_electors or electors.keys() == base.state_electors.keys():
        # the record's states: splice the recomputed ones in
        outcomes = list(base.recorded_in_order)
        for st in sorted(touched, key=base.span.__getitem__, reverse=True):
            start, stop = base.span[st]
            outcomes[start:stop] = new_units[st]
    else:  # states added or removed
        outcomes = [unit for st in sorted(electors, key=lambda s: (s not in base.by_state, s))
                    for unit in (new_units[st] if st in touched else base.recorded_in_order[slice(*base.span[st])])]

    # 5. tally and diff: the recorded votes, less those of states recomputed or removed, plus their new ones
    votes = dict(base.votes_total)
    for st in touched | removed:
        for candidate, n in base.actual_split.get(st, {}).items():
            votes[candidate] -= n
    for outcome in recomputed:
        for candidate, n in outcome.votes:
            votes[candidate] = votes.get(candidate, 0) + n
    votes = {candidate: n for candidate, n in votes.items() if n > 0}
    popular: Mapping[str, int] = {} if scenario.blank else base.popular_total
    if not scenario.blank and (shift or removed):
        popular = Counter()
        for st in state_votes:
            if st not in removed:
                # a swing moves candidates' votes; the state's other rows (write-ins ...) stay as recorded
                popular.update({**base.popular[st], **_rounded(state_votes[st])} if st in shift else base.popular[st])
    appointed = base.total_electors if electors is base.state_electors else sum(electors.values())
    tally = tally_votes(year, votes, electors_appointed=appointed, parties=base.parties,
                        popular_votes=popular or None, notes=tuple(notes))
    diff = _diff(base, recomputed, tally, touched | removed)
    return ScenarioResult(scenario, tally, base.actual, diff, tuple(outcomes), tuple(notes))


def _plurality(votes: tuple[tuple[str, float], ...]) -> str:
    return max(votes, key=lambda cv: cv[1])[0]


def _upper(codes) -> list[str]:
    return [normalize_code(c) for c in codes]


def _sign(candidate: str, pair: tuple[str, str], year: int) -> float:
    if candidate == pair[0]:
        return 1.0
    if candidate == pair[1]:
        return -1.0
    raise InvalidInput(f"a swing moves the margin between {pair[0]} and {pair[1]} in {year}; got {candidate!r}")


def _swung_votes(votes: tuple[tuple[str, float], ...], a: str, b: str, delta: float, definition: str,
                 total: float) -> tuple[tuple[str, float], ...]:
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


def _state_code(code: str, known: Sequence[str], year: int) -> str:
    text = normalize_code(code)
    if text not in known:
        raise UnknownUnit(f"unknown state {code!r} for {year} (known: {', '.join(sorted(set(known)))})")
    return text


def _unit_index(code: str, base: _Base, added: Mapping[str, object]) -> int | None:
    text = normalize_code(code)
    if text in base.index:
        return base.index[text]
    if text in _upper(added):
        return None
    raise UnknownUnit(f"unknown state or district {code!r} for {base.year} (known: {', '.join(base.codes)})")


def _state_electors(base: _Base, scenario: Scenario, removed: set[str], notes: list[str]) -> Mapping[str, int]:
    """Electors per state: the record's, or seats + 2 under a new apportionment (DC keeps its own)."""
    recorded = base.state_electors
    if not scenario.reapportions:
        return {st: n for st, n in recorded.items() if st not in removed} if removed else recorded
    census = int(scenario.census) if scenario.census else census_in_force(base.year)
    law = act(census)
    pops = census_populations(law.census)
    populations: dict[str, float] = {s: p for s, p in pops.as_dict().items() if s not in removed}
    for code, value in scenario.add_states.items():
        st = normalize_code(code)
        if value is None:
            if st not in pops.others:
                raise InvalidInput(f"no packaged population for {st!r} in the {law.census} census; give one ({st}=3285874)")
            value = pops.others[st]
        populations[st] = value
    house = scenario.house_size or law.house_size or 435
    method = scenario.apportionment_method or (law.method if law.method in APPORTIONMENT_METHODS else None)
    if method is None:
        raise InvalidInput(f"no apportionment method was in force after the {law.census} census; name one")
    seats = apportion(populations, house, method, census=law.census)
    notes.append(f"apportionment: {seats.house_size} seats by {seats.method} on the {law.census} census"
                 + (f" with {', '.join(_upper(scenario.add_states))} as a state" if scenario.add_states else ""))
    if seats.tie:
        notes.append(f"apportionment: {seats.tie.text}")
    electors = {st: n + 2 for st, n in seats.as_dict().items()}
    for st, n in recorded.items():
        if st in removed or st in electors:
            continue
        if st == "DC":
            electors["DC"] = n  # 23rd Amendment electors do not depend on the House
        else:
            electors[st] = n
            notes.append(f"{st}: not in the {law.census} census base; keeps its recorded {n} electors")
    return electors


def _chosen_methods(scenario: Scenario, base: _Base, electors: Mapping[str, int]) -> dict[str, str]:
    """State -> method spec wherever the scenario sets one."""
    chosen: dict[str, str] = {}
    if scenario.method:
        parse_method(scenario.method)
        chosen = {st: scenario.method for st in electors}
    for code, spec in scenario.methods.items():
        parse_method(spec)
        chosen[_state_code(code, tuple(electors), base.year)] = spec
    return chosen


def _compact_in_force(chosen: Mapping[str, str], electors: Mapping[str, int], notes: list[str]) -> bool:
    members = [st for st, spec in chosen.items() if parse_method(spec)[0] == "npvic"]
    if not members:
        return False
    held, total = sum(electors[st] for st in members), sum(electors.values())
    needed = majority_needed(total)
    notes.append(f"compact {'in force' if held >= needed else 'not in force'}: {len(members)} members hold"
                 f" {held} electors, {needed} needed")
    return held >= needed


def _national_winner(state_votes: Mapping[str, tuple[tuple[str, float], ...]], removed: set[str]) -> str | None:
    totals: Counter = Counter()
    for st, pairs in state_votes.items():
        if st not in removed:
            for candidate, v in pairs:
                totals[candidate] += v
    return totals.most_common(1)[0][0] if totals else None


def _allocate_state(st: str, base: _Base, scenario: Scenario, electors: int, winners: list[str | None],
                    how: list[str], idx: list[int], spec: str | None, compact: bool, national: str | None,
                    state_votes: Mapping[str, tuple[tuple[str, float], ...]], notes: list[str]) -> list[UnitOutcome]:
    """The units of one state in the scenario."""
    year = base.year
    if not idx:  # a state added by the scenario
        target = next((t for c, t in scenario.flips.items() if normalize_code(c) == st), None)
        if target is None:
            notes.append(f"{st}: no result (name its winner with a flip, {st}=candidate)")
            return [UnitOutcome(st, st, electors, (), "no result")]
        winner = resolve_candidate(target, base.ranked, base.parties, year)
        return [UnitOutcome(st, st, electors, ((winner, electors),), "flip")]

    at_large, districts = base.at_large[st], base.districts[st]
    historical = base.historical[st]
    recorded = [_unit(base, i, winners[i], how[i], scenario.blank) for i in idx]
    name, rounding = parse_method(spec) if spec else (historical, "hamilton")
    if name == "npvic" and not compact:
        name = historical
    hows = {how[i] for i in idx}
    flipped, changed = "flip" in hows, hows != {"as recorded"}
    if flipped and name in ("proportional", "npvic"):
        raise InvalidInput(f"--flip {st} conflicts with the {name} method for {st}")

    if name == historical and electors == base.state_electors[st]:
        if not changed:
            return recorded
        if name == "district" and not districts:  # e.g. Michigan 1892: no district results packaged
            notes.append(f"{st}: district results for {year} are not packaged; kept as recorded")
            return recorded
        return recorded
    if name not in ALLOCATION_METHODS:
        name = "winner-take-all"  # a legislature's (or unrecorded) slate: all electors to its candidate
    votes = () if scenario.blank else state_votes.get(st, ())
    if name == "proportional" and not votes:
        if st in {normalize_code(c) for c in scenario.methods}:
            raise InvalidInput(f"{st} in {year}: no popular vote to split proportionally ({historical})")
        notes.append(f"{st}: no popular vote in {year} ({historical}); kept as recorded")
        return recorded
    district_winners = tuple((base.codes[i], winners[i]) for i in districts)
    if name == "district" and districts and len(districts) != electors - 2:
        return [_rescaled_districts(st, electors, winners[at_large], district_winners, year, notes)]
    vote = StateVote(st, electors, votes, district_winners, national, year,
                     decided=winners[at_large] if name in ("winner-take-all", "district") else None)
    if name == "winner-take-all" and vote.winner is None:
        notes.append(f"{st}: no result in {year}")
        return [UnitOutcome(st, st, electors, (), "no result")]
    allocation: Allocation = allocate(f"{name}:{rounding}" if name == "proportional" else name, vote)
    return [UnitOutcome(unit, st, sum(n for _, n in split), split, allocation.method)
            for unit, split in allocation.electors]


def _unit(base: _Base, i: int, winner: str | None, how: str, blank: bool) -> UnitOutcome:
    """A unit that keeps its electors: as cast if untouched, else all to its new winner (none if blank)."""
    if how == "as recorded" and not blank:
        return base.recorded[i]
    return _decided_unit(base.year, i, winner, how)


@lru_cache(maxsize=4096)  # what-ifs share them: a flipped unit is the same object each time
def _decided_unit(year: int, i: int, winner: str | None, how: str) -> UnitOutcome:
    """Unit ``i`` of ``year`` with all its electors to ``winner`` (none if None), shared between what-ifs."""
    base = _base(year)
    code, st, n = base.codes[i], base.states[i], base.electors[i]
    if winner is None:
        return UnitOutcome(code, st, n, (), "no result")
    return UnitOutcome(code, st, n, ((winner, n),), how)


def _rescaled_districts(st: str, electors: int, statewide: str | None, districts: tuple[tuple[str, str | None], ...],
                        year: int, notes: list[str]) -> UnitOutcome:
    """A district state whose seat count changed: new district electors split like the recorded districts."""
    won = Counter(w for _, w in districts if w)
    split: Counter = Counter({statewide: 2} if statewide else {})
    if won:
        shares = apportion(dict(won), electors - 2, "hamilton", min_seats=0)
        for candidate, n in zip(shares.states, shares.seats):
            split[next(c for c in won if c.upper() == candidate)] += int(n)
    notes.append(f"{st}: {electors - 2} districts instead of {len(districts)}; district electors split in"
                 f" proportion to the {year} district winners (largest remainders)")
    return UnitOutcome(st, st, electors, tuple(sorted(split.items(), key=lambda cv: -cv[1])), "district (rescaled)")


_NEW = object()  # a unit the record does not have (an added state)
_unit_flip = lru_cache(maxsize=4096)(UnitFlip)  # shared between what-ifs, as _decided_unit


def _diff(base: _Base, recomputed: Sequence[UnitOutcome], tally: Tally, touched: set[str]) -> Diff:
    """What changed; only the ``touched`` states (``recomputed`` units, or removed) can differ from the record."""
    flipped: list[UnitFlip] = []
    scenario_split: dict[str, dict[str, int]] = {st: {} for st in touched}
    for o in recomputed:
        winner, was = o.winner, base.before.get(o.unit, _NEW)
        if winner is not None and winner != was and was is not _NEW:
            flipped.append(_unit_flip(o.unit, was, winner, o.electors))
        split = scenario_split[o.state]
        for candidate, n in o.votes:
            split[candidate] = split.get(candidate, 0) + n
    changed = tuple(sorted(st for st in touched if base.actual_split.get(st, {}) != _positive(scenario_split[st])))
    before = base.actual_votes
    after = {c.name: c.electoral_votes for c in tally.candidates}
    candidates = tuple(CandidateChange(n, before.get(n, 0), after.get(n, 0)) for n in {**before, **after}
                       if before.get(n) or after.get(n))
    winner_before = base.actual.winner
    return Diff(tuple(flipped), changed, candidates, winner_before, tally.winner, tally.winner != winner_before,
                tally.winner is None and tally.contingent is not None, tally.outcome)


def _top(cast: tuple[tuple[str, int], ...]) -> str | None:
    return cast[0][0] if cast else None


# -- the smallest swing that changes the outcome ------------------------------------------------------
def smallest_swings(year: int | str, margin: str | None = None) -> tuple[SwingThreshold, ...]:
    """The smallest uniform swings away from the actual winner that (1) deny them a majority, (2) elect the runner-up.

    Every unit whose margin is below the swing flips; the threshold is the margin of the unit that
    tips the count (checked by running the scenario just past it). ``margin`` is the margin
    definition (``all``, the default, or ``two-party``), the same as the tipping point's.

    >>> first = smallest_swings(2020)[0]
    >>> first.toward, first.tipping_unit, round(first.points, 2), first.margin
    ('Donald Trump', 'WI', 0.63, 'all')
    >>> round(smallest_swings(2020, "two-party")[0].points, 2)
    0.64
    """
    from electoral.analysis.inputs import contest  # the analyses read the record, not what-ifs: no cycle

    year = validate_year(year)
    definition = margin_definition(margin).name
    winner = _base(year).actual.winner
    if winner is None or ballot_rule(year).votes_per_elector != 1:
        return ()
    try:
        race = contest(year, margin=definition)
    except InvalidInput:  # no popular vote recorded: nothing to swing
        return ()
    if winner not in race.candidates or race.candidates[0] == race.candidates[1]:
        return ()
    side = race.candidates.index(winner)
    loser = race.candidates[1 - side]
    # the swing past which each unit leaves the winner: its margin, or less where a third candidate is second
    swings = race.swing_to_lose(side)
    candidates = sorted({(float(x), code) for x, code, n in zip(swings, race.codes, race.counted[:, side])
                         if n > 0 and 0 < x < math.inf})
    found: list[SwingThreshold] = []
    for threshold, code in candidates:
        points = threshold * 100
        result = run(Scenario(year, swing=Swing(loser, math.nextafter(points, math.inf) + 1e-9), margin=definition))
        denied = result.tally.winner != winner
        if denied and not found:
            found.append(SwingThreshold(loser, points, code, result.tally.outcome, definition))
        if result.tally.winner == loser:
            if found and found[0].tipping_unit == code:
                return tuple(found)  # one unit both denied the majority and elected the runner-up
            found.append(SwingThreshold(loser, points, code, result.tally.outcome, definition))
            return tuple(found)
    return tuple(found)


def recorded_units(year: int) -> tuple[UnitOutcome, ...]:
    """Every unit of ``year`` as cast, the objects a scenario reports for units it leaves alone.

    They live as long as the process, so a caller may key derived data (e.g. encoded JSON) by identity.

    >>> units = recorded_units(2020)
    >>> run(Scenario(2020, flips={"GA": None})).units[0] is units[0], units[0].unit, units[0].how
    (True, 'AK', 'as recorded')
    """
    return _base(validate_year(year)).recorded_in_order


def replace_year(scenario: Scenario, year: int) -> Scenario:
    """The same scenario over another year's record.

    >>> replace_year(Scenario(2016, method="npvic"), 2000).year
    2000
    """
    return replace(scenario, year=year)


def state_names() -> dict[str, str]:
    """USPS code -> name, for display."""
    return {code: s.name for code, s in states().items()}
