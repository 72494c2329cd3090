"""The historical ledgers shipped with the package: 2000, 2004 (the count), 2016, 2020 and 2024.

The events are the table ``ledger_events`` (src/electoral/data/ledger_events.csv), built by
``scripts/build_ledgers.py`` from a kit of public sources, each event with its source, the confidence of the
page it rests on, whether a second page checked it (``verdict``) and whether its time of day is known
(``time_known``: a day alone is read as 23:59:59 Washington time of that day). The electors' votes and the
count's are the record's (``electoral_votes_cast``). See docs/ledger.md for coverage and what is missing.

>>> packaged_years()
(2000, 2004, 2016, 2020, 2024)
>>> s = packaged_status(2020, "2020-12-15")
>>> s.cast["Joe Biden"], s.cast["Donald Trump"]
(306, 232)
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

import orjson

from electoral.data.loaders import keys_of, rows_for
from electoral.errors import InvalidInput
from electoral.ledger.events import Event, make_event
from electoral.ledger.status import LedgerStatus, Timeline, build_timeline, one_desk, status_at
from electoral.rules.calendar import validate_calendar_year


@lru_cache(maxsize=1)
def packaged_years() -> tuple[int, ...]:
    """The years with a packaged ledger.

    >>> 2020 in packaged_years(), 2028 in packaged_years()
    (True, False)
    """
    return tuple(keys_of("ledger_events"))


@lru_cache(maxsize=None)
def packaged_events(year: int | str) -> tuple[Event, ...]:
    """The packaged events of ``year`` in effective order (empty for a year without a packaged ledger).

    Each is checked again as it is read (:func:`electoral.ledger.events.make_event`); ``confidence`` and
    ``time_known`` join the event's fields.

    >>> sorted({e.kind for e in packaged_events(2004)})
    ['chamber_vote', 'count_declared', 'electors_voted', 'objection']
    """
    number = validate_calendar_year(year)
    events = []
    for row in rows_for("ledger_events", number):
        fields = {**orjson.loads(row.fields), "confidence": row.confidence}
        if not row.time_known:
            fields["time_known"] = False
        e = make_event(row.year, row.unit, row.kind, row.effective, row.actor, row.source, fields, row.received)
        if e.id != row.id:
            raise InvalidInput(f"ledger_events {row.id}: the event read back has id {e.id}; rebuild the table "
                               "with scripts/build_ledgers.py")
        events.append(e)
    return tuple(sorted(events, key=lambda e: (e.effective_us, e.id)))


@lru_cache(maxsize=None)
def packaged_timeline(year: int, desk: str = "") -> Timeline:
    """The timeline of the packaged ledger of ``year`` (built once), with every desk's calls or one ``desk``'s.

    >>> packaged_timeline(2020).milestones[0].at.isoformat()  # Decision Desk HQ called Pennsylvania first
    '2020-11-06T08:50:00-05:00'
    >>> packaged_timeline(2020, "AP").milestones[0].at.isoformat()
    '2020-11-07T11:25:00-05:00'
    """
    events = packaged_events(year)
    return build_timeline(one_desk(events, desk) if desk else events, year)


def packaged_status(year: int | str, as_of: datetime | date | str, desk: str = "") -> LedgerStatus:
    """The status of ``year`` at ``as_of`` from its packaged ledger (see the module's example).

    >>> packaged_status(2024, "2024-11-06T06:00-05:00", "AP").unrecorded["projected"]  # no AP call found
    ('CT', 'NE-2')
    """
    return status_at(packaged_timeline(validate_calendar_year(year), desk), as_of)
