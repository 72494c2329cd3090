"""The allocation registry is open: a method registered here works in what-ifs with no other file edited.

Two methods the package does not have, registered through the public function: ``loser-take-all``
(every elector to the best candidate other than the statewide winner) and ``half-and-half`` (half
the electors, rounded up, to the winner, the rest to the runner-up). Expected figures are computed
here from the record's popular votes, not by the engine.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import electoral
from electoral.api.app import create_app
from electoral.errors import InvalidInput
from electoral.record import election
from electoral.rules.allocation import (
    ALIASES, ALLOCATION_METHODS, Allocation, AllocationMethod, StateVote, parse_method, register_method,
)
from electoral.scenario import Scenario, Swing, run


def _others(vote: StateVote) -> list[tuple[str, float]]:
    """The state's candidates other than its winner, most votes first."""
    return sorted(((n, v) for n, v in vote.votes if n != vote.winner), key=lambda nv: -nv[1])


def _loser_take_all(vote: StateVote, rounding: str) -> Allocation:
    return Allocation("loser-take-all", ((vote.state, ((_others(vote)[0][0], vote.electors),)),))


def _half_and_half(vote: StateVote, rounding: str) -> Allocation:
    first = (vote.electors + 1) // 2
    split = ((vote.winner, first), (_others(vote)[0][0], vote.electors - first))
    return Allocation("half-and-half", ((vote.state, split),))


@pytest.fixture(scope="module", autouse=True)
def registered():
    methods = [
        register_method(AllocationMethod("loser-take-all", "every elector to the best of the others", _loser_take_all,
                                         {"winner", "votes"}, flip_overrides=True)),
        register_method(AllocationMethod("half-and-half", "half to the winner, half to the runner-up",
                                         _half_and_half, {"winner", "votes"}, flip_overrides=True)),
        register_method(AllocationMethod("votes-only", "as half-and-half, but a flip cannot name the winner",
                                         _half_and_half, {"votes"})),
    ]
    yield
    for method in methods:
        del ALLOCATION_METHODS[method.name]


def _statewide(year: int) -> dict[str, list[tuple[str, float]]]:
    """State -> candidates by statewide votes, most first (from the record's popular-vote table)."""
    df = election(year).popular_vote()
    df = df[df["kind"] == "candidate"].groupby(["state", "candidate"], sort=False)["votes"].sum().reset_index()
    return {st: sorted(zip(g["candidate"], g["votes"]), key=lambda cv: -cv[1]) for st, g in df.groupby("state")}


def _state_electors(year: int) -> dict[str, int]:
    units = election(year).units
    out: dict[str, int] = {}
    for st, n in zip(units.states, units.electoral_votes):
        out[st] = out.get(st, 0) + int(n)
    return out


def test_a_registered_method_runs_everywhere() -> None:
    ranked, electors = _statewide(2020), _state_electors(2020)
    expected: dict[str, int] = {}
    for st, n in electors.items():
        expected[ranked[st][1][0]] = expected.get(ranked[st][1][0], 0) + n
    result = run(Scenario(2020, method="loser-take-all"))
    assert {c.name: c.electoral_votes for c in result.tally.candidates if c.electoral_votes} == expected
    assert expected["Donald Trump"] == sum(n for st, n in electors.items() if ranked[st][0][0] == "Joe Biden")
    # district states become one unit of all their electors
    units = {u.unit: u for u in result.units}
    assert "NE-2" not in units and units["NE"].votes == (("Joe Biden", 5),) and units["NE"].how == "loser-take-all"


def test_a_flip_names_the_winner_the_method_reads() -> None:
    result = run(Scenario(2020, methods={"GA": "loser-take-all"}, flips={"GA": None}))
    units = {u.unit: u for u in result.units}
    assert units["GA"].votes == (("Joe Biden", 16),)  # flipped to Trump, so the loser is Biden
    assert result.tally.electoral_votes("Joe Biden") == 306
    with pytest.raises(InvalidInput, match="flips GA conflicts with the votes-only method"):
        run(Scenario(2020, methods={"GA": "votes-only"}, flips={"GA": None}))


def test_a_swing_moves_the_winner_the_method_reads() -> None:
    before = {u.unit: u for u in run(Scenario(2020, methods={"AZ": "half-and-half"})).units}
    after = {u.unit: u for u in run(Scenario(2020, methods={"AZ": "half-and-half"}, swing=Swing("R", 1.5))).units}
    assert before["AZ"].votes == (("Joe Biden", 6), ("Donald Trump", 5))
    assert after["AZ"].votes == (("Donald Trump", 6), ("Joe Biden", 5))


def test_district_states_and_their_flips() -> None:
    units = {u.unit: u for u in run(Scenario(2020, methods={"NE": "half-and-half", "ME": "half-and-half"})).units}
    assert units["NE"].votes == (("Donald Trump", 3), ("Joe Biden", 2)) and units["NE"].electors == 5
    assert units["ME"].votes == (("Joe Biden", 2), ("Donald Trump", 2))
    assert not {"NE-1", "NE-2", "NE-3", "ME-1", "ME-2"} & set(units)
    flipped = {u.unit: u for u in run(Scenario(2020, methods={"NE": "half-and-half"}, flips={"NE": "D"})).units}
    assert flipped["NE"].votes == (("Joe Biden", 3), ("Donald Trump", 2))


def test_the_interfaces_take_the_new_name() -> None:
    assert parse_method("Loser-Take-All") == ("loser-take-all", "hamilton")
    with pytest.raises(InvalidInput, match="only the proportional method takes a rounding rule"):
        parse_method("loser-take-all:webster")
    answer = TestClient(create_app()).post("/api/whatif", json={"year": 2016, "method": "half-and-half"})
    assert answer.status_code == 200 and answer.json()["scenario"]["method"] == "half-and-half"


# The same word, meaning something else: AP's reporting-unit level "district" (a congressional district's race).
NOT_METHODS = {("ledger/feeds.py", "district")}


def test_no_method_name_outside_the_registry() -> None:
    """Only rules/allocation.py names a method: nothing else can branch on one (docstrings aside)."""
    names = set(ALLOCATION_METHODS) | set(ALIASES.values())
    package = Path(electoral.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        if path == package / "rules" / "allocation.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.lower()
                if (str(path.relative_to(package)), text) in NOT_METHODS:
                    continue
                if text in names or ":" in text and text.split(":")[0] in names:
                    found.append(f"{path.relative_to(package)}:{node.lineno}: {node.value!r}")
    assert found == []
