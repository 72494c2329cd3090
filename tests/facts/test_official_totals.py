"""The record against the official national electoral-vote totals, 1789-2024.

Facts typed from the official record: Office of the Clerk, U.S. House of Representatives,
"Electoral Votes for President and Vice President, 1789 to Present", and the National Archives'
Electoral College results (votes as counted by Congress). Before 1804 each elector cast two votes.
Winners: the person elected president by the count (or, in 1800 and 1824, by the House).
"""

from __future__ import annotations

import pytest

import electoral
from electoral.units import election_years

# year: ({surname: electoral votes counted}, president elected)
OFFICIAL: dict[int, tuple[dict[str, int], str]] = {
    1789: ({"Washington": 69, "Adams": 34, "Jay": 9, "Harrison": 6, "Rutledge": 6, "Hancock": 4, "Clinton": 3,
            "Huntington": 2, "Milton": 2, "Armstrong": 1, "Lincoln": 1, "Telfair": 1}, "Washington"),
    1792: ({"Washington": 132, "Adams": 77, "Clinton": 50, "Jefferson": 4, "Burr": 1}, "Washington"),
    1796: ({"John Adams": 71, "Jefferson": 68, "Thomas Pinckney": 59, "Burr": 30, "Samuel Adams": 15, "Ellsworth": 11,
            "Clinton": 7, "Jay": 5, "Iredell": 3, "Washington": 2, "Henry": 2, "Johnston": 2,
            "Cotesworth Pinckney": 1}, "John Adams"),
    1800: ({"Jefferson": 73, "Burr": 73, "Adams": 65, "Pinckney": 64, "Jay": 1}, "Jefferson"),
    1804: ({"Jefferson": 162, "Pinckney": 14}, "Jefferson"),
    1808: ({"Madison": 122, "Pinckney": 47, "Clinton": 6}, "Madison"),
    1812: ({"Madison": 128, "Clinton": 89}, "Madison"),
    1816: ({"Monroe": 183, "King": 34}, "Monroe"),
    1820: ({"Monroe": 231, "Adams": 1}, "Monroe"),
    1824: ({"Jackson": 99, "Adams": 84, "Crawford": 41, "Clay": 37}, "Adams"),
    1828: ({"Jackson": 178, "Adams": 83}, "Jackson"),
    1832: ({"Jackson": 219, "Clay": 49, "Floyd": 11, "Wirt": 7}, "Jackson"),
    1836: ({"Van Buren": 170, "Harrison": 73, "White": 26, "Webster": 14, "Mangum": 11}, "Van Buren"),
    1840: ({"Harrison": 234, "Van Buren": 60}, "Harrison"),
    1844: ({"Polk": 170, "Clay": 105}, "Polk"),
    1848: ({"Taylor": 163, "Cass": 127}, "Taylor"),
    1852: ({"Pierce": 254, "Scott": 42}, "Pierce"),
    1856: ({"Buchanan": 174, "Frémont": 114, "Fillmore": 8}, "Buchanan"),
    1860: ({"Lincoln": 180, "Breckinridge": 72, "Bell": 39, "Douglas": 12}, "Lincoln"),
    1864: ({"Lincoln": 212, "McClellan": 21}, "Lincoln"),
    1868: ({"Grant": 214, "Seymour": 80}, "Grant"),
    1872: ({"Grant": 286, "Hendricks": 42, "Brown": 18, "Jenkins": 2, "Davis": 1}, "Grant"),
    1876: ({"Hayes": 185, "Tilden": 184}, "Hayes"),
    1880: ({"Garfield": 214, "Hancock": 155}, "Garfield"),
    1884: ({"Cleveland": 219, "Blaine": 182}, "Cleveland"),
    1888: ({"Harrison": 233, "Cleveland": 168}, "Harrison"),
    1892: ({"Cleveland": 277, "Harrison": 145, "Weaver": 22}, "Cleveland"),
    1896: ({"McKinley": 271, "Bryan": 176}, "McKinley"),
    1900: ({"McKinley": 292, "Bryan": 155}, "McKinley"),
    1904: ({"Roosevelt": 336, "Parker": 140}, "Roosevelt"),
    1908: ({"Taft": 321, "Bryan": 162}, "Taft"),
    1912: ({"Wilson": 435, "Roosevelt": 88, "Taft": 8}, "Wilson"),
    1916: ({"Wilson": 277, "Hughes": 254}, "Wilson"),
    1920: ({"Harding": 404, "Cox": 127}, "Harding"),
    1924: ({"Coolidge": 382, "Davis": 136, "La Follette": 13}, "Coolidge"),
    1928: ({"Hoover": 444, "Smith": 87}, "Hoover"),
    1932: ({"Roosevelt": 472, "Hoover": 59}, "Roosevelt"),
    1936: ({"Roosevelt": 523, "Landon": 8}, "Roosevelt"),
    1940: ({"Roosevelt": 449, "Willkie": 82}, "Roosevelt"),
    1944: ({"Roosevelt": 432, "Dewey": 99}, "Roosevelt"),
    1948: ({"Truman": 303, "Dewey": 189, "Thurmond": 39}, "Truman"),
    1952: ({"Eisenhower": 442, "Stevenson": 89}, "Eisenhower"),
    1956: ({"Eisenhower": 457, "Stevenson": 73, "Jones": 1}, "Eisenhower"),
    1960: ({"Kennedy": 303, "Nixon": 219, "Byrd": 15}, "Kennedy"),
    1964: ({"Johnson": 486, "Goldwater": 52}, "Johnson"),
    1968: ({"Nixon": 301, "Humphrey": 191, "Wallace": 46}, "Nixon"),
    1972: ({"Nixon": 520, "McGovern": 17, "Hospers": 1}, "Nixon"),
    1976: ({"Carter": 297, "Ford": 240, "Reagan": 1}, "Carter"),
    1980: ({"Reagan": 489, "Carter": 49}, "Reagan"),
    1984: ({"Reagan": 525, "Mondale": 13}, "Reagan"),
    1988: ({"Bush": 426, "Dukakis": 111, "Bentsen": 1}, "Bush"),
    1992: ({"Clinton": 370, "Bush": 168}, "Clinton"),
    1996: ({"Clinton": 379, "Dole": 159}, "Clinton"),
    2000: ({"Bush": 271, "Gore": 266}, "Bush"),
    2004: ({"Bush": 286, "Kerry": 251, "Edwards": 1}, "Bush"),
    2008: ({"Obama": 365, "McCain": 173}, "Obama"),
    2012: ({"Obama": 332, "Romney": 206}, "Obama"),
    2016: ({"Trump": 304, "Clinton": 227, "Powell": 3, "Sanders": 1, "Kasich": 1, "Paul": 1, "Spotted Eagle": 1}, "Trump"),
    2020: ({"Biden": 306, "Trump": 232}, "Biden"),
    2024: ({"Trump": 312, "Harris": 226}, "Trump"),
}


def _by_surname(name_part: str, names: list[str]) -> str:
    """The one recorded candidate whose name ends with (or contains) the official surname."""
    matches = [n for n in names if n.endswith(name_part)] or [n for n in names if name_part in n]
    assert len(matches) == 1, f"{name_part!r} matches {matches} in {names}"
    return matches[0]


def test_every_election_has_an_official_fact() -> None:
    assert sorted(OFFICIAL) == list(election_years())
    assert len(OFFICIAL) == 60


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_national_totals_and_winner(year: int) -> None:
    official, president = OFFICIAL[year]
    tally = electoral.election(year).tally()
    recorded = {c.name: c.electoral_votes for c in tally.candidates if c.electoral_votes > 0}
    matched = {_by_surname(surname, list(recorded)): votes for surname, votes in official.items()}
    assert matched == recorded
    assert tally.elected == _by_surname(president, list(recorded))


@pytest.mark.parametrize("year", [1800, 1824])
def test_contingent_elections(year: int) -> None:
    tally = electoral.election(year).tally()
    assert tally.winner is None
    assert tally.contingent is not None and "the House chooses" in tally.contingent.reason
    assert tally.contingent.decided_by == "House of Representatives"


def test_majority_is_more_than_half_of_electors_appointed() -> None:
    assert electoral.election(2020).tally().majority_needed == 270
    assert electoral.election(1960).tally().electors_appointed == 537  # 437-seat House after AK and HI
    assert electoral.election(1912).tally().electors_appointed == 531
