"""Monte Carlo: correlated (normal or Student t) draws of every unit's margin, in bounded chunks.

Each chunk draws ``z = L @ eps + s * e`` (common factors ``eps`` with loadings ``L``, own noise ``e``
with sd ``s``), optionally divided by one ``sqrt(chi2_df / df)`` per draw, forms the margins
``mean + sd * z`` in single precision, and counts what the
draws imply: the first side's electoral votes (a histogram), who carries each unit, which unit is
the tipping point, and the national popular vote when the forecast has ``votes``. Draws that do
not match the ``given`` outcomes are dropped before counting, so conditional odds are the
filtered simulation. Chunks return integer counts only, which add up identically whatever the
order, backend or number of workers.

>>> from electoral.probability.forecast import make_forecast
>>> f = make_forecast(2020, {}, default_probability=0.5)
>>> d = simulate(f, 20_000, seed=7)
>>> d.draws, abs(d.p_win("D") - 0.5) < 0.02
(20000, True)
"""

from __future__ import annotations

import math
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from electoral.errors import InvalidInput
from electoral.probability.backends import BACKENDS, Progress, chunk_plan
from electoral.probability.distribution import Distribution
from electoral.limits import LIMITS
from electoral.parse import whole_number
from electoral.probability.forecast import Forecast, resolve_given
from electoral.probability.values import parse_seed
from electoral.tally import majority_needed

DEFAULT_DRAWS = 100_000
DEFAULT_CHUNK = 10_000  # ~2 MB per array for 56 units: stays in cache (measured fastest), memory bounded


@dataclass(frozen=True)
class SamplingModel:
    """Everything a chunk needs, as plain arrays (small and picklable for Dask workers)."""

    mean: np.ndarray  # float32 throughout: see draw_margins
    sd: np.ndarray
    loadings: np.ndarray  # (factors, units): errors = eps @ loadings + own * e
    own: np.ndarray  # (units,) sd of each unit's own noise
    df: float | None
    electoral_votes: np.ndarray  # float32: exact for integers, fast in BLAS
    majority: int
    total: int
    weights: np.ndarray | None  # national popular-vote weights (0 for districts), or None
    given_positions: np.ndarray
    given_outcomes: np.ndarray
    tipping: bool

    @property
    def running_total(self) -> np.ndarray:
        """Upper-triangular ones: ``votes @ running_total`` is the running sum along units."""
        n_units = len(self.mean)
        return np.triu(np.ones((n_units, n_units), dtype=np.float32))


@dataclass(frozen=True)
class Counts:
    """Integer tallies of one or more chunks; ``+`` merges them."""

    draws: int
    matched: int
    histogram: np.ndarray = field(repr=False)  # first side's electoral votes, over matched draws
    unit_wins: np.ndarray = field(repr=False)  # matched draws in which the first side carried each unit
    tipping: np.ndarray = field(repr=False)  # matched draws in which each unit was the tipping point
    popular_first: int = 0  # matched draws in which the first side won the national popular vote
    popular_split: int = 0  # matched draws whose electoral winner lost the national popular vote

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.draws + other.draws, self.matched + other.matched, self.histogram + other.histogram,
                      self.unit_wins + other.unit_wins, self.tipping + other.tipping,
                      self.popular_first + other.popular_first, self.popular_split + other.popular_split)


def sampling_model(forecast: Forecast, given: Mapping[str, str] | None = None, tipping: bool = True) -> SamplingModel:
    """Arrays for :func:`simulate_chunk` from a validated forecast.

    >>> from electoral.probability.forecast import make_forecast
    >>> m = sampling_model(make_forecast(2020, {}, default_probability=0.5))
    >>> m.loadings.shape, m.majority  # (common factors, units)
    ((0, 56), 270)
    """
    n = len(forecast.units)
    if forecast.correlation is None:
        loadings, own = np.zeros((n, 0)), np.ones(n)
    else:
        loadings, own = forecast.correlation.loadings(n)
    positions, outcomes, _ = resolve_given(forecast, given)
    weights = None
    if forecast.votes is not None:
        at_large = np.array(["-" not in code for code in forecast.units.codes])
        weights = np.where(at_large, np.nan_to_num(forecast.votes), 0.0)
        weights = (weights / weights.sum()).astype(np.float32)
    total = forecast.units.total
    single = np.float32
    return SamplingModel(forecast.mean.astype(single), forecast.sd.astype(single),
                         np.ascontiguousarray(loadings.T, dtype=single), own.astype(single), forecast.df,
                         forecast.electoral_votes.astype(np.float32), majority_needed(total), total, weights,
                         positions, outcomes, tipping)


_scratch = threading.local()


def scratch(name: str, shape: tuple[int, ...], dtype: type) -> np.ndarray:
    """A work array reused by every chunk of this thread (contents undefined).

    Chunks need the same large arrays again and again; fresh ones would come from newly mapped
    memory each time, whose page faults cost about a third of the run (measured in a fresh process).

    >>> a = scratch("demo", (2, 3), np.float32)
    >>> b = scratch("demo", (1, 3), np.float32)
    >>> a.shape, b.shape, np.shares_memory(a, b)
    ((2, 3), (1, 3), True)
    """
    pool = _scratch.__dict__
    need = math.prod(shape)
    current = pool.get(name)
    if current is None or current.size < need or current.dtype != dtype:
        current = pool[name] = np.empty(need, dtype=dtype)
    return current[:need].reshape(shape)


def draw_margins(model: SamplingModel, size: int, rng: np.random.Generator, out: np.ndarray | None = None) -> np.ndarray:
    """Margins of ``size`` simulated elections, shape (size, units), float32 (written into ``out`` if given).

    Single precision halves the memory traffic and the matrix product, which dominate the run time;
    a margin is then exact to about 1e-7 of its size, far below any forecast's uncertainty.

    >>> from electoral.probability.forecast import make_forecast
    >>> m = sampling_model(make_forecast(2020, {}, default_margin=(3.0, 1e-6)))
    >>> margins = draw_margins(m, 4, np.random.default_rng(0))
    >>> margins.shape, round(float(margins.min()), 3), margins.dtype
    ((4, 56), 3.0, dtype('float32'))
    """
    n_units = len(model.mean)
    k = model.loadings.shape[0]
    z = np.empty((size, n_units), dtype=np.float32) if out is None else out
    if np.any(model.own > 0):
        rng.standard_normal(dtype=np.float32, out=z)
        z *= model.own
        if k:
            common = rng.standard_normal(dtype=np.float32, out=scratch("common", (size, k), np.float32))
            z += np.matmul(common, model.loadings, out=scratch("product", (size, n_units), np.float32))
    elif k:
        common = rng.standard_normal(dtype=np.float32, out=scratch("common", (size, k), np.float32))
        np.matmul(common, model.loadings, out=z)
    else:
        z.fill(0.0)
    if model.df is not None:
        # Multivariate t: one chi-square scale per draw, shared by every unit.
        z /= np.sqrt(rng.standard_gamma(model.df / 2, size) * (2 / model.df)).astype(np.float32)[:, None]
    with np.errstate(invalid="ignore"):
        z *= model.sd
        z += model.mean
    return z


def tipping_points(margins: np.ndarray, first_votes: np.ndarray, model: SamplingModel) -> np.ndarray:
    """Per draw, the unit that gave the winner a majority when units are sorted by the winner's margin
    (-1 where no one has a majority).

    >>> from electoral.probability.forecast import make_forecast
    >>> f = make_forecast(2020, {}, default_probability=0.5)
    >>> margins = np.arange(56, 0, -1, dtype=np.float32)[None, :]  # a sweep, safest first: AK, AL, AR, ...
    >>> f.units.codes[tipping_points(margins, np.array([538]), sampling_model(f))[0]]  # AK..MN hold 269
    'MO'
    """
    first_wins = first_votes >= model.majority
    decided = first_wins | (first_votes <= model.total - model.majority)
    draws, n_units = margins.shape
    # Sort once on a packed key instead of argsort (several times faster): the bits of a non-negative
    # float64 order like the float, inverted they order the other way, and the low byte carries the
    # unit's position. Units the winner lost are clipped to 0 and sort last: the tipping point is
    # always among the units the winner carried.
    # float32 -> float64 is exact and leaves the low 29 mantissa bits zero: packing loses nothing.
    winner_margin = np.multiply(margins, np.where(first_wins, 1.0, -1.0)[:, None],
                                out=scratch("winner_margin", (draws, n_units), np.float64))
    np.maximum(winner_margin, 0.0, out=winner_margin)
    key = winner_margin.view(np.int64)
    np.invert(key, out=key)
    key &= ~np.int64(0xFF)
    key |= np.arange(n_units, dtype=np.int64)
    key.sort(axis=1)
    key &= 0xFF
    order = key  # unit positions by descending winner margin
    sorted_votes = np.take(model.electoral_votes, order, out=scratch("sorted_votes", (draws, n_units), np.float32))
    running = np.matmul(sorted_votes, model.running_total, out=scratch("running", (draws, n_units), np.float32))
    crossing = np.less(running, model.majority - 0.5, out=scratch("crossing", (draws, n_units), np.bool_)).sum(axis=1)
    tip = order[np.arange(draws), np.minimum(crossing, n_units - 1)]
    return np.where(decided, tip, -1)


def simulate_chunk(model: SamplingModel, size: int, seed: np.random.SeedSequence) -> Counts:
    """Draw ``size`` elections with the chunk's own seed and count their outcomes (a pure function:
    its work arrays are reused, its result is fresh).

    >>> from electoral.probability.forecast import make_forecast
    >>> m = sampling_model(make_forecast(2020, {}, default_probability=0.5))
    >>> c = simulate_chunk(m, 1_000, np.random.SeedSequence(1))
    >>> c.draws, int(c.histogram.sum()), c == c  # integer counts; the same seed gives the same counts
    (1000, 1000, True)
    """
    n_units = len(model.mean)
    margins = draw_margins(model, size, np.random.Generator(np.random.SFC64(seed)),
                           out=scratch("margins", (size, n_units), np.float32))
    # 1.0 where the first side carries the unit: float32 feeds BLAS directly (exact for counts < 2**24).
    carried = np.greater(margins, 0, out=scratch("carried", (size, n_units), np.float32), casting="unsafe")
    if len(model.given_positions):
        keep = np.all(carried[:, model.given_positions] == model.given_outcomes, axis=1)
        carried, margins = carried[keep], margins[keep]
    first_votes = np.rint(carried @ model.electoral_votes).astype(np.int64)
    tipping = np.zeros(n_units, dtype=np.int64)
    if model.tipping and len(first_votes):
        tip = tipping_points(margins, first_votes, model)
        tipping = np.bincount(tip[tip >= 0], minlength=n_units)
    popular_first = popular_split = 0
    if model.weights is not None:
        national = margins @ model.weights
        popular_first = int((national > 0).sum())
        first_elected = first_votes >= model.majority
        second_elected = first_votes <= model.total - model.majority
        popular_split = int(((first_elected & (national < 0)) | (second_elected & (national > 0))).sum())
    unit_wins = np.rint(carried.sum(axis=0, dtype=np.float64)).astype(np.int64)
    return Counts(size, len(first_votes), np.bincount(first_votes, minlength=model.total + 1), unit_wins, tipping,
                  popular_first, popular_split)


def simulate(
    forecast: Forecast,
    n: int | str = DEFAULT_DRAWS,
    *,
    seed: int | str | None = None,
    given: Mapping[str, str] | None = None,
    chunk_size: int | str = DEFAULT_CHUNK,
    backend: str = "numpy",
    tipping: bool = True,
    progress: Progress = None,
    **backend_options: Any,
) -> Distribution:
    """Simulate ``n`` elections; the same ``seed`` gives the same result on every backend and worker count.

    ``backend="dask"`` takes ``client=`` (a ``distributed.Client``) or ``address=`` (a scheduler);
    ``backend="numpy"`` takes ``workers=`` (threads, default: all cores). ``progress`` is called with
    the number of draws done after each chunk.

    >>> from electoral.probability import FactorCorrelation, make_forecast
    >>> f = make_forecast(2020, {"PA": 0.7}, default_probability=0.5, correlation=FactorCorrelation(0.5))
    >>> d = simulate(f, 10_000, seed=1, given={"PA": "D"})
    >>> d.unit_probability("PA"), d.draws == round(d.p_given * 10_000)
    (1.0, True)
    """
    draws = LIMITS["draws"].check(whole_number(n, "n"), "n")
    size = LIMITS["chunk_size"].check(whole_number(chunk_size, "chunk size"), "chunk size")
    chosen_seed = parse_seed(seed)
    if chosen_seed is None:
        # reported, so the run can be repeated: 63 bits, so the seed fits every JSON client's int64 and the API's range
        chosen_seed = secrets.randbits(63)
    if backend not in BACKENDS:
        raise InvalidInput(f"unknown backend {backend!r} (known: {', '.join(BACKENDS)})")
    model = sampling_model(forecast, given, tipping)
    _, _, pairs = resolve_given(forecast, given)
    counts: Counts = BACKENDS[backend](simulate_chunk, model, chunk_plan(draws, size, chosen_seed), progress=progress,
                                       **backend_options)
    if counts.matched == 0:
        text = ", ".join(f"{u}={s}" for u, s in pairs)
        raise InvalidInput(f"none of the {draws} draws matched the given outcomes ({text}); try more draws or the exact method")
    matched = counts.matched
    return Distribution(
        forecast.units, forecast.sides, counts.histogram / matched, counts.unit_wins / matched,
        method="montecarlo", draws=matched, seed=chosen_seed, given=pairs, p_given=matched / counts.draws,
        tipping_point=counts.tipping / matched if tipping else None,
        p_popular_first=None if model.weights is None else counts.popular_first / matched,
        p_popular_split=None if model.weights is None else counts.popular_split / matched,
    )
