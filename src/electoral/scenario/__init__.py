"""What-ifs: a year's record (or its bare allotment) with overrides -> the same Tally, plus a Diff.

A :class:`Scenario` starts from the historical election of ``year`` and may

- ``flips``: give a state or district to another candidate (``{"GA": None}`` = to the other of
  the two leading candidates, or ``{"GA": "Trump"}``); a state code means its at-large electors;
- ``swing`` / ``state_swings``: shift margins by percentage points (``Swing("R", 1.5)`` moves
  every unit's margin 1.5 points toward the Republican; a state's districts move with it); the
  margins are shares of all votes, or of the two-party vote with ``margin="two-party"``
  (:mod:`electoral.margins`);
- ``method`` / ``methods``: change the allocation method for all states or some (see
  :mod:`electoral.rules.allocation`);
- ``house_size`` / ``apportionment_method`` / ``census``: re-apportion the House, and so the electors;
- ``add_states`` / ``remove``: add a state with a population (e.g. Puerto Rico) or drop units;
- ``blank``: start from the allotment with no results (then name winners with ``flips``);
- ``faithless``: electors of a unit vote against their pledge (``{"TX": Defection(2, "Biden")}``); the
  state's law in force that year (:mod:`electoral.rules.faithless`) counts their votes or voids them
  (the electors replaced, the votes stay with the pledged candidate); ``result.faithless`` says which;
- ``compact``: the popular-vote compact (:mod:`electoral.rules.compact`): ``"members"`` (members on
  that year's Election Day, in force only with a majority of electors), ``"as-if"`` (the members,
  applied whatever they hold), ``"all"``; ``result.compact`` gives the members and whether it applied.

A unit whose winner, electors and method are unchanged keeps its electoral votes as cast
(faithless electors included), so an empty scenario reproduces the historical tally exactly.

The package: :mod:`~electoral.scenario.spec` (the scenario and its text grammar),
:mod:`~electoral.scenario.baseline` (each year's record, computed once),
:mod:`~electoral.scenario.plan` (inputs resolved once), :mod:`~electoral.scenario.engine`
(:func:`run`), :mod:`~electoral.scenario.result` (outcomes and the diff). The smallest swing that
changes the outcome is an analysis, :mod:`electoral.analysis.swings` (also exported here).

>>> r = run(Scenario(2020, flips={"GA": None, "AZ": None, "WI": None}))
>>> r.tally.electoral_votes("Joe Biden"), r.tally.electoral_votes("Donald Trump"), r.tally.winner
(269, 269, None)
>>> r.tally.outcome.startswith("no majority: the House chooses")
True
"""

from __future__ import annotations

from typing import Any

from electoral.candidates import resolve_candidate
from electoral.scenario.baseline import recorded_units
from electoral.scenario.engine import run
from electoral.scenario.plan import Plan, plan
from electoral.scenario.result import (
    CandidateChange, CompactStatus, Diff, FaithlessVote, ScenarioResult, StateChanges, UnitFlip, UnitOutcome, state_changes,
)
from electoral.scenario.spec import (
    COMPACT_MODES, REAPPORTIONING, Defection, Scenario, Swing, parse_faithless, parse_optional_pairs, parse_swing,
    reapportions, replace_year, state_names,
)

__all__ = [
    "COMPACT_MODES", "REAPPORTIONING", "CandidateChange", "CompactStatus", "Defection", "Diff", "FaithlessVote",
    "Plan", "Scenario", "ScenarioResult", "StateChanges", "Swing", "SwingThreshold", "UnitFlip", "UnitOutcome", "parse_faithless",
    "parse_optional_pairs", "parse_swing", "plan", "reapportions", "recorded_units",
    "replace_year", "resolve_candidate", "run", "smallest_swings", "state_changes", "state_names",
]

_ANALYSIS = {"smallest_swings", "SwingThreshold"}  # electoral.analysis.swings runs scenarios: imported on use


def __getattr__(name: str) -> Any:
    """``smallest_swings`` and ``SwingThreshold`` from :mod:`electoral.analysis.swings`, loaded on first use."""
    if name in _ANALYSIS:
        from electoral.analysis import swings

        return getattr(swings, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
