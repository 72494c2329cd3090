"""``electoral calendar YEAR`` and ``electoral status YEAR --as-of DATE``: the certification calendar."""

from __future__ import annotations

from datetime import date
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from electoral.certification import Status, status_as_of
from electoral.cli.common import JsonOption, console, print_json
from electoral.cli.tally import tally_json
from electoral.rules.calendar import Calendar, Step, calendar_for, format_day, laws, rule_text


def step_json(step: Step) -> dict[str, Any]:
    """The JSON shape of one calendar step, shared by the CLI and the HTTP API."""
    iso = lambda day: day.isoformat() if day else None  # noqa: E731
    return {
        "step": step.step, "label": step.label,
        "date": iso(step.date), "until": iso(step.until),
        "statutory_date": iso(step.statutory), "statutory_until": iso(step.statutory_until),
        "differs_from_law": step.differs,
        "law": step.law or None, "law_name": laws()[step.law].name if step.law else None,
        "rule": step.rule or None, "citation": step.citation,
        "note": step.note or None, "source": step.source or None,
    }


def calendar_json(cal: Calendar) -> dict[str, Any]:
    """The JSON shape of a year's calendar."""
    return {"year": cal.year, "statutory_only": cal.statutory_only, "steps": [step_json(s) for s in cal.steps]}


def status_json(status: Status) -> dict[str, Any]:
    """The JSON shape of an election's status on a date."""
    optional = lambda step: step_json(step) if step else None  # noqa: E731
    return {
        "year": status.year, "as_of": status.as_of.isoformat(),
        "stage": status.stage, "stage_label": status.stage_label,
        "summary": status.summary, "lines": list(status.lines),
        "result_recorded": status.result_recorded, "confirmed_by": status.confirmed_by,
        "tally": tally_json(status.tally) if status.tally else None,
        "last_step": optional(status.last_step), "in_progress": optional(status.in_progress),
        "next_step": optional(status.next_step),
        "steps": [step_json(s) | {"reached": s in status.reached} for s in status.calendar.steps],
    }


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


def register(app: typer.Typer) -> None:
    """Add the calendar commands to ``app``."""

    @app.command()
    def calendar(year: str = typer.Argument(..., help="Election year: 1789, 1792 ... 2024, or a future one (2028 ...)."),
                 json: bool = JsonOption) -> None:
        """The legal steps of an election and their dates under the law in force, with recorded exceptions."""
        cal = calendar_for(year)
        if json:
            print_json(calendar_json(cal))
            return
        console.print(_calendar_table(cal))
        if cal.statutory_only:
            console.print("[dim]Dates as fixed by law; no exception is recorded for this election.[/dim]")

    @app.command()
    def status(year: str = typer.Argument(..., help="Election year, e.g. 2020."),
               as_of: str | None = typer.Option(None, "--as-of", help="Date YYYY-MM-DD (default: today)."),
               json: bool = JsonOption) -> None:
        """Which step the result had reached on a date, what it said, and what came next."""
        result = status_as_of(year, as_of if as_of is not None else date.today())
        if json:
            print_json(status_json(result))
            return
        for line in result.lines:
            console.print(escape(line), highlight=False)
        console.print(_calendar_table(result.calendar, result))
