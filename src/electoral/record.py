"""The historical record of one election: who each unit's electors voted for, and the popular vote.

>>> e = election(2020)
>>> e.tally().winner, e.tally().electoral_votes("Joe Biden")
('Joe Biden', 306)
>>> e.winners()[e.units.index("NE-2")]
'Joe Biden'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd

from electoral.data.loaders import rows_for
from electoral.errors import InvalidInput, UnknownUnit
from electoral.rules.ballot import ballot_rule
from electoral.tally import Contingent, Tally, tally_votes
from electoral.units import Units, normalize_code, states, units_for, validate_year


ELECTOR_KINDS = frozenset({"candidate"})  # popular-vote rows (``kind``) that can receive electors


def receives_electors(kind: str) -> bool:
    """Whether a popular-vote row of this ``kind`` can win electors: named candidates only, never write-ins,
    scattering or "none of these" (they are votes, not candidates).

    >>> receives_electors("candidate"), receives_electors("write_ins"), receives_electors("none_of_these")
    (True, False, False)
    """
    return kind in ELECTOR_KINDS


@dataclass(frozen=True)
class TwoPartyVotes:
    """Popular votes of two candidates per unit, aligned to ``units`` (NaN where no vote is recorded)."""

    units: Units
    candidates: tuple[str, str]
    votes: np.ndarray  # float64, shape (n_units, 2)
    total: np.ndarray  # float64, all votes cast per unit (NaN where unknown)
    others: np.ndarray | None = None  # float64, votes of the strongest other candidate per unit (0: none recorded)

    @property
    def margin(self) -> np.ndarray:
        """Two-party margin of the first candidate per unit: (a - b) / (a + b).

        >>> round(float(election(2020).two_party().margin[units_for(2020).index("WI")]), 4)
        0.0064
        """
        a, b = self.votes[:, 0], self.votes[:, 1]
        with np.errstate(invalid="ignore", divide="ignore"):
            return (a - b) / (a + b)

    @property
    def national_margin(self) -> float:
        """Two-party margin of the first candidate over all states (district rows are not double counted)."""
        at_large = np.array(["-" not in code for code in self.units.codes])
        a, b = np.nansum(self.votes[at_large, 0]), np.nansum(self.votes[at_large, 1])
        return float((a - b) / (a + b)) if a + b else float("nan")


@dataclass(frozen=True)
class Election:
    """One presidential election as recorded: allotment, electoral votes cast, popular vote.

    >>> election(1824).tally().contingent.chosen
    'John Quincy Adams'
    """

    year: int

    @property
    def units(self) -> Units:
        """The allotment: every unit that appointed electors this year."""
        return units_for(self.year)

    # -- raw tables ------------------------------------------------------------------------------
    @property
    def _cast(self) -> tuple:
        """This year's rows of ``electoral_votes_cast`` (typed rows, see :mod:`electoral.data.loaders`)."""
        return rows_for("electoral_votes_cast", self.year)

    @property
    def _popular(self) -> tuple:
        """This year's rows of ``popular_vote`` (typed rows)."""
        return rows_for("popular_vote", self.year)

    @cached_property
    def parties(self) -> dict[str, str]:
        """Candidate -> party for every candidate of this year in the record."""
        found = {r.candidate: r.party for r in self._popular}
        found.update({r.candidate: r.party for r in rows_for("candidates", self.year)})
        return found

    # -- pandas views (edges) --------------------------------------------------------------------
    def electoral_votes_cast(self) -> pd.DataFrame:
        """Every row of the electoral record: unit, candidate, votes, status, pledge, note, source.

        ``status`` is ``counted``, ``rejected`` (cast but not counted by Congress), ``abstained`` or
        ``not_voted``. Before 1804 each elector cast two votes, and the rows count votes, not electors.

        >>> df = election(2016).electoral_votes_cast()
        >>> int(df[df.pledged_to != ""].electoral_votes.sum())  # seven faithless electors
        7
        """
        df = pd.DataFrame(self._cast, columns=["year", "unit", "state", "candidate", "electoral_votes", "status",
                                               "pledged_to", "note", "source"])
        df["year"] = df["year"].astype(int)
        df["electoral_votes"] = df["electoral_votes"].astype(int)
        df["party"] = df["candidate"].map(self.parties).fillna("")
        return df

    def popular_vote(self) -> pd.DataFrame:
        """Popular votes per state and candidate (empty before 1824; party-line only before 1976).

        ``kind`` says what a row is: ``candidate`` (a named person), ``write_ins`` (votes for people
        the return does not name), ``other_candidates`` (ballot-listed candidates lumped together
        unnamed), ``unpledged_electors`` (a slate pledged to no one) or ``none_of_these`` (Nevada's
        ballot option); all count in ``total_votes``; see docs/record.md.

        >>> df = election(2020).popular_vote()
        >>> int(df[(df.state == "GA") & (df.candidate == "Joe Biden")].votes.iloc[0])
        2473633
        """
        df = pd.DataFrame(self._popular, columns=["year", "state", "candidate", "party", "kind", "votes", "total_votes",
                                                  "source"])
        for column in ("year", "votes", "total_votes"):
            df[column] = df[column].astype(int)
        return df

    def results(self, state: str | None = None) -> pd.DataFrame:
        """Per-state results: one row per state and candidate with electoral and popular votes.

        ``state`` may also be a Maine or Nebraska district (``"ME-2"``): its own electors and district vote
        (popular votes from the packaged district table; None where it has none).

        >>> df = election(2020).results("ME")
        >>> df[df.electoral_votes > 0].set_index("candidate").electoral_votes.to_dict()
        {'Joe Biden': 3, 'Donald Trump': 1}
        >>> election(2020).results("ME-2")[["candidate", "electoral_votes", "popular_votes"]].values.tolist()[0]
        ['Donald Trump', 1, 196692]
        """
        code = None if state is None else self._state_code(state)
        if code in self._district_codes:
            return self._district_results(code)
        ev = _counted_by_state(self._cast)
        popular = {(r.state, r.candidate): (r.votes, r.total_votes) for r in self._popular}
        rows = []
        for st in dict.fromkeys(self.units.states):
            if code and st != code:
                continue
            names = {c for (s, c) in ev if s == st} | {c for (s, c) in popular if s == st}
            for name in names:
                votes, total = popular.get((st, name), (None, None))
                rows.append(dict(state=st, name=states()[st].name, candidate=name, party=self.parties.get(name, ""),
                                 electoral_votes=ev.get((st, name), 0), popular_votes=votes,
                                 share=(votes / total) if votes is not None and total else None))
        return _results_frame(rows)

    def _state_code(self, state: str) -> str:
        """The code of ``state`` (or of a district unit) if it appointed electors this year; raises
        :class:`UnknownUnit` listing the codes of the year."""
        code = normalize_code(state)
        if code in self.units.codes:
            return code
        known = ", ".join(dict.fromkeys(self.units.codes))
        if code not in states() and code.split("-")[0] not in states():
            raise UnknownUnit(f"unknown state {state!r}: {self.year} has {known}")
        raise UnknownUnit(f"{code} appointed no electors in {self.year}: {self.year} has {known}")

    @cached_property
    def _district_codes(self) -> frozenset[str]:
        """The year's district units (``ME-2`` ...), which appoint electors apart from their state."""
        return frozenset(code for code, st in zip(self.units.codes, self.units.states) if code != st)

    def _district_results(self, unit: str) -> pd.DataFrame:
        """:meth:`results` for one district unit: its counted electors and its district popular vote."""
        ev: Counter = Counter()
        for r in self._cast:
            if r.unit == unit and r.status == "counted":
                ev[r.candidate] += r.electoral_votes
        district = _district_votes(self.year)
        total = district["total"].get(unit)
        names = set(ev) | {c for (u, c) in district["votes"] if u == unit}
        state, _, number = unit.partition("-")
        rows = []
        for name in names:
            votes = district["votes"].get((unit, name))
            rows.append(dict(state=unit, name=f"{states()[state].name}, district {number}", candidate=name,
                             party=self.parties.get(name, ""), electoral_votes=ev.get(name, 0),
                             popular_votes=None if votes is None else int(votes),
                             share=(votes / total) if votes is not None and total else None))
        return _results_frame(rows)

    # -- the tally -------------------------------------------------------------------------------
    def tally(self) -> Tally:
        """The outcome as Congress counted it, with every special case explained in ``notes``."""
        return _tally(self.year)

    def winners(self) -> tuple[str | None, ...]:
        """The candidate each unit's electors voted for (the plurality of its counted votes), aligned to units."""
        by_unit: dict[str, Counter] = defaultdict(Counter)
        for r in self._cast:
            if r.status == "counted":
                by_unit[r.unit][r.candidate] += r.electoral_votes
        return tuple(by_unit[code].most_common(1)[0][0] if by_unit[code] else None for code in self.units.codes)

    def leading_pair(self) -> tuple[str | None, str | None]:
        """The two candidates analyses and swings compare: the top two in electoral votes among those with
        recorded popular votes (None where there are fewer).

        >>> election(1872).leading_pair()  # Greeley died before the electors met; his electors scattered
        ('Ulysses S. Grant', 'Horace Greeley')
        """
        ranked = [c.name for c in self.tally().candidates if c.popular_votes]
        first = ranked[0] if ranked else None
        return first, next((name for name in ranked if name != first), None)

    def two_party(self, first: str | None = None, second: str | None = None) -> TwoPartyVotes:
        """Popular votes of two candidates (default: the top two by electoral votes), aligned to units.

        District units (``ME-2``...) take their votes from the packaged district table where it has
        them, else NaN; at-large units of split states take the statewide vote.

        >>> tp = election(2020).two_party()
        >>> tp.candidates, round(tp.national_margin, 4)
        (('Joe Biden', 'Donald Trump'), 0.0454)
        """
        a, b = self._pair(first, second)
        state_votes, state_total, strongest_other = _state_votes(self.year, a, b)
        district = _district_votes(self.year)
        n = len(self.units)
        votes = np.full((n, 2), np.nan)
        total = np.full(n, np.nan)
        others = np.full(n, np.nan)
        for i, (code, st) in enumerate(zip(self.units.codes, self.units.states)):
            if "-" in code:
                source, totals = district["votes"], district["total"]
                key_state = code
            else:
                source, totals = state_votes, state_total
                key_state = st
            if key_state in totals:
                votes[i] = (source.get((key_state, a), 0.0), source.get((key_state, b), 0.0))
                total[i] = totals[key_state]
                others[i] = 0.0 if "-" in code else strongest_other[st]  # district returns name two candidates
        return TwoPartyVotes(self.units, (a, b), votes, total, others)

    def _pair(self, first: str | None, second: str | None) -> tuple[str, str]:
        """The two candidates of :meth:`two_party`, checked against the record (:class:`UnknownUnit`)."""
        ranked = [c.name for c in self.tally().candidates]
        a = first or ranked[0]
        b = second or next(n for n in ranked if n != a)
        known = {r.candidate for r in self._popular} | {c.name for c in self.tally().candidates}
        for name in (a, b):
            if name not in known:
                raise UnknownUnit(f"no candidate {name!r} in the {self.year} record")
        return a, b

    def popular_by_unit(self) -> tuple[tuple[tuple[tuple[str, int], ...], int | None], ...]:
        """Each unit's named candidates with their popular votes (most first) and all votes cast, aligned to units.

        At-large units of split states take the statewide vote, districts the packaged district table;
        ``((), None)`` where nothing is recorded (before 1824, legislatures, districts without data).

        >>> e = election(2020)
        >>> entries, total = e.popular_by_unit()[e.units.index("GA")]
        >>> entries[:2], total
        ((('Joe Biden', 2473633), ('Donald Trump', 2461854)), 4999960)
        """
        found: dict[str, dict[str, int]] = defaultdict(dict)
        totals: dict[str, int] = {}
        for r in self._popular:
            totals[r.state] = r.total_votes
            if r.kind == "candidate":
                found[r.state][r.candidate] = r.votes
        for r in rows_for("district_popular_vote", self.year):
            totals[r.unit] = r.total_votes
            found[r.unit][r.candidate] = r.votes
        out = []
        for code, st in zip(self.units.codes, self.units.states):
            key = code if "-" in code else st
            ranked = tuple(sorted(found.get(key, {}).items(), key=lambda item: (-item[1], item[0])))
            out.append((ranked, totals.get(key)))
        return tuple(out)

    def counted(self, candidates: tuple[str, ...]) -> np.ndarray:
        """Electoral votes Congress counted for each of ``candidates`` per unit, int64 ``(n_units, k)``.

        Split units keep their split: 1960 Alabama counted 5 for Kennedy and 6 for Byrd.

        >>> e = election(1960)
        >>> e.counted(("John F. Kennedy", "Harry F. Byrd"))[e.units.index("AL")].tolist()
        [5, 6]
        """
        position = {code: i for i, code in enumerate(self.units.codes)}
        column = {name: k for k, name in enumerate(candidates)}
        out = np.zeros((len(self.units), len(candidates)), dtype=np.int64)
        for r in self._cast:
            if r.status == "counted" and r.candidate in column:
                out[position[r.unit], column[r.candidate]] += r.electoral_votes
        return out


@lru_cache(maxsize=None)
def election(year: int | str) -> Election:
    """The recorded election of ``year`` (raises :class:`~electoral.errors.UnknownYear` for a year with none).

    >>> election(2000).tally().winner
    'George W. Bush'
    """
    return Election(validate_year(year))


@lru_cache(maxsize=None)
def _tally(year: int) -> Tally:
    """The recorded election of ``year`` tallied: counted votes, notes on every special case, history."""
    e = election(year)
    counted, notes = _counted_with_notes(e._cast)
    notes += _not_cast_notes(e._cast, ballot_rule(year).votes_per_elector)
    for r in rows_for("not_counted", year):
        if r.state not in e.units.states:
            notes.append(f"{states()[r.state].name} not counted: {r.reason}")
    contingent = rows_for("contingent_elections", year)
    for r in contingent:
        if r.office != "president":
            notes.append(f"{r.office}: the {r.decided_by} chose {r.chosen} on {r.date} ({r.detail})")
    history = next((Contingent(reason="", decided_by=r.decided_by, chosen=r.chosen, date=r.date.isoformat(),
                               detail=r.detail, source=r.source)
                    for r in contingent if r.office == "president"), None)
    popular: Counter = Counter()
    for r in e._popular:
        popular[r.candidate] += r.votes
    return tally_votes(year, counted, electors_appointed=e.units.total, parties=e.parties, popular_votes=popular,
                       notes=tuple(notes), history=history)


def _counted_with_notes(cast: tuple) -> tuple[Counter, list[str]]:
    """Electoral votes counted per candidate, and notes on faithless and unpledged electors, in row order."""
    counted: Counter = Counter()
    notes: list[str] = []
    for r in cast:
        if r.status == "counted":
            counted[r.candidate] += r.electoral_votes
        if r.pledged_to and r.status == "counted":
            notes.append(f"faithless: {r.state} elector(s) pledged to {r.pledged_to} voted for "
                         f"{r.candidate} ({r.electoral_votes}; {r.note})")
        elif r.note and "unpledged" in r.note:
            notes.append(f"unpledged: {r.state} {r.electoral_votes} elector(s) voted for {r.candidate}")
    return counted, notes


def _results_frame(rows: list[dict]) -> pd.DataFrame:
    """The results table: typed columns, sorted by state, electoral votes, popular votes and name."""
    df = pd.DataFrame(rows, columns=["state", "name", "candidate", "party", "electoral_votes", "popular_votes", "share"])
    df["popular_votes"] = df["popular_votes"].astype("Int64")
    df["share"] = df["share"].astype("Float64")
    # the candidate's name breaks ties, so equal votes list in the same order on every run
    return df.sort_values(["state", "electoral_votes", "popular_votes", "candidate"],
                          ascending=[True, False, False, True], na_position="last").reset_index(drop=True)


def _counted_by_state(cast: tuple) -> Counter:
    """Electoral votes counted per (state, candidate)."""
    ev: Counter = Counter()
    for r in cast:
        if r.status == "counted":
            ev[(r.state, r.candidate)] += r.electoral_votes
    return ev


NOT_COUNTED_LABELS = (("not_voted", "did not vote"), ("abstained", "abstained"), ("rejected", "not counted by Congress"))


def _not_cast_notes(cast: tuple, votes_per_elector: int) -> list[str]:
    """Notes on votes not counted (electors who did not vote, abstentions, rejected votes), by status."""
    notes: list[str] = []
    for status, label in NOT_COUNTED_LABELS:
        for r in (r for r in cast if r.status == status):
            electors = r.electoral_votes // votes_per_elector
            what = f"{electors} {r.state} elector{'s' if electors > 1 else ''} {label}"
            if status == "rejected":
                what = f"{r.electoral_votes} {r.state} vote(s) for {r.candidate} {label}"
            notes.append(f"{what}: {r.note}" if r.note else what)
    return notes


def _state_votes(year: int, a: str, b: str) -> tuple[dict, dict, defaultdict]:
    """Statewide popular votes of ``year``: (state, candidate) -> votes, state -> all votes, and state -> the
    votes of the strongest candidate other than ``a`` and ``b`` (floats; only candidates can carry a unit)."""
    popular = rows_for("popular_vote", year)
    state_votes: dict[tuple[str, str], float] = {(r.state, r.candidate): float(r.votes) for r in popular}
    state_total: dict[str, float] = {r.state: float(r.total_votes) for r in popular}
    strongest_other: dict[str, float] = defaultdict(float)
    for r in popular:
        if receives_electors(r.kind) and r.candidate not in (a, b):
            strongest_other[r.state] = max(strongest_other[r.state], float(r.votes))
    return state_votes, state_total, strongest_other


@lru_cache(maxsize=None)
def _district_votes(year: int) -> dict[str, dict]:
    """Packaged Maine/Nebraska district popular votes for ``year`` (empty where none are packaged)."""
    votes: dict[tuple[str, str], float] = {}
    total: dict[str, float] = {}
    try:
        rows = rows_for("district_popular_vote", year)
    except FileNotFoundError:
        rows = ()
    for r in rows:
        votes[(r.unit, r.candidate)] = votes.get((r.unit, r.candidate), 0.0) + float(r.votes)
        if r.total_votes is not None:
            total[r.unit] = float(r.total_votes)
        else:
            total.setdefault(r.unit, 0.0)
    return {"votes": votes, "total": total}


def check_consistency(year: int) -> None:
    """Raise if any unit's votes cast + not cast differ from its electors (a data invariant)."""
    e = election(year)
    per = ballot_rule(year).votes_per_elector
    cast: Counter = Counter()
    for r in e._cast:
        cast[r.unit] += r.electoral_votes
    for code, electors in zip(e.units.codes, e.units.electoral_votes):
        if cast[code] != electors * per:
            raise InvalidInput(f"{year} {code}: {cast[code]} votes recorded for {electors} electors")
