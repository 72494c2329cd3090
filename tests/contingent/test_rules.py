"""The rules of a contingent election as data: pools, majorities, quorums, the deciding Congress."""

from __future__ import annotations

import pytest

from electoral.contingent import contingent_election, contingent_rule, count_house_ballot, deciding_congress
from electoral.contingent.congress import Delegation
from electoral.contingent.election import Eligible, delegation_vote
from electoral.contingent.rules import house_quorum, senate_needed, senate_quorum, states_needed
from electoral.errors import InvalidInput, UnknownYear
from electoral.scenario import Scenario

RULE_2020 = contingent_rule(2020)
PAIR = (Eligible("D", "Democratic", 269, "dem"), Eligible("R", "Republican", 269, "rep"))


@pytest.mark.parametrize(("year", "era", "pool", "house"), [
    (1792, "Art. II (before the 12th Amendment)", 5, "outgoing"),
    (1800, "Art. II (before the 12th Amendment)", 5, "outgoing"),
    (1804, "12th Amendment", 3, "outgoing"),
    (1932, "12th Amendment", 3, "outgoing"),
    (1936, "20th Amendment", 3, "new"),
    (2024, "20th Amendment", 3, "new"),
])
def test_eras(year: int, era: str, pool: int, house: str) -> None:
    rule = contingent_rule(year)
    assert (rule.era, rule.president_pool, rule.deciding_house) == (era, pool, house)
    assert rule.source.startswith("U.S. Constitution")


def test_top_three_after_the_12th_amendment_top_five_before() -> None:
    # 1824: four candidates with electoral votes; the House may choose only among three (Clay is out)
    e1824 = contingent_election(1824)
    assert [c.name for c in e1824.eligible] == ["Andrew Jackson", "John Quincy Adams", "William H. Crawford"]
    # a what-if of 2016 without a majority: seven candidates with electoral votes, three eligible
    e2016 = contingent_election(2016, Scenario(2016, flips={"MI": None, "PA": None}))
    assert len([c for c in e2016.tally.candidates if c.electoral_votes]) == 7
    assert [c.name for c in e2016.eligible] == ["Donald Trump", "Hillary Clinton", "Colin Powell"]
    # before 1804: a tie of two majority holders goes to the House between them, else the top five
    assert contingent_rule(1800).president_pool == 5
    assert [c.name for c in contingent_election(1800).eligible] == ["Aaron Burr", "Thomas Jefferson"]


def test_deciding_congress_lame_duck_before_the_20th_amendment() -> None:
    assert deciding_congress(1800) == 6 and deciding_congress(1824) == 18 and deciding_congress(1836) == 24
    assert deciding_congress(1932) == 72 and deciding_congress(1936) == 75 and deciding_congress(2020) == 117
    with pytest.raises(InvalidInput, match="before the 1st Congress"):
        deciding_congress(1789)
    with pytest.raises(UnknownYear, match="2023"):
        deciding_congress(2023)


def test_majority_of_all_the_states_26_of_50() -> None:
    assert states_needed(50) == 26 and senate_needed(100) == 51
    votes = {f"S{i:02}": "R" for i in range(25)} | {f"T{i:02}": "D" for i in range(22)}
    assert count_house_ballot(votes, 50, RULE_2020).chosen is None  # 25 of 50 is not a majority of all states
    votes["U00"] = "R"
    assert count_house_ballot(votes, 50, RULE_2020).chosen == "R"  # 26, though 2 states did not vote


def test_quorum_two_thirds_of_the_states() -> None:
    assert house_quorum(50, RULE_2020) == 34 and house_quorum(16, contingent_rule(1800)) == 11
    assert senate_quorum(100, RULE_2020) == 67 and senate_quorum(32, contingent_rule(1800)) is None
    votes = {f"S{i:02}": "R" for i in range(26)}
    assert count_house_ballot(votes, 50, RULE_2020, present=33).chosen is None  # 33 < 34 states present
    assert count_house_ballot(votes, 50, RULE_2020, present=34).chosen == "R"


def test_split_delegation_casts_no_vote() -> None:
    vote = delegation_vote(Delegation("PA", 9, 9, 0, 0, 18), PAIR)
    assert vote.vote is None and vote.why == "split 9-9"
    assert delegation_vote(Delegation("MI", 7, 6, 0, 1, 14), PAIR).vote == "D"  # one seat vacant: 7 of 13


def test_vacancies_do_not_vote() -> None:
    # a delegation with no one seated casts no vote; a vacancy can turn a majority into a tie
    assert delegation_vote(Delegation("XX", 0, 0, 0, 1, 1), PAIR).why == "no member seated"
    assert delegation_vote(Delegation("XX", 2, 2, 0, 1, 5), PAIR).vote is None
    # the 117th Congress (2021): LA-5 vacant, LA still votes 4-1 Republican
    e = contingent_election(2020, Scenario(2020, flips={"GA": None, "AZ": None, "WI": None}))
    louisiana = next(v for v in e.house.delegations if v.delegation.state == "LA")
    assert (louisiana.delegation.vacant, louisiana.vote) == (1, "Donald Trump")


def test_others_hold_the_balance_no_party_majority() -> None:
    # Vermont in the 102nd-109th Congress: Bernie Sanders, Independent, its only member
    vote = delegation_vote(Delegation("VT", 0, 0, 1, 0, 1, "Independent 1"), PAIR)
    assert vote.vote is None and vote.majority == "other"
    assert delegation_vote(Delegation("XX", 3, 2, 1, 0, 6), PAIR).why == "no party holds a majority (3-2, 1 other)"


def test_dc_has_no_vote() -> None:
    e = contingent_election(2020, Scenario(2020, flips={"GA": None, "AZ": None, "WI": None}))
    states = [v.delegation.state for v in e.house.delegations]
    assert len(states) == 50 and "DC" not in states and e.house.ballot.needed == 26
    assert e.tally.electors_appointed == 538  # DC's 3 electors count in the tally, but it has no House vote


def test_a_party_without_an_eligible_candidate_casts_no_vote() -> None:
    only_rep = (Eligible("R", "Republican", 269, "rep"), Eligible("X", "Independent", 100, None))
    vote = delegation_vote(Delegation("CA", 40, 10, 0, 0, 50), only_rep)
    assert vote.vote is None and "no eligible candidate" in vote.why


def test_reapportioning_what_ifs_are_refused() -> None:
    with pytest.raises(InvalidInput, match="re-apportion"):
        contingent_election(2020, Scenario(2020, house_size=600))
    with pytest.raises(InvalidInput, match="2016"):
        contingent_election(2020, Scenario(2016))
