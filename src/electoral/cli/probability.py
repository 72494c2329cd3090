"""``electoral simulate INPUT`` and ``electoral odds INPUT``: national odds from state-level forecasts."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from electoral.cli.common import ForceOption, JsonOption, console, output_path, parse_assignments, print_json

if TYPE_CHECKING:
    from electoral.probability import Distribution, Forecast

# The library (numpy, scipy) is imported inside the commands, so every other command starts faster.

PROGRESS_FROM = 500_000  # draws from which a progress bar is shown (on a terminal)

InputArgument = typer.Argument(..., help="Forecast CSV or JSON (unit, p | margin, sd [, votes, region, year]), "
                                         "or a packaged example: example-2020.")
YearOption = typer.Option(None, "--year", help="Election year (if the input has no year column).")
SidesOption = typer.Option(None, "--sides", help="The two sides' labels, first = the side p and margins favour (default D,R).")
CorrelationOption = typer.Option(None, "--correlation", help="Correlation matrix CSV (states or units), or 'economist'.")
NationalOption = typer.Option(None, "--national", help="Share of each unit's error variance from a national swing, in [0, 1).")
RegionalOption = typer.Option(None, "--regional", help="Share from a regional swing (needs a 'region' column).")
DfOption = typer.Option(None, "--df", help="Student t degrees of freedom for fat tails (>= 1).")
RepairOption = typer.Option(False, "--repair", help="Use the nearest valid matrix if the correlation matrix is not PSD.")
GivenOption = typer.Option(None, "--given", help="Fixed outcomes, e.g. PA=R,GA=D.")
DrawsOption = typer.Option(None, "-n", "--draws", help="Number of simulated elections (default 100,000).")
SeedOption = typer.Option(None, "--seed", help="Random seed (same seed, same answer on any backend).")
PlotOption = typer.Option(None, "--plot", help="Write the electoral-vote histogram to this file (.png, .pdf or .svg).")
MissingOption = typer.Option("error", "--missing",
                             help="Units the input leaves out: error, recorded (the record's winner as certain) "
                                  "or even (a coin flip); probabilities only.")


def build_forecast(source: str, year: str | None, sides: str | None, correlation: str | None, national: str | None,
                   regional: str | None, df: str | None, repair: bool, missing: str = "error") -> Forecast:
    """Load and validate the forecast; a repaired matrix is reported as one ``warning:`` line on stderr.

    >>> build_forecast("example-2020", None, None, None, "0.5", None, None, False).correlation.national
    0.5
    """
    from electoral.probability import load_forecast

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        forecast = load_forecast(source, year=year, sides=sides, df=df, correlation=correlation, national=national,
                                 regional=regional, repair=repair, missing=missing)
    for warning in caught:
        Console(stderr=True).print(f"warning: {warning.message}", highlight=False, markup=False)
    return forecast


@contextmanager
def progress_bar(draws: int) -> Iterator[Any]:
    """A Rich progress bar on stderr for long runs (none for short ones or when stderr is not a terminal)."""
    stderr = Console(stderr=True)
    if draws < PROGRESS_FROM or not stderr.is_terminal:
        yield None
        return
    with Progress(TextColumn("simulating"), BarColumn(), TextColumn("{task.completed:,}/{task.total:,} draws"),
                  TimeRemainingColumn(), console=stderr, transient=True) as bar:
        task = bar.add_task("draws", total=draws)
        yield lambda done: bar.update(task, completed=done)


def _percent(p: float) -> str:
    return f"{p:.1%}" if 0.001 <= p <= 0.999 or p in (0.0, 1.0) else f"{p:.3%}"


def show(distribution: Distribution, title: str) -> None:
    """Print the summary table and the units that matter most."""
    d = distribution
    a, b = d.sides
    summary = Table(title=title)
    summary.add_column("Figure")
    summary.add_column("Value", justify="right")
    for side in d.sides:
        p = d.p_win(side)
        error = f" ± {d.standard_error(p):.2%}" if d.draws else ""
        summary.add_row(f"P({side} wins)", _percent(p) + error)
    summary.add_row(f"P(tie {d.total // 2}-{d.total - d.total // 2})" if d.total % 2 == 0 else "P(tie)", _percent(d.p_tie))
    summary.add_row(f"{a} electoral votes: mean, median", f"{d.mean:.1f}, {d.median}")
    summary.add_row(f"{a} electoral votes: 90% interval", f"{d.quantile(0.05)}-{d.quantile(0.95)}")
    for side in d.sides:
        summary.add_row(f"P({side} landslide, >= {d.landslide_threshold})", _percent(d.landslide(side)))
    if d.p_popular_split is not None:
        summary.add_row("P(electoral winner loses the popular vote)", _percent(d.p_popular_split))
    if d.given:
        summary.add_row("P(given outcomes)", _percent(d.p_given))
    summary.add_row("Method", d.method + (f", {d.draws:,} draws, seed {d.seed}" if d.draws else ""))
    console.print(summary)
    units = Table(title="Closest units" if d.tipping_point is None else "Most likely tipping points")
    for column in ("Unit", "Electors", f"P({a})") + (("Tipping point",) if d.tipping_point is not None else ()):
        units.add_column(column, justify="left" if column == "Unit" else "right")
    if d.tipping_point is not None:
        order = sorted(range(len(d.units)), key=lambda i: -d.tipping_point[i])
    else:
        order = sorted(range(len(d.units)), key=lambda i: abs(d.unit_probabilities[i] - 0.5))
    for i in order[:10]:
        row = [d.units.codes[i], str(int(d.units.electoral_votes[i])), _percent(float(d.unit_probabilities[i]))]
        if d.tipping_point is not None:
            row.append(_percent(float(d.tipping_point[i])))
        units.add_row(*row)
    console.print(units)


def draw_count(text: str | None) -> int:
    """The ``-n`` option: a positive whole number, or the library's default.

    >>> draw_count("1e6"), draw_count(None)
    (1000000, 100000)
    """
    from electoral.limits import LIMITS
    from electoral.parse import whole_number
    from electoral.probability.montecarlo import DEFAULT_DRAWS

    return DEFAULT_DRAWS if text is None else LIMITS["draws"].check(whole_number(text, "n"), "-n")


def _given(text: str | None) -> dict[str, str] | None:
    return parse_assignments(text, "--given") if text else None


def plot_target(plot: str | None, force: bool) -> str | None:
    """The ``--plot`` file, checked before any work starts (see :func:`electoral.cli.common.output_path`)."""
    from electoral.probability.plot import plot_format

    return None if plot is None else str(output_path(plot, force, plot_format))


def _emit(distribution: Distribution, json: bool, plot: str | None, title: str) -> None:
    """Print the result first, then write the plot: a failed write never loses the computed table or JSON."""
    if json:
        from electoral.output.probability import distribution_out

        print_json(distribution_out(distribution))
    else:
        show(distribution, title)
    if plot:
        distribution.plot(plot)
        if not json:
            console.print(f"histogram written to {plot}")


def simulate(
    source: str = InputArgument,
    draws: str | None = DrawsOption,
    seed: str | None = SeedOption,
    given: str | None = GivenOption,
    correlation: str | None = CorrelationOption,
    national: str | None = NationalOption,
    regional: str | None = RegionalOption,
    df: str | None = DfOption,
    repair: bool = RepairOption,
    year: str | None = YearOption,
    sides: str | None = SidesOption,
    missing: str = MissingOption,
    backend: str = typer.Option("numpy", "--backend", help="Where to run: numpy (threads here) or dask."),
    address: str | None = typer.Option(None, "--address", help="Dask scheduler address (with --backend dask)."),
    chunk_size: str | None = typer.Option(None, "--chunk-size", help="Draws per chunk (bounds memory; default 10,000)."),
    plot: str | None = PlotOption,
    force: bool = ForceOption,
    json: bool = JsonOption,
) -> None:
    """Monte Carlo odds: correlated draws of every unit, P(win), histogram, tipping points."""
    from electoral.probability import odds

    plot = plot_target(plot, force)
    forecast = build_forecast(source, year, sides, correlation, national, regional, df, repair, missing)
    n = draw_count(draws)
    options: dict[str, Any] = {"address": address} if backend == "dask" else {}
    if chunk_size is not None:
        options["chunk_size"] = chunk_size
    with progress_bar(n) as progress:
        result = odds(forecast, _given(given), method="montecarlo", n=n, seed=seed, backend=backend,
                      progress=progress, **options)
    _emit(result, json, plot, f"{forecast.units.year}: {n:,} simulated elections")


def odds_command(
    source: str = InputArgument,
    given: str | None = GivenOption,
    exact: bool = typer.Option(False, "--exact", help="Exact distribution (independent or factor correlation)."),
    draws: str | None = DrawsOption,
    seed: str | None = SeedOption,
    correlation: str | None = CorrelationOption,
    national: str | None = NationalOption,
    regional: str | None = RegionalOption,
    df: str | None = DfOption,
    repair: bool = RepairOption,
    year: str | None = YearOption,
    sides: str | None = SidesOption,
    missing: str = MissingOption,
    plot: str | None = PlotOption,
    force: bool = ForceOption,
    json: bool = JsonOption,
) -> None:
    """Odds, optionally conditional: P(win | PA goes R, GA goes D); --exact for the exact method."""
    from electoral.probability import odds

    plot = plot_target(plot, force)
    forecast = build_forecast(source, year, sides, correlation, national, regional, df, repair, missing)
    fixed = _given(given)
    if exact:
        result = odds(forecast, fixed, method="exact")
    else:
        n = draw_count(draws)
        with progress_bar(n) as progress:
            result = odds(forecast, fixed, method="montecarlo", n=n, seed=seed, progress=progress)
    condition = "" if not result.given else " given " + ", ".join(f"{u}={s}" for u, s in result.given)
    _emit(result, json, plot, f"{forecast.units.year}: odds{condition}")


def register(app: typer.Typer) -> None:
    """Add the probability commands to ``app``."""
    app.command()(simulate)
    app.command(name="odds")(odds_command)
