"""Status at a moment, over a whole 2020 ledger built from the record: stages, totals, majorities, deadlines."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from electoral.errors import InvalidInput
from electoral.ledger.events import EASTERN, make_event, unit_electors
from electoral.ledger.status import STAGES, build_timeline, status_as_of, status_at
from electoral.record import election

PA_CALL = "2020-11-07T11:25:00-05:00"
LATER = {"NV": "2020-11-07T12:13:00-05:00", "AZ": "2020-11-12T22:00:00-05:00", "GA": "2020-11-13T12:00:00-05:00"}


def ledger_2020() -> list:
    """Calls on election night (PA on 7 Nov, then NV, AZ, GA), certifications (PA on 24 Nov, the rest by 1 Dec, WI after the safe
    harbor), electors' votes on 14 Dec and the count at 3:41 a.m. on 7 Jan 2021."""
    e = election(2020)
    night = datetime(2020, 11, 3, 20, 0, tzinfo=EASTERN)
    events = []
    for i, (unit, winner) in enumerate(zip(e.units.codes, e.winners())):
        when = datetime.fromisoformat({"PA": PA_CALL, **LATER}.get(unit, "")) if unit in ("PA", *LATER) \
            else night + timedelta(minutes=i)
        events.append(make_event(2020, unit, "race_call", when, "AP", fields={"candidate": winner}))
        certified = datetime(2020, 12, 9 if unit == "WI" else 1, 12, 0, tzinfo=EASTERN)
        events.append(make_event(2020, unit, "certified", certified, "state canvass", fields={"candidate": winner}))
        events.append(make_event(2020, unit, "electors_voted", "2020-12-14T15:00:00-05:00", f"{unit} electors",
                                 fields={"votes": {winner: unit_electors(2020)[unit]}}))
    events.append(make_event(2020, "US", "count_declared", "2021-01-07T03:41:00-05:00", "Congress",
                             fields={"votes": {"Biden": 306, "Trump": 232}}))
    return events


@pytest.fixture(scope="module")
def timeline():
    return build_timeline(ledger_2020(), 2020)


def test_election_night_projected_totals_and_the_unit_that_carried_biden_over(timeline):
    before = status_at(timeline, "2020-11-07T11:24:00-05:00")
    assert before.projected == {"Joe Biden": 306 - 20 - 6 - 11 - 16, "Donald Trump": 232}
    assert before.unit("PA").stage == "not_projected" and before.milestones == ()
    after = status_at(timeline, PA_CALL)
    assert after.projected == {"Joe Biden": 273, "Donald Trump": 232}
    (m,) = after.milestones
    assert (m.measure, m.candidate, m.units, m.electoral_votes) == ("projected", "Joe Biden", ("PA",), 273)
    assert status_at(timeline, "2020-11-14").projected == {"Joe Biden": 306, "Donald Trump": 232}
    assert m.at == datetime.fromisoformat(PA_CALL)


def test_stages_move_in_order_and_the_count_declares_every_unit(timeline):
    moments = ["2020-11-03T19:00:00-05:00", "2020-11-14", "2020-12-02", "2020-12-15", "2021-01-07T03:40:00-05:00",
               "2021-01-07T03:41:00-05:00"]
    stages = [status_at(timeline, m).stages for m in moments]
    assert stages[0]["not_projected"] == 56 and stages[1]["projected"] == 56
    assert stages[2]["certified"] == 55 and stages[2]["projected"] == 1  # Wisconsin certified late
    assert stages[3]["electors_voted"] == 56 and stages[5]["counted"] == 56
    final = status_at(timeline, moments[-1])
    assert final.cast == final.counted == {"Joe Biden": 306, "Donald Trump": 232}
    assert [(m.measure, m.candidate) for m in final.milestones] == [
        ("projected", "Joe Biden"), ("certified", "Joe Biden"), ("cast", "Joe Biden")]
    assert status_at(timeline, moments[4]).counted == {}


def test_deadlines_flag_the_units_overdue(timeline):
    s = status_at(timeline, "2020-12-10")
    harbor = next(d for d in s.deadlines if d.step == "safe_harbor")
    assert (harbor.passed, harbor.overdue) == (True, ())  # WI certified on 9 Dec, after 8 Dec: by the 10th, done
    s = status_at(timeline, "2020-12-09T00:00:00-05:00")
    harbor = next(d for d in s.deadlines if d.step == "safe_harbor")
    assert harbor.passed and harbor.overdue == ("WI",)
    meet = next(d for d in s.deadlines if d.step == "electors_meet")
    assert not meet.passed and meet.overdue == ()
    assert [d.step for d in s.deadlines] == ["safe_harbor", "electors_meet", "joint_session"]


def test_a_retracted_call_is_no_longer_a_projection():
    gore = make_event(2000, "FL", "race_call", "2000-11-07T19:52:00-05:00", "CBS", fields={"candidate": "Gore"})
    undo = make_event(2000, "FL", "call_retracted", "2000-11-07T22:00:00-05:00", "CBS")
    bush = make_event(2000, "FL", "race_call", "2000-11-08T02:17:00-05:00", "CBS", fields={"candidate": "Bush"})
    events = [gore, undo, bush]
    assert status_as_of(events, 2000, "2000-11-07T21:00:00-05:00").unit("FL").state.called == "Al Gore"
    assert status_as_of(events, 2000, "2000-11-07T23:00:00-05:00").unit("FL").stage == "not_projected"
    assert status_as_of(events, 2000, "2000-11-08T03:00:00-05:00").projected == {"George W. Bush": 25}


def test_2024_deadlines_use_the_2022_act():
    s = status_as_of([], 2024, "2024-12-12")
    certificates = next(d for d in s.deadlines if d.step == "certificates")
    # An empty ledger records no certificate at all: every unit is a gap in the record, none is known late.
    assert certificates.day.isoformat() == "2024-12-11" and len(certificates.unrecorded) == 56
    assert certificates.overdue == ()


def test_a_unit_is_late_only_when_its_act_is_recorded_after_the_deadline():
    # The safe harbor of 2020 was 8 Dec; a certification on 9 Dec is late, a unit with none is unrecorded.
    late = make_event(2020, "WV", "certified", "2020-12-09T14:00:00-05:00", "WV", fields={"candidate": "Trump"})
    d = next(d for d in status_as_of([late], 2020, "2020-12-09T01:00:00-05:00").deadlines if d.step == "safe_harbor")
    assert d.passed and d.overdue == ("WV",) and "WV" not in d.unrecorded and len(d.unrecorded) == 55
    on_time = status_as_of([late], 2020, "2020-12-10").deadlines[0]
    assert on_time.overdue == () and not set(on_time.overdue) & set(on_time.unrecorded)


def test_a_deadline_has_passed_once_its_day_has_begun():
    count = lambda at: next(d for d in status_as_of([], 2020, at).deadlines if d.step == "joint_session")  # noqa: E731
    assert not count("2021-01-05T23:59:00-05:00").passed and count("2021-01-06T00:00:00-05:00").passed


def test_as_of_must_carry_its_zone():
    with pytest.raises(InvalidInput, match="has no time zone"):
        status_as_of([], 2020, "2020-11-07T12:00")
    assert set(status_as_of([], 2020, "2020-11-07").stages) == set(STAGES)


def test_the_order_events_arrive_in_does_not_change_the_status():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    events = ledger_2020()
    moments = ["2020-11-07T11:25:00-05:00", "2020-12-02", "2021-01-07"]
    expected = [status_at(build_timeline(events, 2020), m) for m in moments]

    @settings(max_examples=10, deadline=None)
    @given(st.permutations(events))
    def check(shuffled):
        timeline = build_timeline(shuffled, 2020)
        for moment, want in zip(moments, expected):
            got = status_at(timeline, moment)
            assert (got.projected, got.certified, got.cast, got.stages, got.milestones) == (
                want.projected, want.certified, want.cast, want.stages, want.milestones)

    check()


def test_extending_a_timeline_gives_what_building_it_again_gives():
    from electoral.ledger.status import extend_timeline

    events = sorted(ledger_2020(), key=lambda e: (e.effective_us, e.id))
    head, tail = events[:100], events[100:]
    grown = extend_timeline(extend_timeline(build_timeline(head, 2020), tail[:50]), tail[50:])
    whole = build_timeline(events, 2020)
    assert grown.changes == whole.changes and grown.milestones == whole.milestones and grown.events == whole.events
    assert status_at(grown, "2021-01-08") == status_at(whole, "2021-01-08")
    assert extend_timeline(whole, events[:1]) is None  # an earlier event: build again
    assert build_timeline(head, 2020).events == 100  # the timeline extended from is left as it was


def test_the_service_extends_its_timeline_as_events_arrive(tmp_path):
    from electoral.ledger.service import status
    from electoral.ledger.store import open_store

    in_time = sorted(ledger_2020(), key=lambda e: e.effective_us)
    for name, events in (("late.db", ledger_2020()), ("live.db", in_time)):  # a rebuild, then an extension
        store = open_store(str(tmp_path / name))
        store.append(events[:60])
        assert status(store, 2020, "2021-01-08").events == 60
        store.append(events[60:])
        late = status(store, 2020, "2021-01-08")
        assert late.events == len(events) and late.counted == {"Joe Biden": 306, "Donald Trump": 232}
        assert status(store, 2020, "2021-01-08") == late
        store.close()


def _certify(unit: str, day: str, winner: str, **extra) -> object:
    return make_event(2020, unit, "certified", f"{day}T12:00-05:00", "state", fields={"candidate": winner, **extra})


def _certified(events) -> object:
    [m] = [m for m in build_timeline(events, 2020).milestones if m.measure == "certified"]
    return m


def test_a_majority_resting_on_an_upper_bound_row_is_only_an_upper_bound():
    # CA 55 + TX 38 + NY 29 + FL 29 + PA 20 + IL 20 + OH 18 + GA 16 + MI 16 + NC 15 = 256; with WA 12, 268; NJ's 14 cross.
    early = [_certify(u, "2020-11-20", "Biden") for u in ("CA", "TX", "NY", "FL", "PA", "IL", "OH", "GA", "MI", "NC")]
    m = _certified([*early, _certify("WA", "2020-12-01", "Biden"), _certify("NJ", "2020-12-02", "Biden")])
    assert (m.units, m.upper_bound, m.bounded_by) == (("NJ",), False, ())
    # New Jersey's row is only a deadline: the majority was held no later than 2 Dec, perhaps earlier.
    bound = _certify("NJ", "2020-12-02", "Biden", upper_bound=True)
    m = _certified([*early, _certify("WA", "2020-12-01", "Biden"), bound])
    assert (m.at.date().isoformat(), m.upper_bound, m.bounded_by) == ("2020-12-02", True, ("NJ",))
    # An upper-bound row before the moment counts already, whatever its true day: the moment stays exact.
    early_bound = [_certify("CA", "2020-11-20", "Biden", upper_bound=True), *early[1:]]
    m = _certified([*early_bound, _certify("WA", "2020-12-01", "Biden"), _certify("NJ", "2020-12-02", "Biden")])
    assert not m.upper_bound
    # A later upper-bound row may stand for an earlier act: the moment is a bound when that act could have given
    # the majority sooner (Washington's 12 after NJ: 256 + 12 = 268, no; without Ohio, WA, NJ and Virginia's 13
    # cross at 277 on 3 Dec; had Ohio's 18, bounded on 5 Dec, come earlier, 264 + 18 would have crossed: yes).
    late_wa = _certify("WA", "2020-12-05", "Biden", upper_bound=True)
    m = _certified([*early, _certify("NJ", "2020-12-02", "Biden"), late_wa])
    assert (m.at.date().isoformat(), m.units, m.upper_bound) == ("2020-12-02", ("NJ",), False)
    late_oh = _certify("OH", "2020-12-05", "Biden", upper_bound=True)
    rest = [e for e in early if e.unit != "OH"] + [_certify(u, d, "Biden") for u, d in
                                                   (("WA", "2020-12-01"), ("NJ", "2020-12-02"), ("VA", "2020-12-03"))]
    m = _certified([*rest, late_oh])
    assert (m.at.date().isoformat(), m.units, m.bounded_by) == ("2020-12-03", ("VA",), ("OH",))


def test_an_exact_row_after_an_upper_bound_row_clears_the_bound():
    unit = build_timeline([_certify("GA", "2020-11-20", "Biden", upper_bound=True),
                           make_event(2020, "GA", "recertified", "2020-12-07T12:00-05:00", "GA", fields={"candidate": "Biden"})],
                          2020).changes["GA"][1]
    assert ["certified" in s.bounded for s in unit] == [True, False]
