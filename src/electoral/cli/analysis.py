"""``electoral tipping-point``, ``paths``, ``min-votes`` and ``power``: the analytics commands.

Their ``--json`` documents are the models of :mod:`electoral.output.analysis`, shared with the HTTP API.
"""

from __future__ import annotations


import typer
from rich.table import Table

from electoral.analysis.minvotes import FLIP_COSTS, Solution, min_votes
from electoral.analysis.paths import DEFAULT_LIMIT, paths
from electoral.analysis.power import power
from electoral.analysis.tipping import tipping_point
from electoral.cli.common import JsonOption, MarginOption, console, parse_assignments, print_json
from electoral.parse import whole_number
from electoral.units import record_span

YearArgument = typer.Argument(..., help=f"Election year, {record_span()}.")


def _points(margin: float | None) -> str:
    """A margin as signed percentage points: 0.0064 -> '+0.64'."""
    return "" if margin is None else f"{margin * 100:+.2f}"


def _table(title: str, *columns: str) -> Table:
    """A table whose first column is left-aligned and the rest right-aligned."""
    table = Table(title=title)
    for k, column in enumerate(columns):
        table.add_column(column, justify="left" if k == 0 else "right")
    return table


def _print_solution(s: Solution) -> None:
    if s.votes is None:
        console.print(f"[bold]{s.goal}[/bold]: not possible by changing votes in units the two candidates carried")
        return
    table = _table(f"{s.goal}: {s.votes:,} votes ({s.mode})", "State", "Units", "Electoral votes", "Lead",
                   "Votes needed")
    for f in s.flips:
        table.add_row(f.state, " ".join(f.units), str(f.electoral_votes), f"{f.margin_votes:,}", f"{f.votes:,}")
    console.print(table)
    if s.after:
        console.print(f"afterwards: {s.after[0]} - {s.after[1]} electoral votes")


def tipping_point_command(
    year: str = YearArgument,
    first: str | None = typer.Option(None, "--first", help="First candidate (default: the winner)."),
    second: str | None = typer.Option(None, "--second", help="Second candidate (default: the runner-up)."),
    margin: str = MarginOption,
    json: bool = JsonOption,
) -> None:
    """The tipping-point unit, the Electoral College bias and the snake-chart rows."""
    tp = tipping_point(year, first, second, margin)
    if json:
        from electoral.output.analysis import tipping_out

        print_json(tipping_out(tp))
        return
    a, b = tp.candidates
    table = _table(f"{tp.year}: units by {tp.winner}'s margin (share of {tp.definition} votes; {a} minus {b},"
                   " points)",
                   "Unit", "Electoral votes", "Margin", "Carried by", f"{tp.winner} cumulative", "Note")
    for r in tp.rows:
        style = "bold" if r.unit == tp.unit else None
        table.add_row(r.unit, str(r.electoral_votes), _points(r.margin), r.won_by or "other",
                      str(r.cumulative), "estimated" if r.estimated else "", style=style)
    console.print(table)
    if tp.unit is None:
        console.print(f"[bold]{tp.winner} carried {tp.winner_votes} electoral votes, short of "
                      f"{tp.majority_needed}: no tipping point[/bold]")
        return
    console.print(f"[bold]tipping point: {tp.unit} ({a} {_points(tp.margin)}); national {_points(tp.national_margin)}; "
                  f"bias {_points(tp.bias)} points, toward {tp.favours or 'neither'} (margins as shares of "
                  f"{tp.definition} votes)[/bold]")
    if tp.swing is not None and abs(tp.swing) != abs(tp.margin):
        console.print(f"a swing of {tp.swing * 100:.2f} points takes {tp.unit} from {tp.winner}: a third candidate"
                      " is ahead of the runner-up there")
    if tp.estimated:
        console.print(f"[dim]estimated margins (no recorded popular vote): {', '.join(tp.estimated)}[/dim]")


def paths_command(
    year: str = YearArgument,
    decided: str = typer.Option("", "--decided", help="Units already decided, e.g. PA=R,GA=D (party initial, "
                                                      "party or candidate)."),
    limit: str = typer.Option(str(DEFAULT_LIMIT), "--limit", help="Minimal winning sets to list per candidate."),
    margin: str = MarginOption,
    json: bool = JsonOption,
) -> None:
    """Exact counts of the ways the open units give each candidate a majority, and minimal winning sets."""
    report = paths(year, parse_assignments(decided, "--decided"), whole_number(limit, "--limit"), margin=margin)
    if json:
        from electoral.output.analysis import paths_out

        print_json(paths_out(report))
        return
    total = report.counts.total
    table = _table(f"{report.year}: {len(report.open_units)} open units, {total:,} outcomes, "
                   f"{report.majority_needed} needed", "Candidate", "Decided", "Still needed", "Winning outcomes",
                   "Share")
    for c in report.candidates:
        table.add_row(c.candidate, str(c.decided_votes), str(c.needed), f"{c.winning_outcomes:,}",
                      f"{c.winning_outcomes / total:.2%}")
    table.add_row("no majority (tie)", "", "", f"{report.counts.ties:,}", f"{report.counts.ties / total:.2%}")
    console.print(table)
    for c in report.candidates:
        console.print(f"[bold]{c.candidate}[/bold]: minimal winning sets (fewest units first, strongest first)")
        for units in c.minimal_sets:
            console.print("  " + (" ".join(units) or "(already has a majority)"))
        if not c.minimal_sets:
            console.print("  none: cannot reach a majority")
    if report.estimated:
        console.print(f"[dim]ordered by estimated margins: {', '.join(report.estimated)}[/dim]")


def min_votes_command(
    year: str = YearArgument,
    mode: str = typer.Option("moved", "--mode", help=f"How votes change: {' or '.join(FLIP_COSTS)}."),
    json: bool = JsonOption,
) -> None:
    """The fewest votes that would have changed the outcome, and the smallest winning popular share."""
    report = min_votes(year, mode.strip().lower())
    if json:
        from electoral.output.analysis import min_votes_out

        print_json(min_votes_out(report))
        return
    for s in report.changes:
        _print_solution(s)
    share = report.smallest_share
    if share.votes is not None and report.share is not None:
        console.print(f"[bold]smallest winning share: {share.votes:,} of {report.national_votes:,} votes "
                      f"({report.share:.2%}), carrying {share.electoral_votes} electoral votes in "
                      f"{sum(len(f.units) for f in share.flips)} units[/bold]")
    for note in report.notes:
        console.print(f"[dim]note:[/dim] {note}")


def power_command(
    year: str = YearArgument,
    set_votes: str = typer.Option("", "--set", help="Scenario electoral votes, e.g. CA=50,TX=42."),
    quota: str = typer.Option("", "--quota", help="Winning quota (default: the majority needed)."),
    json: bool = JsonOption,
) -> None:
    """Banzhaf and Shapley-Shubik power of each unit, exact."""
    changes = {code: whole_number(v, f"--set {code}", minimum=0) for code, v in parse_assignments(set_votes, "--set").items()}
    p = power(year, changes, whole_number(quota, "--quota") if quota.strip() else None)
    if json:
        from electoral.output.analysis import power_out

        print_json(power_out(p))
        return
    total = int(p.weights.sum())
    table = _table(f"{p.year}: power of {len(p.codes)} units, quota {p.quota} of {total}", "Unit",
                   "Electoral votes", "Share of votes", "Banzhaf", "Shapley-Shubik", "Banzhaf raw")
    rows = sorted(zip(p.codes, p.weights.tolist(), p.banzhaf, p.shapley_shubik, p.banzhaf_raw),
                  key=lambda r: (-r[2], r[0]))
    for code, w, b, ss, raw in rows:
        table.add_row(code, str(w), f"{w / total:.2%}", f"{b:.2%}", f"{ss:.2%}", f"{raw:.4f}")
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the analytics commands to ``app``."""
    app.command("tipping-point")(tipping_point_command)
    app.command("paths")(paths_command)
    app.command("min-votes")(min_votes_command)
    app.command("power")(power_command)
