"""``electoral tally YEAR`` and ``electoral results YEAR [--state XX]``."""

from __future__ import annotations

from typing import Any

import pandas as pd
import typer
from rich.table import Table

from electoral.cli.common import JsonOption, console, print_json
from electoral.record import election
from electoral.units import record_span


def _share(value: float | None) -> str:
    return "" if value is None or pd.isna(value) else f"{value:.1%}"


def _count(value: Any) -> str:
    return "" if value is None or pd.isna(value) else f"{int(value):,}"


def tally(year: str = typer.Argument(..., help=f"Election year, {record_span()}."), json: bool = JsonOption) -> None:
    """Electoral votes per candidate and the outcome, as Congress counted them."""
    result = election(year).tally()
    if json:
        from electoral.output.record import tally_out

        print_json(tally_out(result))
        return
    table = Table(title=f"{result.year} presidential election: {result.electors_appointed} electors, "
                        f"{result.majority_needed} needed")
    for column, justify in (("Candidate", "left"), ("Party", "left"), ("Electoral votes", "right"),
                            ("Popular votes", "right"), ("Share", "right")):
        table.add_column(column, justify=justify)
    for c in result.candidates:
        table.add_row(c.name, c.party, str(c.electoral_votes), _count(c.popular_votes), _share(c.popular_share))
    console.print(table)
    if result.votes_per_elector == 2:
        console.print("Each elector cast two votes (before the 12th Amendment).")
    for note in result.notes:
        console.print(f"[dim]note:[/dim] {note}")
    console.print(f"[bold]{result.outcome}[/bold]")


def results(
    year: str = typer.Argument(..., help=f"Election year, {record_span()}."),
    state: str | None = typer.Option(None, "--state", help="Two-letter state code, e.g. PA."),
    json: bool = JsonOption,
) -> None:
    """Per-state results: electoral votes and popular votes."""
    e = election(year)
    if json:
        from electoral.output.record import results_out

        print_json(results_out(e, state))
        return
    df = e.results(state)
    if state:
        table = Table(title=f"{e.year}: {df['name'].iloc[0]}")
        for column in ("Candidate", "Party", "Electoral votes", "Popular votes", "Share"):
            table.add_column(column, justify="left" if column in ("Candidate", "Party") else "right")
        for row in df.itertuples():
            table.add_row(row.candidate, row.party, str(row.electoral_votes), _count(row.popular_votes), _share(row.share))
        console.print(table)
        return
    table = Table(title=f"{e.year}: results by state")
    for column in ("State", "Electors", "Electoral votes", "Popular leader", "Votes", "Share"):
        table.add_column(column, justify="left" if column in ("State", "Electoral votes", "Popular leader") else "right")
    electors = pd.Series(e.units.electoral_votes, index=list(e.units.states)).groupby(level=0).sum()
    for st, group in df.groupby("state", sort=True):
        ev = group[group.electoral_votes > 0]
        leader = group.dropna(subset=["popular_votes"]).sort_values("popular_votes", ascending=False).head(1)
        table.add_row(
            st, str(int(electors[st])),
            ", ".join(f"{r.candidate} {r.electoral_votes}" for r in ev.itertuples()),
            leader.candidate.iloc[0] if len(leader) else "",
            _count(leader.popular_votes.iloc[0]) if len(leader) else "",
            _share(leader.share.iloc[0]) if len(leader) else "",
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the record commands to ``app``."""
    app.command()(tally)
    app.command()(results)
