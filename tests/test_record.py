"""The record's Python API: election(year), its DataFrames, aligned arrays, bad input."""

from __future__ import annotations

import numpy as np
import pytest

import electoral
from electoral.errors import UnknownUnit, UnknownYear


def test_election_api() -> None:
    e = electoral.election(2020)
    assert e.units.total == 538 and len(e.units) == 56
    df = e.popular_vote()
    assert {"state", "candidate", "party", "votes", "total_votes", "source"} <= set(df.columns)
    assert set(df.state) == set(e.units.states)
    assert e.electoral_votes_cast().electoral_votes.sum() == 538


@pytest.mark.parametrize("bad", [2023, 1787, "abc", "2020.5", ""])
def test_unknown_years(bad: object) -> None:
    with pytest.raises(UnknownYear, match=str(bad) if bad else "''"):
        electoral.election(bad)


def test_unknown_state() -> None:
    with pytest.raises(UnknownUnit, match="ZZ"):
        electoral.election(2020).results("ZZ")
    with pytest.raises(UnknownUnit, match="HI appointed no electors in 1956"):
        electoral.election(1956).results("HI")


def test_two_party_aligned_to_units() -> None:
    tp = electoral.election(2020).two_party()
    assert tp.votes.shape == (56, 2)
    wi = tp.units.index("WI")
    assert tp.votes[wi].tolist() == [1630866.0, 1610184.0]
    assert 0.044 < tp.national_margin < 0.046
    assert np.isnan(electoral.election(1800).two_party().votes).all()  # legislatures chose electors


def test_units_index_normalizes_codes() -> None:
    u = electoral.units_for(2020)
    assert u.index("me2") == u.index("ME-2")
    with pytest.raises(UnknownUnit, match="XX"):
        u.index("XX")


def test_results_order_does_not_depend_on_hash_seed():
    """Candidates with equal votes (2024 DE: Stein and Supreme, 914 each) list in the same order on every run."""
    import os
    import subprocess
    import sys

    code = "import electoral; print(electoral.election(2024).results('DE').candidate.tolist())"
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1


def test_results_of_a_district_unit_and_unknown_codes_listed():
    """ME-2 and NE-2 have their own rows: electors counted and the district's vote (2008 NE-2: Obama 138,809)."""
    me2 = electoral.election(2020).results("ME-2")
    assert me2.set_index("candidate").electoral_votes.to_dict() == {"Donald Trump": 1, "Joe Biden": 0}
    ne2 = electoral.election(2008).results("NE-2").set_index("candidate")
    assert int(ne2.loc["Barack Obama", "popular_votes"]) == 138809 and int(ne2.loc["Barack Obama", "electoral_votes"]) == 1
    with pytest.raises(UnknownUnit, match="2020 has AK, AL.*ME-2"):
        electoral.election(2020).results("ZZ")
