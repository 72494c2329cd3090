"""The calendar's rule language, its tables and the legal order of the steps."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral.errors import InvalidInput, UnknownYear
from electoral.rules.calendar import (
    RULE_FORMS, actual_dates, calendar_for, laws, parse_rule, rule_date, rule_text, rules_for, step_kinds,
    step_rules, validate_calendar_year,
)
from electoral.units import election_years

FUTURE = st.integers(min_value=2028, max_value=2400).map(lambda y: y - y % 4)
ANY_YEAR = st.one_of(st.sampled_from(election_years()), FUTURE)


# -- the rule language ---------------------------------------------------------------------------

@pytest.mark.parametrize("rule, year, expected", [
    ("March 4 next year", 1792, date(1793, 3, 4)),
    ("1st Wednesday of December", 2023, date(2023, 12, 6)),
    ("2nd Monday of January next year", 1928, date(1929, 1, 14)),
    ("Tuesday after 1st Monday of November", 2022, date(2022, 11, 8)),  # Nov 1 2022 is a Tuesday: not it
    ("Monday after 2nd Wednesday of December", 2020, date(2020, 12, 14)),
])
def test_rule_forms_on_hand_checked_dates(rule: str, year: int, expected: date) -> None:
    assert rule_date(rule, year) == expected


def test_every_registered_form_parses_its_own_example() -> None:
    for name, form in RULE_FORMS.items():
        assert parse_rule(form.example)[0] == name


def test_relative_rules_need_the_step_they_refer_to() -> None:
    assert rule_date("34 days before electors_meet", 1800, {"electors_meet": date(1800, 12, 3)}) == date(1800, 10, 30)
    with pytest.raises(InvalidInput, match="electors_meet"):
        rule_date("6 days before electors_meet", 2000)


def test_unknown_rule_forms_are_named_in_the_error() -> None:
    with pytest.raises(InvalidInput, match="'the day after tomorrow'"):
        parse_rule("the day after tomorrow")


def test_rule_text_uses_step_labels() -> None:
    assert rule_text("6 days before electors_meet") == f"6 days before {step_kinds()['electors_meet'].label}"


@given(st.integers(min_value=1792, max_value=9000), st.integers(min_value=1, max_value=12),
       st.integers(min_value=1, max_value=4), st.integers(min_value=0, max_value=6))
def test_nth_weekday_is_that_weekday_in_that_week_of_the_month(year: int, month: int, nth: int, weekday: int) -> None:
    name = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[weekday]
    month_name = date(2000, month, 1).strftime("%B")
    day = rule_date(f"{['1st', '2nd', '3rd', '4th'][nth - 1]} {name} of {month_name}", year)
    assert day.weekday() == weekday and day.month == month and (day.day - 1) // 7 == nth - 1


# -- the tables ----------------------------------------------------------------------------------

def test_every_rule_row_parses_and_names_a_known_law_and_step() -> None:
    for r in step_rules():
        assert r.law in laws() and r.step in step_kinds(), r
        parse_rule(r.rule)
        if r.until:
            parse_rule(r.until)
        assert r.citation


def test_every_law_is_used_and_cited() -> None:
    used = {r.law for r in step_rules()}
    assert used == set(laws())
    assert all(law.citation and law.verified_from for law in laws().values())


def test_every_recorded_date_has_a_note_and_a_source_for_a_real_election() -> None:
    for a in actual_dates():
        assert a.year in election_years() and a.step in step_kinds(), a
        assert a.note and a.source, a


@pytest.mark.parametrize("year", election_years())
def test_one_rule_per_step_and_the_core_steps_in_every_election(year: int) -> None:
    steps = {s.step for s in calendar_for(year).steps}
    assert {"election_day", "electors_meet", "joint_session", "inauguration"} <= steps
    assert len(rules_for(year)) == len({r.step for r in rules_for(year).values()})


# -- legal order ---------------------------------------------------------------------------------

def _in_order(days: list[tuple[date, date | None]]) -> bool:
    return all((end or start) < next_start for (start, end), (next_start, _) in zip(days, days[1:]))


def _ordered_steps(year: int) -> list:
    # 1789 alone: the 1788 resolution fixed one day, 4 March, for Congress to begin (and count) and for
    # the government, so the first term, to begin; Congress had no quorum to count until 6 April.
    return [s for s in calendar_for(year).steps if not (year == 1789 and s.step == "inauguration")]


@given(ANY_YEAR)
def test_every_years_statutory_steps_come_in_legal_order(year: int) -> None:
    cal = calendar_for(year)
    assert _in_order([(s.statutory, s.statutory_until) for s in _ordered_steps(year) if s.statutory])
    assert [s.position for s in cal.steps] == sorted(s.position for s in cal.steps)


@pytest.mark.parametrize("year", election_years())
def test_every_years_recorded_steps_come_in_legal_order(year: int) -> None:
    assert _in_order([(s.date, s.until) for s in _ordered_steps(year) if s.date])


def test_1789_the_first_term_began_before_the_votes_were_counted() -> None:
    cal = calendar_for(1789)
    term, count = cal.step("inauguration"), cal.step("joint_session")
    assert term.date == count.statutory == date(1789, 3, 4) and count.date == date(1789, 4, 6)


@given(st.sampled_from([y for y in election_years() if y >= 1848]) | FUTURE)
def test_election_day_is_a_tuesday_between_2_and_8_november(year: int) -> None:
    # The 1845 act "constrain[s] Election Day to the week between November 2 and November 8 inclusive"
    # (Wikipedia, Election Day (United States)).
    day = calendar_for(year).step("election_day").date
    assert day.weekday() == 1 and date(year, 11, 2) <= day <= date(year, 11, 8)


@pytest.mark.parametrize("year", range(1848, 1885, 4))
def test_under_the_1845_and_1792_acts_electors_met_29_days_after_election_day(year: int) -> None:
    # "The period between Election Day and the first Wednesday in December is always 29 days"
    # (Wikipedia, Presidential Election Day Act).
    cal = calendar_for(year)
    assert cal.step("electors_meet").statutory - cal.step("election_day").statutory == timedelta(days=29)


@pytest.mark.parametrize("year", range(1936, 2021, 4))
def test_under_the_1934_act_electors_met_the_first_monday_after_12_december(year: int) -> None:
    # Same rule in other words: "the first Monday after December 12" (statutesandstories.com, 2020).
    day = calendar_for(year).step("electors_meet").statutory
    assert day.weekday() == 0 and date(year, 12, 13) <= day <= date(year, 12, 19)


def test_safe_harbor_six_days_before_the_electors_from_1888_to_2020_only() -> None:
    for year in election_years():
        steps = {s.step: s for s in calendar_for(year).steps}
        assert ("safe_harbor" in steps) == (1888 <= year <= 2020)
        if "safe_harbor" in steps:
            assert steps["electors_meet"].statutory - steps["safe_harbor"].statutory == timedelta(days=6)


# -- years ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("year", [2028, 2032, 2100, 9996])
def test_future_years_are_computed_under_current_law(year: int) -> None:
    cal = calendar_for(year)
    assert {s.law for s in cal.steps} == {"act-2022", "act-1934", "amendment-20"}
    assert cal.statutory_only


@pytest.mark.parametrize("bad, word", [(2022, "2022"), (1788, "1788"), ("20x4", "20x4"), (2023, "2023"),
                                       (10000, "10000"), (1790, "1790")])
def test_years_without_a_presidential_election_are_refused_by_name(bad: object, word: str) -> None:
    with pytest.raises(UnknownYear, match=word):
        validate_calendar_year(bad)
