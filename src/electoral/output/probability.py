"""Output model of every probability method: the distribution of the first side's electoral votes.

>>> from electoral.probability import exact, make_forecast
>>> doc = distribution_out(exact(make_forecast(2020, {}, default_probability=0.5)))
>>> doc.electoral_votes.median, doc.units[0].p_D, doc.landslide["threshold"]
(269, 0.5, 350)
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import Field, create_model

from electoral.output.base import Output

if TYPE_CHECKING:  # shapes only: numpy and scipy load with the probability package
    from electoral.probability.distribution import Distribution

REPORTED_QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


class UnitOddsOut(Output):
    unit: str
    electoral_votes: int
    p_D: float = Field(description="P(D carries the unit).")
    tipping_point: float | None = Field(None, description="Monte Carlo: share of draws in which the unit tipped.")


class ElectoralVotesSummary(Output):
    side: str
    mean: float
    sd: float
    median: int
    quantiles: dict[str, int]


class DistributionOut(Output):
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


@lru_cache(maxsize=32)
def unit_odds_model(side: str) -> type[UnitOddsOut]:
    """The unit row for a first side other than D: the same fields, its probability named ``p_<side>``.

    >>> from electoral.output.base import document
    >>> document(unit_odds_model("Blue").of(unit="PA", electoral_votes=19, p_D=0.5))
    {'unit': 'PA', 'electoral_votes': 19, 'p_Blue': 0.5}
    """
    if side == "D":
        return UnitOddsOut
    return create_model("UnitOddsOut", __base__=UnitOddsOut,
                        p_D=(float, Field(alias=f"p_{side}", description=f"P({side} carries the unit).")))


def _units(d: Distribution) -> list[UnitOddsOut]:
    model = unit_odds_model(d.sides[0])
    rows = []
    for i, code in enumerate(d.units.codes):
        row: dict[str, Any] = {"unit": code, "electoral_votes": int(d.units.electoral_votes[i]),
                               "p_D": float(d.unit_probabilities[i])}
        if d.tipping_point is not None:
            row["tipping_point"] = float(d.tipping_point[i])
        rows.append(model.of(**row))
    return rows


def distribution_out(d: Distribution) -> DistributionOut:
    """A distribution's summary: odds, standard errors, quantiles, landslides, units and the histogram
    (``electoral odds/simulate --json``, ``POST /api/probability/exact`` and ``/simulate``)."""
    a, b = d.sides
    p_a, p_b = d.p_win(a), d.p_win(b)
    return DistributionOut.of(
        year=d.units.year, sides=list(d.sides), method=d.method, draws=d.draws, seed=d.seed,
        given={unit: side for unit, side in d.given}, p_given=d.p_given, electors=d.total,
        majority_needed=d.majority_needed, p_win={a: p_a, b: p_b}, p_tie=d.p_tie,
        standard_error={a: d.standard_error(p_a), b: d.standard_error(p_b), "tie": d.standard_error(d.p_tie)},
        electoral_votes=ElectoralVotesSummary.of(
            side=a, mean=d.mean, sd=d.sd, median=d.median,
            quantiles={str(q): d.quantile(q) for q in REPORTED_QUANTILES}),
        landslide={"threshold": d.landslide_threshold, a: d.landslide(a), b: d.landslide(b)},
        p_popular_vote=None if d.p_popular_first is None else {a: d.p_popular_first, b: 1 - d.p_popular_first},
        p_popular_split=d.p_popular_split, units=_units(d), histogram=[float(v) for v in d.pmf])
