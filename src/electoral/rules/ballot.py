"""The ballot rule: how many votes each elector casts and whom the House may choose, by constitutional period.

The rules that changed with the 12th Amendment (two votes per elector before 1804, who goes to the
House) are rows of the ``ballot_rules`` table (``first_year``, ``last_year``, ``votes_per_elector``,
``contingent_rule``, ``source``), not branches on the year.

>>> ballot_rule(1800).votes_per_elector, ballot_rule(1804).house_chooses_among
(2, 3)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from electoral.data.loaders import read_rows
from electoral.errors import InvalidInput


@dataclass(frozen=True)
class BallotRule:
    """How electors vote and who decides without a majority, for one constitutional period."""

    first_year: int
    last_year: int
    votes_per_elector: int
    contingent_rule: str
    source: str

    @property
    def house_chooses_among(self) -> int:
        """How many top candidates the House may choose from (five before the 12th Amendment, three after)."""
        return 5 if self.votes_per_elector == 2 else 3


@lru_cache(maxsize=None)
def ballot_rule(year: int) -> BallotRule:
    """The ballot rule in force in ``year``; raises :class:`InvalidInput` for a year no period covers.

    >>> ballot_rule(1800).votes_per_elector, ballot_rule(1804).votes_per_elector
    (2, 1)
    """
    for row in read_rows("ballot_rules"):
        if row.first_year <= year <= row.last_year:
            return BallotRule(row.first_year, row.last_year, row.votes_per_elector, row.contingent_rule, row.source)
    raise InvalidInput(f"no ballot rule covers the year {year}")
