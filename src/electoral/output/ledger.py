"""The ledger's JSON documents: one pydantic model per shape, shared by the CLI's ``--json`` and the HTTP API.

>>> from electoral.ledger.events import make_event
>>> e = make_event(2020, "PA", "race_call", "2020-11-07T11:25-05:00", "AP", fields={"candidate": "Biden"},
...                received="2020-11-07T11:25:03-05:00")
>>> EventOut.of(e).model_dump()["fields"]
{'candidate': 'Joe Biden'}
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from electoral.ledger.events import Event, zone_name
from electoral.ledger.status import Deadline, LedgerStatus, Milestone, UnitStatus

if TYPE_CHECKING:  # the store (SQLAlchemy) loads only where a database is used
    from electoral.ledger.store import Appended


class EventOut(BaseModel):
    """One event: the own format (a line of ``ledger events --json`` can be ingested again)."""

    id: str = Field(description="Content hash of everything but the received time.")
    year: int
    unit: str = Field(description="USPS code, district (ME-2, NE-1 ...) or US.")
    kind: str
    effective: datetime = Field(description="When it happened (with its offset).")
    tz: str = Field(description="The zone the effective time was given in (IANA name or offset).")
    received: datetime = Field(description="When the ledger learned of it.")
    actor: str
    source: str
    fields: dict[str, Any] = Field(description="The kind's own fields (see docs/ledger.md).")
    seq: int | None = Field(None, description="Arrival number in the database (for the stream).")

    @classmethod
    def of(cls, e: Event, seq: int | None = None) -> EventOut:
        """The document of an event."""
        return cls(id=e.id, year=e.year, unit=e.unit, kind=e.kind, effective=e.effective,
                   tz=zone_name(e.effective), received=e.received, actor=e.actor, source=e.source,
                   fields=dict(e.fields), seq=seq)


class EventsOut(BaseModel):
    year: int
    count: int
    events: list[EventOut]


class IngestOut(BaseModel):
    """What an ingest did: per batch and in all."""

    batches: int
    read: int = Field(description="Events read from the source: stored + duplicates + unchanged.")
    stored: int = Field(description="Events new to the ledger, now stored.")
    duplicates: int = Field(description="Events the ledger already held (stored before or by an earlier batch of "
                                        "this ingest, or repeated within a batch).")
    unchanged: int = Field(description="AP winner marks repeating a call that already stands (not a new event).")

    @classmethod
    def of(cls, results: list[Appended]) -> IngestOut:
        return cls(batches=len(results), read=sum(r.read for r in results), stored=sum(r.stored for r in results),
                   duplicates=sum(r.duplicates for r in results), unchanged=sum(r.unchanged for r in results))


class UnitOut(BaseModel):
    unit: str
    electors: int
    stage: str = Field(description="not_projected, projected, certified, certificate_issued, electors_voted, counted")
    leader: str | None
    called: str | None = Field(description="The latest standing call.")
    calls: dict[str, str] = Field(description="Standing call of each decision desk.")
    certified: str | None
    votes: dict[str, int] = Field(description="The latest results (or certified totals).")
    eevp: float | None = Field(description="Expected vote counted, percent, when the feed gives it.")
    counting: str | None = Field(description="The feed's counting status (AP: tabulationStatus).")
    call_status: str | None = Field(description="The feed's race-call status (AP: raceCallStatus).")
    cast: dict[str, int] = Field(description="The electors' votes.")
    recount: bool
    changed: datetime | None

    @classmethod
    def of(cls, u: UnitStatus) -> UnitOut:
        s = u.state
        return cls(unit=s.unit, electors=s.electors, stage=u.stage, leader=s.leader, called=s.called,
                   calls=dict(s.calls), certified=s.certified, votes=dict(s.votes), eevp=s.eevp,
                   counting=s.counting, call_status=s.call_status, cast=dict(s.cast), recount=s.recount, changed=s.changed)


class MilestoneOut(BaseModel):
    measure: str = Field(description="projected, certified or cast")
    candidate: str
    at: datetime
    units: list[str] = Field(description="The unit(s) that carried the candidate over the majority: the one that "
                                         "crossed, or every unit that added to the candidate at that very moment.")
    electoral_votes: int = Field(description="The candidate's total once the moment's events are counted.")
    time_known: bool = Field(description="False when the moment is the end of a day given without a time.")
    upper_bound: bool = Field(description="True when the moment rests on rows that give only an upper bound of "
                                           "their act's time (a report that it had happened, or the deadline that "
                                           "bound it): the majority was held no later than ``at``.")
    bounded_by: list[str] = Field(description="The units whose upper-bound rows, at or after the moment, gave the "
                                              "candidate electors; empty when the moment is exact.")

    @classmethod
    def of(cls, m: Milestone) -> MilestoneOut:
        return cls(measure=m.measure, candidate=m.candidate, at=m.at, units=list(m.units),
                   electoral_votes=m.electoral_votes, time_known=m.time_known, upper_bound=m.upper_bound,
                   bounded_by=list(m.bounded_by))


class DeadlineOut(BaseModel):
    step: str
    label: str
    date: date
    stage: str = Field(description="The stage each unit should have reached by the end of the day.")
    passed: bool = Field(description="Whether the deadline's day had begun (or every unit had reached the stage).")
    overdue: list[str] = Field(description="Once the day had ended: units the ledger records reaching the stage "
                                           "only later.")
    unrecorded: list[str] = Field(description="Once the day had ended: units not at the stage with no event of it "
                                              "in the ledger at all (a gap in the record, not lateness).")

    @classmethod
    def of(cls, d: Deadline) -> DeadlineOut:
        return cls(step=d.step, label=d.label, date=d.day, stage=d.stage, passed=d.passed, overdue=list(d.overdue),
                   unrecorded=list(d.unrecorded))


class LedgerStatusOut(BaseModel):
    """The election as its ledger stood at ``as_of``."""

    year: int
    as_of: datetime
    ledger: str = Field(description="packaged (the historical ledger shipped with the package) or database.")
    majority_needed: int
    events: int
    stages: dict[str, int]
    projected: dict[str, int]
    certified: dict[str, int]
    cast: dict[str, int]
    counted: dict[str, int]
    milestones: list[MilestoneOut]
    deadlines: list[DeadlineOut]
    presidency_call: EventOut | None
    unrecorded: dict[str, list[str]] = Field(description="Per measure (projected, certified, cast) the units the "
                                                         "ledger holds no event of its own for (no call, no "
                                                         "certification, no electors' vote): a gap in the record.")
    units: list[UnitOut]

    @classmethod
    def of(cls, s: LedgerStatus, ledger: str = "database") -> LedgerStatusOut:
        return cls(year=s.year, as_of=s.as_of, ledger=ledger, majority_needed=s.majority, events=s.events,
                   stages=s.stages, unrecorded={m: list(u) for m, u in s.unrecorded.items()},
                   projected=s.projected, certified=s.certified, cast=s.cast, counted=s.counted,
                   milestones=[MilestoneOut.of(m) for m in s.milestones],
                   deadlines=[DeadlineOut.of(d) for d in s.deadlines],
                   presidency_call=EventOut.of(s.presidency_call) if s.presidency_call else None,
                   units=[UnitOut.of(u) for u in s.units])


class LedgerViewOut(BaseModel):
    """What the ledger that answers for the year says at the moment of a calendar status (``electoral status
    --json`` of a year with a ledger): totals by measure, the units certified, the milestones passed and the
    units overdue and unrecorded."""

    electoral_votes: dict[str, dict[str, int]] = Field(
        description="Per measure (projected, certified, cast, counted) the electoral votes of each candidate.")
    certified_units: list[str]
    milestones: list[MilestoneOut]
    overdue: dict[str, list[str]] = Field(description="Per deadline ended, the units that reached its stage "
                                                      "only later.")
    unrecorded: dict[str, list[str]] = Field(description="Per deadline ended, the units not at its stage with no "
                                                         "event of it in the ledger.")
    source: str = Field("packaged", description="Which ledger answers: packaged or database.")

    @classmethod
    def of(cls, s: LedgerStatus, source: str = "packaged") -> LedgerViewOut:
        totals = {"projected": s.projected, "certified": s.certified, "cast": s.cast, "counted": s.counted}
        return cls(electoral_votes=totals, certified_units=[u.unit for u in s.units if u.state.certified],
                   milestones=[MilestoneOut.of(m) for m in s.milestones],
                   overdue={d.step: list(d.overdue) for d in s.deadlines if d.overdue},
                   unrecorded={d.step: list(d.unrecorded) for d in s.deadlines if d.unrecorded}, source=source)


class CalendarLedgerOut(BaseModel):
    """One deadline of the calendar as the ledger that answers for the year saw it at the end of its last day."""

    step: str
    stage: str = Field(description="The stage each unit should have reached by the end of the day.")
    reached: int = Field(description="Units at that stage or beyond by the end of the day.")
    units: int
    overdue: list[str] = Field(description="Units not at that stage by the end of the day that the ledger records "
                                           "reaching it later.")
    unrecorded: list[str] = Field(description="Units not at that stage with no event of it in the ledger at all "
                                              "(a gap in the record, not a unit known to be late; never in overdue).")

    @classmethod
    def of(cls, d: Deadline, units: int) -> CalendarLedgerOut:
        return cls(step=d.step, stage=d.stage, reached=units - len(d.overdue) - len(d.unrecorded), units=units,
                   overdue=list(d.overdue), unrecorded=list(d.unrecorded))
