"""Where an election stood at any moment, from its ledger: pure functions over a list of events.

:func:`build_timeline` sweeps the events once, in effective order, and keeps every change of each unit's
state and the first moment each candidate held a majority of electors projected, certified and cast;
:func:`status_at` then answers for any moment with one binary search per unit. Per unit, the stage is the
furthest reached: ``not_projected``, ``projected`` (a decision desk's call stands), ``certified`` (the
canvass), ``certificate_issued`` (ascertainment), ``electors_voted``, ``counted`` (the joint session
declared the count). The leader is the candidate at that stage (the one ahead in the latest results when
nothing is projected). The deadlines are the certification calendar's (:mod:`electoral.rules.calendar`).

>>> from electoral.ledger.events import make_event
>>> night = [make_event(2020, "PA", "results_update", "2020-11-04T01:00-05:00", "AP",
...                     fields={"votes": {"Trump": 3000, "Biden": 2000}}),
...          make_event(2020, "PA", "race_call", "2020-11-07T11:25-05:00", "AP", fields={"candidate": "Biden"})]
>>> s = status_as_of(night, 2020, "2020-11-07T12:00-05:00")
>>> s.unit("PA").stage, s.unit("PA").leader, s.projected
('projected', 'Joe Biden', {'Joe Biden': 20})
>>> status_as_of(night, 2020, "2020-11-05").unit("PA").leader  # a day: its end, in Washington
'Donald Trump'
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone

from electoral.errors import InvalidInput
from electoral.ledger.events import EASTERN, NATIONAL, Event, to_us, unit_electors
from electoral.rules.calendar import calendar_for, validate_calendar_year
from electoral.tally import majority_needed

STAGES = ("not_projected", "projected", "certified", "certificate_issued", "electors_voted", "counted")
MEASURES = ("projected", "certified", "cast")
MEASURE_KINDS = {"projected": ("race_call",), "certified": ("certified", "recertified"), "cast": ("electors_voted",)}
# The kinds of event that put a unit at a deadline's stage (the count is national: every unit at once).
STAGE_KINDS = {"certified": ("certified", "recertified"), "certificate_issued": ("ascertainment",),
               "electors_voted": ("electors_voted",)}
DEADLINE_STAGES = {"safe_harbor": "certified", "certificates": "certificate_issued",
                   "electors_meet": "electors_voted", "joint_session": "counted"}


@dataclass(frozen=True)
class UnitState:
    """One unit at one moment."""

    unit: str
    electors: int
    calls: Mapping[str, str] = field(default_factory=dict)  # desk -> candidate of its standing call
    called: str | None = None  # the latest standing call
    votes: Mapping[str, int] = field(default_factory=dict)  # latest results
    eevp: float | None = None
    counting: str | None = None
    call_status: str | None = None  # the feed's word on the race call ("Too Close to Call" ...)
    certified: str | None = None  # winner of the latest certification
    ascertained: bool = False
    cast: Mapping[str, int] = field(default_factory=dict)  # the electors' votes
    recount: bool = False  # a recount under way
    changed: datetime | None = None
    bounded: frozenset[str] = frozenset()  # measures whose standing event gives only an upper bound of its time

    @property
    def base_stage(self) -> str:
        """The stage from this unit's own events (``counted`` comes from the national count)."""
        if self.cast:
            return "electors_voted"
        if self.ascertained:
            return "certificate_issued"
        if self.certified:
            return "certified"
        return "projected" if self.called else "not_projected"

    @property
    def ahead(self) -> str | None:
        """The candidate ahead in the latest results."""
        return max(self.votes, key=self.votes.__getitem__) if self.votes and any(self.votes.values()) else None

    @property
    def leader(self) -> str | None:
        """The candidate at the furthest stage reached (electors: the most votes)."""
        if self.cast:
            return max(self.cast, key=self.cast.__getitem__)
        return self.certified or self.called or self.ahead

    def share(self, measure: str) -> dict[str, int]:
        """The unit's electors by candidate under ``measure`` (``projected``: the furthest stage's winner)."""
        if measure == "cast" or (measure == "projected" and self.cast):
            return dict(self.cast)
        winner = self.certified if measure == "certified" else (self.certified or self.called)
        return {winner: self.electors} if winner else {}


@dataclass(frozen=True)
class Milestone:
    """The first moment a candidate held a majority of electors under one measure, and the unit that did it."""

    measure: str
    candidate: str
    at: datetime
    units: tuple[str, ...]  # the unit that crossed, and any unit that added to the candidate at the same moment
    electoral_votes: int
    time_known: bool = True  # False when the moment is a day's end standing for a day without a time
    bounded_by: tuple[str, ...] = ()  # units whose upper-bound rows at or after the moment could make it earlier

    @property
    def upper_bound(self) -> bool:
        """True when the moment rests on upper-bound rows: the majority may have been reached earlier."""
        return bool(self.bounded_by)


@dataclass(frozen=True)
class Timeline:
    """Every change of every unit's state, the national count, and the majority milestones of one ledger."""

    year: int
    majority: int
    electors: Mapping[str, int]
    changes: Mapping[str, tuple[tuple[int, ...], tuple[UnitState, ...]]]  # unit -> (times, states)
    counted_at: datetime | None
    counted_votes: Mapping[str, int]
    presidency_calls: tuple[Event, ...]
    milestones: tuple[Milestone, ...]
    events: int
    sweep: _Sweep = field(repr=False, compare=False)  # the sweep's state, to extend the timeline with new events


def _call(state: UnitState, e: Event) -> UnitState:
    return replace(state, calls={**state.calls, e.actor: e.fields["candidate"]}, called=e.fields["candidate"])


def _retract(state: UnitState, e: Event) -> UnitState:
    calls = {desk: c for desk, c in state.calls.items() if desk != e.actor}
    return replace(state, calls=calls, called=next(reversed(calls.values()), None))


def _results(state: UnitState, e: Event) -> UnitState:
    f = e.fields
    return replace(state, votes=dict(f["votes"]), eevp=f.get("eevp", state.eevp),
                   counting=f.get("counting", state.counting), call_status=f.get("call_status", state.call_status))


def _certify(state: UnitState, e: Event) -> UnitState:
    totals = e.fields.get("totals") or {}
    winner = e.fields.get("candidate") or max(totals, key=totals.__getitem__)
    return replace(state, certified=winner, votes=dict(totals) or state.votes, recount=False)


# How each kind of event changes its unit; kinds not here (court cases, objections) change no stage.
APPLY: dict[str, Callable[[UnitState, Event], UnitState]] = {
    "race_call": _call,
    "call_retracted": _retract,
    "results_update": _results,
    "certified": _certify,
    "recertified": _certify,
    "recount_started": lambda s, e: replace(s, recount=True),
    "recount_finished": lambda s, e: replace(s, recount=False, votes=dict(e.fields.get("totals") or s.votes)),
    "ascertainment": lambda s, e: replace(s, ascertained=True),
    "electors_voted": lambda s, e: replace(s, cast=dict(e.fields.get("votes") or {e.fields["candidate"]: s.electors})),
}


def _apply(state: UnitState, e: Event) -> UnitState:
    """The unit's state after one of its events; a measure's event that gives only an upper bound of its time
    (``upper_bound``: the act happened no later than it) marks the measure ``bounded`` until the next one."""
    change = APPLY.get(e.kind)
    after = change(state, e) if change else state
    measures = {m for m, kinds in MEASURE_KINDS.items() if e.kind in kinds}
    if not measures:
        return after
    bounded = state.bounded | measures if e.fields.get("upper_bound") else state.bounded - measures
    return replace(after, bounded=frozenset(bounded))


@dataclass
class _Sweep:
    """The running state of a sweep over the ledger: each unit's state and history, the running totals, the
    milestones passed, the national count and calls; kept with the timeline so new events can extend it."""

    year: int
    majority: int
    states: dict[str, UnitState]
    history: dict[str, tuple[list[int], list[UnitState]]]
    totals: dict[str, dict[str, int]] = field(default_factory=lambda: {m: {} for m in MEASURES})
    milestones: list[Milestone] = field(default_factory=list)
    reached: set[tuple[str, str]] = field(default_factory=set)
    counted_at: datetime | None = None
    counted_votes: dict[str, int] = field(default_factory=dict)
    calls: list[Event] = field(default_factory=list)
    recorded: dict[str, set[str]] = field(default_factory=lambda: {m: set() for m in MEASURES})
    acts: dict[str, set[str]] = field(default_factory=dict)  # event kind -> units with an event of that kind
    seen: int = 0
    last: tuple[int, str] = (-(2**62), "")  # the (effective, id) of the last event swept

    @classmethod
    def start(cls, year: int) -> _Sweep:
        electors = unit_electors(year)
        return cls(year, majority_needed(sum(electors.values())),
                   {unit: UnitState(unit, votes) for unit, votes in electors.items()},
                   {unit: ([], []) for unit in electors})

    def copy(self) -> _Sweep:
        """A copy to extend, leaving this one (and the timeline built from it) as it was."""
        return replace(self, states=dict(self.states),
                       history={u: (list(t), list(s)) for u, (t, s) in self.history.items()},
                       totals={m: dict(t) for m, t in self.totals.items()}, milestones=list(self.milestones),
                       reached=set(self.reached), counted_votes=dict(self.counted_votes), calls=list(self.calls),
                       recorded={m: set(u) for m, u in self.recorded.items()},
                       acts={k: set(u) for k, u in self.acts.items()})

    def take(self, e: Event) -> None:
        """Sweep one event (events come in (effective, id) order)."""
        self.seen += 1
        self.last = (e.effective_us, e.id)
        if e.unit == NATIONAL:
            if e.kind == "count_declared" and self.counted_at is None:
                self.counted_at, self.counted_votes = e.effective, dict(e.fields.get("votes") or {})
            elif e.kind in ("race_call", "call_retracted"):
                self.calls.append(e)
            return
        for measure, kinds in MEASURE_KINDS.items():
            if e.kind in kinds:
                self.recorded[measure].add(e.unit)
        self.acts.setdefault(e.kind, set()).add(e.unit)
        before = self.states[e.unit]
        after = replace(_apply(before, e), changed=e.effective)
        self.states[e.unit] = after
        self.move(before, after, e)
        times, snapshots = self.history[e.unit]
        times.append(e.effective_us)
        snapshots.append(after)

    def move(self, before: UnitState, after: UnitState, e: Event) -> None:
        for measure in MEASURES:
            old, new = before.share(measure), after.share(measure)
            if old == new:
                continue
            totals = self.totals[measure]
            for name, votes in old.items():
                totals[name] -= votes
            for name, votes in new.items():
                totals[name] = totals.get(name, 0) + votes
                if totals[name] >= self.majority and (measure, name) not in self.reached:
                    self.reached.add((measure, name))
                    self.milestones.append(Milestone(measure, name, e.effective, (after.unit,), totals[name],
                                                     e.fields.get("time_known", True)))

    def timeline(self, changes: Mapping[str, tuple[tuple[int, ...], tuple[UnitState, ...]]]) -> Timeline:
        milestones = tuple(_settle(m, changes, self.majority) for m in self.milestones)
        return Timeline(self.year, self.majority, unit_electors(self.year), changes, self.counted_at,
                        dict(self.counted_votes), tuple(self.calls), milestones, self.seen, self)


def _settle(m: Milestone, changes: Mapping[str, tuple[tuple[int, ...], tuple[UnitState, ...]]],
            majority: int) -> Milestone:
    """The milestone with every unit that added to its candidate at its very moment (events at one moment, such
    as acts known only by their day, have no order among themselves), the candidate's total after them, and the
    upper-bound rows it rests on (see :func:`_bounded_by`)."""
    at_us, units, total, prior = to_us(m.at), list(m.units), 0, 0
    for unit, (times, states) in changes.items():
        i = bisect_right(times, at_us)
        now = states[i - 1].share(m.measure).get(m.candidate, 0) if i else 0
        total += now
        first = bisect_left(times, at_us)
        before = states[first - 1].share(m.measure).get(m.candidate, 0) if first else 0
        prior += before
        if i > first and now > before and unit not in units:
            units.append(unit)
    bounded, votes = _bounded_by(m, changes)
    return replace(m, units=tuple(sorted(units)) if len(units) > 1 else tuple(units), electoral_votes=total,
                   bounded_by=bounded if prior + votes >= majority else ())


def _bounded_by(m: Milestone, changes: Mapping[str, tuple[tuple[int, ...], tuple[UnitState, ...]]]
                ) -> tuple[tuple[str, ...], int]:
    """The units that gave ``m``'s candidate electors at or after ``m``'s moment by a row that is only an upper
    bound of its act's time, and those electors: had the acts come earlier, the candidate's total just before the
    moment plus these electors is what it could have held then (rows before the moment count already, whatever
    their true time); the moment is exact when that stays short of the majority."""
    at_us, found, votes = to_us(m.at), [], 0
    for unit, (times, states) in changes.items():
        for k in range(bisect_left(times, at_us), len(times)):
            before = states[k - 1].share(m.measure).get(m.candidate, 0) if k else 0
            after = states[k].share(m.measure).get(m.candidate, 0)
            if m.measure in states[k].bounded and after > before:
                found.append(unit)
                votes += after - before
                break
    return tuple(sorted(found)), votes


def one_desk(events: Iterable[Event], desk: str) -> list[Event]:
    """The events with only ``desk``'s race calls and retractions (every other kind kept): the projections of
    one decision desk.

    >>> from electoral.ledger.events import make_event
    >>> calls = [make_event(2020, "PA", "race_call", t, who, fields={"candidate": "Biden"})
    ...          for t, who in (("2020-11-06T08:50-05:00", "Decision Desk HQ"), ("2020-11-07T11:25-05:00", "AP"))]
    >>> [e.actor for e in one_desk(calls, "AP")]
    ['AP']
    """
    return [e for e in events if e.kind not in ("race_call", "call_retracted") or e.actor == desk]


def _order(events: Iterable[Event], year: int) -> list[Event]:
    """The events of ``year`` in sweep order: effective time, then id (simultaneous events: the same order always)."""
    return sorted((e for e in events if e.year == year), key=lambda e: (e.effective_us, e.id))


def build_timeline(events: Iterable[Event], year: int | str) -> Timeline:
    """Sweep the ledger of ``year`` once (events of other years are ignored).

    >>> build_timeline([], 2024).majority
    270
    """
    sweep = _Sweep.start(validate_calendar_year(year))
    for e in _order(events, sweep.year):
        sweep.take(e)
    return sweep.timeline({u: (tuple(t), tuple(s)) for u, (t, s) in sweep.history.items()})


def extend_timeline(t: Timeline, events: Iterable[Event]) -> Timeline | None:
    """The timeline with ``events`` added, when they all come after what it holds (a live night); None when an
    event falls earlier (then build it again from the whole ledger).

    >>> from electoral.ledger.events import make_event
    >>> call = make_event(2020, "PA", "race_call", "2020-11-07T11:25-05:00", "AP", fields={"candidate": "Biden"})
    >>> extend_timeline(build_timeline([], 2020), [call]).events
    1
    """
    new = _order(events, t.year)
    if not new:
        return t
    if (new[0].effective_us, new[0].id) <= t.sweep.last:
        return None
    sweep = t.sweep.copy()
    for e in new:
        sweep.take(e)
    touched = {e.unit for e in new if e.unit != NATIONAL}
    return sweep.timeline({u: (tuple(sweep.history[u][0]), tuple(sweep.history[u][1])) if u in touched else c
                           for u, c in t.changes.items()})


# -- the status at a moment ------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitStatus:
    """A unit at the moment asked: its state and its stage (``counted`` once the count was declared)."""

    state: UnitState
    stage: str

    @property
    def unit(self) -> str:
        """The unit's code."""
        return self.state.unit

    @property
    def leader(self) -> str | None:
        """The candidate at the furthest stage reached."""
        return self.state.leader


@dataclass(frozen=True)
class Deadline:
    """A legal deadline of the calendar, whether its day had begun (``passed``), and once the day had ended the
    units not at its stage: ``overdue`` when the ledger records the act later, ``unrecorded`` when it holds no
    event of the act for the unit at all (a gap in the record, not lateness). A unit is never in both."""

    step: str
    label: str
    day: date
    stage: str
    passed: bool
    overdue: tuple[str, ...]
    unrecorded: tuple[str, ...] = ()


@dataclass(frozen=True)
class LedgerStatus:
    """The election of ``year`` as its ledger stood at ``as_of``."""

    year: int
    as_of: datetime
    majority: int
    units: tuple[UnitStatus, ...]
    projected: dict[str, int]
    certified: dict[str, int]
    cast: dict[str, int]
    counted: dict[str, int]
    milestones: tuple[Milestone, ...]
    deadlines: tuple[Deadline, ...]
    presidency_call: Event | None  # the earliest of the calls standing since the last retraction
    events: int  # events in the ledger of the year (all, not only those before as_of)
    unrecorded: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # measure -> units the ledger never
    # records reaching it by an event of its own (no call, no certification, no electors' vote)

    def unit(self, code: str) -> UnitStatus:
        """The status of one unit."""
        for u in self.units:
            if u.unit == code:
                return u
        raise InvalidInput(f"no unit {code!r} in the {self.year} ledger status")

    @property
    def stages(self) -> dict[str, int]:
        """How many units are at each stage."""
        return {stage: sum(1 for u in self.units if u.stage == stage) for stage in STAGES}


def parse_moment(value: datetime | date | str, what: str = "as-of", day_end: bool = True) -> datetime:
    """A ledger moment (``--as-of``, ``--since``, ``--until`` and their API parameters alike): an aware ISO time,
    or an ISO day in any of its forms (2020-11-07, 20201107, 2020-W45-6), which stands for its end (or, with
    ``day_end`` false, its start) in Washington. Before standard time (1883) Washington's day is taken at
    -05:00, not New York's local mean time.

    Raises InvalidInput naming ``what`` and the value for text that is neither, or a time without a zone.

    >>> parse_moment("2020-11-07").isoformat()
    '2020-11-07T23:59:59.999999-05:00'
    >>> parse_moment("20201107", "since", day_end=False).isoformat()
    '2020-11-07T00:00:00-05:00'
    >>> parse_moment("2020-11-07T11:30:00Z").isoformat()
    '2020-11-07T11:30:00+00:00'
    >>> parse_moment("0001-01-01").isoformat()
    '0001-01-01T23:59:59.999999-05:00'
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        return _day_bound(value, day_end)
    else:
        text = str(value).strip()
        try:
            if "T" not in text.upper() and " " not in text:
                return _day_bound(date.fromisoformat(text), day_end)
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise InvalidInput(f"{what} must be an ISO day (2020-11-07) or a time with its zone, such as "
                               f"2020-11-07T11:30:00-05:00, got {value!r}") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput(f"{what} time {str(value)!r} has no time zone: add an offset (-05:00) or Z")
    return moment


def _day_bound(day: date, end: bool) -> datetime:
    moment = datetime.combine(day, time.max if end else time(0), EASTERN)
    if moment.utcoffset() not in (timedelta(hours=-5), timedelta(hours=-4)):  # local mean time before 1883
        moment = moment.replace(tzinfo=timezone(timedelta(hours=-5)))
    return moment


def _unit_status(t: Timeline, unit: str, at_us: int, counted: bool) -> UnitStatus:
    times, states = t.changes[unit]
    i = bisect_right(times, at_us)
    s = states[i - 1] if i else UnitState(unit, t.electors[unit])
    return UnitStatus(s, "counted" if counted else s.base_stage)


def _sum(units: Sequence[UnitStatus], measure: str) -> dict[str, int]:
    totals: dict[str, int] = {}
    for u in units:
        for name, votes in u.state.share(measure).items():
            totals[name] = totals.get(name, 0) + votes
    return _ranked(totals)


def _ranked(totals: Mapping[str, int]) -> dict[str, int]:
    return dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))


def deadlines(year: int, units: Sequence[UnitStatus], as_of: datetime,
              recorded: Mapping[str, frozenset[str]] | None = None) -> tuple[Deadline, ...]:
    """The calendar's deadlines for ``year``: passed once the deadline's day has begun (Washington time) or
    every unit has reached its stage; once the day has ended, the units not at its stage, split into
    ``overdue`` (``recorded[stage]`` holds the unit: the ledger records the act, later) and ``unrecorded``.

    >>> [(d.step, d.passed) for d in deadlines(2020, (), parse_moment("2020-12-10"))]
    [('safe_harbor', True), ('electors_meet', False), ('joint_session', False)]
    >>> deadlines(2020, (), parse_moment("2021-01-06T00:00-05:00"))[-1].passed  # the count's day has begun
    True
    """
    recorded = recorded or {}
    result = []
    for step in calendar_for(year).steps:
        stage = DEADLINE_STAGES.get(step.step)
        if stage is None or step.date is None:
            continue
        behind = [u.unit for u in units if STAGES.index(u.stage) < STAGES.index(stage)]
        begun = as_of >= datetime.combine(step.date, time(0), EASTERN)
        ended = as_of >= datetime.combine(step.completed + timedelta(days=1), time(0), EASTERN)
        acts = recorded.get(stage, frozenset())
        late = tuple(u for u in behind if ended and u in acts)
        gaps = tuple(u for u in behind if ended and u not in acts)
        result.append(Deadline(step.step, step.label, step.date, stage, begun or (bool(units) and not behind),
                               late, gaps))
    return tuple(result)


def status_at(t: Timeline, as_of: datetime | date | str) -> LedgerStatus:
    """The status at ``as_of`` from a timeline (one binary search per unit).

    >>> d = status_at(build_timeline([], 2024), "2024-12-20").deadlines[0]  # an empty ledger: gaps, not lateness
    >>> d.overdue, d.unrecorded[:3]
    ((), ('AK', 'AL', 'AR'))
    """
    moment = parse_moment(as_of)
    at_us = to_us(moment)
    counted = t.counted_at is not None and t.counted_at <= moment
    units = tuple(_unit_status(t, unit, at_us, counted) for unit in t.electors)
    cast = _sum(units, "cast")
    standing = _first_standing_call([e for e in t.presidency_calls if e.effective <= moment])
    return LedgerStatus(
        year=t.year, as_of=moment, majority=t.majority, units=units,
        projected=_sum(units, "projected"), certified=_sum(units, "certified"), cast=cast,
        counted=_ranked(dict(t.counted_votes) or cast) if counted else {},
        milestones=tuple(m for m in t.milestones if m.at <= moment),
        deadlines=deadlines(t.year, units, moment, _acts(t)), presidency_call=standing, events=t.events,
        unrecorded={m: tuple(u for u in t.electors if u not in t.sweep.recorded[m]) for m in MEASURES})


def _acts(t: Timeline) -> dict[str, frozenset[str]]:
    """Per deadline stage, the units whose act of that stage the ledger records at any time."""
    acts = {stage: frozenset().union(*(t.sweep.acts.get(k, set()) for k in kinds))
            for stage, kinds in STAGE_KINDS.items()}
    counted = frozenset(t.electors) if t.counted_at is not None else frozenset()
    return {**acts, "counted": counted}


def status_as_of(events: Iterable[Event], year: int | str, as_of: datetime | date | str) -> LedgerStatus:
    """The status of the election of ``year`` at ``as_of`` from its events (see also the module's example).

    >>> status_as_of([], 2020, "2020-11-04").projected
    {}
    """
    return status_at(build_timeline(events, year), as_of)


def now() -> datetime:
    """The present moment, in UTC.

    >>> now().utcoffset()
    datetime.timedelta(0)
    """
    return datetime.now(timezone.utc)


def series(t: Timeline, measure: str = "certified") -> list[tuple[datetime, dict[str, int]]]:
    """The candidates' electoral votes under ``measure`` (projected, certified or cast) after each moment the
    totals changed, in time order: a step function over the ledger.

    >>> from electoral.ledger.events import make_event
    >>> e = make_event(2020, "PA", "certified", "2020-11-24T12:00-05:00", "PA", fields={"candidate": "Biden"})
    >>> series(build_timeline([e], 2020))
    [(datetime.datetime(2020, 11, 24, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400))), {'Joe Biden': 20})]
    """
    if measure not in MEASURES:
        raise InvalidInput(f"unknown measure {measure!r}; the measures are {', '.join(MEASURES)}")
    moments: dict[int, datetime] = {}
    for unit, (times, states) in t.changes.items():
        for at_us, state in zip(times, states):
            moments.setdefault(at_us, state.changed)
    found: list[tuple[datetime, dict[str, int]]] = []
    for at_us in sorted(moments):
        totals = _sum([_unit_status(t, unit, at_us, False) for unit in t.electors], measure)
        if not found or found[-1][1] != totals:
            found.append((moments[at_us], totals))
    return found


def _first_standing_call(calls: list[Event]) -> Event | None:
    """The earliest presidency call standing at the end of ``calls`` (in time order): the first call after the
    last retraction, or None when the last word is a retraction."""
    if not calls or calls[-1].kind != "race_call":
        return None
    retracted = [i for i, e in enumerate(calls) if e.kind != "race_call"]
    return calls[retracted[-1] + 1 if retracted else 0]
