"""The tally as a pure function: majority, ties, contingent elections, validation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral.errors import InvalidInput
from electoral.tally import majority_needed, tally_votes


def test_majority_needed() -> None:
    assert [majority_needed(n) for n in (538, 537, 531, 3)] == [270, 269, 266, 2]
    with pytest.raises(InvalidInput, match="-1"):
        majority_needed(-1)


def test_269_269_goes_to_the_house() -> None:
    t = tally_votes(2020, {"Joe Biden": 269, "Donald Trump": 269}, electors_appointed=538)
    assert t.winner is None
    assert t.contingent.reason == "no majority: the House chooses (12th Amendment)"
    assert t.contingent.candidates == ("Donald Trump", "Joe Biden")
    assert "no majority: the House chooses" in t.outcome


def test_house_chooses_among_top_three_after_1804_and_top_five_before() -> None:
    votes = {"A": 60, "B": 50, "C": 40, "D": 30, "E": 20, "F": 10}
    assert tally_votes(2020, votes, electors_appointed=538).contingent.candidates == ("A", "B", "C")
    assert tally_votes(1796, votes, electors_appointed=138).contingent.candidates == ("A", "B", "C", "D", "E")


def test_pre_12th_amendment_tie_between_majority_holders() -> None:
    t = tally_votes(1800, {"Jefferson": 73, "Burr": 73, "Adams": 65}, electors_appointed=138)
    assert t.winner is None and t.contingent.reason.startswith("tie")
    assert set(t.contingent.candidates) == {"Jefferson", "Burr"}


def test_bad_input_names_the_value() -> None:
    with pytest.raises(InvalidInput, match="-3"):
        tally_votes(2020, {"A": -3}, electors_appointed=538)
    with pytest.raises(InvalidInput, match="600"):
        tally_votes(2020, {"A": 600}, electors_appointed=538)


@given(st.dictionaries(st.sampled_from("ABCDEF"), st.integers(0, 200), min_size=1))
def test_never_two_winners_and_winner_has_a_majority(votes: dict[str, int]) -> None:
    electors = max(sum(votes.values()), 1)
    t = tally_votes(2020, votes, electors_appointed=electors)
    if t.winner is not None:
        assert t.contingent is None
        assert votes[t.winner] >= t.majority_needed
        assert all(v < votes[t.winner] for k, v in votes.items() if k != t.winner)
    elif any(votes.values()):
        assert t.contingent is not None
        assert all(v < t.majority_needed for v in votes.values()) or len(
            [v for v in votes.values() if v == max(votes.values())]) > 1
    assert sum(c.electoral_votes for c in t.candidates) == sum(votes.values())
