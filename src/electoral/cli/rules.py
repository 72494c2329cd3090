"""``electoral apportion [CENSUS]`` and ``electoral whatif YEAR``: the rules as law, and what-ifs."""

from __future__ import annotations

import math
from collections.abc import Sequence

import typer
from rich.table import Table

from electoral.cli.common import (
    CompactOption, FaithlessOption, JsonOption, MarginOption, console, parse_assignments, print_json, with_flags,
)
from electoral.errors import InvalidInput, UnknownYear
from electoral.margins import margin_definition
from electoral.parse import whole_number, year_number
from electoral.rules.allocation import ALLOCATION_METHODS
from electoral.rules.apportionment import (
    METHODS, Apportionment, ApportionmentAct, act, apportion_census, census_populations, history, official_seats,
)
from electoral.scenario import (
    Scenario, ScenarioResult, SwingThreshold, parse_faithless, parse_optional_pairs, parse_swing, run, smallest_swings,
    state_changes,
)

METHOD_NAMES = ", ".join(METHODS)
ALLOCATION_NAMES = ", ".join(ALLOCATION_METHODS)


def apportion_command(
    census: str | None = typer.Argument(None, help="Census year (1790-2020); omit to list every apportionment."),
    seats: str | None = typer.Option(None, "--seats", help="House size (default: the size the law used)."),
    method: str | None = typer.Option(None, "--method", help=f"One of: {METHOD_NAMES} (default: the law's)."),
    population: str | None = typer.Option(None, "--population",
                                          help="Add or replace states: CODE=N,... (e.g. PR=3285874)."),
    json: bool = JsonOption,
) -> None:
    """House seats from a census: any method and House size; by default the apportionment the law made."""
    if census is None:
        given = [name for name, value in (("--seats", seats), ("--method", method), ("--population", population)) if value]
        if given:
            raise InvalidInput(f"{', '.join(given)} apply to one census: give its year, e.g. electoral apportion 2020 "
                               f"{given[0]} ...")
        _print_history(json)
        return
    law = act(census)
    populations = _populations(population, law.census)
    house = whole_number(seats, "--seats") if seats is not None else None
    try:
        result = apportion_census(law.census, house_size=house, method=method, populations=populations)
    except UnknownYear:
        if house or method or populations:
            raise
        _print_official_only(law.census, json)
        return
    by_law = house is None and method is None and not populations
    if json:
        from electoral.output.rules import census_apportionment_out

        print_json(census_apportionment_out(result, by_law))
        return
    _print_apportionment(result, law, _official_or_empty(law.census), by_law)


def _populations(text: str | None, census: int) -> dict[str, str] | None:
    """The ``--population`` option: CODE=N pairs, where N may be 'packaged' for a packaged population."""
    if not text:
        return None
    populations = parse_assignments(text, "--population")
    packaged = census_populations(census).others
    return {k: (packaged[k] if v.lower() == "packaged" and k in packaged else v) for k, v in populations.items()}


def _print_apportionment(result: Apportionment, law: ApportionmentAct, official: dict[str, int], by_law: bool) -> None:
    title = (f"{law.census} census: {result.house_size} seats by {result.method}"
             + (f" ({law.act})" if by_law else " (what-if)"))
    table = Table(title=title)
    for column in ("State", "Population", "Quota", "Seats", "Official", "Change"):
        table.add_column(column, justify="left" if column == "State" else "right")
    for st, pop, quota, n in zip(result.states, result.populations, result.quotas, result.seats):
        known = official.get(st)
        table.add_row(st, "" if math.isnan(pop) else f"{pop:,.0f}", "" if math.isnan(quota) else f"{quota:.3f}",
                      str(int(n)), "" if known is None else str(known),
                      "" if known is None or known == n else f"{int(n) - known:+d}")
    console.print(table)
    _print_apportionment_notes(result, law, official, by_law)


def _print_apportionment_notes(result: Apportionment, law: ApportionmentAct, official: dict[str, int],
                               by_law: bool) -> None:
    if result.last_seat:
        console.print(f"last seat: {result.last_seat[0]} (priority {result.last_seat[1]:,.1f}); next in line: "
                      f"{result.next_in_line[0]} ({result.next_in_line[1]:,.1f})" if result.next_in_line else "")
    if result.tie:
        console.print(f"[bold]{result.tie.text}[/bold]")
    if by_law:
        console.print(f"[dim]law:[/dim] {law.act}. {law.source}")
    if official and by_law:
        same = all(official.get(s) == int(n) for s, n in zip(result.states, result.seats)) and \
            len(official) == len(result.states)
        console.print("[bold]reproduces the official apportionment seat for seat[/bold]" if same else
                      "[bold]differs from the official apportionment[/bold] (see docs/apportionment.md)")


def whatif(
    year: str = typer.Argument(..., help="Election year (1804-2024: one vote per elector)."),
    flip: str | None = typer.Option(None, "--flip", help="Units to flip: GA,AZ,WI (to the runner-up) or GA=Trump."),
    swing: str | None = typer.Option(None, "--swing", help="Uniform margin swing, e.g. R+1.5 or D+2 (points)."),
    state_swing: str | None = typer.Option(None, "--state-swing", help="Per-state swings: PA=D+2,GA=R+1."),
    method: str | None = typer.Option(None, "--method",
                                      help=f"Allocation for all states ({ALLOCATION_NAMES}; proportional:webster"
                                           " ...) or per state: ME=winner-take-all,CA=proportional."),
    house_size: str | None = typer.Option(None, "--house-size", help="Re-apportion the House with N seats."),
    apportionment_method: str | None = typer.Option(None, "--apportionment-method", help=f"One of: {METHOD_NAMES}."),
    census: str | None = typer.Option(None, "--census", help="Apportion on another census (e.g. 2020)."),
    add_state: str | None = typer.Option(None, "--add-state", help="Add states: PR (packaged population) or PR=3285874."),
    remove: str | None = typer.Option(None, "--remove", help="Drop states: DC or DC,WY."),
    blank: bool = typer.Option(False, "--blank", help="Start from the allotment with no results."),
    faithless: str | None = FaithlessOption,
    compact: str | None = CompactOption,
    margin: str = MarginOption,
    json: bool = JsonOption,
) -> None:
    """What if: flip states, swing margins, change allocation or apportionment, faithless electors under the
    law in force, the popular-vote compact as enacted; the tally and what changed."""
    scenario = with_flags(lambda: _scenario(year, flip, swing, state_swing, method, house_size, apportionment_method,
                                            census, add_state, remove, blank, margin, faithless, compact))
    result = with_flags(lambda: run(scenario))
    thresholds = smallest_swings(scenario.year, scenario.margin)
    if json:
        from electoral.output.scenario import whatif_swings_out

        print_json(whatif_swings_out(result, thresholds))
        return
    _print_whatif(result, thresholds)


def _scenario(year: str, flip: str | None, swing: str | None, state_swing: str | None, method: str | None,
              house_size: str | None, apportionment_method: str | None, census: str | None, add_state: str | None,
              remove: str | None, blank: bool, margin: str, faithless: str | None = None,
              compact: str | None = None) -> Scenario:
    """The library's scenario for the ``whatif`` options (parsed in the order they are listed)."""
    methods: dict[str, str] = {}
    all_method = None
    if method:
        if "=" in method:
            methods = parse_assignments(method, "--method")
        else:
            all_method = method
    return Scenario(
        year=year_number(year),
        flips=parse_optional_pairs(flip, "--flip") if flip else {},
        swing=parse_swing(swing) if swing else None,
        state_swings={k: parse_swing(v) for k, v in parse_assignments(state_swing, "--state-swing").items()}
        if state_swing else {},
        method=all_method, methods=methods,
        house_size=whole_number(house_size, "--house-size") if house_size else None,
        apportionment_method=apportionment_method,
        census=year_number(census, "--census") if census else None,
        add_states=parse_optional_pairs(add_state, "--add-state") if add_state else {},
        remove=tuple(parse_optional_pairs(remove, "--remove")) if remove else (),
        blank=blank,
        margin=margin_definition(margin).name,
        faithless=parse_faithless(faithless) if faithless else {},
        compact=compact.strip().lower() if compact else None,
    )


def _print_whatif(result: ScenarioResult, thresholds: Sequence[SwingThreshold]) -> None:
    table = Table(title=f"What if, {result.scenario.year}: {result.tally.electors_appointed} electors, "
                        f"{result.tally.majority_needed} needed")
    for column in ("Candidate", "Actual", "What-if", "Change"):
        table.add_column(column, justify="left" if column == "Candidate" else "right")
    for c in result.diff.candidates:
        table.add_row(c.name, str(c.actual), str(c.scenario), f"{c.change:+d}" if c.change else "")
    console.print(table)
    _print_whatif_notes(result, thresholds)


def _print_flips(result: ScenarioResult) -> None:
    if result.diff.flipped:
        flips = Table(title="Units that changed hands")
        for column in ("Unit", "From", "To", "Electors"):
            flips.add_column(column, justify="right" if column == "Electors" else "left")
        for f in result.diff.flipped:
            flips.add_row(f.unit, f.before or "", f.after or "", str(f.electoral_votes))
        console.print(flips)


def _print_whatif_notes(result: ScenarioResult, thresholds: Sequence[SwingThreshold]) -> None:
    """The units and states that changed, the notes, then the what-if's outcome last.

    The smallest swings are the recorded election's: shown (before the outcome, labelled as the record's)
    only when the what-if keeps the record's electors, so their "270 of 538" is never read as the what-if's.
    """
    _print_flips(result)
    changes = state_changes(result)
    if changes.split:
        console.print(f"states split differently: {', '.join(changes.split)}")
    if changes.resized:
        console.print("electors changed: " + ", ".join(f"{st} {a} -> {b}" for st, a, b in changes.resized))
    for note in result.notes:
        console.print(f"[dim]note:[/dim] {note}")
    if result.tally.electors_appointed == result.actual.electors_appointed:
        for t in thresholds:
            console.print(f"[dim]the recorded election:[/dim] a uniform swing of more than {t.toward} "
                          f"+{t.points:.2f} margin points ({t.margin} votes; tipping point {t.tipping_unit}): "
                          f"{t.outcome}")
    console.print(f"[bold]{result.tally.outcome}[/bold]")
    console.print(f"winner changed: {'yes' if result.diff.winner_changed else 'no'} "
                  f"({result.diff.winner_before or 'no one'} -> {result.diff.winner_after or 'no majority'})")


def register(app: typer.Typer) -> None:
    """Add ``apportion`` and ``whatif`` to ``app``."""
    app.command("apportion")(apportion_command)
    app.command()(whatif)


def _official_or_empty(census: int) -> dict[str, int]:
    try:
        return official_seats(census)
    except UnknownYear:
        return {}


def _print_history(json: bool) -> None:
    rows = history()
    if json:
        from electoral.output.rules import history_out

        print_json(history_out(METHODS.values(), rows))
        return
    table = Table(title="Apportionment of the House after each census")
    for column in ("Census", "Act", "Method", "Seats", "Ratio", "First election"):
        table.add_column(column, justify="right" if column in ("Census", "Seats", "Ratio", "First election") else "left")
    for a in rows:
        table.add_row(str(a.census), a.act, a.method, str(a.house_size or ""), f"{a.ratio:,}" if a.ratio else "",
                      str(a.first_election or ""))
    console.print(table)
    console.print("methods: " + "; ".join(f"{m.name} ({m.description})" for m in METHODS.values()))


def _print_official_only(census: int, json: bool) -> None:
    law = act(census)
    seats = official_seats(census)
    if json:
        from electoral.output.rules import official_seats_out

        print_json(official_seats_out(census, law, seats))
        return
    table = Table(title=f"{census} census: official seats ({law.act}, {law.method})")
    table.add_column("State")
    table.add_column("Seats", justify="right")
    for st, n in sorted(seats.items()):
        table.add_row(st, str(n))
    console.print(table)
    console.print(f"{sum(seats.values())} seats. Populations for the {census} census (three-fifths count by state) are"
                  " not packaged, so the apportionment cannot be recomputed.")
