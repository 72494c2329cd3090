"""Sides: the Democratic/Republican party lines and their antecedents, as the map colours them.

Every party in the record falls on one of three sides: ``"D"`` (the Democratic line: the
Democratic-Republicans and the Democrats), ``"R"`` (the opposing line: Federalists, National
Republicans, Whigs and Republicans) or ``"O"`` (every other party, independents and unknowns). Democratic nominees whom the record labels by their
fusion ticket (Bryan's "Democratic-Populist" in 1896) stand on the Democratic line.
The map page, the scenario endpoint and probability inputs all speak in these three letters.

>>> side_of("Whig"), side_of("Democratic-Republican"), side_of("Libertarian")
('R', 'D', 'O')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from electoral.errors import InvalidInput
from electoral.record import Election
from electoral.tally import Tally, majority_needed, tally_votes
from electoral.units import Units, normalize_code

SIDES: tuple[str, ...] = ("D", "R", "O")

SIDE_NAMES: Mapping[str, str] = {"D": "Democratic", "R": "Republican", "O": "Other"}

# Party (exactly as spelled in the record) -> side. The record labels three Democratic nominees by
# the ticket they headed; they stand on the Democratic line. Splinters that ran against the party's
# nominee ("Southern Democratic" 1860, "States' Rights Democratic" 1948) are "O".
PARTY_SIDES: Mapping[str, str] = {
    "Democratic": "D",
    "Democratic-Republican": "D",
    "Northern Democratic": "D",  # Douglas 1860: nominee of the regular Democratic convention (Baltimore)
    "Liberal Republican and Democratic": "D",  # Greeley 1872: the Democratic convention endorsed him
    "Democratic-Populist": "D",  # Bryan 1896: Democratic nominee, also nominated by the People's Party
    "Republican": "R",
    "Whig": "R",
    "Federalist": "R",
    "National Republican": "R",
}


def side_of(party: str | None) -> str:
    """The side (``"D"``, ``"R"`` or ``"O"``) of a party name; unknown or empty parties are ``"O"``.

    >>> side_of("Democratic"), side_of("Federalist"), side_of(None)
    ('D', 'R', 'O')
    """
    return PARTY_SIDES.get((party or "").strip(), "O")


def unit_sides(election: Election) -> tuple[str | None, ...]:
    """The side of each unit's recorded winner, aligned to ``election.units`` (None where no votes counted).

    >>> from electoral.record import election
    >>> e = election(2020)
    >>> e.units.codes[:3], unit_sides(e)[:3]
    (('AK', 'AL', 'AR'), ('R', 'R', 'R'))
    """
    parties = election.parties
    return tuple(side_of(parties.get(w)) if w else None for w in election.winners())


def complete_from_record(units: Units, recorded: Sequence[str | None],
                         probabilities: Mapping[str, float]) -> dict[str, float]:
    """P(D carries each unit): the ``probabilities`` given, and the record's winner as certain elsewhere.

    A unit not listed counts as 1.0 where its recorded winner's side is D and 0.0 where it is R; a
    unit carried by any other side (or by no one) must be listed, and the error names them.

    >>> from electoral.units import units_for
    >>> u = units_for(2020)
    >>> filled = complete_from_record(u, ["R"] * (len(u) - 1) + ["D"], {"PA": 0.6})
    >>> filled["PA"], filled["AK"], filled[u.codes[-1]], len(filled)
    (0.6, 0.0, 1.0, 56)
    """
    listed = {normalize_code(code) for code in probabilities}
    filled = dict(probabilities)
    unknown = []
    for code, side in zip(units.codes, recorded):
        if code in listed:
            continue
        if side in ("D", "R"):
            filled[code] = 1.0 if side == "D" else 0.0
        else:
            unknown.append(code)
    if unknown:
        raise InvalidInput(f"no D or R winner recorded in {units.year} for {', '.join(unknown)}: "
                           "give a probability for each of them")
    return filled


def parse_side(value: str, unit: str = "") -> str:
    """Validate a side letter (case-insensitive); raises :class:`InvalidInput` naming the bad value.

    >>> parse_side("r", "GA")
    'R'
    """
    side = str(value).strip().upper()
    if side not in SIDES:
        where = f" for {unit}" if unit else ""
        raise InvalidInput(f"side{where} must be one of D, R, O, got {value!r}")
    return side


@dataclass(frozen=True)
class SideTally:
    """Electoral votes per side for a map of unit winners, with the undecided rest."""

    year: int
    electoral_votes: Mapping[str, int]  # side -> electoral votes won
    undecided: int  # electoral votes of units with no side assigned
    majority_needed: int
    tally: Tally  # the constitutional tally of the decided votes, candidates named by side

    @property
    def winner(self) -> str | None:
        """The side holding a majority of all electors (decided even while others are undecided)."""
        return next((s for s, v in self.electoral_votes.items() if v >= self.majority_needed), None)

    @property
    def outcome(self) -> str:
        """One line: who wins, that no one can win (the House decides), or what is still open.

        >>> from electoral.units import units_for
        >>> tally_sides(units_for(2020), {"CA": "D"}).outcome
        'no majority yet: 483 electoral votes undecided, 270 needed'
        """
        if self.winner:
            votes = self.electoral_votes[self.winner]
            return f"{SIDE_NAMES[self.winner]} wins with {votes} electoral votes; {self.majority_needed} needed"
        if self.undecided:
            return f"no majority yet: {self.undecided} electoral votes undecided, {self.majority_needed} needed"
        return self.tally.outcome


_SIDE_INDEX: Mapping[str, int] = {side: i for i, side in enumerate(SIDES)}


@lru_cache(maxsize=None)
def _positions(codes: tuple[str, ...]) -> dict[str, int]:
    return {code: i for i, code in enumerate(codes)}


def tally_sides(units: Units, winners: Mapping[str, str]) -> SideTally:
    """Tally a map of unit code -> side over ``units``; unlisted units are undecided.

    >>> from electoral.units import units_for
    >>> t = tally_sides(units_for(2020), {"CA": "D", "TX": "R", "ME-2": "r"})
    >>> dict(t.electoral_votes), t.undecided
    ({'D': 55, 'R': 39, 'O': 0}, 444)
    """
    # Plain Python: with 56 units, a dict walk is several times faster than numpy masks (the map calls this per click).
    exact = _positions(units.codes)
    side_at: dict[int, str] = {}
    for code, value in winners.items():
        # exact spellings first (the map page sends them on every click); else normalize or raise
        position = exact.get(code)
        side_at[units.index(code) if position is None else position] = (
            value if value in _SIDE_INDEX else parse_side(value, code))
    ev = units.electoral_votes.tolist()
    per_side = dict.fromkeys(SIDES, 0)
    for position, side in side_at.items():
        per_side[side] += ev[position]
    undecided = sum(ev) - sum(per_side.values())
    tally = tally_votes(units.year, {SIDE_NAMES[s]: v for s, v in per_side.items() if v},
                        electors_appointed=units.total)
    return SideTally(units.year, per_side, undecided, majority_needed(units.total), tally)
