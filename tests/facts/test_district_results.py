"""Maine and Nebraska congressional-district presidential votes against independent facts.

Facts typed here, not computed by the package:

- District winners: the electoral votes counted by Congress (House Clerk, "Electoral Votes for
  President and Vice President"; National Archives Certificates of Vote for 2024). Maine has chosen
  one elector per district since 1972, Nebraska since 1992.
- Statewide Democratic and Republican votes: the states' certified returns as published in MEDSL
  "U.S. President 1976-2020" and "1976-2024" (doi:10.7910/DVN/42MVDX, CC0); 1972 Maine: House Clerk,
  "Statistics of the Presidential and Congressional Election of November 7, 1972".
- The documented differences between district sums and statewide figures (docs/districts.md).
"""

from __future__ import annotations

import pytest

import electoral
from electoral.data.loaders import read_table
from electoral.units import units_for

MAINE_YEARS = tuple(range(1972, 2025, 4))
NEBRASKA_YEARS = tuple(range(1992, 2025, 4))

# (year, unit) -> the candidate its elector voted for (House Clerk / National Archives).
_STATE_WINNER = {
    1972: "Richard Nixon", 1976: "Gerald Ford", 1980: "Ronald Reagan", 1984: "Ronald Reagan",
    1988: "George H. W. Bush", 1992: "Bill Clinton", 1996: "Bill Clinton", 2000: "Al Gore",
    2004: "John Kerry", 2008: "Barack Obama", 2012: "Barack Obama",
}
DISTRICT_WINNERS: dict[tuple[int, str], str] = {
    **{(y, u): w for y, w in _STATE_WINNER.items() for u in ("ME-1", "ME-2")},
    (2016, "ME-1"): "Hillary Clinton", (2016, "ME-2"): "Donald Trump",
    (2020, "ME-1"): "Joe Biden", (2020, "ME-2"): "Donald Trump",
    (2024, "ME-1"): "Kamala Harris", (2024, "ME-2"): "Donald Trump",
    **{(1992, u): "George H. W. Bush" for u in ("NE-1", "NE-2", "NE-3")},
    **{(1996, u): "Bob Dole" for u in ("NE-1", "NE-2", "NE-3")},
    **{(y, u): "George W. Bush" for y in (2000, 2004) for u in ("NE-1", "NE-2", "NE-3")},
    (2008, "NE-1"): "John McCain", (2008, "NE-2"): "Barack Obama", (2008, "NE-3"): "John McCain",
    **{(2012, u): "Mitt Romney" for u in ("NE-1", "NE-2", "NE-3")},
    **{(2016, u): "Donald Trump" for u in ("NE-1", "NE-2", "NE-3")},
    (2020, "NE-1"): "Donald Trump", (2020, "NE-2"): "Joe Biden", (2020, "NE-3"): "Donald Trump",
    (2024, "NE-1"): "Donald Trump", (2024, "NE-2"): "Kamala Harris", (2024, "NE-3"): "Donald Trump",
}

# (year, state) -> certified statewide (Democratic, Republican) votes (MEDSL; 1972: House Clerk).
STATEWIDE: dict[tuple[int, str], tuple[int, int]] = {
    (1972, "ME"): (160584, 256458), (1976, "ME"): (232279, 236320), (1980, "ME"): (220974, 238522),
    (1984, "ME"): (214515, 336500), (1988, "ME"): (243569, 307131), (1992, "ME"): (263420, 206504),
    (1996, "ME"): (312788, 186378), (2000, "ME"): (319951, 286616), (2004, "ME"): (396842, 330201),
    (2008, "ME"): (421923, 295273), (2012, "ME"): (401306, 292276), (2016, "ME"): (357735, 335593),
    (2020, "ME"): (435072, 360737), (2024, "ME"): (435652, 377977),
    (1992, "NE"): (216864, 343678), (1996, "NE"): (236761, 363467), (2000, "NE"): (231780, 433862),
    (2004, "NE"): (254328, 512814), (2008, "NE"): (333319, 452979), (2012, "NE"): (302081, 475064),
    (2016, "NE"): (284494, 495961), (2020, "NE"): (374583, 556846), (2024, "NE"): (369995, 564816),
}

# District sum minus statewide figure, as documented in docs/districts.md; every other year is exact.
DOCUMENTED_DIFFERENCES: dict[tuple[int, str], tuple[int, int]] = {
    (1972, "ME"): (0, 50), (2012, "ME"): (-273, -124), (2016, "ME"): (-144, -32),
}


def _rows() -> tuple[dict[str, str], ...]:
    return read_table("district_popular_vote")


def _by_unit(year: int) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for r in _rows():
        if int(r["year"]) == year:
            out.setdefault(r["unit"], {})[r["candidate"]] = int(r["votes"])
    return out


def test_every_district_elector_year_is_covered_and_nothing_else() -> None:
    expected = {(y, u) for y in MAINE_YEARS for u in ("ME-1", "ME-2")}
    expected |= {(y, u) for y in NEBRASKA_YEARS for u in ("NE-1", "NE-2", "NE-3")}
    assert {(int(r["year"]), r["unit"]) for r in _rows()} == expected == set(DISTRICT_WINNERS)


@pytest.mark.parametrize("year", MAINE_YEARS)
def test_units_match_the_units_index(year: int) -> None:
    districts = {c for c in units_for(year).codes if "-" in c}
    assert districts == set(_by_unit(year))


def test_each_district_has_one_democratic_and_one_republican_row() -> None:
    seen: dict[tuple[int, str], list[str]] = {}
    for r in _rows():
        seen.setdefault((int(r["year"]), r["unit"]), []).append(r["party"])
        assert int(r["votes"]) > 0 and r["source"].strip(), r
        assert int(r["total_votes"]) > int(r["votes"]), r
    assert all(sorted(parties) == ["Democratic", "Republican"] for parties in seen.values())


@pytest.mark.parametrize(("year", "unit"), sorted(DISTRICT_WINNERS))
def test_district_winner_matches_the_electoral_vote(year: int, unit: str) -> None:
    votes = _by_unit(year)[unit]
    assert max(votes, key=votes.__getitem__) == DISTRICT_WINNERS[(year, unit)]


@pytest.mark.parametrize(("year", "state"), sorted(STATEWIDE))
def test_district_sums_equal_certified_statewide_votes(year: int, state: str) -> None:
    dem = rep = 0
    for r in _rows():
        if int(r["year"]) == year and r["unit"].startswith(state + "-"):
            dem += int(r["votes"]) if r["party"] == "Democratic" else 0
            rep += int(r["votes"]) if r["party"] == "Republican" else 0
    official_dem, official_rep = STATEWIDE[(year, state)]
    diff = (dem - official_dem, rep - official_rep)
    assert diff == DOCUMENTED_DIFFERENCES.get((year, state), (0, 0))
    # The documented differences stay below 0.1% of the statewide two-party vote.
    assert abs(diff[0]) + abs(diff[1]) < 0.001 * (official_dem + official_rep)


@pytest.mark.parametrize("year", MAINE_YEARS)
def test_record_two_party_uses_the_district_votes(year: int) -> None:
    e = electoral.election(year)
    winners = dict(zip(e.units.codes, e.winners()))
    nominees = {r["party"]: r["candidate"] for r in _rows() if int(r["year"]) == year}
    tp = e.two_party(nominees["Democratic"], nominees["Republican"])
    for code, margin in zip(e.units.codes, tp.margin):
        if "-" in code:
            assert winners[code] == DISTRICT_WINNERS[(year, code)]
            assert (margin > 0) == (DISTRICT_WINNERS[(year, code)] == nominees["Democratic"]), code
