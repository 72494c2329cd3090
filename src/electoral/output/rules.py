"""Output models of the rules: House apportionment, the certification calendar and an election's status.

>>> from electoral.output.base import document
>>> from electoral.rules.apportionment import apportion_census
>>> doc = document(census_apportionment_out(apportion_census(2020), by_law=True))
>>> doc["act"], doc["official"]["CA"], doc["tie"]
('2 U.S.C. 2a (Act of 15 November 1941)', 52, None)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pydantic import Field

from electoral.errors import UnknownYear
from electoral.output.base import Output, finite_or_none
from electoral.output.ledger import CalendarLedgerOut, LedgerViewOut
from electoral.output.record import TallyOut, tally_out
from electoral.rules.apportionment import (
    TIE_RULE, Apportionment, ApportionmentAct, Method, Tie, act, official_seats,
)
from electoral.rules.calendar import laws

if TYPE_CHECKING:  # shapes only: importing certification here would slow every command's start
    from electoral.certification import Status
    from electoral.rules.calendar import Calendar, Step


# -- apportionment -----------------------------------------------------------------------------
class SeatPriority(Output):
    state: str
    priority: float | None


class StateSeats(Output):
    state: str
    population: float | None
    quota: float | None = Field(description="Exact proportional share of the House.")
    seats: int


class TieOut(Output):
    states: list[str] = Field(description="States with exactly equal claims to the last seat(s), alphabetical.")
    seats: int = Field(description="Seats they share: fewer than the tied states.")
    given_to: list[str] = Field(description="Tied states that hold the seats here: the first codes alphabetically.")
    left_out: list[str] = Field(description="Tied states without the seat.")
    decided_by_law: bool = Field(description="Always false: the law has no tie rule.")
    rule: str = Field(description="The fallback used, in words.")


class ApportionmentOut(Output):
    census: int | None
    method: str
    house_size: int
    last_seat: SeatPriority | None = Field(description="Divisor methods: the state that won the last seat.")
    next_in_line: SeatPriority | None = Field(description="Divisor methods: the state that would win one more.")
    tie: TieOut | None = Field(description="An exact tie at the last seat, which the law does not decide; null if none.")
    states: list[StateSeats]
    act: str = Field(description="The apportionment act after this census.")
    statutory_seats_added: bool = Field(description="Whether seats the law gave outside the method are included.")
    source: str
    official: dict[str, int | None] | None = Field(description="Official seats per state; null if no table exists.")


def tie_out(tie: Tie | None) -> TieOut | None:
    """An exact tie at the last seat (None when there is none): tied states, seats, who got them, the rule.

    >>> from electoral.rules.apportionment import apportion
    >>> tie_out(apportion({"Y": 100, "X": 100}, 3).tie).given_to
    ['X']
    """
    if tie is None:
        return None
    return TieOut.of(states=list(tie.states), seats=tie.seats, given_to=list(tie.given_to),
                                  left_out=list(tie.left_out), decided_by_law=False, rule=TIE_RULE)


def _priority(pair: tuple[str, float] | None) -> SeatPriority | None:
    return SeatPriority.of(state=pair[0], priority=finite_or_none(pair[1])) if pair else None


def census_apportionment_out(apportionment: Apportionment, by_law: bool) -> ApportionmentOut:
    """A census's apportionment: seats per state with populations and exact quotas, who won the last seat,
    who is next, any exact tie, the act then in force and the official seats.

    ``by_law``: the method and size in force were used, so the seats added by statute are included.
    ``official`` maps each state to its official seats (None where it had none; the key is null where
    no official table exists). The CLI's ``apportion --json`` and ``GET /api/apportion`` return this.
    """
    law = act(apportionment.census)
    try:
        official = official_seats(law.census)
    except UnknownYear:
        official = {}
    a = apportionment
    return ApportionmentOut.of(
        census=a.census, method=a.method, house_size=a.house_size, last_seat=_priority(a.last_seat),
        next_in_line=_priority(a.next_in_line), tie=tie_out(a.tie),
        states=[StateSeats.of(state=s, population=finite_or_none(p), quota=finite_or_none(q),
                                           seats=int(n))
                for s, p, q, n in zip(a.states, a.populations, a.quotas, a.seats)],
        act=law.act, statutory_seats_added=by_law, source=law.source,
        official={s: official.get(s) for s in a.states} if official else None)


class MethodOut(Output):
    name: str
    kind: str
    description: str


class MethodsOut(Output):
    methods: list[MethodOut]


def methods_out(methods: Iterable[Method]) -> MethodsOut:
    """The registered apportionment methods (``GET /api/apportion/methods``).

    >>> from electoral.rules.apportionment import METHODS
    >>> methods_out(METHODS.values()).methods[0].name
    'huntington-hill'
    """
    return MethodsOut.of(methods=[MethodOut.of(name=m.name, kind=m.kind,
                                                                         description=m.description)
                                               for m in methods])


class ApportionmentActOut(Output):
    census: int
    act: str
    method: str
    house_size: int | None
    ratio: int | None
    first_election: int | None
    dc_electors: int
    source: str


class ApportionmentHistoryOut(Output):
    methods: dict[str, str] = Field(description="Method name -> description.")
    history: list[ApportionmentActOut]


def history_out(methods: Iterable[Method], acts: Iterable[ApportionmentAct]) -> ApportionmentHistoryOut:
    """Every apportionment after a census and the registered methods (``electoral apportion --json``).

    >>> from electoral.rules.apportionment import METHODS, history
    >>> history_out(METHODS.values(), history()).history[-1].house_size
    435
    """
    return ApportionmentHistoryOut.of(
        methods={m.name: m.description for m in methods},
        history=[ApportionmentActOut.of(
            census=a.census, act=a.act, method=a.method, house_size=a.house_size, ratio=a.ratio,
            first_election=a.first_election, dc_electors=a.dc_electors, source=a.source) for a in acts])


class OfficialSeatsOut(Output):
    census: int
    act: str
    method: str
    house_size: int
    source: str
    official: dict[str, int]
    populations: None = Field(description="Always null: the census's populations are not packaged.")
    note: str


OFFICIAL_ONLY_NOTE = "populations for this census are not packaged; official seats only"


def official_seats_out(census: int, law: ApportionmentAct, seats: dict[str, int]) -> OfficialSeatsOut:
    """The official seats of a census whose populations are not packaged (``electoral apportion 1800 --json``).

    >>> from electoral.rules.apportionment import act, official_seats
    >>> official_seats_out(1800, act(1800), official_seats(1800)).house_size
    142
    """
    return OfficialSeatsOut.of(census=census, act=law.act, method=law.method,
                                            house_size=sum(seats.values()), source=law.source, official=seats,
                                            populations=None, note=OFFICIAL_ONLY_NOTE)


# -- calendar and certification ----------------------------------------------------------------
class StepOut(Output):
    step: str
    label: str
    date: str | None = Field(description="ISO date the step happened (recorded) or falls (by law).")
    until: str | None
    statutory_date: str | None
    statutory_until: str | None
    differs_from_law: bool
    law: str | None
    law_name: str | None
    rule: str | None
    citation: str
    note: str | None
    source: str | None


class StatusStepOut(StepOut):
    reached: bool


class CalendarOut(Output):
    year: int
    statutory_only: bool = Field(description="True for a year with no recorded dates (a future election).")
    steps: list[StepOut]
    ledger: list[CalendarLedgerOut] | None = Field(
        None, description="Years with a ledger: each deadline as the ledger stood at the end of its last day.")
    ledger_source: str | None = Field(None, description="Which ledger answers for the year: packaged or database.")


class StatusOut(Output):
    year: int
    as_of: str
    stage: str
    stage_label: str
    summary: str
    lines: list[str]
    result_recorded: bool
    confirmed_by: str | None
    tally: TallyOut | None
    last_step: StepOut | None
    in_progress: StepOut | None
    next_step: StepOut | None
    steps: list[StatusStepOut]
    ledger: LedgerViewOut | None = Field(
        None, description="Years with a packaged ledger: the ledger at the end of as_of (docs/ledger.md).")


def _step_fields(step: Step) -> dict[str, Any]:
    iso = lambda day: day.isoformat() if day else None  # noqa: E731
    return dict(
        step=step.step, label=step.label, date=iso(step.date), until=iso(step.until),
        statutory_date=iso(step.statutory), statutory_until=iso(step.statutory_until), differs_from_law=step.differs,
        law=step.law or None, law_name=laws()[step.law].name if step.law else None, rule=step.rule or None,
        citation=step.citation, note=step.note or None, source=step.source or None)


def step_out(step: Step | None) -> StepOut | None:
    """One calendar step (None for None).

    >>> from electoral.rules.calendar import calendar_for
    >>> step_out(calendar_for(2020).step("electors_meet")).date
    '2020-12-14'
    """
    return StepOut.of(**_step_fields(step)) if step else None


def calendar_out(cal: Calendar) -> CalendarOut:
    """A year's certification calendar (``electoral calendar --json``, ``GET /api/calendar/{year}``)."""
    from electoral.certification import calendar_ledger

    source, extra = calendar_ledger(cal.year)
    ledger = {"ledger": [CalendarLedgerOut.of(d, n) for d, n in extra], "ledger_source": source} if extra else {}
    return CalendarOut.of(year=cal.year, statutory_only=cal.statutory_only,
                          steps=[step_out(s) for s in cal.steps], **ledger)


def status_out(status: Status) -> StatusOut:
    """An election's status on a date (``electoral status --json``, ``GET /api/status/{year}``).

    >>> from electoral.certification import status_as_of
    >>> status_out(status_as_of(2020, "2020-12-15")).last_step.step
    'electors_meet'
    """
    return StatusOut.of(
        year=status.year, as_of=status.as_of.isoformat(), stage=status.stage, stage_label=status.stage_label,
        summary=status.summary, lines=list(status.lines), result_recorded=status.result_recorded,
        confirmed_by=status.confirmed_by, tally=tally_out(status.tally) if status.tally else None,
        last_step=step_out(status.last_step), in_progress=step_out(status.in_progress),
        next_step=step_out(status.next_step),
        steps=[StatusStepOut.of(**_step_fields(s), reached=s in status.reached)
               for s in status.calendar.steps],
        **({"ledger": LedgerViewOut.of(status.ledger, status.ledger_source)} if status.ledger else {}))
