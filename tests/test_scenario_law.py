"""What-ifs with faithless electors (the law in force decides) and with the popular-vote compact's membership."""

from __future__ import annotations

import pytest

from electoral.errors import InvalidInput, UnknownUnit
from electoral.scenario import Scenario, run
from electoral.scenario.result import state_changes
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


@pytest.mark.parametrize("year, typed, person", [
    (2024, "Harris", "Kamala Harris"), (2024, "harris", "Kamala Harris"), (2024, "KAMALA HARRIS", "Kamala Harris"),
    (2020, "Biden", "Joe Biden"), (2016, "Clinton", "Hillary Clinton"), (2016, "powell", "Colin Powell"),
    (2020, "Colin Powell", "Colin Powell"),  # not a candidate in 2020, named in full: a person of their own
])
def test_a_faithless_vote_names_a_person_by_the_candidate_lookup(year: int, typed: str, person: str) -> None:
    result = run(Scenario(year, faithless=parse_faithless(f"TX=1:{typed}")))
    assert result.faithless[0].to == person and _votes(result)[person] == _votes(run(Scenario(year))).get(person, 0) + 1


@pytest.mark.parametrize("year, text, says", [
    (2024, "TX=1:Nobody", "named in full"),  # one word that is no candidate: a typo, not a person
    (2024, "TX=1:Ron Harris", "shares a surname with Kamala Harris"),
    (2024, "TX=1:R2 D2", "named in full"),
    (2024, "TX=1:" + "a" * 60 + " " + "b" * 60, "at most 100 characters"),
    (2020, "WA=1:Biden", "not faithless"),  # Washington's electors were pledged to Biden
    (2020, "TX=1:R", "not faithless"),
    (2020, "TX=39:Biden", "38 electors"),
])
def test_a_faithless_vote_for_no_sane_person_or_the_pledged_one_is_refused(year: int, text: str, says: str) -> None:
    with pytest.raises(InvalidInput, match=says):
        run(Scenario(year, faithless=parse_faithless(text)))


@pytest.mark.parametrize("text", ["TX=1:Biden:x", "TX=1:", "TX=1: "])
def test_a_faithless_vote_with_more_than_a_name_or_an_empty_name_is_malformed(text: str) -> None:
    with pytest.raises(InvalidInput, match=text.split("=")[0] + "=" + text.split("=")[1].strip()):
        parse_faithless(text)


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
    with pytest.raises(InvalidInput, match="^compact must be one of"):
        run(Scenario(2020, compact="some"))


def test_a_surname_names_the_leading_candidate_of_it_in_flips_too() -> None:
    # 2024's record also lists a write-in "Sharon E Harris"; "Harris" is the candidate with electors
    units = {u.unit: u for u in run(Scenario(2024, flips={"GA": "Harris"})).units}
    assert units["GA"].votes == (("Kamala Harris", 16),)


def test_the_compact_appoints_slates_and_the_recorded_electors_votes_stand_where_the_slate_is_the_same() -> None:
    # 2016's members all appointed Clinton's slate, the popular-vote winner's: Washington's four and
    # Hawaii's one faithless votes stand, so the compact as if in force changes nothing
    assert _votes(run(Scenario(2016, compact="as-if"))) == _votes(run(Scenario(2016)))
    everyone = run(Scenario(2016, compact="all"))
    units = {u.unit: dict(u.votes) for u in everyone.units}
    assert units["WA"] == {"Hillary Clinton": 8, "Colin Powell": 3, "Faith Spotted Eagle": 1}
    assert units["TX"] == {"Hillary Clinton": 38}  # a new slate: Texas's Kasich and Paul votes were Trump electors'
    assert "Ron Paul" not in _votes(everyone) and "John Kasich" not in _votes(everyone)


def test_a_flip_names_how_every_elector_votes_while_an_untouched_unit_keeps_its_recorded_votes() -> None:
    # a flip says all the unit's electors vote for the named candidate, the recorded one included (as the
    # analyses that decide units assume); units the what-if does not touch keep the votes their electors cast
    kept = {u.unit: dict(u.votes) for u in run(Scenario(2016, flips={"WA": "Clinton"})).units}
    assert kept["WA"] == {"Hillary Clinton": 12}
    assert kept["TX"] == {"Donald Trump": 36, "John Kasich": 1, "Ron Paul": 1}
    flipped = {u.unit: dict(u.votes) for u in run(Scenario(2016, flips={"WA": "Trump"})).units}
    assert flipped["WA"] == {"Donald Trump": 12}


@pytest.mark.parametrize("year", [2000, 2004])
@pytest.mark.parametrize("mode", ["members", "as-if"])
def test_a_compact_mode_before_any_member_says_there_were_none(year: int, mode: str) -> None:
    # Maryland enacted the compact first, in 2007: no state was a member in 2000 or 2004
    result = run(Scenario(year, compact=mode))
    assert result.compact is not None and result.compact.members == () and not result.compact.applied
    assert any(f"no members in {year}" in note for note in result.notes)
    assert _votes(result) == _votes(run(Scenario(year)))


def test_a_partly_faithless_unit_splits_it_does_not_change_hands() -> None:
    # 20 of Texas's 38 electors voting for Clinton: Texas splits (Clinton 20, Trump 16, Kasich 1, Paul 1); no
    # unit of 38 electors "changed hands"
    result = run(Scenario(2016, faithless=parse_faithless("TX=20:Clinton")))
    assert [f.unit for f in result.diff.flipped] == []
    assert "TX" in state_changes(result).split
    assert dict(next(u for u in result.units if u.unit == "TX").votes)["Hillary Clinton"] == 20
