"""The rules of a contingent election by era, and the Congress that would hold it (all data tables).

``contingent_rules.csv`` has one cited row per era (Art. II before the 12th Amendment, the 12th
Amendment, the 20th Amendment); ``contingent_congress.csv`` maps each election to the Congress whose
House and Senate would decide; ``congress_house_delegations.csv`` and ``congresses.csv`` hold each
state's Representatives and the Senate on that Congress's first day (``scripts/build_congress.py``).

>>> r = contingent_rule(2020)
>>> r.era, r.president_pool, r.vp_pool, deciding_congress(2020), deciding_congress(1824)
('20th Amendment', 3, 2, 117, 18)
>>> states_needed(50), house_quorum(50, r), senate_needed(100), senate_quorum(100, r)
(26, 34, 51, 67)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from math import ceil

from electoral.data.loaders import keys_of, read_rows, rows_for
from electoral.errors import InvalidInput, UnknownYear


@dataclass(frozen=True)
class ContingentRule:
    """Who decides without an electoral majority, from whom, and what counts, in one era."""

    first_year: int
    last_year: int
    era: str
    president_pool: int  # the House chooses among this many top candidates
    tie_rule: str
    vp_pool: int  # the Senate chooses between this many (0: only among tied runners-up, before 1804)
    vp_rule: str
    house_quorum: Fraction  # of the states
    house_majority: str
    senate_quorum: Fraction | None  # of the whole number of Senators; None: no special quorum
    senate_majority: str
    deciding_house: str  # "outgoing" (the lame-duck Congress, before 1937) or "new"
    deadline: str
    source: str


@lru_cache(maxsize=None)
def _rules() -> tuple[ContingentRule, ...]:
    return tuple(ContingentRule(
        r.first_year, r.last_year, r.era, r.president_pool, r.tie_rule, r.vp_pool, r.vp_rule,
        Fraction(r.house_quorum), r.house_majority, Fraction(r.senate_quorum) if r.senate_quorum else None,
        r.senate_majority, r.deciding_house, r.deadline, r.source) for r in read_rows("contingent_rules"))


def contingent_rule(year: int) -> ContingentRule:
    """The contingent-election rule of the election held in ``year``.

    >>> contingent_rule(1800).president_pool, contingent_rule(1824).deciding_house
    (5, 'outgoing')
    """
    for rule in _rules():
        if rule.first_year <= year <= rule.last_year:
            return rule
    raise UnknownYear(f"no contingent-election rule covers {year}: the rules cover presidential elections from 1789")


@lru_cache(maxsize=None)
def deciding_congress(year: int) -> int:
    """The Congress whose House and Senate would decide the election of ``year``.

    Before the 20th Amendment the outgoing Congress (in session until 4 March), from the election of
    1936 the Congress elected with the President (seated on 3 January, before the count).

    >>> deciding_congress(1800), deciding_congress(1932), deciding_congress(1936)
    (6, 72, 75)
    """
    rows = rows_for("contingent_congress", year)
    if not rows:
        years = keys_of("contingent_congress")
        raise UnknownYear(f"no presidential election in {year}: contingent elections are mapped for "
                          f"{years[0]}-{years[-1]}")
    if rows[0].deciding_congress is None:
        raise InvalidInput(f"the election of {year} came before the 1st Congress: no House existed to decide it")
    return rows[0].deciding_congress


def states_needed(states: int) -> int:
    """A majority of all the states: 26 of 50, 13 of 24, 9 of 16.

    >>> states_needed(50), states_needed(24), states_needed(16)
    (26, 13, 9)
    """
    if states <= 0:
        raise InvalidInput(f"the number of states must be positive, got {states}")
    return states // 2 + 1


def senate_needed(senators: int) -> int:
    """A majority of the whole number of Senators: 51 of 100, 27 of 52.

    >>> senate_needed(100), senate_needed(52)
    (51, 27)
    """
    if senators <= 0:
        raise InvalidInput(f"the number of Senators must be positive, got {senators}")
    return senators // 2 + 1


def house_quorum(states: int, rule: ContingentRule) -> int:
    """States that must have a member present: two-thirds of the states (34 of 50, 11 of 16).

    >>> house_quorum(50, contingent_rule(2020)), house_quorum(16, contingent_rule(1800))
    (34, 11)
    """
    return ceil(states * rule.house_quorum)


def senate_quorum(senators: int, rule: ContingentRule) -> int | None:
    """Senators who must be present: two-thirds of the whole number (67 of 100); None before 1804.

    >>> senate_quorum(100, contingent_rule(2020)), senate_quorum(32, contingent_rule(1800)) is None
    (67, True)
    """
    return ceil(senators * rule.senate_quorum) if rule.senate_quorum is not None else None
