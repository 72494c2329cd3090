"""A contingent election on party lines, for a what-if or a year, and the closest tie of every year 1976-2024."""

from __future__ import annotations

import pytest

from electoral.contingent import contingent_election, tie_flips, tie_scenario
from electoral.output.contingent import ContingentOut, contingent_doc
from electoral.scenario import Scenario, run

FLIP_2020 = Scenario(2020, flips={"GA": None, "AZ": None, "WI": None})


def test_2020_what_if_is_decided_by_the_house_seated_in_january_2021() -> None:
    e = contingent_election(2020, FLIP_2020)
    assert e.tally.winner is None and e.house.congress == 117 and e.house.reference_date == "2021-01-03"
    b = e.house.ballot
    assert (b.count("Donald Trump"), b.count("Joe Biden"), b.no_vote, b.needed) == (27, 20, ("MI", "MN", "PA"), 26)
    assert e.president == "Donald Trump" and e.house.spare == 1
    assert e.senate.chosen == "Mike Pence" and e.senate.vote.votes == (("Mike Pence", 51), ("Kamala Harris", 46))
    assert "20 January" in e.acting and e.recorded == ()


def test_senate_even_split_is_no_choice_and_says_why() -> None:
    e = contingent_election(2000, tie_scenario(2000))  # the 107th Senate: 50-50
    assert e.senate.chosen is None and e.senate.vote.needed == 51
    assert any("Vice President is not a Senator" in note for note in e.senate.notes)


def test_independents_counted_with_their_recorded_caucus() -> None:
    # 119th Senate: 52 R, 45 D, 2 Independents recorded as caucusing with the Democrats
    e = contingent_election(2024, tie_scenario(2024))
    assert e.senate.chosen == "JD Vance" and e.senate.with_caucus == "JD Vance"
    assert e.senate.senate.caucusing("Democrat") == 2
    assert any("as Bioguide records it" in note for note in e.senate.notes)


def test_a_year_with_a_winner_is_shown_as_if_no_one_had_a_majority() -> None:
    e = contingent_election(2020)
    assert e.tally.winner == "Joe Biden" and [c.name for c in e.eligible] == ["Joe Biden", "Donald Trump"]
    assert e.assumptions[0].startswith("the electors chose Joe Biden")


def test_before_the_12th_amendment_no_senate_vote() -> None:
    e = contingent_election(1800)
    assert e.senate.vote is None and e.senate.candidates == () and "runner-up" in e.senate.notes[0]
    assert e.president is None  # every member is 'other' before 1855: no party-line vote


@pytest.mark.parametrize("year", range(1976, 2025, 4))
def test_tie_scenario_leaves_no_majority_every_year(year: int) -> None:
    flips = tie_flips(year)
    tally = run(tie_scenario(year)).tally
    assert tally.winner is None and tally.contingent is not None
    actual = run(Scenario(year)).tally
    totals = sorted((c.electoral_votes for c in tally.candidates), reverse=True)
    if actual.electoral_votes(actual.winner) + sorted(
            (c.electoral_votes for c in actual.candidates), reverse=True)[1] == actual.electors_appointed:
        assert totals[:2] == [actual.electors_appointed // 2] * 2  # an exact tie where the votes allow one
    doc = contingent_doc(contingent_election(year, tie_scenario(year)))
    assert isinstance(doc, ContingentOut) and set(doc.what_if["flips"]) == set(flips)
    assert sum(doc.house.by_majority.values()) == doc.house.states == 50


def test_tie_2020_flips_arizona_georgia_wisconsin() -> None:
    assert tie_flips(2020) == ("AZ", "GA", "WI")
