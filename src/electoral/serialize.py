"""The JSON shapes shared by the CLI (``--json``) and the HTTP API: one function per shape.

These functions only rearrange library results into plain dicts and lists (no math), so that
``electoral tally 2020 --json`` and ``GET /api/elections/2020/tally`` print the same document.

>>> from electoral.record import election
>>> tally_json(election(2020).tally())["outcome"]
'Joe Biden wins with 306 electoral votes of 538; 270 needed'
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from electoral.record import Election
from electoral.rules.apportionment import Apportionment
from electoral.sides import side_of, unit_sides
from electoral.tally import Tally
from electoral.units import states


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


def _finite_or_none(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


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
    """Seats per state with populations and exact quotas; who won the last seat and who is next.

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
        "states": [{"state": s, "population": _finite_or_none(p), "quota": _finite_or_none(q), "seats": int(n)}
                   for s, p, q, n in zip(apportionment.states, apportionment.populations, apportionment.quotas,
                                         apportionment.seats)],
    }
