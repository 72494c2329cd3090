"""Membership of the National Popular Vote Interstate Compact by year, against dated public records."""

from __future__ import annotations

from datetime import date

from electoral.rules.compact import compact_members, membership


def test_maryland_was_first_and_maine_last() -> None:
    # Maryland signed 10 Apr 2007 (Washington Post); Maine: law without signature, 16 Apr 2024 (Maine Legislature, LD 1578)
    first, last = compact_members()[0], compact_members()[-1]
    assert (first.state, first.enacted) == ("MD", date(2007, 4, 10))
    assert (last.state, last.enacted) == ("ME", date(2024, 4, 16))


def test_totals_match_the_running_counts_reported_at_each_enactment() -> None:
    # Reported totals: 50 after Hawaii (2008: MD 10 + NJ 15 + IL 21 + HI 4), 132 after California
    # (Nonprofit VOTE, Aug 2011), 165 after New York (CBS, Apr 2014), 196 after Oregon (CNN, Jun 2019),
    # 209 after Maine (AP, Apr 2024)
    assert [membership(y).electoral_votes for y in (2008, 2012, 2016, 2020, 2024)] == [50, 132, 165, 196, 209]


def test_members_count_on_election_day() -> None:
    assert len(membership(2024).members) == 18  # 17 states and DC
    assert "MN" not in membership(2020).states and "MN" in membership(2024).states  # signed 24 May 2023
    assert "CO" in membership(2020).states  # signed 15 Mar 2019 (upheld by referendum 3 Nov 2020)
    assert membership(2004).members == ()


def test_the_compact_was_never_active() -> None:
    assert not any(membership(y).active for y in range(2008, 2028, 4))
    assert membership(2024).needed == 270
