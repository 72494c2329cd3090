"""Poll readers: each bad-row kind is skipped and reported by row, a poll is counted once, bad files are refused."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from electoral.errors import InvalidInput
from electoral.forecast import read_poll_file, read_polls
from electoral.forecast.polls import combine, polls_from_rows, usable_on

HERE = Path(__file__).parent / "fixtures"


def kinds(polls) -> dict[int, str]:
    return {p.row: p.kind for p in polls.problems}


def test_538_rows_with_bad_values_are_skipped_and_reported_by_file_row():
    polls = read_poll_file(HERE / "polls_538_2020.csv")
    found = kinds(polls)
    assert found[6] == "percentage outside 0-100"  # Wisconsin, Biden 150
    assert found[8] == "sample size not positive"  # Michigan, n = 0
    assert found[10] == "unknown state"  # Gilead
    assert found[18] == "end date before start date"  # Ohio
    assert sorted(polls.unit.tolist()) == ["GA", "NE-2", "PA", "US"]


def test_a_poll_with_several_populations_counts_once_preferring_likely_voters():
    polls = read_poll_file(HERE / "polls_538_2020.csv")
    pa = polls.unit == "PA"
    assert pa.sum() == 1
    assert polls.population[pa][0] == "lv" and polls.dem[pa][0] == 51  # the LV question, not the RV one


def test_2012_population_is_unknown_and_national_is_read():
    polls = read_poll_file(HERE / "polls_huffpost_2012.csv")
    assert polls.year == 2012
    assert set(polls.population) == {"unknown"}  # the file says Likely/Registered Voters: documented as unreliable
    assert "US" in polls.unit.tolist()
    found = kinds(polls)
    assert found[3].startswith("no sample size")  # FL kept with the assumed sample size
    assert found[5] == "unknown state" and found[6] == "sample size not positive"
    assert sorted(polls.unit.tolist()) == ["FL", "OH", "US"]


def test_2016_subgroups_are_dropped_and_the_head_to_head_likely_voter_question_kept():
    polls = read_poll_file(HERE / "polls_huffpost_2016.csv")
    national = polls.unit == "US"
    assert national.sum() == 1
    assert (polls.dem[national][0], polls.rep[national][0], polls.population[national][0]) == (47, 44, "lv")
    pa = polls.unit == "PA"
    assert polls.sponsor[pa][0] == "D" and polls.population[pa][0] == "lv"


def test_end_date_after_as_of_is_reported_and_not_used():
    polls = read_poll_file(HERE / "polls_538_2020.csv")
    seen = usable_on(polls, np.datetime64("2020-10-30"))
    assert "GA" not in seen.unit.tolist()
    late = [p for p in seen.problems if p.kind.startswith("end date after the as-of date")]
    assert [(p.row, p.source) for p in late] == [(16, "polls_538_2020.csv")]
    assert late[0].message() == "polls_538_2020.csv row 16: end date after the as-of date 2020-10-30: 2020-11-02"


def test_files_that_cannot_be_read_are_refused(tmp_path):
    with pytest.raises(InvalidInput, match="not found"):
        read_poll_file(tmp_path / "nope.csv")
    strange = tmp_path / "strange.csv"
    strange.write_text("a,b\n1,2\n")
    with pytest.raises(InvalidInput, match="match no known format"):
        read_poll_file(strange)
    with pytest.raises(InvalidInput, match="unknown poll format"):
        read_poll_file(HERE / "polls_538_2020.csv", "gallup")


def test_a_file_without_a_usable_poll_is_refused():
    with pytest.raises(InvalidInput, match="no usable poll.*percentage outside 0-100: -3"):
        polls_from_rows([{"unit": "PA", "start": "2020-10-01", "end": "2020-10-02", "dem": -3, "rep": 40}], year=2020)


def test_polls_of_different_years_are_refused():
    with pytest.raises(InvalidInput, match="one election year"):
        read_polls([HERE / "polls_538_2020.csv", HERE / "polls_huffpost_2012.csv"])
    a = read_poll_file(HERE / "polls_538_2020.csv")
    assert len(combine([a, a])) == 2 * len(a)


def test_overlapping_polls_of_one_pollster_count_once_the_latest():
    rows = [{"unit": "PA", "start": f"2020-10-{d:02d}", "end": f"2020-10-{d + 6:02d}", "dem": 50, "rep": 45, "n": 500,
             "pollster": "Tracker"} for d in range(1, 15)]
    seen = usable_on(polls_from_rows(rows, year=2020), np.datetime64("2020-11-01"))
    ends = sorted(seen.end.astype(str).tolist())
    assert ends[-1] == "2020-10-20"
    starts_after = [np.datetime64(e) for e in ends]
    assert len(ends) == 2  # 14-20 kept, then 7-13 (ends before 14), then nothing overlapping-free before it
    assert all(later - earlier >= np.timedelta64(7, "D") for earlier, later in zip(starts_after, starts_after[1:]))


def test_2024_polls_are_of_the_record_nominees_and_other_questions_are_reported_by_row():
    # The file holds more Biden-Trump questions (before July 2024) than Harris-Trump ones; the record's 2024
    # nominees are Harris and Trump, so the Biden questions are dropped, each row reported.
    polls = read_poll_file(HERE / "polls_538_2024_switch.csv")
    assert polls.year == 2024 and sorted(polls.pollster.tolist()) == ["New0", "New1", "New2"]
    dropped = [p for p in polls.problems if p.kind.startswith("not a question between the nominees")]
    assert [p.row for p in dropped] == list(range(2, 12))
    assert {p.value for p in dropped} == {"Joe Biden", "Donald Trump"} and "Harris, Trump" in dropped[0].kind


def test_a_year_without_nominees_in_the_record_falls_back_to_the_party_columns_most_polled(monkeypatch):
    import electoral.forecast.readers as readers

    monkeypatch.setattr(readers, "_nominee_surnames", lambda year: {})
    polls = read_poll_file(HERE / "polls_538_2024_switch.csv")
    assert set(polls.unit.tolist()) == {"GA"}  # Biden is the most-polled Democrat of this file
    assert {p.value for p in polls.problems} == {"Kamala Harris", "Donald Trump"}


HP_2016 = ("state,pollster,start.date,end.date,number.of.observations,population,clinton,trump\n"
           "PA,Foo,2016-10-20,2016-10-25,800,Likely Voters,48,44\n"
           "OH,Bar,2016-10-20,abcd-ef,800,Likely Voters,47,45\n"
           "FL,Baz,2016-10-20,2016-10-25,800,Likely Voters,abc,45\n")


@pytest.mark.parametrize(("text", "poll_format", "message"), [
    (HP_2016.replace("start.date,", "").replace("2016-10-20,", ""), None, "no column 'start.date'"),
    (HP_2016, "fivethirtyeight", "not a fivethirtyeight poll file: no column 'poll_id'"),
    ((HERE / "polls_538_2020.csv").read_text(), "huffpost", "not a huffpost poll file: no column 'start.date'"),
    ((HERE / "polls_538_2020.csv").read_text().replace("candidate_name", "who"), None, "'candidate_name' or 'answer'"),
    (HP_2016.replace("2016-", "1900-"), None, "forecasts cover the presidential elections of 1992-2024"),
    (HP_2016.replace("2016-", "2028-"), None, "forecasts cover the presidential elections of 1992-2024"),
    ((HERE / "polls_538_2020.csv").read_text().replace("\n2020,", "\n2032,"), None, "got 2032"),
])
def test_files_without_the_formats_columns_or_of_an_uncovered_year_are_refused_naming_it(tmp_path, text, poll_format,
                                                                                           message):
    path = tmp_path / "polls.csv"
    path.write_text(text)
    with pytest.raises(InvalidInput, match="polls.csv: ") as error:
        read_poll_file(path, poll_format)
    assert message in str(error.value)


def test_unreadable_cells_are_reported_by_row_quoting_the_value(tmp_path):
    path = tmp_path / "polls.csv"
    path.write_text(HP_2016)
    polls = read_poll_file(path)
    assert polls.unit.tolist() == ["PA"]
    assert [p.message() for p in polls.problems] == ["polls.csv row 3: unreadable date: 2016-10-20 .. abcd-ef",
                                                     "polls.csv row 4: unreadable percentage: 'abc'"]


def test_a_population_column_is_optional_in_huffpost_files(tmp_path):
    path = tmp_path / "polls.csv"
    path.write_text(HP_2016.replace(",population", "").replace(",Likely Voters", ""))
    assert read_poll_file(path).unit.tolist() == ["PA"]
