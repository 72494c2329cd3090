"""The optional matplotlib plot writes a PNG of the electoral-vote histogram."""

from __future__ import annotations

import os
import stat

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


def test_a_new_plot_gets_the_umasks_permissions_and_an_overwritten_one_keeps_its_mode(tmp_path) -> None:
    from electoral.probability.plot import write_atomically

    path = tmp_path / "ev.png"
    old = os.umask(0o027)
    try:
        write_atomically(path, lambda handle: handle.write(b"new"))
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # 0666 less the umask, as open() would give
    path.chmod(0o604)
    write_atomically(path, lambda handle: handle.write(b"again"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o604 and path.read_bytes() == b"again"
