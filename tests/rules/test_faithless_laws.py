"""The faithless-elector law table against the 2016 record Congress counted, and its shape."""

from __future__ import annotations

from electoral.data.loaders import read_rows, rows_for
from electoral.rules.faithless import LAWS, law_in_force
from electoral.units import states

# 2016 attempts whose votes were not counted (Wikipedia, "Faithless electors in the 2016 United States
# presidential election": three votes invalidated; press reports of 19-21 Dec 2016): state -> pledged candidate
NOT_COUNTED_2016 = {"CO": "Hillary Clinton", "MN": "Hillary Clinton", "ME": "Hillary Clinton"}


def _counted_faithless(year: int) -> dict[str, int]:
    """State -> electoral votes Congress counted for someone other than the pledged candidate."""
    out: dict[str, int] = {}
    for r in rows_for("electoral_votes_cast", year):
        if r.pledged_to and r.status == "counted":
            out[r.state] = out.get(r.state, 0) + r.electoral_votes
    return out


def test_2016_counted_faithless_votes_come_from_states_whose_law_does_not_void_them() -> None:
    counted = _counted_faithless(2016)
    assert counted == {"WA": 4, "TX": 2, "HI": 1}  # the packaged record: seven faithless votes
    for state in counted:
        assert not law_in_force(state, 2016).voids, state
    assert law_in_force("WA", 2016).penalty and law_in_force("TX", 2016).law == "none"


def test_2016_voided_attempts_left_every_elector_with_the_pledged_candidate() -> None:
    for state, pledged in NOT_COUNTED_2016.items():
        assert law_in_force(state, 2016).voids, state
        rows = [r for r in rows_for("electoral_votes_cast", 2016) if r.state == state]
        assert not any(r.pledged_to for r in rows), state
        assert sum(r.electoral_votes for r in rows if r.candidate == pledged) >= 3, state


def test_washington_voids_from_2020_after_adopting_the_uniform_act() -> None:
    assert law_in_force("WA", 2016).law == "binding" and law_in_force("WA", 2020).voids


def test_every_state_and_dc_has_a_law_for_2020_and_periods_do_not_overlap() -> None:
    assert {s for s in states() if law_in_force(s, 2020).law == "unrecorded"} == set()
    rows = read_rows("faithless_laws")
    assert {r.law for r in rows} <= set(LAWS) and all(r.source for r in rows)
    for state in {r.state for r in rows}:
        spans = sorted((r.first_year, r.last_year or 9999) for r in rows if r.state == state)
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:])), state


def test_years_before_the_table_are_unrecorded_and_counted() -> None:
    law = law_in_force("WA", 1976)
    assert law.law == "unrecorded" and not law.voids and "not recorded" in law.text
    assert law_in_force("ME-2", 2016).state == "ME"
