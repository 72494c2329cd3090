"""The calendar against dates confirmed by sources, for every law period (each fact names its source)."""

from __future__ import annotations

from datetime import date

import pytest

from electoral.rules.calendar import calendar_for
from electoral.units import election_years

# (election year, step, date, source) -- dates as fixed by law, confirmed by a record of the day.
STATUTORY_FACTS = [
    # Resolution of the Confederation Congress, 13 September 1788
    (1789, "election_day", date(1789, 1, 7), "Wikipedia, 1788-89 election (current revision ends it 7 Jan 1789)"),
    (1789, "electors_meet", date(1789, 2, 4), "Wikipedia, George Washington: electors voted on February 4, 1789"),
    (1789, "inauguration", date(1789, 3, 4), "Wikipedia, First inauguration of George Washington: the oath of 30 April "
                                             "came 'nearly two months after the beginning of the first four-year term'"),
    # Act of 1792
    (1816, "electors_meet", date(1816, 12, 4), "OurCampaigns, 1816 race: electors met 12/4/1816"),
    (1816, "joint_session", date(1817, 2, 12), "OurCampaigns, 1816 race: joint session 2/12/1817"),
    (1820, "electors_meet", date(1820, 12, 6), "OurCampaigns, 1820 race: electors assembled 12/6/1820"),
    (1820, "joint_session", date(1821, 2, 14), "Senate Journal, 13 Feb 1821: assemble 'on Wednesday next'"),
    (1844, "electors_meet", date(1844, 12, 4), "Wikipedia, Presidential Election Day Act: 1844 lasted to December 4"),
    (1876, "electors_meet", date(1876, 12, 6), "HarpWeek, 1876 day by day: Electoral College meets December 6"),
    (1928, "inauguration", date(1929, 3, 4), "archontology.org, Herbert Hoover: term 4 Mar 1929 - 4 Mar 1933"),
    # Act of 1845
    (1856, "election_day", date(1856, 11, 4), "Wikipedia, 1856 presidential election in Wisconsin"),
    (1876, "election_day", date(1876, 11, 7), "HarpWeek, 1876 day by day: November 7"),
    (1928, "election_day", date(1928, 11, 6), "OurCampaigns, 1928 race: popular vote cast on 11/6/1928"),
    (1956, "election_day", date(1956, 11, 6), "Wikipedia, 1956 presidential election: Tuesday, November 6, 1956"),
    # Electoral Count Act of 1887
    (1912, "joint_session", date(1913, 2, 12), "New York Times, 26 Jan 1913: canvassed 'on Feb. 12, the second Wednesday'"),
    (1928, "electors_meet", date(1929, 1, 14), "archontology.org, Herbert Hoover: electoral votes cast 14 Jan 1929"),
    (1928, "joint_session", date(1929, 2, 13), "S. Con. Res. 28, 70th Congress (45 Stat. pt. 2): Wednesday, 13 February 1929"),
    # Act of 1934 and 20th Amendment
    (1936, "joint_session", date(1937, 1, 6), "Politico, 'Two joint sessions in one day: Jan. 6, 1937'"),
    (1936, "inauguration", date(1937, 1, 20), "Joint Congressional Committee on Inaugural Ceremonies: took effect in 1937"),
    (1984, "electors_meet", date(1984, 12, 17), "OurCampaigns, 1984 race: electors met 12/17/1984"),
    (2000, "safe_harbor", date(2000, 12, 12), "Bush v. Gore, 531 U.S. 98 (decided 12 Dec 2000, the safe-harbor day)"),
    (2000, "electors_meet", date(2000, 12, 18), "Associated Press, 7 Jan 2001: votes cast in every state capital on Dec. 18"),
    (2000, "joint_session", date(2001, 1, 6), "Congressional Record vol. 147 pt. 1 pp. 101-115; AP: counted on Saturday"),
    (2004, "joint_session", date(2005, 1, 6), "Congressional Record, House, 6 January 2005, p. H84"),
    (2008, "electors_meet", date(2008, 12, 15), "Associated Press, 8 Jan 2009: electors gathered Dec. 15"),
    (2012, "electors_meet", date(2012, 12, 17), "The Green Papers, 2012 tabulation: cast on 17 December 2012"),
    (2020, "election_day", date(2020, 11, 3), "CRS report RL32717 (Dec 2020)"),
    (2020, "safe_harbor", date(2020, 12, 8), "CRS report RL32717 (Dec 2020): the last day ... was December 8, 2020"),
    (2020, "electors_meet", date(2020, 12, 14), "CRS report RL32717 (Dec 2020): December 14, 2020"),
    (2020, "inauguration", date(2021, 1, 20), "PBS NewsHour, 19 Jan 2021"),
    # Electoral Count Reform Act of 2022
    (2024, "election_day", date(2024, 11, 5), "NewsX, 4 Nov 2024: election on Tuesday, November 5, 2024"),
    (2024, "certificates", date(2024, 12, 11), "Treasure Coast Young Republicans 2024 calendar: certificates December 11"),
    (2024, "electors_meet", date(2024, 12, 17), "Treasure Coast Young Republicans 2024 calendar: Electoral College vote December 17"),
    (2024, "joint_session", date(2025, 1, 6), "Legal Insurrection, 6 Jan 2025 live coverage of the count"),
    (2024, "inauguration", date(2025, 1, 20), "inkl, 2025: Trump assumed office on January 20"),
]


@pytest.mark.parametrize("year, step, expected, source", STATUTORY_FACTS)
def test_the_law_gives_the_confirmed_date(year: int, step: str, expected: date, source: str) -> None:
    assert calendar_for(year).step(step).statutory == expected, source


# (election year, step, what happened, end or None, source) -- dates that differed from the law.
RECORDED_FACTS = [
    (1789, "joint_session", date(1789, 4, 6), None, "National Archives, First Journal of the Senate, 6 April 1789"),
    (1876, "joint_session", date(1877, 2, 1), date(1877, 3, 2), "HarpWeek; the Electoral Commission count"),
    (1956, "joint_session", date(1957, 1, 7), None, "S. Con. Res. 1, 85th Congress: Monday, the 7th day of January, 1957"),
    (1984, "joint_session", date(1985, 1, 7), None, "Congressional Record, 7 Jan 1985"),
    (1988, "joint_session", date(1989, 1, 4), None, "Los Angeles Times (UPI), 4 Jan 1989"),
    (1996, "joint_session", date(1997, 1, 9), None, "Associated Press, Dec 1996: joint session on Jan. 9"),
    (2008, "joint_session", date(2009, 1, 8), None, "H.J. Res. 100, 110th Congress"),
    (2012, "joint_session", date(2013, 1, 4), None, "H.J. Res. 122, 112th Congress"),
    (2020, "joint_session", date(2021, 1, 6), date(2021, 1, 7), "Washington Post: Pence declared the result at 3:41 a.m. on Jan. 7"),
]


@pytest.mark.parametrize("year, step, start, end, source", RECORDED_FACTS)
def test_recorded_dates_override_the_law(year: int, step: str, start: date, end: date | None, source: str) -> None:
    s = calendar_for(year).step(step)
    assert (s.date, s.until) == (start, end), source
    assert s.differs


def test_the_count_moved_from_6_january_exactly_in_the_years_the_house_historian_lists() -> None:
    # Office of the House Historian: "The date of the count was changed in 1957, 1985, 1989, 1997, 2009, and 2013."
    moved = {calendar_for(y).step("joint_session").date.year
             for y in election_years() if y >= 1936
             and calendar_for(y).step("joint_session").date != calendar_for(y).step("joint_session").statutory}
    assert moved == {1957, 1985, 1989, 1997, 2009, 2013}


def test_the_seven_sunday_inaugurations_are_all_recorded() -> None:
    # Joint Congressional Committee on Inaugural Ceremonies (2013): the date fell on a Sunday in 1821, 1849,
    # 1877, 1917, 1957, 1985 and 2013; a public ceremony followed on Monday each time.
    sundays = {s.statutory.year for y in election_years()
               if (s := calendar_for(y).step("inauguration")).statutory and s.statutory.weekday() == 6}
    assert sundays == {1821, 1849, 1877, 1917, 1957, 1985, 2013}
    for year in sundays:
        assert "Monday" in calendar_for(year - 1).step("inauguration").note


def test_statutory_only_years_are_those_without_any_recorded_row() -> None:
    assert not calendar_for(2020).statutory_only and calendar_for(2016).statutory_only


def _term_begins_by_law(year: int) -> date:
    """The statutory start of the term that follows the election of ``year``, from the texts themselves."""
    if year == 1789:
        return date(1789, 3, 4)  # 1788 resolution: the first Wednesday in March 1789, proceedings to commence
    if year <= 1932:
        return date(year + 1, 3, 4)  # 1792 act, 12: "the fourth day of March next succeeding"
    return date(year + 1, 1, 20)  # 20th Amendment, 1: terms end and begin "at noon on the 20th day of January"


@pytest.mark.parametrize("year", election_years())
def test_every_term_begins_on_the_day_the_law_fixed_whatever_day_the_oath(year: int) -> None:
    # "took office" is the start of the term; an oath on another day (1789, 1821, 1849, 1877) is a note
    step = calendar_for(year).step("inauguration")
    assert step.date == step.statutory == _term_begins_by_law(year) and step.actual is None
    assert not step.differs


@pytest.mark.parametrize("year, oath", [
    (1789, "30 April"),  # Federal Hall (First inauguration of George Washington)
    (1820, "Monday 5 March"), (1848, "Monday 5 March"),  # JCCIC, 'When Inauguration Day Falls on Sunday'
    (1876, "Saturday 3 March"), (1916, "Monday 5 March"), (1956, "Monday 21 January"), (1984, "Monday 21 January"),
    (2012, "Monday 21 January"),
])
def test_oaths_on_other_days_are_in_the_notes_with_a_source(year: int, oath: str) -> None:
    step = calendar_for(year).step("inauguration")
    assert oath in step.note and step.source and "term began" in step.note
