"""The optional matplotlib plot writes a PNG of the electoral-vote histogram."""

from __future__ import annotations

import pytest

from electoral.probability import exact, load_forecast

pytest.importorskip("matplotlib")


def test_plot_writes_a_png_with_the_majority_line(tmp_path) -> None:
    d = exact(load_forecast("example-2020", national=0.6), {"PA": "R"})
    path = tmp_path / "ev.png"
    ax = d.plot(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
    assert [line.get_xdata()[0] for line in ax.get_lines()] == [269.5]  # the 270 line
    assert "PA=R" in ax.get_title() and ax.get_xlabel() == "Electoral votes for D"
