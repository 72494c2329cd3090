"""``electoral ledger ...``: ingest election events, read them, ask where an election stood, replay a night."""

from __future__ import annotations

import sys

import typer
from rich.markup import escape
from rich.table import Table

from electoral.cli.common import console
from electoral.errors import InvalidInput
from electoral.ledger.events import kind_of
from electoral.ledger.feeds import FORMATS, read_source, replay
from electoral.output.ledger import EventOut, EventsOut, IngestOut, LedgerStatusOut
from electoral.ledger.service import (database_named, hiding_note, ingest_batches, ingest_database, year_events,
                                      year_status, year_timeline)
from electoral.ledger.status import LedgerStatus, now, parse_moment
from electoral.ledger.store import URL_VARIABLE, Filters, open_store
from electoral.rules.calendar import format_day, validate_calendar_year
from electoral.units import normalize_code

ledger_app = typer.Typer(help="The ledger of election events: calls, results, certifications, votes, the count.",
                         no_args_is_help=True)

DbOption = typer.Option(None, "--db", metavar="URL",
                        help=f"Database: a SQLite file or URL, or postgresql://... (default: ${URL_VARIABLE}, "
                             "else ledger.db in the user's data folder).")
ReadDbOption = typer.Option(None, "--db", metavar="URL",
                            help=f"Database: a SQLite file or URL, or postgresql://... (default: ${URL_VARIABLE}, "
                                 "else ledger.db in the user's data folder). Without either, the packaged "
                                 "historical ledger answers for 2000, 2004, 2016, 2020 and 2024 unless "
                                 "ledger.db holds events of the year.")
JsonFlag = typer.Option(False, "--json", help="Print machine-readable JSON instead of text.")
FormatOption = typer.Option("own", "--format", metavar="FORMAT",
                            help="own (JSON lines or CSV, docs/ledger.md) or ap (AP-shaped race results pages).")
TestOption = typer.Option(False, "--test", help="Test mode: read local files only (a packaged fixture name works).")


def _format(value: str) -> str:
    if value not in FORMATS:
        raise InvalidInput(f"unknown --format {value!r}; the formats are {', '.join(FORMATS)}")
    return value


def _emit(text: str) -> None:
    print(text, flush=True)


@ledger_app.command("ingest")
def ingest_command(source: str = typer.Argument(..., help="A file, a URL, or with --test a fixture name."),
                   db: str | None = DbOption, fmt: str = FormatOption, test: bool = TestOption,
                   poll: float = typer.Option(0.0, "--poll", metavar="SECONDS", min=0.0,
                                              help="Follow a feed URL without end, asking every SECONDS "
                                                   "(one line per stored page; stop with Ctrl-C)."),
                   json: bool = JsonFlag) -> None:
    """Append the events of SOURCE, one transaction per batch; events already in the ledger are skipped.
    With --test and no database named, the events go to ledger-test.db in the user's data folder."""
    target = ingest_database(db, test)
    store = open_store(target)
    done = []
    try:
        for appended in ingest_batches(store, source, _format(fmt), test, poll=poll):
            done.append(appended)
            if poll > 0:
                print(f"page {len(done)}: read {appended.read}: stored {appended.stored}, {appended.duplicates} already "
                      f"held, {appended.unchanged} repeating a standing call", flush=True)
    finally:
        store.close()
    result = IngestOut.of(done)
    if json:
        _emit(result.model_dump_json(indent=2))
        return
    console.print(f"Read {result.read} event(s) in {result.batches} batch(es): {result.stored} stored as new, "
                  f"{result.duplicates} already in the ledger, {result.unchanged} repeating a standing call.",
                  highlight=False)
    if target != db:
        console.print(escape(f"Test mode: stored in {target}, not the default ledger (read it with --db)."),
                      highlight=False)


def _votes(totals: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in totals.items()) or "none"


def _milestone_lines(s: LedgerStatus) -> list[str]:
    lines = []
    for m in s.milestones:
        when = m.at.isoformat() if m.time_known else f"{m.at.date().isoformat()} (a day without a time: its end)"
        carried = ", ".join(m.units)
        if m.upper_bound:
            lines.append(f"  {m.candidate} held {s.majority}+ {m.measure} no later than {when}: {m.electoral_votes}, "
                         f"carried over by {carried} (upper bound: rests on {len(m.bounded_by)} upper-bound "
                         f"row(s): {' '.join(m.bounded_by)})")
            continue
        lines.append(f"  {m.candidate} first held {s.majority}+ {m.measure} at {when}: {m.electoral_votes}, "
                     f"carried over by {carried}")
    reached = {m.measure for m in s.milestones}
    for measure, units in s.unrecorded.items():
        if units:
            note = "" if measure in reached else f"; no one held {s.majority} {measure} by then"
            lines.append(f"  no {measure} event recorded for {' '.join(units)} (the moments above may be "
                         f"earlier){note}")
    return lines


def _status_lines(s: LedgerStatus, ledger: str) -> list[str]:
    lines = [f"As of {s.as_of.isoformat()}, the {s.year} ledger ({ledger}, {s.events} events; {s.majority} "
             "electors needed):",
             f"  projected: {_votes(s.projected)}", f"  certified: {_votes(s.certified)}",
             f"  cast by electors: {_votes(s.cast)}", f"  counted by Congress: {_votes(s.counted)}"]
    call = s.presidency_call
    lines.append(f"  presidency called: {call.fields['candidate']} by {call.actor} at {call.effective.isoformat()}"
                 if call else "  presidency called: no standing call")
    if not s.events:
        return [*lines, f"  no ledger holds events of {s.year}: nothing is recorded, so no deadline can be checked"]
    certified = [u for u in s.units if u.state.certified]
    if certified:
        lines.append(f"  certified by then ({len(certified)} units, {sum(u.state.electors for u in certified)} "
                     "electoral votes): " + ", ".join(f"{u.unit} {u.state.electors} {u.state.certified.split()[-1]}"
                                                      for u in certified))
    lines.extend(_milestone_lines(s))
    lines.extend(_deadline_lines(s))
    return lines


def _deadline_lines(s: LedgerStatus) -> list[str]:
    lines = []
    for d in s.deadlines:
        late = f"; {d.stage} only after it: {', '.join(d.overdue)}" if d.overdue else ""
        gaps = f"; no {d.stage} event recorded for {len(d.unrecorded)} units" if d.unrecorded else ""
        lines.append(f"  {d.label}: {format_day(d.day)} ({'passed' if d.passed else 'ahead'}{late}{gaps})")
    return lines


@ledger_app.command("status")
def status_command(year: str = typer.Argument(..., help="Election year, e.g. 2024."),
                   as_of: str | None = typer.Option(None, "--as-of", metavar="TIMESTAMP",
                                                    help="A time with its zone (2024-11-06T05:34:00-05:00) or a "
                                                         "day (its end, Washington time); default: now."),
                   desk: str = typer.Option("", "--desk", metavar="NAME",
                                            help="Only this decision desk's calls project a unit (e.g. AP); "
                                                 "default: every desk's latest call."),
                   db: str | None = ReadDbOption, json: bool = JsonFlag) -> None:
    """Per unit the stage and leader; electoral votes projected, certified, cast and counted; the moments a
    candidate first held a majority; deadlines."""
    number = validate_calendar_year(year)
    store = open_store(db, create=False)
    try:
        result, ledger = year_status(store, number, as_of if as_of is not None else now(), desk.strip(),
                                     database_named(db))
    finally:
        store.close()
    if json:
        _emit(LedgerStatusOut.of(result, ledger).model_dump_json(indent=2))
        return
    for line in [*_status_lines(result, ledger), hiding_note(number, ledger)]:
        if line:
            console.print(escape(line), highlight=False)
    table = Table(title=f"{number}: units past 'not projected'")
    for column in ("Unit", "Electors", "Stage", "Leader", "EEVP"):
        table.add_column(column)
    for u in result.units:
        if u.stage != "not_projected":
            eevp = "" if u.state.eevp is None else f"{u.state.eevp:g}"
            table.add_row(u.unit, str(u.state.electors), u.stage, u.leader or "", eevp)
    console.print(table)


@ledger_app.command("plot")
def plot_command(year: str = typer.Argument(..., help="Election year, e.g. 2020."),
                 out: str = typer.Option(..., "--out", metavar="FILE", help="The plot: a .png, .pdf or .svg file."),
                 measure: str = typer.Option("certified", "--measure", help="projected, certified or cast."),
                 desk: str = typer.Option("", "--desk", metavar="NAME", help="Only this desk's calls (projected)."),
                 db: str | None = ReadDbOption) -> None:
    """Plot a candidate's electoral votes (certified by default) over time, with the majority line."""
    from electoral.ledger.plot import plot_ledger

    number = validate_calendar_year(year)
    store = open_store(db, create=False)
    try:
        written = plot_ledger(year_timeline(store, number, desk.strip(), database_named(db)), out, measure)
    finally:
        store.close()
    console.print(f"wrote {written}", highlight=False)


@ledger_app.command("events")
def events_command(year: str = typer.Argument(..., help="Election year, e.g. 2024."),
                   unit: str | None = typer.Option(None, "--unit", help="A state, district or US."),
                   kind: str | None = typer.Option(None, "--kind", help="An event kind, e.g. race_call."),
                   actor: str | None = typer.Option(None, "--actor", help="Who acted, exactly, e.g. AP."),
                   since: str | None = typer.Option(None, "--since", metavar="TIMESTAMP", help="Effective at or after: a time with its zone or a day (its start, Washington time)."),
                   until: str | None = typer.Option(None, "--until", metavar="TIMESTAMP", help="Effective at or before: a time with its zone or a day (its end)."),
                   limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many."),
                   db: str | None = ReadDbOption, json: bool = JsonFlag) -> None:
    """The events of YEAR in effective order, filtered; --json prints them in the format ingest reads."""
    number = validate_calendar_year(year)
    filters = Filters(unit=normalize_code(unit) if unit else None, kind=kind_of(kind).name if kind else None,
                      actor=actor, since=parse_moment(since, "--since", False) if since else None,
                      until=parse_moment(until, "--until") if until else None, limit=limit)
    store = open_store(db, create=False)
    try:
        found = year_events(store, number, filters, database_named(db))
    finally:
        store.close()
    if json:
        _emit(EventsOut(year=number, count=len(found), events=[EventOut.of(r.event, r.seq) for r in found])
              .model_dump_json(indent=2))
        return
    for r in found:
        e = r.event
        what = ", ".join(f"{k}={v}" for k, v in e.fields.items() if k in ("candidate", "eevp", "case", "ruling", "fate"))
        console.print(escape(f"{e.effective.isoformat()}  {e.unit:5} {e.kind:18} {e.actor}  {what}"), highlight=False)
    console.print(f"{len(found)} event(s)", highlight=False)


@ledger_app.command("replay")
def replay_command(source: str = typer.Argument(..., help="A recorded night: a file, or with --test a fixture."),
                   speed: float = typer.Option(..., "--speed", help="Times real time, e.g. 60 (an hour a minute)."),
                   fmt: str = FormatOption, test: bool = TestOption,
                   db: str | None = typer.Option(None, "--db", metavar="URL",
                                                 help="Also append each event to this ledger as it is replayed.")) -> None:
    """Re-emit a recorded night in effective order at N x speed, one JSON line per event."""
    events = [e for batch in read_source(source, _format(fmt), test) for e in batch]
    store = open_store(db) if db else None

    def emit(e) -> None:  # noqa: ANN001 - an Event
        if store is not None:
            store.append([e])
        _emit(EventOut.of(e).model_dump_json(exclude={"seq"}))

    try:
        lag = replay(events, speed, emit)
    finally:
        if store is not None:
            store.close()
    print(f"replayed {len(events)} event(s) at {speed:g}x; greatest lag {lag:.3f} s", file=sys.stderr)


def register(app: typer.Typer) -> None:
    """Add ``electoral ledger ...`` to ``app``."""
    app.add_typer(ledger_app, name="ledger")
