"""``electoral forecast POLLS... --as-of DATE`` and ``electoral forecast backtest POLLS... --years ... --days-before ...``.

The library computes; this module parses options, prints and writes files.
"""

from __future__ import annotations

import argparse
import json as json_module
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.table import Table

from electoral.cli.common import ForceOption, JsonOption, console, output_path, print_json
from electoral.errors import InvalidInput

if TYPE_CHECKING:
    from electoral.forecast import Polls

PollsArgument = typer.Argument(..., help="Poll files (FiveThirtyEight or HuffPost/Economist CSV) or folders of them. "
                                         "Backtest: 'backtest' POLLS... --years Y... [--days-before D...] "
                                         "(default 100 50 14 1 days; files of each year given).")


def _polls(paths: list[str], poll_format: str | None) -> Polls:
    from electoral.forecast import read_polls

    return read_polls(paths, poll_format)


def _show(doc: object) -> None:
    """The forecast as tables: national odds, then the closest units."""
    national = doc.national  # type: ignore[attr-defined]
    summary = Table(title=f"{doc.year} forecast as of {doc.as_of} ({doc.polls_used} polls)")  # type: ignore[attr-defined]
    summary.add_column("Figure")
    summary.add_column("Value", justify="right")
    summary.add_row("P(D wins)", f"{national.p_win['D']:.1%}")
    summary.add_row("P(R wins)", f"{national.p_win['R']:.1%}")
    summary.add_row("P(269-269 / no majority)", f"{national.p_tie:.2%}")
    summary.add_row("P(electoral/popular split)", f"{national.p_popular_split:.1%}")
    summary.add_row("D electoral votes: mean, 90%", f"{national.electoral_votes.mean:.0f}, "
                    f"{national.electoral_votes.quantiles['0.05']}-{national.electoral_votes.quantiles['0.95']}")
    summary.add_row("D two-party share, 80%", f"{national.share:.1f} ({national.share_80[0]:.1f}-{national.share_80[1]:.1f})")
    console.print(summary)
    units = Table(title="Closest units")
    for column in ("Unit", "Polls", "D share", "80% interval", "P(D)", "Tipping point"):
        units.add_column(column, justify="left" if column == "Unit" else "right")
    for u in sorted(doc.units, key=lambda u: abs(u.p_D - 0.5))[:12]:  # type: ignore[attr-defined]
        units.add_row(u.unit, str(u.polls), f"{u.share:.1f}", f"{u.share_80[0]:.1f}-{u.share_80[1]:.1f}",
                      f"{u.p_D:.1%}", f"{u.tipping_point:.1%}")
    console.print(units)
    _show_problems(doc)


def _show_problems(doc: object, shown: int = 10) -> None:
    """The skipped or amended poll rows, as the JSON's ``problems`` (count, then the first ``shown``)."""
    total, problems = doc.problems_total, doc.problems  # type: ignore[attr-defined]
    if total:
        print(f"{total} poll row(s) skipped or amended (all in --json):", file=sys.stderr)
        for message in problems[:shown]:
            print(f"  {message}", file=sys.stderr)


def forecast_command(
    ctx: typer.Context,
    inputs: list[str] = PollsArgument,
    as_of: str | None = typer.Option(None, "--as-of", help="Forecast date (YYYY-MM-DD): only polls ending by then."),
    poll_format: str | None = typer.Option(None, "--format", help="Poll file format (default: from the header)."),
    draws: int = typer.Option(100_000, "--draws", help="Simulated elections for the national odds."),
    seed: int = typer.Option(2024, "--seed", help="Random seed of the national simulation."),
    out: str | None = typer.Option(None, "--out", help="Write the forecast file (JSON) that electoral odds/simulate read."),
    plot: str | None = typer.Option(None, "--plot", help="Write a plot: the EV histogram, a unit's polls "
                                                         "(--plot-unit) or the backtest's calibration."),
    plot_unit: str | None = typer.Option(None, "--plot-unit", help="Plot this unit's polls and the model's average."),
    series_from: str | None = typer.Option(None, "--from", help="A daily series from this date to --as-of."),
    national_prior: float | None = typer.Option(None, "--national-prior",
                                                help="Prior D two-party national share in % (default 50), e.g. "
                                                     "from a fundamentals model."),
    force: bool = ForceOption,
    json: bool = JsonOption,
) -> None:
    """Forecast an election from polls as of a date; or 'backtest' to score past elections."""
    from electoral.probability.plot import plot_format

    backtest = bool(inputs) and inputs[0] == "backtest"
    _check_options(backtest, as_of=as_of, out=out, plot=plot, plot_unit=plot_unit, series_from=series_from,
                   national_prior=national_prior)
    target = None if plot is None else output_path(plot, force, plot_format)
    out_path = None if out is None else output_path(out, force)
    if backtest:
        _backtest(inputs[1:], poll_format, json, target)
        return
    if series_from is not None:
        _series(inputs, series_from, str(as_of), poll_format, json)
        return
    _forecast(inputs, str(as_of), poll_format, draws, seed, out_path, target, plot_unit, json, national_prior)


def _check_options(backtest: bool, *, as_of: str | None, out: str | None, plot: str | None, plot_unit: str | None,
                   series_from: str | None, national_prior: float | None) -> None:
    """Refuse options that would be ignored or fail only after the work: checked before any poll is read."""
    from electoral.errors import UnknownUnit
    from electoral.forecast.history import UNIT_CODES

    if backtest:
        given = [name for name, value in (("--as-of", as_of), ("--out", out), ("--plot-unit", plot_unit),
                                          ("--from", series_from), ("--national-prior", national_prior)) if value is not None]
        if given:
            verb = "does" if len(given) == 1 else "do"
            raise InvalidInput(f"backtest: {', '.join(given)} {verb} not apply (a backtest forecasts each year as of "
                               "each --days-before)")
        return
    if as_of is None:
        raise InvalidInput("--as-of DATE is required (YYYY-MM-DD)")
    if plot_unit is not None:
        if plot is None:
            raise InvalidInput(f"--plot-unit {plot_unit} needs --plot FILE (the file the unit's plot is written to)")
        if plot_unit.strip().upper() not in UNIT_CODES:
            raise UnknownUnit(f"--plot-unit: no unit {plot_unit!r} in a forecast (known: {', '.join(UNIT_CODES)})")


def _forecast(inputs: list[str], as_of: str, poll_format: str | None, draws: int, seed: int, out: Path | None,
              plot: Path | None, plot_unit: str | None, json: bool, national_prior: float | None = None) -> None:
    from electoral.forecast import forecast_polls
    from electoral.limits import LIMITS
    from electoral.output.forecast import forecast_out

    LIMITS["draws"].check(draws, "--draws")
    polls = _polls(inputs, poll_format)
    forecast = forecast_polls(polls, as_of, national_prior=national_prior)
    doc = forecast_out(forecast, draws=draws, seed=seed)
    if json:
        print_json(doc)
    else:
        _show(doc)
    if out is not None:
        out.write_text(json_module.dumps(doc.engine), encoding="utf-8")
    if plot is not None:
        from electoral.forecast.plot import plot_ev, plot_unit_polls

        if plot_unit:
            plot_unit_polls(polls, forecast, plot_unit, plot)
        else:
            plot_ev(doc, plot)


def _series(inputs: list[str], start: str, end: str, poll_format: str | None, json: bool) -> None:
    from electoral.forecast import forecast_series
    from electoral.output.forecast import series_out

    doc = series_out(forecast_series(_polls(inputs, poll_format), start, end))
    if json:
        print_json(doc)
        return
    table = Table(title=f"{doc.year}: daily forecast")
    for column in ("Date", "Polls", "P(D wins)", "D electoral votes", "D national share"):
        table.add_column(column, justify="right")
    for day in doc.days:
        table.add_row(day.date, str(day.polls_used), f"{day.p_win_D:.1%}", f"{day.electoral_votes_D:.0f}",
                      f"{day.national_share:.1f}")
    console.print(table)


def _backtest(args: list[str], poll_format: str | None, json: bool, plot: Path | None) -> None:
    from electoral.forecast import read_polls, run_backtest
    from electoral.output.forecast import backtest_out

    options = _backtest_options(args)
    files = [f for p in options.paths for f in (sorted(Path(p).glob("*.csv")) if Path(p).is_dir() else [Path(p)])]
    by_year: dict[int, list[Path]] = {}
    for f in files:
        polls = read_polls([f], poll_format)
        by_year.setdefault(polls.year, []).append(f)
    missing = [y for y in options.years if y not in by_year]
    if missing:
        raise InvalidInput(f"backtest: no poll file for {', '.join(map(str, missing))} (files cover {sorted(by_year)})")
    result = run_backtest({y: read_polls(by_year[y], poll_format) for y in options.years}, options.days_before)
    doc = backtest_out(result)
    if json:
        print_json(doc)
    else:
        _show_scores(doc)
    if plot is not None:
        from electoral.forecast.plot import plot_calibration

        plot_calibration(result, plot)


def _refuse(message: str) -> None:
    raise InvalidInput(f"backtest: {message}")


def _backtest_options(args: list[str]) -> argparse.Namespace:
    """``POLLS... --years Y... [--days-before D...]`` (argparse: its errors become one InvalidInput line)."""
    from electoral.limits import LIMITS

    parser = argparse.ArgumentParser(prog="electoral forecast backtest", exit_on_error=False, add_help=False)
    parser.error = _refuse  # type: ignore[method-assign]
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--years", nargs="+", type=int, default=[])
    parser.add_argument("--days-before", nargs="+", type=int, default=[100, 50, 14, 1])
    try:
        options = parser.parse_intermixed_args(args)
    except argparse.ArgumentError as exc:
        raise InvalidInput(f"backtest: {exc}") from None
    if not options.paths or not options.years:
        raise InvalidInput("backtest: give poll files (or folders) and --years, e.g. polls/ --years 2016 2020")
    for days in options.days_before:
        LIMITS["days_before"].check(days, "backtest: --days-before")
    return options


# Backtest table columns: (header, field, format).
SCORE_COLUMNS = (("year", "year", "{}"), ("days", "days_before", "{}"), ("polls", "polls", "{}"),
                 ("Brier", "brier", "{:.4f}"), ("Brier EV", "brier_ev", "{:.4f}"), ("Brier dist.", "brier_districts", "{:.3f}"),
                 ("log loss", "log_loss", "{:.3f}"), ("RMSE", "rmse", "{:.2f}"), ("cov80", "coverage_80", "{:.2f}"),
                 ("cov95", "coverage_95", "{:.2f}"), ("nat. err", "national_error", "{:+.2f}"),
                 ("EV err", "ev_error", "{:+.0f}"), ("P(D)", "p_win", "{:.2f}"))


def _show_scores(doc: object) -> None:
    table = Table(title="Backtest (50 states + DC; districts separately)")
    for header, _, _ in SCORE_COLUMNS:
        table.add_column(header, justify="right")
    for s in doc.scores:  # type: ignore[attr-defined]
        table.add_row(*[fmt.format(getattr(s, field)) for _, field, fmt in SCORE_COLUMNS])
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("forecast", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(forecast_command)
