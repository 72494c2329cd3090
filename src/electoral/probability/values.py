"""Parsers for the values a forecast is made of: seeds, variance shares, degrees of freedom, side labels, unit codes.

Each raises :class:`~electoral.errors.InvalidInput` naming the bad value.

>>> parse_share("0.5", "national"), parse_sides("D,R"), unit_code("ka")
(0.5, ('D', 'R'), 'KS')
"""

from __future__ import annotations

import math

from electoral.errors import InvalidInput
from electoral.parse import whole_number
from electoral.units import normalize_code


# Labels some sources use for a state instead of its USPS code. The Economist's
# state_correlation_matrix.csv (TheEconomist/us-potus-model) writes Kansas as "KA".
CODE_ALIASES: dict[str, str] = {"KA": "KS"}


def parse_seed(value: object) -> int | None:
    """A non-negative integer seed, or None for a fresh random one.

    >>> parse_seed("42"), parse_seed(None)
    (42, None)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return whole_number(value, "seed", minimum=0)


def parse_share(value: object, name: str) -> float:
    """A variance share in [0, 1) (text or number).

    >>> parse_share("0.6", "national")
    0.6
    """
    try:
        share = float(str(value).strip())
    except ValueError:
        raise InvalidInput(f"{name} must be a number in [0, 1), got {value!r}") from None
    if not (0.0 <= share < 1.0):
        raise InvalidInput(f"{name} must be a number in [0, 1), got {value!r}")
    return share


def parse_df(value: object) -> float | None:
    """Degrees of freedom of the Student t errors (>= 1), or None for normal errors.

    >>> parse_df("5"), parse_df(None)
    (5.0, None)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        df = float(str(value).strip())
    except ValueError:
        raise InvalidInput(f"df must be a number >= 1, got {value!r}") from None
    if not (math.isfinite(df) and df >= 1.0):
        raise InvalidInput(f"df must be a number >= 1 (or omitted for normal errors), got {value!r}")
    return df


def parse_sides(value: object) -> tuple[str, str]:
    """Two distinct side labels from ``"D,R"`` or a pair.

    >>> parse_sides("Biden, Trump")
    ('Biden', 'Trump')
    """
    parts = [p.strip() for p in value.split(",")] if isinstance(value, str) else [str(p).strip() for p in value]  # type: ignore[union-attr]
    if len(parts) != 2 or not all(parts) or parts[0].upper() == parts[1].upper():
        raise InvalidInput(f"sides must be two distinct labels such as 'D,R', got {value!r}")
    return parts[0], parts[1]


def unit_code(code: object) -> str:
    text = normalize_code(str(code))
    return CODE_ALIASES.get(text, text)
