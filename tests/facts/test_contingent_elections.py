"""The three real contingent elections, ballot by ballot, and the House of January 2021, against the record.

Recorded ballots (House Journal and Senate Journal as quoted by the sources in contingent_ballots.csv):
1801, House, 16 states, 9 needed: ballots 1-35 Jefferson 8, Burr 6, MD and VT divided; the 36th
(17 Feb 1801) Jefferson 10, Burr 4, DE and SC blank. 1825, House, 24 states, 13 needed: Adams 13,
Jackson 7, Crawford 4 on the first ballot (9 Feb 1825). 1837, Senate, 52 Senators, 27 needed:
Richard M. Johnson 33, Francis Granger 16 (8 Feb 1837).
"""

from __future__ import annotations

from electoral.contingent import contingent_election, house, recorded_ballots, senate
from electoral.contingent.count import HouseBallot, SenateVote
from electoral.data.loaders import read_table

CHOSEN = {int(r["year"]): r["chosen"] for r in read_table("contingent_elections")}


def test_1801_no_choice_for_35_ballots_then_jefferson_on_the_36th() -> None:
    first, last = recorded_ballots(1800)
    assert (first.ballot, last.ballot) == ("1-35", "36") and (first.date, last.date) == ("1801-02-11", "1801-02-17")
    for ballot in (first, last):
        assert isinstance(ballot.counted, HouseBallot)
        assert ballot.units == 16 == len(house(ballot.congress).delegations)  # the 6th Congress's 16 states
        assert ballot.counted.needed == 9 and ballot.needed == "9 of 16"
    assert first.counted.count("Thomas Jefferson") == 8 and first.counted.count("Aaron Burr") == 6
    assert first.counted.no_vote == ("MD", "VT") and first.counted.chosen is None
    assert last.counted.count("Thomas Jefferson") == 10 and last.counted.count("Aaron Burr") == 4
    assert last.counted.no_vote == ("DE", "SC") and last.counted.chosen == CHOSEN[1800] == "Thomas Jefferson"


def test_1825_adams_with_13_of_24_states_on_the_first_ballot() -> None:
    (ballot,) = recorded_ballots(1824)
    assert isinstance(ballot.counted, HouseBallot) and ballot.congress == 18
    assert ballot.units == 24 == len(house(18).delegations)
    assert [(name, len(states)) for name, states in ballot.counted.votes] == [
        ("John Quincy Adams", 13), ("Andrew Jackson", 7), ("William H. Crawford", 4)]
    assert ballot.counted.needed == 13 and ballot.counted.chosen == CHOSEN[1824] == "John Quincy Adams"
    # only the top three could be voted for: Clay (fourth in electoral votes) is not on the ballot
    assert "Henry Clay" not in dict(ballot.counted.votes)
    assert {c.name for c in contingent_election(1824).eligible} == set(dict(ballot.counted.votes))


def test_1837_the_senate_chose_johnson_33_to_16() -> None:
    (vote,) = recorded_ballots(1836)
    assert isinstance(vote.counted, SenateVote) and vote.body == "Senate" and vote.congress == 24
    assert vote.counted.senators == 52 and vote.counted.needed == 27
    assert vote.counted.votes == (("Richard Mentor Johnson", 33), ("Francis Granger", 16))
    assert vote.counted.chosen == CHOSEN[1836] == "Richard Mentor Johnson"
    # the Senate table is of the 24th Congress's first day (December 1835): 48 seats; Arkansas and
    # Michigan were admitted in 1836, so the recorded whole number on 8 Feb 1837 is 52
    assert senate(24).seats == 48


def test_house_of_january_2021_against_published_counts() -> None:
    # 117th Congress on 3 January 2021: 222 D, 211 R, 2 vacant (LA-5; NY-22 seated in February)
    h = house(117)
    assert sum(d.dem for d in h.delegations) == 222 and sum(d.rep for d in h.delegations) == 211
    assert sum(d.vacant or 0 for d in h.delegations) == 2
    # House Historian's delegation chart (January 2021), the 16 states readable in it
    chart = {"AL": (1, 6), "AK": (0, 1), "AZ": (5, 4), "AR": (0, 4), "CA": (42, 11), "CO": (4, 3), "CT": (5, 0),
             "DE": (1, 0), "FL": (11, 16), "GA": (6, 8), "HI": (2, 0), "ID": (0, 2), "IL": (13, 5), "IN": (2, 7),
             "IA": (1, 3), "KS": (1, 3)}
    assert {s: (h.delegation(s).dem, h.delegation(s).rep) for s in chart} == chart
    # published counts of a 2021 contingent election: 27 Republican delegations, 20 Democratic, 3 split
    majorities = [d.majority_party for d in h.delegations]
    assert (majorities.count("rep"), majorities.count("dem")) == (27, 20)
    assert sorted(d.state for d in h.delegations if d.split) == ["MI", "MN", "PA"]


def test_party_divisions_at_the_start_of_congresses() -> None:
    # House History party divisions: 95th 292-143, 116th 235-199 (one vacancy, NC-9)
    for congress, dem, rep in ((95, 292, 143), (116, 235, 199)):
        h = house(congress)
        assert (sum(d.dem for d in h.delegations), sum(d.rep for d in h.delegations)) == (dem, rep)
    # senate.gov party division: 95th 61 D, 38 R, 1 other (Harry F. Byrd Jr., Independent); 107th 50-50
    assert (senate(95).dem, senate(95).rep, senate(95).other) == (61, 38, 1)
    assert (senate(107).dem, senate(107).rep) == (50, 50)
