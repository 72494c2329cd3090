"""The smallest uniform swing that changes the outcome of an election, checked by running the what-if.

Every unit whose margin is below the swing flips; the threshold is the margin of the unit that
tips the count (checked by running the scenario just past it, so it agrees with
:func:`electoral.scenario.run` by construction). ``margin`` is the margin definition (``all``, the
default, or ``two-party``), the same as the tipping point's (:mod:`electoral.analysis.tipping`).

>>> [(t.tipping_unit, round(t.points, 2)) for t in smallest_swings(2020)]
[('WI', 0.63), ('PA', 1.16)]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from electoral.analysis.inputs import contest
from electoral.errors import InvalidInput
from electoral.margins import DEFAULT_MARGIN, margin_definition
from electoral.scenario import Scenario, Swing, run
from electoral.scenario.baseline import baseline
from electoral.tally import ballot_rule
from electoral.units import validate_year


@dataclass(frozen=True)
class SwingThreshold:
    """The smallest uniform swing (margin points) that changes an outcome, and the unit that tips it."""

    toward: str
    points: float  # any swing larger than this changes the outcome
    tipping_unit: str
    outcome: str
    margin: str = DEFAULT_MARGIN  # the margin definition the points are in (electoral.margins)


def smallest_swings(year: int | str, margin: str | None = None) -> tuple[SwingThreshold, ...]:
    """The smallest uniform swings away from the actual winner that (1) deny them a majority, (2) elect the runner-up.

    One threshold when the same unit does both; none where nothing can be swung (no popular vote,
    two votes per elector, a single candidate). An unknown year or margin raises.

    >>> first = smallest_swings(2020)[0]
    >>> first.toward, first.tipping_unit, round(first.points, 2), first.margin
    ('Donald Trump', 'WI', 0.63, 'all')
    >>> round(smallest_swings(2020, "two-party")[0].points, 2)
    0.64
    """
    year = validate_year(year)
    definition = margin_definition(margin).name
    winner = baseline(year).actual.winner
    if winner is None or ballot_rule(year).votes_per_elector != 1:
        return ()
    try:
        race = contest(year, margin=definition)
    except InvalidInput:  # no popular vote recorded: nothing to swing
        return ()
    if winner not in race.candidates or race.candidates[0] == race.candidates[1]:
        return ()
    side = race.candidates.index(winner)
    loser = race.candidates[1 - side]
    # the swing past which each unit leaves the winner: its margin, or less where a third candidate is second
    swings = race.swing_to_lose(side)
    candidates = sorted({(float(x), code) for x, code, n in zip(swings, race.codes, race.counted[:, side])
                         if n > 0 and 0 < x < math.inf})
    found: list[SwingThreshold] = []
    for threshold, code in candidates:
        points = threshold * 100
        result = run(Scenario(year, swing=Swing(loser, math.nextafter(points, math.inf) + 1e-9), margin=definition))
        denied = result.tally.winner != winner
        if denied and not found:
            found.append(SwingThreshold(loser, points, code, result.tally.outcome, definition))
        if result.tally.winner == loser:
            if found and found[0].tipping_unit == code:
                return tuple(found)  # one unit both denied the majority and elected the runner-up
            found.append(SwingThreshold(loser, points, code, result.tally.outcome, definition))
            return tuple(found)
    return tuple(found)
