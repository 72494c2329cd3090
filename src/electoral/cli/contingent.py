"""``electoral contingent YEAR [--flip ...]``: the House and Senate that would decide, and their choice on party lines."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from electoral.cli.common import (
    CompactOption, FaithlessOption, JsonOption, MarginOption, console, parse_assignments, print_json, with_flags,
)
from electoral.contingent import contingent_election, tie_scenario
from electoral.contingent.congress import ordinal
from electoral.output.contingent import Candidate, ContingentOut, HouseOut, SenateOut, contingent_doc
from electoral.errors import InvalidInput
from electoral.margins import margin_definition
from electoral.parse import year_number
from electoral.scenario import Scenario, parse_faithless, parse_optional_pairs, parse_swing

PARTY = {"dem": "Democratic", "rep": "Republican", "other": "other parties", "split": "split",
         "none": "no majority", "vacant": "vacant"}


def what_if(year: int, flip: str | None, swing: str | None, state_swing: str | None, method: str | None,
            margin: str, tie: bool, faithless: str | None = None, compact: str | None = None) -> Scenario | None:
    """The scenario of the options (None: the record), or the closest tie with ``--tie``.

    >>> what_if(2020, "GA,AZ,WI", None, None, None, "all", False).flips
    {'GA': None, 'AZ': None, 'WI': None}
    """
    given = any((flip, swing, state_swing, method, faithless, compact))
    if tie:
        if given:
            raise InvalidInput("--tie chooses its own flips: it cannot be combined with what-if options")
        return tie_scenario(year)
    return _scenario(year, flip, swing, state_swing, method, margin, faithless, compact) if given else None


def _scenario(year: int, flip: str | None, swing: str | None, state_swing: str | None, method: str | None,
              margin: str, faithless: str | None, compact: str | None) -> Scenario:
    methods = parse_assignments(method, "--method") if method and "=" in method else {}
    swings = parse_assignments(state_swing, "--state-swing") if state_swing else {}
    return Scenario(
        year=year, flips=parse_optional_pairs(flip, "--flip") if flip else {},
        swing=parse_swing(swing) if swing else None, state_swings={k: parse_swing(v) for k, v in swings.items()},
        method=method if method and not methods else None, methods=methods, margin=margin_definition(margin).name,
        faithless=parse_faithless(faithless) if faithless else {}, compact=compact.strip().lower() if compact else None)


def register(app: typer.Typer) -> None:
    """Add ``contingent`` to ``app``."""

    @app.command()
    def contingent(
        year: str = typer.Argument(..., help="Election year (1792-2024)."),
        flip: str | None = typer.Option(None, "--flip", help="Units to flip first: GA,AZ,WI or GA=Trump."),
        swing: str | None = typer.Option(None, "--swing", help="Uniform margin swing first, e.g. R+1.5."),
        state_swing: str | None = typer.Option(None, "--state-swing", help="Per-state swings: PA=D+2,GA=R+1."),
        method: str | None = typer.Option(None, "--method", help="Allocation for all states or ME=...,CA=..."),
        tie: bool = typer.Option(False, "--tie", help="Flip the winner's closest units to a tie (else no majority)."),
        faithless: str | None = FaithlessOption,
        compact: str | None = CompactOption,
        margin: str = MarginOption,
        json: bool = JsonOption,
    ) -> None:
        """Contingent election: who is eligible, each state's House delegation, the House's and the Senate's
        choice on party lines (12th Amendment), and the recorded ballots of 1801, 1825 and 1837."""
        number = year_number(year)
        doc = contingent_doc(with_flags(lambda: contingent_election(number, what_if(
            number, flip, swing, state_swing, method, margin, tie, faithless, compact))))
        if json:
            print_json(doc.model_dump(mode="json"))
            return
        show(doc)


def what_if_text(fields: dict) -> str:
    """``{'flips': {'GA': None}, 'swing': {'toward': 'R', 'points': 1.5}}`` -> ``'flip GA; swing R+1.5'``.

    >>> what_if_text({"flips": {"GA": None, "NE-2": "R"}, "swing": {"toward": "R", "points": 1.5}})
    'flip GA, NE-2=R; swing R+1.5'
    """
    parts = []
    for key, value in fields.items():
        if key == "flips":
            parts.append("flip " + ", ".join(k + (f"={v}" if v else "") for k, v in value.items()))
        elif key == "swing":
            parts.append(f"swing {value['toward']}{value['points']:+g}")
        elif key == "faithless":
            parts.append("faithless " + ", ".join(f"{k}={v['electors']}" + (f":{v['to']}" if v["to"] else "")
                                                  for k, v in value.items()))
        else:
            parts.append(f"{key} {value}")
    return "; ".join(parts)


def show(doc: ContingentOut) -> None:
    """Print a contingent election as tables and lines."""
    flips = f" (what-if: {what_if_text(doc.what_if)})" if doc.what_if else ""
    console.print(f"[bold]Contingent election, {doc.year}{flips}[/bold] - {doc.rule.era}")
    console.print(doc.outcome)
    for note in doc.what_if_notes:
        console.print(f"[dim]what-if:[/dim] {escape(note)}")
    console.print("eligible: " + "; ".join(_eligible(c) for c in doc.eligible))
    _house(doc.house)
    _senate(doc.senate)
    console.print(f"if the House has not chosen: {doc.acting}")
    for r in doc.recorded:
        votes = "; ".join(f"{v.candidate} {v.count}" + (f" ({' '.join(v.states)})" if v.states else "") for v in r.votes)
        console.print(f"[dim]record:[/dim] {r.body} ballot {r.ballot}, {r.date}: {votes}; needed {r.needed} -> "
                      f"{r.chosen or 'no choice'}")
    for note in doc.assumptions:
        console.print(f"[dim]assumed:[/dim] {escape(note)}")


def _eligible(c: Candidate) -> str:
    """'Colin Powell (no presidential nomination, 3 electoral votes)': the party as written, without doubled
    parentheses, and 1 electoral vote in the singular."""
    votes = f"{c.electoral_votes} electoral vote{'' if c.electoral_votes == 1 else 's'}"
    return f"{c.name} ({c.party.strip('()')}, {votes})"


def _house(h: HouseOut) -> None:
    table = Table(title=f"{h.name}: one vote per state")
    for column in ("State", "Dem", "Rep", "Other", "Vacant", "Vote on party lines"):
        table.add_column(column, justify="left" if column in ("State", "Vote on party lines") else "right")
    for d in h.delegations:
        table.add_row(d.state, str(d.dem), str(d.rep), str(d.other), "" if d.vacant is None else str(d.vacant),
                      escape(f"{d.vote} ({d.why})" if d.vote else f"none ({d.why})"))
    console.print(table)
    parts = ", ".join(f"{PARTY[k]} {n}" for k, n in h.by_majority.items() if n)
    console.print(f"delegations: {parts} (of {h.states} states; DC has no vote); {h.needed} needed, "
                  f"quorum {h.quorum} states ({'met' if h.quorum_met else 'NOT met'})")
    tally = "; ".join(f"{v.candidate} {v.count}" for v in h.votes) or "no state votes"
    if h.chosen:
        console.print(f"[bold]House's choice on party lines: {h.chosen}[/bold] ({tally}; no vote: "
                      f"{', '.join(h.no_vote) or 'none'}); {h.spare} state(s) to spare; narrowest of its delegations: "
                      f"{', '.join(h.narrowest[:5])}")
    else:
        console.print(f"[bold]House on party lines: no choice[/bold] ({tally}; no vote: {', '.join(h.no_vote) or 'none'})")


def _senate(s: SenateOut) -> None:
    other = escape(f", {s.other} other ({s.other_parties})") if s.other else ""
    vacant = f", {s.vacant} vacant ({s.vacant_states})" if s.vacant else ""
    console.print(f"Senate of the {ordinal(s.congress)} Congress on {s.reference_date}: {s.dem} Democrats, "
                  f"{s.rep} Republicans{other}{vacant}; {s.seats} seats")
    if s.candidates:
        console.print("vice-presidential candidates: " + "; ".join(f"{c.name} (with {c.running_mate_of})"
                                                                   for c in s.candidates))
    if s.votes or s.chosen:
        votes = "; ".join(f"{v.candidate} {v.senators}" for v in s.votes)
        console.print(f"[bold]Senate's choice on party lines: {s.chosen or 'no choice'}[/bold] ({votes}; "
                      f"{s.needed} of {s.seats} needed)"
                      + (f"; with independents voting with their caucus: {s.with_caucus or 'no choice'}"
                         if s.with_caucus != s.chosen else ""))
    for note in s.notes:
        console.print(f"[dim]senate:[/dim] {escape(note)}")
