"""Events: each bad item is a clear error naming it; the id ignores the received time and the zone."""

from __future__ import annotations

import pytest

from electoral.errors import InvalidInput, UnknownUnit, UnknownYear
from electoral.ledger.events import KINDS, check_history, make_event


def call(unit="PA", when="2020-11-07T11:25:00-05:00", desk="AP", who="Biden", year=2020, **kw):
    return make_event(year, unit, "race_call", when, desk, fields={"candidate": who}, **kw)


def test_every_kind_the_brief_names_exists():
    assert set(KINDS) == {"race_call", "call_retracted", "results_update", "certified", "recount_started",
                          "recount_finished", "recertified", "court_case_filed", "court_case_decided",
                          "ascertainment", "electors_voted", "objection", "chamber_vote", "count_declared"}


def test_the_same_event_in_another_zone_or_received_later_has_the_same_id():
    a = call(received="2020-11-07T11:26:00-05:00")
    b = call(when="2020-11-07T16:25:00Z", received="2020-11-08T00:00:00Z")
    assert a.id == b.id and a.fields == b.fields
    assert call(who="Trump").id != a.id


@pytest.mark.parametrize("args, error, named", [
    (dict(unit="ZZ"), UnknownUnit, "'ZZ'"),
    (dict(unit="ME-3"), UnknownUnit, "'ME-3'"),
    (dict(unit="NE-2", year=1988, when="1988-11-09T00:00:00-05:00", who="Bush"), UnknownUnit, "'NE-2'"),
    (dict(who="Kanye"), UnknownUnit, "'Kanye'"),
    (dict(when="2020-11-02T23:59:00-05:00"), InvalidInput, "before Election Day (3 Nov 2020)"),
    (dict(when="2021-01-08T00:00:00-05:00"), InvalidInput, "after the count in Congress (7 Jan 2021)"),
    (dict(when="2020-11-07T11:25:00"), InvalidInput, "has no time zone"),
    (dict(desk=""), InvalidInput, "actor is empty"),
    (dict(year=2022), UnknownYear, "2022"),
])
def test_a_bad_call_is_refused_naming_the_bad_value(args, error, named):
    with pytest.raises(error) as caught:
        call(**args)
    assert named in str(caught.value)


def test_a_certification_for_a_candidate_with_no_votes_is_refused():
    with pytest.raises(InvalidInput, match="certified for Donald Trump, who has no votes in its totals"):
        make_event(2020, "GA", "certified", "2020-11-20T17:00:00-05:00", "Georgia Secretary of State",
                   fields={"totals": {"Biden": 2473633, "Trump": 0}, "candidate": "Trump"})
    with pytest.raises(InvalidInput, match="no votes in its totals"):
        make_event(2020, "GA", "certified", "2020-11-20T17:00:00-05:00", "GA SoS", fields={"totals": {"Biden": 0}})


def test_electors_votes_must_add_up_to_the_units_electors():
    texas = {"votes": {"Trump": 38}, "faithless": [], "abstained": 0}
    make_event(2020, "TX", "electors_voted", "2020-12-14T14:00:00-06:00", "Texas electors", fields=texas)
    with pytest.raises(InvalidInput, match="add up to 37, but TX has 38 electors in 2020"):
        make_event(2020, "TX", "electors_voted", "2020-12-14T14:00:00-06:00", "Texas electors",
                   fields={"votes": {"Trump": 37}})
    # 2016: two Texas electors broke ranks; the votes still add up to 38
    e = make_event(2016, "TX", "electors_voted", "2016-12-19T14:00:00-06:00", "Texas electors",
                   fields={"votes": {"Trump": 36, "Kasich": 1, "Ron Paul": 1},
                           "faithless": [{"pledged": "Trump", "voted": "Kasich"},
                                         {"pledged": "Trump", "voted": "Ron Paul"}],
                           "replaced": [{"elector": "Art Sisneros", "replacement": "Carolyn Hodges"}]})
    assert e.fields["faithless"][0] == {"pledged": "Donald Trump", "voted": "John Kasich"}


@pytest.mark.parametrize("kind, fields, message", [
    ("race_call", {}, "needs 'candidate'"),
    ("results_update", {"votes": {"Biden": -1}}, "not below 0"),
    ("results_update", {"votes": {"Biden": 1}, "eevp": 101}, "percentage from 0 to 100"),
    ("results_update", {"votes": {"Biden": 1}, "color": "blue"}, "no field 'color'"),
    ("chamber_vote", {"chamber": "Assembly"}, "House, Senate"),
    ("certified", {}, "needs 'totals' or 'candidate'"),
])
def test_kind_fields_are_checked(kind, fields, message):
    with pytest.raises(InvalidInput, match=message):
        make_event(2020, "US" if kind == "chamber_vote" else "PA", kind, "2021-01-06T23:00:00-05:00", "X", fields=fields)


def test_national_and_state_only_kinds():
    make_event(2020, "US", "count_declared", "2021-01-07T03:41:00-05:00", "Congress",
               fields={"votes": {"Biden": 306, "Trump": 232}, "candidate": "Biden"})
    with pytest.raises(UnknownUnit, match="count_declared is national"):
        make_event(2020, "PA", "count_declared", "2021-01-07T03:41:00-05:00", "Congress")
    with pytest.raises(UnknownUnit, match="needs a state or district"):
        make_event(2020, "US", "results_update", "2020-11-04T03:41:00-05:00", "AP", fields={"votes": {"Biden": 1}})


def test_a_retraction_needs_a_standing_call_by_the_same_desk():
    gore = call("FL", "2000-11-07T19:52:00-05:00", "CBS", "Gore", year=2000)
    undo = make_event(2000, "FL", "call_retracted", "2000-11-07T22:00:00-05:00", "CBS")
    check_history([undo], [gore], lambda ids: set())
    with pytest.raises(InvalidInput, match="no call by CBS to retract"):
        check_history([undo], [], lambda ids: set())
    fox = make_event(2000, "FL", "call_retracted", "2000-11-08T04:05:00-05:00", "Fox News", fields={"candidate": "Bush"})
    with pytest.raises(InvalidInput, match="no call by Fox News for George W. Bush to retract"):
        check_history([fox], [gore], lambda ids: set())
    twice = make_event(2000, "FL", "call_retracted", "2000-11-07T23:00:00-05:00", "CBS")
    with pytest.raises(InvalidInput, match="2000-11-07T23:00:00-05:00 by CBS: no call"):
        check_history([undo, twice], [gore], lambda ids: set())


def test_a_correction_names_an_event_the_ledger_holds():
    fix = make_event(2020, "PA", "race_call", "2020-11-07T11:25:00-05:00", "AP",
                     fields={"candidate": "Biden", "detail": "time corrected", "supersedes": "0" * 32})
    with pytest.raises(InvalidInput, match="which the ledger does not hold"):
        check_history([fix], [], lambda ids: set())
    check_history([fix], [], lambda ids: set(ids))


def test_kit_names_map_onto_the_kinds():
    e = make_event(2000, "FL", "litigation_decided", "2000-12-12T22:00:00-05:00", "U.S. Supreme Court",
                   fields={"case": "Bush v. Gore", "candidate": "Bush", "confidence": "High"})
    assert (e.kind, e.fields["confidence"]) == ("court_case_decided", "high")
    assert make_event(2028, "US", "counted", "2029-01-06T14:00:00-05:00", "Congress").kind == "count_declared"
