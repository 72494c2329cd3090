"""The packaged historical ledgers against independent facts, their properties, and bad inputs.

Facts checked here come from sources other than the kit rows they test where possible: the electors' votes and
the count from the record (House Clerk), the 2021 chamber votes as the House Clerk's roll calls and senate.gov
give them, AP's own race-call texts.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from electoral.errors import InvalidInput
from electoral.ledger.events import CONFIDENCE, EASTERN, window
from electoral.ledger.history import packaged_events, packaged_status, packaged_timeline, packaged_years
from electoral.ledger.status import build_timeline, series, status_at

BIDEN, TRUMP, HARRIS = "Joe Biden", "Donald Trump", "Kamala Harris"


def _one(year: int, unit: str, kind: str, **fields) -> list:
    return [e for e in packaged_events(year) if e.unit == unit and e.kind == kind
            and all(e.fields.get(k) == v for k, v in fields.items())]


def test_the_packaged_years() -> None:
    assert {2000, 2016, 2020, 2024} <= set(packaged_years())


def test_2020_electors_voted_306_232_on_14_december() -> None:
    assert packaged_status(2020, "2020-12-13").cast == {}
    assert packaged_status(2020, "2020-12-14").cast == {BIDEN: 306, TRUMP: 232}


def test_2024_electors_voted_312_226_on_17_december() -> None:
    assert packaged_status(2024, "2024-12-17").cast == {TRUMP: 312, HARRIS: 226}


def test_2020_as_of_25_november_projected_306_232_and_states_certified() -> None:
    s = packaged_status(2020, "2020-11-25T12:00-05:00")
    assert s.projected == {BIDEN: 306, TRUMP: 232}
    certified = {u.unit for u in s.units if u.state.certified}
    # Pennsylvania certified on 24 Nov and Michigan's board voted on 23 Nov (AP); Arizona and Wisconsin on 30 Nov.
    assert {"PA", "MI"} <= certified and not {"AZ", "WI"} & certified
    assert sum(s.certified.values()) == sum(u.state.electors for u in s.units if u.state.certified)


def test_georgia_recertified_on_7_december_2020_after_the_recount() -> None:
    [event] = _one(2020, "GA", "recertified")
    assert event.effective.astimezone(EASTERN).date().isoformat() == "2020-12-07"
    assert event.fields["candidate"] == BIDEN


@pytest.mark.parametrize(("unit", "senate", "house"), [("AZ", (6, 93), (121, 303)), ("PA", (7, 92), (138, 282))])
def test_the_2021_objections_rejected_with_their_chamber_votes(unit, senate, house) -> None:
    [objection] = _one(2020, unit, "objection", fate="rejected")
    assert (objection.fields["senate"]["yeas"], objection.fields["senate"]["nays"]) == senate
    assert (objection.fields["house"]["yeas"], objection.fields["house"]["nays"]) == house
    votes = {e.fields["chamber"]: (e.fields["yeas"], e.fields["nays"]) for e in _one(2020, unit, "chamber_vote")}
    assert votes == {"Senate": senate, "House": house}  # the chamber_vote rows read from their own pages agree


def test_the_other_2021_objections_were_not_entertained() -> None:
    fates = {e.unit: e.fields.get("fate", "") for e in packaged_events(2020) if e.kind == "objection"}
    assert {u for u, fate in fates.items() if fate.startswith("not entertained")} >= {"GA", "MI", "NV", "WI"}


def test_the_2021_count_was_declared_at_3_41_on_7_january() -> None:
    [count] = _one(2020, "US", "count_declared")
    assert count.effective.isoformat() == "2021-01-07T03:41:00-05:00"
    assert count.fields["votes"] == {BIDEN: 306, TRUMP: 232}
    before, after = (packaged_status(2020, t) for t in ("2021-01-07T03:40-05:00", "2021-01-07T03:41-05:00"))
    assert before.counted == {} and after.counted == {BIDEN: 306, TRUMP: 232}


def test_2016_counted_with_the_faithless_electors() -> None:
    s = packaged_status(2016, "2017-01-07")
    assert s.counted[TRUMP] == 304 and s.counted["Hillary Clinton"] == 227
    [texas] = _one(2016, "TX", "electors_voted")
    assert {f["voted"] for f in texas.fields["faithless"]} == {"John Kasich", "Ron Paul"}


def test_florida_2000_calls_and_retractions() -> None:
    fl = lambda t: packaged_status(2000, t).unit("FL")  # noqa: E731
    assert fl("2000-11-07T21:00-05:00").leader == "Al Gore"  # the networks' early Gore call
    assert fl("2000-11-08T03:00-05:00").state.called == "George W. Bush"  # the 2:16 a.m. Bush calls
    # CBS, ABC, NBC and Fox withdrew their Bush calls between 3:57 and 4:05 a.m.
    assert not {"CBS", "ABC", "NBC/MSNBC", "Fox News"} & set(fl("2000-11-08T04:10-05:00").state.calls)


@pytest.mark.parametrize("moment", ["2000-11-07T23:00-05:00", "2000-11-08T05:00-05:00"])
def test_florida_2000_not_projected_after_every_network_withdrew(moment) -> None:
    # Every network withdrew its Gore call by about 10 p.m. and its Bush call by about 4 a.m. (AP, 9 Nov 2000;
    # the networks' reports): nothing projects Florida after either withdrawal.
    fl = packaged_status(2000, moment).unit("FL")
    assert fl.stage == "not_projected" and fl.state.calls == {}


def test_biden_270_certified_with_california_on_4_december() -> None:
    # AP (via WDTV): California certified on Friday 4 Dec, taking Biden past 270 certified electoral votes.
    [m] = [m for m in packaged_timeline(2020).milestones if m.measure == "certified"]
    assert (m.candidate, m.at.date().isoformat(), m.time_known) == (BIDEN, "2020-12-04", False)
    assert "CA" in m.units and m.electoral_votes >= 270


def test_biden_270_certified_is_an_exact_moment() -> None:
    [m] = [m for m in packaged_timeline(2020).milestones if m.measure == "certified"]
    assert not m.upper_bound and m.bounded_by == ()


def test_trump_270_certified_in_2024_no_later_than_11_december() -> None:
    # No day of the Texas canvass (40 electors) was found, nor of nine other Trump states: their rows are the 2022
    # act's certificate deadline (11 Dec, six days before the electors met on 17 Dec), so the moment is only an
    # upper bound and says which rows it rests on.
    [m] = [m for m in packaged_timeline(2024).milestones if m.measure == "certified"]
    assert (m.candidate, m.at.astimezone(EASTERN).date().isoformat(), m.time_known) == (TRUMP, "2024-12-11", False)
    assert m.upper_bound and "TX" in m.units and set(m.units) <= set(m.bounded_by)
    assert m.electoral_votes == 312  # every Trump unit certified by then: the electors' 312 of 17 Dec
    before = packaged_status(2024, "2024-12-10")
    assert before.certified[TRUMP] < 270 and before.certified[HARRIS] < 270
    assert packaged_status(2024, "2024-12-16").certified == {TRUMP: 312, HARRIS: 226}
    assert not packaged_status(2024, "2024-12-16").unrecorded["certified"]


@pytest.mark.parametrize(("unit", "day", "winner"), [
    ("AL", "2024-11-26", TRUMP),  # a Tuesday after the counties' 12 Nov provisional canvass: 19 or 26 Nov
    ("AR", "2024-12-02", TRUMP),  # the governor's proclamation of 2 Dec cites the certification
    ("ME-2", "2024-11-25", TRUMP),  # Maine's statutory day (20 days after the election); the statewide act
    ("MS", "2024-12-05", TRUMP),  # 30 days after the election, Mississippi's statutory window
    ("TX", "2024-12-11", TRUMP),
])
def test_2024_certification_rows_known_only_as_upper_bounds(unit, day, winner) -> None:
    [e] = _one(2024, unit, "certified")
    assert e.fields["upper_bound"] is True and e.fields["confidence"] == "low"
    assert (e.effective.astimezone(EASTERN).date().isoformat(), e.fields["candidate"]) == (day, winner)


def test_2024_certification_days_found_are_exact() -> None:
    exact = {e.unit for e in packaged_events(2024) if e.kind == "certified" and not e.fields.get("upper_bound")}
    assert {"PA", "MI", "GA", "WI", "AZ", "NV", "NC"} <= exact  # the seven battlegrounds' days are the acts'


def test_ap_put_biden_over_270_with_pennsylvania_and_trump_with_wisconsin() -> None:
    [biden] = [m for m in packaged_timeline(2020, "AP").milestones if m.measure == "projected"]
    assert (biden.at.isoformat(), biden.units) == ("2020-11-07T11:25:00-05:00", ("PA",))
    [trump] = [m for m in packaged_timeline(2024, "AP").milestones if m.measure == "projected"]
    assert (trump.at.isoformat(), trump.units) == ("2024-11-06T05:34:00-05:00", ("WI",))  # AP: 5:34 a.m. EST


def test_west_virginia_2020_certified_after_safe_harbor() -> None:
    # The Secretary of State signed the declarations at 2 p.m. on 9 December (SoS release).
    [safe_harbor] = [d for d in packaged_status(2020, "2020-12-09T00:00-05:00").deadlines if d.step == "safe_harbor"]
    assert safe_harbor.passed and safe_harbor.overdue == ("WV",)


def test_gaps_are_reported_not_filled() -> None:
    s = packaged_status(2016, "2017-01-07")  # 2016: certification days found for five states only
    assert "TX" in s.unrecorded["certified"] and not [m for m in s.milestones if m.measure == "certified"]
    assert s.unit("TX").state.certified is None and s.unit("TX").stage == "counted"


# -- properties ------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2000, 2016, 2020, 2024])
def test_every_packaged_event_is_well_formed(year) -> None:
    start, end = window(year)
    for e in packaged_events(year):
        assert start <= e.effective < end and e.effective.utcoffset() is not None
        assert e.received == e.effective and e.actor and e.source.startswith("http")
        assert e.fields["confidence"] in CONFIDENCE
        if e.fields.get("time_known") is False:  # a day without a time: its last second in Washington,
            local = e.effective.astimezone(EASTERN)  # or a joint-session act capped at the declaration
            capped = e.kind in ("objection", "chamber_vote") and e.effective == count_declared(year)
            assert (local.hour, local.minute, local.second) == (23, 59, 59) or capped


def count_declared(year: int):
    return next(e.effective for e in packaged_events(year) if e.kind == "count_declared")


def test_joint_session_acts_never_stand_after_the_count() -> None:
    for year in packaged_years():
        for e in packaged_events(year):
            if e.kind in ("objection", "chamber_vote"):
                assert e.effective <= count_declared(year), (year, e.unit, e.kind)


@pytest.mark.parametrize("year", [2016, 2020, 2024])
def test_certified_counts_never_fall_over_time(year) -> None:
    points = series(packaged_timeline(year), "certified")
    for (_, before), (_, after) in zip(points, points[1:]):
        assert sum(after.values()) >= sum(before.values())
        assert all(after.get(name, 0) >= votes for name, votes in before.items())


def test_status_does_not_depend_on_the_order_events_arrive() -> None:
    events = list(packaged_events(2020))
    shuffled = events[:]
    random.Random(16).shuffle(shuffled)
    a, b = packaged_timeline(2020), build_timeline(shuffled, 2020)
    start = datetime(2020, 11, 3, 19, tzinfo=EASTERN)
    for hours in range(0, 65 * 24, 37):
        moment = start + timedelta(hours=hours)
        x, y = status_at(a, moment), status_at(b, moment)
        assert (x.projected, x.certified, x.cast, x.counted) == (y.projected, y.certified, y.cast, y.counted)
        assert [u.stage for u in x.units] == [u.stage for u in y.units]
    assert a.milestones == b.milestones


# -- bad inputs ------------------------------------------------------------------------------------


def test_an_unknown_measure_is_an_error_naming_it() -> None:
    with pytest.raises(InvalidInput, match="'counted'"):
        series(packaged_timeline(2020), "counted")


def test_a_year_without_a_packaged_ledger_has_no_events() -> None:
    assert packaged_events(1996) == ()


def test_2004_electors_voted_on_13_december_with_the_minnesota_edwards_vote() -> None:
    # National Archives: Bush 286, Kerry 251, one Minnesota elector for John Edwards; electors met 13 Dec 2004.
    before, after = packaged_status(2004, "2004-12-12"), packaged_status(2004, "2004-12-13")
    assert before.cast == {} and after.cast == {"George W. Bush": 286, "John Kerry": 251, "John Edwards": 1}
    s = packaged_status(2004, "2005-02-01")
    assert s.cast == s.counted and all(u.leader for u in s.units)  # every unit has votes, so a leader
    assert dict(s.unit("MN").state.cast) == {"John Kerry": 9, "John Edwards": 1} and s.unit("MN").leader == "John Kerry"


@pytest.mark.parametrize(("year", "as_of", "actor", "hour"), [
    (2024, "2024-12-16", "AP", "2024-11-06T05:34"),  # AP's call stands first; Fox's row knows only its day
    (2016, "2016-12-20", "AP", "2016-11-09T02:29"),
    (2020, "2020-12-20", "AP", "2020-11-07T11:26"),
])
def test_the_presidency_call_shown_is_the_first_standing_one(year, as_of, actor, hour) -> None:
    call = packaged_status(year, as_of).presidency_call
    assert call.actor == actor and call.effective.isoformat().startswith(hour)


def test_no_presidency_call_stands_after_the_2000_networks_withdrew() -> None:
    assert packaged_status(2000, "2000-11-08T05:00-05:00").presidency_call is None
