"""Request models of the HTTP API: what each endpoint accepts (the OpenAPI schema's request bodies).

The responses are the output models of :mod:`electoral.output`, shared with the CLI's ``--json``.

>>> ScenarioIn(year=2020, winners={"GA": "R"}).winners
{'GA': 'R'}
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, StrictBool, StringConstraints

from electoral.limits import LIMITS
from electoral.margins import DEFAULT_MARGIN
from electoral.output.base import MarginName
from electoral.output.errors import ErrorOut
from electoral.parse import year_number
from electoral.probability.readers import EXAMPLES as FORECAST_EXAMPLES
from electoral.rules.apportionment import METHODS as APPORTIONMENT_METHODS
from electoral.units import election_years, record_span

Side = Literal["D", "R", "O"]

YEAR_DOC = f"Election year, {record_span()} (every fourth year from 1792); other years give 404."
FIRST_YEAR, LAST_YEAR = election_years()[0], election_years()[-1]

# Numbers in request bodies are strict: JSON true/false is not 1/0, "2020" is not 2020 (pydantic's lax mode
# reads both). A year in a URL is text: plain ASCII digits only (int() would also read "2_020" or "２０２０").
Year = Annotated[int, Field(strict=True, ge=FIRST_YEAR, le=LAST_YEAR)]
Count = Annotated[int, Field(strict=True)]
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
PathYear = Annotated[int, BeforeValidator(lambda value: year_number(value) if isinstance(value, str) else value)]


def bounded(ge: int, le: int | None = None) -> Any:
    """A whole number in a URL's query, ``ge`` to ``le``: ASCII digits only, bounds in the OpenAPI schema.

    >>> from pydantic import TypeAdapter
    >>> TypeAdapter(bounded(1, 10)).validate_python("7")
    7
    """
    return Annotated[int, Field(ge=ge, le=le),
                     BeforeValidator(lambda value: _digits(value) if isinstance(value, str) else value)]
ApportionmentMethod = Literal.__getitem__(tuple(APPORTIONMENT_METHODS))  # type: ignore[misc]

MARGIN_DOC = ("What margins (and swing points) are shares of: 'all' votes cast (default; the published "
              "tipping-point convention) or the 'two-party' vote.")


def _digits(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise ValueError(f"must be a whole number written in digits 0-9, got {text!r}")
    return int(text)


# -- scenarios ---------------------------------------------------------------------------------
class ScenarioIn(BaseModel):
    year: Year = Field(description=YEAR_DOC, examples=[2020])
    winners: dict[str, Side] = Field(
        default_factory=dict,
        description="Unit code (e.g. 'PA', 'ME-2') -> side D, R or O. Units not listed are undecided.",
        examples=[{"GA": "R", "AZ": "R", "WI": "R"}],
    )


# Documented error bodies of every route (schemathesis checks that each status returned is documented).
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "A question the library cannot answer."},
    404: {"model": ErrorOut, "description": "Unknown year, state or district in the URL."},
    408: {"model": ErrorOut, "description": "The request body did not arrive within the server's time (--body-timeout)."},
    413: {"model": ErrorOut, "description": "The request body is larger than the server's limit (--body-limit)."},
    422: {"model": ErrorOut, "description": "Invalid request: the message names the bad value."},
}

# Routes whose work runs in the bounded pool of worker processes (electoral.api.pool).
BUSY: dict[int | str, dict[str, Any]] = {
    429: {"model": ErrorOut, "description": "Every worker is busy and the queue is full: retry after "
                                            "`Retry-After` seconds (--pool-workers, --pool-queue).",
          "headers": {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}}},
    503: {"model": ErrorOut, "description": "The request took longer than the server's time limit (--time-limit) "
                                            "and was stopped."},
}


# -- apportionment -----------------------------------------------------------------------------
MAX_HOUSE_SIZE = LIMITS["house_size"].value  # the cost model: electoral.limits


# -- what-ifs ----------------------------------------------------------------------------------
MAX_ITEMS = LIMITS["items"].value


# A new state's code: two letters (the library takes any text as the name of an added state).
StateCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$")]


class WhatIfIn(BaseModel):
    """A what-if over a recorded election (see :class:`electoral.scenario.Scenario`)."""

    year: Year = Field(ge=1804, description=f"Election year, 1804-{LAST_YEAR} (one vote per elector).",
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
    house_size: Count | None = Field(None, ge=1, le=MAX_HOUSE_SIZE, description="Re-apportion the House with this size.")
    apportionment_method: ApportionmentMethod | None = Field(
        None, description="Apportionment method name (see /api/apportion/methods).")
    census: Count | None = Field(None, ge=1790, le=LAST_YEAR, description="Apportion on this census's populations.")
    add_states: dict[StateCode, Number | None] = Field(
        default_factory=dict, max_length=MAX_ITEMS,
        description="New state -> population (null: the packaged census figure, e.g. PR).")
    remove: list[str] = Field(default_factory=list, max_length=MAX_ITEMS, description="States to drop, e.g. ['DC'].")
    blank: StrictBool = Field(False, description="Start from the allotment with no results (name winners with flips).")
    margin: MarginName = Field(DEFAULT_MARGIN, description=MARGIN_DOC)
    faithless: dict[str, str] = Field(
        default_factory=dict, max_length=MAX_ITEMS,
        description="Unit -> faithless electors: 'N' (voting for someone unnamed) or 'N:candidate'. The state's "
                    "law in force that year decides whether their votes count or are voided and the electors "
                    "replaced.", examples=[{"TX": "2:Biden", "WA": "1"}])
    compact: Literal["members", "as-if", "all"] | None = Field(
        None, description="The National Popular Vote Interstate Compact: 'members' (members on that year's "
                          "Election Day, in force only with 270 electors), 'as-if' (the members, applied whatever "
                          "electors they hold), 'all' (every state joins).")


# -- analytics ---------------------------------------------------------------------------------
MAX_PATH_SETS = LIMITS["path_sets"].value


class PathsIn(BaseModel):
    year: Year = Field(description=YEAR_DOC, examples=[2020])
    decided: dict[str, str] = Field(
        default_factory=dict, max_length=MAX_ITEMS,
        description="Unit -> side already decided: party initial ('R'), party or candidate name.",
        examples=[{"PA": "R", "GA": "D"}])
    limit: Count = Field(10, ge=1, le=MAX_PATH_SETS, description="Minimal winning sets to list per candidate.")
    margin: MarginName = Field(DEFAULT_MARGIN, description=MARGIN_DOC + " Orders the minimal sets.")


# -- probabilities -----------------------------------------------------------------------------
MAX_DRAWS = LIMITS["api_draws"].value

Probability = Annotated[Number, Field(ge=0.0, le=1.0)]

# Only the packaged examples: the library would also read a file path, which a server must not allow.
PresetName = Literal.__getitem__(tuple(FORECAST_EXAMPLES))  # type: ignore[misc]


class ProbabilityIn(BaseModel):
    """State-level win probabilities of the Democratic side (D) against the Republican side (R)."""

    year: Year = Field(description=YEAR_DOC, examples=[2020])
    probabilities: dict[str, Probability] = Field(
        default_factory=dict, max_length=MAX_ITEMS, description="Unit -> P(D carries it).",
        examples=[{"PA": 0.5, "GA": 0.45, "AZ": 0.45, "WI": 0.55, "MI": 0.6, "NV": 0.55}])
    missing: Literal["recorded", "even"] = Field(
        "recorded", description="Units not listed: 'recorded' takes the record's winner as certain (D 1.0, R 0.0; "
                                "a unit won by anyone else must be listed), 'even' gives them 0.5.")
    preset: PresetName | None = Field(None, description="A packaged forecast instead of probabilities.")
    national: Number = Field(0.0, ge=0.0, lt=1.0,
                            description="Share of each unit's error variance from a common national swing.")
    df: Number | None = Field(None, ge=1.0, le=1000.0,
                             description="Student t degrees of freedom (fat tails); null for normal errors.")
    given: dict[str, Literal["D", "R"]] = Field(default_factory=dict, max_length=MAX_ITEMS,
                                                description="Fixed outcomes: odds conditional on them.")


class SimulateIn(ProbabilityIn):
    draws: Count = Field(100_000, ge=1, le=MAX_DRAWS, description=f"Simulated elections (at most {MAX_DRAWS:,}).")
    seed: Count | None = Field(None, ge=0, le=2**63 - 1, description="Random seed (the same seed gives the same answer).")
    correlation: Literal["economist"] | None = Field(
        None, description="A packaged state correlation matrix (blended with the national share, if any).")


# -- forecasts from polls (docs/forecast.md) ----------------------------------------------------------------------
MAX_POLLS = LIMITS["forecast_polls"].value
ShortText = Annotated[str, StringConstraints(max_length=200)]


class PollIn(BaseModel):
    """One poll: its unit (state code or name, ``ME-2``, or ``US`` for national), field dates, the Democratic and
    Republican percentages, sample size, pollster, population (lv, rv, v, a) and partisan sponsor (D, R).
    Out-of-range values are not refused here: the forecast skips such a poll and reports it in ``problems``."""

    unit: ShortText = Field(examples=["PA"])
    start: ShortText = Field(examples=["2020-10-26"])
    end: ShortText = Field(examples=["2020-10-29"])
    dem: Number = Field( examples=[50.0])
    rep: Number = Field( examples=[46.0])
    n: Number | None = Field(None, description="Sample size (null: assumed 600, reported).")
    pollster: ShortText = ""
    population: ShortText = "unknown"
    sponsor: ShortText = ""


class ForecastIn(BaseModel):
    """Polls of one election year (or the packaged example) and the as-of date."""

    year: Count = Field(description=YEAR_DOC, examples=[2020])
    as_of: ShortText = Field(description="Forecast date, YYYY-MM-DD: only polls ending by then count.",
                             examples=["2020-11-02"])
    polls: list[PollIn] = Field(default_factory=list, max_length=MAX_POLLS,
                                description=f"At most {MAX_POLLS:,} polls.")
    preset: Literal["example-2020"] | None = Field(None, description="The packaged 2020 example polls instead of polls.")
    national_prior: Number | None = Field(None, ge=20.0, le=80.0,
                                         description="Prior national D two-party share, % (default 50).")
    draws: Count = Field(100_000, ge=1_000, le=MAX_DRAWS, description="Simulated elections for the national odds.")
    seed: Count = Field(2024, ge=0, le=2**63 - 1)


class EngineUnitIn(BaseModel):
    unit: ShortText
    margin: Number
    sd: Number = Field(gt=0.0)
    votes: Number | None = Field(None, ge=0.0)


class EngineForecastIn(BaseModel):
    """The ``engine`` document of a forecast (``POST /api/forecast``, ``electoral forecast --json``)."""

    year: Count = Field(description=YEAR_DOC)
    sides: list[ShortText] = Field(default_factory=lambda: ["D", "R"], min_length=2, max_length=2)
    df: Number | None = Field(None, ge=1.0, le=1000.0)
    units: list[EngineUnitIn] = Field(max_length=MAX_ITEMS)
    correlation: list[Annotated[list[Number], Field(max_length=MAX_ITEMS)]] | None = Field(None, max_length=MAX_ITEMS)


class ConditionalIn(BaseModel):
    """A forecast and some units' assumed winners: every other unit's odds and the national odds given them."""

    forecast: EngineForecastIn
    given: dict[str, Literal["D", "R"]] = Field(default_factory=dict, max_length=MAX_ITEMS, examples=[{"PA": "R"}])
    draws: Count = Field(100_000, ge=1_000, le=MAX_DRAWS)
    seed: Count = Field(2024, ge=0, le=2**63 - 1)
