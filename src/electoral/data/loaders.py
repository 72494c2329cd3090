"""Read the packaged CSV files (cached; no file outside the package is ever read).

Every loader returns plain tuples of rows (dicts of strings) so that the typed layers
(:mod:`electoral.units`, :mod:`electoral.record`) decide how to interpret them.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the packaged table ``name`` (file ``electoral/data/<name>.csv``).

    >>> rows = read_table("states")
    >>> next(r for r in rows if r["code"] == "WY")["name"]
    'Wyoming'
    """
    path = resources.files("electoral.data").joinpath(f"{name}.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))
