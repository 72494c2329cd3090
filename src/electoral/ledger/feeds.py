"""Readers that turn feeds into events: the ledger's own format and race-results JSON shaped like AP's API v3.

**The own format** is what ``electoral ledger events --json`` prints, one event per JSON line, or a CSV whose
columns are the historical ledger kit's (``year, unit, event, date, time, tz, actor, winner, detail,
source_url, source_title, confidence``) plus ``received`` and ``fields`` (a JSON object of the kind's fields).

**AP-shaped results** (``races`` -> ``reportingUnits`` -> ``candidates``): for each presidential race, each
state or district reporting unit gives a ``results_update`` (``voteCount`` per candidate,
``tabulationStatus``, ``eevp``); a candidate flagged ``winner: "X"`` gives AP's ``race_call`` and one flagged
``winnerOverturned: true`` a ``call_retracted``. Calls are compared with the calls AP already has standing, so
a flag repeated on every page is one event. Pages are read from files or URLs (httpx), following the
``nextrequest`` link and sending ``If-None-Match`` with the last ETag; in test mode only local files are read
and ``nextrequest`` names a file beside the page.

>>> events = read_own('{"year": 2020, "unit": "GA", "kind": "race_call", "effective": "2020-11-13T12:00-05:00", '
...                   '"actor": "AP", "fields": {"candidate": "Biden"}}', "jsonl")
>>> events[0].fields
{'candidate': 'Joe Biden'}
"""

from __future__ import annotations

import csv
import io
import time as _time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any

import orjson

from electoral.errors import ElectoralError, InvalidInput
from electoral.ledger.events import EASTERN, Event, candidate_name, make_event, zone

FORMATS = ("own", "ap")
KIT_COLUMNS = ("year", "unit", "event", "date", "time", "tz", "actor", "winner", "detail", "source_url",
               "source_title", "confidence")
CSV_COLUMNS = KIT_COLUMNS + ("received", "fields")
FIXTURES = Path(__file__).resolve().parent / "fixtures"
AP_DESK = "AP"
AP_LEVELS = ("state", "district")  # reporting units that appoint electors; counties and towns are skipped


# -- the own format ------------------------------------------------------------------------------


def event_record(e: Event) -> dict[str, Any]:
    """An event in the own format (what ``ledger events --json`` prints; reading it back gives the event).

    >>> e = read_own(orjson.dumps(event_record(make_event(2020, "AZ", "certified", "2020-11-30T11:00-07:00",
    ...     "Arizona Secretary of State", fields={"totals": {"Biden": 1672143, "Trump": 1661686}}))), "jsonl")[0]
    >>> e.fields["totals"]["Joe Biden"], e.effective.isoformat()
    (1672143, '2020-11-30T11:00:00-07:00')
    """
    from electoral.output.ledger import EventOut  # the one document shape, shared with the CLI and the API

    return EventOut.of(e).model_dump(mode="json", exclude={"seq"})


def _kit_effective(rec: Mapping[str, Any]) -> tuple[datetime, bool]:
    """Effective time and whether its time of day was known, from a kit row's date, time and tz (a day
    without a time: its last second; no tz: Washington's)."""
    day, clock, tz = (str(rec.get(k) or "").strip() for k in ("date", "time", "tz"))
    if not day:
        raise InvalidInput("no effective time: give 'effective' or 'date' (with 'time' and 'tz')")
    try:
        when = datetime.combine(date.fromisoformat(day), time.fromisoformat(clock) if clock else time(23, 59, 59))
    except ValueError:
        raise InvalidInput(f"bad date {day!r} or time {clock!r} (use YYYY-MM-DD and HH:MM)") from None
    return when.replace(tzinfo=zone(tz) if tz else EASTERN), bool(clock)


KIT_FIELDS = (("winner", "candidate"), ("detail", "detail"), ("source_title", "source_title"),
              ("confidence", "confidence"))


def _record_fields(rec: Mapping[str, Any]) -> dict[str, Any]:
    """The kind's fields of a record: its ``fields`` object (or JSON text) and the kit's columns."""
    fields = rec.get("fields") or {}
    if isinstance(fields, str):
        try:
            fields = orjson.loads(fields)
        except orjson.JSONDecodeError:
            raise InvalidInput(f"fields must be a JSON object, got {fields!r}") from None
    if not isinstance(fields, Mapping):
        raise InvalidInput(f"fields must be a JSON object, got {fields!r}")
    found = dict(fields)
    for column, name in KIT_FIELDS:
        if rec.get(column) not in (None, "") and name not in found:
            found[name] = rec[column]
    return found


def record_event(rec: Mapping[str, Any], received: datetime | None = None) -> Event:
    """One event from an own-format record (JSON object or CSV row); kit columns map onto the event.

    >>> record_event({"year": "2016", "unit": "WI", "event": "recertified", "date": "2016-12-12",
    ...               "actor": "Wisconsin Elections Commission", "winner": "Trump"}).effective.isoformat()
    '2016-12-12T23:59:59-05:00'
    """
    fields = _record_fields(rec)
    effective: datetime | str
    tz = str(rec.get("tz") or "")
    if rec.get("effective") not in (None, ""):
        effective = rec["effective"]
    else:
        effective, known = _kit_effective(rec)
        if not known:
            fields.setdefault("time_known", False)
    got = rec.get("received") or None
    return make_event(rec.get("year", ""), str(rec.get("unit", "")), rec.get("kind") or rec.get("event") or "",
                      effective, str(rec.get("actor") or ""), str(rec.get("source") or rec.get("source_url") or ""),
                      fields, got if got is not None else (received or datetime.now(timezone.utc)), tz)


def _records(text: str, fmt: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(where, record) pairs of a JSON-lines or CSV text."""
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(text))
        unknown = sorted(set(reader.fieldnames or ()) - set(CSV_COLUMNS) - {"effective", "received", "kind",
                                                                           "source", "id"})
        if unknown:
            raise InvalidInput(f"unknown CSV column {unknown[0]!r}; the columns are {', '.join(CSV_COLUMNS)}")
        for number, row in enumerate(reader, start=2):
            yield f"line {number}", row
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                value = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise InvalidInput(f"line {number}: not JSON ({exc})") from None
            if not isinstance(value, dict):
                raise InvalidInput(f"line {number}: each line must be a JSON object, got {line[:60]!r}")
            yield f"line {number}", value


def read_own(text: str | bytes, fmt: str = "jsonl", received: datetime | None = None) -> list[Event]:
    """Every event of an own-format text (``jsonl`` or ``csv``); the first bad one is an error naming its line.

    >>> read_own(orjson.dumps({"year": 2020, "unit": "WI", "kind": "recount_finished", "date": "2020-11-29",
    ...                        "actor": "WEC"}), "jsonl")[0].kind
    'recount_finished'
    """
    body = text.decode() if isinstance(text, bytes) else text
    received = received or datetime.now(timezone.utc)
    events = []
    for where, rec in _records(body, fmt):
        try:
            events.append(record_event(rec, received))
        except ElectoralError as exc:
            raise type(exc)(f"{where}: {exc}") from None
    return events


def own_format_of(path: str) -> str:
    """``csv`` for a ``.csv`` name, else ``jsonl``.

    >>> own_format_of("night.CSV"), own_format_of("night.jsonl")
    ('csv', 'jsonl')
    """
    return "csv" if path.lower().endswith(".csv") else "jsonl"


# -- AP-shaped race results -----------------------------------------------------------------------


def _ap_unit(race: Mapping[str, Any], ru: Mapping[str, Any]) -> str | None:
    """The unit of a reporting unit: its state, or ``ME-2`` for a district; None for counties and towns."""
    level = str(ru.get("level", "state")).lower()
    state = str(ru.get("statePostal") or race.get("statePostal") or "").upper()
    if level == "state":
        return state
    if level == "district":
        number = str(ru.get("districtNum") or ru.get("seatNum") or "").strip() or \
            str(ru.get("reportingunitName", "")).split()[-1]
        return f"{state}-{number}"
    return None


def _ap_name(c: Mapping[str, Any]) -> str:
    return " ".join(str(c.get(k) or "").strip() for k in ("first", "last") if c.get(k)).strip()


@dataclass
class APCalls:
    """AP's standing calls by unit, carried from page to page (start it from the ledger's)."""

    standing: dict[str, str] = field(default_factory=dict)
    unchanged: int = 0  # winner marks read that repeat the standing call (or overturn a call not standing)


def _ap_unit_events(year: int, race: Mapping[str, Any], ru: Mapping[str, Any], unit: str, when: str,
                    calls: APCalls, received: datetime, source: str) -> list[Event]:
    candidates = ru.get("candidates") or []
    fields: dict[str, Any] = {"votes": {_ap_name(c): c.get("voteCount", 0) for c in candidates}}
    if ru.get("eevp", race.get("eevp")) is not None:
        fields["eevp"] = ru.get("eevp", race.get("eevp"))
    if ru.get("tabulationStatus") or race.get("tabulationStatus"):
        fields["counting"] = ru.get("tabulationStatus") or race.get("tabulationStatus")
    if race.get("raceCallStatus"):
        fields["call_status"] = race["raceCallStatus"]
    events = [make_event(year, unit, "results_update", when, AP_DESK, source, fields, received)]
    for c in candidates:
        event = _ap_call(year, race, unit, when, c, calls, received, source)
        if event is not None:
            events.append(event)
    return events


def _ap_call(year: int, race: Mapping[str, Any], unit: str, when: str, c: Mapping[str, Any], calls: APCalls,
             received: datetime, source: str) -> Event | None:
    """AP's call (``winner: "X"``) or its retraction (``winnerOverturned``) when it changes the standing call."""
    name = candidate_name(year, _ap_name(c))
    standing = calls.standing.get(unit)
    if c.get("winnerOverturned"):
        if standing != name:
            calls.unchanged += 1
            return None
        del calls.standing[unit]
        return make_event(year, unit, "call_retracted", c.get("winnerOverturnedDateTime") or when, AP_DESK, source,
                          {"candidate": name}, received)
    if str(c.get("winner", "")).upper() != "X":
        return None
    if standing == name:
        calls.unchanged += 1
        return None
    calls.standing[unit] = name
    return make_event(year, unit, "race_call", c.get("winnerDateTime") or race.get("raceCallTimestamp") or when,
                      AP_DESK, source, {"candidate": name}, received)


def read_ap(doc: Mapping[str, Any], calls: APCalls | None = None, received: datetime | None = None) -> list[Event]:
    """The events of one AP-shaped page (presidential races only; ``calls`` is updated in place).

    >>> page = {"electionDate": "2024-11-05", "timestamp": "2024-11-06T06:00:00Z", "races": [
    ...     {"officeID": "P", "statePostal": "NH", "raceCallStatus": "Called", "reportingUnits": [
    ...         {"level": "state", "lastUpdated": "2024-11-06T06:16:00Z", "eevp": 95.1, "candidates": [
    ...             {"first": "Kamala", "last": "Harris", "voteCount": 404000, "winner": "X",
    ...              "winnerDateTime": "2024-11-06T06:16:00Z"},
    ...             {"first": "Donald", "last": "Trump", "voteCount": 378000}]}]}]}
    >>> [(e.kind, e.unit) for e in read_ap(page)]
    [('results_update', 'NH'), ('race_call', 'NH')]
    """
    calls = calls if calls is not None else APCalls()
    received = received or datetime.now(timezone.utc)
    try:
        year = int(str(doc["electionDate"])[:4])
        races = [r for r in doc.get("races", []) if str(r.get("officeID", "P")).upper() == "P"]
    except (KeyError, TypeError, ValueError, AttributeError):
        raise InvalidInput("not an AP-shaped results page: it needs 'electionDate' and a list of 'races'") from None
    source = f"AP race results, election of {doc['electionDate']}"  # the same fact from any page: the same id
    events: list[Event] = []
    for race in races:
        for ru in race.get("reportingUnits") or []:
            unit = _ap_unit(race, ru)
            if unit is None:
                continue
            when = ru.get("lastUpdated") or race.get("lastUpdated") or doc.get("timestamp")
            if not when:
                raise InvalidInput(f"AP page: reporting unit {unit} has no lastUpdated and the page no timestamp")
            events.extend(_ap_unit_events(year, race, ru, unit, when, calls, received, source))
    return events


@dataclass(frozen=True)
class Page:
    """One page of a feed: its parsed document (None: not modified since the last ETag), where it came from,
    its ETag and the link to the next request."""

    doc: Mapping[str, Any] | None
    location: str
    etag: str | None
    next: str | None


def _local_page(location: str) -> Page:
    path = Path(location)
    if not path.is_file():
        fixture = FIXTURES / location
        path = fixture if fixture.is_file() else path
    try:
        doc = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        raise InvalidInput(f"feed file {location!r} does not exist") from None
    except orjson.JSONDecodeError as exc:
        raise InvalidInput(f"feed file {location!r} is not JSON ({exc})") from None
    link = doc.get("nextrequest") if isinstance(doc, dict) else None
    if link and "://" not in link:
        link = str(path.parent / link)
    return Page(doc, str(path), None, link)


def _http_page(location: str, client: Any, etag: str | None) -> Page:
    import httpx

    headers = {"Accept": "application/json"} | ({"If-None-Match": etag} if etag else {})
    try:
        response = client.get(location, headers=headers)
    except httpx.HTTPError as exc:
        raise InvalidInput(f"cannot read feed {location!r}: {exc}") from None
    if response.status_code == 304:
        return Page(None, location, etag, location)
    if response.status_code >= 400:
        raise InvalidInput(f"feed {location!r} answered HTTP {response.status_code}")
    try:
        doc = orjson.loads(response.content)
    except orjson.JSONDecodeError as exc:
        raise InvalidInput(f"feed {location!r} did not return JSON ({exc})") from None
    return Page(doc, location, response.headers.get("etag") or etag, doc.get("nextrequest") if isinstance(doc, dict)
                else None)


def _last_page(page: Page, remote: bool, poll: float, seen: set[str]) -> bool:
    """No next link; nothing new (304) and no polling; or a local file linking back to one already read."""
    return not page.next or (page.doc is None and poll <= 0) or (not remote and page.next in seen)


def pages(source: str, test: bool = False, client: Any = None, max_pages: int = 1000,
          poll: float = 0.0, sleep: Callable[[float], None] = _time.sleep) -> Iterator[Page]:
    """The pages of a feed from ``source`` (a file, a fixture name or a URL), following ``nextrequest``.

    Stops when a page has no next link, the next link is the page itself with nothing new (a 304 with
    ``poll`` 0), or after ``max_pages``; with ``poll`` > 0 a URL is asked again every ``poll`` seconds.

    >>> [Path(p.location).name for p in pages("ap-2024-night-1.json", test=True)]
    ['ap-2024-night-1.json', 'ap-2024-night-2.json', 'ap-2024-night-3.json']
    """
    remote = source.startswith(("http://", "https://"))
    if remote and test:
        raise InvalidInput(f"test mode reads local files only, not {source!r}")
    own_client = client is None and remote
    if own_client:
        import httpx

        client = httpx.Client(timeout=30.0, follow_redirects=True)
    try:
        location, etag, seen, wait = source, None, set(), False
        for _ in range(max_pages):
            if wait:
                sleep(poll)
            page = _http_page(location, client, etag) if remote else _local_page(location)
            if page.doc is not None:
                yield page
            etag, seen = page.etag, seen | {location}
            if _last_page(page, remote, poll, seen):
                return
            wait = remote and poll > 0 and not (page.doc or {}).get("isTruncated")
            location = page.next
    finally:
        if own_client:
            client.close()


# -- replay ----------------------------------------------------------------------------------------


def replay(events: Sequence[Event], speed: float, emit: Callable[[Event], None],
           sleep: Callable[[float], None] = _time.sleep, clock: Callable[[], float] = _time.monotonic) -> float:
    """Re-emit a recorded night in effective order at ``speed`` times real time; returns the greatest lag (s)
    by which an event was emitted after its due moment.

    >>> from electoral.ledger.events import make_event
    >>> night = [make_event(2020, "PA", "race_call", "2020-11-07T11:25-05:00", "AP", fields={"candidate": "Biden"})]
    >>> out = []
    >>> replay(night, 1000, out.append) >= 0, len(out)
    (True, 1)
    """
    if not speed > 0:
        raise InvalidInput(f"speed must be above 0, got {speed!r}")
    ordered = sorted(events, key=lambda e: e.effective_us)
    if not ordered:
        return 0.0
    first, start, lag = ordered[0].effective_us, clock(), 0.0
    for e in ordered:
        due = start + (e.effective_us - first) / 1e6 / speed
        wait = due - clock()
        if wait > 0:
            sleep(wait)
        lag = max(lag, clock() - due)
        emit(e)
    return lag


def read_source(source: str, fmt: str = "own", test: bool = False, calls: APCalls | None = None,
                received: datetime | None = None, poll: float = 0.0) -> Iterator[list[Event]]:
    """The events of a source, one list per batch: an own-format file is one batch, each feed page one
    (``poll`` > 0: a feed URL is asked again every ``poll`` seconds, without end). AP calls start from ``calls``
    (default: none standing).

    >>> [len(batch) for batch in read_source("ap-2024-night-1.json", "ap", test=True)]
    [7, 5, 3]
    """
    if fmt not in FORMATS:
        raise InvalidInput(f"unknown feed format {fmt!r}; the formats are {', '.join(FORMATS)}")
    if fmt == "own":
        if source.startswith(("http://", "https://")):
            if test:
                raise InvalidInput(f"test mode reads local files only, not {source!r}")
            yield read_own(_fetch_text(source), own_format_of(source.split("?")[0]), received)
            return
        path = Path(source)
        if not path.is_file():
            raise InvalidInput(f"ledger file {source!r} does not exist")
        yield read_own(path.read_text(encoding="utf-8"), own_format_of(source), received)
        return
    calls = calls if calls is not None else APCalls()
    for page in pages(source, test=test, poll=poll, max_pages=10**9 if poll > 0 else 1000):
        yield read_ap(page.doc or {}, calls, received)


def _fetch_text(url: str) -> str:
    import httpx

    try:
        response = httpx.get(url, timeout=30.0, follow_redirects=True)
    except httpx.HTTPError as exc:
        raise InvalidInput(f"cannot read {url!r}: {exc}") from None
    if response.status_code >= 400:
        raise InvalidInput(f"{url!r} answered HTTP {response.status_code}")
    return response.text
