"""``electoral calendar YEAR`` and ``electoral status YEAR --as-of DATE``: the certification calendar."""

from __future__ import annotations

from datetime import date

import typer
from rich.markup import escape
from rich.table import Table

from electoral.certification import Status, calendar_ledger_lines, status_as_of
from electoral.cli.common import JsonOption, console, print_json
from electoral.rules.calendar import Calendar, calendar_for, format_day, laws, rule_text
from electoral.units import election_years


def _calendar_table(cal: Calendar, status: Status | None = None) -> Table:
    table = Table(title=f"{cal.year} presidential election: the certification calendar")
    columns = ["Step", "Date", "By law", "Rule (law)", "Note"] + (["Status"] if status else [])
    for column in columns:
        table.add_column(column, overflow="fold", ratio=3 if column == "Note" else None)
    for s in cal.steps:
        by_law = (s.statutory and format_day(s.statutory)) or "no day fixed"
        rule = f"{rule_text(s.rule)} ({laws()[s.law].short})" if s.law else ""
        row = [s.label[0].upper() + s.label[1:], s.when, by_law if s.differs or not s.statutory else "same",
               rule, escape(s.note)]
        if status:
            row.append("done" if s in status.reached else "under way" if s is status.in_progress
                       else "next" if s is status.next_step else "")
        table.add_row(*row)
    return table


def calendar(year: str = typer.Argument(..., help=f"Election year: 1789, 1792 ... {election_years()[-1]}, "
                                                  f"or a future one ({election_years()[-1] + 4} ...)."),
             json: bool = JsonOption) -> None:
    """The legal steps of an election and their dates under the law in force, with recorded exceptions."""
    cal = calendar_for(year)
    if json:
        from electoral.output.rules import calendar_out

        print_json(calendar_out(cal))
        return
    console.print(_calendar_table(cal))
    if cal.statutory_only:
        console.print("[dim]Dates as fixed by law; no exception is recorded for this election.[/dim]")
    for line in calendar_ledger_lines(cal.year):
        console.print(escape(line), highlight=False)


def status(year: str = typer.Argument(..., help="Election year, e.g. 2020."),
           as_of: str | None = typer.Option(None, "--as-of", help="Date YYYY-MM-DD (default: today)."),
           json: bool = JsonOption) -> None:
    """Which step the result had reached on a date, what it said, and what came next."""
    result = status_as_of(year, as_of if as_of is not None else date.today())
    if json:
        from electoral.output.rules import status_out

        print_json(status_out(result))
        return
    for line in result.lines:
        console.print(escape(line), highlight=False)
    console.print(_calendar_table(result.calendar, result))


def register(app: typer.Typer) -> None:
    """Add the calendar commands to ``app``."""
    app.command()(calendar)
    app.command()(status)
