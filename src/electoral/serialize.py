"""The JSON shapes shared by the CLI (``--json``) and the HTTP API: one function per shape.

These functions only rearrange library results into plain dicts and lists (no math), so that
``electoral tally 2020 --json`` and ``GET /api/elections/2020/tally`` print the same document.

>>> from electoral.record import election
>>> tally_json(election(2020).tally())["outcome"]
'Joe Biden wins with 306 electoral votes of 538; 270 needed'
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from electoral.record import Election
from electoral.errors import UnknownYear
from electoral.rules.apportionment import TIE_RULE, Apportionment, Tie, act, official_seats
from electoral.rules.calendar import laws
from electoral.sides import side_of, unit_sides
from electoral.tally import Tally
from electoral.units import states

if TYPE_CHECKING:  # shapes only: importing the analyses here would slow every command's start
    from electoral.analysis.minvotes import MinVotesReport, Solution
    from electoral.analysis.paths import PathsReport
    from electoral.analysis.power import PowerIndices
    from electoral.analysis.tipping import TippingPoint
    from electoral.certification import Status
    from electoral.rules.calendar import Calendar, Step
    from electoral.scenario import ScenarioResult, Swing, UnitOutcome


def tally_json(tally: Tally) -> dict[str, Any]:
    """The JSON shape of a tally.

    >>> from electoral.tally import tally_votes
    >>> tally_json(tally_votes(2020, {"A": 269, "B": 269}, electors_appointed=538))["contingent"]["candidates"]
    ['A', 'B']
    """
    contingent = None
    if tally.contingent:
        c = tally.contingent
        contingent = {"reason": c.reason, "decided_by": c.decided_by, "candidates": list(c.candidates),
                      "chosen": c.chosen, "date": c.date, "detail": c.detail, "source": c.source or None}
    return {
        "year": tally.year,
        "electors_appointed": tally.electors_appointed,
        "votes_per_elector": tally.votes_per_elector,
        "majority_needed": tally.majority_needed,
        "candidates": [
            {"name": c.name, "party": c.party, "electoral_votes": c.electoral_votes,
             "popular_votes": c.popular_votes, "popular_share": c.popular_share}
            for c in tally.candidates
        ],
        "winner": tally.winner,
        "elected": tally.elected,
        "contingent": contingent,
        "outcome": tally.outcome,
        "notes": list(tally.notes),
        "popular_votes_total": tally.popular_votes_total,
    }


def frame_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of a DataFrame as dicts, with pandas' missing values (NA, NaN) as ``None``.

    >>> frame_records(pd.DataFrame({"a": [1, None]}))
    [{'a': 1.0}, {'a': None}]
    """
    return df.astype(object).where(df.notna(), None).to_dict(orient="records")


def results_json(election: Election, state: str | None = None) -> dict[str, Any]:
    """Per-state results of an election (all states, or one) as JSON.

    >>> from electoral.record import election
    >>> doc = results_json(election(2020), "me")
    >>> doc["state"], sorted(r["electoral_votes"] for r in doc["rows"] if r["electoral_votes"])
    ('ME', [1, 3])
    """
    df = election.results(state)
    return {"year": election.year, "state": state.strip().upper() if state else None, "rows": frame_records(df)}


def unit_name(code: str, split_states: frozenset[str] | set[str] = frozenset()) -> str:
    """A readable name for a unit code; ``split_states`` are states voting by district that year.

    >>> unit_name("NE-2"), unit_name("ME", {"ME"}), unit_name("DC")
    ('Nebraska district 2', 'Maine at large', 'District of Columbia')
    """
    state, _, district = code.partition("-")
    name = states()[state].name
    if district:
        return f"{name} district {district}"
    return f"{name} at large" if state in split_states else name


def _finite_or_none(value: float | None) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


def map_json(election: Election) -> dict[str, Any]:
    """Everything the map page draws for one election: allotment, candidates, winners, margins.

    ``margin`` is the unit's two-party margin of the top two candidates by electoral votes,
    ``(first - second) / (first + second)``, named in ``margin_candidates``; ``None`` where no
    popular vote is recorded (electors chosen by legislatures, districts without data, or an
    election with a single candidate).

    >>> from electoral.record import election
    >>> doc = map_json(election(2020))
    >>> next(u for u in doc["units"] if u["code"] == "NE-2")["side"], doc["margin_candidates"]
    ('D', ['Joe Biden', 'Donald Trump'])
    """
    units = election.units
    tally = election.tally()
    with_votes = [c for c in tally.candidates if c.electoral_votes > 0]
    margins: list[float | None] = [None] * len(units)
    margin_candidates: list[str] | None = None
    if len(with_votes) >= 2:  # two_party needs two candidates (1789-1820 had elections with one)
        two_party = election.two_party()
        margin_candidates = list(two_party.candidates)
        margins = [_finite_or_none(m) for m in two_party.margin]
    split_states = {code.partition("-")[0] for code in units.codes if "-" in code}
    return {
        "year": election.year,
        "electors_appointed": tally.electors_appointed,
        "majority_needed": tally.majority_needed,
        "candidates": [
            {"name": c.name, "party": c.party, "side": side_of(c.party), "electoral_votes": c.electoral_votes}
            for c in with_votes
        ],
        "margin_candidates": margin_candidates,
        "units": [
            {"code": code, "state": state, "name": unit_name(code, split_states),
             "electoral_votes": int(ev), "winner": winner,
             "side": side, "margin": margin}
            for code, state, ev, winner, side, margin in zip(units.codes, units.states, units.electoral_votes,
                                                              election.winners(), unit_sides(election), margins)
        ],
    }


def apportionment_json(apportionment: Apportionment) -> dict[str, Any]:
    """Seats per state with populations and exact quotas; who won the last seat, who is next, any exact tie.

    >>> from electoral.rules.apportionment import apportion
    >>> doc = apportionment_json(apportion({"A": 5_000, "B": 3_000, "C": 2_000}, house_size=10, method="hamilton"))
    >>> [(s["state"], s["seats"]) for s in doc["states"]]
    [('A', 5), ('B', 3), ('C', 2)]
    """
    def priority(pair: tuple[str, float] | None) -> dict[str, Any] | None:
        return {"state": pair[0], "priority": _finite_or_none(pair[1])} if pair else None

    return {
        "census": apportionment.census,
        "method": apportionment.method,
        "house_size": apportionment.house_size,
        "last_seat": priority(apportionment.last_seat),
        "next_in_line": priority(apportionment.next_in_line),
        "tie": tie_json(apportionment.tie),
        "states": [{"state": s, "population": _finite_or_none(p), "quota": _finite_or_none(q), "seats": int(n)}
                   for s, p, q, n in zip(apportionment.states, apportionment.populations, apportionment.quotas,
                                         apportionment.seats)],
    }


def census_apportionment_json(apportionment: Apportionment, by_law: bool) -> dict[str, Any]:
    """:func:`apportionment_json` of a census's apportionment, with the act then in force and the official seats.

    ``by_law``: the method and size in force were used, so the seats added by statute are included.
    ``official`` maps each state to its official seats (None where it had none; the key is null where
    no official table exists). The CLI's ``apportion --json`` and ``GET /api/apportion`` return this.

    >>> from electoral.rules.apportionment import apportion_census
    >>> doc = census_apportionment_json(apportion_census(2020), by_law=True)
    >>> doc["act"], doc["official"]["CA"], doc["tie"]
    ('2 U.S.C. 2a (Act of 15 November 1941)', 52, None)
    """
    law = act(apportionment.census)
    try:
        official = official_seats(law.census)
    except UnknownYear:
        official = {}
    doc = apportionment_json(apportionment)
    doc.update(act=law.act, statutory_seats_added=by_law, source=law.source,
               official={s: official.get(s) for s in apportionment.states} if official else None)
    return doc


def tie_json(tie: Tie | None) -> dict[str, Any] | None:
    """An exact tie at the last seat (None when there is none): tied states, seats, who got them, the rule.

    >>> from electoral.rules.apportionment import apportion
    >>> tie_json(apportion({"Y": 100, "X": 100}, 3).tie)["given_to"]
    ['X']
    """
    if tie is None:
        return None
    return {"states": list(tie.states), "seats": tie.seats, "given_to": list(tie.given_to),
            "left_out": list(tie.left_out), "decided_by_law": False, "rule": TIE_RULE}


def to_jsonable(value: Any) -> Any:
    """Convert dataclasses, numpy values and tuples into plain JSON types (NaN becomes null)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value) if not f.name.startswith("_")}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, np.ndarray):
        return to_jsonable(value.tolist())
    if isinstance(value, np.generic):
        return to_jsonable(value.item())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def tipping_json(tp: TippingPoint) -> dict[str, Any]:
    """The JSON shape of a tipping point (margins are fractions, of the votes ``margin_definition`` names)."""
    return {
        "year": tp.year, "candidates": list(tp.candidates), "winner": tp.winner, "margin_definition": tp.definition,
        "majority_needed": tp.majority_needed, "winner_votes": tp.winner_votes,
        "tipping_point": tp.unit, "tipping_margin": tp.margin, "tipping_swing": _finite_or_none(tp.swing),
        "national_margin": tp.national_margin,
        "bias": tp.bias, "favours": tp.favours, "estimated": list(tp.estimated),
        "rows": [{"unit": r.unit, "electoral_votes": r.electoral_votes, "margin": r.margin,
                  "winner_margin": r.winner_margin, "won_by": r.won_by, "winner_votes": r.winner_votes,
                  "swing": _finite_or_none(r.swing), "cumulative": r.cumulative,
                  "estimated": r.estimated or None} for r in tp.rows],
    }



def paths_json(report: PathsReport) -> dict[str, Any]:
    """The JSON shape of a paths report (counts are exact integers)."""
    return {
        "year": report.year, "majority_needed": report.majority_needed,
        "electors_appointed": report.electors_appointed,
        "decided": {unit: who for unit, who in report.decided}, "open_units": list(report.open_units),
        "outcomes": report.counts.total, "ties": report.counts.ties,
        "candidates": [{"candidate": c.candidate, "decided_votes": c.decided_votes, "needed": c.needed,
                        "winning_outcomes": c.winning_outcomes, "minimal_sets": [list(s) for s in c.minimal_sets]}
                       for c in report.candidates],
        "estimated": list(report.estimated), "margin_definition": report.definition,
    }


def _solution_json(s: Solution) -> dict[str, Any]:
    return {"goal": s.goal, "mode": s.mode, "votes": s.votes, "margin_votes": s.margin_votes if s.flips else None,
            "electoral_votes": s.electoral_votes, "after": list(s.after) if s.after else None,
            "flips": [{"state": f.state, "units": list(f.units), "electoral_votes": f.electoral_votes,
                       "margin_votes": f.margin_votes, "votes": f.votes} for f in s.flips]}


def min_votes_json(report: MinVotesReport) -> dict[str, Any]:
    """The JSON shape of a minimum-votes report."""
    return {"year": report.year, "candidates": list(report.candidates), "mode": report.mode,
            "changes": [_solution_json(s) for s in report.changes],
            "smallest_share": {**_solution_json(report.smallest_share), "share": report.share,
                               "national_votes": report.national_votes},
            "notes": list(report.notes)}


def power_json(p: PowerIndices) -> dict[str, Any]:
    """The JSON shape of power indices, one row per unit."""
    return {"year": p.year, "quota": p.quota, "players": len(p.codes),
            "units": [{"unit": code, "electoral_votes": int(w), "swings": s, "banzhaf_raw": float(raw),
                       "banzhaf": float(b), "shapley_shubik": float(ss)}
                      for code, w, s, raw, b, ss in zip(p.codes, p.weights, p.swings, p.banzhaf_raw, p.banzhaf,
                                                       p.shapley_shubik)]}


def step_json(step: Step) -> dict[str, Any]:
    """The JSON shape of one calendar step, shared by the CLI and the HTTP API."""
    iso = lambda day: day.isoformat() if day else None  # noqa: E731
    return {
        "step": step.step, "label": step.label,
        "date": iso(step.date), "until": iso(step.until),
        "statutory_date": iso(step.statutory), "statutory_until": iso(step.statutory_until),
        "differs_from_law": step.differs,
        "law": step.law or None, "law_name": laws()[step.law].name if step.law else None,
        "rule": step.rule or None, "citation": step.citation,
        "note": step.note or None, "source": step.source or None,
    }


def calendar_json(cal: Calendar) -> dict[str, Any]:
    """The JSON shape of a year's calendar."""
    return {"year": cal.year, "statutory_only": cal.statutory_only, "steps": [step_json(s) for s in cal.steps]}


def status_json(status: Status) -> dict[str, Any]:
    """The JSON shape of an election's status on a date."""
    optional = lambda step: step_json(step) if step else None  # noqa: E731
    return {
        "year": status.year, "as_of": status.as_of.isoformat(),
        "stage": status.stage, "stage_label": status.stage_label,
        "summary": status.summary, "lines": list(status.lines),
        "result_recorded": status.result_recorded, "confirmed_by": status.confirmed_by,
        "tally": tally_json(status.tally) if status.tally else None,
        "last_step": optional(status.last_step), "in_progress": optional(status.in_progress),
        "next_step": optional(status.next_step),
        "steps": [step_json(s) | {"reached": s in status.reached} for s in status.calendar.steps],
    }


def unit_json(unit: UnitOutcome) -> dict[str, Any]:
    """The JSON shape of one unit of a what-if.

    >>> from electoral.scenario import recorded_units
    >>> unit_json(recorded_units(2020)[0])
    {'unit': 'AK', 'state': 'AK', 'electors': 3, 'how': 'as recorded', 'votes': {'Donald Trump': 3}, 'winner': 'Donald Trump'}
    """
    return {"unit": unit.unit, "state": unit.state, "electors": unit.electors, "how": unit.how,
            "votes": dict(unit.votes), "winner": unit.winner}


def scenario_json(result: ScenarioResult, units: Sequence[Any] | None = None, actual: Any = None) -> dict[str, Any]:
    """The JSON shape of a what-if; ``units`` and ``actual``, if given, are its units and actual tally already
    rendered (the API passes encoded ones).

    >>> from electoral.scenario import Scenario, run
    >>> doc = scenario_json(run(Scenario(2020, flips={"GA": None})))
    >>> doc["diff"]["flipped"][0]["unit"], doc["diff"]["winner_changed"], doc["tally"]["winner"]
    ('GA', False, 'Joe Biden')
    """
    sc, diff = result.scenario, result.diff
    return {
        "year": sc.year,
        "scenario": {
            "flips": dict(sc.flips), "swing": _swing_json(sc.swing),
            "state_swings": {k: _swing_json(v) for k, v in sc.state_swings.items()},
            "method": sc.method, "methods": dict(sc.methods), "house_size": sc.house_size,
            "apportionment_method": sc.apportionment_method, "census": sc.census,
            "add_states": dict(sc.add_states), "remove": list(sc.remove), "blank": sc.blank,
            "margin": sc.margin,
        },
        "tally": tally_json(result.tally),
        "actual": tally_json(result.actual) if actual is None else actual,
        "diff": {
            "flipped": [{"unit": f.unit, "before": f.before, "after": f.after, "electoral_votes": f.electoral_votes}
                        for f in diff.flipped],
            "changed_states": list(diff.changed_states),
            "candidates": [{"name": c.name, "actual": c.actual, "scenario": c.scenario, "change": c.change}
                           for c in diff.candidates],
            "winner_before": diff.winner_before, "winner_after": diff.winner_after,
            "winner_changed": diff.winner_changed, "no_majority": diff.no_majority, "outcome": diff.outcome,
        },
        "units": [unit_json(u) for u in result.units] if units is None else list(units),
        "notes": list(result.notes),
    }


def _swing_json(swing: Swing | None) -> dict[str, Any] | None:
    return {"toward": swing.toward, "points": swing.points} if swing else None
