"""Status of an election on a date: the step reached, the confirmed result, what came next."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import electoral
from electoral.certification import STAGE_LABELS, electors_tally, parse_as_of, status_as_of
from electoral.errors import InvalidInput, UnknownYear
from electoral.rules.calendar import step_kinds
from electoral.units import election_years

STAGE_ORDER = list(STAGE_LABELS)


def test_2020_after_the_electors_voted() -> None:
    # House Clerk / National Archives: on 14 Dec 2020 the electors cast 306 votes for Biden, 232 for Trump.
    s = status_as_of(2020, "2020-12-15")
    assert (s.stage, s.confirmed_by) == ("electors_voted", "electors")
    assert (s.tally.electoral_votes("Joe Biden"), s.tally.electoral_votes("Donald Trump")) == (306, 232)
    assert (s.tally.majority_needed, s.tally.winner) == (270, "Joe Biden")
    assert (s.next_step.step, s.next_step.date) == ("joint_session", date(2021, 1, 6))
    assert "voted on 14 Dec 2020" in s.summary and "majority reached by Joe Biden" in s.summary


def test_2020_a_week_after_election_day() -> None:
    s = status_as_of(2020, date(2020, 11, 10))
    assert s.stage == "counting" and s.tally is None
    # The ledger knows states had certified: Oklahoma's State Election Board on Tuesday 10 Nov (Tulsa World).
    assert "OK" in [u.unit for u in s.ledger.units if u.state.certified]
    assert "not yet certified" not in s.summary and "the electors had not yet voted" in s.summary
    assert s.next_step.step == "safe_harbor"


def test_a_year_without_a_ledger_keeps_the_calendar_answer() -> None:
    s = status_as_of(2012, date(2012, 11, 10))
    assert s.ledger is None and "not yet certified or voted by the electors" in s.summary


def test_2020_count_under_way_then_declared() -> None:
    during, after = status_as_of(2020, "2021-01-06"), status_as_of(2020, "2021-01-07")
    assert during.stage == "electors_voted" and during.in_progress.step == "joint_session"
    assert after.stage == "counted" and after.confirmed_by == "congress" and after.next_step.step == "inauguration"


def test_votes_congress_rejected_count_as_cast_until_congress_counts() -> None:
    # House Clerk: in 1873 Congress rejected 3 Georgia votes cast for Greeley, who had died on 29 Nov 1872.
    assert electors_tally(1872).electoral_votes("Horace Greeley") == 3
    assert status_as_of(1872, "1873-01-01").tally.electoral_votes("Horace Greeley") == 3
    assert status_as_of(1872, "1873-02-13").tally.electoral_votes("Horace Greeley") == 0


def test_1824_the_house_chose_after_the_count() -> None:
    # House Journal: the count (9 Feb 1825) gave no majority; the House chose John Quincy Adams that day.
    s = status_as_of(1824, "1825-02-10")
    assert s.tally.winner is None and s.tally.contingent.chosen == "John Quincy Adams"
    assert "chose John Quincy Adams on 9 Feb 1825" in s.summary


def test_1800_the_house_had_not_yet_chosen() -> None:
    # House Journal: the count was 11 Feb 1801; the House chose Jefferson on 17 Feb 1801 (36th ballot).
    s = status_as_of(1800, "1801-02-12")
    assert s.stage == "counted" and "Pending" in s.summary and "17 Feb 1801" in s.summary


def test_1789_while_states_were_still_choosing_electors() -> None:
    s = status_as_of(1789, "1789-01-01")
    assert s.stage == "counting" and s.in_progress.step == "election_day"


def test_a_future_election_shows_the_calendar_and_no_result() -> None:
    future = election_years()[-1] + 4  # the first election the data does not record (2028 with 2024 data)
    s = status_as_of(future, f"{future}-12-25")
    assert not s.result_recorded and s.tally is None and s.stage == "electors_voted"
    assert "No result recorded" in s.summary and s.next_step.date == date(future + 1, 1, 6)


def test_the_package_exports_the_api() -> None:
    assert electoral.status_as_of(2024, "2025-01-07").tally.winner == "Donald Trump"
    assert electoral.calendar_for(2024).step("electors_meet").date == date(2024, 12, 17)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([1800, 1876, 1932, 2000, 2020, 2024, 2028]), st.integers(min_value=0, max_value=200),
       st.integers(min_value=1, max_value=200))
def test_the_stage_never_goes_back_as_time_passes(year: int, offset: int, later: int) -> None:
    start = electoral.calendar_for(year).steps[0].date - timedelta(days=20)
    first, second = status_as_of(year, start + timedelta(days=offset)), status_as_of(year, start + timedelta(days=offset + later))
    assert STAGE_ORDER.index(first.stage) <= STAGE_ORDER.index(second.stage)
    assert len(first.reached) <= len(second.reached)


@pytest.mark.parametrize("year", [1789, 1856, 1888, 1936, 2020, 2024])
def test_each_step_once_it_and_the_steps_before_it_are_complete_gives_its_stage(year: int) -> None:
    # (in 1789 the term began before the count, so the count's day gives the term's stage at once)
    steps = electoral.calendar_for(year).steps
    done_by = [max(s.completed for s in steps[:k + 1]) for k in range(len(steps))]
    for day in done_by:
        last = max(k for k in range(len(steps)) if done_by[k] <= day)
        assert status_as_of(year, day).stage == step_kinds()[steps[last].step].stage


def test_1876_hayes_took_office_on_4_march_not_on_the_day_of_his_private_oath() -> None:
    # 1792 act, 12: the term commences "on the fourth day of March next succeeding" the electors' vote;
    # Hayes took the oath privately on Saturday 3 March 1877, while Grant was still President.
    before, on = status_as_of(1876, "1877-03-03"), status_as_of(1876, "1877-03-04")
    assert before.stage == "counted" and before.next_step.step == "inauguration"
    assert before.next_step.date == date(1877, 3, 4) and "took office" not in before.summary
    assert "term of office begins on 4 Mar 1877" in before.summary
    assert on.stage == "inaugurated" and "The term of Rutherford B. Hayes began on 4 Mar 1877" in on.summary
    assert "Saturday 3 March" in on.summary  # the oath, in the note


@pytest.mark.parametrize("year, first_day", [(1820, date(1821, 3, 4)), (1848, date(1849, 3, 4)),
                                             (1956, date(1957, 1, 20)), (1984, date(1985, 1, 20))])
def test_a_sunday_term_began_on_the_sunday_though_the_public_oath_came_on_monday(year: int, first_day: date) -> None:
    assert status_as_of(year, first_day - timedelta(days=1)).stage == "counted"
    assert status_as_of(year, first_day).stage == "inaugurated"


def test_1789_the_term_began_before_the_count_and_the_stage_waits_for_the_count() -> None:
    # 1788 resolution: the new government to begin on 4 March 1789; the Senate first had a quorum, and
    # the votes were counted, on 6 April (First Journal of the Senate)
    early = status_as_of(1789, "1789-03-10")
    assert early.stage == "electors_voted" and [s.step for s in early.passed_early] == ["inauguration"]
    assert "By law, the new term began on 4 Mar 1789" in early.summary
    assert early.next_step.step == "joint_session" and early.next_step.date == date(1789, 4, 6)
    later = status_as_of(1789, "1789-04-06")
    assert later.stage == "inaugurated" and not later.passed_early and "30 April" in later.summary


@pytest.mark.parametrize("bad, message", [
    ("2020-13-01", "'2020-13-01'"), ("15/12/2020", "'15/12/2020'"), ("", "''"),
    ("1700-01-01", "1700-01-01 is before the first presidential election"),
])
def test_bad_dates_are_named(bad: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_as_of(bad)


def test_a_year_without_an_election_is_refused() -> None:
    with pytest.raises(UnknownYear, match="2021"):
        status_as_of(2021, "2021-06-01")


def test_certifications_the_ledger_lacks_are_said_to_be_missing_not_pending() -> None:
    # every state certified in 2016; the packaged ledger holds 6 of those acts: the status says the rest are not in
    # the ledger (it must not read as if 50 units had not certified) and calls projections what they are
    summary = status_as_of(2016, "2016-12-20").summary
    assert "the ledger holds no certification of 50 units" in summary
    assert "by decision desks" not in summary and "projected (a race call or a later step)" in summary
