"""Faithless-elector law by state and year: is a vote for someone other than the pledged candidate counted?

The law is data (``faithless_laws.csv``, built by ``scripts/build_law_tables.py`` from a cited input;
docs/contingent.md, "Faithless electors and the law"). Each row is a period of one state's law:

- ``none``: no law binds the electors; a faithless vote is counted as cast;
- ``binding``: a pledge or a duty to vote for the party's candidates, with or without a penalty
  (``penalty``); the vote is still counted as cast (Washington fined its four faithless electors
  of 2016, and Congress counted their votes; *Chiafalo v. Washington*, 591 U.S. (2020), upheld the fine);
- ``void``: the vote is voided and the elector replaced (or made to vote again), by statute (the
  Uniform Faithful Presidential Electors Act and older laws) or by the presiding official's ruling
  (``basis``: Colorado and Maine in 2016; *Colorado Department of State v. Baca*, 2020, upheld the removal).

Years before a state's first row are not recorded: :func:`law_in_force` then says so, and a what-if
counts the vote as cast (the law in force cannot void what it is not known to void).

>>> law_in_force("CO", 2016).voids, law_in_force("WA", 2016).law, law_in_force("WA", 2020).law
(True, 'binding', 'void')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from electoral.data.loaders import read_rows
from electoral.units import normalize_code

LAWS = ("none", "binding", "void")


@dataclass(frozen=True)
class FaithlessLaw:
    """One state's faithless-elector law in one year (``law`` ``"unrecorded"``: no row covers the year)."""

    state: str
    year: int
    law: str  # none, binding, void or unrecorded
    penalty: bool = False
    basis: str = "none"  # statute, official (a ruling of the presiding official) or none
    statute: str = ""
    source: str = ""
    note: str = ""

    @property
    def voids(self) -> bool:
        """Whether a faithless vote is voided and the elector replaced (the pledged candidate keeps the vote)."""
        return self.law == "void"

    @property
    def text(self) -> str:
        """The law in a few words, e.g. ``'binding law with a penalty (RCW 29A.56.340); vote counted'``.

        >>> law_in_force("TX", 2016).text
        'no law; vote counted'
        """
        cite = f" ({self.statute})" if self.statute else ""
        if self.law == "void":
            how = "by the presiding official's ruling" if self.basis == "official" else "by law"
            return f"vote voided and the elector replaced {how}{cite}"
        if self.law == "binding":
            return f"binding law{' with a penalty' if self.penalty else ''}{cite}; vote counted"
        if self.law == "none":
            return "no law; vote counted"
        return f"law for {self.year} not recorded; vote counted as cast"


@lru_cache(maxsize=1)
def _periods() -> dict[str, tuple]:
    table: dict[str, list] = {}
    for r in read_rows("faithless_laws"):
        table.setdefault(r.state, []).append(r)
    return {st: tuple(rows) for st, rows in table.items()}


@lru_cache(maxsize=None)
def law_in_force(state: str, year: int) -> FaithlessLaw:
    """The faithless-elector law of ``state`` (a code; a district code means its state) in the election of ``year``.

    >>> law_in_force("MN", 2016).text
    'vote voided and the elector replaced by law (Minn. Stat. 208.43-208.47 (Uniform Faithful Presidential Electors Act))'
    >>> law_in_force("PA", 1960).law
    'unrecorded'
    """
    code = normalize_code(state).split("-")[0]
    for r in _periods().get(code, ()):
        if r.first_year <= year <= (r.last_year if r.last_year is not None else year):
            return FaithlessLaw(code, year, r.law, r.penalty, r.basis, r.statute, r.source, r.note)
    return FaithlessLaw(code, year, "unrecorded")
