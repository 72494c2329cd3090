"""A contingent election, for any year or what-if: who is eligible, the House and Senate that decide,
and the outcome if every delegation and every Senator votes the party line.

The tally comes from the record (``electoral.election(year).tally()``) or from a what-if
(``electoral.scenario.run``). The House votes by state: a state's vote goes to the eligible candidate
of its delegation's majority party; a delegation split evenly, vacant, held by other parties or whose
party has no eligible candidate casts no vote. The Senate chooses the Vice President between the
running mates of the two leading candidates (each elector assumed to vote the ticket).

>>> from electoral.scenario import Scenario
>>> e = contingent_election(2020, Scenario(2020, flips={"GA": None, "AZ": None, "WI": None}))
>>> e.house.congress, e.house.ballot.count("Donald Trump"), e.house.ballot.count("Joe Biden"), e.house.ballot.no_vote
(117, 27, 20, ('MI', 'MN', 'PA'))
>>> e.house.ballot.chosen, e.senate.chosen
('Donald Trump', 'Mike Pence')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from electoral.contingent.congress import Delegation, House, Senate, house, ordinal, senate
from electoral.contingent.count import HouseBallot, SenateVote, count_house_ballot, count_senate_vote
from electoral.contingent.recorded import RecordedBallot, recorded_ballots
from electoral.contingent.rules import ContingentRule, contingent_rule, deciding_congress
from electoral.data.loaders import read_rows
from electoral.errors import InvalidInput
from electoral.record import election
from electoral.scenario import Scenario, run
from electoral.tally import Tally

PARTY_NAMES = {"dem": "Democratic", "rep": "Republican", "other": "other parties"}


@dataclass(frozen=True)
class Eligible:
    """A candidate the House may choose."""

    name: str
    party: str
    electoral_votes: int
    side: str | None  # "dem" or "rep": the delegations that vote for them on party lines


@dataclass(frozen=True)
class DelegationVote:
    """One state's delegation and its vote on party lines."""

    delegation: Delegation
    majority: str | None  # "dem", "rep", "other" or None (no majority)
    vote: str | None  # the eligible candidate it votes for, None: no vote
    why: str
    margin: int  # members of the majority minus all the others seated (0 when split or none)


@dataclass(frozen=True)
class HouseOutcome:
    """The House that decides and its ballot on party lines."""

    congress: int
    reference_date: str
    delegations: tuple[DelegationVote, ...]
    ballot: HouseBallot
    narrowest: tuple[str, ...]  # the leader's states, narrowest majority first
    spare: int  # the leader's states beyond the majority needed (negative: short of it)


@dataclass(frozen=True)
class VicePresidentCandidate:
    """A vice-presidential candidate the Senate may choose."""

    name: str
    running_mate_of: str
    side: str | None
    source: str  # where the name comes from; "" when assumed


@dataclass(frozen=True)
class SenateOutcome:
    """The Senate that chooses the Vice President and its vote on party lines."""

    senate: Senate
    candidates: tuple[VicePresidentCandidate, ...]
    vote: SenateVote | None
    chosen: str | None
    with_caucus: str | None  # the choice if independents vote with the party they caucus with (as recorded)
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ContingentElection:
    """Everything about one contingent election, real or hypothetical."""

    year: int
    scenario: Scenario | None
    rule: ContingentRule
    tally: Tally
    eligible: tuple[Eligible, ...]
    house: HouseOutcome
    senate: SenateOutcome
    president: str | None  # the House's choice on party lines
    acting: str  # what happens if the House does not choose
    recorded: tuple[RecordedBallot, ...]
    assumptions: tuple[str, ...]


def side_of(party: str, year: int) -> str | None:
    """``dem`` for the Democratic Party, ``rep`` for the Republican Party (from 1856), else None.

    >>> side_of("Democratic", 2020), side_of("Republican", 2020), side_of("Democratic-Republican", 1824)
    ('dem', 'rep', None)
    """
    if party in ("Democratic", "Democrat"):
        return "dem"
    if party == "Republican" and year >= 1856:
        return "rep"
    return None


def delegation_vote(d: Delegation, eligible: tuple[Eligible, ...]) -> DelegationVote:
    """How one delegation votes on party lines.

    >>> e = (Eligible("A", "Democratic", 269, "dem"), Eligible("B", "Republican", 269, "rep"))
    >>> [delegation_vote(Delegation("XX", d, r, o, 0, d + r + o), e).why for d, r, o in ((7, 7, 0), (1, 4, 0), (0, 0, 0))]
    ['split 7-7', 'Republican majority 4-1', 'no member seated']
    """
    majority = d.majority_party
    seated = d.seated
    margin = 2 * getattr(d, majority) - seated if majority else 0
    if seated == 0:
        return DelegationVote(d, None, None, "no member seated", 0)
    if d.split:
        return DelegationVote(d, None, None, f"split {d.dem}-{d.rep}", 0)
    if majority is None:
        return DelegationVote(d, None, None, f"no party holds a majority ({_counts(d)})", 0)
    if majority == "other":
        return DelegationVote(d, "other", None, f"majority of other parties ({d.other_parties or _counts(d)})", margin)
    candidate = next((c.name for c in eligible if c.side == majority), None)
    if candidate is None:
        return DelegationVote(d, majority, None, f"{PARTY_NAMES[majority]} majority, no eligible candidate of its party",
                              margin)
    return DelegationVote(d, majority, candidate, f"{PARTY_NAMES[majority]} majority {_counts(d)}", margin)


def _counts(d: Delegation) -> str:
    first, second = (d.dem, d.rep) if d.dem >= d.rep else (d.rep, d.dem)
    return f"{first}-{second}" + (f", {d.other} other" if d.other else "")


def house_outcome(chamber: House, eligible: tuple[Eligible, ...], rule: ContingentRule) -> HouseOutcome:
    """The House's ballot on party lines.

    >>> eligible = (Eligible("A", "Democratic", 269, "dem"), Eligible("B", "Republican", 269, "rep"))
    >>> h = house_outcome(house(117), eligible, contingent_rule(2020))
    >>> h.ballot.count("B"), h.ballot.count("A"), h.spare, h.narrowest[:2]
    (27, 20, 1, ('AK', 'MT'))
    """
    votes = tuple(delegation_vote(d, eligible) for d in chamber.delegations)
    ballot = count_house_ballot({v.delegation.state: v.vote for v in votes}, len(votes), rule,
                                present=sum(1 for v in votes if v.delegation.seated > 0))
    leader = ballot.votes[0][0] if ballot.votes else None
    mine = sorted((v for v in votes if leader and v.vote == leader), key=lambda v: (v.margin, v.delegation.state))
    spare = len(mine) - ballot.needed
    return HouseOutcome(chamber.congress, chamber.reference_date, votes, ballot,
                        tuple(v.delegation.state for v in mine), spare)


@lru_cache(maxsize=None)
def running_mates() -> dict[tuple[int, str], tuple[str, str]]:
    """(year, presidential candidate) -> (running mate, source), from ``running_mates.csv``.

    >>> running_mates()[(2020, "Joe Biden")][0]
    'Kamala Harris'
    """
    return {(r.year, r.candidate): (r.running_mate, r.source) for r in read_rows("running_mates")}


def vp_candidates(year: int, tally: Tally, rule: ContingentRule) -> tuple[VicePresidentCandidate, ...]:
    """The running mates of the two leading candidates (names from the table where it has them); none before
    the 12th Amendment, when electors cast two votes for President and no one ran for Vice President.

    >>> [c.name for c in vp_candidates(1876, election(1876).tally(), contingent_rule(1876))]
    ['the running mate of Rutherford B. Hayes', 'the running mate of Samuel Tilden']
    """
    leading = [c for c in tally.candidates if c.electoral_votes > 0][:rule.vp_pool]
    out = []
    for c in leading:
        name, source = running_mates().get((year, c.name), (f"the running mate of {c.name}", ""))
        out.append(VicePresidentCandidate(name, c.name, side_of(c.party, year), source))
    return tuple(out)


def senate_outcome(chamber: Senate, candidates: tuple[VicePresidentCandidate, ...],
                   rule: ContingentRule) -> SenateOutcome:
    """The Senate's vote for Vice President on party lines, and with independents voting with their caucus.

    >>> mates = (VicePresidentCandidate("A", "X", "dem", ""), VicePresidentCandidate("B", "Y", "rep", ""))
    >>> s = senate_outcome(senate(119), mates, contingent_rule(2024))
    >>> s.vote.votes, s.chosen, s.with_caucus
    ((('B', 52), ('A', 45)), 'B', 'B')
    """
    if rule.vp_pool == 0:
        return SenateOutcome(chamber, candidates, None, None, None, (
            "before the 12th Amendment the runner-up after the House's choice became Vice President; "
            "the Senate chose only among runners-up with equal votes",))
    strict = {c.name: getattr(chamber, c.side) for c in candidates if c.side}
    vote = count_senate_vote(strict, chamber.seats, rule)
    caucus = {c.name: getattr(chamber, c.side) + chamber.caucusing("Democrat" if c.side == "dem" else "Republican")
              for c in candidates if c.side}
    with_caucus = count_senate_vote(caucus, chamber.seats, rule).chosen if caucus != strict else vote.chosen
    return SenateOutcome(chamber, candidates, vote, vote.chosen, with_caucus, _senate_notes(chamber, vote, caucus))


def _senate_notes(chamber: Senate, vote: SenateVote, caucus: dict[str, int]) -> tuple[str, ...]:
    notes = [f"a majority of the whole number of Senators: {vote.needed} of {chamber.seats}"
             + (f" ({chamber.vacant} seat(s) vacant on {chamber.reference_date}: {chamber.vacant_states};"
                " the needed number is read as of the whole number of seats)" if chamber.vacant else "")]
    if chamber.other:
        recorded = any(caucus[c] != n for c, n in vote.votes)
        notes.append(f"{chamber.other} Senator(s) of other parties ({chamber.other_parties}) vote with neither side "
                     "on strict party lines; " + ("counted with the party they caucus with (as Bioguide records it): "
                     + ", ".join(f"{name} {n}" for name, n in caucus.items()) if recorded else
                     "Bioguide records no caucus with either party for them in this Congress"))
    values = sorted(caucus.values())
    if len(values) == 2 and values[0] == values[1] == chamber.seats // 2:
        notes.append("an even split: the Constitution does not settle whether the sitting Vice President, as "
                     "President of the Senate (Art. I, Sec. 3), may break the tie: the 12th Amendment asks for a "
                     "majority of the whole number of Senators, and the Vice President is not a Senator; no choice "
                     "is counted here")
    return tuple(notes)


def eligible_candidates(tally: Tally, rule: ContingentRule) -> tuple[Eligible, ...]:
    """The candidates the House may choose: the tally's contingent pool, or the top of the tally if it had a winner.

    >>> [c.name for c in eligible_candidates(election(1824).tally(), contingent_rule(1824))]
    ['Andrew Jackson', 'John Quincy Adams', 'William H. Crawford']
    """
    parties = {c.name: (c.party, c.electoral_votes) for c in tally.candidates}
    if tally.contingent:
        names = tally.contingent.candidates
    else:
        names = tuple(c.name for c in tally.candidates if c.electoral_votes > 0)[:rule.president_pool]
    return tuple(Eligible(n, parties[n][0], parties[n][1], side_of(parties[n][0], tally.year)) for n in names)


def contingent_election(year: int, scenario: Scenario | None = None) -> ContingentElection:
    """The contingent election of ``year``, from the record or from ``scenario`` (a what-if of that year).

    >>> e = contingent_election(1876)  # 37 states on the 44th Congress's first day (Colorado joined in 1876)
    >>> e.house.congress, e.president, e.house.ballot.count("Samuel Tilden"), e.house.ballot.needed
    (44, 'Samuel Tilden', 22, 19)
    """
    if scenario is not None and scenario.year != year:
        raise InvalidInput(f"the scenario is of {scenario.year}, not {year}")
    if scenario is not None and (scenario.reapportions or scenario.remove):
        raise InvalidInput("a contingent election is decided by the House as seated: what-ifs that re-apportion "
                           "the House, add or remove states are not supported")
    tally = run(scenario).tally if scenario is not None else election(year).tally()
    rule = contingent_rule(tally.year)
    congress = deciding_congress(tally.year)
    eligible = eligible_candidates(tally, rule)
    house_result = house_outcome(house(congress), eligible, rule)
    senate_result = senate_outcome(senate(congress), vp_candidates(tally.year, tally, rule), rule)
    recorded = recorded_ballots(tally.year) if scenario is None else ()
    return ContingentElection(tally.year, scenario, rule, tally, eligible, house_result, senate_result,
                              house_result.ballot.chosen, rule.deadline, recorded,
                              assumptions(tally, congress, eligible, senate_result))


def assumptions(tally: Tally, congress: int, eligible: tuple[Eligible, ...], senate_result: SenateOutcome) -> tuple[str, ...]:
    """What the party-line outcome assumes, said plainly.

    >>> contingent_election(2020).assumptions[0]
    'the electors chose Joe Biden: no contingent election was needed; shown as if no candidate had a majority'
    """
    out = [f"composition on the first day of the {ordinal(congress)} Congress; later deaths, resignations, special "
           "elections and party switches are not reflected",
           "every delegation votes for the eligible candidate of its majority party; a delegation split evenly, "
           "vacant, held by other parties or whose party has no eligible candidate casts no vote"]
    if tally.winner:
        out.insert(0, f"the electors chose {tally.winner}: no contingent election was needed; shown as if no "
                      "candidate had a majority")
    if any(c.side is None for c in eligible):
        out.append("candidates of parties other than the Democratic and Republican get no party-line votes; "
                   "before 1855 every member is counted under 'other', so the party-line ballot is not meaningful")
    if any(not c.source for c in senate_result.candidates):
        out.append("vice-presidential candidates not in the running-mates table are named by their ticket")
    if senate_result.candidates:
        out.append("each elector is assumed to vote for their ticket's running mate, so the Senate chooses between "
                   "the running mates of the two leading presidential candidates")
    return tuple(out)
