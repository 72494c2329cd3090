"""What-ifs with faithless electors (the law in force decides) and with the popular-vote compact's membership."""

from __future__ import annotations

import pytest

from electoral.errors import InvalidInput, UnknownUnit
from electoral.scenario import Scenario, run
from electoral.scenario.spec import parse_faithless

TIE_2020 = {"GA": None, "AZ": None, "WI": None}


def _votes(result) -> dict[str, int]:
    return {c.name: c.electoral_votes for c in result.tally.candidates if c.electoral_votes}


def test_the_2016_attempts_in_colorado_minnesota_and_maine_change_nothing() -> None:
    # Baca (CO, Kasich), Abdurrahman (MN, Sanders), Bright (ME, Sanders): voided, the record stands
    scenario = Scenario(2016, faithless=parse_faithless("CO=1:John Kasich,MN=1:Bernie Sanders,ME=1:Bernie Sanders"))
    result = run(scenario)
    assert _votes(result) == _votes(run(Scenario(2016)))
    assert [(f.state, f.counted, f.law) for f in result.faithless] == [
        ("CO", False, "void"), ("MN", False, "void"), ("ME", False, "void")]


def test_a_state_without_a_voiding_law_counts_the_vote() -> None:
    result = run(Scenario(2016, faithless=parse_faithless("TX=1:John Kasich")))
    assert _votes(result)["John Kasich"] == 2 and _votes(result)["Donald Trump"] == 303
    assert result.faithless[0].counted and "no law" in result.faithless[0].law_text


def test_washington_counted_in_2016_and_voids_from_2020() -> None:
    assert run(Scenario(2016, faithless=parse_faithless("WA=1"))).faithless[0].counted
    tie = run(Scenario(2020, flips=TIE_2020, faithless=parse_faithless("WA=1")))
    assert not tie.faithless[0].counted and tie.tally.winner is None  # still 269-269


def test_a_counted_defection_breaks_a_tie() -> None:
    result = run(Scenario(2020, flips=TIE_2020, faithless=parse_faithless("TX=1:Biden")))
    assert _votes(result)["Joe Biden"] == 270 and result.tally.winner == "Joe Biden"


def test_bad_faithless_input_is_an_error_naming_it() -> None:
    with pytest.raises(InvalidInput, match="WA=0"):
        parse_faithless("WA=0")
    with pytest.raises(InvalidInput, match="WA=13"):
        run(Scenario(2020, faithless=parse_faithless("WA=13")))
    with pytest.raises(UnknownUnit, match="PR"):
        run(Scenario(2020, faithless=parse_faithless("PR=1")))


def test_compact_members_alone_were_never_in_force() -> None:
    for year in (2008, 2016, 2024):
        result = run(Scenario(year, compact="members"))
        assert not result.compact.applied and _votes(result) == _votes(run(Scenario(year)))


def test_compact_as_if_in_force_gives_2024_members_to_the_popular_vote_winner() -> None:
    result = run(Scenario(2024, compact="as-if"))
    # 209 member electors go to Trump, who won the popular vote; ME-2 had voted for him already
    assert result.compact.electoral_votes == 209 and not result.compact.active and result.compact.applied
    assert _votes(result) == {"Donald Trump": 312 + 208, "Kamala Harris": 226 - 208}


def test_compact_of_all_states_elects_the_popular_vote_winner() -> None:
    assert run(Scenario(2000, compact="all")).tally.winner == "Al Gore"
    with pytest.raises(InvalidInput, match="--compact"):
        run(Scenario(2020, compact="some"))
