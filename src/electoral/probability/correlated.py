"""Exact distributions for correlated units: quadrature over the common factors.

Under a :class:`~electoral.probability.correlation.FactorCorrelation` each unit's error is
``sqrt(a) F + sqrt(r) G_region + sqrt(1 - a - r) e``. Given the national swing ``F`` (and, for units
in a region, the regional swing ``G``) the units are independent, so

    P(first side wins k) = E_F[ conv_i (1 - p_i(F)) + p_i(F) x^ev_i ]

with ``p_i(F) = Phi((mean_i / sd_i + sqrt(a) F) / sqrt(1 - a))``. The expectation over the standard
normal ``F`` is a Gauss-Hermite sum (64 nodes, more for strong correlation: see
:func:`default_nodes`); each region adds an inner Gauss-Hermite sum
over its own swing. Student t errors (``df``) are a normal divided by ``sqrt(chi2_df / df)`` shared
by all units, integrated by Gauss-Legendre over the scale. Fixed outcomes ("given PA
goes R") weight every node by the likelihood of those outcomes, which is exact conditioning.

>>> from electoral.probability import FactorCorrelation, make_forecast
>>> f = make_forecast(2020, {}, default_probability=0.5, correlation=FactorCorrelation(0.0), df=4)
>>> round(factor_distribution(f).p_win("D"), 6) == round(factor_distribution(f).p_win("R"), 6)
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
from scipy import special

from electoral.errors import InvalidInput
from electoral.limits import LIMITS
from electoral.probability.correlation import FactorCorrelation
from electoral.probability.distribution import Distribution
from electoral.probability.forecast import Forecast, impossible, resolve_given
from electoral.probability.pmf import ev_pmf_batch

DEFAULT_NODES = 64  # fewest Gauss-Hermite nodes over the national factor
SCALE_NODES = 24  # Gauss-Legendre nodes over the Student t scale
MAX_NODES = LIMITS["quadrature_nodes"].value


def default_nodes(share: float, own_variance: float, minimum: int, per_ratio: float = 43.0) -> int:
    """Gauss-Hermite nodes for a factor with variance ``share`` over own-noise variance ``own_variance``.

    The conditional win probabilities steepen as ``share / own_variance`` grows, and Gauss-Hermite node
    spacing shrinks only like 1/sqrt(n), so the count grows with that ratio (measured on the 2020
    example: largest error of any histogram bar below 1e-6 up to a national share of 0.9). A regional
    swing moves fewer units, and ``per_ratio=10`` keeps its error below 1e-8 in the same measurements.

    >>> default_nodes(0.5, 0.5, 64), default_nodes(0.9, 0.1, 64)
    (64, 387)
    """
    return int(min(MAX_NODES, max(minimum, math.ceil(per_ratio * share / max(own_variance, 1e-12)))))


def hermite_nodes(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights with sum(w * f(x)) ~= E[f(Z)] for a standard normal Z.

    >>> x, w = hermite_nodes(10)
    >>> round(float(w.sum()), 12), round(float(w @ x**2), 12)
    (1.0, 1.0)
    """
    x, w = special.roots_hermitenorm(n)
    return x, w / w.sum()


def scale_nodes(df: float | None, n: int = SCALE_NODES) -> tuple[np.ndarray, np.ndarray]:
    """Nodes ``s = sqrt(chi2_df / df)`` and weights for the shared t scale (a single node 1 for normal errors).

    A unit wins when ``mean/sd + z / s > 0``, i.e. ``s * mean/sd + z > 0``: the node multiplies the
    standardized mean. The integrand is smooth in ``s``, so Gauss-Legendre over ``s`` on
    ``[0, s_max]`` (all but 1e-12 of the mass) with the density of ``s`` in the weights converges fast.

    >>> s, w = scale_nodes(None)
    >>> s.tolist(), w.tolist()
    ([1.0], [1.0])
    >>> s, w = scale_nodes(5.0)
    >>> round(float(w @ s**2), 6)  # E[chi2 / df] = 1
    1.0
    """
    if df is None:
        return np.ones(1), np.ones(1)
    top = math.sqrt(special.chdtri(df, 1e-12) / df)
    u, w = special.roots_legendre(n)
    s = (u + 1) * top / 2
    # density of s: the chi-square density at x = df s^2, times dx/ds = 2 df s
    x = df * s**2
    chi2_density = np.exp((df / 2 - 1) * np.log(x) - x / 2 - (df / 2) * math.log(2) - special.gammaln(df / 2))
    weights = w * chi2_density * 2 * df * s
    return s, weights / weights.sum()


def _conditional(loc: np.ndarray, shift: np.ndarray, own: np.ndarray) -> np.ndarray:
    """P(unit carried | common factors): Phi((loc + shift) / own), with broadcasting."""
    with np.errstate(invalid="ignore"):
        return special.ndtr((loc + shift) / own)


def _likelihood(p: np.ndarray, positions: np.ndarray, outcomes: np.ndarray) -> np.ndarray:
    """P(the fixed outcomes | node) along the last axis' given positions."""
    if len(positions) == 0:
        return np.ones(p.shape[:-1])
    chosen = p[..., positions]
    return np.prod(np.where(outcomes, chosen, 1.0 - chosen), axis=-1)


def _convolve_rows(a: np.ndarray, b: np.ndarray, length: int) -> np.ndarray:
    """Row-wise polynomial products truncated to ``length`` (FFT; tiny negatives clipped)."""
    size = 1 << (max(a.shape[-1] + b.shape[-1] - 1, 1) - 1).bit_length()
    product = np.fft.irfft(np.fft.rfft(a, size) * np.fft.rfft(b, size), size)[..., :length]
    return np.clip(product, 0.0, None)


def _node_count(value: int) -> int:
    if not isinstance(value, (int, np.integer)) or not 2 <= value <= MAX_NODES:
        raise InvalidInput(f"quadrature nodes must be a whole number from 2 to {MAX_NODES}, got {value!r}")
    return int(value)


def factor_distribution(forecast: Forecast, given: Mapping[str, str] | None = None, *,
                        nodes: int | None = None, region_nodes: int | None = None,
                        t_nodes: int = SCALE_NODES) -> Distribution:
    """Exact (quadrature) distribution under a factor correlation and/or Student t errors.

    >>> from electoral.probability import FactorCorrelation, make_forecast
    >>> f = make_forecast(2020, {"PA": 0.9}, default_probability=0.5, correlation=FactorCorrelation(0.6))
    >>> d = factor_distribution(f, {"PA": "D"})
    >>> round(d.p_given, 3), d.unit_probability("PA"), d.unit_probability("WI") > 0.5
    (0.9, 1.0, True)
    """
    correlation = forecast.correlation or FactorCorrelation(0.0)
    if not isinstance(correlation, FactorCorrelation):
        raise TypeError("factor_distribution needs a FactorCorrelation")
    n_units = len(forecast.units)
    positions, outcomes, pairs = resolve_given(forecast, given)
    a = correlation.national
    regional = correlation.regional_loading(n_units)
    own = np.sqrt(1.0 - a - regional)
    own_variance = 1.0 - a - correlation.regional
    nodes = default_nodes(a, own_variance, DEFAULT_NODES) if nodes is None else _node_count(nodes)
    region_nodes = (default_nodes(correlation.regional, own_variance, 12, per_ratio=10.0) if region_nodes is None
                    else _node_count(region_nodes))
    weight, shifted = _outer_nodes(forecast, a, nodes, t_nodes)
    groups = correlation.region_groups()
    in_region = np.zeros(n_units, dtype=bool)
    for idx in groups.values():
        in_region[idx] = True
    given_at = {int(p): bool(o) for p, o in zip(positions, outcomes)}

    free = np.flatnonzero(~in_region)
    p_free = _conditional(shifted[:, free], 0.0, own[free])
    lik_free, p_free = _fix(p_free, free, given_at)
    joint = ev_pmf_batch(p_free, forecast.electoral_votes[free]) * lik_free[:, None]
    mass = lik_free.copy()  # P(given outcomes | outer node), built up region by region
    joint, mass, region_parts = _regions(forecast, correlation, groups, shifted, own, region_nodes, given_at,
                                         joint, mass)

    node_mass = weight * mass
    p_given = float(node_mass.sum())
    if p_given <= 1e-300:
        raise impossible(pairs)
    pmf = (weight @ joint) / p_given
    pmf = pmf / pmf.sum()  # remove rounding drift of the quadrature (and FFT) from the total

    unit_probabilities = np.empty(n_units)
    unit_probabilities[free] = (node_mass @ p_free) / p_given
    for idx, inner, p_region, mass_r in region_parts:
        with np.errstate(invalid="ignore", divide="ignore"):
            others = np.where(mass_r > 0, node_mass / mass_r, 0.0)  # node weight times the other regions' mass
        unit_probabilities[idx] = np.einsum("m,mk,mkj->j", others, inner, p_region) / p_given
    unit_probabilities[positions] = outcomes  # exactly 0 or 1, not 1 - 1e-16
    return Distribution(forecast.units, forecast.sides, pmf, np.clip(unit_probabilities, 0.0, 1.0),
                        method="exact-factor", given=pairs, p_given=p_given)


def _outer_nodes(forecast: Forecast, a: float, nodes: int, t_nodes: int) -> tuple[np.ndarray, np.ndarray]:
    """Outer nodes: national swing x t scale, flattened to M nodes; their weights and the (M, units)
    standardized margins given each node."""
    with np.errstate(invalid="ignore", divide="ignore"):
        loc = forecast.mean / forecast.sd
    f_x, f_w = hermite_nodes(nodes) if a > 0 else (np.zeros(1), np.ones(1))
    s_x, s_w = scale_nodes(forecast.df, t_nodes)
    scale = np.repeat(s_x, len(f_x))[:, None]
    swing = np.tile(math.sqrt(a) * f_x, len(s_x))[:, None]
    weight = np.repeat(s_w, len(f_x)) * np.tile(f_w, len(s_x))
    return weight, scale * loc[None, :] + swing


def _fix(p: np.ndarray, units_idx: np.ndarray, given_at: dict[int, bool]) -> tuple[np.ndarray, np.ndarray]:
    """Likelihood of the fixed outcomes among ``units_idx`` and p with those units set to 0/1."""
    local = [(j, given_at[int(u)]) for j, u in enumerate(units_idx) if int(u) in given_at]
    if not local:
        return np.ones(p.shape[:-1]), p
    cols = np.array([j for j, _ in local])
    wins = np.array([o for _, o in local])
    lik = _likelihood(p, cols, wins)
    p = p.copy()
    p[..., cols] = wins
    return lik, p


def _regions(forecast: Forecast, correlation: FactorCorrelation, groups: Mapping[str, np.ndarray],
             shifted: np.ndarray, own: np.ndarray, region_nodes: int, given_at: dict[int, bool],
             joint: np.ndarray, mass: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[tuple]]:
    """Each region: inner quadrature over its swing gives a sub-distribution (mass = P(its given | node)),
    convolved into ``joint``; returns the joint, the mass and each region's parts for unit probabilities."""
    g_x, g_w = hermite_nodes(region_nodes)
    region_parts = []
    for idx in groups.values():
        inner_shift = math.sqrt(correlation.regional) * g_x[None, :, None]
        p_region = _conditional(shifted[:, None, idx], inner_shift, own[idx])  # (M, K, n_r)
        lik_r, p_region = _fix(p_region, idx, given_at)
        inner = g_w[None, :] * lik_r  # (M, K)
        dist_r = np.einsum("mk,mkv->mv", inner, ev_pmf_batch(p_region.reshape(-1, len(idx)), forecast.electoral_votes[idx])
                           .reshape(p_region.shape[0], p_region.shape[1], -1))
        mass_r = inner.sum(axis=1)
        joint = _convolve_rows(joint, dist_r, forecast.units.total + 1)
        region_parts.append((idx, inner, p_region, mass_r))
        mass = mass * mass_r
    return joint, mass, region_parts
