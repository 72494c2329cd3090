"""Plot an electoral-vote distribution (matplotlib is an optional extra: ``pip install 'electoral[plot]'``).

A plot is written in the format its file name says (:data:`FORMATS`), atomically: to a temporary file in
the same folder, then renamed over the target, so a failed write (a full disk) leaves no partial file and an
existing file as it was; a symbolic link at the target is replaced, never written through. A new file gets
the permissions of any new file (0666 less the umask, like the JSON outputs); an overwritten file keeps its mode.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from electoral.errors import InvalidInput

# File suffix -> matplotlib format; any other suffix is refused rather than written as PNG under its name.
FORMATS: dict[str, str] = {".png": "png", ".pdf": "pdf", ".svg": "svg"}

if TYPE_CHECKING:
    from electoral.probability.distribution import Distribution


def plot_distribution(distribution: Distribution, path: str | Path | None = None, ax: Any = None) -> Any:
    """Bar chart of P(first side wins k electoral votes) with the majority line; writes ``path`` if given.

    The file's suffix picks the format (``.png``, ``.pdf``, ``.svg``; anything else raises
    :class:`InvalidInput`); the write is atomic (see the module). Returns the matplotlib Axes.

    >>> from electoral.probability import exact, make_forecast
    >>> ax = plot_distribution(exact(make_forecast(2020, {}, default_probability=0.5)))
    >>> ax.get_xlabel()
    'Electoral votes for D'
    """
    file_format = plot_format(path) if path is not None else None
    plt = _pyplot(headless=ax is None and path is not None)
    figure = None
    if ax is None:
        figure, ax = plt.subplots(figsize=(9, 4.5), dpi=100)
    _draw(distribution, ax)
    try:
        if path is not None:
            write_atomically(Path(path), lambda handle: (figure or ax.figure).savefig(
                handle, format=file_format, bbox_inches="tight"))
    finally:
        if figure is not None and path is not None:
            plt.close(figure)
    return ax


def _pyplot(headless: bool) -> Any:
    """matplotlib.pyplot; ``headless`` selects the Agg backend (file output needs no display)."""
    try:
        import matplotlib

        if headless:
            matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover - the plot extra is not installed
        raise InvalidInput("plotting needs the 'plot' extra: pip install 'electoral[plot]'") from None
    return plt


def _draw(distribution: Distribution, ax: Any) -> None:
    """The bars (blue: the first side wins, red: the second, grey: no majority), the majority line and labels."""
    first, second = distribution.sides
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


def plot_format(path: str | Path) -> str:
    """The format of a plot file from its suffix; raises :class:`InvalidInput` naming an unknown one.

    >>> plot_format("ev.PDF"), plot_format("ev.png")
    ('pdf', 'png')
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InvalidInput(f"cannot write a plot to {str(path)!r}: the file name must end in "
                           f"{', '.join(FORMATS)} (the format follows the name)")
    return FORMATS[suffix]


def _mode_for(path: Path) -> int:
    """The permission bits ``path`` should get: an existing regular file's own, else 0666 less the umask."""
    with contextlib.suppress(OSError):
        status = os.stat(path, follow_symlinks=False)
        if stat.S_ISREG(status.st_mode):
            return stat.S_IMODE(status.st_mode)
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, write: Any) -> None:
    """Call ``write(handle)`` on a temporary file next to ``path``, then rename it over ``path``.

    On any error the temporary file is removed and ``path`` is left as it was; the error is raised as
    :class:`InvalidInput` naming the file.
    """
    handle = None
    try:
        handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False)
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, _mode_for(path))  # the temporary file is 0600
        os.replace(handle.name, path)
    except BaseException as exc:
        if handle is not None:
            with contextlib.suppress(OSError):
                os.unlink(handle.name)
        if isinstance(exc, OSError):
            raise InvalidInput(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
        raise
