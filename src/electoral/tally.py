"""The tally: electoral votes per candidate -> an outcome, the way the Constitution decides it.

A pure function (:func:`tally_votes`) over candidate -> electoral votes. The rules that changed
with the 12th Amendment (two votes per elector before 1804, who goes to the House) are rows of the
packaged ``ballot_rules`` table, read by :mod:`electoral.rules.ballot`, not branches on the year.

>>> t = tally_votes(2020, {"Joe Biden": 306, "Donald Trump": 232}, electors_appointed=538)
>>> t.majority_needed, t.winner
(270, 'Joe Biden')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from electoral.errors import InvalidInput
from electoral.rules.ballot import BallotRule, ballot_rule

__all__ = ["BallotRule", "CandidateTotal", "Contingent", "Tally", "ballot_rule", "majority_needed", "tally_votes"]


def majority_needed(electors_appointed: int) -> int:
    """More than half of the electors appointed (Art. II; 12th Amendment).

    >>> majority_needed(538), majority_needed(537), majority_needed(73)
    (270, 269, 37)
    """
    if electors_appointed <= 0:
        raise InvalidInput(f"electors appointed must be positive, got {electors_appointed}")
    return electors_appointed // 2 + 1


@dataclass(frozen=True, slots=True)
class CandidateTotal:
    """One candidate's line in a tally."""

    name: str
    party: str
    electoral_votes: int
    popular_votes: int | None = None
    popular_share: float | None = None  # of all valid popular votes recorded nationally


@dataclass(frozen=True, slots=True)
class Contingent:
    """What happens when the electors give no one the presidency."""

    reason: str  # "no majority: the House chooses (12th Amendment)" or the pre-1804 tie rule
    decided_by: str = "House of Representatives"
    candidates: tuple[str, ...] = ()  # whom the House may choose from
    chosen: str | None = None  # what history did, when the record has it
    date: str | None = None
    detail: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Tally:
    """The outcome of one election (historical or hypothetical)."""

    year: int
    electors_appointed: int
    majority_needed: int
    votes_per_elector: int
    candidates: tuple[CandidateTotal, ...]
    winner: str | None
    contingent: Contingent | None
    notes: tuple[str, ...] = field(default=())
    popular_votes_total: int | None = None

    @property
    def elected(self) -> str | None:
        """Who became president through this election: the winner, or the House's choice."""
        if self.winner:
            return self.winner
        return self.contingent.chosen if self.contingent else None

    def electoral_votes(self, name: str) -> int:
        """Electoral votes of one candidate (0 if none)."""
        return next((c.electoral_votes for c in self.candidates if c.name == name), 0)

    @property
    def outcome(self) -> str:
        """One line saying who won and how, or why no one did.

        >>> tally_votes(2020, {"A": 269, "B": 269}, electors_appointed=538).outcome
        'no majority: the House chooses (12th Amendment) among A, B (270 of 538 electors needed)'
        """
        if self.winner:
            votes = self.electoral_votes(self.winner)
            per = " (two votes per elector)" if self.votes_per_elector == 2 else ""
            return (f"{self.winner} wins with {votes} electoral votes of {self.electors_appointed * self.votes_per_elector}"
                    f"{per}; {self.majority_needed} needed")
        if self.contingent is None:
            return "no electoral votes recorded"
        line = (f"{self.contingent.reason} among {', '.join(self.contingent.candidates)}"
                f" ({self.majority_needed} of {self.electors_appointed} electors needed)")
        if self.contingent.chosen:
            line += f"; on {self.contingent.date} the {self.contingent.decided_by} chose {self.contingent.chosen}"
        return line


def tally_votes(
    year: int,
    votes: Mapping[str, int],
    electors_appointed: int,
    parties: Mapping[str, str] | None = None,
    popular_votes: Mapping[str, int] | None = None,
    notes: tuple[str, ...] = (),
    history: Contingent | None = None,
    min_popular_share: float = 0.01,
) -> Tally:
    """Tally electoral votes into an outcome under the ballot rule of ``year``.

    ``votes`` maps candidate -> electoral votes counted (before 1804, each elector's two votes).
    ``history`` is what actually happened when there was no majority (attached to the contingent).
    Candidates without electoral votes appear when their popular share is at least ``min_popular_share``.

    >>> tally_votes(1824, {"Andrew Jackson": 99, "John Quincy Adams": 84, "William H. Crawford": 41,
    ...                    "Henry Clay": 37}, electors_appointed=261).contingent.candidates
    ('Andrew Jackson', 'John Quincy Adams', 'William H. Crawford')
    """
    _check_votes(votes)
    rule = ballot_rule(year)
    needed = majority_needed(electors_appointed)
    if sum(votes.values()) > electors_appointed * rule.votes_per_elector:
        raise InvalidInput(
            f"{sum(votes.values())} electoral votes exceed the {electors_appointed} electors appointed in {year}")
    popular_votes = popular_votes or {}
    popular_total = sum(popular_votes.values()) or None
    lines = _lines(votes, parties or {}, popular_votes, popular_total, min_popular_share)
    winner, contingent = _decide([c for c in lines if c.electoral_votes > 0], needed, rule)
    if contingent and history:
        contingent = Contingent(contingent.reason, history.decided_by, contingent.candidates,
                                history.chosen, history.date, history.detail, history.source)
    return Tally(year, electors_appointed, needed, rule.votes_per_elector, lines, winner, contingent, notes,
                 popular_total)


def _check_votes(votes: Mapping[str, int]) -> None:
    """Raise :class:`InvalidInput` for electoral votes that are not whole numbers >= 0."""
    for name, value in votes.items():
        if int(value) != value or value < 0:
            raise InvalidInput(f"electoral votes for {name!r} must be a whole number >= 0, got {value!r}")


def _lines(votes: Mapping[str, int], parties: Mapping[str, str], popular_votes: Mapping[str, int],
           popular_total: int | None, min_popular_share: float) -> tuple[CandidateTotal, ...]:
    """One line per candidate with electoral votes or ``min_popular_share`` of the popular vote, ranked by
    electoral votes, then popular votes, then name."""
    names = set(n for n, v in votes.items() if v > 0)
    if popular_total:
        names |= {n for n, v in popular_votes.items() if v / popular_total >= min_popular_share}
    return tuple(sorted(
        (CandidateTotal(
            name=n,
            party=parties.get(n, ""),
            electoral_votes=int(votes.get(n, 0)),
            popular_votes=popular_votes.get(n) if popular_total else None,
            popular_share=(popular_votes.get(n, 0) / popular_total) if popular_total else None,
        ) for n in names),
        key=lambda c: (-c.electoral_votes, -(c.popular_votes or 0), c.name),
    ))


def _decide(ranked: list[CandidateTotal], needed: int, rule: BallotRule) -> tuple[str | None, Contingent | None]:
    """The winner, or the contingent election that follows (Art. II Sec. 1 / 12th Amendment)."""
    if not ranked:
        return None, None
    top = ranked[0]
    tie = _majority_tie(ranked, needed, rule)
    if tie:
        return None, Contingent(reason="tie: the House chooses (Art. II, Sec. 1)", candidates=tie)
    if top.electoral_votes >= needed and (len(ranked) == 1 or ranked[1].electoral_votes < top.electoral_votes):
        return top.name, None
    amendment = "Art. II, Sec. 1" if rule.votes_per_elector == 2 else "12th Amendment"
    return None, Contingent(reason=f"no majority: the House chooses ({amendment})",
                            candidates=_top(ranked, rule.house_chooses_among))


def _majority_tie(ranked: list[CandidateTotal], needed: int, rule: BallotRule) -> tuple[str, ...]:
    """Before the 12th Amendment: the candidates tied at the top with a majority each (empty if none)."""
    if rule.votes_per_elector != 2:
        return ()
    top = ranked[0].electoral_votes
    holders = [c for c in ranked if c.electoral_votes >= needed]
    if len(holders) > 1 and holders[1].electoral_votes == top:
        return tuple(c.name for c in holders if c.electoral_votes == top)
    return ()


def _top(ranked: list[CandidateTotal], n: int) -> tuple[str, ...]:
    """The top ``n`` candidates by electoral votes, keeping anyone tied with the last place."""
    if len(ranked) <= n:
        return tuple(c.name for c in ranked)
    cutoff = ranked[n - 1].electoral_votes
    return tuple(c.name for c in ranked if c.electoral_votes >= cutoff)
