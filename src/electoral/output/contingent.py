"""The JSON document of a contingent election: the same pydantic model for ``electoral contingent --json``
and for ``GET /api/contingent/{year}`` and ``POST /api/contingent``.

>>> from electoral.contingent import contingent_election
>>> doc = contingent_doc(contingent_election(1824))
>>> doc.house.congress, doc.recorded[0].chosen, doc.house.states
(18, 'John Quincy Adams', 24)
"""

from __future__ import annotations

from dataclasses import asdict
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, Field

from electoral.contingent.congress import ordinal
from electoral.contingent.count import HouseBallot
from electoral.contingent.election import ContingentElection, DelegationVote, HouseOutcome, SenateOutcome
from electoral.contingent.recorded import RecordedBallot
from electoral.contingent.rules import ContingentRule
from electoral.data.loaders import read_rows
from electoral.scenario import Scenario


class RuleOut(BaseModel):
    era: str
    president_pool: int = Field(description="The House chooses among this many top candidates.")
    tie_rule: str
    vp_pool: int = Field(description="The Senate chooses between this many (0: only among tied runners-up).")
    vp_rule: str
    house_quorum: str = Field(description="Fraction of the states that must have a member present.")
    house_majority: str
    senate_quorum: str | None
    senate_majority: str
    deciding_house: str = Field(description="'outgoing' (lame-duck Congress, before 1937) or 'new'.")
    deadline: str
    source: str


class Candidate(BaseModel):
    name: str
    party: str
    electoral_votes: int
    side: str | None = Field(description="'dem' or 'rep': whose delegations vote for them on party lines.")


class StatesVote(BaseModel):
    candidate: str
    count: int
    states: list[str]


class DelegationOut(BaseModel):
    state: str
    dem: int
    rep: int
    other: int
    vacant: int | None
    seats: int | None
    other_parties: str
    majority: str | None = Field(description="'dem', 'rep', 'other' or null (split or no majority).")
    vote: str | None = Field(description="The eligible candidate it votes for on party lines; null: no vote.")
    why: str
    margin: int
    standing: str = Field(description="'dem', 'rep' or 'other' (its majority), 'split' (evenly divided), "
                                      "'none' (no party has a majority) or 'vacant' (no member seated).")


class HouseOut(BaseModel):
    congress: int
    name: str = Field(description="'House of the 117th Congress, seated 2021-01-03'.")
    reference_date: str
    states: int
    needed: int
    quorum: int
    present: int
    quorum_met: bool
    votes: list[StatesVote]
    no_vote: list[str]
    chosen: str | None
    narrowest: list[str] = Field(description="The leader's delegations, narrowest majority first.")
    spare: int = Field(description="The leader's states beyond the majority needed (negative: short).")
    by_majority: dict[str, int] = Field(description="Delegations by majority: dem, rep, other, split, none, vacant.")
    delegations: list[DelegationOut]


class VicePresidentOut(BaseModel):
    name: str
    running_mate_of: str
    side: str | None
    source: str


class SenatorsVote(BaseModel):
    candidate: str
    senators: int


class SenateOut(BaseModel):
    congress: int
    reference_date: str
    dem: int
    rep: int
    other: int
    vacant: int
    seats: int
    other_parties: str
    vacant_states: str
    needed: int | None
    quorum: int | None
    candidates: list[VicePresidentOut]
    votes: list[SenatorsVote]
    chosen: str | None
    with_caucus: str | None = Field(description="The choice if independents vote with the party they caucus with.")
    notes: list[str]


class RecordedOut(BaseModel):
    body: str
    congress: int
    date: str
    ballot: str
    votes: list[StatesVote]
    needed: str = Field(description="As recorded, e.g. '9 of 16'.")
    units: int
    counted_needed: int = Field(description="The majority the rules give for the recorded number of units.")
    chosen: str | None = Field(description="Who the rules elect on this ballot (null: no choice).")
    source: str


class ContingentOut(BaseModel):
    year: int
    what_if: dict[str, Any] | None = Field(description="The what-if's fields that differ from the record "
                                                        "(flips, swing, ...; null: the record).")
    outcome: str
    what_if_notes: list[str] = Field(default_factory=list, description="The what-if's notes: swings, the compact, "
                                     "each faithless elector and whether the state's law counted or voided the vote.")
    electoral_votes: list[Candidate]
    rule: RuleOut
    eligible: list[Candidate]
    house: HouseOut
    senate: SenateOut
    president: str | None = Field(description="The House's choice on party lines (null: none).")
    vice_president: str | None = Field(description="The Senate's choice on party lines (null: none).")
    acting: str
    recorded: list[RecordedOut]
    assumptions: list[str]
    sources: list[str]


def _rule(r: ContingentRule) -> RuleOut:
    return RuleOut(era=r.era, president_pool=r.president_pool, tie_rule=r.tie_rule, vp_pool=r.vp_pool,
                   vp_rule=r.vp_rule, house_quorum=str(r.house_quorum), house_majority=r.house_majority,
                   senate_quorum=str(r.senate_quorum) if r.senate_quorum is not None else None,
                   senate_majority=r.senate_majority, deciding_house=r.deciding_house, deadline=r.deadline,
                   source=r.source)


def _states_votes(ballot: HouseBallot) -> list[StatesVote]:
    return [StatesVote(candidate=c, count=len(s), states=list(s)) for c, s in ballot.votes]


def _house(h: HouseOutcome) -> HouseOut:
    b = h.ballot
    counts = {"dem": 0, "rep": 0, "other": 0, "split": 0, "none": 0, "vacant": 0}
    for v in h.delegations:
        counts[_standing(v)] += 1
    return HouseOut(
        congress=h.congress, name=f"House of the {ordinal(h.congress)} Congress, seated {h.reference_date}",
        reference_date=h.reference_date, states=b.states, needed=b.needed, quorum=b.quorum, present=b.present,
        quorum_met=b.quorum_met, votes=_states_votes(b), no_vote=list(b.no_vote), chosen=b.chosen,
        narrowest=list(h.narrowest), spare=h.spare, by_majority=counts,
        delegations=[DelegationOut(state=v.delegation.state, dem=v.delegation.dem, rep=v.delegation.rep,
                                   other=v.delegation.other, vacant=v.delegation.vacant, seats=v.delegation.seats,
                                   other_parties=v.delegation.other_parties, majority=v.majority, vote=v.vote,
                                   why=v.why, margin=v.margin, standing=_standing(v)) for v in h.delegations])


def _standing(v: DelegationVote) -> str:
    """A delegation's standing: its majority party, or split (even), none (no majority) or vacant."""
    return v.majority or ("vacant" if v.delegation.seated == 0 else "split" if v.delegation.split else "none")


def _senate(s: SenateOutcome) -> SenateOut:
    c, vote = s.senate, s.vote
    return SenateOut(
        congress=c.congress, reference_date=c.reference_date, dem=c.dem, rep=c.rep, other=c.other, vacant=c.vacant,
        seats=c.seats, other_parties=c.other_parties, vacant_states=c.vacant_states,
        needed=vote.needed if vote else None, quorum=vote.quorum if vote else None,
        candidates=[VicePresidentOut(name=v.name, running_mate_of=v.running_mate_of, side=v.side, source=v.source)
                    for v in s.candidates],
        votes=[SenatorsVote(candidate=n, senators=k) for n, k in vote.votes] if vote else [],
        chosen=s.chosen, with_caucus=s.with_caucus, notes=list(s.notes))


def _recorded(r: RecordedBallot) -> RecordedOut:
    counted = r.counted
    needed = counted.needed
    return RecordedOut(body=r.body, congress=r.congress, date=r.date, ballot=r.ballot,
                       votes=[StatesVote(candidate=c, count=n, states=list(s)) for c, n, s in r.votes],
                       needed=r.needed, units=r.units, counted_needed=needed, chosen=counted.chosen,
                       source=r.source)


@lru_cache(maxsize=None)
def congress_sources() -> tuple[str, ...]:
    """The citations of the Congress tables.

    >>> congress_sources()[0].split(":")[0]
    'bioguide'
    """
    return tuple(f"{r.key}: {r.citation}" for r in read_rows("congress_sources"))


def what_if_fields(scenario: Scenario) -> dict[str, Any]:
    """The fields of a what-if that change the record (the margin definition only with a swing).

    >>> what_if_fields(Scenario(2020, flips={"GA": None}))
    {'flips': {'GA': None}}
    """
    doc = asdict(scenario)
    swung = bool(doc["swing"] or doc["state_swings"])
    return {k: v for k, v in doc.items() if k != "year" and v and (k != "margin" or swung)}


def contingent_doc(e: ContingentElection) -> ContingentOut:
    """The JSON document of a contingent election.

    >>> from electoral.contingent import contingent_election
    >>> contingent_doc(contingent_election(1836)).recorded[0].chosen
    'Richard Mentor Johnson'
    """
    t = e.tally
    mates = sorted({c.source for c in e.senate.candidates if c.source})
    return ContingentOut(
        year=e.year, what_if=what_if_fields(e.scenario) if e.scenario is not None else None, outcome=t.outcome,
        what_if_notes=list(t.notes) if e.scenario is not None else [],
        electoral_votes=[Candidate(name=c.name, party=c.party, electoral_votes=c.electoral_votes,
                                   side=next((x.side for x in e.eligible if x.name == c.name), None))
                         for c in t.candidates if c.electoral_votes > 0],
        rule=_rule(e.rule),
        eligible=[Candidate(name=c.name, party=c.party, electoral_votes=c.electoral_votes, side=c.side)
                  for c in e.eligible],
        house=_house(e.house), senate=_senate(e.senate), president=e.president, vice_president=e.senate.chosen,
        acting=e.acting, recorded=[_recorded(r) for r in e.recorded], assumptions=list(e.assumptions),
        sources=[e.rule.source, *congress_sources(), *(f"running mates: {m}" for m in mates)])



