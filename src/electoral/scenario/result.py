"""What a what-if returns: every unit's outcome, the tally, and the diff against the record.

>>> from electoral.scenario import Scenario, run
>>> r = run(Scenario(2020, flips={"GA": None}))
>>> [(f.unit, f.before, f.after, f.electoral_votes) for f in r.diff.flipped]
[('GA', 'Joe Biden', 'Donald Trump', 16)]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING

from electoral.scenario.spec import Scenario
from electoral.tally import Tally

if TYPE_CHECKING:
    from electoral.scenario.baseline import Baseline


@dataclass(frozen=True, slots=True)
class UnitOutcome:
    """Electoral votes of one unit in the scenario, and how they were decided.

    ``votes`` are ``((candidate, electoral votes), ...)``, most first; ``how`` is ``"as recorded"``,
    ``"flip"``, ``"swing"``, an allocation method's label or ``"no result"``.

    >>> UnitOutcome("ME", "ME", 4, (("A", 3), ("B", 1)), "flip").winner
    'A'
    """

    unit: str
    state: str
    electors: int
    votes: tuple[tuple[str, int], ...]
    how: str

    @property
    def winner(self) -> str | None:
        """The candidate with the most of this unit's electoral votes."""
        votes = self.votes
        if len(votes) == 1:  # most units: all electors to one candidate
            return votes[0][0]
        return max(votes, key=itemgetter(1))[0] if votes else None


@dataclass(frozen=True, slots=True)
class UnitFlip:
    """A unit whose winner changed."""

    unit: str
    before: str | None
    after: str | None
    electoral_votes: int


@dataclass(frozen=True, slots=True)
class CandidateChange:
    """One candidate's electoral votes: as recorded, in the scenario, and the change."""

    name: str
    actual: int
    scenario: int

    @property
    def change(self) -> int:
        """Scenario minus actual."""
        return self.scenario - self.actual


@dataclass(frozen=True, slots=True)
class Diff:
    """What the scenario changed against the record."""

    flipped: tuple[UnitFlip, ...]
    changed_states: tuple[str, ...]  # states whose electoral votes are split differently
    candidates: tuple[CandidateChange, ...]
    winner_before: str | None
    winner_after: str | None
    winner_changed: bool
    no_majority: bool
    outcome: str


@dataclass(frozen=True, slots=True)
class FaithlessVote:
    """Faithless electors of one unit and what the state's law in force did with their votes.

    ``counted``: the votes went to ``to``; otherwise they were voided, the electors replaced and the
    votes stayed with ``pledged``. ``law`` is the law's kind (:mod:`electoral.rules.faithless`),
    ``law_text`` says it in words with the statute.
    """

    unit: str
    state: str
    electors: int
    pledged: str
    to: str
    counted: bool
    law: str
    law_text: str
    source: str


@dataclass(frozen=True, slots=True)
class CompactStatus:
    """The popular-vote compact in a what-if: its members there, their electors, and whether it applied.

    ``mode`` is a key of :data:`~electoral.scenario.spec.COMPACT_MODES` or ``"chosen"`` (states given the
    compact's method one by one); ``active``: the members hold ``needed`` electors; ``applied``: the
    members' electors follow the national popular vote (active, or forced by ``as-if`` and ``all``).
    """

    mode: str
    members: tuple[str, ...]
    electoral_votes: int
    needed: int
    active: bool
    applied: bool


@dataclass(frozen=True, slots=True)
class ScenarioResult:
    """A scenario's tally (same type as the record's), the actual tally, and the difference."""

    scenario: Scenario
    tally: Tally
    actual: Tally
    diff: Diff
    units: tuple[UnitOutcome, ...]
    notes: tuple[str, ...]
    faithless: tuple[FaithlessVote, ...] = ()
    compact: CompactStatus | None = None


def positive(split: Mapping[str, int]) -> dict[str, int]:
    """The candidates with electoral votes, for comparing two splits.

    >>> positive({"A": 3, "B": 0})
    {'A': 3}
    """
    return {c: n for c, n in split.items() if n > 0}


_NEW = object()  # a unit the record does not have (an added state)
_unit_flip = lru_cache(maxsize=4096)(UnitFlip)  # shared between what-ifs, as the baseline's decided units


def diff(base: Baseline, recomputed: Sequence[UnitOutcome], tally: Tally, touched: set[str]) -> Diff:
    """What changed; only the ``touched`` states (``recomputed`` units, or removed) can differ from the record.

    >>> from electoral.scenario import Scenario, run
    >>> run(Scenario(2020, flips={"GA": None})).diff.changed_states
    ('GA',)
    """
    flipped: list[UnitFlip] = []
    scenario_split: dict[str, dict[str, int]] = {st: {} for st in touched}
    for o in recomputed:
        winner, was = o.winner, base.before.get(o.unit, _NEW)
        whole = len(o.votes) == 1  # a unit whose electors split (faithless votes, a proportional method) did
        if whole and winner is not None and winner != was and was is not _NEW:  # not change hands: it split
            flipped.append(_unit_flip(o.unit, was, winner, o.electors))
        split = scenario_split[o.state]
        for candidate, n in o.votes:
            split[candidate] = split.get(candidate, 0) + n
    changed = tuple(sorted(st for st in touched if base.actual_split.get(st, {}) != positive(scenario_split[st])))
    before = base.actual_votes
    after = {c.name: c.electoral_votes for c in tally.candidates}
    candidates = tuple(CandidateChange(n, before.get(n, 0), after.get(n, 0)) for n in {**before, **after}
                       if before.get(n) or after.get(n))
    winner_before = base.actual.winner
    return Diff(tuple(flipped), changed, candidates, winner_before, tally.winner, tally.winner != winner_before,
                tally.winner is None and tally.contingent is not None, tally.outcome)


@dataclass(frozen=True, slots=True)
class StateChanges:
    """How the states a what-if changed differ from the record, beyond the units that changed hands.

    ``split``: states whose electoral votes go to other candidates, or in other shares, than recorded (a
    split state made whole, a whole state split); ``resized``: states whose candidates are the record's and
    only their number of electors changed (an apportionment what-if), with the electors before and after.
    """

    split: tuple[str, ...]
    resized: tuple[tuple[str, int, int], ...]


def state_changes(result: ScenarioResult) -> StateChanges:
    """Sort ``result.diff.changed_states`` (minus whole units that flipped) into real splits and new sizes.

    >>> from electoral.scenario import Scenario, run
    >>> state_changes(run(Scenario(2020, add_states={"PR": None}))).resized[:2]
    (('CA', 55, 54), ('FL', 29, 28))
    >>> state_changes(run(Scenario(2020, flips={"ME-2": None}))).split
    ('ME',)
    """
    from electoral.scenario.baseline import baseline

    before = baseline(result.scenario.year).actual_split
    after: dict[str, dict[str, int]] = {}
    for unit in result.units:
        split = after.setdefault(unit.state, {})
        for candidate, n in unit.votes:
            split[candidate] = split.get(candidate, 0) + n
    flipped = {f.unit for f in result.diff.flipped}
    split_states, resized = [], []
    for state in result.diff.changed_states:
        old, new = dict(before.get(state, {})), positive(after.get(state, {}))
        if state in flipped or state not in before:
            continue
        if old.keys() == new.keys() and len(new) == 1:
            resized.append((state, sum(old.values()), sum(new.values())))
        else:
            split_states.append(state)
    return StateChanges(tuple(split_states), tuple(resized))

