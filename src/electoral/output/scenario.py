"""Output models of what-ifs: the map page's side tally, a what-if's result and the smallest swings.

>>> from electoral.scenario import Scenario, run
>>> doc = whatif_out(run(Scenario(2020, flips={"GA": None})))
>>> doc.diff.flipped[0].unit, doc.diff.winner_changed, doc.tally.winner
('GA', False, 'Joe Biden')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from electoral.output.base import MarginName, Output
from electoral.output.record import TallyOut, tally_out

if TYPE_CHECKING:  # shapes only
    from electoral.scenario import ScenarioResult, Swing, SwingThreshold, UnitOutcome
    from electoral.sides import SideTally

Side = Literal["D", "R", "O"]


class ScenarioOut(Output):
    year: int
    electoral_votes: dict[str, int] = Field(description="Side (D, R, O) -> electoral votes won.")
    undecided: int
    majority_needed: int
    winner: Side | None
    outcome: str


def side_tally_out(result: SideTally) -> ScenarioOut:
    """Electoral votes per side for a map of unit winners (``POST /api/scenario``).

    >>> from electoral.sides import tally_sides
    >>> from electoral.units import units_for
    >>> side_tally_out(tally_sides(units_for(2020), {"CA": "D"})).electoral_votes
    {'D': 55, 'R': 0, 'O': 0}
    """
    return ScenarioOut.of(year=result.year, electoral_votes=dict(result.electoral_votes),
                                       undecided=result.undecided, majority_needed=result.majority_needed,
                                       winner=result.winner, outcome=result.outcome)


class UnitFlipOut(Output):
    unit: str
    before: str | None
    after: str | None
    electoral_votes: int


class CandidateChangeOut(Output):
    name: str
    actual: int
    scenario: int
    change: int


class DiffOut(Output):
    flipped: list[UnitFlipOut]
    changed_states: list[str]
    candidates: list[CandidateChangeOut]
    winner_before: str | None
    winner_after: str | None
    winner_changed: bool
    no_majority: bool
    outcome: str


class ScenarioUnitOut(Output):
    unit: str
    state: str
    electors: int
    how: str
    votes: dict[str, int]
    winner: str | None


class FaithlessVoteOut(Output):
    unit: str
    state: str
    electors: int
    pledged: str = Field(description="The candidate the electors were pledged to.")
    to: str = Field(description="The candidate they voted for instead.")
    counted: bool = Field(description="True: counted for `to`; false: voided, the electors replaced, the votes "
                                      "stay with `pledged`.")
    law: str = Field(description="The state's faithless-elector law that year: none, binding, void or unrecorded.")
    law_text: str
    source: str


class CompactStatusOut(Output):
    mode: str = Field(description="members, as-if, all, or chosen (states given the compact's method one by one).")
    members: list[str]
    electoral_votes: int = Field(description="The members' electors together.")
    needed: int = Field(description="A majority of all electors: what brings the compact into force.")
    active: bool = Field(description="Whether the members hold that majority.")
    applied: bool = Field(description="Whether the members' electors followed the national popular vote.")


class WhatIfOut(Output):
    year: int
    scenario: dict[str, Any] = Field(description="The scenario as run (echoes the request, parsed).")
    tally: TallyOut
    actual: TallyOut
    diff: DiffOut
    units: list[ScenarioUnitOut]
    notes: list[str]
    faithless: list[FaithlessVoteOut] = Field(default_factory=list,
                                              description="Faithless electors and what the law in force did.")
    compact: CompactStatusOut | None = Field(None, description="The popular-vote compact, if the scenario names a "
                                             "mode or a state chose its method; a mode with no members says so.")


class SwingThresholdOut(Output):
    toward: str
    points: float = Field(description="Any uniform swing larger than this many margin points changes the outcome.")
    tipping_unit: str
    outcome: str
    margin: MarginName = Field(description="The margin definition the points are in.")


class SwingsOut(Output):
    year: int
    smallest_swings: list[SwingThresholdOut]


class WhatIfSwingsOut(WhatIfOut):
    """``electoral whatif --json``: the what-if and the record's smallest swings (``GET .../smallest-swings``)."""

    smallest_swings: list[SwingThresholdOut]


def unit_document(unit: UnitOutcome) -> dict[str, Any]:
    """One unit of a what-if as its document: :class:`ScenarioUnitOut`'s fields in their order (what
    :func:`unit_out` holds; the what-if route builds up to 56 a request, so it skips the model, and
    ``tests/output`` checks the keys against the model's fields).

    >>> from electoral.scenario import recorded_units
    >>> unit_document(recorded_units(2020)[0])
    {'unit': 'AK', 'state': 'AK', 'electors': 3, 'how': 'as recorded', 'votes': {'Donald Trump': 3}, 'winner': 'Donald Trump'}
    """
    return {"unit": unit.unit, "state": unit.state, "electors": unit.electors, "how": unit.how,
            "votes": dict(unit.votes), "winner": unit.winner}


def unit_out(unit: UnitOutcome) -> ScenarioUnitOut:
    """One unit of a what-if.

    >>> from electoral.scenario import recorded_units
    >>> unit_out(recorded_units(2020)[0]).votes
    {'Donald Trump': 3}
    """
    return ScenarioUnitOut.of(**unit_document(unit))


def _swing(swing: Swing | None) -> dict[str, Any] | None:
    return {"toward": swing.toward, "points": swing.points} if swing else None


def _diff(result: ScenarioResult) -> DiffOut:
    diff = result.diff
    return DiffOut.of(
        flipped=[UnitFlipOut.of(unit=f.unit, before=f.before, after=f.after,
                                             electoral_votes=f.electoral_votes) for f in diff.flipped],
        changed_states=list(diff.changed_states),
        candidates=[CandidateChangeOut.of(name=c.name, actual=c.actual, scenario=c.scenario,
                                                       change=c.change) for c in diff.candidates],
        winner_before=diff.winner_before, winner_after=diff.winner_after, winner_changed=diff.winner_changed,
        no_majority=diff.no_majority, outcome=diff.outcome)


def _whatif_fields(result: ScenarioResult, units: Sequence[Any] | None, actual: Any) -> dict[str, Any]:
    sc = result.scenario
    scenario = {
        "flips": dict(sc.flips), "swing": _swing(sc.swing),
        "state_swings": {k: _swing(v) for k, v in sc.state_swings.items()},
        "method": sc.method, "methods": dict(sc.methods), "house_size": sc.house_size,
        "apportionment_method": sc.apportionment_method, "census": sc.census,
        "add_states": dict(sc.add_states), "remove": list(sc.remove), "blank": sc.blank, "margin": sc.margin,
        "faithless": {code: {"electors": d.electors, "to": d.to} for code, d in sc.faithless.items()},
        "compact": sc.compact,
    }
    return dict(year=sc.year, scenario=scenario, tally=tally_out(result.tally),
                actual=tally_out(result.actual) if actual is None else actual, diff=_diff(result),
                units=[unit_out(u) for u in result.units] if units is None else list(units),
                notes=list(result.notes),
                faithless=[FaithlessVoteOut.of(**_fields(v, FaithlessVoteOut))
                           for v in result.faithless],
                compact=CompactStatusOut.of(**{**_fields(result.compact, CompactStatusOut),
                                               "members": list(result.compact.members)}) if result.compact else None)


def _fields(obj: Any, model: type[Output]) -> dict[str, Any]:
    return {f: getattr(obj, f) for f in model.model_fields}


def whatif_out(result: ScenarioResult, units: Sequence[Any] | None = None, actual: Any = None) -> WhatIfOut:
    """A what-if's tally, the actual tally, the diff and every unit (``POST /api/whatif``).

    ``units`` and ``actual``, if given, stand for the units and the actual tally already encoded
    (the API passes the record's, encoded once per year, as ``orjson.Fragment``).
    """
    return WhatIfOut.of(**_whatif_fields(result, units, actual))


def swing_threshold_out(t: SwingThreshold) -> SwingThresholdOut:
    """One smallest swing."""
    return SwingThresholdOut.of(toward=t.toward, points=t.points, tipping_unit=t.tipping_unit,
                                             outcome=t.outcome, margin=t.margin)


def swings_out(year: int, thresholds: Iterable[SwingThreshold]) -> SwingsOut:
    """The record's smallest uniform swings that change the outcome (``GET /api/elections/{year}/smallest-swings``).

    >>> from electoral.scenario import smallest_swings
    >>> swings_out(2020, smallest_swings(2020)).smallest_swings[0].tipping_unit
    'WI'
    """
    return SwingsOut.of(year=year, smallest_swings=[swing_threshold_out(t) for t in thresholds])


def whatif_swings_out(result: ScenarioResult, thresholds: Iterable[SwingThreshold]) -> WhatIfSwingsOut:
    """:func:`whatif_out` with the record's smallest swings (``electoral whatif --json``)."""
    return WhatIfSwingsOut.of(**_whatif_fields(result, None, None),
                                           smallest_swings=[swing_threshold_out(t) for t in thresholds])
