"""Output models of the analytics: tipping point, paths to a majority, power indices, minimum votes.

>>> from electoral.analysis.tipping import tipping_point
>>> tipping_out(tipping_point(2016)).tipping_point
'PA'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from electoral.output.base import MarginName, Output, finite_or_none

if TYPE_CHECKING:  # shapes only: importing the analyses here would slow every command's start
    from electoral.analysis.minvotes import MinVotesReport, Solution
    from electoral.analysis.paths import PathsReport
    from electoral.analysis.power import PowerIndices
    from electoral.analysis.tipping import TippingPoint


# -- tipping point -----------------------------------------------------------------------------
class SnakeRowOut(Output):
    unit: str
    electoral_votes: int
    margin: float | None = Field(description="First candidate's two-party margin (a fraction; estimated where noted).")
    winner_margin: float | None
    won_by: str | None
    winner_votes: int = Field(description="Electoral votes Congress counted for the winner in this unit.")
    swing: float | None = Field(description="Uniform swing away from the winner (a fraction) that takes the unit; "
                                            "null: no swing moves the winner's electors here.")
    cumulative: int
    estimated: str | None


class TippingPointOut(Output):
    year: int | None
    candidates: list[str]
    winner: str
    margin_definition: MarginName | None = Field(description="What the margins are shares of (all or two-party).")
    majority_needed: int
    winner_votes: int
    tipping_point: str | None
    tipping_margin: float | None
    tipping_swing: float | None = Field(description="The swing away from the winner that takes the tipping unit.")
    national_margin: float | None
    bias: float | None = Field(description="Tipping-point margin minus national margin (< 0 favours the second).")
    favours: str | None
    estimated: list[str]
    rows: list[SnakeRowOut]


def tipping_out(tp: TippingPoint) -> TippingPointOut:
    """A tipping point (margins are fractions, of the votes ``margin_definition`` names)."""
    return TippingPointOut.of(
        year=tp.year, candidates=list(tp.candidates), winner=tp.winner, margin_definition=tp.definition,
        majority_needed=tp.majority_needed, winner_votes=tp.winner_votes,
        tipping_point=tp.unit, tipping_margin=tp.margin, tipping_swing=finite_or_none(tp.swing),
        national_margin=tp.national_margin, bias=tp.bias, favours=tp.favours, estimated=list(tp.estimated),
        rows=[SnakeRowOut.of(
            unit=r.unit, electoral_votes=r.electoral_votes, margin=r.margin, winner_margin=r.winner_margin,
            won_by=r.won_by, winner_votes=r.winner_votes, swing=finite_or_none(r.swing), cumulative=r.cumulative,
            estimated=r.estimated or None) for r in tp.rows])


# -- paths -------------------------------------------------------------------------------------
class CandidatePathsOut(Output):
    candidate: str
    decided_votes: int
    needed: int
    winning_outcomes: int
    minimal_sets: list[list[str]]


class PathsOut(Output):
    year: int
    majority_needed: int
    electors_appointed: int
    decided: dict[str, str]
    open_units: list[str]
    outcomes: int = Field(description="2^(open units): every way the open units can fall (an exact integer).")
    ties: int
    candidates: list[CandidatePathsOut]
    estimated: list[str]
    margin_definition: MarginName | None


def paths_out(report: PathsReport) -> PathsOut:
    """A paths report (counts are exact integers).

    >>> from electoral.analysis.paths import paths
    >>> paths_out(paths(2020, {"PA": "R"})).decided
    {'PA': 'Donald Trump'}
    """
    return PathsOut.of(
        year=report.year, majority_needed=report.majority_needed, electors_appointed=report.electors_appointed,
        decided={unit: who for unit, who in report.decided}, open_units=list(report.open_units),
        outcomes=report.counts.total, ties=report.counts.ties,
        candidates=[CandidatePathsOut.of(
            candidate=c.candidate, decided_votes=c.decided_votes, needed=c.needed,
            winning_outcomes=c.winning_outcomes, minimal_sets=[list(s) for s in c.minimal_sets])
            for c in report.candidates],
        estimated=list(report.estimated), margin_definition=report.definition)


# -- power -------------------------------------------------------------------------------------
class UnitPowerOut(Output):
    unit: str
    electoral_votes: int
    swings: int
    banzhaf_raw: float
    banzhaf: float
    shapley_shubik: float


class PowerOut(Output):
    year: int | None
    quota: int
    players: int
    units: list[UnitPowerOut]


def power_out(p: PowerIndices) -> PowerOut:
    """Power indices, one row per unit."""
    return PowerOut.of(
        year=p.year, quota=p.quota, players=len(p.codes),
        units=[UnitPowerOut.of(unit=code, electoral_votes=int(w), swings=s, banzhaf_raw=float(raw),
                                            banzhaf=float(b), shapley_shubik=float(ss))
               for code, w, s, raw, b, ss in zip(p.codes, p.weights, p.swings, p.banzhaf_raw, p.banzhaf,
                                                p.shapley_shubik)])


# -- minimum votes -----------------------------------------------------------------------------
class FlipOut(Output):
    state: str
    units: list[str]
    electoral_votes: int
    margin_votes: int
    votes: int


class SolutionOut(Output):
    goal: str
    mode: str
    votes: int | None
    margin_votes: int | None
    electoral_votes: int | None
    after: list[int] | None
    flips: list[FlipOut]


class SmallestShareOut(SolutionOut):
    share: float | None
    national_votes: int | None


class MinVotesOut(Output):
    year: int
    candidates: list[str]
    mode: str
    changes: list[SolutionOut]
    smallest_share: SmallestShareOut
    notes: list[str]


def _solution_fields(s: Solution) -> dict:
    return dict(goal=s.goal, mode=s.mode, votes=s.votes, margin_votes=s.margin_votes if s.flips else None,
                electoral_votes=s.electoral_votes, after=list(s.after) if s.after else None,
                flips=[FlipOut.of(state=f.state, units=list(f.units), electoral_votes=f.electoral_votes,
                                               margin_votes=f.margin_votes, votes=f.votes) for f in s.flips])


def min_votes_out(report: MinVotesReport) -> MinVotesOut:
    """A minimum-votes report: the cheapest changes of outcome and the smallest winning share."""
    return MinVotesOut.of(
        year=report.year, candidates=list(report.candidates), mode=report.mode,
        changes=[SolutionOut.of(**_solution_fields(s)) for s in report.changes],
        smallest_share=SmallestShareOut.of(**_solution_fields(report.smallest_share),
                                                        share=report.share, national_votes=report.national_votes),
        notes=list(report.notes))
