"""The what-if's text: about the what-if, with its own electors and majority; splits only where a state splits."""

from __future__ import annotations

import re

import pytest


def _text(run_cli, *args: str) -> list[str]:
    out = run_cli("whatif", *args)
    assert out.returncode == 0, out.stderr
    return " ".join(out.stdout.split()).replace(" winner changed:", "\nwinner changed:").splitlines()


def test_a_540_elector_what_if_never_speaks_of_270_of_538(run_cli) -> None:
    lines = _text(run_cli, "2020", "--add-state", "PR")
    text = " ".join(lines)
    assert "540" in text and "271 needed" in text
    assert "538" not in text and "270" not in text
    assert lines[-1].startswith("winner changed:")


def test_losing_an_elector_is_not_a_split(run_cli) -> None:
    text = " ".join(_text(run_cli, "2020", "--add-state", "PR"))
    assert "split differently" not in text
    assert re.search(r"electors changed: .*MN 10 -> 9", text)


def test_a_district_flip_is_a_split(run_cli) -> None:
    assert "states split differently: ME" in " ".join(_text(run_cli, "2020", "--flip", "ME-2"))


@pytest.mark.parametrize("args", [("2020", "--flip", "GA,AZ,WI"), ("2020", "--house-size", "437")])
def test_the_text_ends_with_the_what_ifs_outcome(run_cli, args) -> None:
    lines = _text(run_cli, *args)
    assert lines[-1].startswith("winner changed:")
    assert not any(line.startswith("record:") for line in lines)


def test_a_house_of_one_seat_is_singular(run_cli) -> None:
    out = run_cli("whatif", "2020", "--house-size", "1")
    assert out.returncode == 2 and "a House of 1 seat is smaller" in out.stderr
