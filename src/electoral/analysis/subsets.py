"""Generating functions of weighted subsets: how many subsets of units reach each total.

The coefficient of ``x^s`` in ``prod_i (1 + x^w_i)`` counts the subsets whose weights sum to
``s``; with a second variable ``y`` marking each member it also counts them by size. Paths to
270 and the power indices are sums of these coefficients.

Counts reach ``2^n`` (2^56 for 2024's 56 units), past float precision. They are kept in int64
while ``n <= 62``: every coefficient then fits, and int64 addition and subtraction wrap modulo
2^64, so intermediate overflow in a sum of signed terms cannot change an in-range result.
Larger games fall back to Python integers (numpy object arrays).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from electoral.errors import InvalidInput

INT64_SAFE_PLAYERS = 62  # C(n, k) <= 2^n < 2^63 for n <= 62


def as_weights(weights: Sequence[int] | np.ndarray, what: str = "weights") -> np.ndarray:
    """Validate non-negative whole weights and return them as an int64 array.

    >>> as_weights([3, 1, 0]).tolist()
    [3, 1, 0]
    >>> as_weights([2, -1])
    Traceback (most recent call last):
    electoral.errors.InvalidInput: weights must be whole numbers >= 0, got -1
    """
    array = np.asarray(weights)
    if array.ndim != 1:
        raise InvalidInput(f"{what} must be a flat list of whole numbers, got shape {array.shape}")
    for value in array.tolist():
        if isinstance(value, bool) or not float(value).is_integer() or value < 0:
            raise InvalidInput(f"{what} must be whole numbers >= 0, got {value!r}")
    return array.astype(np.int64)


def count_dtype(players: int) -> type | np.dtype:
    """The array type that holds subset counts of ``players`` players exactly.

    >>> count_dtype(56), count_dtype(80)
    (dtype('int64'), <class 'object'>)
    """
    return np.dtype(np.int64) if players <= INT64_SAFE_PLAYERS else object


def subset_counts(weights: np.ndarray, limit: int) -> np.ndarray:
    """``counts[s]`` = number of subsets of ``weights`` summing to ``s``, for ``0 <= s < limit``.

    >>> subset_counts(np.array([1, 2, 2]), 6).tolist()  # {}, {1}, {2}x2, {1,2}x2, {2,2}, {1,2,2}
    [1, 1, 2, 2, 1, 1]
    """
    counts = np.zeros(max(limit, 1), dtype=count_dtype(len(weights)))
    counts[0] = 1
    for w in weights.tolist():
        if w == 0:
            counts *= 2  # a weightless member doubles every count
        elif w < len(counts):
            counts[w:] += counts[:-w].copy()  # subsets without this member, shifted by its weight
    return counts[:limit]


def subset_counts_by_size(weights: np.ndarray, limit: int) -> np.ndarray:
    """``counts[k, s]`` = number of ``k``-member subsets summing to ``s``, for ``s < limit``.

    >>> subset_counts_by_size(np.array([1, 2]), 4).tolist()
    [[1, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 1]]
    """
    n = len(weights)
    counts = np.zeros((n + 1, max(limit, 1)), dtype=count_dtype(n))
    counts[0, 0] = 1
    for w in weights.tolist():
        if w < counts.shape[1]:
            counts[1:, w:] += counts[:-1, : counts.shape[1] - w].copy()
    return counts[:, :limit]


def swings_by_size(counts: np.ndarray, weight: int, quota: int) -> np.ndarray:
    """How many losing coalitions of each size a member of ``weight`` turns into winning ones.

    ``counts`` are the game's coalition counts by size and weight (:func:`subset_counts_by_size`,
    at least up to ``quota``). Dividing ``P(x, y)`` by ``(1 + y x^w)`` removes the member:
    ``Q[k, s] = sum_j (-1)^j P[k - j, s - j w]``. The member swings the coalitions of weight
    ``quota - w <= s < quota``, so each term is a range sum of one row, read off prefix sums.

    >>> full = subset_counts_by_size(np.array([2, 1, 1]), 3)
    >>> swings_by_size(full, 2, 3).tolist(), swings_by_size(full, 1, 3).tolist()  # [3; 2, 1, 1]
    ([0, 2, 1, 0], [0, 1, 0, 0])
    """
    if weight <= 0:
        return np.zeros(counts.shape[0], dtype=counts.dtype)
    prefix = np.zeros((counts.shape[0], counts.shape[1] + 1), dtype=counts.dtype)
    np.cumsum(counts[:, :quota], axis=1, out=prefix[:, 1 : quota + 1])
    steps = np.arange((quota - 1) // weight + 1)
    high = np.clip(quota - steps * weight, 0, quota)
    low = np.clip(quota - weight - steps * weight, 0, quota)
    rows = np.arange(counts.shape[0])[:, None] - steps[None, :]  # row k - j
    ok = rows >= 0
    rows = np.where(ok, rows, 0)
    ranges = (prefix[rows, high[None, :]] - prefix[rows, low[None, :]]) * ok
    return ranges[:, 0::2].sum(axis=1) - ranges[:, 1::2].sum(axis=1)
