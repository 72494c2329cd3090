"""Counting a contingent ballot: one vote per state in the House, one per Senator in the Senate.

Pure functions over plain mappings. A state whose delegation is divided (or casts a blank) gives no
vote; a choice needs a majority of ALL the states (not of those voting) and a quorum of members
from two-thirds of the states. The Senate needs a majority of the whole number of Senators.

>>> from electoral.contingent.rules import contingent_rule
>>> b = count_house_ballot({"GA": "Jefferson", "DE": None, "NY": "Jefferson"}, 4, contingent_rule(1800))
>>> b.needed, b.chosen, b.no_vote, b.quorum_met
(3, None, ('DE',), True)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from electoral.contingent.rules import ContingentRule, house_quorum, senate_needed, senate_quorum, states_needed
from electoral.errors import InvalidInput


@dataclass(frozen=True)
class HouseBallot:
    """One House ballot: the states for each candidate, the states casting no vote, and the result."""

    states: int  # states in the Union (DC has no vote)
    needed: int  # a majority of all the states
    quorum: int  # states that must have a member present
    present: int  # states with a member present
    votes: tuple[tuple[str, tuple[str, ...]], ...]  # candidate -> states, most votes first
    no_vote: tuple[str, ...]  # divided, blank or vacant delegations
    chosen: str | None

    @property
    def quorum_met(self) -> bool:
        """Whether members from two-thirds of the states were present."""
        return self.present >= self.quorum

    def count(self, candidate: str) -> int:
        """States voting for ``candidate``."""
        return next((len(states) for name, states in self.votes if name == candidate), 0)


def count_house_ballot(state_votes: Mapping[str, str | None], states: int, rule: ContingentRule,
                       present: int | None = None) -> HouseBallot:
    """Count one House ballot: ``state_votes`` maps each voting state to a candidate or None (no vote).

    ``present`` is the number of states with a member present (default: every state in ``state_votes``).

    >>> from electoral.contingent.rules import contingent_rule
    >>> votes = {f"S{i}": "A" for i in range(26)} | {f"T{i}": "B" for i in range(23)} | {"MI": None}
    >>> count_house_ballot(votes, 50, contingent_rule(2020)).chosen
    'A'
    >>> count_house_ballot(dict(list(votes.items())[1:]), 50, contingent_rule(2020)).chosen is None
    True
    """
    if len(state_votes) > states:
        raise InvalidInput(f"{len(state_votes)} state votes exceed the {states} states in the Union")
    by_candidate: dict[str, list[str]] = {}
    for state, candidate in state_votes.items():
        if candidate is not None:
            by_candidate.setdefault(candidate, []).append(state)
    votes = tuple(sorted(((c, tuple(sorted(s))) for c, s in by_candidate.items()), key=lambda v: (-len(v[1]), v[0])))
    needed = states_needed(states)
    quorum = house_quorum(states, rule)
    present = len(state_votes) if present is None else present
    chosen = votes[0][0] if votes and len(votes[0][1]) >= needed and present >= quorum else None
    no_vote = tuple(sorted(s for s, c in state_votes.items() if c is None))
    return HouseBallot(states, needed, quorum, present, votes, no_vote, chosen)


@dataclass(frozen=True)
class SenateVote:
    """The Senate's vote for Vice President."""

    senators: int  # the whole number of Senators
    needed: int
    quorum: int | None
    votes: tuple[tuple[str, int], ...]  # candidate -> Senators, most first
    chosen: str | None


def count_senate_vote(votes: Mapping[str, int], senators: int, rule: ContingentRule) -> SenateVote:
    """Count the Senate's vote: a majority of the whole number of Senators elects.

    >>> from electoral.contingent.rules import contingent_rule
    >>> count_senate_vote({"Johnson": 33, "Granger": 16}, 52, contingent_rule(1836)).chosen
    'Johnson'
    >>> count_senate_vote({"A": 50, "B": 50}, 100, contingent_rule(2020)).chosen is None
    True
    """
    if sum(votes.values()) > senators or any(v < 0 for v in votes.values()):
        raise InvalidInput(f"Senate votes {dict(votes)} do not fit {senators} Senators")
    needed = senate_needed(senators)
    quorum = senate_quorum(senators, rule)
    ranked = tuple(sorted(votes.items(), key=lambda v: (-v[1], v[0])))
    voting = sum(votes.values())
    enough = quorum is None or voting >= quorum
    chosen = ranked[0][0] if ranked and ranked[0][1] >= needed and enough else None
    return SenateVote(senators, needed, quorum, ranked, chosen)
