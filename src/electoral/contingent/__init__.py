"""Contingent elections: the House chooses the President, the Senate the Vice President.

- :mod:`~electoral.contingent.rules`: the rules by era (Art. II, 12th, 20th Amendment) and the Congress that decides;
- :mod:`~electoral.contingent.congress`: each state's delegation and the Senate on a Congress's first day;
- :mod:`~electoral.contingent.count`: counting a House ballot (one vote per state) or the Senate's vote;
- :mod:`~electoral.contingent.election`: a year or a what-if, decided on party lines;
- :mod:`~electoral.contingent.recorded`: the ballots of 1801, 1825 and 1837 counted again;
- :mod:`~electoral.contingent.tie`: the closest flip to a tie, for any year;
- the JSON document (CLI ``--json`` and HTTP API) is :mod:`electoral.output.contingent`.

>>> from electoral.contingent import contingent_election, tie_scenario
>>> e = contingent_election(2024, tie_scenario(2024))
>>> e.house.congress, e.president, e.senate.chosen
(119, 'Donald Trump', 'JD Vance')
"""

from __future__ import annotations

from electoral.contingent.congress import Delegation, House, Senate, house, senate
from electoral.contingent.count import HouseBallot, SenateVote, count_house_ballot, count_senate_vote
from electoral.contingent.election import ContingentElection, contingent_election
from electoral.contingent.recorded import RecordedBallot, recorded_ballots
from electoral.contingent.rules import ContingentRule, contingent_rule, deciding_congress
from electoral.contingent.tie import tie_flips, tie_scenario

__all__ = [
    "ContingentElection", "ContingentRule", "Delegation", "House", "HouseBallot", "RecordedBallot", "Senate",
    "SenateVote", "contingent_election", "contingent_rule", "count_house_ballot", "count_senate_vote",
    "deciding_congress", "house", "recorded_ballots", "senate", "tie_flips", "tie_scenario",
]
