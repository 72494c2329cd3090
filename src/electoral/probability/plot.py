"""Plot an electoral-vote distribution (matplotlib is an optional extra: ``pip install 'electoral[plot]'``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from electoral.errors import InvalidInput

if TYPE_CHECKING:
    from electoral.probability.distribution import Distribution


def plot_distribution(distribution: Distribution, path: str | Path | None = None, ax: Any = None) -> Any:
    """Bar chart of P(first side wins k electoral votes) with the majority line; writes a PNG if ``path``.

    >>> from electoral.probability import exact, make_forecast
    >>> ax = plot_distribution(exact(make_forecast(2020, {}, default_probability=0.5)))
    >>> ax.get_xlabel()
    'Electoral votes for D'
    """
    try:
        import matplotlib

        if ax is None and path is not None:
            matplotlib.use("Agg")  # file output needs no display
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover - the plot extra is not installed
        raise InvalidInput("plotting needs the 'plot' extra: pip install 'electoral[plot]'") from None
    first, second = distribution.sides
    figure = None
    if ax is None:
        figure, ax = plt.subplots(figsize=(9, 4.5), dpi=100)
    need = distribution.majority_needed
    k = range(distribution.total + 1)
    colors = ["#2166ac" if v >= need else ("#b2182b" if v <= distribution.total - need else "#777777") for v in k]
    ax.bar(list(k), distribution.pmf, width=1.0, color=colors, linewidth=0)
    ax.axvline(need - 0.5, color="black", linestyle="--", linewidth=1)
    ax.text(need, ax.get_ylim()[1] * 0.95, f" {need} to win", va="top", fontsize=9)
    source = "exact" if distribution.draws is None else f"{distribution.draws:,} draws"
    given = "" if not distribution.given else " | " + ", ".join(f"{u}={s}" for u, s in distribution.given)
    ax.set_title(f"{distribution.units.year}: P({first} wins) {distribution.p_win(first):.1%}, "
                 f"P({second} wins) {distribution.p_win(second):.1%}, tie {distribution.p_tie:.2%} ({source}{given})",
                 fontsize=10)
    ax.set_xlabel(f"Electoral votes for {first}")
    ax.set_ylabel("Probability")
    ax.set_xlim(-0.5, distribution.total + 0.5)
    if path is not None:
        (figure or ax.figure).savefig(path, format="png", bbox_inches="tight")
        if figure is not None:
            plt.close(figure)
    return ax
