#!/usr/bin/env python3
"""Maine (1972-2024) and Nebraska (1992-2024) presidential popular vote by congressional district.

Writes ``src/electoral/data/district_popular_vote.csv`` with the columns
``year, unit, candidate, party, votes, total_votes, source``: one row for the Democratic and one
for the Republican nominee in every district that chose an elector (``ME-1``, ``ME-2`` since 1972;
``NE-1``..``NE-3`` since 1992). ``total_votes`` is the district's vote for all presidential
candidates as the source prints it (blank ballots are not votes and are not counted).

The raw kit has no district returns (see ``shared/data/README.md``), so every number below was read
from a public repository file, cited per row as ``repository path @commit``:

- ``BLACK``: Kenneth Black's "Presidential Vote By Congressional District Master" workbook (shared
  by Kiernan Park-Egan, Western Washington University), as extracted to one CSV per year in
  ``eigentaylor/margin-matters``. Used for Maine 1972-2008 and Nebraska 2004-2012, where its
  districts add up to the certified statewide Democratic and Republican votes (1972: see
  ``KNOWN_DIFFERENCES``) and agree with WIKI district by district.
- ``WIKI``: the results-by-state tables of the English Wikipedia articles on each election, as
  scraped to one CSV per year in the same repository. Used for Nebraska 1992-2000 and Maine 2012
  and 2016, where BLACK's districts miss the statewide totals or disagree with the official
  canvass (each replacement is commented below).
- ``NE_2016_CANVASS``: the Nebraska Secretary of State's official 2016 results for President by
  county and congressional district (Douglas, Sarpy and Dixon counties are split between
  districts), as transcribed by OpenElections. Summed here; the sums equal the certified
  statewide Clinton and Trump votes exactly, so they replace BLACK's 2016 Nebraska figures.
- ``PVI_INFO``: the 2020 and 2024 district tables (Democratic, Republican and other votes) in
  ``eigentaylor/historical-PVI``; their sums equal the certified statewide votes exactly.

Candidate names and parties come from the package's own ``candidates.csv``. Run
``python scripts/district_results.py`` to rewrite the CSV (deterministic); with the raw kit next to
the checkout (or ``--kit DIR``) it also prints the district sums against the statewide returns.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "electoral" / "data" / "district_popular_vote.csv"
CANDIDATES = REPO / "src" / "electoral" / "data" / "candidates.csv"
COLUMNS = ("year", "unit", "candidate", "party", "votes", "total_votes", "source")

BLACK = ("eigentaylor/margin-matters election_data/by_year/presidential_{year}.csv "
         "@75c9b03c5bbfe4fb51c369f0e6f23ecb57606680 (Kenneth Black; Presidential Vote By Congressional "
         "District Master; via Kiernan Park-Egan)")
NE_CANVASS = ("openelections/openelections-data-ne 2016/20161108__ne__general.csv "
              "@2977579be7c96148d9d31b00df2fc6343789ad35 (Nebraska Secretary of State official results; "
              "President by county and congressional district; summed)")
PVI_INFO = "eigentaylor/historical-PVI ME_NE_info.txt @2828834a4556b1f8313f1f0fff3e4602c84dd03b"
WIKI = ("eigentaylor/margin-matters election_data/wikipedia/wikipedia_{year}.csv @{commit} (results-by-state "
        "table of the English Wikipedia article '{year} United States presidential election')")
WIKI_COMMIT = {1992: "1c0779ad18b6e3acb4a571a7135ef6eb951e83d5", 1996: "1c0779ad18b6e3acb4a571a7135ef6eb951e83d5",
               2000: "602416c40da0893b730be1ee1de2cc8953165fd9", 2012: "1c0779ad18b6e3acb4a571a7135ef6eb951e83d5",
               2016: "602416c40da0893b730be1ee1de2cc8953165fd9"}


@dataclass(frozen=True)
class DistrictReturn:
    """One district's presidential vote as a source prints it: Democratic, Republican, all others.

    >>> r = DistrictReturn(2020, "ME-2", dem=168696, rep=196692, other=10961, source=PVI_INFO)
    >>> r.total_votes
    376349
    """

    year: int
    unit: str
    dem: int
    rep: int
    other: int
    source: str

    @property
    def total_votes(self) -> int:
        """Votes for all presidential candidates in the district."""
        return self.dem + self.rep + self.other


@dataclass(frozen=True)
class CountyReturn:
    """One county's (or county part's) 2016 Nebraska canvass line for President."""

    county: str
    unit: str
    rep: int
    dem: int
    libertarian: int
    green: int
    write_in: int


@dataclass(frozen=True)
class DistrictVote:
    """One row of ``district_popular_vote.csv``."""

    year: int
    unit: str
    candidate: str
    party: str
    votes: int
    total_votes: int
    source: str


def _r(year: int, unit: str, *, dem: int, rep: int, other: int, source: str) -> DistrictReturn:
    return DistrictReturn(year, unit, dem, rep, other, source.format(year=year, commit=WIKI_COMMIT.get(year, "")))


# Districts as printed by the sources. BLACK columns: R_votes, D_votes, other_votes (total = sum).
RETURNS: tuple[DistrictReturn, ...] = (
    _r(1972, "ME-1", dem=85028, rep=135388, other=100, source=BLACK),
    _r(1972, "ME-2", dem=75556, rep=121120, other=129, source=BLACK),
    _r(1976, "ME-1", dem=123598, rep=127019, other=1281, source=BLACK),
    _r(1976, "ME-2", dem=108681, rep=109301, other=2214, source=BLACK),
    _r(1980, "ME-1", dem=117613, rep=126274, other=36321, source=BLACK),
    _r(1980, "ME-2", dem=103361, rep=112248, other=26603, source=BLACK),
    _r(1984, "ME-1", dem=117450, rep=175472, other=1057, source=BLACK),
    _r(1984, "ME-2", dem=97065, rep=161028, other=1072, source=BLACK),
    _r(1988, "ME-1", dem=131078, rep=169292, other=2392, source=BLACK),
    _r(1988, "ME-2", dem=112491, rep=137839, other=1943, source=BLACK),
    _r(1992, "ME-1", dem=145191, rep=115697, other=104312, source=BLACK),
    _r(1992, "ME-2", dem=118229, rep=90807, other=105263, source=BLACK),
    _r(1996, "ME-1", dem=165053, rep=100851, other=51217, source=BLACK),
    _r(1996, "ME-2", dem=147735, rep=85527, other=55514, source=BLACK),
    _r(2000, "ME-1", dem=176293, rep=148618, other=24023, source=BLACK),
    _r(2000, "ME-2", dem=143658, rep=137998, other=21200, source=BLACK),
    _r(2004, "ME-1", dem=211703, rep=165824, other=6865, source=BLACK),
    _r(2004, "ME-2", dem=185139, rep=164377, other=6844, source=BLACK),
    _r(2008, "ME-1", dem=232145, rep=144604, other=6877, source=BLACK),
    _r(2008, "ME-2", dem=189778, rep=150669, other=7090, source=BLACK),
    # 2012 and 2016 Maine: WIKI, not BLACK. Correction toward the Maine Secretary of State's
    # certified statewide vote: BLACK printed ME-1 221952/142573 and ME-2 177283/148845 (2012), and
    # ME-1 210979/154127 and ME-2 143739/180818 (2016), Democratic/Republican, short of the
    # certified statewide totals by 2071/858 and 3017/648 votes; WIKI is short by 273/124 and 144/32.
    # 2012: 2071/858 is exactly the statewide UOCAVA (overseas) line of the Secretary of State's town
    # tabulation (openelections/openelections-data-me 2012/20121106__me__general__town.csv @df5862f3),
    # which has no town and so no district; no source assigning all of it to districts was found.
    _r(2012, "ME-1", dem=223035, rep=142937, other=8447, source=WIKI),
    _r(2012, "ME-2", dem=177998, rep=149215, other=9013, source=WIKI),
    _r(2016, "ME-1", dem=212774, rep=154384, other=27171, source=WIKI),
    _r(2016, "ME-2", dem=144817, rep=181177, other=27422, source=WIKI),
    _r(2020, "ME-1", dem=266376, rep=164045, other=12691, source=PVI_INFO),
    _r(2020, "ME-2", dem=168696, rep=196692, other=10961, source=PVI_INFO),
    _r(2024, "ME-1", dem=258863, rep=165214, other=9632, source=PVI_INFO),
    _r(2024, "ME-2", dem=176789, rep=212763, other=8114, source=PVI_INFO),
    # 1992-2000 Nebraska: WIKI, not BLACK. Correction, Nebraska Secretary of State official results
    # (reported by district; WIKI's districts add up to the certified statewide vote in each year,
    # and where the official canvass is at hand, 2016, WIKI equals it while BLACK does not).
    # BLACK printed, Democratic/Republican: 1992 NE-1 80938/107360, NE-2 78816/115380, NE-3
    # 57590/121606 (480/668 over the statewide total); 1996 NE-1 87712/114563, NE-2 84667/116889;
    # 2000 NE-1 86773/142161, NE-2 89148/131886 (1996 and 2000 sum to the statewide total too).
    # The 1992 WIKI totals count only the Perot vote among the other candidates.
    _r(1992, "NE-1", dem=80696, rep=107081, other=59974, source=WIKI),
    _r(1992, "NE-2", dem=78701, rep=115255, other=48657, source=WIKI),
    _r(1992, "NE-3", dem=57467, rep=121342, other=65473, source=WIKI),
    _r(1996, "NE-1", dem=87713, rep=114560, other=28057, source=WIKI),
    _r(1996, "NE-2", dem=84666, rep=116892, other=21102, source=WIKI),
    _r(1996, "NE-3", dem=64382, rep=132015, other=28028, source=WIKI),
    _r(2000, "NE-1", dem=86946, rep=142562, other=12515, source=WIKI),
    _r(2000, "NE-2", dem=88975, rep=131485, other=10552, source=WIKI),
    _r(2000, "NE-3", dem=55859, rep=159815, other=8310, source=WIKI),
    _r(2004, "NE-1", dem=96314, rep=169888, other=3896, source=BLACK),
    _r(2004, "NE-2", dem=97858, rep=153041, other=3525, source=BLACK),
    _r(2004, "NE-3", dem=60156, rep=189885, other=3623, source=BLACK),
    _r(2008, "NE-1", dem=121411, rep=148179, other=4303, source=BLACK),
    _r(2008, "NE-2", dem=138809, rep=135439, other=3561, source=BLACK),
    _r(2008, "NE-3", dem=73099, rep=169361, other=4282, source=BLACK),
    _r(2012, "NE-1", dem=108082, rep=152021, other=5933, source=BLACK),
    _r(2012, "NE-2", dem=121889, rep=140976, other=5162, source=BLACK),
    _r(2012, "NE-3", dem=72110, rep=182067, other=6111, source=BLACK),
    # 2016 Nebraska: summed from the official canvass below, not BLACK. Correction, Nebraska
    # Secretary of State official results: BLACK printed NE-1 100126/158626 and NE-3 53290/199657
    # (Clinton/Trump), 48 and 114 votes short of the certified statewide totals; NE-2 agrees.
    _r(2020, "NE-1", dem=132261, rep=180290, other=9335, source=PVI_INFO),
    _r(2020, "NE-2", dem=176468, rep=154377, other=8821, source=PVI_INFO),
    _r(2020, "NE-3", dem=65854, rep=222179, other=6798, source=PVI_INFO),
    _r(2024, "NE-1", dem=136153, rep=177666, other=6375, source=PVI_INFO),
    _r(2024, "NE-2", dem=163541, rep=148905, other=6200, source=PVI_INFO),
    _r(2024, "NE-3", dem=70301, rep=238245, other=4796, source=PVI_INFO),
)

# Nebraska 2016, President, official results by county and congressional district (Nebraska
# Secretary of State canvass via OpenElections): Trump, Clinton, Johnson, Stein, write-ins.
NE_2016_CANVASS: tuple[CountyReturn, ...] = tuple(CountyReturn(*row) for row in (
    ("Burt", "NE-1", 2367, 930, 197, 39, 25), ("Butler", "NE-1", 3079, 691, 129, 27, 55),
    ("Cass", "NE-1", 8452, 3484, 639, 132, 226), ("Colfax", "NE-1", 2171, 859, 118, 26, 40),
    ("Cuming", "NE-1", 3122, 719, 157, 26, 50), ("Dixon", "NE-1", 130, 54, 15, 1, 0),
    ("Dodge", "NE-1", 9933, 4544, 624, 162, 266), ("Lancaster", "NE-1", 61588, 61898, 7109, 1974, 3654),
    ("Madison", "NE-1", 10628, 2711, 669, 126, 209), ("Otoe", "NE-1", 4860, 2025, 375, 58, 139),
    ("Platte", "NE-1", 10965, 2646, 495, 86, 241), ("Polk", "NE-1", 2028, 413, 102, 6, 33),
    ("Sarpy", "NE-1", 15656, 10801, 1839, 371, 666), ("Saunders", "NE-1", 7555, 2523, 515, 97, 170),
    ("Seward", "NE-1", 5454, 1875, 337, 84, 172), ("Stanton", "NE-1", 2187, 417, 144, 14, 39),
    ("Thurston", "NE-1", 1043, 919, 56, 49, 21), ("Washington", "NE-1", 7424, 2623, 513, 97, 175),
    ("Douglas", "NE-2", 108077, 113798, 10402, 2882, 5274), ("Sarpy", "NE-2", 29487, 17232, 2843, 465, 1220),
    ("Adams", "NE-3", 9287, 3302, 594, 111, 219), ("Antelope", "NE-3", 2732, 383, 105, 19, 42),
    ("Arthur", "NE-3", 244, 17, 11, 0, 1), ("Banner", "NE-3", 357, 19, 14, 3, 9),
    ("Blaine", "NE-3", 276, 30, 10, 0, 1), ("Boone", "NE-3", 2299, 414, 137, 17, 38),
    ("Box Butte", "NE-3", 3617, 965, 230, 36, 76), ("Boyd", "NE-3", 983, 128, 23, 13, 9),
    ("Brown", "NE-3", 1385, 153, 39, 7, 13), ("Buffalo", "NE-3", 14569, 4763, 1174, 227, 396),
    ("Cedar", "NE-3", 3532, 571, 224, 31, 62), ("Chase", "NE-3", 1648, 171, 54, 6, 19),
    ("Cherry", "NE-3", 2623, 317, 127, 15, 36), ("Cheyenne", "NE-3", 3665, 711, 213, 46, 76),
    ("Clay", "NE-3", 2422, 477, 116, 15, 35), ("Custer", "NE-3", 4695, 641, 206, 37, 73),
    ("Dakota", "NE-3", 3616, 2314, 229, 50, 70), ("Dawes", "NE-3", 2632, 801, 191, 52, 75),
    ("Dawson", "NE-3", 5984, 2136, 381, 58, 76), ("Deuel", "NE-3", 809, 120, 47, 1, 7),
    ("Dixon", "NE-3", 1911, 502, 115, 17, 38), ("Dundy", "NE-3", 823, 89, 31, 6, 4),
    ("Fillmore", "NE-3", 2130, 613, 151, 21, 26), ("Franklin", "NE-3", 1347, 250, 54, 7, 15),
    ("Frontier", "NE-3", 1110, 161, 36, 8, 13), ("Furnas", "NE-3", 1921, 304, 85, 11, 19),
    ("Gage", "NE-3", 6380, 2935, 492, 104, 137), ("Garden", "NE-3", 869, 153, 39, 2, 12),
    ("Garfield", "NE-3", 821, 121, 23, 5, 10), ("Gosper", "NE-3", 794, 166, 38, 6, 6),
    ("Grant", "NE-3", 367, 20, 6, 1, 11), ("Greeley", "NE-3", 912, 210, 38, 6, 9),
    ("Hall", "NE-3", 14408, 6282, 895, 192, 283), ("Hamilton", "NE-3", 3783, 878, 224, 43, 76),
    ("Harlan", "NE-3", 1496, 254, 62, 7, 13), ("Hayes", "NE-3", 472, 30, 8, 1, 3),
    ("Hitchcock", "NE-3", 1232, 161, 61, 7, 7), ("Holt", "NE-3", 4354, 531, 162, 27, 44),
    ("Hooker", "NE-3", 355, 40, 16, 3, 3), ("Howard", "NE-3", 2284, 544, 108, 22, 36),
    ("Jefferson", "NE-3", 2399, 837, 182, 30, 46), ("Johnson", "NE-3", 1355, 563, 122, 22, 27),
    ("Kearney", "NE-3", 2531, 550, 148, 26, 41), ("Keith", "NE-3", 3235, 571, 164, 25, 39),
    ("Keya Paha", "NE-3", 460, 40, 17, 0, 2), ("Kimball", "NE-3", 1330, 230, 78, 18, 21),
    ("Knox", "NE-3", 3188, 720, 137, 29, 41), ("Lincoln", "NE-3", 12164, 2913, 711, 107, 236),
    ("Logan", "NE-3", 400, 32, 18, 1, 2), ("Loup", "NE-3", 323, 48, 10, 1, 3),
    ("McPherson", "NE-3", 257, 14, 14, 1, 1), ("Merrick", "NE-3", 2926, 602, 165, 29, 66),
    ("Morrill", "NE-3", 1802, 284, 84, 14, 25), ("Nance", "NE-3", 1261, 281, 48, 14, 17),
    ("Nemaha", "NE-3", 2116, 785, 180, 27, 53), ("Nuckolls", "NE-3", 1726, 353, 88, 20, 18),
    ("Pawnee", "NE-3", 974, 279, 55, 10, 9), ("Perkins", "NE-3", 1217, 161, 54, 5, 18),
    ("Phelps", "NE-3", 3849, 572, 190, 18, 66), ("Pierce", "NE-3", 3052, 382, 125, 21, 50),
    ("Red Willow", "NE-3", 4258, 645, 191, 26, 50), ("Richardson", "NE-3", 2769, 818, 159, 27, 32),
    ("Rock", "NE-3", 687, 70, 33, 4, 4), ("Saline", "NE-3", 3004, 1733, 284, 52, 63),
    ("Scotts Bluff", "NE-3", 10076, 3207, 683, 126, 225), ("Sheridan", "NE-3", 2211, 287, 70, 18, 22),
    ("Sherman", "NE-3", 1150, 340, 59, 13, 11), ("Sioux", "NE-3", 616, 81, 28, 4, 7),
    ("Thayer", "NE-3", 2051, 499, 124, 10, 6), ("Thomas", "NE-3", 344, 30, 10, 3, 6),
    ("Valley", "NE-3", 1780, 339, 53, 12, 21), ("Wayne", "NE-3", 2693, 835, 202, 35, 11),
    ("Webster", "NE-3", 1330, 306, 51, 10, 11), ("Wheeler", "NE-3", 377, 62, 17, 4, 5),
    ("York", "NE-3", 4700, 1186, 345, 52, 98),
))

# Where the district sums differ from the certified statewide vote: (district sum minus statewide)
# for the Democratic and Republican nominee, and what is known of it. Statewide figures: MEDSL
# "U.S. President 1976-2020/2024" (the states' certified returns); 1972: the House Clerk's
# statistics as entered by clavesi. No second district source was found for these years, so the
# districts are kept as BLACK prints them; docs/districts.md discusses each case.
KNOWN_DIFFERENCES: dict[tuple[int, str], tuple[int, int, str]] = {
    (1972, "ME"): (0, 50, "Nixon's district votes (BLACK and WIKI alike) sum to 50 more than the House Clerk's statewide figure"),
    (2012, "ME"): (-273, -124, "overseas ballots: the statewide UOCAVA line (Obama 2,071, Romney 858) has no district; "
                               "BLACK omits all of it, WIKI all but 273/124"),
    (2016, "ME"): (-144, -32, "the 2016 Maine districts sum to less than the certified statewide vote"),
}


def aggregate_canvass(year: int, lines: tuple[CountyReturn, ...], source: str) -> tuple[DistrictReturn, ...]:
    """Sum county canvass lines into one return per district (the county splits add up).

    >>> two = (CountyReturn("A", "NE-1", 3, 2, 1, 0, 0), CountyReturn("B", "NE-1", 4, 1, 0, 1, 1))
    >>> aggregate_canvass(2016, two, "test")
    (DistrictReturn(year=2016, unit='NE-1', dem=3, rep=7, other=3, source='test'),)
    """
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for line in lines:
        acc = sums[line.unit]
        acc[0] += line.dem
        acc[1] += line.rep
        acc[2] += line.libertarian + line.green + line.write_in
    return tuple(DistrictReturn(year, unit, dem, rep, other, source) for unit, (dem, rep, other) in sorted(sums.items()))


def nominees(path: Path = CANDIDATES) -> dict[tuple[int, str], str]:
    """(year, party) -> candidate for the Democratic and Republican nominees, from candidates.csv."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {(int(r["year"]), r["party"]): r["candidate"] for r in csv.DictReader(handle)
                if r["party"] in ("Democratic", "Republican")}


def rows_for(ret: DistrictReturn, names: dict[tuple[int, str], str]) -> tuple[DistrictVote, DistrictVote]:
    """The Democratic and Republican rows of one district return.

    >>> r = DistrictReturn(2008, "NE-2", dem=138809, rep=135439, other=3561, source="s")
    >>> d, rep = rows_for(r, {(2008, "Democratic"): "Barack Obama", (2008, "Republican"): "John McCain"})
    >>> d.candidate, d.votes, rep.candidate, rep.total_votes
    ('Barack Obama', 138809, 'John McCain', 277809)
    """
    def row(party: str, votes: int) -> DistrictVote:
        return DistrictVote(ret.year, ret.unit, names[(ret.year, party)], party, votes, ret.total_votes, ret.source)

    return row("Democratic", ret.dem), row("Republican", ret.rep)


def all_returns() -> tuple[DistrictReturn, ...]:
    """Every district return, sorted by year and unit."""
    returns = RETURNS + aggregate_canvass(2016, NE_2016_CANVASS, NE_CANVASS)
    keys = [(r.year, r.unit) for r in returns]
    if len(keys) != len(set(keys)):
        raise SystemExit("duplicate district return")
    return tuple(sorted(returns, key=lambda r: (r.year, r.unit)))


def build_rows() -> tuple[DistrictVote, ...]:
    """All rows of district_popular_vote.csv."""
    names = nominees()
    return tuple(row for ret in all_returns() for row in rows_for(ret, names))


def write(rows: tuple[DistrictVote, ...], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(COLUMNS)
        for r in rows:
            out.writerow((r.year, r.unit, r.candidate, r.party, r.votes, r.total_votes, r.source))


def statewide_from_kit(kit: Path) -> dict[tuple[int, str], tuple[int, int]]:
    """(year, state) -> statewide (Democratic, Republican) votes: MEDSL from 1976, clavesi for 1972."""
    out: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    clavesi = json.loads((kit / "results" / "presidential-election-results" / "json" / "1972.json").read_text())
    for state, code in (("Maine", "ME"), ("Nebraska", "NE")):
        for name, votes in clavesi["votes"][state]["popular"].items():
            party = clavesi["candidates"][name]
            if party in ("Democratic", "Republican"):
                out[(1972, code)][party == "Republican"] += int(votes)
    for name in ("1976-2020-president.csv", "1976-2024-president_2024-rows.csv"):
        with (kit / "results" / name).open(encoding="utf-8", newline="") as handle:
            for r in csv.DictReader(handle):
                if r["state_po"] in ("ME", "NE") and r["party_simplified"] in ("DEMOCRAT", "REPUBLICAN"):
                    out[(int(r["year"]), r["state_po"])][r["party_simplified"] == "REPUBLICAN"] += int(r["candidatevotes"])
    return {k: (v[0], v[1]) for k, v in out.items()}


def report(kit: Path) -> int:
    """Print district sums against the statewide returns; 1 if a difference is not in KNOWN_DIFFERENCES."""
    statewide = statewide_from_kit(kit)
    sums: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in all_returns():
        acc = sums[(r.year, r.unit[:2])]
        acc[0] += r.dem
        acc[1] += r.rep
    bad = 0
    print("year state  D districts-statewide  R districts-statewide")
    for key in sorted(sums):
        if key not in statewide:
            print(f"{key[0]} {key[1]}  (no statewide return in the kit)")
            continue
        diff = (sums[key][0] - statewide[key][0], sums[key][1] - statewide[key][1])
        known = KNOWN_DIFFERENCES.get(key, (0, 0, ""))[:2]
        flag = "" if diff == known else "  UNEXPECTED"
        bad += bool(flag)
        print(f"{key[0]} {key[1]}  {diff[0]:+7d}  {diff[1]:+7d}{flag}")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kit", type=Path, default=REPO.parent / "shared" / "data",
                        help="raw data kit, only for the statewide cross-check (default: ../shared/data)")
    args = parser.parse_args(argv)
    rows = build_rows()
    write(rows)
    print(f"wrote {len(rows)} rows to {OUT.relative_to(REPO)}")
    if (args.kit / "results").is_dir():
        return report(args.kit)
    print("kit not found: statewide cross-check skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
