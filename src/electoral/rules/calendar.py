"""The certification calendar: the legal steps of each election and their dates, under the law in force.

Every date comes from data. ``calendar_rules.csv`` holds one row per law period and step with the rule
written in a small rule language; ``calendar_actual.csv`` holds the dates that differed from the law
(Congress moved the count, a count that ran past midnight), each with a source, and notes. The last
step, ``inauguration``, is the statutory start of the term (the day the President took office: 4 March
until 1933, 20 January from 1937); an oath taken on another day (1789, 1821, 1849, 1877) is a note.
One small function, :func:`rule_date`, evaluates a rule; the rule forms it understands are registered in
:data:`RULE_FORMS`.

>>> cal = calendar_for(2020)
>>> [(s.step, s.date.isoformat()) for s in cal.steps]  # doctest: +NORMALIZE_WHITESPACE
[('election_day', '2020-11-03'), ('safe_harbor', '2020-12-08'), ('electors_meet', '2020-12-14'),
 ('joint_session', '2021-01-06'), ('inauguration', '2021-01-20')]
>>> calendar_for(2028).step("electors_meet").date  # the 2022 act: first Tuesday after 2nd Wednesday
datetime.date(2028, 12, 19)
"""

from __future__ import annotations

import calendar as _cal
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from electoral.data.loaders import read_rows, rows_for
from electoral.errors import InvalidInput, UnknownYear
from electoral.parse import year_number
from electoral.units import election_years

MONTHS: dict[str, int] = {name: number for number, name in enumerate(_cal.month_name) if name}
WEEKDAYS: dict[str, int] = {name: number for number, name in enumerate(_cal.day_name)}  # Monday = 0
ORDINALS: dict[str, int] = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
LAST_CALENDAR_YEAR = 9996  # the count and inauguration fall in the next year, which must fit in a date


def format_day(day: date) -> str:
    """A date the way the reports print it.

    >>> format_day(date(2020, 12, 14))
    '14 Dec 2020'
    """
    return f"{day.day} {day:%b} {day.year}"


# -- the rule language ---------------------------------------------------------------------------


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> date:
    """The ``nth`` ``weekday`` (Monday = 0) of a month.

    >>> nth_weekday(2020, 12, 2, WEEKDAYS["Wednesday"])
    datetime.date(2020, 12, 9)
    """
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def weekday_after(day: date, weekday: int) -> date:
    """The first ``weekday`` strictly after ``day`` ("the Tuesday next after the first Monday").

    >>> weekday_after(date(2020, 11, 2), WEEKDAYS["Tuesday"])
    datetime.date(2020, 11, 3)
    """
    return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


@dataclass(frozen=True)
class RuleForm:
    """One form of the rule language: a pattern and how to turn a match into a date."""

    pattern: re.Pattern[str]
    example: str
    evaluate: Callable[[Mapping[str, str], int, Mapping[str, date]], date]


_M = "(?P<month>" + "|".join(MONTHS) + ")"
_W = "(?P<weekday>" + "|".join(WEEKDAYS) + ")"
_N = "(?P<nth>" + "|".join(ORDINALS) + ")"


def _relative(m: Mapping[str, str], year: int, known: Mapping[str, date]) -> date:
    sign = -1 if m["direction"] == "before" else 1
    return known[m["step"]] + timedelta(days=sign * int(m["days"]))


# ``year`` passed to an evaluator already includes the " next year" shift.
RULE_FORMS: dict[str, RuleForm] = {
    "fixed date": RuleForm(
        re.compile(_M + r" (?P<day>\d{1,2})"), "January 20 next year",
        lambda m, year, known: date(year, MONTHS[m["month"]], int(m["day"]))),
    "nth weekday of a month": RuleForm(
        re.compile(_N + " " + _W + " of " + _M), "1st Wednesday of December",
        lambda m, year, known: nth_weekday(year, MONTHS[m["month"]], ORDINALS[m["nth"]], WEEKDAYS[m["weekday"]])),
    "weekday after the nth weekday": RuleForm(
        re.compile("(?P<after>" + "|".join(WEEKDAYS) + ") after " + _N + " " + _W + " of " + _M),
        "Tuesday after 1st Monday of November",
        lambda m, year, known: weekday_after(
            nth_weekday(year, MONTHS[m["month"]], ORDINALS[m["nth"]], WEEKDAYS[m["weekday"]]), WEEKDAYS[m["after"]])),
    "days before or after another step": RuleForm(
        re.compile(r"(?P<days>\d+) days? (?P<direction>before|after) (?P<step>[a-z_]+)"), "6 days before electors_meet",
        _relative),
}
_NEXT_YEAR = " next year"


def parse_rule(rule: str) -> tuple[str, dict[str, str], int]:
    """Split a rule into its form, its parts and the year offset (1 for "... next year").

    >>> parse_rule("2nd Monday of January next year")
    ('nth weekday of a month', {'nth': '2nd', 'weekday': 'Monday', 'month': 'January'}, 1)
    """
    text, offset = (rule[: -len(_NEXT_YEAR)], 1) if rule.endswith(_NEXT_YEAR) else (rule, 0)
    for name, form in RULE_FORMS.items():
        match = form.pattern.fullmatch(text)
        if match:
            return name, match.groupdict(), offset
    forms = "; ".join(f"{name} (e.g. {form.example!r})" for name, form in RULE_FORMS.items())
    raise InvalidInput(f"calendar rule {rule!r} has no known form; the forms are: {forms}")


def rule_date(rule: str, year: int, known: Mapping[str, date] | None = None) -> date:
    """The date ``rule`` gives for the election of ``year`` (``known``: dates of steps already fixed).

    >>> rule_date("Tuesday after 1st Monday of November", 2024)
    datetime.date(2024, 11, 5)
    >>> rule_date("6 days before electors_meet", 2000, {"electors_meet": date(2000, 12, 18)})
    datetime.date(2000, 12, 12)
    """
    name, parts, offset = parse_rule(rule)
    known = known or {}
    if "step" in parts and parts["step"] not in known:
        raise InvalidInput(f"calendar rule {rule!r} refers to step {parts['step']!r}, which has no date")
    return RULE_FORMS[name].evaluate(parts, year + offset, known)


def rule_text(rule: str) -> str:
    """A rule for readers: references to other steps by their labels.

    >>> rule_text("6 days before electors_meet")
    '6 days before electors vote'
    """
    name, parts, _ = parse_rule(rule)
    step = parts.get("step")
    return rule.replace(step, step_kinds()[step].label) if step else rule


def _references(rule: str) -> set[str]:
    """Steps a rule needs before it can be evaluated."""
    return {p["step"]} if rule and "step" in (p := parse_rule(rule)[1]) else set()


# -- the tables ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StepKind:
    """One legal step as the ``calendar_steps`` table defines it."""

    step: str
    position: int  # legal order within an election
    label: str
    stage: str  # the status an election reaches at this step
    reached_at: str  # "start": the stage is reached when the step begins; "end": when it is complete
    done_phrase: str  # e.g. "the electors voted {on}"
    description: str


@dataclass(frozen=True)
class Law:
    """A statute or constitutional text that fixed dates in the calendar."""

    law: str
    short: str  # e.g. "1887 act"
    name: str
    enacted: date
    citation: str
    verified_from: str


@dataclass(frozen=True)
class StepRule:
    """The rule a law period gives for one step (``last_year`` None: still in force)."""

    law: str
    first_year: int
    last_year: int | None
    step: str
    rule: str
    until: str  # rule for the end of a window of days ("" for a single day)
    citation: str

    def covers(self, year: int) -> bool:
        """Whether the rule applies to the election of ``year``."""
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


@dataclass(frozen=True)
class ActualDate:
    """A recorded date for one step of one election (``date`` None: a note only; the law's date stands)."""

    year: int
    step: str
    date: date | None
    until: date | None
    note: str
    source: str


@lru_cache(maxsize=None)
def step_kinds() -> dict[str, StepKind]:
    """The legal steps, keyed by name, in legal order.

    >>> list(step_kinds())[:2]
    ['election_day', 'safe_harbor']
    """
    kinds = [StepKind(**r._asdict()) for r in read_rows("calendar_steps")]
    return {k.step: k for k in sorted(kinds, key=lambda k: k.position)}


@lru_cache(maxsize=None)
def laws() -> dict[str, Law]:
    """The registry of laws that fixed calendar dates, keyed by a short name.

    >>> laws()["act-1887"].name
    'Electoral Count Act'
    """
    return {r.law: Law(**r._asdict()) for r in read_rows("calendar_laws")}


@lru_cache(maxsize=None)
def step_rules() -> tuple[StepRule, ...]:
    """Every rule row of ``calendar_rules.csv``.

    >>> next(r.rule for r in step_rules() if r.law == "act-2022" and r.step == "electors_meet")
    'Tuesday after 2nd Wednesday of December'
    """
    return tuple(StepRule(**r._asdict()) for r in read_rows("calendar_rules"))


@lru_cache(maxsize=None)
def actual_dates() -> tuple[ActualDate, ...]:
    """Every recorded date or note of ``calendar_actual.csv``.

    >>> [a.date.isoformat() for a in actual_dates() if a.year == 2012 and a.step == "joint_session"]
    ['2013-01-04']
    """
    return tuple(ActualDate(**r._asdict()) for r in read_rows("calendar_actual"))


# -- a year's calendar ---------------------------------------------------------------------------


def validate_calendar_year(year: object) -> int:
    """``year`` as an int if it is a presidential election year: one in the record or a later one.

    >>> validate_calendar_year("2032")
    2032
    >>> validate_calendar_year(2022)
    Traceback (most recent call last):
    ...
    electoral.errors.UnknownYear: 2022 is not a presidential election year (1789, then every fourth year from 1792)
    """
    value = year_number(year)
    recorded = election_years()
    if value < recorded[0]:
        raise UnknownYear(f"{value} is before the first presidential election ({recorded[0]})")
    if value > LAST_CALENDAR_YEAR:
        raise UnknownYear(f"{value} is beyond the last year this calendar computes ({LAST_CALENDAR_YEAR})")
    if value not in recorded and (value < recorded[-1] or (value - recorded[-1]) % 4):
        raise UnknownYear(f"{value} is not a presidential election year "
                          f"({recorded[0]}, then every fourth year from {recorded[1]})")
    return value


@dataclass(frozen=True)
class Step:
    """One step of one election: what the law fixed and, where recorded, what happened."""

    step: str
    label: str
    position: int
    statutory: date | None  # the day the law fixed (None: no day was fixed)
    statutory_until: date | None  # end of a window the law allowed
    actual: date | None  # the recorded day, where it is in calendar_actual.csv
    actual_until: date | None  # recorded end (a count that ran past midnight or for weeks)
    law: str
    rule: str
    citation: str
    note: str = ""
    source: str = ""

    @property
    def date(self) -> date | None:
        """The day the step happened (recorded) or falls (by law)."""
        return self.actual or self.statutory

    @property
    def until(self) -> date | None:
        """The last day of the step when it spans several days."""
        return self.actual_until if self.actual else self.statutory_until

    @property
    def completed(self) -> date | None:
        """The day by whose end the step was complete."""
        return self.until or self.date

    @property
    def differs(self) -> bool:
        """Whether the recorded dates differ from the law's."""
        return self.actual is not None and (self.actual, self.actual_until) != (self.statutory, self.statutory_until)

    @property
    def when(self) -> str:
        """The date (or span) as text, e.g. ``'6 Jan 2021 - 7 Jan 2021'``."""
        if self.date is None:
            return ""
        return format_day(self.date) + (f" - {format_day(self.until)}" if self.until else "")

    @property
    def on(self) -> str:
        """The date for a sentence: ``'on 14 Dec 2020'`` or ``'from 1 Feb 1877 to 2 Mar 1877'``."""
        if self.date is None:
            return ""
        return f"from {format_day(self.date)} to {format_day(self.until)}" if self.until else f"on {format_day(self.date)}"


@dataclass(frozen=True)
class Calendar:
    """The steps of one election in legal order."""

    year: int
    steps: tuple[Step, ...]

    def step(self, name: str) -> Step:
        """The step called ``name`` (raises :class:`InvalidInput` naming the steps there are).

        >>> calendar_for(2000).step("safe_harbor").date
        datetime.date(2000, 12, 12)
        """
        for s in self.steps:
            if s.step == name:
                return s
        raise InvalidInput(f"no step {name!r} in the {self.year} calendar; its steps are "
                           + ", ".join(s.step for s in self.steps))

    @property
    def statutory_only(self) -> bool:
        """True when no date or note of this election is recorded beyond what the law fixed."""
        return all(s.actual is None and not s.note for s in self.steps)


def rules_for(year: int) -> dict[str, StepRule]:
    """The rule in force for each step of the election of ``year``.

    >>> rules_for(1888)["electors_meet"].law
    'act-1887'
    """
    year = validate_calendar_year(year)
    found: dict[str, StepRule] = {}
    for rule in step_rules():
        if rule.covers(year):
            if rule.step in found:  # a data error: two laws claim one step
                raise InvalidInput(f"two calendar rules for {rule.step!r} in {year}: {found[rule.step].law}, {rule.law}")
            found[rule.step] = rule
    return found


def statutory_dates(rules: Mapping[str, StepRule], year: int) -> dict[str, tuple[date, date | None]]:
    """Evaluate each step's rule (and window end), resolving references to other steps first.

    >>> statutory_dates(rules_for(1800), 1800)["election_day"]
    (datetime.date(1800, 10, 30), datetime.date(1800, 12, 2))
    """
    known: dict[str, date] = {}
    result: dict[str, tuple[date, date | None]] = {}
    pending = dict(rules)
    while pending:
        ready = [r for r in pending.values() if (_references(r.rule) | _references(r.until)) <= set(known)]
        if not ready:
            raise InvalidInput(f"calendar rules for {year} refer to steps without a date: {sorted(pending)}")
        for r in ready:
            start = rule_date(r.rule, year, known)
            result[r.step] = (start, rule_date(r.until, year, known) if r.until else None)
            known[r.step] = start
            del pending[r.step]
    return result


@lru_cache(maxsize=None)
def calendar_for(year: int | str) -> Calendar:
    """The calendar of the election of ``year``: law-fixed dates, with recorded dates where they differ.

    Works for any presidential election year from 1789, including future ones under current law.

    >>> cal = calendar_for(1876)
    >>> cal.step("joint_session").when, cal.step("joint_session").statutory
    ('1 Feb 1877 - 2 Mar 1877', datetime.date(1877, 2, 14))
    """
    year = validate_calendar_year(year)
    rules = rules_for(year)
    fixed = statutory_dates(rules, year)
    recorded = {a.step: ActualDate(**a._asdict()) for a in rows_for("calendar_actual", year)}
    kinds = step_kinds()
    steps = []
    for name in sorted(set(rules) | set(recorded), key=lambda n: kinds[n].position):
        rule, actual = rules.get(name), recorded.get(name)
        start, end = fixed.get(name, (None, None))
        steps.append(Step(
            step=name, label=kinds[name].label, position=kinds[name].position,
            statutory=start, statutory_until=end,
            actual=actual.date if actual else None, actual_until=actual.until if actual else None,
            law=rule.law if rule else "", rule=rule.rule if rule else "",
            citation=f"{laws()[rule.law].citation}, {rule.citation}" if rule else "no day fixed by law",
            note=actual.note if actual else "", source=actual.source if actual else ""))
    return Calendar(year, tuple(steps))
