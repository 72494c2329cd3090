"""Is the result confirmed yet? The status of an election on a given date.

The status is the last legal step completed by the end of that day, counting steps in legal order
(see :mod:`electoral.rules.calendar`), the result confirmed at that step and the next step with its
date. The last step is the start of the new term, the day the President took office under the law
(4 March until 1933, 20 January from 1937), whatever day the oath was taken. Once the electors have voted, the
confirmed result is their votes as cast (including votes Congress later rejected); once Congress has
counted, it is the joint session's declaration, :meth:`electoral.record.Election.tally`.

>>> s = status_as_of(2020, "2020-12-15")
>>> s.stage_label, s.tally.winner, s.next_step.date
('electors have voted', 'Joe Biden', datetime.date(2021, 1, 6))
>>> status_as_of(2020, "2020-11-10").tally is None
True
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from electoral.data.loaders import rows_for
from electoral.errors import InvalidInput
from electoral.rules.calendar import Calendar, Step, calendar_for, format_day, step_kinds
from electoral.tally import Tally, tally_votes
from electoral.units import election_years

if TYPE_CHECKING:
    from electoral.ledger.status import Deadline, LedgerStatus

# Stage keys come from the ``stage`` column of calendar_steps.csv; "before_election" precedes them all.
STAGE_LABELS: dict[str, str] = {
    "before_election": "before Election Day",
    "counting": "counting and certifying",
    "electors_voted": "electors have voted",
    "counted": "counted by Congress",
    "inaugurated": "term begun",
}
CAST_STATUSES = ("counted", "rejected")  # votes the electors gave, whether or not Congress counted them


def parse_as_of(value: date | str) -> date:
    """An as-of date from a ``date`` or ISO text ``YYYY-MM-DD``, not before the first election began.

    >>> parse_as_of("2020-12-15")
    datetime.date(2020, 12, 15)
    >>> parse_as_of("2020-13-01")
    Traceback (most recent call last):
    ...
    electoral.errors.InvalidInput: as-of date must be a real date written YYYY-MM-DD, got '2020-13-01'
    """
    if isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip())
        except ValueError:
            raise InvalidInput(f"as-of date must be a real date written YYYY-MM-DD, got {value!r}") from None
    first = first_election_began()
    if day < first:
        raise InvalidInput(f"as-of date {day.isoformat()} is before the first presidential election "
                           f"began ({format_day(first)})")
    return day


def first_election_began() -> date:
    """The first day of the first presidential election (from the calendar data).

    >>> first_election_began()
    datetime.date(1788, 12, 15)
    """
    return calendar_for(election_years()[0]).steps[0].date


def electors_tally(year: int) -> Tally:
    """The electors' votes as cast (counted or later rejected by Congress), tallied without history.

    >>> electors_tally(1872).electoral_votes("Horace Greeley")  # cast for Greeley, who had died
    3
    """
    final = _final_tally(year)
    votes: Counter[str] = Counter()
    for row in rows_for("electoral_votes_cast", year):
        if row.status in CAST_STATUSES and row.candidate:
            votes[row.candidate] += row.electoral_votes
    parties = {c.name: c.party for c in final.candidates}
    return tally_votes(year, votes, electors_appointed=final.electors_appointed, parties=parties)


def _final_tally(year: int) -> Tally:
    from electoral.record import election  # the record is only needed once electors have voted

    return election(year).tally()


def _votes_line(tally: Tally) -> str:
    return ", ".join(f"{c.name} {c.electoral_votes}" for c in tally.candidates if c.electoral_votes > 0)


@dataclass(frozen=True)
class Status:
    """Where an election stood at the end of ``as_of``."""

    year: int
    as_of: date
    calendar: Calendar
    stage: str  # a key of STAGE_LABELS
    reached: tuple[Step, ...]  # steps reached by the end of as_of (see StepKind.reached_at)
    in_progress: Step | None  # a step begun but not ended (a window of days, a count past midnight)
    next_step: Step | None  # the first step not yet begun
    tally: Tally | None  # the confirmed result at this stage (None before the electors vote)
    confirmed_by: str | None  # "electors" or "congress"
    result_recorded: bool  # False for an election the record does not hold (a future year)
    passed_early: tuple[Step, ...] = ()  # steps whose day has passed though an earlier step has not (1789's term)
    ledger: LedgerStatus | None = None  # the ledger that answers for the year, at the end of as_of
    ledger_source: str = ""  # which: "packaged" or "database" ("" without a ledger)

    @property
    def stage_label(self) -> str:
        """The stage in words."""
        return STAGE_LABELS[self.stage]

    @property
    def last_step(self) -> Step | None:
        """The last step reached."""
        return self.reached[-1] if self.reached else None

    @property
    def lines(self) -> tuple[str, ...]:
        """The status in a few sentences: what was confirmed, what was under way, what came next."""
        lines = [f"As of {format_day(self.as_of)}, the {self.year} election: {self.stage_label}."]
        if not self.result_recorded:
            lines.append(f"No result recorded for {self.year}; the dates are the calendar under the law.")
        lines.append(self._confirmed())
        lines.extend(ledger_lines(self.ledger, self.ledger_source))
        lines.append(_hiding_note(self.year, self.ledger_source))
        lines.append(self._house())
        for step in self.passed_early:
            lines.append(f"By law, {step_kinds()[step.step].done_phrase.format(on=step.on)}, "
                         "ahead of the steps still to come.")
        if self.in_progress:
            lines.append(f"Under way: {self.in_progress.label}, {self.in_progress.when}.")
        noted = self.in_progress or self.last_step
        if noted and noted.note:
            lines.append(f"Note: {noted.note}.")
        if self.next_step:
            lines.append(f"Next: {self.next_step.label} on {format_day(self.next_step.date)}.")  # its start
        return tuple(line for line in lines if line)

    @property
    def summary(self) -> str:
        """The status as one paragraph."""
        return " ".join(self.lines)

    def _confirmed(self) -> str:
        last = self.last_step
        if last is None:
            return "No elector had yet been appointed."
        if last is self.in_progress:  # e.g. 1788-89: appointing electors over several weeks
            return "The result was not yet certified or voted by the electors."
        done = _sentence(step_kinds()[last.step].done_phrase.format(on=last.on))
        if self.tally is None:
            if not self.result_recorded:
                return f"By the calendar, {done[0].lower()}{done[1:]}"
            if last.step == "election_day" and not (self.ledger and self.ledger.certified):
                return done[:-1] + "; the result was not yet certified or voted by the electors."
            return done[:-1] + "; the electors had not yet voted."
        t = self.tally
        needed = f"{t.majority_needed} of {t.electors_appointed} electors needed"
        if self.confirmed_by == "electors":
            outcome = f"majority reached by {t.winner}" if t.winner else t.contingent.reason
            voted = _sentence(step_kinds()["electors_meet"].done_phrase.format(on=self.calendar.step("electors_meet").on))
            return f"{voted[:-1]}: {_votes_line(t)} ({needed}); {outcome}."
        count = self.calendar.step("joint_session")
        outcome = f"{t.winner} declared elected" if t.winner else t.contingent.reason
        line = f"{_sentence(step_kinds()['joint_session'].done_phrase.format(on=count.on))[:-1]}: {_votes_line(t)} " \
               f"({needed}); {outcome}."
        if self.stage == "inaugurated" and t.elected:
            line += f" The term of {t.elected} began {self.calendar.step('inauguration').on}."
        return line

    def _house(self) -> str:
        """What the House did, or was still to do, when the count gave no one a majority."""
        if self.confirmed_by != "congress" or not self.tally.contingent or not self.tally.contingent.chosen:
            return ""
        c = self.tally.contingent
        when = date.fromisoformat(c.date) if c.date else None
        chose = f"the {c.decided_by} chose {c.chosen}" + (f" on {format_day(when)}" if when else "")
        if when and when > self.as_of:
            return f"Pending: the {c.decided_by} was to choose among {', '.join(c.candidates)} ({chose})."
        return _sentence(chose)


def _names(totals: dict[str, int]) -> str:
    return ", ".join(f"{name} {votes}" for name, votes in totals.items())


def _no_record(units: tuple[str, ...]) -> str:
    """The units whose certification the ledger does not hold (not: units that had not certified)."""
    return f" (the ledger holds no certification of {len(units)} units: {' '.join(units)})" if units else ""


def ledger_lines(ledger: LedgerStatus | None, source: str = "packaged") -> list[str]:
    """What the packaged ledger adds to the calendar's status: the electoral votes certified and projected by
    then, the majority milestones passed and the units overdue at deadlines passed (nothing without a ledger
    or before the ledger records any call or certification).

    >>> from electoral.ledger.history import packaged_status
    >>> ledger_lines(packaged_status(2020, "2020-11-25"))[0]
    'The packaged ledger: 28 units holding 235 electoral votes had certified (Donald Trump 122, Joe Biden 113); projected (a race call or a later step): Joe Biden 306, Donald Trump 232.'
    """
    if ledger is None or not (ledger.certified or ledger.projected):
        return []
    certified = [u for u in ledger.units if u.state.certified]
    held = sum(u.state.electors for u in certified)
    lines = [f"The {source} ledger: {len(certified)} units holding {held} electoral votes had certified"
             + (f" ({_names(ledger.certified)})" if certified else "")
             + _no_record(ledger.unrecorded.get("certified", ()))
             + f"; projected (a race call or a later step): {_names(ledger.projected) or 'none'}."]
    for m in ledger.milestones:
        when = m.at.isoformat(timespec="minutes") if m.time_known else f"by the end of {format_day(m.at.date())}"
        units = ", ".join(m.units) if len(m.units) <= 6 else f"{len(m.units)} units on that day"
        lines.append(f"{m.candidate} first held {ledger.majority} {m.measure} electoral votes {when} ({units}).")
    for d in ledger.deadlines:
        if d.overdue:
            lines.append(f"Late for the {d.label} ({format_day(d.day)}), {d.stage.replace('_', ' ')} only after it "
                         f"in the ledger: {' '.join(d.overdue)}.")
        if d.unrecorded:
            lines.append(f"No {d.stage.replace('_', ' ')} event recorded for {len(d.unrecorded)} units by the "
                         f"{d.label} ({format_day(d.day)}).")
    return lines


def _hiding_note(year: int, source: str) -> str:
    from electoral.ledger.service import hiding_note

    return hiding_note(year, source)


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "."


def status_as_of(year: int | str, as_of: date | str) -> Status:
    """The status of the election of ``year`` at the end of the day ``as_of``.

    >>> print(status_as_of(2020, "2021-01-06").summary)  # doctest: +NORMALIZE_WHITESPACE
    As of 6 Jan 2021, the 2020 election: electors have voted. The electors voted on 14 Dec 2020:
    Joe Biden 306, Donald Trump 232 (270 of 538 electors needed); majority reached by Joe Biden.
    The packaged ledger: 56 units holding 538 electoral votes had certified (Joe Biden 306, Donald Trump 232);
    projected (a race call or a later step): Joe Biden 306, Donald Trump 232. Joe Biden first held 270 projected
    electoral votes 2020-11-06T08:50-05:00 (PA). Joe Biden first held 270 certified electoral votes by
    the end of 4 Dec 2020 (CA, IL, MD). Joe Biden first held 270 cast electoral votes by the end of
    14 Dec 2020 (27 units on that day). Under way: joint session of Congress counts the votes, 6 Jan 2021 - 7 Jan 2021. Note: the count,
    halted for about six hours by the attack on the Capitol, ended at about 3:41 a.m. on 7 January when
    Vice President Pence announced the result. Next: term of office begins on 20 Jan 2021.

    A step counts as reached once it and every step before it in legal order are complete: in 1789
    the term began (4 March) before Congress could count the votes (6 April).

    >>> status_as_of(1876, "1877-03-03").next_step.on, status_as_of(1876, "1877-03-04").stage
    ('on 4 Mar 1877', 'inaugurated')
    """
    cal = calendar_for(year)
    day = parse_as_of(as_of)
    dated = [s for s in cal.steps if s.date is not None]
    reached = _reached(dated, day)
    passed_early = tuple(s for s in dated[len(reached):] if s.completed <= day)
    in_progress = next((s for s in dated if s.date <= day < s.completed), None)
    next_step = next((s for s in dated if s.date > day), None)
    stage = step_kinds()[reached[-1].step].stage if reached else "before_election"
    recorded = cal.year in election_years()
    tally, confirmed_by = _confirmed_tally(cal.year, stage) if recorded else (None, None)
    return Status(cal.year, day, cal, stage, reached, in_progress, next_step, tally, confirmed_by, recorded,
                  passed_early, *_ledger_at(cal.year, day))


def _ledger_at(year: int, day: date) -> tuple[LedgerStatus | None, str]:
    """The ledger that answers for ``year`` at the end of ``day`` (Washington time), within the ledger's
    window, and which it is (see :func:`electoral.ledger.service.answering_status`)."""
    from electoral.ledger.events import window
    from electoral.ledger.service import answering_status

    answer = answering_status(year, day) if day >= window(year)[0].date() else None
    return answer if answer is not None else (None, "")


def _reached(dated: list[Step], day: date) -> tuple[Step, ...]:
    """The steps reached by the end of ``day``: each in legal order, once it (and every step before it) is."""
    kinds = step_kinds()
    reached: list[Step] = []
    for s in dated:
        if (s.date if kinds[s.step].reached_at == "start" else s.completed) > day:
            break
        reached.append(s)
    return tuple(reached)


def _confirmed_tally(year: int, stage: str) -> tuple[Tally | None, str | None]:
    """The result confirmed at ``stage`` of a recorded election, and by whom ("congress" or "electors")."""
    if stage in ("counted", "inaugurated"):
        return _final_tally(year), "congress"
    if stage == "electors_voted":
        return electors_tally(year), "electors"
    return None, None


def calendar_ledger(year: int | str) -> tuple[str, tuple[tuple[Deadline, int], ...]]:
    """Each deadline of the calendar of ``year`` as the ledger that answers for the year (the packaged one, or
    a database holding events of the year: :func:`electoral.ledger.service.ledger_of`) stood at the end of
    the deadline's last day: which ledger (``packaged`` or ``database``; ``""`` without one) and each
    deadline with the units overdue and unrecorded, and the number of units.

    >>> where, found = calendar_ledger(2020)
    >>> [(d.step, d.overdue, n) for d, n in found]  # West Virginia signed on 9 December
    [('safe_harbor', ('WV',), 56), ('electors_meet', (), 56), ('joint_session', (), 56)]
    >>> [(d.step, len(d.overdue), len(d.unrecorded)) for d, n in calendar_ledger(2024)[1]][0]  # PA's alone
    ('certificates', 0, 55)
    >>> calendar_ledger(1996)
    ('', ())
    """
    from electoral.ledger.events import EASTERN
    from electoral.ledger.service import answering_status

    cal = calendar_for(year)
    where, found = "", []
    for step in cal.steps:
        if step.date is None:
            continue
        answer = answering_status(cal.year, datetime.combine(step.completed + timedelta(days=1), time(0), EASTERN))
        if answer is None:
            return "", ()
        s, where = answer
        found.extend((d, len(s.units)) for d in s.deadlines if d.step == step.step)
    return where, tuple(found)


def calendar_ledger_lines(year: int | str) -> list[str]:
    """:func:`calendar_ledger` in sentences (the lines ``electoral calendar`` prints under its table).

    >>> calendar_ledger_lines(2020)[1]
    'safe-harbor deadline (8 Dec 2020): 55 of 56 units certified; late (recorded after the day): WV.'
    """
    where, found = calendar_ledger(year)
    if not found:
        return []
    lines = [f"The {where} ledger at the end of each deadline's last day (docs/ledger.md):"]
    for d, units in found:
        ended = calendar_for(year).step(d.step).completed
        day = format_day(d.day) + (f", its end {format_day(ended)}" if ended != d.day else "")
        reached = units - len(d.overdue) - len(d.unrecorded)
        text = f"{d.label} ({day}): {reached} of {units} units {d.stage.replace('_', ' ')}"
        text += f"; late (recorded after the day): {' '.join(d.overdue)}" if d.overdue else ""
        text += f"; no such event recorded for {len(d.unrecorded)} units" if d.unrecorded else ""
        lines.append(text + ".")
    return lines
