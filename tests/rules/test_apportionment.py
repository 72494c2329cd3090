"""Apportionment against the published record: official seats, the Alabama paradox, bad input."""

from __future__ import annotations

import pytest

from electoral.errors import InvalidInput, UnknownYear
from electoral.rules.apportionment import (
    METHODS, act, apportion, apportion_census, census_populations, history, official_seats,
)

# Censuses whose packaged populations are the base the law used (1790 federal numbers, 1910-2020
# apportionment populations) or, for 1870 and 1880, resident counts that still give the same seats.
REPRODUCIBLE = [1790, 1870, 1880, 1910, 1930, 1940, 1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020]


@pytest.mark.parametrize("census", REPRODUCIBLE)
def test_official_apportionment_reproduced_seat_for_seat(census: int) -> None:
    result = apportion_census(census)  # the method and House size then in force, plus seats added by statute
    assert result.as_dict() == official_seats(census)
    assert result.method == act(census).method


def test_2020_apportionment_matches_census_table_1() -> None:
    # Census Bureau, 2020 Census Apportionment Results, Table 1 (April 2021)
    seats = apportion_census(2020).as_dict()
    assert [seats[s] for s in ("CA", "TX", "FL", "NY", "MT", "OH", "PA", "MN")] == [52, 38, 28, 26, 2, 15, 17, 8]
    assert sum(seats.values()) == 435


def test_2020_last_seat_and_next_in_line() -> None:
    # Census Bureau, 2020 priority values: seat 435 went to Minnesota; New York was next (short by 89 people)
    result = apportion_census(2020)
    assert result.last_seat[0] == "MN" and result.next_in_line[0] == "NY"
    assert round(result.last_seat[1], 1) == 762997.7 and round(result.next_in_line[1], 1) == 762994.4


def test_1792_act_seats_from_the_statute_text() -> None:
    # 1 Stat. 253 (2nd Cong., 1st sess., ch. 23), as printed on Wikisource
    statute = {"NH": 4, "MA": 14, "VT": 2, "RI": 2, "CT": 7, "NY": 10, "NJ": 5, "PA": 13, "DE": 1, "MD": 8,
               "VA": 19, "KY": 2, "NC": 10, "SC": 6, "GA": 2}
    assert official_seats(1790) == statute
    # Jefferson's method at the statutory ratio 1:33,000: each state gets floor(federal number / 33,000)
    federal = census_populations(1790).as_dict()
    assert {s: int(p // 33_000) for s, p in federal.items()} == statute
    assert apportion(federal, 105, "jefferson").as_dict() == statute


def test_1891_act_seats_from_the_statute_text() -> None:
    # 26 Stat. 735 (Act of 7 February 1891), as printed on Wikisource
    statute = dict(AL=9, AR=6, CA=7, CO=2, CT=4, DE=1, FL=2, GA=11, ID=1, IL=22, IN=13, IA=11, KS=8, KY=11, LA=6,
                   ME=4, MD=6, MA=13, MI=12, MN=7, MS=7, MO=15, MT=1, NE=6, NV=1, NH=2, NJ=8, NY=34, NC=9, ND=1,
                   OH=21, OR=2, PA=30, RI=2, SC=7, SD=2, TN=10, TX=13, VT=2, VA=10, WA=2, WV=4, WI=10, WY=1)
    assert official_seats(1890) == statute and sum(statute.values()) == 356


def test_1872_supplement_nine_seats() -> None:
    # 17 Stat. 28 gave 283 seats by Vinton's method; 17 Stat. 192 added one each to nine states
    bare = apportion_census(1870, statutory=False).as_dict()
    official = official_seats(1870)
    added = {s for s in official if official[s] != bare[s]}
    assert added == {"NH", "VT", "NY", "PA", "IN", "TN", "LA", "AL", "FL"}
    assert all(official[s] - bare[s] == 1 for s in added) and sum(bare.values()) == 283


def test_alabama_paradox_1880() -> None:
    # C. W. Seaton, chief clerk of the Census Office (1880): Alabama 8 of 299, but 7 of 300;
    # the seats went to Illinois and Texas (For All Practical Purposes 10e, Example 7 of ch. 14)
    at_299 = apportion_census(1880, house_size=299, method="hamilton")
    at_300 = apportion_census(1880, house_size=300, method="hamilton")
    assert (at_299.seats_of("AL"), at_300.seats_of("AL")) == (8, 7)
    assert (at_299.seats_of("IL"), at_300.seats_of("IL")) == (18, 19)
    assert (at_299.seats_of("TX"), at_300.seats_of("TX")) == (9, 10)
    # Alabama's quota grew from 7.646 to 7.671; a divisor method never takes its seat away
    assert round(float(at_299.quotas[at_299.states.index("AL")]), 3) == 7.646
    assert apportion_census(1880, house_size=300, method="webster").seats_of("AL") >= \
        apportion_census(1880, house_size=299, method="webster").seats_of("AL")


def test_history_covers_every_census_with_a_method_in_the_registry() -> None:
    censuses = [a.census for a in history()]
    assert censuses == [1789] + list(range(1790, 2021, 10))
    assert {a.method for a in history()} - set(METHODS) == {"fixed", "none"}
    assert act(1920).method == "none" and act(1920).first_election is None
    assert all(a.source for a in history())


def test_1920_what_if_needs_a_method() -> None:
    with pytest.raises(InvalidInput, match="1920"):
        apportion_census(1920)
    # "What if Congress had reapportioned after 1920 by the 1911 rules?"
    result = apportion_census(1920, house_size=435, method="webster")
    assert sum(result.seats) == 435 and result.seats_of("CA") > official_seats(1910)["CA"]


def test_puerto_rico_as_a_state_in_2020() -> None:
    pr = census_populations(2020).others["PR"]
    assert pr == 3285874  # Census 2020 resident population of Puerto Rico
    result = apportion_census(2020, populations={"PR": pr}, house_size=435, method="huntington-hill")
    assert len(result.states) == 51 and sum(result.seats) == 435
    assert result.seats_of("PR") == 4


@pytest.mark.parametrize(("bad", "message"), [
    ({"A": -5, "B": 10}, "'A'.*-5"),
    ({"A": "many", "B": 10}, "'A'.*many"),
    ({"A": float("nan"), "B": 10}, "'A'"),
    ({"A": 0, "B": 0}, "positive"),
])
def test_bad_populations_name_the_value(bad, message) -> None:
    with pytest.raises(InvalidInput, match=message):
        apportion(bad, 10)


def test_house_smaller_than_states_and_unknown_method() -> None:
    with pytest.raises(InvalidInput, match="House of 49 seats is smaller than the 50 states"):
        apportion_census(2020, house_size=49, method="webster")
    with pytest.raises(InvalidInput, match="'borda'.*huntington-hill"):
        apportion_census(2020, house_size=435, method="borda")
    with pytest.raises(UnknownYear, match="1850"):
        census_populations(1850)
    with pytest.raises(UnknownYear, match="1855"):
        act(1855)
