"""Per-state facts: every split or faithless case since 1948, the allotment invariant, and the
certified popular votes of the closest states in 2020 and 2024.

Electoral facts: House Clerk, "Electoral Votes for President and Vice President"; National Archives
Certificates of Vote. Popular votes: the states' certified results as published in MEDSL's
"U.S. President 1976-2020/2024" (CC0), and the North Carolina State Board of Elections for 2020.
"""

from __future__ import annotations

import pytest

import electoral
from electoral.record import check_consistency
from electoral.units import election_years

# (year, state) -> {candidate: electoral votes counted}; all split and faithless cases since 1948.
SPLITS_SINCE_1948: dict[tuple[int, str], dict[str, int]] = {
    (1948, "TN"): {"Harry Truman": 11, "Strom Thurmond": 1},
    (1956, "AL"): {"Adlai Stevenson": 10, "Walter B. Jones": 1},
    (1960, "AL"): {"John F. Kennedy": 5, "Harry F. Byrd": 6},
    (1960, "MS"): {"Harry F. Byrd": 8},
    (1960, "OK"): {"Richard Nixon": 7, "Harry F. Byrd": 1},
    (1968, "NC"): {"Richard Nixon": 12, "George Wallace": 1},
    (1972, "VA"): {"Richard Nixon": 11, "John Hospers": 1},
    (1976, "WA"): {"Gerald Ford": 8, "Ronald Reagan": 1},
    (1988, "WV"): {"Michael Dukakis": 5, "Lloyd Bentsen": 1},
    (2000, "DC"): {"Al Gore": 2},
    (2004, "MN"): {"John Kerry": 9, "John Edwards": 1},
    (2008, "NE"): {"John McCain": 4, "Barack Obama": 1},
    (2016, "ME"): {"Hillary Clinton": 3, "Donald Trump": 1},
    (2016, "TX"): {"Donald Trump": 36, "John Kasich": 1, "Ron Paul": 1},
    (2016, "WA"): {"Hillary Clinton": 8, "Colin Powell": 3, "Faith Spotted Eagle": 1},
    (2016, "HI"): {"Hillary Clinton": 3, "Bernie Sanders": 1},
    (2020, "ME"): {"Joe Biden": 3, "Donald Trump": 1},
    (2020, "NE"): {"Donald Trump": 4, "Joe Biden": 1},
    (2024, "ME"): {"Kamala Harris": 3, "Donald Trump": 1},
    (2024, "NE"): {"Donald Trump": 4, "Kamala Harris": 1},
}


@pytest.mark.parametrize(("year", "state"), sorted(SPLITS_SINCE_1948))
def test_split_and_faithless_states(year: int, state: str) -> None:
    df = electoral.election(year).results(state)
    recorded = {r.candidate: r.electoral_votes for r in df.itertuples() if r.electoral_votes > 0}
    assert recorded == SPLITS_SINCE_1948[(year, state)]


def test_no_other_state_split_since_1948() -> None:
    for year in (y for y in election_years() if y >= 1948):
        df = electoral.election(year).results()
        split = df[df.electoral_votes > 0].groupby("state").size()
        assert set(split[split > 1].index) <= {s for (y, s) in SPLITS_SINCE_1948 if y == year}, year


def test_2000_dc_abstention_and_2016_faithless_are_recorded() -> None:
    cast = electoral.election(2000).electoral_votes_cast()
    assert int(cast[(cast.state == "DC") & (cast.status == "abstained")].electoral_votes.sum()) == 1
    cast = electoral.election(2016).electoral_votes_cast()
    assert int(cast[cast.pledged_to != ""].electoral_votes.sum()) == 7  # the seven faithless electors


def test_district_units_of_split_states() -> None:
    e = electoral.election(2020)
    winners = dict(zip(e.units.codes, e.winners()))
    assert winners["ME-2"] == "Donald Trump" and winners["NE-2"] == "Joe Biden"
    assert winners["ME"] == winners["ME-1"] == "Joe Biden"


@pytest.mark.parametrize("year", election_years())
def test_votes_cast_plus_not_cast_equal_electors(year: int) -> None:
    """Every unit: counted + rejected + abstained + not voted = electors allotted (x2 before 1804)."""
    check_consistency(year)
    e = electoral.election(year)
    cast = e.electoral_votes_cast()
    per_elector = 2 if year <= 1800 else 1
    by_unit = cast.groupby("unit").electoral_votes.sum()
    for code, electors in zip(e.units.codes, e.units.electoral_votes):
        assert by_unit[code] == electors * per_elector, (year, code)


# Certified popular votes (Democratic, Republican) in the closest states.
CERTIFIED = {
    2020: {"AZ": (1672143, 1661686), "GA": (2473633, 2461854), "WI": (1630866, 1610184), "PA": (3458229, 3377674),
           "MI": (2804040, 2649852), "NV": (703486, 669890), "NC": (2684292, 2758775)},
    2024: {"AZ": (1582860, 1770242), "GA": (2548017, 2663117), "WI": (1668229, 1697626), "PA": (3423042, 3543308),
           "MI": (2736533, 2816636), "NV": (705197, 751205), "NC": (2715375, 2898423)},
}
TICKETS = {2020: ("Joe Biden", "Donald Trump"), 2024: ("Kamala Harris", "Donald Trump")}


@pytest.mark.parametrize("year", sorted(CERTIFIED))
def test_certified_popular_votes_of_the_closest_states(year: int) -> None:
    df = electoral.election(year).popular_vote().set_index(["state", "candidate"]).votes
    dem, rep = TICKETS[year]
    for state, (d, r) in CERTIFIED[year].items():
        assert (df[(state, dem)], df[(state, rep)]) == (d, r), state


def test_national_popular_votes_2024_equal_fec() -> None:
    # FEC, "Official 2024 Presidential General Election Results".
    tally = electoral.election(2024).tally()
    votes = {c.name: c.popular_votes for c in tally.candidates}
    assert votes["Donald Trump"] == 77_302_580 and votes["Kamala Harris"] == 75_017_613


def test_states_table() -> None:
    from electoral.units import states

    assert len(states()) == 51
    assert states()["HI"].admitted == "1959-08-21" and states()["DC"].fips == "11"


def test_not_participating_states_are_explained() -> None:
    notes = " ".join(electoral.election(1789).tally().notes)
    assert "New York" in notes and "North Carolina" in notes and "Rhode Island" in notes
    notes = " ".join(electoral.election(1864).tally().notes)
    assert "Virginia not counted" in notes and "1 NV elector did not vote" in notes
    notes = " ".join(electoral.election(1872).tally().notes)
    assert "Greeley" in notes and "AR" in notes and "LA" in notes


@pytest.mark.parametrize("year", [y for y in election_years() if y >= 1976])
def test_nominees_with_electoral_votes_have_popular_votes(year: int) -> None:
    """Names in the electoral record and the returns must agree (e.g. 1996 'Bob Dole' / 'ROBERT DOLE')."""
    for c in electoral.election(year).tally().candidates:
        if c.electoral_votes > 0 and c.party != "(no presidential nomination)":
            assert c.popular_votes and c.popular_votes > 1_000_000, (year, c.name)
