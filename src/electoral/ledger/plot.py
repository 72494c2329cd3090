"""Plot a ledger's electoral votes over time (matplotlib is an optional extra: ``pip install 'electoral[plot]'``).

One step line per candidate of the electoral votes under a measure (certified by default), the majority line,
and a mark at the moment each candidate first held the majority. Written atomically, in the format the file
name says (see :mod:`electoral.probability.plot`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from electoral.errors import InvalidInput
from electoral.ledger.status import Timeline, series
from electoral.probability.plot import _pyplot, plot_format, write_atomically

COLORS = {"D": "#2166ac", "R": "#b2182b"}  # by the candidate's side; others grey
OTHER = "#777777"


def plot_ledger(t: Timeline, path: str | Path, measure: str = "certified") -> Path:
    """Write the plot of ``measure`` over the timeline ``t`` to ``path`` (``.png``, ``.pdf`` or ``.svg``).

    Raises :class:`electoral.errors.InvalidInput` for an unknown measure or file suffix, a timeline with no
    electoral votes under ``measure`` (nothing to plot), or an unwritable file.

    >>> import tempfile, pathlib
    >>> from electoral.ledger.history import packaged_timeline
    >>> plot_ledger(packaged_timeline(2020), pathlib.Path(tempfile.mkdtemp()) / "c.png").stat().st_size > 1000
    True
    """
    file_format = plot_format(path)
    points = series(t, measure)
    if not any(totals for _, totals in points):
        raise InvalidInput(f"nothing to plot: the {t.year} ledger has no electoral votes {measure} yet")
    plt = _pyplot(headless=True)
    figure, ax = plt.subplots(figsize=(8, 3.6), dpi=100)
    try:
        _draw(ax, t, points, measure)
        target = Path(path)
        write_atomically(target, lambda handle: figure.savefig(handle, format=file_format, bbox_inches="tight"))
    finally:
        plt.close(figure)
    return target


def _draw(ax: Any, t: Timeline, points: list, measure: str) -> None:
    names = sorted({name for _, totals in points for name in totals},
                   key=lambda name: -max(totals.get(name, 0) for _, totals in points))
    for name in names:
        color = COLORS.get(_side(t.year, name), OTHER)
        times = [at for at, _ in points]
        ax.step(times, [totals.get(name, 0) for _, totals in points], where="post", color=color, label=name)
        for m in t.milestones:
            if m.measure == measure and m.candidate == name:
                ax.plot([m.at], [m.electoral_votes], "o", color=color)
                ax.annotate(f"{m.electoral_votes} ({m.at:%d %b})", (m.at, m.electoral_votes), fontsize=8,
                            xytext=(4, -12), textcoords="offset points")
    ax.axhline(t.majority, color="black", linestyle="--", linewidth=1)
    ax.text(ax.get_xlim()[1], t.majority + 4, f"{t.majority} to win ", fontsize=8, ha="right")
    ax.set_title(f"{t.year}: electoral votes {measure} per candidate (packaged ledger)", fontsize=10)
    ax.set_ylabel(f"Electoral votes {measure}")
    ax.legend(loc="upper left", fontsize=8)
    ax.figure.autofmt_xdate()


def _side(year: int, name: str) -> str:
    """The candidate's side (D, R or other) by the record's party; other for a year the record lacks."""
    from electoral.record import election
    from electoral.sides import side_of
    from electoral.units import election_years

    return side_of(election(year).parties.get(name)) if year in election_years() else "other"
