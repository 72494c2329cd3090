"""Output models of the record: election years, the tally, per-state results and the map document.

>>> from electoral.output.base import document
>>> from electoral.record import election
>>> doc = document(map_out(election(2020)))
>>> next(u for u in doc["units"] if u["code"] == "NE-2")["side"], doc["margin_candidates"]
('D', ['Joe Biden', 'Donald Trump'])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from electoral.margins import SHADES, shade
from electoral.margins import margin as margin_of
from electoral.output.base import Output, finite_or_none, frame_records
from electoral.record import Election, election
from electoral.sides import side_of, unit_sides
from electoral.tally import Tally
from electoral.units import states

Side = Literal["D", "R", "O"]


class YearsOut(Output):
    years: list[int]


def years_out(years: Iterable[int]) -> YearsOut:
    """Every election year in the record.

    >>> years_out([2016, 2020]).years
    [2016, 2020]
    """
    return YearsOut.of(years=list(years))


# -- the tally ---------------------------------------------------------------------------------
class ContingentOut(Output):
    reason: str
    decided_by: str
    candidates: list[str]
    chosen: str | None
    date: str | None
    detail: str
    source: str | None


class TallyCandidate(Output):
    name: str
    party: str
    electoral_votes: int
    popular_votes: int | None
    popular_share: float | None


class TallyOut(Output):
    year: int
    electors_appointed: int
    votes_per_elector: int
    majority_needed: int
    candidates: list[TallyCandidate]
    winner: str | None
    elected: str | None
    contingent: ContingentOut | None
    outcome: str
    notes: list[str]
    popular_votes_total: int | None


def tally_out(tally: Tally) -> TallyOut:
    """The tally as Congress counted it (``electoral tally --json``, ``GET /api/elections/{year}/tally``).

    >>> from electoral.tally import tally_votes
    >>> tally_out(tally_votes(2020, {"A": 269, "B": 269}, electors_appointed=538)).contingent.candidates
    ['A', 'B']
    """
    contingent = None
    if tally.contingent:
        c = tally.contingent
        contingent = ContingentOut.of(
            reason=c.reason, decided_by=c.decided_by, candidates=list(c.candidates), chosen=c.chosen, date=c.date,
            detail=c.detail, source=c.source or None)
    return TallyOut.of(
        year=tally.year, electors_appointed=tally.electors_appointed, votes_per_elector=tally.votes_per_elector,
        majority_needed=tally.majority_needed,
        candidates=[TallyCandidate.of(
            name=c.name, party=c.party, electoral_votes=c.electoral_votes, popular_votes=c.popular_votes,
            popular_share=c.popular_share) for c in tally.candidates],
        winner=tally.winner, elected=tally.elected, contingent=contingent, outcome=tally.outcome,
        notes=list(tally.notes), popular_votes_total=tally.popular_votes_total)


# -- per-state results -------------------------------------------------------------------------
class ResultRow(Output):
    state: str
    name: str
    candidate: str
    party: str
    electoral_votes: int
    popular_votes: int | None
    share: float | None


class ResultsOut(Output):
    year: int
    state: str | None
    rows: list[ResultRow]


def results_out(election: Election, state: str | None = None) -> ResultsOut:
    """Per-state results of an election (all states, or one).

    >>> from electoral.record import election
    >>> doc = results_out(election(2020), "me")
    >>> doc.state, sorted(r.electoral_votes for r in doc.rows if r.electoral_votes)
    ('ME', [1, 3])
    """
    rows = [ResultRow.of(**row) for row in frame_records(election.results(state))]
    return ResultsOut.of(year=election.year, state=state.strip().upper() if state else None, rows=rows)


# -- the map -----------------------------------------------------------------------------------
class MapCandidate(Output):
    name: str
    party: str
    side: Side
    electoral_votes: int


class PopularEntry(Output):
    candidate: str
    votes: int


class MapUnit(Output):
    code: str = Field(description="Unit code: a state ('PA'), DC, or a district ('ME-2', 'NE-2').")
    state: str
    name: str
    electoral_votes: int
    winner: str | None = Field(description="Candidate the unit's electors voted for (None if none counted).")
    side: Side | None = Field(description="D, R or O: the winner's party line (see electoral.sides).")
    margin: float | None = Field(description="Two-party margin (a - b) / (a + b) of margin_candidates; null if unknown.")
    votes: dict[str, int] = Field(description="Electoral votes Congress counted from the unit, per candidate "
                                              "(before 1804 two per elector).")
    popular: list[PopularEntry] = Field(description="Popular votes of the unit's named candidates, most first (at most 4).")
    popular_total: int | None = Field(description="All popular votes cast in the unit; null where none are recorded.")
    lead: float | None = Field(description="The popular-vote leader's lead over the runner-up, a share of all votes.")
    shade: Literal["tossup", "lean", "likely", "safe"] | None = Field(
        description="The lead's band (electoral.margins.SHADES); null where no popular vote is recorded.")


class ShadeOut(Output):
    name: str
    below: float | None = Field(description="Upper bound of the lead (share of all votes); null: no bound.")


class TwoWayOut(Output):
    candidates: list[str] = Field(description="The two leading candidates the paths and odds compare (may be empty).")
    paths: str | None = Field(description="Why paths to a majority do not apply this year; null when they do.")
    tipping: str | None = Field(description="Why there is no tipping-point analysis this year; null when there is.")
    odds: str | None = Field(description="Why the odds do not apply this year; null when they do.")
    odds_first_side: Literal["D", "R"] | None = Field(
        description="The probability model's side (D or R) of the first candidate; null when odds do not apply.")


class MapOut(Output):
    year: int
    electors_appointed: int
    majority_needed: int
    votes_per_elector: int
    candidates: list[MapCandidate]
    margin_candidates: list[str] | None
    units: list[MapUnit]
    tally: TallyOut = Field(description="The tally as Congress counted it (= GET /api/elections/{year}/tally).")
    two_way: TwoWayOut
    shades: list[ShadeOut]


def unit_name(code: str, split_states: frozenset[str] | set[str] = frozenset()) -> str:
    """A readable name for a unit code; ``split_states`` are states voting by district that year.

    >>> unit_name("NE-2"), unit_name("ME", {"ME"}), unit_name("DC")
    ('Nebraska district 2', 'Maine at large', 'District of Columbia')
    """
    state, _, district = code.partition("-")
    name = states()[state].name
    if district:
        return f"{name} district {district}"
    return f"{name} at large" if state in split_states else name


def map_out(election: Election) -> MapOut:
    """Everything the map page draws for one election: allotment, candidates, winners, margins, the tally.

    ``margin`` is the unit's two-party margin of the top two candidates by electoral votes,
    ``(first - second) / (first + second)``, named in ``margin_candidates``; ``None`` where no
    popular vote is recorded (electors chosen by legislatures, districts without data, or an
    election with a single candidate). ``lead`` is the unit's popular-vote leader's lead over the
    runner-up as a share of all votes, and ``shade`` its band (:func:`electoral.margins.shade`).
    ``tally`` is the record's tally, the same document as ``electoral tally YEAR --json``.

    >>> from electoral.record import election
    >>> doc = map_out(election(2020))
    >>> ga = next(u for u in doc.units if u.code == "GA")
    >>> ga.votes, round(ga.lead, 4), ga.shade, doc.two_way.candidates
    ({'Joe Biden': 16}, 0.0024, 'tossup', ['Joe Biden', 'Donald Trump'])
    """
    units = election.units
    tally = election.tally()
    with_votes = [c for c in tally.candidates if c.electoral_votes > 0]
    margins: list[float | None] = [None] * len(units)
    margin_candidates: list[str] | None = None
    if len(with_votes) >= 2:  # two_party needs two candidates (1789-1820 had elections with one)
        two_party = election.two_party()
        margin_candidates = list(two_party.candidates)
        margins = [finite_or_none(m) for m in two_party.margin]
    split_states = {code.partition("-")[0] for code in units.codes if "-" in code}
    names = tuple(c.name for c in with_votes)
    counted = election.counted(names)
    rows = zip(units.codes, units.states, units.electoral_votes, election.winners(), unit_sides(election), margins,
               counted, election.popular_by_unit())
    return MapOut.of(
        year=election.year, electors_appointed=tally.electors_appointed, majority_needed=tally.majority_needed,
        votes_per_elector=tally.votes_per_elector,
        candidates=[MapCandidate.of(name=c.name, party=c.party, side=side_of(c.party),
                                    electoral_votes=c.electoral_votes) for c in with_votes],
        margin_candidates=margin_candidates,
        units=[_map_unit(code, unit_name(code, split_states), state, int(ev), winner, side, margin,
                         {n: int(v) for n, v in zip(names, votes) if v}, popular)
               for code, state, ev, winner, side, margin, votes, popular in rows],
        tally=tally_out(tally), two_way=two_way_out(election),
        shades=[ShadeOut.of(name=name, below=below if below != float("inf") else None) for name, below in SHADES])


def _map_unit(code: str, name: str, state: str, ev: int, winner: str | None, side: str | None, margin: float | None,
              votes: dict[str, int], popular: tuple[tuple[tuple[str, int], ...], int | None]) -> MapUnit:
    entries, total = popular
    lead = None
    if entries and total:
        runner_up = entries[1][1] if len(entries) > 1 else 0
        lead = finite_or_none(margin_of("all", entries[0][1], runner_up, total))
    return MapUnit.of(code=code, state=state, name=name, electoral_votes=ev, winner=winner, side=side, margin=margin,
                      votes=votes, popular=[PopularEntry.of(candidate=c, votes=int(v)) for c, v in entries[:4]],
                      popular_total=None if total is None else int(total), lead=lead, shade=shade(lead))


def two_way_out(election: Election) -> TwoWayOut:
    """The two leading candidates the paths and odds panels compare, or why they do not apply, in plain words.

    >>> two_way_out(election(1800)).paths[:40]
    'Before 1804 each elector cast two votes '
    >>> w = two_way_out(election(1912)); w.candidates, w.paths, w.odds[:45]
    (['Woodrow Wilson', 'Theodore Roosevelt'], None, 'The odds compare the Democratic and Republica')
    >>> two_way_out(election(2016)).odds_first_side
    'R'
    """
    year = election.year
    first, second = election.leading_pair()
    pair = [name for name in (first, second) if name]
    if election.tally().votes_per_elector > 1:
        why = (f"Before 1804 each elector cast two votes for President, so {year} was not a race between two "
               "candidates for one vote each: paths and odds do not apply.")
        tipping = f"No popular vote is recorded for {year} (electors were chosen mostly by legislatures): no margins to order the states by."
        return TwoWayOut.of(candidates=pair, paths=why, tipping=tipping, odds=why, odds_first_side=None)
    if len(pair) < 2:
        why = (f"No popular vote is recorded for two candidates in {year} (the record has popular votes from "
               "1824), so there are no margins to weigh the units by: paths and odds do not apply.")
        return TwoWayOut.of(candidates=pair, paths=why, tipping=why.split(": ")[0] + ".", odds=why, odds_first_side=None)
    parties = [election.parties.get(name, "") for name in pair]
    sides = [side_of(party) for party in parties]
    if sorted(sides) == ["D", "R"]:
        return TwoWayOut.of(candidates=pair, paths=None, tipping=None, odds=None, odds_first_side=sides[0])
    why = (f"The odds compare the Democratic and Republican lines; in {year} the two leading candidates, "
           f"{pair[0]} ({parties[0] or 'no party'}) and {pair[1]} ({parties[1] or 'no party'}), were not one of each, "
           "so the odds do not apply.")
    return TwoWayOut.of(candidates=pair, paths=None, tipping=None, odds=why, odds_first_side=None)
