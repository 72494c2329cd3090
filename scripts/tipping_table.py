#!/usr/bin/env python3
"""The tipping point of every election 1828-2024 under both margin definitions, as a Markdown table.

Writes the table into ``docs/analysis.md`` between the ``tipping-table`` markers (deterministic;
reads only the packaged record through the library):

    python scripts/tipping_table.py            # rewrite the table in docs/analysis.md
    python scripts/tipping_table.py --print    # print it instead

Columns: the winner; for each definition (margins as shares of all votes, and of the two-party
vote) the tipping-point unit and the winner's margin there, in points. ``*`` marks a unit a
smaller uniform swing takes from the winner than its margin over the runner-up, because a third
candidate is ahead of the runner-up there (the swing is given in brackets).
``tests/analysis/test_tipping_table.py`` checks the table against the library.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from electoral.analysis.tipping import TippingPoint, tipping_point
from electoral.margins import MARGINS
from electoral.units import election_years

DOC = Path(__file__).resolve().parent.parent / "docs" / "analysis.md"
START, END = "<!-- tipping-table:start -->", "<!-- tipping-table:end -->"
FIRST_YEAR = 1828  # the first election with a popular vote in nearly every state


def cell(tp: TippingPoint) -> tuple[str, str]:
    """The unit and the winner's margin there (points), or dashes without a majority."""
    if tp.unit is None or tp.margin is None or tp.swing is None:
        return "—", "—"
    margin = abs(tp.margin) * 100
    if tp.swing < abs(tp.margin) - 1e-12:
        return f"{tp.unit}*", f"{margin:.2f} ({tp.swing * 100:.2f})"
    return tp.unit, f"{margin:.2f}"


def table() -> str:
    """The Markdown table, one row per election from 1828."""
    names = list(MARGINS)
    head = ["Year", "Winner"] + [f"{part} ({name})" for name in names for part in ("Tipping unit", "Margin")]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for year in (y for y in election_years() if y >= FIRST_YEAR):
        points = [tipping_point(year, margin=name) for name in names]
        winner = points[0].winner if points[0].unit else f"no majority ({points[0].winner} led)"
        cells = [part for tp in points for part in cell(tp)]
        lines.append("| " + " | ".join([str(year), winner, *cells]) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    text = table()
    if "--print" in argv:
        print(text)
        return
    doc = DOC.read_text()
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(doc):
        raise SystemExit(f"no {START} ... {END} markers in {DOC.name}")
    DOC.write_text(pattern.sub(lambda _: f"{START}\n{text}\n{END}", doc))


if __name__ == "__main__":
    main(sys.argv[1:])
