"""Pydantic models of the HTTP API: what each endpoint accepts and returns (the OpenAPI schema).

The response documents themselves are built by :mod:`electoral.serialize` (shared with the CLI's
``--json``); these models only describe and validate them.

>>> ScenarioIn(year=2020, winners={"GA": "R"}).winners
{'GA': 'R'}
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from electoral.margins import DEFAULT_MARGIN, MARGINS
from electoral.probability.readers import EXAMPLES as FORECAST_EXAMPLES
from electoral.units import election_years, record_span

Side = Literal["D", "R", "O"]

YEAR_DOC = f"Election year, {record_span()} (every fourth year from 1792); other years give 404."

# The registered margin definitions (electoral.margins): an enum in the OpenAPI schema.
MarginName = Literal.__getitem__(tuple(MARGINS))  # type: ignore[misc]
MARGIN_DOC = ("What margins (and swing points) are shares of: 'all' votes cast (default; the published "
              "tipping-point convention) or the 'two-party' vote.")


class ErrorOut(BaseModel):
    """Every 4xx/5xx body: one message naming the bad value (``detail`` lists validation errors)."""

    error: str
    detail: list[dict[str, Any]] | None = None


class YearsOut(BaseModel):
    years: list[int]


# -- the record --------------------------------------------------------------------------------
class MapCandidate(BaseModel):
    name: str
    party: str
    side: Side
    electoral_votes: int


class MapUnit(BaseModel):
    code: str = Field(description="Unit code: a state ('PA'), DC, or a district ('ME-2', 'NE-2').")
    state: str
    name: str
    electoral_votes: int
    winner: str | None = Field(description="Candidate the unit's electors voted for (None if none counted).")
    side: Side | None = Field(description="D, R or O: the winner's party line (see electoral.sides).")
    margin: float | None = Field(description="Two-party margin (a - b) / (a + b) of margin_candidates; null if unknown.")


class MapOut(BaseModel):
    year: int
    electors_appointed: int
    majority_needed: int
    candidates: list[MapCandidate]
    margin_candidates: list[str] | None
    units: list[MapUnit]


class ContingentOut(BaseModel):
    reason: str
    decided_by: str
    candidates: list[str]
    chosen: str | None
    date: str | None
    detail: str
    source: str | None


class TallyCandidate(BaseModel):
    name: str
    party: str
    electoral_votes: int
    popular_votes: int | None
    popular_share: float | None


class TallyOut(BaseModel):
    year: int
    electors_appointed: int
    votes_per_elector: int
    majority_needed: int
    candidates: list[TallyCandidate]
    winner: str | None
    elected: str | None
    contingent: ContingentOut | None
    outcome: str
    notes: list[str]
    popular_votes_total: int | None


class ResultRow(BaseModel):
    state: str
    name: str
    candidate: str
    party: str
    electoral_votes: int
    popular_votes: int | None
    share: float | None


class ResultsOut(BaseModel):
    year: int
    state: str | None
    rows: list[ResultRow]


# -- scenarios ---------------------------------------------------------------------------------
class ScenarioIn(BaseModel):
    year: int = Field(description=YEAR_DOC, examples=[2020])
    winners: dict[str, Side] = Field(
        default_factory=dict,
        description="Unit code (e.g. 'PA', 'ME-2') -> side D, R or O. Units not listed are undecided.",
        examples=[{"GA": "R", "AZ": "R", "WI": "R"}],
    )


class ScenarioOut(BaseModel):
    year: int
    electoral_votes: dict[str, int] = Field(description="Side (D, R, O) -> electoral votes won.")
    undecided: int
    majority_needed: int
    winner: Side | None
    outcome: str


# Documented error bodies of every route (schemathesis checks that each status returned is documented).
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "A question the library cannot answer."},
    404: {"model": ErrorOut, "description": "Unknown year, state or district in the URL."},
    422: {"model": ErrorOut, "description": "Invalid request: the message names the bad value."},
}


# -- apportionment -----------------------------------------------------------------------------
MAX_HOUSE_SIZE = 10_000  # keeps one request to well under a second (the priority list is O(seats log states))


class SeatPriority(BaseModel):
    state: str
    priority: float | None


class StateSeats(BaseModel):
    state: str
    population: float | None
    quota: float | None = Field(description="Exact proportional share of the House.")
    seats: int


class TieOut(BaseModel):
    states: list[str] = Field(description="States with exactly equal claims to the last seat(s), alphabetical.")
    seats: int = Field(description="Seats they share: fewer than the tied states.")
    given_to: list[str] = Field(description="Tied states that hold the seats here: the first codes alphabetically.")
    left_out: list[str] = Field(description="Tied states without the seat.")
    decided_by_law: bool = Field(description="Always false: the law has no tie rule.")
    rule: str = Field(description="The fallback used, in words.")


class ApportionmentOut(BaseModel):
    census: int | None
    method: str
    house_size: int
    last_seat: SeatPriority | None = Field(description="Divisor methods: the state that won the last seat.")
    next_in_line: SeatPriority | None = Field(description="Divisor methods: the state that would win one more.")
    tie: TieOut | None = Field(description="An exact tie at the last seat, which the law does not decide; null if none.")
    states: list[StateSeats]
    act: str = Field(description="The apportionment act after this census.")
    statutory_seats_added: bool = Field(description="Whether seats the law gave outside the method are included.")
    source: str
    official: dict[str, int | None] | None = Field(description="Official seats per state; null if no table exists.")


class MethodOut(BaseModel):
    name: str
    kind: str
    description: str


class MethodsOut(BaseModel):
    methods: list[MethodOut]


# -- calendar and certification ----------------------------------------------------------------
class StepOut(BaseModel):
    step: str
    label: str
    date: str | None = Field(description="ISO date the step happened (recorded) or falls (by law).")
    until: str | None
    statutory_date: str | None
    statutory_until: str | None
    differs_from_law: bool
    law: str | None
    law_name: str | None
    rule: str | None
    citation: str
    note: str | None
    source: str | None


class StatusStepOut(StepOut):
    reached: bool


class CalendarOut(BaseModel):
    year: int
    statutory_only: bool = Field(description="True for a year with no recorded dates (a future election).")
    steps: list[StepOut]


class StatusOut(BaseModel):
    year: int
    as_of: str
    stage: str
    stage_label: str
    summary: str
    lines: list[str]
    result_recorded: bool
    confirmed_by: str | None
    tally: TallyOut | None
    last_step: StepOut | None
    in_progress: StepOut | None
    next_step: StepOut | None
    steps: list[StatusStepOut]


# -- what-ifs ----------------------------------------------------------------------------------
MAX_ITEMS = 120  # per mapping in a request body: more than every unit and state of any year


# A new state's code: two letters (the library takes any text as the name of an added state).
StateCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$")]


class WhatIfIn(BaseModel):
    """A what-if over a recorded election (see :class:`electoral.scenario.Scenario`)."""

    year: int = Field(description=f"Election year, 1804-{election_years()[-1]} (one vote per elector).",
                      examples=[2020])
    flips: dict[str, str | None] = Field(
        default_factory=dict, max_length=MAX_ITEMS,
        description="Unit -> new winner (candidate name, last name or party initial); null: to the runner-up.",
        examples=[{"GA": None, "AZ": None, "WI": None}])
    swing: str | None = Field(None, description="Uniform margin swing in points, e.g. 'R+1.5' or 'Biden+2'.")
    state_swings: dict[str, str] = Field(default_factory=dict, max_length=MAX_ITEMS,
                                         description="State -> swing, e.g. {'PA': 'D+2'}.")
    method: str | None = Field(None, description="Allocation method for every state, e.g. 'district', "
                                                 "'proportional:webster', 'npvic'.")
    methods: dict[str, str] = Field(default_factory=dict, max_length=MAX_ITEMS,
                                    description="State -> allocation method.")
    house_size: int | None = Field(None, ge=1, le=MAX_HOUSE_SIZE, description="Re-apportion the House with this size.")
    apportionment_method: str | None = Field(None, description="Apportionment method name (see /api/apportion/methods).")
    census: int | None = Field(None, description="Apportion on this census's populations.")
    add_states: dict[StateCode, float | None] = Field(
        default_factory=dict, max_length=MAX_ITEMS,
        description="New state -> population (null: the packaged census figure, e.g. PR).")
    remove: list[str] = Field(default_factory=list, max_length=MAX_ITEMS, description="States to drop, e.g. ['DC'].")
    blank: bool = Field(False, description="Start from the allotment with no results (name winners with flips).")
    margin: MarginName = Field(DEFAULT_MARGIN, description=MARGIN_DOC)


class UnitFlipOut(BaseModel):
    unit: str
    before: str | None
    after: str | None
    electoral_votes: int


class CandidateChangeOut(BaseModel):
    name: str
    actual: int
    scenario: int
    change: int


class DiffOut(BaseModel):
    flipped: list[UnitFlipOut]
    changed_states: list[str]
    candidates: list[CandidateChangeOut]
    winner_before: str | None
    winner_after: str | None
    winner_changed: bool
    no_majority: bool
    outcome: str


class ScenarioUnitOut(BaseModel):
    unit: str
    state: str
    electors: int
    how: str
    votes: dict[str, int]
    winner: str | None


class WhatIfOut(BaseModel):
    year: int
    scenario: dict[str, Any] = Field(description="The scenario as run (echoes the request, parsed).")
    tally: TallyOut
    actual: TallyOut
    diff: DiffOut
    units: list[ScenarioUnitOut]
    notes: list[str]


class SwingThresholdOut(BaseModel):
    toward: str
    points: float = Field(description="Any uniform swing larger than this many margin points changes the outcome.")
    tipping_unit: str
    outcome: str
    margin: MarginName = Field(description="The margin definition the points are in.")


class SwingsOut(BaseModel):
    year: int
    smallest_swings: list[SwingThresholdOut]


# -- analytics ---------------------------------------------------------------------------------
MAX_PATH_SETS = 100  # minimal winning sets listed per candidate


class SnakeRowOut(BaseModel):
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


class TippingPointOut(BaseModel):
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


class PathsIn(BaseModel):
    year: int = Field(description=YEAR_DOC, examples=[2020])
    decided: dict[str, str] = Field(
        default_factory=dict, max_length=MAX_ITEMS,
        description="Unit -> side already decided: party initial ('R'), party or candidate name.",
        examples=[{"PA": "R", "GA": "D"}])
    limit: int = Field(10, ge=1, le=MAX_PATH_SETS, description="Minimal winning sets to list per candidate.")
    margin: MarginName = Field(DEFAULT_MARGIN, description=MARGIN_DOC + " Orders the minimal sets.")


class CandidatePathsOut(BaseModel):
    candidate: str
    decided_votes: int
    needed: int
    winning_outcomes: int
    minimal_sets: list[list[str]]


class PathsOut(BaseModel):
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


class UnitPowerOut(BaseModel):
    unit: str
    electoral_votes: int
    swings: int
    banzhaf_raw: float
    banzhaf: float
    shapley_shubik: float


class PowerOut(BaseModel):
    year: int | None
    quota: int
    players: int
    units: list[UnitPowerOut]


class FlipOut(BaseModel):
    state: str
    units: list[str]
    electoral_votes: int
    margin_votes: int
    votes: int


class SolutionOut(BaseModel):
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


class MinVotesOut(BaseModel):
    year: int
    candidates: list[str]
    mode: str
    changes: list[SolutionOut]
    smallest_share: SmallestShareOut
    notes: list[str]


# -- probabilities -----------------------------------------------------------------------------
MAX_DRAWS = 200_000  # per simulation request: about a second of one core

Probability = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]

# Only the packaged examples: the library would also read a file path, which a server must not allow.
PresetName = Literal.__getitem__(tuple(FORECAST_EXAMPLES))  # type: ignore[misc]


class ProbabilityIn(BaseModel):
    """State-level win probabilities of the Democratic side (D) against the Republican side (R)."""

    year: int = Field(description=YEAR_DOC, examples=[2020])
    probabilities: dict[str, Probability] = Field(
        default_factory=dict, max_length=MAX_ITEMS, description="Unit -> P(D carries it).",
        examples=[{"PA": 0.5, "GA": 0.45, "AZ": 0.45, "WI": 0.55, "MI": 0.6, "NV": 0.55}])
    missing: Literal["recorded", "even"] = Field(
        "recorded", description="Units not listed: 'recorded' takes the record's winner as certain (D 1.0, R 0.0; "
                                "a unit won by anyone else must be listed), 'even' gives them 0.5.")
    preset: PresetName | None = Field(None, description="A packaged forecast instead of probabilities.")
    national: float = Field(0.0, ge=0.0, lt=1.0, allow_inf_nan=False,
                            description="Share of each unit's error variance from a common national swing.")
    df: float | None = Field(None, ge=1.0, le=1000.0, allow_inf_nan=False,
                             description="Student t degrees of freedom (fat tails); null for normal errors.")
    given: dict[str, Literal["D", "R"]] = Field(default_factory=dict, max_length=MAX_ITEMS,
                                                description="Fixed outcomes: odds conditional on them.")


class SimulateIn(ProbabilityIn):
    draws: int = Field(100_000, ge=1, le=MAX_DRAWS, description=f"Simulated elections (at most {MAX_DRAWS:,}).")
    seed: int | None = Field(None, ge=0, le=2**63 - 1, description="Random seed (the same seed gives the same answer).")
    correlation: Literal["economist"] | None = Field(
        None, description="A packaged state correlation matrix (blended with the national share, if any).")


class UnitOddsOut(BaseModel):
    unit: str
    electoral_votes: int
    p_D: float = Field(description="P(D carries the unit).")
    tipping_point: float | None = Field(None, description="Monte Carlo: share of draws in which the unit tipped.")


class ElectoralVotesSummary(BaseModel):
    side: str
    mean: float
    sd: float
    median: int
    quantiles: dict[str, int]


class DistributionOut(BaseModel):
    year: int
    sides: list[str]
    method: str
    draws: int | None
    seed: int | None
    given: dict[str, str]
    p_given: float
    electors: int
    majority_needed: int
    p_win: dict[str, float]
    p_tie: float
    standard_error: dict[str, float]
    electoral_votes: ElectoralVotesSummary
    landslide: dict[str, float]
    p_popular_vote: dict[str, float] | None
    p_popular_split: float | None
    units: list[UnitOddsOut]
    histogram: list[float] = Field(description="P(D wins exactly k electoral votes), k = 0 .. electors.")
