"""Election events: one row per event, never changed once recorded (a correction is a new event).

Every event has a ``year`` (the election, even when the event falls in the next January), a ``unit`` (a
USPS code, a district ``ME-2``/``NE-1``..., or ``US`` for national events), a ``kind``, an ``effective``
time (when it happened) and a ``received`` time (when the ledger learned of it), both time-zone aware, an
``actor`` (a decision desk, a secretary of state, a court, a chamber ...), a ``source`` and the fields of
its kind (:data:`KINDS`). Its ``id`` is a hash of everything but the received time, so the same event
delivered twice is one event. :func:`make_event` builds and checks one event; the checks that need the
ledger's history (a retraction needs a call) are in :func:`check_history`.

>>> e = make_event(2020, "PA", "race_call", "2020-11-07T11:25:00-05:00", actor="AP",
...                fields={"candidate": "Biden"}, received="2020-11-07T11:25:03-05:00")
>>> e.fields["candidate"], len(e.id), e.effective.isoformat()
('Joe Biden', 32, '2020-11-07T11:25:00-05:00')
>>> make_event(2020, "PA", "race_call", "2020-11-02T12:00:00-05:00", actor="AP", fields={"candidate": "Biden"})
Traceback (most recent call last):
...
electoral.errors.InvalidInput: race_call PA: effective time 2020-11-02T12:00:00-05:00 is before Election Day (3 Nov 2020)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import orjson

from electoral.errors import InvalidInput, UnknownUnit
from electoral.rules.calendar import calendar_for, format_day, validate_calendar_year
from electoral.units import election_years, normalize_code, units_for

NATIONAL = "US"
EASTERN = ZoneInfo("America/New_York")  # Election Day and the count are bounded by days in Washington
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Kind:
    """One kind of event: the fields it must have, needs one of, and may have, and where it may happen."""

    name: str
    label: str
    required: tuple[str, ...] = ()
    one_of: tuple[str, ...] = ()  # at least one of these
    optional: tuple[str, ...] = ()
    units: str = "any"  # "any": a unit of the year or US; "state": a unit only; "national": US only

    @property
    def fields(self) -> frozenset[str]:
        """Every field the kind accepts (its own and the common ones)."""
        return frozenset(self.required + self.one_of + self.optional + COMMON_FIELDS)


COMMON_FIELDS = ("candidate", "detail", "confidence", "source_title", "time_known", "upper_bound", "supersedes",
                 "verdict", "check_source")

KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("race_call", "race called by a decision desk", required=("candidate",)),
    Kind("call_retracted", "call retracted"),
    Kind("results_update", "results update", required=("votes",), optional=("counting", "eevp", "call_status"),
         units="state"),
    Kind("certified", "canvass certified", one_of=("totals", "candidate"), units="state"),
    Kind("recount_started", "recount started", units="state"),
    Kind("recount_finished", "recount finished", optional=("totals",), units="state"),
    Kind("recertified", "results recertified", one_of=("totals", "candidate"), units="state"),
    Kind("court_case_filed", "court case filed", optional=("case",)),
    Kind("court_case_decided", "court case decided", optional=("case", "ruling")),
    Kind("ascertainment", "certificate of ascertainment issued", optional=("electors",), units="state"),
    Kind("electors_voted", "electors voted", one_of=("votes", "candidate"),
         optional=("faithless", "replaced", "abstained")),
    Kind("objection", "objection in the joint session", optional=("fate", "objectors", "house", "senate")),
    Kind("chamber_vote", "vote of one chamber on an objection", required=("chamber",),
         optional=("yeas", "nays", "question")),
    Kind("count_declared", "count declared by the joint session", optional=("votes",), units="national"),
)}

# Names used by the historical ledger kit (scripts/ledger_kit) for the same kinds.
KIND_ALIASES: dict[str, str] = {"litigation_filed": "court_case_filed", "litigation_decided": "court_case_decided",
                                "counted": "count_declared"}
CONFIDENCE = ("high", "medium", "low")
# How a historical row was checked (scripts/ledger_kit/verification.csv; "added": a new fact of the additions).
VERDICTS = ("confirmed", "corrected", "conflict", "unverified", "added")
CHAMBERS = ("House", "Senate")


@dataclass(frozen=True)
class Event:
    """One event as recorded (build it with :func:`make_event`, which checks it and computes ``id``)."""

    id: str
    year: int
    unit: str
    kind: str
    effective: datetime
    received: datetime
    actor: str
    source: str = ""
    fields: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def effective_us(self) -> int:
        """The effective time as whole microseconds since 1970 UTC (the order of the ledger)."""
        return to_us(self.effective)

    @property
    def candidate(self) -> str | None:
        """The candidate the event names (a call's, a certification's winner ...), if any."""
        return self.fields.get("candidate")


def to_us(moment: datetime) -> int:
    """Microseconds since 1970 UTC.

    >>> to_us(datetime(1970, 1, 1, 0, 0, 1, tzinfo=timezone.utc))
    1000000
    """
    delta = moment - EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_us(value: int, tz: str = "") -> datetime:
    """The inverse of :func:`to_us`, in zone ``tz`` (an IANA name or ``+HH:MM``; UTC when empty).

    >>> from_us(1604766300000000, "America/New_York").isoformat()
    '2020-11-07T11:25:00-05:00'
    """
    return (EPOCH + timedelta(microseconds=value)).astimezone(zone(tz) if tz else timezone.utc)


def zone(name: str) -> timezone | ZoneInfo:
    """A time zone from an IANA name (``America/Chicago``) or a fixed offset (``-05:00``, ``UTC``).

    >>> zone("-05:00")
    datetime.timezone(datetime.timedelta(days=-1, seconds=68400))
    """
    text = name.strip()
    if text.upper() in ("UTC", "Z", "+00:00"):
        return timezone.utc
    if text[:1] in "+-" and len(text) == 6 and text[3] == ":":
        try:
            sign = -1 if text[0] == "-" else 1
            return timezone(sign * timedelta(hours=int(text[1:3]), minutes=int(text[4:6])))
        except ValueError:
            pass
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"unknown time zone {name!r} (an IANA name such as 'America/New_York' or an "
                           "offset such as '-05:00')") from None


def zone_name(moment: datetime) -> str:
    """The zone of an aware time as text: its IANA key, or its UTC offset ``+HH:MM``.

    >>> zone_name(datetime(2020, 11, 3, tzinfo=ZoneInfo("America/Chicago")))
    'America/Chicago'
    """
    key = getattr(moment.tzinfo, "key", None)
    return key if key else _offset_name(moment.utcoffset() or timedelta(0))


@lru_cache(maxsize=256)
def _offset_name(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    return f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def parse_time(value: datetime | str, what: str, tz: str = "") -> datetime:
    """A time-zone aware time from a ``datetime`` or ISO text; ``tz`` places a time written without offset.

    >>> parse_time("2020-11-07 11:25", "effective time", "America/New_York").isoformat()
    '2020-11-07T11:25:00-05:00'
    >>> parse_time("2020-11-07T11:25", "effective time")
    Traceback (most recent call last):
    ...
    electoral.errors.InvalidInput: effective time '2020-11-07T11:25' has no time zone: add an offset (-05:00) or a zone
    """
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise InvalidInput(f"{what} must be an ISO time such as 2020-11-03T20:00:00-05:00, got {value!r}") from None
    if tz:
        place = zone(tz)
        moment = moment.replace(tzinfo=place) if moment.tzinfo is None else moment.astimezone(place)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput(f"{what} {str(value)!r} has no time zone: add an offset (-05:00) or a zone")
    return moment


# -- the year's facts: units, candidates, the window of days --------------------------------------


@lru_cache(maxsize=None)
def unit_electors(year: int) -> dict[str, int]:
    """Electors of each unit of ``year`` (years after the record: the last recorded allotment).

    >>> unit_electors(2020)["ME-2"], unit_electors(2028)["PA"]
    (1, 19)
    """
    recorded = election_years()
    units = units_for(year if year in recorded else recorded[-1])
    return {code: int(votes) for code, votes in zip(units.codes, units.electoral_votes)}


@lru_cache(maxsize=None)
def _candidates(year: int) -> tuple[dict[str, str], dict[str, str]]:
    """Names of the record's candidates of ``year`` by lower-case name, and by unique lower-case surname."""
    from electoral.record import election  # the record is needed only to check candidates

    e = election(year)
    names = {name.lower(): name for name in e.parties}
    surnames: dict[str, str] = {}
    for pool in ([c.name for c in e.tally().candidates if c.electoral_votes > 0], list(e.parties)):
        counts: dict[str, list[str]] = {}
        for name in pool:
            counts.setdefault(name.split()[-1].lower(), []).append(name)
        for surname, found in counts.items():
            if len(set(found)) == 1:
                surnames.setdefault(surname, found[0])
    return names, surnames


def candidate_name(year: int, name: object) -> str:
    """The record's name of a candidate of ``year`` from the full name or a unique surname.

    Years the record does not hold yet (2028 ...) take any name as given.

    >>> candidate_name(2016, "trump"), candidate_name(2028, "Jane Doe")
    ('Donald Trump', 'Jane Doe')
    """
    return _candidate(year, str(name).strip() if name is not None else "")


@lru_cache(maxsize=4096)
def _candidate(year: int, text: str) -> str:
    if not text:
        raise InvalidInput("candidate name is empty")
    if year not in election_years():
        return text
    names, surnames = _candidates(year)
    found = names.get(text.lower()) or surnames.get(text.lower())
    if found is None:
        raise UnknownUnit(f"unknown candidate {text!r} for {year}: not a candidate of the record")
    return found


@lru_cache(maxsize=None)
def window(year: int) -> tuple[datetime, datetime]:
    """The span events may fall in: from the start of Election Day (Eastern) to the end of the count's day.

    >>> [t.isoformat() for t in window(2020)]
    ['2020-11-03T00:00:00-05:00', '2021-01-08T00:00:00-05:00']
    """
    cal = calendar_for(year)
    start = datetime.combine(cal.steps[0].date, time(0), EASTERN)
    end = datetime.combine(cal.step("joint_session").completed + timedelta(days=1), time(0), EASTERN)
    return start, end


def _check_window(year: int, moment: datetime) -> None:
    start, end = window(year)
    if moment < start:
        raise InvalidInput(f"effective time {moment.isoformat()} is before Election Day ({format_day(start.date())})")
    if moment >= end:
        last = (end - timedelta(days=1)).date()
        raise InvalidInput(f"effective time {moment.isoformat()} is after the count in Congress ({format_day(last)})")


def check_unit(year: int, unit: object, kind: Kind) -> str:
    """The canonical unit code if ``unit`` may hold an event of ``kind`` in ``year``.

    >>> check_unit(2020, "me2", KINDS["certified"])
    'ME-2'
    """
    code = normalize_code(str(unit))
    if code == NATIONAL:
        if kind.units == "state":
            raise UnknownUnit(f"{kind.name} needs a state or district, not {NATIONAL}")
        return code
    if kind.units == "national":
        raise UnknownUnit(f"{kind.name} is national: its unit is {NATIONAL}, not {code!r}")
    if code not in unit_electors(year):
        raise UnknownUnit(f"unknown unit {str(unit)!r} for {year} (a state, a district such as ME-2, or US)")
    return code


# -- kind-specific fields --------------------------------------------------------------------------


def _count(value: object, what: str) -> int:
    if type(value) is int and value >= 0:
        return value
    if isinstance(value, bool) or not isinstance(value, (int, str, float)):
        raise InvalidInput(f"{what} must be a whole number, got {value!r}")
    try:
        number = int(str(value).replace(",", "").strip()) if not isinstance(value, float) else int(value)
    except ValueError:
        raise InvalidInput(f"{what} must be a whole number, got {value!r}") from None
    if number < 0 or (isinstance(value, float) and value != number):
        raise InvalidInput(f"{what} must be a whole number not below 0, got {value!r}")
    return number


def _counts(year: int, value: object, what: str) -> dict[str, int]:
    if not isinstance(value, Mapping) or not value:
        raise InvalidInput(f"{what} must be an object of candidate: count, got {value!r}")
    result: dict[str, int] = {}
    for name, number in value.items():
        key = candidate_name(year, name)
        result[key] = result.get(key, 0) + _count(number, f"{what} of {name!r}")
    return result


def _text(year: int, value: object, what: str) -> str:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise InvalidInput(f"{what} must be text, got {value!r}")
    return str(value).strip()


def _choice(options: tuple[str, ...]) -> Callable[[int, object, str], str]:
    def parse(year: int, value: object, what: str) -> str:
        text = str(value).strip()
        for option in options:
            if text.lower() == option.lower():
                return option
        raise InvalidInput(f"{what} must be one of {', '.join(options)}, got {value!r}")
    return parse


def _share(year: int, value: object, what: str) -> float:
    try:
        share = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        share = -1.0
    if not 0.0 <= share <= 100.0 or isinstance(value, bool):
        raise InvalidInput(f"{what} must be a percentage from 0 to 100, got {value!r}")
    return share


def _flag(year: int, value: object, what: str) -> bool:
    if isinstance(value, bool):
        return value
    if str(value).strip().lower() in ("true", "1", "yes"):
        return True
    if str(value).strip().lower() in ("false", "0", "no", ""):
        return False
    raise InvalidInput(f"{what} must be true or false, got {value!r}")


def _records(keys: tuple[str, ...], names: tuple[str, ...]) -> Callable[[int, object, str], list[dict[str, str]]]:
    """A list of objects with text ``keys``; values under ``names`` are candidates of the year."""
    def parse(year: int, value: object, what: str) -> list[dict[str, str]]:
        if not isinstance(value, list):
            raise InvalidInput(f"{what} must be a list of objects with {', '.join(keys)}, got {value!r}")
        rows = []
        for item in value:
            if not isinstance(item, Mapping) or not set(item) <= set(keys):
                raise InvalidInput(f"{what}: each item is an object with keys among {', '.join(keys)}, got {item!r}")
            rows.append({k: candidate_name(year, v) if k in names else _text(year, v, f"{what}.{k}")
                         for k, v in item.items()})
        return rows
    return parse


def _vote(year: int, value: object, what: str) -> dict[str, int]:
    if not isinstance(value, Mapping) or not set(value) <= {"yeas", "nays"}:
        raise InvalidInput(f"{what} must be an object with yeas and nays, got {value!r}")
    return {k: _count(v, f"{what}.{k}") for k, v in value.items()}


def _names(year: int, value: object, what: str) -> list[str]:
    if not isinstance(value, list):
        raise InvalidInput(f"{what} must be a list of names, got {value!r}")
    return [_text(year, v, what) for v in value]


FIELD_PARSERS: dict[str, Callable[[int, object, str], Any]] = {
    "candidate": lambda year, value, what: candidate_name(year, value),
    "votes": _counts, "totals": _counts,
    "eevp": _share,
    "counting": _text, "call_status": _text, "case": _text, "ruling": _text, "question": _text, "fate": _text, "objectors": _text,
    "detail": _text, "source_title": _text, "supersedes": _text, "check_source": _text,
    "verdict": _choice(VERDICTS),
    "confidence": _choice(CONFIDENCE), "chamber": _choice(CHAMBERS),
    "yeas": lambda year, value, what: _count(value, what), "nays": lambda year, value, what: _count(value, what),
    "abstained": lambda year, value, what: _count(value, what),
    "house": _vote, "senate": _vote,
    "faithless": _records(("elector", "pledged", "voted"), ("pledged", "voted")),
    "replaced": _records(("elector", "replacement"), ()),
    "electors": _names,
    "time_known": _flag, "upper_bound": _flag,
}


def parse_fields(year: int, kind: Kind, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The kind's fields, parsed: unknown or missing fields are errors naming them.

    >>> parse_fields(2020, KINDS["results_update"], {"votes": {"Biden": "3,458,229", "Trump": 3377674}})
    {'votes': {'Joe Biden': 3458229, 'Donald Trump': 3377674}}
    """
    extra = sorted(set(fields) - kind.fields)
    if extra:
        raise InvalidInput(f"{kind.name} has no field {extra[0]!r}; its fields are {', '.join(sorted(kind.fields))}")
    missing = [name for name in kind.required if fields.get(name) in (None, "")]
    if missing:
        raise InvalidInput(f"{kind.name} needs {missing[0]!r}")
    if kind.one_of and all(fields.get(name) in (None, "", {}) for name in kind.one_of):
        raise InvalidInput(f"{kind.name} needs {' or '.join(repr(n) for n in kind.one_of)}")
    return {name: FIELD_PARSERS[name](year, value, name) for name, value in sorted(fields.items())
            if value not in (None, "")}


def _check_consistency(year: int, unit: str, kind: str, fields: Mapping[str, Any]) -> None:
    """Certifications name a winner with votes; electors' votes add up to the unit's electors."""
    if kind in ("certified", "recertified") and "totals" in fields:
        totals = fields["totals"]
        if not any(totals.values()):
            raise InvalidInput(f"{kind} with no votes in its totals")
        winner = fields.get("candidate")
        if winner is not None and not totals.get(winner):
            raise InvalidInput(f"{kind} for {winner}, who has no votes in its totals")
    if kind == "electors_voted" and "votes" in fields and unit != NATIONAL:
        cast = sum(fields["votes"].values()) + fields.get("abstained", 0)
        electors = unit_electors(year)[unit]
        if cast != electors:
            raise InvalidInput(f"electors' votes add up to {cast}, but {unit} has {electors} electors in {year}")


# -- building an event ------------------------------------------------------------------------------


def event_id(year: int, unit: str, kind: str, effective_us: int, actor: str, source: str,
             fields: Mapping[str, Any]) -> str:
    """The content hash that identifies an event (everything but its received time).

    >>> event_id(2020, "PA", "race_call", 0, "AP", "", {"candidate": "Joe Biden"})
    '3f12d7c40b61240b3d2cf505783e3f72'
    """
    key = orjson.dumps([year, unit, kind, effective_us, actor, source, fields], option=orjson.OPT_SORT_KEYS)
    return hashlib.blake2b(key, digest_size=16).hexdigest()


def kind_of(name: object) -> Kind:
    """The kind called ``name`` (or by the historical kit's alias).

    >>> kind_of("litigation_decided").name
    'court_case_decided'
    """
    text = str(name).strip().lower()
    found = KINDS.get(KIND_ALIASES.get(text, text))
    if found is None:
        raise InvalidInput(f"unknown event kind {name!r}; the kinds are {', '.join(KINDS)}")
    return found


def make_event(year: int | str, unit: str, kind: str, effective: datetime | str, actor: str, source: str = "",
               fields: Mapping[str, Any] | None = None, received: datetime | str | None = None,
               tz: str = "") -> Event:
    """Build and check one event (the checks that need no history); raises naming what is wrong.

    ``received`` defaults to now; ``tz`` places times written without an offset.

    >>> make_event(2020, "GA", "electors_voted", "2020-12-14T12:00-05:00", actor="Georgia electors",
    ...            fields={"votes": {"Biden": 15}})
    Traceback (most recent call last):
    ...
    electoral.errors.InvalidInput: electors_voted GA: electors' votes add up to 15, but GA has 16 electors in 2020
    """
    number = validate_calendar_year(year)
    spec = kind_of(kind)
    label = f"{spec.name} {str(unit).strip()}"
    try:
        code = check_unit(number, unit, spec)
        label = f"{spec.name} {code}"
        moment = parse_time(effective, "effective time", tz)
        _check_window(number, moment)
        got = parse_time(received, "received time", tz) if received is not None else datetime.now(timezone.utc)
        who = str(actor or "").strip()
        if not who:
            raise InvalidInput("actor is empty: name the desk, official, court or body")
        parsed = parse_fields(number, spec, fields or {})
        _check_consistency(number, code, spec.name, parsed)
    except (InvalidInput, UnknownUnit) as exc:
        raise type(exc)(f"{label}: {exc}") from None
    source_text = str(source or "").strip()
    return Event(event_id(number, code, spec.name, to_us(moment), who, source_text, parsed), number, code,
                 spec.name, moment, got, who, source_text, parsed)


# -- checks against the history ---------------------------------------------------------------------


def check_history(batch: Iterable[Event], prior: Iterable[Event], known_ids: Callable[[set[str]], set[str]]) -> None:
    """Check a batch against the ledger: each retraction follows an active call by the same desk for the same
    unit (and candidate, when named); a desk's call for another candidate than its standing call needs that
    call retracted first (a reversed call without its retraction would leave the first call standing in
    between); each correction names an event that exists. ``prior``: the ledger's calls and retractions of the
    batch's years; ``known_ids(ids)``: which of ``ids`` the ledger holds.

    >>> call = make_event(2000, "FL", "race_call", "2000-11-07T19:52-05:00", "CBS", fields={"candidate": "Gore"})
    >>> undo = make_event(2000, "FL", "call_retracted", "2000-11-07T22:00-05:00", "CBS")
    >>> check_history([call, undo], [], lambda ids: set())
    >>> check_history([undo], [], lambda ids: set())
    Traceback (most recent call last):
    ...
    electoral.errors.InvalidInput: call_retracted FL 2000-11-07T22:00:00-05:00 by CBS: no call by CBS to retract
    >>> flip = make_event(2000, "FL", "race_call", "2000-11-08T02:17-05:00", "CBS", fields={"candidate": "Bush"})
    >>> check_history([call, flip], [], lambda ids: set())
    Traceback (most recent call last):
    ...
    electoral.errors.InvalidInput: race_call FL 2000-11-08T02:17:00-05:00 by CBS: CBS's call for Al Gore still stands; record its retraction first
    """
    batch = list(batch)
    ids = {e.id for e in batch}
    _check_corrections(batch, ids, known_ids)
    calls = sorted((e for e in [*prior, *batch] if e.kind in ("race_call", "call_retracted")),
                   key=lambda e: (e.effective_us, e.kind == "call_retracted"))
    active: dict[tuple[int, str, str], str] = {}
    for e in calls:
        key = (e.year, e.unit, e.actor)
        if e.kind == "race_call":
            if e.id in ids and active.get(key, e.fields["candidate"]) != e.fields["candidate"]:
                raise InvalidInput(f"{_label(e)}: {e.actor}'s call for {active[key]} still stands; "
                                   "record its retraction first")
            active[key] = e.fields["candidate"]
            continue
        named = e.fields.get("candidate")
        if e.id in ids and (key not in active or (named and active[key] != named)):  # stored ones were checked
            called = f" for {named}" if named else ""
            raise InvalidInput(f"{_label(e)}: no call by {e.actor}{called} to retract")
        active.pop(key, None)


def _check_corrections(batch: list[Event], ids: set[str], known_ids: Callable[[set[str]], set[str]]) -> None:
    wanted = {e.fields["supersedes"] for e in batch if "supersedes" in e.fields} - ids
    missing = wanted - known_ids(wanted) if wanted else set()
    for e in batch:
        if e.fields.get("supersedes") in missing:
            raise InvalidInput(f"{_label(e)}: corrects event {e.fields['supersedes']!r}, which the ledger does not hold")


def _label(e: Event) -> str:
    return f"{e.kind} {e.unit} {e.effective.isoformat()} by {e.actor}"
