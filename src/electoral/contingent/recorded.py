"""The recorded ballots of the three real contingent elections, counted again under the rules.

``contingent_ballots.csv``: 1801 (House, ballots 1-35 and the 36th), 1825 (House, first ballot),
1837 (Senate, Vice President). Each recorded ballot is counted with :mod:`electoral.contingent.count`
over the number of states (or Senators) the record gives, so the rules reproduce each result.

>>> [(b.ballot, b.counted.chosen) for b in recorded_ballots(1800)]
[('1-35', None), ('36', 'Thomas Jefferson')]
>>> recorded_ballots(1824)[0].counted.chosen, recorded_ballots(1836)[0].counted.chosen
('John Quincy Adams', 'Richard Mentor Johnson')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from electoral.contingent.count import HouseBallot, SenateVote, count_house_ballot, count_senate_vote
from electoral.contingent.rules import contingent_rule
from electoral.data.loaders import rows_for

NO_VOTE = ("divided (blank)", "blank ballot")


@dataclass(frozen=True)
class RecordedBallot:
    """One recorded ballot and the same ballot counted under the rules."""

    year: int
    body: str  # "House" or "Senate"
    congress: int
    date: str
    ballot: str  # "1-35", "36", "1"
    votes: tuple[tuple[str, int, tuple[str, ...]], ...]  # candidate (or no vote), count, states
    needed: str  # as recorded: "9 of 16"
    units: int  # states (House) or Senators (Senate) the record counts
    counted: HouseBallot | SenateVote
    source: str


def _units(needed: str) -> int:
    """The number of states or Senators in a recorded 'needed' text: '9 of 16' -> 16, '(52 senators -> 27)' -> 52."""
    match = re.search(r"of (\d+)$", needed) or re.search(r"\((\d+) senators", needed)
    if match is None:
        raise ValueError(f"unreadable recorded majority {needed!r}")
    return int(match.group(1))


def _ballot(year: int, rows: list[Any]) -> RecordedBallot:
    first = rows[0]
    units = _units(first.needed)
    rule = contingent_rule(year)
    votes = tuple((r.candidate, r.count, tuple(r.units.split())) for r in rows)
    if first.body == "House":
        state_votes = {s: (None if name in NO_VOTE else name) for name, _, states in votes for s in states}
        counted: HouseBallot | SenateVote = count_house_ballot(state_votes, units, rule)
    else:
        counted = count_senate_vote({name: n for name, n, _ in votes}, units, rule)
    through = first.through_ballot
    label = str(first.ballot) if through == first.ballot else f"{first.ballot}-{through}"
    return RecordedBallot(year, first.body, first.congress, first.date.isoformat(), label, votes, first.needed,
                          units, counted, first.source)


def recorded_ballots(year: int) -> tuple[RecordedBallot, ...]:
    """The recorded ballots of the election of ``year`` (empty for the other years)."""
    rows = rows_for("contingent_ballots", year)
    return tuple(_ballot(year, list(group)) for _, group in groupby(rows, key=lambda r: (r.body, r.ballot)))
