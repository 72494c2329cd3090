"""The model: a Gaussian process over polls, solved exactly (SciPy's Cholesky), giving every unit's Election Day share.

Each unit's Democratic two-party share on Election Day ``T``, in points, is ``N + L_s (+ D_d)``: the national share
``N``, the state's lean ``L_s`` and, for Maine's and Nebraska's districts, the district's offset ``D_d`` from its state.
Going back from ``T`` both ``N`` and ``L_s`` follow random walks (Brownian motion in days before ``T``), so a poll
taken ``tau`` days before the election measures ``N(tau) + L_s(tau)`` plus its pollster's house effect, a shared
effect of its population (registered voters, adults, unknown: likely voters are the reference), a shared effect of a
partisan sponsor, and noise (sampling variance of its two-party share plus a non-sampling variance). A national poll
measures ``N(tau)``. The prior is ``N(T) ~ Normal(national prior, v_N)``, ``L_s(T) ~ Normal(prior lean, v_L)``,
``D_d ~ Normal(prior offset, v_D)``; house, population and sponsor effects are zero-mean random effects.

Everything is jointly Gaussian, so the posterior of every unit's share on Election Day (mean and covariance) is
exact linear algebra on the polls' covariance matrix (one Cholesky factorization of an ``n_polls`` square matrix):
no sampler, no convergence to check, the same answer every run. See docs/forecast.md for the settings' values.

>>> from electoral.forecast.polls import polls_from_rows
>>> polls = polls_from_rows([{"unit": "PA", "start": "2020-10-20", "end": "2020-10-22", "dem": 52, "rep": 44,
...                           "n": 1000, "pollster": "X"}], year=2020)
>>> prior = Prior(national=50.0, lean=np.zeros(56))
>>> post = posterior(polls, prior, np.datetime64("2020-11-03"))
>>> pa = post.codes.index("PA")
>>> 50.0 < float(post.mean[pa]) < 100 * 52 / 96, float(post.mean[post.codes.index("TX")]) > 50.0
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import linalg

from electoral.errors import InvalidInput
from electoral.forecast.history import UNIT_CODES
from electoral.forecast.polls import NATIONAL, Polls


@dataclass(frozen=True)
class Settings:
    """The model's variances (points squared) and per-day drift (points squared per day); see docs/forecast.md."""

    national_prior_var: float = 16.0  # v_N: national share on Election Day before polls (sd 4 points)
    lean_prior_var: float = 6.25  # v_L: a state's lean against its prior lean (sd 2.5)
    district_prior_var: float = 4.0  # v_D: a district's offset from its state against its prior (sd 2)
    national_drift: float = 0.1  # q_N: national random walk (sd 3.2 points over 100 days)
    lean_drift: float = 0.01  # q_L: a state's lean's random walk (sd 1 point over 100 days)
    house_var: float = 1.44  # pollster house effect (sd 1.2)
    population_var: float = 1.0  # shared effect of registered voters, adults, voters, unknown (sd 1)
    sponsor_var: float = 2.25  # shared effect of a party's sponsorship (sd 1.5)
    nonsampling_var: float = 1.0  # per poll, beyond sampling (sd 1)
    max_sample: float = 2000.0  # larger samples count as this many (design effects, weighting)
    national_error_var: float = 1.0  # Election Day: polls' common error (sd 1)
    state_error_var: float = 2.25  # Election Day: states' correlated errors (sd 1.5) through the correlation
    df: float = 5.0  # Student t tails of the final errors


@dataclass(frozen=True)
class Prior:
    """The prior on Election Day: the national share and each unit's lean against the nation (points)."""

    national: float
    lean: np.ndarray  # aligned to UNIT_CODES


@dataclass(frozen=True)
class Posterior:
    """Every unit's share on Election Day given the polls: ``mean`` (points) and ``cov``; the last row is national."""

    codes: tuple[str, ...]  # UNIT_CODES + (NATIONAL,)
    mean: np.ndarray
    cov: np.ndarray = field(repr=False)
    polls_per_unit: np.ndarray = field(repr=False)  # int, aligned to codes
    effects: dict[str, float] = field(default_factory=dict, repr=False)  # 'house:<pollster>', 'population:rv', ...


def _groups(codes: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """State group (-1 national) and district flag of unit codes."""
    states = sorted({c.split("-")[0] for c in UNIT_CODES})
    state_of = {s: i for i, s in enumerate(states)}
    group = np.array([-1 if c == NATIONAL else state_of[c.split("-")[0]] for c in codes])
    return group, np.array(["-" in c for c in codes])


def _same(values: np.ndarray, other: np.ndarray | None = None, skip: object = None) -> np.ndarray:
    """Indicator matrix: values[i] == other[j] (and not ``skip``)."""
    other = values if other is None else other
    equal = values[:, None] == other[None, :]
    if skip is not None:
        equal &= (values != skip)[:, None]
    return equal.astype(float)


def _onehot(values: np.ndarray, scale: float, skip: object = None) -> np.ndarray:
    """``scale`` times the indicator columns of ``values``' distinct entries (none for ``skip``): ``(n, groups)``."""
    labels, index = np.unique(values, return_inverse=True)
    columns = np.zeros((len(values), len(labels)))
    columns[np.arange(len(values)), index] = scale
    return columns[:, labels != skip] if skip is not None else columns


def poll_covariance(polls: Polls, tau: np.ndarray, settings: Settings) -> np.ndarray:
    """The polls' prior covariance (points squared): shared national and state paths, effects, noise.

    The shared effects (state lean, district offset, house, population, sponsor) are ``F @ F.T`` with ``F`` their
    scaled indicator columns, one matrix product; the random walks need the elementwise ``min(tau_i, tau_j)``.
    """
    s = settings
    group, district = _groups(tuple(polls.unit))
    states = _onehot(group, 1.0, skip=-1)
    cov = np.minimum.outer(tau, tau)
    same_state_walk = (states @ states.T) * cov
    cov *= s.national_drift
    cov += s.national_prior_var + s.lean_drift * same_state_walk
    del same_state_walk
    shared = np.hstack([np.sqrt(s.lean_prior_var) * states,
                        _onehot(np.where(district, polls.unit, ""), np.sqrt(s.district_prior_var), skip=""),
                        _onehot(polls.pollster, np.sqrt(s.house_var)),
                        _onehot(polls.population, np.sqrt(s.population_var), skip="lv"),
                        _onehot(polls.sponsor, np.sqrt(s.sponsor_var), skip="")])
    cov += shared @ shared.T
    share = polls.share / 100.0
    n = np.minimum(polls.n * (polls.dem + polls.rep) / 100.0, s.max_sample)
    cov[np.diag_indices_from(cov)] += 1e4 * share * (1.0 - share) / np.maximum(n, 1.0) + s.nonsampling_var
    return cov


def target_covariance(polls: Polls, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Covariance of the Election Day targets (units + national) with the polls, and among themselves."""
    s = settings
    codes = UNIT_CODES + (NATIONAL,)
    group_t, district_t = _groups(codes)
    group_p, district_p = _groups(tuple(polls.unit))
    codes_arr = np.array(codes)
    cross = s.national_prior_var + _same(group_t, group_p, skip=-1) * s.lean_prior_var
    cross += _same(np.where(district_t, codes_arr, ""), np.where(district_p, polls.unit, ""), skip="") * s.district_prior_var
    among = s.national_prior_var + _same(group_t, skip=-1) * s.lean_prior_var
    among += np.diag(np.where(district_t, s.district_prior_var, 0.0))
    return cross, among


def posterior(polls: Polls, prior: Prior, election_day: np.datetime64, settings: Settings = Settings()) -> Posterior:
    """The exact Gaussian posterior of every unit's (and the nation's) share on Election Day given ``polls``.

    ``polls`` should already be the ones usable on the as-of date (:func:`electoral.forecast.polls.usable_on`).
    With no polls the posterior is the prior.
    """
    codes = UNIT_CODES + (NATIONAL,)
    lean = np.append(np.asarray(prior.lean, dtype=float), 0.0)
    if lean.shape != (len(codes),) or not np.isfinite(lean).all() or not np.isfinite(prior.national):
        raise InvalidInput("the prior needs a finite national share and a finite lean for each of the 56 units")
    position = {c: i for i, c in enumerate(codes)}
    at = np.array([position[u] for u in polls.unit], dtype=np.int64)
    prior_mean = prior.national + lean
    cross, among = target_covariance(polls, settings)
    counts = np.bincount(at, minlength=len(codes))
    if len(polls) == 0:
        return Posterior(codes, prior_mean, among, counts)
    tau = np.maximum((election_day - polls.middle).astype(np.int64), 0).astype(float)
    factor = linalg.cho_factor(poll_covariance(polls, tau, settings), lower=True, overwrite_a=True, check_finite=False)
    alpha = linalg.cho_solve(factor, polls.share - prior_mean[at], check_finite=False)
    mean = prior_mean + cross @ alpha
    cov = among - cross @ linalg.cho_solve(factor, cross.T, check_finite=False)
    return Posterior(codes, mean, (cov + cov.T) / 2, counts, _effects(polls, alpha, settings))


def _effects(polls: Polls, alpha: np.ndarray, settings: Settings) -> dict[str, float]:
    """Posterior means of the house, population and sponsor effects (points; positive = toward D)."""
    effects: dict[str, float] = {}
    for kind, values, var, skip in (("house", polls.pollster, settings.house_var, None),
                                    ("population", polls.population, settings.population_var, "lv"),
                                    ("sponsor", polls.sponsor, settings.sponsor_var, "")):
        for name in np.unique(values):
            if name != skip:
                effects[f"{kind}:{name}"] = float(var * alpha[values == name].sum())
    return effects
