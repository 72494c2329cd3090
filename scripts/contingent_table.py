#!/usr/bin/env python3
"""The contingent election of every year 1976-2024 under its closest tie, as a Markdown table.

Writes the table into ``docs/contingent.md`` between the ``contingent-table`` markers (deterministic;
reads only the packaged tables through the library):

    python scripts/contingent_table.py            # rewrite the table in docs/contingent.md
    python scripts/contingent_table.py --print    # print it instead

Per year: the units flipped (``electoral.contingent.tie_flips``: the winner's closest units giving a
tie, else no majority) and the electoral votes after them; the House that would decide (Congress,
first day) with its delegations by majority party; the House's choice on party lines with the states
for each side; the Senate's composition and its choice of Vice President on party lines.
``tests/contingent/test_contingent_table.py`` checks the table against the library.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from electoral.contingent import contingent_election, tie_scenario
from electoral.contingent.congress import ordinal
from electoral.output.contingent import ContingentOut, contingent_doc

DOC = Path(__file__).resolve().parent.parent / "docs" / "contingent.md"
START, END = "<!-- contingent-table:start -->", "<!-- contingent-table:end -->"
YEARS = range(1976, 2025, 4)
HEADER = ("| Year | Flipped (closest) | Electoral votes | House deciding | Delegations R / D / split / other | "
          "Split or no vote | House's choice (states) | Senate D / R / other / vacant | Senate's choice (VP) |\n"
          "|---|---|---|---|---|---|---|---|---|")


def row(doc: ContingentOut) -> str:
    """One table row of a contingent election document."""
    h, s = doc.house, doc.senate
    votes = " - ".join(f"{c.name} {c.electoral_votes}" for c in doc.electoral_votes)
    flips = ", ".join(doc.what_if["flips"]) if doc.what_if else ""
    m = h.by_majority
    others = m["other"] + m["none"]
    chosen = h.chosen or "no choice"
    states = "; ".join(f"{v.count} {v.candidate.split()[-1]}" for v in h.votes)
    vp = s.chosen or ("no choice (tie)" if s.votes and s.votes[0].senators == s.votes[-1].senators else "no choice")
    return (f"| {doc.year} | {flips} | {votes} | {ordinal(h.congress)}, {h.reference_date} | "
            f"{m['rep']} / {m['dem']} / {m['split']} / {others} | {', '.join(h.no_vote) or '-'} | "
            f"{chosen} ({states}; {h.needed} needed) | {s.dem} / {s.rep} / {s.other} / {s.vacant} | {vp} |")


def table() -> str:
    """The whole table, header included."""
    return "\n".join([HEADER, *(row(contingent_doc(contingent_election(y, tie_scenario(y)))) for y in YEARS)])


def main(argv: list[str]) -> None:
    text = table()
    if "--print" in argv:
        print(text)
        return
    doc = DOC.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(doc):
        sys.exit(f"no {START} ... {END} markers in {DOC.name}")
    DOC.write_text(pattern.sub(lambda _: f"{START}\n{text}\n{END}", doc), encoding="utf-8")
    print(f"{DOC.name}: {len(YEARS)} rows")


if __name__ == "__main__":
    main(sys.argv[1:])
